/**
 * Ids for feed entries: `tag:` URIs (RFC 4151) under a fixed authority, so an entry keeps its id whatever
 * host or sub-path the site is published at, and feed readers never show an occurrence twice.
 */
const authority = 'review-reports,2026';

/** The id of the newest-failures feed. */
export function feedTag(): string {
  return `tag:${authority}:feed/newest-failures`;
}

/** One failure occurrence: a signature in one build of one job of one change. */
export function failureTag(changeId: string, job: string, build: number | string, signatureSlug: string): string {
  const part = (text: string) => encodeURIComponent(text);
  return `tag:${authority}:failure/${part(changeId)}/${part(job)}/${part(String(build))}/${part(signatureSlug)}`;
}

/** A signature that is new or back, at the occurrence that made it so. */
export function sinceTag(
  status: string,
  signatureSlug: string,
  changeId: string,
  job: string,
  build: number | string,
): string {
  const part = (text: string) => encodeURIComponent(text);
  return `tag:${authority}:${part(status)}/${part(signatureSlug)}/${part(changeId)}/${part(job)}/${part(String(build))}`;
}
