/**
 * The Confluence contract (contract.json beside this file, derived from Atlassian's v1 and v2 OpenAPI
 * specs by `npm run confluence-contract`): matches a method and path to its operation, lists the OAuth
 * scopes it needs, and validates requests and responses against it with ajv. The specs' known quirks
 * are patched or allowed explicitly (openapi-quirks.ts). Nothing outside the repository is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { V1_ERROR_SCHEMA, V2_ERROR_SCHEMA, VERSIONED_UPDATES, at, patchQuirks, type Json } from './openapi-quirks';

/** The committed contract; scripts/confluence-contract.ts writes it. */
export const CONTRACT_FILE = path.join(__dirname, 'contract.json');

type Schema = Json;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: Json;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  /** Scope alternatives, e.g. `[{oAuthDefinitions: ['read:page:confluence']}]`. */
  security?: Record<string, string[]>[];
}

interface SpecOperation {
  api: 'v1' | 'v2';
  method: string;
  /** Full path template, e.g. `/wiki/api/v2/pages/{id}`. */
  template: string;
  segments: string[];
  /** Absent for an operation the contract only names: a real route the stand-in does not implement. */
  operation?: Operation;
  parameters: Parameter[];
}

type DescribedOperation = SpecOperation & { operation: Operation };

export interface MatchedOperation {
  api: 'v1' | 'v2';
  /** Absent for a real Confluence route the contract only names (the stand-in does not implement it). */
  operationId?: string;
  template: string;
  pathParams: Record<string, string>;
}

export interface SpecViolation {
  direction: 'request' | 'response';
  method: string;
  path: string;
  operationId?: string;
  status?: number;
  message: string;
}

export class SpecViolationError extends Error {
  constructor(readonly violations: SpecViolation[]) {
    super(`Confluence spec violation:\n${violations.map(describeViolation).join('\n')}`);
  }
}

export function describeViolation(v: SpecViolation): string {
  const at = `${v.method} ${v.path}${v.status === undefined ? '' : ` → ${v.status}`}`;
  return `[${v.direction}] ${at}${v.operationId ? ` (${v.operationId})` : ''}: ${v.message}`;
}

const SPEC_FILES = { v2: 'confluence-v2.json', v1: 'confluence-v1.json' } as const;
const API_PREFIX = { v2: '/wiki/api/v2', v1: '' } as const;

interface Contract {
  v1: Json;
  v2: Json;
  /** `METHOD /path` of the specs' other operations. */
  otherOperations: string[];
}

