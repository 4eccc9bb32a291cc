import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { makeResolver } from '@forge/resolver';
import type { KvsEngine } from '../kvs';
import type { Product } from '../product';
import { LogCapture, type CapturedLog } from './log-capture';
import { loadManifest, type AppManifest } from './manifest';
import { ProductProxy, type ProductDescriptor, type ProxyRefusal } from './product-proxy';
import { createRuntime, installContextAri, type InstallationInfo, type InvocationInfo } from './runtime';
import { AccountDirectory, REPORT_ACCOUNTS_PATH } from './personal-data';
import { answerGraphql } from './stargate';
import {
  FORGE_PAYLOAD_LIMIT_BYTES,
  invalidResponseReason,
  payloadSize,
  PLATFORM_ERROR_RESPONSE,
  PLATFORM_PAYLOAD_TOO_LARGE,
  type WebTriggerCall,
  type WebTriggerRequest,
  type WebTriggerResponse,
} from './web-trigger';

export interface ForgePlatformOptions {
  /** Path of manifest.yml, or the parsed manifest. */
  manifest: string | Record<string, unknown>;
  kvs: KvsEngine;
  products: { confluence: Product };
  /** The URL `webTrigger.getUrl(moduleKey)` answers. */
  webTriggerUrl: (moduleKey: string) => string;
  appId?: string;
  /** The environment type, e.g. DEVELOPMENT (default), STAGING, PRODUCTION. */
  environment?: string;
  cloudId?: string;
  /** Also print captured app logs to the real console. */
  echoLogs?: boolean;
}

export interface InvokeResolverOptions {
  /** The user invoking the resolver; undefined for an anonymous viewer. */
  accountId: string | undefined;
  /** The resolver definition to call (`invoke(functionKey)` in the UI). */
  functionKey: string;
  payload?: unknown;
  /** Extra invocation context the Custom UI host sends (extension, localId, ...). */
  context?: Record<string, unknown>;
  moduleKey?: string;
}

/** A web trigger invocation the platform answered with a 500, and why. */
export interface PlatformFailure {
  moduleKey: string;
  invocationId: string;
  reason: string;
}

/** What `makeResolver(...)` or `new Resolver().getDefinitions()` returns. */
export type ResolverHandler = ReturnType<typeof makeResolver>;
export type WebTriggerHandler = (request: WebTriggerRequest, context: unknown) => unknown;
export type ScheduledTriggerHandler = (request: ScheduledTriggerRequest, context: unknown) => unknown;

/** What Forge passes a scheduled trigger function as its first argument. */
export interface ScheduledTriggerRequest {
  context: { cloudId: string; moduleKey: string };
  /** Identifies the invocation to Atlassian; meaningless to the app. */
  contextToken: string;
}

/** One scheduled trigger run: the function's answer, or why the platform recorded it as failed. */
export type ScheduledRun = { ok: true; response: WebTriggerResponse } | { ok: false; reason: string };

interface Invocation {
  runtime: Record<string, unknown>;
  invocationId: string;
  moduleKey: string;
  accountId?: string;
}

type ForgeFetch = (descriptor: ProductDescriptor & { type?: string }, path: string, init?: RequestInit) => Promise<Response>;
type ForgeGlobals = typeof globalThis & { __forge_fetch__?: ForgeFetch; __forge_runtime__?: unknown };

const RESOLVER_TIMEOUT_MS = 25_000;
const WEB_TRIGGER_TIMEOUT_MS = 55_000;
/** Forge's default for scheduled trigger functions (a function's timeoutSeconds may raise it to 900 s). */
const SCHEDULED_TRIGGER_TIMEOUT_MS = 55_000;
let installedPlatform: ForgePlatform | undefined;

/**
 * The emulated Forge platform under the real SDKs: it provides `__forge_fetch__` (KVS, product proxy,
 * GraphQL for web trigger URLs) and a per-invocation `__forge_runtime__`, and invokes resolvers and web
 * triggers the way Forge does.
 */
export class ForgePlatform {
  readonly manifest: AppManifest;
  readonly refusals: ProxyRefusal[] = [];
  readonly failures: PlatformFailure[] = [];
  /** Every call the app made to Confluence (method, and path with its query), in order: what Forge meters. */
  readonly productCalls: Array<{ method: string; path: string }> = [];
  /** Atlassian's accounts as the personal data reporting API sees them: close or update one here. */
  readonly accounts: AccountDirectory;
  private readonly invocations = new AsyncLocalStorage<Invocation>();
  private readonly installation: InstallationInfo;
  private readonly proxy: ProductProxy;
  private readonly logCapture: LogCapture;

