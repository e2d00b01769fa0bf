import { rmSync } from 'node:fs';
import { checkLinks } from '../integration/check-links.ts';
import { type ClaimOptions, claimOutputDir, type OutputClaim } from './claim-output-dir.ts';
import { createStagingDir } from './create-staging-dir.ts';
import type { CommandIo } from './parse-command.ts';
import { type Publication, publishSite } from './publish-site.ts';
import { recoverSite } from './recover-site.ts';
import { stopOnSignal } from './stop-on-signal.ts';

/** A build's hold on its `--out`, from the claim to the swap. */
export interface OpenOutput {
  claim: OutputClaim;
  /** Clears what killed builds left, then makes the folder this build assembles the site in. */
  stage: () => string;
  /** Checks the assembled site's links, then swaps it in. */
  publish: (base: string) => Publication;
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
    stage: () => {
      const recovery = recoverSite(claim.out);
      if (recovery.restored) note(`put back the site a killed build had moved to ${recovery.restored}`);
      if (recovery.removed > 0) note(`removed ${recovery.removed} work folders of killed builds`);
      for (const kept of recovery.kept) io.stderr(`review-reports: kept ${kept}: ${keptWhy}\n`);
      staging = createStagingDir(claim.out);
      return staging;
    },
    publish: (base) => {
      if (!staging) throw new Error('publish before stage');
      note('checking the site');
      const broken = checkLinks(staging, base);
      if (broken.length > 0) {
        const shown = broken.slice(0, 20).map((link) => `  ${link.page}: ${link.href} (${link.reason})`);
        throw new Error(
          `internal error: the built site has ${broken.length} broken links:\n${shown.join('\n')}\nNothing was published. Please report this as a bug in review-reports.`,
        );
      }
      const publication = publishSite(staging, claim);
      staging = null;
      published = true;
      if (publication.kept > 0) note(`kept ${publication.kept} files in ${out} that review-reports did not write`);
      if (publication.leftOver) io.stderr(`review-reports: kept ${publication.leftOver}: ${keptWhy}\n`);
      return publication;
    },
    close: () => {
      abandon();
      release();
    },
  };
}

const keptWhy =
  'it holds files of yours from --out that the new site replaced (or added during the swap); delete it when you no longer need them';
