import type { Entries } from './index.js';

// The county view: fs county (init, add-ledger, villages, report) and fs push.
export const county = {
  'cmd.county': ['the county database (PostgreSQL): every village side by side', '县级数据库（PostgreSQL）：各村台账汇总对比'],
  'cmd.county.init': ['create or upgrade the county schema in a PostgreSQL database', '在 PostgreSQL 数据库中创建或升级县级数据表'],
  'cmd.county.add_ledger': ['register a village ledger and create the role it pushes with', '登记一个村的台账，并创建它推送所用的数据库账号'],
  'cmd.push': ['send what changed since the last push to the county database', '把上次推送以来的变化发送到县级数据库'],
  'opt.county_url': ['PostgreSQL connection string (postgresql://user:password@host/db?sslmode=...)', 'PostgreSQL 连接串（postgresql://用户:密码@主机/库?sslmode=...）'],
  'opt.county_village': ['the village', '村名'],
  'opt.county_secretary': ['the first secretary', '驻村第一书记姓名'],
  'opt.county_township': ['the township', '乡镇'],
  'county.msg.initialised': ['County schema at version {to} in {url} (applied: {applied}).', '县级数据表已为第 {to} 版：{url}（本次执行：{applied}）。'],
  'county.msg.up_to_date': ['County schema already at version {to} in {url}.', '县级数据表已是第 {to} 版：{url}。'],
  'county.msg.ledger_added': [
    'Registered {village} ({secretary}) as ledger {ledger}. Its connection string is printed once, on stdout; the secretary runs: fs config set county.url \'<that string>\'',
    '已登记 {village}（{secretary}），台账编号 {ledger}。连接串只显示这一次（标准输出），请驻村第一书记执行：fs config set county.url \'<该连接串>\'',
  ],
  'county.err.url_missing': ['No county database: give --url or set county.url (fs config set county.url ...).', '未指定县级数据库：请使用 --url，或先设置 county.url（fs config set county.url ...）。'],
  'county.err.bad_url': ['Not a PostgreSQL connection string: {url} (expected postgresql://user:password@host/db).', '不是 PostgreSQL 连接串：{url}（应为 postgresql://用户:密码@主机/库）。'],
  'county.err.connect': ['Cannot reach the county database {url}: {detail}', '无法连接县级数据库 {url}：{detail}'],
  'county.err.server': ['The county database refused: {detail}', '县级数据库拒绝了操作：{detail}'],
  'county.err.no_schema': ['The county database has no fs schema yet: run fs county init --url ... first.', '县级数据库尚未初始化：请先运行 fs county init --url ...。'],
  'county.err.newer_schema': ['The county schema is at version {version}, newer than this fs knows ({known}): upgrade fs.', '县级数据表为第 {version} 版，比本程序支持的第 {known} 版新：请升级 fs。'],
  'county.err.empty': ['{what} may not be empty.', '{what}不能为空。'],
  'county.none': ['none', '无'],
} satisfies Entries;
