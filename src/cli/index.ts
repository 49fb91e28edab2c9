// Every top-level command, in the order `fs --help` lists them.
import type { Command } from 'commander';
import { configCommand } from './config.js';
import { concernCommand } from './concern.js';
import { decisionCommand } from './decision.js';
import { disputeCommand } from './dispute.js';
import { meetingCommand } from './meeting.js';
import { pairCommand } from './pair.js';
import { personCommand } from './person.js';
import { planCommand } from './plan.js';
import { reportCommand } from './report.js';
import { SAFETY_COMMANDS } from './safety.js';
import { searchCommand } from './search.js';
import { visitCommand } from './visit.js';

export interface CommandEntry {
  name: string;
  /** Catalogue key of the one-line description shown by `fs --help`. */
  description: string;
  build: () => Command;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'person', description: 'cmd.person', build: personCommand },
  { name: 'visit', description: 'cmd.visit', build: visitCommand },
  { name: 'concern', description: 'cmd.concern', build: concernCommand },
  { name: 'dispute', description: 'dispute.cmd', build: disputeCommand },
  { name: 'pair', description: 'cmd.pair', build: pairCommand },
  { name: 'meeting', description: 'cmd.meeting', build: meetingCommand },
  { name: 'decision', description: 'cmd.decision', build: decisionCommand },
  { name: 'plan', description: 'cmd.plan', build: planCommand },
  { name: 'report', description: 'cmd.report', build: reportCommand },
  { name: 'search', description: 'cmd.search', build: searchCommand },
  ...SAFETY_COMMANDS,
  { name: 'config', description: 'cmd.config', build: configCommand },
];
