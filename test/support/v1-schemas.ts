/**
 * Atlassian's v1 component schemas, from the committed contract (emulator/confluence/contract.json),
 * compiled by ajv in strict mode: a schema keyword ajv does not know, or a format it cannot check, is
 * an error rather than silently ignored. One fault of the spec is let through: `UsersUserKeys`
 * requires a property it does not define (strictRequired is off for that reason alone).
 */
import fs from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { CONTRACT_FILE } from '../../emulator/confluence/openapi';
import { V1_ERROR_SCHEMA } from '../../emulator/confluence/openapi-quirks';

const contract = JSON.parse(fs.readFileSync(CONTRACT_FILE, 'utf8')) as { v1: { components: { schemas: Record<string, object> } } };
// Each component is its own schema (`v1:Name`), so references resolve without the rest of the document.
const schemas = JSON.parse(JSON.stringify(contract.v1.components.schemas).replace(/"#\/components\/schemas\/([^"]+)"/g, '"v1:$1"')) as Record<string, object>;

const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
addFormats(ajv);
for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, `v1:${name}`);
ajv.addSchema(V1_ERROR_SCHEMA, 'v1:Error');

export const V1_SCHEMA_NAMES = Object.keys(schemas);

/** The problems of `value` against the v1 component `name` (`Error`: v1's error envelope), or [] when it conforms. */
export function v1SchemaProblems(name: string, value: unknown): string[] {
  const validate: ValidateFunction | undefined = ajv.getSchema(`v1:${name}`);
  if (!validate) return [`no v1 schema named ${name}`];
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`);
}
