import type { ImpersonationEvent } from '../../../src/contract/resolvers';
import { callResolver } from '../../common/bridge';
import { ErrorMessage } from '../../common/ErrorMessage';
import { formatDateTime } from '../../common/format';
import { Section } from '../../common/Layout';
import { Loading } from '../../common/Loading';
import { useLoad } from '../../common/useLoad';
import { ADMINS_ONLY } from './admins-only';

function summarize(event: ImpersonationEvent | null, searched: number): string {
  if (!event) return `None among the newest ${searched} requests`;
  return `${formatDateTime(event.at)}: token ${event.tokenId} of ${event.owner.displayName} (HTTP ${event.status})`;
}

/**
 * Whether Forge acts as tokens' owners on this site, so a site admin sees a refusal without a
 * terminal: the gateway's newest success and newest IMPERSONATION_REFUSED, from the audit log.
 */
export function ImpersonationSection() {
  const status = useLoad(() => callResolver('getImpersonationStatus'), []);
  return (
    <Section
      id="impersonation"
      title="Acting as token owners"
      description="The gateway calls Confluence as each token's owner (Forge's offline impersonation). From the audit log:"
    >
      {status.result.state === 'loading' && <Loading label="Loading the gateway's impersonation status" testId="impersonation-loading" />}
      {status.result.state === 'failed' && (
        <ErrorMessage failure={status.result.failure} title="The impersonation status could not be loaded" overrides={ADMINS_ONLY} testId="impersonation-error" />
      )}
      {status.result.state === 'ready' && (
        <>
          <dl className="summary-list" data-testid="impersonation-status">
            <div>
              <dt>Last request Confluence answered as its owner</dt>
              <dd data-testid="impersonation-last-success">{summarize(status.result.value.lastSuccess, status.result.value.searchedEvents)}</dd>
            </div>
            <div>
              <dt>Last refusal (IMPERSONATION_REFUSED)</dt>
              <dd data-testid="impersonation-last-refusal">{summarize(status.result.value.lastRefusal, status.result.value.searchedEvents)}</dd>
            </div>
          </dl>
          {status.result.value.lastRefusal && (
            <p className="subtle" data-testid="impersonation-refusal-hint">
              Forge refused to act as that owner: they may be deactivated or have left the site, the app may not
              be distributed yet (Forge then acts only as the app's contributors), or an impersonation scope may
              await consent after an upgrade.
            </p>
          )}
        </>
      )}
    </Section>
  );
}
