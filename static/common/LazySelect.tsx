import { useEffect, useState, useSyncExternalStore, type KeyboardEvent, type ReactElement } from 'react';
import type Select from '@atlaskit/select';
import type { SelectProps } from '@atlaskit/select';

/**
 * Atlaskit's Select, fetched when someone is about to use one rather than with the page (issue 11: a
 * page's first load is at most 150,000 bytes gzip, and react-select with its menu positioning, tags and
 * CSS-in-JS is about a third of that). Until then a look-alike of the closed control stands in its
 * place: same size, border, text and chevron, the same input id (so its <Label> names it) and role.
 * Pointing at it, focusing it or calling preloadSelect() fetches the real one, which then takes over;
 * what the person already did there carries over (focus, typed text, a key or click that opens the menu).
 */

type SelectComponent = typeof Select;

let loading: Promise<SelectComponent> | null = null;
let loaded: SelectComponent | null = null;
const listeners = new Set<() => void>();

/** Fetches Atlaskit's Select once; every LazySelect on the page switches to it when it arrives. */
export function preloadSelect(): Promise<SelectComponent> {
  loading ??= import('@atlaskit/select').then((module) => {
    loaded = module.default;
    listeners.forEach((listener) => listener());
    return loaded;
  });
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What the person did to the stand-in before the real Select arrived. */
interface Handover {
  /** Text typed into it. */
  typed: string;
  /** A key that opens the menu (arrows, Enter, Space), pressed before anything was typed. */
  key: string | null;
  /** Pressed with a pointer: the menu opens, as a click on the real control opens it. */
  pointer: boolean;
}

const FOCUSED: Handover = { typed: '', key: null, pointer: false };

/**
 * Replays on the real Select's input what was done to the stand-in, through the events react-select
 * listens to, so it reacts as it would have: typed text filters and opens the menu with its first
 * option focused, an arrow key opens the menu there.
 */
function replay(input: HTMLInputElement, { typed, key }: Handover): void {
  if (typed) {
    // React tracks an input's value; only the native setter makes the input event count as a change.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, typed);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  } else if (key) {
    input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }
}

interface Labelled {
  label: string;
}

export function LazySelect<Option extends Labelled, IsMulti extends boolean = false>(props: SelectProps<Option, IsMulti>) {
  const RealSelect = useSyncExternalStore(subscribe, () => loaded);
  const [handover, setHandover] = useState<Handover | null>(null);

  // The real Select has just taken the stand-in's place (focused, by autoFocus): carry on from there.
  useEffect(() => {
    if (!RealSelect || !handover) return;
    const input = props.inputId ? document.getElementById(props.inputId) : null;
    if (input instanceof HTMLInputElement) replay(input, handover);
    setHandover(null);
  }, [RealSelect, handover, props.inputId]);

  if (RealSelect) {
    const Typed = RealSelect as unknown as (props: SelectProps<Option, IsMulti>) => ReactElement;
    return <Typed {...props} autoFocus={Boolean(handover)} defaultMenuIsOpen={handover?.pointer} />;
  }
  return <SelectStandIn {...props} onHandover={setHandover} />;
}

function shownValue<Option extends Labelled>(value: SelectProps<Option, boolean>['value']): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((option: Option) => option.label).join(', ');
}

const KEYS_THAT_OPEN = new Set(['ArrowDown', 'ArrowUp', 'Enter', ' ']);

type StandInProps<Option extends Labelled, IsMulti extends boolean> = SelectProps<Option, IsMulti> & {
  /** What to carry over; null when the person left the stand-in again. */
  onHandover: (handover: Handover | null) => void;
};

/** The closed Select's look, with a real input for focus, name and typing. */
function SelectStandIn<Option extends Labelled, IsMulti extends boolean>(props: StandInProps<Option, IsMulti>) {
  const { inputId, testId, isSearchable = true, isInvalid, descriptionId, placeholder, onHandover } = props;
  const [typed, setTyped] = useState('');
  const value = shownValue<Option>(props.value as SelectProps<Option, boolean>['value']);
  const placeholderId = inputId ? `${inputId}-placeholder` : undefined;

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (KEYS_THAT_OPEN.has(event.key) && !typed) {
      event.preventDefault();
      onHandover({ ...FOCUSED, key: event.key });
    }
  };

  return (
    <div
      className={`select-stand-in${isInvalid ? ' select-stand-in--invalid' : ''}`}
      data-testid={testId ? `${testId}-select--container` : undefined}
      onPointerEnter={() => void preloadSelect()}
    >
      <div
        className="select-stand-in__control"
        data-testid={testId ? `${testId}-select--control` : undefined}
        onPointerDown={(event) => {
          event.preventDefault();
          document.getElementById(inputId ?? '')?.focus();
          onHandover({ ...FOCUSED, pointer: true });
        }}
      >
        <div className={`select-stand-in__value${props.isMulti ? ' select-stand-in__value--multi' : ''}`}>
          {!typed && (
            <div id={placeholderId} className={value ? 'select-stand-in__single-value' : 'select-stand-in__placeholder'}>
              {value || (placeholder ?? 'Select…')}
            </div>
          )}
          <input
            id={inputId}
            className={isSearchable ? 'select-stand-in__input' : 'select-stand-in__dummy-input'}
            role="combobox"
            aria-autocomplete="both"
            aria-expanded="false"
            aria-haspopup="listbox"
            aria-invalid={isInvalid ? 'true' : 'false'}
            aria-readonly={isSearchable ? undefined : 'true'}
            aria-describedby={[descriptionId, placeholderId].filter(Boolean).join(' ') || undefined}
            inputMode={isSearchable ? undefined : 'none'}
            readOnly={!isSearchable}
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => {
              setTyped(event.currentTarget.value);
              onHandover({ ...FOCUSED, typed: event.currentTarget.value });
            }}
            // Focus means the person is using it now: fetch, then hand over what happened so far.
            onFocus={() => {
              void preloadSelect();
              onHandover(FOCUSED);
            }}
            onBlur={() => onHandover(null)}
            onKeyDown={keyDown}
            data-testid={testId ? `${testId}-select--input` : undefined}
          />
        </div>
        <div className="select-stand-in__indicator" aria-hidden="true">
          <svg viewBox="0 0 16 16" width="12" height="12" role="presentation">
            <path fill="currentColor" d="m14.53 6.03-6 6a.75.75 0 0 1-1.004.052l-.056-.052-6-6 1.06-1.06L8 10.44l5.47-5.47z" />
          </svg>
        </div>
      </div>
    </div>
  );
}
