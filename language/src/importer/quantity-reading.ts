/**
 * Reading the quantity of a threshold phrase: the number as written (exact decimals, flattened
 * superscript exponents) and the unit after it in the document's spelling ("A/mm2", "GJ per
 * cubic meter", "seconds of arc"), as the CLD registry's symbol. Also the text the phrase forms
 * read, with a map back to the document's own characters.
 */
import { lookupUnit } from '../quantities/units.js';
import type { QuantityModel } from './model.js';

/** Word superscript exponents survive as Unicode in some documents and are flattened in others. */
const SUPERSCRIPTS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };

// A power of ten alone, "10^-14 J" or flattened "10-14 J", before the usual decimal forms; a ± before
// a tolerance ("less than ± 2.5%") is outside the number (the bound is on its magnitude).
/** Numbers the documents write as words, when they count something. */
const WORD_NUMBERS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
    fifteen: '15', eighteen: '18', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60' };

// A signed level ("+20 dBm") keeps its value. Numbers written as words ("more than four nitro
// groups") count things only; see readQuantity.
/** Whether a text may hold a number at all (digits, or a number in words, "one" of "one or more" too): most texts do not, and skip the phrase forms. */
export const MAY_HOLD_NUMBER = new RegExp(String.raw`\d|\b(?:one|${Object.keys(WORD_NUMBERS).join('|')})\b`, 'i');

// A decimal comma before a unit ("exceeding 1,25 Gbyte/s", 4.A.3.g 2000-2009) is a decimal point;
// a comma before three digits separates thousands.
export const NUMBER = String.raw`(?:10(?:\^-?\d{1,2}|-\d{1,2})(?=\s?[A-Za-zµ])|\d+,\d{1,2}(?=\s?[A-Za-zµ])|[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?[x×]\s?10(?:[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+|-?\d{1,2}|\^-?\d{1,2}))?|\b(?:${Object.keys(WORD_NUMBERS).join('|')})\b)`;

