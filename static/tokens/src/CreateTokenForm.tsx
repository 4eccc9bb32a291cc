import { Suspense, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import { LazySelect, preloadSelect } from '../../common/LazySelect';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import type { Policy, TokenInfo, VisibleSpace } from '../../../src/contract/resolvers';
import { callResolver } from '../../common/bridge';
import { lazyNamed } from '../../common/dialogs';
import { Loading } from '../../common/Loading';
import { ErrorMessage } from '../../common/ErrorMessage';
import { toFailure, type FailureInfo } from '../../common/errors';
import { FieldMessage, messageId } from '../../common/FieldMessage';
import { formatDate, pluralize } from '../../common/format';
import { OperationCheckboxes } from '../../common/OperationCheckboxes';
import {
  allowedOperations,
  expiryPresets,
  initialTokenForm,
  LABEL_MAX_LENGTH,
  MAX_ALLOWED_IPS,
  MAX_PAGE_TREES_PER_TOKEN,
  MAX_SPACES_PER_TOKEN,
  validateTokenForm,
  type ExpiryChoice,
  type TokenFormField,
  type TokenFormValues,
} from './token-form';

/** Loaded once a space is chosen: most tokens reach whole spaces and never need it. */
const PagePicker = lazyNamed(() => import('./PagePicker'), 'PagePicker');

interface Option<V> {
  label: string;
  value: V;
}

export interface CreatedToken {
  token: string;
  info: TokenInfo;
}

interface CreateTokenFormProps {
  policy: Policy;
  spaces: VisibleSpace[];
  /** Where scripts send requests; null while it loads. On this machine, they come from 127.0.0.1. */
  gatewayUrl: string | null;
  onCreated: (created: CreatedToken) => void;
}

/** A backend refusal that belongs to the allowlist field (its details name the field), shown under it. */
function allowlistRefusal(failure: FailureInfo | null): string | undefined {
  const details = failure?.details as { field?: unknown } | undefined;
  return failure?.code === 'VALIDATION_FAILED' && details?.field === 'allowedIps' ? failure.message.replace(/^Allowed IP addresses: /, '') : undefined;
}

const isLoopback = (url: string | null) => url !== null && /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(url);

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where keyboard focus goes when a field is wrong, in the order the fields appear. */
function firstInvalidFieldId(invalid: Set<TokenFormField>, policy: Policy): string | null {
  if (invalid.has('label')) return 'token-label';
  if (invalid.has('spaces')) return 'token-spaces';
  if (invalid.has('pages')) return 'token-pages';
  if (invalid.has('operations')) return `token-operations-${allowedOperations(policy)[0]}`;
  if (invalid.has('expiry')) return 'token-expiry-days';
  if (invalid.has('allowedIps')) return 'token-allowed-ips';
  return null;
}

export function CreateTokenForm({ policy, spaces, gatewayUrl, onCreated }: CreateTokenFormProps) {
  const [values, setValues] = useState<TokenFormValues>(() => initialTokenForm(policy));
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FailureInfo | null>(null);

  const { errors, input } = validateTokenForm(values, policy);
  const refusedAllowlist = allowlistRefusal(failure);
  const shown = showErrors ? { ...errors, ...(refusedAllowlist && { allowedIps: refusedAllowlist }) } : {};
  const change = (patch: Partial<TokenFormValues>) => setValues((previous) => ({ ...previous, ...patch }));

  const spaceOptions: Option<string>[] = spaces.map((space) => ({ label: `${space.name} (${space.key})`, value: space.key }));
  const chosenSpaces = spaceOptions.filter((option) => values.spaceKeys.includes(option.value));
  const expiryOptions: Option<ExpiryChoice>[] = [
    ...expiryPresets(policy).map((days) => ({ label: pluralize(days, 'day'), value: days })),
    { label: 'Custom…', value: 'custom' },
  ];
  const expiryDays = values.expiry === 'custom' ? Number(values.customDays) : values.expiry;
  const siteLimit = `Your site allows up to ${pluralize(policy.maxLifetimeDays, 'day')}.`;
  const expiryHelper =
    Number.isInteger(expiryDays) && expiryDays >= 1
      ? `Expires on ${formatDate(new Date(Date.now() + expiryDays * DAY_MS).toISOString())}. ${siteLimit}`
      : siteLimit;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setShowErrors(true);
    setFailure(null);
    if (!input) {
      const id = firstInvalidFieldId(new Set(Object.keys(errors) as TokenFormField[]), policy);
      if (id) document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await callResolver('createToken', input);
      setValues(initialTokenForm(policy));
      setShowErrors(false);
      onCreated(created);
    } catch (error) {
      const refused = toFailure(error);
      setFailure(refused);
      if (allowlistRefusal(refused)) document.getElementById('token-allowed-ips')?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    // Someone filling in the form will reach its selects: fetch them from the first field on.
    <form
      className="form"
      onSubmit={submit}
      onFocus={() => void preloadSelect()}
      noValidate
      aria-label="Create a token"
      data-testid="create-token-form"
    >
      <div>
        <Label htmlFor="token-label">Label</Label>
        <Textfield
          id="token-label"
          name="label"
          value={values.label}
          onChange={(event) => change({ label: event.currentTarget.value })}
          isInvalid={Boolean(shown.label)}
          isRequired
          aria-describedby={messageId('token-label')}
          testId="token-label"
        />
        <FieldMessage
          fieldId="token-label"
          error={shown.label}
          helper={`Up to ${LABEL_MAX_LENGTH} characters, e.g. "Nightly export".`}
        />
      </div>

      <div>
        <Label htmlFor="token-spaces">Spaces</Label>
        <LazySelect<Option<string>, true>
          inputId="token-spaces"
          isMulti
          options={spaceOptions}
          value={chosenSpaces}
          onChange={(chosen) => change({ spaceKeys: chosen.map((option) => option.value) })}
          isOptionDisabled={() => values.spaceKeys.length >= MAX_SPACES_PER_TOKEN}
          isInvalid={Boolean(shown.spaces)}
          descriptionId={messageId('token-spaces')}
          placeholder="Choose spaces"
          noOptionsMessage={() => (spaces.length === 0 ? 'You cannot see any spaces' : 'No matching space')}
          testId="token-spaces"
        />
        <FieldMessage
          fieldId="token-spaces"
          error={shown.spaces}
          helper={`The token reaches only these spaces, up to ${MAX_SPACES_PER_TOKEN}.`}
        />
      </div>

      <div>
        <Label htmlFor="token-pages">Pages (optional)</Label>
        {values.spaceKeys.length === 0 ? (
          <p className="subtle" id={messageId('token-pages')}>
            Choose a space first.
          </p>
        ) : (
          <>
            <Suspense fallback={<Loading label="Loading the page search" testId="page-picker-loading" />}>
              <PagePicker
                inputId="token-pages"
                spaceKeys={values.spaceKeys}
                value={values.pages.filter((page) => values.spaceKeys.includes(page.spaceKey))}
                onChange={(pages) => change({ pages })}
                isInvalid={Boolean(shown.pages)}
              />
            </Suspense>
            <FieldMessage
              fieldId="token-pages"
              error={shown.pages}
              helper={`Limits the token to these pages and the pages under them, up to ${MAX_PAGE_TREES_PER_TOKEN}. None: the whole spaces.`}
            />
          </>
        )}
      </div>

      <OperationCheckboxes
        id="token-operations"
        legend="The token may"
        available={allowedOperations(policy)}
        selected={values.operations}
        onChange={(operations) => change({ operations })}
        error={shown.operations}
        helper="Only what you may do yourself in each chosen space."
      />

      <div className="field-row">
        <div>
          <Label htmlFor="token-expiry">Expires after</Label>
          <LazySelect<Option<ExpiryChoice>, false>
            inputId="token-expiry"
            options={expiryOptions}
            value={expiryOptions.find((option) => option.value === values.expiry)}
            onChange={(option) => option && change({ expiry: option.value })}
            isSearchable={false}
            descriptionId={messageId('token-expiry')}
            testId="token-expiry"
          />
          <FieldMessage fieldId="token-expiry" helper={expiryHelper} />
        </div>
        {values.expiry === 'custom' && (
          <div>
            <Label htmlFor="token-expiry-days">Days</Label>
            <Textfield
              id="token-expiry-days"
              name="expiresInDays"
              type="number"
              min={1}
              max={policy.maxLifetimeDays}
              value={values.customDays}
              onChange={(event) => change({ customDays: event.currentTarget.value })}
              isInvalid={Boolean(shown.expiry)}
              isRequired
              aria-describedby={messageId('token-expiry-days')}
              testId="token-expiry-days"
            />
            <FieldMessage fieldId="token-expiry-days" error={shown.expiry} />
          </div>
        )}
      </div>

      <div>
        <Label htmlFor="token-allowed-ips">{policy.requireIpAllowlist ? 'Allowed IP addresses' : 'Allowed IP addresses (optional)'}</Label>
        <TextArea
          id="token-allowed-ips"
          name="allowedIps"
          value={values.allowedIps}
          onChange={(event) => {
            change({ allowedIps: event.currentTarget.value });
            if (refusedAllowlist) setFailure(null);
          }}
          isInvalid={Boolean(shown.allowedIps)}
          isRequired={policy.requireIpAllowlist}
          isMonospaced
          minimumRows={2}
          placeholder="e.g. 203.0.113.7 or 10.20.0.0/16"
          aria-describedby={messageId('token-allowed-ips')}
          testId="token-allowed-ips"
        />
        <FieldMessage
          fieldId="token-allowed-ips"
          error={shown.allowedIps}
          helper={`IPv4 or IPv6 addresses or CIDR ranges, one per line, up to ${MAX_ALLOWED_IPS}. ${
            policy.requireIpAllowlist ? 'Your site requires a list.' : 'None: usable from anywhere.'
          }${isLoopback(gatewayUrl) ? ' On this machine, scripts call from 127.0.0.1.' : ''}`}
        />
      </div>

      {failure && !refusedAllowlist && <ErrorMessage failure={failure} title="The token was not created" testId="create-token-error" />}

      <div className="button-row">
        <Button type="submit" appearance="primary" isLoading={busy} testId="create-token-submit">
          Create token
        </Button>
      </div>
    </form>
  );
}
