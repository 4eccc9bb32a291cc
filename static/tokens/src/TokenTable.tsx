import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { TokenInfo } from '../../../src/contract/resolvers';
import { formatDate, formatDateTime, formatOperations, formatSpaces } from '../../common/format';
import { StatusLozenge } from '../../common/StatusLozenge';

const HEAD = {
  cells: [
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

interface TokenTableProps {
  tokens: TokenInfo[];
  onRevoke: (token: TokenInfo) => void;
}

/** The person's own tokens; each row is `token-row-<id>`. */
export function TokenTable({ tokens, onRevoke }: TokenTableProps) {
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
      { key: token.status, content: <StatusLozenge status={token.status} testId={`token-status-${token.id}`} /> },
      { content: formatSpaces(token.spaces) },
      { content: formatOperations(token.operations) },
      { key: token.createdAt, content: formatDate(token.createdAt) },
      { key: token.expiresAt, content: formatDate(token.expiresAt) },
      { key: token.lastUsedAt ?? '', content: formatDateTime(token.lastUsedAt, 'Never') },
      { key: token.usageCount, content: <span data-testid={`token-usage-${token.id}`}>{token.usageCount}</span> },
      {
        content:
          token.status === 'active' ? (
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => onRevoke(token)}
              aria-label={`Revoke token ${token.label}`}
              testId={`revoke-token-${token.id}`}
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
        label="Your API tokens"
        head={HEAD}
        rows={rows}
        testId="tokens-table"
      />
    </div>
  );
}
