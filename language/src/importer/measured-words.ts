/**
 * What a threshold phrase measures, read from the words before it: the measured word that names
 * its parameter ("wavelength", "frequency range"), the word that tells two alike apart, and for
 * "better than" which side is better.
 */
import { measuresOther } from './parameter-names.js';
import { NOT_COUNTED } from './quantity-reading.js';

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

/** Words that name a parameter only with the word before them ("sample rate", "frequency range"). */
const GENERIC = new Set(['range', 'rate', 'size', 'output', 'input', 'field', 'load', 'error', 'time', 'pulse']);

/**
 * The measured word nearest before the phrase, in the same clause. Generic words borrow the word
 * before them: "frequency range" measures frequency, "sample rate" is its own parameter.
 */
export function measureBefore(text: string, start: number, dimension?: string): string | undefined {
    // "cruise at speeds exceeding Mach 1.2 for more than thirty minutes": a phrase after "for"
    // says how long; the measured word before it is another phrase's.
    if (/\bfor\s*$/i.test(text.slice(0, start))) return undefined;
    // Parenthetical asides ("(1 MeV equivalent)", "(Tg)") are not what is measured.
    const clause = (text.slice(0, start).split(/[;:]/).pop() ?? '').replace(/\([^()]*\)/g, ' ');
    const words = (clause.toLowerCase().match(/[a-z]+/g) ?? []).map(singular);
    // Eight words back; sixteen past a word that names another quantity ("position accuracy, after
    // loss of GNSS for a period of up to 4 minutes, of less (better) than 10 meters": the accuracy).
    let reach = 8;
    for (let i = words.length - 1; i >= Math.max(0, words.length - reach); i--) {
        // "designed to cruise at Mach 1 or higher" is a speed, as "cruise at speeds exceeding Mach 1.2" (9.A.1).
        const word = words[i] === 'cruise' ? 'speed' : words[i];
        if (!MEASURES.includes(word)) continue;
        // A word naming another quantity is not what this phrase measures (see measuresOther).
        if (dimension !== undefined && measuresOther(word, dimension)) {
            reach = 16;
            continue;
        }
        // A verb, not a quantity: "Designed to power an aircraft designed to cruise at Mach 1 or higher" (9.A.1.b).
        if (words[i - 1] === 'to' && ['a', 'an', 'the'].includes(words[i + 1])) continue;
        if (!GENERIC.has(word)) return word;
        const before = words[i - 1];
        if (before && MEASURES.includes(before) && !GENERIC.has(before) && word === 'range') return before;
        if (before && /^[a-z]{3,}$/.test(before) && !NOT_COUNTED.has(before) && !['a', 'an', 'the', 'total'].includes(before)) return `${before}_${word}`;
        return word;
    }
    const noun = nounBefore(words);
    return noun !== undefined && dimension !== undefined && measuresOther(noun, dimension) ? undefined : noun;
}

/** Nouns that name a quantity only with the word before them: "flash point", "viscosity index". */
const HEADS = new Set(['point', 'index', 'ratio', 'number', 'coefficient', 'content', 'factor', 'level', 'count', 'constant', 'value']);
const FILLERS = new Set(['a', 'an', 'the', 'having', 'with', 'rated', 'any', 'capable', 'designed', 'specified', 'which', 'than', 'its', 'their',
    'above', 'below', 'more', 'less', 'higher', 'lower', 'greater', 'equal', 'made', 'operate', 'not', 'no', 'only', 'also', 'both', 'either']);

/**
 * With no measured word known, the noun just before the phrase names what it measures ("a flash
 * point exceeding 477 K", "a pour point at 239 K or less"), so that two such quantities of one
 * item are not one parameter. Only the last few words count: a noun further back is not the
 * quantity.
 */
