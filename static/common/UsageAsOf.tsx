import { formatAsOf } from './format';

/**
 * How fresh the use counts in a token list are. They are folded from the audit log in the background
 * every few minutes, so a request made a moment ago is not counted yet.
 */
export function UsageAsOf({ usageAsOf, testId }: { usageAsOf: string | null | undefined; testId: string }) {
  return (
    <p className="subtle" data-testid={testId}>
      {usageAsOf
        ? `Use counts as of ${formatAsOf(usageAsOf)}; they are updated every few minutes.`
        : 'Use counts appear a few minutes after a token is first used.'}
    </p>
  );
}
