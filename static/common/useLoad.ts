import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { toFailure, type FailureInfo } from './errors';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'failed'; failure: FailureInfo };

export interface LoadHandle<T> {
  result: Loadable<T>;
  /** Loads again from scratch, showing the loading state. */
  reload: () => void;
  /** Changes the loaded value in place, e.g. with the token a revoke returned. */
  update: (change: (value: T) => T) => void;
}

/** Runs `load` when `deps` change; answers of superseded loads are dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): LoadHandle<T> {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => current && setResult({ state: 'ready', value }),
      (error: unknown) => current && setResult({ state: 'failed', failure: toFailure(error) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `deps` says when it really changes.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  const update = useCallback(
    (change: (value: T) => T) =>
      setResult((previous) => (previous.state === 'ready' ? { state: 'ready', value: change(previous.value) } : previous)),
    [],
  );
  return { result, reload, update };
}
