/**
 * Which item, group or category a note belongs to, as the item tree builder (structure.ts) reads
 * the paragraphs: by the items the note names, by where it stands on the page (note-indents.ts),
 * by its indentation, or the item opened last. A heading alone ("Technical Note") is placed where
 * it stands and moved by its first line and later numbered paragraphs.
 */
import type { CategoryModel, GroupModel, ItemModel, NoteModel } from './model.js';
import { firstSentence, mentionedCodes, namedCodes } from './notes.js';
import { definedTerm, type NoteOwner, quotesTerm } from './note-runs.js';
import type { ItemIndents } from './note-indents.js';
import { type SourceParagraph, splitFields } from './source.js';

/** What note placement reads of the builder's state. */
export interface OpenItems {
    /** open()[i] is the item whose code has (base + i) parts: the entry (or ML category), then its items. */
    open(): readonly ItemModel[];
    group(): GroupModel | undefined;
    category(): CategoryModel | undefined;
    /** Whether a category (dual-use or munitions) has been met. */
    anyCategory(): boolean;
    /** Notes met before any category: the whole list's. */
    listNotes(): NoteModel[];
    /** How many tabs the label lines of the item's sub-items had, where known. */
    childLabelDepth(item: ItemModel): number | undefined;
    warn(paragraph: SourceParagraph, message: string): void;
}

/**
 * The run of sub-items a note's first sentence speaks of ("Instrumentation cameras, controlled by
 * 6.A.3.a.3. to 6.A.3.a.5., with modular structures ..."): the parent's code and the two ends.
 * Not a range that defines something else ("frequencies listed in more than one frequency range,
 * as defined by 3.A.1.b.4.a.1. to 3.A.1.b.4.a.4."), nor a cross-reference or a stated move.
 */
export function spokenRange(text: string): { parent: string; first: string; last: string } | undefined {
    if (/^(?:N\.B\.\s*)?See\b/i.test(text.trim()) || /\b(?:previously|formerly)\b/i.test(text)) return undefined;
    const range = RANGE.exec(firstSentence(text));
    if (!range) return undefined;
    const [first, last] = [range[1], range[2]].map(code => code.replace(/\s/g, ''));
    const parent = first.slice(0, first.lastIndexOf('.'));
    return parent === last.slice(0, last.lastIndexOf('.')) ? { parent, first, last } : undefined;
}

/** The sub-items of `owner` from the range's first to its last, or undefined where it has not both. */
export function runOf(owner: ItemModel, range: { first: string; last: string }): ItemModel[] | undefined {
    const from = owner.children.findIndex(child => child.code === range.first);
    const to = owner.children.findIndex(child => child.code === range.last);
    return from >= 0 && to > from ? owner.children.slice(from, to + 1) : undefined;
}

/** "6.A.3.a.3. to 6.A.3.a.5.", "3.A.1.b.3.a. through 3.A.1.b.3.e.": two full codes of one list and the run between them. */
const RANGE = /(?<!not (?:specified|controlled) (?:by|in) |defined (?:by|in) )\b((?:ML\s?\d{1,2}|\d\.\s?[A-E]\.\s?\d{1,3})(?:\.\s?[a-z0-9]{1,3})+)\.?\s+(?:to|through)\s+((?:ML\s?\d{1,2}|\d\.\s?[A-E]\.\s?\d{1,3})(?:\.\s?[a-z0-9]{1,3})+)\b/;

export class NoteOwners {
    constructor(private readonly state: OpenItems, private readonly indents: ItemIndents) {}

