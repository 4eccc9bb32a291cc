/**
 * `npm run lint:forge [-- --strict]`: Atlassian's Forge linter (@forge/lint, pinned in devDependencies)
 * on manifest.yml and every source file under src/, offline and without a login: the client-side
 * linters `forge lint` runs, with the permission linter's Confluence scope data taken from the
 * committed contract (scripts/forge-lint/scope-specs.ts) instead of Atlassian's site.
 * Exit: 0 clean, 1 errors (or, with --strict, warnings), 2 could not run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadManifest } from '../emulator/platform';
import { buildMissingUi, uiModules } from '../emulator/server/ui-modules';
import { writeLinterSpecs } from './forge-lint/scope-specs';

const ROOT = path.resolve(__dirname, '..');
const SOURCE = /\.(c|m)?(j|t)sx?$/;

/** Every source file under `dir`, as `forge lint` collects them (no node_modules, no declarations). */
function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === '.git') return [];
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Without the files git ignores (as `forge lint` leaves them out); all of them outside a git checkout. */
function notIgnored(files: string[], cwd: string): string[] {
  try {
    const ignored = execFileSync('git', ['check-ignore', '--stdin'], { cwd, input: files.join('\n'), encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
    const set = new Set(ignored.split('\n').filter(Boolean));
    return files.filter((file) => !set.has(file));
  } catch {
    return files; // exit 1: nothing ignored; no git: lint everything
  }
}

export interface ForgeLintReport {
  files: number;
  errors: string[];
  warnings: string[];
}

/** Lints the Forge app in `appDir` (manifest.yml and src/) against the Confluence contract `contractFile`. */
export async function forgeLint(appDir: string, contractFile = path.join(ROOT, 'emulator/confluence/contract.json')): Promise<ForgeLintReport> {
  const specs = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-'));
  const saved = { ...process.env };
  const cwd = process.cwd();
  try {
    Object.assign(process.env, writeLinterSpecs(contractFile, specs));
    process.chdir(appDir); // the linters resolve manifest paths (resources, handlers) from the working folder
    // Loaded here, after the environment is set: the permission linter reads it when it starts.
    const { lint } = await import('@forge/lint');
    const { ManifestParserBuilder } = await import('@forge/manifest');
    const manifest = new ManifestParserBuilder().withInterpolators().build().parseManifest({ content: fs.readFileSync('manifest.yml', 'utf8'), filePath: 'manifest.yml' });
    const quiet = { info: () => {}, debug: () => {}, warn: () => {}, error: () => {} };
    // What `forge lint` would ask Atlassian's feature flags: no gates on, and the runtime Forge no
    // longer deploys (nodejs20.x, since May 2026) reported as deprecated.
    const flags = { getDeprecatedRuntimes: async () => ['nodejs20.x'], checkGate: async () => false, getDynamicConfig: async () => null };
    const files = notIgnored(sourceFiles('src'), appDir);
    const results = await lint(files, manifest as never, 'development', quiet as never, flags as never, { linter: { mode: 'client-side' } });
    const line = (file: string, issue: { line: number; column: number; message: string; reference: string }, kind: string) =>
      `${file}:${issue.line}:${issue.column} ${kind} ${issue.message} (${issue.reference})`;
    return {
      files: files.length,
      errors: results.flatMap((result) => result.errors.map((issue) => line(result.file, issue, 'error'))),
      warnings: results.flatMap((result) => result.warnings.map((issue) => line(result.file, issue, 'warning'))),
    };
  } finally {
    process.chdir(cwd);
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    fs.rmSync(specs, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--strict');
  if (unknown.length > 0) {
    console.error(`Unknown argument(s) ${unknown.join(' ')}. Usage: npm run lint:forge [-- --strict]`);
    process.exit(2);
  }
  const strict = args.includes('--strict');
  // The manifest linter requires every resource's folder: build the Custom UI a fresh clone lacks, as npm start does.
  buildMissingUi(uiModules(loadManifest(path.join(ROOT, 'manifest.yml')).raw));
  forgeLint(ROOT).then(
    (report) => {
      for (const problem of [...report.errors, ...report.warnings]) console.log(problem);
      console.log(`lint:forge: ${report.files} source files and manifest.yml; ${report.errors.length} errors, ${report.warnings.length} warnings${strict ? ' (--strict: warnings fail)' : ''}`);
      process.exit(report.errors.length > 0 || (strict && report.warnings.length > 0) ? 1 : 0);
    },
    (error: unknown) => {
      console.error('lint:forge: could not run:', error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
