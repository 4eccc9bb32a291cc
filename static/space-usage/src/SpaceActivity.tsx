import { Suspense, useState } from 'react';
import { callResolver } from '../../common/bridge';
import { lazyNamed } from '../../common/dialogs';
import { ErrorMessage } from '../../common/ErrorMessage';
import { formatAsOf } from '../../common/format';
import { Loading } from '../../common/Loading';
import { notCountedYet } from '../../common/UsageAsOf';
import { useLoad } from '../../common/useLoad';
import type { TokenNames } from './audit-csv';
import { ANY_TOKEN, TokenFilter } from './TokenFilter';

/** Chartist and the chart come with the chart, not with the page (the first load's budget is issue 11's). */
const ActivityChart = lazyNamed(() => import('../../common/charts/ActivityChart'), 'ActivityChart');

export const SPACE_CHART_LABEL = 'Requests per day, last 30 days';

interface SpaceActivityProps {
  spaceKey: string;
  tokens: ReadonlyMap<string, TokenNames>;
}

/** The space's requests per day over the last 30 days, by outcome, for every token or one. */
export function SpaceActivity({ spaceKey, tokens }: SpaceActivityProps) {
  const [tokenId, setTokenId] = useState(ANY_TOKEN);
  // Kept here, so the table view stays chosen while another token's numbers load.
  const [asTable, setAsTable] = useState(false);
  const activity = useLoad(() => callResolver('getSpaceActivity', { spaceKey, tokenId: tokenId || undefined }), [spaceKey, tokenId]);
  const token = tokens.get(tokenId);
  const label = token ? `${SPACE_CHART_LABEL}, ${token.label} (${token.owner.displayName})` : SPACE_CHART_LABEL;
  return (
    <div className="stack">
      <div className="field-row filter-row" role="group" aria-label="Filter the chart">
        <TokenFilter id="activity-filter-token" tokens={tokens} value={tokenId} onChange={setTokenId} />
      </div>
      {activity.result.state === 'loading' && <Loading label="Loading the activity" testId="activity-loading" />}
      {activity.result.state === 'failed' && (
        <ErrorMessage failure={activity.result.failure} title="The activity could not be loaded" testId="activity-error" />
      )}
      {activity.result.state === 'ready' && (
        <>
          <Suspense fallback={<Loading label="Loading the chart" testId="activity-chart-loading" />}>
            <ActivityChart
              days={activity.result.value.days}
              label={label}
              testId="space-activity"
              view={{ asTable, setAsTable }}
              uncounted={activity.result.value.uncounted}
            />
          </Suspense>
          <p className="subtle" data-testid="activity-as-of">
            {activity.result.value.asOf
              ? `Days are UTC days. Counted up to ${formatAsOf(activity.result.value.asOf)}; updated every few minutes.`
              : 'Requests appear here a few minutes after they are made.'}
            {activity.result.value.uncounted.count > 0 && ` ${notCountedYet(activity.result.value.uncounted)}`}
          </p>
        </>
      )}
    </div>
  );
}
