import { DOCS, Harness, SEED } from '../support/harness';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const P = SEED.pages;
/** Everything of PRIV and ENG a DOCS admin must not learn from a token that also reaches them. */
const FOREIGN = ['PRIV', SEED.spaces.PRIV.id, 'Private', P.salaries.id, 'Salaries', 'ENG', SEED.spaces.ENG.id, P.runbooks.id, 'Runbooks'];

function expectNothingForeign(answer: unknown) {
  const text = JSON.stringify(answer);
  for (const secret of FOREIGN) expect([secret, text.includes(secret)]).toEqual([secret, false]);
}

describe("a space's admins see only their space", () => {
  it('get a token’s other spaces as a count and its page trees only in their space, titled as they find them', async () => {
    // The site admin reaches all three spaces; the token is limited to one tree in each.
    const { info } = await h.ok('siteadmin', 'createToken', {
      label: 'Everywhere bot',
      spaceKeys: ['DOCS', 'ENG', 'PRIV'],
      operations: ['read'],
      expiresInDays: 30,
      pageIds: [P.releaseNotes.id, P.runbooks.id, P.salaries.id],
    });
    // Renamed in Confluence after the token was made: the view asks Confluence, as the admin, not the token.
    const { token: editor } = await h.issue('bob', ['DOCS'], ['read', 'update']);
    const renamed = { id: P.releaseNotes.id, status: 'current', title: 'Changelog', body: { representation: 'storage', value: '<p>x</p>' }, version: { number: 2 } };
    expect((await h.gateway({ method: 'PUT', path: `/wiki/api/v2/pages/${P.releaseNotes.id}`, token: editor, body: renamed })).status).toBe(200);

    const listed = await h.ok('alice', 'listSpaceTokens', { spaceKey: 'DOCS' });
    const seen = listed.tokens.find((token) => token.id === info.id)!;
    expect(seen).toMatchObject({
      spaces: [{ key: 'DOCS', id: DOCS.id }],
      otherSpaces: 2,
      pageIds: [P.releaseNotes.id],
      pages: [{ id: P.releaseNotes.id, title: 'Changelog' }],
      treesElsewhereOnly: false,
    });
    expectNothingForeign(listed);

    const { token: cut } = await h.ok('alice', 'revokeSpaceAccess', { spaceKey: 'DOCS', tokenId: info.id });
    expect(cut).toMatchObject({ spaces: [], otherSpaces: 2, pages: [], status: 'active' });
    expectNothingForeign(cut);
    // The site admin's own list still shows every space the token has left.
    const all = await h.ok('siteadmin', 'listAllTokens', {});
    expect(all.items.find((token) => token.id === info.id)!.spaces.map((space) => space.key)).toEqual(['ENG', 'PRIV']);
  });
});

describe("refusals in a space's log", () => {
  it('name the refused token’s label and owner, and nothing else of it', async () => {
    const bobs = await h.ok('bob', 'createToken', { label: 'Nightly exporter', spaceKeys: ['ENG'], operations: ['read'], expiresInDays: 30 });
    expect((await h.gateway({ path: `/wiki/api/v2/pages/${P.gettingStarted.id}`, token: bobs.token })).status).toBe(404);

    const log = await h.ok('alice', 'listAudit', { spaceKey: 'DOCS' });
    expect(log.items).toMatchObject([{ tokenId: bobs.info.id, code: 'SPACE_NOT_GRANTED' }]);
    expect(log.tokens).toEqual({ [bobs.info.id]: { label: 'Nightly exporter', owner: { accountId: 'bob', displayName: 'Bob Brown' } } });
    // The token does not reach DOCS, so DOCS's token list does not name it: only the log does.
    expect((await h.ok('alice', 'listSpaceTokens', { spaceKey: 'DOCS' })).tokens).toEqual([]);
    expectNothingForeign(log);
    // Owners' own logs need no names.
    expect(await h.ok('bob', 'listAudit', {})).not.toHaveProperty('tokens');
  });
});

describe('a token an admin cut', () => {
  it('tells its owner which space admin removed which space, and whose cut revoked it', async () => {
    const bobs = await h.issue('bob', ['DOCS', 'ENG'], ['read']);
    await h.ok('alice', 'revokeSpaceAccess', { spaceKey: 'DOCS', tokenId: bobs.info.id });
    let [own] = (await h.ok('bob', 'listTokens')).tokens;
    expect(own).toMatchObject({ status: 'active', spaces: [{ key: 'ENG' }] });
    expect(own.adminCuts).toEqual([{ by: { accountId: 'alice', displayName: 'Alice Adams' }, at: expect.any(String), spaceKey: 'DOCS', revoked: false }]);

    await h.ok('bob', 'revokeSpaceAccess', { spaceKey: 'ENG', tokenId: bobs.info.id });
    [own] = (await h.ok('bob', 'listTokens')).tokens;
    expect(own).toMatchObject({ status: 'revoked', spaces: [] });
    expect(own.adminCuts.map((cut) => [cut.by.displayName, cut.spaceKey, cut.revoked])).toEqual([
      ['Alice Adams', 'DOCS', false],
      ['Bob Brown', 'ENG', true],
    ]);
    // Site admins see every cut.
    const siteView = (await h.ok('siteadmin', 'listAllTokens', {})).items.find((token) => token.id === bobs.info.id)!;
    expect(siteView.adminCuts).toHaveLength(2);
  });

  it('tells its owner that a site admin revoked it, and who', async () => {
    const alices = await h.issue('alice', ['DOCS'], ['read']);
    await h.ok('siteadmin', 'adminRevokeToken', { id: alices.info.id });
    const [own] = (await h.ok('alice', 'listTokens')).tokens;
    expect(own).toMatchObject({ status: 'revoked', spaces: [{ key: 'DOCS' }] });
    expect(own.adminCuts).toEqual([{ by: { accountId: 'siteadmin', displayName: 'Site Admin' }, at: own.revokedAt, spaceKey: null, revoked: true }]);
    // Its owner's own revocation names nobody.
    const other = await h.issue('alice', ['DOCS'], ['read']);
    expect((await h.ok('alice', 'revokeToken', { id: other.info.id })).token.adminCuts).toEqual([]);
  });
});
