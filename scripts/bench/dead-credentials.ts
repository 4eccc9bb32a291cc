import { EmulatedApp } from '../../emulator/app';
import { gateway, issueToken, SEED } from './fixture';

export const REVOKED_IDS = 15;
export const REQUESTS_PER_REVOKED_ID = 300;
export const ROTATED_OUT_REQUESTS = 320;

const PATH = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;

/**
 * Issue 16's outage on one warm gateway instance, with Forge's KVS budgets on: one user's 15 revoked
 * tokens, 300 requests each (15 at once per round, one per token), and another user's valid token
 * asked after every round. Counts the storage reads and queries that name a revoked id.
 */
export async function benchRevokedFlood(): Promise<{ storageReads: number; requests: number; validTokenAlways200: boolean }> {
  const app = EmulatedApp.start({ kvsRateLimits: true });
  try {
    const revoked: Array<{ id: string; token: string }> = [];
    for (let i = 0; i < REVOKED_IDS; i++) {
      const issued = await issueToken(app, 'bob', { operations: ['read'] });
      const answer = (await app.invoke('bob', 'revokeToken', { id: issued.id })) as { error?: unknown };
      if (answer.error) throw new Error(`revokeToken failed: ${JSON.stringify(answer.error)}`);
      revoked.push(issued);
    }
    const valid = await issueToken(app, 'alice', { operations: ['read'] });
    await gateway(app, { path: PATH, authorization: `Bearer ${valid.token}` }); // the instance has loaded its key

    const revokedIds = new Set(revoked.map(({ id }) => id));
    let storageReads = 0;
    const handle = app.kvs.handle.bind(app.kvs);
    app.kvs.handle = (route, body) => {
      const text = route.includes('get') || route.includes('query') ? JSON.stringify(body ?? null) : '';
      if ([...revokedIds].some((id) => text.includes(`"${id}"`))) storageReads++;
      return handle(route, body);
    };
    let validTokenAlways200 = true;
    for (let round = 0; round < REQUESTS_PER_REVOKED_ID; round++) {
      const answers = await Promise.all(revoked.map(({ token }) => gateway(app, { path: PATH, authorization: `Bearer ${token}` })));
      if (answers.some((answer) => answer.statusCode !== 401)) throw new Error(`A revoked token answered ${answers.map((answer) => answer.statusCode).join(', ')}`);
      if ((await gateway(app, { path: PATH, authorization: `Bearer ${valid.token}` })).statusCode !== 200) validTokenAlways200 = false;
    }
    return { storageReads, requests: REVOKED_IDS * REQUESTS_PER_REVOKED_ID, validTokenAlways200 };
  } finally {
    app.close();
  }
}

/** Whether 320 requests with a token's rotated-out secret leave the new secret answering anything but 200. */
export async function benchRotatedOutLockout(): Promise<{ lockout: boolean; oldSecretStatuses: Record<number, number> }> {
  const app = EmulatedApp.start();
  try {
    const issued = await issueToken(app, 'alice', { operations: ['read'] });
    const rotated = (await app.invoke('alice', 'rotateToken', { id: issued.id, graceHours: 0 })) as { token?: string; error?: unknown };
    if (!rotated.token) throw new Error(`rotateToken failed: ${JSON.stringify(rotated.error)}`);
    const oldSecretStatuses: Record<number, number> = {};
    for (let i = 0; i < ROTATED_OUT_REQUESTS; i++) {
      const { statusCode } = await gateway(app, { path: PATH, authorization: `Bearer ${issued.token}` });
      oldSecretStatuses[statusCode] = (oldSecretStatuses[statusCode] ?? 0) + 1;
    }
    const fresh = await gateway(app, { path: PATH, authorization: `Bearer ${rotated.token}` });
    return { lockout: fresh.statusCode !== 200, oldSecretStatuses };
  } finally {
    app.close();
  }
}
