import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Generous: CLI tests start tsx several times, slow on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
