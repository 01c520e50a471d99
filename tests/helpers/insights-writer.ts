// A second process writing to the insights database, for the concurrent-writers test:
//   tsx tests/helpers/insights-writer.ts FILE PREFIX COUNT
// Opens the store, says "ready", waits for a line on stdin, then records COUNT answers and a vote on each.
import { createInterface } from 'node:readline';
import { InsightsStore } from '../../src/insights/store.ts';

const [file, prefix, count] = process.argv.slice(2);
const store = new InsightsStore(file!, { secret: 'a test secret of some length', retentionDays: 90 });
process.stdout.write('ready\n');
await createInterface({ input: process.stdin })[Symbol.asyncIterator]().next();
for (let n = 0; n < Number(count); n++) {
  const id = `${prefix}${String(n).padStart(6, '0')}`;
  store.record([{
    id,
    at: Date.now(),
    guildId: '1',
    memberId: `${prefix}${n}`,
    source: 'slash',
    command: 'ask',
    query: `question ${n}`,
    questionKey: `${n} question`,
    status: 'answered',
    missing: [],
    citations: ['r#1'],
  }]);
  store.vote({ answerId: id, answeredAt: Date.now(), memberId: `${prefix}${n}`, helpful: n % 2 === 0 });
}
store.close();
process.stdout.write('done\n');
