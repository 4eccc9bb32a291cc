import { useState } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import type { DayActivity, TokenInfo } from '../../../src/contract/resolvers';
import { callResolver } from '../../common/bridge';
import { ConfirmDialog, lazyNamed, ModalTransition } from '../../common/dialogs';
import { ErrorMessage } from '../../common/ErrorMessage';
import { pluralize } from '../../common/format';
import { PageLayout, Section } from '../../common/Layout';
import { Loading } from '../../common/Loading';
import { UsageAsOf } from '../../common/UsageAsOf';
import { useLoad } from '../../common/useLoad';
import { CreateTokenForm, type CreatedToken } from './CreateTokenForm';
import { ExpiryBanner } from './ExpiryBanner';
import { TokenTable } from './TokenTable';

/** Shown once a token is created: loaded then, with the other dialogs (see common/dialogs). */
const NewTokenDialog = lazyNamed(() => import('./NewTokenDialog'), 'NewTokenDialog');
const RotateDialog = lazyNamed(() => import('./RotateDialog'), 'RotateDialog');
const TokenActivityDialog = lazyNamed(() => import('./TokenActivityDialog'), 'TokenActivityDialog');

/** listTokenActivity's limit (src/use-cases/activity.ts). */
const ACTIVITY_TOKENS_PER_CALL = 100;

type Confirmation =
  | { kind: 'revoke'; token: TokenInfo }
  | { kind: 'revokeAll'; activeCount: number }
  | { kind: 'rotate'; token: TokenInfo };

