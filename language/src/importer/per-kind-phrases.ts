/**
 * Limits the documents give per kind of thing in one sentence: "a theoretical specific impulse
 * of more than 250 seconds for non-metallized, or more than 270 seconds for aluminized
 * compositions" (ML8.b.1, 1997-2012), "more than 230 seconds for non-halogenized, 250 seconds for
 * non-metallized compositions and 266 seconds for metallized compositions" (ML8.b.2, 2004-2012).
 * Each is an option of an `either` choice for its kind (`or for "aluminized compositions" {
 * ... }`): the limits hold each for its own kind, not for every kind at once.
 */
import type { Comparator, QuantityModel } from './model.js';
import { NUMBER, type ReadQuantity, readQuantity } from './quantity-reading.js';

export interface PerKindForm {
    pattern: RegExp;
    comparator: Comparator;
}

/** One limit of the list: the number and unit words, and the kind it is for. */
export interface KindLimit {
    number: string;
    unitWords: string;
    kind: string;
}

/** The forms for each way a comparator is written; the list runs to the end of the clause. */
export function perKindForms(comparators: Array<[string, Comparator]>): PerKindForm[] {
    return comparators.map(([words, comparator]) => ({
        pattern: new RegExp(String.raw`${words}\s(?<list>${NUMBER}\s\S+\sfor\s[^;:]*?\sfor\s[^;:]*?)(?=\s*(?:[;:]|$))`, 'dgiu'),
        comparator,
    }));
}

const SEGMENT = new RegExp(String.raw`^(?:(?:more|greater|higher) than\s|exceeding\s)?(?<number>${NUMBER})\s(?<unit>\S+)\sfor\s(?<kind>[^,]+?)$`, 'u');

/**
 * The limits of a list "A u for K1, [or] B u for K2 [and C u for K3]", every part of it read, or
 * undefined (the words are something else: "240 seconds for non-metallized, non-halogenized
 * propellant" is one limit for one kind).
 */
export function kindLimits(list: string): KindLimit[] | undefined {
    const parts = list.split(/,\s(?:or\s|and\s)?|\s(?:and|or)\s(?=(?:(?:more|greater|higher) than\s|exceeding\s)?\d)/u);
    if (parts.length < 2) return undefined;
    const limits: KindLimit[] = [];
    for (const part of parts) {
        const match = SEGMENT.exec(part.trim());
        if (!match?.groups) return undefined;
        limits.push({ number: match.groups.number, unitWords: match.groups.unit, kind: match.groups.kind.replace(/[.;]$/, '').trim() });
    }
    return withSharedNoun(limits);
}

/**
 * "for non-metallised and 266 s for metallised compositions": the noun after the last adjective is
 * every bare adjective's, as the sentence means ("non-metallised compositions").
 */
function withSharedNoun(limits: KindLimit[]): KindLimit[] {
    const last = limits[limits.length - 1].kind.split(' ');
    if (last.length < 2) return limits;
    const noun = last[last.length - 1];
    return limits.map(l => (l.kind.includes(' ') ? l : { ...l, kind: `${l.kind} ${noun}` }));
}

/** The limits of a list per kind, each read as a quantity of one dimension; undefined when any part is not. */
export function boundsPerKind(comparator: Comparator, list: string | undefined): { first: ReadQuantity; bounds: Array<{ comparator: Comparator; value: QuantityModel; kind: string }> } | undefined {
    const limits = list ? kindLimits(list) : undefined;
    const quantities = limits?.map(l => readQuantity(l.number, l.unitWords, ''));
    if (!limits || !quantities || quantities.some(q => !q || q.dimension !== quantities[0]!.dimension || q.dimension.startsWith('count:'))) return undefined;
    return { first: { ...quantities[0]!, unusedTail: 0 }, bounds: limits.map((l, i) => ({ comparator, value: quantities[i]!.quantity, kind: l.kind })) };
}
