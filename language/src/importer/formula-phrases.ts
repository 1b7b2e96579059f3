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
import { NUMBER } from './quantity-reading.js';

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
