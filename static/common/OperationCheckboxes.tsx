import Checkbox from '@atlaskit/checkbox';
import type { Operation } from '../../src/contract/resolvers';
import { FieldMessage, messageId } from './FieldMessage';
import { OPERATION_LABELS, OPERATIONS } from './operations';

interface OperationCheckboxesProps {
  /** Prefix of the ids and test ids: `${id}-read`, … and `${id}-message`. */
  id: string;
  legend: string;
  available: readonly Operation[];
  selected: readonly Operation[];
  onChange: (selected: Operation[]) => void;
  error?: string;
  helper?: string;
}

/** A group of operation checkboxes, named by its legend and described by its message. */
export function OperationCheckboxes({ id, legend, available, selected, onChange, error, helper }: OperationCheckboxesProps) {
  const toggle = (operation: Operation, checked: boolean) =>
    onChange(OPERATIONS.filter((candidate) => (candidate === operation ? checked : selected.includes(candidate))));

  return (
    <fieldset className="checkbox-group" aria-describedby={messageId(id)} data-testid={id}>
      <legend>{legend}</legend>
      <div className="checkbox-options">
        {available.map((operation) => (
          <Checkbox
            key={operation}
            id={`${id}-${operation}`}
            name={id}
            value={operation}
            label={OPERATION_LABELS[operation]}
            isChecked={selected.includes(operation)}
            isInvalid={Boolean(error)}
            onChange={(event) => toggle(operation, event.target.checked)}
            testId={`${id}-${operation}`}
          />
        ))}
      </div>
      <FieldMessage fieldId={id} error={error} helper={helper} />
    </fieldset>
  );
}
