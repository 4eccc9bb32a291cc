import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import type { Policy } from '../../../src/contract/resolvers';
import { callResolver } from '../../common/bridge';
import { ErrorMessage } from '../../common/ErrorMessage';
import { toFailure, type FailureInfo } from '../../common/errors';
import { FieldMessage, messageId } from '../../common/FieldMessage';
import { OperationCheckboxes } from '../../common/OperationCheckboxes';
import { OPERATIONS } from '../../common/operations';
import { POLICY_BOUNDS, toPolicyForm, validatePolicyForm, type PolicyFormValues } from './policy-form';

interface NumberFieldProps {
  id: string;
  label: string;
  value: string;
  bounds: { min: number; max: number };
  error?: string;
  helper: string;
  onChange: (value: string) => void;
}

function NumberField({ id, label, value, bounds, error, helper, onChange }: NumberFieldProps) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Textfield
        id={id}
        type="number"
        min={bounds.min}
        max={bounds.max}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        isInvalid={Boolean(error)}
        isRequired
        aria-describedby={messageId(id)}
        testId={id}
      />
      <FieldMessage fieldId={id} error={error} helper={helper} />
    </div>
  );
}

interface ToggleFieldProps {
  id: string;
  label: string;
  checked: boolean;
  helper: string;
  onChange: (checked: boolean) => void;
}

/** A labelled switch whose helper text says what the current position means. */
function ToggleField({ id, label, checked, helper, onChange }: ToggleFieldProps) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <div>
        <Toggle id={id} isChecked={checked} onChange={(event) => onChange(event.currentTarget.checked)} descriptionId={messageId(id)} testId={id} />
      </div>
      <FieldMessage fieldId={id} helper={helper} />
    </div>
  );
}

const FIELD_IDS = {
  maxLifetimeDays: 'policy-max-lifetime-days',
  maxTokensPerUser: 'policy-max-tokens-per-user',
  allowedOperations: `policy-operations-${OPERATIONS[0]}`,
  auditRetentionDays: 'policy-audit-retention-days',
  maxRequestsPerMinute: 'policy-max-requests-per-minute',
  maxRequestsPerOwnerPerMinute: 'policy-max-requests-per-owner-per-minute',
  maxTokenCreationsPerDay: 'policy-max-token-creations-per-day',
  maxGraceHours: 'policy-max-grace-hours',
};

/** The site-wide rules for tokens, saved as a whole. */
export function PolicyForm({ policy, onSaved }: { policy: Policy; onSaved: (policy: Policy) => void }) {
  const [values, setValues] = useState<PolicyFormValues>(() => toPolicyForm(policy));
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FailureInfo | null>(null);
  const [notice, setNotice] = useState('');

  const { errors, policy: valid } = validatePolicyForm(values);
  const shown = showErrors ? errors : {};
  const change = (patch: Partial<PolicyFormValues>) => {
    setValues((previous) => ({ ...previous, ...patch }));
    setNotice('');
  };
  /** A number field whose id, value, bounds and error all come from the one policy field it edits. */
  const numberField = (field: keyof typeof POLICY_BOUNDS, label: string, helper: string) => (
    <NumberField
      id={FIELD_IDS[field]}
      label={label}
      value={values[field]}
      bounds={POLICY_BOUNDS[field]}
      error={shown[field]}
      helper={helper}
      onChange={(value) => {
        const patch: Partial<PolicyFormValues> = {};
        patch[field] = value;
        change(patch);
      }}
    />
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setShowErrors(true);
    setFailure(null);
    if (!valid) {
      const first = (Object.keys(FIELD_IDS) as (keyof typeof FIELD_IDS)[]).find((field) => errors[field]);
      if (first) document.getElementById(FIELD_IDS[first])?.focus();
      return;
    }
    setBusy(true);
    try {
      const { policy: saved } = await callResolver('setPolicy', valid);
      setValues(toPolicyForm(saved));
      setShowErrors(false);
      setNotice('Policy saved.');
      onSaved(saved);
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Token policy" data-testid="policy-form">
      <ToggleField
        id="policy-gateway-enabled"
        label="API gateway"
        checked={values.gatewayEnabled}
        onChange={(gatewayEnabled) => change({ gatewayEnabled })}
        helper={
          values.gatewayEnabled
            ? 'On: tokens work within their scopes.'
            : 'Off: every request with a token is refused. Tokens are kept and work again when switched on.'
        }
      />

      <div className="field-row">
        {numberField(
          'maxLifetimeDays',
          'Longest token lifetime (days)',
          'Tokens stop working this many days after they were issued, existing ones too.',
        )}
        {numberField('maxTokensPerUser', 'Active tokens per person', 'How many unexpired, unrevoked tokens one person may hold.')}
        {numberField(
          'maxTokenCreationsPerDay',
          'Tokens created per person per day',
          'Revoked ones count too, for 24 hours after they were created.',
        )}
      </div>

      <OperationCheckboxes
        id="policy-operations"
        legend="Tokens may be allowed to"
        available={OPERATIONS}
        selected={values.allowedOperations}
        onChange={(allowedOperations) => change({ allowedOperations })}
        error={shown.allowedOperations}
        helper="People choose from these when they create a token; existing tokens lose what is unticked."
      />

      {numberField('auditRetentionDays', 'Keep audit events for (days)', 'Each new audit event is deleted after this many days.')}

      <div className="field-row">
        {numberField(
          'maxRequestsPerMinute',
          'Gateway requests per token per minute',
          "Past it, a token's requests are refused with 429 for a few seconds. Counted per gateway instance.",
        )}
        {numberField(
          'maxRequestsPerOwnerPerMinute',
          'Gateway requests per person per minute',
          "All of one person's tokens together, so one person cannot spend the site's storage budget. Counted per gateway instance.",
        )}
      </div>

      <div className="field-row">
        <ToggleField
          id="policy-require-ip-allowlist"
          label="IP allowlists"
          checked={values.requireIpAllowlist}
          onChange={(requireIpAllowlist) => change({ requireIpAllowlist })}
          helper={
            values.requireIpAllowlist
              ? 'Required: new and rotated tokens need one, and tokens without one are refused.'
              : 'Optional: people may limit a token to the addresses it is used from.'
          }
        />
        {numberField(
          'maxGraceHours',
          'Longest rotation grace (hours)',
          'After a rotation, the previous secret works at most this long. Lowering it shortens running grace periods.',
        )}
      </div>

      {failure && <ErrorMessage failure={failure} title="The policy was not saved" testId="policy-error" />}

      <div className="button-row">
        <Button type="submit" appearance="primary" isLoading={busy} testId="policy-save">
          Save policy
        </Button>
        <span role="status" className="status-text" data-testid="policy-notice">
          {notice}
        </span>
      </div>
    </form>
  );
}
