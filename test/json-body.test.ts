import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { MAX_JSON_DEPTH, prepareJsonBody } from '../src/lib/validation.js';

/** prepareJsonBody as the body parser calls it: the text, and what JSON.parse made of it. */
function prepare(text: string): unknown {
  return prepareJsonBody(text, JSON.parse(text));
}

function refusal(text: string): AppError {
  try {
    prepare(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`not refused: ${text.slice(0, 80)}`);
}

function nested(depth: number): string {
  return `${'['.repeat(depth)}" x "${']'.repeat(depth)}`;
}

describe('prepareJsonBody', () => {
  it('trims every string at every level, keys and secrets aside', () => {
    const body = {
      name: '  Ada ',
      tags: [' a', ['b  ', { deep: '\tc\n' }]],
      profile: { title: ' Engineer ', n: 3, none: null, yes: true },
      password: '  spaced secret  ',
      new_password: ' x ',
      ' key ': ' v ',
    };
    expect(prepare(JSON.stringify(body))).toEqual({
      name: 'Ada',
      tags: ['a', ['b', { deep: 'c' }]],
      profile: { title: 'Engineer', n: 3, none: null, yes: true },
      password: '  spaced secret  ',
      new_password: ' x ',
      ' key ': 'v',
    });
    expect(prepare('"  top level  "')).toBe('top level');
    expect(prepare('42')).toBe(42);
    expect(prepare('null')).toBeNull();
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more, however deep the text goes`, () => {
    expect(prepare(nested(MAX_JSON_DEPTH))).toBeDefined();
    for (const depth of [MAX_JSON_DEPTH + 1, 100_000]) {
      const error = refusal(nested(depth));
      expect(error.code).toBe('invalid_json');
      expect(error.issues).toEqual([expect.objectContaining({ code: 'too_deep' })]);
    }
    // Objects count like arrays; brackets inside strings do not count.
    let objects = '"x"';
    for (let i = 0; i < MAX_JSON_DEPTH + 1; i += 1) objects = `{"k":${objects}}`;
    expect(refusal(objects).issues[0]?.code).toBe('too_deep');
    expect(prepare(JSON.stringify({ note: '['.repeat(500) }))).toEqual({ note: '['.repeat(500) });
  });

  it('refuses NUL and unpaired surrogates, escaped or raw, in values and keys, naming the path', () => {
    const cases: [string, string][] = [
      ['{"a":{"b":["ok","x\\u0000y"]}}', 'a.b.1'],
      ['{"a":"\\ud800"}', 'a'],
      ['{"a":"x\\udc00"}', 'a'],
      [`{"a":"raw \uD800 surrogate"}`, 'a'],
      ['{"k\\u0000":"v"}', 'k\u0000'],
      ['" a\\u0000 "', 'request body'],
    ];
    for (const [text, path] of cases) {
      const error = refusal(text);
      expect(error.code).toBe('validation_failed');
      expect(error.issues).toEqual([expect.objectContaining({ path, code: 'invalid_characters' })]);
    }
  });

  it('accepts escapes that are text: a paired surrogate, accents, an escaped backslash before u', () => {
    expect(prepare('{"a":"\\ud83d\\ude00 \\u00e9","b":"C:\\\\users"}')).toEqual({ a: '😀 é', b: 'C:\\users' });
  });
});
