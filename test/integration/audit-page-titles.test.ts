import type { ProductRequest } from '../../emulator/product';
import { advanceSeconds, DOCS, Harness, SEED } from '../support/harness';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const page = (title: string) => ({ spaceId: DOCS.id, status: 'current', title, body: { representation: 'storage', value: '<p>x</p>' } });

/** The Confluence calls the app makes while `run` runs. */
async function confluenceCalls(run: () => Promise<unknown>): Promise<ProductRequest[]> {
  const calls: ProductRequest[] = [];
  const handle = h.app.confluence.handle.bind(h.app.confluence);
  h.app.confluence.handle = (request) => {
    calls.push(request);
    return handle(request);
  };
  try {
    await run();
  } finally {
    h.app.confluence.handle = handle;
  }
  return calls;
}

async function request(token: string, method: string, path: string, body?: unknown) {
  advanceSeconds(1);
  const answer = await h.gateway({ method, path, token, body });
  expect(answer.status).toBeLessThan(300);
  return answer.json;
}

describe('page titles in the audit log', () => {
  it('names each page as the viewing admin sees it: by title with a link, restricted, or deleted', async () => {
    const alices = await h.issue('alice', ['DOCS'], ['read', 'create', 'delete']);
    const bobs = await h.issue('bob', ['DOCS'], ['read', 'create']);
    await request(alices.token, 'GET', `/wiki/api/v2/pages/${SEED.pages.releaseNotes.id}`);
    const trashed = await request(alices.token, 'POST', '/wiki/api/v2/pages', page('Old notes'));
    await request(alices.token, 'DELETE', `/wiki/api/v2/pages/${trashed.id}`);
    const purged = await request(alices.token, 'POST', '/wiki/api/v2/pages', page('Scratch'));
    await request(alices.token, 'DELETE', `/wiki/api/v2/pages/${purged.id}`);
    const hidden = await request(bobs.token, 'POST', '/wiki/api/v2/pages', page("Bob's plans"));
    // Done in Confluence itself, not through a token: alice empties her trash, bob restricts his page.
    expect((await h.app.confluence.handle({ method: 'DELETE', path: `/wiki/api/v2/pages/${purged.id}?purge=true`, headers: {}, identity: { kind: 'user', accountId: 'alice' } })).status).toBe(204);
    h.app.confluence.setPageRestrictions(hidden.id, { read: ['bob'], update: ['bob'] });

    const listing = await h.ok('alice', 'listAudit', { spaceKey: 'DOCS' });
    expect(listing.items).toHaveLength(6);
    expect(listing.pages).toEqual({
      [SEED.pages.releaseNotes.id]: { state: 'visible', title: 'Release Notes', url: expect.stringMatching(new RegExp(`^http://[^/]+/wiki/spaces/DOCS/pages/${SEED.pages.releaseNotes.id}/`)) },
      [trashed.id]: { state: 'deleted', title: 'Old notes' },
      [purged.id]: { state: 'deleted', title: null },
      [hidden.id]: { state: 'restricted' },
    });
    // Bob sees his own page by title in his own log: the lookup is the viewer's, never someone else's.
    const bobsView = await h.ok('bob', 'listAudit', {});
    expect(bobsView.pages?.[hidden.id]).toMatchObject({ state: 'visible', title: "Bob's plans" });
  });

  it('asks Confluence once per page of events, as the viewer, for every page id on it', async () => {
    const alices = await h.issue('alice', ['DOCS'], ['read']);
    for (const id of [SEED.pages.docsHome.id, SEED.pages.gettingStarted.id, SEED.pages.installation.id, SEED.pages.docsHome.id]) {
      await request(alices.token, 'GET', `/wiki/api/v2/pages/${id}`);
    }
    const calls = await confluenceCalls(() => h.ok('alice', 'listAudit', { spaceKey: 'DOCS', limit: 3 }));
    const lookups = calls.filter((call) => call.path.startsWith('/wiki/api/v2/pages?'));
    expect(lookups).toHaveLength(1);
    expect(lookups[0].identity).toEqual({ kind: 'user', accountId: 'alice' });
    const ids = new URL(lookups[0].path, 'http://x').searchParams.get('id')!.split(',');
    expect(ids.sort()).toEqual([SEED.pages.docsHome.id, SEED.pages.gettingStarted.id, SEED.pages.installation.id].sort());
  });

  it('still lists the events, by page id, when Confluence cannot be asked', async () => {
    const bobs = await h.issue('bob', ['DOCS'], ['read']);
    await request(bobs.token, 'GET', `/wiki/api/v2/pages/${SEED.pages.releaseNotes.id}`);
    h.app.confluence.failNext({ status: 503 });
    const listing = await h.ok('bob', 'listAudit', {});
    expect(listing.items.map((event) => event.pageId)).toEqual([SEED.pages.releaseNotes.id]);
    expect(listing.pages).toBeNull();
  });

  it('looks nothing up for events without a page', async () => {
    const bobs = await h.issue('bob', ['DOCS'], ['read']);
    await request(bobs.token, 'GET', '/self');
    const calls = await confluenceCalls(() => h.ok('bob', 'listAudit', {}));
    expect(calls).toEqual([]);
  });
});
