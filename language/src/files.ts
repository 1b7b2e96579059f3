/**
 * Reading and writing the files a user names, safely: only regular files are read (a FIFO or a
 * device would hang or never end), and writing never replaces what the user did not ask to
 * replace. Used by the CLI, the importer and the server's import request.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MAX_SOURCE_BYTES } from './documents.js';

export class FileError extends Error {
    constructor(readonly file: string, readonly reason: string) {
        super(`${file}: ${reason}`);
        this.name = 'FileError';
    }
}

function why(e: unknown): string {
    const code = (e as NodeJS.ErrnoException).code;
    const words: Record<string, string> = {
        ENOENT: 'no such file', EISDIR: 'is a folder', EACCES: 'permission denied', EPERM: 'permission denied',
        ENOSPC: 'no space left on the device', EROFS: 'read-only file system', ENOTDIR: 'a part of the path is not a folder',
        EDQUOT: 'disk quota exceeded', EIO: 'input/output error',
    };
    return code ? `${words[code] ?? (e as Error).message} (${code})` : (e as Error).message;
}

/** The bytes of a regular file of at most `limit` bytes; anything else is a FileError with the reason. */
export function readInputFile(file: string, limit = MAX_SOURCE_BYTES): Buffer {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch (e) {
        throw new FileError(file, why(e));
    }
    if (stat.isDirectory()) throw new FileError(file, 'is a folder, not a file');
    if (!stat.isFile()) throw new FileError(file, 'is not a regular file (a pipe, device or socket); name a file');
    if (stat.size > limit) throw new FileError(file, `file is ${(stat.size / 1048576).toFixed(1)} MB; CLD reads files of at most ${limit / 1048576} MB (split the list into smaller files)`);
    try {
        return fs.readFileSync(file);
    } catch (e) {
        throw new FileError(file, why(e));
    }
}

/** Follows symbolic links to the path they finally name (which may not exist yet). */
function followLinks(file: string): string {
    let target = resolve(file);
    for (let hops = 0; hops < 40; hops++) {
        let stat: fs.Stats;
        try {
            stat = fs.lstatSync(target);
        } catch {
            return target;
        }
        if (!stat.isSymbolicLink()) return target;
        target = resolve(dirname(target), fs.readlinkSync(target));
    }
    throw new FileError(file, 'too many levels of symbolic links');
}

export interface WriteOptions {
    /** Create missing folders above the file (the importer's output folder); otherwise a missing folder is an error. */
    createFolders?: boolean;
}

/**
 * Writes `text` (or bytes: a spreadsheet) to `file` as the user means it. A regular file (or a new one) is written through
 * a temporary file in the same folder and renamed, so a failure leaves no half file; a symbolic
 * link is followed and its target written, the link kept; a pipe or a device (`-o /dev/stdout`)
 * is written into, never replaced; a folder is refused. Every failure is a FileError.
 */
export function writeOutputFile(file: string, text: string | Uint8Array, options: WriteOptions = {}): void {
    const target = followLinks(file);
    let stat: fs.Stats | undefined;
    try {
        stat = fs.statSync(target);
    } catch {
        stat = undefined;
    }
    if (stat?.isDirectory()) throw new FileError(file, 'is a folder; name a file to write');
    if (stat && !stat.isFile()) {
        try {
            fs.writeFileSync(target, text, typeof text === 'string' ? { encoding: 'utf-8', flag: 'w' } : { flag: 'w' });
        } catch (e) {
            throw new FileError(file, `cannot write: ${why(e)}`);
        }
        return;
    }
    const folder = dirname(target);
    if (options.createFolders) {
        try {
            fs.mkdirSync(folder, { recursive: true });
        } catch (e) {
            throw new FileError(folder, `cannot create the folder: ${why(e)}`);
        }
    } else if (!fs.existsSync(folder)) {
        throw new FileError(file, `the folder ${folder} does not exist`);
    }
    const temporary = join(folder, `.${randomBytes(6).toString('hex')}.cld-tmp`);
    try {
        fs.writeFileSync(temporary, text, { ...(typeof text === 'string' ? { encoding: 'utf-8' as const } : {}), mode: stat ? stat.mode & 0o7777 : 0o666 });
        fs.renameSync(temporary, target);
    } catch (e) {
        fs.rmSync(temporary, { force: true });
        throw new FileError(file, `cannot write: ${why(e)}`);
    }
}
