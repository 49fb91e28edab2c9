import type { Entries } from './index.js';

// Change sets: undo and history by command (migration 0006).
export const undo = {
  'opt.undo_id': ['undo change set N (fs history shows them) instead of the last command', '撤销第 N 组修改（见 fs history），而不是最近一条命令'],
  'what.change_set': ['change set', '修改组'],
  'col.change_set': ['Set', '修改组'],
  'col.command': ['Command', '命令'],
  'col.set_undone_by': ['Set undone by', '整组撤销于'],
  'msg.change_set_unnamed': ['unnamed', '未命名'],
  'msg.undo_more': ['… and {n} more', '……另有 {n} 项'],
  'err.change_set_not_found': ['no change set #{id}; fs history lists them', '没有第 {id} 组修改；fs history 可列出全部'],
  'err.change_set_undone': ['change set #{id} is already undone (by #{by}); nothing was undone', '第 {id} 组修改已被撤销（第 {by} 组）；未撤销任何内容'],
  'err.undo_depends': [
    'cannot undo change set #{id}: change set #{later} ({command}) changed the same records later; undo that one first; nothing was undone',
    '无法撤销第 {id} 组修改：之后的第 {later} 组修改（{command}）改动了相同的记录，请先撤销那一组；未撤销任何内容',
  ],
  'err.undo_after_import': [
    'cannot undo change set #{id}: the import #{later} came after it and may have changed the same records; restore the backup taken before the import (fs restore); nothing was undone',
    '无法撤销第 {id} 组修改：之后的第 {later} 组是一次导入，可能改动了相同的记录；请恢复导入前的备份（fs restore）；未撤销任何内容',
  ],
  'why.referenced': ['{what} #{id} still refers to it', '{what} #{id} 仍引用它'],
} satisfies Entries;
