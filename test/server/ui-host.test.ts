import fs from 'node:fs';
import vm from 'node:vm';
import type { LocalServer } from '../../emulator/server/server';
import { describeServer } from '../../emulator/server/banner';
import { buildMissingUi } from '../../emulator/server/ui-modules';
import { request, startServer, tempDataDir } from './http-client';

type CallBridge = (name: string, payload?: unknown) => Promise<any>;

let dataDir: string;
let server: LocalServer;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startServer(dataDir);
  // What npm start does first; a no-op when the builds are there.
  buildMissingUi(server.modules);
}, 180_000);

afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const unescapeHtml = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function iframeSrc(html: string): string {
  const src = /<iframe[^>]* src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('the host page has no iframe');
  return unescapeHtml(src);
}

/** Runs the served bridge script as the iframe would, with the context the served index.html gives it. */
async function loadBridge(resourceHtml: string): Promise<CallBridge> {
  const tag = /<script src="([^"]+)" data-context="([^"]+)"><\/script>/.exec(resourceHtml);
  if (!tag) throw new Error('index.html does not load the bridge');
  const script = await request(server, tag[1]);
  const sandbox: Record<string, unknown> = {
    document: { currentScript: { dataset: { context: unescapeHtml(tag[2]) } } },
    navigator: { language: 'en-GB' },
    location: { origin: server.url },
    fetch: (url: string, init: RequestInit) => fetch(new URL(url, server.url), init),
    Intl,
    console,
  };
  sandbox.window = sandbox;
  vm.runInNewContext(script.text, sandbox);
  return (sandbox.__bridge as { callBridge: CallBridge }).callBridge;
}

it('frames the chosen module for the chosen user, with a switcher for module, user and space', async () => {
  const host = await request(server, '/?module=api-token-usage&user=bob&space=ENG');
  expect(host.status).toBe(200);
  expect(host.headers.get('content-type')).toContain('text/html');
  expect(iframeSrc(host.text)).toBe('/resources/space-usage/?module=api-token-usage&user=bob&space=ENG');
  expect(host.text).toContain('Engineering (ENG) / Space settings / API token usage');
  for (const option of ['value="api-tokens"', 'value="api-token-policy"', 'value="carol"', 'value="DOCS"']) expect(host.text).toContain(option);

  const start = await request(server, '/');
  expect(iframeSrc(start.text)).toBe('/resources/tokens/?module=api-tokens&user=alice');
  expect((await request(server, '/?user=mallory')).status).toBe(400);
});

it('offers and opens only spaces the user can see, the first of them by default', async () => {
  const spaceOptions = (html: string) => [...(/<select name="space"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '').matchAll(/value="([^"]+)"/g)].map((match) => match[1]);
  const carol = await request(server, '/?module=api-token-usage&user=carol');
  expect(iframeSrc(carol.text)).toBe('/resources/space-usage/?module=api-token-usage&user=carol&space=PRIV');
  expect(spaceOptions(carol.text)).toEqual(['PRIV']);
  expect(spaceOptions((await request(server, '/?module=api-tokens&user=bob')).text)).toEqual(['DOCS', 'ENG']);

  const elsewhere = await request(server, '/?module=api-token-usage&user=carol&space=DOCS');
  expect(elsewhere.status).toBe(400);
  expect(elsewhere.text).toContain('Carol Chen cannot see a space DOCS: choose one of PRIV.');
  expect((await request(server, '/resources/space-usage/?module=api-token-usage&user=carol&space=DOCS')).status).toBe(400);

  // npm start's printed links too.
  const banner = describeServer(server, dataDir);
  expect(banner).toContain('/?module=api-token-usage&user=carol&space=PRIV');
  expect(banner).not.toContain('user=carol&space=DOCS');
});

it("serves the built resource with the bridge loaded before the module's own scripts", async () => {
  const host = await request(server, '/?module=api-tokens&user=alice');
  const resource = await request(server, iframeSrc(host.text));
  expect(resource.status).toBe(200);
  const bridgeAt = resource.text.indexOf('/__local/assets/iframe-bridge.js');
  const moduleAt = resource.text.indexOf('type="module"');
  expect(bridgeAt).toBeGreaterThan(0);
  expect(bridgeAt).toBeLessThan(moduleAt);

  const assets = [...resource.text.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]);
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) {
    const served = await request(server, `/resources/tokens/${asset}`);
    expect([asset, served.status]).toEqual([asset, 200]);
  }
  expect((await request(server, '/resources/tokens/..%2f..%2f..%2fpackage.json')).status).toBe(404);
});

it("answers the bridge's calls as Confluence would for that view", async () => {
  const resource = await request(server, '/resources/space-usage/?module=api-token-usage&user=alice&space=DOCS');
  const callBridge = await loadBridge(resource.text);

  const context = await callBridge('getContext');
  expect(context).toMatchObject({
    accountId: 'alice',
    moduleKey: 'api-token-usage',
    siteUrl: server.url,
    locale: 'en-GB',
    extension: { type: 'confluence:spaceSettings', space: { key: 'DOCS', id: '10001' } },
  });
  expect(typeof context.timezone).toBe('string');

  expect(await callBridge('invoke', { functionKey: 'listSpaceTokens', payload: { spaceKey: 'DOCS' } })).toEqual({ tokens: [], cursor: null, usageAsOf: null });
  const bobsView = await loadBridge((await request(server, '/resources/space-usage/?module=api-token-usage&user=bob&space=DOCS')).text);
  // A resolver's error is its return value: invoke resolves with it.
  expect(await bobsView('invoke', { functionKey: 'listSpaceTokens', payload: { spaceKey: 'DOCS' } })).toMatchObject({ error: { code: 'FORBIDDEN' } });
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await expect(callBridge('invoke', { functionKey: 'noSuchResolver', payload: {} })).rejects.toThrow("no definition for 'noSuchResolver'");
  expect(logged).toHaveBeenCalledWith(expect.stringContaining('noSuchResolver'));
  logged.mockRestore();
  await expect(callBridge('openModal', {})).rejects.toThrow("does not support the bridge call 'openModal'");
});
