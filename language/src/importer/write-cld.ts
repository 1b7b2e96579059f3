/**
 * Prints an imported edition as CLD, indented as the formatter would. Every text is kept
 * verbatim; thresholds read from a text follow it, each with the phrase it came from.
 *
 * The writer also says which output line holds which threshold and which item header, so that
 * the importer can take back a threshold the validator rejects (see import-edition.ts).
 */
import { quoteText } from '../value-converter.js';
import type { BoundModel, CategoryModel, DefinitionModel, EditionModel, GroupModel, ItemModel, NoteModel, QuantityModel, ThresholdModel } from './model.js';

export interface WrittenEdition {
    text: string;
    /** 0-based line → the threshold printed there and its item. */
    thresholdLines: Map<number, { item: ItemModel; threshold: ThresholdModel }>;
    /** 0-based line → the item whose header (with its combinator) is printed there. */
    itemLines: Map<number, ItemModel>;
}

const INDENT = '    ';

class Printer {
    readonly lines: string[] = [];
    readonly thresholdLines = new Map<number, { item: ItemModel; threshold: ThresholdModel }>();
    readonly itemLines = new Map<number, ItemModel>();

    line(depth: number, text: string): number {
        // Texts may hold line breaks; the line index that matters is where the statement starts.
        const index = this.lines.length;
        this.lines.push(...(INDENT.repeat(depth) + text).split('\n'));
        return index;
    }
}

export function writeEdition(model: EditionModel): WrittenEdition {
    return writeList({
        comments: [`${model.listId}, imported by \`cld import\` from: ${model.sources.join(', ')}.`, 'Generated: re-import rather than edit. Item texts are verbatim; thresholds were read from them.'],
        title: model.title, id: model.listId, edition: String(model.year), date: model.date, numbering: 'wassenaar', implements: [],
        parameters: model.parameters, notes: model.notes, definitions: model.definitions, definitionNotes: model.definitionNotes, categories: model.categories,
    });
}

/** A list to write: the header's parts, and the body an import builds (a WA edition's, or a national list's from a sheet). */
export interface ListToWrite extends Pick<EditionModel, 'parameters' | 'notes' | 'definitions' | 'definitionNotes' | 'categories'> {
    /** Lines of `//` comment above the header. */
    comments: string[];
    title: string;
    id: string;
    edition?: string;
    date?: string;
    numbering: 'wassenaar' | 'eccn';
    implements: Array<{ regime: string; edition?: string }>;
}

export function writeList(model: ListToWrite): WrittenEdition {
    const out = new Printer();
    for (const comment of model.comments) out.line(0, `// ${comment}`);
    out.line(0, `list ${quoteText(model.title)}`);
    out.line(0, `id ${quoteText(model.id)}`);
    if (model.edition !== undefined) out.line(0, `edition ${quoteText(model.edition)}${model.date ? ` date ${model.date}` : ''}`);
    out.line(0, `numbering ${model.numbering}`);
    for (const implemented of model.implements) out.line(0, `implements ${implemented.regime}${implemented.edition ? ` ${quoteText(implemented.edition)}` : ''}`);
    if (model.parameters.length > 0) out.line(0, '');
    for (const parameter of model.parameters) {
        out.line(0, `parameter ${parameter.name}: ${parameter.dimension}${parameter.description ? ` ${quoteText(parameter.description)}` : ''}`);
    }
    if (model.notes.length > 0) out.line(0, '');
    for (const note of model.notes) writeNote(out, 0, note);
    writeDefinitions(out, model.definitions, model.definitionNotes);
    for (const category of model.categories) writeCategory(out, category);
    return { text: out.lines.join('\n') + '\n', thresholdLines: out.thresholdLines, itemLines: out.itemLines };
}

/** A definition's places of use ("Cat 2, 3, 6") open its text in brackets, so nothing of the DEF part is lost. */
export function definitionText(definition: DefinitionModel): string {
    return definition.usedIn ? `[${definition.usedIn}] ${definition.text}` : definition.text;
}

function writeDefinitions(out: Printer, definitions: DefinitionModel[], notes: NoteModel[]): void {
    if (definitions.length === 0 && notes.length === 0) return;
    out.line(0, '');
    out.line(0, 'definitions {');
    for (const note of notes) writeNote(out, 1, note);
    for (const definition of definitions) out.line(1, `term ${quoteText(definition.term)} ${quoteText(definitionText(definition))}`);
    out.line(0, '}');
}

