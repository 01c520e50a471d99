// Validates request bodies the bot sends: first against Discord's own OpenAPI-derived zod schemas
// (discord-api-spec), then against the limits Discord enforces that the spec is looser about.
import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  ApplicationCommandCreateRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
  LaunchActivityInteractionCallbackRequestSchema,
  MessageCreateRequestSchema,
  MessageEditRequestPartialSchema,
  ModalInteractionCallbackRequestSchema,
  UpdateMessageInteractionCallbackRequestSchema,
} from 'discord-api-spec/zod';
import type { ZodMiniType } from 'zod/mini';

export type IssuePath = (string | number)[];

/** One problem, in Discord's error vocabulary (code like BASE_TYPE_MAX_LENGTH). */
export interface Issue {
  path: IssuePath;
  code: string;
  message: string;
}

/** Minimal view of a zod issue (zod/mini ships no messages without a locale, so we format our own). */
interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  format?: string;
  values?: unknown[];
  expected?: string;
  errors?: ZodIssueLike[][];
}

function toPath(path: PropertyKey[]): IssuePath {
  return path.map((key) => (typeof key === 'number' ? key : String(key)));
}

/** The value at a path (zod/mini issues carry no `input` unless asked, so look it up ourselves). */
function valueAt(root: unknown, path: IssuePath): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function fromZodIssue(issue: ZodIssueLike, prefix: IssuePath, root: unknown, rootPath: IssuePath): Issue[] {
  const path = [...prefix, ...toPath(issue.path)];
  const input = valueAt(root, path.slice(rootPath.length));
  switch (issue.code) {
    case 'too_big':
      return [
        issue.origin === 'number' || issue.origin === 'int'
          ? { path, code: 'NUMBER_TYPE_MAX', message: `Must be less than or equal to ${String(issue.maximum)}.` }
          : { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${String(issue.maximum)} or fewer in length.` },
      ];
    case 'too_small':
      return [
        issue.origin === 'number' || issue.origin === 'int'
          ? { path, code: 'NUMBER_TYPE_MIN', message: `Must be greater than or equal to ${String(issue.minimum)}.` }
          : { path, code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${String(issue.minimum)} or more in length.` },
      ];
    case 'invalid_type':
      return [
        input === undefined
          ? { path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }
          : { path, code: 'BASE_TYPE_BAD', message: `Expected ${issue.expected ?? 'another type'}, got ${JSON.stringify(input)?.slice(0, 80)}.` },
      ];
    case 'invalid_value':
      return [{ path, code: 'BASE_TYPE_CHOICES', message: `Value must be one of ${JSON.stringify(issue.values)}.` }];
    case 'invalid_format':
      return [{ path, code: issue.format === 'url' ? 'URL_TYPE_INVALID_URL' : 'BASE_TYPE_BAD', message: `Not a valid ${issue.format ?? 'value'}.` }];
    case 'invalid_union':
      return fromUnion(issue, path, root, rootPath);
    default:
      return [{ path, code: issue.code.toUpperCase(), message: 'Invalid value.' }];
  }
}

/**
 * A union failed: report the branch that came closest. Branches rejected at their root (wrong type of
 * value) or by their `type` literal are other variants, not a helpful explanation.
 */
function fromUnion(issue: ZodIssueLike, path: IssuePath, root: unknown, rootPath: IssuePath): Issue[] {
  const wrongVariant = (inner: ZodIssueLike): boolean =>
    (inner.code === 'invalid_type' && inner.path.length === 0) ||
    (inner.code === 'invalid_value' && inner.path.length === 1 && inner.path[0] === 'type');
  const branches = (issue.errors ?? []).filter((branch) => !branch.some(wrongVariant));
  const best = branches.sort((a, b) => a.length - b.length)[0];
  if (!best || best.length === 0) {
    return [{ path, code: 'UNION_TYPE_CHOICES', message: 'Value does not match any allowed variant (check its type).' }];
  }
  return best.flatMap((inner) => fromZodIssue(inner, path, root, rootPath));
}

function checkSchema(schema: ZodMiniType, value: unknown, prefix: IssuePath = []): Issue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return (result.error.issues as unknown as ZodIssueLike[]).flatMap((issue) => fromZodIssue(issue, prefix, value, prefix));
}

// ---------- limits the spec does not encode (or encodes more loosely) ----------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textLength(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

