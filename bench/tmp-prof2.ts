import { openDatabase } from '../src/db/open.js';
import { SECTION_SPECS } from '../src/report/sections.js';
import { splitPeriod } from '../src/time/periods.js';
void (async () => {
  const db = await openDatabase(process.argv[2]!);
  const period = { from: '2025-01-01', to: '2025-12-31', asOf: '2025-12-31' };
  const intervals = splitPeriod(period.from, period.to, 'month').map((p) => ({ from: p.from, to: p.to, asOf: p.to }));
  for (const [name, spec] of Object.entries(SECTION_SPECS)) {
    let s = process.hrtime.bigint();
    const { total } = spec.count(db, period, intervals);
    const a = Number(process.hrtime.bigint() - s) / 1e6; s = process.hrtime.bigint();
    spec.state(db, period);
    const b = Number(process.hrtime.bigint() - s) / 1e6; s = process.hrtime.bigint();
    spec.lists(db, period, total);
    const c = Number(process.hrtime.bigint() - s) / 1e6;
    console.log(name, 'count', a.toFixed(1), 'state', b.toFixed(1), 'lists', c.toFixed(1));
  }
})();
