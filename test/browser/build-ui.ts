import path from 'node:path';
import { APP_ROOT } from '../../emulator/app';
import { loadManifest } from '../../emulator/platform';
import { buildMissingUi, uiModules } from '../../emulator/server/ui-modules';

/** Jest's global setup: builds the missing Custom UI modules once, before the test files start in parallel. */
export default function buildUi(): void {
  buildMissingUi(uiModules(loadManifest(path.join(APP_ROOT, 'manifest.yml')).raw));
}
