// The 台账 workbook: which sheets, which columns, what type each column holds. One source of truth
// for the sheet list (CLI choices, labels, the writer) and for the columns each ledger carries in
// practice (issue 14). Pure: rows come from src/db/ledger.ts, the file from src/render/xlsx.ts.
import stringWidth from 'string-width';
import type { IsoDate } from '../time/dates.js';

export const LEDGER_SHEETS = ['summary', 'presence', 'visits', 'concerns', 'disputes', 'pairs', 'meetings', 'decisions', 'plan'] as const;
export type LedgerSheet = (typeof LEDGER_SHEETS)[number];

/** A date is written as a spreadsheet date, a count as a number, everything else as text (never a formula). */
export type CellType = 'date' | 'number' | 'text';
export type Cell = string | number | null;

export interface LedgerColumn {
  /** The machine key of the column (its catalogue label is `ledger.col.<key>`). */
  key: string;
  type: CellType;
  /** Long free text: wrapped, with a wider column. */
  long?: boolean;
}

const date = (key: string): LedgerColumn => ({ key, type: 'date' });
const num = (key: string): LedgerColumn => ({ key, type: 'number' });
const text = (key: string, long = false): LedgerColumn => ({ key, type: 'text', ...(long ? { long } : {}) });

export const LEDGER_COLUMNS: Record<LedgerSheet, LedgerColumn[]> = {
  summary: [text('section'), text('figure'), text('breakdown'), num('value')],
  // 驻村考勤: 日期, 状态, 请假类型, 批准人, 备注
  presence: [date('date'), text('presence_status'), text('leave_type'), text('approved_by'), text('note', true)],
  // 走访台账: 日期, 走访对象, 户, 组, 类别, 问及事项, 走访情况, 地点, 群众诉求
  visits: [date('date'), text('person'), text('household'), text('group'), text('category'), text('topics'), text('notes', true), text('place'), text('concerns', true)],
  // 群众诉求台账: 提出日期, 群众, 诉求, 状态, 转办单位, 办理期限, 办结日期, 反馈日期, 是否逾期
  concerns: [date('raised_on'), text('person'), text('text', true), text('status'), text('referred_to'), date('due_on'), date('resolved_on'), date('feedback_on'), text('overdue')],
  // 矛盾纠纷排查调处台账
  disputes: [
    date('registered_on'), text('title'), text('category'), text('source'), text('parties'), text('description', true),
    text('mediation', true), text('agreement', true), text('revisit', true), text('status'), text('risk'),
  ],
  // 结对帮扶台账: 帮扶人, 帮扶对象, 需求, 措施, 帮扶记录, 联系周期, 下次联系
  pairs: [text('helper'), text('person'), text('needs', true), text('measures', true), text('logs', true), num('cadence_days'), date('next_contact')],
  // 三会一课记录: 日期, 会议类型, 主题, 应到, 实到, 缺席人员及原因, 决议
  meetings: [date('date'), text('type'), text('topic', true), num('expected'), num('present'), text('absent', true), text('decisions', true)],
  // 四议两公开: 事项, 类别, each step's date and result, 当前进度 (steps added by decisionColumns)
  decisions: [text('matter', true), text('kind')],
  // 发展规划与实事: 项目, 领域, 类型, 目标, 措施, 责任人, 期限, 进度, 里程碑
  plan: [text('title', true), text('area'), text('kind'), text('target', true), text('measures', true), text('owner'), date('due_on'), text('progress', true), text('milestones', true)],
};

/** The columns of a sheet; 四议两公开 has a date and a result column for each of its steps. */
export function ledgerColumns(sheet: LedgerSheet, steps: readonly string[]): LedgerColumn[] {
  if (sheet !== 'decisions') return LEDGER_COLUMNS[sheet];
  return [...LEDGER_COLUMNS.decisions, ...steps.flatMap((s) => [date(`step_date:${s}`), text(`step_result:${s}`)]), text('current')];
}

/** A sheet's rows as cells, in column order. */
export type LedgerRow = Cell[];

/** Dates as the spreadsheet stores them: days since 1899-12-30 (Excel and LibreOffice agree after March 1900). */
export function excelSerial(d: IsoDate): number {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, day) / 86_400_000 + 25_569;
}

/** A column's width from its header and a sample of its cells: room for the widest line, within bounds. */
export function columnWidth(col: LedgerColumn, header: string, sample: readonly Cell[]): number {
  if (col.type === 'date') return Math.max(12, stringWidth(header) + 2);
  const cap = col.long ? 60 : 30;
  // A line is at most two columns per UTF-16 unit wide: lines that cannot be wider than the widest
  // so far are not measured, and once the widest reaches the cap the rest of the sample cannot matter.
  let widest = stringWidth(header);
  for (const c of sample) {
    if (widest + 2 >= cap) break;
    for (const line of String(c ?? '').split('\n')) if (2 * line.length > widest) widest = Math.max(widest, stringWidth(line));
  }
  return Math.min(Math.max(widest + 2, 8), cap);
}
