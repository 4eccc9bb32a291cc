import path from 'node:path';
import { ConfluenceStandIn, type ConfluenceState } from './confluence';
import { lockDataDir, readJson, writeJsonAtomic, type DataDirLock } from './durable';
import { createKvsEngine, createMemoryBackend, FORGE_KVS_RATE_LIMITS, openDirectoryBackend, type KvsEngine } from './kvs';
import {
  createForgePlatform,
  loadManifest,
  type ForgePlatform,
  type ResolverHandler,
  type ScheduledRun,
  type ScheduledTriggerHandler,
  type WebTriggerCall,
  type WebTriggerHandler,
  type WebTriggerResponse,
} from './platform';

/** The repository root: manifest.yml and src/ are found from here. */
export const APP_ROOT = path.resolve(__dirname, '..');

export interface EmulatedAppOptions {
  /** Where state survives restarts; in memory when omitted. */
  dataDir?: string;
  /** Start again from the seed (after taking the data folder's lock: a running server is never wiped). */
  reset?: boolean;
  /** The data folder's lock, if the caller took it already (the local server does, before it listens). */
  dataDirLock?: DataDirLock;
  /** Epoch milliseconds, for the platform (KVS TTL) and the Confluence stand-in alike. */
  clock?: () => number;
  /** `webTrigger.getUrl(key)` answers `${baseUrl}/x/${key}`. */
  baseUrl?: string;
  echoLogs?: boolean;
  /** Throw on any request or response that departs from Confluence's OpenAPI specs (default true). */
  strictSpec?: boolean;
  /** Enforce Forge KVS's per-minute budgets (4,000 reads, 4,000 writes); off by default so tests that flood on purpose opt in. */
  kvsRateLimits?: boolean;
}

export interface InvokeOptions {
  moduleKey?: string;
  /** Module context the host passes, e.g. `{space: {key, id}}` for a space settings page. */
  extension?: Record<string, unknown>;
}

type Manifest = ReturnType<typeof loadManifest>;
type Module = { key?: string; function?: string; resolver?: { function?: string } };

function modules(manifest: Manifest): Module[] {
  const all = (manifest.raw.modules ?? {}) as Record<string, unknown>;
  return Object.values(all).flatMap((list) => (Array.isArray(list) ? (list as Module[]) : []));
}

/** `handler: index.gatewayHandler` → the export `gatewayHandler` of src/index.ts, as Forge resolves it. */
function loadHandler(manifest: Manifest, functionKey: string): unknown {
  const definition = modules(manifest).find((module) => module.key === functionKey && 'handler' in module) as
    | { handler: string }
    | undefined;
  if (!definition) throw new Error(`manifest.yml declares no function ${functionKey}`);
  const [file, exportName] = definition.handler.split('.');
  // The production source itself, loaded as Forge loads the bundle built from it.
  const loaded = require(path.join(APP_ROOT, 'src', file)) as Record<string, unknown>;
  if (typeof loaded[exportName] !== 'function') throw new Error(`src/${file} does not export ${exportName}`);
  return loaded[exportName];
}

/**
 * The whole app on one machine: the production handlers named in manifest.yml, run by the real Forge
 * SDKs over the emulated platform (KVS, product proxy) and the Confluence stand-in. Tests and the
 * local server both use this.
 */
export class EmulatedApp {
  private constructor(
    readonly manifest: Manifest,
    readonly platform: ForgePlatform,
    readonly kvs: KvsEngine,
    readonly confluence: ConfluenceStandIn,
    readonly baseUrl: string,
    private readonly dataDirLock: DataDirLock | undefined,
  ) {}

