// Worker-thread entry for the posting pool. Workers are fresh Node threads
// that know nothing of TypeScript (not even under vitest, whose transform
// lives in the test process). Compiled into lib/, this file sits beside the
// compiled pipeline and loads it; under src/ it registers tsx, as
// bin/jobsite.js does, and loads the sources.
import { existsSync } from 'node:fs';

const compiled = new URL('../posting-result.js', import.meta.url);
let processPosting;
if (existsSync(compiled)) {
  ({ processPosting } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ processPosting } = await import('../posting-result.ts'));
}

export default processPosting;
