import type { Operation, SpaceRef } from '../../src/contract/resolvers';

// The iframe runs in the person's own browser, so its default locale and time zone are theirs.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(iso: string | null, whenMissing = '—'): string {
  return iso ? dateTime.format(new Date(iso)) : whenMissing;
}

export function formatDate(iso: string | null, whenMissing = '—'): string {
  return iso ? dateOnly.format(new Date(iso)) : whenMissing;
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
