import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { TokenInfo } from '../../../src/contract/resolvers';
import { formatDate, pluralize } from '../../common/format';

interface ExpiryBannerProps {
  tokens: TokenInfo[];
  onRotate: (token: TokenInfo) => void;
}

/**
 * Tokens expiring within a week (TokenInfo.expiresSoon), so nobody is surprised by a script that
 * stops. Rotating gives a new secret, not a longer life: a token past its expiry needs a new token.
 */
export function ExpiryBanner({ tokens, onRotate }: ExpiryBannerProps) {
  const soon = tokens.filter((token) => token.expiresSoon);
  if (soon.length === 0) return null;
  return (
    <SectionMessage appearance="warning" title={`${pluralize(soon.length, 'token')} expire${soon.length === 1 ? 's' : ''} within 7 days`} testId="expiry-banner">
      <ul className="plain-list">
        {soon.map((token) => (
          <li key={token.id} className="button-row" data-testid={`expiry-banner-${token.id}`}>
            <span>
              “{token.label}” expires on {formatDate(token.expiresAt)}.
            </span>
            <Button spacing="compact" onClick={() => onRotate(token)} aria-label={`Rotate token ${token.label}`} testId={`expiry-rotate-${token.id}`}>
              Rotate
            </Button>
          </li>
        ))}
      </ul>
      <p>Rotating replaces the secret, and keeps the expiry; to keep a script running longer, create a new token.</p>
    </SectionMessage>
  );
}