    /**
     * The items the note names in its first words ("3.A.1.a.1.c. does not apply", "For the purposes
     * of 6.C.2.b.1.", "The control in ML10.b. and ML10.d.", "2.B.5.a., 2.B.5.b. and 2.B.5.f. do not
     * control"), else the item opened last, else the group or category.
     */
    noteOwners(text: string, paragraph: SourceParagraph): NoteOwner[] {
        const named = namedCodes(text).map(code => this.findItem(code)).filter((item): item is ItemModel => item !== undefined);
        if (named.length > 0) return [...new Set(named)];
        const ranged = this.rangeSpoken(text);
        if (ranged) return ranged;
        // A note at the margin (shallower than any item) after the last sub-item that speaks of one of the open items above
        // it in its first sentence ("The glass transition temperature (Tg) for 1.C.10.e. materials
        // is ...") is that item's.
        const mentioned = mentionedCodes(firstSentence(text));
        const above = this.state.open().slice(0, -1).filter(item => mentioned.includes(item.code));
        const margin = this.state.open().length > 0 && splitFields(paragraph.text).depth < this.state.open()[0].code.split('.').length;
        if (mentioned.length === 1 && above.length === 1 && margin) return above;
        // A note after the last sub-item whose first sentence says what it applies to, an open item
        // and others ("The cultures ... specified by [listed in] ML7.h. and ML7.i.2. are exclusive"), is the note
        // of each. ("Frequencies listed in more than one frequency range, as defined by 3.A.1.b.2.a. ..." is no such subject.)
        const subjects = /\b(?:specified (?:in|by)\s+|listed in\s+(?=(?:ML)?\d))([^;:]*?)\s+(?:are|is|do|does)\b/.exec(firstSentence(text))?.[1];
        const spoken = subjects && !/previously|formerly/i.test(text) ? mentionedCodes(subjects).map(code => this.findItem(code)) : [];
        if (spoken.length > 1 && spoken.every(item => item !== undefined) && spoken.some(item => this.state.open().includes(item!))) return [...new Set(spoken as ItemModel[])];
        return [this.notReferring(text, this.noteOwner(paragraph))];
    }

    /**
     * A note whose first sentence speaks of a run of sub-items of an open item ("Instrumentation
     * cameras, controlled by 6.A.3.a.3. to 6.A.3.a.5., with modular structures should be evaluated
     * ...", 1999-2013; "The status of a transistor in 3.A.1.b.3.a. to 3.A.1.b.3.e. whose rated
     * operating frequency includes ..." 2025), set under that item: the note of each of them.
     */
    private rangeSpoken(text: string): ItemModel[] | undefined {
        const range = spokenRange(text);
        const owner = range && this.state.open().find(item => item.code === range.parent);
        return owner ? runOf(owner, range!) : undefined;
    }

    /**
     * A cross-reference ("See also 5.A.2.b., 5.D.2.d. and 5.E.2.b.") sends the reader to the items
     * it names, so it is never the note of one of them: placed on one (the last open item, 5.A.2.b,
     * after 5.A.2's Note in 2014-2021), it goes to the open item above.
     */
    private notReferring(text: string, owner: NoteOwner): NoteOwner {
        const code = (owner as Partial<ItemModel>).code;
        // (Not a stated move, "See 5.A.1.f. for items previously specified by 5.A.1.i.": the withdrawn item's own note.)
        if (code === undefined || !/^(?:N\.B\.\s*)?See\b/i.test(text.trim()) || /\b(?:previously|formerly)\b/i.test(text) || !mentionedCodes(text).includes(code)) return owner;
        const open = this.state.open();
        const index = open.indexOf(owner as ItemModel);
        return index > 0 ? open[index - 1] : owner;
    }

    /**
     * A heading alone on its line ("Technical Note") was placed where it stands; its first line
     * ("For the purposes of 6.C.2.b.1., ...") may name the items it is about: it moves there.
     */
    placeByFirstLine(note: NoteModel, firstLine: string, paragraph: SourceParagraph): void {
        const owners = this.parentOfMentioned(firstLine) ?? this.termUser(firstLine, this.noteOwners(firstLine, paragraph));
        const current = this.noteOwner(paragraph);
        if (owners.length === 1 && owners[0] === current) return;
        for (const holder of new Set<NoteOwner>([current, ...this.state.open(), ...owners])) {
            const index = holder.notes.indexOf(note);
            if (index >= 0) holder.notes.splice(index, 1);
        }
        for (const owner of owners) owner.notes.push(note);
        this.placedByName = { note, owners };
    }

