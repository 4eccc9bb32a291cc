/**
 * `npm run docs`: rewrites the docs' generated sections (the gateway's routes with their measured
 * costs in docs/gateway-api.md, the resolvers in docs/try-it-locally.md) from the code. Run it after
 * adding or changing a gateway route or a resolver; test/app/readme.test.ts checks it was.
 */
import { regenerate } from './docs/generate';

regenerate().then(
  (changed) => console.log(changed.length === 0 ? 'The generated sections of docs/ are up to date.' : `Rewrote the generated sections of ${changed.join(', ')}.`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
