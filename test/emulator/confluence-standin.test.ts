import { ConfluenceSpec, ConfluenceStandIn, MAX_BODY_BYTES, SEED, SpecViolationError, StandInNetworkError, type ConfluenceState } from '../../emulator/confluence';
import { call, NOW, standIn, type Answer, type Who } from '../support/standin-client';

const DOCS = SEED.spaces.DOCS.id;
const ENG = SEED.spaces.ENG.id;
const PRIV = SEED.spaces.PRIV.id;
const P = SEED.pages;

const storage = (value: string) => ({ representation: 'storage', value });

async function spaceKeysSeenBy(confluence: ConfluenceStandIn, who: Who): Promise<string[]> {
  return (await call(confluence, who, 'GET', '/wiki/api/v2/spaces')).json.results.map((s: { key: string }) => s.key);
}

async function pageTitlesIn(confluence: ConfluenceStandIn, who: Who, spaceId: string, query = ''): Promise<string[]> {
  const answer = await call(confluence, who, 'GET', `/wiki/api/v2/spaces/${spaceId}/pages?limit=250${query}`);
  return answer.json.results.map((p: { title: string }) => p.title);
}

async function update(confluence: ConfluenceStandIn, who: Who, id: string, changes: Record<string, unknown> = {}): Promise<Answer> {
  const current = (await call(confluence, 'siteadmin', 'GET', `/wiki/api/v2/pages/${id}?body-format=storage`)).json;
  return call(confluence, who, 'PUT', `/wiki/api/v2/pages/${id}`, {
    id,
    status: 'current',
    title: current.title,
    body: current.body.storage,
    version: { number: current.version.number + 1 },
    ...changes,
  });
}

describe('who sees which space', () => {
  const confluence = standIn();

  it.each([
    ['alice', ['DOCS', 'ENG']],
    ['bob', ['DOCS', 'ENG']],
    ['carol', ['PRIV']],
    ['siteadmin', ['DOCS', 'ENG', 'PRIV']],
    ['app', ['DOCS', 'ENG', 'PRIV']],
  ] as [Who, string[]][])('%s lists %j', async (who, keys) => {
    expect(await spaceKeysSeenBy(confluence, who)).toEqual(keys);
  });

  it('answers 404 for a space the caller may not view, and filters it out of a keys lookup', async () => {
    expect((await call(confluence, 'alice', 'GET', `/wiki/api/v2/spaces/${PRIV}`)).status).toBe(404);
    expect((await call(confluence, 'carol', 'GET', `/wiki/api/v2/spaces/${PRIV}`)).json.key).toBe('PRIV');
    expect((await call(confluence, 'alice', 'GET', '/wiki/api/v2/spaces?keys=PRIV,DOCS')).json.results.map((s: { key: string }) => s.key)).toEqual(['DOCS']);
    expect((await call(confluence, 'carol', 'GET', `/wiki/api/v2/spaces/${DOCS}/pages`)).status).toBe(404);
  });
});

describe('the restricted page', () => {
  const confluence = standIn();

  it('is visible to alice and the site admin only, with its child', async () => {
    for (const id of [P.aliceNotes.id, P.aliceIdeas.id]) {
      expect((await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${id}`)).status).toBe(200);
      expect((await call(confluence, 'siteadmin', 'GET', `/wiki/api/v2/pages/${id}`)).status).toBe(200);
      expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${id}`)).json).toEqual({
        errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }],
      });
      expect((await call(confluence, 'app', 'GET', `/wiki/api/v2/pages/${id}`)).status).toBe(404);
    }
  });

  it('drops out of the listings of those who may not see it', async () => {
    expect(await pageTitlesIn(confluence, 'alice', DOCS)).toContain("Alice's Notes");
    expect(await pageTitlesIn(confluence, 'bob', DOCS)).not.toContain("Alice's Notes");
    expect(await pageTitlesIn(confluence, 'app', DOCS)).toEqual(['Documentation Home', 'Getting Started', 'Installation', 'Release Notes']);
  });

  it('cannot be edited by the app even through its id', async () => {
    expect((await update(confluence, 'app', P.aliceNotes.id)).status).toBe(404);
    expect((await update(confluence, 'alice', P.aliceNotes.id)).status).toBe(200);
  });
});

