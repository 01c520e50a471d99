// Snowflake ids shaped like Discord's: (ms since the Discord epoch) << 22 | worker bits | increment.
const DISCORD_EPOCH = 1_420_070_400_000n;
// Divisible by every shard count from 1 to 16, so guild i (timestamp base + i) lands on shard i % count.
const SHARD_FRIENDLY_BASE = 720_720n;

let increment = 0n;

export function snowflake(timestampMs: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(timestampMs) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** Ids for guilds such that guild `index` is served by shard `index % shardCount` (for counts 1..16). */
export function guildSnowflake(index: number): string {
  const sinceEpoch = BigInt(Date.now()) - DISCORD_EPOCH - 86_400_000n;
  const aligned = (sinceEpoch / SHARD_FRIENDLY_BASE) * SHARD_FRIENDLY_BASE + BigInt(index);
  increment = (increment + 1n) & 0xfffn;
  return ((aligned << 22n) | (1n << 17n) | increment).toString();
}

/** Discord's routing rule: shard_id = (guild_id >> 22) % num_shards. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export function randomToken(prefix: string): string {
  return `${prefix}.${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}
