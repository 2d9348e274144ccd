// Entry point of the CLI bundle (dist/cli.js).
import { main } from './main.js';

// A closed pipe (`persim --help | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await main(process.argv.slice(2));
