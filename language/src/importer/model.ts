/**
 * The importer's model of one WA edition: what the structure parser builds from the documents
 * and the CLD writer prints. Codes are in WA dotted form (3.B.1.f.1.a, ML8.a).
 */
export type NoteKind = 'note' | 'nb' | 'technical-note' | 'decontrol-note';
export type TierName = 'dual-use' | 'sensitive' | 'very-sensitive' | 'munitions';
export type Comparator = '<' | '<=' | '>' | '>=' | '=';

export interface NoteModel {
    kind: NoteKind;
    text: string;
}

export interface QuantityModel {
    /** The value as written in CLD: a decimal (`1.3`, `5e6`, `-55`). */
    value: string;
    /** A unit the CLD unit registry knows (`GHz`, `nm`, `°C`), or none for a count. */
    unit?: string;
}

/** One set of values: `< 193 nm`, or `from 1 GHz to 3 GHz` (low and high). */
export interface BoundModel {
    comparator?: Comparator;
    value?: QuantityModel;
    /** A limit that is a formula of other quantities (`(N log2 N)/20,480` ms), kept as written. */
    formula?: { expression: string; unit?: string };
    /** `from low to high` ranges. */
    low?: QuantityModel;
    high?: QuantityModel;
}

export interface ThresholdModel extends BoundModel {
    parameter: string;
    /** Further sets of values after `or`: "below 228 K or above 358 K" is `< 228 K or > 358 K`. */
    alternatives?: BoundModel[];
    /** The words of the document the threshold was read from. */
    phrase: string;
    /** In alternatives of several parameters at once ("1 kW or more in A, or 250 W or more in B"): which choice and which option (from 1). */
    either?: [number, number];
    /** In such an option, the kind of thing it is for ("aluminized compositions"), when the document says. */
    kind?: string;
}

export interface ItemModel {
    /** The last part of the code: `f`, `1`; for an entry its number; for ML categories `ML8`. */
    label: string;
    /** The full dotted code. */
    code: string;
    text?: string;
    reservedSince?: number;
    /** Set for "Not used" items that give no year. */
    reserved?: boolean;
    combinator?: 'any-of' | 'all-of';
    tiers: TierName[];
    /** A national item's WA precedent (`precedent 3.B.1.f.1.a`). */
    precedent?: string;
    thresholds: ThresholdModel[];
    notes: NoteModel[];
    children: ItemModel[];
    /** Where the item starts in the documents, for warnings. */
    where: string;
}

export interface GroupModel {
    letter: string;
    title?: string;
    notes: NoteModel[];
    entries: ItemModel[];
}

export interface CategoryModel {
    /** `3` or `ML8`. */
    code: string;
    title?: string;
    tiers: TierName[];
    notes: NoteModel[];
    groups: GroupModel[];
    /** Munitions categories hold their items directly. */
    items: ItemModel[];
    /** The ML category's own text (its heading sentence). */
    text?: string;
}

export interface DefinitionModel {
    term: string;
    text: string;
    /** Where the term is used, as the DEF part says ("Cat 2, 3, 6", "ML8"). */
    usedIn?: string;
    /** For an acronym defined beside its full term ("MMIC"): that term. */
    shortFor?: string;
}

export interface ParameterModel {
    name: string;
    dimension: string;
    unit?: string;
    /** What it measures, in words: "flash point (temperature)". */
    description?: string;
}

export interface ImportWarning {
    where: string;
    message: string;
}

export interface EditionModel {
    /** As printed: `WA-LIST (21) 1`. */
    listId: string;
    /** File-name form: `WA-LIST-21-1`. */
    fileId: string;
    year: number;
    /** ISO date of the edition, when the documents print one. */
    date?: string;
    title: string;
    notes: NoteModel[];
    definitions: DefinitionModel[];
    definitionNotes: NoteModel[];
    parameters: ParameterModel[];
    categories: CategoryModel[];
    warnings: ImportWarning[];
    /** The documents the edition was read from. */
    sources: string[];
}
