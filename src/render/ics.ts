// The agenda as an iCalendar file (RFC 5545): all-day events a phone calendar can subscribe to.
// Each event's UID is the item's stable key, so a file refreshed by cron updates events in place.
import type { DueItem } from '../domain/due.js';
import { label, t } from '../i18n/index.js';
import { addDays, type IsoDate } from '../time/dates.js';
import { daysText } from './agenda.js';

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped; other controls dropped. */
export function icsText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/**
 * One content line folded at 75 octets (RFC 5545 3.1): continuation lines start with a space, and a
 * fold never falls inside a UTF-8 sequence (a Chinese character is 3 octets).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const icsDate = (d: IsoDate) => d.replace(/-/g, '');

/** A UTC timestamp 'YYYYMMDDTHHMMSSZ' (DTSTAMP). */
export function icsStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * The calendar. An overdue item sits on today (a past day's event is never seen), its summary
 * saying how late it is; the others on their due day.
 */
export function renderIcs(items: readonly DueItem[], today: IsoDate, now: Date, calendarName: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//fs//agenda//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(calendarName)}`];
  const stamp = icsStamp(now);
  for (const i of items) {
    const day = i.days < 0 ? today : i.due;
    const summary = i.days < 0 ? t('agenda.overdue_summary', { days: daysText(i.days), title: i.title }) : i.title;
    const field = (name: string, value: string) => t('agenda.ics_field', { name, value });
    const description = [i.person ? field(t('col.person'), i.person) : '', field(t('agenda.col.due'), i.due), i.action].filter(Boolean).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(`${i.key}@fs`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(day)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(day, 1))}`,
      `SUMMARY:${icsText(summary)}`,
      `DESCRIPTION:${icsText(description)}`,
      `CATEGORIES:${icsText(label('due_kind', i.kind))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
