import { jsonValue } from './json-value.ts';

/** A Gerrit account as reports show it: its full name, and its username when the export has one. */
export interface AccountName {
  name: string;
  username?: string;
}

/**
 * The name a Gerrit account (`gerrit query`'s account attribute, the REST API's AccountInfo) is shown under:
 * its full name, as the text dumps write authors, else its username, email or account number, else `''`
 * (a message Gerrit itself posted has no author).
 */
export function accountName(value: unknown): AccountName {
  const account = jsonValue(value);
  if (!account) return { name: '' };
  const username = account.string('username');
  const id = account.integer('_account_id');
  const name =
    account.string('name')?.trim() ||
    account.string('display_name')?.trim() ||
    username?.trim() ||
    account.string('email')?.trim() ||
    (id === undefined ? '' : `account ${id}`);
  return username ? { name, username } : { name };
}
