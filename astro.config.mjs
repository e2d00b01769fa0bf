// @ts-check
import { fileURLToPath } from 'node:url';
import { astroConfig } from './src/integration/astro-config.ts';

// `astro build` (and `astro check`, and the component tests) on this checkout: the bundled `content/` export into
// `dist/`. `review-reports build` does not read this file; it passes the same config to Astro's `build()`.
const { configFile: _configFile, ...config } = astroConfig({ root: fileURLToPath(new URL('.', import.meta.url)) });
export default config;