/** Document spellings of units, longest first, mapped to the registry's symbols. */
const UNIT_SPELLINGS: Array<[RegExp, string, number?]> = [
    [/^Giga Samples Per Second(?: \(GSPS\))?/i, 'GHz'],
    [/^Mega Samples Per Second(?: \(MSPS\))?/i, 'MHz'],
    [/^GSPS\b/, 'GHz'], [/^MSPS\b/, 'MHz'], [/^kSPS\b/, 'kHz'],
    // (The EU's Annex I writes "Gy (silicon)".)
    [/^Gy\s?\((?:Si|silicon)\)\s?\/\s?s\b/, 'Gy/s'], [/^Gy\s?\((?:Si|silicon)\)/, 'Gy'], [/^Gy\/s\b/, 'Gy/s'],
    [/^(k|M|G|T)?bit\/s\b/, '$1bit/s'], [/^(k|M|G|T)?bps\b/, '$1bit/s'], [/^(k|M|G|T)?bytes?\/s\b/, '$1byte/s'],
    [/^(?:°|º|o)\s?C\b/, '°C'], [/^deg(?:rees?)?\s?C\b/i, '°C'],
    // Noise densities: "20 pT (rms) per square root Hz", "0.05 nT rms/square root Hz", "3 nT/m (rms) per square
    // root Hz", "8 nanovolt per meter per square root Hz", "0.0035 degree per square root hour".
    [/^(f|p|n|µ|μ|u)?T\s?\/\s?m\s?\(?rms\)?\s?(?:per|\/)\s?square root Hz\b/, '$1T/m/Hz^0.5'],
    [/^(f|p|n|µ|μ|u)?T\s?\(?rms\)?\s?(?:per|\/)\s?square root Hz\b/, '$1T/Hz^0.5'],
    [/^nanovolts? per met(?:er|re) per square root Hz\b/i, 'nV/m/Hz^0.5'],
    [/^(?:degrees?|°)\s?(?:per|\/)\s?square root (?:hour|hr|h)\b/i, 'deg/h^0.5'],
    [/^(?:degrees?|°)\s?(?:per|\/)\s?(?:hour|hr|h)\b/i, 'deg/h'], [/^(?:degrees?|°)\s?(?:per|\/)\s?s(?:econd|ec)?\b(?!\s?(?:2|²|\^2))/i, 'deg/s'],
    [/^(?:degrees?|°)\s?\/\s?s\s?(?:2|²|\^2)/i, 'deg/s^2'], [/^rad\s?\/\s?s\s?(?:2|²|\^2)/, 'rad/s^2'], [/^rad\s?\/\s?s\b/, 'rad/s'],
    [/^arc\s?seconds?\b|^arc\s?sec\b|^seconds? of arc\b/i, 'arcsec'], [/^arc\s?minutes?\b/i, 'arcmin'],
    [/^degrees?\b|^°(?!\s?[CF])/, 'deg'],
    [/^(m|µ|μ|u)rad\b(?!\/)/, '$1rad'], [/^rad\b(?!\/|\s?\(radians\)\s?\/)/, 'rad'],
    // Old editions abbreviate radians: "200 µr (microradians)", "2.5 mr (milliradians)", "2 r (radians)/s2".
    [/^r(?:ad)?\s?\(radians\)\s?\/\s?s\s?\^?(?:2|²)/, 'rad/s^2'], [/^(µ|μ|u|m)?r\s?\((?:micro|milli)?radians\)/, '$1rad'],
    [/^(?:weight |wt\.? ?|volume )?per ?cent\b/i, '%'],
    [/^m\/s\s?(?:2|²|\^2)/, 'm/s^2'], [/^(?:m\/s|m\/sec)\b/, 'm/s'], [/^km\/h\b/, 'km/h'], [/^km\/s\b/, 'km/s'],
    [/^(m|µ|μ|u)?[Gg]al\b/, '$1Gal'],
    [/^(m|k|M|G)?W\s?\/\s?cm\s?(?:2|²|\^2)/, '$1W/cm^2'], [/^(m|k|M)?J\s?\/\s?cm\s?(?:2|²|\^2)/, '$1J/cm^2'], [/^(m|µ|μ)?A\s?\/\s?cm\s?(?:2|²|\^2)/, '$1A/cm^2'], [/^W\s?\/\s?m\s?(?:2|²|\^2)/, 'W/m^2'],
    [/^W\s?\/\s?kg\b/, 'W/kg'], [/^Wh\s?\/\s?kg\b/, 'Wh/kg'], [/^(k|M)?J\s?\/\s?kg\b/, '$1J/kg'], [/^(m|µ|μ)?A\s?\/\s?W\b/, '$1A/W'],
    [/^dBm\s?\/\s?Hz\b/, 'dBm/Hz'], [/^dBc\s?\/\s?Hz\b/, 'dBc/Hz'],
    [/^(mm|cm|m)\s?(?:2|²|\^2)(?![\d/])/, '$1^2'], [/^(mm|cm|m)\s?(?:3|³|\^3)(?![\d/])/, '$1^3'],
    [/^g\/cm\s?\^?(?:3|³)/, 'g/cm^3'], [/^kg\/m\s?\^?(?:3|³)/, 'kg/m^3'],
    [/^(k|M|G)?J per cubic met(?:er|re)s?\b/i, '$1J/m^3'], [/^kg per minute\b/, 'kg/min'], [/^kg per second\b/, 'kg/s'],
    [/^Watts? per square met(?:er|re)s?\b/i, 'W/m^2'], [/^(k|M)?Watts?\b/, '$1W'],
    [/^(k|M|G|T)b\/s\b/, '$1bit/s'], [/^(µ|μ|u|m)?coulombs?\s?\/\s?mm\s?\^?(?:2|²)/, '$1C/mm^2'], [/^n\s?\/\s?cm\s?\^?(?:2|²)/, 'n/cm^2'],
    [/^\/\s?K\b/, 'K^-1'], [/^\/\s?month\b/, 'month^-1'], [/^mm\s?(?:2|²|\^2)\s?\/\s?s\b/, 'mm^2/s'], [/^centistokes?\b/i, 'cSt'], [/^cm\s?(?:\^?-1|⁻¹)(?!\d)/, 'cm^-1'],
    [/^(k|M)?Ns\s?\/\s?kg\b/, '$1N.s/kg'], [/^(k|M)?Ns\b(?!\/)/, '$1N.s'], [/^(k|M)?N\s?\/\s?kg\b/, '$1N/kg'], [/^Nm\b/, 'N.m'],
    [/^(k|M|G)?(?:ohms?|Ω)[\s.-]?cm\b/, '$1ohm.cm'], [/^(k|M)?(?:ohms?|Ω)\s?(?:\/|per)\s?square\b/, '$1ohm/sq'],
    // "530 million theoretical operations per second (Mtops)" (3.E.2, 2004-2005).
    [/^million theoretical operations per second\b(?:\s?\(Mtops\))?/i, 'Mtops'],
    [/^nautical miles? per hour\b(?:\s?\(nm\/hr\))?/i, 'kn'], [/^nautical miles?\b/i, 'nmi'], [/^knots?\b/i, 'kn'],
    [/^(?:metric )?tonnes?\b/i, 't'], [/^nanovolts?\b/i, 'nV'], [/^microvolts?\b/i, 'µV'], [/^volts?\b/i, 'V'],
    // Written-out and abbreviated units that would otherwise be read as counted nouns ("1 msec",
    // "130 micro g", "50,000 feet", "700 rpm", "47 poise", "0.77 meq/g", "3 bit/sec/Hz").
    [/^mm\s?[·.x×]?\s?mrad\b/, 'mm.mrad'], [/^msecs?\b/i, 'ms'], [/^milliseconds?\b/i, 'ms'], [/^microseconds?\b/i, 'µs'], [/^nanoseconds?\b/i, 'ns'],
    [/^micro\s?g\b/, 'µg0'], [/^(?:feet|foot|ft)\b/, 'ft'], [/^rpm\b/i, 'rpm'], [/^poises?\b/i, 'P'],
    [/^meq\s?\/\s?g\b/, 'meq/g'], [/^bits?\s?\/\s?s(?:ec)?\s?\/\s?Hz\b/, 'bit/s/Hz'],
    [/^hours?\b/i, 'h'], [/^minutes?\b/i, 'min'], [/^seconds?\b/i, 's'], [/^kilo(?:meters?|metres?)\b/i, 'km'], [/^(?:meters?|metres?)\b/i, 'm'],
    [/^(p|n|µ|μ|u|m|c|k)?m\b(?![/²³])/, '$1m'],
    [/^(p|n|µ|μ|u|m)?s\b(?!\/)/, '$1s'],
    [/^(k|M|G|T)?Hz\b/, '$1Hz'],
    [/^(p|n|µ|μ|u|m|k|M|G)?W\b(?!\/)/, '$1W'], [/^(m|k|M|G)?J\b(?!\/)/, '$1J'], [/^(m|k|M)?V\b(?!\/)/, '$1V'], [/^(p|n|µ|μ|u|m|k)?A\b(?!\/)/, '$1A'],
    [/^(k|M|G)?eV\b/, '$1eV'],
    [/^(k|M|G)?Pa\b/, '$1Pa'], [/^(m)?bar\b/, '$1bar'], [/^(k|M)?N\b(?![/]|\.\w)/, '$1N'],
    [/^(f|p|n|µ|μ|u|m)?T\b(?![/A-Za-z])/, '$1T'],
    [/^K\b/, 'K'], [/^dBm\b(?!\/)/, 'dBm'], [/^dBW\b(?!\/)/, 'dBW'], [/^dB\b(?!\/)/, 'dB'], [/^%/, '%'], [/^ppm\b/, 'ppm'],
    [/^(k|M|G)?(?:ohms?|Ω)/, '$1ohm'], [/^(p|n|µ|μ|u)F\b/, '$1F'],
    [/^(k|M|G)?Gy\b/, '$1Gy'], [/^(k|M|G)?Bq\b/, '$1Bq'],
    [/^(k|M|G)?bits?\b(?!\/)/, '$1bit'], [/^(k|M|G|T)?bytes?\b(?!\/)/, '$1byte'],
    [/^Mach\b/, 'Mach'], [/^WT\b/, 'WT'], [/^(?:Weighted TeraFLOPS)/, 'WT'], [/^Mtops\b/i, 'Mtops'],
    [/^kg\b(?!\/)/, 'kg'], [/^mg\b/, 'mg'], [/^g\b(?![/0])/, 'g'],
];

