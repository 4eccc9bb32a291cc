/**
 * `npm start [-- --reset]`: builds the Custom UI modules that are missing, then serves the app on
 * 127.0.0.1:${PORT:-8787} with its state in ${DATA_DIR:-.local-data}.
 */
import path from 'node:path';
import { APP_ROOT } from '../app';
import { loadManifest } from '../platform';
import { describeServer } from './banner';
import { startLocalServer } from './server';
import { buildMissingUi, uiModules } from './ui-modules';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--reset');
  if (unknown.length > 0) throw new Error(`Unknown argument(s) ${unknown.join(' ')}. Usage: npm start [-- --reset]`);
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.local-data');

  const built = buildMissingUi(uiModules(loadManifest(path.join(APP_ROOT, 'manifest.yml')).raw), { rebuildStale: true });
  if (built.length > 0) console.log(`Built the Custom UI: ${built.join(', ')}`);

  const server = await startLocalServer({ port, dataDir, reset: args.includes('--reset'), echoLogs: true });
  console.log(describeServer(server, dataDir));
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
