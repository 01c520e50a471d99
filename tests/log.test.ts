import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';

describe('logging', () => {
  it('redacts the token from every line, wherever it appears', async () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.token-value';
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = await createLogger({ level: 'debug', secrets: [token], destination });
    logger.info({ auth: `Bot ${token}` }, 'request');
    logger.error({ err: new Error(`login failed with ${token}`) }, `oops ${token}`);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).toContain('[redacted]');
    }
  });
});