/** Words after a number that are part of the sentence, not a counted noun. */
export const NOT_COUNTED = new Set(['divided', 'deg', 'degree', 'degrees', 'and', 'or', 'but', 'of', 'in', 'at', 'the', 'to', 'per', 'for', 'with', 'from', 'than', 'times', 'when', 'which', 'that', 'over', 'under', 'up', 'as', 'on', 'by', 'is', 'are', 'any', 'all', 'each', 'inclusive', 'input', 'or']);

/**
 * The text the phrase forms read: superscripts as `^n`, "10-³" (a hyphen, then a raised 3) as
 * 10^-3 (and "10 −3", "x 10 6", "mm 2" as the eCFR flattens them), runs of spaces as one. `origin` says where each character came from in the document's
 * text, so that a threshold's phrase is quoted as the document wrote it.
 */
export function normaliseThresholdText(text: string): MappedText {
    let mapped: MappedText = { text, origin: [...text].map((_, i) => [i, i + 1] as const) };
    mapped = replaceMapped(mapped, /[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/g, s => `^${[...s].map(ch => SUPERSCRIPTS[ch]).join('')}`);
    mapped = replaceMapped(mapped, /\^(?=\^)/g, () => '');
    mapped = replaceMapped(mapped, /10-\^(\d)/g, (_, digit) => `10^-${digit}`);
    // Superscripts flattened with a space, as the eCFR's text has them: "2 × 10 −4 ohm cm" (a minus
    // sign after 10 is an exponent) and "10.15 x 10 6 m" (a number after "x 10").
    mapped = replaceMapped(mapped, /\b10 ?\u2212 ?(\d{1,2})\b/g, (_, digit) => `10^-${digit}`);
    mapped = replaceMapped(mapped, /([x×] ?10) (\d{1,2})\b/g, (_, base, digit) => `${base}^${digit}`);
    // ... a minus sign (U+2212) for a hyphen before a number or a bracket ("less than − (126 + ...)", "−150 dBm/Hz") ...
    mapped = replaceMapped(mapped, /\u2212 ?(?=[\d(])/g, () => '-');
    // ... and "A/mm 2", "n/cm 2": an area's 2 set apart from its unit.
    mapped = replaceMapped(mapped, /\b([kcmµ]?m) ([23])(?=[\s;,.)]|$)/g, (_, unit, digit) => `${unit}^${digit}`);
    // "10 Hz ≤ F ≤10 kHz" (3.A.2.d.4.a, 2014): a comparator sign set against its number.
    mapped = replaceMapped(mapped, /([≤≥])(?=\d)/g, sign => `${sign} `);
    return replaceMapped(mapped, / +/g, () => ' ');
}

/** A match's named groups in the document's own words ("W*GHz²", not the normalised "W*GHz^2"); the form's regular expression has the `d` flag. */
export function originalGroups(match: RegExpMatchArray, text: string, mapped: MappedText): Record<string, string> {
    const spans = (match as RegExpMatchArray & { indices?: { groups?: Record<string, [number, number] | undefined> } }).indices?.groups ?? {};
    return Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => {
        const span = spans[name];
        return [name, span && value !== undefined ? originalSlice(text, mapped, span[0], span[1]) : value];
    }));
}

