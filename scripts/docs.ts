/**
 * `npm run docs`: rewrites the README's generated sections (the gateway's routes, the resolvers) from
 * the code. Run it after adding a gateway route or a resolver; test/app/readme.test.ts checks it was.
 */
import fs from 'node:fs';
import { README, regenerate } from './docs/generate';

const before = fs.readFileSync(README, 'utf8');
const after = regenerate(before);
fs.writeFileSync(README, after);
console.log(before === after ? 'README.md is up to date.' : 'Rewrote the generated sections of README.md.');
