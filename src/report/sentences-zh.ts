// 中文句子：由数字生成，全角标点，年月日写法；为零的不写，或只说一次。纯函数。
import type { IsoDate } from '../time/dates.js';
import type { PeriodUnit } from '../time/periods.js';
import type { DueGroup, Sentences, SummaryFigures } from './sentences.js';

const PERIOD: Record<PeriodUnit, string> = { day: '本日', week: '本周', month: '本月', quarter: '本季度', year: '本年度', range: '本期' };
const NEXT: Record<PeriodUnit, string> = { day: '明日', week: '下周', month: '下月', quarter: '下季度', year: '明年', range: '下一阶段' };

const date = (iso: IsoDate) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const monthDay = (iso: IsoDate) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;
const join = (xs: string[]) => xs.join('、');
/** Clauses joined by ；, closed by 。 */
const sentence = (clauses: string[]) => (clauses.length ? `${clauses.join('；')}。` : '');
const quoted = (titles: string[]) => titles.map((x) => `“${x}”`).join('、');

function presenceZh(x: NonNullable<SummaryFigures['presence']>, p: string): string {
  const counted = x.daysCounted > x.daysInVillage ? `，计入驻村${x.daysCounted}天（含因公外出和培训）` : '';
  const leave = x.leaveDays ? `，请假${x.leaveDays}天` : '';
  const target = x.target === null ? '' : x.needed > 0 ? `，距${x.target}天的要求尚差${x.needed}天` : `，达到${x.target}天的要求`;
  return `${p}在村${x.daysInVillage}天${counted}${leave}${target}。`;
}

function summary(f: SummaryFigures, unit: PeriodUnit): string[] {
  const p = PERIOD[unit];
  const clauses: string[] = [];
  const none: string[] = [];
  // The annual review names every category visited; shorter periods the households in hardship.
  const cats = unit === 'year' && f.visitsByCategory?.length ? `，其中${join(f.visitsByCategory.map((c) => `${c.label}${c.visits}户次`))}` : f.poorVisits ? `，其中困难户${f.poorVisits}户次` : '';
  if (f.visits) clauses.push(`共走访${f.visits}户次${f.households ? `，覆盖${f.households}户` : ''}${cats}`);
  else none.push('入户走访');
  if (f.concernsRaised || f.concernsResolved) {
    const parts = [f.concernsRaised ? `收集群众诉求${f.concernsRaised}件` : '', f.concernsResolved ? `办结${f.concernsResolved}件` : '', f.concernsReferred ? `转办${f.concernsReferred}件` : ''].filter(Boolean);
    clauses.push(parts.join('，'));
  } else none.push('新收群众诉求');
  const cases = f.casesRegistered || f.casesResolved || f.casesClosed || f.casesEscalated;
  if (cases) clauses.push([f.casesRegistered ? `排查调处矛盾纠纷${f.casesRegistered}件` : '', f.casesResolved ? `化解${f.casesResolved}件` : '', f.casesClosed ? `回访结案${f.casesClosed}件` : '', f.casesEscalated ? `上报移交${f.casesEscalated}件` : ''].filter(Boolean).join('，'));
  if (f.meetingsHeld) clauses.push(`召开组织生活等会议${f.meetingsHeld}次`);
  if (f.decisionsStarted) clauses.push(`按“四议两公开”启动村级重大事项${f.decisionsStarted}件`);
  // The annual review (述职) counts people helped and the year's practical things too.
  const year = unit === 'year';
  if (f.helpEntries) clauses.push(`${year && f.peopleHelped ? `结对帮扶${f.peopleHelped}人，` : ''}开展结对帮扶${f.helpEntries}人次`);
  if (year && f.practicalTotal) clauses.push(`为民办实事${f.practicalTotal}件，已完成${f.practicalDone ?? 0}件`);
  if (year && f.meetingsRequired) clauses.push(`规定会议应开${f.meetingsRequired}次、已开${f.meetingsRequiredHeld ?? 0}次${f.meetingGaps ? `、尚缺${f.meetingGaps}次` : ''}`);
  if (f.milestonesDone) clauses.push(`完成发展规划节点${f.milestonesDone}个`);
  const here = f.presence ? [presenceZh(f.presence, p)] : [];
  const zeroAll = !f.visits && !f.concernsRaised && !f.concernsResolved && !f.casesRegistered && !f.casesResolved && !f.casesClosed && !f.casesEscalated && !f.meetingsHeld && !f.helpEntries && !f.milestonesDone && !f.decisionsStarted;
  if (zeroAll) return [...here, `${p}无走访、群众诉求、矛盾纠纷、结对帮扶、会议和规划进展等新增记录，实行零报告。`];
  const out: string[] = [...here];
  if (clauses.length) out.push(`${p}${sentence(clauses)}`);
  if (!cases) out.push(`${p}无新发矛盾纠纷，实行零报告。`);
  if (none.length) out.push(`${p}无${join(none)}。`);
  return out;
}

