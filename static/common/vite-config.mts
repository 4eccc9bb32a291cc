import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';

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
    build: {
      outDir: 'build',
      emptyOutDir: true,
      target: 'es2022',
      // Atlaskit is large by nature; scripts/build-ui.mjs reports the real gzip sizes instead.
      chunkSizeWarningLimit: 1024,
    },
  };
}
