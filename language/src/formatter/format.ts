/**
 * The CLD formatter: re-indents by brace depth, trims trailing blanks, keeps at most one blank
 * line in a row and ends the file with one newline. It works on the raw text, so it formats
 * broken files too, and it changes whitespace only at the start and end of lines that do not
 * begin or end inside a text or a block comment: no word, comment or text is ever touched.
 */
export const INDENT = '    ';

interface LineInfo {
    /** brace depth at the start of the line */
    depth: number;
    /** the line starts inside a multi-line text or block comment: leave it exactly as it is */
    startsInside: boolean;
    /** the line ends inside a text: its trailing blanks are part of the text */
    endsInsideText: boolean;
}

type Mode = 'code' | 'dq' | 'bq' | 'block';

/** Scans the text once, recording for each line where it starts and ends. */
function analyse(lines: string[]): LineInfo[] {
    const infos: LineInfo[] = [];
    let depth = 0;
    let mode: Mode = 'code';
    for (const line of lines) {
        const info: LineInfo = { depth, startsInside: mode !== 'code', endsInsideText: false };
        for (let i = 0; i < line.length; i++) {
            const ch = line[i];
            if (mode === 'dq') {
                if (ch === '\\') i++;
                else if (ch === '"') mode = 'code';
            } else if (mode === 'bq') {
                if (ch === '`') mode = 'code';
            } else if (mode === 'block') {
                if (ch === '*' && line[i + 1] === '/') { mode = 'code'; i++; }
            } else if (ch === '/' && line[i + 1] === '/') {
                break;
            } else if (ch === '/' && line[i + 1] === '*') {
                mode = 'block';
                i++;
            } else if (ch === '"') mode = 'dq';
            else if (ch === '`') mode = 'bq';
            else if (ch === '{') depth++;
            else if (ch === '}') depth = Math.max(0, depth - 1);
        }
        info.endsInsideText = mode === 'dq' || mode === 'bq';
        infos.push(info);
    }
    return infos;
}

function formatLine(line: string, info: LineInfo): string {
    if (info.startsInside) return line;
    const body = info.endsInsideText ? line.replace(/^[ \t]+/, '') : line.trim();
    if (body === '') return '';
    const depth = body.startsWith('}') ? Math.max(0, info.depth - 1) : info.depth;
    return INDENT.repeat(depth) + body;
}

/**
 * The lines of a text as LSP counts them: `\r\n`, `\n` and a lone `\r` each end a line. Splitting
 * on `\r?\n` alone made a lone CR part of a line, so range edits replaced two lines' text with one.
 */
export function splitLines(text: string): string[] {
    return text.split(/\r\n|\r|\n/);
}

export function formatCld(text: string): string {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = splitLines(text);
    const infos = analyse(lines);
    const out: string[] = [];
    lines.forEach((line, i) => {
        const formatted = formatLine(line, infos[i]);
        const blank = formatted === '' && !infos[i].startsInside;
        if (blank && (out.length === 0 || out[out.length - 1] === '')) return;
        out.push(formatted);
    });
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out.length === 0 ? '' : out.join(eol) + eol;
}

/** Re-indents the lines `from`..`to` (0-based, inclusive) only: one string per line, line count kept. */
export function formatLineRange(text: string, from: number, to: number): string[] {
    const lines = splitLines(text);
    const infos = analyse(lines);
    const result: string[] = [];
    for (let i = from; i <= Math.min(to, lines.length - 1); i++) result.push(formatLine(lines[i], infos[i]));
    return result;
}
