import { useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import Select from '@atlaskit/select';
import type { TokenInfo } from '../../../src/contract/resolvers';
import { callResolver } from '../../common/bridge';
import { ErrorMessage } from '../../common/ErrorMessage';
import { toFailure, type FailureInfo } from '../../common/errors';
import { FieldMessage, messageId } from '../../common/FieldMessage';
import type { CreatedToken } from './CreateTokenForm';
import { defaultGrace, graceOptions, type GraceOption } from './grace-options';

interface RotateDialogProps {
  token: TokenInfo;
  maxGraceHours: number;
  onRotated: (rotated: CreatedToken) => void;
  onClose: () => void;
}

/** Asks how long the previous secret may keep working, then rotates; the new secret is shown by NewTokenDialog. */
export function RotateDialog({ token, maxGraceHours, onRotated, onClose }: RotateDialogProps) {
  const options = graceOptions(maxGraceHours);
  const [grace, setGrace] = useState(defaultGrace(maxGraceHours));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FailureInfo | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  async function rotate() {
    setBusy(true);
    setFailure(null);
    try {
      onRotated(await callResolver('rotateToken', { id: token.id, graceHours: grace }));
    } catch (error) {
      setFailure(toFailure(error));
      setBusy(false);
    }
  }

  const close = () => {
    if (!busy) onClose();
  };

  return (
    <ModalDialog onClose={close} testId="rotate-token-dialog" autoFocus={cancelRef} width="small">
      <ModalHeader>
        <ModalTitle>Rotate “{token.label}”?</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <div className="stack">
          <p>
            The token gets a new secret; its spaces, pages, operations and expiry stay. Scripts need the new secret
            before the previous one stops working.
          </p>
          <div>
            <Label htmlFor="rotate-grace">Previous secret keeps working for</Label>
            <Select<GraceOption, false>
              inputId="rotate-grace"
              options={options}
              value={options.find((option) => option.value === grace)}
              onChange={(option) => option && setGrace(option.value)}
              isSearchable={false}
              descriptionId={messageId('rotate-grace')}
              testId="rotate-grace"
            />
            <FieldMessage fieldId="rotate-grace" helper={`Your site allows up to ${maxGraceHours} hours.`} />
          </div>
          {failure && <ErrorMessage failure={failure} title="The token was not rotated" testId="rotate-token-error" />}
        </div>
      </ModalBody>
      <ModalFooter>
        <Button ref={cancelRef} appearance="subtle" onClick={close} isDisabled={busy} testId="rotate-token-cancel">
          Cancel
        </Button>
        <Button appearance="primary" onClick={rotate} isLoading={busy} testId="rotate-token-confirm">
          Rotate token
        </Button>
      </ModalFooter>
    </ModalDialog>
  );
}
