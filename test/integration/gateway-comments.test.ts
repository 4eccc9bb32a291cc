/**
 * Comments through the gateway: a page's footer and inline comments (v2, and v1's child/comment)
 * with `read`, a new footer comment with `create`; a comment's scope is its page's.
 */
import { v1MissingPage } from '../../src/use-cases/gateway/v1-shapes';
import { Harness, SEED } from '../support/harness';

let h: Harness;
beforeEach(() => (h = new Harness()));
afterEach(() => h.close());

const P = SEED.pages;
const C = SEED.comments;
const MISSING_V2 = { errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] };
const comments = () => Object.values(h.app.confluence.snapshot().comments);
const upstream = () => h.app.platform.productCalls.length;
const storage = (value: string) => ({ representation: 'storage', value });

describe('reading comments', () => {
  it('lists the footer and inline comments of a page in scope, with bodies, in at most 2 Confluence calls', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const before = upstream();
    const footer = await h.gateway({ path: `/wiki/api/v2/pages/${P.gettingStarted.id}/footer-comments`, token, query: { 'body-format': 'storage' } });
    expect(upstream() - before).toBe(2);
    expect(footer.status).toBe(200);
    expect(footer.json.results.map((comment: { id: string }) => comment.id)).toEqual([C.setupQuestion.id]);
    expect(footer.json.results[0].body.storage.value).toBe('<p>Does this work on Windows?</p>');
    const inline = await h.gateway({ path: `/wiki/api/v2/pages/${P.gettingStarted.id}/inline-comments`, token, query: { 'resolution-status': 'open' } });
    expect(inline.json.results.map((comment: { id: string }) => comment.id)).toEqual([C.typoNote.id]);
  });

  it('answers a page outside the token’s spaces as a missing page, though its owner can read it', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']); // alice reads ENG
    for (const kind of ['footer-comments', 'inline-comments']) {
      const answer = await h.gateway({ path: `/wiki/api/v2/pages/${P.runbooks.id}/${kind}`, token });
      expect([kind, answer.status, answer.json]).toEqual([kind, 404, MISSING_V2]);
    }
    const v1 = await h.gateway({ path: `/wiki/rest/api/content/${P.runbooks.id}/child/comment`, token });
    expect([v1.status, v1.json]).toEqual([404, JSON.parse(v1MissingPage())]);
  });

  it('needs read: a create-only token may add comments but not list them', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['create']);
    expect((await h.gateway({ path: `/wiki/api/v2/pages/${P.gettingStarted.id}/footer-comments`, token })).status).toBe(403);
  });

  it('stops at the token’s page trees', async () => {
    const { token } = await h.ok('alice', 'createToken', { label: 'tree', spaceKeys: ['DOCS'], operations: ['read', 'create'], expiresInDays: 30, pageIds: [P.releaseNotes.id] });
    expect((await h.gateway({ path: `/wiki/api/v2/pages/${P.gettingStarted.id}/footer-comments`, token })).status).toBe(404);
    const added = await h.gateway({ method: 'POST', path: '/wiki/api/v2/footer-comments', token, body: { pageId: P.gettingStarted.id, body: storage('<p>no</p>') } });
    expect(added.status).toBe(404);
    expect(comments()).toHaveLength(Object.keys(C).length);
  });
});

describe('v1 child/comment', () => {
  it('lists footer then inline comments in v1’s shape, and pages through both lists by _links.next', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const all = await h.gateway({ path: `/wiki/rest/api/content/${P.gettingStarted.id}/child/comment`, token, query: { expand: 'body.storage,version' } });
    expect(all.status).toBe(200);
    expect(all.json.results).toEqual([
      expect.objectContaining({ id: C.setupQuestion.id, type: 'comment', container: expect.objectContaining({ id: P.gettingStarted.id, type: 'page' }), extensions: { location: 'footer' }, body: { storage: expect.objectContaining({ value: '<p>Does this work on Windows?</p>' }) }, version: expect.objectContaining({ number: 1 }) }),
      expect.objectContaining({ id: C.typoNote.id, type: 'comment', extensions: expect.objectContaining({ location: 'inline', resolution: { status: 'open' } }) }),
    ]);

    const seen: string[] = [];
    let path: string | undefined = `/wiki/rest/api/content/${P.gettingStarted.id}/child/comment?limit=1`;
    while (path) {
      const [route, search] = path.split('?') as [string, string];
      const before = upstream();
      const answer = await h.gateway({ path: route, token, query: Object.fromEntries(new URLSearchParams(search)) });
      expect(upstream() - before).toBeLessThanOrEqual(3);
      seen.push(...answer.json.results.map((comment: { id: string }) => comment.id));
      path = answer.json._links.next && `/wiki${answer.json._links.next}`;
    }
    expect(seen).toEqual([C.setupQuestion.id, C.typoNote.id]);

    const footerOnly = await h.gateway({ path: `/wiki/rest/api/content/${P.gettingStarted.id}/child/comment`, token, query: { location: 'footer' } });
    expect(footerOnly.json.results.map((comment: { id: string }) => comment.id)).toEqual([C.setupQuestion.id]);
  });
});

