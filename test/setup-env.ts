// Runs in every test worker before its test file: tests that call the code in-process (runInProcess,
// db functions reading FS_TODAY, colour detection) see the same pinned environment as children.
import { scrubEnv } from './helpers/env.js';

scrubEnv();
