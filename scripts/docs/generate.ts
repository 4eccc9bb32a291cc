/**
 * The docs' generated sections, from the code that decides what they say: the gateway's route table
 * (src/use-cases/gateway/routes, with each route's cost as the bench measures it and its note from
 * route-notes.ts), the resolver contract (src/contract/resolvers.ts) and the manifest's scopes. Each section sits in one
 * file between `<!-- generated:<name> (npm run docs) -->` and `<!-- /generated:<name> -->` markers;
 * `npm run docs` rewrites them and test/app/readme.test.ts fails when one is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { loadManifest } from '../../emulator/platform';
import { ROUTES } from '../../src/use-cases/gateway/routes';
import { CONTENT_EXPANSIONS } from '../../src/use-cases/gateway/v1-expansions';
import { measureRouteCosts, type RouteCost } from '../bench/route-costs';
import { ROUTE_NOTES } from './route-notes';

export const ROOT = path.resolve(__dirname, '..', '..');
const CONTRACT = path.join(ROOT, 'src', 'contract', 'resolvers.ts');

const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

/**
 * Every route the gateway answers, in the table's order: method, path, the token operation it needs,
 * what one successful request costs (bench `route-costs`: Confluence calls, KVS reads and writes, at
 * the route's worst case for a whole-space token) and its note.
 */
