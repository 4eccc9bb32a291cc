import type { Policy } from '../../src/contract/resolvers';
import { curlExample } from '../../static/tokens/src/curl-example';
import { allowlistEntries, expiryPresets, initialTokenForm, validateTokenForm, type TokenFormValues } from '../../static/tokens/src/token-form';

const policy: Policy = {
  maxLifetimeDays: 60,
  maxTokensPerUser: 5,
  allowedOperations: ['read', 'update'],
  gatewayEnabled: true,
  auditRetentionDays: 90,
  requireIpAllowlist: false,
  maxGraceHours: 168,
  maxRequestsPerMinute: 300,
  maxRequestsPerOwnerPerMinute: 600,
  maxTokenCreationsPerDay: 50,
};

const valid: TokenFormValues = { label: '  Nightly export ', spaceKeys: ['DOCS'], operations: ['read'], expiry: 30, customDays: '', pages: [], allowedIps: '' };

describe('token form', () => {
  it('offers only the presets the policy allows, defaulting to 30 days or the longest preset', () => {
    expect(expiryPresets(policy)).toEqual([7, 30]);
    expect(initialTokenForm(policy).expiry).toBe(30);
    expect(initialTokenForm({ ...policy, maxLifetimeDays: 14 }).expiry).toBe(7);
    expect(initialTokenForm({ ...policy, maxLifetimeDays: 5 })).toMatchObject({ expiry: 'custom', customDays: '5' });
  });

  it('starts with read checked only when the policy allows reading', () => {
    expect(initialTokenForm(policy).operations).toEqual(['read']);
    expect(initialTokenForm({ ...policy, allowedOperations: ['create'] }).operations).toEqual([]);
  });

  it('turns a valid form into the createToken input, label trimmed', () => {
    expect(validateTokenForm(valid, policy)).toEqual({
      errors: {},
      input: { label: 'Nightly export', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30 },
    });
  });

  it('explains each problem and gives no input', () => {
    const { errors, input } = validateTokenForm(
      { label: '   ', spaceKeys: [], operations: ['delete'], expiry: 'custom', customDays: '61', pages: [], allowedIps: '' },
      policy,
    );
    expect(input).toBeNull();
    expect(errors).toEqual({
      label: 'Give the token a label, so you can recognise it later.',
      spaces: 'Choose at least one space.',
      operations: 'Choose at least one thing the token may do.',
      expiry: 'Enter a whole number of days from 1 to 60.',
    });
  });

  it('limits labels to 100 characters and tokens to 10 spaces', () => {
    const keys = Array.from({ length: 11 }, (_, index) => `S${index}`);
    const { errors } = validateTokenForm({ ...valid, label: 'x'.repeat(101), spaceKeys: keys }, policy);
    expect(errors.label).toBe('Keep the label to 100 characters or fewer (it has 101).');
    expect(errors.spaces).toBe('A token can reach at most 10 spaces (11 chosen).');
    expect(validateTokenForm({ ...valid, label: 'x'.repeat(100), spaceKeys: keys.slice(0, 10) }, policy).errors).toEqual({});
  });

  it('sends page trees in the chosen spaces only, and the allowlist as entries', () => {
    const pages = [{ id: '20004', title: 'Release Notes', spaceKey: 'DOCS' }, { id: '20011', title: 'Engineering Home', spaceKey: 'ENG' }];
    const { input } = validateTokenForm({ ...valid, pages, allowedIps: ' 203.0.113.7\n10.0.0.0/8, 2001:db8::/32 ' }, policy);
    expect(input).toMatchObject({ pageIds: ['20004'], allowedIps: ['203.0.113.7', '10.0.0.0/8', '2001:db8::/32'] });
    expect(allowlistEntries('')).toEqual([]);
  });

  it('requires an allowlist when the policy does, and at most 20 entries', () => {
    expect(validateTokenForm(valid, { ...policy, requireIpAllowlist: true }).errors.allowedIps).toMatch(/requires an IP allowlist/);
    const many = Array.from({ length: 21 }, (_, i) => `192.0.2.${i}`).join('\n');
    expect(validateTokenForm({ ...valid, allowedIps: many }, policy).errors.allowedIps).toBe('List at most 20 addresses or ranges (21 given).');
  });

  it('accepts only whole custom days within the policy', () => {
    const custom = (customDays: string) => validateTokenForm({ ...valid, expiry: 'custom', customDays }, policy);
    expect(custom('60').input?.expiresInDays).toBe(60);
    for (const bad of ['0', '1.5', '', 'abc', '61']) expect(custom(bad).errors.expiry).toBeDefined();
  });
});

describe('curlExample', () => {
  it('joins the gateway URL and the spaces route without a double slash, quoting the header', () => {
    expect(curlExample('https://x.webtrigger.atlassian.app/public/abc/', 'sst_secret', 'DOCS')).toBe(
      'curl -H "Authorization: Bearer sst_secret" "https://x.webtrigger.atlassian.app/public/abc/wiki/api/v2/spaces?keys=DOCS"',
    );
  });
});
