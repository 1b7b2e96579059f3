/**
 * The tables of diagnostic codes in docs/diagnostics.md, made from the rule files' code records:
 * each table sits between `<!-- generated: NAME -->` and `<!-- end: NAME -->`, and is replaced
 * whole (scripts/diagnostic-codes.mjs writes it; a test checks the page is as written).
 */
export function diagnosticTable(codes: Record<string, string>): string {
    return ['| code | meaning |', '|---|---|', ...Object.entries(codes).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`)].join('\n') + '\n';
}

export function withDiagnosticTables(page: string, tables: Record<string, Record<string, string>>): string {
    let result = page;
    for (const [name, codes] of Object.entries(tables)) {
        const begin = `<!-- generated: ${name} -->\n`;
        const end = `<!-- end: ${name} -->`;
        const from = result.indexOf(begin);
        const to = result.indexOf(end, from);
        if (from < 0 || to < 0) throw new Error(`docs/diagnostics.md has no markers for the ${name} table`);
        result = result.slice(0, from + begin.length) + diagnosticTable(codes) + result.slice(to);
    }
    return result;
}