  constructor(private readonly options: ForgePlatformOptions) {
    this.manifest = loadManifest(options.manifest);
    this.installation = {
      appId: options.appId ?? randomUUID(),
      environmentId: randomUUID(),
      environmentType: options.environment ?? 'DEVELOPMENT',
      installationId: randomUUID(),
      cloudId: options.cloudId ?? randomUUID(),
      scopes: [...this.manifest.scopes.keys()],
    };
    this.accounts = new AccountDirectory(() => Date.now());
    this.proxy = new ProductProxy(
      options.products.confluence,
      this.manifest.scopes,
      (refusal) => this.refusals.push(refusal),
      (accountId) => this.accounts.isClosed(accountId),
    );
    this.logCapture = new LogCapture(() => {
      const invocation = this.invocations.getStore();
      return invocation && { invocationId: invocation.invocationId, moduleKey: invocation.moduleKey };
    }, options.echoLogs ?? false);
  }

  get cloudId(): string {
    return this.installation.cloudId;
  }

  /** What the app wrote to the console during invocations. */
  get logs(): readonly CapturedLog[] {
    return this.logCapture.entries;
  }

  clearRecords(): void {
    this.logCapture.clear();
    this.refusals.length = 0;
    this.failures.length = 0;
    this.productCalls.length = 0;
  }

  install(): void {
    if (installedPlatform) throw new Error('A Forge platform is already installed; uninstall it first');
    installedPlatform = this;
    const globals = globalThis as ForgeGlobals;
    globals.__forge_fetch__ = (descriptor, path, init) => this.forgeFetch(descriptor, path, init);
    Object.defineProperty(globalThis, '__forge_runtime__', {
      configurable: true,
      get: () => this.invocations.getStore()?.runtime,
    });
    this.logCapture.install();
  }

  uninstall(): void {
    if (installedPlatform !== this) return;
    installedPlatform = undefined;
    const globals = globalThis as ForgeGlobals;
    delete globals.__forge_fetch__;
    delete globals.__forge_runtime__;
    this.logCapture.uninstall();
  }

  /** Runs `fn` as one invocation of `info`'s function: the SDKs see its runtime, and its logs are captured. */
  run<T>(info: InvocationInfo, fn: () => T): T {
    const runtime = createRuntime(this.installation, info);
    const invocationId = (runtime.appContext as { invocationId: string }).invocationId;
    return this.invocations.run({ runtime, invocationId, moduleKey: info.moduleKey, accountId: info.accountId }, fn);
  }

  /** Calls a @forge/resolver `getDefinitions()` handler as Forge does for a Custom UI `invoke()`. */
  async invokeResolver(handler: ResolverHandler, options: InvokeResolverOptions): Promise<unknown> {
    const moduleKey = options.moduleKey ?? 'resolver';
    const { cloudId } = this.installation;
    const request = {
      call: { functionKey: options.functionKey, payload: options.payload },
      context: {
        cloudId,
        moduleKey,
        localId: `${moduleKey}-local`,
        environmentId: this.installation.environmentId,
        environmentType: this.installation.environmentType,
        extension: {},
        ...options.context,
      },
    };
    const backendRuntimePayload = {
      ...(options.accountId !== undefined && { principal: { accountId: options.accountId } }),
      installContext: installContextAri(cloudId),
      installation: this.installationContext(),
    };
    const info = {
      moduleKey,
      moduleType: 'resolver',
      functionKey: options.functionKey,
      accountId: options.accountId,
      timeoutMs: RESOLVER_TIMEOUT_MS,
    };
    return this.run(info, async () => handler(request, backendRuntimePayload));
  }

  /**
   * Calls a web trigger function with Forge's request shape under a runtime with no user, and answers
   * what the caller of the URL would get: the handler's response, or a platform 500 when the handler
   * throws or returns something that is not a valid dynamic response or is over Forge's payload limit.
   * A request over that limit is refused with the platform's 413 and the function never runs.
   */
  async invokeWebTrigger(
    handler: WebTriggerHandler,
    call: WebTriggerCall,
    moduleKey = this.manifest.webTriggerKeys[0] ?? 'webtrigger',
  ): Promise<WebTriggerResponse> {
    const request: WebTriggerRequest = {
      userPath: '',
      headers: {},
      queryParameters: {},
      body: '',
      ...call,
      context: { cloudId: this.installation.cloudId, moduleKey },
    };
    if (payloadSize(request) > FORGE_PAYLOAD_LIMIT_BYTES) return structuredClone(PLATFORM_PAYLOAD_TOO_LARGE);
    const info = { moduleKey, moduleType: 'webtrigger', functionKey: moduleKey, timeoutMs: WEB_TRIGGER_TIMEOUT_MS };
    const run = await this.runForResponse(info, (context) => handler(request, context), true);
    return run.ok ? run.response : structuredClone(PLATFORM_ERROR_RESPONSE);
  }

