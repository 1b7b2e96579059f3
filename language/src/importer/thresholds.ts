/**
 * Reading thresholds out of WA item text: "a light source wavelength shorter than 193 nm",
 * "exceeding 43.5 GHz but not exceeding 110 GHz", "8 bit or more, but less than 10 bit", and
 * unions: "below 228 K or above 358 K".
 *
 * Each comparative phrase with a quantity becomes a threshold on a parameter named after the
 * measured word before it (wavelength, frequency, power, ...) or, failing that, after the
 * quantity's dimension. The item's text is always kept; thresholds are added beside it. Values
 * are kept as written in decimal (no floating point), with the unit the CLD registry knows.
 */
import { betterSide, dimensionWord, measureBefore, qualifierBefore } from './measured-words.js';
import type { Comparator, QuantityModel, ThresholdModel } from './model.js';
import { type FormulaForm, formulaForms, formulaQuantity, variableOf, withRanges } from './formula-phrases.js';
import { boundsPerKind, perKindForms } from './per-kind-phrases.js';
import { MAY_HOLD_NUMBER, NUMBER, type ReadQuantity, originalGroups, countOf, normaliseThresholdText, originalSlice, readQuantity } from './quantity-reading.js';

type Bound = { comparator: Comparator; value?: QuantityModel; formula?: { expression: string; unit?: string }; kind?: string };

interface PhrasePattern {
    /** A regular expression with named groups `a` (and `b`) for the quantities. */
    pattern: RegExp;
    bounds: (a: QuantityModel, b?: QuantityModel) => Bound[];
    /** The bounds are alternatives (a union: "below A or above B"), not conditions that all hold. */
    union?: true;
    /**
     * "better than X" (strict) and "X or better" (inclusive): the bound's side depends on what is
     * measured (an accuracy is better lower, a purity higher); see betterSide.
     */
    better?: 'strict' | 'inclusive';
    /** A condition of measurement ("over 300 mm of travel"), not a limit: read so no shorter form takes it, and not written. */
    context?: true;
    /** Reads the quantity where the form says what it is, instead of the number and unit words (group `an`). */
    read?: (groups: Record<string, string>) => ReadQuantity | undefined;
    /** What the form itself says is measured, whatever words stand before it. */
    measure?: string;
    /** A limit that may stand inside a longer phrase of another: both are read ("64-bit or larger" in a count of results). */
    nested?: true;
    /** A limit written as a formula (see formula-phrases.ts), with this comparator. */
    formula?: { read: FormulaForm['formula']; comparator: Comparator };
    /** Limits per kind of thing (see per-kind-phrases.ts), each with this comparator. */
    perKind?: Comparator;
}

/** A quantity as written: the number (group `<name>n`) and the unit words after it (`<name>u`). */
// A number after "/" is a fraction's denominator ("a flatness of λ/10 or better", "1.7 + L/1,000"), not a quantity.
const quantityPattern = (name: string) => String.raw`(?:±\s?)?(?<![/\d.])(?<${name}n>${NUMBER})\s?(?<${name}u>[^\s;,()]*(?:\s(?:Samples Per Second|theoretical operations per second|per (?:hour|second|minute|cubic met(?:er|re)s?)|miles?|percent\b|C\b|cm\b|of arc\b|of freedom(?: of movement)?))?(?:\s?\([^()]{1,24}\)(?:\/s)?)?(?:\sby (?:weight|volume|mass))?)`;
const QA = quantityPattern('a');
const QB = quantityPattern('b');
// (Also set against its word: "less(better) than -80 dB", the EU's 5A001.b.2.b.)
const BETTER = String.raw`(?:\s?\((?:better|worse|faster|slower|longer|shorter|higher|lower)\))?`;
// "better (less) than 1 nm": the word in brackets says which side is better.
const BETTER_LESS = String.raw`better \((?:less|lower|smaller)\)`;
const BETTER_MORE = String.raw`better \((?:more|greater|higher|larger)\)`;
const ABOVE = String.raw`(?<!\bno |\bnot )(?:exceeding|${BETTER_MORE} than|more${BETTER} than|greater${BETTER} than|higher${BETTER} than|longer than|larger than|above|over|beyond|in excess of|>)`;
// (And "Low (less then 10,000) molecular weight", the document's spelling: ML8.e.13, 2001-2010.)
const BELOW = String.raw`(?<!\bno |\bnot )(?:${BETTER_LESS} than|less${BETTER} than|shorter than|lower${BETTER} than|smaller than|below|under|<|less then(?=\s\d))`;
const AT_MOST = String.raw`(?:equal to or ${BETTER_LESS} than|${BETTER_LESS} than or equal to|equal to or less${BETTER} than|equal to or below|(?:a )?maximum of|less${BETTER} than or equal to|equal to or lower${BETTER} than|equal to or smaller${BETTER} than|equal to or shorter than|not exceeding|(?:not|no) more${BETTER} than|(?:not|no) greater than|up to and including|up to|down to|at most|≤|<=)`;
// (Also "equal to or more 25 kJ", "than" left out: 3.A.1.e.2.a.3, 2001.)
const AT_LEAST = String.raw`(?:equal to or ${BETTER_MORE} than|${BETTER_MORE} than or equal to|equal to or (?:more|greater|higher|larger|longer|better)${BETTER} than|equal to or (?:exceeding|above)|(?:a )?minimum of|(?:more|greater)${BETTER} than or equal to|(?:not|no) less${BETTER} than|at least|≥|>=|equal to or (?:more|greater)(?=\s\d))`;

