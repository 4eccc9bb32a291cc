/**
 * The Confluence Cloud stand-in: answers the Product interface as Confluence's REST API would, for the
 * routes the app uses, and checks every request and response against the Confluence contract derived
 * from Atlassian's OpenAPI specs (contract.json).
 */
import { randomBytes } from 'node:crypto';
import type { Product, ProductRequest, ProductResponse } from '../product';
import { ApiError, v1ErrorBody, v2ErrorBody } from './errors';
import { FaultQueue, type Fault } from './faults';
import { completeState, type ConfluenceState, type SpaceOperation } from './model';
import { ConfluenceSpec, SpecViolationError, type SpecViolation } from './openapi';
import { actorFor, can } from './permissions';
import type { RouteResult } from './routes/context';
import { ROUTES } from './routes';
import { seedState } from './seed';
import type { UploadedFile } from './routes/v1-content';

/** Confluence refuses request bodies over 5 MB. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface ConfluenceStandInOptions {
  /** Initial state, e.g. as persisted by the local server; the seed when omitted. Copied, never shared. */
  state?: ConfluenceState;
  /** Called with a copy of the state after each successful change. */
  onChange?: (state: ConfluenceState) => void;
  /** The acting time for versions and new pages. */
  clock?: () => Date;
  /** Throw a SpecViolationError on any spec mismatch (default true); otherwise only record it. */
  strict?: boolean;
  /** Site URL; responses carry `<siteUrl>/wiki` as their base link. */
  siteUrl?: string;
}

const JSON_TYPE = { 'content-type': 'application/json;charset=UTF-8' };

export class ConfluenceStandIn implements Product {
  /** Every spec mismatch seen so far (in strict mode, each also made its call throw). */
  readonly violations: SpecViolation[] = [];
  private state: ConfluenceState;
  private readonly spec: ConfluenceSpec;
  private readonly faults = new FaultQueue();
  private readonly strict: boolean;
  private readonly base: string;

  constructor(private readonly options: ConfluenceStandInOptions = {}) {
    this.spec = ConfluenceSpec.load();
    this.state = completeState(structuredClone(options.state ?? seedState()));
    this.strict = options.strict ?? true;
    this.base = `${(options.siteUrl ?? 'https://stand-in.atlassian.net').replace(/\/$/, '')}/wiki`;
  }

  /** A copy of the current state. */
  snapshot(): ConfluenceState {
    return structuredClone(this.state);
  }

