/**
 * What a threshold phrase measures, read from the words before it: the measured word that names
 * its parameter ("wavelength", "frequency range"), the word that tells two alike apart, and for
 * "better than" which side is better.
 */
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
export function measureBefore(text: string, start: number): string | undefined {
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

export function dimensionWord(dimension: string): string {
    return dimension.startsWith('count:') ? dimension.slice(6) : dimension;
}

/** The noun just before a phrase ("frequency change exceeding", "range of 1 GHz"), when it is not the measure itself. */
export function qualifierBefore(text: string, start: number, measure: string | undefined): string | undefined {
    const words = (text.slice(Math.max(0, start - 60), start).toLowerCase().match(/[a-z]+/g) ?? []).filter(w => !NOT_COUNTED.has(w) && !['a', 'an', 'having', 'with', 'rated', 'any'].includes(w));
    const word = words[words.length - 1]?.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');
    return word && word !== measure && word.length > 2 ? word : undefined;
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
        if (['magnetic-field', 'magnetic-gradient', 'charge-density', 'noise-density'].includes(dimension)) return 'lower';
        return undefined;
    }
    if (lower < 0 && higher < 0) return undefined;
    return lower > higher ? 'lower' : 'higher';
}
