import { MAX_REQUEST_BYTES } from '../../src/core/forge-limits';
import fc from 'fast-check';
import { EmulatedApp } from '../../emulator/app';
import { SEED, type ConfluenceState } from '../../emulator/confluence';
import { ERROR_STATUS } from '../../src/core/errors';
import { routeFamily } from '../../src/use-cases/gateway/router';
import { ROUTES } from '../../src/use-cases/gateway/routes';
import { tokenParts } from '../../src/core/token-format';
import { tokenWithValidChecksum } from '../support/checksum-key';
import { callGateway, issueToken, type RawAnswer, type RawCall } from './support';

/**
 * Property-based fuzzing of the gateway, in-process: ≥ 10,000 generated requests (methods, paths,
 * credentials, headers, parameters, bodies, with upstream failures injected now and then). The
 * stand-in is not strict here: like Confluence, it answers a client's malformed values with 400.
 */
const RUNS = 10_000;
const DAY_MS = 86_400_000;
const { DOCS, ENG, PRIV } = SEED.spaces;
const PAGE_IDS = Object.values(SEED.pages).map((page) => page.id);
const ALL = ['read', 'create', 'update', 'delete'] as const;
/** The v2 error codes Confluence itself answers with (passed through as they are). */
const CONFLUENCE_CODES = ['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'REQUEST_ENTITY_TOO_LARGE', 'TOO_MANY_REQUESTS', 'SERVICE_UNAVAILABLE', 'NOT_IMPLEMENTED'];
const STABLE_CODES = new Set([...Object.keys(ERROR_STATUS), ...CONFLUENCE_CODES]);
/** Over the gateway's request cap, under Forge's own 5 MB (beyond which the gateway never runs). */
const OVER_THE_CAP = `{"title":"${'x'.repeat(MAX_REQUEST_BYTES)}"}`;

type Fault = { status: number; retryAfter?: number } | { networkError: string };

interface Credential {
  token: string;
  spaces: string[];
  /** Whether the gateway must accept it: issued, not revoked, not expired. */
  live: boolean;
}

let app: EmulatedApp;
let credentials: Record<'aliceAll' | 'aliceRead' | 'bobWriter' | 'revoked' | 'expired', Credential>;
let before: ConfluenceState;

beforeAll(async () => {
  app = EmulatedApp.start({ strictSpec: false });
  const issue = async (accountId: string, spaceKeys: string[], operations: Array<(typeof ALL)[number]>, expiresInDays = 30) =>
    (await issueToken(app, accountId, { spaceKeys, operations, expiresInDays })).token;
  credentials = {
    aliceAll: { token: await issue('alice', ['DOCS'], [...ALL]), spaces: [DOCS.id], live: true },
    aliceRead: { token: await issue('alice', ['DOCS', 'ENG'], ['read']), spaces: [DOCS.id, ENG.id], live: true },
    bobWriter: { token: await issue('bob', ['DOCS'], ['read', 'create', 'update']), spaces: [DOCS.id], live: true },
    revoked: { token: await issue('alice', ['DOCS'], [...ALL]), spaces: [], live: false },
    expired: { token: await issue('alice', ['DOCS'], [...ALL], 1), spaces: [], live: false },
  };
  await app.invoke('alice', 'revokeToken', { id: tokenParts(credentials.revoked.token)!.id });
  // The per-token limit at its highest: this run is about answers, not throttling (gateway-flood.test.ts is).
  const { policy } = (await app.invoke('siteadmin', 'getPolicy')) as { policy: Record<string, unknown> };
  await app.invoke('siteadmin', 'setPolicy', { ...policy, maxRequestsPerMinute: 10_000, maxRequestsPerOwnerPerMinute: 10_000 });
  // Two days on for the app (it reads Date.now), so the one-day token has expired.
  const realNow = Date.now.bind(Date);
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 2 * DAY_MS);
  before = app.confluence.snapshot();
});

afterAll(() => {
  jest.restoreAllMocks();
  app.close();
});

