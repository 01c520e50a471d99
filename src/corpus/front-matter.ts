import { parse as parseYaml } from 'yaml';

/**
 * Parses a report's YAML front matter. Most front matter is a few `key: text` lines, which are read
 * directly; anything else goes to the YAML parser. Same result either way: a line is only read
 * directly when YAML would read it as that text. Why: at 10,000 reports the YAML parser was a third
 * of loading the corpus (0.35 s of start-up).
 */
export function parseFrontMatter(text: string): unknown {
  // Warnings (an unknown tag) would go to stderr, past the bot's log: what matters is the value or the error.
  return simpleMapping(text) ?? parseYaml(text, { logLevel: 'error' });
}

/** `key: value` with a lower-case key and a plain or double-quoted value on one line. */
const LINE = /^([a-z][a-z_]*): (?:"([^"\\]*)"|([^\s"'#&*!|>%@`,[\]{}?:-][^\t]*?)) *$/;
/** A plain scalar YAML (core schema) would read as null, a boolean or a number, not as text. */
const NOT_TEXT = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The mapping when every line is a simple one, else undefined (the YAML parser decides). */
function simpleMapping(text: string): Record<string, string> | undefined {
  const mapping: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    // `in`, not an own-key test: a repeated key, and keys such as __proto__, are left to the parser.
    if (!match || match[1]! in mapping) return undefined;
    const [, key, quoted, plain] = match;
    // A plain value ends before " #" (a comment) and cannot hold ": " (a nested mapping).
    if (plain !== undefined && (NOT_TEXT.test(plain) || plain.includes(': ') || plain.includes(' #') || plain.endsWith(':'))) return undefined;
    mapping[key!] = quoted ?? plain!;
  }
  return mapping;
}
