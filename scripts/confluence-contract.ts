/**
 * `npm run confluence-contract [-- <folder>]`: rewrites emulator/confluence/contract.json from
 * Atlassian's Confluence specs in <folder> (default ../shared/confluence-openapi), for the routes in
 * the stand-in's route table. Run it after adding a route to emulator/confluence/routes/index.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTRACT_FILE, DEFAULT_SPEC_DIR, contractRoutes, readSpecs } from './confluence-contract/sources';
import { deriveContract, stableJson } from './confluence-contract/derive';

function main(): void {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
    throw new Error('Usage: npm run confluence-contract [-- <folder with confluence-v1.json and confluence-v2.json>]');
  }
  const dir = path.resolve(args[0] ?? DEFAULT_SPEC_DIR);
  const text = stableJson(deriveContract(readSpecs(dir), contractRoutes()));
  const before = fs.existsSync(CONTRACT_FILE) ? fs.readFileSync(CONTRACT_FILE, 'utf8') : undefined;
  fs.writeFileSync(CONTRACT_FILE, text);
  const where = path.relative(process.cwd(), CONTRACT_FILE);
  console.log(`${before === text ? 'Unchanged' : 'Wrote'} ${where}: ${contractRoutes().length} operations, ${Buffer.byteLength(text)} bytes, from ${dir}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