// ---- Generators ----------------------------------------------------------------------------------

const text = (maxLength = 40) => fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength }));
const base62 = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'), minLength: length, maxLength: length });
const base64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');

const pageId = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PAGE_IDS) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom('99999', '0', '1'.repeat(20)), fc.nat().map(String)) });
const oddId = fc.oneof(
  fc.constantFrom('..', '%2e%2e', '.', '20002%2F..%2F20022', '-1', '1e3', ' 20002', '20002 ', '0x4e22', '２０００２', '20002\u0000', '1'.repeat(21), '20002;purge=true', '20002%00'),
  text(12),
);
const wellFormedPath = fc.oneof(
  fc.constant('/self'),
  fc.constant('/wiki/api/v2/spaces'),
  fc.constant('/wiki/api/v2/pages'),
  fc.constantFrom(DOCS.id, ENG.id, PRIV.id, '99999').map((id) => `/wiki/api/v2/spaces/${id}/pages`),
  pageId.map((id) => `/wiki/api/v2/pages/${id}`),
);
const traversal = fc.constantFrom(
  '/wiki/api/v2/pages/../../admin',
  `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}/../${SEED.pages.salaries.id}`,
  `/wiki/api/v2/spaces/${DOCS.id}/../${PRIV.id}/pages`,
  `/wiki/api/v2/pages/%2e%2e/${SEED.pages.salaries.id}`,
  `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}%2f..%2f${SEED.pages.salaries.id}`,
  '/../self',
  '/self/..',
  '//wiki/api/v2/pages/20002',
  '/wiki/api/v2/pages//20002',
  '/wiki/api/v2/pages/20002///',
  '/WIKI/API/V2/PAGES/20002',
  '/wiki/api/v2/pages/20002?purge=true',
  '/wiki/api/v2/pages/20002#fragment',
  '/wiki/rest/api/content/20002',
  '/wiki/api/v2/pages/20002/children',
  '/wiki/api/v2/spaces/10001/permissions',
  '\\wiki\\api\\v2\\pages\\20002',
  '/wiki/api/v2/pages/20002\u0000',
  '',
  '/',
);
const path = fc.oneof(
  { weight: 6, arbitrary: wellFormedPath },
  { weight: 2, arbitrary: traversal },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('/wiki/api/v2/pages/', '/wiki/api/v2/spaces/'), oddId, fc.constantFrom('', '/pages', '/')).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.oneof(fc.webPath(), text(60)) },
);

const method = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE') },
  { weight: 2, arbitrary: fc.constantFrom('PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'get', 'Post', 'delete') },
  { weight: 1, arbitrary: text(12) },
);

/** Methods with the routes that take them (what a real script sends), or any method on any path. */
const target = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.record({ method: fc.constant('GET'), path: wellFormedPath }),
      fc.record({ method: fc.constant('POST'), path: fc.constant('/wiki/api/v2/pages') }),
      fc.record({ method: fc.constantFrom('PUT', 'DELETE'), path: pageId.map((id) => `/wiki/api/v2/pages/${id}`) }),
    ),
  },
  { weight: 2, arbitrary: fc.record({ method, path }) },
);

