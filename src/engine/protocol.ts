import type { Choice, CommandInput } from '../../commands/command.ts';
import type { Answer } from '../answer.ts';
import type { LibraryInfo } from './engine.ts';

/** Messages between the main thread and a library's worker thread. */
export type ToWorker =
  | { kind: 'answer'; id: number; command: string; input: CommandInput }
  | { kind: 'autocomplete'; id: number; command: string; option: { name: string; value: string } };

export type FromWorker =
  | { kind: 'ready'; info: LibraryInfo }
  | { kind: 'failed'; error: { file: string; reason: string } | { message: string } }
  | { kind: 'log'; level: 'warn' | 'debug'; details: object; message: string }
  | { kind: 'result'; id: number; result?: Answer | Choice[]; error?: string };
