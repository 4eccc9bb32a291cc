import { ErrorMessage, HelperMessage } from '@atlaskit/form';

/** The id that an input names in aria-describedby to be described by its FieldMessage. */
export function messageId(fieldId: string): string {
  return `${fieldId}-message`;
}

/** Help under a field, replaced by the validation error when there is one. */
export function FieldMessage({ fieldId, error, helper }: { fieldId: string; error?: string; helper?: string }) {
  return (
    <div id={messageId(fieldId)}>
      {error ? (
        <ErrorMessage testId={`${fieldId}-error`}>{error}</ErrorMessage>
      ) : (
        helper && <HelperMessage>{helper}</HelperMessage>
      )}
    </div>
  );
}
