// Entry point of the CLI bundle (dist/cli.js). Importing it runs nothing: bin/persim.js
// calls runCli.
import { main } from './main.js';

export async function runCli(argv: readonly string[]): Promise<number> {
  // A closed pipe (`persim --help | head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  return main([...argv]);
}
