import { findTickets } from './find-tickets.ts';
import { trimBlankLines } from './trim-blank-lines.ts';
import type { Description, SourcePosition } from './types.ts';

const changeIdFooter = /^Change-Id:\s*(\S+)\s*$/i;
const seriesMarker = /\[(\d{1,4})\/(\d{1,4})\]/;

/** Splits a commit message into subject, body, Change-Id footer, ticket references and series position. */
export function parseDescription(text: string, position: SourcePosition): Description {
  const lines = text.split('\n');
  let subjectIndex = lines.findIndex((line) => line.trim() !== '');
  if (subjectIndex < 0) subjectIndex = lines.length;
  const subject = (lines[subjectIndex] ?? '').trim();

  let changeId: string | undefined;
  const bodyLines: string[] = [];
  for (let i = subjectIndex + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const footer = changeIdFooter.exec(line);
    if (footer) {
      changeId = footer[1];
      continue;
    }
    bodyLines.push(line);
  }

  const tickets = findTickets(`${subject}\n${bodyLines.join('\n')}`);

  const series = seriesMarker.exec(subject);
  const description: Description = {
    subject,
    body: trimBlankLines(bodyLines).join('\n'),
    text,
    tickets,
    // A commit message without a subject line is located where it starts.
    position: { file: position.file, line: position.line + (subjectIndex < lines.length ? subjectIndex : 0) },
  };
  if (changeId !== undefined) description.changeId = changeId;
  if (series) {
    const index = Number(series[1]);
    const total = Number(series[2]);
    if (index >= 1 && index <= total) description.series = { index, total };
  }
  return description;
}