describe('adding a footer comment', () => {
  it('adds it to a page in scope as the owner, with create', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['create']);
    const added = await h.gateway({ method: 'POST', path: '/wiki/api/v2/footer-comments', token, body: { pageId: P.installation.id, body: { representation: 'wiki', value: 'Tested on Linux' } } });
    expect(added.status).toBe(201);
    const stored = comments().find((comment) => comment.id === added.json.id);
    expect(stored).toMatchObject({ pageId: P.installation.id, location: 'footer', body: { value: '<p>Tested on Linux</p>' }, version: { authorId: 'bob' } });
  });

  it('refuses it without create, outside the scope (as a missing page), and as a reply or on other content; nothing is added', async () => {
    const before = comments().length;
    const reader = await h.issue('alice', ['DOCS'], ['read', 'update']);
    expect((await h.gateway({ method: 'POST', path: '/wiki/api/v2/footer-comments', token: reader.token, body: { pageId: P.installation.id, body: storage('<p>x</p>') } })).status).toBe(403);
    const writer = await h.issue('bob', ['DOCS'], ['create']); // bob administers ENG
    const elsewhere = await h.gateway({ method: 'POST', path: '/wiki/api/v2/footer-comments', token: writer.token, body: { pageId: P.engHome.id, body: storage('<p>x</p>') } });
    expect([elsewhere.status, elsewhere.json]).toEqual([404, MISSING_V2]);
    for (const other of [{ parentCommentId: C.setupQuestion.id }, { blogPostId: '1' }, { attachmentId: SEED.attachments.setupNotes.id }, {}]) {
      const answer = await h.gateway({ method: 'POST', path: '/wiki/api/v2/footer-comments', token: writer.token, body: { ...other, body: storage('<p>x</p>') } });
      expect([other, answer.status]).toEqual([other, 400]);
    }
    expect(comments()).toHaveLength(before);
  });
});

describe('v1 comments as content', () => {
  it('adds a footer comment by POST /content with type comment and a page container, then reads it back by id', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read', 'create']);
    const added = await h.gateway({ method: 'POST', path: '/wiki/rest/api/content', token, body: { type: 'comment', container: { id: P.installation.id, type: 'page' }, body: { storage: storage('<p>v1 comment</p>') } } });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({ type: 'comment', container: { id: P.installation.id, type: 'page' }, extensions: { location: 'footer' }, body: { storage: { value: '<p>v1 comment</p>' } } });
    expect(comments().find((comment) => comment.id === added.json.id)).toMatchObject({ pageId: P.installation.id, location: 'footer', version: { authorId: 'bob' } });

    const before = upstream();
    const read = await h.gateway({ path: `/wiki/rest/api/content/${added.json.id}`, token, query: { expand: 'body.storage,version' } });
    expect(upstream() - before).toBeLessThanOrEqual(3);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id: added.json.id, type: 'comment', container: { id: P.installation.id }, body: { storage: { value: '<p>v1 comment</p>' } } });
  });

  it('reads a comment by id only when its page is in scope, and refuses replies and other containers', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read', 'create']); // bob administers ENG
    const outside = await h.gateway({ path: `/wiki/rest/api/content/${C.runbookNote.id}`, token });
    expect([outside.status, outside.json]).toEqual([404, JSON.parse(v1MissingPage())]);
    expect((await h.gateway({ path: '/wiki/rest/api/content/99999', token })).status).toBe(404);
    const before = comments().length;
    for (const write of [
      { container: { id: P.engHome.id, type: 'page' } },
      { container: { id: P.installation.id, type: 'page' }, ancestors: [{ id: C.setupQuestion.id }] },
      { container: { id: P.installation.id, type: 'blogpost' } },
      { container: {} },
    ]) {
      const answer = await h.gateway({ method: 'POST', path: '/wiki/rest/api/content', token, body: { type: 'comment', ...write, body: { storage: storage('<p>x</p>') } } });
      expect([write, answer.status]).toEqual([write, write.container.id === P.engHome.id ? 404 : 400]);
    }
    expect(comments()).toHaveLength(before);
  });
});