  /** Makes the next call(s) fail: `{status: 429, retryAfter: 7}`, `{status: 503, times: 2}`, `{networkError: 'socket hang up'}`, or stall: `{stallMs: 500}`. */
  failNext(fault: Fault): void {
    this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** What an admin does in Confluence's own UI: change (or with `[]`, remove) a user's space permissions. */
  setSpacePermissions(spaceKey: string, accountId: string, operations: SpaceOperation[]): void {
    const space = Object.values(this.state.spaces).find((candidate) => candidate.key === spaceKey);
    if (!space) throw new Error(`No space ${spaceKey}`);
    if (operations.length === 0) delete space.grants[accountId];
    else space.grants[accountId] = [...operations];
    this.options.onChange?.(structuredClone(this.state));
  }

  /** What a space admin does in Confluence's own UI: give the space another key (Confluence Cloud allows it; the old key is then free). */
  changeSpaceKey(spaceKey: string, newKey: string): void {
    const space = Object.values(this.state.spaces).find((candidate) => candidate.key === spaceKey);
    if (!space) throw new Error(`No space ${spaceKey}`);
    if (Object.values(this.state.spaces).some((other) => other.key === newKey)) throw new Error(`The key ${newKey} is taken`);
    space.key = newKey;
    this.options.onChange?.(structuredClone(this.state));
  }

  /** What a page's editor does in Confluence's own UI: restrict who may view and edit it (`[]` lifts a restriction). */
  setPageRestrictions(pageId: string, restrictions: { read: string[]; update: string[] }): void {
    const page = this.state.pages[pageId];
    if (!page) throw new Error(`No page ${pageId}`);
    page.restrictions = { read: [...restrictions.read], update: [...restrictions.update] };
    this.options.onChange?.(structuredClone(this.state));
  }

  /** The keys of the spaces `accountId` may view, in id order, as Confluence's space list shows them. */
  visibleSpaceKeys(accountId: string): string[] {
    const actor = actorFor(this.state, { kind: 'user', accountId });
    return Object.values(this.state.spaces)
      .filter((space) => can(space, actor, 'read'))
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((space) => space.key);
  }

  requiredScopes(method: string, path: string): string[][] | undefined {
    return this.spec.requiredScopes(method, path);
  }

  /**
   * Every answer carries the tracing header Confluence Cloud sends (`atl-traceid`), so callers are
   * tested against headers they must not pass on.
   */
  async handle(request: ProductRequest): Promise<ProductResponse> {
    const response = await this.respond(request);
    return { ...response, headers: { ...response.headers, 'atl-traceid': randomBytes(8).toString('hex') } };
  }

  private async respond(request: ProductRequest): Promise<ProductResponse> {
    const injected = this.faults.next();
    // A stalled call is checked after its wait (a direct /wiki caller's violations then count as the app's).
    if (injected && 'stallMs' in injected) await new Promise((resolve) => setTimeout(resolve, injected.stallMs));
    else if (injected) return injected;
    const method = request.method.toUpperCase();
    const url = new URL(request.path, 'http://stand-in');
    const api = url.pathname.startsWith('/wiki/rest/api/') || url.pathname === '/wiki/rest/api' ? 'v1' : 'v2';
    const fail = (status: number, title?: string, detail?: string): ProductResponse => errorResponse(api, new ApiError(status, title, detail ?? null));
    const notImplemented = () => fail(501, `The Confluence stand-in does not implement ${method} ${url.pathname}`);

    const matched = this.spec.match(method, url.pathname);
    if (!matched) {
      this.report(this.spec.validateRequest(method, request.path, undefined).violations);
      return notImplemented();
    }
    // A real Confluence route the contract only names: the stand-in does not implement it.
    if (matched.operationId === undefined) return notImplemented();
    if (request.body !== undefined && Buffer.byteLength(request.body, 'utf8') > MAX_BODY_BYTES) {
      return this.checked(method, request.path, fail(413, 'The request body is larger than 5 MB'));
    }
    let body: unknown;
    const contentType = headerValue(request.headers, 'content-type') ?? '';
    if (/^multipart\/form-data/i.test(contentType) && request.body !== undefined) {
      // Confluence's XSRF check: multipart POSTs without this header answer 403.
      if (headerValue(request.headers, 'x-atlassian-token') !== 'no-check') return this.checked(method, request.path, fail(403, 'XSRF check failed'));
      body = await readMultipart(contentType, request.body);
      if (!body) return this.checked(method, request.path, fail(400, 'The multipart body could not be read'));
    } else if (request.body !== undefined && request.body !== '') {
      try {
        body = JSON.parse(request.body);
      } catch {
        this.report([{ direction: 'request', method, path: request.path, operationId: matched.operationId, message: 'the body is not valid JSON' }]);
        return this.checked(method, request.path, fail(400, 'Malformed JSON in the request body'));
      }
    }
    const { query, violations } = this.spec.validateRequest(method, request.path, body);
    if (violations.length > 0) {
      this.report(violations);
      return this.checked(method, request.path, fail(400, 'Invalid request', violations.map((v) => v.message).join('; ')));
    }
    const handler = ROUTES[`${method} ${matched.template}`];
    if (!handler) return notImplemented();

    const working = method === 'GET' ? this.state : structuredClone(this.state);
    let result: RouteResult;
    try {
      result = handler({
        state: working,
        actor: actorFor(working, request.identity),
        pathParams: matched.pathParams,
        query,
        rawQuery: url.searchParams,
        pathname: url.pathname,
        body,
        now: (this.options.clock?.() ?? new Date()).toISOString(),
        base: this.base,
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return error.status === 501 ? errorResponse(api, error) : this.checked(method, request.path, errorResponse(api, error));
    }
    const response = this.checked(method, request.path, {
      status: result.status,
      headers: result.body === undefined ? { ...result.headers } : { ...JSON_TYPE, ...result.headers },
      body: result.body === undefined ? '' : JSON.stringify(result.body),
    });
    if (result.mutated) {
      this.state = working;
      this.options.onChange?.(structuredClone(working));
    }
    return response;
  }

  /** Validates a response the stand-in is about to return. */
  private checked(method: string, path: string, response: ProductResponse): ProductResponse {
    this.report(this.spec.validateResponse(method, path, response.status, response.body));
    return response;
  }

  private report(violations: SpecViolation[]): void {
    if (violations.length === 0) return;
    this.violations.push(...violations);
    if (this.strict) throw new SpecViolationError(violations);
  }
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

/**
 * Files and fields of a multipart/form-data body, read with the platform's own parser (undici's);
 * `undefined` when it is malformed.
 */
async function readMultipart(contentType: string, body: string): Promise<{ files: UploadedFile[]; fields: Record<string, string[]> } | undefined> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return undefined;
  }
  const files: UploadedFile[] = [];
  const fields: Record<string, string[]> = {};
  for (const [name, value] of form) {
    if (typeof value === 'string') (fields[name] ??= []).push(value);
    else if (name === 'file') files.push({ name, filename: value.name, mediaType: value.type || 'application/octet-stream', base64: Buffer.from(await value.arrayBuffer()).toString('base64') });
  }
  return { files, fields };
}

function errorResponse(api: 'v1' | 'v2', error: ApiError): ProductResponse {
  const body = api === 'v1' ? v1ErrorBody(error.status, error.detail ? `${error.title}: ${error.detail}` : error.title) : v2ErrorBody(error.status, error.title, error.detail);
  return { status: error.status, headers: { ...JSON_TYPE }, body: JSON.stringify(body) };
}

