/**
 * Searches for a default dataset that behaves: scores noisy sines of several sizes, noise levels
 * and seeds by the checks of `dataset-checks.ts` (drags of ±0.3 keep the fit trusted and the
 * first-order prediction close; any added point keeps the arrows defined; every kernel fits it
 * with defined arrows) and prints them, best first.
 *
 *   npx tsx scripts/search-presets.ts [--counts 16,18,20] [--noises 0.25,0.3] [--seeds 1-20]
 *
 * The additions are checked on a coarse 21×13 grid while searching; the preset tests check the
 * winner on the full 41×25 grid.
 */
import { KERNEL_NAMES } from '../src/engine';
import { noisySine } from '../src/state/presets';
import { checkAdditions, checkDrags, fitPoints } from './dataset-checks';

function listArgument(name: string, fallback: number[]): number[] {
  const index = process.argv.indexOf(`--${name}`);
  const text = index >= 0 ? process.argv[index + 1] : undefined;
  if (!text) return fallback;
  return text.split(',').flatMap((part) => {
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (!range) return [Number(part)];
    const [from, to] = [Number(range[1]), Number(range[2])];
    return Array.from({ length: to - from + 1 }, (_, k) => from + k);
  });
}

const counts = listArgument('counts', [16, 18, 20]);
const noises = listArgument('noises', [0.25, 0.3]);
const seeds = listArgument(
  'seeds',
  Array.from({ length: 12 }, (_, k) => k + 1),
);

interface Row {
  label: string;
  kernelsTrusted: number;
  dragUntrusted: number;
  worstLengthscale: number;
  worstSignal: number;
  worstNoise: number;
  additionsUndefined: number;
  additionsCaution: number;
}

const rows: Row[] = [];
for (const count of counts) {
  for (const noise of noises) {
    for (const seed of seeds) {
      const points = noisySine(count, seed, noise);
      const kernelsTrusted = KERNEL_NAMES.filter(
        (kernel) => fitPoints(points, kernel).fit.diagnostics.trust === 'trusted',
      ).length;
      const drags = checkDrags(points);
      if (!drags) continue;
      const additions = checkAdditions(points, 'rbf', { xCount: 21, yCount: 13 });
      const row: Row = {
        label: `n=${count} noise=${noise} seed=${seed}`,
        kernelsTrusted,
        dragUntrusted: drags.untrusted.length,
        worstLengthscale: drags.worstGap.lengthscale,
        worstSignal: drags.worstGap.signalStd,
        worstNoise: drags.worstGap.noiseStd,
        additionsUndefined: additions.undefinedAt.length,
        additionsCaution: additions.cautionAt.length,
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  }
}

const badness = (row: Row): number =>
  (3 - row.kernelsTrusted) * 10 +
  row.dragUntrusted * 5 +
  row.additionsUndefined * 5 +
  row.additionsCaution +
  Math.max(0, row.worstLengthscale - 0.05) * 100 +
  row.worstLengthscale * 10 +
  row.worstNoise * 2;

rows.sort((a, b) => badness(a) - badness(b));
console.log('\nbest first:');
for (const row of rows.slice(0, 15)) {
  console.log(
    `${row.label.padEnd(28)} kernels ${row.kernelsTrusted}/3  drag-untrusted ${row.dragUntrusted}  ` +
      `gap ℓ ${(100 * row.worstLengthscale).toFixed(1)}%  σf ${(100 * row.worstSignal).toFixed(1)}%  ` +
      `σn ${(100 * row.worstNoise).toFixed(1)}%  add-undefined ${row.additionsUndefined}  add-caution ${row.additionsCaution}`,
  );
}
