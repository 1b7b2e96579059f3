import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** Runs `npm run package` (vsce) and returns the VSIX it made. */
export function packageExtension(root: string, log: (line: string) => void): string {
    log('Packaging the extension (npm run package)...');
    const run = spawnSync('npm', ['run', 'package', '--silent'], { cwd: root, encoding: 'utf-8', timeout: 5 * 60_000 });
    const output = `${run.stdout}${run.stderr}`;
    const packaged = /Packaged: (\S+\.vsix)/.exec(output)?.[1];
    if (run.status !== 0 || !packaged) throw new Error(`npm run package failed:\n${output}`);
    return path.resolve(root, packaged);
}
