import type { Entries } from './index.js';

// Stored values checked like typed ones (import, settings read back), roster links, event dates.
export const valid = {
  'err.import_bad_field': ['field "{field}" is "{value}": {reason}', '字段 "{field}" 的值 "{value}"：{reason}'],
  'why.date': ['not a date YYYY-MM-DD', '不是 YYYY-MM-DD 格式的日期'],
  'why.key': ['use one of {choices}', '可选 {choices}'],
  'why.keys': ['must be a JSON list of {choices}', '应为 JSON 列表，元素可选 {choices}'],
  'why.int_min': ['must be a whole number of at least {min}', '应为不小于 {min} 的整数'],
  'why.int_range': ['must be a whole number from {min} to {max}', '应为 {min} 到 {max} 之间的整数'],
  'why.bool': ['must be 0 or 1', '应为 0 或 1'],
  'why.amount': ['must be a number of at least 0', '应为不小于 0 的数'],
  'why.setting_key': ['a setting needs a key', '设置项缺少名称'],
  'why.setting_text': ['a setting\'s value is text', '设置值应为文本'],
  'err.stored_setting': [
    'the stored setting {key} is "{value}", which fs would refuse ({reason}): set it again with fs config set {key} VALUE',
    '已保存的设置 {key} 为 "{value}"，不是有效值（{reason}）：请用 fs config set {key} 值 重新设置',
  ],
  'opt.resolved_on': ['when it was resolved (default: --feedback-on when given, else today)', '解决日期（默认取 --feedback-on，未给出则为今天）'],
  'err.resolved_on_needs_resolved': ['--resolved-on needs --status resolved (or a concern already resolved)', '--resolved-on 需要 --status resolved（或诉求已解决）'],
  'err.resolved_before_raised': ['--resolved-on {date} is before the concern was raised ({raised})', '--resolved-on {date} 早于诉求提出日期（{raised}）'],
  'opt.dropped_on': ['when it was dropped (default: today)', '放弃日期（默认今天）'],
} as const satisfies Entries;
