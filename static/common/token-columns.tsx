import type { ReactNode } from 'react';
import type { AdminCutInfo, Policy, TokenInfo } from '../../src/contract/resolvers';
import { effectiveRights } from './effective-rights';
import { formatDate, formatDateTime, formatOperations, formatPages, formatSpaces } from './format';
import { ExpiresSoonLozenge, StatusLozenge } from './StatusLozenge';

/** Who made a cut, as its owner reads it: “Ada Admin, admin of DOCS” or “Sam Site, a site admin”. */
export function cutAuthor(cut: AdminCutInfo): string {
  return cut.spaceKey === null ? `${cut.by.displayName}, a site admin` : `${cut.by.displayName}, admin of ${cut.spaceKey}`;
}

/** The token's spaces, and what narrows it within them: page trees and an IP allowlist; spaces admins removed, and by whom. */
function TokenReach({ token }: { token: Pick<TokenColumnFields, 'spaces' | 'pages' | 'allowedIps' | 'adminCuts'> }) {
  const removed = token.adminCuts.filter((cut) => cut.spaceKey !== null);
  return (
    <div>
      <div>{token.spaces.length > 0 ? formatSpaces(token.spaces) : 'No space left'}</div>
      {token.pages.length > 0 && <div className="subtle">Only under {formatPages(token.pages)}</div>}
      {token.allowedIps.length > 0 && <div className="subtle">From {token.allowedIps.join(', ')}</div>}
      {removed.map((cut) => (
        <div className="subtle" key={`${cut.spaceKey}-${cut.at}`}>{`${cut.spaceKey} removed by ${cut.by.displayName}, ${formatDate(cut.at)}`}</div>
      ))}
    </div>
  );
}

/** The admin's cut that revoked the token, if an admin revoked it. */
const revokingCut = (token: Pick<TokenColumnFields, 'adminCuts'>) => token.adminCuts.find((cut) => cut.revoked);


/** The columns every token table draws the same way; each table picks the ones it shows, in its own order. */
export type TokenColumn = 'status' | 'spaces' | 'operations' | 'created' | 'expires' | 'lastUsed' | 'usage' | 'actions';

interface TableCell {
  key?: string | number;
  content: ReactNode;
}

interface TableHeadCell extends TableCell {
  isSortable?: boolean;
}

/** The token fields the shared columns show; both a person's own tokens and managed tokens have them. */
type TokenColumnFields = Pick<
  TokenInfo,
  'status' | 'spaces' | 'operations' | 'createdAt' | 'expiresAt' | 'lastUsedAt' | 'usageCount' | 'pages' | 'allowedIps' | 'expiresSoon' | 'adminCuts'
>;

const HEAD_CELLS: Record<TokenColumn, TableHeadCell> = {
  status: { key: 'status', content: 'Status' },
  spaces: { key: 'spaces', content: 'Spaces' },
  operations: { key: 'operations', content: 'Operations' },
  created: { key: 'created', content: 'Created', isSortable: true },
  expires: { key: 'expires', content: 'Expires', isSortable: true },
  lastUsed: { key: 'lastUsed', content: 'Last used', isSortable: true },
  usage: { key: 'usage', content: 'Uses', isSortable: true },
  actions: { key: 'actions', content: <span className="visually-hidden">Actions</span> },
};

export function tokenHeadCells(columns: readonly TokenColumn[]): TableHeadCell[] {
  return columns.map((column) => HEAD_CELLS[column]);
}

export interface TokenCellOptions {
  statusTestId: string;
  /** Wraps the use count in a span with this test id; without it the count stands alone. */
  usageTestId?: string;
  /** Shown in the actions column while the token is active; revoked and expired tokens have nothing to revoke. */
  revokeButton: ReactNode;
  /** The site policy, when known: the columns then show what the token may do now (the gateway narrows it at use). */
  policy?: Pick<Policy, 'allowedOperations' | 'maxLifetimeDays'>;
  /** Drawn in the spaces column instead of the token's spaces and trees (a space's view shows only its own). */
  reach?: ReactNode;
  /** Requests the background fold has not counted yet, when known: the use count lags by these. */
  uncounted?: number;
}

/** The row cells for `columns`, in that order, so they line up with `tokenHeadCells(columns)`. */
export function tokenRowCells(
  token: TokenColumnFields,
  columns: readonly TokenColumn[],
  { statusTestId, usageTestId, revokeButton, policy, reach, uncounted = 0 }: TokenCellOptions,
): TableCell[] {
  const now = effectiveRights(token, policy);
  const revokedBy = now.status === 'revoked' ? revokingCut(token) : undefined;
  const cells: Record<TokenColumn, TableCell> = {
    status: {
      key: now.status,
      content: (
        <div className="lozenges">
          <StatusLozenge status={now.status} testId={statusTestId} />
          {token.expiresSoon && now.status === 'active' && <ExpiresSoonLozenge testId={`${statusTestId}-soon`} />}
          {revokedBy && (
            <div className="subtle" data-testid={`${statusTestId}-by`}>
              {`by ${cutAuthor(revokedBy)}, ${formatDate(revokedBy.at)}`}
            </div>
          )}
        </div>
      ),
    },
    spaces: { content: reach ?? <TokenReach token={token} /> },
    operations: {
      content: (
        <div>
          <div>{now.operations.length > 0 ? formatOperations(now.operations) : 'None'}</div>
          {now.removed.length > 0 && <div className="subtle">{`Not allowed by the site policy: ${formatOperations(now.removed)}`}</div>}
        </div>
      ),
    },
    created: { key: token.createdAt, content: formatDate(token.createdAt) },
    expires: {
      key: now.expiresAt,
      content: (
        <div>
          <div>{formatDate(now.expiresAt)}</div>
          {now.shortened && <div className="subtle">Shortened by the site policy</div>}
        </div>
      ),
    },
    lastUsed: { key: token.lastUsedAt ?? '', content: formatDateTime(token.lastUsedAt, uncounted > 0 ? 'A moment ago' : 'Never') },
    usage: {
      key: token.usageCount,
      content: (
        <div>
          {usageTestId ? <span data-testid={usageTestId}>{token.usageCount}</span> : token.usageCount}
          {uncounted > 0 && <div className="subtle">{`+${uncounted} not counted yet`}</div>}
        </div>
      ),
    },
    actions: { content: token.status === 'active' ? revokeButton : null },
  };
  return columns.map((column) => cells[column]);
}
