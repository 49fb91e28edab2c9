// The data-safety commands, one file each; imported together by src/main.ts.
export { backupCommand } from './backup.js';
export { doctorCommand } from './doctor.js';
export { exportCommand } from './export.js';
export { historyCommand } from './history.js';
export { importCommand } from './import.js';
export { restoreCommand } from './restore.js';
export { undoCommand } from './undo.js';
