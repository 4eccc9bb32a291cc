/**
 * A read answered with pages of several spaces is on the record of each (issue 16, item 4): one event
 * per space, in each space's audit log and activity chart; still one use of the token.
 */
import { FOLD_LIMITS } from '../../src/use-cases/fold-events';
import { advanceSeconds, DOCS, ENG, Harness } from '../support/harness';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const todayOk = async (accountId: string, spaceKey: string) => (await h.ok(accountId, 'getSpaceActivity', { spaceKey })).days.at(-1)!.ok;

async function foldEverything() {
  advanceSeconds(FOLD_LIMITS.settleMs / 1000 + 1);
  expect(await h.fold()).toMatchObject({ caughtUp: true });
}

/** KVS writes made while `run` runs. */
async function kvsWrites(run: () => Promise<unknown>): Promise<number> {
  let writes = 0;
  const handle = h.app.kvs.handle.bind(h.app.kvs);
  h.app.kvs.handle = (path, body) => {
    if (/set|transaction|delete/i.test(path)) writes += 1;
    return handle(path, body);
  };
  try {
    await run();
  } finally {
    h.app.kvs.handle = handle;
  }
  return writes;
}

describe('a read returning pages of several spaces', () => {
  // bob reads DOCS and administers ENG; alice administers DOCS.
  const reads = [
    ['GET /wiki/api/v2/pages', { path: '/wiki/api/v2/pages' }],
    ['GET /wiki/rest/api/content', { path: '/wiki/rest/api/content' }],
    ['GET /wiki/rest/api/content/search', { path: '/wiki/rest/api/content/search', query: { cql: 'type = page' } }],
    ['GET /wiki/rest/api/search', { path: '/wiki/rest/api/search', query: { cql: 'type = page' } }],
  ] as const;

  it.each(reads)('%s is in both spaces’ logs and charts, and one use of the token', async (_route, call) => {
    const { token, info } = await h.issue('bob', ['DOCS', 'ENG'], ['read']);
    const writes = await kvsWrites(async () => expect((await h.gateway({ ...call, token })).status).toBe(200));
    expect(writes).toBe(2); // one event per space
    const docsLog = await h.ok('alice', 'listAudit', { spaceKey: 'DOCS' });
    const engLog = await h.ok('bob', 'listAudit', { spaceKey: 'ENG' });
    expect(docsLog.items).toMatchObject([{ tokenId: info.id, spaceId: DOCS.id, outcome: 'ok' }]);
    expect(engLog.items).toMatchObject([{ tokenId: info.id, spaceId: ENG.id, outcome: 'ok' }]);
    await foldEverything();
    expect([await todayOk('alice', 'DOCS'), await todayOk('bob', 'ENG')]).toEqual([1, 1]);
    const [listed] = (await h.ok('bob', 'listTokens')).tokens;
    expect(listed.usageCount).toBe(1);
    const sparkline = await h.ok('bob', 'listTokenActivity', { tokenIds: [info.id] });
    expect(sparkline.activity[info.id]!.at(-1)!.ok).toBe(1);
  });

  it('costs one write when the answer holds one space’s pages', async () => {
    const { token } = await h.issue('bob', ['DOCS', 'ENG'], ['read']);
    const writes = await kvsWrites(async () => expect((await h.gateway({ path: '/wiki/api/v2/pages', token, query: { 'space-id': ENG.id } })).status).toBe(200));
    expect(writes).toBe(1);
    expect((await h.ok('alice', 'listAudit', { spaceKey: 'DOCS' })).items).toEqual([]);
  });
});