function writeCategory(out: Printer, category: CategoryModel): void {
    out.line(0, '');
    const title = category.code.startsWith('ML') ? category.text : category.title;
    const tiers = category.tiers.length ? ` tier ${category.tiers.join(' ')}` : '';
    out.line(0, `category ${category.code}${title ? ` ${quoteText(title)}` : ''}${tiers} {`);
    for (const note of category.notes) writeNote(out, 1, note);
    for (const group of category.groups) writeGroup(out, group);
    for (const item of category.items) writeItem(out, 1, item, 'item');
    out.line(0, '}');
}

function writeGroup(out: Printer, group: GroupModel): void {
    out.line(1, `group ${group.letter}${group.title ? ` ${quoteText(group.title)}` : ''} {`);
    for (const note of group.notes) writeNote(out, 2, note);
    for (const entry of group.entries) writeItem(out, 2, entry, 'entry');
    out.line(1, '}');
}

function writeItem(out: Printer, depth: number, item: ItemModel, keyword: 'entry' | 'item'): void {
    const parts = [keyword, keyword === 'entry' ? item.code : item.label];
    if (item.reservedSince !== undefined) parts.push(`reserved since ${item.reservedSince}`);
    else if (item.reserved) parts.push('reserved');
    if (item.text !== undefined) parts.push(quoteText(item.text));
    if (item.tiers.length > 0) parts.push(`tier ${item.tiers.join(' ')}`);
    if (item.precedent) parts.push(`precedent ${item.precedent}`);
    if (item.combinator) parts.push(item.combinator);
    const hasBody = item.thresholds.length + item.notes.length + item.children.length > 0;
    const line = out.line(depth, parts.join(' ') + (hasBody ? ' {' : ';'));
    out.itemLines.set(line, item);
    if (!hasBody) return;
    for (const threshold of item.thresholds.filter(t => t.either === undefined)) {
        out.thresholdLines.set(out.line(depth + 1, thresholdText(threshold)), { item, threshold });
    }
    writeChoices(out, depth + 1, item);
    for (const note of item.notes) writeNote(out, depth + 1, note);
    for (const child of item.children) writeItem(out, depth + 1, child, 'item');
    out.line(depth, '}');
}

/** Alternatives of several parameters at once: `either {` one option's thresholds `} or {` the next's `}`; an option for one kind of thing says so (`or for "aluminized compositions" {`). */
function writeChoices(out: Printer, depth: number, item: ItemModel): void {
    for (const line of choiceLines(item.thresholds)) {
        if (line.threshold) out.thresholdLines.set(out.line(depth + 1, thresholdText(line.threshold)), { item, threshold: line.threshold });
        else out.line(depth, line.text);
    }
}

/**
 * The lines of an item's `either` choices, in order: each opening and closing line as text, and
 * each threshold of an option (to be written one level in). For the importer's model and, from
 * the flat model, for what is written into a national list (national/wa-item-text.ts).
 */
export function choiceLines<T extends { either?: [number, number]; kind?: string }>(thresholds: T[]): Array<{ text: string; threshold?: undefined } | { threshold: T }> {
    const lines: Array<{ text: string; threshold?: undefined } | { threshold: T }> = [];
    const choices = [...new Set(thresholds.flatMap(t => t.either ? [t.either[0]] : []))].sort((a, b) => a - b);
    for (const choice of choices) {
        const inChoice = thresholds.filter(t => t.either?.[0] === choice);
        const options = [...new Set(inChoice.map(t => t.either![1]))].sort((a, b) => a - b);
        options.forEach((option, index) => {
            const kind = inChoice.find(t => t.either![1] === option)?.kind;
            const opening = kind === undefined ? '{' : `for ${quoteText(kind)} {`;
            lines.push({ text: index === 0 ? `either ${opening}` : `} or ${opening}` });
            for (const threshold of inChoice.filter(t => t.either![1] === option)) lines.push({ threshold });
        });
        lines.push({ text: '}' });
    }
    return lines;
}

export function thresholdText(threshold: ThresholdModel): string {
    const bounds = [threshold, ...(threshold.alternatives ?? [])].map(boundText).join(' or ');
    return `${threshold.parameter} ${bounds} ${quoteText(threshold.phrase)}`;
}

function boundText(bound: BoundModel): string {
    if (bound.comparator && bound.formula) return `${bound.comparator} formula ${quoteText(bound.formula.expression)}${bound.formula.unit ? ` ${bound.formula.unit}` : ''}`;
    return bound.comparator ? `${bound.comparator} ${quantityText(bound.value!)}` : `from ${quantityText(bound.low!)} to ${quantityText(bound.high!)}`;
}

function quantityText(quantity: QuantityModel): string {
    return quantity.unit ? `${quantity.value} ${quantity.unit}` : quantity.value;
}

function writeNote(out: Printer, depth: number, note: NoteModel): void {
    out.line(depth, `${note.kind} ${quoteText(note.text)}`);
}