describe('pages by id, the trash included', () => {
  it('finds trashed pages for space admins only, and only when asked for them', async () => {
    const confluence = standIn();
    expect((await call(confluence, 'alice', 'DELETE', `/wiki/api/v2/pages/${P.releaseNotes.id}`)).status).toBe(204);
    const ids = `id=${P.releaseNotes.id},${P.installation.id},${P.aliceNotes.id}`;
    const seen = async (who: Who, query: string) =>
      (await call(confluence, who, 'GET', `/wiki/api/v2/pages?${query}`)).json.results.map((p: { id: string; status: string }) => `${p.id} ${p.status}`);
    expect(await seen('alice', ids)).toEqual([`${P.installation.id} current`, `${P.aliceNotes.id} current`]);
    expect(await seen('alice', `${ids}&status=current,trashed`)).toEqual([`${P.installation.id} current`, `${P.releaseNotes.id} trashed`, `${P.aliceNotes.id} current`]);
    expect(await seen('bob', `${ids}&status=current,trashed`)).toEqual([`${P.installation.id} current`]);
  });
});

describe('permitted operations', () => {
  const confluence = standIn();
  const operations = async (who: Who, path: string) => {
    const answer = await call(confluence, who, 'GET', path);
    return answer.status === 200 ? answer.json.operations.map((o: { operation: string; targetType: string }) => `${o.operation}:${o.targetType}`) : answer.status;
  };

  it('lists each seeded user rights in a space', async () => {
    expect(await operations('alice', `/wiki/api/v2/spaces/${DOCS}/operations`)).toEqual(['read:space', 'create:page', 'update:page', 'delete:page', 'administer:space']);
    expect(await operations('bob', `/wiki/api/v2/spaces/${DOCS}/operations`)).toEqual(['read:space', 'create:page', 'update:page']);
    expect(await operations('alice', `/wiki/api/v2/spaces/${ENG}/operations`)).toEqual(['read:space']);
    expect(await operations('siteadmin', `/wiki/api/v2/spaces/${PRIV}/operations`)).toContain('administer:space');
    expect(await operations('app', `/wiki/api/v2/spaces/${ENG}/operations`)).toEqual(['read:space', 'create:page', 'update:page', 'delete:page']);
    expect(await operations('carol', `/wiki/api/v2/spaces/${DOCS}/operations`)).toBe(404);
  });

  it('lists rights on a page, with page restrictions applied', async () => {
    expect(await operations('bob', `/wiki/api/v2/pages/${P.installation.id}/operations`)).toEqual(['read:page', 'update:page']);
    expect(await operations('alice', `/wiki/api/v2/pages/${P.architecture.id}/operations`)).toEqual(['read:page']);
    expect(await operations('alice', `/wiki/api/v2/pages/${P.aliceNotes.id}/operations`)).toEqual(['read:page', 'update:page', 'delete:page']);
    expect(await operations('bob', `/wiki/api/v2/pages/${P.aliceNotes.id}/operations`)).toBe(404);
  });
});

