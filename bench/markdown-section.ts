/** Writing one benchmark's section of BENCHMARKS.md without touching the others. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

/**
 * Replaces the level-2 section `heading` (e.g. '## Engine') of the Markdown file `target` by
 * `section` (which starts with that heading), or appends it when absent; then formats the file
 * with the project's Prettier settings. A missing file starts as '# Benchmarks'.
 */
export async function writeMarkdownSection(
  target: string,
  heading: string,
  section: string,
): Promise<void> {
  const existing = existsSync(target) ? readFileSync(target, 'utf8') : '# Benchmarks\n';
  const lines = existing.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  let end = lines.findIndex((line, i) => start !== -1 && i > start && line.startsWith('## '));
  if (end === -1) end = lines.length;
  const parts =
    start === -1
      ? [existing, section]
      : [lines.slice(0, start).join('\n'), section, lines.slice(end).join('\n')];
  const text = parts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('\n\n');
  const options = (await resolveConfig(target)) ?? {};
  writeFileSync(target, await format(`${text}\n`, { ...options, filepath: target }));
}
