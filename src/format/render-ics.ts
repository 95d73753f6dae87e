import { withoutControls } from './safe-text.js';

/** One all-day event of an iCalendar. @internal */
export interface IcsEvent {
  /** Globally unique and stable, so a re-exported calendar updates events instead of duplicating them. */
  uid: string;
  /** The day, as an ISO date. */
  date: string;
  summary: string;
  description: string;
  categories?: readonly string[];
  /** Add a display alarm at 09:00 on the day. */
  alarm?: boolean;
}

/** Options for {@link renderIcs}. @internal */
export interface RenderIcsOptions {
  /** The product identifier, e.g. `-//forecast-ledger//forecast-ledger 0.1.0//EN`. */
  prodId: string;
  /** The calendar's display name. */
  name: string;
  /** When the calendar was generated (DTSTAMP). */
  stamp: Date;
}

/**
 * A TEXT value (RFC 5545 §3.3.11): control characters, bidirectional controls and lone surrogates
 * dropped (RFC 5545 allows no control but the tab in a value), then backslash, semicolon and comma
 * escaped and every line break written as `\n`.
 *
 * @internal
 */
export function escapeIcsText(text: string): string {
  return withoutControls(text)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replaceAll('\n', '\\n');
}

/**
 * Folds a content line so no line is longer than 75 octets (RFC 5545 §3.1): continuation lines
 * start with one space, and a UTF-8 character is never split.
 *
 * @internal
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // a continuation line's leading space is one of its 75 octets
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basicDate = (iso: string): string => iso.replaceAll('-', '');
const nextDay = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const utcStamp = (d: Date): string => `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/**
 * Renders an RFC 5545 calendar with one all-day `VEVENT` per event: UID, DTSTAMP,
 * DTSTART;VALUE=DATE and the exclusive DTEND, SUMMARY, DESCRIPTION, CATEGORIES; lines folded at 75
 * octets and ended by CRLF.
 *
 * @internal
 */
export function renderIcs(events: readonly IcsEvent[], options: RenderIcsOptions): string {
  const stamp = utcStamp(options.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeIcsText(options.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(options.name)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(e.date)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(e.date))}`,
      `SUMMARY:${escapeIcsText(e.summary)}`,
      `DESCRIPTION:${escapeIcsText(e.description)}`,
      'TRANSP:TRANSPARENT',
    );
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeIcsText).join(',')}`);
    if (e.alarm) lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeIcsText(e.summary)}`, 'TRIGGER;RELATED=START:PT9H', 'END:VALARM');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map((l) => `${foldIcsLine(l)}\r\n`).join('');
}