function problems(groups: DueGroup[], extra: string[]): string[] {
  const out = groups.map((g) => {
    const what = PROBLEM[g.kind] ?? '事项逾期';
    return `${what}${g.count}${UNIT[g.kind] ?? '项'}${g.titles.length ? `（${quoted(g.titles)}${g.count > g.titles.length ? '等' : ''}），最长逾期${g.worstDays}天` : ''}。`;
  });
  out.push(...extra);
  return out.length ? out : ['本期各项工作均按期推进，暂无逾期事项。'];
}

const PROBLEM: Record<string, string> = {
  'concern-due': '群众诉求逾期未办结',
  'concern-feedback': '诉求已办结但未向群众反馈',
  'dispute-mediation': '矛盾纠纷超过调解期限未化解',
  'dispute-revisit': '调解协议到期未回访',
  'pair-contact': '结对帮扶对象超期未联系',
  'plan-milestone': '发展规划节点逾期未完成',
};
const PLAN: Record<string, string> = {
  'concern-due': '办结到期群众诉求',
  'concern-feedback': '向群众反馈办理结果',
  'dispute-mediation': '调处到期矛盾纠纷',
  'dispute-revisit': '回访调解协议履行情况',
  'pair-contact': '联系结对帮扶对象',
  'plan-milestone': '完成发展规划节点',
};
const UNIT: Record<string, string> = { 'concern-due': '件', 'concern-feedback': '件', 'dispute-mediation': '件', 'dispute-revisit': '件', 'pair-contact': '人', 'plan-milestone': '个' };

