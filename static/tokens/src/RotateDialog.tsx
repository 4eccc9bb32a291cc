import { useState } from 'react';
import { Label } from '@atlaskit/form';
import Select from '@atlaskit/select';
import type { TokenInfo } from '../../../src/contract/resolvers';
import { callResolver } from '../../common/bridge';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { FieldMessage, messageId } from '../../common/FieldMessage';
import type { CreatedToken } from './CreateTokenForm';
import { defaultGrace, graceHelper, graceOptions, type GraceOption } from './grace-options';

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

  return (
    <ConfirmDialog
      title={`Rotate “${token.label}”?`}
      confirmLabel="Rotate token"
      appearance="primary"
      testId="rotate-token-dialog"
      onConfirm={async () => onRotated(await callResolver('rotateToken', { id: token.id, graceHours: grace }))}
      onClose={onClose}
    >
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
        <FieldMessage fieldId="rotate-grace" helper={graceHelper(maxGraceHours)} />
      </div>
    </ConfirmDialog>
  );
}
