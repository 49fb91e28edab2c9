// iCalendar text rules as tables: escaping (RFC 5545 3.3.11) and folding at 75 octets (3.1).
import { describe, expect, it } from 'vitest';
import { foldLine, icsStamp, icsText } from '../../src/render/ics.js';

describe('icsText', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['a\\b', 'a\\\\b'],
    ['line1\nline2', 'line1\\nline2'],
    ['line1\r\nline2', 'line1\\nline2'],
    ['tab\there\u0007bell\u001b[31m', 'tabherebell[31m'],
    ['修屋顶，漏雨；急', '修屋顶，漏雨；急'], // full-width punctuation is not special
  ])('%j → %j', (input, want) => expect(icsText(input)).toBe(want));
});

describe('foldLine', () => {
  const octets = (s: string) => s.split('\r\n').map((l) => Buffer.byteLength(l, 'utf8'));
  it.each([
    ['x'.repeat(75), [75]],
    ['x'.repeat(76), [75, 2]],
    ['x'.repeat(75 + 74), [75, 75]],
    ['x'.repeat(75 + 75), [75, 75, 2]],
    // 25 Chinese characters are 75 octets; the 26th moves to the next line whole.
    ['屋'.repeat(25), [75]],
    ['屋'.repeat(26), [75, 4]],
    ['a' + '屋'.repeat(25), [73, 4]], // 'a' and 24 characters; the 25th would cross 75
  ])('%#: line lengths in octets', (line, want) => {
    const folded = foldLine(line);
    expect(octets(folded)).toEqual(want);
    // Unfolding (remove CRLF + one space) gives the line back, no character broken.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

it('icsStamp is a UTC date-time', () => {
  expect(icsStamp(new Date('2026-12-01T06:00:05.123Z'))).toBe('20261201T060005Z');
});
