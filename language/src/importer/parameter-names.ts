/**
 * Names of the parameters the importer declares. A name depends only on the measured word before
 * a phrase and the quantity's dimension, never on which item of an edition came first, so the
 * same quantity of the same item has the same name in every edition (and a diff compares it as
 * one parameter). A measured word with its usual dimension is the name itself (`wavelength`,
 * `frequency`); otherwise the dimension follows it (`resolution_length`, `acceleration_angle`).
 */
import { DIMENSIONS } from '../quantities/units.js';
import { VOCABULARY, type Quantity } from './quantity-vocabulary.js';

/** The dimension each measured word usually has in the WA texts. */
const NATURAL: Record<string, string> = {
    wavelength: 'length', frequency: 'frequency', bandwidth: 'frequency', power: 'power', temperature: 'temperature',
    pressure: 'pressure', diameter: 'length', thickness: 'length', length: 'length', width: 'length', depth: 'length',
    range: 'length', voltage: 'voltage', current: 'current', energy: 'energy', mass: 'mass', weight: 'mass',
    speed: 'velocity', velocity: 'velocity', acceleration: 'acceleration', altitude: 'length', drift: 'angular-rate',
    strength: 'pressure', modulus: 'pressure', capacitance: 'capacitance', resistance: 'resistance', torque: 'torque',
    thrust: 'force', force: 'force', dose: 'dose', efficiency: 'ratio', gain: 'level', loss: 'level',
    throughput: 'data-rate', performance: 'performance', time: 'time', duration: 'time', delay: 'time', period: 'time',
    area: 'area', volume: 'volume', aperture: 'length', rate: 'frequency', size: 'length', pulse: 'time',
    linewidth: 'frequency', displacement: 'length', irradiance: 'irradiance', purity: 'ratio', porosity: 'ratio',
    jitter: 'time', sidelobe: 'level', density: 'density', field: 'magnetic-field',
};

/**
 * Measured words that name one physical quantity: "current" is never a length, "frequency" never
 * a time. Before a phrase of another dimension such a word is not what it measures ("Inner
 * diameter of the current carrying windings of more than 250 mm" measures the diameter).
 */
const ONE_QUANTITY = new Set(['wavelength', 'frequency', 'temperature', 'diameter', 'thickness', 'length', 'depth', 'voltage', 'current',
    'energy', 'mass', 'weight', 'speed', 'velocity', 'acceleration', 'altitude', 'torque', 'thrust', 'force', 'duration', 'delay', 'period', 'area', 'volume',
    'gain', 'loss']);

/** Quantities a measured word may also be written in: a speed as a Mach number, a weight as a ratio ("by weight"), a thickness or a frequency as a share of itself ("uniform to less than ± 2.5%"). */
const ALSO: Record<string, string[]> = { speed: ['mach-number', 'angular-rate'], velocity: ['mach-number'], mass: ['ratio'], weight: ['ratio'], thickness: ['ratio'], depth: ['ratio'], frequency: ['ratio'], length: ['information'], gain: ['ratio'], loss: ['ratio'], temperature: ['temperature-difference'] };

/** Whether a measured word cannot measure a quantity of this dimension (see ONE_QUANTITY). */
export function measuresOther(word: string, dimension: string): boolean {
    const natural = NATURAL[word];
    if (!ONE_QUANTITY.has(word) || natural === undefined || dimension.startsWith('count:')) return false;
    return natural !== dimension && !dimension.split('-').includes(natural) && !(ALSO[word] ?? []).includes(dimension);
}

/** The natural dimension of a measure, or of the first of its words that has one ("frequency_change", "sample_rate"). */
function naturalDimension(measure: string): string | undefined {
    return measure.split('_').map(word => NATURAL[word]).find(d => d !== undefined);
}

/**
 * The parameter name for a phrase. `dimension` is a registry dimension, or `count:<noun>` for a
 * counted noun ("More than 208 terminals" names `terminals`).
 */
export function parameterName(dimension: string, measure: string | undefined): { name: string; dimension: string } {
    if (dimension.startsWith('count:')) return { name: identifier(plural(dimension.slice(6))), dimension: 'count' };
    if (!measure) return { name: identifier(dimension), dimension };
    return { name: identifier(nameOf(measure, dimension)), dimension };
}

/**
 * The parameter of a phrase as the vocabulary names it: the quantity its derived name (see
 * parameterName) stands for, told apart by the words before the phrase where one derived name
 * covers two quantities ("a crew of 4 or more" is not a ratio of anything). A derived name the
 * vocabulary lacks is kept, with its words as description; a corpus test requires none.
 */
export function namedParameter(dimension: string, measure: string | undefined, before: string): { name: string; dimension: string; description: string; curated: boolean } {
    const derived = parameterName(dimension, measure);
    const quantity = curatedQuantity(derived.name, derived.dimension, before);
    if (quantity) return { name: quantity.name, dimension: quantity.dimension, description: quantity.description, curated: true };
    return { ...derived, description: parameterDescription(dimension, measure), curated: false };
}

