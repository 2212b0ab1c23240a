/**
 * The npm package as a user receives it: `npm pack` (after its prepack step, the build of
 * dist-lib), the tarball installed offline into fresh projects (packageHelpers.ts), then used from
 * there.
 *
 * - An empty project with the tarball alone — no React, d3 or zustand: `npx gp-sensitivity fit`
 *   prints a reference fit as JSON or CSV and rejects bad input with exit code 2 and one stderr
 *   line; the engine entry fits a reference dataset and its declarations typecheck; with a
 *   Chromium, the element script runs a widget straight from node_modules.
 * - A project that also has React, react-dom, d3 and zustand (the optional peers) and
 *   @types/react: every entry point loads; the declarations typecheck a consumer under `bundler`
 *   and `nodenext` resolution; with a Chromium, the React component runs in an app bundled by
 *   Vite.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  chromiumMissingReason,
  chromiumPath,
} from '../../scripts/chromium-path.mjs';
import type { FitReport } from '../../src/cli/report';
import { referenceCases } from '../fixtures/reference';
import {
  installIntoEmptyProject,
  isolatedNpmEnvironment,
  linkFromRepository,
  packPackage,
  repositoryRoot,
  runOk,
  runProcess,
  serveDirectory,
  type PackedPackage,
} from './packageHelpers';

const PEERS = ['react', 'react-dom', 'd3', 'zustand'];
const tsc = join(repositoryRoot, 'node_modules', '.bin', 'tsc');
const reference = referenceCases.sine10!;

let workDirectory = '';
let npmEnvironment: NodeJS.ProcessEnv = {};
let packed: PackedPackage = { tarball: '', files: [] };
/** The tarball alone. */
let bare = '';
/** The tarball and the peers. */
let consumer = '';

beforeAll(() => {
  workDirectory = mkdtempSync(join(tmpdir(), 'gp-explorer-package-'));
  npmEnvironment = isolatedNpmEnvironment(workDirectory);
  packed = packPackage(workDirectory, npmEnvironment);
  bare = join(workDirectory, 'bare');
  installIntoEmptyProject(bare, packed.tarball, npmEnvironment);
  consumer = join(workDirectory, 'consumer');
  installIntoEmptyProject(consumer, packed.tarball, npmEnvironment);
  // The peers, and React's type declarations for the consumer's typecheck, as its own
  // project would have them.
  linkFromRepository(consumer, [...PEERS, '@types/react']);
}, 300_000);

afterAll(() => {
  if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
});

/** Types a consumer file with the project's installed packages; '' when it typechecks. */
function typecheck(project: string, file: string, module: string, moduleResolution: string) {
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module,
        moduleResolution,
        lib: ['es2022', 'dom'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: [file],
    }),
  );
  const result = runProcess(tsc, ['-p', 'tsconfig.json'], project);
  return result.code === 0 ? '' : result.stdout + result.stderr;
}

describe('the npm package', () => {
  it('holds the entry points, one compute worker, the command and the declarations, no sources', () => {
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist-lib/index.js',
      'dist-lib/engine.js',
      'dist-lib/react.js',
      'dist-lib/element/gp-sensitivity.js',
      'dist-lib/cli/gp-sensitivity.js',
      'dist-lib/types/embed/index.d.ts',
      'dist-lib/types/engine/index.d.ts',
      'dist-lib/types/embed/react.d.ts',
      'dist-lib/types/embed/element.d.ts',
    ]) {
      expect(packed.files).toContain(file);
    }
    // The library and the element script share one file of the worker (tfjs: about 1 MB).
    expect(packed.files.filter((file) => /compute\.worker/.test(file))).toEqual([
      expect.stringMatching(/^dist-lib\/assets\/compute\.worker-[\w-]+\.js$/),
    ]);
    expect(packed.files.filter((file) => !file.startsWith('dist-lib/')).sort()).toEqual([
      'LICENSE',
      'README.md',
      'package.json',
    ]);
    expect(packed.files.some((file) => file.endsWith('.map'))).toBe(false);
  });

  it('installs into an empty project without React, react-dom, d3 or zustand', () => {
    const installed = readdirSync(join(bare, 'node_modules')).filter((name) => name !== '.bin');
    expect(installed.filter((name) => !name.startsWith('.'))).toEqual(['gp-sensitivity-explorer']);
  });
});

