// The data-safety commands, one file each, as entries of the command list in ./index.ts.
import { backupCommand } from './backup.js';
import { doctorCommand } from './doctor.js';
import { exportCommand } from './export.js';
import { historyCommand } from './history.js';
import { importCommand } from './import.js';
import { restoreCommand } from './restore.js';
import type { CommandEntry } from './index.js';
import { undoCommand } from './undo.js';

export const SAFETY_COMMANDS: CommandEntry[] = [
  { name: 'history', description: 'cmd.history', build: historyCommand },
  { name: 'undo', description: 'cmd.undo', build: undoCommand },
  { name: 'export', description: 'cmd.export', build: exportCommand },
  { name: 'import', description: 'cmd.import', build: importCommand },
  { name: 'backup', description: 'cmd.backup', build: backupCommand },
  { name: 'restore', description: 'cmd.restore', build: restoreCommand },
  { name: 'doctor', description: 'cmd.doctor', build: doctorCommand },
];
