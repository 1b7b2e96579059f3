/**
 * Reading CLD source safely: the limits and checks that turn bad input (not UTF-8, too large)
 * into a clear message instead of a crash or a hang. Used by the CLI and the language server.
 */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

export type SourceCheck = { ok: true; text: string } | { ok: false; message: string; line: number; column: number };

export function decodeSource(bytes: Uint8Array): SourceCheck {
    if (bytes.length > MAX_SOURCE_BYTES) {
        return { ok: false, line: 1, column: 1, message: `file is ${(bytes.length / 1048576).toFixed(1)} MB; CLD reads files of at most ${MAX_SOURCE_BYTES / 1048576} MB (split the list into smaller files)` };
    }
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
    } catch {
        const offset = firstInvalidUtf8Offset(bytes);
        const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
        const lines = before.split('\n');
        return { ok: false, line: lines.length, column: lines[lines.length - 1].length + 1, message: `file is not UTF-8 text (invalid byte 0x${bytes[offset].toString(16).padStart(2, '0')} at byte ${offset}); save it as UTF-8` };
    }
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        const need = b < 0x80 ? 0 : (b & 0xe0) === 0xc0 ? 1 : (b & 0xf0) === 0xe0 ? 2 : (b & 0xf8) === 0xf0 ? 3 : -1;
        if (need < 0) return i;
        for (let k = 1; k <= need; k++) {
            if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
        }
        i += need + 1;
    }
    return Math.max(0, bytes.length - 1);
}
