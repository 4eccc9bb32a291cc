import type { LocalServer } from '../../emulator/server/server';
import { FOLD_LIMITS } from '../../src/use-cases/fold-events';
import { request } from '../server/http-client';

export { pastRequest, storePastEvents } from '../../emulator/demo/audit-events';

/**
 * Runs the background fold as it would run once its settle lag has passed, and answers the "as of" it
 * reports. The app reads Date.now, so Date.now alone is moved forward, and only while the run lasts
 * (not jest's fake timers: `npm run screenshots` calls this outside jest). The server must run in this
 * process.
 */
export async function foldAfterSettling(server: LocalServer): Promise<string> {
  const realNow = Date.now;
  const ahead = FOLD_LIMITS.settleMs + 60_000;
  Date.now = () => realNow() + ahead;
  try {
    const run = await request(server, '/__local/scheduled/fold-audit-events', { method: 'POST' });
    if (run.json?.ok !== true || run.json.body?.caughtUp !== true) throw new Error(`The fold did not catch up: ${run.text}`);
    return new Date(run.json.body.asOf).toISOString();
  } finally {
    Date.now = realNow;
  }
}
