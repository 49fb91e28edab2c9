// End to end through the built CLI: a case's whole life through flags, in English and Chinese,
// and bad input that must leave the database exactly as it was.
import { describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';

const TODAY = '2026-11-27';

describe('a dispute found in a visit, from intake to closed (en, flags only)', () => {
  const fs = cli({ today: TODAY });
  fs.ok(['person', 'add', '--name', '王五', '--household', '王家']);
  fs.ok(['visit', 'add', '--person', '王五', '--date', '2026-11-01', '--topic', 'disputes']);

  it('registers the case, dated on the visit, with a roster party and a plain name', () => {
    const d = fs.json([
      'dispute', 'add', '--title', 'boundary wall', '--category', 'neighbor', '--party', '王五', '--party', '李七',
      '--visit', '1', '--risk', 'medium', '--flag', 'criminal-risk', '--description', 'wall built 30 cm over the line',
    ]);
    expect(d).toMatchObject({
      id: 1,
      title: 'boundary wall',
      category: 'neighbor',
      source: 'visit',
      channel: null,
      risk: 'medium',
      flags: ['criminal-risk'],
      registered_on: '2026-11-01',
      visit_id: 1,
      visit_date: '2026-11-01',
      visit_person: '王五',
      status: 'registered',
      parties: [
        { person_id: 1, name: '王五', tags: [] },
        { person_id: null, name: '李七', tags: [] },
      ],
      mediation_deadline: '2026-12-01',
      due_on: '2026-12-01',
      overdue: false,
    });
    expect(d.timeline).toMatchObject([{ date: '2026-11-01', kind: 'register', to_status: 'registered' }]);
  });

  it('a mediation step moves it to mediating and prints the id', () => {
    const r = fs.run(['dispute', 'log', '1', '--date', '2026-11-03', '--note', 'met both families', '--with', 'mediation chair', '--with', '老支书']);
    expect(r).toMatchObject({ code: 0, stdout: '1\n' });
    expect(r.stderr).toContain('case #1 status: mediating');
  });

  it('the agreement sets the return visit and the court-confirmation window', () => {
    const d = fs.json(['dispute', 'resolve', '1', '--date', '2026-11-10', '--agreement', 'wall moved back', '--responsibility', '王五 moves the wall', '--perform-by', '2026-11-20', '--court-confirmation']);
    expect(d).toMatchObject({
      status: 'resolved',
      agreed_on: '2026-11-10',
      agreement: 'wall moved back',
      responsibility: '王五 moves the wall',
      perform_by: '2026-11-20',
      court_confirmation: true,
      court_confirmation_until: '2026-12-10',
      revisit_due: '2026-11-25',
      mediation_deadline: null,
      overdue: true,
      revisit_is_due: true,
    });
    expect(fs.json(['dispute', 'list', '--revisit-due']).map((x: { id: number }) => x.id)).toEqual([1]);
    expect(fs.json(['dispute', 'list', '--overdue']).map((x: { id: number }) => x.id)).toEqual([1]);
  });

  it('a return visit that finds it not performed keeps it resolved with a new visit due', () => {
    const r = fs.run(['dispute', 'revisit', '1', '--date', '2026-11-26', '--performed', 'no', '--satisfied', 'no', '--note', 'wall still there']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('return visit due 2026-12-11');
    expect(fs.json(['dispute', 'show', '1'])).toMatchObject({ status: 'resolved', revisit_due: '2026-12-11', overdue: false, revisit_is_due: false });
    expect(fs.json(['dispute', 'list', '--open']).map((x: { id: number }) => x.id)).toEqual([1]);
  });

  it('a return visit that finds it performed closes it; the timeline holds every step', () => {
    fs.ok(['dispute', 'revisit', '1', '--date', TODAY, '--performed', 'yes', '--satisfied', 'yes']);
    const d = fs.json(['dispute', 'show', '1']);
    expect(d).toMatchObject({ status: 'closed', status_on: TODAY, revisit_due: null, overdue: false });
    expect(d.timeline.map((e: { date: string; kind: string; to_status: string | null }) => [e.date, e.kind, e.to_status])).toEqual([
      ['2026-11-01', 'register', 'registered'],
      ['2026-11-03', 'step', 'mediating'],
      ['2026-11-10', 'agreement', 'resolved'],
      ['2026-11-26', 'revisit', 'resolved'],
      [TODAY, 'revisit', 'closed'],
    ]);
    expect(d.timeline[1]).toMatchObject({ note: 'met both families', participants: ['mediation chair', '老支书'] });
    expect(d.timeline[3]).toMatchObject({ performed: false, satisfied: false, note: 'wall still there', revisit_due: '2026-12-11' });
    expect(fs.json(['dispute', 'list', '--open'])).toEqual([]);
    expect(fs.json(['dispute', 'list', '--status', 'closed', '--party', '李七']).map((x: { id: number }) => x.id)).toEqual([1]);
  });

  it('links both ways with the visit', () => {
    const show = fs.ok(['dispute', 'show', '1', '--format', 'table']);
    expect(show).toContain('Found in visit');
    expect(show).toContain('#1 (2026-11-01 王五)');
    expect(show).toContain('Timeline');
    const visit = fs.ok(['visit', 'show', '1', '--format', 'table']);
    expect(visit).toContain('Disputes found in this visit');
    expect(visit).toContain('boundary wall');
    expect(fs.json(['visit', 'show', '1']).dispute_list).toMatchObject([{ id: 1, title: 'boundary wall', status: 'closed' }]);
  });
});

describe('a petition escalated to the township (zh, flags only)', () => {
  const fs = cli({ today: TODAY, lang: 'zh' });
  fs.ok(['person', 'add', '--name', '赵六']);

  it('registers the petition and marks the petitioner a key petition household', () => {
    const r = fs.run(['dispute', 'add', '--title', '拖欠工资', '--category', 'labor', '--party', '赵六', '--party', '某建筑队', '--source', 'petition', '--channel', 'hotline', '--tag-petitioner', '--risk', 'high', '--flag', 'group-risk', '--date', '2026-11-20']);
    expect(r).toMatchObject({ code: 0, stdout: '1\n' });
    expect(r.stderr).toContain('已将 #1 赵六 标为重点信访户');
    expect(fs.json(['person', 'show', '1']).tags).toEqual(['petitioner']);
    expect(fs.json(['dispute', 'show', '1'])).toMatchObject({ source: 'petition', channel: 'hotline', parties: [{ name: '赵六', tags: ['petitioner'] }, { name: '某建筑队', person_id: null }] });
  });

  it('mediates, then escalates; the show is in Chinese, the JSON keys stay English', () => {
    expect(fs.run(['dispute', 'log', '1', '--date', '2026-11-21', '--note', '约谈包工头']).stderr).toContain('纠纷 #1 状态：调处中');
    const d = fs.json(['dispute', 'escalate', '1', '--to', '乡镇人民调解委员会', '--date', '2026-11-25', '--note', '涉及多名工人']);
    expect(d).toMatchObject({ status: 'escalated', escalated_to: '乡镇人民调解委员会', overdue: false, due_on: null });
    expect(d.timeline.map((e: { kind: string }) => e.kind)).toEqual(['register', 'step', 'escalation']);
    const table = fs.ok(['dispute', 'show', '1', '--format', 'table']);
    for (const word of ['已上报/移交', '办理经过', '信访 (12345热线)', '劳资', '群体性风险', '重点信访户', '移交 乡镇人民调解委员会']) expect(table).toContain(word);
    const [row] = fs.json(['dispute', 'list']);
    expect(Object.keys(row)).toEqual(expect.arrayContaining(['id', 'title', 'category', 'source', 'status', 'parties', 'overdue']));
    expect(row.status).toBe('escalated');
  });

  it('refuses anything more, in Chinese', () => {
    const before = snapshot(fs.db);
    const r = fs.run(['dispute', 'log', '1', '--date', TODAY, '--note', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('错误： 无法对纠纷 #1（已上报/移交）执行 log：案件已终结，不能再记录');
    expect(snapshot(fs.db)).toBe(before);
  });

  it('a withdrawn case', () => {
    fs.ok(['dispute', 'add', '--title', '邻里口角', '--category', 'neighbor', '--party', '赵六', '--source', 'screening', '--date', '2026-11-22']);
    expect(fs.json(['dispute', 'withdraw', '2', '--date', '2026-11-23', '--note', '双方自行和解'])).toMatchObject({ status: 'withdrawn', status_on: '2026-11-23' });
    expect(fs.ok(['dispute', 'list', '--status', 'withdrawn', '--format', 'table'])).toContain('已撤回');
  });
});

describe('bad input: one line, the right exit code, nothing written', () => {
  const fs = cli({ today: TODAY });
  fs.ok(['person', 'add', '--name', '王五']);
  fs.ok(['dispute', 'add', '--title', 'a', '--category', 'neighbor', '--party', '王五', '--source', 'screening', '--date', '2026-11-01']);
  fs.ok(['dispute', 'add', '--title', 'b', '--category', 'neighbor', '--party', '王五', '--source', 'screening', '--date', '2026-11-01']);
  fs.ok(['dispute', 'resolve', '2', '--date', '2026-11-02', '--agreement', 'x']);
  fs.ok(['dispute', 'revisit', '2', '--date', '2026-11-20', '--performed', 'yes']);

  it.each([
    ['unknown category', ['dispute', 'add', '--title', 'x', '--category', 'feud', '--party', '王五', '--source', 'screening'], 2, 'invalid category "feud": use one of marriage-family, neighbor,'],
    ['petition without channel', ['dispute', 'add', '--title', 'x', '--category', 'labor', '--party', '王五', '--source', 'petition'], 2, 'a petition needs --channel: one of letter, in-person, online, hotline, mailbox, media, referred'],
    ['a channel on a non-petition', ['dispute', 'add', '--title', 'x', '--category', 'labor', '--party', '王五', '--source', 'visit', '--channel', 'letter'], 2, '--channel is only for --source petition'],
    ['missing flags', ['dispute', 'add', '--category', 'labor'], 2, 'missing --title, --party, --source (no terminal to ask on)'],
    ['a date in the future', ['dispute', 'add', '--title', 'x', '--category', 'labor', '--party', '王五', '--source', 'visit', '--date', '2026-11-28'], 2, 'date 2026-11-28 is after today (2026-11-27)'],
    ['tagging a petitioner not on the roster', ['dispute', 'add', '--title', 'x', '--category', 'labor', '--party', '孙九', '--source', 'petition', '--channel', 'letter', '--tag-petitioner'], 2, '--tag-petitioner: the first party, 孙九, is not on the roster'],
    ['an unknown party id', ['dispute', 'add', '--title', 'x', '--category', 'labor', '--party', '99', '--source', 'visit'], 1, 'person 99 not found'],
    ['an unknown visit', ['dispute', 'add', '--title', 'x', '--category', 'labor', '--party', '王五', '--visit', '7'], 1, 'visit 7 not found'],
    ['unknown id', ['dispute', 'log', '99', '--date', TODAY, '--note', 'x'], 1, 'dispute 99 not found'],
    ['unknown id (show)', ['dispute', 'show', '99'], 1, 'dispute 99 not found'],
    ['closing a case never resolved', ['dispute', 'revisit', '1', '--date', TODAY, '--performed', 'yes'], 2, 'cannot revisit case #1 (registered); allowed now: log, resolve, escalate, withdraw'],
    ['resolving a closed case', ['dispute', 'resolve', '2', '--date', TODAY, '--agreement', 'y'], 2, 'cannot resolve case #2 (closed after return visit): the case is finished; nothing more can be recorded'],
    ['a step dated before registration', ['dispute', 'log', '1', '--date', '2026-10-31', '--note', 'x'], 2, 'date 2026-10-31 is before the case was registered (2026-11-01)'],
    ['perform-by before the agreement', ['dispute', 'resolve', '1', '--date', '2026-11-10', '--agreement', 'x', '--perform-by', '2026-11-09'], 2, '--perform-by 2026-11-09 is before the agreement (2026-11-10)'],
    ['a bad --performed', ['dispute', 'revisit', '2', '--date', TODAY, '--performed', 'maybe'], 2, 'invalid --performed "maybe": use one of yes, no'],
    ['a step without its note', ['dispute', 'log', '1', '--date', TODAY], 2, 'missing --note (no terminal to ask on)'],
    ['an escalation without a body', ['dispute', 'escalate', '1', '--date', TODAY], 2, 'missing --to (no terminal to ask on)'],
    ['an unknown status filter', ['dispute', 'list', '--status', 'open'], 2, 'invalid status "open"'],
  ])('%s', (_, args, code, message) => {
    const before = snapshot(fs.db);
    const r = fs.run(args);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(snapshot(fs.db)).toBe(before);
  });
});

describe('help', () => {
  const fs = cli();
  it.each(['add', 'list', 'show', 'log', 'resolve', 'revisit', 'escalate', 'withdraw'])('fs dispute %s --help has an example', (sub) => {
    const out = fs.ok(['dispute', sub, '--help']);
    expect(out).toMatch(/Examples?:\n {2}fs dispute /);
  });
});
