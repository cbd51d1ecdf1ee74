// Worker-thread entry for the posting pool. Workers are fresh Node threads
// that know nothing of TypeScript (not even under vitest, whose transform
// lives in the test process), so this plain-JavaScript file registers tsx,
// as bin/jobsite.js does, before loading the task.
import { register } from 'tsx/esm/api';

register();
const { processPosting } = await import('../posting-result.ts');

export default processPosting;
