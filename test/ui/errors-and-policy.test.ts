import { validatePolicyForm, toPolicyForm } from '../../static/admin/src/policy-form';
import { describeFailure } from '../../static/common/errors';

describe('describeFailure', () => {
  it('lists the rights a person is missing', () => {
    const failure = {
      code: 'INSUFFICIENT_PERMISSIONS',
      message: 'You cannot grant rights you do not hold (ENG: create).',
      details: [{ spaceKey: 'ENG', operations: ['create', 'update'] }],
    };
    expect(describeFailure(failure)).toEqual({
      summary: 'A token can only have rights you have yourself. You are missing these:',
      items: ['Space ENG: create, update'],
    });
  });

  it('lists validation problems, or the message when there are none', () => {
    expect(describeFailure({ code: 'VALIDATION_FAILED', message: 'Invalid.', details: ['label is too long'] }).items).toEqual([
      'label is too long',
    ]);
    expect(describeFailure({ code: 'VALIDATION_FAILED', message: 'Invalid.' }).items).toEqual(['Invalid.']);
  });

  it("keeps the backend's words for a policy violation and for codes it does not know", () => {
    expect(describeFailure({ code: 'POLICY_VIOLATION', message: 'Tokens may last at most 30 days.' }).items).toEqual([
      'Tokens may last at most 30 days.',
    ]);
    expect(describeFailure({ code: 'SOMETHING_NEW', message: 'A new kind of problem.' })).toEqual({
      summary: 'A new kind of problem.',
      items: [],
    });
  });
});

describe('policy form', () => {
  const policy = { maxLifetimeDays: 90, maxTokensPerUser: 10, allowedOperations: ['read' as const], gatewayEnabled: false, auditRetentionDays: 30, requireIpAllowlist: false, maxGraceHours: 24, maxRequestsPerMinute: 300, maxRequestsPerOwnerPerMinute: 600, maxTokenCreationsPerDay: 50 };

  it('round-trips a stored policy', () => {
    expect(validatePolicyForm(toPolicyForm(policy))).toEqual({ errors: {}, policy });
  });

  it('rejects numbers outside the bounds, fractions, blanks and an empty operation list', () => {
    const { errors, policy: result } = validatePolicyForm({
      ...toPolicyForm(policy),
      maxLifetimeDays: '3651',
      maxTokensPerUser: '2.5',
      auditRetentionDays: ' ',
      allowedOperations: [],
    });
    expect(result).toBeNull();
    expect(errors).toEqual({
      maxLifetimeDays: 'Enter a whole number of days from 1 to 3650.',
      maxTokensPerUser: 'Enter a whole number of tokens from 1 to 1000.',
      auditRetentionDays: 'Enter a whole number of days from 1 to 3650.',
      allowedOperations: 'Allow at least one operation.',
    });
  });
});
