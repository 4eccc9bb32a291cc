import { kvs } from '@forge/kvs';
import { withDefaults, type Policy } from '../../core/policy';
import type { PolicyStore } from '../../ports/token-store';
import { POLICY_KEY } from './schema';

export class KvsPolicyStore implements PolicyStore {
  async get(): Promise<Policy> {
    return withDefaults(await kvs.get<Partial<Policy>>(POLICY_KEY));
  }

  async set(policy: Policy): Promise<void> {
    await kvs.set(POLICY_KEY, policy);
  }
}
