/**
 * The committed Confluence contract (emulator/confluence/contract.json): it describes exactly the
 * stand-in's routes, carries no prose, and (where ../shared/confluence-openapi is present) equals a
 * fresh derivation from Atlassian's specs. The drift check is the only test that needs that folder.
 */
import fs from 'node:fs';
import { CONTRACT_FILE, DEFAULT_SPEC_DIR, contractRoutes, readSpecs, specsPresent } from '../../scripts/confluence-contract/sources';
import { deriveContract, stableJson, stripProse, type Contract } from '../../scripts/confluence-contract/derive';

const committedText = fs.readFileSync(CONTRACT_FILE, 'utf8');
const committed = JSON.parse(committedText) as Contract;

function describedRoutes(contract: Contract): string[] {
  return (['v1', 'v2'] as const).flatMap((api) =>
    Object.entries(contract[api].paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${api === 'v2' ? '/wiki/api/v2' : ''}${path}`),
    ),
  );
}

/** Every string in a document that is not a single word: prose left behind. */
function prose(node: unknown, where = ''): string[] {
  if (typeof node === 'string') return /\s/.test(node) ? [`${where}: ${node.slice(0, 60)}`] : [];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => [...(/\s/.test(key) ? [`${where}/${key}`] : []), ...prose(value, `${where}/${key}`)]);
}

describe('the committed Confluence contract', () => {
  it('describes exactly the routes of the stand-in (run npm run confluence-contract after adding one)', () => {
    expect(describedRoutes(committed).sort()).toEqual(contractRoutes());
  });

  it('carries structure only: no prose anywhere in the v1 and v2 documents', () => {
    expect([...prose(committed.v1, 'v1'), ...prose(committed.v2, 'v2')]).toEqual([]);
  });

  it('is written with sorted keys, so that regenerating it gives clean diffs', () => {
    expect(stableJson(committed)).toBe(committedText);
  });

  it('names the specs it came from', () => {
    expect(committed.sources.v2).toEqual({ file: 'confluence-v2.json', version: '2.0.0', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(committed.sources.v1).toMatchObject({ file: 'confluence-v1.json', version: '1.0.0' });
  });
});

describe('deriving the contract', () => {
  it('drops prose keywords and x- extensions but keeps properties, enum values and defaults named like them', () => {
    const schema = {
      type: 'object',
      description: 'A space.',
      title: 'Space',
      'x-atlassian-narrative': 'text',
      example: { description: 'x' },
      properties: { description: { type: 'string', description: 'The description.' }, title: { $ref: '#/components/schemas/T' } },
      required: ['description'],
      default: { description: 'kept' },
      enum: [{ summary: 'kept' }],
    };
    expect(stripProse(schema)).toEqual({
      type: 'object',
      properties: { description: { type: 'string' }, title: { $ref: '#/components/schemas/T' } },
      required: ['description'],
      default: { description: 'kept' },
      enum: [{ summary: 'kept' }],
    });
  });

  const spec = (paths: object, schemas: object = {}) => ({ text: JSON.stringify({ info: { version: '9' }, paths, components: { schemas } }) });
  const op = (operationId: string, schema: object) => ({
    operationId,
    summary: 'Prose',
    tags: ['T'],
    'x-atlassian-oauth2-scopes': [{ scheme: 'oAuthDefinitions', state: 'Current', scopes: ['read:a'] }, { state: 'Beta', scopes: ['read:b'] }],
    responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } },
  });

  it('keeps the routes asked for with every component they reach, names the others, and turns scopes into security alternatives', () => {
    const v2 = spec(
      { '/things/{id}': { get: op('getThing', { $ref: '#/components/schemas/Thing' }), delete: op('deleteThing', {}) } },
      { Thing: { properties: { part: { $ref: '#/components/schemas/Part' } } }, Part: { type: 'string' }, Unused: { type: 'string' } },
    );
    const contract = deriveContract({ v1: spec({ '/wiki/rest/api/x': { get: op('x', {}) } }), v2 }, ['GET /wiki/api/v2/things/{id}'], NO_ANSWER_SCHEMAS);
    expect(contract.v2.paths).toEqual({
      '/things/{id}': {
        get: {
          operationId: 'getThing',
          responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
          security: [{ oAuthDefinitions: ['read:a'] }, { oAuthDefinitions: ['read:b'] }],
        },
      },
    });
    expect(Object.keys(contract.v2.components.schemas ?? {}).sort()).toEqual(['Part', 'Thing']);
    expect(contract.v1.paths).toEqual({});
    expect(contract.otherOperations).toEqual(['DELETE /wiki/api/v2/things/{id}', 'GET /wiki/rest/api/x']);
  });

  it('keeps the answer schemas the gateway is held to, with what they reach, though no route returns them', () => {
    const v1 = spec({}, { Content: { properties: { space: { $ref: '#/components/schemas/Space' } } }, Space: { type: 'object' }, Other: { type: 'string' } });
    const contract = deriveContract({ v1, v2: spec({}) }, [], { v1: ['Content'], v2: [] });
    expect(Object.keys(contract.v1.components.schemas ?? {}).sort()).toEqual(['Content', 'Space']);
  });

  it('refuses a route that is not an operation of the specs', () => {
    expect(() => deriveContract({ v1: spec({}), v2: spec({}) }, ['GET /wiki/api/v2/nothing'], NO_ANSWER_SCHEMAS)).toThrow(/Not operations of Atlassian's Confluence specs: GET \/wiki\/api\/v2\/nothing/);
  });
});

const NO_ANSWER_SCHEMAS = { v1: [], v2: [] };

const driftCheck = specsPresent() ? describe : describe.skip;
if (!specsPresent()) {
  console.log(`Skipped the contract drift check: ${DEFAULT_SPEC_DIR} is absent. Every other test reads only the committed contract.`);
}

driftCheck(`the contract against Atlassian's specs in ${DEFAULT_SPEC_DIR}`, () => {
  it('equals a fresh derivation (if not: npm run confluence-contract, and commit the result)', () => {
    expect(stableJson(deriveContract(readSpecs(DEFAULT_SPEC_DIR), contractRoutes())) === committedText).toBe(true);
  });
});
