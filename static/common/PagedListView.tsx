import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';
import type { PagedList } from './usePagedList';

interface PagedListViewProps<T> {
  list: PagedList<T>;
  /** Names the parts for tests: `<testIdPrefix>-loading`, `-error`, `-empty` and `-load-more`. */
  testIdPrefix: string;
  loadingLabel: string;
  failureTitle: string;
  failureOverrides?: Partial<Record<string, string>>;
  emptyHeader: string;
  emptyDescription: string;
  loadMoreLabel: string;
  /** Draws the items once there are any. */
  children: (items: T[]) => ReactNode;
}

/** A cursor-paged list in its states: loading, failed, empty, its items, and "Load more" while more remain. */
export function PagedListView<T>({
  list,
  testIdPrefix,
  loadingLabel,
  failureTitle,
  failureOverrides,
  emptyHeader,
  emptyDescription,
  loadMoreLabel,
  children,
}: PagedListViewProps<T>) {
  return (
    <>
      {list.isLoading && <Loading label={loadingLabel} testId={`${testIdPrefix}-loading`} />}
      {list.failure && (
        <ErrorMessage
          failure={list.failure}
          title={failureTitle}
          overrides={failureOverrides}
          testId={`${testIdPrefix}-error`}
        />
      )}
      {!list.isLoading && !list.failure && list.items.length === 0 && (
        <EmptyState
          header={emptyHeader}
          description={emptyDescription}
          headingLevel={3}
          testId={`${testIdPrefix}-empty`}
        />
      )}
      {list.items.length > 0 && children(list.items)}
      {list.hasMore && (
        <div className="button-row">
          <Button onClick={list.loadMore} isLoading={list.isLoadingMore} testId={`${testIdPrefix}-load-more`}>
            {loadMoreLabel}
          </Button>
        </div>
      )}
    </>
  );
}
