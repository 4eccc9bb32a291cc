import { useCallback, useRef, useState } from 'react';

/**
 * Whether an element has been on screen yet (it stays true once it has): for parts worth fetching
 * only when someone can see them, such as charts below the fold (issue 11's first-load budget).
 * With `enabled` false nothing is observed yet: while the layout above is still loading, the element
 * may flash into view only to be pushed down, and must not count as seen.
 */
export function useSeen<T extends Element>(enabled = true): [ref: (element: T | null) => void, seen: boolean] {
  const [seen, setSeen] = useState(false);
  const observer = useRef<IntersectionObserver | null>(null);
  const ref = useCallback((element: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element || !enabled) return;
    observer.current = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      setSeen(true);
      observer.current?.disconnect();
    });
    observer.current.observe(element);
  }, [enabled]);
  return [ref, seen];
}
