import * as path from 'node:path';
import api, { asApp, asUser, route, webTrigger, ProxyRequestError } from '@forge/api';
import { kvs } from '@forge/kvs';
import { makeResolver } from '@forge/resolver';
import { createKvsEngine, type KvsEngine } from '../../emulator/kvs';
import { createForgePlatform, loadManifest, type ForgePlatform, type ScheduledTriggerRequest, type WebTriggerRequest } from '../../emulator/platform';
import { EchoProduct } from './fake-product';

const MANIFEST = path.join(__dirname, '../fixtures/emulator-manifest.yml');
const ALICE = '557058:alice';
const BOB = '557058:bob';

type Runtime = { aaid?: string } | undefined;
const currentRuntime = (): Runtime => (globalThis as { __forge_runtime__?: Runtime }).__forge_runtime__;

let product: EchoProduct;
let engine: KvsEngine;
let platform: ForgePlatform;

function setUp(manifest: string | Record<string, unknown> = MANIFEST): void {
  product = new EchoProduct();
  engine = createKvsEngine({ entities: loadManifest(manifest).entities });
  platform = createForgePlatform({
    manifest,
    kvs: engine,
    products: { confluence: product },
    webTriggerUrl: (key) => `https://site.webtrigger.example/public/${key}-id`,
  });
  platform.install();
}

afterEach(() => {
  platform.uninstall();
  engine.close();
});

async function identityOf(response: { status: number; json(): Promise<unknown> }): Promise<unknown> {
  expect(response.status).toBe(200);
  return ((await response.json()) as { identity: unknown }).identity;
}

describe('resolvers', () => {
  beforeEach(() => setUp());

  it('hand the invoking user to the resolver as context.accountId, per concurrent invocation', async () => {
    const handler = makeResolver<{ whoAmI: () => Promise<{ accountId?: string; runtimeUser?: string; proxyUser: unknown }> }>({
      whoAmI: async ({ context }) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        const response = await asUser().requestConfluence(route`/wiki/api/v2/pages/1`);
        return { accountId: context.accountId, runtimeUser: currentRuntime()?.aaid, proxyUser: await identityOf(response) };
      },
    });
    const [alice, bob] = await Promise.all([
      platform.invokeResolver(handler, { accountId: ALICE, functionKey: 'whoAmI' }),
      platform.invokeResolver(handler, { accountId: BOB, functionKey: 'whoAmI' }),
    ]);
    expect(alice).toEqual({ accountId: ALICE, runtimeUser: ALICE, proxyUser: { kind: 'user', accountId: ALICE } });
    expect(bob).toEqual({ accountId: BOB, runtimeUser: BOB, proxyUser: { kind: 'user', accountId: BOB } });
    expect(currentRuntime()).toBeUndefined();
  });

  it('pass the payload and the UI context through', async () => {
    const handler = makeResolver<{ echo: (payload: { n: number }) => { n: number; moduleKey: unknown; space: unknown } }>({
      echo: ({ payload, context }) => ({
        n: payload.n,
        moduleKey: context.moduleKey,
        space: (context.extension as { space?: unknown }).space,
      }),
    });
    const result = await platform.invokeResolver(handler, {
      accountId: ALICE,
      functionKey: 'echo',
      payload: { n: 7 },
      moduleKey: 'space-settings',
      context: { extension: { space: { key: 'DOC' } } },
    });
    expect(result).toEqual({ n: 7, moduleKey: 'space-settings', space: { key: 'DOC' } });
  });

  it('reach the product as the app, the user, or the same user named explicitly', async () => {
    const handler = makeResolver({
      calls: async () => [
        await identityOf(await asApp().requestConfluence(route`/wiki/api/v2/pages/1`)),
        await identityOf(await api.asUser().requestConfluence(route`/wiki/api/v2/pages/1`)),
        await identityOf(
          await asUser(ALICE).requestConfluence(route`/wiki/api/v2/pages/1`, { method: 'PUT', body: '{"title":"T"}' }),
        ),
      ],
    });
    const identities = await platform.invokeResolver(handler, { accountId: ALICE, functionKey: 'calls' });
    expect(identities).toEqual([{ kind: 'app' }, { kind: 'user', accountId: ALICE }, { kind: 'user', accountId: ALICE }]);
    expect(product.requests[2]).toEqual(expect.objectContaining({ method: 'PUT', body: '{"title":"T"}' }));
    expect(platform.refusals).toEqual([]);
  });

  it('refuse a call whose scope the manifest does not declare, without reaching the product', async () => {
    const handler = makeResolver({
      remove: async () => {
        const response = await asApp().requestConfluence(route`/wiki/api/v2/pages/1`, { method: 'DELETE' });
        return { status: response.status, body: await response.json() };
      },
    });
    const result = await platform.invokeResolver(handler, { accountId: ALICE, functionKey: 'remove' });
    expect(result).toEqual({ status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } });
    expect(product.requests).toEqual([]);
    expect(platform.refusals).toEqual([
      expect.objectContaining({ reason: 'missing-scope', method: 'DELETE', requiredScopes: [['delete:page:confluence']] }),
    ]);
  });

  it('refuse acting for another user with a scope that does not allow impersonation', async () => {
    const handler = makeResolver({
      actForBob: async () => {
        const read = await asUser(BOB).requestConfluence(route`/wiki/api/v2/pages/1`);
        try {
          await asUser(BOB).requestConfluence(route`/wiki/api/v2/pages/1`, { method: 'PUT', body: '{}' });
          return 'write allowed';
        } catch (error) {
          const proxyError = error as ProxyRequestError;
          return { read: await identityOf(read), writeError: [proxyError.name, proxyError.status, proxyError.errorCode] };
        }
      },
    });
    const result = await platform.invokeResolver(handler, { accountId: ALICE, functionKey: 'actForBob' });
    expect(result).toEqual({
      read: { kind: 'user', accountId: BOB },
      writeError: ['PROXY_ERR', 403, 'IMPERSONATION_NOT_ALLOWED'],
    });
    expect(product.identities()).toEqual([{ kind: 'user', accountId: BOB }]);
    expect(platform.refusals).toEqual([
      expect.objectContaining({ reason: 'impersonation-not-allowed', requestedAccountId: BOB, invokingAccountId: ALICE }),
    ]);
  });

  it('capture what the app logs during an invocation, with its module', async () => {
    const handler = makeResolver({
      noisy: () => {
        console.log('handling %s', 'noisy', { secret: 'sst_abc' });
        console.error('oops');
        return null;
      },
    });
    await platform.invokeResolver(handler, { accountId: ALICE, functionKey: 'noisy', moduleKey: 'global-page' });
    expect(platform.logs).toEqual([
      expect.objectContaining({ moduleKey: 'global-page', level: 'log', message: "handling noisy { secret: 'sst_abc' }" }),
      expect.objectContaining({ moduleKey: 'global-page', level: 'error', message: 'oops' }),
    ]);
  });
});

