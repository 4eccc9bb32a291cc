import { randomBytes } from 'node:crypto';
import type { Deps, GatewayDeps } from '../use-cases/deps';
import { SpaceKeyCache } from '../use-cases/gateway/space-keys';
import { actAsOwner } from './confluence/owner-confluence';
import { siteBase } from './confluence/site-base';
import { KvsActivityCounts } from './kvs/activity-counts';
import { KvsAuditLog } from './kvs/audit-log';
import { installationChecksumKey } from './kvs/checksum-key';
import { KvsUsageTotals } from './kvs/fold-store';
import { CONFLUENCE_BUDGET_MS } from '../core/forge-limits';
import { GatewayMemory } from '../core/gateway-memory';
import { perInstallation } from './installation';
import { KvsPolicyStore } from './kvs/policy-store';
import { KvsTokenStore } from './kvs/token-store';
import { gatewayUrl } from './web-trigger/gateway-url';
import { UserDirectory } from '../use-cases/gateway/user-directory';

const clock = () => Date.now();

let instanceDeps: GatewayDeps | undefined;

/**
 * Wires the use-cases to Forge, once per function instance: Forge reuses a warm instance for many
 * invocations and nothing here depends on the request, so no request pays for building it. The pepper
 * is a Forge encrypted variable (`forge variables set --encrypt TOKEN_PEPPER …`), in the environment
 * the instance started with.
 */
export function forgeGatewayDeps(): GatewayDeps {
  instanceDeps ??= {
    tokens: new KvsTokenStore(clock),
    policy: new KvsPolicyStore(),
    audit: new KvsAuditLog(),
    usage: new KvsUsageTotals(),
    activity: new KvsActivityCounts(),
    clock,
    randomBytes: (length) => randomBytes(length),
    pepper: process.env.TOKEN_PEPPER || undefined,
    checksumKey: installationChecksumKey((length) => randomBytes(length)),
    actAsOwner,
    gatewayUrl,
    siteBase,
    memory: perInstallation(() => new GatewayMemory()),
    users: perInstallation(() => new UserDirectory(clock)),
    confluenceBudgetMs: CONFLUENCE_BUDGET_MS,
    spaceKeys: perInstallation(() => new SpaceKeyCache()),
  };
  return instanceDeps;
}

export const forgeDeps = (): Deps => forgeGatewayDeps();
