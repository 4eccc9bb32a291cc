import { getAppContext } from '@forge/api';
import { FOLD_LIMITS, FOLDERS, foldEvents, type RunClock } from '../../use-cases/fold-events';
import { KvsFoldStore } from '../kvs/fold-store';

/** What Forge expects back from a scheduled trigger; anything else it records as a 424. */
interface ScheduledTriggerResponse {
  statusCode: number;
  headers?: Record<string, string[]>;
  body?: string;
}

/** The invocation's time as Forge reports it: the function's `timeoutSeconds` (manifest.yml) less what has run. */
const forgeClock: RunClock = { now: () => Date.now(), remainingMs: () => getAppContext().invocationRemainingTimeInMillis() };

/**
 * The scheduled trigger `fold-audit-events` (every five minutes): one bounded run of the background fold.
 * Forge neither retries a failed run nor reads the answer; the next run resumes from the stored position.
 * The report goes to the log and back to whoever ran it by hand (`npm start`'s run-now endpoint).
 */
export async function foldTriggerHandler(): Promise<ScheduledTriggerResponse> {
  try {
    const report = await foldEvents(new KvsFoldStore(), FOLDERS, Date.now(), FOLD_LIMITS, forgeClock);
    console.log(`Fold run: ${JSON.stringify(report)}`);
    return { statusCode: 200, headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify(report) };
  } catch (error) {
    console.error('Fold run failed:', error instanceof Error ? `${error.name}: ${error.message}` : typeof error);
    return { statusCode: 500 };
  }
}
