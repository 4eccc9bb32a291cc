// Builds every Custom UI module (static/<module> -> static/<module>/build) and reports its gzip size.
// Usage: node scripts/build-ui.mjs [--report] [module ...]   (no module: all modules)
//   --report  also writes static/<module>/bundle-report.html: which package costs what, per chunk
//             (rollup-plugin-visualizer; open it in a browser). What a page really fetches first is
//             measured in a browser by test/browser/first-load.test.ts and npm run bench.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { visualizer } from 'rollup-plugin-visualizer';
import { build } from 'vite';

const MODULES = ['tokens', 'space-usage', 'admin'];
const staticDir = fileURLToPath(new URL('../static/', import.meta.url));

const args = process.argv.slice(2);
const report = args.includes('--report');
const requested = args.filter((arg) => arg !== '--report');
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
  // Outside build/, so the report is never deployed nor counted as part of the resource.
  const plugins = report ? [visualizer({ filename: join(root, 'bundle-report.html'), template: 'treemap', gzipSize: true })] : [];
  await build({ root, configFile: join(root, 'vite.config.mts'), logLevel: 'warn', plugins });
  const { initial, all } = measure(join(root, 'build'));
  console.log(
    `${name}: loads ${kib(initial.raw)} (${kib(initial.gzip)} gzip); all assets ${kib(all.raw)} (${kib(all.gzip)} gzip)`,
  );
}
