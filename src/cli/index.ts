// Every top-level command, in the order `fs --help` lists them. A command's module is imported
// only when that command runs (the bundle inits a module on its first import()): `fs --help` and
// `fs visit list` never pay for the code of the other commands. Keep new entries lazy the same way.
import type { Command } from 'commander';
import { SAFETY_COMMANDS } from './safety.js';

export interface CommandEntry {
  name: string;
  /** Catalogue key of the one-line description shown by `fs --help`. */
  description: string;
  /**
   * What `fs --help` shows after the name: the command's own options and arguments as commander
   * writes them ('[options] <file>'), none for a command made of subcommands. The help is built
   * from stubs, without loading the commands; a test checks this against each built command.
   */
  usage?: string;
  build: () => Command | Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'agenda', usage: '[options]', description: 'cmd.agenda', build: async () => (await import('./agenda.js')).agendaCommand() },
  { name: 'person', description: 'cmd.person', build: async () => (await import('./person.js')).personCommand() },
  { name: 'visit', description: 'cmd.visit', build: async () => (await import('./visit.js')).visitCommand() },
  { name: 'concern', description: 'cmd.concern', build: async () => (await import('./concern.js')).concernCommand() },
  { name: 'dispute', description: 'dispute.cmd', build: async () => (await import('./dispute.js')).disputeCommand() },
  { name: 'pair', description: 'cmd.pair', build: async () => (await import('./pair.js')).pairCommand() },
  { name: 'meeting', description: 'cmd.meeting', build: async () => (await import('./meeting.js')).meetingCommand() },
  { name: 'decision', description: 'cmd.decision', build: async () => (await import('./decision.js')).decisionCommand() },
  { name: 'plan', description: 'cmd.plan', build: async () => (await import('./plan.js')).planCommand() },
  { name: 'presence', description: 'cmd.presence', build: async () => (await import('./presence.js')).presenceCommand() },
  { name: 'search', usage: '[options] <text...>', description: 'cmd.search', build: async () => (await import('./search.js')).searchCommand() },
  { name: 'report', usage: '[options] [period]', description: 'cmd.report', build: async () => (await import('./report.js')).reportCommand() },
  { name: 'ledger', usage: '[options] [period]', description: 'cmd.ledger', build: async () => (await import('./ledger.js')).ledgerCommand() },
  { name: 'handover', usage: '[options]', description: 'cmd.handover', build: async () => (await import('./handover.js')).handoverCommand() },
  ...SAFETY_COMMANDS,
  { name: 'push', usage: '[options]', description: 'cmd.push', build: async () => (await import('./push.js')).pushCommand() },
  { name: 'county', description: 'cmd.county', build: async () => (await import('./county.js')).countyCommand() },
  { name: 'config', description: 'cmd.config', build: async () => (await import('./config.js')).configCommand() },
];