export function gatewayRoutesSection(costs: readonly RouteCost[]): string {
  const costOf = new Map(costs.map((cost) => [cost.route, cost]));
  const rows = ROUTES.map((route) => {
    const operation = route.operation === 'self' ? 'any valid token' : route.operation === 'rotate' ? 'any valid token (rotation)' : route.operation;
    const cost = costOf.get(routeKey(route));
    if (!cost) throw new Error(`scripts/bench/route-costs.ts measures no scenario for ${routeKey(route)}`);
    const note = (ROUTE_NOTES[routeKey(route)] ?? '').replace(/\|/g, '\\|');
    return `| ${route.method} | \`${route.path}\` | ${operation} | ${cost.upstreamCalls} | ${cost.reads} / ${cost.writes} | ${note} |`;
  });
  return ['| method | path | token operation | Confluence calls | KVS reads / writes | notes |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * The v1 expansions the gateway serves (src/use-cases/gateway/v1-expansions.ts): on which routes
 * (each route's `v1Answer.expand`), what each needs from Confluence, and why.
 */
export function v1ExpansionsSection(): string {
  const v1Reads = ROUTES.filter((route) => route.method === 'GET' && route.v1Answer?.expand?.some((name) => name in CONTENT_EXPANSIONS));
  const header = ['`expand`', ...v1Reads.map((route) => `\`${route.path.replace('/wiki/rest/api', '')}\``), 'needs', 'notes'];
  const rows = (Object.entries(CONTENT_EXPANSIONS) as Array<[string, { needs: readonly string[]; note: string }]>).map(([name, { needs, note }]) => {
    const served = v1Reads.map((route) => (route.v1Answer!.expand!.includes(name) ? 'yes' : '—'));
    return `| \`${name}\` | ${served.join(' | ')} | ${needs.join(', ') || '—'} | ${note.replace(/\|/g, '\\|')} |`;
  });
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows].join('\n');
}

/** Notes whose key names no route (a route renamed or removed): they would never be shown. */
export function orphanRouteNotes(): string[] {
  const routes = new Set(ROUTES.map(routeKey));
  return Object.keys(ROUTE_NOTES).filter((key) => !routes.has(key));
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').replace(/;\s*}/g, ' }').trim();
const cell = (text: string) => `\`${oneLine(text).replace(/\|/g, '\\|')}\``;

/** `{label, spaceKeys, expiresInDays, pageIds?}` for an interface of the contract; its name otherwise. */
function fieldsOf(typeName: string, source: ts.SourceFile): string | undefined {
  const declaration = source.statements.find((statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === typeName);
  if (!declaration || declaration.heritageClauses) return undefined;
  const fields = declaration.members.filter(ts.isPropertySignature).map((member) => `${member.name.getText(source)}${member.questionToken ? '?' : ''}`);
  return `{${fields.join(', ')}}`;
}

/** Every resolver of `ResolverDefinitions`: name, payload, answer (what `Result<…>` wraps; any may be `{error}`). */
export function resolversSection(contractFile: string = CONTRACT): string {
  const source = ts.createSourceFile(contractFile, fs.readFileSync(contractFile, 'utf8'), ts.ScriptTarget.Latest, true);
  const definitions = source.statements.find(
    (statement): statement is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(statement) && statement.name.text === 'ResolverDefinitions',
  );
  if (!definitions || !ts.isTypeLiteralNode(definitions.type)) throw new Error(`${contractFile}: no type ResolverDefinitions = {…}`);
  const rows = definitions.type.members.map((member) => {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isFunctionTypeNode(member.type)) {
      throw new Error(`${contractFile}: ResolverDefinitions.${member.name?.getText(source)} is not \`name: (payload) => Result<…>\``);
    }
    const name = member.name.getText(source);
    const parameter = member.type.parameters[0]?.type;
    const payloadText = parameter ? parameter.getText(source) : undefined;
    const expanded = parameter && ts.isTypeReferenceNode(parameter) ? fieldsOf(parameter.typeName.getText(source), source) : undefined;
    const payload = payloadText === undefined ? '—' : `${cell(payloadText)}${expanded ? ` ${cell(expanded)}` : ''}`;
    const result = member.type.type;
    const answer = ts.isTypeReferenceNode(result) && result.typeName.getText(source) === 'Result' && result.typeArguments?.[0] ? result.typeArguments[0] : result;
    return `| \`${name}\` | ${payload} | ${cell(answer.getText(source))} |`;
  });
  return ['| resolver | payload | answer |', '|---|---|---|', ...rows].join('\n');
}

/** The scopes the install screen asks the admin to consent to, as manifest.yml declares them. */
export function consentScopesSection(manifestFile: string = path.join(ROOT, 'manifest.yml')): string {
  const rows = [...loadManifest(manifestFile).scopes].map(
    ([scope, grant]) => `| \`${scope}\` | ${grant.allowImpersonation ? 'yes: the gateway uses it as a token\'s owner' : 'no'} |`,
  );
  return ['| scope | on behalf of users who are not present (`allowImpersonation`) |', '|---|---|', ...rows].join('\n');
}

export interface GeneratedSection {
  /** The file holding the section's markers, relative to the repository. */
  file: string;
  generate: () => Promise<string>;
}

export const SECTIONS: Record<string, GeneratedSection> = {
  'gateway-routes': { file: 'docs/gateway-api.md', generate: async () => gatewayRoutesSection(await measureRouteCosts()) },
  resolvers: { file: 'docs/try-it-locally.md', generate: async () => resolversSection() },
  'v1-expansions': { file: 'docs/gateway-api.md', generate: async () => v1ExpansionsSection() },
  'consent-scopes': { file: 'docs/deploying.md', generate: async () => consentScopesSection() },
};

const markers = (name: string) => [`<!-- generated:${name} (npm run docs) -->`, `<!-- /generated:${name} -->`] as const;

function markedRange(text: string, name: string, file: string): [number, number] {
  const [start, end] = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} lacks the markers ${start} … ${end}`);
  return [from + start.length, to];
}

/** The text between a section's markers in its file. */
export function sectionIn(name: string): string {
  const { file } = SECTIONS[name]!;
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const [from, to] = markedRange(text, name, file);
  return text.slice(from, to).trim();
}

/** Rewrites every generated section in its file; answers the files that changed. */
export async function regenerate(): Promise<string[]> {
  const changed: string[] = [];
  for (const [name, { file, generate }] of Object.entries(SECTIONS)) {
    const full = path.join(ROOT, file);
    const text = fs.readFileSync(full, 'utf8');
    const [from, to] = markedRange(text, name, file);
    const after = `${text.slice(0, from)}\n${await generate()}\n${text.slice(to)}`;
    if (after !== text) {
      fs.writeFileSync(full, after);
      changed.push(file);
    }
  }
  return changed;
}