/** The personal token panel: create tokens, see them, revoke them. */
export function TokensApp() {
  const setup = useLoad(async () => {
    const [{ policy }, { spaces }] = await Promise.all([callResolver('getPolicy'), callResolver('listMySpaces')]);
    return { policy, spaces };
  }, []);
  const list = useLoad(() => callResolver('listTokens'), []);
  const tokens = {
    ...list,
    result: list.result.state === 'ready' ? { state: 'ready' as const, value: list.result.value.tokens } : list.result,
    update: (change: (tokens: TokenInfo[]) => TokenInfo[]) => list.update((value) => ({ ...value, tokens: change(value.tokens) })),
  };
  const usageAsOf = list.result.state === 'ready' ? list.result.value.usageAsOf : null;
  const uncounted = list.result.state === 'ready' ? list.result.value.uncounted : undefined;
  const tokenIds = list.result.state === 'ready' ? list.result.value.tokens.map((token) => token.id).join(',') : '';
  // Sparklines load after the list; a list without them is still whole, so a failure only hides them.
  const activity = useLoad(async () => {
    const ids = tokenIds ? tokenIds.split(',') : [];
    const chunks = Array.from({ length: Math.ceil(ids.length / ACTIVITY_TOKENS_PER_CALL) }, (_, index) =>
      ids.slice(index * ACTIVITY_TOKENS_PER_CALL, (index + 1) * ACTIVITY_TOKENS_PER_CALL),
    );
    const answers = await Promise.all(chunks.map((chunk) => callResolver('listTokenActivity', { tokenIds: chunk })));
    return Object.assign({}, ...answers.map((answer) => answer.activity)) as Record<string, DayActivity[]>;
  }, [tokenIds]);
  const [showingActivity, setShowingActivity] = useState<TokenInfo | null>(null);
  const gateway = useLoad(async () => (await callResolver('getGatewayInfo')).url, []);
  const [created, setCreated] = useState<(CreatedToken & { rotated?: boolean }) | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [notice, setNotice] = useState('');

  const activeCount = tokens.result.state === 'ready' ? tokens.result.value.filter((t) => t.status === 'active').length : 0;

  function tokenCreated(token: CreatedToken) {
    tokens.update((list) => [token.info, ...list]);
    setNotice(`Token “${token.info.label}” created.`);
    setCreated(token);
  }

  function tokenRotated(token: CreatedToken) {
    tokens.update((list) => list.map((candidate) => (candidate.id === token.info.id ? token.info : candidate)));
    setNotice(`Token “${token.info.label}” rotated.`);
    setConfirmation(null);
    setCreated({ ...token, rotated: true });
  }

  async function revoke(token: TokenInfo) {
    const { token: revoked } = await callResolver('revokeToken', { id: token.id });
    tokens.update((list) => list.map((candidate) => (candidate.id === revoked.id ? revoked : candidate)));
    setNotice(`Token “${revoked.label}” revoked.`);
    setConfirmation(null);
  }

  async function revokeAll() {
    const { revoked } = await callResolver('revokeAllTokens');
    tokens.reload();
    setNotice(`${pluralize(revoked, 'token')} revoked.`);
    setConfirmation(null);
  }

  return (
    <PageLayout
      title="API tokens"
      intro={
        <>
          Tokens let your scripts work with pages in the spaces you choose, on your behalf. A token can never do more
          than you can yourself.
          {gateway.result.state === 'ready' && (
            <>
              {' '}
              Scripts send their requests to <code data-testid="gateway-url">{gateway.result.value}</code>.
            </>
          )}
        </>
      }
    >
      <Section id="create-token" title="Create a token">
        {setup.result.state === 'loading' && (
          <Loading label="Loading your spaces and your site's token policy" testId="setup-loading" />
        )}
        {setup.result.state === 'failed' && (
          <ErrorMessage failure={setup.result.failure} title="The token form could not be loaded" testId="setup-error" />
        )}
        {setup.result.state === 'ready' && (
          <>
            {!setup.result.value.policy.gatewayEnabled && (
              <SectionMessage appearance="warning" testId="gateway-disabled">
                <p>A site admin has switched the API gateway off: tokens do not work until it is switched on again.</p>
              </SectionMessage>
            )}
            <CreateTokenForm
              policy={setup.result.value.policy}
              spaces={setup.result.value.spaces}
              gatewayUrl={gateway.result.state === 'ready' ? gateway.result.value : null}
              onCreated={tokenCreated}
            />
          </>
        )}
      </Section>

      <Section
        id="your-tokens"
        title="Your tokens"
        actions={
          <Button
            appearance="danger"
            isDisabled={activeCount === 0}
            onClick={() => setConfirmation({ kind: 'revokeAll', activeCount })}
            testId="revoke-all-tokens"
          >
            Revoke all
          </Button>
        }
      >
        <p role="status" className="status-text" data-testid="tokens-notice">
          {notice}
        </p>
        {tokens.result.state === 'ready' && (
          <ExpiryBanner tokens={tokens.result.value} onRotate={(token) => setConfirmation({ kind: 'rotate', token })} />
        )}
        {tokens.result.state === 'loading' && <Loading label="Loading your tokens" testId="tokens-loading" />}
        {tokens.result.state === 'failed' && (
          <ErrorMessage failure={tokens.result.failure} title="Your tokens could not be loaded" testId="tokens-error" />
        )}
        {tokens.result.state === 'ready' &&
          (tokens.result.value.length === 0 ? (
            <EmptyState
              header="You have no tokens yet"
              description="Create one above to let a script work with your pages."
              headingLevel={3}
              testId="tokens-empty"
            />
          ) : (
            <>
              <UsageAsOf usageAsOf={usageAsOf} uncounted={uncounted} testId="tokens-usage-as-of" />
              <TokenTable
                tokens={tokens.result.value}
                uncounted={uncounted?.byToken}
                policy={setup.result.state === 'ready' ? setup.result.value.policy : undefined}
                activity={activity.result.state === 'ready' ? activity.result.value : undefined}
                onShowActivity={setShowingActivity}
                onRevoke={(token) => setConfirmation({ kind: 'revoke', token })}
                onRotate={(token) => setConfirmation({ kind: 'rotate', token })}
                layoutSettled={setup.result.state !== 'loading'}
              />
            </>
          ))}
      </Section>

      <ModalTransition>
        {showingActivity && activity.result.state === 'ready' && activity.result.value[showingActivity.id] && (
          <TokenActivityDialog
            token={showingActivity}
            days={activity.result.value[showingActivity.id]}
            onClose={() => setShowingActivity(null)}
          />
        )}
      </ModalTransition>

      <ModalTransition>
        {created && (
          <NewTokenDialog created={created} rotated={created.rotated} gatewayUrl={gateway.result} onClose={() => setCreated(null)} />
        )}
      </ModalTransition>

      <ModalTransition>
        {confirmation?.kind === 'revoke' && (
          <ConfirmDialog
            title={`Revoke “${confirmation.token.label}”?`}
            confirmLabel="Revoke token"
            testId="revoke-token-dialog"
            onConfirm={() => revoke(confirmation.token)}
            onClose={() => setConfirmation(null)}
          >
            <p>Scripts using this token stop working at once. This cannot be undone.</p>
          </ConfirmDialog>
        )}
        {confirmation?.kind === 'rotate' && (
          <RotateDialog
            token={confirmation.token}
            // Until the policy has loaded, offer the grace periods every policy allows a rotation to ask for.
            maxGraceHours={setup.result.state === 'ready' ? setup.result.value.policy.maxGraceHours : 0}
            onRotated={tokenRotated}
            onClose={() => setConfirmation(null)}
          />
        )}
        {confirmation?.kind === 'revokeAll' && (
          <ConfirmDialog
            title="Revoke all your tokens?"
            confirmLabel="Revoke all"
            testId="revoke-all-dialog"
            onConfirm={revokeAll}
            onClose={() => setConfirmation(null)}
          >
            <p>
              Every script using your {pluralize(confirmation.activeCount, 'active token')} stops working at once. This
              cannot be undone.
            </p>
          </ConfirmDialog>
        )}
      </ModalTransition>
    </PageLayout>
  );
}
