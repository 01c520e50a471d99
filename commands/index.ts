import { askCommand } from './ask.ts';
import type { Command } from './command.ts';

/** Every command, by name: the one list the CLI, the dispatcher and the deploy script read. */
export const commands: ReadonlyMap<string, Command> = new Map([askCommand].map((c) => [c.name, c]));
