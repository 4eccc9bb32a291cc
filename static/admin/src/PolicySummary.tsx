import type { Policy } from '../../../src/contract/resolvers';
import { formatOperations, pluralize } from '../../common/format';

/** Every policy field with how a person reads it (a Record, so a new field cannot be left out). */
const ROWS: Record<keyof Policy, { label: string; show: (policy: Policy) => string }> = {
  gatewayEnabled: {
    label: 'API gateway',
    show: (policy) => (policy.gatewayEnabled ? 'On: tokens work within their scopes' : 'Off: every request with a token is refused'),
  },
  maxLifetimeDays: { label: 'Longest token lifetime', show: (policy) => pluralize(policy.maxLifetimeDays, 'day') },
  maxTokensPerUser: { label: 'Active tokens per person', show: (policy) => String(policy.maxTokensPerUser) },
  allowedOperations: { label: 'Tokens may be allowed to', show: (policy) => formatOperations(policy.allowedOperations) || 'nothing' },
  auditRetentionDays: { label: 'Audit events kept for', show: (policy) => pluralize(policy.auditRetentionDays, 'day') },
  maxRequestsPerMinute: { label: 'Gateway requests per token per minute', show: (policy) => String(policy.maxRequestsPerMinute) },
  maxRequestsPerOwnerPerMinute: { label: 'Gateway requests per person per minute', show: (policy) => String(policy.maxRequestsPerOwnerPerMinute) },
  maxTokenCreationsPerDay: { label: 'Tokens created per person per day', show: (policy) => String(policy.maxTokenCreationsPerDay) },
  requireIpAllowlist: { label: 'IP allowlist required', show: (policy) => (policy.requireIpAllowlist ? 'Yes, on every token' : 'No') },
  maxGraceHours: { label: 'Longest rotation grace', show: (policy) => pluralize(policy.maxGraceHours, 'hour') },
};

/** The policy as anyone may read it; only site admins get the form to change it. */
export function PolicySummary({ policy }: { policy: Policy }) {
  return (
    <dl className="summary-list" data-testid="policy-summary">
      {(Object.keys(ROWS) as (keyof Policy)[]).map((field) => (
        <div key={field}>
          <dt>{ROWS[field].label}</dt>
          <dd>{ROWS[field].show(policy)}</dd>
        </div>
      ))}
    </dl>
  );
}