function readContract(file: string): Contract {
  if (!fs.existsSync(file)) throw new Error(`Confluence contract not found: ${file}. Restore it from git, or regenerate it: npm run confluence-contract.`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Contract;
}

/** Makes every local `$ref` absolute (`<id>#/…`) so that schemas cut out of the spec resolve against it. */
function absolutiseRefs(node: unknown, id: string): void {
  if (Array.isArray(node)) node.forEach((child) => absolutiseRefs(child, id));
  else if (node && typeof node === 'object') {
    const obj = node as Json;
    if (typeof obj.$ref === 'string' && obj.$ref.startsWith('#/')) obj.$ref = `${id}${obj.$ref}`;
    Object.values(obj).forEach((child) => absolutiseRefs(child, id));
  }
}

function errorText(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`).join('; ');
}

function isNumeric(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value);
}

export class ConfluenceSpec {
  private static readonly loaded = new Map<string, ConfluenceSpec>();

  /** The contract in `file` (cached per file: it never changes during a run). */
  static load(file: string = CONTRACT_FILE): ConfluenceSpec {
    const resolved = path.resolve(file);
    let spec = ConfluenceSpec.loaded.get(resolved);
    if (!spec) {
      spec = new ConfluenceSpec(readContract(resolved));
      ConfluenceSpec.loaded.set(resolved, spec);
    }
    return spec;
  }

  private readonly ajv: Ajv;
  private readonly docs: Record<'v1' | 'v2', Json>;
  private readonly operations: SpecOperation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(contract: Contract) {
    const { v1, v2 } = structuredClone(contract);
    patchQuirks(v2);
    absolutiseRefs(v2, SPEC_FILES.v2);
    absolutiseRefs(v1, SPEC_FILES.v1);
    this.docs = { v1, v2 };
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(v2, SPEC_FILES.v2);
    this.ajv.addSchema(v1, SPEC_FILES.v1);
    this.index('v2', v2);
    this.index('v1', v1);
    for (const route of contract.otherOperations) {
      const [method = '', template = ''] = route.split(' ');
      const api = template.startsWith(`${API_PREFIX.v2}/`) ? 'v2' : 'v1';
      this.operations.push({ api, method, template, segments: template.split('/'), parameters: [] });
    }
  }

  private index(api: 'v1' | 'v2', doc: Json): void {
    for (const [key, item] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, operation] of Object.entries(item)) {
        const template = `${API_PREFIX[api]}${key}`;
        const parameters = (operation.parameters ?? []).map((p) => this.resolve(api, p as Json) as unknown as Parameter);
        this.operations.push({ api, method: method.toUpperCase(), template, segments: template.split('/'), operation, parameters });
      }
    }
  }

  private resolve(api: 'v1' | 'v2', node: Json): Json {
    const doc = this.docs[api];
    const ref = node.$ref;
    if (typeof ref !== 'string') return node;
    return this.resolve(api, at(doc, ref.slice(ref.indexOf('#'))));
  }

  private find(method: string, pathname: string): { op: SpecOperation; pathParams: Record<string, string> } | undefined {
    const segments = pathname.split('/');
    let best: { op: SpecOperation; pathParams: Record<string, string>; templated: number } | undefined;
    for (const op of this.operations) {
      if (op.method !== method.toUpperCase() || op.segments.length !== segments.length) continue;
      const pathParams: Record<string, string> = {};
      let templated = 0;
      const fits = op.segments.every((part, i) => {
        const given = segments[i] ?? '';
        const name = /^\{(.+)\}$/.exec(part)?.[1];
        if (name === undefined) return part === given;
        if (given === '') return false;
        pathParams[name] = decodeURIComponent(given);
        templated += 1;
        return true;
      });
      // A literal segment beats a template one (`/pages/bulk` over `/pages/{id}`).
      if (fits && (!best || templated < best.templated)) best = { op, pathParams, templated };
    }
    return best && { op: best.op, pathParams: best.pathParams };
  }

  /** The operation the contract describes in full (the stand-in implements it), if any. */
  private described(method: string, pathname: string): { op: DescribedOperation; pathParams: Record<string, string> } | undefined {
    const found = this.find(method, pathname);
    return found?.op.operation ? { op: found.op as DescribedOperation, pathParams: found.pathParams } : undefined;
  }

  match(method: string, pathname: string): MatchedOperation | undefined {
    const found = this.find(method, pathname);
    return found && { api: found.op.api, operationId: found.op.operation?.operationId, template: found.op.template, pathParams: found.pathParams };
  }

  /**
   * The scopes that grant a call, as alternatives (one per entry of Atlassian's
   * `x-atlassian-oauth2-scopes`, which the contract keeps as `security`); `undefined` for a route the
   * contract does not describe.
   */
  requiredScopes(method: string, pathWithQuery: string): string[][] | undefined {
    const found = this.described(method, new URL(pathWithQuery, 'http://stand-in').pathname);
    if (!found) return undefined;
    return (found.op.operation.security ?? []).flatMap((s) => (s.oAuthDefinitions ? [[...s.oAuthDefinitions]] : []));
  }

  private unknown(method: string, pathname: string): string {
    return this.find(method, pathname)
      ? 'the Confluence contract names this operation but does not describe it: add its route to the stand-in and run npm run confluence-contract'
      : 'no operation in the Confluence specs has this method and path';
  }

  private validator(key: string, schema: Schema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(key, validate);
    }
    return validate;
  }

  private typeOf(api: 'v1' | 'v2', schema: Schema | undefined): string | undefined {
    if (!schema) return undefined;
    const resolved = this.resolve(api, schema);
    return typeof resolved.type === 'string' ? resolved.type : undefined;
  }

  /** Query string values typed as their schemas say (numbers, booleans, comma-separated arrays). */
  private typedQuery(op: DescribedOperation, query: URLSearchParams): { values: Json; problems: string[] } {
    const values: Json = {};
    const problems: string[] = [];
    for (const name of new Set(query.keys())) {
      const raw = query.getAll(name);
      const param = op.parameters.find((p) => p.in === 'query' && p.name === name);
      if (!param) {
        problems.push(`query parameter "${name}" is not in the spec`);
        continue;
      }
      const type = this.typeOf(op.api, param.schema);
      const convert = (value: string, as: string | undefined): unknown => {
        if ((as === 'integer' || as === 'number') && isNumeric(value)) return Number(value);
        if (as === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
        return value;
      };
      if (type === 'array') {
        const itemType = this.typeOf(op.api, this.resolve(op.api, param.schema ?? {}).items as Schema | undefined);
        values[name] = raw.flatMap((v) => v.split(',')).map((v) => convert(v, itemType));
      } else {
        if (raw.length > 1) problems.push(`query parameter "${name}" is given ${raw.length} times`);
        values[name] = convert(raw[0] ?? '', type);
      }
    }
    return { values, problems };
  }

  private parametersSchema(op: DescribedOperation, where: 'path' | 'query'): Schema {
    const params = op.parameters.filter((p) => p.in === where);
    return {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? {}])),
      required: params.filter((p) => p.required).map((p) => p.name),
    };
  }

  private requestBodySchema(op: DescribedOperation): { schema?: Schema; required: boolean } | undefined {
    if (!op.operation.requestBody) return undefined;
    const body = this.resolve(op.api, op.operation.requestBody);
    const content = body.content as Record<string, { schema?: Schema }> | undefined;
    return { schema: content?.['application/json']?.schema, required: body.required === true };
  }

  /**
   * Checks a request's path and query parameters and its JSON body (`undefined` when there is none).
   * Returns the query typed per the spec, and what does not match.
   */
  validateRequest(method: string, pathWithQuery: string, body: unknown): { query: Json; violations: SpecViolation[] } {
    const url = new URL(pathWithQuery, 'http://stand-in');
    const found = this.described(method, url.pathname);
    const violation = (message: string, operationId?: string): SpecViolation => ({ direction: 'request', method, path: pathWithQuery, operationId, message });
    if (!found) return { query: {}, violations: [violation(this.unknown(method, url.pathname))] };
    const { op, pathParams } = found;
    const id = op.operation.operationId;
    const key = `${op.api}:${id}`;
    const violations: SpecViolation[] = [];
    const typedPath: Json = {};
    for (const [name, value] of Object.entries(pathParams)) {
      const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
      const type = this.typeOf(op.api, param?.schema);
      typedPath[name] = (type === 'integer' || type === 'number') && isNumeric(value) ? Number(value) : value;
    }
    const pathCheck = this.validator(`${key}:path`, this.parametersSchema(op, 'path'));
    if (!pathCheck(typedPath)) violations.push(violation(`path parameters: ${errorText(pathCheck.errors)}`, id));
    const { values, problems } = this.typedQuery(op, url.searchParams);
    problems.forEach((problem) => violations.push(violation(problem, id)));
    const queryCheck = this.validator(`${key}:query`, this.parametersSchema(op, 'query'));
    if (!queryCheck(values)) violations.push(violation(`query parameters: ${errorText(queryCheck.errors)}`, id));
    const expected = this.requestBodySchema(op);
    if (!expected && body !== undefined) violations.push(violation('this operation takes no request body', id));
    if (expected?.required && body === undefined) violations.push(violation('the request body is required', id));
    if (expected?.schema && body !== undefined) {
      const bodyCheck = this.validator(`${key}:body`, expected.schema);
      if (!bodyCheck(body)) violations.push(violation(`request body: ${errorText(bodyCheck.errors)}`, id));
    }
    return { query: values, violations };
  }

  /** Checks a response's status and JSON body (the raw body text) against the operation. */
  validateResponse(method: string, pathWithQuery: string, status: number, body: string): SpecViolation[] {
    const { pathname } = new URL(pathWithQuery, 'http://stand-in');
    const found = this.described(method, pathname);
    const violation = (message: string, operationId?: string): SpecViolation => ({ direction: 'response', method, path: pathWithQuery, operationId, status, message });
    if (!found) return [violation(this.unknown(method, pathname))];
    const { op } = found;
    const id = op.operation.operationId;
    const documented = op.operation.responses[String(status)];
    const quirkAllowed = (status === 409 && VERSIONED_UPDATES.has(id)) || (status === 413 && op.operation.requestBody !== undefined);
    if (!documented && !quirkAllowed) return [violation(`status ${status} is not documented for this operation`, id)];
    const schema = documented?.content?.['application/json']?.schema ?? (status >= 400 ? (op.api === 'v2' ? V2_ERROR_SCHEMA : V1_ERROR_SCHEMA) : undefined);
    if (!schema) return body === '' ? [] : [violation('the spec documents no body for this status, but one was sent', id)];
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return [violation('the body is not JSON', id)];
    }
    const check = this.validator(`${op.api}:${id}:${status}:${documented?.content ? 'spec' : 'error'}`, schema);
    return check(parsed) ? [] : [violation(`response body: ${errorText(check.errors)}`, id)];
  }
}
