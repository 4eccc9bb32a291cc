import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';

/**
 * Atlaskit's feature-flag client wraps Statsig's SDK, which a Forge app never initialises; a small module
 * with the same interface answers as the uninitialised client does (every gate off). See its comment.
 */
const FEATURE_GATES_OFF = fileURLToPath(new URL('./aliases/feature-gates-off.ts', import.meta.url));

/** The parts of @forge/bridge the pages use, without the rest of the CommonJS package. See its comment. */
const FORGE_BRIDGE = fileURLToPath(new URL('./aliases/forge-bridge.ts', import.meta.url));

/** Atlaskit's Tooltip, fetched when a hint is first wanted. See its comment. */
const LAZY_TOOLTIP = fileURLToPath(new URL('./aliases/lazy-tooltip.tsx', import.meta.url));

/** `@atlaskit/tooltip/Tooltip` is the stand-in everywhere but in the stand-in itself, which loads the real one. */
function lazyTooltip(): Plugin {
  return {
    name: 'lazy-tooltip',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '@atlaskit/tooltip/Tooltip' && importer !== LAZY_TOOLTIP ? LAZY_TOOLTIP : null;
    },
  };
}

/**
 * Fails the build when anything reaches Statsig's SDK by another way than the aliased entry, e.g. a new
 * Atlaskit component importing the client's root: an alias for that entry belongs next to the one above.
 */
function noStatsig(): Plugin {
  return {
    name: 'no-statsig',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith('@statsig/')) {
        this.error(
          `${importer ?? 'An entry'} imports ${source}, Statsig's SDK (unused here, about 27 KB gzip per page): ` +
            'alias the feature-gate entry that leads to it in static/common/vite-config.mts.',
        );
      }
      return null;
    },
  };
}

/**
 * The build of one Custom UI module: sources in static/<module>, output in static/<module>/build.
 * `base: './'` because Forge serves each resource under its own path, so every URL must be relative.
 */
export function customUiConfig(moduleDir: URL): UserConfig {
  return {
    root: fileURLToPath(moduleDir),
    base: './',
    // No React plugin: Vite's own oxc transform compiles TSX with the automatic JSX runtime.
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    resolve: {
      alias: [
        { find: /^@atlaskit\/feature-gate-js-client\/feature-gates$/, replacement: FEATURE_GATES_OFF },
        { find: /^@forge\/bridge$/, replacement: FORGE_BRIDGE },
      ],
    },
    plugins: [noStatsig(), lazyTooltip()],
    build: {
      outDir: 'build',
      emptyOutDir: true,
      target: 'es2022',
      // Atlaskit is large by nature; the first-load budget (test/browser/first-load.test.ts) is the real limit.
      chunkSizeWarningLimit: 1024,
    },
  };
}
