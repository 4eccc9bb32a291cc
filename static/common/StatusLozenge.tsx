import Lozenge from '@atlaskit/lozenge';
import type { TokenStatus } from '../../src/contract/resolvers';

const APPEARANCE = { active: 'success', expired: 'default', revoked: 'removed' } as const;
const LABEL: Record<TokenStatus, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };

export function StatusLozenge({ status, testId }: { status: TokenStatus; testId?: string }) {
  return (
    <Lozenge appearance={APPEARANCE[status]} testId={testId}>
      {LABEL[status]}
    </Lozenge>
  );
}

/** Active and expiring within a week (the backend decides: TokenInfo.expiresSoon). */
export function ExpiresSoonLozenge({ testId }: { testId?: string }) {
  return (
    <Lozenge appearance="moved" testId={testId}>
      Expires soon
    </Lozenge>
  );
}