function authorizations(): fc.Arbitrary<string[] | undefined> {
  const tokens = (live: boolean) => Object.values(credentials).filter((credential) => credential.live === live).map((credential) => credential.token);
  const live = fc.constantFrom(...tokens(true));
  const issued = fc.oneof({ weight: 3, arbitrary: live }, { weight: 2, arbitrary: fc.constantFrom(...tokens(false)) });
  const tampered = fc.tuple(issued, fc.nat(), base62(1)).map(([token, at, character]) => {
    const index = at % token.length;
    return token.slice(0, index) + character + token.slice(index + 1);
  });
  // A valid checksum on a forged secret (for a real id) or on an id that does not exist.
  const forged = fc.oneof(
    fc.tuple(issued, base62(43)).map(([token, secret]) => tokenWithValidChecksum(app, { id: tokenParts(token)!.id, secret })),
    fc.tuple(base62(12), base62(43)).map(([id, secret]) => tokenWithValidChecksum(app, { id, secret })),
  );
  const value = fc.oneof(
    { weight: 20, arbitrary: live.map((token) => `Bearer ${token}`) },
    { weight: 2, arbitrary: live.map((token) => `bearer   ${token}  `) },
    { weight: 3, arbitrary: fc.tuple(text(20), live).map(([user, token]) => `Basic ${base64(`${user.replace(/:/g, '')}:${token}`)}`) },
    { weight: 4, arbitrary: issued.map((token) => `Bearer ${token}`) },
    { weight: 1, arbitrary: issued.map((token) => `Basic ${base64(token)}`) },
    { weight: 3, arbitrary: tampered.map((token) => `Bearer ${token}`) },
    { weight: 2, arbitrary: forged.map((token) => `Bearer ${token}`) },
    { weight: 1, arbitrary: issued.map((token) => `Bearer ${token.slice(0, -1)}`) },
    { weight: 1, arbitrary: issued.map((token) => `Token ${token}`) },
    { weight: 1, arbitrary: text(80).map((garbage) => `Bearer ${garbage}`) },
    { weight: 1, arbitrary: text(80).map((garbage) => `Basic ${garbage}`) },
    { weight: 1, arbitrary: text(80).map((garbage) => `Basic ${base64(garbage)}`) },
    { weight: 1, arbitrary: text(80) },
    { weight: 1, arbitrary: fc.constantFrom('', 'Bearer', 'Bearer ', 'Basic', 'Basic Og==', `Bearer ${'x'.repeat(10_000)}`) },
  );
  return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 15, arbitrary: fc.array(value, { minLength: 1, maxLength: 2 }) });
}

const headerValue = fc.oneof(text(60), fc.constantFrom('application/json', 'text/plain', '203.0.113.7, 10.0.0.1', 'x'.repeat(2_000)));
const otherHeaders = fc.array(fc.tuple(fc.constantFrom('user-agent', 'x-forwarded-for', 'content-type', 'accept', 'cookie', 'x-atlassian-token'), headerValue), { maxLength: 3 });

/** Every query parameter some gateway route forwards to Confluence: the stand-in must model each (a 501 fails). */
const FORWARDED = [...new Set(ROUTES.flatMap((route) => route.query))];
const parameterName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FORWARDED) },
  fc.constantFrom('body-format', 'get-draft', 'status', 'version', 'include-labels', 'limit', 'cursor', 'keys', 'ids', 'purge', 'draft', 'depth', 'sort', 'title', 'embedded', 'private', 'root-level'),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'spaceId', 'accountId'),
  text(15),
);
const parameterValue = fc.oneof(
  { weight: 2, arbitrary: fc.constant('true') },
  { weight: 3, arbitrary: fc.constantFrom('storage', 'atlas_doc_format', 'view', 'export_view', 'false', 'TRUE', '1', '-1', '0', '250', '99999999999', '', 'DOCS,ENG,PRIV', `${DOCS.id},${PRIV.id}`) },
  { weight: 2, arbitrary: text(30) },
);
/** Mostly one value per parameter, as clients send them; sometimes repeated. */
const parameterValues = fc.oneof({ weight: 3, arbitrary: parameterValue.map((value) => [value]) }, { weight: 1, arbitrary: fc.array(parameterValue, { minLength: 2, maxLength: 3 }) });
const query = fc.array(fc.tuple(parameterName, parameterValues), { maxLength: 4 }).map((entries) => Object.fromEntries(entries));

