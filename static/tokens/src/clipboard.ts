/** Copies with the Clipboard API; false when the browser or the iframe's permissions refuse. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Selects all of a field's text while showing its start (`sst_…`): a plain select() puts the caret at
 * the end, and a field narrower than its text scrolls there, hiding the prefix people recognise.
 */
export function selectFromStart(field: HTMLInputElement | HTMLTextAreaElement): void {
  field.setSelectionRange(0, field.value.length, 'backward');
  field.scrollLeft = 0;
}

/** Selects an element's text, so the person can copy it with the keyboard instead. */
export function selectText(element: HTMLElement): void {
  element.focus();
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    selectFromStart(element);
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
