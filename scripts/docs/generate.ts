/**
 * The README's generated sections, from the code that decides what they say: the gateway's route
 * table (src/use-cases/gateway/routes) and the resolver contract (src/contract/resolvers.ts). Each
 * section sits between `<!-- generated:<name> -->` and `<!-- /generated:<name> -->` markers;
 * `npm run docs` rewrites them and test/app/readme.test.ts fails when one is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROUTES } from '../../src/use-cases/gateway/routes';

export const ROOT = path.resolve(__dirname, '..', '..');
export const README = path.join(ROOT, 'README.md');
const CONTRACT = path.join(ROOT, 'src', 'contract', 'resolvers.ts');

/** Every route the gateway answers, in the table's order: method, path, the token operation it needs. */
export function gatewayRoutesSection(): string {
  const rows = ROUTES.map((route) => {
    const operation = route.operation === 'self' ? 'any valid token' : route.operation === 'rotate' ? 'any valid token (rotation)' : route.operation;
    return `| ${route.method} | \`${route.path}\` | ${operation} |`;
  });
  return ['| method | path | token operation |', '|---|---|---|', ...rows].join('\n');
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

export const SECTIONS: Record<string, () => string> = {
  'gateway-routes': gatewayRoutesSection,
  resolvers: () => resolversSection(),
};

const markers = (name: string) => [`<!-- generated:${name} (npm run docs) -->`, `<!-- /generated:${name} -->`] as const;

/** The text between a section's markers in `readme`. */
export function sectionIn(readme: string, name: string): string {
  const [start, end] = markers(name);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  return readme.slice(from + start.length, to).trim();
}

/** `readme` with every generated section rewritten. */
export function regenerate(readme: string): string {
  let text = readme;
  for (const [name, generate] of Object.entries(SECTIONS)) {
    const [start, end] = markers(name);
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} … ${end}`);
    text = `${text.slice(0, from + start.length)}\n${generate()}\n${text.slice(to)}`;
  }
  return text;
}
