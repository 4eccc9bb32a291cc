import path from 'node:path';
import { APP_ROOT } from '../../emulator/app';
import { loadManifest } from '../../emulator/platform';
import { buildMissingUi, uiModules } from '../../emulator/server/ui-modules';

/** Jest's global setup: builds the missing or stale Custom UI modules once, before the test files start in parallel. */
export default function buildUi(): void {
  // Jest sets NODE_ENV=test, which the build inherits and Vite honours: React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    buildMissingUi(uiModules(loadManifest(path.join(APP_ROOT, 'manifest.yml')).raw), { rebuildStale: true });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
