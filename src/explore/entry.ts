// The explorer's browser bundle (scripts/build.mjs, dist/explorer.js). The same code runs in
// the page and, created from the page's inlined copy, in its Web Workers.
import { startPage } from './page/main.js';
import { startWorker } from './worker/workerMain.js';

if (typeof document === 'undefined') startWorker();
else startPage();
