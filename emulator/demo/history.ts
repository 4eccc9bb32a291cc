import { KvsFoldStore } from '../../src/adapters/kvs/fold-store';
import type { AuditRecord } from '../../src/core/audit';
import { FOLD_LIMITS, FOLDERS, foldEvents } from '../../src/use-cases/fold-events';
import type { LocalServer } from '../server/server';
import { pastRequest, storePastEvents } from './audit-events';

/** A fixed sequence, so the screenshots' charts stay the same from one run to the next. */
function pseudoRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Habit {
  token: { id: string; ownerAccountId: string };
  /** Requests on a working day, about. */
  perDay: number;
  /** Shares refused and failed. */
  denied: number;
  failed: number;
}

/**
 * Thirty days of the scripts' traffic in DOCS before today, as the gateway would have filed it, then one
 * fold as the background job would have done it: charts and sparklines with a shape. Runs before any
 * other fold of the server (the fold never goes back before its position). The tokens themselves were
 * created today: this is a picture of a working month, not a history the app could have recorded.
 */
export async function seedHistory(server: LocalServer, habits: Habit[]): Promise<void> {
  const random = pseudoRandom(13);
  const events: AuditRecord[] = [];
  for (let daysAgo = 29; daysAgo >= 1; daysAgo--) {
    const weekend = [0, 6].includes(new Date(Date.now() - daysAgo * 86_400_000).getUTCDay());
    for (const habit of habits) {
      const count = Math.round(habit.perDay * (weekend ? 0.2 : 0.6 + random() * 0.8));
      for (let i = 0; i < count; i++) {
        const roll = random();
        events.push(pastRequest(habit.token, daysAgo, roll < habit.denied ? 'denied' : roll < habit.denied + habit.failed ? 'failed' : 'ok'));
      }
    }
  }
  await storePastEvents(server, events);
  const fold = { moduleKey: 'fold-audit-events', moduleType: 'scheduledTrigger', functionKey: 'fold-fn', timeoutMs: 55_000 };
  // As a run a few minutes from now would: everything stored so far has settled by then.
  const settled = Date.now() + FOLD_LIMITS.settleMs + 60_000;
  for (let run = 0; run < 20; run++) {
    const report = await server.app.platform.run(fold, () => foldEvents(new KvsFoldStore(), FOLDERS, settled));
    if (report.caughtUp) return;
  }
  throw new Error('The seeded history did not fold in 20 runs');
}
