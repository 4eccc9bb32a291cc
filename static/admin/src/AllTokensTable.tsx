import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { ManagedTokenInfo, Policy } from '../../../src/contract/resolvers';
import { type TokenColumn, tokenHeadCells, tokenRowCells } from '../../common/token-columns';

const COLUMNS: TokenColumn[] = ['status', 'spaces', 'operations', 'created', 'expires', 'lastUsed', 'usage', 'actions'];

const HEAD = {
  cells: [
    { key: 'owner', content: 'Owner', isSortable: true },
    { key: 'label', content: 'Label', isSortable: true },
    ...tokenHeadCells(COLUMNS),
  ],
};

interface AllTokensTableProps {
  tokens: ManagedTokenInfo[];
  /** When known, rows show what each token may do now. */
  policy?: Policy;
  onRevoke: (token: ManagedTokenInfo) => void;
}

/** Every token on the site; each row is `all-token-row-<id>`. */
export function AllTokensTable({ tokens, policy, onRevoke }: AllTokensTableProps) {
  const rows = tokens.map((token) => ({
    key: token.id,
    testId: `all-token-row-${token.id}`,
    cells: [
      { key: token.owner.displayName.toLowerCase(), content: token.owner.displayName },
      { key: token.label.toLowerCase(), content: token.label },
      ...tokenRowCells(token, COLUMNS, {
        statusTestId: `all-token-status-${token.id}`,
        policy,
        revokeButton: (
          <Button
            appearance="danger"
            spacing="compact"
            onClick={() => onRevoke(token)}
            aria-label={`Revoke token ${token.label} of ${token.owner.displayName}`}
            testId={`admin-revoke-token-${token.id}`}
          >
            Revoke
          </Button>
        ),
      }),
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