describe('visible but not permitted', () => {
  const confluence = standIn();

  // Confluence's v2 spec documents 404 for "the user does not have the needed permissions" on
  // create, update and delete; the operations endpoints are how a caller tells the two apart.
  it('answers 404 like a missing page, and changes nothing', async () => {
    expect((await call(confluence, 'bob', 'DELETE', `/wiki/api/v2/pages/${P.releaseNotes.id}`)).status).toBe(404);
    expect((await call(confluence, 'alice', 'POST', '/wiki/api/v2/pages', { spaceId: ENG, title: 'Nope', body: storage('') })).status).toBe(404);
    expect((await update(confluence, 'alice', P.architecture.id, { title: 'Renamed' })).status).toBe(404);
    expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.releaseNotes.id}`)).json.status).toBe('current');
    expect(await pageTitlesIn(confluence, 'bob', ENG)).toEqual(['Engineering Home', 'Architecture', 'Runbooks']);
  });
});

describe('creating a page', () => {
  it('records the acting user and time, and files it under the homepage', async () => {
    const confluence = standIn();
    const created = await call(confluence, 'bob', 'POST', '/wiki/api/v2/pages', { spaceId: DOCS, status: 'current', title: 'FAQ', body: storage('<p>Q &amp; A</p>') });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      id: String(SEED.firstCreatedPageId),
      title: 'FAQ',
      spaceId: DOCS,
      parentId: P.docsHome.id,
      authorId: 'bob',
      ownerId: 'bob',
      createdAt: NOW,
      version: { number: 1, authorId: 'bob', createdAt: NOW },
      body: { storage: { representation: 'storage', value: '<p>Q &amp; A</p>' } },
    });
    const asAdf = await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${created.json.id}?body-format=atlas_doc_format`);
    expect(JSON.parse(asAdf.json.body.atlas_doc_format.value).content[0].content[0].text).toBe('Q & A');
  });

  it('refuses a duplicate title in the space, even one the caller cannot see', async () => {
    const confluence = standIn();
    const duplicate = await call(confluence, 'bob', 'POST', '/wiki/api/v2/pages', { spaceId: DOCS, title: "Alice's Notes", body: storage('') });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json.errors[0].title).toMatch(/title already exists/);
    expect((await call(confluence, 'bob', 'POST', '/wiki/api/v2/pages', { spaceId: ENG, title: 'Installation', body: storage('') })).status).toBe(200);
  });

  it('needs a visible parent in the same space', async () => {
    const confluence = standIn();
    const under = (who: Who, parentId: string) => call(confluence, who, 'POST', '/wiki/api/v2/pages', { spaceId: DOCS, title: `Child of ${parentId}`, parentId, body: storage('') });
    expect((await under('bob', P.architecture.id)).status).toBe(400);
    expect((await under('bob', P.aliceNotes.id)).status).toBe(404);
    expect((await under('alice', P.aliceNotes.id)).json.parentId).toBe(P.aliceNotes.id);
  });

  it('keeps drafts out of listings and shows them to their author only', async () => {
    const confluence = standIn();
    const draft = await call(confluence, 'bob', 'POST', '/wiki/api/v2/pages', { spaceId: DOCS, status: 'draft', body: storage('') });
    expect(draft.json.status).toBe('draft');
    expect(await pageTitlesIn(confluence, 'bob', DOCS)).toHaveLength(4);
    expect((await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${draft.json.id}`)).status).toBe(404);
    const published = await call(confluence, 'bob', 'PUT', `/wiki/api/v2/pages/${draft.json.id}`, { id: draft.json.id, status: 'current', title: 'Published', body: storage('<p>done</p>'), version: { number: 1 } });
    expect(published.json).toMatchObject({ status: 'current', version: { number: 1 } });
    expect(await pageTitlesIn(confluence, 'alice', DOCS)).toContain('Published');
  });
});

describe('updating a page', () => {
  it('needs version current + 1, otherwise 409, and records the new version', async () => {
    let changes = 0;
    const confluence = standIn({ onChange: () => changes++ });
    const stale = await update(confluence, 'bob', P.installation.id, { version: { number: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json.errors[0]).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(changes).toBe(0);

    const updated = await update(confluence, 'bob', P.installation.id, { title: 'Install', body: storage('<p>v2</p>'), version: { number: 2, message: 'tidy' } });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ title: 'Install', authorId: 'alice', version: { number: 2, message: 'tidy', authorId: 'bob', createdAt: NOW } });
    expect(changes).toBe(1);
    expect((await update(confluence, 'bob', P.installation.id, { version: { number: 2 } })).status).toBe(409);

    const first = await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${P.installation.id}?version=1&body-format=storage`);
    expect(first.json).toMatchObject({ title: 'Installation', status: 'historical', version: { number: 1 } });
  });

  it('refuses a title taken in the space', async () => {
    const confluence = standIn();
    expect((await update(confluence, 'bob', P.installation.id, { title: 'Release Notes' })).status).toBe(400);
  });
});

describe('deleting a page', () => {
  it('moves it to the trash, out of listings, and lifts its children to its parent', async () => {
    const confluence = standIn();
    expect((await call(confluence, 'alice', 'DELETE', `/wiki/api/v2/pages/${P.gettingStarted.id}`)).status).toBe(204);
    expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.gettingStarted.id}`)).status).toBe(404);
    expect(await pageTitlesIn(confluence, 'alice', DOCS)).not.toContain('Getting Started');
    expect(await pageTitlesIn(confluence, 'alice', DOCS, '&status=trashed')).toEqual(['Getting Started']);
    expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.installation.id}`)).json.parentId).toBe(P.docsHome.id);
  });

  it('purges only a trashed page, and only for a space admin', async () => {
    const confluence = standIn({ state: grantBobDelete() });
    const path = `/wiki/api/v2/pages/${P.releaseNotes.id}`;
    expect((await call(confluence, 'alice', 'DELETE', `${path}?purge=true`)).status).toBe(400);
    expect((await call(confluence, 'bob', 'DELETE', path)).status).toBe(204);
    expect((await call(confluence, 'bob', 'DELETE', `${path}?purge=true`)).status).toBe(404);
    expect((await call(confluence, 'alice', 'DELETE', `${path}?purge=true`)).status).toBe(204);
    expect((await call(confluence, 'siteadmin', 'GET', `${path}?status=trashed`)).status).toBe(404);
    expect(confluence.snapshot().pages[P.releaseNotes.id]).toBeUndefined();
  });

  it('can be undone by a space admin, restoring the page', async () => {
    const confluence = standIn();
    await call(confluence, 'alice', 'DELETE', `/wiki/api/v2/pages/${P.releaseNotes.id}`);
    const restored = await call(confluence, 'alice', 'PUT', `/wiki/api/v2/pages/${P.releaseNotes.id}`, {
      id: P.releaseNotes.id,
      status: 'current',
      title: 'Release Notes',
      body: storage(''),
      version: { number: 2 },
    });
    expect(restored.json).toMatchObject({ status: 'current', version: { number: 2 }, body: { storage: { value: '<p>Release Notes</p>' } } });
    expect(await pageTitlesIn(confluence, 'bob', DOCS)).toContain('Release Notes');
  });
});

