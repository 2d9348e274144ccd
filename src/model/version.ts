// The persim version written into every output file; esbuild replaces it at build time
// from package.json, and tests read package.json directly.
declare const __PERSIM_VERSION__: string | undefined;
export const PERSIM_VERSION: string = typeof __PERSIM_VERSION__ === 'string' ? __PERSIM_VERSION__ : '0.1.0';
