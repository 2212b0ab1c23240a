/**
 * The datasets' names and teaching notes (src/state/presets.ts), shown beside the explorer's data
 * menu: what to look for. Every claim a note makes is measured in test/state/presets.test.ts, for
 * each kernel. Only the explorer shows them: the widget's code does not carry them.
 */
import type { PresetId } from '../state';

/** A preset's name for a menu and its teaching note. */
export interface PresetText {
  label: string;
  description: string;
}

export const PRESET_TEXT_EN: Readonly<Record<PresetId, PresetText>> = {
  sine: {
    label: 'Noisy sine',
    description:
      'A smooth curve with noise, and one clear best fit: drag any point up or down by 0.3 and the refitted ℓ stays within 5 % of what its arrow predicts.',
  },
  outlier: {
    label: 'An outlier',
    description:
      'The same sine with one point, 13, lifted 2 above the sine the others follow. The fit calls it noise: σn nearly doubles. Switch the arrows to σn: point 13’s is the longest by far. Then tick “influence”: without point 13, σn falls by more than 40 %, where the infinitesimal jackknife, a derivative at θ̂, predicts about 20 %; without its right-hand neighbour, 14, σn falls by more than half (and so does ℓ, on the ℓ arrows), which the jackknife does not foresee.',
  },
  clusters: {
    label: 'Two clusters',
    description:
      'Nothing between the groups: a wiggly fit with little noise and a smooth, noisy one are almost equally likely. The arrows carry a warning, and one point moved by half a unit can make θ̂ jump from one to the other: lower point 9 (x ≈ 8.1) by 0.5 and ℓ jumps from about 0.5 to more than 5, which no arrow foresees.',
  },
  step: {
    label: 'A step',
    description:
      'A jump a smooth kernel cannot make: RBF rounds it off and calls the misfit noise, σn about three times the true 0.05. Matérn 3/2 follows the jump more closely, with less noise and a higher likelihood.',
  },
  noise: {
    label: 'Pure noise',
    description:
      'No signal at all: the fit draws a flat line and calls every point noise. ℓ runs off to infinity, so θ̂ has no derivative and the arrows are hidden. σf does not fall to 0: a flat line away from 0 is still a signal, a constant, and σf is about its size (the size of the points’ mean).',
  },
};