function grantBobDelete(): ConfluenceState {
  const state = standIn().snapshot();
  state.spaces[DOCS]!.grants.bob = ['read', 'create', 'update', 'delete'];
  return state;
}

describe('moving a page', () => {
  it('moves within a space under a visible parent, never under itself', async () => {
    const confluence = standIn();
    expect((await update(confluence, 'bob', P.installation.id, { parentId: P.releaseNotes.id })).json.parentId).toBe(P.releaseNotes.id);
    expect((await update(confluence, 'bob', P.installation.id, { parentId: P.aliceNotes.id })).status).toBe(404);
    expect((await update(confluence, 'alice', P.releaseNotes.id, { parentId: P.installation.id })).status).toBe(400);
    expect((await update(confluence, 'alice', P.releaseNotes.id, { parentId: P.releaseNotes.id })).status).toBe(400);
    expect((await update(confluence, 'alice', P.gettingStarted.id, { parentId: P.installation.id })).json.parentId).toBe(P.installation.id);
  });

  it('refuses a parent in another space', async () => {
    const confluence = standIn();
    expect((await update(confluence, 'siteadmin', P.installation.id, { parentId: P.architecture.id })).status).toBe(400);
  });

  it('needs rights in both spaces to move across spaces, and takes the children along', async () => {
    const confluence = standIn();
    expect((await update(confluence, 'bob', P.gettingStarted.id, { spaceId: ENG })).status).toBe(404);
    expect((await update(confluence, 'alice', P.gettingStarted.id, { spaceId: ENG })).status).toBe(404);
    const moved = await update(confluence, 'siteadmin', P.gettingStarted.id, { spaceId: ENG, parentId: P.architecture.id });
    expect(moved.json).toMatchObject({ spaceId: ENG, parentId: P.architecture.id });
    expect(await pageTitlesIn(confluence, 'bob', ENG)).toEqual(['Getting Started', 'Installation', 'Engineering Home', 'Architecture', 'Runbooks']);
    expect(await pageTitlesIn(confluence, 'bob', DOCS)).toEqual(['Documentation Home', 'Release Notes']);
  });
});

describe('cursor paging', () => {
  it('walks every page of a space through _links.next and the Link header', async () => {
    const confluence = standIn();
    for (let i = 0; i < 23; i++) {
      await call(confluence, 'alice', 'POST', '/wiki/api/v2/pages', { spaceId: DOCS, title: `Page ${i}`, body: storage('') });
    }
    const seen: string[] = [];
    let next: string | undefined = `/wiki/api/v2/spaces/${DOCS}/pages?limit=10`;
    let rounds = 0;
    while (next) {
      const answer = await call(confluence, 'alice', 'GET', next);
      seen.push(...answer.json.results.map((p: { id: string }) => p.id));
      const following: string | undefined = answer.json._links.next;
      if (following) {
        expect(following).toMatch(new RegExp(`^/wiki/api/v2/spaces/${DOCS}/pages\\?limit=10&cursor=`));
        expect(answer.headers.link).toContain(`<${following}>; rel="next"`);
      } else {
        expect(answer.headers.link).not.toContain('rel="next"');
      }
      next = following;
      rounds++;
    }
    expect(rounds).toBe(3);
    expect(seen).toHaveLength(29);
    expect(new Set(seen).size).toBe(29);
  });

  it('pages spaces too, and rejects a cursor it did not make', async () => {
    const confluence = standIn();
    const first = await call(confluence, 'siteadmin', 'GET', '/wiki/api/v2/spaces?limit=2');
    const second = await call(confluence, 'siteadmin', 'GET', first.json._links.next);
    expect([...first.json.results, ...second.json.results].map((s: { key: string }) => s.key)).toEqual(['DOCS', 'ENG', 'PRIV']);
    expect(second.json._links.next).toBeUndefined();
    expect((await call(confluence, 'siteadmin', 'GET', '/wiki/api/v2/spaces?cursor=bogus')).status).toBe(400);
  });
});

