import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { Policy, TokenInfo } from '../../../src/contract/resolvers';
import { type TokenColumn, tokenHeadCells, tokenRowCells } from '../../common/token-columns';

const COLUMNS: TokenColumn[] = ['status', 'spaces', 'operations', 'created', 'expires', 'lastUsed', 'usage', 'actions'];

const HEAD = {
  cells: [{ key: 'label', content: 'Label', isSortable: true }, ...tokenHeadCells(COLUMNS)],
};

interface TokenTableProps {
  tokens: TokenInfo[];
  /** When known, rows show what each token may do now. */
  policy?: Policy;
  onRevoke: (token: TokenInfo) => void;
  onRotate: (token: TokenInfo) => void;
}

/** The person's own tokens; each row is `token-row-<id>`. */
export function TokenTable({ tokens, policy, onRevoke, onRotate }: TokenTableProps) {
  const rows = tokens.map((token) => ({
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
          </div>
        ),
      },
      ...tokenRowCells(token, COLUMNS, {
        statusTestId: `token-status-${token.id}`,
        policy,
        usageTestId: `token-usage-${token.id}`,
        revokeButton: (
          <div className="button-row">
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => onRotate(token)}
              aria-label={`Rotate token ${token.label}`}
              testId={`rotate-token-${token.id}`}
            >
              Rotate
            </Button>
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => onRevoke(token)}
              aria-label={`Revoke token ${token.label}`}
              testId={`revoke-token-${token.id}`}
            >
              Revoke
            </Button>
          </div>
        ),
      }),
    ],
  }));

  return (
    <div className="table-wrap">
      <DynamicTable
        label="Your API tokens"
        head={HEAD}
        rows={rows}
        testId="tokens-table"
      />
    </div>
  );
}
