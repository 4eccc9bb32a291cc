/** The stand-in's REST v1 content routes: labels, CQL search and attachment upload, as Confluence answers them. */
import { SEED } from '../../emulator/confluence';
import { call, standIn } from '../support/standin-client';

const P = SEED.pages;
const search = (cql: string, extra = '') => `/wiki/rest/api/content/search?cql=${encodeURIComponent(cql)}${extra}`;
const titles = (answer: { json: { results: Array<{ title: string }> } }) => answer.json.results.map((page) => page.title);

describe('labels (v1)', () => {
  const confluence = standIn();

  it('adds labels once each, site-wide, and removes them by query or path', async () => {
    const added = await call(confluence, 'alice', 'POST', `/wiki/rest/api/content/${P.releaseNotes.id}/label`, [{ prefix: 'global', name: 'howto' }, { prefix: 'global', name: 'new' }]);
    expect(added.json.results.map((label: { name: string; id: string }) => [label.name, label.id])).toEqual([['howto', SEED.labels.howto.id], ['new', expect.any(String)]]);
    await call(confluence, 'alice', 'POST', `/wiki/rest/api/content/${P.releaseNotes.id}/label`, { prefix: 'global', name: 'new' });
    expect(confluence.snapshot().pages[P.releaseNotes.id].labelIds).toHaveLength(2);
    expect((await call(confluence, 'alice', 'DELETE', `/wiki/rest/api/content/${P.releaseNotes.id}/label?name=new`)).status).toBe(204);
    expect((await call(confluence, 'alice', 'DELETE', `/wiki/rest/api/content/${P.releaseNotes.id}/label/howto`)).status).toBe(204);
    expect((await call(confluence, 'alice', 'DELETE', `/wiki/rest/api/content/${P.releaseNotes.id}/label/howto`)).status).toBe(404);
  });

  it('refuses label names with spaces or punctuation, and writers without edit rights', async () => {
    expect((await call(confluence, 'alice', 'POST', `/wiki/rest/api/content/${P.releaseNotes.id}/label`, [{ prefix: 'global', name: 'two words' }])).status).toBe(400);
    expect((await call(confluence, 'alice', 'POST', `/wiki/rest/api/content/${P.engHome.id}/label`, [{ prefix: 'global', name: 'x' }])).status).toBe(404); // alice only reads ENG
  });
});

describe('CQL search (v1)', () => {
  const confluence = standIn();

  it('answers the subset it models, as the caller sees pages', async () => {
    expect(titles(await call(confluence, 'alice', 'GET', search('space = DOCS AND label = howto ORDER BY title DESC')))).toEqual(['Installation', 'Getting Started']);
    expect(titles(await call(confluence, 'bob', 'GET', search('space in (DOCS, ENG) AND NOT ancestor = 20001 ORDER BY id')))).toEqual(['Documentation Home', 'Engineering Home', 'Architecture', 'Runbooks']);
    expect(titles(await call(confluence, 'bob', 'GET', search('title ~ "notes"')))).toEqual(['Release Notes']); // not Alice's restricted page
  });

  it('answers 400 for a query it cannot parse or a field it does not model', async () => {
    for (const cql of ['space = DOCS) OR (space = ENG', '(space = DOCS', 'creator = currentUser()', 'title ~ "x']) {
      expect((await call(confluence, 'alice', 'GET', search(cql))).status).toBe(400);
    }
  });

  it('pages with a cursor in _links.next, relative to the base', async () => {
    const first = await call(confluence, 'alice', 'GET', search('space = DOCS', '&limit=4'));
    expect(first.json.size).toBe(4);
    const second = await call(confluence, 'alice', 'GET', `/wiki${first.json._links.next}`);
    expect(second.json.size).toBe(2);
    expect(second.json._links.next).toBeUndefined();
  });
});

describe('attachment upload (v1)', () => {
  const confluence = standIn();
  const form = (name: string, text: string) => {
    const body = new FormData();
    body.append('file', new Blob([text], { type: 'text/plain' }), name);
    return new Request('http://x', { method: 'POST', body });
  };
  const upload = async (method: string, request: Request, headers: Record<string, string> = { 'x-atlassian-token': 'no-check' }) =>
    confluence.handle({ method, path: `/wiki/rest/api/content/${P.releaseNotes.id}/child/attachment`, headers: { 'content-type': request.headers.get('content-type')!, ...headers }, body: await request.text(), identity: { kind: 'user', accountId: 'alice' } });

  it('needs the XSRF header, stores the bytes, refuses a second POST of a name and versions with PUT', async () => {
    expect((await upload('POST', form('a.txt', 'one'), {})).status).toBe(403);
    expect((await upload('POST', form('a.txt', 'one ✓'))).status).toBe(200);
    expect((await upload('POST', form('a.txt', 'two'))).status).toBe(400);
    expect((await upload('PUT', form('a.txt', 'two'))).status).toBe(200);
    const [stored] = Object.values(confluence.snapshot().attachments).filter((attachment) => attachment.pageId === P.releaseNotes.id);
    expect(stored).toMatchObject({ title: 'a.txt', version: { number: 2 } });
    expect(Buffer.from(stored!.data, 'base64').toString('utf8')).toBe('two');
    expect(confluence.violations).toEqual([]);
  });
});
