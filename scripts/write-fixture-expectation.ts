// Writes a fixture's expected.json from what the pipeline makes of it now:
// run it only after reviewing that output (scripts/show-fixture.ts), since the
// file then becomes the test's expectation. contentHtml and url are left out
// (asserted elsewhere); everything else is matched.
//   npx tsx scripts/write-fixture-expectation.ts test/fixtures/pipeline/<case>...
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runFixture } from '../test/pipeline/run-fixture.ts';

for (const dir of process.argv.slice(2)) {
  const { posting, messages } = await runFixture(dir);
  const expected = { posting: posting && { ...posting, contentHtml: undefined, url: undefined }, messages };
  writeFileSync(path.join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
}
