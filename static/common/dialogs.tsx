import { Children, lazy, Suspense, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

/**
 * Dialogs load when one first opens, not with the page (issue 11: a page's first load is at most
 * 150,000 bytes gzip). Atlaskit's modal brings focus and scroll locks, motion, layering and part of
 * its drag-and-drop library: about a fifth of a page's script, which no first view needs. Pages
 * import ModalTransition and their dialogs from here, never from @atlaskit/modal-dialog directly
 * (test/browser/first-load.test.ts fails when the modal lands in a first load again).
 */

/** `lazy()` for a named export: `lazyNamed(() => import('./Dialog'), 'Dialog')`. */
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const AtlaskitModalTransition = lazyNamed(() => import('@atlaskit/modal-dialog'), 'ModalTransition');

/**
 * Atlaskit's ModalTransition, loaded with the first dialog a page opens. It stays mounted from then on,
 * so a closing dialog still animates out. Until then it renders (and fetches) nothing.
 */
export function ModalTransition({ children }: { children?: ReactNode }) {
  const open = Children.toArray(children).length > 0;
  const [needed, setNeeded] = useState(open);
  if (open && !needed) setNeeded(true);
  if (!needed) return null;
  return (
    // No fallback: the dialog appears when its code has arrived, a moment after the click.
    <Suspense fallback={null}>
      <AtlaskitModalTransition>{children}</AtlaskitModalTransition>
    </Suspense>
  );
}

/** common/ConfirmDialog, loaded when first opened. */
export const ConfirmDialog = lazyNamed(() => import('./ConfirmDialog'), 'ConfirmDialog');
