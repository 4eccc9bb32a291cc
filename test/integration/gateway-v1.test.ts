import { v1MissingPage } from '../../src/use-cases/gateway/v1-shapes';
import { DOCS, ENG, Harness, SEED } from '../support/harness';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const ALL = ['read', 'create', 'update', 'delete'] as const;
const labelsOf = (pageId: string) => {
  const state = h.app.confluence.snapshot();
  return state.pages[pageId]!.labelIds.map((id) => state.labels[id]!.name);
};

/** A refusal in v1's envelope that no client can mistake for the page it asked for. */
function expectV1Refusal(answer: { status: number; json: any }, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.json).toMatchObject({ statusCode: status, code, message: expect.any(String), data: { successful: false } });
  expect(answer.json.title).toMatch(new RegExp(`^NOT DONE: ${status} ${code}\\.`));
  for (const pageField of ['id', 'type', 'space', 'version', 'results', 'errors']) expect(answer.json).not.toHaveProperty(pageField);
}

/** Out of scope answers exactly as a page that does not exist (status, type and bytes). */
function expectMissing(answer: { status: number; text: string; headers: Record<string, string[]> }) {
  expect(answer.status).toBe(404);
  expect(answer.text).toBe(v1MissingPage());
  expect(answer.headers['Content-Type']).toEqual(['application/json;charset=UTF-8']);
}

describe('GET user/current', () => {
  it.each(['/wiki/rest/api/user/current', '/rest/api/user/current', '/api/user/current'])('answers the owner’s profile at %s, whatever operation the token has', async (path) => {
    const { token } = await h.issue('bob', ['DOCS'], ['create']);
    const answer = await h.gateway({ path, token });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ type: 'known', accountId: 'bob', displayName: 'Bob Brown' });
  });

  it('refuses a bad token in v1’s error shape', async () => {
    const answer = await h.gateway({ path: '/wiki/rest/api/user/current', authorization: 'Bearer nope' });
    expectV1Refusal(answer, 401, 'INVALID_TOKEN');
  });
});

describe('labels', () => {
  it('adds and removes labels on a page in scope', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['update']);
    const path = `/wiki/rest/api/content/${SEED.pages.releaseNotes.id}/label`;
    const added = await h.gateway({ method: 'POST', path, token, body: [{ prefix: 'global', name: 'howto' }, { prefix: 'global', name: 'draft' }] });
    expect(added.status).toBe(200);
    expect(labelsOf(SEED.pages.releaseNotes.id)).toEqual(['howto', 'draft']);
    expect((await h.gateway({ method: 'DELETE', path, token, query: { name: 'draft' } })).status).toBe(204);
    expect((await h.gateway({ method: 'DELETE', path: `${path}/howto`, token })).status).toBe(204);
    expect(labelsOf(SEED.pages.releaseNotes.id)).toEqual([]);
  });

  it('refuses labels on a page in another space, and without the update operation', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read', 'update']); // bob administers ENG
    const eng = `/wiki/rest/api/content/${SEED.pages.engHome.id}/label`;
    expectMissing(await h.gateway({ method: 'POST', path: eng, token, body: { prefix: 'global', name: 'x' } }));
    expectMissing(await h.gateway({ method: 'DELETE', path: `${eng}/x`, token }));
    const readOnly = await h.issue('alice', ['DOCS'], ['read']);
    const docs = `/wiki/rest/api/content/${SEED.pages.releaseNotes.id}/label`;
    expectV1Refusal(await h.gateway({ method: 'POST', path: docs, token: readOnly.token, body: [{ name: 'x' }] }), 403, 'OPERATION_NOT_GRANTED');
    expect(labelsOf(SEED.pages.engHome.id)).toEqual([]);
    expect(labelsOf(SEED.pages.releaseNotes.id)).toEqual([]);
  });

  it('passes nothing but label names and prefixes upstream', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['update']);
    const path = `/wiki/rest/api/content/${SEED.pages.releaseNotes.id}/label`;
    expectV1Refusal(await h.gateway({ method: 'POST', path, token, body: [{ prefix: 'global' }] }), 400, 'INVALID_REQUEST');
    expectV1Refusal(await h.gateway({ method: 'POST', path, token, body: 'not json' }), 400, 'INVALID_REQUEST');
  });
});

