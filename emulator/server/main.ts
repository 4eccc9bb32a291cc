/**
 * `npm start [-- --reset] [-- --demo] [-- --no-build]`: builds the Custom UI modules that are missing
 * or older than their sources (and again whenever a file under static/ changes), then serves the app
 * on 127.0.0.1:${PORT:-8787} with its state in ${DATA_DIR:-.local-data}; KVS_RATE_LIMITS=1 enforces
 * Forge's per-minute KVS budgets.
 */
import path from 'node:path';
import { APP_ROOT } from '../app';
import { loadManifest } from '../platform';
import { seedActivity } from '../demo/seed';
import { describeServer } from './banner';
import { kvsRateLimitsFromEnv } from './environment';
import { startLocalServer, type LocalServer } from './server';
import { stopWithParent } from './stop-with-parent';
import { buildMissingUi, uiModules, watchUiSources } from './ui-modules';

const USAGE = 'Usage: npm start [-- --reset] [-- --demo] [-- --no-build]';
const FLAGS = ['--reset', '--demo', '--no-build'];

/** A port already taken is the one start failure a newcomer meets; say what to do instead of EADDRINUSE. */
function explainStartFailure(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `Port ${port} is in use by another program (another npm start?). Stop it, or start on another port: PORT=${port + 1} npm start`;
  if (code === 'EACCES') return `Port ${port} needs privileges this user lacks. Pick one above 1023: PORT=8787 npm start`;
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => !FLAGS.includes(arg));
  if (unknown.length > 0) throw new Error(`Unknown argument(s) ${unknown.join(' ')}. ${USAGE}`);
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.local-data');
  const demo = args.includes('--demo');

  const modules = uiModules(loadManifest(path.join(APP_ROOT, 'manifest.yml')).raw);
  const build = !args.includes('--no-build');
  if (build) {
    const built = buildMissingUi(modules, { rebuildStale: true });
    if (built.length > 0) console.log(`Built the Custom UI: ${built.join(', ')}`);
  }

  const kvsRateLimits = kvsRateLimitsFromEnv(process.env);
  let server: LocalServer;
  try {
    // --demo starts from the seed too: a month of history only makes sense before any other fold.
    server = await startLocalServer({ port, dataDir, reset: args.includes('--reset') || demo, echoLogs: true, kvsRateLimits });
  } catch (error) {
    throw new Error(explainStartFailure(error, port));
  }
  if (demo) {
    console.log('Seeding a month of demo traffic (tokens of alice and bob, their scripts at work)...');
    await seedActivity(server);
  }
  console.log(describeServer(server, dataDir, { demo }));

  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Stopping (${why}); the data folder is released once the server has closed.`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a second signal while closing (a terminal's Ctrl-C pressed twice, npm and the
  // terminal both delivering it) would otherwise take Node's default and end the process with the lock held.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  // npm forwards SIGINT and SIGTERM; a parent killed outright (kill -9 on npm) forwards nothing.
  stopWithParent(() => stop('its parent process ended'));
  if (build) watchUiSources(modules, (built) => console.log(`Rebuilt the Custom UI after a change: ${built.join(', ')} (reload the page)`));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
