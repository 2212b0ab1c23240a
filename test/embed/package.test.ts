/**
 * The npm package as a user receives it: `npm pack` (after its prepack step, the build of dist-lib), the
 * tarball installed offline into a fresh project, then used from there — the engine fits a
 * reference dataset in Node, every entry point loads, the declarations typecheck a consumer
 * under both `bundler` and `nodenext` resolution, and (with a Chromium) the element script runs
 * a widget straight from node_modules and the React component runs in an app bundled by Vite.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissingReason, chromiumPath } from '../../scripts/chromium-path.mjs';
import { referenceCases } from '../fixtures/reference';

const repositoryRoot = resolve(import.meta.dirname, '../..');
const tsc = join(repositoryRoot, 'node_modules', '.bin', 'tsc');
let workDirectory = '';
let consumer = '';
let packedFiles: string[] = [];

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  workDirectory = mkdtempSync(join(tmpdir(), 'gp-explorer-package-'));
  // What `npm pack` runs first (prepack), run on its own so its log stays out of pack's JSON.
  run('npm', ['run', 'build:lib'], repositoryRoot);
  const packed = JSON.parse(
    run(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', workDirectory],
      repositoryRoot,
    ),
  ) as { filename: string; files: { path: string }[] }[];
  const tarball = join(workDirectory, packed[0]!.filename);
  packedFiles = packed[0]!.files.map((file) => file.path);

  consumer = join(workDirectory, 'consumer');
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  // Offline: the dependencies come from the local npm cache, never the network.
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], consumer);
  // Type declarations of React for the consumer's typecheck, as its own project would have.
  mkdirSync(join(consumer, 'node_modules', '@types'), { recursive: true });
  symlinkSync(
    join(repositoryRoot, 'node_modules', '@types', 'react'),
    join(consumer, 'node_modules', '@types', 'react'),
  );
}, 300_000);

afterAll(() => {
  if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds the entry points, the worker and the declarations, and no sources or tests', () => {
    for (const file of [
      'package.json',
      'README.md',
      'dist-lib/index.js',
      'dist-lib/engine.js',
      'dist-lib/react.js',
      'dist-lib/element/gp-sensitivity.js',
      'dist-lib/types/embed/index.d.ts',
      'dist-lib/types/engine/index.d.ts',
      'dist-lib/types/embed/react.d.ts',
      'dist-lib/types/embed/element.d.ts',
    ]) {
      expect(packedFiles).toContain(file);
    }
    expect(packedFiles.filter((file) => /compute\.worker-.*\.js$/.test(file))).toHaveLength(2);
    expect(packedFiles.filter((file) => !file.startsWith('dist-lib/'))).toEqual([
      'README.md',
      'package.json',
    ]);
    expect(packedFiles.some((file) => file.endsWith('.map'))).toBe(false);
  });

  it('fits a reference dataset with the installed engine, as the float64 reference does', () => {
    const reference = referenceCases.sine10!;
    const script = `
      import { validateDataset, fitHyperparameters, computeSensitivities } from 'gp-sensitivity-explorer/engine';
      const data = validateDataset(${JSON.stringify(reference.x)}, ${JSON.stringify(reference.y)});
      const fit = fitHyperparameters(data, { kernel: '${reference.kernel}' });
      const sensitivities = computeSensitivities(data, fit);
      console.log(JSON.stringify({ theta: fit.theta, lml: fit.lml, defined: sensitivities.defined }));
    `;
    writeFileSync(join(consumer, 'fit.mjs'), script);
    const result = JSON.parse(run(process.execPath, ['fit.mjs'], consumer)) as {
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
    expect(JSON.parse(run(process.execPath, ['entries.mjs'], consumer))).toEqual({
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
    ]) {
      writeFileSync(
        join(consumer, 'tsconfig.json'),
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
          files: ['consumer.ts'],
        }),
      );
      let output = '';
      try {
        run(tsc, ['-p', 'tsconfig.json'], consumer);
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output, `${moduleResolution} resolution`).toBe('');
    }
  });

  describe.skipIf(chromiumMissingReason() !== null)('in Chromium', () => {
    let server: Server | undefined;
    let browser: Browser | undefined;
    let origin = '';

    beforeAll(async () => {
      const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
      // A static file server for the consumer's folder, as any web host would be.
      server = createServer((request, response) => {
        const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
        const file = join(consumer, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
        readFile(file).then(
          (body) => {
            response.writeHead(200, { 'content-type': types[extname(file)] ?? 'text/plain' });
            response.end(body);
          },
          () => {
            response.writeHead(404);
            response.end();
          },
        );
      });
      await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath: chromiumPath(),
        args: [
          '--headless',
          '--no-sandbox',
          '--use-angle=swiftshader',
          '--enable-unsafe-swiftshader',
        ],
      });
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

    it('runs <gp-sensitivity> straight from node_modules, computing in its worker', async () => {
      const script = 'node_modules/gp-sensitivity-explorer/dist-lib/element/gp-sensitivity.js';
      expect(existsSync(join(consumer, script))).toBe(true);
      writeFileSync(
        join(consumer, 'index.html'),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Package</title>
        <script type="module" src="${script}"></script></head>
        <body><gp-sensitivity preset="step" panels="readout,status"></gp-sensitivity></body></html>`,
      );
      const { page, errors } = await openWithArrows('/', 'gp-sensitivity');
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
      const { page, errors } = await openWithArrows('/react-app/dist/', '#root');
      await page.waitForFunction(() => document.getElementById('lengthscale')?.textContent !== '');
      const reported = await page.locator('#lengthscale').textContent();
      const shown = await page.locator('#root [data-testid=theta-lengthscale]').textContent();
      expect(Number(reported)).toBe(Number(shown));
      expect(page.workers()).toHaveLength(1);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  });
});
