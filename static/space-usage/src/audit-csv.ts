import type { UserRef } from '../../../src/contract/resolvers';
import { eventToken, pageTitle, type NamedEvent } from './page-names';

/** What the page knows about a token beyond its id, for readable exports (label null: its record is gone). */
export interface TokenNames {
  label: string | null;
  owner: UserRef;
}

type CellValue = string | number | null;

const COLUMNS: { header: string; value: (event: NamedEvent, token: TokenNames | undefined) => CellValue }[] = [
  { header: 'Time (UTC)', value: (event) => event.at },
  { header: 'Token ID', value: (event) => event.tokenId },
  { header: 'Token label', value: (_event, token) => token?.label ?? null },
  { header: 'Owner', value: (_event, token) => token?.owner.displayName ?? null },
  { header: 'Owner account ID', value: (event) => event.ownerAccountId },
  { header: 'Space', value: (event) => event.spaceKey },
  { header: 'Operation', value: (event) => event.operation },
  { header: 'Method', value: (event) => event.method },
  { header: 'Page ID', value: (event) => event.pageId },
  { header: 'Page title', value: (event) => pageTitle(event.page) },
  // visible, restricted or deleted, as the exporting admin sees the page; empty when Confluence could not be asked.
  { header: 'Page state', value: (event) => (event.page && event.page.state !== 'unknown' ? event.page.state : null) },
  { header: 'HTTP status', value: (event) => event.status },
  { header: 'Outcome', value: (event) => event.outcome },
  { header: 'Error code', value: (event) => event.code },
  { header: 'Client IP', value: (event) => event.clientIp },
  { header: 'User agent', value: (event) => event.userAgent },
  { header: 'Event ID', value: (event) => event.id },
];

/** One RFC 4180 field. */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  let text = String(value);
  // Anyone calling the gateway chooses their user agent: a leading =, +, -, @ would run as a spreadsheet formula.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The events as CSV with a header row, lines ending in CRLF. */
export function auditCsv(events: readonly NamedEvent[], tokens: ReadonlyMap<string, TokenNames>): string {
  const lines = [
    COLUMNS.map((column) => csvField(column.header)),
    ...events.map((event) => COLUMNS.map((column) => csvField(column.value(event, eventToken(event, tokens))))),
  ];
  return lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}
