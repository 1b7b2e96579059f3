/**
 * One WA edition from its documents: reads the parts, rebuilds the items of every category and
 * of the munitions list, applies the Sensitive and Very Sensitive Lists as tiers, reads the
 * definitions, and adds the thresholds found in the items' text.
 */
import * as l10n from '@vscode/l10n';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import { parseDefinitions } from './definitions.js';
import { ImportError } from './errors.js';
import type { CategoryModel, EditionModel, ImportWarning, ItemModel, NoteModel, ParameterModel, ThresholdModel } from './model.js';
import { checkRequiredParts, listPartFiles, readPartFile } from './parts.js';
import type { SourcePart } from './source.js';
import { parseNoteStart } from './notes.js';
import { cleanFields } from './source.js';
import { ItemTreeBuilder } from './structure.js';
import { leadInThresholds, parseThresholds } from './thresholds.js';
import { identifier, namedParameter } from './parameter-names.js';
import { applyTierList, parseTierList } from './tier-lists.js';

export const EDITION_TITLE = 'Wassenaar Arrangement List of Dual-Use Goods and Technologies and Munitions List';

/** The counts an import report prints; see report.ts. */
export interface ImportCounts {
    parts: Array<{ file: string; kind: string; paragraphs: number }>;
    categories: Array<{ code: string; entries: number; items: number; reserved: number }>;
    tiers: Record<string, number>;
    notes: number;
    definitions: number;
    thresholds: number;
    phrasesSeen: number;
    phrasesParsed: number;
    guessedExponents: number;
    /** Unions and complements ("below A or above B", "outside the range") read but not written: CLD cannot state them yet. */
    unexpressedPhrases: number;
    sensitiveList: { applied: number; unresolved: number; withdrawn: number };
    verySensitiveList: { applied: number; unresolved: number; withdrawn: number };
}

export interface ImportedEdition {
    model: EditionModel;
    counts: ImportCounts;
}

export interface EditionIdentity {
    listId: string;
    fileId: string;
    year: number;
}

/** `WA-LIST-21-1` is "WA-LIST (21) 1"; `WA-LIST-05-1-Corr` is "WA-LIST (05) 1 Corr."; `WA-LIST-16-1-Corr-1` is "WA-LIST (16) 1 Corr. 1". */
export function editionIdentity(name: string): EditionIdentity | undefined {
    const match = /WA[-_ ]?LIST[-_ ]*\(?(\d{2})\)?[-_ ]+0*(\d+)(?:[-_ ]+Corr\.?(?:[-_ ]+(\d+))?)?/i.exec(name);
    if (!match) return undefined;
    const [, yy, number, correction] = match;
    const corrected = /corr/i.test(match[0]);
    const listId = `WA-LIST (${yy}) ${number}${corrected ? ` Corr.${correction ? ` ${correction}` : ''}` : ''}`;
    const fileId = `WA-LIST-${yy}-${number}${corrected ? `-Corr${correction ? `-${correction}` : ''}` : ''}`;
    const year = Number(yy) >= 90 ? 1900 + Number(yy) : 2000 + Number(yy);
    return { listId, fileId, year };
}

/**
 * The editions in a folder: its sub-folders (and PDFs) named after a WA list id, in order of
 * year; or the folder itself when it is one edition.
 */
export function findEditions(folder: string): string[] {
    let names: string[];
    try {
        names = readdirSync(folder);
    } catch {
        throw new ImportError(folder, l10n.t('cannot read the folder'));
    }
    const editions = names
        .map(name => ({ name, identity: editionIdentity(name) }))
        .filter(e => e.identity && (statSync(join(folder, e.name)).isDirectory() || /\.pdf$/i.test(e.name)))
        .sort((a, b) => a.identity!.year - b.identity!.year || a.name.localeCompare(b.name));
    if (editions.length > 0) return editions.map(e => join(folder, e.name));
    if (editionIdentity(basename(resolve(folder)))) return [folder];
    throw new ImportError(resolve(folder), l10n.t('no edition folders (named like WA-LIST-21-1) in this folder'));
}

/** Reads an edition folder (one file per part) or a single PDF. */
export async function importEdition(path: string): Promise<ImportedEdition> {
    let isFolder: boolean;
    try {
        isFolder = statSync(path).isDirectory();
    } catch {
        throw new ImportError(path, l10n.t('no such file or folder'));
    }
    const identity = editionIdentity(basename(path)) ?? editionIdentity(basename(dirname(path)));
    if (!identity) throw new ImportError(path, l10n.t('cannot tell which edition this is: name the folder or file after its list id, such as WA-LIST-21-1'));
    const { parts, margins } = isFolder ? await readFolder(path) : await readSingleFile(path);
    return buildEdition(identity, parts, margins);
}