    /**
     * A first line that speaks of several sub-items of one open item without naming them first
     * ("For the purpose of calculating "specific tensile strength" ... in 1.C.10.a., 1.C.10.b. or
     * 1.C.10.c.", set after 1.C.10.c's note in 2013) is about that item: [it], else undefined.
     */
    private parentOfMentioned(firstLine: string): NoteOwner[] | undefined {
        if (namedCodes(firstLine).length > 0) return undefined;
        const items = mentionedCodes(firstSentence(firstLine)).map(code => this.findItem(code));
        if (items.length < 2 || items.some(item => item === undefined)) return undefined;
        const parents = new Set(items.map(item => item!.code.slice(0, item!.code.lastIndexOf('.'))));
        const parent = parents.size === 1 ? this.state.open().find(item => item.code === [...parents][0]) : undefined;
        return parent ? [parent] : undefined;
    }

    /**
     * A note that opens by defining a term ("1. 'Real-time bandwidth' is ...") placed on an open
     * item none of whose text quotes it belongs to the open item above whose items do (the
     * Technical Notes set at 3.A.2.c.4.b's text define a term of 3.A.2.c.4.a: 3.A.2.c.4's).
     */
    private termUser(firstLine: string, owners: NoteOwner[]): NoteOwner[] {
        const term = definedTerm(firstLine);
        const index = owners.length === 1 ? this.state.open().indexOf(owners[0] as ItemModel) : -1;
        if (term === undefined || index < 0 || quotesTerm(this.state.open()[index], term)) return owners;
        const user = this.state.open().slice(0, index).reverse().find(item => quotesTerm(item, term));
        return user ? [user] : owners;
    }

    /**
     * A later numbered paragraph of a Technical Note placed by its first one that names other items
     * is a note of those items ("1. 'Real-time bandwidth' is ..." on 3.A.2.c.4, then "2. Probability
     * of discovery in 3.A.2.c.4.b.1. is ...", 2010-2025; "2. For the purposes of 1.C.10.e.2.
     * materials, ..." after "1. For the purposes of 1.C.10.e. and Note 1, ...", 2025): the new note,
     * set on them, which the paragraphs after it go on with. undefined: the paragraph stays.
     */
    splitByParagraph(note: NoteModel, label: string, text: string): NoteModel | undefined {
        const placed = this.placedByName;
        if (placed?.note !== note || note.kind !== 'technical-note') return undefined;
        // The items its opening names, or that its first sentence speaks of within the same entry
        // ("Probability of discovery in 3.A.2.c.4.b.1. is also referred to as ...").
        const entryOf = (code: string) => code.split('.').slice(0, code.startsWith('ML') ? 1 : 3).join('.');
        const entries = new Set(placed.owners.map(owner => entryOf((owner as Partial<ItemModel>).code ?? '')));
        const opening = namedCodes(text);
        const codes = opening.length > 0 ? opening : mentionedCodes(firstSentence(text)).filter(code => entries.has(entryOf(code)));
        const named = [...new Set(codes.map(code => this.findItem(code)).filter((item): item is ItemModel => item !== undefined))];
        if (named.length === 0 || named.every(item => placed.owners.includes(item))) return undefined;
        const split: NoteModel = { kind: note.kind, text: `${label}. ${text}` };
        for (const item of named) item.notes.push(split);
        this.placedByName = { note: split, owners: named };
        return split;
    }

    /** A note placed by the items its first paragraph names, and those items (see widenByParagraph). */
    private placedByName: { note: NoteModel; owners: NoteOwner[] } | undefined;

    /**
     * A later numbered paragraph of a note placed by its first one that names other items ("1. For
     * the purpose of 3.E.2.a. and 3.E.2.b., ... 2. For the purpose of 3.E.2.c., ...") makes it the
     * note of the item above all of them (3.E.2).
     */
    widenByParagraph(note: NoteModel, text: string): void {
        const placed = this.placedByName;
        if (placed?.note !== note) return;
        const named = namedCodes(text).map(code => this.findItem(code)).filter((item): item is ItemModel => item !== undefined);
        if (named.length === 0 || named.every(item => placed.owners.includes(item))) return;
        const codes = [...placed.owners, ...named].map(owner => ((owner as Partial<ItemModel>).code ?? '').split('.'));
        const common: string[] = [];
        while (codes.every(code => code[common.length] !== undefined && code[common.length] === codes[0][common.length])) common.push(codes[0][common.length]);
        const above = common.length > 2 || common[0]?.startsWith('ML') ? this.findItem(common.join('.')) : undefined;
        if (!above) return;
        for (const owner of placed.owners) if (owner.notes.includes(note)) owner.notes.splice(owner.notes.indexOf(note), 1);
        if (!above.notes.includes(note)) above.notes.push(note);
        this.placedByName = { note, owners: [above] };
    }

