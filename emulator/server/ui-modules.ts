import { spawnSync } from 'node:child_process';
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

/** The `static/<name>` folder names whose build has no index.html yet (what scripts/build-ui.mjs takes). */
function unbuiltUiSources(modules: readonly UiModule[]): string[] {
  const missing = modules.filter((module) => !fs.existsSync(path.join(module.buildDir, 'index.html')));
  return [...new Set(missing.map((module) => path.basename(path.dirname(module.buildDir))))];
}

/** Builds the modules whose build is missing with scripts/build-ui.mjs; answers the sources it built. */
export function buildMissingUi(modules: readonly UiModule[]): string[] {
  const sources = unbuiltUiSources(modules);
  if (sources.length === 0) return [];
  const result = spawnSync(process.execPath, [path.join(APP_ROOT, 'scripts', 'build-ui.mjs'), ...sources], {
    cwd: APP_ROOT,
    stdio: 'inherit',
    // Under jest NODE_ENV is `test`, which would make Vite build React in development mode.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`Building the Custom UI (${sources.join(', ')}) failed`);
  return sources;
}
