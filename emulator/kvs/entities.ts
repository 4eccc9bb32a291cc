import { badRequest, KvsError, KvsErrorCode } from './errors';
import { isRecord } from './validation';

export const ATTRIBUTE_TYPES = ['string', 'integer', 'float', 'boolean', 'any'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface IndexDefinition {
  name: string;
  /** The attribute results are ordered by and `where` conditions apply to. */
  range: string;
  /** Attributes whose values a query must give, in this order. */
  partition: string[];
}

export interface EntityDefinition {
  name: string;
  attributes: Record<string, AttributeType>;
  indexes: IndexDefinition[];
}

const MAX_ENTITIES = 20;
const MAX_ATTRIBUTES = 50;
const MAX_INDEXES = 7;

function fail(message: string): never {
  throw new Error(`manifest app.storage.entities: ${message}`);
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) fail(`${where} must be a list of names`);
  return value as string[];
}

function parseIndex(raw: unknown, entity: string, attributes: Record<string, AttributeType>): IndexDefinition {
  const index: IndexDefinition =
    typeof raw === 'string'
      ? { name: raw, range: raw, partition: [] }
      : isRecord(raw) && typeof raw.name === 'string'
        ? {
            name: raw.name,
            range: stringList(raw.range, `${entity}.${raw.name}.range`)[0] ?? fail(`${entity}.${raw.name} has no range`),
            partition: raw.partition === undefined ? [] : stringList(raw.partition, `${entity}.${raw.name}.partition`),
          }
        : fail(`${entity} has an index that is neither an attribute name nor {name, range, partition}`);
  for (const attribute of [index.range, ...index.partition]) {
    const type = attributes[attribute];
    if (type === undefined) fail(`${entity}.${index.name} uses undeclared attribute '${attribute}'`);
    if (type === 'any') fail(`${entity}.${index.name} cannot index the 'any' attribute '${attribute}'`);
  }
  return index;
}

function parseEntity(raw: unknown): EntityDefinition {
  if (!isRecord(raw) || typeof raw.name !== 'string' || raw.name === '') fail('every entity needs a name');
  const name = raw.name;
  if (!isRecord(raw.attributes)) fail(`${name} needs attributes`);
  const attributes: Record<string, AttributeType> = {};
  for (const [attribute, spec] of Object.entries(raw.attributes)) {
    const type = isRecord(spec) ? spec.type : undefined;
    if (!(ATTRIBUTE_TYPES as readonly unknown[]).includes(type)) {
      fail(`${name}.${attribute} has type ${String(type)}; expected one of ${ATTRIBUTE_TYPES.join(', ')}`);
    }
    attributes[attribute] = type as AttributeType;
  }
  if (Object.keys(attributes).length > MAX_ATTRIBUTES) fail(`${name} has more than ${MAX_ATTRIBUTES} attributes`);
  const rawIndexes = raw.indexes === undefined ? [] : raw.indexes;
  if (!Array.isArray(rawIndexes)) fail(`${name}.indexes must be a list`);
  if (rawIndexes.length > MAX_INDEXES) fail(`${name} has more than ${MAX_INDEXES} indexes`);
  const indexes = rawIndexes.map((index) => parseIndex(index, name, attributes));
  const names = indexes.map((index) => index.name);
  if (new Set(names).size !== names.length) fail(`${name} declares an index name twice`);
  return { name, attributes, indexes };
}

/** Reads the custom entities declared in a parsed manifest.yml (`app.storage.entities`). */
export function entitiesFromManifest(manifest: unknown): EntityDefinition[] {
  const app = isRecord(manifest) ? manifest.app : undefined;
  const storage = isRecord(app) ? app.storage : undefined;
  const raw = isRecord(storage) ? storage.entities : undefined;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) fail('must be a list');
  if (raw.length > MAX_ENTITIES) fail(`more than ${MAX_ENTITIES} entities`);
  const entities = raw.map(parseEntity);
  const names = entities.map((entity) => entity.name);
  if (new Set(names).size !== names.length) fail('an entity name is declared twice');
  return entities;
}

function hasType(value: unknown, type: AttributeType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'any':
      return true;
  }
}

/** Rejects an entity value with undeclared attributes or attributes of the wrong type. */
export function validateEntityValue(entity: EntityDefinition, value: unknown): void {
  if (!isRecord(value)) {
    throw new KvsError(KvsErrorCode.VALIDATION_ERROR, `A ${entity.name} value must be an object of attributes`);
  }
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const type = entity.attributes[attribute];
    if (type === undefined) {
      throw new KvsError(KvsErrorCode.VALIDATION_ERROR, `'${attribute}' is not an attribute of ${entity.name}`);
    }
    if (!hasType(attributeValue, type)) {
      throw new KvsError(KvsErrorCode.VALIDATION_ERROR, `${entity.name}.${attribute} must be of type ${type}`);
    }
  }
}

export class EntityCatalog {
  private readonly byName: Map<string, EntityDefinition>;

  constructor(entities: readonly EntityDefinition[]) {
    this.byName = new Map(entities.map((entity) => [entity.name, entity]));
  }

  get(name: unknown): EntityDefinition {
    const entity = typeof name === 'string' ? this.byName.get(name) : undefined;
    if (!entity) throw badRequest(`Entity '${String(name)}' is not declared in the manifest`);
    return entity;
  }

  index(entity: EntityDefinition, name: unknown): IndexDefinition {
    const index = entity.indexes.find((candidate) => candidate.name === name);
    if (!index) throw badRequest(`Entity '${entity.name}' has no index '${String(name)}'`);
    return index;
  }
}
