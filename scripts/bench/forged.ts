import { randomBytes } from 'node:crypto';
import { randomBase62 } from '../../src/core/base62';
import { formatToken } from '../../src/core/token-format';
import { gateway, issueToken, SEED, withApp } from './fixture';

export const FORGED_REQUESTS = 1_000;

/**
 * KVS requests spent on well-formed tokens this installation did not mint: fresh ids and secrets with
 * checksums under another key (a forger's best guess), on a warm function instance.
 */
export function benchForged(): Promise<{ requests: number; storageOps: number }> {
  return withApp(async (app) => {
    const { token } = await issueToken(app, 'alice');
    const path = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;
    await gateway(app, { path, authorization: `Bearer ${token}` }); // the instance has loaded its key
    const foreignKey = randomBytes(32);
    const random62 = (length: number) => randomBase62(length, (n) => randomBytes(n));
    app.kvs.resetCounters();
    for (let i = 0; i < FORGED_REQUESTS; i++) {
      const forged = formatToken({ id: random62(12), secret: random62(43) }, foreignKey);
      const response = await gateway(app, { path, authorization: `Bearer ${forged}` });
      if (response.statusCode !== 401) throw new Error(`A forged token answered ${response.statusCode}, not 401`);
    }
    const { readRequests, writeRequests, readOps, writeOps } = app.kvs.counters();
    return { requests: FORGED_REQUESTS, storageOps: readRequests + writeRequests + readOps + writeOps };
  });
}