export interface MappedText {
    text: string;
    /** For each character of `text`, the [start, end) it came from in the original. */
    origin: ReadonlyArray<readonly [number, number]>;
}

function replaceMapped(input: MappedText, pattern: RegExp, replace: (match: string, ...groups: string[]) => string): MappedText {
    let text = '';
    const origin: Array<readonly [number, number]> = [];
    let last = 0;
    for (const match of input.text.matchAll(pattern)) {
        const at = match.index ?? 0;
        text += input.text.slice(last, at);
        origin.push(...input.origin.slice(last, at));
        const replacement = replace(match[0], ...match.slice(1));
        const span = [input.origin[at]?.[0] ?? 0, input.origin[at + match[0].length - 1]?.[1] ?? 0] as const;
        text += replacement;
        for (let i = 0; i < replacement.length; i++) origin.push(span);
        last = at + match[0].length;
    }
    text += input.text.slice(last);
    origin.push(...input.origin.slice(last));
    return { text, origin };
}

/** The document's own words for [start, end) of the normalised text. */
export function originalSlice(source: string, mapped: MappedText, start: number, end: number): string {
    if (end <= start) return '';
    return source.slice(mapped.origin[start][0], mapped.origin[end - 1][1]);
}

export interface ReadQuantity {
    quantity: QuantityModel;
    dimension: string;
    guessed: boolean;
    /** Characters of the matched unit text that were not part of the unit (given back to the sentence). */
    unusedTail: number;
}