const c = (comparator: Comparator, value: QuantityModel): Bound => ({ comparator, value });

/** What a form itself says it reads: the number as written, in `unit` of `dimension`. */
const asWritten = (value: string, dimension: string, unit?: string): ReadQuantity => ({ quantity: unit ? { value, unit } : { value }, dimension, guessed: false, unusedTail: 0 });

/**
 * The forms of comparative phrases. All are matched and the longest match wins (ties: the form
 * listed first), so "exceeding X but not exceeding Y" is one range and "equal to or exceeding X"
 * one bound. A form with no bounds is recognised but not expressible (see
 * ParsedThresholds.unexpressed).
 */
const PATTERNS: PhrasePattern[] = [
    // Unions: "below 228 K or above 358 K"; "outside the range from 20 kHz to 60 kHz" is below the
    // range or above it (its ends excluded).
    { pattern: new RegExp(String.raw`${BELOW}\s${QA},?\s(?:or|and)\s${ABOVE}\s${QB}`, 'giu'), bounds: (a, b) => [c('<', a), c('>', b!)], union: true },
    { pattern: new RegExp(String.raw`\boutside (?:of )?(?:the )?(?:range )?(?:from |of )?${QA}\s(?:to|and)\s${QB}`, 'giu'), bounds: (a, b) => [c('<', a), c('>', b!)], union: true },
    { pattern: new RegExp(String.raw`${ABOVE}\s${QA},?\s(?:(?:but|and)\s)?${AT_MOST}\s${QB}`, 'giu'), bounds: (a, b) => [c('>', a), c('<=', b!)] },
    { pattern: new RegExp(String.raw`${ABOVE}\s${QA},?\s(?:but|and)\s${BELOW}\s${QB}`, 'giu'), bounds: (a, b) => [c('>', a), c('<', b!)] },
    { pattern: new RegExp(String.raw`${AT_LEAST}\s${QA},?\s(?:but|and)\s${BELOW}\s${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<', b!)] },
    { pattern: new RegExp(String.raw`${AT_LEAST}\s${QA},?\s(?:but|and)\s${AT_MOST}\s${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<=', b!)] },
    { pattern: new RegExp(String.raw`${QA}\sor (?:more|greater|higher|larger),?\s(?:but|and)\s${BELOW}\s${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<', b!)] },
    { pattern: new RegExp(String.raw`${QA}\sor (?:more|greater|higher|larger),?\s(?:but|and)\s${AT_MOST}\s${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<=', b!)] },
    { pattern: new RegExp(String.raw`${BELOW}\s${QA},?\s(?:but|and)\s${ABOVE}\s${QB}`, 'giu'), bounds: (a, b) => [c('<', a), c('>', b!)] },
    { pattern: new RegExp(String.raw`${BELOW}\s${QA},?\s(?:but|and)\s${AT_LEAST}\s${QB}`, 'giu'), bounds: (a, b) => [c('<', a), c('>=', b!)] },
    { pattern: new RegExp(String.raw`${AT_MOST}\s${QA},?\s(?:but|and)\s${ABOVE}\s${QB}`, 'giu'), bounds: (a, b) => [c('<=', a), c('>', b!)] },
    // A band written as a double inequality on a named variable, "a phase noise better than
    // -(114+20 log10F-20 log10f) for 10 kHz ≤ F < 500 kHz": the offsets over which the limit (a
    // formula) holds, a condition of measurement, not a limit of its own (read as one, the bands
    // of an item's "and"-ed sub-items contradict each other).
    { pattern: new RegExp(String.raw`${QA}\s?(?:<|≤|<=)\s?[A-Za-z]\s?(?:<|≤|<=)\s?${QB}`, 'gu'), bounds: () => [], context: true },
    // "450 K (177°C) and above", "at frequencies of 200 Hz and below".
    { pattern: new RegExp(String.raw`${QA}\sand (?:above|over|higher|more)\b`, 'giu'), bounds: a => [c('>=', a)] },
    { pattern: new RegExp(String.raw`${QA}\sand (?:below|under|lower|less)\b`, 'giu'), bounds: a => [c('<=', a)] },
    { pattern: new RegExp(String.raw`(?<!\bno |\bnot )better than\s${QA}`, 'giu'), bounds: () => [], better: 'strict' },
    { pattern: new RegExp(String.raw`${QA}\sor better\b`, 'giu'), bounds: () => [], better: 'inclusive' },
    { pattern: new RegExp(String.raw`\bover\s${QA}\sof travel\b`, 'giu'), bounds: () => [], context: true },
    // Where a response is measured, not a limit of the item: "A response of less than 0.1% relative
    // to the peak response at a wavelength exceeding 400 nm" (6.A.2.a.1.a.2), beside its sibling's
    // "peak response in the wavelength range exceeding 10 nm but not exceeding 300 nm".
    { pattern: new RegExp(String.raw`\bat a wavelength\s(?:exceeding|above|below|less than|greater than)\s${QA}`, 'giu'), bounds: () => [], context: true },
    // "Five or more axes", "5 or more fibre lasers": the comparator stands between the number and what it counts.
    // A quoted term may stand before what is counted: "two or more 'geographically dispersed' radar sensors" (6.A.8.l.4).
    // Or the counted word itself quoted: "a combination of 5 or more fibre "lasers"" (6.A.5.e.3.c.1).
    // Or a quoted term and another that ends in the counted word: 'two or more "geographically dispersed" and "interconnected radar sensors"' (6.A.8.l.4, 2004-2005).
    { pattern: new RegExp(String.raw`(?<an>${NUMBER})\sor (?:more|greater)\s(?:['‘"“][a-z][a-z -]*['’"”]\s(?:and\s)?)?(?<counted>(?:[a-z][a-z-]*\s){0,2}(?:["“](?:[a-z][a-z-]*\s){0,3}[a-z][a-z-]*s["”]|[a-z][a-z-]*(?<!i)s\b))`, 'giu'), bounds: a => [c('>=', a)], read: groups => countOf(groups.an, groups.counted.toLowerCase().replace(/["“”]/g, '')) },
    // A Rockwell C hardness: "hardened (Rc = 40 or more)" (2.B.3).
    { pattern: /\bRc\s?=\s?(?<an>\d+(?:\.\d+)?) or (?:more|higher|greater)\b/gu, bounds: a => [c('>=', a)], measure: 'hardness',
        read: groups => asWritten(groups.an, 'rockwell-hardness', 'HRC') },
    // A ratio written as one: "pressure ratios of 4:1 or higher" (9.E.3.f.2.a).
    { pattern: /\b(?<an>\d+(?:\.\d+)?):1 or (?:higher|more|greater)\b/gu, bounds: a => [c('>=', a)],
        read: groups => asWritten(groups.an, 'ratio') },
    // A share of a named quantity: "A face width of 15% of pitch diameter or larger" (2.B.3).
    { pattern: /\b(?<an>\d+(?:\.\d+)?)\s?% of (?:[A-Za-z]+ ){1,3}(?:\([A-Z]{2,6}\) )?or (?:larger|more|greater)\b/gu, bounds: a => [c('>=', a)],
        read: groups => asWritten(groups.an, 'ratio', '%') },
    // A word size written with a hyphen: "64-bit or larger floating-point operation results",
    // "arrays of 32-bit or larger numbers" (3.E.2.a-b, 2015-2025).
    { pattern: /\b(?<an>\d{1,3})-bit or (?:larger|more|greater|wider)\b/gu, bounds: a => [c('>=', a)], measure: 'word_size', nested: true,
        read: groups => asWritten(groups.an, 'information', 'bit') },
    // And what is counted after it: "more than four 64-bit or larger floating-point operation results
    // per cycle", the count (the phrase holds what it counts), with the word size inside it read as well.
    { pattern: new RegExp(String.raw`\b(?:more than|exceeding)\s(?<an>${NUMBER})\s\d{1,3}-bit or larger\s(?<counted>(?:['‘"“]?[a-z][a-z-]*['’"”]?\s){0,3}[a-z][a-z-]*(?<!i)s)\b`, 'giu'), bounds: a => [c('>', a)],
        read: groups => countOf(groups.an, groups.counted.toLowerCase().replace(/['‘’"“”]/g, '')) },
    // "containing one or more niobium-titanium filaments": at least one ("one" alone counts nothing, see WORD_NUMBERS).
    // Not "along one or more linear axis", a singular noun in -is: any axis, no count.
    { pattern: new RegExp(String.raw`\b(?<an>one) or more\s(?<counted>(?:[a-z][a-z-]*\s){0,2}[a-z][a-z-]*(?<!i)s)\b`, 'giu'), bounds: a => [c('>=', a)], read: groups => countOf('1', groups.counted.toLowerCase()) },
    // The counted thing a quoted term: 'one or more "superconductive" \'filaments\'' (1.C.5.b).
    { pattern: new RegExp(String.raw`\b(?<an>one) or more\s(?:["“][a-z][a-z -]*["”]\s)?['‘](?<counted>[a-z][a-z-]*(?<!i)s)['’]`, 'giu'), bounds: a => [c('>=', a)], read: groups => countOf('1', groups.counted.toLowerCase()) },
    // "and at least one additional alloying element", "at least one epitaxial layer of": one or more
    // of a singular noun (1.C.2.a.2, 3.C.6); not "at least one of the following".
    { pattern: /\bat least (?<an>one)\s(?!of\b)(?<counted>(?:[a-z][a-z-]*\s){0,2}?[a-z][a-z-]{2,})(?=\s(?:of|in|on|with|for|that|which|per|and|or|to|at|from|containing|having|being)\b|\s?[;,.:()]|$)/giu,
        bounds: a => [c('>=', a)], read: groups => singularCount(groups.counted.toLowerCase()) },
    // A band written as its two ends: "Operating in the 1.5 MHz to 87.5 MHz band" (5.E.1.c.4.c).
    { pattern: new RegExp(String.raw`\b(?:in|within|over) the\s${QA}\s?(?:to|-|–)\s?${QB}\s(?:band|range)\b`, 'giu'), bounds: (a, b) => [c('>=', a), c('<=', b!)] },
    // A modulation's level: "quadrature-amplitude-modulation (QAM) techniques above level 256" (5.B.1.b.4).
    { pattern: /\b(?:above|exceeding) level (?<an>\d{1,3}(?:,\d{3})+|\d+)(?![\d,])/giu, bounds: a => [c('>', a)], read: groups => asWritten(groups.an.replace(/,/g, ''), 'count:level') },
    // "O-Alkyl (H or equal to or less than C10, including cycloalkyl)": at most 10 carbon atoms (ML7).
    { pattern: new RegExp(String.raw`${AT_MOST}\sC(?<an>\d{1,2})\b`, 'gu'), bounds: a => [c('<=', a)], read: groups => asWritten(groups.an, 'count:carbon_atom') },
    // "other than 4.2 to 4.4 GHz inclusive": below the band or above it.
    { pattern: new RegExp(String.raw`\bother than\s${QA}\s?(?:to|-|–)\s?${QB}(?:\sinclusive)?`, 'giu'), bounds: (a, b) => [c('<', a), c('>', b!)], union: true },
    // The Mach number is written before its value: "at speeds exceeding Mach 5".
    { pattern: new RegExp(String.raw`${ABOVE}\s(?<au>Mach)\s(?<an>${NUMBER})`, 'gu'), bounds: a => [c('>', a)] },
    { pattern: new RegExp(String.raw`${BELOW}\s(?<au>Mach)\s(?<an>${NUMBER})`, 'gu'), bounds: a => [c('<', a)] },
    { pattern: new RegExp(String.raw`(?<au>Mach)\s(?<an>${NUMBER})\sor (?:more|greater|higher|above)\b`, 'gu'), bounds: a => [c('>=', a)] },
    { pattern: new RegExp(String.raw`${AT_MOST}\s${QA},?\s(?:but|and)\s${AT_LEAST}\s${QB}`, 'giu'), bounds: (a, b) => [c('<=', a), c('>=', b!)] },
    // "1,000 K at a maximum"; not "at 973 K (700°C) at a maximum stress of 700 MPa", where the maximum is the stress's.
    { pattern: new RegExp(String.raw`${QA}\sat a maximum\b(?!\s[a-z])`, 'giu'), bounds: a => [c('<=', a)] },
    // "positioned within 20 m of a given point", "within ±0.05% of the final value": at most; not
    // "within 0 to 0.2 mm", a range.
    { pattern: new RegExp(String.raw`\bwithin\s(?:±\s?)?${QA}(?!\s?(?:to|-|–)\s?\d)`, 'giu'), bounds: a => [c('<=', a)] },
    { pattern: new RegExp(String.raw`\bfrom\s${QA}\sto\s${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<=', b!)] },
    // "Nominal laser wavelength of 975 nm to 1,150 nm", "the frequency range of 40.5 to 42.5 GHz": a band.
    { pattern: new RegExp(String.raw`(?<=\b(?:range|wavelength|band) )of\s${QA}\s?(?:to|–)\s?${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<=', b!)] },
    { pattern: new RegExp(String.raw`\bbetween\s${QA}\sand\s${QB}`, 'giu'), bounds: (a, b) => [c('>=', a), c('<=', b!)] },
    { pattern: new RegExp(String.raw`${AT_MOST}\s${QA}`, 'giu'), bounds: a => [c('<=', a)] },
    { pattern: new RegExp(String.raw`${AT_LEAST}\s${QA}`, 'giu'), bounds: a => [c('>=', a)] },
    { pattern: new RegExp(String.raw`${QA}\sor (?:less|lower|smaller|shorter|below|fewer)\b`, 'giu'), bounds: a => [c('<=', a)] },
    { pattern: new RegExp(String.raw`${QA},?\sor (?:more|greater|higher|larger|longer|above)\b`, 'giu'), bounds: a => [c('>=', a)] },
    // After the plain forms, which win a tie ("25 nautical miles or more" is no noun). "85% purity or higher", "1,000 tonnes displacement or more".
    { pattern: new RegExp(String.raw`${QA}\s(?<noun>(?!percent\b)[a-z]{4,})\sor (?:more|greater|higher|larger)\b`, 'gu'), bounds: a => [c('>=', a)] },
    { pattern: new RegExp(String.raw`${QA}\s(?<noun>(?!percent\b)[a-z]{4,})\sor (?:less|lower|smaller|fewer)\b`, 'gu'), bounds: a => [c('<=', a)] },
    // "an 'optical thickness' uniformity of 99.5% or better" (6.E.3.d.1): a uniformity is better higher.
    { pattern: new RegExp(String.raw`\buniformity of\s${QA}\sor better\b`, 'gu'), bounds: a => [c('>=', a)], measure: 'uniformity' },
    // "A resolution of 12 bit with an output rate ...": exactly 12 bit, between the list's "8 bit or
    // more, but less than 12 bit" and "more than 12 bit" (3.A.1.a.5.a, 1999-2021).
    { pattern: new RegExp(String.raw`\b[Aa] resolution of\s${QA}(?=\swith\b)`, 'gu'), bounds: a => [c('=', a)], measure: 'resolution' },
    // "specially designed for (underwater) use below 1,000 m": under water, below a depth is deeper (8.A.2.g.2, 6.A.3.a.5).
    { pattern: new RegExp(String.raw`\buse below\s${QA}`, 'gu'), bounds: a => [c('>', a)], measure: 'depth' },
    // An article before the quantity, the noun after it what is measured: "with less than a 3 dB
    // reduction from full amplitude" (3.A.2.c.4.b.1).
    { pattern: new RegExp(String.raw`\b(?:less|lower|smaller) than an?\s${QA}\s(?<noun>[a-z]{4,})\b`, 'gu'), bounds: a => [c('<', a)] },
    { pattern: new RegExp(String.raw`\b(?:more|greater|higher|larger) than an?\s${QA}\s(?<noun>[a-z]{4,})\b`, 'gu'), bounds: a => [c('>', a)] },
    // The comparator said once for two quantities: "Exceeding 80 mm in diameter or length of major
    // axis and 20 mm in thickness (depth)" (6.A.4.b.2): the second exceeds too, and its noun names it.
    { pattern: new RegExp(String.raw`(?<=\b(?:[Ee]xceeding|more than|greater than)\s[^;]{1,80}?\sand\s)${QA}(?=\sin\s(?<noun>[a-z]{4,})\b)`, 'gu'), bounds: a => [c('>', a)] },
    // A quoted measure between the number and "or less": '0.8 nautical miles per hour "Circular Error
    // Probable" ("CEP") rate or less (better)', '0.5% distanced travelled "CEP" or less' (7.A.3.a).
    { pattern: new RegExp(String.raw`${QA}\s(?<tail>(?:(?:[a-z]{3,}|\([^()"“”]{1,12}\))\s){0,4})['‘"“][^'’"”]{1,40}['’"”](?:\s\(['‘"“][^'’"”]{1,10}['’"”]\))?(?:\s[a-z]{4,})?\sor (?:less|lower|smaller)\b`, 'gu'), bounds: a => [c('<=', a)],
        // The unit is read from the words after the number, not from what follows "or less".
        read: groups => {
            const quantity = readQuantity(groups.an, groups.au, ` ${groups.tail}`);
            // Those words are inside the phrase already: it does not reach past its end.
            return quantity && { ...quantity, unusedTail: 0 };
        } },
    // A parenthetical with its own brackets, or a capitalised term and its abbreviation, between the
    // unit and "or less": "0.8 nautical mile per hour (50% Circular Error Probable (CEP)) or less
    // (better)" (7.A.3.a, 1997-2000), "... (nm/hr) Circular Error Probable (CEP) or less" (2002-2006).
    { pattern: new RegExp(String.raw`${QA}\s(?<tail>(?:(?:[a-z]{3,}|\([^()"“”]{1,12}\))\s){0,3})(?:\((?:[^()]|\([^()]{1,12}\)){1,60}\)|(?:[A-Z][a-z]+\s){1,4}\([A-Z]{2,6}\))\sor (?:less|lower|smaller)\b`, 'gu'), bounds: a => [c('<=', a)],
        read: groups => {
            const quantity = readQuantity(groups.an, groups.au, ` ${groups.tail}`);
            return quantity && { ...quantity, unusedTail: 0 };
        } },
    { pattern: new RegExp(String.raw`${ABOVE}\s${QA}`, 'giu'), bounds: a => [c('>', a)] },
    { pattern: new RegExp(String.raw`${BELOW}\s${QA}`, 'giu'), bounds: a => [c('<', a)] },
    ...formulaForms([[AT_MOST, '<='], [AT_LEAST, '>='], [ABOVE, '>'], [BELOW, '<']])
        .map(form => ({ pattern: form.pattern, bounds: () => [], formula: { read: form.formula, comparator: form.comparator } })),
    ...perKindForms([[AT_MOST, '<='], [AT_LEAST, '>='], [ABOVE, '>'], [BELOW, '<']]).map(form => ({ pattern: form.pattern, bounds: () => [], perKind: form.comparator })),
];

/** One of a singular noun, the last word of `phrase` ("additional alloying element" counts elements). */
function singularCount(phrase: string): ReadQuantity | undefined {
    const noun = phrase.split(' ').pop()!;
    if (/(?:ing|ed|ly)$/.test(noun) || ['the', 'any', 'all', 'each', 'such', 'more', 'other'].includes(noun)) return undefined;
    return { quantity: { value: '1' }, dimension: `count:${noun}`, guessed: false, unusedTail: 0 };
}

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
    /** Phrases recognised but not written as thresholds because CLD cannot state them. */
    unexpressed: string[];
}

/**
 * A lead-in whose comparator applies to each sub-item's value ("having a 'sensitivity' lower
 * (better) than any of the following:"), or that ends with it ("a theoretical specific impulse
 * (under standard conditions) of more than:" over "250 seconds for ...", ML8.b.1; "An average
 * output power exceeding:" over "10 W for single-transverse mode "lasers"", 6.A.5).
 */
const LEAD_IN = /^.*?(?<comparator>(?:lower|less|greater|more|higher|smaller|larger)(?: \(better\))? than|exceeding)(?: any of the following)?:\s*$/i;

/**
 * The threshold a sub-item states under a lead-in that holds the comparator: "0.05 nT (rms)/square
 * root Hz at frequencies of less than 1 Hz" under "Induction coil magnetometers having a
 * 'sensitivity' lower (better) than any of the following:" (6.A.6.a.4.a) is a noise density below
 * 0.05 nT/Hz^0.5. Its phrase is the sub-item's own words, the value at its start.
 */
export function leadInThresholds(parentText: string | undefined, text: string, parameterFor: ParameterNamer): ThresholdModel[] {
    const lead = LEAD_IN.exec(parentText?.trim() ?? '');
    if (!lead || !/^\d/.test(text.trim())) return [];
    const comparator = lead.groups!.comparator;
    // Named from the sub-item's own words (its dimension), as every parameter is, so an unchanged
    // sub-item keeps its parameter when the lead-in is reworded.
    // The vocabulary may tell the quantity by the lead-in's words ("a theoretical specific impulse
    // ... of more than:" over "250 seconds for ..."), so the namer sees them before the phrase.
    const parsed = parseThresholds(`${comparator} ${text.trim()}`, (dimension, measure, before) => parameterFor(dimension, measure, `${parentText ?? ''} ${before}`));
    return parsed.thresholds
        .filter(t => t.phrase.startsWith(`${comparator} `) && t.alternatives === undefined)
        .map(t => ({ ...t, phrase: t.phrase.slice(comparator.length + 1) }))
        .filter(t => text.includes(t.phrase));
}

/**
 * Names the parameter of a phrase from its dimension, the measured word before it, and the words
 * of the text before it (`before`, at most CONTEXT characters), which a curated name may need to
 * tell two quantities measured alike apart.
 */
export type ParameterNamer = (dimension: string, measure: string | undefined, before: string) => string;

/** How much of the text before a phrase its parameter's namer sees. */
const CONTEXT = 110;

/** Reads every threshold phrase of `text`; `parameterFor` names the parameter of each. */
export function parseThresholds(text: string, parameterFor: ParameterNamer, lead?: string): ParsedThresholds {
    // Every form needs a number: a text without one (most headings and many items) has no phrase.
    if (!MAY_HOLD_NUMBER.test(text)) return { thresholds: [], seen: 0, parsed: 0, guessedExponents: 0, unexpressed: [] };
    const mapped = normaliseThresholdText(text);
    const normal = mapped.text;
    const { seen, candidates } = phraseMatches(normal);
    const result: ParsedThresholds = { thresholds: [], seen: seen.length, parsed: 0, guessedExponents: 0, unexpressed: [] };
    const taken: Array<[number, number]> = [];
    const chosen: Array<Candidate & { a: ReadQuantity; b?: ReadQuantity; kinds?: Bound[] }> = [];
    for (const candidate of candidates) {
        const { start, end, match } = candidate;
        if (!candidate.form.nested && taken.some(([s, e]) => start < e && end > s)) continue;
        const groups = match.groups ?? {};
        const kinds = candidate.form.perKind ? boundsPerKind(candidate.form.perKind, groups.list) : undefined;
        if (candidate.form.perKind && !kinds) continue;
        // "from 30 to 130 kg per minute": a bare first number has the unit of the second.
        const a = kinds ? kinds.first : candidate.form.formula ? formulaQuantity(candidate.form.formula.read(groups), normal.slice(0, start), lead)
            : candidate.form.read ? candidate.form.read(groups) : readQuantity(groups.an, groups.bn !== undefined && !groups.au ? groups.bu : groups.au, normal.slice(end));
        const b = groups.bn !== undefined ? readQuantity(groups.bn, groups.bu, normal.slice(end)) : undefined;
        if (!a || (groups.bn !== undefined && !b) || (b && a.dimension !== b.dimension)) continue;
        if (!candidate.form.nested) taken.push([start, end]);
        chosen.push({ ...candidate, a, b, kinds: kinds?.bounds });
    }
    // The ranges of a formula's variable the text states ("anywhere within the range of 10 Hz ≤ F ≤
    // 10 kHz"), as the document wrote them: the formula is the limit over that range.
    const ranges = chosen.filter(c => c.form.context).map(c => originalSlice(text, mapped, c.start, c.end).trim()).filter(r => variableOf(r) !== undefined);
    // In text order, so that parameters are named and thresholds listed as the text reads.
    const read = chosen.sort((x, y) => x.start - y.start).map(({ start, match, form, a, b, kinds }) => {
        // "g" is a gram ("a mass exceeding 100 g") or the acceleration of gravity ("acceleration
        // levels exceeding 100 g"): the clause decides.
        if (a.quantity.unit === 'g' && /accelerat|shock|vibration/i.test(normal.slice(0, start).split(/[;:]/).pop() ?? '')) {
            for (const q of [a, b]) if (q) Object.assign(q, { quantity: { ...q.quantity, unit: 'g0' }, dimension: 'acceleration' });
        }
        return { start, match, form, a, b, kinds };
    }).filter(({ form }) => !form.context).map(({ start, match, form, a, b, kinds }) => ({
        start, end: start + match[0].length, a, b, union: form.union ?? false,
        // As the document wrote it ("10³", not "10^3"), without the unit's unused tail.
        phrase: originalSlice(text, mapped, start, start + match[0].length - (b ? b.unusedTail : a.unusedTail)).trim(),
        bounds: kinds ?? (form.formula ? [{ comparator: form.formula.comparator, formula: { expression: withRanges(form.formula.read(originalGroups(match, text, mapped)).expression, ranges), unit: a.quantity.unit } }]
            : form.better ? betterBounds(form.better, normal.slice(0, start), a) : form.bounds(a.quantity, b?.quantity)),
        // "85% purity or higher": the noun between the quantity and "or higher" is what it measures.
        measure: form.measure ?? match.groups?.noun?.toLowerCase() ?? measureBefore(normal, start, a.dimension),
    }));
    // Two phrases measuring alike ("a frequency change exceeding 2.2 GHz within the frequency range
    // exceeding 37 GHz") are two quantities: each is named with the word that qualifies it. A phrase
    // with no measured word before it measures its dimension ("Exceeding 2.2 GHz within the
    // frequency range ...": two frequencies).
    const key = (r: (typeof read)[number]) => `${r.a.dimension} ${r.measure ?? dimensionWord(r.a.dimension)}`;
    const phrasesByKey = new Map<string, Set<string>>();
    for (const r of read) if (r.bounds.length > 0) phrasesByKey.set(key(r), (phrasesByKey.get(key(r)) ?? new Set()).add(r.phrase));
    const named: NamedPhrase[] = [];
    for (const r of read) {
        if (r.bounds.length === 0) {
            result.unexpressed.push(r.phrase);
            continue;
        }
        const qualifier = (phrasesByKey.get(key(r))?.size ?? 0) > 1 ? qualifierBefore(normal, r.start, r.measure) : undefined;
        const before = normal.slice(Math.max(0, r.start - CONTEXT), r.start);
        const parameter = parameterFor(r.a.dimension, qualifier ? `${r.measure ?? dimensionWord(r.a.dimension)}_${qualifier}` : r.measure, before);
        named.push({ ...r, parameter });
        if (r.a.guessed || r.b?.guessed) result.guessedExponents++;
    }
    for (const r of alternativesAsUnions(named, normal, (start, end) => originalSlice(text, mapped, start, end).trim())) {
        if (r.union) {
            const [first, ...alternatives] = r.bounds;
            result.thresholds.push({ parameter: r.parameter, ...first, alternatives, phrase: r.phrase });
        } else {
            // Limits per kind are the options of one choice, each for its kind.
            r.bounds.forEach((bound, option) => result.thresholds.push({ parameter: r.parameter, comparator: bound.comparator, ...(bound.formula ? { formula: bound.formula } : { value: bound.value }), phrase: r.phrase,
                ...(bound.kind !== undefined ? { either: [1, option + 1] as [number, number], kind: bound.kind } : {}) }));
        }
    }
    result.parsed = seen.filter(([s, e]) => chosen.some(({ start, end }) => s < end && e > start)).length;
    return result;
}

interface Candidate { start: number; end: number; order: number; match: RegExpMatchArray; form: PhrasePattern }

interface PhraseMatches {
    /** Where the text has something like a threshold phrase (to count those read). */
    seen: ReadonlyArray<[number, number]>;
    /** Every form's matches, in the order they compete: read only, as they are shared. */
    candidates: readonly Candidate[];
}

/**
 * The forms' matches in a normalised text. Matching the sixty forms is most of an import's time,
 * and the same texts recur in every edition (import --all reads 27), so they are matched once per
 * text: kept for the texts of about the last two editions, in two generations (bounded memory).
 */
function phraseMatches(normal: string): PhraseMatches {
    const recent = recentMatches.get(normal);
    if (recent) return recent;
    const found = olderMatches.get(normal) ?? matchForms(normal);
    if (recentMatches.size >= MATCHES_PER_GENERATION) {
        olderMatches = recentMatches;
        recentMatches = new Map();
    }
    recentMatches.set(normal, found);
    return found;
}

function matchForms(normal: string): PhraseMatches {
    // Every form's matches compete; the longest wins (then the earlier form), so "equal to or
    // exceeding X" is never read as its tail "exceeding X", whatever order the forms are listed in.
    const candidates: Candidate[] = [];
    PATTERNS.forEach((form, order) => {
        form.pattern.lastIndex = 0;
        for (const match of normal.matchAll(form.pattern)) {
            const start = match.index ?? 0;
            candidates.push({ start, end: start + match[0].length, order, match, form });
        }
    });
    candidates.sort((x, y) => (y.end - y.start) - (x.end - x.start) || x.order - y.order || x.start - y.start);
    return { seen: phraseSpans(normal), candidates };
}

/** About the texts with a number of one edition (2,500 items and their notes). */
const MATCHES_PER_GENERATION = 4_000;
let recentMatches = new Map<string, PhraseMatches>();
let olderMatches = new Map<string, PhraseMatches>();

interface NamedPhrase { start: number; end: number; phrase: string; bounds: Bound[]; union: boolean; parameter: string }

/**
 * One parameter bounded by two phrases joined by "or" ("a glass transition temperature (Tg)
 * exceeding 383 K (110°C) or with phenolic or epoxy resins, having a glass transition temperature
 * (Tg) equal to or exceeding 418 K (145°C)") is one condition with alternatives, a union. Joined
 * otherwise ("and", "but", a new clause) they stay apart, and edition.ts leaves them out.
 */
function alternativesAsUnions(phrases: NamedPhrase[], normal: string, quote: (start: number, end: number) => string): NamedPhrase[] {
    const result: NamedPhrase[] = [];
    for (const phrase of phrases) {
        const previous = [...result].reverse().find(r => r.parameter === phrase.parameter);
        const between = previous ? normal.slice(previous.end, phrase.start) : '';
        const joinable = previous && phrase.bounds.length === 1 && !phrase.union && (previous.union || previous.bounds.length === 1)
            && /\bor\b/.test(between) && !/\b(?:and|but)\b|[;:]/.test(between);
        if (!previous || !joinable) {
            result.push(phrase);
            continue;
        }
        Object.assign(previous, { end: phrase.end, phrase: quote(previous.start, phrase.end), bounds: [...previous.bounds, ...phrase.bounds], union: true });
    }
    return result;
}

/**
 * "better than X": below X for what is better small (an accuracy, a resolution, noise, drift, a
 * resist's dose), above X for what is better large (a purity, a gain, a dynamic range, a
 * hydrophone's sensitivity in dB). The measured word nearest before the phrase decides; with none
 * known, no bound is written (the phrase is reported as not expressed).
 */
function betterBounds(kind: 'strict' | 'inclusive', before: string, a: ReadQuantity): Bound[] {
    const clause = (before.split(/[;:]/).pop() ?? '').toLowerCase();
    const side = betterSide(clause, a.dimension);
    if (!side) return [];
    return [c(side === 'lower' ? (kind === 'strict' ? '<' : '<=') : (kind === 'strict' ? '>' : '>='), a.quantity)];
}

function phraseSpans(text: string): Array<[number, number]> {
    PHRASE_SEEN.lastIndex = 0;
    return [...text.matchAll(PHRASE_SEEN)].map(m => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}
