// `fs --help` is built from stubs (the commands' code is loaded only when one runs): each stub
// must be listed exactly as its built command would be.
import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/index.js';

describe('the command list', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: the usage shown by fs --help is the built command’s', async (name, entry) => {
    const cmd = await entry.build();
    expect(cmd.name()).toBe(name);
    expect(entry.usage ? `${name} ${entry.usage}` : name).toBe(new Help().subcommandTerm(cmd));
  });
});
