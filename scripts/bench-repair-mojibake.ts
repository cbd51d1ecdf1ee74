// Checks that mojibake repair stays linear on hostile input: times 5,000 and
// 40,000 characters of each pattern (8× the input should take about 8× the
// time, not 64×). A benchmark, not a test: timings vary with the machine.
//   npx tsx scripts/bench-repair-mojibake.ts
import { repairMojibake } from '../src/normalise/text/index.ts';

const fastest = (text: string): number => {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    repairMojibake(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
};

const pieces = ['Ã', 'Ã©', 'â€™', '‚Äô', '\uF8FFüí∞', 'Ã¢â‚¬â„¢', '–ê', '\u0080', 'ðŸ', 'Ã© Ã©', 'Ã©â€™‚Äô'];
console.log('pattern | 5,000 chars (ms) | 40,000 chars (ms) | ratio');
for (const piece of pieces) {
  const small = fastest(piece.repeat(Math.ceil(5_000 / piece.length)));
  const large = fastest(piece.repeat(Math.ceil(40_000 / piece.length)));
  console.log(`${JSON.stringify(piece)} | ${small.toFixed(1)} | ${large.toFixed(1)} | ${(large / small).toFixed(1)}`);
}
