// dist/cli.js, the `glossa` command: answers --version at once (a person or a script checking
// the install should not wait for the store code to load), and otherwise loads the CLI itself,
// dist/cli-app.js (electron/cli.ts), which reads the command line again.
import path from 'node:path';

declare const __GLOSSA_VERSION__: string;

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${__GLOSSA_VERSION__}\n`);
} else {
  // A path esbuild leaves alone: cli-app.js is its own bundle beside this one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(__dirname, 'cli-app.js'));
}
