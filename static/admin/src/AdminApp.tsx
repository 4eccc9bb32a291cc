import { callResolver } from '../../common/bridge';
import { ErrorMessage } from '../../common/ErrorMessage';
import { PageLayout, Section } from '../../common/Layout';
import { Loading } from '../../common/Loading';
import { useLoad } from '../../common/useLoad';
import { ADMINS_ONLY } from './admins-only';
import { AllTokensSection } from './AllTokensSection';
import { ImpersonationSection } from './ImpersonationSection';
import { PolicyForm } from './PolicyForm';
import { PolicySummary } from './PolicySummary';

/**
 * Site admin settings: the token policy, whether Forge acts as tokens' owners, and every token on the site. Anyone else who opens the page
 * reads the policy, with no form to fail on Save and no token list the backend would refuse them.
 */
export function AdminApp() {
  const policy = useLoad(async () => (await callResolver('getPolicy')).policy, []);
  const viewer = useLoad(() => callResolver('getViewer'), []);
  const isSiteAdmin = viewer.result.state === 'ready' && viewer.result.value.isSiteAdmin;
  const failed = policy.result.state === 'failed' ? policy.result : viewer.result.state === 'failed' ? viewer.result : null;

  return (
    <PageLayout title="Space-scoped API tokens" intro="Rules for everyone's API tokens on this site, and every token issued.">
      <Section id="token-policy" title="Token policy">
        {failed && (
          <ErrorMessage failure={failed.failure} title="The policy could not be loaded" overrides={ADMINS_ONLY} testId="policy-load-error" />
        )}
        {!failed && (policy.result.state === 'loading' || viewer.result.state === 'loading') && (
          <Loading label="Loading the policy" testId="policy-loading" />
        )}
        {policy.result.state === 'ready' && viewer.result.state === 'ready' && (isSiteAdmin ? (
          <PolicyForm policy={policy.result.value} onSaved={(saved) => policy.update(() => saved)} />
        ) : (
          <>
            <p data-testid="policy-read-only">Only site admins can change the policy.</p>
            <PolicySummary policy={policy.result.value} />
          </>
        ))}
      </Section>

      {isSiteAdmin && <ImpersonationSection />}
      {isSiteAdmin && <AllTokensSection policy={policy.result.state === 'ready' ? policy.result.value : undefined} />}
    </PageLayout>
  );
}
