// The end-to-end harness must fail clearly, never hang, and kill what it started. These tests
// stand a small Node script in for code-server, so they run without the e2e prerequisites.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { canConnectTo, startCodeServer } from '../../e2e/code-server.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-harness-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A stand-in for server-main.js; it gets code-server's arguments. */
function fakeServer(name: string, body: string): { node: string; serverMain: string; chromium: string } {
    const file = path.join(scratch, `${name}.cjs`);
    fs.writeFileSync(file, body);
    return { node: process.execPath, serverMain: file, chromium: '' };
}

const PORT_OF_ARGS = "const port = Number(process.argv[process.argv.indexOf('--port') + 1]);";

describe('starting code-server', () => {
    test('a server that exits at once is reported with its log, not waited for', async () => {
        const server = fakeServer('exits', "console.error('cannot find module node-pty'); process.exit(3);");
        const started = Date.now();
        await expect(startCodeServer(server, { root: path.join(scratch, 'exits') }, undefined, 20_000)).rejects.toThrow(/code-server did not start: the process exited with 3[\s\S]*cannot find module node-pty/);
        expect(Date.now() - started).toBeLessThan(15_000);
    });

    test('a server that never listens times out with a message, and its process group is killed', async () => {
        const pidFile = path.join(scratch, 'silent.pid');
        const server = fakeServer('silent', `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`);
        await expect(startCodeServer(server, { root: path.join(scratch, 'silent') }, undefined, 1500)).rejects.toThrow(/nothing listened on 127\.0\.0\.1:\d+ within 1\.5 s/);
        const pid = Number(fs.readFileSync(pidFile, 'utf-8'));
        expect(isAlive(pid)).toBe(false);
    });

    test('a server that listens is stopped with its children, and its port is closed', async () => {
        const childPidFile = path.join(scratch, 'child.pid');
        const server = fakeServer('listens', `${PORT_OF_ARGS}
            const child = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
            require('fs').writeFileSync(${JSON.stringify(childPidFile)}, String(child.pid));
            require('http').createServer((q, r) => r.end('workbench')).listen(port, '127.0.0.1');`);
        const running = await startCodeServer(server, { root: path.join(scratch, 'listens') }, undefined, 20_000);
        expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(await (await fetch(running.url)).text()).toBe('workbench');
        await running.stop();
        expect(await canConnectTo(running.port)).toBe(false);
        expect(isAlive(Number(fs.readFileSync(childPidFile, 'utf-8')))).toBe(false);
    });
});

function isAlive(pid: number): boolean {
    // A killed child may linger as a zombie for a moment: ask ps for its state.
    const state = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf-8' }).stdout.trim();
    return state !== '' && !state.startsWith('Z');
}
