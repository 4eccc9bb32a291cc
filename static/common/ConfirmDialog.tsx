import { useRef, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { ErrorMessage } from './ErrorMessage';
import { toFailure, type FailureInfo } from './errors';

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  /** `${testId}` on the dialog, `${testId}-confirm` and `${testId}-cancel` on its buttons. */
  testId: string;
  children: ReactNode;
  /** Does the work; the parent closes the dialog when it resolves. A rejection is shown in the dialog. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** `danger` (the default) for what cannot be undone; `primary` for a change that is only disruptive. */
  appearance?: 'danger' | 'primary';
}

/** Asks before a destructive action. Focus starts on Cancel so Enter alone never destroys anything. */
export function ConfirmDialog({ title, confirmLabel, testId, children, onConfirm, onClose, appearance = 'danger' }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FailureInfo | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  async function confirm() {
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm();
    } catch (error) {
      setFailure(toFailure(error));
      setBusy(false);
    }
  }

  const close = () => {
    if (!busy) onClose();
  };

  return (
    <ModalDialog onClose={close} testId={testId} autoFocus={cancelRef} width="small">
      <ModalHeader>
        <ModalTitle appearance={appearance === 'danger' ? 'danger' : undefined}>{title}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <div className="stack">
          {children}
          {failure && <ErrorMessage failure={failure} title="That did not work" testId={`${testId}-error`} />}
        </div>
      </ModalBody>
      <ModalFooter>
        <Button ref={cancelRef} appearance="subtle" onClick={close} isDisabled={busy} testId={`${testId}-cancel`}>
          Cancel
        </Button>
        <Button appearance={appearance} onClick={confirm} isLoading={busy} testId={`${testId}-confirm`}>
          {confirmLabel}
        </Button>
      </ModalFooter>
    </ModalDialog>
  );
}
