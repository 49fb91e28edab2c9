// The redactor (src/domain/redact.ts) as tables of cases: pseudonyms in each language's
// convention, salted so that the roster does not give them back, every name ever held masked in
// text, Latin names whatever their case, phone numbers however they are written.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeRedactor, maskPhones, type LedgerFacts } from '../../src/domain/redact.js';

const facts = (over: Partial<LedgerFacts> = {}): LedgerFacts => ({
  salt: 'a1b2c3',
  people: [
    { id: 1, names: ['王秀英'] },
    { id: 2, names: ['王秀'] }, // a name inside a longer one
    { id: 3, names: ['张三'] },
    { id: 7, names: ['张三'] }, // names are not unique
    { id: 8, names: ['赵老六', '赵六'] }, // renamed: 赵六 is the old name
    { id: 9, names: ['芳'] }, // a one-character name
    { id: 10, names: ['John Smith'] },
    { id: 11, names: ['欧阳娜娜'] },
  ],
  households: [
    { id: 1, labels: ['王大山家'] },
    { id: 2, labels: ['12'] }, // a bare house number
    { id: 3, labels: ['李家新院', '李家'] },
  ],
  otherNames: ['刘帮扶', '调解主任', '李明'],
  phones: ['0851 8877 6655'],
  ...over,
});

describe('pseudonyms', () => {
  const zh = makeRedactor(facts(), 'zh');
  const en = makeRedactor(facts(), 'en');

  it.each([
    ['王秀英', 1],
    ['刘帮扶', null],
    ['欧阳娜娜', 11],
  ] as const)('%s in zh is surname + 某, with a number only where two would collide', (name, id) => {
    expect(zh.name(name, id)).toMatch(/^(王某2?|刘某|欧阳某)$/);
  });

  it('two people sharing a surname get 王某 and 王某2; the same person always the same one', () => {
    expect(new Set([zh.name('王秀英', 1), zh.name('王秀', 2)])).toEqual(new Set(['王某', '王某2']));
    expect(zh.name('王秀英', 1)).toBe(zh.name('王秀英'));
    expect(zh.name('张三', 3)).not.toBe(zh.name('张三', 7));
    // A plain name that the roster holds is that roster person (the lowest id).
    expect(zh.name('张三')).toBe(zh.name('张三', 3));
  });

  it('in en, initials', () => {
    expect(en.name('John Smith', 10)).toBe('J.S.');
    expect(en.name('刘帮扶')).toBe('刘.');
    expect(new Set([en.name('王秀英', 1), en.name('王秀', 2)])).toEqual(new Set(['王.', '王.2']));
  });

  it('a one-character name never shows itself: 某 alone', () => {
    expect(zh.name('芳', 9)).toMatch(/^某\d*$/);
    expect(en.name('芳', 9)).toMatch(/^X\.\d*$/);
  });

  it('an old name is the same person as the new one', () => {
    expect(zh.name('赵六')).toBe(zh.name('赵老六', 8));
  });

  it('the order within a surname is the salt\'s: another ledger numbers the same roster otherwise', () => {
    const pairs = (salt: string) => {
      const r = makeRedactor(facts({ salt }), 'zh');
      return `${r.name('王秀英', 1)}/${r.name('王秀', 2)}`;
    };
    const seen = new Set(Array.from({ length: 20 }, (_, i) => pairs(`salt-${i}`)));
    expect(seen).toEqual(new Set(['王某/王某2', '王某2/王某']));
  });

  it('a pseudonym is not a hash of the name: hashing the roster gives nothing back', () => {
    const pseudonyms = facts().people.map((p) => zh.name(p.names[0], p.id));
    for (const p of facts().people) {
      const n = p.names[0]!;
      for (const algo of ['md5', 'sha1', 'sha256']) {
        const h = createHash(algo).update(n).digest();
        for (const enc of ['hex', 'base64'] as const) for (const ps of pseudonyms) expect(ps).not.toContain(h.toString(enc).slice(0, 4).toUpperCase());
      }
    }
    // Nothing but a surname, 某 and a small number.
    for (const ps of pseudonyms) expect(ps).toMatch(/^(\p{Script=Han}{0,2}某\d*|[A-Z.]+\d*)$/u);
  });

  it('households: 某户N / Household N, by id or by any label they have had', () => {
    expect(zh.household('王大山家', 1)).toMatch(/^某户[1-3]$/);
    expect(zh.household('李家')).toBe(zh.household('李家新院', 3));
    expect(en.household('王大山家', 1)).toMatch(/^Household [1-3]$/);
    expect(zh.household('没见过的家')).toMatch(/^某户\d+$/);
    expect(zh.household('')).toBe('');
  });

  it('an unknown name still never shows as itself', () => {
    expect(zh.name('陌生人')).toMatch(/^陌某\d+$/);
    expect(zh.name('')).toBe('');
    expect(zh.name(null)).toBe('');
  });
});

describe('text', () => {
  const r = makeRedactor(facts(), 'zh');
  const p = (n: string, id?: number) => r.name(n, id);
  it.each([
    ['王秀英 says the roof leaks', () => `${p('王秀英', 1)} says the roof leaks`],
    ['王秀英和王秀是邻居', () => `${p('王秀英', 1)}和${p('王秀', 2)}是邻居`], // the longer name first
    ['赵六 (now 赵老六) came', () => `${p('赵老六', 8)} (now ${p('赵老六', 8)}) came`], // the old name too
    ['芳说', () => `${p('芳', 9)}说`], // one-character names are masked in text as well
    ['met JOHN SMITH and john smith', () => `met ${p('John Smith', 10)} and ${p('John Smith', 10)}`],
    ['Johnsmithy stays', () => 'Johnsmithy stays'], // Latin names as whole words only
    ['调解主任 and 李明', () => `${p('调解主任')} and ${p('李明')}`],
    ['went to 王大山家 at 12 o\'clock on 2026-12-12', () => `went to ${r.household('', 1)} at 12 o'clock on 2026-12-12`],
    ['李家 moved', () => `${r.household('', 3)} moved`], // an old label
    ['roster phone 0851 8877 6655 as typed', () => 'roster phone *********** as typed'],
    ['a|b\nc', () => 'a|b\nc'],
  ])('text(%j)', (input, expected) => {
    expect(r.text(input)).toBe(expected());
  });

  it('empty text', () => {
    expect(r.text(null)).toBe('');
    expect(r.text('')).toBe('');
  });
});

describe('phones', () => {
  it.each([
    ['call 13812345678', 'call ***********'],
    ['call 138 1234 5678 or 138-1234-5678', 'call *********** or ***********'],
    ['138.1234.5678', '***********'],
    ['+86 13812345678', '***********'],
    ['(0731) 8888 9999', '***********'],
    ['（0731）8888-9999', '***********'],
    ['１３８１２３４５６７８', '***********'],
    ['１３８ １２３４ ５６７８', '***********'],
    ['landline 0851-88776655', 'landline ***********'],
    ['id 43010219900101123X', 'id ***********X'],
    ['budget 80000 yuan, due 2026-12-31', 'budget 80000 yuan, due 2026-12-31'],
    ['from 2026-11-01 to 2026-11-30, 3 times', 'from 2026-11-01 to 2026-11-30, 3 times'],
  ])('%j → %j', (input, expected) => {
    expect(maskPhones(input)).toBe(expected);
  });
});
