/**
 * The local server for the latency benchmark, in its own process so that client and server do not
 * share an event loop. State in memory (the seed): the emulator's disk journal would otherwise add its
 * fsyncs to the gateway's audit writes, which Forge's KVS does not cost the app in CPU or disk.
 * Prints `{"url": ...}` once listening; stops on SIGTERM.
 */
import { startLocalServer } from '../../emulator/server/server';

startLocalServer({ port: 0 }).then(
  (server) => {
    process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
    process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
