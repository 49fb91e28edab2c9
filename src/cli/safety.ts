// The data-safety commands, one file each, as entries of the command list in ./index.ts (loaded
// only when they run, like the others).
import type { CommandEntry } from './index.js';

export const SAFETY_COMMANDS: CommandEntry[] = [
  { name: 'history', usage: '[options] [entity] [id]', description: 'cmd.history', build: async () => (await import('./history.js')).historyCommand() },
  { name: 'undo', usage: '[options]', description: 'cmd.undo', build: async () => (await import('./undo.js')).undoCommand() },
  { name: 'export', usage: '[options]', description: 'cmd.export', build: async () => (await import('./export.js')).exportCommand() },
  { name: 'import', usage: '[options] <file>', description: 'cmd.import', build: async () => (await import('./import.js')).importCommand() },
  { name: 'backup', usage: '[options] [file]', description: 'cmd.backup', build: async () => (await import('./backup.js')).backupCommand() },
  { name: 'restore', usage: '[options] [file]', description: 'cmd.restore', build: async () => (await import('./restore.js')).restoreCommand() },
  { name: 'doctor', usage: '[options]', description: 'cmd.doctor', build: async () => (await import('./doctor.js')).doctorCommand() },
];
