import { useRef } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { ErrorMessage } from '../../common/ErrorMessage';
import { formatDateTime } from '../../common/format';
import { Loading } from '../../common/Loading';
import type { Loadable } from '../../common/useLoad';
import { selectFromStart } from './clipboard';
import { CopyButton } from './CopyButton';
import type { CreatedToken } from './CreateTokenForm';
import { curlExample } from './curl-example';

interface NewTokenDialogProps {
  created: CreatedToken;
  gatewayUrl: Loadable<string>;
  /** The parent forgets the token then: it is never shown again. */
  onClose: () => void;
  /** A rotated token: the same token with a new secret, and perhaps the previous secret still working. */
  rotated?: boolean;
}

/** Shows a new token once, with a way to copy it and a command to try it. */
export function NewTokenDialog({ created, gatewayUrl, onClose, rotated = false }: NewTokenDialogProps) {
  const tokenRef = useRef<HTMLInputElement>(null);
  const curlRef = useRef<HTMLPreElement>(null);
  const { token, info } = created;
  const command =
    gatewayUrl.state === 'ready' ? curlExample(gatewayUrl.value, token, info.spaces[0]?.key ?? 'SPACEKEY') : null;

  return (
    // No closing by a stray click outside: the token would be lost.
    <ModalDialog onClose={onClose} shouldCloseOnOverlayClick={false} autoFocus={tokenRef} testId="new-token-dialog">
      <ModalHeader>
        <ModalTitle>{rotated ? 'Copy your rotated token' : 'Copy your new token'}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <div className="stack">
          {rotated && (
            <p data-testid="rotated-grace">
              {info.previousSecretValidUntil
                ? `The previous secret keeps working until ${formatDateTime(info.previousSecretValidUntil)}; put this one in place before then.`
                : 'The previous secret has stopped working.'}
            </p>
          )}
          <SectionMessage appearance="warning" title="This is the only time you will see this token">
            <p>
              Copy it now and keep it somewhere safe, such as a password manager. Once you close this dialog it cannot
              be shown again; if you lose it, revoke it and create a new one.
            </p>
          </SectionMessage>

          <div>
            <Label htmlFor="new-token-value">Token “{info.label}”</Label>
            <Textfield
              id="new-token-value"
              ref={tokenRef}
              value={token}
              isReadOnly
              isMonospaced
              onFocus={(event) => selectFromStart(event.currentTarget)}
              testId="new-token-value"
            />
          </div>
          <CopyButton text={token} target={tokenRef} label="Copy token" testId="copy-token" />

          <section className="stack" aria-labelledby="curl-example-heading">
            <Heading as="h3" size="xsmall" id="curl-example-heading">
              Try it
            </Heading>
            {gatewayUrl.state === 'loading' && <Loading label="Loading the gateway address" testId="gateway-loading" />}
            {gatewayUrl.state === 'failed' && (
              <ErrorMessage failure={gatewayUrl.failure} title="The example command is not available" testId="curl-error" />
            )}
            {command && (
              <>
                <p>This command asks the gateway for the space {info.spaces[0]?.key}, using the new token:</p>
                <pre ref={curlRef} className="code-block" data-testid="curl-example">
                  {command}
                </pre>
                <CopyButton text={command} target={curlRef} label="Copy command" testId="copy-curl" />
              </>
            )}
          </section>
        </div>
      </ModalBody>
      <ModalFooter>
        <Button appearance="primary" onClick={onClose} testId="new-token-done">
          Done
        </Button>
      </ModalFooter>
    </ModalDialog>
  );
}
