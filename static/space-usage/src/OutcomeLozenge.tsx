import Lozenge from '@atlaskit/lozenge';
import type { AuditOutcome } from '../../../src/contract/resolvers';

const APPEARANCE = { ok: 'success', denied: 'removed', failed: 'moved', unconfirmed: 'default' } as const;
export const OUTCOME_LABELS: Record<AuditOutcome, string> = { ok: 'OK', denied: 'Denied', failed: 'Failed', unconfirmed: 'Unconfirmed' };

export function OutcomeLozenge({ outcome, testId }: { outcome: AuditOutcome; testId?: string }) {
  return (
    <Lozenge appearance={APPEARANCE[outcome]} testId={testId}>
      {OUTCOME_LABELS[outcome]}
    </Lozenge>
  );
}
