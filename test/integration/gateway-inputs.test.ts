/**
 * Inputs Confluence accepts: the body representations its v2 API takes on a write (storage,
 * atlas_doc_format, wiki) through v1 and v2 alike, and fields a client read back from a GET and
 * sends again (`_expandable`, `_links`, `extensions`, an empty `space.key`), which Confluence ignores
 * and so does the gateway: only a real change of space or parent is a move.
 */
import { DOCS, Harness, SEED } from '../support/harness';
import { newPage } from '../../emulator/demo/new-page';

let h: Harness;
beforeEach(() => (h = new Harness()));
afterEach(() => h.close());

const stored = (id: string) => h.app.confluence.snapshot().pages[id]!;
const ALL = ['read', 'create', 'update', 'delete'] as const;

describe('body representations', () => {
  it('v1 writes take body.wiki and body.atlas_doc_format as well as body.storage, as v2 writes do', async () => {
    const { token } = await h.issue('alice', ['DOCS'], [...ALL]);
    const created = await h.gateway({ method: 'POST', path: '/wiki/rest/api/content', token, body: { type: 'page', title: 'Wiki page', space: { key: 'DOCS' }, body: { wiki: { value: 'first line\nsecond line', representation: 'wiki' } } } });
    expect(created.status).toBe(200);
    expect(stored(created.json.id).body).toEqual({ representation: 'storage', value: '<p>first line</p><p>second line</p>' });

    const adf = JSON.stringify({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'adf' }] }] });
    const updated = await h.gateway({ method: 'PUT', path: `/wiki/rest/api/content/${created.json.id}`, token, body: { type: 'page', title: 'Wiki page', version: { number: 2 }, body: { atlas_doc_format: { value: adf, representation: 'atlas_doc_format' } } } });
    expect(updated.status).toBe(200);
    expect(stored(created.json.id).body).toEqual({ representation: 'atlas_doc_format', value: adf });

    const v2 = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'v2 wiki', { body: { representation: 'wiki', value: 'from v2' } }) });
    expect(v2.status).toBe(200);
    expect(stored(v2.json.id).body).toEqual({ representation: 'storage', value: '<p>from v2</p>' });
    const nested = await h.gateway({ method: 'PUT', path: `/wiki/api/v2/pages/${v2.json.id}`, token, body: { id: v2.json.id, status: 'current', title: 'v2 wiki', version: { number: 2 }, body: { wiki: { representation: 'wiki', value: 'nested' } } } });
    expect(nested.status).toBe(200);
    expect(stored(v2.json.id).body.value).toBe('<p>nested</p>');
  });

  it('refuses, by name, a representation Confluence cannot take on a write, and changes nothing', async () => {
    const { token } = await h.issue('alice', ['DOCS'], [...ALL]);
    const before = stored(SEED.pages.installation.id);
    for (const format of ['editor', 'view']) {
      const answer = await h.gateway({ method: 'PUT', path: `/wiki/rest/api/content/${SEED.pages.installation.id}`, token, body: { type: 'page', title: 'x', version: { number: 2 }, body: { [format]: { value: '<p>x</p>', representation: format } } } });
      expect(answer.status).toBe(400);
      expect(answer.json.message).toContain(`body.${format}`);
      expect(answer.json.message).toContain('body.wiki');
    }
    expect(stored(SEED.pages.installation.id)).toEqual(before);
  });
});

describe('fields read back from a GET', () => {
  it('a v1 update carrying the page as GET gave it (empty space.key, _expandable, _links, extensions) is an edit, not a move', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read', 'update']);
    const id = SEED.pages.installation.id;
    const read = await h.gateway({ path: `/wiki/rest/api/content/${id}`, token, query: { expand: 'body.storage,version,ancestors' } });
    expect(read.status).toBe(200);
    const { _expandable, _links, ancestors } = read.json;
    const body = {
      id,
      type: 'page',
      status: 'current',
      title: 'Installation (edited)',
      space: { key: '' },
      ancestors,
      body: { storage: { value: '<p>edited</p>', representation: 'storage' }, _expandable: { editor: '', view: '' } },
      version: { number: read.json.version.number + 1 },
      extensions: { position: 'none' },
      _expandable,
      _links,
    };
    const answer = await h.gateway({ method: 'PUT', path: `/wiki/rest/api/content/${id}`, token, body });
    expect(answer.status).toBe(200);
    expect(stored(id)).toMatchObject({ title: 'Installation (edited)', spaceId: DOCS.id, parentId: SEED.pages.installation.parentId, body: { value: '<p>edited</p>' } });

    const sameSpace = await h.gateway({ method: 'PUT', path: `/wiki/rest/api/content/${id}`, token, body: { ...body, space: { key: 'DOCS' }, version: { number: read.json.version.number + 2 } } });
    expect(sameSpace.status).toBe(200);
  });

  it('a real change of space by key is still a move, and out of scope answers as a missing page', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read', 'update']);
    const id = SEED.pages.installation.id;
    const answer = await h.gateway({ method: 'PUT', path: `/wiki/rest/api/content/${id}`, token, body: { type: 'page', title: 'Moved', space: { key: 'ENG' }, version: { number: 2 } } });
    expect(answer.status).toBe(404);
    expect(stored(id).spaceId).toBe(DOCS.id);
  });

  it('a v2 update naming the page’s own space and parent, with _links read back, is an edit', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read', 'update']);
    const id = SEED.pages.installation.id;
    const read = await h.gateway({ path: `/wiki/api/v2/pages/${id}`, token, query: { 'body-format': 'storage' } });
    const { spaceId, parentId, version, _links } = read.json;
    const answer = await h.gateway({ method: 'PUT', path: `/wiki/api/v2/pages/${id}`, token, body: { id, status: 'current', title: 'Edited in v2', spaceId, parentId, version: { number: version.number + 1 }, body: { representation: 'storage', value: '<p>v2</p>' }, _links } });
    expect(answer.status).toBe(200);
    expect(stored(id)).toMatchObject({ title: 'Edited in v2', spaceId: DOCS.id, parentId: SEED.pages.installation.parentId });
  });
});
