import { rmSync } from 'node:fs';
import { checkLinks } from '../integration/check-links.ts';
import { type ClaimOptions, claimOutputDir, type OutputClaim } from './claim-output-dir.ts';
import { createStagingDir } from './create-staging-dir.ts';
import { listSiteFiles } from './list-site-files.ts';
import { openPageLinkMemo, type StoredPageLinkMemo } from './page-link-memo.ts';
import type { CommandIo } from './parse-command.ts';
import { publishSite } from './publish-site.ts';
import { recoverSite } from './recover-site.ts';
import { removeReplacedSite } from './remove-replaced-site.ts';
import { type SiteSize, siteSize } from './site-size.ts';
import { stopOnSignal } from './stop-on-signal.ts';

/** What publishing did, with the size figures of the published site (its files the manifest lists). */
export interface Publication extends SiteSize {
  /** Files the new site's manifest lists. */
  files: number;
  /** Files of the user's carried over from the previous `--out`. */
  kept: number;
  /** The replaced site's folder, when it still holds files that are not review-reports' (the new site replaced them). */
  leftOver: string | null;
}

/** A build's hold on its `--out`, from the claim to the swap. */
export interface OpenOutput {
  claim: OutputClaim;
  /** Clears what killed builds left, then makes the folder this build assembles the site in. */
  stage: () => Promise<string>;
  /**
   * Reads the assembled site's pages for the link check ahead of it, once they are final and while something else
   * (Pagefind) keeps the build waiting: the check then only resolves their links. With `linkMemo` (a file in the
   * cache dir), pages whose bytes are those an earlier check read are not read again.
   */
  readPagesAhead: (linkMemo?: string) => void;
  /** Checks the assembled site's links, then swaps it in and empties the replaced site. */
  publish: (base: string, linkMemo?: string) => Promise<Publication>;
  /** Removes the assembling folder if it was not published, and stops watching for signals. */
  close: () => void;
}

/**
 * Claims `--out` for a build (or prints why not and returns `null`: exit 2), and from then on turns Ctrl-C
 * and SIGTERM into a prompt stop that leaves the published site as it was.
 */
export function openOutput(out: string, options: ClaimOptions & { quiet: boolean }, io: CommandIo): OpenOutput | null {
  const claim = claimOutputDir(out, options);
  if ('refusal' in claim) {
    io.stderr(`review-reports: ${claim.refusal}\n`);
    return null;
  }
  let staging: string | null = null;
  let published = false;
  let memo: StoredPageLinkMemo | undefined;
  const memoOf = (root: string, file: string | undefined) => {
    memo ??= openPageLinkMemo(file, root);
    return memo;
  };
  const abandon = () => {
    if (staging) rmSync(staging, { recursive: true, force: true });
    staging = null;
  };
  const release = stopOnSignal(() => {
    if (published) return `the new site was already published in ${out}`;
    abandon();
    return `${out} is as it was`;
  }, io);
  const note = (text: string) => {
    if (!options.quiet) io.stderr(`${text}\n`);
  };
  return {
    claim,
    stage: async () => {
      const recovery = await recoverSite(claim.out);
      if (recovery.restored) note(`put back the site a killed build had moved to ${recovery.restored}`);
      if (recovery.removed > 0) note(`removed ${recovery.removed} work folders of killed builds`);
      for (const kept of recovery.kept) io.stderr(`review-reports: kept ${kept}: ${keptWhy}\n`);
      staging = createStagingDir(claim.out);
      return staging;
    },
    readPagesAhead: (linkMemo) => {
      if (!staging) throw new Error('reading pages before stage');
      const pages = listSiteFiles(staging).filter((file) => file.regular && file.path.endsWith('.html'));
      memoOf(staging, linkMemo).readAhead(pages.map((file) => file.path));
    },
    publish: async (base, linkMemo) => {
      if (!staging) throw new Error('publish before stage');
      note('checking the site');
      // One walk of the site for the link check, the size figures and the manifest; nothing writes to it meanwhile.
      const files = listSiteFiles(staging);
      const linkCheckMemo = memoOf(staging, linkMemo);
      const broken = checkLinks(
        staging,
        base,
        files.filter((file) => file.regular).map((file) => file.path),
        linkCheckMemo,
      );
      if (broken.length > 0) {
        const shown = broken.slice(0, 20).map((link) => `  ${link.page}: ${link.href} (${link.reason})`);
        throw new Error(
          `internal error: the built site has ${broken.length} broken links:\n${shown.join('\n')}\nNothing was published. Please report this as a bug in review-reports.`,
        );
      }
      // Only a site with no broken link is remembered: every page in the memo had its own anchors checked.
      linkCheckMemo.save();
      const size = siteSize(staging, files);
      // From the link check to the second rename of the swap nothing awaits: a signal lands before or after it.
      const swap = publishSite(
        staging,
        claim,
        files.map((file) => file.path),
      );
      staging = null;
      published = true;
      if (swap.kept > 0) note(`kept ${swap.kept} files in ${out} that review-reports did not write`);
      const leftOver =
        swap.replaced !== null && (await removeReplacedSite(swap.replaced, claim.out)) > 0 ? swap.replaced : null;
      if (leftOver) io.stderr(`review-reports: kept ${leftOver}: ${keptWhy}\n`);
      return { files: swap.files, kept: swap.kept, leftOver, ...size };
    },
    close: () => {
      abandon();
      release();
    },
  };
}

const keptWhy =
  'it holds files of yours from --out that the new site replaced (or added during the swap); delete it when you no longer need them';
