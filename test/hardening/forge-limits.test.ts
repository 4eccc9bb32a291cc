import { FORGE_PAYLOAD_LIMIT_BYTES } from '../../emulator/platform';
import { forgeGatewayDeps } from '../../src/adapters/composition';
import { CONFLUENCE_BUDGET_MS, MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, WEB_TRIGGER_TIMEOUT_MS } from '../../src/core/forge-limits';
import { advanceSeconds, DOCS, Harness, SEED } from '../support/harness';
import { newPage } from '../../emulator/demo/new-page';

/**
 * Item 4 of issue 18: Forge's limits are the app's. A request or an answer Forge could not carry gets
 * the app's own error, never the platform's; a stalled Confluence ends the request inside 55 s.
 */
let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => {
  forgeGatewayDeps().confluenceBudgetMs = CONFLUENCE_BUDGET_MS;
  h.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the request cap counts headers and query with the body', () => {
  const body = 'x'.repeat(MAX_REQUEST_BYTES - 2_000); // under the cap alone, and well under Forge's 5 MB

  it('answers the app\'s 413 when headers push a body under 5 MB over the cap, before any storage access', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read', 'create']);
    h.app.kvs.resetCounters();
    const padded = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body, headers: { 'x-padding': 'p'.repeat(4_000) } });
    expect(padded.status).toBe(413);
    expect(padded.json.errors[0]).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(padded.json.errors[0].detail).toContain('headers');
    expect(h.app.kvs.counters()).toMatchObject({ readRequests: 0, writeRequests: 0 });
    // The same body alone passes the cap and reaches the route (which finds it is not JSON).
    const alone = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body });
    expect(alone.json.errors[0].code).toBe('INVALID_REQUEST');
  });

  it('counts the body as Forge carries it: quotes take two bytes in the JSON payload', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read', 'create']);
    const quoted = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: '"'.repeat(MAX_REQUEST_BYTES / 2 + 1_000) });
    expect(quoted.json.errors[0].code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('leaves Forge\'s own limit to the platform: over 5 MB the function never runs', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read', 'create']);
    const answer = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: 'x'.repeat(FORGE_PAYLOAD_LIMIT_BYTES) });
    expect(answer.status).toBe(413);
    expect(answer.text).toBe('Payload Too Large'); // the platform's, not the app's JSON error
  });
});

describe('the answer cap', () => {
  /** A page whose storage body is quotes: Confluence's JSON doubles them, Forge's payload doubles them again. */
  async function hugePage(): Promise<string> {
    const value = `<p>${'"'.repeat(Math.ceil(MAX_RESPONSE_BYTES / 4))}</p>`;
    const created = await h.app.confluence.handle({
      method: 'POST',
      path: '/wiki/api/v2/pages',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(newPage(DOCS.id, 'Quoted', { body: { representation: 'storage', value } })),
      identity: { kind: 'user', accountId: 'alice' },
    });
    expect(created.status).toBe(200);
    return JSON.parse(created.body).id;
  }

  it('refuses an answer Forge could not return with the app\'s clear error, never the platform\'s 500', async () => {
    const id = await hugePage();
    const { token, info } = await h.issue('alice', ['DOCS'], ['read']);
    const small = await h.gateway({ path: `/wiki/api/v2/pages/${id}`, token });
    expect(small.status).toBe(200); // without the body, the same page fits
    advanceSeconds(1);
    const answer = await h.gateway({ path: `/wiki/api/v2/pages/${id}`, token, query: { 'body-format': 'storage' } });
    expect(answer.status).toBe(502);
    expect(answer.json.errors[0]).toMatchObject({ status: 502, code: 'RESPONSE_TOO_LARGE' });
    expect(answer.json.errors[0].detail).toMatch(/over the 5,177,344 the gateway can return/);
    expect(h.app.platform.failures).toEqual([]);
    const [event] = (await h.ok('alice', 'listAudit', { tokenId: info.id })).items;
    expect(event).toMatchObject({ status: 502, outcome: 'failed', code: 'RESPONSE_TOO_LARGE' });
  });

  it('is what the platform enforces too: a handler answering over 5 MB gets Forge\'s 500', async () => {
    const big = { statusCode: 200, headers: { 'content-type': ['text/plain'] }, body: 'x'.repeat(FORGE_PAYLOAD_LIMIT_BYTES) };
    const answer = await h.app.platform.invokeWebTrigger(async () => big, { method: 'GET', path: '/x/gateway' }, 'gateway');
    expect(answer.statusCode).toBe(500);
    expect(h.app.platform.failures.map((failure) => failure.reason)).toEqual([expect.stringContaining('payload limit')]);
  });
});

describe('a deadline on every Confluence call', () => {
  it('leaves a change Confluence did not confirm in time "unconfirmed", and answers 504 without waiting for it', async () => {
    expect(CONFLUENCE_BUDGET_MS).toBeLessThan(WEB_TRIGGER_TIMEOUT_MS - 10_000); // room for the audit write and the answer
    const { token, info } = await h.issue('alice', ['DOCS'], ['read', 'create']);
    forgeGatewayDeps().confluenceBudgetMs = 100;
    h.app.platform.clearRecords();
    h.app.confluence.failNext({ stallMs: 600 });
    const answer = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'Slow') });
    const titles = () => Object.values(h.app.confluence.snapshot().pages).map((page) => page.title);
    expect(h.app.platform.productCalls.map((call) => call.method)).toEqual(['POST']); // the stalled call was the change itself
    expect(titles()).not.toContain('Slow'); // answered while Confluence was still busy
    expect(answer.status).toBe(504);
    expect(answer.json.errors[0]).toMatchObject({ status: 504, code: 'UPSTREAM_TIMEOUT' });
    const [event] = (await h.ok('alice', 'listAudit', { tokenId: info.id })).items;
    expect(event).toMatchObject({ operation: 'create', status: 504, outcome: 'unconfirmed', code: 'UPSTREAM_TIMEOUT' });
    await sleep(700);
    expect(titles()).toContain('Slow'); // Confluence made it after all: "unconfirmed" was the truth
  });

  it('marks a read that timed out as failed (nothing can have changed)', async () => {
    const { token, info } = await h.issue('alice', ['DOCS'], ['read']);
    forgeGatewayDeps().confluenceBudgetMs = 100;
    h.app.confluence.failNext({ stallMs: 400 });
    const answer = await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`, token });
    expect(answer.status).toBe(504);
    const [event] = (await h.ok('alice', 'listAudit', { tokenId: info.id })).items;
    expect(event).toMatchObject({ status: 504, outcome: 'failed', code: 'UPSTREAM_TIMEOUT' });
    await sleep(400);
  });
});
