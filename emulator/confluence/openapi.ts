/**
 * Atlassian's Confluence OpenAPI specs (v2 and v1), read from ../shared/confluence-openapi: matches a
 * method and path to its operation, lists the OAuth scopes it needs, and validates requests and
 * responses against it with ajv. The specs' known quirks are patched or allowed explicitly (openapi-quirks.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { V1_ERROR_SCHEMA, V2_ERROR_SCHEMA, VERSIONED_UPDATES, at, patchQuirks, type Json } from './openapi-quirks';

export const DEFAULT_SPEC_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'confluence-openapi');

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
  'x-atlassian-oauth2-scopes'?: { scopes: string[] }[];
  security?: Record<string, string[]>[];
}

interface SpecOperation {
  api: 'v1' | 'v2';
  method: string;
  /** Full path template, e.g. `/wiki/api/v2/pages/{id}`. */
  template: string;
  segments: string[];
  operation: Operation;
  parameters: Parameter[];
}

export interface MatchedOperation {
  api: 'v1' | 'v2';
  operationId: string;
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
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function readSpec(dir: string, file: string): Json {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    throw new Error(
      `Confluence OpenAPI spec not found: ${full}. The specs (confluence-v2.json, confluence-v1.json, ` +
        `unmodified from Atlassian) are expected in the shared folder beside the repository, ` +
        `../shared/confluence-openapi relative to the repository root; pass specDir to use another folder.`,
    );
  }
  return JSON.parse(fs.readFileSync(full, 'utf8')) as Json;
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

  /** The specs in `dir` (cached per folder: they are large and never change during a run). */
  static load(dir: string = DEFAULT_SPEC_DIR): ConfluenceSpec {
    const resolved = path.resolve(dir);
    let spec = ConfluenceSpec.loaded.get(resolved);
    if (!spec) {
      spec = new ConfluenceSpec(resolved);
      ConfluenceSpec.loaded.set(resolved, spec);
    }
    return spec;
  }

  private readonly ajv: Ajv;
  private readonly docs: Record<'v1' | 'v2', Json>;
  private readonly operations: SpecOperation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(dir: string) {
    const v2 = readSpec(dir, SPEC_FILES.v2);
    const v1 = readSpec(dir, SPEC_FILES.v1);
    patchQuirks(v2);
    absolutiseRefs(v2, SPEC_FILES.v2);
    absolutiseRefs(v1, SPEC_FILES.v1);
    this.docs = { v1, v2 };
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(v2, SPEC_FILES.v2);
    this.ajv.addSchema(v1, SPEC_FILES.v1);
    this.index('v2', v2, '/wiki/api/v2');
    this.index('v1', v1, '');
  }

  private index(api: 'v1' | 'v2', doc: Json, prefix: string): void {
    for (const [key, item] of Object.entries(doc.paths as Record<string, Json>)) {
      const shared = (item.parameters as Parameter[] | undefined) ?? [];
      for (const method of HTTP_METHODS) {
        const operation = item[method] as Operation | undefined;
        if (!operation) continue;
        const template = `${prefix}${key}`;
        const parameters = [...shared, ...(operation.parameters ?? [])].map((p) => this.resolve(api, p as Json) as unknown as Parameter);
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

  match(method: string, pathname: string): MatchedOperation | undefined {
    const found = this.find(method, pathname);
    return found && { api: found.op.api, operationId: found.op.operation.operationId, template: found.op.template, pathParams: found.pathParams };
  }

  /**
   * The scopes that grant a call, as alternatives (one per `x-atlassian-oauth2-scopes` entry, as the
   * spec lists them); `undefined` for a route the spec does not have.
   */
  requiredScopes(method: string, pathWithQuery: string): string[][] | undefined {
    const found = this.find(method, new URL(pathWithQuery, 'http://stand-in').pathname);
    if (!found) return undefined;
    const listed = found.op.operation['x-atlassian-oauth2-scopes'];
    if (listed) return listed.map((entry) => [...entry.scopes]);
    return (found.op.operation.security ?? []).flatMap((s) => (s.oAuthDefinitions ? [[...s.oAuthDefinitions]] : []));
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
  private typedQuery(op: SpecOperation, query: URLSearchParams): { values: Json; problems: string[] } {
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

  private parametersSchema(op: SpecOperation, where: 'path' | 'query'): Schema {
    const params = op.parameters.filter((p) => p.in === where);
    return {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? {}])),
      required: params.filter((p) => p.required).map((p) => p.name),
    };
  }

  private requestBodySchema(op: SpecOperation): { schema?: Schema; required: boolean } | undefined {
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
    const found = this.find(method, url.pathname);
    const violation = (message: string, operationId?: string): SpecViolation => ({ direction: 'request', method, path: pathWithQuery, operationId, message });
    if (!found) return { query: {}, violations: [violation('no operation in the Confluence specs has this method and path')] };
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
    const found = this.find(method, new URL(pathWithQuery, 'http://stand-in').pathname);
    const violation = (message: string, operationId?: string): SpecViolation => ({ direction: 'response', method, path: pathWithQuery, operationId, status, message });
    if (!found) return [violation('no operation in the Confluence specs has this method and path')];
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
