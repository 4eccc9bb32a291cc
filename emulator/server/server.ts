import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { EmulatedApp } from '../app';
import { lockDataDir } from '../durable';
import { renderHostPage, renderProblemPage, viewLinks } from './host-page';
import { sendError, sendJson, sendText } from './http-io';
import { handleAccountAction } from './accounts-route';
import { handleInvoke } from './invoke-route';
import { resolveModuleView } from './module-context';
import { handleResource } from './resource-route';
import { readSite, type Site } from './site';
import { handleScheduled, ScheduledTriggers } from './scheduled-triggers';
import { resolveInside, sendFile } from './static-files';
import { uiModules, type UiModule } from './ui-modules';
import { handleWebTrigger } from './web-trigger-route';
import { ViolationLog } from './violations';
import { isPeopleView, sendPeopleView } from './people-view';
import { handleWiki } from './wiki-route';

export interface LocalServerOptions {
  /** 8787 by default; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where state survives restarts; in memory when omitted. */
  dataDir?: string;
  /** Start again from the seed. */
  reset?: boolean;
  /** Print the app's console output. */
  echoLogs?: boolean;
  clock?: () => number;
  /** Run the manifest's scheduled triggers on their intervals (default true); POST /__local/scheduled/<key> runs one now either way. */
  runSchedules?: boolean;
  /** Enforce Forge KVS's per-minute budgets (4,000 reads, 4,000 writes); `KVS_RATE_LIMITS=1 npm start`. */
  kvsRateLimits?: boolean;
}

export interface LocalServer {
  /** e.g. `http://127.0.0.1:8787` */
  readonly url: string;
  readonly app: EmulatedApp;
  readonly site: Site;
  readonly modules: readonly UiModule[];
  /** Confluence spec violations so far, the app's and direct /wiki callers'. */
  readonly violations: ViolationLog;
  /** The URL of each web trigger, by key. */
  readonly webTriggerUrls: Readonly<Record<string, string>>;
  readonly scheduledTriggers: ScheduledTriggers;
  /** Whether Forge KVS's per-minute budgets are enforced. */
  readonly kvsRateLimits: boolean;
  close(): Promise<void>;
}

const BROWSER_ASSETS = path.join(__dirname, 'browser');

function route(server: LocalServer, request: IncomingMessage, response: ServerResponse): Promise<void> | void {
  const { app, site, modules, violations } = server;
  const url = new URL(request.url ?? '/', server.url);
  const { pathname } = url;
  if (pathname.startsWith('/x/')) return handleWebTrigger(app, request, response, url);
  if (isPeopleView(request.method, pathname)) return sendPeopleView(app.confluence.snapshot(), url, response);
  if (pathname === '/wiki' || pathname.startsWith('/wiki/')) return handleWiki(violations, site, request, response);
  if (pathname === '/__local/invoke') return handleInvoke(app, site, modules, request, response);
  if (pathname.startsWith('/__local/scheduled/')) {
    return handleScheduled(server.scheduledTriggers, request, response, decodeURIComponent(pathname.slice('/__local/scheduled/'.length)));
  }
  if (pathname === '/__local/users') return sendJson(response, 200, { users: site.users });
  if (pathname.startsWith('/__local/accounts/')) return handleAccountAction(app, site, request, response, pathname);
  if (pathname === '/__local/violations') return sendJson(response, 200, { violations: violations.list() });
  if (pathname.startsWith('/__local/assets/')) return sendFile(response, resolveInside(BROWSER_ASSETS, pathname.slice('/__local/assets/'.length)));
  if (pathname.startsWith('/resources/')) return handleResource(app, site, modules, url, response);
  if (pathname === '/') {
    const view = resolveModuleView(site, modules, url.searchParams);
    if (typeof view === 'string') {
      const instead = viewLinks(site, modules, url.searchParams.get('user') ?? undefined);
      return sendText(response, 400, renderProblemPage(view, instead), 'text/html; charset=utf-8');
    }
    const gatewayUrl = Object.values(server.webTriggerUrls)[0];
    return sendText(response, 200, renderHostPage({ site, modules, view, gatewayUrl }), 'text/html; charset=utf-8');
  }
  sendText(response, 404, `Nothing at ${pathname}. Try / (the Custom UI), /x/<web trigger>, /wiki/..., /__local/users, POST /__local/scheduled/<trigger>.`);
}

function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * The app over HTTP on one machine: web triggers under /x/, resolvers at /__local/invoke, the
 * Confluence stand-in under /wiki, and a host page for the Custom UI at /. See README.md, "Try it locally".
 */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const host = options.host ?? '127.0.0.1';
  let ready: LocalServer | undefined;
  const httpServer = http.createServer((request, response) => {
    if (!ready) return sendText(response, 503, 'Starting up; try again in a moment.');
    const server = ready;
    // Printed once the request that caused them has been answered.
    response.on('finish', () => server.violations.reportNew());
    Promise.resolve()
      .then(() => route(server, request, response))
      .catch((error: unknown) => {
        console.error(`${request.method} ${request.url} failed:`, error);
        if (!response.headersSent) sendError(response, 500, 'LOCAL_SERVER_ERROR', error instanceof Error ? error.message : String(error));
        else response.destroy();
      });
  });
  // The data folder's lock comes first: a second server on the same folder is refused naming the first,
  // before it could fail on the port both default to, and before --reset deletes anything.
  const lock = options.dataDir === undefined ? undefined : lockDataDir(options.dataDir);
  let address: AddressInfo;
  try {
    address = await listen(httpServer, options.port ?? 8787, host);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  let app: EmulatedApp;
  try {
    // Not strict: a spec violation answers as Confluence would (400, 501) and is reported, instead of
    // throwing into the request; someone poking at /wiki with odd parameters gets a clear answer.
    app = EmulatedApp.start({
      dataDirLock: lock,
      reset: options.reset,
      clock: options.clock,
      baseUrl: url,
      echoLogs: options.echoLogs,
      strictSpec: false,
      kvsRateLimits: options.kvsRateLimits,
    });
  } catch (error) {
    httpServer.close();
    lock?.release();
    throw error;
  }
  const scheduledTriggers = new ScheduledTriggers(app);
  if (options.runSchedules ?? true) scheduledTriggers.start();
  const webTriggerUrls = Object.fromEntries(app.platform.manifest.webTriggerKeys.map((key) => [key, `${url}/x/${key}`]));
  const server: LocalServer = {
    url,
    app,
    site: readSite(app.confluence),
    modules: uiModules(app.manifest.raw),
    violations: new ViolationLog(app.confluence),
    webTriggerUrls,
    scheduledTriggers,
    kvsRateLimits: options.kvsRateLimits ?? false,
    close: async () => {
      await scheduledTriggers.stop();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      app.close();
    },
  };
  ready = server;
  return server;
}
