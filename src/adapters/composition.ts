import { randomBytes } from 'node:crypto';
import type { Deps, GatewayDeps } from '../use-cases/deps';
import { actAsOwner } from './confluence/owner-confluence';
import { KvsAuditLog } from './kvs/audit-log';
import { KvsPolicyStore } from './kvs/policy-store';
import { KvsTokenStore } from './kvs/token-store';

const clock = () => Date.now();

/** Wires the use-cases to Forge. The pepper is a Forge encrypted variable: `forge variables set --encrypt TOKEN_PEPPER …`. */
export function forgeDeps(): Deps {
  return {
    tokens: new KvsTokenStore(clock),
    policy: new KvsPolicyStore(),
    audit: new KvsAuditLog(clock),
    clock,
    randomBytes: (length) => randomBytes(length),
    pepper: process.env.TOKEN_PEPPER || undefined,
  };
}

export function forgeGatewayDeps(): GatewayDeps {
  return { ...forgeDeps(), actAsOwner };
}
