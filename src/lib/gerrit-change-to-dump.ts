import { parseDescription } from './parse-description.ts';
import { reviewText } from './review-text.ts';
import type { Dump, GerritChange, InlineComment, RawMessage, SourcePosition } from './types.ts';

/** One review message of a JSON export, its fields already read off the JSON. */
export interface GerritMessageParts {
  author: string;
  username?: string | undefined;
  date: string | null;
  rawDate: string;
  text: string;
  patchSet?: number;
  tag?: string;
  inlineComments?: InlineComment[];
  /** Inline comments that belong to no message (`gerrit query` lists them per patch set, not per message). */
  mismatched?: boolean;
}

/** One change of a JSON export, both forms alike. */
export interface GerritChangeParts {
  layout: 'gerrit-query' | 'gerrit-rest';
  /** Where the change starts: the file and the line of its JSON. */
  position: SourcePosition;
  changeId?: string;
  /** The current patch set's commit message, when the export has it. */
  commitMessage?: string | undefined;
  subject?: string | undefined;
  patchSets: number[];
  messages: GerritMessageParts[];
  gerrit: GerritChange;
  digest: string;
}

/**
 * Builds the dump of one change of a Gerrit JSON export: the same shape the text reader gives, so everything
 * after the reader treats both alike. Texts are normalised as the text reader does; every message is placed at
 * the line of its change. Without a commit message the description is the subject alone: nothing is made up.
 */
export function gerritChangeToDump(parts: GerritChangeParts): Dump {
  const { position } = parts;
  const text = reviewText(parts.commitMessage ?? parts.subject ?? '');
  const description = parseDescription(text, position);
  description.position = { ...position };
  // Gerrit's own Change-Id is the one it files the change under, whatever the footer says.
  if (parts.changeId) description.changeId = parts.changeId;
  const messages = parts.messages.map((message): RawMessage => {
    const raw: RawMessage = {
      author: message.author,
      date: message.date,
      rawDate: message.rawDate,
      text: reviewText(message.text),
      textLine: position.line,
      inlineComments: message.inlineComments ?? [],
      mismatched: message.mismatched ?? false,
      position: { ...position },
    };
    if (message.patchSet !== undefined) raw.patchSet = message.patchSet;
    if (message.tag !== undefined) raw.tag = message.tag;
    if (message.username) raw.username = message.username;
    return raw;
  });
  return {
    file: position.file,
    digest: parts.digest,
    layout: parts.layout,
    description,
    messages,
    patchSets: [...new Set(parts.patchSets)].sort((a, b) => a - b),
    gerrit: parts.gerrit,
  };
}
