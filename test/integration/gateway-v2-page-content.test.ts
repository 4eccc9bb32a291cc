import { Harness, SEED } from '../support/harness';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const P = SEED.pages;
const errorCode = (answer: { json: any }) => answer.json?.errors?.[0]?.code;
const propertiesIn = () => Object.values(h.app.confluence.snapshot().properties);

describe('labels and attachments of a page', () => {
  it('lists them for a page in scope', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read']);
    const labels = await h.gateway({ path: `/wiki/api/v2/pages/${P.gettingStarted.id}/labels`, token });
    expect(labels.json.results).toEqual([{ id: SEED.labels.howto.id, name: 'howto', prefix: 'global' }]);
    const attachments = await h.gateway({ path: `/wiki/api/v2/pages/${P.gettingStarted.id}/attachments`, token, query: { filename: 'setup-notes.txt' } });
    expect(attachments.json.results).toMatchObject([{ id: SEED.attachments.setupNotes.id, title: 'setup-notes.txt', pageId: P.gettingStarted.id }]);
  });

  it.each(['labels', 'attachments'])('refuses the %s of a page in another space', async (what) => {
    const { token } = await h.issue('bob', ['DOCS'], ['read']); // bob administers ENG
    const answer = await h.gateway({ path: `/wiki/api/v2/pages/${P.runbooks.id}/${what}`, token });
    expect([answer.status, errorCode(answer)]).toEqual([404, 'NOT_FOUND']); // outside the scope answers as a missing page
    expect(answer.text).not.toMatch(/internal|restart\.sh/);
  });
});

describe('content properties of a page', () => {
  const properties = `/wiki/api/v2/pages/${P.gettingStarted.id}/properties`;

  it('creates, reads, updates and deletes a property as the owner, as publishing tools keep their state', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read', 'update']);
    const created = await h.gateway({ method: 'POST', path: properties, token, body: { key: 'publisher', value: { sha: 'abc' } } });
    expect(created.json).toMatchObject({ key: 'publisher', value: { sha: 'abc' }, version: { number: 1, authorId: 'bob' } });
    const one = `${properties}/${created.json.id}`;
    expect((await h.gateway({ path: properties, token, query: { key: 'publisher' } })).json.results).toEqual([created.json]);
    const updated = await h.gateway({ method: 'PUT', path: one, token, body: { key: 'publisher', value: { sha: 'def' }, version: { number: 2 } } });
    expect(updated.json.version.number).toBe(2);
    expect(propertiesIn()).toMatchObject([{ pageId: P.gettingStarted.id, key: 'publisher', value: { sha: 'def' } }]);
    const stale = await h.gateway({ method: 'PUT', path: one, token, body: { key: 'publisher', value: 1, version: { number: 2 } } });
    expect(stale.status).toBe(409);
    expect((await h.gateway({ path: one, token })).json.value).toEqual({ sha: 'def' });
    expect((await h.gateway({ method: 'DELETE', path: one, token })).status).toBe(204);
    expect(propertiesIn()).toEqual([]);
    const { items } = await h.ok('bob', 'listAudit', {});
    expect(items).toHaveLength(6);
    expect(items.every((item) => item.pageId === P.gettingStarted.id && item.spaceKey === 'DOCS')).toBe(true);
    const byMethod = items.map((item) => `${item.method} ${item.operation}`).sort();
    expect(byMethod).toEqual(['DELETE update', 'GET read', 'GET read', 'POST update', 'PUT update', 'PUT update']);
  });

  it('needs the update operation to change a property', async () => {
    const writer = await h.issue('bob', ['DOCS'], ['read', 'update']);
    const created = await h.gateway({ method: 'POST', path: properties, token: writer.token, body: { key: 'k', value: 1 } });
    const reader = await h.issue('bob', ['DOCS'], ['read', 'create']);
    const one = `${properties}/${created.json.id}`;
    for (const [method, path, body] of [['POST', properties, { key: 'other', value: 2 }], ['PUT', one, { key: 'k', value: 2, version: { number: 2 } }], ['DELETE', one, undefined]] as const) {
      const refused = await h.gateway({ method, path, token: reader.token, body });
      expect([method, refused.status, errorCode(refused)]).toEqual([method, 403, 'OPERATION_NOT_GRANTED']);
    }
    expect(propertiesIn()).toMatchObject([{ key: 'k', value: 1, version: { number: 1 } }]);
  });

  it('refuses properties of a page in another space, and a property reached through a page it does not belong to', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read', 'update']);
    const engProperties = `/wiki/api/v2/pages/${P.runbooks.id}/properties`;
    for (const method of ['GET', 'POST'] as const) {
      const refused = await h.gateway({ method, path: engProperties, token, body: method === 'POST' ? { key: 'k', value: 1 } : undefined });
      expect([refused.status, errorCode(refused)]).toEqual([404, 'NOT_FOUND']); // outside the scope answers as a missing page
    }
    expect(propertiesIn()).toEqual([]);
    const engToken = await h.issue('bob', ['ENG'], ['read', 'update']);
    const engProperty = await h.gateway({ method: 'POST', path: engProperties, token: engToken.token, body: { key: 'secret', value: 'eng only' } });
    const sideways = await h.gateway({ path: `${properties}/${engProperty.json.id}`, token });
    expect(sideways.status).toBe(404);
    expect(sideways.text).not.toContain('eng only');
  });

  it('answers 400 for a body that is not a JSON object, without calling Confluence', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read', 'update']);
    h.app.platform.clearRecords();
    const answer = await h.gateway({ method: 'POST', path: properties, token, body: '[1]' });
    expect([answer.status, errorCode(answer)]).toEqual([400, 'INVALID_REQUEST']);
    expect(h.app.platform.productCalls).toEqual([]);
  });
});