describe('npx gp-sensitivity, installed from the tarball', () => {
  const csv = ['x,y', ...reference.x.map((x, i) => `${x},${reference.y[i]}`)].join('\n');
  const npx = (args: string[]) => runProcess('npx', args, bare, npmEnvironment);

  beforeAll(() => {
    writeFileSync(join(bare, 'data.csv'), `${csv}\n`);
    writeFileSync(join(bare, 'bad.csv'), 'x,y\n0,1\n1,2\n2,abc\n');
  });

  it('fit data.csv prints only the JSON report, which matches the float64 reference', () => {
    const result = npx(['gp-sensitivity', 'fit', 'data.csv']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as FitReport;
    for (const name of ['lengthscale', 'signalStd', 'noiseStd'] as const) {
      expect(Math.abs(report.theta[name] / reference.theta[name] - 1)).toBeLessThan(1e-8);
    }
    expect(report.diagnostics.sensitivities.defined).toBe(true);
    expect(report.dLogTheta_dy).toHaveLength(3);
  });

  it('fit data.csv --format csv prints one row per point', () => {
    const result = npx(['gp-sensitivity', 'fit', 'data.csv', '--format', 'csv']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const table = lines.filter((line) => !line.startsWith('#'));
    expect(table[0]).toMatch(/^x,y,dlogl_dy,dlogsf_dy,dlogsn_dy,/);
    expect(table).toHaveLength(reference.x.length + 1);
    expect(table[1]!.split(',')).toHaveLength(14);
  });

  it.each([
    ['malformed data', ['fit', 'bad.csv'], /^error: bad\.csv line 4: "abc" is not a number$/],
    ['a missing file', ['fit', 'missing.csv'], /^error: cannot read missing\.csv: no such file$/],
    ['an unknown option', ['fit', 'data.csv', '--fast'], /^error: unknown option "--fast"/],
  ])('rejects %s with exit code 2 and one line on stderr', (_, args, message) => {
    const result = npx(['gp-sensitivity', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.endsWith('\n')).toBe(true);
    expect(result.stderr.slice(0, -1).split('\n')).toEqual([expect.stringMatching(message)]);
  });

  it('is plain JavaScript for Node, started without tsx', () => {
    const bin = join(bare, 'node_modules', '.bin', 'gp-sensitivity');
    const result = runProcess(bin, ['--help'], bare);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: gp-sensitivity fit FILE/);
    expect(existsSync(join(bare, 'node_modules', 'tsx'))).toBe(false);
  });
});

describe('the engine entry without React, d3 or zustand installed', () => {
  it('fits a reference dataset as the float64 reference does', () => {
    writeFileSync(
      join(bare, 'fit.mjs'),
      `
      import { validateDataset, fitHyperparameters, computeSensitivities } from 'gp-sensitivity-explorer/engine';
      const data = validateDataset(${JSON.stringify(reference.x)}, ${JSON.stringify(reference.y)});
      const fit = fitHyperparameters(data, { kernel: '${reference.kernel}' });
      const sensitivities = computeSensitivities(data, fit);
      console.log(JSON.stringify({ theta: fit.theta, lml: fit.lml, defined: sensitivities.defined }));
      `,
    );
    const result = JSON.parse(runOk(process.execPath, ['fit.mjs'], bare)) as {
      theta: typeof reference.theta;
      lml: number;
      defined: boolean;
    };
    for (const name of ['lengthscale', 'signalStd', 'noiseStd'] as const) {
      expect(Math.abs(result.theta[name] / reference.theta[name] - 1)).toBeLessThan(1e-8);
    }
    expect(Math.abs(result.lml / reference.lml - 1)).toBeLessThan(1e-8);
    expect(result.defined).toBe(true);
  });

  it('has declarations that typecheck with no other types installed', () => {
    writeFileSync(
      join(bare, 'engine.ts'),
      `
      import { fitHyperparameters, validateDataset, type FitResult } from 'gp-sensitivity-explorer/engine';
      const fit: FitResult = fitHyperparameters(validateDataset([0, 1, 2, 3], [0, 1, 0, -1]));
      export const lengthscale: number = fit.theta.lengthscale;
      `,
    );
    expect(typecheck(bare, 'engine.ts', 'nodenext', 'nodenext')).toBe('');
  }, 180_000); // tsc over the package's declarations: slow on a busy machine
});

describe('the package with its peers installed', () => {
  it('loads every entry point in Node (the element script needs a browser)', () => {
    writeFileSync(
      join(consumer, 'entries.mjs'),
      `
      const main = await import('gp-sensitivity-explorer');
      const react = await import('gp-sensitivity-explorer/react');
      const engine = await import('gp-sensitivity-explorer/engine');
      const pkg = await import('gp-sensitivity-explorer/package.json', { with: { type: 'json' } });
      console.log(JSON.stringify({
        main: ['mount', 'defineGpSensitivityElement', 'fitHyperparameters', 'resolveEmbedOptions']
          .map((name) => typeof main[name]),
        react: typeof react.GpSensitivity,
        engine: typeof engine.computeSensitivities,
        sameEngine: main.fitHyperparameters === engine.fitHyperparameters,
        name: pkg.default.name,
      }));
      `,
    );
    expect(JSON.parse(runOk(process.execPath, ['entries.mjs'], consumer))).toEqual({
      main: ['function', 'function', 'function', 'function'],
      react: 'function',
      engine: 'function',
      sameEngine: true,
      name: 'gp-sensitivity-explorer',
    });
  });

  it('has declarations that typecheck a consumer and reject a wrong kernel name', () => {
    writeFileSync(
      join(consumer, 'consumer.ts'),
      `
      import { fitHyperparameters, validateDataset, type FitResult } from 'gp-sensitivity-explorer/engine';
      import { mount, type EmbedHandle, type FitChangeDetail } from 'gp-sensitivity-explorer';
      import { GpSensitivity, type GpSensitivityProps } from 'gp-sensitivity-explorer/react';
      import type { GpSensitivityElement } from 'gp-sensitivity-explorer/element';

      const fit: FitResult = fitHyperparameters(validateDataset([0, 1, 2, 3], [0, 1, 0, -1]));
      export const lengthscale: number = fit.theta.lengthscale;
      // @ts-expect-error: kernel names are checked
      fitHyperparameters(validateDataset([0, 1, 2], [0, 1, 0]), { kernel: 'gaussian' });
      export function show(element: HTMLElement): EmbedHandle {
        return mount(element, {
          points: [{ x: 1, y: 0 }, { x: 2, y: 1 }, { x: 3, y: 0 }],
          kernel: 'matern52',
          onChange: (detail: FitChangeDetail) => console.log(detail.noiseStd),
        });
      }
      export const props: GpSensitivityProps = { preset: 'step', height: 300 };
      export const component: typeof GpSensitivity = GpSensitivity;
      export const element = document.querySelector('gp-sensitivity') as GpSensitivityElement | null;
      export const theta: number | undefined = element?.fit?.lengthscale;
      `,
    );
    for (const [module, moduleResolution] of [
      ['esnext', 'bundler'],
      ['nodenext', 'nodenext'],
    ] as const) {
      expect(typecheck(consumer, 'consumer.ts', module, moduleResolution), moduleResolution).toBe(
        '',
      );
    }
  }, 180_000); // tsc over the package's declarations: slow on a busy machine
});

describe.skipIf(chromiumMissingReason() !== null)('the installed package in Chromium', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let origin = '';

  beforeAll(async () => {
    // Both projects, as any web host would serve them.
    ({ server, origin } = await serveDirectory(workDirectory));
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** Opens `path`, waits for the first arrows; returns the page and its uncaught errors. */
  async function openWithArrows(path: string, host: string) {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}${path}`);
    await page
      .locator(`${host} [data-testid=arrow]`)
      .first()
      .waitFor({ state: 'attached', timeout: 60_000 });
    return { page, errors };
  }

  it('runs <gp-sensitivity> straight from node_modules, with no peers, computing in its worker', async () => {
    const script = 'node_modules/gp-sensitivity-explorer/dist-lib/element/gp-sensitivity.js';
    expect(existsSync(join(bare, script))).toBe(true);
    writeFileSync(
      join(bare, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Package</title>
      <script type="module" src="${script}"></script></head>
      <body><gp-sensitivity preset="step" panels="readout,status"></gp-sensitivity></body></html>`,
    );
    const { page, errors } = await openWithArrows('/bare/', 'gp-sensitivity');
    const backend = page.locator('gp-sensitivity [data-testid=compute-backend]');
    expect(['webgl', 'cpu']).toContain(await backend.textContent());
    expect(page.workers()).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('renders <GpSensitivity /> in a React app bundled by Vite, calling onChange', async () => {
    const app = join(consumer, 'react-app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React</title></head>
      <body><div id="root"></div><script type="module" src="./main.js"></script></body></html>`,
    );
    // Plain createElement: the application needs no JSX transform for this.
    writeFileSync(
      join(app, 'main.js'),
      `
      import { createElement, useState } from 'react';
      import { createRoot } from 'react-dom/client';
      import { GpSensitivity } from 'gp-sensitivity-explorer/react';
      function App() {
        const [fit, setFit] = useState(null);
        return createElement('main', null,
          createElement(GpSensitivity, { preset: 'step', kernel: 'matern32', onChange: setFit }),
          createElement('output', { id: 'lengthscale' }, fit ? fit.lengthscale.toPrecision(4) : ''));
      }
      createRoot(document.getElementById('root')).render(createElement(App));
      `,
    );
    await build({
      root: app,
      configFile: false,
      base: './',
      logLevel: 'error',
      build: { outDir: 'dist', emptyOutDir: true },
    });
    const { page, errors } = await openWithArrows('/consumer/react-app/dist/', '#root');
    await page.waitForFunction(() => document.getElementById('lengthscale')?.textContent !== '');
    const reported = await page.locator('#lengthscale').textContent();
    const shown = await page.locator('#root [data-testid=theta-lengthscale]').textContent();
    expect(Number(reported)).toBe(Number(shown));
    expect(page.workers()).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
