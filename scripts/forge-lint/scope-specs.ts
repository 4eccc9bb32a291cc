/**
 * The scope data @forge/lint's permission linter needs, from the committed Confluence contract
 * (emulator/confluence/contract.json) instead of Atlassian's specs online: for each operation the
 * contract keeps its scope alternatives as OpenAPI `security` entries (derived from Atlassian's
 * `x-atlassian-oauth2-scopes`: first the current scopes, then the granular beta ones). The linter
 * reads `x-atlassian-oauth2-scopes` and passes a call when the manifest holds every current scope or
 * every beta one, which is the alternatives' own meaning; given `security` alone it would demand
 * all of them at once. It checks only what the contract holds: every Confluence route the stand-in
 * implements, which is every route the app calls (any other answers 501 in the tests).
 */
import fs from 'node:fs';
import path from 'node:path';

type Operation = { security?: Array<Record<string, string[]>> };
type Paths = Record<string, Record<string, Operation>>;
export interface LinterSpec {
  paths: Record<string, Record<string, { 'x-atlassian-oauth2-scopes': Array<{ scheme: string; state: 'Current' | 'Beta'; scopes: string[] }> }>>;
}

const STATES = ['Current', 'Beta'] as const;

/** One spec for the linter from one API of the contract (`v1` paths are absolute, `v2` below /wiki/api/v2, as in Atlassian's specs). */
export function linterSpec(paths: Paths): LinterSpec {
  const out: LinterSpec['paths'] = {};
  for (const [route, methods] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const alternatives = (operation.security ?? []).map((entry) => entry.oAuthDefinitions ?? []).filter((scopes) => scopes.length > 0);
      if (alternatives.length > STATES.length) {
        throw new Error(`${method.toUpperCase()} ${route}: ${alternatives.length} scope alternatives; @forge/lint knows only current and beta`);
      }
      (out[route] ??= {})[method] = {
        'x-atlassian-oauth2-scopes': alternatives.map((scopes, index) => ({ scheme: 'oAuthDefinitions', state: STATES[index]!, scopes })),
      };
    }
  }
  return { paths: out };
}

/**
 * Writes the linter's six spec files into `dir` (Confluence v1 and v2 from the contract; Jira, Jira
 * Service Management, Jira Software and Bitbucket empty: the app calls none of them) and answers the
 * environment that makes @forge/lint read them instead of fetching Atlassian's.
 */
export function writeLinterSpecs(contractFile: string, dir: string): Record<string, string> {
  const contract = JSON.parse(fs.readFileSync(contractFile, 'utf8')) as { v1: { paths: Paths }; v2: { paths: Paths } };
  const file = (name: string, spec: unknown) => {
    const target = path.join(dir, `${name}.json`);
    fs.writeFileSync(target, JSON.stringify(spec));
    return target;
  };
  const empty = file('empty', { paths: {} });
  return {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_CONF_SWAGGER: file('confluence-v1', linterSpec(contract.v1.paths)),
    LOCAL_CONF_V2_SWAGGER: file('confluence-v2', linterSpec(contract.v2.paths)),
    LOCAL_JIRA_SWAGGER: empty,
    LOCAL_JSM_SWAGGER: empty,
    LOCAL_JSW_SWAGGER: empty,
    LOCAL_BB_SWAGGER: empty,
  };
}