/** A number as CLD writes it, and the unit that follows it; a bare number counts the noun after it. */
export function readQuantity(numberText: string | undefined, unitText: string | undefined, after: string): ReadQuantity | undefined {
    if (numberText === undefined) return undefined;
    const unitSource = `${unitText ?? ''}${after}`.replace(/^\s+/, '');
    // "more than four nitro groups", "within six seconds": a number written as a word counts or
    // measures something named after it, never stands alone ("two or more of the following").
    const spelled = WORD_NUMBERS[numberText.toLowerCase()];
    if (spelled !== undefined && (unitText ?? '') === '') return undefined;
    const number = spelled !== undefined ? { value: spelled, guessed: false } : readNumber(numberText);
    if (!number) return undefined;
    // The words read past the unit token belong to the phrase ("more than 5 tunable resonators"):
    // a negative unused tail lengthens it.
    const past = (length: number) => Math.min(0, (unitText ?? '').length - length);
    // "5 degrees of freedom of movement or more" counts degrees of freedom, not an angle.
    const freedom = /^degrees? of freedom\b/i.exec(unitSource);
    if (freedom) return { quantity: { value: number.value }, dimension: 'count:degree_of_freedom', guessed: number.guessed, unusedTail: past(freedom[0].length) };
    // "3 nT/m (rms) per square root Hz": a noise density, not the gradient its first token spells.
    const compound = /^\S+\s?\(?(?:rms\)?\s?)?(?:per|\/)\s?square root\b/.test(unitSource) ? undefined : compoundUnit(unitSource);
    if (compound) {
        return { quantity: { value: number.value, unit: compound.unit }, dimension: compound.dimension, guessed: number.guessed, unusedTail: unusedTail(unitText ?? '', compound.length) };
    }
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
    // (A full stop straight after the number, "flows exceeding 25 x 106.", ends the sentence.)
    if (/^\.?$/.test(unitText ?? '') && /^(?:$|[;,.()]|(?:and|or|but|in|at|for|when)\b)/.test(unitSource)) {
        return { quantity: { value: number.value }, dimension: 'ratio', guessed: number.guessed, unusedTail: 0 };
    }
    // The same where that next word was taken for a unit: "a coefficient of linear thermal expansion
    // equal to or less than 5 x 10-6 in any coordinate direction" (6.A.4.c.4, 1999-2018, no "/K").
    if (/^(?:and|or|but|in|at|for|when)$/.test(unitText ?? '')) {
        return { quantity: { value: number.value }, dimension: 'ratio', guessed: number.guessed, unusedTail: (unitText ?? '').length };
    }
    // "a gate count of more than 30,000 (2 input gates)": a parenthetical that is no unit explains
    // a bare number (3.A.1.a.7.a); the phrase ends before it.
    if (/^\(\d/.test(unitText ?? '')) {
        return { quantity: { value: number.value }, dimension: 'ratio', guessed: number.guessed, unusedTail: (unitText ?? '').length };
    }
    if (number.value.startsWith('-')) return undefined;
    // "Depths more than five times their diameter": a ratio to the quantity named after it.
    const times = /^times\b/.exec(unitSource);
    if (times) return { quantity: { value: number.value }, dimension: 'ratio', guessed: number.guessed, unusedTail: past(times[0].length) };
    const rate = eventRate(number.value, unitSource);
    if (rate) return { quantity: rate.quantity, dimension: 'frequency', guessed: number.guessed, unusedTail: past(rate.length) };
    // A counted noun, or a defined term counted ('More than 4 x 10^6 "active pixels"').
    const counted = /^["“a-z]/.test(unitSource) && ((unitText ?? '') !== '' || /^["“]/.test(unitSource)) ? countedNoun(unitSource) : undefined;
    return counted ? { quantity: { value: number.value }, dimension: `count:${counted.noun}`, guessed: number.guessed, unusedTail: past(counted.length) } : undefined;
}

