import type { Operation, PageRef, SpaceRef } from '../../src/contract/resolvers';

// The iframe runs in the person's own browser, so its default locale and time zone are theirs.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export function formatDateTime(iso: string | null, whenMissing = '—'): string {
  return iso ? dateTime.format(new Date(iso)) : whenMissing;
}

export function formatDate(iso: string | null, whenMissing = '—'): string {
  return iso ? dateOnly.format(new Date(iso)) : whenMissing;
}

/** "10:42" for a time today, with the date otherwise. */
export function formatAsOf(iso: string, now = new Date()): string {
  const at = new Date(iso);
  return at.toDateString() === now.toDateString() ? timeOnly.format(at) : dateTime.format(at);
}

export function formatOperations(operations: readonly Operation[]): string {
  return operations.join(', ');
}

export function formatSpaces(spaces: readonly SpaceRef[]): string {
  return spaces.map((space) => space.key).join(', ');
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Page-tree roots as a person reads them: “Release Notes (DOCS), Runbooks (ENG)”. */
export function formatPages(pages: readonly PageRef[]): string {
  return pages.map((page) => `${page.title} (${page.spaceKey})`).join(', ');
}
