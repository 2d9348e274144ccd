// Files persim reads from its installed dependencies at run time: the DejaVu Sans font for
// the PNGs (so their text shows on a machine without fonts) and chart.js's browser build,
// inlined in the HTML report. Both are found through Node's module resolution, from the
// source tree and from the bundled CLI alike.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const resolver = createRequire(import.meta.url);

/** The font file (woff2, which @napi-rs/canvas reads) of DejaVu Sans, regular weight. */
export function fontPath(weight: 400 | 700 = 400): string {
  return resolver.resolve(`@fontsource/dejavu-sans/files/dejavu-sans-latin-${weight}-normal.woff2`);
}

/** chart.js's UMD build (defines `Chart` as a global), minified. */
export function chartJsBrowserSource(): string {
  const main = resolver.resolve('chart.js'); // .../chart.js/dist/chart.cjs
  return readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
}
