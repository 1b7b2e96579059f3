// A list ten times a full WA edition, for the benchmarks that measure the editor at that size.

/**
 * Ten times a full WA edition: its dual-use categories copied nine times under new entry numbers
 * (3.A.1 -> 3.A.1001, 3.A.2001, ...), after the original ones.
 */
export function tenTimes(text) {
    const lines = text.split('\n');
    const from = lines.findIndex(l => /^category [0-9] /.test(l));
    const to = lines.findLastIndex((l, i) => i > from && /^category [0-9] /.test(l));
    const end = lines.findIndex((l, i) => i > to && l === '}');
    const dualUse = lines.slice(from, end + 1).join('\n');
    const copies = [];
    for (let k = 1; k <= 9; k++) copies.push(dualUse.replace(/^(\s*entry [0-9]\.[A-E]\.)([0-9]+)/gm, (_, head, n) => `${head}${Number(n) + 1000 * k}`));
    return [...lines.slice(0, end + 1), ...copies, ...lines.slice(end + 1)].join('\n');
}
