// The module the review-reports integration's Vite plugin resolves (src/integration/vite-plugin-site.ts).
declare module 'virtual:review-reports/site' {
  export const siteData: import('./integration/site-data.ts').SiteData;
}
