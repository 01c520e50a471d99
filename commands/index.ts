import { askCommand } from './ask.ts';
import type { Command } from './command.ts';
import { compareCommand } from './compare.ts';
import { insightsDefinition } from './insights.ts';
import { reindexDefinition } from './reindex.ts';
import { reportDefinition } from './report.ts';
import { sourcesCommand } from './sources.ts';
import { whoSaidCommand } from './who-said.ts';

/**
 * Every fixed command, by name: the one list the CLI, the dispatcher and the deploy script read.
 * Topic commands (such as guarantees) come from the corpus's topics file; see topic.ts.
 */
export const commands: ReadonlyMap<string, Command> = new Map(
  [askCommand, whoSaidCommand, compareCommand, sourcesCommand].map((c) => [c.definition.name, c]),
);

/** The moderators' slash commands: they change the corpus or show what was asked, rather than answer from it. */
export const moderatorDefinitions = [reindexDefinition, reportDefinition, insightsDefinition];
