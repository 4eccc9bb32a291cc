import { Suspense } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { DayActivity, Policy, TokenInfo } from '../../../src/contract/resolvers';
import { lazyNamed } from '../../common/dialogs';
import { formatDateTime } from '../../common/format';
import { type TokenColumn, tokenHeadCells, tokenRowCells } from '../../common/token-columns';
import { useSeen } from '../../common/useSeen';

/** Chartist comes with the first sparkline on screen, not with the page. */
const Sparkline = lazyNamed(() => import('../../common/charts/Sparkline'), 'Sparkline');

export const TOKEN_CHART_LABEL = 'Requests per day, last 30 days';

/** The shared columns, then the sparkline, then the actions. */
const COLUMNS: TokenColumn[] = ['status', 'spaces', 'operations', 'created', 'expires', 'lastUsed', 'usage'];
const LAST_COLUMNS: TokenColumn[] = ['actions'];

const HEAD = {
  cells: [
    { key: 'label', content: 'Label', isSortable: true },
    ...tokenHeadCells(COLUMNS),
    { key: 'activity', content: 'Last 30 days' },
    ...tokenHeadCells(LAST_COLUMNS),
  ],
};

interface TokenTableProps {
  tokens: TokenInfo[];
  /** When known, rows show what each token may do now. */
  policy?: Policy;
  /** Requests per day by token id; absent while loading (or when it could not be loaded). */
  activity: Record<string, DayActivity[]> | undefined;
  onShowActivity: (token: TokenInfo) => void;
  onRevoke: (token: TokenInfo) => void;
  onRotate: (token: TokenInfo) => void;
  /** Requests not counted yet in the use counts, by token id. */
  uncounted?: Record<string, number>;
  /** The creation form above has its final height; until then the list may show only briefly. */
  layoutSettled: boolean;
}

/** The person's own tokens; each row is `token-row-<id>`. */
export function TokenTable({ tokens, policy, uncounted, activity, onShowActivity, onRevoke, onRotate, layoutSettled }: TokenTableProps) {
  // The list sits below the creation form: its sparklines load when it scrolls into view, once the
  // form has loaded (before that the list is briefly at the top, in view, and would fetch them).
  const [tableRef, tableSeen] = useSeen<HTMLDivElement>(layoutSettled);
  const rows = tokens.map((token) => {
    const shared = tokenRowCells(token, [...COLUMNS, ...LAST_COLUMNS], {
      statusTestId: `token-status-${token.id}`,
      policy,
      uncounted: uncounted?.[token.id],
      usageTestId: `token-usage-${token.id}`,
      revokeButton: (
        <div className="button-row row-actions">
          <Button
            appearance="default"
            spacing="compact"
            onClick={() => onRotate(token)}
            aria-label={`Rotate token ${token.label}`}
            testId={`rotate-token-${token.id}`}
          >
            Rotate
          </Button>
          <Button
            appearance="danger"
            spacing="compact"
            onClick={() => onRevoke(token)}
            aria-label={`Revoke token ${token.label}`}
            testId={`revoke-token-${token.id}`}
          >
            Revoke
          </Button>
        </div>
      ),
    });
    const days = tableSeen ? activity?.[token.id] : undefined;
    return {
      key: token.id,
      testId: `token-row-${token.id}`,
      cells: [
        {
          key: token.label.toLowerCase(),
          content: (
            <div>
              <div data-testid={`token-name-${token.id}`}>{token.label}</div>
              <div className="mono subtle" data-testid={`token-hint-${token.id}`}>
                {token.hint}
              </div>
              {token.status === 'active' && token.previousSecretValidUntil && Date.parse(token.previousSecretValidUntil) > Date.now() && (
                <div className="subtle" data-testid={`token-grace-${token.id}`}>
                  Rotated: the previous secret still works until {formatDateTime(token.previousSecretValidUntil)}.
                </div>
              )}
            </div>
          ),
        },
        ...shared.slice(0, COLUMNS.length),
        {
          content: days && (
            <Suspense fallback={null}>
              <Sparkline
                days={days}
                label={`${TOKEN_CHART_LABEL}, ${token.label}`}
                onOpen={() => onShowActivity(token)}
                testId={`token-sparkline-${token.id}`}
              />
            </Suspense>
          ),
        },
        ...shared.slice(COLUMNS.length),
      ],
    };
  });

  return (
    <div className="table-wrap" ref={tableRef}>
      <DynamicTable label="Your API tokens" head={HEAD} rows={rows} testId="tokens-table" />
    </div>
  );
}
