/** Test projects: unit (Node: model, anchoring, services, CLI, editor state) and e2e (Chromium). */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/editor/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // expect.poll waits 1 s by default: too little on a loaded 2-core CI machine.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A page under load (CI shares 2 cores) can take seconds to save or repaint; expect.poll's
          // 1 s default made such waits fail (desk-undo's waitSaved under load).
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