/** "Five or more axes", "5 or more fibre lasers": the number counts the noun phrase after "or more". */
export function countOf(numberText: string, nounPhrase: string): ReadQuantity | undefined {
    const value = WORD_NUMBERS[numberText.toLowerCase()] ?? readNumber(numberText)?.value;
    const counted = value !== undefined && !value.startsWith('-') ? countedNoun(nounPhrase) : undefined;
    return counted && counted.length === nounPhrase.length ? { quantity: { value }, dimension: `count:${counted.noun}`, guessed: false, unusedTail: 0 } : undefined;
}

/** Words after a number that scale it or are units in words: never a counted noun. */
const NOT_NOUNS = new Set(['million', 'billion', 'thousand', 'hundred', 'micro', 'milli', 'nano', 'part', 'parts', 'percent', 'times', 'fold',
    'can', 'may', 'must', 'shall', 'will', 'should', 'could', 'would', 'be', 'have', 'has', 'had', 'do', 'does']);

/**
 * The noun a bare number counts: the first plural within three words, past the adjectives before
 * it ("5 tunable resonators", "3 non-metallic particles", "8 optical carriers"), a quoted term
 * ('150 simultaneous "system tracks"'), or a singular noun standing alone ("1 octave"). An
 * adjective with no noun after it counts nothing ("more than 125 full", cut by the clause).
 */
