import type { EmulatedApp } from '../../emulator/app';
import { tokenWithValidChecksum } from '../../test/support/checksum-key';
import { gateway, issueToken, pageBody, SEED, withApp, type GatewayRequest } from './fixture';
import { MAX_REQUEST_BYTES } from '../../src/core/forge-limits';

type Outcome = 'success' | 'refusal' | 'upstream error';

interface Tokens {
  full: string;
  readOnly: string;
  revoked: string;
  bobs: string;
}

interface Scenario {
  name: string;
  outcome: Outcome;
  status: number;
  /** Runs before the counters are reset: faults to inject, pages to create. */
  prepare?: (app: EmulatedApp) => Promise<void> | void;
  request: (tokens: Tokens, created: { id: string; version: number }, app: EmulatedApp) => GatewayRequest;
}

export interface ScenarioCost {
  name: string;
  method: string;
  outcome: Outcome;
  status: number;
  reads: number;
  writes: number;
  readBytes: number;
  writeBytes: number;
}

const DOCS = SEED.spaces.DOCS;
const PAGE = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;
const bearer = (token: string) => `Bearer ${token}`;

const SCENARIOS: Scenario[] = [
  { name: 'GET /self', outcome: 'success', status: 200, request: (t) => ({ path: '/self', authorization: bearer(t.full) }) },
  { name: 'GET spaces', outcome: 'success', status: 200, request: (t) => ({ path: '/wiki/api/v2/spaces', authorization: bearer(t.full) }) },
  { name: 'GET space pages', outcome: 'success', status: 200, request: (t) => ({ path: `/wiki/api/v2/spaces/${DOCS.id}/pages`, authorization: bearer(t.full) }) },
  { name: 'GET page', outcome: 'success', status: 200, request: (t) => ({ path: PAGE, authorization: bearer(t.full), query: { 'body-format': 'storage' } }) },
  {
    name: 'POST page under a parent',
    outcome: 'success',
    status: 200,
    request: (t) => ({ method: 'POST', path: '/wiki/api/v2/pages', authorization: bearer(t.full), body: pageBody({ spaceId: DOCS.id, parentId: SEED.pages.docsHome.id, title: 'Bench child' }) }),
  },
  {
    name: 'PUT page',
    outcome: 'success',
    status: 200,
    request: (t, page) => ({ method: 'PUT', path: `/wiki/api/v2/pages/${page.id}`, authorization: bearer(t.full), body: pageBody({ id: page.id, title: 'Bench page v2', version: page.version + 1 }) }),
  },
  {
    name: 'stale version (Confluence 409)',
    outcome: 'refusal',
    status: 409,
    request: (t, page) => ({ method: 'PUT', path: `/wiki/api/v2/pages/${page.id}`, authorization: bearer(t.full), body: pageBody({ id: page.id, title: 'Stale', version: page.version }) }),
  },
  { name: 'DELETE page', outcome: 'success', status: 204, request: (t, page) => ({ method: 'DELETE', path: `/wiki/api/v2/pages/${page.id}`, authorization: bearer(t.full) }) },
  { name: 'no credentials', outcome: 'refusal', status: 401, request: () => ({ path: PAGE }) },
  { name: 'malformed token', outcome: 'refusal', status: 401, request: () => ({ path: PAGE, authorization: 'Bearer sst_oops' }) },
  {
    name: 'unknown token (valid checksum)',
    outcome: 'refusal',
    status: 401,
    request: (_t, _page, app) => ({ path: PAGE, authorization: bearer(tokenWithValidChecksum(app, { id: 'A'.repeat(12), secret: 'B'.repeat(43) })) }),
  },
  { name: 'revoked token', outcome: 'refusal', status: 401, request: (t) => ({ path: PAGE, authorization: bearer(t.revoked) }) },
  {
    name: 'operation not granted',
    outcome: 'refusal',
    status: 403,
    request: (t) => ({ method: 'POST', path: '/wiki/api/v2/pages', authorization: bearer(t.readOnly), body: pageBody({ spaceId: DOCS.id, title: 'Nope' }) }),
  },
  { name: 'space not granted (answers as a missing page)', outcome: 'refusal', status: 404, request: (t) => ({ path: `/wiki/api/v2/pages/${SEED.pages.engHome.id}`, authorization: bearer(t.full) }) },
  { name: 'purge', outcome: 'refusal', status: 403, request: (t) => ({ method: 'DELETE', path: PAGE, authorization: bearer(t.full), query: { purge: 'true' } }) },
  { name: 'restricted page (Confluence 404)', outcome: 'refusal', status: 404, request: (t) => ({ path: `/wiki/api/v2/pages/${SEED.pages.aliceNotes.id}`, authorization: bearer(t.bobs) }) },
  { name: 'unknown route', outcome: 'refusal', status: 404, request: (t) => ({ path: '/wiki/api/v2/blogposts', authorization: bearer(t.full) }) },
  { name: 'method not allowed', outcome: 'refusal', status: 405, request: (t) => ({ method: 'PATCH', path: PAGE, authorization: bearer(t.full) }) },
  { name: 'broken JSON', outcome: 'refusal', status: 400, request: (t) => ({ method: 'POST', path: '/wiki/api/v2/pages', authorization: bearer(t.full), body: '{"spaceId":' }) },
  { name: 'request over the size cap', outcome: 'refusal', status: 413, request: (t) => ({ method: 'POST', path: '/wiki/api/v2/pages', authorization: bearer(t.full), body: 'x'.repeat(MAX_REQUEST_BYTES) }) },
  { name: 'Confluence 429', outcome: 'upstream error', status: 429, prepare: (app) => app.confluence.failNext({ status: 429, retryAfter: 7 }), request: (t) => ({ path: PAGE, authorization: bearer(t.full) }) },
  { name: 'Confluence 503', outcome: 'upstream error', status: 503, prepare: (app) => app.confluence.failNext({ status: 503, retryAfter: 30 }), request: (t) => ({ path: PAGE, authorization: bearer(t.full) }) },
  { name: 'Confluence 500', outcome: 'upstream error', status: 502, prepare: (app) => app.confluence.failNext({ status: 500 }), request: (t) => ({ path: PAGE, authorization: bearer(t.full) }) },
  { name: 'Confluence unreachable', outcome: 'upstream error', status: 502, prepare: (app) => app.confluence.failNext({ networkError: 'socket hang up' }), request: (t) => ({ path: PAGE, authorization: bearer(t.full) }) },
  {
    name: 'gateway switched off',
    outcome: 'refusal',
    status: 503,
    prepare: async (app) => {
      const { policy } = (await app.invoke('siteadmin', 'getPolicy')) as { policy: Record<string, unknown> };
      await app.invoke('siteadmin', 'setPolicy', { ...policy, gatewayEnabled: false });
    },
    request: (t) => ({ path: PAGE, authorization: bearer(t.full) }),
  },
];

