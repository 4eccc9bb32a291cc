import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Locator, Page } from 'playwright-core';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Result = AxeResults['violations'][number];

/** axe-core's impacts that fail an audit (issue 11: none allowed). Moderate and minor ones are listed, not failed. */
const BLOCKING = new Set(['serious', 'critical']);

/** The module's frame, where the Custom UI runs: the host page around it is the emulator's, not the app's. */
const MODULE_FRAME = ['main iframe', 'html'];

function describe(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join('; ').trim()}`);
      return `  ${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/**
 * Runs axe-core (every rule of its default set: WCAG 2.x A and AA and best practices) on the module's
 * frame as it is now, and fails when it finds any serious or critical violation. Call it in each state
 * a page can be in (empty, with rows, a dialog open, an error shown), after the state is on screen:
 *
 *   await frame.getByRole('dialog', { name: 'Rotate “Nightly export”?' }).waitFor();
 *   await expectAccessible(page, 'tokens page, rotate dialog open');
 */
export async function expectAccessible(page: Page, state: string): Promise<AxeResults> {
  await settleAnimations(page);
  let results = await new AxeBuilder({ page }).include(MODULE_FRAME).analyze();
  // @axe-core/playwright gives each frame 1 s to evaluate axe's script (measured at 5 s on a busy
  // 2-core machine) and silently drops a frame that misses it: the module's frame then reads as checked
  // with nothing found, every time. Its legacy mode lets the script finish and asks the frame through
  // axe's own messaging (which waits up to a minute), so the same audit runs.
  if (results.passes.length === 0) results = await new AxeBuilder({ page }).setLegacyMode(true).include(MODULE_FRAME).analyze();
  const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  if (blocking.length > 0) {
    throw new Error(`${state}: ${blocking.length} serious or critical accessibility violation(s):\n${describe(blocking)}`);
  }
  if (results.passes.length === 0) throw new Error(`${state}: axe-core checked nothing; is the frame there?`);
  return results;
}

/**
 * axe-core measures colours as painted: a dialog still fading in (Atlaskit's modal animates its opacity)
 * has a lower contrast than the dialog a person reads, so the audit waits for the frame's running CSS
 * animations and transitions to end. Infinite ones (a spinner) are left running: they never end.
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.frameLocator(MODULE_FRAME[0]).locator('html').evaluate(async (root) => {
    // Typed by hand: the test tsconfig has no DOM lib.
    type Running = { effect: { getComputedTiming(): { endTime?: unknown } } | null; finished: Promise<unknown> };
    const running: Running[] = root.ownerDocument.getAnimations();
    const finite = running.filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime ?? Infinity)));
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
  });
}

/** The focused element in the module's frame, as `tag "accessible name"` for messages. */
export async function focusedElement(frame: FrameLocator): Promise<string> {
  return frame.locator(':focus').evaluate((element) => {
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
    return `${element.tagName.toLowerCase()} "${name.slice(0, 60)}"`;
  });
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has keyboard focus; fails after `max` presses.
 * Focus may start anywhere, in the host page too: Tab enters the module's frame as a person's would.
 */
export async function tabTo(page: Page, target: Locator, options: { max?: number; backwards?: boolean } = {}): Promise<void> {
  const { max = 40, backwards = false } = options;
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'} did not reach ${target}`);
}

/**
 * Fails unless the focused element in the frame looks different focused and not: a screenshot of it
 * (of its nearest ancestor of at least 20 × 20 px, as a checkbox's or a select's input is drawn by its
 * parts, with 12 px around) focused, then blurred, must differ. Focus is given back after.
 */
export async function expectFocusVisible(page: Page, frame: FrameLocator): Promise<void> {
  const focused = await frame.locator(':focus').elementHandle();
  if (!focused) throw new Error('Nothing in the frame has focus');
  // (Runs in the browser; this file's TypeScript settings have no DOM types, hence the shapes.)
  type Drawn = { parentElement: Drawn | null; getBoundingClientRect(): { width: number; height: number } };
  const drawn = await focused.evaluateHandle((element) => {
    let candidate = element as unknown as Drawn;
    while (candidate.parentElement && (candidate.getBoundingClientRect().width < 20 || candidate.getBoundingClientRect().height < 20)) {
      candidate = candidate.parentElement;
    }
    return candidate;
  });
  const box = await drawn.asElement()!.boundingBox();
  if (!box) throw new Error('The focused element is not on screen');
  const clip = { x: Math.max(0, box.x - 12), y: Math.max(0, box.y - 12), width: box.width + 24, height: box.height + 24 };
  const shot = () => page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  const withFocus = await shot();
  await focused.evaluate((element) => (element as unknown as { blur(): void }).blur());
  const withoutFocus = await shot();
  await focused.evaluate((element) => (element as unknown as { focus(): void }).focus());
  if (withFocus.equals(withoutFocus)) {
    throw new Error(`Keyboard focus on ${await focused.evaluate((element) => element.outerHTML.slice(0, 120))} is not visible`);
  }
}

/** Fails unless Tab and Shift+Tab, `presses` times each, keep keyboard focus inside `dialog`. */
export async function expectFocusTrapped(page: Page, dialog: Locator, presses = 8): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let press = 0; press < presses; press++) {
      await page.keyboard.press(key);
      const inside = await dialog.evaluate((element) => element.contains(element.ownerDocument.activeElement));
      if (!inside) throw new Error(`${key} number ${press + 1} took focus out of the dialog`);
    }
  }
}