function maxLength(issues: Issue[], path: IssuePath, value: unknown, max: number): void {
  if (textLength(value) > max) issues.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

function checkEmbeds(embeds: unknown, prefix: IssuePath): Issue[] {
  const issues: Issue[] = [];
  if (!Array.isArray(embeds)) return issues;
  if (embeds.length > 10) issues.push({ path: [...prefix, 'embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
  let total = 0;
  embeds.forEach((embed: unknown, index) => {
    if (!isRecord(embed)) return;
    const at = [...prefix, 'embeds', index];
    maxLength(issues, [...at, 'title'], embed['title'], 256);
    maxLength(issues, [...at, 'description'], embed['description'], 4096);
    total += textLength(embed['title']) + textLength(embed['description']);
    const footer = embed['footer'];
    if (isRecord(footer)) {
      maxLength(issues, [...at, 'footer', 'text'], footer['text'], 2048);
      total += textLength(footer['text']);
    }
    const author = embed['author'];
    if (isRecord(author)) {
      maxLength(issues, [...at, 'author', 'name'], author['name'], 256);
      total += textLength(author['name']);
    }
    const fields = embed['fields'];
    if (Array.isArray(fields)) {
      if (fields.length > 25) issues.push({ path: [...at, 'fields'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
      fields.forEach((field: unknown, fieldIndex) => {
        if (!isRecord(field)) return;
        const fieldAt = [...at, 'fields', fieldIndex];
        for (const [key, max] of [['name', 256], ['value', 1024]] as const) {
          if (textLength(field[key]) === 0) issues.push({ path: [...fieldAt, key], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
          maxLength(issues, [...fieldAt, key], field[key], max);
        }
        total += textLength(field['name']) + textLength(field['value']);
      });
    }
  });
  if (total > 6000) {
    issues.push({ path: [...prefix, 'embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of 6000 (got ${total}).` });
  }
  return issues;
}

function checkAllowedMentions(value: unknown, prefix: IssuePath): Issue[] {
  const at = [...prefix, 'allowed_mentions'];
  if (value === undefined || value === null) {
    // Not a Discord rule: the project requires every message to say explicitly whom it may ping.
    return [{ path: at, code: 'ALLOWED_MENTIONS_REQUIRED', message: 'allowed_mentions is missing; every message the bot sends must set it (e.g. { parse: [] }).' }];
  }
  if (!isRecord(value)) return [];
  const issues: Issue[] = [];
  const parse = Array.isArray(value['parse']) ? value['parse'] : [];
  for (const kind of ['users', 'roles'] as const) {
    const list = value[kind];
    if (parse.includes(kind) && Array.isArray(list) && list.length > 0) {
      issues.push({ path: [...at, kind], code: 'SET_TYPE_ALREADY_CONTAINS_VALUE', message: `parse:["${kind}"] and ${kind}: [ids] are mutually exclusive.` });
    }
  }
  return issues;
}

export interface MessageCheckOptions {
  /** Creating (must not be empty) rather than editing. */
  create: boolean;
  /** Files uploaded with the request (count as content). */
  fileCount: number;
}

/** Real limits for any message body (content, embeds, allowed_mentions, emptiness). */
export function checkMessageBody(body: unknown, prefix: IssuePath, options: MessageCheckOptions): Issue[] {
  if (!isRecord(body)) {
    return [{ path: prefix, code: 'BASE_TYPE_REQUIRED', message: 'A message body object is required.' }];
  }
  const issues: Issue[] = [];
  maxLength(issues, [...prefix, 'content'], body['content'], 2000);
  issues.push(...checkEmbeds(body['embeds'], prefix), ...checkAllowedMentions(body['allowed_mentions'], prefix));
  if (options.create) {
    const hasContent = typeof body['content'] === 'string' && body['content'].trim().length > 0;
    const nonEmpty = (key: string): boolean => Array.isArray(body[key]) && (body[key] as unknown[]).length > 0;
    const hasOther = nonEmpty('embeds') || nonEmpty('components') || nonEmpty('sticker_ids') || isRecord(body['poll']) || options.fileCount > 0;
    if (!hasContent && !hasOther) issues.push({ path: prefix, code: 'EMPTY_MESSAGE', message: 'Cannot send an empty message' });
  }
  return issues;
}

function checkAutocompleteChoices(data: unknown): Issue[] {
  if (!isRecord(data) || !Array.isArray(data['choices'])) return [];
  const issues: Issue[] = [];
  const choices: unknown[] = data['choices'];
  if (choices.length > 25) issues.push({ path: ['data', 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  choices.forEach((choice, index) => {
    if (!isRecord(choice)) return;
    for (const key of ['name', 'value'] as const) {
      const value = choice[key];
      if (typeof value !== 'string') continue;
      const length = textLength(value);
      if (length < 1 || length > 100) {
        issues.push({ path: ['data', 'choices', index, key], code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and 100 in length (got ${length}).` });
      }
    }
  });
  return issues;
}

// ---------- per-route entry points ----------

const CALLBACK_SCHEMAS: Record<number, ZodMiniType> = {
  4: CreateMessageInteractionCallbackRequestSchema,
  5: CreateMessageInteractionCallbackRequestSchema,
  6: UpdateMessageInteractionCallbackRequestSchema,
  7: UpdateMessageInteractionCallbackRequestSchema,
  8: ApplicationCommandAutocompleteCallbackRequestSchema,
  9: ModalInteractionCallbackRequestSchema,
  12: LaunchActivityInteractionCallbackRequestSchema,
};

export function validateInteractionCallback(body: unknown, fileCount: number): Issue[] {
  const type = isRecord(body) ? body['type'] : undefined;
  const schema = typeof type === 'number' ? CALLBACK_SCHEMAS[type] : undefined;
  if (!schema || !isRecord(body)) {
    return [{ path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Unknown interaction callback type ${JSON.stringify(type)}.` }];
  }
  const issues = checkSchema(schema, body);
  if (type === 4) issues.push(...checkMessageBody(body['data'], ['data'], { create: true, fileCount }));
  if (type === 7) issues.push(...checkMessageBody(body['data'], ['data'], { create: false, fileCount }));
  if (type === 8) issues.push(...checkAutocompleteChoices(body['data']));
  return dedupe(issues);
}

export function validateWebhookExecute(body: unknown, fileCount: number): Issue[] {
  return dedupe([...checkSchema(IncomingWebhookRequestPartialSchema, body), ...checkMessageBody(body, [], { create: true, fileCount })]);
}

export function validateWebhookEdit(body: unknown, fileCount: number): Issue[] {
  return dedupe([...checkSchema(IncomingWebhookUpdateRequestPartialSchema, body), ...checkMessageBody(body, [], { create: false, fileCount })]);
}

export function validateChannelMessageCreate(body: unknown, fileCount: number): Issue[] {
  return dedupe([...checkSchema(MessageCreateRequestSchema, body), ...checkMessageBody(body, [], { create: true, fileCount })]);
}

export function validateChannelMessageEdit(body: unknown, fileCount: number): Issue[] {
  return dedupe([...checkSchema(MessageEditRequestPartialSchema, body), ...checkMessageBody(body, [], { create: false, fileCount })]);
}

/** Rules for chat-input commands Discord enforces beyond the schema. */
function checkCommandRules(command: unknown, prefix: IssuePath): Issue[] {
  if (!isRecord(command)) return [];
  const issues: Issue[] = [];
  const type = command['type'] ?? 1;
  if (type !== 1) return issues;
  const name = command['name'];
  if (typeof name === 'string' && !/^[-_'\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u.test(name)) {
    issues.push({ path: [...prefix, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name "${name}" must be 1-32 lowercase letters, digits, - or _.` });
  }
  const description = command['description'];
  if (typeof description !== 'string' || textLength(description) < 1) {
    issues.push({ path: [...prefix, 'description'], code: 'BASE_TYPE_REQUIRED', message: 'Chat input commands need a description of 1-100 characters.' });
  }
  const options = command['options'];
  if (Array.isArray(options)) {
    if (options.length > 25) issues.push({ path: [...prefix, 'options'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    let seenOptional = false;
    options.forEach((option: unknown, index) => {
      if (!isRecord(option)) return;
      if (option['required'] === true && seenOptional) {
        issues.push({ path: [...prefix, 'options', index, 'required'], code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options.' });
      }
      if (option['required'] !== true && option['type'] !== 1 && option['type'] !== 2) seenOptional = true;
      const choices = option['choices'];
      if (Array.isArray(choices) && choices.length > 25) {
        issues.push({ path: [...prefix, 'options', index, 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
      }
    });
  }
  return issues;
}

export function validateCommand(command: unknown, prefix: IssuePath = []): Issue[] {
  return dedupe([...checkSchema(ApplicationCommandCreateRequestSchema, asSpecCommand(command), prefix), ...checkCommandRules(command, prefix)]);
}

/**
 * The spec types default_member_permissions as an integer, but Discord documents it as a string of a
 * bit set and accepts both (discord.js sends the string); check a numeric string as its number.
 */
function asSpecCommand(command: unknown): unknown {
  if (!isRecord(command)) return command;
  const permissions = command['default_member_permissions'];
  return typeof permissions === 'string' && /^\d+$/.test(permissions) ? { ...command, default_member_permissions: Number(permissions) } : command;
}

export function validateCommandList(body: unknown): Issue[] {
  if (!Array.isArray(body)) return [{ path: [], code: 'BASE_TYPE_BAD', message: 'Expected an array of commands.' }];
  const issues = body.flatMap((command: unknown, index) => validateCommand(command, [index]));
  const names = body.map((command: unknown) => (isRecord(command) ? `${String(command['type'] ?? 1)}:${String(command['name'])}` : ''));
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) issues.push({ path: [index, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: `Duplicate command name ${name.split(':')[1] ?? ''}.` });
  });
  if (names.filter((name) => name.startsWith('1:')).length > 100) {
    issues.push({ path: [], code: 'MAX_COMMANDS', message: 'Maximum number of chat input commands (100) exceeded.' });
  }
  return issues;
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path.join('.')}|${issue.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function formatPath(path: IssuePath): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '') || '(body)';
}

/** Discord's nested error object: { data: { content: { _errors: [{ code, message }] } } }. */
export function toDiscordErrors(issues: Issue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = root;
    for (const key of issue.path) {
      const next = node[String(key)];
      if (isRecord(next)) {
        node = next;
      } else {
        const created: Record<string, unknown> = {};
        node[String(key)] = created;
        node = created;
      }
    }
    const list = Array.isArray(node['_errors']) ? (node['_errors'] as unknown[]) : [];
    list.push({ code: issue.code, message: issue.message });
    node['_errors'] = list;
  }
  return root;
}
