// A language server started from the build (out/server.cjs) over stdio, for the benchmarks:
// the connection with the requests a client answers, `onNotification` set before it listens,
// and the server's peak memory (VmHWM) so far.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-languageserver-protocol/node';

const root = resolve(import.meta.dirname, '..');

/** Starts and initialises a server; `notifications` maps a method to its handler; `initializationOptions` as a client sends them. */
export async function startServer(notifications = {}, initializationOptions = undefined) {
    const server = spawn(process.execPath, [...(process.env.CLD_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean), join(root, 'out', 'server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    for (const [method, handler] of Object.entries(notifications)) connection.onNotification(method, handler);
    connection.onRequest('workspace/configuration', () => []);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions });
    await connection.sendNotification('initialized', {});
    const peakMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf-8'))[1]) / 1024;
    return { server, connection, peakMb };
}
