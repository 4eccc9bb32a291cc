/**
 * Stands in for `@atlaskit/tooltip/Tooltip` in the Custom UI builds (the alias is in
 * static/common/vite-config.mts; this module's own import of that path reaches the real one). Atlaskit
 * uses it for hints such as "Sort ascending" on sortable table headers. With it come Popper, the top
 * layer, portals and app-provider's theme loader: about a quarter of a page's first load (issue 11:
 * at most 150,000 bytes gzip), for a hint that appears after 300 ms of hovering.
 *
 * So this renders the trigger exactly as the real Tooltip does while its hint is hidden (the same
 * trigger props, the same wrapper when children are not a function), and fetches the real Tooltip
 * the first time someone points at or focuses the trigger. The real one then takes over, drawing the
 * trigger anew: focus is given back to it and the pointer's arrival replayed, so that first hint
 * still shows and a keyboard user stays where they were.
 */
import { createElement, useCallback, useEffect, useRef, useState, useSyncExternalStore, type FocusEvent, type MouseEvent, type MutableRefObject, type ReactNode, type Ref } from 'react';
import type RealTooltip from '@atlaskit/tooltip/Tooltip';
import type { TooltipProps } from '@atlaskit/tooltip';

let loading: Promise<void> | null = null;
let loaded: typeof RealTooltip | null = null;
const listeners = new Set<() => void>();

function load(): void {
  loading ??= import('@atlaskit/tooltip/Tooltip').then((module) => {
    loaded = module.default;
    listeners.forEach((listener) => listener());
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * What asked for the real Tooltip, kept apart: a pointer that comes to rest on the trigger (or is
 * already there when the page draws it) must not make a keyboard user's focus be forgotten, nor the
 * other way round.
 */
interface Replay {
  focus: boolean;
  pointer: { clientX: number; clientY: number } | null;
}

const NOTHING: Replay = { focus: false, pointer: null };

export default function Tooltip(props: TooltipProps) {
  const Loaded = useSyncExternalStore(subscribe, () => loaded);
  const trigger = useRef<HTMLElement | null>(null);
  const [replay, setReplay] = useState<Replay>(NOTHING);

  // Once the real Tooltip has mounted, replay what asked for it: it listens to the same events.
  useEffect(() => {
    const element = trigger.current;
    // Children that are not a function get the real Tooltip's own wrapper: nothing to replay on then.
    if (!Loaded || replay === NOTHING || !element?.isConnected) return;
    // The trigger was drawn anew, so focus went with the old one: give it back (which shows the hint).
    if (replay.focus) element.focus();
    if (replay.pointer && element.matches(':hover')) {
      element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: replay.pointer.clientX, clientY: replay.pointer.clientY }));
    }
    setReplay(NOTHING);
  }, [Loaded, replay]);

  const setTrigger = useCallback((element: HTMLElement | null) => {
    trigger.current = element;
  }, []);

  if (Loaded) return <Loaded {...props}>{withTriggerRef(props.children, setTrigger)}</Loaded>;

  const triggerProps = {
    onMouseOver: (event: MouseEvent<HTMLElement>) => {
      const pointer = { clientX: event.clientX, clientY: event.clientY };
      setReplay((current) => ({ ...current, pointer }));
      load();
    },
    onFocus: (_event: FocusEvent<HTMLElement>) => {
      setReplay((current) => ({ ...current, focus: true }));
      load();
    },
    // Gone before the code arrived: nothing to give focus back to.
    onBlur: () => setReplay((current) => ({ ...current, focus: false })),
  };
  const { children, testId, tag = 'div' } = props;
  if (typeof children === 'function') {
    return (
      <>
        {children({
          ...triggerProps,
          onMouseOut: () => undefined,
          onMouseMove: () => undefined,
          onMouseDown: () => undefined,
          onClick: () => undefined,
          onBlur: triggerProps.onBlur,
          ...(testId ? { testId: `${testId}--container` } : {}),
          'aria-describedby': undefined,
          ref: setTrigger,
        } as Parameters<typeof children>[0])}
      </>
    );
  }
  return createElement(
    tag as string,
    { ...triggerProps, ref: setTrigger, role: 'presentation', ...(testId ? { 'data-testid': `${testId}--container` } : {}) },
    children,
  );
}

/** The real Tooltip's children, with the trigger element also given to `setTrigger` (for the replay). */
function withTriggerRef(children: TooltipProps['children'], setTrigger: (element: HTMLElement | null) => void): TooltipProps['children'] {
  if (typeof children !== 'function') return children;
  return (triggerProps) => {
    const { ref } = triggerProps as { ref?: Ref<HTMLElement> };
    return children({
      ...triggerProps,
      ref: (element: HTMLElement | null) => {
        setTrigger(element);
        if (typeof ref === 'function') ref(element);
        else if (ref) (ref as MutableRefObject<HTMLElement | null>).current = element;
      },
    } as typeof triggerProps) as ReactNode;
  };
}
