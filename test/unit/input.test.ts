// Input the way people type it (issue 12): keys or labels in either language, lists, date forms, ranges.
import { afterEach, describe, expect, it } from 'vitest';
import { CONCERN_STATUSES } from '../../src/domain/concerns.js';
import { DECISION_STEPS } from '../../src/domain/decision.js';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES, DISPUTE_STATUSES, PETITION_CHANNELS, RISK_LEVELS, YES_NO } from '../../src/domain/dispute.js';
import { describeChoices, labelKind, manyOf, matchKey, oneOf, spellings } from '../../src/domain/keys.js';
import { MEETING_TYPES } from '../../src/domain/meeting.js';
import { PERSON_TAGS } from '../../src/domain/people.js';
import { PLAN_AREAS } from '../../src/domain/plan.js';
import { REPORT_SECTIONS } from '../../src/domain/report.js';
import { VISIT_CATEGORIES, VISIT_TOPICS } from '../../src/domain/visits.js';
import * as keyLists from '../../src/domain/keys.js';
import { setLang, hasMessage } from '../../src/i18n/index.js';
import { parseDate } from '../../src/time/dates.js';
import { parsePeriod } from '../../src/time/periods.js';

afterEach(() => setLang('en'));

describe('a key by its key or its label', () => {
  it.each([
    [PERSON_TAGS, '党员', 'party-member'],
    [PERSON_TAGS, 'party-member', 'party-member'],
    [PERSON_TAGS, 'Party Member', 'party-member'],
    [PERSON_TAGS, '脱贫户', 'poor'],
    [PERSON_TAGS, '困难户/脱贫户/监测户', 'poor'],
    [PERSON_TAGS, ' 村干部 ', 'cadre'],
    [MEETING_TYPES, '主题党日', 'theme-day'],
    [MEETING_TYPES, 'theme party day', 'theme-day'],
    [MEETING_TYPES, '双述双评', 'cadre-review'],
    [CONCERN_STATUSES, '已转办', 'referred'],
    [CONCERN_STATUSES, 'REFERRED', 'referred'],
    [YES_NO, '是', 'yes'],
    [YES_NO, '否', 'no'],
    [RISK_LEVELS, '高', 'high'],
    [VISIT_TOPICS, '班子运行', 'team'],
    [VISIT_TOPICS, "people's hardships", 'hardship'],
    [VISIT_CATEGORIES, '困难户', 'poor-household'],
    [VISIT_CATEGORIES, '其他', 'other'],
    [DISPUTE_CATEGORIES, '房屋', 'homestead'],
    [DISPUTE_CATEGORIES, '宅基地', 'homestead'],
    [DISPUTE_SOURCES, '信访', 'petition'],
    [PETITION_CHANNELS, '12345热线', 'hotline'],
    [PETITION_CHANNELS, '１２３４５热线', 'hotline'],
    [DISPUTE_STATUSES, '已达成协议', 'resolved'],
    [DISPUTE_STATUSES, 'resolved', 'resolved'],
    [DISPUTE_STATUSES, '已上报', 'escalated'],
    [DECISION_STEPS, '两委商议', 'consultation'],
    [PLAN_AREAS, '基础设施', 'public-welfare'],
    [REPORT_SECTIONS, '走访', 'visits'],
  ] as const)('%#: %s → %s', (list, input, key) => {
    expect(oneOf(list, input, 'x')).toBe(key);
  });

  it.each([
    [PERSON_TAGS, 'party'],
    [PERSON_TAGS, '党'],
    [YES_NO, 'y'],
    [CONCERN_STATUSES, ''],
    [RISK_LEVELS, '很高'],
  ] as const)('%#: refuses %j', (list, input) => {
    expect(() => oneOf(list, input, 'x')).toThrowError(/invalid x/);
  });

  it('names the choices with their labels in the user language', () => {
    setLang('zh');
    expect(() => oneOf(CONCERN_STATUSES, 'done', '状态')).toThrowError('状态无效 "done"：可选 open（跟踪中）、referred（已转办）、resolved（已解决）');
    setLang('en');
    expect(describeChoices(CONCERN_STATUSES, 'en')).toBe('open, referred, resolved');
    expect(describeChoices(RISK_LEVELS, 'zh')).toBe('low（低）、medium（中）、high（高）');
    expect(describeChoices(CONCERN_STATUSES, 'zh')).toBe('open（跟踪中）、referred（已转办）、resolved（已解决）');
  });

  it('no two keys of a list share a spelling, and every key of a labelled list has labels', () => {
    const lists = Object.values(keyLists).length; // the module loads
    expect(lists).toBeGreaterThan(0);
    for (const list of [PERSON_TAGS, MEETING_TYPES, CONCERN_STATUSES, YES_NO, RISK_LEVELS, VISIT_TOPICS, VISIT_CATEGORIES, DISPUTE_CATEGORIES, DISPUTE_SOURCES, PETITION_CHANNELS, DISPUTE_STATUSES, DECISION_STEPS, PLAN_AREAS, REPORT_SECTIONS] as const) {
      const kind = labelKind(list);
      expect(kind).toBeDefined();
      for (const k of list) {
        expect(hasMessage(`${kind}.${k}`)).toBe(true);
        expect(matchKey(list, k)).toBe(k);
        for (const s of spellings(list, k)) expect(matchKey(list, s)).toBe(k);
      }
    }
  });
});

