/**
 * The hostile-input corpus against the explorer's URL fragment (page-cases.ts, URL_CASES): a damaged,
 * foreign or hostile link gets one short sentence naming its first problem; a fragment longer
 * than the page can hold is refused before it is parsed.
 */
import { describe, expect, it } from 'vitest';
import { decodeSharedState, fragmentLimit } from '../../src/state/urlCodec';
import { URL_CASES } from './page-cases';
import { expectPrototypesUntouched, prototypeSnapshot } from './prototypes';

const PAGE_POINTS = 300;

describe('hostile links to the explorer', () => {
  it.each(URL_CASES.map((c) => [c.name, c] as const))('%s', (_, testCase) => {
    const before = prototypeSnapshot();
    const result = decodeSharedState(testCase.fragment, PAGE_POINTS);
    if (testCase.message === null) {
      expect(result.ok).toBe(true);
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toMatch(testCase.message);
      expect(result.message.length).toBeLessThanOrEqual(200);
    }
    expectPrototypesUntouched(before);
  });

  it('reads nothing of a fragment beyond its limit: the same refusal whatever the tail holds', () => {
    const limit = fragmentLimit(PAGE_POINTS);
    const head = '#v=1&k=rbf&a=l&o=b&p=AAAA';
    for (const tail of ['A', '&k=evil', '%', '&p=$$$$', '\u0000']) {
      const fragment = head + tail.repeat(Math.ceil((limit - head.length + 1) / tail.length));
      const result = decodeSharedState(fragment, PAGE_POINTS);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/characters long; a link to this page holds/);
    }
  });
});
