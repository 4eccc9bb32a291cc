import { advanceSeconds, DOCS, ENG, Harness, PRIV, SEED, type GatewayAnswer } from '../support/harness';
import { newPage } from '../../emulator/demo/new-page';

/**
 * Items 6 and 7 of issue 10. Outside the scope looks like nothing: a page, parent, destination or
 * space the token does not reach answers exactly what a missing one answers, so a token cannot probe
 * which ids exist elsewhere. Every refusal is still audited under the token, and filed under the space
 * it aimed at: a space outside the token only when its owner can see that space; a refusal for the
 * operation always, since the space is then in scope.
 */
let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const MISSING_ID = '99999';
/** Everything a client can tell an answer by. */
const seen = (answer: GatewayAnswer) => ({ status: answer.status, headers: answer.headers, body: answer.text });

describe('a target outside the token answers exactly as a missing one', () => {
  let token: string;
  let missing: ReturnType<typeof seen>;
  beforeEach(async () => {
    ({ token } = await h.issue('alice', ['DOCS'], ['read', 'create', 'update', 'delete'])); // alice reads ENG; PRIV is carol's
    missing = seen(await h.gateway({ path: `/wiki/api/v2/pages/${MISSING_ID}`, token }));
    expect(missing.status).toBe(404);
  });

  it.each([
    ['a page the owner can read', SEED.pages.engHome.id],
    ['a page the owner cannot see', SEED.pages.salaries.id],
  ])('GET, PUT and DELETE of %s', async (_name, id) => {
    const path = `/wiki/api/v2/pages/${id}`;
    const update = newPage(DOCS.id, 'Taken over', { id, version: { number: 2 } });
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const body = method === 'PUT' ? update : undefined;
      const probe = seen(await h.gateway({ method, path, token, body }));
      const control = seen(await h.gateway({ method, path: `/wiki/api/v2/pages/${MISSING_ID}`, token, body: body && { ...body, id: MISSING_ID } }));
      expect({ method, ...probe }).toEqual({ method, ...control });
      expect(probe).toEqual(missing);
    }
    expect(h.app.confluence.snapshot().pages[id].title).toBe(Object.values(SEED.pages).find((seeded) => seeded.id === id)!.title);
  });

  it('a space, a destination and a parent', async () => {
    expect(seen(await h.gateway({ path: `/wiki/api/v2/spaces/${ENG.id}/pages`, token }))).toEqual(
      seen(await h.gateway({ path: `/wiki/api/v2/spaces/${MISSING_ID}/pages`, token })),
    );
    for (const spaceId of [ENG.id, PRIV.id]) {
      expect(seen(await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(spaceId, 'Sneaky') }))).toEqual(missing);
    }
    for (const parentId of [SEED.pages.engHome.id, SEED.pages.salaries.id, MISSING_ID]) {
      expect(seen(await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'Sneaky', { parentId }) }))).toEqual(missing);
    }
    const moved = newPage(ENG.id, 'Getting Started', { id: SEED.pages.gettingStarted.id, version: { number: 2 } });
    expect(seen(await h.gateway({ method: 'PUT', path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`, token, body: moved }))).toEqual(missing);
    expect(Object.values(h.app.confluence.snapshot().pages).map((stored) => stored.title)).not.toContain('Sneaky');
  });
});

describe('the audit keeps what the client does not see', () => {
  it('records the refusal under the token, filed under the space only when the owner can see it', async () => {
    const { token, info } = await h.issue('alice', ['DOCS'], ['read', 'create']);
    await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.engHome.id}`, token }); // alice sees ENG
    advanceSeconds(1);
    await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(ENG.id, 'Sneaky') });
    advanceSeconds(1);
    await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(PRIV.id, 'Sneaky') }); // alice cannot see PRIV
    advanceSeconds(1);
    await h.gateway({ path: `/wiki/api/v2/spaces/${PRIV.id}/pages`, token });

    const own = (await h.ok('alice', 'listAudit', { tokenId: info.id })).items;
    expect(own.map(({ operation, status, code, outcome, spaceId, spaceKey }) => ({ operation, status, code, outcome, spaceId, spaceKey }))).toEqual([
      { operation: 'read', status: 404, code: 'SPACE_NOT_GRANTED', outcome: 'denied', spaceId: null, spaceKey: null },
      { operation: 'create', status: 404, code: 'SPACE_NOT_GRANTED', outcome: 'denied', spaceId: null, spaceKey: null },
      { operation: 'create', status: 404, code: 'SPACE_NOT_GRANTED', outcome: 'denied', spaceId: ENG.id, spaceKey: null },
      { operation: 'read', status: 404, code: 'SPACE_NOT_GRANTED', outcome: 'denied', spaceId: ENG.id, spaceKey: null },
    ]);
    // ENG's admin sees both attempts on ENG; PRIV's admin sees none.
    expect((await h.ok('bob', 'listAudit', { spaceKey: 'ENG' })).items).toHaveLength(2);
    expect((await h.ok('carol', 'listAudit', { spaceKey: 'PRIV' })).items).toEqual([]);
  });
});

describe('every refusal is attributed to the space it aimed at', () => {
  it("files a read-only DOCS token's refused create in DOCS and refused delete of a DOCS page under DOCS", async () => {
    const { token, info } = await h.issue('bob', ['DOCS'], ['read']);
    const create = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'Not allowed') });
    advanceSeconds(1);
    const remove = await h.gateway({ method: 'DELETE', path: `/wiki/api/v2/pages/${SEED.pages.releaseNotes.id}`, token });
    expect([create.status, create.json.errors[0].code]).toEqual([403, 'OPERATION_NOT_GRANTED']);
    expect([remove.status, remove.json.errors[0].code]).toEqual([403, 'OPERATION_NOT_GRANTED']);
    expect(h.app.confluence.snapshot().pages[SEED.pages.releaseNotes.id].status).toBe('current');

    const docs = (await h.ok('alice', 'listAudit', { spaceKey: 'DOCS' })).items;
    expect(docs.map(({ tokenId, operation, pageId, code, spaceKey }) => ({ tokenId, operation, pageId, code, spaceKey }))).toEqual([
      { tokenId: info.id, operation: 'delete', pageId: SEED.pages.releaseNotes.id, code: 'OPERATION_NOT_GRANTED', spaceKey: 'DOCS' },
      { tokenId: info.id, operation: 'create', pageId: null, code: 'OPERATION_NOT_GRANTED', spaceKey: 'DOCS' },
    ]);
  });
});
