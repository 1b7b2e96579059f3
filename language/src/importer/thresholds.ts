/**
 * Reading thresholds out of WA item text: "a light source wavelength shorter than 193 nm",
 * "exceeding 43.5 GHz but not exceeding 110 GHz", "8 bit or more, but less than 10 bit".
 *
 * Each comparative phrase with a quantity becomes a threshold on a parameter named after the
 * measured word before it (wavelength, frequency, power, ...) or, failing that, after the
 * quantity's dimension. The item's text is always kept; thresholds are added beside it. Values
 * are kept as written in decimal (no floating point), with the unit the CLD registry knows.
 */
import { lookupUnit } from '../quantities/units.js';
import type { Comparator, QuantityModel, ThresholdModel } from './model.js';

/** Word superscript exponents survive as Unicode in some documents and are flattened in others. */
const SUPERSCRIPTS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };

const NUMBER = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?[x×]\s?10(?:[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+|-?\d{1,2}|\^-?\d{1,2}))?`;

/** Document spellings of units, longest first, mapped to the registry's symbols. */
const UNIT_SPELLINGS: Array<[RegExp, string, number?]> = [
    [/^Giga Samples Per Second(?: \(GSPS\))?/i, 'GHz'],
    [/^Mega Samples Per Second(?: \(MSPS\))?/i, 'MHz'],
    [/^GSPS\b/, 'GHz'], [/^MSPS\b/, 'MHz'], [/^kSPS\b/, 'kHz'],
    [/^Gy\s?\(Si\)\s?\/\s?s\b/, 'Gy/s'], [/^Gy\s?\(Si\)/, 'Gy'], [/^Gy\/s\b/, 'Gy/s'],
    [/^(k|M|G|T)?bit\/s\b/, '$1bit/s'], [/^(k|M|G|T)?bps\b/, '$1bit/s'], [/^(k|M|G|T)?bytes?\/s\b/, '$1byte/s'],
    [/^(?:°|º|o)\s?C\b/, '°C'], [/^deg(?:rees?)?\s?C\b/i, '°C'],
    [/^(?:degrees?|°)\s?(?:per|\/)\s?(?:hour|hr|h)\b/i, 'deg/h'], [/^(?:degrees?|°)\s?(?:per|\/)\s?s(?:econd|ec)?\b(?!\s?(?:2|²|\^2))/i, 'deg/s'],
    [/^(?:degrees?|°)\s?\/\s?s\s?(?:2|²|\^2)/i, 'deg/s^2'], [/^rad\s?\/\s?s\s?(?:2|²|\^2)/, 'rad/s^2'], [/^rad\s?\/\s?s\b/, 'rad/s'],
    [/^arc\s?seconds?\b|^arc\s?sec\b/i, 'arcsec'], [/^arc\s?minutes?\b/i, 'arcmin'],
    [/^degrees?\b|^°(?!\s?[CF])/, 'deg'],
    [/^(m|µ|μ|u)rad\b(?!\/)/, '$1rad'], [/^rad\b(?!\/)/, 'rad'],
    [/^m\/s\s?(?:2|²|\^2)/, 'm/s^2'], [/^(?:m\/s|m\/sec)\b/, 'm/s'], [/^km\/h\b/, 'km/h'], [/^km\/s\b/, 'km/s'],
    [/^(m|µ|μ|u)?Gal\b/, '$1Gal'],
    [/^(m|k|M|G)?W\s?\/\s?cm\s?(?:2|²|\^2)/, '$1W/cm^2'], [/^(m|k|M)?J\s?\/\s?cm\s?(?:2|²|\^2)/, '$1J/cm^2'], [/^(m|µ|μ)?A\s?\/\s?cm\s?(?:2|²|\^2)/, '$1A/cm^2'], [/^W\s?\/\s?m\s?(?:2|²|\^2)/, 'W/m^2'],
    [/^W\s?\/\s?kg\b/, 'W/kg'], [/^Wh\s?\/\s?kg\b/, 'Wh/kg'], [/^(k|M)?J\s?\/\s?kg\b/, '$1J/kg'], [/^(m|µ|μ)?A\s?\/\s?W\b/, '$1A/W'],
    [/^dBm\s?\/\s?Hz\b/, 'dBm/Hz'], [/^dBc\s?\/\s?Hz\b/, 'dBc/Hz'],
    [/^(mm|cm|m)\s?(?:2|²|\^2)(?![\d/])/, '$1^2'], [/^(cm|m)\s?(?:3|³|\^3)(?![\d/])/, '$1^3'],
    [/^g\/cm\s?(?:3|³)/, 'g/cm^3'], [/^kg\/m\s?(?:3|³)/, 'kg/m^3'],
    [/^nautical miles?\b/i, 'nmi'], [/^knots?\b/i, 'kn'],
    [/^(?:metric )?tonnes?\b/i, 't'], [/^nanovolts?\b/i, 'nV'], [/^microvolts?\b/i, 'µV'], [/^volts?\b/i, 'V'],
    [/^hours?\b/i, 'h'], [/^minutes?\b/i, 'min'], [/^seconds?\b/i, 's'], [/^kilo(?:meters?|metres?)\b/i, 'km'], [/^(?:meters?|metres?)\b/i, 'm'],
    [/^(p|n|µ|μ|u|m|c|k)?m\b(?![\/²³])/, '$1m'],
    [/^(p|n|µ|μ|u|m)?s\b(?!\/)/, '$1s'],
    [/^(k|M|G|T)?Hz\b/, '$1Hz'],
    [/^(p|n|µ|μ|u|m|k|M|G)?W\b(?!\/)/, '$1W'], [/^(m|k|M|G)?J\b(?!\/)/, '$1J'], [/^(m|k|M)?V\b(?!\/)/, '$1V'], [/^(p|n|µ|μ|u|m|k)?A\b(?!\/)/, '$1A'],
    [/^(k|M|G)?eV\b/, '$1eV'],
    [/^(k|M|G)?Pa\b/, '$1Pa'], [/^(m)?bar\b/, '$1bar'], [/^(k|M)?N\b(?![.\/])/, '$1N'],
    [/^(p|n|µ|μ|u|m)?T\b(?![\/A-Za-z])/, '$1T'],
    [/^K\b/, 'K'], [/^dBm\b(?!\/)/, 'dBm'], [/^dBW\b(?!\/)/, 'dBW'], [/^dB\b(?!\/)/, 'dB'], [/^%/, '%'], [/^ppm\b/, 'ppm'],
    [/^(k|M|G)?(?:ohms?|Ω)/, '$1ohm'], [/^(p|n|µ|μ|u)F\b/, '$1F'],
    [/^(k|M|G)?Gy\b/, '$1Gy'], [/^(k|M|G)?Bq\b/, '$1Bq'],
    [/^(k|M|G)?bits?\b(?!\/)/, '$1bit'], [/^(k|M|G|T)?bytes?\b(?!\/)/, '$1byte'],
    [/^WT\b/, 'WT'], [/^(?:Weighted TeraFLOPS)/, 'WT'], [/^Mtops\b/i, 'Mtops'],
    [/^kg\b(?!\/)/, 'kg'], [/^mg\b/, 'mg'], [/^g\b(?![\/0])/, 'g'],
];

/** Words after a number that are part of the sentence, not a counted noun. */
const NOT_COUNTED = new Set(['divided', 'deg', 'degree', 'degrees', 'and', 'or', 'but', 'of', 'in', 'at', 'the', 'to', 'per', 'for', 'with', 'from', 'than', 'times', 'when', 'which', 'that', 'over', 'under', 'up', 'as', 'on', 'by', 'is', 'are', 'any', 'all', 'each', 'inclusive', 'input', 'or']);

/** Measured words that name a parameter when they appear before the phrase. */
const MEASURES = [
    'wavelength', 'frequency', 'bandwidth', 'power', 'resolution', 'temperature', 'pressure', 'diameter', 'thickness',
    'length', 'width', 'depth', 'range', 'voltage', 'current', 'energy', 'mass', 'weight', 'speed', 'velocity',
    'acceleration', 'altitude', 'accuracy', 'repeatability', 'stability', 'bias', 'drift', 'noise', 'density',
    'strength', 'modulus', 'capacity', 'capacitance', 'resistance', 'torque', 'thrust', 'force', 'dose', 'efficiency',
    'gain', 'loss', 'sensitivity', 'throughput', 'performance', 'time', 'duration', 'delay', 'period', 'area', 'volume',
    'aperture', 'field', 'rate', 'size', 'pulse', 'linewidth', 'impulse', 'displacement', 'load', 'flux', 'intensity',
    'luminance', 'irradiance', 'conductivity', 'purity', 'porosity', 'jitter', 'error', 'sidelobe', 'output', 'input',
];

type Bound = { comparator: Comparator; value: QuantityModel };

interface PhrasePattern {
    /** A regular expression with named groups `a` (and `b`) for the quantities. */
    pattern: RegExp;
    bounds: (a: QuantityModel, b?: QuantityModel) => Bound[];
}

const Q = String.raw`(${NUMBER})\s?([^\s;,()]*(?:\s(?:Samples Per Second|per (?:hour|second)|miles?|C\b))?(?:\s?\([^()]{1,24}\)(?:\/s)?)?(?:\sby (?:weight|volume|mass))?)`;
const QB = Q.replace('(', '(?<bn>').replace('([^', '(?<bu>[^');
const QA = Q.replace('(', '(?<an>').replace('([^', '(?<au>[^');
const BETTER = String.raw`(?:\s\((?:better|worse|faster|slower|longer|shorter|higher|lower)\))?`;
const ABOVE = String.raw`(?<!\bno |\bnot )(?:exceeding|more${BETTER} than|greater${BETTER} than|higher${BETTER} than|longer than|larger than|above|over|in excess of|>)`;
const BELOW = String.raw`(?<!\bno |\bnot )(?:less${BETTER} than|shorter than|lower${BETTER} than|smaller than|below|under|<)`;
const AT_MOST = String.raw`(?:equal to or less${BETTER} than|equal to or below|(?:a )?maximum of|less${BETTER} than or equal to|equal to or lower than|equal to or smaller than|not exceeding|(?:not|no) more${BETTER} than|(?:not|no) greater than|up to and including|up to|at most|≤|<=)`;
const AT_LEAST = String.raw`(?:equal to or (?:more|greater|higher|larger|better)${BETTER} than|equal to or (?:exceeding|above)|(?:a )?minimum of|(?:more|greater)${BETTER} than or equal to|(?:not|no) less${BETTER} than|at least|≥|>=)`;

const c = (comparator: Comparator, value: QuantityModel): Bound => ({ comparator, value });

/**
 * The forms of comparative phrases. All are matched and the longest match wins (ties: the form
 * listed first), so "exceeding X but not exceeding Y" is one range and "equal to or exceeding X"
 * one bound. A form with no bounds is recognised but not expressible as one range (see
 * ParsedThresholds.unexpressed).
 */
const PATTERNS: PhrasePattern[] = [
    { pattern: new RegExp(String.raw`${BELOW}\s${QA},?\s(?:or|and)\s${ABOVE}\s${QB}`, 'giu'), bounds: () => [] },
    { pattern: new RegExp(String.raw`\boutside (?:of )?(?:the )?(?:range )?(?:from |of )?${QA}\s(?:to|and)\s${QB}`, 'giu'), bounds: () => [] },
    { pattern: new RegExp(String.raw`${ABOVE}\s${QA},?\s(?:(?:but|and)\s)?${AT_MOST}\s${QB}`, 'giu'), bounds: (a, b) => [c('>', a), c('<=', b!)] },
    { pattern: new RegExp(String.raw`${ABOVE}\s${QA},?\s(?:but|and)\s${BELOW}\s${QB}`, 'giu'), bounds: (a, b) => [c('>', a), c('<', b!)] },
    { pattern: new RegExp(String.raw`${AT_LEAST}\s${QA},?\s(?:but|and)\s${BELOW}\s${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<', b!)] },
    { pattern: new RegExp(String.raw`${AT_LEAST}\s${QA},?\s(?:but|and)\s${AT_MOST}\s${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<=', b!)] },
    { pattern: new RegExp(String.raw`${QA}\sor (?:more|greater|higher|larger),?\s(?:but|and)\s${BELOW}\s${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<', b!)] },
    { pattern: new RegExp(String.raw`${QA}\sor (?:more|greater|higher|larger),?\s(?:but|and)\s${AT_MOST}\s${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<=', b!)] },
    { pattern: new RegExp(String.raw`${BELOW}\s${QA},?\s(?:but|and)\s${ABOVE}\s${QB}`, 'giu'), bounds: (a, b) => [c('<', a), c('>', b!)] },
    { pattern: new RegExp(String.raw`${AT_MOST}\s${QA},?\s(?:but|and)\s${AT_LEAST}\s${QB}`, 'giu'), bounds: (a, b) => [c('<=', a), c('>=', b!)] },
    { pattern: new RegExp(String.raw`${QA}\sat a maximum\b`, 'giu'), bounds: a => [c('<=', a)] },
    // "positioned within 20 m of a given point", "within ±0.05% of the final value": at most; not
    // "within 0 to 0.2 mm", a range.
    { pattern: new RegExp(String.raw`\bwithin\s(?:±\s?)?${QA}(?!\s?(?:to|-|–)\s?\d)`, 'giu'), bounds: a => [c('<=', a)] },
    { pattern: new RegExp(String.raw`\bfrom\s${QA}\sto\s${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<=', b!)] },
    { pattern: new RegExp(String.raw`\bbetween\s${QA}\sand\s${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<=', b!)] },
    { pattern: new RegExp(String.raw`${AT_MOST}\s${QA}`, 'giu'), bounds: a => [c('<=', a)] },
    { pattern: new RegExp(String.raw`${AT_LEAST}\s${QA}`, 'giu'), bounds: a => [c('>=', a)] },
    { pattern: new RegExp(String.raw`${QA}\sor (?:less|lower|smaller|shorter|below|fewer)\b`, 'giu'), bounds: a => [c('<=', a)] },
    { pattern: new RegExp(String.raw`${QA}\sor (?:more|greater|higher|larger|longer|above|better)\b`, 'giu'), bounds: a => [c('>=', a)] },
    { pattern: new RegExp(String.raw`${ABOVE}\s${QA}`, 'giu'), bounds: a => [c('>', a)] },
    { pattern: new RegExp(String.raw`${BELOW}\s${QA}`, 'giu'), bounds: a => [c('<', a)] },
];

/** Comparative words followed by a number: what the report counts as a threshold phrase seen. */
const PHRASE_SEEN = new RegExp(String.raw`(?:${AT_MOST}|${AT_LEAST}|${ABOVE}|${BELOW}|\bfrom|\bbetween)\s${NUMBER}|${NUMBER}\s?\S*\sor (?:less|lower|smaller|shorter|fewer|more|greater|higher|larger|longer)\b`, 'giu');

export interface ParsedThresholds {
    thresholds: ThresholdModel[];
    /** Comparative phrases with a number in the text. */
    seen: number;
    /** How many of those gave a threshold. */
    parsed: number;
    /** Exponents read from flattened superscripts ("5 x 106" as 5 × 10^6). */
    guessedExponents: number;
    /**
     * Phrases read but not written as thresholds because CLD cannot state them yet: a union ("below
     * 228 K or above 358 K") or a complement ("outside the range from 20 kHz to 60 kHz"). Writing
     * them as one bound would invert or narrow what the text controls.
     */
    unexpressed: string[];
}

export function normaliseThresholdText(text: string): string {
    return text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/g, s => `^${[...s].map(ch => SUPERSCRIPTS[ch]).join('')}`).replace(/\^(?=\^)/g, '')
        // "10-³" (a hyphen, then a raised 3) is 10^-3.
        .replace(/10-\^(\d)/g, '10^-$1').replace(/ +/g, ' ');
}

/** Reads every threshold phrase of `text`; `parameterFor` names the parameter for a dimension and measured word. */
export function parseThresholds(text: string, parameterFor: (dimension: string, measure: string | undefined) => string): ParsedThresholds {
    const normal = normaliseThresholdText(text);
    const seen = phraseSpans(normal);
    const result: ParsedThresholds = { thresholds: [], seen: seen.length, parsed: 0, guessedExponents: 0, unexpressed: [] };
    const taken: Array<[number, number]> = [];
    // Every form's matches compete; the longest wins (then the earlier form), so "equal to or
    // exceeding X" is never read as its tail "exceeding X", whatever order the forms are listed in.
    const candidates: Array<{ start: number; end: number; order: number; match: RegExpMatchArray; bounds: PhrasePattern['bounds'] }> = [];
    PATTERNS.forEach(({ pattern, bounds }, order) => {
        pattern.lastIndex = 0;
        for (const match of normal.matchAll(pattern)) {
            const start = match.index ?? 0;
            candidates.push({ start, end: start + match[0].length, order, match, bounds });
        }
    });
    candidates.sort((x, y) => (y.end - y.start) - (x.end - x.start) || x.order - y.order || x.start - y.start);
    const chosen: Array<(typeof candidates)[number] & { a: ReadQuantity; b?: ReadQuantity }> = [];
    for (const candidate of candidates) {
        const { start, end, match } = candidate;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        const groups = match.groups ?? {};
        const a = readQuantity(groups.an, groups.au, normal.slice(end));
        const b = groups.bn !== undefined ? readQuantity(groups.bn, groups.bu, normal.slice(end)) : undefined;
        if (!a || (groups.bn !== undefined && !b) || (b && a.dimension !== b.dimension)) continue;
        taken.push([start, end]);
        chosen.push({ ...candidate, a, b });
    }
    // In text order, so that parameters are named and thresholds listed as the text reads.
    const read = chosen.sort((x, y) => x.start - y.start).map(({ start, match, bounds, a, b }) => {
        // "g" is a gram ("a mass exceeding 100 g") or the acceleration of gravity ("acceleration
        // levels exceeding 100 g"): the clause decides.
        if (a.quantity.unit === 'g' && /accelerat|shock|vibration/i.test(normal.slice(0, start).split(/[;:]/).pop() ?? '')) {
            for (const q of [a, b]) if (q) Object.assign(q, { quantity: { ...q.quantity, unit: 'g0' }, dimension: 'acceleration' });
        }
        return { start, match, bounds, a, b };
    }).map(({ start, match, bounds, a, b }) => ({
        start, a, b,
        phrase: match[0].slice(0, match[0].length - (b ? b.unusedTail : a.unusedTail)).trim(),
        bounds: bounds(a.quantity, b?.quantity),
        measure: measureBefore(normal, start),
    }));
    // Two phrases measuring alike ("a frequency change exceeding 2.2 GHz within the frequency range
    // exceeding 37 GHz") are two quantities: each is named with the word that qualifies it.
    const key = (r: (typeof read)[number]) => `${r.a.dimension} ${r.measure ?? ''}`;
    const phrasesByKey = new Map<string, Set<string>>();
    for (const r of read) if (r.bounds.length > 0) phrasesByKey.set(key(r), (phrasesByKey.get(key(r)) ?? new Set()).add(r.phrase));
    for (const r of read) {
        if (r.bounds.length === 0) {
            result.unexpressed.push(r.phrase);
            continue;
        }
        const qualifier = (phrasesByKey.get(key(r))?.size ?? 0) > 1 ? qualifierBefore(normal, r.start, r.measure) : undefined;
        const parameter = parameterFor(r.a.dimension, qualifier ? `${r.measure ?? dimensionWord(r.a.dimension)}_${qualifier}` : r.measure);
        for (const bound of r.bounds) result.thresholds.push({ parameter, comparator: bound.comparator, value: bound.value, phrase: r.phrase });
        if (r.a.guessed || r.b?.guessed) result.guessedExponents++;
    }
    result.parsed = seen.filter(([s, e]) => taken.some(([ts, te]) => s < te && e > ts)).length;
    return result;
}

function phraseSpans(text: string): Array<[number, number]> {
    PHRASE_SEEN.lastIndex = 0;
    return [...text.matchAll(PHRASE_SEEN)].map(m => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

interface ReadQuantity {
    quantity: QuantityModel;
    dimension: string;
    guessed: boolean;
    /** Characters of the matched unit text that were not part of the unit (given back to the sentence). */
    unusedTail: number;
}

/** A number as CLD writes it, and the unit that follows it; a bare number counts the noun after it. */
function readQuantity(numberText: string | undefined, unitText: string | undefined, after: string): ReadQuantity | undefined {
    if (numberText === undefined) return undefined;
    const number = readNumber(numberText);
    if (!number) return undefined;
    const unitSource = `${unitText ?? ''}${after}`.replace(/^\s+/, '');
    for (const [spelling, symbol] of UNIT_SPELLINGS) {
        const match = spelling.exec(unitSource);
        if (!match) continue;
        const unit = match[0].replace(spelling, symbol).replace(/[μu](?=[a-zA-Z])/, 'µ');
        const info = lookupUnit(unit);
        if (!info) continue;
        return { quantity: { value: number.value, unit }, dimension: info.dimension, guessed: number.guessed, unusedTail: unusedTail(unitText ?? '', match[0].length) };
    }
    // A bare number that ends the phrase ("a product ... of more than 100;", "exceeding 10,000 or")
    // is a dimensionless value.
    if ((unitText ?? '') === '' && /^(?:$|[;,.)]|(?:and|or|but|in|at|for|when)\b)/.test(unitSource)) {
        return { quantity: { value: number.value }, dimension: 'ratio', guessed: number.guessed, unusedTail: 0 };
    }
    if (/^[a-z]/.test(unitSource) && (unitText ?? '') !== '') {
        const noun = /^([a-z][a-z-]{2,})/.exec(unitSource)?.[1];
        if (noun && !NOT_COUNTED.has(noun) && !number.value.startsWith('-')) {
            return { quantity: { value: number.value }, dimension: `count:${noun.replace(/s$/, '')}`, guessed: number.guessed, unusedTail: 0 };
        }
    }
    return undefined;
}

/** A unit token that ran into the next word ("nm;" is excluded already, "nm/s" is not a unit): give those characters back. */
function unusedTail(unitText: string, used: number): number {
    const rest = unitText.slice(used);
    return rest === '' || /^\s/.test(rest) ? 0 : rest.length;
}

/** "1,024" is 1024; "5 x 10^6" and the flattened "5 x 106" are 5e6; "0.35" stays 0.35. */
export function readNumber(text: string): { value: string; guessed: boolean } | undefined {
    const compact = text.replace(/,(?=\d{3})/g, '');
    const scientific = /^(-?\d+(?:\.\d+)?)\s?[x×]\s?10(?:\^(-?\d{1,2})|(-?\d{1,2}))?$/.exec(compact);
    if (scientific) {
        const exponent = scientific[2] ?? scientific[3];
        if (exponent === undefined) return undefined;
        return { value: `${scientific[1]}e${exponent}`, guessed: scientific[3] !== undefined };
    }
    return /^-?\d+(?:\.\d+)?$/.test(compact) ? { value: compact, guessed: false } : undefined;
}

/** Words that name a parameter only with the word before them ("sample rate", "frequency range"). */
const GENERIC = new Set(['range', 'rate', 'size', 'output', 'input', 'field', 'load', 'error', 'time', 'pulse']);

/**
 * The measured word nearest before the phrase, in the same clause. Generic words borrow the word
 * before them: "frequency range" measures frequency, "sample rate" is its own parameter.
 */
function measureBefore(text: string, start: number): string | undefined {
    const clause = text.slice(0, start).split(/[;:]/).pop() ?? '';
    const words = (clause.toLowerCase().match(/[a-z]+/g) ?? []).map(w => w.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, ''));
    for (let i = words.length - 1; i >= Math.max(0, words.length - 8); i--) {
        const word = words[i];
        if (!MEASURES.includes(word)) continue;
        if (!GENERIC.has(word)) return word;
        const before = words[i - 1];
        if (before && MEASURES.includes(before) && !GENERIC.has(before) && word === 'range') return before;
        if (before && /^[a-z]{3,}$/.test(before) && !NOT_COUNTED.has(before) && !['a', 'an', 'the', 'total'].includes(before)) return `${before}_${word}`;
        return word;
    }
    return undefined;
}

function dimensionWord(dimension: string): string {
    return dimension.startsWith('count:') ? dimension.slice(6) : dimension;
}

/** The noun just before a phrase ("frequency change exceeding", "range of 1 GHz"), when it is not the measure itself. */
function qualifierBefore(text: string, start: number, measure: string | undefined): string | undefined {
    const words = (text.slice(Math.max(0, start - 60), start).toLowerCase().match(/[a-z]+/g) ?? []).filter(w => !NOT_COUNTED.has(w) && !['a', 'an', 'having', 'with', 'rated', 'any'].includes(w));
    const word = words[words.length - 1]?.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');
    return word && word !== measure && word.length > 2 ? word : undefined;
}
