import { useState } from 'react';
import type { ManagedTokenInfo } from '../../../src/contract/resolvers';
import { callResolver } from '../../common/bridge';
import { ConfirmDialog, ModalTransition } from '../../common/dialogs';
import { ErrorMessage } from '../../common/ErrorMessage';
import { PageLayout, Section } from '../../common/Layout';
import { Loading } from '../../common/Loading';
import { PagedListView } from '../../common/PagedListView';
import { UsageAsOf } from '../../common/UsageAsOf';
import { useLoad } from '../../common/useLoad';
import { usePagedList } from '../../common/usePagedList';
import { AllTokensTable } from './AllTokensTable';
import { PolicyForm } from './PolicyForm';

const ADMINS_ONLY = { FORBIDDEN: 'Only site admins can see this.' };

/** Site admin settings: the token policy and every token on the site. */
export function AdminApp() {
  const policy = useLoad(async () => (await callResolver('getPolicy')).policy, []);
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
    <PageLayout title="Space-scoped API tokens" intro="Rules for everyone's API tokens on this site, and every token issued.">
      <Section id="token-policy" title="Token policy">
        {policy.result.state === 'loading' && <Loading label="Loading the policy" testId="policy-loading" />}
        {policy.result.state === 'failed' && (
          <ErrorMessage
            failure={policy.result.failure}
            title="The policy could not be loaded"
            overrides={ADMINS_ONLY}
            testId="policy-load-error"
          />
        )}
        {policy.result.state === 'ready' && (
          <PolicyForm policy={policy.result.value} onSaved={(saved) => policy.update(() => saved)} />
        )}
      </Section>

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
              <AllTokensTable tokens={items} onRevoke={setRevoking} />
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
    </PageLayout>
  );
}
