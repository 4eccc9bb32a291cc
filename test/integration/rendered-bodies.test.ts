/**
 * Rendered bodies cannot pull in content from outside the token (issue 16, item 1). Confluence, and
 * the stand-in, render macros as the reader: a DOCS page holding an Include of an ENG page shows that
 * page's text in `view`. bob administers ENG, so a DOCS-only token of his would read ENG through it.
 */
import { Harness, SEED, DOCS } from '../support/harness';
import { newPage } from '../../emulator/demo/new-page';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const P = SEED.pages;
const v2Error = (answer: { json: any }) => answer.json?.errors?.[0];
const engPage = (title: string) => `<ac:link><ri:page ri:space-key="ENG" ri:content-title="${title}"/></ac:link>`;
const macro = (name: string, parameters: Record<string, string> = {}) =>
  `<ac:structured-macro ac:name="${name}">${Object.entries(parameters).map(([key, value]) => `<ac:parameter ac:name="${key}">${value}</ac:parameter>`).join('')}</ac:structured-macro>`;

/** The macros that pull content in, each as a planted page would hold it, and what the stand-in then shows bob of ENG. */
const PULLING: Array<[string, string, string | undefined]> = [
  ['include', macro('include', { '': engPage('Architecture') }), '<p>Architecture</p>'],
  ['excerpt-include', macro('excerpt-include', { '': engPage('Architecture') }), '<p>Architecture</p>'],
  ['contentbylabel', macro('contentbylabel', { labels: 'internal', spaces: 'ENG' }), 'Runbooks'],
  ['recently-updated', macro('recently-updated', { spaces: '@all' }), 'Runbooks'],
  ['blog-posts', macro('blog-posts', { spaces: 'ENG' }), undefined],
  ['children', macro('children', { page: engPage('Engineering Home'), all: 'true' }), 'Runbooks'],
  ['pagetree', macro('pagetree', { root: engPage('Architecture') }), 'Runbooks'],
  ['tasks-report-macro', macro('tasks-report-macro', { spaces: 'ENG' }), undefined],
  ['jira', macro('jira', { key: 'ENG-1' }), 'Jira: ENG-1'],
  ['ri:page', `<p>See ${engPage('Runbooks')}</p>`, 'Runbooks'],
  ['card-appearance', `<p><a href="https://example.atlassian.net/wiki/x/abc" data-card-appearance="inline">link</a></p>`, undefined],
];

async function plant(value: string, operations: Array<'read' | 'create' | 'update'> = ['read', 'create']) {
  const { token } = await h.issue('bob', ['DOCS'], operations);
  const created = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'Planted', { body: { representation: 'storage', value } }) });
  expect(created.status).toBe(200);
  return { token, id: created.json.id as string };
}

/** Confluence itself, as bob: what the gateway would pass on if it forwarded the rendering. */
async function asBobDirectly(path: string) {
  const answer = await h.app.confluence.handle({ method: 'GET', path, headers: {}, identity: { kind: 'user', accountId: 'bob' } });
  return answer.body;
}

