#!/usr/bin/env node
/**
 * Makes the package's declaration files (dist-lib/types) resolvable under every TypeScript module
 * resolution, including node16/nodenext, which needs explicit extensions: each relative import
 * `'./fit'` becomes `'./fit.js'` (or `'./dir/index.js'` for a folder), as the emitted
 * JavaScript would be named.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const typesRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../dist-lib/types');

/** @param {string} directory @returns {string[]} */
function declarationFiles(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return declarationFiles(path);
    return path.endsWith('.d.ts') ? [path] : [];
  });
}

/** The specifier with the extension the declaration's neighbour has, or as it was. */
function withExtension(/** @type {string} */ file, /** @type {string} */ specifier) {
  const target = resolve(dirname(file), specifier);
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier}/index.js`;
  throw new Error(`${file}: cannot resolve the import "${specifier}"`);
}

if (!existsSync(typesRoot))
  throw new Error(`${typesRoot} does not exist; run tsc -p tsconfig.lib.json first`);
let rewritten = 0;
for (const file of declarationFiles(typesRoot)) {
  const text = readFileSync(file, 'utf8');
  // Only import/export statements and import() types, never text in comments.
  const next = text.replace(
    /^((?:import|export)\b[^'"]*?\bfrom\s*|.*?\bimport\()(['"])(\.{1,2}\/[^'"]*?)\2/gm,
    (match, head, quote, specifier) =>
      /\.(js|mjs|cjs|json)$/.test(specifier)
        ? match
        : `${head}${quote}${withExtension(file, specifier)}${quote}`,
  );
  if (next !== text) {
    writeFileSync(file, next);
    rewritten += 1;
  }
}
console.log(`lib-types: relative imports given extensions in ${rewritten} declaration files`);
