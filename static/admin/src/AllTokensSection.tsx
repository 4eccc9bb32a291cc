import { useState } from 'react';
import type { ManagedTokenInfo, Policy } from '../../../src/contract/resolvers';
import { callResolver } from '../../common/bridge';
import { ConfirmDialog, ModalTransition } from '../../common/dialogs';
import { Section } from '../../common/Layout';
import { PagedListView } from '../../common/PagedListView';
import { UsageAsOf } from '../../common/UsageAsOf';
import { usePagedList } from '../../common/usePagedList';
import { AllTokensTable } from './AllTokensTable';
import { ADMINS_ONLY } from './admins-only';

/** Every token on the site, for site admins, who may revoke any of them. */
export function AllTokensSection({ policy }: { policy?: Policy }) {
  const tokens = usePagedList((cursor?: string) => callResolver('listAllTokens', { cursor }), []);
  const [revoking, setRevoking] = useState<ManagedTokenInfo | null>(null);
  const [notice, setNotice] = useState('');

  async function revoke(token: ManagedTokenInfo) {
    const { token: revoked } = await callResolver('adminRevokeToken', { id: token.id });
    tokens.update((list) => list.map((candidate) => (candidate.id === revoked.id ? revoked : candidate)));
    setNotice(`Token “${revoked.label}” of ${revoked.owner.displayName} revoked.`);
    setRevoking(null);
  }

  return (
    <>
      <Section id="all-tokens" title="All tokens">
        <p role="status" className="status-text" data-testid="admin-notice">
          {notice}
        </p>
        <PagedListView
          list={tokens}
          testIdPrefix="all-tokens"
          loadingLabel="Loading tokens"
          failureTitle="The tokens could not be loaded"
          failureOverrides={ADMINS_ONLY}
          emptyHeader="No tokens yet"
          emptyDescription="Nobody on this site has created an API token."
          loadMoreLabel="Load more"
        >
          {(items) => (
            <>
              <UsageAsOf usageAsOf={tokens.lastPage?.usageAsOf} testId="all-tokens-usage-as-of" />
              <AllTokensTable tokens={items} policy={policy} onRevoke={setRevoking} />
            </>
          )}
        </PagedListView>
      </Section>

      <ModalTransition>
        {revoking && (
          <ConfirmDialog
            title={`Revoke “${revoking.label}”?`}
            confirmLabel="Revoke token"
            testId="admin-revoke-dialog"
            onConfirm={() => revoke(revoking)}
            onClose={() => setRevoking(null)}
          >
            <p>
              The token of {revoking.owner.displayName} stops working at once, in every space. This cannot be undone.
            </p>
          </ConfirmDialog>
        )}
      </ModalTransition>
    </>
  );
}
