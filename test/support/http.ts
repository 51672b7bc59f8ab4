/** Test helper: a local HTTP server on 127.0.0.1, a realistic news page to serve, and the import fixtures folder. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The folder of import fixture files (relative to the repository root, where the tests run). */
export const FIXTURES = 'test/fixtures/import';

/** A running test server: its base URL and a way to stop it (dropping open connections). */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** A local HTTP server on 127.0.0.1 answering with `handler`. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/** A news page with `inner` somewhere in the middle of real article text. */
export function hostPage(inner: string, label: string): string {
  const para = (n: number) =>
    `<p>Paragraph ${n} of the report on ${label}: the council approved the expansion of the eastern container terminal after a long debate about dredging, traffic, and the number of jobs the project would create over the next five years.</p>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Report on ${label}</title></head><body><nav><a href="/">Home</a></nav><article><h1>Report on ${label}</h1>${para(1)}${para(2)}${inner}${para(3)}${para(4)}</article><footer>Footer</footer></body></html>`;
}
