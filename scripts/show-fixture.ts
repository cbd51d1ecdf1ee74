// Prints what the pipeline makes of a fixture folder, to review by eye before
// writing it into that folder's expected.json:  npx tsx scripts/show-fixture.ts test/fixtures/pipeline/<case>
import { runFixture } from '../test/pipeline/run-fixture.ts';

for (const dir of process.argv.slice(2)) {
  const result = await runFixture(dir);
  console.log(JSON.stringify({ dir, ...result }, null, 2));
}
