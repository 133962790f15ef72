import { defineConfig } from 'vitest/config';

/** Unit tests run under Node: the shared domain code, the database layer, the Electron shell's pure parts. */
export default defineConfig({
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'renderer/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts', 'cli/**/*.test.ts'],
    environment: 'node',
  },
});