  /**
   * Runs a scheduled trigger's function once, as Forge does on its interval: no user, a request with the
   * trigger's context, and an answer that must look like an HTTP response (Forge records anything else,
   * or a throw, as a failure and does not retry).
   */
  async invokeScheduledTrigger(handler: ScheduledTriggerHandler, moduleKey: string): Promise<ScheduledRun> {
    const request: ScheduledTriggerRequest = {
      context: { cloudId: this.installation.cloudId, moduleKey },
      contextToken: randomUUID(),
    };
    const timeoutSeconds = this.manifest.scheduledTriggers.find((module) => module.key === moduleKey)?.timeoutSeconds;
    const timeoutMs = timeoutSeconds === undefined ? SCHEDULED_TRIGGER_TIMEOUT_MS : timeoutSeconds * 1000;
    const info = { moduleKey, moduleType: 'scheduledTrigger', functionKey: moduleKey, timeoutMs };
    return this.runForResponse(info, (context) => handler(request, context));
  }

  /**
   * Runs a function with no user (a web or scheduled trigger's) that must answer with an HTTP response.
   * A throw or an answer of another shape is recorded as the invocation's failure, as Forge records it.
   */
  private runForResponse(info: InvocationInfo, call: (context: unknown) => unknown, payloadLimited = false): Promise<ScheduledRun> {
    const context = { installContext: installContextAri(this.installation.cloudId), installation: this.installationContext() };
    return this.run(info, async (): Promise<ScheduledRun> => {
      const invocationId = this.invocations.getStore()!.invocationId;
      let reason: string | undefined;
      let response: unknown;
      try {
        response = await call(context);
        reason = invalidResponseReason(response);
        if (reason === undefined && payloadLimited && payloadSize(response) > FORGE_PAYLOAD_LIMIT_BYTES) {
          reason = `the response is over Forge's ${FORGE_PAYLOAD_LIMIT_BYTES} byte payload limit`;
        }
      } catch (error) {
        reason = `the handler threw: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (reason === undefined) return { ok: true, response: response as WebTriggerResponse };
      this.failures.push({ moduleKey: info.moduleKey, invocationId, reason });
      return { ok: false, reason };
    });
  }

  private installationContext() {
    const installContext = installContextAri(this.installation.cloudId);
    return { ari: `ari:cloud:ecosystem::installation/${this.installation.installationId}`, contexts: [installContext] };
  }

  private async forgeFetch(
    descriptor: ProductDescriptor & { type?: string },
    path: string,
    init?: RequestInit,
  ): Promise<Response> {
    if (descriptor.type === 'kvs') return this.kvsFetch(path, init);
    if (descriptor.type === 'fpp' && descriptor.remote === 'confluence') {
      const invokingAccountId = this.invocations.getStore()?.accountId;
      this.productCalls.push({ method: (init?.method ?? 'GET').toUpperCase(), path });
      return this.proxy.handle({ descriptor, path, init, invokingAccountId });
    }
    if (descriptor.type === 'fpp' && descriptor.remote === 'stargate' && path === '/graphql') {
      return answerGraphql(init, this.manifest.webTriggerKeys, this.options.webTriggerUrl);
    }
    if (descriptor.type === 'fpp' && descriptor.remote === 'stargate' && descriptor.provider === 'app' && path === REPORT_ACCOUNTS_PATH) {
      return this.accounts.answer(init);
    }
    throw new Error(`The emulated Forge platform does not handle ${JSON.stringify(descriptor)} ${path}`);
  }

  private async kvsFetch(path: string, init?: RequestInit): Promise<Response> {
    if (!this.manifest.scopes.has('storage:app')) {
      this.refusals.push({ reason: 'missing-scope', method: 'POST', path, requiredScopes: [['storage:app']] });
      const body = { code: 'FORBIDDEN', message: 'The app does not declare the storage:app scope' };
      return new Response(JSON.stringify(body), { status: 403, headers: { 'content-type': 'application/json' } });
    }
    return this.options.kvs.fetch(path, { body: init?.body });
  }
}

export function createForgePlatform(options: ForgePlatformOptions): ForgePlatform {
  return new ForgePlatform(options);
}
