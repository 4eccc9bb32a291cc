import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { APP_ROOT } from '../../emulator/app';
import { loadManifest, runtimeNodeMajor } from '../../emulator/platform';

export interface BackendBundle {
  bytes: number;
  gzipBytes: number;
  /** Minified bytes by package (`src` for the app's own code). */
  byPackage: Record<string, number>;
}

const packageOf = (file: string) => (file.startsWith('src/') ? 'src' : file.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1'));

/**
 * src/index.ts bundled as Forge deploys it: everything bundled (the Forge runtime provides no packages,
 * only Node's built-ins), minified, CommonJS for the Node runtime the manifest names.
 */
export async function measureBackendBundle(): Promise<BackendBundle> {
  const result = await build({
    entryPoints: [path.join(APP_ROOT, 'src/index.ts')],
    absWorkingDir: APP_ROOT,
    bundle: true,
    minify: true,
    platform: 'node',
    target: `node${runtimeNodeMajor(loadManifest(path.join(APP_ROOT, 'manifest.yml')))}`,
    format: 'cjs',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const byPackage: Record<string, number> = {};
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      byPackage[packageOf(file)] = (byPackage[packageOf(file)] ?? 0) + bytesInOutput;
    }
  }
  return { bytes: code.length, gzipBytes: gzipSync(code).length, byPackage };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** The Custom UI resources of manifest.yml, e.g. `static/tokens/build`. */
function uiBuilds(): Array<{ name: string; dir: string }> {
  const manifest = readFileSync(path.join(APP_ROOT, 'manifest.yml'), 'utf8');
  return [...manifest.matchAll(/path: (static\/([\w-]+)\/build)/g)].map(([, dir, name]) => ({ name, dir: path.join(APP_ROOT, dir) }));
}

/** Builds every Custom UI module afresh (`npm run build`), then sums the gzip size of every file each build holds. */
export function measureUiBundles(): Record<string, number> {
  const built = spawnSync(process.execPath, [path.join(APP_ROOT, 'scripts/build-ui.mjs')], { cwd: APP_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stderr}`);
  const sizes: Record<string, number> = {};
  for (const { name, dir } of uiBuilds()) {
    sizes[name] = filesUnder(dir).reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
  }
  return sizes;
}
