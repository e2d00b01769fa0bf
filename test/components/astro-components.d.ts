// Plain `tsc` does not read `.astro` files (`astro check` does); to it, a component imported by a test is a
// component factory, which is what Astro's container API renders.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

  const component: AstroComponentFactory;
  export default component;
}