describe('attachments', () => {
  const multipart = (name: string, content: string) => {
    const boundary = 'gatewayTestBoundary42';
    const body = [`--${boundary}`, `Content-Disposition: form-data; name="file"; filename="${name}"`, 'Content-Type: text/plain', '', content, `--${boundary}`, 'Content-Disposition: form-data; name="minorEdit"', '', 'true', `--${boundary}--`, ''].join('\r\n');
    return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-atlassian-token': 'no-check' } };
  };
  const attachments = () => Object.values(h.app.confluence.snapshot().attachments).filter((a) => a.pageId !== SEED.attachments.setupNotes.pageId && a.pageId !== SEED.attachments.restartScript.pageId).map((a) => ({ ...a, data: Buffer.from(a.data, 'base64').toString('utf8') }));

  it('forwards a text file byte for byte, and replaces it with PUT', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['update']);
    const path = `/wiki/rest/api/content/${SEED.pages.releaseNotes.id}/child/attachment`;
    const text = 'line one\nunicode: ✓ é 漢字\n';
    const created = await h.gateway({ method: 'POST', path, token, ...multipart('notes.txt', text) });
    expect(created.status).toBe(200);
    expect(created.json.results[0]).toMatchObject({ type: 'attachment', title: 'notes.txt' });
    expect(attachments()).toMatchObject([{ pageId: SEED.pages.releaseNotes.id, title: 'notes.txt', data: text, mediaType: 'text/plain' }]);
    const replaced = await h.gateway({ method: 'PUT', path, token, ...multipart('notes.txt', 'v2') });
    expect(replaced.status).toBe(200);
    expect(attachments()).toMatchObject([{ title: 'notes.txt', data: 'v2', version: { number: 2 } }]);
  });

  it('needs update: adding a file changes an existing page, which a create-only token may not', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read', 'create']);
    const answer = await h.gateway({ method: 'POST', path: `/wiki/rest/api/content/${SEED.pages.releaseNotes.id}/child/attachment`, token, ...multipart('notes.txt', 'x') });
    expectV1Refusal(answer, 403, 'OPERATION_NOT_GRANTED');
    expect(attachments()).toEqual([]);
  });

  it('refuses a file whose bytes did not survive as text, storing nothing', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['update']);
    // What Forge hands the function for a PNG: invalid UTF-8 decoded to U+FFFD.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]).toString('utf8');
    const answer = await h.gateway({ method: 'POST', path: `/wiki/rest/api/content/${SEED.pages.releaseNotes.id}/child/attachment`, token, ...multipart('logo.png', png) });
    expectV1Refusal(answer, 415, 'BINARY_UPLOAD_UNSUPPORTED');
    expect(attachments()).toEqual([]);
  });

  it('refuses uploads to a page out of scope and bodies that are not multipart', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['update']);
    const eng = await h.gateway({ method: 'POST', path: `/wiki/rest/api/content/${SEED.pages.engHome.id}/child/attachment`, token, ...multipart('x.txt', 'x') });
    expectMissing(eng);
    const json = await h.gateway({ method: 'POST', path: `/wiki/rest/api/content/${SEED.pages.releaseNotes.id}/child/attachment`, token, body: { file: 'x' } });
    expectV1Refusal(json, 400, 'INVALID_REQUEST');
    expect(attachments()).toEqual([]);
  });
});

describe('the v1 error shape', () => {
  it('answers a page out of scope exactly as a page that does not exist', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['update']); // alice may read ENG
    const label = (id: string) => h.gateway({ method: 'POST', path: `/wiki/rest/api/content/${id}/label`, token, body: [{ name: 'x' }] });
    const [outside, missing] = [await label(SEED.pages.engHome.id), await label('99999')];
    expectMissing(outside);
    expectMissing(missing);
  });

  it('answers unknown v1 routes and methods in v1’s envelope, v2 ones in v2’s', async () => {
    const { token } = await h.issue('alice', ['DOCS'], [...ALL]);
    expectV1Refusal(await h.gateway({ path: '/wiki/rest/api/group', token }), 404, 'NOT_FOUND');
    expectV1Refusal(await h.gateway({ method: 'PATCH', path: '/wiki/rest/api/search', token }), 405, 'METHOD_NOT_ALLOWED');
    const v2 = await h.gateway({ path: '/wiki/api/v2/blogposts', token });
    expect(v2.json.errors[0].code).toBe('NOT_FOUND');
  });
});

export { DOCS, ENG };
