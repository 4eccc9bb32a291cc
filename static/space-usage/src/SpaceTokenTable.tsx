import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { ManagedTokenInfo } from '../../../src/contract/resolvers';
import { formatDateTime, formatOperations } from '../../common/format';
import { StatusLozenge } from '../../common/StatusLozenge';

const HEAD = {
  cells: [
    { key: 'owner', content: 'Owner', isSortable: true },
    { key: 'label', content: 'Label', isSortable: true },
    { key: 'operations', content: 'Operations' },
    { key: 'status', content: 'Status' },
    { key: 'lastUsed', content: 'Last used', isSortable: true },
    { key: 'usage', content: 'Uses', isSortable: true },
    { key: 'actions', content: <span className="visually-hidden">Actions</span> },
  ],
};

interface SpaceTokenTableProps {
  tokens: ManagedTokenInfo[];
  onRevokeAccess: (token: ManagedTokenInfo) => void;
}

/** Tokens that reach this space; each row is `space-token-row-<id>`. */
export function SpaceTokenTable({ tokens, onRevokeAccess }: SpaceTokenTableProps) {
  const rows = tokens.map((token) => ({
    key: token.id,
    testId: `space-token-row-${token.id}`,
    cells: [
      { key: token.owner.displayName.toLowerCase(), content: token.owner.displayName },
      { key: token.label.toLowerCase(), content: token.label },
      { content: formatOperations(token.operations) },
      { content: <StatusLozenge status={token.status} testId={`space-token-status-${token.id}`} /> },
      { key: token.lastUsedAt ?? '', content: formatDateTime(token.lastUsedAt, 'Never') },
      { key: token.usageCount, content: token.usageCount },
      {
        content:
          token.status === 'active' ? (
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => onRevokeAccess(token)}
              aria-label={`Revoke access to this space for ${token.label} (${token.owner.displayName})`}
              testId={`revoke-space-access-${token.id}`}
            >
              Revoke access
            </Button>
          ) : null,
      },
    ],
  }));

  return (
    <div className="table-wrap">
      <DynamicTable
        label="Tokens that reach this space"
        head={HEAD}
        rows={rows}
        testId="space-tokens-table"
      />
    </div>
  );
}
