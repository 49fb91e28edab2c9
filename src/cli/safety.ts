// The data-safety commands, one file each, listed as the entries src/main.ts adds
// (name, the catalogue key of its one-line description, the builder).
import type { Command } from 'commander';
import { backupCommand } from './backup.js';
import { doctorCommand } from './doctor.js';
import { exportCommand } from './export.js';
import { historyCommand } from './history.js';
import { importCommand } from './import.js';
import { restoreCommand } from './restore.js';
import { undoCommand } from './undo.js';

export const SAFETY_COMMANDS: { name: string; description: string; build: () => Command }[] = [
  { name: 'history', description: 'cmd.history', build: historyCommand },
  { name: 'undo', description: 'cmd.undo', build: undoCommand },
  { name: 'export', description: 'cmd.export', build: exportCommand },
  { name: 'import', description: 'cmd.import', build: importCommand },
  { name: 'backup', description: 'cmd.backup', build: backupCommand },
  { name: 'restore', description: 'cmd.restore', build: restoreCommand },
  { name: 'doctor', description: 'cmd.doctor', build: doctorCommand },
];
