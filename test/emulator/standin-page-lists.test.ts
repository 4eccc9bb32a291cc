import { SEED } from '../../emulator/confluence';
import { call, standIn } from '../support/standin-client';

const DOCS = SEED.spaces.DOCS.id;
const ENG = SEED.spaces.ENG.id;
const P = SEED.pages;
const ids = (answer: { json: { results: Array<{ id: string }> } }) => answer.json.results.map((item) => item.id);

describe('GET /pages', () => {
  const confluence = standIn();

  it('lists every page the caller can view, filtered by space, id, title and status', async () => {
    const all = await call(confluence, 'bob', 'GET', '/wiki/api/v2/pages?limit=250');
    expect(ids(all)).toEqual([P.docsHome.id, P.gettingStarted.id, P.installation.id, P.releaseNotes.id, P.engHome.id, P.architecture.id, P.runbooks.id]);
    expect(ids(await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages?space-id=${ENG}`))).toEqual([P.engHome.id, P.architecture.id, P.runbooks.id]);
    expect(ids(await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages?space-id=${DOCS}&title=Installation`))).toEqual([P.installation.id]);
    expect(ids(await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages?id=${P.runbooks.id},${P.salaries.id}`))).toEqual([P.runbooks.id]);
    expect(ids(await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages?space-id=${DOCS}&status=trashed`))).toEqual([]);
  });

  it('pages with a cursor in _links.next and the Link header', async () => {
    const first = await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages?space-id=${DOCS}&limit=5`);
    expect(ids(first)).toHaveLength(5);
    expect(first.headers.link).toContain(`<${first.json._links.next}>; rel="next"`);
    const second = await call(confluence, 'alice', 'GET', first.json._links.next);
    expect(ids(second)).toEqual([P.aliceIdeas.id]);
    expect(second.json._links.next).toBeUndefined();
  });
});

describe('the page tree', () => {
  const confluence = standIn();

  it('lists children and direct children the caller can view, in sibling order', async () => {
    const children = await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.docsHome.id}/children`);
    expect(children.json.results).toEqual([
      { id: P.gettingStarted.id, status: 'current', title: 'Getting Started', spaceId: DOCS, childPosition: 0 },
      { id: P.releaseNotes.id, status: 'current', title: 'Release Notes', spaceId: DOCS, childPosition: 1 },
    ]);
    const direct = await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${P.docsHome.id}/direct-children?sort=-child-position`);
    expect(ids(direct)).toEqual([P.aliceNotes.id, P.releaseNotes.id, P.gettingStarted.id]);
    expect(direct.json.results[0]).toMatchObject({ type: 'page', spaceId: DOCS });
  });

  it('answers 404 for the direct children, descendants and ancestors of a page the caller cannot view', async () => {
    for (const relation of ['direct-children', 'descendants', 'ancestors']) {
      expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.aliceNotes.id}/${relation}`)).status).toBe(404);
    }
    // The deprecated children route documents no 404: nothing is listed.
    expect(await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.aliceNotes.id}/children`)).toMatchObject({ status: 200, json: { results: [] } });
  });

  it('lists descendants level by level, down to depth', async () => {
    const two = await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${P.docsHome.id}/descendants`);
    expect(two.json.results.map((d: { id: string; depth: number }) => [d.id, d.depth])).toEqual([
      [P.gettingStarted.id, 1], [P.releaseNotes.id, 1], [P.aliceNotes.id, 1], [P.installation.id, 2], [P.aliceIdeas.id, 2],
    ]);
    expect(ids(await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${P.docsHome.id}/descendants?depth=1&limit=2`))).toEqual([P.gettingStarted.id, P.releaseNotes.id]);
  });

  it('lists ancestors top to bottom, the nearest ones when limited', async () => {
    expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.runbooks.id}/ancestors`)).json.results).toEqual([
      { id: P.engHome.id, type: 'page' },
      { id: P.architecture.id, type: 'page' },
    ]);
    expect(ids(await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.runbooks.id}/ancestors?limit=1`))).toEqual([P.architecture.id]);
  });
});

describe('labels and attachments', () => {
  const confluence = standIn();

  it('lists a page’s labels', async () => {
    const labels = await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.gettingStarted.id}/labels`);
    expect(labels.json.results).toEqual([{ id: SEED.labels.howto.id, name: 'howto', prefix: 'global' }]);
    expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.gettingStarted.id}/labels?prefix=my`)).json.results).toEqual([]);
    expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.aliceNotes.id}/labels`)).status).toBe(404);
  });

  it('lists a page’s attachments with their size and links', async () => {
    const attachments = await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.gettingStarted.id}/attachments`);
    const notes = SEED.attachments.setupNotes;
    expect(attachments.json.results).toEqual([
      expect.objectContaining({ id: notes.id, title: notes.title, pageId: P.gettingStarted.id, mediaType: 'text/plain', fileSize: Buffer.byteLength(notes.text) }),
    ]);
    expect(attachments.json.results[0]._links.download).toMatch(/^\/download\/attachments\/20002\//);
    expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.gettingStarted.id}/attachments?filename=other.txt`)).json.results).toEqual([]);
  });
});

describe('content properties', () => {
  const path = `/wiki/api/v2/pages/${P.gettingStarted.id}/properties`;

  it('creates, reads, updates with version + 1 and deletes a property', async () => {
    const confluence = standIn();
    const created = await call(confluence, 'bob', 'POST', path, { key: 'publisher', value: { hash: 'abc' } });
    expect(created).toMatchObject({ status: 200, json: { key: 'publisher', value: { hash: 'abc' }, version: { number: 1, authorId: 'bob' } } });
    const one = `${path}/${created.json.id}`;
    expect((await call(confluence, 'alice', 'GET', `${path}?key=publisher`)).json.results).toEqual([created.json]);
    expect((await call(confluence, 'bob', 'POST', path, { key: 'publisher', value: 1 })).status).toBe(400);
    expect((await call(confluence, 'bob', 'PUT', one, { key: 'publisher', value: 2, version: { number: 1 } })).status).toBe(409);
    const updated = await call(confluence, 'bob', 'PUT', one, { key: 'publisher', value: 2, version: { number: 2 } });
    expect(updated.json).toMatchObject({ value: 2, version: { number: 2 } });
    expect((await call(confluence, 'alice', 'GET', one)).json.value).toBe(2);
    expect((await call(confluence, 'bob', 'DELETE', one)).status).toBe(204);
    expect((await call(confluence, 'alice', 'GET', one)).status).toBe(404);
  });

  it('needs the right to edit the page to change its properties, and a property of that page', async () => {
    const confluence = standIn();
    expect((await call(confluence, 'alice', 'POST', `/wiki/api/v2/pages/${P.engHome.id}/properties`, { key: 'k', value: 1 })).status).toBe(404);
    const created = await call(confluence, 'bob', 'POST', `/wiki/api/v2/pages/${P.engHome.id}/properties`, { key: 'k', value: 1 });
    expect((await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${P.engHome.id}/properties/${created.json.id}`)).status).toBe(200);
    expect((await call(confluence, 'alice', 'DELETE', `/wiki/api/v2/pages/${P.engHome.id}/properties/${created.json.id}`)).status).toBe(404);
    expect((await call(confluence, 'bob', 'GET', `${path}/${created.json.id}`)).status).toBe(404);
  });
});