export const zh: Sentences = {
  periodWord: (u) => PERIOD[u],
  date,
  summary,
  visitsLead(f, u) {
    if (!f.visits) return [`${PERIOD[u]}未开展入户走访。`];
    const out = [`${PERIOD[u]}走访${f.visits}户次，涉及${f.people}人、${f.households}户。`];
    const gaps = [f.uncoveredCategories.length ? `“五必访”中${join(f.uncoveredCategories)}尚未走访` : '', f.uncoveredTopics.length ? `“五必问”中${join(f.uncoveredTopics)}尚未问及` : ''].filter(Boolean);
    out.push(gaps.length ? sentence(gaps) : '“五必访”对象和“五必问”事项均已覆盖。');
    return out;
  },
  concernsLead(f, u) {
    const out: string[] = [];
    if (f.raised || f.resolved) out.push(`${PERIOD[u]}${[f.raised ? `收集群众诉求${f.raised}件` : '', f.resolved ? `办结${f.resolved}件` : '', f.referred ? `转有关部门办理${f.referred}件` : ''].filter(Boolean).join('，')}。`);
    else out.push(`${PERIOD[u]}未收到新的群众诉求。`);
    const stock = [f.open ? `尚在办理${f.open}件` : '', f.overdue ? `其中逾期${f.overdue}件` : '', f.awaiting ? `已办结待反馈${f.awaiting}件` : ''].filter(Boolean);
    if (stock.length) out.push(`截至期末，${stock.join('，')}。`);
    return out;
  },
  meetingsLead(f, u) {
    const out = [f.held ? `${PERIOD[u]}召开会议${f.held}次${f.rate === null ? '' : `，平均出席率${pct(f.rate)}`}。` : `${PERIOD[u]}未召开会议。`];
    out.push(f.gaps.length ? `按“三会一课”等规定，${join(f.gaps)}应开未开。` : '“三会一课”等规定会议均按要求召开。');
    return out;
  },
  meetingLine(m, typeLabel) {
    const att = m.expected !== null && m.present !== null ? `应到${m.expected}人，实到${m.present}人` : m.present !== null ? `到会${m.present}人` : '';
    return `${monthDay(m.date)}召开${typeLabel}${m.topic ? `，${m.topic}` : ''}${att ? `，${att}` : ''}${m.absentees ? `，缺席：${m.absentees}` : ''}。`;
  },
  decisionsLead(f, u) {
    if (!f.started && !f.stepsTaken && !f.stuck) return [`${PERIOD[u]}无“四议两公开”事项。`];
    return [sentence([f.started ? `${PERIOD[u]}新启动“四议两公开”事项${f.started}件` : `${PERIOD[u]}无新启动的“四议两公开”事项`, f.stepsTaken ? `推进程序环节${f.stepsTaken}个` : '', f.completed ? `完成${f.completed}件` : '', f.stuck ? `${f.stuck}件停滞超过30天` : ''].filter(Boolean))];
  },
  pairsLead(f, u) {
    return [sentence([`在帮对象${f.active}人`, f.entries ? `${PERIOD[u]}开展帮扶${f.entries}人次` : `${PERIOD[u]}无帮扶记录`, f.started ? `新结对${f.started}人` : '', f.ended ? `结束结对${f.ended}人` : '', f.overdue ? `超期未联系${f.overdue}人` : ''].filter(Boolean))];
  },
  casesLead(f, u) {
    if (!f.touched && !f.open) return [`${PERIOD[u]}无新发矛盾纠纷，实行零报告。`];
    return [sentence([f.registered ? `${PERIOD[u]}新登记矛盾纠纷${f.registered}件` : `${PERIOD[u]}无新发矛盾纠纷`, f.touched ? `调处案件${f.touched}件` : '', f.resolved ? `达成协议${f.resolved}件` : '', f.closed ? `回访结案${f.closed}件` : '', f.escalated ? `上报移交${f.escalated}件` : '', f.open ? `期末未结${f.open}件${f.overdue ? `（逾期${f.overdue}件）` : ''}` : ''].filter(Boolean))];
  },
  planLead(f, u) {
    if (!f.done && !f.due && !f.notes && !f.overdue) return [`${PERIOD[u]}发展规划无到期节点和进展记录。`];
    return [sentence([f.due ? `${PERIOD[u]}到期节点${f.due}个` : '', f.done ? `完成${f.done}个` : '', f.overdue ? `逾期${f.overdue}个` : '', f.notes ? `记录进展${f.notes}条${f.lastPercent === null ? '' : `，最新进度${f.lastPercent}%`}` : ''].filter(Boolean))];
  },
  problems,
  problemExtras(f) {
    const out: string[] = [];
    if (f.uncoveredCategories.length) out.push(`“五必访”覆盖不全，${join(f.uncoveredCategories)}本期未走访。`);
    if (f.uncoveredTopics.length) out.push(`“五必问”覆盖不全，${join(f.uncoveredTopics)}本期未问及。`);
    if (f.staleHouseholds) out.push(`有${f.staleHouseholds}户较长时间未走访。`);
    if (f.missingMeetings.length) out.push(`规定会议未按期召开：${join(f.missingMeetings)}。`);
    if (f.stuckDecisions.length) out.push(`“四议两公开”事项${f.stuckDecisions.length}件停滞超过30天（${quoted(f.stuckDecisions.slice(0, 3))}${f.stuckDecisions.length > 3 ? '等' : ''}）。`);
    return out;
  },
  plans(groups, overdue, next) {
    const out = groups.map((g) => `${NEXT[next]}${PLAN[g.kind] ?? '办理到期事项'}${g.count}${UNIT[g.kind] ?? '项'}${g.titles.length ? `（${quoted(g.titles)}${g.count > g.titles.length ? '等' : ''}）` : ''}，最早于${monthDay(g.firstDue)}到期。`);
    if (overdue) out.unshift(`抓紧办理逾期事项${overdue}项，逐件明确责任人和完成时限。`);
    out.push(`继续落实“五必访五必问”，按规定召开“三会一课”，做好矛盾纠纷排查和“零报告”。`);
    return out;
  },
  words: { summary: '总体情况', problems: '存在的问题', plans: '下步工作打算', annex: '附表', reporter: '报告人：', submitted: '报送日期：' },
};