/** The vocabulary's quantity for a derived name and dimension: the first whose cue the words before the phrase hold, else the one without a cue. */
export function curatedQuantity(derived: string, dimension: string, before: string): Quantity | undefined {
    // (A count for a bare number the reader took for a ratio: the vocabulary knows what it counts.)
    const quantities = (VOCABULARY[derived] ?? []).filter(q => q.dimension === dimension || (q.dimension === 'count' && dimension === 'ratio'));
    return quantities.find(q => q.cue?.test(before)) ?? quantities.find(q => q.cue === undefined);
}

/** Dimensions of a rate that a measure ending in "rate" already names ("burning rate" in mm/s, "transfer rate" in Mbyte/s). */
const RATES = new Set(['velocity', 'data-rate', 'area-rate', 'mass-flow', 'angular-rate', 'current-rate', 'voltage-rate', 'dose-rate']);

function nameOf(measure: string, dimension: string): string {
    const words = measure.split('_');
    const dimensionWords = dimension.split('-');
    const last = <T>(list: T[]) => list[list.length - 1];
    // "data_rate" measures a data-rate, "current_density" a current-density: the word is the dimension.
    if (measure === dimensionWords.join('_') || measure.endsWith(`_${dimensionWords.join('_')}`)) return measure;
    // A measure that spells another dimension ("data rate" counted in samples per second) keeps
    // its dimension apart, so the name never depends on which of the two an edition met first.
    if (words.length > 1 && DIMENSIONS.has(measure.replace(/_/g, '-'))) return `${measure}_${dimension}`;
    if (naturalDimension(measure) === dimension) return measure;
    // A "density" in an energy-density is an energy density, an "impulse" in a specific-impulse a
    // specific impulse: the dimension says it whole, and saying the word twice says nothing more.
    if (words.length === 1 && dimensionWords.length > 1 && dimensionWords.includes(measure)) return dimensionWords.join('_');
    // "coverage rate" in an area-rate, "burning rate" in a velocity, "flash point", "viscosity
    // index", "hydroxyl value": a measure of two words that names its own quantity.
    if (words.length > 1 && dimensionWords.length > 1 && last(words) === last(dimensionWords)) return measure;
    if (words.length > 1 && last(words) === 'rate' && RATES.has(dimension)) return measure;
    if (words.length > 1 && NAMED_QUANTITIES.has(last(words))) return measure;
    // The dimension said where the measure says its last word: a "rate range" in deg/s is an
    // angular rate range, a current "density" at rated "conditions" a current density condition.
    const at = words.indexOf(last(dimensionWords));
    if (at >= 0) return [...words.slice(0, at), ...dimensionWords, ...words.slice(at + 1)].join('_');
    return `${measure}_${dimension}`;
}

/** Nouns that, with the word before them, name a quantity of their own: a flash point, a viscosity index, a hydroxyl value. */
const NAMED_QUANTITIES = new Set(['point', 'index', 'value', 'number', 'count', 'coefficient', 'constant', 'factor']);

/**
 * What a parameter measures, in words, for hovers and completion: the measured words and the
 * dimension ("flash point (temperature)", "frequency range (frequency)", "terminals (count)").
 */
export function parameterDescription(dimension: string, measure: string | undefined): string {
    if (dimension.startsWith('count:')) return `number of ${plural(dimension.slice(6)).replace(/_/g, ' ')}`;
    const quantity = dimension.replace(/-/g, ' ');
    if (!measure) return quantity;
    const words = measure.replace(/_/g, ' ');
    return words === quantity ? words : `${words} (${quantity})`;
}

/** A counted noun in the plural: "terminal" -> "terminals", "degree_of_freedom" -> "degrees_of_freedom". */
function plural(noun: string): string {
    const of = noun.indexOf('_of_');
    return of > 0 ? `${noun.slice(0, of)}s${noun.slice(of)}` : `${noun}s`;
}

/** A CLD identifier from a measured word: letters, digits and underscores, not starting with a digit. */
export function identifier(text: string): string {
    const id = text.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    const safe = /^[a-z_]/.test(id) ? id : `p_${id}`;
    return KEYWORDS.has(safe) ? `${safe}_value` : safe;
}

/** CLD keywords cannot name a parameter. */
const KEYWORDS = new Set(['list', 'id', 'edition', 'date', 'numbering', 'wassenaar', 'eccn', 'implements', 'supersedes', 'parameter', 'unit',
    'definitions', 'term', 'category', 'group', 'entry', 'reserved', 'since', 'item', 'tier', 'sensitive', 'munitions', 'precedent', 'see',
    'note', 'nb', 'from', 'to', 'mtcr', 'nsg', 'cwc', 'national', 'either', 'or', 'for', 'formula']);
