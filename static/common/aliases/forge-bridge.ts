/**
 * Stands in for `@forge/bridge` in the Custom UI builds (the alias is in static/common/vite-config.mts).
 * The package is CommonJS, which a bundler cannot tree-shake: every page carried all of it (modals,
 * flags, events, realtime, object store, Rovo, feature flags, i18n with lodash), about 25 KB gzip, to
 * use three of its parts. This module re-exports just those parts, each from the package's own file,
 * so they are the real objects (test/ui/forge-bridge-alias.test.ts checks they are identical).
 *
 * Importing anything else from '@forge/bridge' fails the build ("not exported"): re-export it here.
 * The package's `exports` map hides its files from bare imports, hence the relative paths.
 */
export { makeInvoke } from '../../../node_modules/@forge/bridge/out/invoke/index.js';
export { router } from '../../../node_modules/@forge/bridge/out/router/index.js';
export { view } from '../../../node_modules/@forge/bridge/out/view/index.js';