describe('users', () => {
  const confluence = standIn();

  it('tells site admins by expand=operations', async () => {
    const ops = async (who: Who) => (await call(confluence, who, 'GET', '/wiki/rest/api/user/current?expand=operations')).json.operations;
    expect(await ops('siteadmin')).toContainEqual({ operation: 'administer', targetType: 'application' });
    expect(await ops('alice')).not.toContainEqual({ operation: 'administer', targetType: 'application' });
    expect((await call(confluence, 'app', 'GET', '/wiki/rest/api/user/current')).json).toMatchObject({ accountId: 'forge-app', accountType: 'app' });
  });

  it('looks users up by accountId, one or in bulk', async () => {
    expect((await call(confluence, 'alice', 'GET', '/wiki/rest/api/user?accountId=bob')).json.displayName).toBe('Bob Brown');
    const missing = await call(confluence, 'alice', 'GET', '/wiki/rest/api/user?accountId=nobody');
    expect(missing).toMatchObject({ status: 404, json: { statusCode: 404 } });
    const bulk = await call(confluence, 'app', 'POST', '/wiki/api/v2/users-bulk', { accountIds: ['carol', 'nobody', 'siteadmin'] });
    expect(bulk.json.results.map((u: { displayName: string }) => u.displayName)).toEqual(['Carol Chen', 'Site Admin']);
  });
});

describe('routes the stand-in does not know', () => {
  it('answers 501 naming the route, and flags a route the spec lacks', async () => {
    const lenient = standIn({ strict: false });
    const answer = await call(lenient, 'alice', 'GET', '/wiki/api/v2/no-such-thing');
    expect(answer.status).toBe(501);
    expect(answer.json.errors[0].title).toContain('GET /wiki/api/v2/no-such-thing');
    expect(lenient.violations).toHaveLength(1);
    await expect(call(standIn(), 'alice', 'GET', '/wiki/api/v2/no-such-thing')).rejects.toThrow(SpecViolationError);
  });

  it('answers 501 without complaint for a real Confluence route it does not implement', async () => {
    const answer = await call(standIn(), 'alice', 'GET', '/wiki/api/v2/blogposts');
    expect(answer.status).toBe(501);
    expect(answer.json.errors[0].title).toContain('GET /wiki/api/v2/blogposts');
  });
});

