/** The stand-in's comments: footer and inline lists of a page, and adding a footer comment, as Confluence answers them. */
import { SEED } from '../../emulator/confluence';
import { call, standIn } from '../support/standin-client';

const C = SEED.comments;
const P = SEED.pages;
const ids = (answer: { json: { results: Array<{ id: string }> } }) => answer.json.results.map((item) => item.id);

describe('comments in the stand-in', () => {
  it('lists a page’s footer and inline comments, with bodies in the format asked', async () => {
    const confluence = standIn();
    const footer = await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.gettingStarted.id}/footer-comments?body-format=storage`);
    expect(footer.status).toBe(200);
    expect(ids(footer)).toEqual([C.setupQuestion.id]);
    expect(footer.json.results[0]).toMatchObject({ pageId: P.gettingStarted.id, title: 'Re: Getting Started', body: { storage: { value: '<p>Does this work on Windows?</p>' } }, version: { authorId: 'bob' } });
    expect(footer.json.results[0]._links.webui).toMatch(/^\/spaces\/DOCS\/pages\/20002\/.*focusedCommentId=25021$/);
    const inline = await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.gettingStarted.id}/inline-comments?body-format=atlas_doc_format`);
    expect(ids(inline)).toEqual([C.typoNote.id]);
    expect(inline.json.results[0]).toMatchObject({ resolutionStatus: 'open', properties: { inlineOriginalSelection: 'npm ci' } });
    expect(JSON.parse(inline.json.results[0].body.atlas_doc_format.value).content[0].content[0].text).toBe('Typo here.');
    expect(ids(await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.gettingStarted.id}/inline-comments?resolution-status=resolved`))).toEqual([]);
  });

  it('hides the comments of a page the caller cannot see', async () => {
    const confluence = standIn();
    expect((await call(confluence, 'carol', 'GET', `/wiki/api/v2/pages/${P.gettingStarted.id}/footer-comments`)).status).toBe(404);
    expect((await call(confluence, 'carol', 'GET', `/wiki/api/v2/footer-comments/${C.setupQuestion.id}`)).status).toBe(404);
  });

  it('reads one footer comment by id, with its page and base', async () => {
    const confluence = standIn();
    const one = await call(confluence, 'alice', 'GET', `/wiki/api/v2/footer-comments/${C.setupQuestion.id}?body-format=storage`);
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ id: C.setupQuestion.id, pageId: P.gettingStarted.id, body: { storage: { value: '<p>Does this work on Windows?</p>' } }, _links: { base: expect.stringMatching(/\/wiki$/) } });
    expect((await call(confluence, 'alice', 'GET', `/wiki/api/v2/footer-comments/${C.typoNote.id}`)).status).toBe(404);
  });

  it('adds a footer comment to a page (201, then listed), in any write representation; refuses replies it does not model', async () => {
    const confluence = standIn();
    const added = await call(confluence, 'bob', 'POST', '/wiki/api/v2/footer-comments', { pageId: P.installation.id, body: { representation: 'wiki', value: 'Works for me' } });
    expect(added.status).toBe(201);
    expect(added.headers.location).toMatch(new RegExp(`/wiki/api/v2/footer-comments/${added.json.id}$`));
    expect(added.json).toMatchObject({ pageId: P.installation.id, body: { storage: { value: '<p>Works for me</p>' } }, version: { number: 1, authorId: 'bob' } });
    expect(ids(await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${P.installation.id}/footer-comments`))).toEqual([added.json.id]);
    expect((await call(confluence, 'carol', 'POST', '/wiki/api/v2/footer-comments', { pageId: P.installation.id, body: { representation: 'storage', value: '<p>x</p>' } })).status).toBe(404);
    // alice may read ENG, not add to it: Confluence answers 404, the only refusal its spec lists here.
    expect((await call(confluence, 'alice', 'POST', '/wiki/api/v2/footer-comments', { pageId: P.engHome.id, body: { representation: 'storage', value: '<p>x</p>' } })).status).toBe(404);
    expect((await call(confluence, 'bob', 'POST', '/wiki/api/v2/footer-comments', { pageId: P.engHome.id, body: { representation: 'storage', value: '<p>x</p>' } })).status).toBe(201);
    expect((await call(confluence, 'bob', 'POST', '/wiki/api/v2/footer-comments', { parentCommentId: C.setupQuestion.id, body: { representation: 'storage', value: '<p>x</p>' } })).status).toBe(501);
  });
});
