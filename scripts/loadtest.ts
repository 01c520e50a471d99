/**
 * npm run loadtest: bursts of slash commands through the local fake Discord's gateway into the real
 * bot (real discord.js client), counting what comes back. Options: --count N (default 2000),
 * --rate N per second (default 500), --users N (default 200).
 * Prints sent, answered, failed, duplicated, latency from dispatch to the reply (p50, p99), peak RSS,
 * and how many answers the insights database recorded (recording is on, as in the bot).
 */
import { parseArgs } from 'node:util';
import type { FakeInteraction } from '../tests/fake-discord/index.ts';
import { startTestBot } from '../tests/helpers/bot.ts';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '2000' }, rate: { type: 'string', default: '500' }, users: { type: 'string', default: '200' } },
});
const count = Number(values.count);
const rate = Number(values.rate);
const questions = [
  'What security guarantees does Ukraine want?',
  'When did the talks resume?',
  'Would Western troops be directly involved?',
  'What did the Financial Times report about sanctions?',
  'What is the capital of Australia?',
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const t = await startTestBot();
  const users = Array.from({ length: Number(values.users) }, (_, n) => t.fake.createUser({ username: `load${n}` }));
  const sentAt = new Map<string, number>();
  const pending: Array<Promise<unknown>> = [];
  const latencies: number[] = [];
  let failed = 0;
  let duplicated = 0;

  const started = performance.now();
  const tickMs = 10;
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));
  for (let sent = 0; sent < count; ) {
    for (let k = 0; k < perTick && sent < count; k++, sent++) {
      const interaction: FakeInteraction = t.fake.sendSlashCommand({
        name: 'ask',
        options: [{ name: 'question', type: 3, value: questions[sent % questions.length]! }],
        user: users[sent % users.length]!,
      });
      sentAt.set(interaction.id, performance.now());
      pending.push(
        t.fake.waitForResponse(interaction.id, undefined, { timeoutMs: 30_000 }).then(
          (requests) => {
            latencies.push(performance.now() - sentAt.get(interaction.id)!);
            const ok = requests.filter((r) => r.status < 300 && r.path.endsWith('/callback'));
            if (ok.length > 1) duplicated++;
          },
          () => failed++,
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, tickMs));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  // Anything the fake rejected (late, invalid, second answer) counts as failed too.
  const rejected = new Set(t.fake.requests.filter((r) => r.status >= 400 && r.interactionId).map((r) => r.interactionId)).size;
  latencies.sort((a, b) => a - b);
  const peakRss = process.resourceUsage().maxRSS / 1024;
  // Each answer is recorded just after it is sent: give the last ones a moment.
  let recorded = 0;
  for (const until = performance.now() + 5000; performance.now() < until; await new Promise((resolve) => setTimeout(resolve, 50))) {
    recorded = t.bot.context.insights.rows(0)?.length ?? 0;
    if (recorded >= count) break;
  }
  await t.close();

  const answered = latencies.length;
  console.log(`sent ${count} at up to ${rate}/s in ${elapsed.toFixed(1)} s`);
  console.log(`answered ${answered}, failed ${failed + rejected}, duplicated ${duplicated}, lost ${count - answered - failed}`);
  console.log(`latency dispatch->reply: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
  console.log(`peak RSS ${peakRss.toFixed(0)} MB (bot and fake Discord in one process)`);
  console.log(`recorded ${recorded} answers in the insights database`);
  process.exitCode = failed + rejected + duplicated > 0 || answered !== count || recorded !== count ? 1 : 0;
}

void main();
