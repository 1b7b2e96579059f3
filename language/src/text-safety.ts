/**
 * List text is the user's (or a document's) and goes into Markdown, CSV and terminals: each output
 * gets it as text, never as markup, formulas or control sequences.
 */

/**
 * Markdown: one line, with the characters that make markup inside a line escaped: links and
 * images need `[`, HTML needs `<`, entities `&`, emphasis and code `*` `_` `~` and a backquote,
 * tables `|`. Parentheses (except after `]`), `#` and `!` do nothing without them, so a memo keeps "WA-LIST (21) 1".
 */
export function escapeMarkdown(text: string): string {
    return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|~&]/g, ch => `\\${ch}`)
        // "](" also escaped, so no renderer that is lax about the escaped bracket makes a link of it.
        .replace(/\\\]\(/g, '\\]\\(');
}

/**
 * A CSV cell (RFC 4180 quoting) that a spreadsheet will not run: a cell starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is a formula to Excel and LibreOffice, so it is prefixed
 * with an apostrophe, as OWASP recommends.
 */
export function csvCell(value: string): string {
    const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/**
 * Text for a terminal: control characters other than line feed and tab (escape sequences, bells,
 * carriage returns that overwrite a line) are shown as `\xNN` instead of acting on the terminal.
 */
export function terminalSafe(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ch => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Text matched as itself inside a regular expression. */
export function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
