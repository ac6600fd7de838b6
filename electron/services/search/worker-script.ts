// Where the search worker's script is: built beside main.js (dist/electron/search-worker.js), or
// bundled from its TypeScript when running from source (../worker-script.ts).
import path from 'node:path';
import { workerScriptPath } from '../worker-script';

export function searchWorkerScript(): string {
  return workerScriptPath({ builtName: 'search-worker.js', sourceEntry: path.join(__dirname, 'search-worker-entry.ts') });
}
