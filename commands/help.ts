import { slashCommand } from './options.ts';

/** /help: what the bot does and its commands (rendered by the formatter's renderHelp). */
export const helpDefinition = slashCommand('help', 'What dossier-bot does and how to ask it').toJSON();