describe('web triggers', () => {
  beforeEach(() => setUp());

  const call = { method: 'POST', path: '/public/gateway-id/wiki/api/v2/pages', userPath: '/wiki/api/v2/pages' };

  it('receive the Forge request shape under a runtime with no user', async () => {
    let seen: { request?: WebTriggerRequest; user?: string; context?: unknown } = {};
    const response = await platform.invokeWebTrigger(
      async (request, context) => {
        seen = { request, user: currentRuntime()?.aaid, context };
        return { statusCode: 201, headers: { 'content-type': ['application/json'] }, body: '{"ok":true}' };
      },
      { ...call, headers: { authorization: ['Bearer t'] }, queryParameters: { limit: ['5'] }, body: '{}' },
    );
    expect(response).toEqual({ statusCode: 201, headers: { 'content-type': ['application/json'] }, body: '{"ok":true}' });
    expect(seen.request).toEqual({
      ...call,
      headers: { authorization: ['Bearer t'] },
      queryParameters: { limit: ['5'] },
      body: '{}',
      context: { cloudId: platform.cloudId, moduleKey: 'gateway' },
    });
    expect(seen.user).toBeUndefined();
    expect(seen.context).toEqual(expect.objectContaining({ installContext: `ari:cloud:confluence::site/${platform.cloudId}` }));
  });

  it('turn a thrown error or an invalid response into a platform 500', async () => {
    const thrown = await platform.invokeWebTrigger(() => {
      throw new Error('boom');
    }, call);
    const invalid = await platform.invokeWebTrigger(() => ({ statusCode: 200, body: { not: 'a string' } }), call);
    const headers = await platform.invokeWebTrigger(() => ({ statusCode: 200, headers: { a: 'b' } }), call);
    for (const response of [thrown, invalid, headers]) expect(response.statusCode).toBe(500);
    expect(platform.failures.map((failure) => failure.reason)).toEqual([
      'the handler threw: boom',
      'body must be a string',
      'headers must map names to lists of strings',
    ]);
  });

  it('allow impersonation only with allowImpersonation, and no asUser() without a user', async () => {
    const outcomes: unknown[] = [];
    await platform.invokeWebTrigger(async () => {
      outcomes.push(await identityOf(await asUser(ALICE).requestConfluence(route`/wiki/api/v2/pages/9`)));
      for (const attempt of [
        () => asUser(ALICE).requestConfluence(route`/wiki/api/v2/pages/9`, { method: 'PUT', body: '{}' }),
        () => asUser().requestConfluence(route`/wiki/api/v2/pages/9`),
      ]) {
        await attempt().catch((error: ProxyRequestError) => outcomes.push(error.errorCode));
      }
      return { statusCode: 204 };
    }, call);
    expect(outcomes).toEqual([{ kind: 'user', accountId: ALICE }, 'IMPERSONATION_NOT_ALLOWED', 'USER_CONTEXT_MISSING']);
    expect(platform.refusals.map((refusal) => refusal.reason)).toEqual(['impersonation-not-allowed', 'no-user']);
  });

  it('get their URL from webTrigger.getUrl for declared modules only', async () => {
    const result = await platform.invokeWebTrigger(async () => {
      const url = await webTrigger.getUrl('gateway');
      const unknown = await webTrigger.getUrl('nope').catch((error: Error) => error.message);
      return { statusCode: 200, body: JSON.stringify({ url, unknown }) };
    }, call);
    expect(JSON.parse(result.body!)).toEqual({
      url: 'https://site.webtrigger.example/public/gateway-id',
      unknown: 'Internal error occurred: Failed to get web trigger URL.',
    });
  });
});