/**
 * The longest client details the audit event keeps, so the byte counts are upper bounds: a user agent
 * past its 256-character cut, and the longest address the edge can append (IPv4-mapped IPv6, 45 characters).
 */
const WORST_CASE_HEADERS = { 'user-agent': `bench/1.0 ${'x'.repeat(300)}`, 'x-forwarded-for': '198.51.100.4, 0000:0000:0000:0000:0000:ffff:192.168.100.228' };

/** Storage requests and written bytes of one gateway request per route and outcome, from the emulated KVS's counters. */
export function measureKvsCost(): Promise<ScenarioCost[]> {
  return withApp(async (app) => {
    const tokens: Tokens = {
      full: (await issueToken(app, 'alice')).token,
      readOnly: (await issueToken(app, 'alice', { operations: ['read'] })).token,
      revoked: (await issueToken(app, 'alice')).token,
      bobs: (await issueToken(app, 'bob', { operations: ['read'] })).token,
    };
    const revokedId = tokens.revoked.slice(4, 16);
    await app.invoke('alice', 'revokeToken', { id: revokedId });
    const created = await gateway(app, { method: 'POST', path: '/wiki/api/v2/pages', authorization: bearer(tokens.full), body: pageBody({ spaceId: DOCS.id, title: 'Bench page' }) });
    const page = { id: (JSON.parse(created.body ?? '{}') as { id: string }).id, version: 1 };

    const costs: ScenarioCost[] = [];
    for (const scenario of SCENARIOS) {
      await scenario.prepare?.(app);
      const request = scenario.request(tokens, page, app);
      app.kvs.resetCounters();
      const response = await gateway(app, { ...request, headers: { ...WORST_CASE_HEADERS, ...request.headers } });
      const counters = app.kvs.counters();
      if (response.statusCode !== scenario.status) {
        throw new Error(`${scenario.name}: expected ${scenario.status}, got ${response.statusCode} ${response.body}`);
      }
      if (scenario.name === 'PUT page') page.version += 1;
      costs.push({
        name: scenario.name,
        method: (request.method ?? 'GET').toUpperCase(),
        outcome: scenario.outcome,
        status: response.statusCode,
        reads: counters.readRequests,
        writes: counters.writeRequests,
        readBytes: counters.readBytes,
        writeBytes: counters.writtenBytes,
      });
    }
    return costs;
  });
}
