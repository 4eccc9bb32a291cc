// Builds every Custom UI module (static/<module> -> static/<module>/build) and reports its gzip size.
// Usage: node scripts/build-ui.mjs [module ...]   (no arguments: all modules)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const MODULES = ['tokens', 'space-usage', 'admin'];
const staticDir = fileURLToPath(new URL('../static/', import.meta.url));

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !MODULES.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown module(s): ${unknown.join(', ')}. Known: ${MODULES.join(', ')}.`);
  process.exit(1);
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Sizes of what index.html loads up front, and of everything emitted (lazy chunks included). */
function measure(buildDir) {
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  const assets = readdirSync(join(buildDir, 'assets'));
  const size = (files) =>
    files.reduce(
      (sum, file) => {
        const bytes = readFileSync(join(buildDir, 'assets', file));
        return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes).length };
      },
      { raw: 0, gzip: 0 },
    );
  return { initial: size(assets.filter((file) => html.includes(`assets/${file}`))), all: size(assets) };
}

for (const name of requested.length > 0 ? requested : MODULES) {
  const root = join(staticDir, name);
  await build({ root, configFile: join(root, 'vite.config.mts'), logLevel: 'warn' });
  const { initial, all } = measure(join(root, 'build'));
  console.log(
    `${name}: loads ${kib(initial.raw)} (${kib(initial.gzip)} gzip); all assets ${kib(all.raw)} (${kib(all.gzip)} gzip)`,
  );
}
