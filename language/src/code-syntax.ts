/**
 * Item codes as text. A code is category + group + entry number + labels. Two spellings exist:
 * `wassenaar` (3.B.1.f.1.a) and `eccn` (3B001.f.1.a); munitions use ML8.a.1 in both. Nothing here
 * reads the AST (codes.ts does), so the flat model, diff and history use it without Langium.
 */

export type Numbering = 'wassenaar' | 'eccn';

export interface ParsedCode {
    /** '0'..'9' or 'ML1'..'ML22' */
    category: string;
    /** 'A'..'E', absent for munitions */
    group?: string;
    /** entry number: 1 for 3.B.1 and 3B001 (and 1 for 3B101 in another regime: see `regimeDigit`) */
    number?: number;
    /** ECCN only: the three digits after the group, e.g. '001' */
    eccnDigits?: string;
    labels: string[];
    scheme: Numbering | 'munitions';
}

const WA_CODE = /^([0-9])\.([A-E])\.([0-9]+)((?:\.[a-z]+|\.[0-9]+)*)$/;
const ECCN_CODE = /^([0-9])([A-E])([0-9]{3})((?:\.[a-z]+|\.[0-9]+)*)$/;
const ML_CODE = /^(ML[0-9]+)((?:\.[a-z]+|\.[0-9]+)*)$/;

export function parseCode(code: string): ParsedCode | undefined {
    const labelsOf = (rest: string) => rest.split('.').filter(s => s.length > 0);
    let m = WA_CODE.exec(code);
    if (m) return { category: m[1], group: m[2], number: Number(m[3]), labels: labelsOf(m[4]), scheme: 'wassenaar' };
    m = ECCN_CODE.exec(code);
    if (m) return { category: m[1], group: m[2], number: Number(m[3]), eccnDigits: m[3], labels: labelsOf(m[4]), scheme: 'eccn' };
    m = ML_CODE.exec(code);
    if (m) return { category: m[1], labels: labelsOf(m[2]), scheme: 'munitions' };
    return undefined;
}

/** The regime an ECCN belongs to by its first digit: 0xx WA, 1xx MTCR, 2xx NSG, 3xx AG, 4xx CWC. */
export function eccnRegime(eccnDigits: string): 'wassenaar' | 'mtcr' | 'nsg' | 'australia-group' | 'cwc' | 'national' {
    return (['wassenaar', 'mtcr', 'nsg', 'australia-group', 'cwc'] as const)[Number(eccnDigits[0])] ?? 'national';
}

/**
 * The WA dotted code an item corresponds to: itself for wassenaar lists, and for ECCN lists the
 * 0xx entries (3B001.f -> 3.B.1.f). Codes of other regimes have no WA counterpart.
 */
export function toWassenaarCode(code: string): string | undefined {
    const p = parseCode(code);
    if (!p) return undefined;
    if (p.scheme === 'wassenaar' || p.scheme === 'munitions') return code;
    if (p.eccnDigits === undefined || p.eccnDigits[0] !== '0') return undefined;
    return [p.category, p.group, String(Number(p.eccnDigits)), ...p.labels].join('.');
}

/** The ECCN spelling of a WA code (3.B.1.f -> 3B001.f); munitions codes are unchanged. */
export function toEccnCode(code: string): string | undefined {
    const p = parseCode(code);
    if (!p) return undefined;
    if (p.scheme !== 'wassenaar') return code;
    if (p.number === undefined || p.number > 99) return undefined;
    return [`${p.category}${p.group}${String(p.number).padStart(3, '0')}`, ...p.labels].join('.');
}