const spaceId = fc.oneof(fc.constantFrom(DOCS.id, ENG.id, PRIV.id, '99999'), fc.integer().map(String), fc.integer(), text(10), fc.constant(null), fc.constant([DOCS.id]));
/** What a script would send to create or update a page, with the ids and versions varying. */
const plausiblePage = fc
  .record(
    {
      id: pageId,
      spaceId: fc.constantFrom(DOCS.id, DOCS.id, DOCS.id, ENG.id, PRIV.id),
      parentId: pageId,
      status: fc.constant('current'),
      title: text(60),
      body: fc.record({ representation: fc.constant('storage'), value: text(200) }),
      version: fc.record({ number: fc.integer({ min: 1, max: 3 }) }),
    },
    { requiredKeys: ['spaceId', 'status', 'title', 'body'] },
  )
  .map((page) => JSON.stringify(page));
const messyPage = fc
  .record(
    {
      id: fc.oneof(pageId, fc.integer()),
      spaceId,
      parentId: fc.oneof(pageId, spaceId),
      status: fc.oneof(fc.constantFrom('current', 'draft', 'trashed'), text(10)),
      title: text(60),
      body: fc.record({ representation: fc.oneof(fc.constantFrom('storage', 'atlas_doc_format', 'wiki'), text(10)), value: text(200) }),
      version: fc.record({ number: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constant(2 ** 53)), message: text(20) }),
    },
    { requiredKeys: [] },
  )
  .map((page) => JSON.stringify(page));
