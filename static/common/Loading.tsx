import Spinner from '@atlaskit/spinner';

export function Loading({ label, testId = 'loading' }: { label: string; testId?: string }) {
  return (
    <div className="loading" role="status" data-testid={testId}>
      <Spinner size="medium" label={label} />
      <span>{label}</span>
    </div>
  );
}
