import Spinner from '@atlaskit/spinner';

export function Loading({ label, testId }: { label: string; testId: string }) {
  return (
    <div className="loading" role="status" data-testid={testId}>
      {/* The visible text is the announcement; the spinner is decoration. */}
      <span aria-hidden="true">
        <Spinner size="medium" />
      </span>
      <span>{label}</span>
    </div>
  );
}
