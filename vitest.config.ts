import { getViteConfig } from 'astro/config';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/components/**', 'test/e2e/**'],
        },
      },
      // Astro components rendered with the container API need Astro's Vite plugins to compile `.astro` files.
      getViteConfig({
        test: { name: 'components', include: ['test/components/**/*.test.ts'], testTimeout: 30_000 },
      }),
      // The real site in Chromium: built once by the global setup, served on localhost.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts', 'test/e2e/hostile-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
