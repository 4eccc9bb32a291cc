/**
 * Derives the Confluence contract (emulator/confluence/contract.json) from Atlassian's published
 * Confluence Cloud REST specs: for the operations the stand-in implements, their paths, methods,
 * parameters, request bodies, response schemas and OAuth scopes, with every component they reach by
 * `$ref`; for every other operation, only its method and path (so a real route the stand-in lacks
 * answers 501 instead of counting as a departure from the specs). Atlassian's prose is left behind:
 * descriptions, summaries, titles, examples, external docs, tags and `x-` extensions.
 *
 * Pure: specs in, contract out. The CLI (scripts/confluence-contract.ts) does the file I/O, and the
 * drift test (test/emulator/confluence-contract.test.ts) compares a fresh derivation with the file.
 */
import { createHash } from 'node:crypto';

export type Json = Record<string, unknown>;
export type Api = 'v1' | 'v2';

export const SPEC_FILES: Record<Api, string> = { v1: 'confluence-v1.json', v2: 'confluence-v2.json' };
/** Where each API's spec paths sit under the site: v1 paths are already absolute. */
export const API_PREFIX: Record<Api, string> = { v1: '', v2: '/wiki/api/v2' };
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export interface SpecSource {
  /** The spec file's text, exactly as published (hashed to record which copy the contract came from). */
  text: string;
}

export interface ContractDocument {
  paths: Record<string, Record<string, Json>>;
  components: Record<string, Record<string, Json>>;
}

export interface Contract {
  about: string;
  sources: Record<Api, { file: string; version: string; sha256: string }>;
  v1: ContractDocument;
  v2: ContractDocument;
  /** `METHOD /path` of every other operation in the specs, full site paths. */
  otherOperations: string[];
}

/** Keys that carry prose or tooling metadata, never structure. */
const PROSE_KEYS = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', 'tags', 'xml']);
/** Keys whose value is a map from names (properties, status codes, media types) to structure. */
const NAME_MAP_KEYS = new Set(['properties', 'patternProperties', 'responses', 'content', 'headers', 'mapping']);
/** Keys whose value is data, copied as it is (an enum value or default may well be an object with a "description"). */
const LITERAL_KEYS = new Set(['enum', 'default', 'const', 'required']);

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `node` without prose: drops prose and `x-` keys from keyword objects, keeps every name in a name map. */
export function stripProse(node: unknown, nameMap = false): unknown {
  if (Array.isArray(node)) return node.map((child) => stripProse(child));
  if (!isObject(node)) return node;
  const kept: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (nameMap) kept[key] = stripProse(value);
    else if (PROSE_KEYS.has(key) || key.startsWith('x-')) continue;
    else if (LITERAL_KEYS.has(key)) kept[key] = structuredClone(value);
    else kept[key] = stripProse(value, NAME_MAP_KEYS.has(key));
  }
  return kept;
}

/**
 * The scopes that grant an operation, as OpenAPI security alternatives: every entry of Atlassian's
 * `x-atlassian-oauth2-scopes` (current and beta), else the operation's own OAuth security entries.
 */
function securityOf(operation: Json): Json[] {
  const listed = operation['x-atlassian-oauth2-scopes'];
  if (Array.isArray(listed)) return listed.map((entry) => ({ oAuthDefinitions: [...((entry as { scopes: string[] }).scopes ?? [])] }));
  const security = Array.isArray(operation.security) ? (operation.security as Json[]) : [];
  return security.filter((entry) => Array.isArray(entry.oAuthDefinitions)).map((entry) => ({ oAuthDefinitions: [...(entry.oAuthDefinitions as string[])] }));
}

function structureOf(operation: Json, pathParameters: unknown): Json {
  const parameters = [...(Array.isArray(pathParameters) ? pathParameters : []), ...(Array.isArray(operation.parameters) ? operation.parameters : [])];
  return {
    operationId: operation.operationId,
    ...(parameters.length > 0 && { parameters: stripProse(parameters) }),
    ...(operation.requestBody !== undefined && { requestBody: stripProse(operation.requestBody) }),
    responses: stripProse(operation.responses, true),
    security: securityOf(operation),
    ...(operation.deprecated === true && { deprecated: true }),
  };
}

function collectRefs(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) node.forEach((child) => collectRefs(child, into));
  else if (isObject(node)) {
    if (typeof node.$ref === 'string') into.add(node.$ref);
    Object.values(node).forEach((child) => collectRefs(child, into));
  }
}

/**
 * Component schemas kept whatever the stand-in implements: the v1 shapes the gateway builds its own
 * answers in (test/app/v1-answer-schemas.test.ts holds them to these). Atlassian removed most v1
 * content routes from the spec but kept these schemas, which is what clients of those routes expect.
 */
