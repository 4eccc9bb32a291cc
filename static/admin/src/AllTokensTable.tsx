import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { ManagedTokenInfo } from '../../../src/contract/resolvers';
import { formatDate, formatDateTime, formatOperations, formatSpaces } from '../../common/format';
import { StatusLozenge } from '../../common/StatusLozenge';

const HEAD = {
  cells: [
    { key: 'owner', content: 'Owner', isSortable: true },
    { key: 'label', content: 'Label', isSortable: true },
    { key: 'status', content: 'Status' },
    { key: 'spaces', content: 'Spaces' },
    { key: 'operations', content: 'Operations' },
    { key: 'created', content: 'Created', isSortable: true },
    { key: 'expires', content: 'Expires', isSortable: true },
    { key: 'lastUsed', content: 'Last used', isSortable: true },
    { key: 'usage', content: 'Uses', isSortable: true },
    { key: 'actions', content: <span className="visually-hidden">Actions</span> },
  ],
};

interface AllTokensTableProps {
  tokens: ManagedTokenInfo[];
  onRevoke: (token: ManagedTokenInfo) => void;
}

/** Every token on the site; each row is `all-token-row-<id>`. */
export function AllTokensTable({ tokens, onRevoke }: AllTokensTableProps) {
  const rows = tokens.map((token) => ({
    key: token.id,
    testId: `all-token-row-${token.id}`,
    cells: [
      { key: token.owner.displayName.toLowerCase(), content: token.owner.displayName },
      { key: token.label.toLowerCase(), content: token.label },
      { content: <StatusLozenge status={token.status} testId={`all-token-status-${token.id}`} /> },
      { content: formatSpaces(token.spaces) },
      { content: formatOperations(token.operations) },
      { key: token.createdAt, content: formatDate(token.createdAt) },
      { key: token.expiresAt, content: formatDate(token.expiresAt) },
      { key: token.lastUsedAt ?? '', content: formatDateTime(token.lastUsedAt, 'Never') },
      { key: token.usageCount, content: token.usageCount },
      {
        content:
          token.status === 'active' ? (
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => onRevoke(token)}
              aria-label={`Revoke token ${token.label} of ${token.owner.displayName}`}
              testId={`admin-revoke-token-${token.id}`}
            >
              Revoke
            </Button>
          ) : null,
      },
    ],
  }));

  return (
    <div className="table-wrap">
      <DynamicTable
        label="All API tokens on this site"
        head={HEAD}
        rows={rows}
        testId="all-tokens-table"
      />
    </div>
  );
}