function countedNoun(source: string): { noun: string; length: number } | undefined {
    const words = leadingWords(source);
    for (const [index, { word: written, end }] of words.entries()) {
        const word = written.replace(/["“”]/g, '');
        // Two modifiers of one noun: "two ether or thio-ether functions" (1.C.6.b) counts functions.
        if (index === 1 && word === 'or' && !ADJECTIVE.test(words[0].word) && words.length === 4) continue;
        // A noun standing alone before "and" or "but" ("of one octave or more and with an output
        // harmonic ...", 5.A.1.b.2.b): the clause after it is another condition.
        if (index === 1 && (word === 'and' || word === 'but')) break;
        if (NOT_COUNTED.has(word) || NOT_NOUNS.has(word)) return undefined;
        if (/^["“]/.test(written)) {
            const term = /^["“]([a-z][a-z -]{2,30})["”]/.exec(source.slice(end - written.length));
            return term ? { noun: term[1].replace(/\s+/g, '_').replace(/s$/, ''), length: end - written.length + term[0].length } : undefined;
        }
        if (word.length >= 3 && /[^su]s$|ies$|sses$/.test(word)) return { noun: word.replace(/s$/, ''), length: end };
    }
    const first = words[0]?.word.replace(/["“”]/g, '');
    // (Not "one data or instruction bus": "data" is no noun counted alone there.)
    return first && first.length >= 3 && !ADJECTIVE.test(first) && words[1]?.word !== 'or' ? { noun: first, length: words[0].end } : undefined;
}

/** Up to three words at the start of `source` (four, where the second is "or"), each with where it ends. */
function leadingWords(source: string): Array<{ word: string; end: number }> {
    const words: Array<{ word: string; end: number }> = [];
    const pattern = /(["“]?[a-z][a-z-]*["”]?)(?:\s|$)?/y;
    for (let match = pattern.exec(source); match && words.length < (words[1]?.word === 'or' ? 4 : 3); match = pattern.exec(source)) {
        words.push({ word: match[1], end: match.index + match[1].length });
        if (!/\s/.test(source[pattern.lastIndex - 1] ?? '')) break;
    }
    return words;
}

/** Endings of adjectives, which describe a counted noun rather than name it. */
const ADJECTIVE = /(?:able|ible|al|ic|ous|ed|ful|ive|ing|ar|ary|less|ly)$|^(?:full|simultaneous|several)$/;

/**
 * Events per unit of time are a frequency: "200 million samples per second" (200 MHz), "125 full
 * frames per second", "13,150 frames/s", "1 x 10^6 magnetic flux quanta per second", "1 x 10^-9
 * failures per flight hour" (per hour).
 */
function eventRate(value: string, source: string): { quantity: QuantityModel; length: number } | undefined {
    const match = /^(?:(million|billion)\s)?(?:["“]?[a-z][a-z-]*["”]?\s){0,3}?["“]?[a-z][a-z-]*["”]?\s?(?:per\s(?:flight\s)?(second|hour)\b|\/\s?(s|sec|h)\b)/.exec(source);
    if (!match || NOT_COUNTED.has(source.split(/[\s/]/)[0])) return undefined;
    const perHour = match[2] === 'hour' || match[3] === 'h';
    if (perHour) return match[1] ? undefined : { quantity: { value, unit: 'h^-1' }, length: match[0].length };
    return { quantity: { value, unit: match[1] === 'million' ? 'MHz' : match[1] === 'billion' ? 'GHz' : 'Hz' }, length: match[0].length };
}

/**
 * A compound unit written as the registry would read it once its exponents are marked: "A/mm2",
 * "kW/m3", "kg/m²", "mm/year", "nT/m" (a quotient, so a single word like "m" or "T" never goes
 * this way; those need a spelling of their own).
 */
function compoundUnit(source: string): { unit: string; dimension: string; length: number } | undefined {
    const token = /^[A-Za-zµμΩ]+(?:\^?-?\d)?(?:\s?\/\s?[A-Za-zµμΩ]+(?:\^?-?\d)?)+(?![\w/])/.exec(source)?.[0];
    if (!token) return undefined;
    const unit = token.replace(/\s/g, '').replace(/(?<=[A-Za-zµμΩ])\^?(-?\d)/g, '^$1').replace(/[μu](?=[A-Za-z])/g, 'µ').replace(/Ω/g, 'ohm');
    const info = lookupUnit(unit);
    return info ? { unit, dimension: info.dimension, length: token.length } : undefined;
}

/** A unit token that ran into the next word ("nm;" is excluded already, "nm/s" is not a unit): give those characters back; a negative tail takes more words. */
function unusedTail(unitText: string, used: number): number {
    // A unit of several words ("mm mrad", "micro g") reaches past the token: the phrase takes them too.
    if (used > unitText.length) return unitText.length - used;
    const rest = unitText.slice(used);
    return rest === '' || /^\s/.test(rest) ? 0 : rest.length;
}

/** "1,024" is 1024, "1,25" 1.25; "5 x 10^6" and the flattened "5 x 106" are 5e6; "0.35" stays 0.35. */
export function readNumber(text: string): { value: string; guessed: boolean } | undefined {
    const compact = text.replace(/,(?=\d{3})/g, '').replace(/^(\d+),(\d{1,2})$/, '$1.$2').replace(/^\+/, '');
    const power = /^10(?:\^(-?\d{1,2})|-(\d{1,2}))$/.exec(compact);
    if (power) return power[1] !== undefined ? { value: `1e${power[1]}`, guessed: false } : { value: `1e-${power[2]}`, guessed: true };
    const scientific = /^(-?\d+(?:\.\d+)?)\s?[x×]\s?10(?:\^(-?\d{1,2})|(-?\d{1,2}))?$/.exec(compact);
    if (scientific) {
        const exponent = scientific[2] ?? scientific[3];
        if (exponent === undefined) return undefined;
        return { value: `${scientific[1]}e${exponent}`, guessed: scientific[3] !== undefined };
    }
    return /^-?\d+(?:\.\d+)?$/.test(compact) ? { value: compact, guessed: false } : undefined;
}
