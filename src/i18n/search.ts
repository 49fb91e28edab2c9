// fs search: its command, options, columns and errors.
import type { Entries } from './index.js';

export const search = {
  'cmd.search': ['find records by words in their text (names, notes, places, concerns, cases, logs, meetings, decisions, plans)', '按文字查找记录（姓名、备注、地点、诉求、纠纷、帮扶日志、会议、决策、规划）'],
  'opt.search_kind': ['only this kind (repeatable): person, visit, concern, dispute, pair, meeting, decision, plan', '只查此类（可重复）：person、visit、concern、dispute、pair、meeting、decision、plan'],
  'opt.search_limit': ['show at most N hits, newest first (default 50; 0 = all)', '最多显示 N 条，最新的在前（默认 50；0 为全部）'],
  'opt.search_redact': ['for sharing: names become pseudonyms, phone numbers and names in the text are masked', '用于分享：姓名化名，文字中的姓名和电话号码隐去'],
  'err.search_empty': ['nothing to search for: give a word, e.g. fs search 屋顶', '没有要查找的文字：请给出词语，例如 fs search 屋顶'],
  'what.search_kind': ['kind', '类型'],
  'msg.search_none': ['No record contains all of these words.', '没有同时包含这些词语的记录。'],
  'msg.search_limited': ['showing the {shown} newest hits; --limit 0 shows all', '仅显示最新的 {shown} 条；--limit 0 显示全部'],
  'search.kind.person': ['person', '人员'],
  'search.kind.visit': ['visit', '走访'],
  'search.kind.concern': ['concern', '诉求'],
  'search.kind.dispute': ['dispute', '纠纷'],
  'search.kind.pair': ['pairing', '结对帮扶'],
  'search.kind.meeting': ['meeting', '会议'],
  'search.kind.decision': ['decision', '决策'],
  'search.kind.plan': ['plan', '规划'],
  'search.col.ref': ['Record', '记录'],
  'search.col.snippet': ['Found in', '匹配内容'],
  'search.col.field': ['Field', '字段'],
} satisfies Entries;
