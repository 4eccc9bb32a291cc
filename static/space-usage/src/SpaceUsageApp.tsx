import { useMemo, useState } from 'react';
import SectionMessage from '@atlaskit/section-message';
import { view } from '@forge/bridge';
import type { SpaceTokenInfo } from '../../../src/contract/resolvers';
import { callResolver } from '../../common/bridge';
import { ConfirmDialog, ModalTransition } from '../../common/dialogs';
import { ErrorMessage } from '../../common/ErrorMessage';
import { PageLayout, Section } from '../../common/Layout';
import { Loading } from '../../common/Loading';
import { PagedListView } from '../../common/PagedListView';
import { UsageAsOf } from '../../common/UsageAsOf';
import { useLoad } from '../../common/useLoad';
import { usePagedList } from '../../common/usePagedList';
import { AuditLog } from './AuditLog';
import type { TokenNames } from './audit-csv';
import { SpaceActivity } from './SpaceActivity';
import { SpaceTokenTable } from './SpaceTokenTable';

/** The space this settings page belongs to. For display and as the key to ask about; the backend checks the rest. */
async function spaceKeyFromContext(): Promise<string> {
  const context = await view.getContext();
  const key: unknown = context.extension?.space?.key;
  if (typeof key !== 'string' || key === '') throw new Error("Open this page from a space's settings.");
  return key;
}

export function SpaceUsageApp() {
  const space = useLoad(spaceKeyFromContext, []);
  return (
    <PageLayout
      title="API token usage"
      intro={
        space.result.state === 'ready' ? (
          <>
            Personal API tokens that can reach the space <strong data-testid="space-key">{space.result.value}</strong>,
            and what they did here.
          </>
        ) : undefined
      }
    >
      {space.result.state === 'loading' && <Loading label="Loading the space" testId="space-loading" />}
      {space.result.state === 'failed' && (
        <ErrorMessage failure={space.result.failure} title="This page could not start" testId="space-error" />
      )}
      {space.result.state === 'ready' && <SpaceUsage spaceKey={space.result.value} />}
    </PageLayout>
  );
}

function SpaceUsage({ spaceKey }: { spaceKey: string }) {
  const tokens = usePagedList(async (cursor?: string) => {
    const page = await callResolver('listSpaceTokens', { spaceKey, cursor });
    return { items: page.tokens, cursor: page.cursor, usageAsOf: page.usageAsOf };
  }, [spaceKey]);
  const [revoking, setRevoking] = useState<SpaceTokenInfo | null>(null);
  const [notice, setNotice] = useState('');

  const tokenNames = useMemo(
    () => new Map<string, TokenNames>(tokens.items.map((token) => [token.id, { label: token.label, owner: token.owner }])),
    [tokens.items],
  );

  if (tokens.failure?.code === 'FORBIDDEN') {
    return (
      <SectionMessage appearance="warning" title="Only space admins can see this" testId="space-forbidden">
        <p>Ask an admin of this space if you need to know which API tokens can reach it.</p>
      </SectionMessage>
    );
  }

  async function revokeAccess(token: SpaceTokenInfo) {
    const { token: changed } = await callResolver('revokeSpaceAccess', { spaceKey, tokenId: token.id });
    const stillReaches = changed.spaces.some((candidate) => candidate.key === spaceKey);
    tokens.update((list) =>
      stillReaches ? list.map((t) => (t.id === changed.id ? changed : t)) : list.filter((t) => t.id !== changed.id),
    );
    setNotice(
      changed.status === 'revoked' && token.status !== 'revoked'
        ? `“${changed.label}” can no longer reach this space. It reached no other space, so it was revoked.`
        : `“${changed.label}” can no longer reach this space.`,
    );
    setRevoking(null);
  }

  return (
    <>
      <Section
        id="space-activity-section"
        title="Activity"
        description="Requests that tokens made in this space through the gateway, per day and by outcome."
      >
        <SpaceActivity spaceKey={spaceKey} tokens={tokenNames} />
      </Section>

      <Section
        id="space-tokens"
        title="Tokens that reach this space"
        description="Revoking access removes only this space from a token; it keeps working in its other spaces."
      >
        <p role="status" className="status-text" data-testid="space-usage-notice">
          {notice}
        </p>
        <PagedListView
          list={tokens}
          testIdPrefix="space-tokens"
          loadingLabel="Loading tokens"
          failureTitle="The tokens could not be loaded"
          emptyHeader="No tokens reach this space"
          emptyDescription="When someone creates an API token for this space, it appears here."
          loadMoreLabel="Load more tokens"
        >
          {(items) => (
            <>
              <UsageAsOf usageAsOf={tokens.lastPage?.usageAsOf} testId="space-tokens-usage-as-of" />
              <SpaceTokenTable tokens={items} onRevokeAccess={setRevoking} />
            </>
          )}
        </PagedListView>
      </Section>

      <Section
        id="audit-log"
        title="Audit log"
        description="Every request a token made in this space through the gateway. Pages show as you see them in Confluence: one you cannot see shows as a restricted page."
      >
        <AuditLog spaceKey={spaceKey} tokens={tokenNames} />
      </Section>

      <ModalTransition>
        {revoking && (
          <ConfirmDialog
            title="Revoke access to this space?"
            confirmLabel="Revoke access"
            testId="revoke-space-access-dialog"
            onConfirm={() => revokeAccess(revoking)}
            onClose={() => setRevoking(null)}
          >
            <p>
              The token “{revoking.label}” of {revoking.owner.displayName} stops working in {spaceKey} at once. If this
              is its only space, the token is revoked. This cannot be undone.
            </p>
          </ConfirmDialog>
        )}
      </ModalTransition>
    </>
  );
}
