import * as fs from 'node:fs';
import { parse } from 'yaml';
import { entitiesFromManifest, type EntityDefinition } from '../kvs';

export interface ScopeGrant {
  allowImpersonation: boolean;
}

export interface AppManifest {
  raw: Record<string, unknown>;
  /** `permissions.scopes`, from either its list form or its map form. */
  scopes: ReadonlyMap<string, ScopeGrant>;
  /** Keys of the `modules.webtrigger` entries. */
  webTriggerKeys: readonly string[];
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

/** Reads manifest.yml from a path, or takes an already parsed manifest. */
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
    entities: entitiesFromManifest(raw),
  };
}
