// Messages of the guards against hostile input and unsafe targets (issue 11, item 10).
import type { Entries } from './index.js';

export const guard = {
  'err.output_is_db': ['refusing to write {path}: it is a database or one of its -wal/-shm files; choose another file name', '拒绝写入 {path}：这是数据库或其 -wal/-shm 文件，请换一个文件名'],
  'err.output_not_file': ['refusing to write {path}: it is not a regular file', '拒绝写入 {path}：不是普通文件'],
  'err.output_symlink': ['refusing to write {path}: it is a symbolic link; give the file it points to', '拒绝写入 {path}：这是符号链接，请直接给出它指向的文件'],
  'doctor.perm_readonly': [
    'not writable by you: {paths}; every change would fail with "attempt to write a readonly database"; fix with: {fix} (or fs doctor --fix-permissions)',
    '你无写权限：{paths}；所有修改都会失败（attempt to write a readonly database）；修复：{fix}（或 fs doctor --fix-permissions）',
  ],
} satisfies Entries;
