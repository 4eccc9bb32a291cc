import { EmulatedApp, type EmulatedAppOptions } from '../../emulator/app';
import { SEED } from '../../emulator/confluence';
import type { ResolverDefinitions } from '../../src/contract/resolvers';
import type { FoldReport } from '../../src/use-cases/fold-events';

export { SEED };

export const DOCS = SEED.spaces.DOCS;
export const ENG = SEED.spaces.ENG;
export const PRIV = SEED.spaces.PRIV;

type Payload<K extends keyof ResolverDefinitions> = Parameters<ResolverDefinitions[K]> extends [infer P] ? P : Record<string, never>;
type Answer<K extends keyof ResolverDefinitions> = Awaited<ReturnType<ResolverDefinitions[K]>>;

export interface GatewayCall {
  method?: string;
  path: string;
  token?: string;
  /** Overrides the Authorization header built from `token`. */
  authorization?: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface GatewayAnswer {
  status: number;
  headers: Record<string, string[]>;
  text: string;
  json: any;
}

const START = Date.parse('2026-03-01T09:00:00Z');

/**
 * The app reads the system clock (Date.now), as on Forge; tests move it. Only Date is faked: timers,
 * promises and I/O run for real.
 */
function freezeClock(): void {
  jest.useFakeTimers({
    now: START,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame',
      'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval',
      'setTimeout', 'clearTimeout'],
  });
}

export function advanceDays(days: number): void {
  jest.setSystemTime(Date.now() + days * 86_400_000);
}

export function advanceSeconds(seconds: number): void {
  jest.setSystemTime(Date.now() + seconds * 1000);
}

/** The app on the emulated platform, driven through its exported handlers as Forge would. */
export class Harness {
  readonly app: EmulatedApp;

  constructor(options: Pick<EmulatedAppOptions, 'kvsRateLimits'> = {}) {
    freezeClock();
    this.app = EmulatedApp.start(options);
  }

  invoke<K extends keyof ResolverDefinitions>(accountId: string, key: K, payload?: Payload<K>, extension?: Record<string, unknown>): Promise<Answer<K>> {
    return this.app.invoke(accountId, key, payload ?? {}, extension ? { extension } : {}) as Promise<Answer<K>>;
  }

  /** Invokes and fails the test on `{error}`. */
  async ok<K extends keyof ResolverDefinitions>(accountId: string, key: K, payload?: Payload<K>): Promise<Exclude<Answer<K>, { error: unknown }>> {
    const answer = await this.invoke(accountId, key, payload);
    if (typeof answer === 'object' && answer !== null && 'error' in answer) throw new Error(`${key} failed: ${JSON.stringify(answer)}`);
    return answer as Exclude<Answer<K>, { error: unknown }>;
  }

  async issue(accountId: string, spaceKeys: string[], operations: Array<'read' | 'create' | 'update' | 'delete'>, expiresInDays = 30) {
    return this.ok(accountId, 'createToken', { label: `${accountId}'s script`, spaceKeys, operations, expiresInDays });
  }

  async gateway(call: GatewayCall): Promise<GatewayAnswer> {
    const headers: Record<string, string[]> = {};
    const authorization = call.authorization ?? (call.token ? `Bearer ${call.token}` : undefined);
    if (authorization) headers.authorization = [authorization];
    if (call.body !== undefined) headers['content-type'] = ['application/json'];
    for (const [name, value] of Object.entries(call.headers ?? {})) headers[name.toLowerCase()] = [value];
    const queryParameters: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(call.query ?? {})) queryParameters[name] = [value];
    const response = await this.app.webTrigger('gateway', {
      method: call.method ?? 'GET',
      path: `/x/gateway${call.path}`,
      userPath: call.path,
      headers,
      queryParameters,
      body: call.body === undefined ? '' : typeof call.body === 'string' ? call.body : JSON.stringify(call.body),
    });
    const text = response.body ?? '';
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.statusCode, headers: response.headers ?? {}, text, json };
  }

  /** One run of the background fold, as Forge's scheduler starts it; fails the test if the run fails. */
  async fold(): Promise<FoldReport> {
    const run = await this.app.scheduledTrigger('fold-audit-events');
    if (!run.ok || run.response.statusCode !== 200) throw new Error(`The fold run failed: ${JSON.stringify(run)}`);
    return JSON.parse(run.response.body ?? '') as FoldReport;
  }

  close(): void {
    this.app.close();
    jest.useRealTimers();
    expect(this.app.confluence.violations).toEqual([]);
  }
}

/** Records every call the Confluence stand-in receives, as `METHOD /path` (no query); empty it with `calls.length = 0`. */
export function recordUpstreamCalls(h: Harness): string[] {
  const calls: string[] = [];
  const handle = h.app.confluence.handle.bind(h.app.confluence);
  jest.spyOn(h.app.confluence, 'handle').mockImplementation((request) => {
    calls.push(`${request.method} ${request.path.split('?')[0]}`);
    return handle(request);
  });
  return calls;
}
