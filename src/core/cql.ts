/**
 * CQL (Confluence Query Language) confined to a token's spaces. A client's query is tokenized, checked
 * for structure (quoting, parenthesis balance, one trailing ORDER BY) and then placed, as one
 * parenthesized clause, behind the app's own `space in (…) AND type = page`. Because the clause is
 * proven balanced, nothing in it can close the app's parentheses; because it is ANDed, no field in it
 * (`space`, `ancestor`, `type`, `OR`…) can add results. Whatever cannot be proven safe is refused.
 */
import { AppError } from './errors';

export type CqlTokenKind = 'string' | 'word' | 'operator' | 'open' | 'close' | 'comma';

export interface CqlToken {
  kind: CqlTokenKind;
  text: string;
  /** Offsets into the query: the clause sent upstream is the client's own text between tokens. */
  start: number;
  end: number;
}

/** Longer than any query a tool sends; Confluence itself has no documented limit. */
export const MAX_CQL_LENGTH = 4000;

const invalid = (why: string) => new AppError('INVALID_CQL', `The CQL query was refused: ${why}.`);

const WORD = /[\p{L}\p{N}_.\-:*]/u;
const OPERATORS = ['!=', '!~', '>=', '<=', '=', '~', '>', '<'];

function readString(cql: string, start: number): number {
  const quote = cql[start];
  for (let i = start + 1; i < cql.length; i++) {
    if (cql[i] === '\\') i++;
    else if (cql[i] === quote) return i + 1;
  }
  throw invalid('a quoted value is not closed');
}

/** Splits a query into tokens; any character outside CQL's alphabet is refused rather than guessed at. */
export function tokenizeCql(cql: string): CqlToken[] {
  if (cql.length > MAX_CQL_LENGTH) throw invalid(`it is longer than ${MAX_CQL_LENGTH} characters`);
  const tokens: CqlToken[] = [];
  let i = 0;
  const push = (kind: CqlTokenKind, end: number) => {
    tokens.push({ kind, text: cql.slice(i, end), start: i, end });
    i = end;
  };
  while (i < cql.length) {
    const char = cql[i]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') i++;
    else if (char === '"' || char === "'") push('string', readString(cql, i));
    else if (char === '(') push('open', i + 1);
    else if (char === ')') push('close', i + 1);
    else if (char === ',') push('comma', i + 1);
    else if (WORD.test(char)) {
      let end = i + 1;
      while (end < cql.length && WORD.test(cql[end]!)) end++;
      push('word', end);
    } else {
      const operator = OPERATORS.find((candidate) => cql.startsWith(candidate, i));
      if (!operator) throw invalid(`the character ${JSON.stringify(char)} at position ${i} is not CQL`);
      push('operator', i + operator.length);
    }
  }
  return tokens;
}

const isWord = (token: CqlToken | undefined, word: string) => token?.kind === 'word' && token.text.toLowerCase() === word;

/** Index of the top-level `ORDER BY`, or -1; parentheses must balance and never close more than they opened. */
function checkStructure(tokens: CqlToken[]): number {
  let depth = 0;
  let orderBy = -1;
  tokens.forEach((token, index) => {
    if (token.kind === 'open') depth++;
    if (token.kind === 'close' && --depth < 0) throw invalid('a closing parenthesis has no opening one');
    if (isWord(token, 'order') && isWord(tokens[index + 1], 'by')) {
      if (depth !== 0 || orderBy !== -1) throw invalid('ORDER BY may appear once, at the end, outside parentheses');
      orderBy = index;
    }
  });
  if (depth !== 0) throw invalid('a parenthesis is not closed');
  return orderBy;
}

/** `ORDER BY field [asc|desc], …`: field names and directions only. */
function checkOrderBy(tokens: CqlToken[]): void {
  if (tokens.length === 0) throw invalid('ORDER BY names no field');
  tokens.forEach((token, index) => {
    const expectField = index === 0 || tokens[index - 1]!.kind === 'comma';
    const ok = expectField ? token.kind === 'word' : token.kind === 'comma' || ((isWord(token, 'asc') || isWord(token, 'desc')) && tokens[index - 1]!.kind === 'word');
    if (!ok) throw invalid('ORDER BY takes field names, ASC or DESC, separated by commas');
  });
  if (tokens.at(-1)!.kind === 'comma') throw invalid('ORDER BY ends with a comma');
}

const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * The query as sent upstream: `space in ("A","B") AND type = page [AND (id in (…) OR ancestor in (…))]
 * [AND (<clause>)] [ORDER BY …]` (the middle part for a token limited to page trees), with
 * the client's clause and ordering copied verbatim from the tokens' span.
 */
export function confineCql(cql: string, spaceKeys: readonly string[], treeRootIds: readonly string[] = []): string {
  if (spaceKeys.length === 0) throw new AppError('SPACE_NOT_GRANTED', 'The token reaches no space to search.');
  const tokens = tokenizeCql(cql);
  const orderBy = checkStructure(tokens);
  const clause = orderBy === -1 ? tokens : tokens.slice(0, orderBy);
  const ordering = orderBy === -1 ? [] : tokens.slice(orderBy + 2);
  if (orderBy !== -1) checkOrderBy(ordering);
  const span = (list: CqlToken[]) => cql.slice(list[0]!.start, list.at(-1)!.end);
  const parts = [`space in (${spaceKeys.map(quoted).join(',')}) AND type = page`];
  if (treeRootIds.length > 0) {
    if (!treeRootIds.every((id) => /^\d{1,20}$/.test(id))) throw new AppError('INVALID_REQUEST', 'Page tree roots are numeric page ids.');
    const roots = treeRootIds.join(',');
    parts.push(`AND (id in (${roots}) OR ancestor in (${roots}))`);
  }
  if (clause.length > 0) parts.push(`AND (${span(clause)})`);
  if (ordering.length > 0) parts.push(`ORDER BY ${span(ordering)}`);
  return parts.join(' ');
}
