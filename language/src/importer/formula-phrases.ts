/**
 * Limits the documents write as a formula of other quantities, which CLD keeps as written
 * (`formula "..."`) rather than drop or misread:
 *
 * - an expression with a variable (in brackets, or a value plus a variable term), then its unit: "equal to or less (better) than
 *   (1.6 + L/2,000) nm (L is the measured length in mm)" (2.B.6.b.3.c), "less than (N log2
 *   N)/20,480 ms, where N is the number of points" (3.A.1.a.12), "less (better) than -(126 +
 *   20log10F - 20log10f)" with "in dBc/Hz" said before (3.A.1.b.10, 3.A.2.d.4);
 * - a value times a function of a variable: "equal to or less (better) than 0.07 deg sec(Lat)"
 *   (7.A.3.c);
 * - a value "divided by" words for a variable, with the formula in brackets after it: "greater
 *   than 505.62 divided by the maximum operating frequency (in GHz) squared [Psat>505.62
 *   W*GHz2/fGHz2]" (3.A.1.b.12.a), whose "≤ 15cm" inside the brackets is no limit of its own.
 */
import type { Comparator } from './model.js';
import { lookupUnit } from '../quantities/units.js';
import { NUMBER, type ReadQuantity, readQuantity } from './quantity-reading.js';

/** What a formula form read: the expression as written and, when the phrase says it, the unit's words. */
export interface ReadFormula {
    expression: string;
    unitWords?: string;
}

export interface FormulaForm {
    pattern: RegExp;
    comparator: Comparator;
    formula: (groups: Record<string, string>) => ReadFormula;
}

// A bracketed expression holding a one-letter variable and an operator or a logarithm, and an
// optional divisor: "(1.6 + L/2,000)", "(N log2 N)/20,480", "-(126 + 20log10F - 20log10f)".
const BRACKETED = String.raw`-?\((?=[^()]*(?<![A-Za-z])[A-Za-z](?![a-z]))(?=[^()]*(?:[+*/^-]|log))[^()]{1,60}\)(?:\s?\/\s?\d[\d,.]*)?`;
// The same without brackets, a value plus or minus a variable term: "1.7 + L/1,000" (2.B.6.a, 2002).
const UNBRACKETED = String.raw`\d[\d.,]*\s?[+-]\s?[A-Za-z](?:\s?[*/]\s?\d[\d,.]*)?(?=\s)`;
const UNIT_WORD = String.raw`[A-Za-zµμ°%][^\s;,()\[\]]*`;

/** The formula forms for each way a comparator is written (the words of thresholds.ts). */
export function formulaForms(comparators: Array<[string, Comparator]>): FormulaForm[] {
    return comparators.flatMap(([words, comparator]) => [
        {
            pattern: new RegExp(String.raw`${words}\s(?<expr>${BRACKETED}|${UNBRACKETED})(?:\s(?<unit>${UNIT_WORD}))?`, 'dgiu'),
            comparator,
            formula: groups => ({ expression: stripOuter(groups.expr), unitWords: groups.unit }),
        },
        {
            pattern: new RegExp(String.raw`${words}\s(?<value>${NUMBER})\s(?<unit>${UNIT_WORD})\s(?<fn>sec|cos|sin|tan)\s?\((?<variable>[A-Za-z]+)\)`, 'dgiu'),
            comparator,
            formula: groups => ({ expression: `${groups.value} ${groups.fn}(${groups.variable})`, unitWords: groups.unit }),
        },
        {
            pattern: new RegExp(String.raw`${words}\s${NUMBER}\sdivided by\s[^\[\];]{1,120}\[[A-Za-z]+\s?[<>≤≥]=?\s?(?<expr>[^\]]{1,60})\]`, 'dgiu'),
            comparator,
            formula: groups => ({ expression: groups.expr.trim() }),
        },
    ]);
}

/** "(1.6 + L/2,000)" is written `1.6 + L/2,000`; a bracket that a divisor or sign follows or precedes stays. */
function stripOuter(expression: string): string {
    return /^\([^()]*\)$/.test(expression) ? expression.slice(1, -1) : expression;
}

/**
 * Words that may name the unit a formula is in, where the phrase itself does not say it: each "in <unit>" or
 * "(in <unit words>)" before it ("phase noise, in dBc/Hz, less than ...", "length d (in cm)",
 * "output power (in watts)"), in the item's text or else its lead-in's.
 */
export function unitWordsBefore(...texts: Array<string | undefined>): string[] {
    // Nearest first: the item's own words, from the end, then its lead-in's.
    return texts.flatMap(text => [...(text ?? '').matchAll(/\(?\bin ([A-Za-zµμ][\w/µμ]*)\)?(?=[,)\s])/g)].map(m => m[1]).reverse());
}

/** The variable a range states bounds for: "F" in "10 Hz ≤ F ≤ 10 kHz". */
export function variableOf(range: string): string | undefined {
    return /(?:<|≤|<=)\s?([A-Za-z])\s?(?:<|≤|<=)/u.exec(range)?.[1];
}

/**
 * A formula with the ranges its item states for a variable: `-(126 + 20log10F - 20log10f) for 10
 * Hz ≤ F ≤ 10 kHz`; also where the formula does not use it ("-(206 - 20log10f) anywhere within the
 * range of 10 kHz < F ≤ 100 kHz": the limit holds over those offsets F).
 */
export function withRanges(expression: string, ranges: string[]): string {
    return ranges.length === 0 ? expression : `${expression} for ${ranges.join(' and ')}`;
}

/**
 * A formula's unit and dimension, from its own words or else the nearest "in <unit>" before it
 * (see unitWordsBefore); undefined when none names a unit, for then nothing says what it measures.
 */
export function formulaQuantity(formula: ReadFormula, before: string, lead: string | undefined): ReadQuantity | undefined {
    const unitOf = (words: string | undefined) => {
        // A symbol as the registry writes it ("deg", "dBc/Hz"), or the words for one ("watts").
        // (The micro sign as the registry writes it: the 2025 PDF's Greek mu is Word's µ.)
        const known = words ? lookupUnit(words.replace(/^μ/, 'µ')) : undefined;
        const symbol = known ? { unit: known.symbol, dimension: known.dimension } : undefined;
        const read = words && !symbol ? readQuantity('1', words.replace(/^watts?$/i, 'W'), '') : undefined;
        return symbol ?? (read?.quantity.unit && !read.dimension.startsWith('count:') ? { unit: read.quantity.unit, dimension: read.dimension } : undefined);
    };
    const own = unitOf(formula.unitWords);
    // A word after the formula that is no unit ("... 20log10f) anywhere within") is not the phrase's.
    const unusedTail = !own && formula.unitWords ? formula.unitWords.length + 1 : 0;
    const found = own ?? unitWordsBefore(before, lead).map(unitOf).find(u => u !== undefined);
    return found && { quantity: { value: '1', unit: found.unit }, dimension: found.dimension, guessed: false, unusedTail };
}