export const ANSWER_SCHEMAS: Record<Api, readonly string[]> = {
  v1: ['Content', 'ContentArray', 'SearchPageResponseSearchResult', 'User', 'Space', 'SpaceArray', 'LabelArray'],
  v2: [],
};

/** Every component the paths (and the answer schemas) reach, directly or through other components, without prose. */
function reachableComponents(spec: Json, paths: unknown, api: Api, answerSchemas: readonly string[]): ContractDocument['components'] {
  const components: ContractDocument['components'] = {};
  const pending = new Set<string>(answerSchemas.map((name) => `#/components/schemas/${name}`));
  collectRefs(paths, pending);
  const seen = new Set<string>();
  for (const ref of pending) {
    const [hash, root, kind, name] = ref.split('/');
    if (hash !== '#' || root !== 'components' || !kind || !name) throw new Error(`${SPEC_FILES[api]}: unsupported $ref ${ref}`);
    const key = `${kind}/${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const source = (spec.components as Record<string, Record<string, unknown>> | undefined)?.[kind]?.[name.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (source === undefined) throw new Error(`${SPEC_FILES[api]}: $ref ${ref} does not resolve`);
    const stripped = stripProse(source);
    (components[kind] ??= {})[name] = stripped as Json;
    collectRefs(stripped, pending); // a Set iterates over what is added while iterating
  }
  return components;
}

/** Splits `GET /wiki/api/v2/pages/{id}` into the API, the method as the spec spells it, and the spec path. */
export function locate(route: string): { api: Api; method: string; specPath: string } {
  const match = /^([A-Z]+) (\/\S*)$/.exec(route);
  if (!match) throw new Error(`Not a "METHOD /path" route: ${route}`);
  const [, method, path] = match as unknown as [string, string, string];
  const api: Api = path.startsWith(`${API_PREFIX.v2}/`) ? 'v2' : 'v1';
  return { api, method: method.toLowerCase(), specPath: path.slice(API_PREFIX[api].length) };
}

/** JSON with every object's keys sorted, two-space indented, newline-terminated: stable diffs. */
export function stableJson(value: unknown): string {
  const sorted = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(sorted);
    if (!isObject(node)) return node;
    return Object.fromEntries(Object.keys(node).sort().map((key) => [key, sorted(node[key])]));
  };
  return `${JSON.stringify(sorted(value), null, 2)}\n`;
}

/**
 * The contract for `routes` (`METHOD /full/path/{template}`, e.g. the stand-in's route table keys),
 * from the two spec files' texts. Throws when a route is not an operation of the specs.
 */
export function deriveContract(specs: Record<Api, SpecSource>, routes: readonly string[], answerSchemas: Record<Api, readonly string[]> = ANSWER_SCHEMAS): Contract {
  const parsed = { v1: JSON.parse(specs.v1.text) as Json, v2: JSON.parse(specs.v2.text) as Json };
  const wanted = new Set(routes);
  const missing = routes.filter((route) => {
    const { api, method, specPath } = locate(route);
    return !isObject((parsed[api].paths as Record<string, Json>)[specPath]?.[method]);
  });
  if (missing.length > 0) throw new Error(`Not operations of Atlassian's Confluence specs: ${missing.join(', ')}`);

  const otherOperations: string[] = [];
  const documents = {} as Record<Api, ContractDocument>;
  for (const api of ['v1', 'v2'] as const) {
    const paths: ContractDocument['paths'] = {};
    for (const [specPath, item] of Object.entries(parsed[api].paths as Record<string, Json>)) {
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (!isObject(operation)) continue;
        const route = `${method.toUpperCase()} ${API_PREFIX[api]}${specPath}`;
        if (wanted.has(route)) (paths[specPath] ??= {})[method] = structureOf(operation, item.parameters);
        else otherOperations.push(route);
      }
    }
    documents[api] = { paths, components: reachableComponents(parsed[api], paths, api, answerSchemas[api]) };
  }
  const source = (api: Api) => ({
    file: SPEC_FILES[api],
    version: String((parsed[api].info as Json | undefined)?.version ?? ''),
    sha256: createHash('sha256').update(specs[api].text).digest('hex'),
  });
  return {
    about:
      "Derived by `npm run confluence-contract` from Atlassian's Confluence Cloud REST API specs (v1, v2): " +
      'structure only, for the routes the Confluence stand-in implements (emulator/confluence/routes). Do not edit by hand.',
    sources: { v1: source('v1'), v2: source('v2') },
    ...documents,
    otherOperations: otherOperations.sort(),
  };
}
