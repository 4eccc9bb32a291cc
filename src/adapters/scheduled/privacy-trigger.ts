import { PRIVACY_RUN_BUDGET_MS } from '../../core/forge-limits';
import { reportPersonalData } from '../../use-cases/report-personal-data';
import { KvsPersonalDataStore } from '../kvs/personal-data-store';
import { atlassianReporter } from '../privacy/report-accounts';

/**
 * The scheduled trigger `report-personal-data` (daily): one bounded run of the personal data job
 * (use-cases/report-personal-data.ts). Forge neither retries a failed run nor reads the answer; the
 * next run goes on from the stored state. The report holds counts only, never account ids.
 */
export async function privacyTriggerHandler(): Promise<{ statusCode: number; headers?: Record<string, string[]>; body?: string }> {
  const started = performance.now();
  try {
    const report = await reportPersonalData({
      store: new KvsPersonalDataStore(),
      reporter: atlassianReporter,
      clock: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      timeLeft: () => PRIVACY_RUN_BUDGET_MS - (performance.now() - started),
    });
    console.log(`Personal data report: ${JSON.stringify(report)}`);
    return { statusCode: 200, headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify(report) };
  } catch (error) {
    console.error('Personal data report failed:', error instanceof Error ? `${error.name}: ${error.message}` : typeof error);
    return { statusCode: 500 };
  }
}
