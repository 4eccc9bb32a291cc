import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Page } from '../../src/contract/resolvers';
import { toFailure, type FailureInfo } from './errors';

export interface PagedList<T, P extends Page<T> = Page<T>> {
  items: T[];
  /** The page loaded last, for what a list answers beside its items (e.g. how fresh its counts are). */
  lastPage: P | null;
  /** True while the first page loads; later pages keep the items on screen. */
  isLoading: boolean;
  isLoadingMore: boolean;
  hasMore: boolean;
  failure: FailureInfo | null;
  loadMore: () => void;
  update: (change: (items: T[]) => T[]) => void;
}

/** A cursor-paged list: the first page loads when `deps` change, "Load more" appends the next. */
/** `E` is what a page answers beside its items and cursor. */
export function usePagedList<T, E extends object = object>(loadPage: (cursor?: string) => Promise<Page<T> & E>, deps: DependencyList): PagedList<T, Page<T> & E> {
  type P = Page<T> & E;
  const [items, setItems] = useState<T[]>([]);
  const [lastPage, setLastPage] = useState<P | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(true);
  const [isLoadingMore, setLoadingMore] = useState(false);
  const [failure, setFailure] = useState<FailureInfo | null>(null);
  // Counts first-page loads, so a page that answers after the filters changed is dropped.
  const generation = useRef(0);
  const loadPageRef = useRef(loadPage);
  loadPageRef.current = loadPage;

  useEffect(() => {
    const mine = ++generation.current;
    setItems([]);
    setLastPage(null);
    setCursor(null);
    setFailure(null);
    setLoading(true);
    setLoadingMore(false);
    loadPageRef.current().then(
      (page) => {
        if (mine !== generation.current) return;
        setItems(page.items);
        setLastPage(page);
        setCursor(page.cursor);
        setLoading(false);
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setFailure(toFailure(error));
        setLoading(false);
      },
    );
    // `loadPage` is a new closure on every render; `deps` says when it really changes.
  }, deps);

  const loadMore = useCallback(() => {
    if (!cursor || isLoadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setFailure(null);
    loadPageRef.current(cursor).then(
      (page) => {
        if (mine !== generation.current) return;
        setItems((previous) => [...previous, ...page.items]);
        setLastPage(page);
        setCursor(page.cursor);
        setLoadingMore(false);
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setFailure(toFailure(error));
        setLoadingMore(false);
      },
    );
  }, [cursor, isLoadingMore]);

  const update = useCallback((change: (items: T[]) => T[]) => setItems(change), []);

  return { items, lastPage, isLoading, isLoadingMore, hasMore: cursor !== null, failure, loadMore, update };
}
