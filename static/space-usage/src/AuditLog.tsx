import { useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { Label } from '@atlaskit/form';
import { LazySelect } from '../../common/LazySelect';
import type { AuditOutcome } from '../../../src/contract/resolvers';
import { AUDIT_OPERATION_LABELS, describeOperation, type AuditOperation } from '../../common/audit-operations';
import { callResolver } from '../../common/bridge';
import { formatDateTime, pluralize } from '../../common/format';
import { PagedListView } from '../../common/PagedListView';
import { usePagedList } from '../../common/usePagedList';
import type { TokenNames } from './audit-csv';
import { OUTCOME_LABELS } from '../../common/outcomes';
import { OutcomeLozenge } from '../../common/OutcomeLozenge';
import { eventToken, nameEvents, settleDeleted, type NamedEvent } from './page-names';
import { PageCell } from './PageCell';
import { ANY_TOKEN, TokenFilter } from './TokenFilter';

const PAGE_SIZE = 50;
const ANY = '';

interface Option<V> {
  label: string;
  value: V;
}

const OPERATION_OPTIONS: Option<AuditOperation | typeof ANY>[] = [
  { label: 'Any operation', value: ANY },
  ...(Object.keys(AUDIT_OPERATION_LABELS) as AuditOperation[]).map((operation) => ({
    label: AUDIT_OPERATION_LABELS[operation],
    value: operation,
  })),
];

const OUTCOME_OPTIONS: Option<AuditOutcome | typeof ANY>[] = [
  { label: 'Any outcome', value: ANY },
  ...(Object.keys(OUTCOME_LABELS) as AuditOutcome[]).map((outcome) => ({ label: OUTCOME_LABELS[outcome], value: outcome })),
];

const HEAD = {
  cells: [
    { key: 'at', content: 'Time' },
    { key: 'token', content: 'Token' },
    { key: 'operation', content: 'Operation' },
    { key: 'page', content: 'Page' },
    { key: 'outcome', content: 'Outcome' },
    { key: 'status', content: 'HTTP status' },
    { key: 'code', content: 'Error code' },
    { key: 'client', content: 'Client IP' },
  ],
};

interface AuditLogProps {
  spaceKey: string;
  /** Tokens that reach the space, to filter by and to name the tokens of events. */
  tokens: ReadonlyMap<string, TokenNames>;
}

/** The gateway's audit events in this space, newest first, filtered and paged by the backend. */
export function AuditLog({ spaceKey, tokens }: AuditLogProps) {
  const [tokenId, setTokenId] = useState<string>(ANY_TOKEN);
  const [operation, setOperation] = useState<AuditOperation | typeof ANY>(ANY);
  const [outcome, setOutcome] = useState<AuditOutcome | typeof ANY>(ANY);

  const events = usePagedList(async (cursor?: string) => {
    const answer = await callResolver('listAudit', {
      spaceKey,
      tokenId: tokenId || undefined,
      operation: operation || undefined,
      outcome: outcome || undefined,
      cursor,
      limit: PAGE_SIZE,
    });
    return { items: nameEvents(answer), cursor: answer.cursor };
  }, [spaceKey, tokenId, operation, outcome]);
  const named = useMemo(() => settleDeleted(events.items), [events.items]);
  const titlesMissing = named.some((event) => event.page?.state === 'unknown');

  async function exportCsv() {
    // Loaded when used: most visits never export (issue 11 keeps what a first view needs small).
    const [{ auditCsv }, { downloadText }] = await Promise.all([import('./audit-csv'), import('./download')]);
    const date = new Date().toISOString().slice(0, 10);
    downloadText(`api-token-audit-${spaceKey}-${date}.csv`, auditCsv(named, tokens), 'text/csv;charset=utf-8');
  }

  const rows = named.map((event: NamedEvent) => {
    const token = eventToken(event, tokens);
    return {
      key: event.id,
      testId: `audit-row-${event.id}`,
      cells: [
        { content: formatDateTime(event.at) },
        {
          content: token ? (
            <div data-testid={`audit-token-${event.id}`}>
              <div>{token.label ?? 'A deleted token'}</div>
              <div className="subtle">{token.owner.displayName}</div>
            </div>
          ) : (
            <span className="mono">{event.tokenId}</span>
          ),
        },
        { content: `${describeOperation(event.operation)} (${event.method})` },
        {
          content:
            event.pageId !== null && event.page ? (
              <PageCell pageId={event.pageId} page={event.page} testId={`audit-page-${event.id}`} />
            ) : (
              '—'
            ),
        },
        { content: <OutcomeLozenge outcome={event.outcome} testId={`audit-outcome-${event.id}`} /> },
        { content: event.status },
        { content: event.code ? <span className="mono">{event.code}</span> : '—' },
        { content: event.clientIp ?? '—' },
      ],
    };
  });

  return (
    <div className="stack">
      <div className="field-row filter-row" role="group" aria-label="Filter the audit log">
        <TokenFilter id="audit-filter-token" tokens={tokens} value={tokenId} onChange={setTokenId} />
        <div>
          <Label htmlFor="audit-filter-operation">Operation</Label>
          <LazySelect<Option<AuditOperation | typeof ANY>, false>
            inputId="audit-filter-operation"
            options={OPERATION_OPTIONS}
            value={OPERATION_OPTIONS.find((option) => option.value === operation)}
            onChange={(option) => setOperation(option?.value ?? ANY)}
            isSearchable={false}
            testId="audit-filter-operation"
          />
        </div>
        <div>
          <Label htmlFor="audit-filter-outcome">Outcome</Label>
          <LazySelect<Option<AuditOutcome | typeof ANY>, false>
            inputId="audit-filter-outcome"
            options={OUTCOME_OPTIONS}
            value={OUTCOME_OPTIONS.find((option) => option.value === outcome)}
            onChange={(option) => setOutcome(option?.value ?? ANY)}
            isSearchable={false}
            testId="audit-filter-outcome"
          />
        </div>
      </div>

      <div className="button-row">
        <Button onClick={exportCsv} isDisabled={events.items.length === 0} testId="audit-export-csv">
          Export CSV
        </Button>
        <span className="subtle" role="status" data-testid="audit-count">
          {events.isLoading ? '' : `${pluralize(events.items.length, 'event')} loaded${events.hasMore ? ', more available' : ''}.`}
        </span>
      </div>

      {titlesMissing && (
        <p className="subtle" data-testid="audit-titles-missing">
          Confluence did not answer when asked for page titles, so some pages show by ID only.
        </p>
      )}

      <PagedListView
        list={events}
        testIdPrefix="audit"
        loadingLabel="Loading audit events"
        failureTitle="The audit log could not be loaded"
        failureOverrides={{ FORBIDDEN: 'Only space admins can see this.' }}
        emptyHeader="No events"
        emptyDescription="No gateway request matches these filters yet."
        loadMoreLabel="Load more"
      >
        {() => (
          <div className="table-wrap">
            <DynamicTable
              label="Audit events, newest first"
              head={HEAD}
              rows={rows}
              testId="audit-table"
            />
          </div>
        )}
      </PagedListView>
    </div>
  );
}
