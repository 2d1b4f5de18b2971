// The loopback server for the worker bench, in its own process: the bench measures its own
// process's CPU time, which must not include the server writing 1,000 SSE events a second.
// Prints its base URL on stdout, then serves until killed. Scripts go in over /__control/.
import { startMockServer } from '../../tests/server/mock-openai.mjs';

const server = await startMockServer();
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