    /** An item of the current category by its full code. */
    findItem(code: string): ItemModel | undefined {
        const openItems = this.state.open();
        const open = openItems.find(candidate => candidate.code === code) ?? (openItems[0] && findByCode(openItems[0], code));
        const category = this.state.category();
        if (open || !category) return open;
        const tops = [...category.items, ...category.groups.flatMap(g => g.entries)];
        for (const top of tops) {
            const found = findByCode(top, code);
            if (found) return found;
        }
        return undefined;
    }

    /**
     * The item opened last, else the group or category. A note set on the page where an open
     * item's text begins is that item's (note-indents.ts). A note indented like the labels of some
     * open item's children ("\t\t\t\t\tN.B." after 3.A.1.e.2.b.4, at the depth of 3.A.1.e.2's a. and
     * b.) belongs to that item, not to the last one; notes at the margin cannot say, and stay
     * with the item above them.
     */
    noteOwner(paragraph: SourceParagraph): NoteOwner {
        const set = this.indents.ownerOf(paragraph, this.state.open());
        if (set) return set;
        const { depth } = splitFields(paragraph.text);
        if (depth > 0 && this.state.open().length > 1) {
            // Where the document wrote an open item's sub-items with these tabs, that item: its
            // tabs need not follow the code's depth ("\t\t\tTechnical Notes" after ML9.a.2.c.2,
            // whose list is set at three tabs though a.2's own is at two, 2008-2021).
            const open = this.state.open();
            for (let i = open.length - 2; i >= 0; i--) if (this.state.childLabelDepth(open[i]) === depth) return open[i];
            const index = depth - open[0].code.split('.').length;
            if (index >= 0 && index < open.length - 1) return open[index];
        }
        if (this.state.open().length > 0) return this.state.open()[this.state.open().length - 1];
        const container = this.state.group() ?? this.state.category();
        if (container) return container;
        if (!this.state.anyCategory()) return { notes: this.state.listNotes() };
        this.state.warn(paragraph, 'a note outside any category; kept with the list');
        return { notes: this.state.listNotes() };
    }
}

/** The item `code` names at or below `top`, if it has been read. */
export function findByCode(top: ItemModel, code: string): ItemModel | undefined {
    if (top.code === code) return top;
    if (!code.startsWith(`${top.code}.`)) return undefined;
    for (const child of top.children) {
        const found = findByCode(child, code);
        if (found) return found;
    }
    return undefined;
}

/**
 * A note whose first words name items below the one it stands under, which were not read yet
 * when it was placed ("Note 6 For the purposes of 6.A.5.a. and 6.A.5.b., 'single transverse
 * mode' refers to ..." at 6.A.5's head, 2018-2025): theirs, now that all are read.
 */
export function placeNotesNamingLater(categories: CategoryModel[], mlRoots: ItemModel[]): void {
    const visit = (item: ItemModel) => {
        for (const note of [...item.notes]) {
            // A run of its sub-items the note speaks of, read after it ("Instrumentation cameras,
            // controlled by 6.A.3.a.3. to 6.A.3.a.5., ..." under 6.A.3.a's heading, 1999-2013).
            const range = spokenRange(note.text);
            const run = range?.parent === item.code ? runOf(item, range) : undefined;
            if (run) {
                item.notes.splice(item.notes.indexOf(note), 1);
                for (const found of run) if (!found.notes.includes(note)) found.notes.push(note);
                continue;
            }
            const codes = namedCodes(note.text);
            if (codes.length === 0 || !codes.every(code => code.startsWith(`${item.code}.`))) continue;
            const named = codes.map(code => findByCode(item, code));
            if (named.some(found => found === undefined)) continue;
            item.notes.splice(item.notes.indexOf(note), 1);
            for (const found of new Set(named)) if (!found!.notes.includes(note)) found!.notes.push(note);
        }
        item.children.forEach(visit);
    };
    for (const category of categories) category.groups.forEach(group => group.entries.forEach(visit));
    // A munitions category is its root item, whose notes are the category's.
    mlRoots.forEach(visit);
}
