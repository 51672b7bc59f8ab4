/** `npm start`: the desktop app, or the browser host where Electron cannot run (see scripts/launch/start.ts). */
import { realStartHost } from './launch/host';
import { start } from './launch/start';

// Ctrl+C reaches the app's own process too, which flushes and exits; this one then ends with its code.
process.on('SIGINT', () => undefined);

start(realStartHost()).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`factmark start: ${error.message}`);
    process.exit(1);
  },
);