async function readFolder(folder: string): Promise<{ parts: SourcePart[]; margins: string[] }> {
    const files = listPartFiles(folder);
    const pdfs = files.filter(f => extname(f.path).toLowerCase() === '.pdf');
    if (pdfs.length === 1 && files.every(f => f.kind === 'other' || f === pdfs[0] || f.kind === 'contents' || f.kind === 'cover')) {
        return readSingleFile(pdfs[0].path);
    }
    checkRequiredParts(folder, files);
    const read = await Promise.all(files.filter(f => f.kind !== 'cover' && f.kind !== 'contents').map(readPartFile));
    return { parts: read, margins: read.map(p => p.margins) };
}

async function readSingleFile(file: string): Promise<{ parts: SourcePart[]; margins: string[] }> {
    if (extname(file).toLowerCase() !== '.pdf') {
        throw new ImportError(file, l10n.t('a single file must be the PDF of a whole edition; for Word documents, import the folder of part files'));
    }
    const { readPdfEdition } = await import('./pdf-reader.js');
    const parts = await readPdfEdition(file);
    checkRequiredParts(file, parts);
    return { parts, margins: parts.map(p => p.margins) };
}

/** The date printed in the running footers ("22-12-2021"), the most frequent one in the edition's year. */
export function editionDate(margins: string[], year: number): string | undefined {
    const counts = new Map<string, number>();
    for (const text of margins) {
        for (const match of text.matchAll(/\b(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})\b/g)) {
            const fullYear = match[3].length === 2 ? (Number(match[3]) >= 90 ? 1900 : 2000) + Number(match[3]) : Number(match[3]);
            if (fullYear !== year && fullYear !== year + 1) continue;
            const iso = `${fullYear}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
            counts.set(iso, (counts.get(iso) ?? 0) + 1);
        }
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function buildEdition(identity: EditionIdentity, parts: SourcePart[], margins: string[]): ImportedEdition {
    const warnings: ImportWarning[] = [];
    const builder = new ItemTreeBuilder(warnings);
    const listNotes: NoteModel[] = [];
    for (const part of parts.filter(p => p.kind === 'category').sort((a, b) => (a.category ?? 0) - (b.category ?? 0))) {
        builder.startCategory(String(part.category), categoryTitle(part));
        part.paragraphs.forEach(p => builder.add(p));
    }
    for (const part of parts.filter(p => p.kind === 'munitions')) {
        builder.startMunitions();
        part.paragraphs.forEach(p => builder.add(p));
    }
    for (const part of parts.filter(p => p.kind === 'general-notes' || p.kind === 'acronyms' || p.kind === 'understandings')) {
        listNotes.push(...annexNotes(part));
    }
    const categories = builder.result();
    const definitionParts = parts.filter(p => p.kind === 'definitions').map(p => parseDefinitions(p.paragraphs));
    const items = indexItems(categories);
    const tierCounts = (kind: 'sensitive' | 'very-sensitive', name: string) => {
        const entries = parts.filter(p => p.kind === kind).flatMap(p => parseTierList(p.paragraphs));
        return applyTierList(entries, kind, items, warnings, name);
    };
    const sensitiveList = tierCounts('sensitive', 'Sensitive List');
    const verySensitiveList = tierCounts('very-sensitive', 'Very Sensitive List');
    const model: EditionModel = {
        ...identity,
        date: editionDate(margins, identity.year),
        title: EDITION_TITLE,
        notes: [...builder.listNotes, ...listNotes],
        definitions: definitionParts.flatMap(d => d.definitions),
        definitionNotes: definitionParts.flatMap(d => d.notes),
        parameters: [],
        categories,
        warnings,
        sources: parts.map(p => p.file).filter((f, i, all) => all.indexOf(f) === i),
    };
    const thresholdCounts = addThresholds(model);
    return { model, counts: countEdition(model, parts, thresholdCounts, sensitiveList, verySensitiveList) };
}

/** "DUAL-USE LIST - CATEGORY 3 - ELECTRONICS" in the running header or the first lines. */
function categoryTitle(part: SourcePart & { margins?: string }): string | undefined {
    const candidates = [part.margins ?? '', ...part.paragraphs.slice(0, 5).map(p => cleanFields(p.text))];
    for (const text of candidates) {
        const match = /CATEGORY\s+\d\s*[-–—]\s*([^\n_]+?)\s*(?:\n|_|$)/i.exec(text);
        if (match) return titleCase(match[1].trim());
    }
    return undefined;
}

function titleCase(text: string): string {
    if (text !== text.toUpperCase()) return text;
    const small = new Set(['and', 'of', 'the', 'for', 'in', 'to']);
    return text.toLowerCase().replace(/[a-z][a-z'-]*/g, (w, offset: number) => offset > 0 && small.has(w) ? w : w[0].toUpperCase() + w.slice(1));
}

/** GTN and GSN, acronyms, statements of understanding: kept whole, one note per titled section. */
function annexNotes(part: SourcePart): NoteModel[] {
    const notes: NoteModel[] = [];
    let current: NoteModel | undefined;
    for (const paragraph of part.paragraphs) {
        const text = cleanFields(paragraph.text);
        if (/^[_\s]+$/.test(text)) continue;
        const startsSection = text === text.toUpperCase() && /[A-Z]{4}/.test(text) && text.length < 100;
        if (!current || (startsSection && current.text.includes('\n'))) {
            current = { kind: parseNoteStart(paragraph.text)?.kind === 'nb' ? 'nb' : 'note', text };
            notes.push(current);
        } else {
            current.text += `\n${text}`;
        }
    }
    return notes;
}

export function indexItems(categories: CategoryModel[]): Map<string, ItemModel> {
    const index = new Map<string, ItemModel>();
    const visit = (item: ItemModel) => {
        index.set(item.code, item);
        item.children.forEach(visit);
    };
    for (const category of categories) {
        category.groups.forEach(g => g.entries.forEach(visit));
        category.items.forEach(visit);
    }
    return index;
}

export function forEachItem(categories: CategoryModel[], visit: (item: ItemModel, depth: number, parent?: ItemModel) => void): void {
    const walk = (item: ItemModel, depth: number, parent?: ItemModel) => {
        visit(item, depth, parent);
        item.children.forEach(c => walk(c, depth + 1, item));
    };
    for (const category of categories) {
        category.groups.forEach(g => g.entries.forEach(e => walk(e, 0)));
        category.items.forEach(i => walk(i, 1));
    }
}

export interface ThresholdCounts { seen: number; parsed: number; guessed: number; unexpressed: number }

/**
 * Reads the thresholds of every item and declares the parameters they use, one per quantity of
 * the vocabulary: for a WA edition, and for a national list read from a sheet.
 */
export function addThresholds(model: Pick<EditionModel, 'categories' | 'parameters'>, options: { decimalComma?: boolean } = {}): ThresholdCounts {
    // A list that writes decimals with a comma ("0,254 mm", the EU's) is read with points; the
    // phrases are the list's own words again (a comma for a point keeps every position).
    const reading = (text: string | undefined) => (options.decimalComma && text ? text.replace(/(\d),(\d)/g, '$1.$2') : text);
    const parameters = new Map<string, ParameterModel>();
    const parameterFor = (dimension: string, measure: string | undefined, before: string): string => {
        const wanted = namedParameter(dimension, measure, before);
        // Two measures can still meet in one name with different dimensions (a measure word and a
        // bare dimension of the same spelling): the dimension then follows, as for any other.
        const existing = parameters.get(wanted.name);
        const name = existing && existing.dimension !== wanted.dimension ? identifier(`${wanted.name}_${wanted.dimension}`) : wanted.name;
        if (!parameters.has(name)) parameters.set(name, { name, dimension: wanted.dimension, description: wanted.description });
        return name;
    };
    const counts: ThresholdCounts = { seen: 0, parsed: 0, guessed: 0, unexpressed: 0 };
    forEachItem(model.categories, (item, _depth, parent) => {
        if (!item.text) return;
        const text = reading(item.text)!;
        const parsed = parseThresholds(text, parameterFor, reading(parent?.text));
        const read = unambiguous([...leadInThresholds(reading(parent?.text), text, parameterFor), ...parsed.thresholds], text);
        const own = item.text;
        item.thresholds.push(...(text === own ? read : read.map(t => ({ ...t, phrase: own.substr(text.indexOf(t.phrase), t.phrase.length) }))));
        counts.seen += parsed.seen;
        counts.parsed += parsed.parsed;
        counts.guessed += parsed.guessedExponents;
        counts.unexpressed += parsed.unexpressed.length;
        if (/\ball of the following\b/i.test(item.text)) item.combinator = 'all-of';
        else if (/\b(any|one or more) of the following\b/i.test(item.text)) item.combinator = 'any-of';
    });
    model.parameters = [...parameters.values()].sort((a, b) => a.name.localeCompare(b.name));
    return counts;
}

/**
 * One parameter read from two phrases of one item ("particle size equal to or less than 5 µm
 * and no more than 10% of the particles larger than 10 µm") usually means two different things
 * measured alike: such thresholds are left out rather than combined into a wrong condition;
 * unless the phrases are two alternatives of the same parameters (see asChoice).
 */
function unambiguous(thresholds: ThresholdModel[], text: string): ThresholdModel[] {
    const phrases = new Map<string, Set<string>>();
    for (const t of thresholds) phrases.set(t.parameter, (phrases.get(t.parameter) ?? new Set()).add(t.phrase));
    const twice = [...phrases.keys()].filter(parameter => phrases.get(parameter)!.size > 1);
    if (twice.length > 0 && asChoice(thresholds, twice, text)) return thresholds;
    return thresholds.filter(t => phrases.get(t.parameter)!.size === 1);
}

/**
 * Two alternatives of several parameters at once: "an output power of 1 kW or more in the
 * frequency range of 1.5 MHz or more but less than 30 MHz, or 250 W or more in the frequency
 * range of 30 MHz or more but not exceeding 87.5 MHz" (5.A.1.b.2.b, every edition). Where the
 * phrases of the parameters read twice fall in two runs joined by ", or", each run naming each
 * of them once, the thresholds of each run are one option of an `either` choice (marked on them);
 * else false.
 */
function asChoice(thresholds: ThresholdModel[], twice: string[], text: string): boolean {
    // Where each phrase stands, in text order (thresholds come in text order; a range is two of one phrase).
    const spans: Array<{ phrase: string; start: number; end: number }> = [];
    let from = 0;
    for (const t of thresholds) {
        if (spans.some(span => span.phrase === t.phrase)) continue;
        const start = text.indexOf(t.phrase, from);
        if (start < 0) return false;
        spans.push({ phrase: t.phrase, start, end: start + t.phrase.length });
        from = start + t.phrase.length;
    }
    const inTwice = (span: { phrase: string }) => thresholds.some(t => t.phrase === span.phrase && twice.includes(t.parameter));
    const runs = spans.filter(inTwice);
    for (let split = 1; split < runs.length; split++) {
        const [first, second] = [runs.slice(0, split), runs.slice(split)];
        const parametersOf = (run: typeof runs) => thresholds.filter(t => run.some(span => span.phrase === t.phrase) && twice.includes(t.parameter)).map(t => t.parameter);
        const once = (run: typeof runs) => twice.every(p => new Set(parametersOf(run)).has(p)) && twice.every(p => run.filter(span => thresholds.some(t => t.phrase === span.phrase && t.parameter === p)).length === 1);
        const between = text.slice(first[first.length - 1].end, second[0].start);
        // Joined by ", or" and a few words at most ("..., or 250 W or more", "..., or with a power of").
        if (!once(first) || !once(second) || !/^\s*,\s*or\b[^;:,]{0,40}$/.test(between)) continue;
        const option = (t: ThresholdModel) => first.some(span => span.phrase === t.phrase) ? 1 : second.some(span => span.phrase === t.phrase) ? 2 : undefined;
        for (const t of thresholds) {
            const which = option(t);
            if (which !== undefined) t.either = [1, which];
        }
        return true;
    }
    return false;
}



function countEdition(model: EditionModel, parts: SourcePart[], thresholds: ThresholdCounts, sensitiveList: ImportCounts['sensitiveList'], verySensitiveList: ImportCounts['verySensitiveList']): ImportCounts {
    const tiers: Record<string, number> = { 'dual-use': 0, sensitive: 0, 'very-sensitive': 0, munitions: 0 };
    let notes = model.notes.length + model.definitionNotes.length;
    let thresholdCount = 0;
    const categories = model.categories.map(category => {
        let entries = 0;
        let items = 0;
        let reserved = 0;
        notes += category.notes.length + category.groups.reduce((n, g) => n + g.notes.length, 0);
        forEachItem([category], (item, depth) => {
            if (depth === 0) entries++;
            else items++;
            if (item.reservedSince !== undefined || item.reserved) reserved++;
            notes += item.notes.length;
            thresholdCount += item.thresholds.length;
            for (const tier of item.tiers) tiers[tier]++;
            if (!item.tiers.length) tiers[category.code.startsWith('ML') ? 'munitions' : 'dual-use']++;
        });
        return { code: category.code, entries, items, reserved };
    });
    return {
        parts: parts.map(p => ({ file: p.file, kind: p.kind + (p.category !== undefined ? ` ${p.category}` : ''), paragraphs: p.paragraphs.length })),
        categories,
        tiers,
        notes,
        definitions: model.definitions.length,
        thresholds: thresholdCount,
        phrasesSeen: thresholds.seen,
        phrasesParsed: thresholds.parsed,
        guessedExponents: thresholds.guessed,
        unexpressedPhrases: thresholds.unexpressed,
        sensitiveList,
        verySensitiveList,
    };
}
