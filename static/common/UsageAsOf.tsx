import type { UncountedRequests } from '../../src/contract/resolvers';
import { formatAsOf } from './format';

/**
 * How fresh the use counts in a token list are. They are folded from the audit log in the background
 * every few minutes, so a request made a moment ago is not counted yet.
 */
export function UsageAsOf({ usageAsOf, uncounted, testId }: { usageAsOf: string | null | undefined; uncounted?: UncountedRequests; testId: string }) {
  const lag = uncounted && uncounted.count > 0 ? ` ${notCountedYet(uncounted)}` : '';
  return (
    <p className="subtle" data-testid={testId}>
      {usageAsOf
        ? `Use counts as of ${formatAsOf(usageAsOf)}; they are updated every few minutes.${lag}`
        : `Use counts appear a few minutes after a token is first used.${lag}`}
    </p>
  );
}

/** "3 requests not counted yet." (a floor when there were more than one page of them). */
export function notCountedYet({ count, more }: UncountedRequests): string {
  return `${more ? `${count} or more` : count} ${count === 1 && !more ? 'request' : 'requests'} not counted yet.`;
}
