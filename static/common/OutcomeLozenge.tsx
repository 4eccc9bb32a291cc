import Lozenge from '@atlaskit/lozenge';
import type { AuditOutcome } from '../../src/contract/resolvers';
import { OUTCOME_LABELS } from './outcomes';

const APPEARANCE = { ok: 'success', denied: 'removed', failed: 'moved', unconfirmed: 'default' } as const;

export function OutcomeLozenge({ outcome, testId }: { outcome: AuditOutcome; testId?: string }) {
  return (
    <Lozenge appearance={APPEARANCE[outcome]} testId={testId}>
      {OUTCOME_LABELS[outcome]}
    </Lozenge>
  );
}
