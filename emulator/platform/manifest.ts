import * as fs from 'node:fs';
import { parse } from 'yaml';
import { entitiesFromManifest, type EntityDefinition } from '../kvs';

export interface ScopeGrant {
  allowImpersonation: boolean;
}

/** Forge's scheduled trigger intervals, in milliseconds. */
export const SCHEDULE_INTERVAL_MS = { fiveMinute: 300_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;
export type ScheduleInterval = keyof typeof SCHEDULE_INTERVAL_MS;

export interface ScheduledTriggerModule {
  key: string;
  /** The function module it runs. */
  function: string;
  interval: ScheduleInterval;
  /** The function's `timeoutSeconds`, when it declares one. */
  timeoutSeconds?: number;
}

export interface AppManifest {
  raw: Record<string, unknown>;
  /** `permissions.scopes`, from either its list form or its map form. */
  scopes: ReadonlyMap<string, ScopeGrant>;
  /** Keys of the `modules.webtrigger` entries. */
  webTriggerKeys: readonly string[];
  /** The `modules.scheduledTrigger` entries. */
  scheduledTriggers: readonly ScheduledTriggerModule[];
  /** `app.storage.entities`, ready for the KVS engine. */
  entities: readonly EntityDefinition[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseScopes(raw: unknown): Map<string, ScopeGrant> {
  if (raw === undefined || raw === null) return new Map();
  if (Array.isArray(raw)) return new Map(raw.map((scope) => [String(scope), { allowImpersonation: false }]));
  if (!isRecord(raw)) throw new Error('manifest permissions.scopes must be a list or a map');
  return new Map(
    Object.entries(raw).map(([scope, grant]) => [
      scope,
      { allowImpersonation: isRecord(grant) && grant.allowImpersonation === true },
    ]),
  );
}

/** `timeoutSeconds` of each function module that declares one. */
function functionTimeouts(raw: unknown): Map<string, number> {
  const list = Array.isArray(raw) ? raw.filter(isRecord) : [];
  return new Map(list.flatMap((fn) => (typeof fn.key === 'string' && typeof fn.timeoutSeconds === 'number' ? [[fn.key, fn.timeoutSeconds]] : [])));
}

function parseScheduledTriggers(raw: unknown, timeouts: Map<string, number>): ScheduledTriggerModule[] {
  const list = Array.isArray(raw) ? raw : [];
  return list.map((module) => {
    const interval = isRecord(module) ? module.interval : undefined;
    if (!isRecord(module) || typeof module.key !== 'string' || typeof module.function !== 'string') {
      throw new Error('manifest scheduledTrigger entries need a key and a function');
    }
    if (typeof interval !== 'string' || !(interval in SCHEDULE_INTERVAL_MS)) {
      throw new Error(`manifest scheduledTrigger ${module.key}: interval must be one of ${Object.keys(SCHEDULE_INTERVAL_MS).join(', ')}`);
    }
    const timeoutSeconds = timeouts.get(module.function);
    return { key: module.key, function: module.function, interval: interval as ScheduleInterval, ...(timeoutSeconds !== undefined && { timeoutSeconds }) };
  });
}

/** Reads manifest.yml from a path, or takes an already parsed manifest. */
/** The Node major of the manifest's `app.runtime.name` (`nodejs24.x` → 24): what Forge runs the functions on. */
export function runtimeNodeMajor(manifest: AppManifest): number {
  const app = isRecord(manifest.raw.app) ? manifest.raw.app : {};
  const name = isRecord(app.runtime) ? app.runtime.name : undefined;
  const match = typeof name === 'string' ? /^nodejs(\d+)\.x$/.exec(name) : null;
  if (!match) throw new Error(`manifest app.runtime.name must be nodejs<major>.x, not ${String(name)}`);
  return Number(match[1]);
}

export function loadManifest(source: string | Record<string, unknown>): AppManifest {
  const raw: unknown = typeof source === 'string' ? parse(fs.readFileSync(source, 'utf8')) : source;
  if (!isRecord(raw)) throw new Error('manifest must be a YAML mapping');
  const permissions = isRecord(raw.permissions) ? raw.permissions : {};
  const modules = isRecord(raw.modules) ? raw.modules : {};
  const webTriggers = Array.isArray(modules.webtrigger) ? modules.webtrigger : [];
  return {
    raw,
    scopes: parseScopes(permissions.scopes),
    webTriggerKeys: webTriggers.filter(isRecord).map((module) => String(module.key)),
    scheduledTriggers: parseScheduledTriggers(modules.scheduledTrigger, functionTimeouts(modules.function)),
    entities: entitiesFromManifest(raw),
  };
}
