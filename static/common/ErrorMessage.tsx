import SectionMessage from '@atlaskit/section-message';
import { describeFailure, type FailureInfo } from './errors';

interface ErrorMessageProps {
  failure: FailureInfo;
  title?: string;
  /** Replaces the standard explanation for some codes, e.g. FORBIDDEN on a space admin page. */
  overrides?: Partial<Record<string, string>>;
  testId: string;
}

/** A backend failure in words a person understands, announced to screen readers when it appears. */
export function ErrorMessage({ failure, title = 'Something went wrong', overrides, testId }: ErrorMessageProps) {
  const override = overrides?.[failure.code];
  const { summary, items } = override ? { summary: override, items: [] } : describeFailure(failure);
  return (
    <div role="alert" data-testid={testId} data-error-code={failure.code}>
      <SectionMessage appearance="error" title={title}>
        <p>{summary}</p>
        {items.length > 0 && (
          <ul data-testid={`${testId}-details`}>
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
      </SectionMessage>
    </div>
  );
}