const body = fc.oneof(
  { weight: 30, arbitrary: fc.constant('') },
  { weight: 40, arbitrary: plausiblePage },
  { weight: 20, arbitrary: messyPage },
  { weight: 10, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 10, arbitrary: text(100) },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '{',
      '{"spaceId":',
      'null',
      '[]',
      '"page"',
      '1e999',
      '\uFEFF{}',
      `{"__proto__":{"polluted":true},"spaceId":"${DOCS.id}","title":"p","status":"current"}`,
      '{"constructor":{"prototype":{"polluted":true}}}',
      `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    ),
  },
  { weight: 1, arbitrary: fc.constant(OVER_THE_CAP) },
);

const fault = fc.option(fc.constantFrom<Fault>({ status: 429, retryAfter: 3 }, { status: 503, retryAfter: 30 }, { status: 500 }, { networkError: 'socket hang up' }), { freq: 10 });

// ---- Properties ------------------------------------------------------------------------------------

const header = (answer: RawAnswer, name: string) => Object.entries(answer.headers).find(([key]) => key.toLowerCase() === name)?.[1]?.[0];

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Which credential the first Authorization value carries exactly as issued (Bearer or Basic password), if any. */
function presented(authorization: string[] | undefined): Credential | undefined {
  const value = authorization?.[0]?.trim();
  if (!value) return undefined;
  const [scheme, ...rest] = value.split(/\s+/);
  let token = rest.join(' ');
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    token = decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : '';
  } else if (scheme.toLowerCase() !== 'bearer') {
    return undefined;
  }
  return Object.values(credentials).find((credential) => credential.token === token);
}

function checkAnswer(authorization: string[] | undefined, injected: Fault | null, answer: RawAnswer, path: string): void {
  const credential = presented(authorization);
  expect(app.platform.failures).toEqual([]);
  expect(header(answer, 'cache-control')).toBe('no-store');

  // No 5xx of the gateway's own: only Confluence's failures, passed through (503) or reported as 502.
  // (The stand-in's 501 for something it does not model would come back as 502 and fail here.)
  if (answer.status >= 500) {
    expect(injected).not.toBeNull();
    expect([502, 503]).toContain(answer.status);
  }
  // 429 is Confluence's, passed through, or the gateway's own per-token limit; either says when to retry.
  if (answer.status === 429) {
    const own = (parseJson(answer.body) as { errors?: Array<{ code?: string }> } | undefined)?.errors?.[0]?.code === 'RATE_LIMITED';
    if (!own) expect(injected).toEqual(expect.objectContaining({ status: 429 }));
    expect(header(answer, 'retry-after')).toMatch(/^\d+$/);
  }
  if (answer.status === 503) expect(header(answer, 'retry-after')).toMatch(/^\d+$/);

  // Nothing succeeds without a live token, and nothing it returns lies outside the token's spaces.
  if (answer.status < 400) {
    expect(credential?.live).toBe(true);
    const json = parseJson(answer.body) as { spaceId?: unknown; results?: Array<{ spaceId?: unknown; id?: unknown }> } | undefined;
    if (json?.spaceId !== undefined) expect(credential!.spaces).toContain(String(json.spaceId));
    for (const item of json?.results ?? []) {
      expect(credential!.spaces).toContain(String(item.spaceId ?? item.id));
    }
  }

  if (answer.status >= 400 && routeFamily(path) === 'v1') {
    // REST v1's envelope: Confluence's own refusals have no `code`; the gateway's carry a stable one.
    const json = parseJson(answer.body) as { statusCode?: unknown; message?: unknown; code?: unknown } | undefined;
    expect(json).toEqual(expect.objectContaining({ statusCode: answer.status, message: expect.any(String) }));
    if (json?.code !== undefined) expect(STABLE_CODES).toContain(json.code);
  } else if (answer.status >= 400) {
    const json = parseJson(answer.body) as { errors?: unknown[] } | undefined;
    expect(json).toEqual({ errors: [expect.objectContaining({ status: answer.status, code: expect.any(String), title: expect.any(String) })] });
    const [error] = json!.errors as Array<Record<string, unknown>>;
    expect(Object.keys(error).sort()).toEqual(['code', 'detail', 'status', 'title']);
    expect(STABLE_CODES).toContain(error.code);
    expect(typeof error.detail === 'string' || error.detail === null).toBe(true);
  }
  if (answer.status === 401) expect(header(answer, 'www-authenticate')).toMatch(/^Bearer realm="[^"]+"/);

  // A secret never comes back, whatever was sent.
  for (const { token } of Object.values(credentials)) expect(answer.body).not.toContain(tokenParts(token)!.secret);
}

it(`holds up against ${RUNS.toLocaleString('en-US')} generated requests`, async () => {
  let sent = 0;
  const seen = new Set<string>();
  const request = fc.record({
    target,
    authorization: authorizations(),
    otherHeaders,
    query,
    body,
    fault,
    authorizationName: fc.constantFrom('authorization', 'Authorization'),
  });
  await fc.assert(
    fc.asyncProperty(request, async (generated) => {
      const headers: Record<string, string[]> = {};
      for (const [name, value] of generated.otherHeaders) (headers[name] ??= []).push(value);
      if (generated.authorization) headers[generated.authorizationName] = generated.authorization;
      const call: RawCall = { ...generated.target, headers, query: generated.query, body: generated.body };
      if (generated.fault) app.confluence.failNext(generated.fault);
      try {
        const answer = await callGateway(app, call);
        sent += 1;
        const code = (parseJson(answer.body) as { errors?: Array<{ code?: string }> } | undefined)?.errors?.[0]?.code;
        seen.add(`${answer.status} ${code ?? ''}`.trim());
        checkAnswer(generated.authorization, generated.fault, answer, generated.target.path);
      } finally {
        app.confluence.clearFaults();
      }
    }),
    // FUZZ_SEED=<n> replays a run (fast-check prints the seed of a failing one).
    { numRuns: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
  );
  expect(sent).toBeGreaterThanOrEqual(RUNS);
  // The generators reach every kind of answer, so the checks above were exercised on each.
  const statuses = new Set([...seen.keys()].map((outcome) => Number(outcome.split(' ')[0])));
  for (const status of [200, 400, 401, 403, 404, 405, 413, 429, 502, 503]) expect(statuses).toContain(status);

  // No prototype was polluted, and spaces no token may write to are exactly as they were.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  const after = app.confluence.snapshot();
  const untouchable = Object.values(after.pages).filter((page) => page.spaceId === ENG.id || page.spaceId === PRIV.id);
  expect(untouchable).toEqual(Object.values(before.pages).filter((page) => page.spaceId === ENG.id || page.spaceId === PRIV.id));
  expect(app.confluence.violations.filter((violation) => violation.direction === 'response')).toEqual([]);
}, 120_000);
