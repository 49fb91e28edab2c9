import type { Entries } from './index.js';

// Input the way people type it: labels accepted as keys, date forms, near names, and the bad values of global options.
export const input = {
  'yes_no.yes': ['yes', '是'],
  'yes_no.no': ['no', '否'],
  'report_section.visits': ['visits', '走访'],
  'report_section.concerns': ['concerns', '诉求'],
  'report_section.disputes': ['disputes', '矛盾纠纷'],
  'report_section.pairs': ['pairings', '结对帮扶'],
  'report_section.meetings': ['meetings', '会议'],
  'report_section.decisions': ['decisions', '四议两公开'],
  'report_section.plan': ['plan', '发展规划'],
  'report_by.week': ['week', '周'],
  'report_by.month': ['month', '月'],
  'report_by.quarter': ['quarter', '季度'],

  'err.date_out_of_range': ['date "{value}" is out of range: use a date from {min} to {max}', '日期 "{value}" 超出范围：请用 {min} 至 {max} 之间的日期'],
  'err.empty_option': ['{flag} is empty: give a value or leave the option out', '{flag} 的值为空：请给出值，或不用此选项'],
  'err.db_is_dir': ['{path} is a directory: --db (or FS_DB) names the database file, e.g. {path}/fs.db', '{path} 是目录：--db（或 FS_DB）应指向数据库文件，例如 {path}/fs.db'],
  'err.file_is_dir': ['{path} is a directory: give the file to import', '{path} 是目录：请给出要导入的文件'],
  'err.person_unknown_near': ['no one named "{name}" on the roster; did you mean {candidates}?', '花名册中没有 "{name}"；是否指 {candidates}？'],
  'prompt.did_you_mean': ['did you mean {person}?', '是否指 {person}？'],
  'prompt.add_person_again': ['name of the person visited (or a new name)', '走访对象姓名（或新的姓名）'],
  'help.choices': ['one of: {choices}', '可选：{choices}'],
} satisfies Entries;
