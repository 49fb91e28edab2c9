// Preloaded with `node -r` by the benchmark: writes the process's peak resident memory (KB) to
// $FS_BENCH_RSS_FILE when it exits.
'use strict';
process.on('exit', () => {
  if (process.env.FS_BENCH_RSS_FILE) require('node:fs').writeFileSync(process.env.FS_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