describe('repeatable flags take lists', () => {
  it.each([
    [['visits,concerns'], ['visits', 'concerns']],
    [['visits，concerns'], ['visits', 'concerns']],
    [['走访、诉求', 'plan'], ['visits', 'concerns', 'plan']],
    [['visits, visits', 'visits'], ['visits']],
    [['visits,'], ['visits']],
  ])('%j → %j', (input, expected) => {
    expect(manyOf(REPORT_SECTIONS, input, 'section')).toEqual(expected);
  });

  it.each([[['']], [[',']], [['visits,nope']]])('refuses %j', (input) => {
    expect(() => manyOf(REPORT_SECTIONS, input, 'section')).toThrowError(/invalid section/);
  });
});

describe('dates as people type them', () => {
  const today = '2026-12-01';
  it.each([
    ['2026-11-3', '2026-11-03'],
    ['2026/11/3', '2026-11-03'],
    ['2026.11.3', '2026-11-03'],
    ['2026年11月3日', '2026-11-03'],
    ['2026年11月3号', '2026-11-03'],
    ['11月3日', '2026-11-03'],
    ['11月3号', '2026-11-03'],
    ['11-3', '2026-11-03'],
    ['11/3', '2026-11-03'],
    ['12月1日', '2026-12-01'], // today itself is not in the future
    ['12月2日', '2025-12-02'], // would be tomorrow: last year's
    ['12-25', '2025-12-25'],
    ['本月3日', '2026-12-03'],
    ['本月1号', '2026-12-01'],
    ['上月30日', '2026-11-30'],
    ['今天', '2026-12-01'],
    ['昨天', '2026-11-30'],
    ['前天', '2026-11-29'],
    ['3天前', '2026-11-28'],
    ['Today', '2026-12-01'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input, today)).toBe(expected);
  });

  it('上月 in January is last December; 2-29 only in a leap year', () => {
    expect(parseDate('上月31日', '2027-01-10')).toBe('2026-12-31');
    expect(parseDate('2-29', '2028-03-01')).toBe('2028-02-29');
    expect(() => parseDate('2-29', '2026-03-01')).toThrowError(/invalid date/);
  });

  it.each(['11月31日', '2-30', '上月31日', '0-1', '2026年13月1日', '明天', '11月', '3日'])('refuses %j listing the forms', (input) => {
    expect(() => parseDate(input, today)).toThrowError(/invalid date.*YYYY-MM-DD.*11月3日/);
  });

  it('lists the forms in Chinese under --lang zh', () => {
    setLang('zh');
    expect(() => parseDate('明天', today)).toThrowError(/^日期无效 "明天"：可用 今天、昨天、前天/);
  });
});

describe('dates and periods out of the calendar are usage errors', () => {
  it.each(['0000-01-01', '1899-12-31', '3000-01-01', '9999-12-31'])('date %s', (input) => {
    expect(() => parseDate(input, '2026-12-01')).toThrowError(expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/out of range/) }));
  });
  it.each(['0000', '9999-W52', '9999', '0001-Q1', '3000-01'])('period %s', (input) => {
    expect(() => parsePeriod(input, '2026-12-01')).toThrowError(expect.objectContaining({ exitCode: 2 }));
  });
  it('the ends themselves are fine', () => {
    expect(parseDate('1900-01-01', '2026-12-01')).toBe('1900-01-01');
    expect(parsePeriod('2999', '2026-12-01').to).toBe('2999-12-31');
  });
});