  static start(options: EmulatedAppOptions = {}): EmulatedApp {
    const clock = options.clock ?? Date.now;
    const baseUrl = (options.baseUrl ?? 'http://127.0.0.1:8787').replace(/\/$/, '');
    const lock = options.dataDirLock ?? (options.dataDir === undefined ? undefined : lockDataDir(options.dataDir));
    try {
      return EmulatedApp.open(options, lock, clock, baseUrl);
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  private static open(options: EmulatedAppOptions, lock: DataDirLock | undefined, clock: () => number, baseUrl: string): EmulatedApp {
    const manifest = loadManifest(path.join(APP_ROOT, 'manifest.yml'));
    const dataDir = lock?.dir;
    if (lock && options.reset) lock.reset();

    const confluenceFile = dataDir && path.join(dataDir, 'confluence.json');
    const confluence = new ConfluenceStandIn({
      clock: () => new Date(clock()),
      strict: options.strictSpec ?? true,
      siteUrl: baseUrl,
      state: confluenceFile ? readJson<ConfluenceState>(confluenceFile) : undefined,
      onChange: confluenceFile ? (state) => writeJsonAtomic(confluenceFile, state) : undefined,
    });
    const kvs = createKvsEngine({
      backend: dataDir ? openDirectoryBackend(dataDir) : createMemoryBackend(),
      entities: manifest.entities,
      clock,
      rateLimits: options.kvsRateLimits ? FORGE_KVS_RATE_LIMITS : undefined,
    });
    const platform = createForgePlatform({
      manifest: manifest.raw,
      kvs,
      products: { confluence },
      webTriggerUrl: (key) => `${baseUrl}/x/${key}`,
      echoLogs: options.echoLogs,
    });
    platform.install();
    return new EmulatedApp(manifest, platform, kvs, confluence, baseUrl, lock);
  }

  /** The resolver function behind a UI module (any module's when none is named). */
  private resolverFor(moduleKey: string | undefined): ResolverHandler {
    const withResolver = modules(this.manifest).filter((module) => module.resolver?.function);
    const module = moduleKey ? withResolver.find((candidate) => candidate.key === moduleKey) : withResolver[0];
    const functionKey = module?.resolver?.function ?? (moduleKey ? undefined : 'resolver-fn');
    if (!functionKey) throw new Error(`manifest.yml has no module ${moduleKey} with a resolver`);
    return loadHandler(this.manifest, functionKey) as ResolverHandler;
  }

  /** Calls a resolver as `accountId`, as the Custom UI's `invoke(key, payload)` would. */
  invoke(accountId: string, key: string, payload: unknown = {}, options: InvokeOptions = {}): Promise<unknown> {
    return this.platform.invokeResolver(this.resolverFor(options.moduleKey), {
      accountId,
      functionKey: key,
      payload,
      moduleKey: options.moduleKey,
      context: options.extension ? { extension: options.extension } : undefined,
    });
  }

  /** Calls a web trigger with the raw Forge request shape. */
  webTrigger(key: string, call: WebTriggerCall): Promise<WebTriggerResponse> {
    const trigger = (this.manifest.raw.modules as { webtrigger?: Module[] }).webtrigger?.find((module) => module.key === key);
    if (!trigger?.function) throw new Error(`manifest.yml has no web trigger ${key}`);
    return this.platform.invokeWebTrigger(loadHandler(this.manifest, trigger.function) as WebTriggerHandler, call, key);
  }

  /** Runs a scheduled trigger's function once, now (tests call it directly; `npm start` also on its interval). */
  scheduledTrigger(key: string): Promise<ScheduledRun> {
    const trigger = this.manifest.scheduledTriggers.find((module) => module.key === key);
    if (!trigger) throw new Error(`manifest.yml has no scheduled trigger ${key}`);
    return this.platform.invokeScheduledTrigger(loadHandler(this.manifest, trigger.function) as ScheduledTriggerHandler, key);
  }

  close(): void {
    // The lock goes whatever else fails here: a server that stopped must not keep its folder locked.
    try {
      this.platform.uninstall();
      this.kvs.close();
    } finally {
      this.dataDirLock?.release();
    }
  }
}
