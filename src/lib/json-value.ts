/** Typed reads of one JSON object's fields: a field of the wrong type reads as absent, never as a wrong value. */
export interface JsonFields {
  string(key: string): string | undefined;
  /** A whole number, also when written as a string of digits (older Gerrit versions quote change numbers). */
  integer(key: string): number | undefined;
  object(key: string): Record<string, unknown> | undefined;
  array(key: string): unknown[] | undefined;
}

/** Reads the fields of a parsed JSON value that should be an object; `null` when it is not one. */
export function jsonValue(value: unknown): JsonFields | null {
  if (!isObject(value)) return null;
  const own = (key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
  return {
    string: (key) => {
      const field = own(key);
      return typeof field === 'string' ? field : undefined;
    },
    integer: (key) => {
      const field = own(key);
      const number = typeof field === 'string' && /^-?\d{1,15}$/.test(field) ? Number(field) : field;
      return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
    },
    object: (key) => {
      const field = own(key);
      return isObject(field) ? field : undefined;
    },
    array: (key) => {
      const field = own(key);
      return Array.isArray(field) ? field : undefined;
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