describe('scheduled triggers', () => {
  beforeEach(() => setUp());

  it('are read from the manifest with their interval', () => {
    expect(platform.manifest.scheduledTriggers).toEqual([{ key: 'nightly', function: 'nightly-fn', interval: 'day' }]);
    expect(() => loadManifest({ modules: { scheduledTrigger: [{ key: 'x', function: 'f', interval: 'minute' }] } })).toThrow(/interval must be one of/);
  });

  it('run with the Forge request shape, no user, and storage, and answer what the function returned', async () => {
    let seen: { request?: ScheduledTriggerRequest; user?: string; moduleType?: unknown } = {};
    const run = await platform.invokeScheduledTrigger(async (request) => {
      const runtime = currentRuntime() as { aaid?: string; appContext?: { moduleType?: unknown } };
      seen = { request, user: runtime?.aaid, moduleType: runtime?.appContext?.moduleType };
      await kvs.set('last-run', 'now');
      return { statusCode: 200, body: 'done' };
    }, 'nightly');
    expect(run).toEqual({ ok: true, response: { statusCode: 200, body: 'done' } });
    expect(seen).toEqual({
      request: { context: { cloudId: platform.cloudId, moduleKey: 'nightly' }, contextToken: expect.any(String) },
      user: undefined,
      moduleType: 'scheduledTrigger',
    });
    expect(await kvs.get('last-run')).toBe('now');
  });

  it('record a throw or an answer that is not an HTTP response as a failed run', async () => {
    const thrown = await platform.invokeScheduledTrigger(() => {
      throw new Error('boom');
    }, 'nightly');
    const nothing = await platform.invokeScheduledTrigger(() => undefined, 'nightly');
    expect([thrown, nothing]).toEqual([
      { ok: false, reason: 'the handler threw: boom' },
      { ok: false, reason: 'the handler did not return an object' },
    ]);
    expect(platform.failures.map((failure) => failure.moduleKey)).toEqual(['nightly', 'nightly']);
  });
});

describe('installation', () => {
  it('removes the SDK globals on uninstall', () => {
    setUp();
    platform.uninstall();
    const globals = globalThis as { __forge_fetch__?: unknown; __forge_runtime__?: unknown };
    expect(globals.__forge_fetch__).toBeUndefined();
    expect('__forge_runtime__' in globals).toBe(false);
    platform.install();
  });

  it('refuses storage without the storage:app scope', async () => {
    setUp({ permissions: { scopes: ['read:page:confluence'] } });
    await expect(kvs.set('k', 1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(platform.refusals).toEqual([expect.objectContaining({ reason: 'missing-scope', requiredScopes: [['storage:app']] })]);
    expect(engine.dump()).toEqual([]);
  });

  it('accepts the list form of scopes, without impersonation', async () => {
    setUp({ permissions: { scopes: ['storage:app', 'read:page:confluence'] } });
    const handler = makeResolver({
      read: async () => (await asUser(BOB).requestConfluence(route`/wiki/api/v2/pages/1`)).status,
    });
    await expect(platform.invokeResolver(handler, { accountId: ALICE, functionKey: 'read' })).rejects.toMatchObject({
      errorCode: 'IMPERSONATION_NOT_ALLOWED',
    });
  });
});
