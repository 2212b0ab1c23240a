/**
 * Helpers of the package test (package.test.ts): pack the package, install the tarball into a
 * fresh project with npm offline, and serve a folder over HTTP.
 *
 * Every npm command runs against a cache this test creates in its own temporary folder, with
 * the user's npm configuration set aside and `offline` on: the test needs no network and no warm
 * cache, and leaves the user's cache alone. Installing the tarball needs nothing from a cache, as
 * the package has no dependencies (React, d3 and zustand are optional peers); a project that uses
 * the React component gets them the way an application already has them, here as links to this
 * repository's own copies.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve } from 'node:path';

export const repositoryRoot = resolve(import.meta.dirname, '../..');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; never throws for a non-zero exit (the caller checks `code`). */
export function runProcess(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): ProcessResult {
  const result = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command that must succeed; returns its stdout, or throws with its stderr. */
export function runOk(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv) {
  const result = runProcess(command, args, cwd, env);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  }
  return result.stdout;
}

/** The environment for npm: a cache of its own under `directory`, no user config, offline. */
export function isolatedNpmEnvironment(directory: string): NodeJS.ProcessEnv {
  const userConfig = join(directory, 'npmrc');
  writeFileSync(userConfig, '');
  const environment: NodeJS.ProcessEnv = {};
  // The parent's npm_config_* (set when the tests run under `npm test`) would override ours.
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.toLowerCase().startsWith('npm_config_')) environment[name] = value;
  }
  return {
    ...environment,
    npm_config_cache: join(directory, 'npm-cache'),
    npm_config_userconfig: userConfig,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

export interface PackedPackage {
  tarball: string;
  /** Paths inside the tarball, e.g. `dist-lib/engine.js`. */
  files: string[];
}

/** `npm pack` of the repository into `destination`, after its prepack step (the build). */
export function packPackage(destination: string, env: NodeJS.ProcessEnv): PackedPackage {
  // Run on its own so that the build's log stays out of pack's JSON.
  runOk('npm', ['run', 'build:lib'], repositoryRoot, env);
  const packed = JSON.parse(
    runOk(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
      repositoryRoot,
      env,
    ),
  ) as { filename: string; files: { path: string }[] }[];
  return {
    tarball: join(destination, packed[0]!.filename),
    files: packed[0]!.files.map((file) => file.path),
  };
}

/** A new, empty project at `directory` with the tarball installed (offline) and nothing else. */
export function installIntoEmptyProject(
  directory: string,
  tarball: string,
  env: NodeJS.ProcessEnv,
): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  runOk('npm', ['install', '--no-package-lock', tarball], directory, env);
}

/** Gives a project the named packages as links to this repository's installed copies. */
export function linkFromRepository(project: string, names: string[]): void {
  for (const name of names) {
    const link = join(project, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(repositoryRoot, 'node_modules', name), link, 'dir');
  }
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/** A static file server for `root` on a free local port, as any web host would be. */
export async function serveDirectory(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'text/plain' });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
