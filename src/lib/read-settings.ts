import { type BotFormat, botFormats } from './bot-formats.ts';
import { defaultTicketPattern } from './find-tickets.ts';
import { defaultJobName } from './split-job-name.ts';

/**
 * How the model is read from the messages, beyond the failure rules: the bot families (tried in order), the
 * `jobName` pattern that splits job names, and the `ticketPattern` that finds ticket references.
 */
export interface ReadSettings {
  formats: readonly BotFormat[];
  jobName: RegExp;
  ticketPattern: RegExp;
}

export const defaultReadSettings: ReadSettings = {
  formats: botFormats,
  jobName: defaultJobName,
  ticketPattern: defaultTicketPattern,
};
