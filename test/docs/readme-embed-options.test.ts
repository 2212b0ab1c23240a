/**
 * The README's table of embedding options is where a blogger looks up what a widget accepts: it
 * names every option the widget reads, and the language, which embed.html (`?lang=`) and the
 * element (`lang`) both take.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMBED_OPTION_NAMES } from '../../src/embed/options';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe("the README's embedding options", () => {
  it('has a row for every option the widget reads, and for its language', () => {
    const section = readme.slice(readme.indexOf('## Embedding'));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((match) => match[1]);
    expect(rows).toEqual(expect.arrayContaining([...EMBED_OPTION_NAMES, 'lang']));
  });
});
