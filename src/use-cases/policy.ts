import { parsePolicy, type Policy } from '../core/policy';
import { requireSiteAdmin } from './admin-access';
import type { Actor, Deps } from './deps';

export async function setPolicy(deps: Deps, actor: Actor, input: unknown): Promise<Policy> {
  await requireSiteAdmin(actor);
  const policy = parsePolicy(input);
  await deps.policy.set(policy);
  return policy;
}
