import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { ManagedTokenInfo } from '../../../src/contract/resolvers';
import { type TokenColumn, tokenHeadCells, tokenRowCells } from '../../common/token-columns';

const COLUMNS: TokenColumn[] = ['spaces', 'operations', 'status', 'expires', 'lastUsed', 'usage', 'actions'];

const HEAD = {
  cells: [
    { key: 'owner', content: 'Owner', isSortable: true },
    { key: 'label', content: 'Label', isSortable: true },
    ...tokenHeadCells(COLUMNS),
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
      ...tokenRowCells(token, COLUMNS, {
        statusTestId: `space-token-status-${token.id}`,
        revokeButton: (
          <Button
            appearance="subtle"
            spacing="compact"
            onClick={() => onRevokeAccess(token)}
            aria-label={`Revoke access to this space for ${token.label} (${token.owner.displayName})`}
            testId={`revoke-space-access-${token.id}`}
          >
            Revoke access
          </Button>
        ),
      }),
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
