/**
 * The emulated Forge Key-Value Store (plain keys, secrets, custom entities, batches, transactions).
 * `createKvsEngine({backend, entities, clock})`; `engine.fetch(path, init)` answers what @forge/kvs sends.
 */
export { KvsEngine, createKvsEngine } from './engine';
export type { KvsEngineOptions, DumpedItem } from './engine';
export { createMemoryBackend, openDirectoryBackend } from './backends';
export { entitiesFromManifest } from './entities';
export type { EntityDefinition, IndexDefinition, AttributeType } from './entities';
export { KvsErrorCode } from './errors';
export { FORGE_KVS_RATE_LIMITS, type KvsRateLimits } from './rate-limits';
export type { KvsCounters, KvsUsage } from './counters';
export type { KvsBackend, StoredItem, ItemChange, ItemRef, StoreKind } from './types';
export {
  MAX_KEY_LENGTH,
  MAX_VALUE_BYTES,
  MAX_SECRET_BYTES,
  MAX_QUERY_LIMIT,
  MAX_BATCH_ITEMS,
  MAX_TRANSACTION_OPERATIONS,
} from './validation';
