import { describe, expect, it } from 'vitest';
import { EMBED_CHROME_HEIGHTS } from '../../src/embed/layout';
import {
  defaultEmbedConfig,
  readEmbedOptions,
  resolveEmbedOptions,
  type EmbedConfig,
} from '../../src/embed/options';
import {
  elementSnippet,
  embedFrameHeight,
  embedUrl,
  iframeSnippet,
} from '../../src/embed/snippets';

const PAGE = 'https://example.org/tools/gp/embed.html?old=1#state';
const SCRIPT = 'https://example.org/tools/gp/gp-sensitivity.js';

const config: EmbedConfig = {
  ...defaultEmbedConfig(),
  points: [
    { x: 0.5, y: 0.25 },
    { x: 2, y: -1 },
    { x: 7.125, y: 1.5 },
  ],
  kernel: 'matern52',
  hyperparameter: 'noiseStd',
  panels: ['readout'],
  height: 300,
};

/** The attributes of the first element named `tag` in `html` (a small reader for test input). */
function attributesOf(html: string, tag: string): Map<string, string> {
  const element = new RegExp(`<${tag}\\b([^>]*)>`).exec(html)?.[1] ?? '';
  const unescape = (value: string) =>
    value
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  return new Map(
    [...element.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name = '', value = '']) => [
      name,
      unescape(value),
    ]),
  );
}

describe('embed snippets', () => {
  it('puts the configuration in embed.html’s query, readably, replacing any old query', () => {
    expect(embedUrl(config, PAGE)).toBe(
      'https://example.org/tools/gp/embed.html?points=0.5,0.25;2,-1;7.125,1.5&kernel=matern52&hyperparameter=noiseStd&panels=readout&height=300',
    );
    expect(embedUrl(defaultEmbedConfig(), PAGE)).toBe('https://example.org/tools/gp/embed.html');
  });

  it('gives an iframe whose address reads back to the configuration and whose height fits it', () => {
    const snippet = iframeSnippet(config, PAGE);
    const attributes = attributesOf(snippet, 'iframe');
    const query = new URL(attributes.get('src') ?? '').searchParams;
    const { config: read, problems } = resolveEmbedOptions(
      readEmbedOptions((name) => query.get(name)),
    );
    expect(problems).toEqual([]);
    expect(read).toEqual(config);
    expect(Number(attributes.get('height'))).toBe(
      300 + EMBED_CHROME_HEIGHTS.frame + EMBED_CHROME_HEIGHTS.readout,
    );
    expect(attributes.get('title')).toMatch(/Interactive figure/);
    // No style attribute: a page under a strict CSP would block it.
    expect(attributes.has('style')).toBe(false);
  });

  it('gives the element and its script, with attributes that read back to the configuration', () => {
    const snippet = elementSnippet(config, SCRIPT);
    expect(attributesOf(snippet, 'script')).toEqual(
      new Map([
        ['type', 'module'],
        ['src', SCRIPT],
      ]),
    );
    const attributes = attributesOf(snippet, 'gp-sensitivity');
    const { config: read, problems } = resolveEmbedOptions(
      readEmbedOptions((name) => attributes.get(name) ?? null),
    );
    expect(problems).toEqual([]);
    expect(read).toEqual(config);
    expect(elementSnippet(defaultEmbedConfig(), SCRIPT)).toContain(
      '<gp-sensitivity></gp-sensitivity>',
    );
  });

  it('escapes attribute values', () => {
    const snippet = iframeSnippet(config, 'https://example.org/a"b<c>&d/embed.html');
    expect(snippet).not.toMatch(/a"b/);
    expect(attributesOf(snippet, 'iframe').get('src')).toContain(
      'https://example.org/a%22b%3Cc%3E&d/',
    );
  });

  it('sizes the iframe for the panels shown, with a default plot height when none is set', () => {
    const plotOnly = embedFrameHeight({ ...config, panels: [], height: 250 });
    expect(plotOnly).toBe(250 + EMBED_CHROME_HEIGHTS.frame);
    expect(
      embedFrameHeight({ ...config, panels: ['controls', 'readout', 'status'], height: 250 }),
    ).toBe(
      plotOnly +
        EMBED_CHROME_HEIGHTS.controls +
        EMBED_CHROME_HEIGHTS.readout +
        EMBED_CHROME_HEIGHTS.status,
    );
    expect(embedFrameHeight({ ...config, panels: [], height: null })).toBe(
      320 + EMBED_CHROME_HEIGHTS.frame,
    );
  });
});
