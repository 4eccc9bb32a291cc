import DynamicTable from '@atlaskit/dynamic-table';
import type { AuditEvent, AuditPage } from '../../../src/contract/resolvers';
import { describeOperation } from '../../common/audit-operations';
import { callResolver } from '../../common/bridge';
import { ErrorMessage } from '../../common/ErrorMessage';
import { formatDateTime } from '../../common/format';
import { Loading } from '../../common/Loading';
import { OutcomeLozenge } from '../../common/OutcomeLozenge';
import { requestReason } from '../../common/request-reasons';
import { useLoad } from '../../common/useLoad';

/** One page of the owner's audit query: what the dialog has room for. */
export const RECENT_REQUESTS = 20;

const HEAD = {
  cells: [
    { key: 'at', content: 'Time' },
    { key: 'request', content: 'Request' },
    { key: 'outcome', content: 'Outcome' },
    { key: 'reason', content: 'Why' },
  ],
};

function target(event: AuditEvent, pages: AuditPage['pages']): string {
  const sighting = event.pageId === null ? undefined : pages?.[event.pageId];
  const page = event.pageId === null ? null : sighting?.state === 'visible' || (sighting?.state === 'deleted' && sighting.title) ? `“${sighting.title}”` : `page ${event.pageId}`;
  return [event.spaceKey, page].filter(Boolean).join(', ');
}

/**
 * The token's latest requests with their outcome and, for refusals and failures, the reason in words:
 * the owner sees why a script got its 404 (outside the token's spaces, page trees, allowlist...), which
 * the script itself is not told.
 */
export function RecentRequests({ tokenId }: { tokenId: string }) {
  const { result } = useLoad(() => callResolver('listAudit', { tokenId, limit: RECENT_REQUESTS }), [tokenId]);
  if (result.state === 'loading') return <Loading label="Loading recent requests" testId="recent-requests-loading" />;
  if (result.state === 'failed') return <ErrorMessage failure={result.failure} title="Recent requests could not be loaded" testId="recent-requests-error" />;
  const { items, pages } = result.value;
  if (items.length === 0) return <p className="subtle" data-testid="recent-requests-empty">No requests yet.</p>;
  const rows = items.map((event) => ({
    key: event.id,
    testId: `recent-request-${event.id}`,
    cells: [
      { content: formatDateTime(event.at) },
      {
        content: (
          <div>
            <div>
              {describeOperation(event.operation)} ({event.method})
            </div>
            <div className="subtle">{target(event, pages)}</div>
          </div>
        ),
      },
      { content: <OutcomeLozenge outcome={event.outcome} /> },
      {
        content:
          event.outcome === 'ok' ? (
            '—'
          ) : (
            <div data-testid={`recent-request-reason-${event.id}`}>
              <div>{requestReason(event)}</div>
              <div className="subtle">
                HTTP {event.status}
                {event.code && (
                  <>
                    , <span className="mono">{event.code}</span>
                  </>
                )}
                {event.clientIp && `, from ${event.clientIp}`}
              </div>
            </div>
          ),
      },
    ],
  }));
  return (
    <div className="table-wrap">
      <DynamicTable label="Recent requests, newest first" head={HEAD} rows={rows} testId="recent-requests-table" />
    </div>
  );
}
