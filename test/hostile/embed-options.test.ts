/**
 * The hostile-input corpus against the widget's options (page-cases.ts, EMBED_OPTION_CASES,
 * APP_URL_CASES), as URL parameters and attributes give them (text) and as JavaScript passes
 * them: a bad value is named in one bounded sentence and replaced by its default; the
 * configuration is always valid; the "Open in explorer" link only ever goes to http(s).
 */
import { describe, expect, it } from 'vitest';
import {
  EMBED_PANELS,
  EMBED_THEMES,
  QUERY_LIMIT,
  readAppUrl,
  readEmbedQuery,
  resolveEmbedOptions,
  type EmbedOptions,
} from '../../src/embed/options';
import { HYPERPARAMETER_NAMES, KERNEL_NAMES } from '../../src/engine/types';
import { APP_URL_CASES, EMBED_OPTION_CASES } from './page-cases';
import { expectPrototypesUntouched, prototypeSnapshot } from './prototypes';
import { translator } from '../../src/i18n/messages';

describe('hostile options to the widget', () => {
  it.each(EMBED_OPTION_CASES.map((c) => [c.name, c] as const))('%s', (_, testCase) => {
    const before = prototypeSnapshot();
    const { config, problems } = resolveEmbedOptions(testCase.options as EmbedOptions);
    expect(problems).toHaveLength(testCase.problems.length);
    problems.forEach((problem, i) => {
      expect(problem).toMatch(testCase.problems[i]!);
      expect(problem.length).toBeLessThanOrEqual(250);
    });
    expect(KERNEL_NAMES).toContain(config.kernel);
    expect(HYPERPARAMETER_NAMES).toContain(config.hyperparameter);
    expect(EMBED_THEMES).toContain(config.theme);
    for (const panel of config.panels) expect(EMBED_PANELS).toContain(panel);
    expect(config.points.length).toBeGreaterThanOrEqual(3);
    expect(config.points.length).toBeLessThanOrEqual(100);
    expectPrototypesUntouched(before);
  });

  it('refuses a query string longer than embed.html reads, before parsing it', () => {
    const tooLong = `?kernel=matern52&points=${'1,1;'.repeat(QUERY_LIMIT)}`;
    const refused = readEmbedQuery(tooLong);
    expect(refused.options).toEqual({});
    expect(translator('en').notice(refused.problem!)).toMatch(
      /^The address’s options are [\d,]+ characters long; at most [\d,]+ are read, so the defaults are shown\.$/,
    );
    expect(readEmbedQuery('?kernel=matern52&band=false')).toEqual({
      options: { kernel: 'matern52', band: 'false' },
      problem: null,
    });
  });

  it('refuses options that are not an object', () => {
    for (const options of [null, 42, 'kernel=rbf']) {
      const { problems } = resolveEmbedOptions(options as never);
      expect(problems).toEqual([expect.stringMatching(/^options must be an object/)]);
    }
  });

  it.each(APP_URL_CASES.map((c) => [c.value.slice(0, 60), c] as const))(
    'app-url %s',
    (_, { value, linked }) => {
      const { url, problem } = readAppUrl(value, 'https://blog.example/post/');
      if (linked) {
        expect(problem).toBeNull();
        expect(url).toMatch(/^https:\/\//);
      } else {
        expect(url).toBeNull();
        expect(problem).toMatch(/link is left out/);
        expect(problem!.length).toBeLessThanOrEqual(200);
      }
    },
  );
});
