// Builds the CLI bundle once before the suite, so end-to-end tests run the real dist/cli.js.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
