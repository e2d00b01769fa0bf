/**
 * Fills a signature template: `{name}` is replaced by the field; a `[...]` part is kept only when every field
 * named inside it is present.
 */
export function fillSignature(template: string, fields: Readonly<Record<string, string | undefined>>): string {
  const fill = (part: string): string | null => {
    let missing = false;
    const filled = part.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = fields[name];
      if (value === undefined || value === '') missing = true;
      return value ?? '';
    });
    return missing ? null : filled;
  };
  const withOptional = template.replace(/\[([^\]]*)\]/g, (_, part: string) => fill(part) ?? '');
  return withOptional.replace(/\{(\w+)\}/g, (_, name: string) => fields[name] ?? '');
}
