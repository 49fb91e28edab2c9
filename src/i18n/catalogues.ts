// Every catalogue file, in order: a key found in two files means what the later file says.
import { agenda } from './agenda.js';
import { cli } from './cli.js';
import { core } from './core.js';
import { county } from './county.js';
import { countyPush } from './county-push.js';
import { countyReport } from './county-report.js';
import { decisions } from './decisions.js';
import { dispute } from './dispute.js';
import { documents } from './documents.js';
import { guard } from './guard.js';
import { handover } from './handover.js';
import { input } from './input.js';
import { ledger } from './ledger.js';
import { meetings } from './meetings.js';
import { pair } from './pair.js';
import { people } from './people.js';
import { plan } from './plan.js';
import { presence } from './presence.js';
import { report } from './report.js';
import { safety } from './safety.js';
import { search } from './search.js';
import { undo } from './undo.js';
import { valid } from './valid.js';
import { visits } from './visits.js';

export const catalogues = [core, cli, people, visits, dispute, pair, meetings, decisions, plan, report, safety, ledger, presence, agenda, documents, handover, guard, undo, valid, search, input, county, countyPush, countyReport] as const;
