// Runs the module named by argv[2] the way Electron runs a utilityProcess's entry: with a
// `process.parentPort` whose 'message' events carry `{ data }` and whose postMessage answers the parent.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

const port = new EventEmitter();
port.postMessage = (message) => process.send(message);
process.on('message', (data) => port.emit('message', { data }));
process.parentPort = port;
await import(pathToFileURL(process.argv[2]).href);