describe('spec validation', () => {
  const spec = ConfluenceSpec.load();

  it('catches a response body that does not match the spec', () => {
    const page = { id: P.installation.id, status: 'current', title: 'Installation', version: { number: 1 } };
    expect(spec.validateResponse('GET', `/wiki/api/v2/pages/${page.id}`, 200, JSON.stringify(page))).toEqual([]);
    const wrong = { ...page, status: 'published', version: { number: '1' } };
    const violations = spec.validateResponse('GET', `/wiki/api/v2/pages/${page.id}`, 200, JSON.stringify(wrong));
    expect(violations.map((v) => v.message).join()).toMatch(/\/status must be equal to one of the allowed values.*\/version\/number must be integer/);
    expect(spec.validateResponse('DELETE', `/wiki/api/v2/pages/${page.id}`, 403, '')[0]!.message).toMatch(/status 403 is not documented/);
    expect(spec.validateResponse('GET', `/wiki/api/v2/pages/${page.id}`, 404, '{"message":"nope"}')[0]!.message).toMatch(/errors/);
  });

  it('throws on a request that does not match the spec in strict mode, and answers 400 otherwise', async () => {
    await expect(call(standIn(), 'alice', 'GET', '/wiki/api/v2/spaces?limit=lots')).rejects.toThrow(/limit must be integer/);
    await expect(call(standIn(), 'alice', 'POST', '/wiki/api/v2/pages', { spaceId: Number(DOCS), title: 'T' })).rejects.toThrow(/spaceId must be string/);
    const lenient = standIn({ strict: false });
    expect((await call(lenient, 'alice', 'GET', '/wiki/api/v2/spaces?bodyFormat=storage')).status).toBe(400);
    expect(lenient.violations[0]!.message).toContain('"bodyFormat" is not in the spec');
  });

  it('answers 400 for malformed JSON and 413 for a body over 5 MB', async () => {
    const lenient = standIn({ strict: false });
    expect((await call(lenient, 'alice', 'POST', '/wiki/api/v2/pages', '{"spaceId": ')).status).toBe(400);
    expect(lenient.violations.map((v) => v.message)).toEqual(['the body is not valid JSON']);
    const huge = { spaceId: DOCS, title: 'Huge', body: storage('x'.repeat(MAX_BODY_BYTES)) };
    const tooLarge = await call(standIn(), 'alice', 'POST', '/wiki/api/v2/pages', huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.errors[0].status).toBe(413);
  });

  it('reads the scopes each call needs from the spec', () => {
    const confluence = standIn();
    expect(confluence.requiredScopes('GET', `/wiki/api/v2/pages/1?body-format=storage`)).toEqual([['read:page:confluence']]);
    expect(confluence.requiredScopes('DELETE', '/wiki/api/v2/pages/1')).toEqual([['delete:page:confluence']]);
    expect(confluence.requiredScopes('GET', '/wiki/api/v2/spaces?keys=DOCS')).toEqual([['read:space:confluence']]);
    expect(confluence.requiredScopes('GET', '/wiki/rest/api/user/current')).toEqual([['read:confluence-user'], ['read:content-details:confluence']]);
    expect(confluence.requiredScopes('GET', '/wiki/api/v2/no-such-thing')).toBeUndefined();
  });

  it('says how to regenerate the contract when it is missing', () => {
    expect(() => ConfluenceSpec.load('/nonexistent/contract.json')).toThrow(/\/nonexistent\/contract\.json.*npm run confluence-contract/s);
  });

  it('names, without describing, a real route the stand-in does not implement', () => {
    expect(spec.match('GET', '/wiki/api/v2/blogposts')).toEqual({ api: 'v2', operationId: undefined, template: '/wiki/api/v2/blogposts', pathParams: {} });
    expect(spec.validateRequest('GET', '/wiki/api/v2/blogposts', undefined).violations[0]!.message).toMatch(/npm run confluence-contract/);
  });
});

describe('fault injection', () => {
  it('fails the next calls as asked, then answers normally', async () => {
    const confluence = standIn();
    confluence.failNext({ status: 429, retryAfter: 7 });
    confluence.failNext({ status: 503, retryAfter: 2, times: 2 });
    confluence.failNext({ networkError: 'socket hang up' });
    const spaces = () => call(confluence, 'alice', 'GET', '/wiki/api/v2/spaces');
    const limited = await spaces();
    expect(limited).toMatchObject({ status: 429, headers: { 'retry-after': '7' } });
    expect(limited.json.errors[0].code).toBe('TOO_MANY_REQUESTS');
    expect((await spaces()).status).toBe(503);
    expect((await spaces()).headers['retry-after']).toBe('2');
    await expect(spaces()).rejects.toThrow(StandInNetworkError);
    expect((await spaces()).status).toBe(200);
  });

  it('fails with 500 without touching the state', async () => {
    const confluence = standIn();
    confluence.failNext({ status: 500 });
    expect((await call(confluence, 'alice', 'POST', '/wiki/api/v2/pages', { spaceId: DOCS, title: 'Lost', body: storage('') })).status).toBe(500);
    expect(await pageTitlesIn(confluence, 'alice', DOCS)).not.toContain('Lost');
  });
});

describe('persistence', () => {
  it('reports each change and resumes from a saved state', async () => {
    const saved: ConfluenceState[] = [];
    const first = standIn({ onChange: (state) => saved.push(state) });
    await call(first, 'bob', 'POST', '/wiki/api/v2/pages', { spaceId: DOCS, title: 'Kept', body: storage('') });
    await call(first, 'bob', 'GET', `/wiki/api/v2/spaces/${DOCS}/pages`);
    expect(saved).toHaveLength(1);
    const second = standIn({ state: JSON.parse(JSON.stringify(saved[0])) });
    expect(await pageTitlesIn(second, 'alice', DOCS)).toContain('Kept');
    const next = await call(second, 'bob', 'POST', '/wiki/api/v2/pages', { spaceId: DOCS, title: 'Next', body: storage('') });
    expect(next.json.id).toBe(String(SEED.firstCreatedPageId + 1));
  });
});
