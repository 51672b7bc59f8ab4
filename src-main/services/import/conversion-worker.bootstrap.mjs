// Starts the conversion worker from its TypeScript source (tests, `npm run cli`, `npm run web`): tsx compiles it as it loads.
import { register } from 'tsx/esm/api';

register();
await import('./conversion-worker.ts');
