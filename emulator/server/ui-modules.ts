import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../app';

/** A Custom UI module of manifest.yml, with where its built resource lives. */
export interface UiModule {
  key: string;
  /** The module type, e.g. `confluence:globalPage`. */
  type: string;
  title: string;
  resourceKey: string;
  /** Absolute path of the resource's build, e.g. `<repo>/static/tokens/build`. */
  buildDir: string;
}

/** Modules that open in a space's context (their extension carries `{space: {key, id}}`). */
export const SPACE_MODULE_TYPES: readonly string[] = ['confluence:spaceSettings'];

type RawModule = { key?: unknown; title?: unknown; resource?: unknown };
type RawResource = { key?: unknown; path?: unknown };

/** The manifest's modules that render a Custom UI resource, in manifest order. */
export function uiModules(manifest: Record<string, unknown>): UiModule[] {
  const resources = new Map<string, string>();
  for (const resource of (manifest.resources ?? []) as RawResource[]) {
    if (typeof resource.key === 'string' && typeof resource.path === 'string') resources.set(resource.key, resource.path);
  }
  const modules = (manifest.modules ?? {}) as Record<string, unknown>;
  return Object.entries(modules).flatMap(([type, list]) =>
    (Array.isArray(list) ? (list as RawModule[]) : []).flatMap((module) => {
      const resourcePath = typeof module.resource === 'string' ? resources.get(module.resource) : undefined;
      if (typeof module.key !== 'string' || resourcePath === undefined) return [];
      const title = typeof module.title === 'string' ? module.title : module.key;
      return [{ key: module.key, type, title, resourceKey: module.resource as string, buildDir: path.join(APP_ROOT, resourcePath) }];
    }),
  );
}

/** The newest modification time of the files under `dir`, build output and node_modules aside. */
function newestChange(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    if (entry.name === 'build' || entry.name === 'node_modules') return newest;
    const file = path.join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestChange(file) : fs.statSync(file).mtimeMs);
  }, 0);
}

/**
 * The `static/<name>` folder names whose build has no index.html yet, or one older than its sources
 * (its own folder, static/common, the resolver contract, the lock file): a stale build would have the
 * browser tests and the first-load budget check yesterday's pages. (What scripts/build-ui.mjs takes.)
 */
function unbuiltUiSources(modules: readonly UiModule[], rebuildStale: boolean): string[] {
  const shared = Math.max(
    newestChange(path.join(APP_ROOT, 'static', 'common')),
    newestChange(path.join(APP_ROOT, 'src', 'contract')),
    fs.statSync(path.join(APP_ROOT, 'package-lock.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0,
  );
  const stale = modules.filter((module) => {
    const built = fs.statSync(path.join(module.buildDir, 'index.html'), { throwIfNoEntry: false });
    return !built || (rebuildStale && built.mtimeMs < Math.max(shared, newestChange(path.dirname(module.buildDir))));
  });
  return [...new Set(stale.map((module) => path.basename(path.dirname(module.buildDir))))];
}

/**
 * Builds the modules whose build is missing (or, with `rebuildStale`, out of date) with
 * scripts/build-ui.mjs; answers the sources it built. Only single processes rebuild stale builds (npm
 * start, the browser suite's global setup): test files running in parallel would build over each other.
 */
export function buildMissingUi(modules: readonly UiModule[], options: { rebuildStale?: boolean } = {}): string[] {
  const sources = unbuiltUiSources(modules, options.rebuildStale ?? false);
  if (sources.length === 0) return [];
  const result = spawnSync(process.execPath, [BUILD_SCRIPT, ...sources], BUILD_OPTIONS);
  if (result.status !== 0) throw new Error(`Building the Custom UI (${sources.join(', ')}) failed`);
  return sources;
}

const BUILD_SCRIPT = path.join(APP_ROOT, 'scripts', 'build-ui.mjs');
const BUILD_OPTIONS = {
  cwd: APP_ROOT,
  stdio: 'inherit' as const,
  // Under jest NODE_ENV is `test`, which would make Vite build React in development mode.
  env: { ...process.env, NODE_ENV: 'production' },
};

/**
 * While `npm start` runs: rebuilds the modules whose sources changed (static/, the resolver contract),
 * a moment after the last change, in a child process so the server keeps answering meanwhile. One
 * build at a time; a change during a build is picked up by the next.
 */
export function watchUiSources(modules: readonly UiModule[], rebuilt: (sources: string[]) => void): void {
  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let again = false;
  const rebuild = () => {
    if (building) {
      again = true;
      return;
    }
    const sources = unbuiltUiSources(modules, true);
    if (sources.length === 0) return;
    building = true;
    spawn(process.execPath, [BUILD_SCRIPT, ...sources], BUILD_OPTIONS).on('exit', (status) => {
      building = false;
      if (status === 0) rebuilt(sources);
      else console.error(`Rebuilding the Custom UI (${sources.join(', ')}) failed; fix the error and save again.`);
      if (again) {
        again = false;
        rebuild();
      }
    });
  };
  const changed = (_event: string, file: string | null) => {
    if (file && /(^|[\\/])(build|node_modules)([\\/]|$)|bundle-report\.html$/.test(file)) return;
    clearTimeout(timer);
    timer = setTimeout(rebuild, 300);
  };
  for (const dir of [path.join(APP_ROOT, 'static'), path.join(APP_ROOT, 'src', 'contract')]) {
    fs.watch(dir, { recursive: true, persistent: false }, changed);
  }
}