function nounBefore(words: string[]): string | undefined {
    const near = words.slice(-4).filter(w => !NOT_COUNTED.has(w) && !FILLERS.has(w));
    const word = near[near.length - 1];
    // Not a verb form, an adverb or a word that names no quantity ("operate autonomously for 10
    // hours", "for underwater use below 150 m", "cruise at Mach 1 or higher for more than 30
    // minutes"), and not a unit left from an earlier phrase ("30 MHz power").
    if (!word || word.length < 3 || /(?:ing|ed|ly)$/.test(word) || NAMES_NO_QUANTITY.has(word) || isUnitWord(word)) return undefined;
    const before = near[near.length - 2];
    return HEADS.has(word) && before && before.length >= 3 && !/(?:ing|ed)$/.test(before) ? `${before}_${word}` : word;
}

/** Nouns and adjectives that come before a phrase without naming what it measures. */
const NAMES_NO_QUANTITY = new Set(['use', 'document', 'available', 'mach', 'low', 'high', 'aircraft', 'vehicle',
    'microcircuit', 'move', 'operation', 'order', 'excess', 'type', 'mode', 'all', 'other', 'least', 'most']);

/** A unit written as a word before a phrase ("frequencies exceeding 31.8 GHz ... or exceeding 43.5 GHz", "up to 4 minutes ... less than 10 meters"): never a name. */
function isUnitWord(word: string): boolean {
    return /^(?:[kmgtp]?hz|[mkgnµ]?w|db[mcw]?|[mkgn]?v|[mµnk]?m|[mµn]?s|k|mhz|ghz|thz|mrad|µrad|deg|ppm|bit|byte|second|minute|hour|day|met(?:er|re)|kilomet(?:er|re)|degree)$/.test(word);
}

/** "frequencies" -> "frequency", "losses" -> "loss", but "axis", "modulus", "instantaneous" stay. */
function singular(word: string): string {
    if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
    if (/sses$/.test(word)) return word.slice(0, -2);
    if (/(?:ss|us|is)$/.test(word)) return word;
    return word.replace(/s$/, '');
}

export function dimensionWord(dimension: string): string {
    return dimension.startsWith('count:') ? dimension.slice(6) : dimension;
}

/** The noun just before a phrase ("frequency change exceeding", "range of 1 GHz"), when it is not the measure itself. */
export function qualifierBefore(text: string, start: number, measure: string | undefined): string | undefined {
    const words = (text.slice(Math.max(0, start - 60), start).toLowerCase().match(/[a-z]+/g) ?? []).filter(w => !NOT_COUNTED.has(w) && !['a', 'an', 'having', 'with', 'rated', 'any'].includes(w));
    const last = words[words.length - 1];
    const word = last ? singular(last) : undefined;
    // Not a word of the measure itself ("spot size smaller than 65 nm" is no `spot_size_size`), nor a unit.
    return word && !(measure ?? '').split('_').includes(word) && word.length > 2 && !isUnitWord(word) ? word : undefined;
}

const BETTER_LOWER = /accura|resolution|error|uncertaint|noise|drift|stabilit|jitter|roughness|flatness|deviation|run-?out|linewidth|distortion|harmonic|loss|attenuation|cep\b|settling|switching time|repeatability/g;
const BETTER_HIGHER = /purity|gain|efficiency|dynamic range|signal.to.noise|rejection|suppression|isolation|quality|figure of merit/g;

export function betterSide(clause: string, dimension: string): 'lower' | 'higher' | undefined {
    const last = (pattern: RegExp) => Math.max(-1, ...[...clause.matchAll(pattern)].map(m => m.index ?? -1));
    const lower = last(BETTER_LOWER);
    const higher = last(BETTER_HIGHER);
    // A sensitivity is better high as a level or a photocurrent, better low as the field or dose it
    // takes to register.
    const sensitivity = clause.lastIndexOf('sensitivity');
    if (sensitivity > Math.max(lower, higher)) {
        if (['level', 'responsivity', 'luminous-responsivity'].includes(dimension)) return clause.includes('acceleration sensitivity') ? undefined : 'higher';
        // (A resist's "sensitivity of 2.5 mJ/mm2 or better" is the dose it takes: 3.C.2.c.)
        if (['magnetic-field', 'magnetic-gradient', 'charge-density', 'noise-density', 'fluence'].includes(dimension)) return 'lower';
        return undefined;
    }
    if (lower < 0 && higher < 0) return undefined;
    return lower > higher ? 'lower' : 'higher';
}