describe('a rendered body that pulls in other content', () => {
  it.each(PULLING)('is refused for a page holding %s; its storage is served as before', async (name, value, leaked) => {
    const { token, id } = await plant(value);
    if (leaked) expect(await asBobDirectly(`/wiki/api/v2/pages/${id}?body-format=view`)).toContain(leaked);
    for (const format of ['view', 'export_view', 'styled_view', 'anonymous_export_view', 'editor']) {
      const answer = await h.gateway({ path: `/wiki/api/v2/pages/${id}`, token, query: { 'body-format': format } });
      expect([answer.status, v2Error(answer)?.code]).toEqual([403, 'RENDERED_BODY_REFUSED']);
      expect(v2Error(answer).detail).toContain(name === 'card-appearance' ? 'link card' : name);
      expect(v2Error(answer).detail).toContain('body-format=storage');
      if (leaked) expect(answer.text).not.toContain(leaked);
    }
    const storage = await h.gateway({ path: `/wiki/api/v2/pages/${id}`, token, query: { 'body-format': 'storage' } });
    expect([storage.status, storage.json.body.storage.value]).toEqual([200, value]);
  });

  it('is refused in v1 search and content search, in v1’s envelope', async () => {
    const { token } = await plant(macro('include', { '': engPage('Architecture') }));
    const search = await h.gateway({ path: '/wiki/rest/api/search', token, query: { cql: 'title = "Planted"', expand: 'content.body.view' } });
    expect(search.json).toMatchObject({ statusCode: 403, code: 'RENDERED_BODY_REFUSED' });
    expect(search.json.message).toContain('"include"');
    const content = await h.gateway({ path: '/wiki/rest/api/content/search', token, query: { cql: 'title = "Planted"', expand: 'body.export_view' } });
    expect([content.status, content.json.code]).toEqual([403, 'RENDERED_BODY_REFUSED']);
    expect(search.text + content.text).not.toContain('<p>Architecture</p>');
  });

  it('is judged at the version rendered, not the current one', async () => {
    const { token, id } = await plant('<p>First</p>', ['read', 'create', 'update']);
    const update = newPage(DOCS.id, 'Planted', { id, body: { representation: 'storage', value: macro('include', { '': engPage('Architecture') }) }, version: { number: 2 } });
    expect((await h.gateway({ method: 'PUT', path: `/wiki/api/v2/pages/${id}`, token, body: update })).status).toBe(200);
    const old = await h.gateway({ path: `/wiki/api/v2/pages/${id}`, token, query: { 'body-format': 'view', version: '1' } });
    expect([old.status, old.json.body.view.value]).toEqual([200, '<p>First</p>']);
    const now = await h.gateway({ path: `/wiki/api/v2/pages/${id}`, token, query: { 'body-format': 'view' } });
    expect(v2Error(now)?.code).toBe('RENDERED_BODY_REFUSED');
  });

  it('is audited as a denial under the page', async () => {
    const { token, id } = await plant(macro('include', { '': engPage('Architecture') }));
    await h.gateway({ path: `/wiki/api/v2/pages/${id}`, token, query: { 'body-format': 'view' } });
    const { items } = await h.ok('bob', 'listAudit', {});
    expect(items.find((item) => item.operation === 'read')).toMatchObject({ pageId: id, code: 'RENDERED_BODY_REFUSED', outcome: 'denied' });
  });
});

describe('a rendered body of a self-contained page', () => {
  const SELF_CONTAINED = [
    macro('info', { title: 'Heads up' }).replace('</ac:structured-macro>', '<ac:rich-text-body><p>Careful</p></ac:rich-text-body></ac:structured-macro>'),
    macro('code', { language: 'sh' }).replace('</ac:structured-macro>', '<ac:plain-text-body><![CDATA[<ac:structured-macro ac:name="include"/>]]></ac:plain-text-body></ac:structured-macro>'),
    macro('toc'),
    macro('status', { title: 'DONE', colour: 'Green' }),
    '<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell><p>Left</p></ac:layout-cell><ac:layout-cell><p>Right</p></ac:layout-cell></ac:layout-section></ac:layout>',
  ].join('');

  it('is served, at one Confluence call more than the page alone', async () => {
    const { token, id } = await plant(SELF_CONTAINED);
    h.app.platform.clearRecords();
    const answer = await h.gateway({ path: `/wiki/api/v2/pages/${id}`, token, query: { 'body-format': 'view' } });
    expect(answer.status).toBe(200);
    expect(answer.json.body.view.value).toContain('Careful');
    expect(h.app.platform.productCalls).toHaveLength(2);
  });

  it('is served in v1 search, at one call more than the search', async () => {
    const { token } = await plant(SELF_CONTAINED);
    await h.gateway({ path: '/wiki/rest/api/content/search', token, query: { cql: 'title = "Planted"' } }); // the spaces' keys, resolved once
    h.app.platform.clearRecords();
    const answer = await h.gateway({ path: '/wiki/rest/api/content/search', token, query: { cql: 'title = "Planted"', expand: 'body.view' } });
    expect(answer.status).toBe(200);
    expect(answer.json.results[0].body.view.value).toContain('Left');
    expect(h.app.platform.productCalls).toHaveLength(2);
  });

  it('serves seeded pages (no macros) rendered, in v2 and v1', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read']);
    const page = await h.gateway({ path: `/wiki/api/v2/pages/${P.installation.id}`, token, query: { 'body-format': 'styled_view' } });
    expect(page.json.body.styled_view.value).toBe('<p>Installation</p>');
    const search = await h.gateway({ path: '/wiki/rest/api/search', token, query: { cql: 'label = howto', expand: 'content.body.view' } });
    expect(search.json.results.map((result: any) => result.content.body.view.value).sort()).toEqual(['<p>Getting Started</p>', '<p>Installation</p>']);
  });
});
