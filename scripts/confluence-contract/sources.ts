/** Where the contract comes from and goes: the spec folder, the stand-in's route table, the committed file. */
import fs from 'node:fs';
import path from 'node:path';
import { ROUTES } from '../../emulator/confluence/routes';
import { SPEC_FILES, type Api, type SpecSource } from './derive';

const ROOT = path.resolve(__dirname, '..', '..');

/** Atlassian's unmodified specs, kept beside the repository (never copied into it). */
export const DEFAULT_SPEC_DIR = path.resolve(ROOT, '..', 'shared', 'confluence-openapi');

export const CONTRACT_FILE = path.join(ROOT, 'emulator', 'confluence', 'contract.json');

/** The one list of operations the contract covers: the stand-in's route table (the gateway forwards only to these). */
export function contractRoutes(): string[] {
  return Object.keys(ROUTES).sort();
}

export function specsPresent(dir: string = DEFAULT_SPEC_DIR): boolean {
  return Object.values(SPEC_FILES).every((file) => fs.existsSync(path.join(dir, file)));
}

export function readSpecs(dir: string): Record<Api, SpecSource> {
  const read = (api: Api): SpecSource => {
    const file = path.join(dir, SPEC_FILES[api]);
    if (!fs.existsSync(file)) throw new Error(`Confluence OpenAPI spec not found: ${file}. Pass the folder holding confluence-v1.json and confluence-v2.json.`);
    return { text: fs.readFileSync(file, 'utf8') };
  };
  return { v1: read('v1'), v2: read('v2') };
}
