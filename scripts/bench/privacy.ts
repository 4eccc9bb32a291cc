import { kvs } from '@forge/kvs';
import { chunks } from '../../src/adapters/kvs/limits';
import { QUOTA_ENTITY } from '../../src/adapters/kvs/schema';
import type { PrivacyRunReport } from '../../src/use-cases/report-personal-data';
import { withApp } from './fixture';

export const PRIVACY_OWNERS = 10_000;

export interface PrivacyCost {
  owners: number;
  report: PrivacyRunReport;
  kvsReadRequests: number;
  kvsReadBytes: number;
  kvsWriteRequests: number;
  ms: number;
}

/**
 * One run of the daily personal data job over 10,000 token owners (a quota record each, with one
 * counted token, stored directly), none of them closed: what a reporting cycle costs in KVS.
 */
export function measurePrivacyReport(): Promise<PrivacyCost> {
  return withApp(async (app) => {
    const now = Date.now();
    const owners = Array.from({ length: PRIVACY_OWNERS }, (_, i) => `557058:${String(i).padStart(8, '0')}-bench`);
    await app.platform.run({ moduleKey: 'report-personal-data', moduleType: 'scheduledTrigger', functionKey: 'privacy-fn', timeoutMs: 900_000 }, async () => {
      // Each written a minute after the previous one (a token created or revoked), the last a minute ago.
      for (const batch of chunks(owners.map((key, i) => ({ key, i })))) {
        await kvs.batchSet(batch.map(({ key, i }) => ({
          key,
          entityName: QUOTA_ENTITY,
          value: { version: 1, counted: [{ id: `tok${String(i).padStart(9, '0')}`, expiresAt: now + 30 * 86_400_000 }], updatedAt: now - (PRIVACY_OWNERS - i) * 60_000 },
        })));
      }
    });
    app.kvs.resetCounters();
    const started = performance.now();
    const run = await app.scheduledTrigger('report-personal-data');
    const ms = performance.now() - started;
    if (!run.ok || run.response.statusCode !== 200) throw new Error(`The privacy run failed: ${JSON.stringify(run)}`);
    const report = JSON.parse(run.response.body ?? '') as PrivacyRunReport;
    if (report.accountsReported !== PRIVACY_OWNERS || !report.cycleComplete) throw new Error(`Not every owner was reported: ${JSON.stringify(report)}`);
    const counters = app.kvs.counters();
    return { owners: PRIVACY_OWNERS, report, kvsReadRequests: counters.readRequests, kvsReadBytes: counters.readBytes, kvsWriteRequests: counters.writeRequests, ms };
  });
}

if (require.main === module) {
  measurePrivacyReport().then(
    (cost) => console.log(JSON.stringify({ privacy_report_kvs_reads: cost.kvsReadRequests, ...cost })),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
