import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { SpaceTokenInfo } from '../../../src/contract/resolvers';
import { pluralize } from '../../common/format';
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
  tokens: SpaceTokenInfo[];
  onRevokeAccess: (token: SpaceTokenInfo) => void;
}

/**
 * What the token reaches, as this space's admin may know it: this space, how many others (not which),
 * and its page trees here, titled as the admin finds them.
 */
function SpaceReach({ token }: { token: SpaceTokenInfo }) {
  const here = token.spaces.map((space) => space.key).join(', ') || 'No longer this space';
  const trees = token.pages.map((page) => page.title ?? `a page hidden from you (${page.id})`).join(', ');
  return (
    <div data-testid={`space-token-reach-${token.id}`}>
      <div>{token.otherSpaces > 0 ? `${here} and ${pluralize(token.otherSpaces, 'other space')}` : here}</div>
      {trees && <div className="subtle">Only under {trees}</div>}
      {token.treesElsewhereOnly && <div className="subtle">Only under pages in its other spaces: no page here</div>}
      {token.allowedIps.length > 0 && <div className="subtle">From {token.allowedIps.join(', ')}</div>}
    </div>
  );
}

/** Tokens that reach this space; each row is `space-token-row-<id>`. */
export function SpaceTokenTable({ tokens, onRevokeAccess }: SpaceTokenTableProps) {
  const rows = tokens.map((token) => ({
    key: token.id,
    testId: `space-token-row-${token.id}`,
    cells: [
      { key: token.owner.displayName.toLowerCase(), content: token.owner.displayName },
      { key: token.label.toLowerCase(), content: token.label },
      // The shared cells draw no page trees here: `reach` replaces them with this space's own.
      ...tokenRowCells({ ...token, pages: [] }, COLUMNS, {
        reach: <SpaceReach token={token} />,
        statusTestId: `space-token-status-${token.id}`,
        revokeButton: (
          <Button
            appearance="danger"
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
