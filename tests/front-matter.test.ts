import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseFrontMatter } from '../src/corpus/front-matter.ts';

/** What the YAML parser makes of a text: its value, or that it refused it. */
function viaYaml(text: string): unknown {
  try {
    return { value: parseYaml(text, { logLevel: 'error' }) };
  } catch {
    return { refused: true };
  }
}

function viaFrontMatter(text: string): unknown {
  try {
    return { value: parseFrontMatter(text) };
  } catch {
    return { refused: true };
  }
}

describe('front matter', () => {
  it.each([
    'id: report-1\ntitle: "Allies split on guarantees"',
    'id: report-1\ntitle: Allies split on guarantees   \nauthor: Dave DeCamp\npublished: 2024-05-02\nurl: https://example.com/a#b',
    'title: 2024',
    'title: true',
    'title: null',
    'title: ~',
    'title: 1e3',
    'title: .inf',
    'title: 0x1F',
    'title: Ukraine: the talks',
    'title: "quoted \\" inside"',
    "title: 'single quoted'",
    'title: tail # comment',
    'title: ends with colon:',
    'title:',
    'title: a\ntitle: b',
    'title: [a, b]',
    'title: &anchor text',
    'title: - dash',
    '__proto__: x',
    'constructor: x',
    'title: >\n  folded',
    '# comment\ntitle: x',
  ])('reads %j as YAML does', (text) => {
    expect(viaFrontMatter(text)).toEqual(viaYaml(text));
  });

  it('reads any line of key and text as YAML does', () => {
    const value = fc.string({ unit: fc.constantFrom(...'aZ0 :#-"\'\\[]{}&*!|>%@`,?.~+eE\t'.split('')), maxLength: 12 });
    const line = fc.tuple(fc.constantFrom('id', 'title', 'author', 'url'), value).map(([key, v]) => `${key}: ${v}`);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const text = lines.join('\n');
        expect(viaFrontMatter(text)).toEqual(viaYaml(text));
      }),
      { numRuns: 3000 },
    );
  });
});
