/**
 * Rebuilds the items of a dual-use category part or of the munitions list from paragraphs in
 * the Word layout (see source.ts).
 *
 * The documents write a full code part by part (`3.\tA.\t1.\ta.\t1.\tText`) and give deeper
 * items only their own label after one tab per code part above them, so the full code of
 * `\t\t\t\t\ta.` is the code of the item four parts deep that was opened last, plus `a`. The
 * parser keeps that chain of open items. Notes open with `Note`, `N.B.` or `Technical Note` and
 * take every following line that is not an item; they belong to the item opened last, or to
 * the item their first words name ("Note 3.A.1.a.1.c. does not apply to ...").
 */
import type { CategoryModel, GroupModel, ImportWarning, ItemModel, NoteModel } from './model.js';
import { isSuccessor, LABEL, nextLabel, parseCodeLine, type CodeLine } from './labels.js';
import { isContinuation, namedCodes, noteIntroducesList, noteListHasPredecessor, noteRunsList, pageContinuation, parseNoteStart, type ParsedNote } from './notes.js';
import { cleanFields, type SourceParagraph, splitFields } from './source.js';
import { NoteRuns, type NoteOwner, speaksOf } from './note-runs.js';
import { LabelLevels } from './label-levels.js';
import { ItemIndents } from './note-indents.js';
import { NoteOwners } from './note-owners.js';
import { continuesText, itemsCreatedSoFar, newItem, setItemText } from './item-text.js';

const RULE = /^[_\-=\s*]{5,}$/;
const NAMED_NOTE_HEADING = /^((?:ML\s?\d+|\d\.\s?[A-E]\.\s?\d+)(?:\.[a-z0-9]+)*\.)\s+((?:Technical\s+)?Notes?(?:\s+\d+)?)\.?$/;
/**
 * Parses one category part (dual-use) into `category`, or the munitions part into ML
 * categories. Several parts may feed one category (Category 5 in two parts).
 */
export class ItemTreeBuilder {
    private readonly categories = new Map<string, CategoryModel>();
    private category: CategoryModel | undefined;
    private group: GroupModel | undefined;
    /** open[i] is the item whose code has (base + i) parts: the entry (or ML category), then its items. */
    private open: ItemModel[] = [];
    private note: NoteModel | undefined;
    /** The item a paragraph without a label continues (text broken by a manual line break). */
    private continuable: ItemModel | undefined;
    /** The item whose text announces the table being read ("the following table"), if any. */
    private tableOwner: { category: CategoryModel; item: ItemModel } | undefined;
    private readonly mlRoots = new Map<string, ItemModel>();
    /** Items placed from a bare label line while a note was open, with that note (see openPath). */
    private readonly labelAfterNote = new WeakMap<ItemModel, NoteModel>();
    /** Runs of notes after the last sub-item, and numbered notes in series (note-runs.ts). */
    private readonly runs = new NoteRuns(itemsCreatedSoFar);
    /** Which open item a label line goes under (label-levels.ts). */
    private readonly levels = new LabelLevels(() => this.open);
    /** Where each item's text begins on the page, for the notes set there (note-indents.ts). */
    private readonly indents = new ItemIndents();
    /** Which item a note belongs to (note-owners.ts). */
    private readonly owners = new NoteOwners({
        open: () => this.open,
        group: () => this.group,
        category: () => this.category,
        anyCategory: () => this.categories.size > 0 || this.mlRoots.size > 0,
        listNotes: () => this.listNotes,
        childLabelDepth: item => this.childLabelDepth.get(item),
        warn: (paragraph, message) => this.warn(paragraph, message),
    }, this.indents);
    /** How many tabs the label lines of an item's sub-items were written with, where a label line placed one. */
    private readonly childLabelDepth = new WeakMap<ItemModel, number>();
    /** For each Word list and level (SourceParagraph.list), the item its numbered items were placed under. */
    private readonly listParents = new Map<string, ItemModel>();

    constructor(private readonly warnings: ImportWarning[]) {}

    /** Starts a dual-use category part; its title comes from the running header. */
    startCategory(code: string, title: string | undefined): void {
        let category = this.categories.get(code);
        if (!category) {
            category = { code, title, tiers: ['dual-use'], notes: [], groups: [], items: [] };
            this.categories.set(code, category);
        } else if (title && category.title && !category.title.includes(title)) {
            category.title = `${category.title}; ${title}`;
        }
        this.category = category;
        this.group = undefined;
        this.open = [];
        this.note = undefined;
        this.continuable = undefined;
        this.listNote = undefined;
        this.notesByHeading.clear();
    }

    /** Starts the munitions part: ML1-ML22 become categories as their headings appear. */
    startMunitions(): void {
        this.category = undefined;
        this.group = undefined;
        this.open = [];
        this.note = undefined;
        this.continuable = undefined;
    }

    /** Notes met before any category of the munitions part: they belong to the whole list. */
    readonly listNotes: NoteModel[] = [];

    add(paragraph: SourceParagraph): void {
        this.levels.nextLine();
        const text = paragraph.text;
        const { depth, fields } = splitFields(text);
        if (fields.length === 0 || RULE.test(fields.join(' '))) return;
        // "ML18. Note 2" on a line of its own (2003): a note heading that names its entry, the code
        // and the heading separated by a space rather than a tab.
        const namedHeading = depth === 0 && fields.length === 1 ? NAMED_NOTE_HEADING.exec(fields[0]) : null;
        if (namedHeading) {
            const line = parseCodeLine([namedHeading[1], namedHeading[2]]);
            if (line) return line.parts[0].startsWith('ML') ? this.addMunitionsCodeLine(line, paragraph) : this.addCodeLine(line, paragraph);
        }
        if (this.addCategoryTechnicalNote(cleanFields(text))) return;
        const header = pageContinuation(cleanFields(text));
        const noteStart = parseNoteStart(header ?? text);
        if (noteStart) return this.openNote(noteStart, paragraph);
        if (header !== undefined) return;
        if (depth === 0) {
            const code = parseCodeLine(fields);
            if (code) return this.addCodeLine(code, paragraph);
        }
        const label = LABEL.exec(fields[0]);
        // "\t\tN." is the group's next entry, never one it has passed: entries only go up (the "2." of
        // 9.E.3.c.2, two tabs short in 2013-2021, is no 9.E.2 after 9.E.3).
        if (label && /^\d+$/.test(label[1]) && depth === 2 && this.group && this.category && !this.category.code.startsWith('ML') && (!this.note || this.nextEntryAfterNote(label[1])) && !this.entryPassed(label[1])) {
            return this.addCodeLine({ parts: [this.category.code, this.group.letter, label[1]], text: fields.slice(1).join(' ') }, paragraph);
        }
        if (label && fields[0].endsWith('.') && fields.length > 2 && this.resumeUnderOpenItem(label[1], fields.slice(1), paragraph)) return;
        if (label && fields[0].endsWith('.') && fields.length > 1 && this.open.length > 0) {
            const firstSubLabel = fields.length > 2 && /^(?:1|a)\.$/.test(fields[1]);
            return this.addLabelLine(depth, label[1], fields.slice(1).join(' '), paragraph, firstSubLabel);
        }
        if (/^\*\s*$/.test(fields[0]) || /^\*/.test(fields[0])) {
            // A footnote on the whole list ("* France, the Russian Federation and Ukraine view this
            // list as a reference list ...", 1997-1998, marked in a dual-use category's heading) is the
            // category's; on the munitions list, marked in its title and printed under ML1, the list's.
            if (this.category && /\bthis list\b/i.test(text)) {
                const footnote: NoteModel = { kind: 'note', text: cleanFields(text) };
                const owner = this.category.code.startsWith('ML') ? this.listNotes : this.category.notes;
                // Printed at the foot of a page, it interrupts nothing: what was open goes on after it.
                if (!owner.some(n => n.text === footnote.text)) owner.push(footnote);
                return;
            }
            return this.attachNote({ kind: 'note', text: cleanFields(text) }, paragraph);
        }
        this.addPlainLine(depth, text, paragraph);
    }

    /** `named`: the heading's own line named the item ("ML18. Note 2"), which the note is then of. */
    private openNote(note: ParsedNote, paragraph: SourceParagraph, named = false): void {
        if (this.resumeNoteList(note, paragraph)) return;
        const continued = isContinuation(note) ? this.notesByHeading.get(note.heading) : undefined;
        if (continued) {
            this.note = continued;
            this.listNote = continued;
            this.continuable = undefined;
            return;
        }
        // A page header for a note this part has not opened (or under another heading): the
        // text goes on as it was; the header itself is no text.
        if (isContinuation(note)) return;
        const model: NoteModel = { kind: note.kind, text: note.text };
        if (note.kind === 'note' || note.kind === 'decontrol-note') this.listNote = undefined;

        // Only where nothing else places the note: it names no item and is not indented like one.
        const placed = this.owners.noteOwners(note.text, paragraph);
        // A numbered note whose sentence writes one item's code, in a series, is that item's wherever it stands.
        const mentioned = named ? undefined : this.runs.seriesMention(note, code => this.owners.findItem(code));
        const byDefault = !mentioned && !named && namedCodes(note.text).length === 0 && placed.length === 1 && placed[0] === this.open[this.open.length - 1];
        const series = mentioned ?? (byDefault ? this.runs.seriesOwner(note, code => this.owners.findItem(code) ?? this.mlRoots.get(code)) : undefined);
        const last = this.open[this.open.length - 1];
        const anchored = byDefault && !(last && speaksOf(note.text, last)) ? this.runs.anchor(last) : undefined;
        const crossReference = this.categoryCrossReference(note, paragraph);
        if (series || anchored || crossReference) {
            (crossReference ?? anchored ?? series)!.notes.push(model);
            this.note = model;
            this.continuable = undefined;
        } else {
            this.attachNote(model, paragraph);
        }
        if (byDefault && !series && !anchored && last) this.runs.join(model, last);
        if (last) this.runs.anchorOn(model, this.open);
        this.notesByHeading.set(note.heading, model);
        this.runs.numbered(note.heading, series ? [series] : this.ownersOf(model));
    }

    /**
     * "TECHNICAL NOTE ON 'ADJUSTED PEAK PERFORMANCE' ('APP')" in capitals, after the last entry of
     * Category 4 (on "CTP" until 2006), is a Technical Note of the category with notes of its own:
     * it closes the items above, and its heading repeated at the top of a page goes on with it.
     */
    private addCategoryTechnicalNote(text: string): boolean {
        const heading = /^TECHNICAL NOTES? ON\b(.*)$/.exec(text);
        if (!heading || !this.category) return false;
        const title = `ON${heading[1]}`.replace(/\s*\((?:contd|cont|continued)\.?\)\s*$/i, '').trim();
        const existing = this.category.notes.find(n => n.kind === 'technical-note' && n.text.split('\n')[0] === title);
        this.note = existing ?? { kind: 'technical-note', text: title };
        if (!existing) this.category.notes.push(this.note);
        this.open = [];
        this.group = undefined;
        this.continuable = undefined;
        this.listNote = this.note;
        return true;
    }

    /**
     * The note whose own list is running: unindented labels that continue it are its text, even
     * after a Technical Note or N.B. inside the list, or a page break ("Note 2 cont.").
     */
    private listNote: NoteModel | undefined;
    /** Whether the last line of a note's own list was written shallower than any item (at the margin). */
    private noteListAtMargin = false;
    /** The notes of the current category by heading, so that "Note 2 cont." finds Note 2. */
    private notesByHeading = new Map<string, NoteModel>();

    /**
     * A line "\t\tN." inside a note is the group's next entry when N follows the last entry
     * and the note is not running a numbered list of its own.
     */
    private nextEntryAfterNote(number: string): boolean {
        if (noteIntroducesList(this.note!.text, number) || noteRunsList(this.note!.text, number)) return false;
        const entries = this.group!.entries;
        const last = entries[entries.length - 1];
        return last !== undefined && Number(number) === Number(last.label) + 1;
    }

    /** The group already has an entry numbered after `number`: the line is not that entry. */
    private entryPassed(number: string): boolean {
        return this.group!.entries.some(e => Number(e.label) > Number(number));
    }

    /** The owners a note was attached to. */
    private ownersOf(note: NoteModel): NoteOwner[] {
        const owners: NoteOwner[] = this.open.filter(item => item.notes.includes(note));
        // An ML entry and its category share one notes array: one owner, not two.
        for (const candidate of [this.group, this.category]) if (candidate?.notes.includes(note) && !owners.some(o => o.notes === candidate.notes)) owners.push(candidate);
        for (const item of namedCodes(note.text).map(code => this.owners.findItem(code))) if (item && item.notes.includes(note) && !owners.includes(item)) owners.push(item);
        return owners;
    }

    private attachNote(note: NoteModel, paragraph: SourceParagraph): void {
        // The same note object for every item it names, so that its continuation lines reach all.
        for (const owner of this.owners.noteOwners(note.text, paragraph)) owner.notes.push(note);
        this.note = note;
        this.continuable = undefined;
    }

    private addPlainLine(depth: number, text: string, paragraph: SourceParagraph): void {
        const clean = cleanFields(text);
        if (/^[A-Z][A-Z ,'"-]{2,80}$/.test(clean) && !/^(ANNEX|TABLE)\b/.test(clean) && this.category && (this.group || !this.isHeading(clean))) {
            // A section heading inside a group ("ACOUSTICS", "OPTICS"): kept as a note of the group, closing the items above.
            // Indented like the items of the open entry (6.D.3 in 2007: "ACOUSTICS" before 6.D.3.a, "RADAR"
            // before 6.D.3.h), it heads items of that entry and closes nothing.
            if (this.open.length > 0 && depth >= this.open[0].code.split('.').length) {
                (this.group ?? this.category).notes.push({ kind: 'note', text: clean });
                this.note = undefined;
                this.continuable = undefined;
                return;
            }
            this.open = [];
            this.continuable = undefined;
            this.note = { kind: 'note', text: clean };
            (this.group ?? this.category).notes.push(this.note);
            return;
        }
        if (/^(ANNEX|TABLE)\b/.test(clean) && this.category) {
            // An annex at the end of a category part (such as the list of explosives) is text of the
            // category; a table the item above it announces ("specified in column 3 of the following
            // table", 2.E.3.f), with its pages, notes and Technical Note, is that item's.
            const last = this.open[this.open.length - 1];
            if (last && /\bfollowing table\b/i.test(last.text ?? '')) this.tableOwner = { category: this.category, item: last };
            const owner = /^TABLE\b/.test(clean) && this.tableOwner?.category === this.category ? this.tableOwner.item : this.category;
            this.open = [];
            this.continuable = undefined;
            // The table's heading repeated at the top of each page ("TABLE - DEPOSITION TECHNIQUES -
            // NOTES") goes on with what it heads: where the page breaks fall is no text of the list.
            const begun = owner.notes.find(n => n.text.split('\n')[0] === clean);
            if (begun) {
                this.note = begun;
                return;
            }
            this.note = { kind: 'note', text: clean };
            owner.notes.push(this.note);
            return;
        }
        if (this.note) {
            if (this.note.text === '') this.owners.placeByFirstLine(this.note, clean, paragraph);
            this.note.text = this.note.text ? `${this.note.text}\n${clean}` : clean;
            return;
        }
        if (this.continuable && depth === 0 && this.startsImplicitItem(clean)) {
            this.addImplicitItem(clean, paragraph);
            return;
        }
        if (this.continuable && continuesText(this.continuable.text ?? '', clean)) {
            this.continuable.text = this.continuable.text ? `${this.continuable.text} ${clean}` : clean;
            return;
        }
        if (this.isHeading(clean)) return;
        // Text that is neither an item nor a note (a table or list in the text): keep it, with what follows, as a note.
        this.warn(paragraph, `text that is neither an item nor a note, kept as a note: "${clean.slice(0, 60)}"`);
        this.attachNote({ kind: 'note', text: clean }, paragraph);
    }

    /**
     * Word's automatic list numbering is not part of the text: such items arrive as bare
     * paragraphs after an item that ends "as follows:". They get the labels Word would show
     * (a, b, ... or 1, 2, ... by depth), and each one is reported.
     */
    private implicitList: { parent: ItemModel; depth: number } | undefined;

    private startsImplicitItem(text: string): boolean {
        if (this.implicitList && this.continuable && this.implicitList.parent.children.includes(this.continuable)) {
            return /^[A-Z"']/.test(text);
        }
        return /:\s*$/.test(this.continuable?.text ?? '') && /^[A-Z"'(]/.test(text);
    }

    private addImplicitItem(text: string, paragraph: SourceParagraph): void {
        const previous = this.continuable!;
        const listContinues = this.implicitList && this.implicitList.parent.children.includes(previous) && !/:\s*$/.test(previous.text ?? '');
        const parent = listContinues ? this.implicitList!.parent : previous;
        const depth = this.open.indexOf(parent);
        if (depth < 0) return;
        const letter = depth % 2 === 0;
        const last = parent.children[parent.children.length - 1]?.label;
        const label = last === undefined ? (letter ? 'a' : '1') : nextLabel(last);
        const item = newItem(`${parent.code}.${label}`, label, paragraph.where);
        setItemText(item, text);
        parent.children.push(item);
        this.open = [...this.open.slice(0, depth + 1), item];
        this.continuable = item;
        this.implicitList = { parent, depth };
        this.warn(paragraph, `${item.code}: label not in the text (Word list numbering); numbered as the next label`);
    }

    /** Running titles repeated in the body: "DUAL-USE LIST - CATEGORY 3 - ELECTRONICS", "MUNITIONS LIST". */
    private isHeading(text: string): boolean {
        if (/^(DUAL-USE LIST|MUNITIONS\s+LIST|CATEGORY\s+\d|Category\s+\d\s*-?\s*(Part\s*\d)?|Part\s+\d\b)/.test(text) && text.length < 120) return true;
        return text === text.toUpperCase() && /[A-Z]/.test(text) && text.length < 120 && !this.category?.groups.length;
    }

    private addCodeLine(line: CodeLine, paragraph: SourceParagraph): void {
        this.note = undefined;
        this.listNote = undefined;
        this.implicitList = undefined;
        if (line.parts[0].startsWith('ML')) return this.addMunitionsCodeLine(line, paragraph);
        const [categoryCode, letter, ...rest] = line.parts;
        if (!this.category || this.category.code !== categoryCode) {
            this.warn(paragraph, `code ${line.parts.join('.')} is not in category ${this.category?.code ?? '(none)'}; kept under its own category`);
            this.startCategory(categoryCode, undefined);
        }
        const group = this.groupOf(letter);
        if (rest.length === 0) {
            // A group heading repeated at the top of a page ("7. A. ... (contd.)") adds nothing.
            const title = line.text?.replace(/\s*(?:\d\.\s*)?\(?(?:contd|cont|continued)\.?\)?\s*$/i, '').replace(/\s*Technical Notes?\s*$/i, '');
            if (title && !group.title?.includes(title)) group.title = group.title ? `${group.title} ${title}` : title;
            this.open = [];
            this.continuable = undefined;
            return;
        }
        const [number, ...labels] = rest;
        let entry = group.entries.find(e => e.label === String(Number(number)));
        if (!entry) {
            entry = newItem(`${categoryCode}.${letter}.${Number(number)}`, String(Number(number)), paragraph.where);
            group.entries.push(entry);
        }
        this.openPathOrNote(entry, labels, line, paragraph);
    }

    private addMunitionsCodeLine(line: CodeLine, paragraph: SourceParagraph): void {
        const [mlCode, ...labels] = line.parts;
        let root = this.mlRoots.get(mlCode);
        if (!root) {
            root = newItem(mlCode, mlCode, paragraph.where);
            this.mlRoots.set(mlCode, root);
            const category: CategoryModel = { code: mlCode, tiers: ['munitions'], notes: root.notes, groups: [], items: root.children };
            this.categories.set(mlCode, category);
        }
        this.category = this.categories.get(mlCode);
        this.group = undefined;
        this.openPathOrNote(root, labels, line, paragraph);
    }

    /** Opens the item a code line names; "1. C. 6. Technical Note" heads a note of that item instead of adding to its text. */
    private openPathOrNote(top: ItemModel, labels: string[], line: CodeLine, paragraph: SourceParagraph): void {
        const heading = line.text ? parseNoteStart(line.text) : undefined;
        this.openPath(top, labels, heading ? '' : line.text, paragraph);
        if (heading) this.openNote(heading, paragraph, true);
    }

    /** Opens `labels` below `top` (creating what is missing) and gives the last one `text`. */
    private openPath(top: ItemModel, labels: string[], text: string, paragraph: SourceParagraph): void {
        const chain = [top];
        let current = top;
        for (const [index, label] of labels.entries()) {
            let child = current.children.find(c => c.label === label);
            if (!child) {
                if (index < labels.length - 1) this.warn(paragraph, `${current.code}.${label} appears before its own line; created it empty`);
                child = newItem(`${current.code}.${label}`, label, paragraph.where);
                current.children.push(child);
            }
            chain.push(child);
            current = child;
        }
        const misread = text && current.text && current.children.length === 0 ? this.labelAfterNote.get(current) : undefined;
        if (misread) {
            // The code line says where the item begins: the label line taken for it was the next
            // line of the note open before it ("2. 'Deformable mirrors' are also known as ...",
            // 6.A.4.a.1's Technical Notes, 2025).
            misread.text = `${misread.text}\n${current.label}. ${current.text}`;
            current.text = undefined;
            current.thresholds = [];
        } else if (text && current.text) {
            this.warn(paragraph, `${current.code} appears twice; the second text is added to the first`);
        }
        if (text) setItemText(current, text);
        this.indents.record(current, chain[chain.length - 2], paragraph);
        this.indents.childPlaced(chain[chain.length - 2]);
        this.open = chain;
        this.continuable = current;
    }

    /** A deeper item written with only its label: the tab count gives how many code parts sit above it. */
    /**
     * `firstSubLabel`: the text begins with a sub-item's label, "a.\t1.\tBismaleimides;" (1.C.8.a,
     * 1997-2009): outside a note, an item with no text of its own whose first sub-item begins on its line.
     */
    private addLabelLine(depth: number, label: string, text: string, paragraph: SourceParagraph, firstSubLabel = false): void {
        if (this.placeInWordList(label, text, paragraph)) return;
        const base = this.open[0].code.split('.').length;
        if (depth < base) return this.addShallowLabelLine(label, text, paragraph);
        if (this.note && this.continuesNoteList(depth - base, label)) return this.addNoteListLine(this.note, label, text, paragraph);
        if (firstSubLabel) {
            const [, subLabel, rest] = /^(\S+)\.\s+(.*)$/s.exec(text)!;
            this.addLabelLine(depth, label, '', paragraph);
            return this.addLabelLine(depth + 1, subLabel, rest, paragraph);
        }
        const noteBefore = this.note;
        this.note = undefined;
        this.implicitList = undefined;
        const { parentIndex, as } = this.levels.parentOf(depth, label, depth - base, paragraph.indent?.left);
        if (as !== label) {
            this.warn(paragraph, `label ${label}. at indentation ${depth} continues a list of the other kind; numbered ${as}.`);
            label = as;
        }
        if (parentIndex === undefined) {
            this.warn(paragraph, `item ${label}. at indentation ${depth} has no open item above it; kept as a note`);
            this.attachNote({ kind: 'note', text: `${label}. ${text}` }, paragraph);
            return;
        }
        this.placeItem(parentIndex, label, text, paragraph);
        this.childLabelDepth.set(this.open[parentIndex], depth);
        if (noteBefore) this.labelAfterNote.set(this.open[this.open.length - 1], noteBefore);
        this.levels.placed(depth, this.open[parentIndex], paragraph.indent?.left);
    }

    /**
     * "\t\t2.\tb.\tMixtures, ..." after ML8.a.2.a's sub-items (1997-2000): the label of an open
     * item repeated before the next label of its own list, as a code line repeats a code, goes on
     * with that item's list. True when the line was taken so.
     */
    private resumeUnderOpenItem(label: string, fields: string[], paragraph: SourceParagraph): boolean {
        const sub = LABEL.exec(fields[0]);
        if (!sub || !fields[0].endsWith('.') || this.note) return false;
        const index = this.open.findIndex((item, i) => i > 0 && item.label === label);
        const item = this.open[index];
        const last = item?.children[item.children.length - 1];
        if (!item || !last || !isSuccessor(last.label, sub[1]) || this.open.length <= index + 2) return false;
        this.implicitList = undefined;
        this.placeItem(index, sub[1], fields.slice(1).join(' '), paragraph);
        return true;
    }

    /**
     * A label Word numbered in a list whose earlier numbers of that level were placed as items
     * goes beside them, as Word shows it: its tabs and the label sequence cannot tell ML7.c (after
     * ML7.b.4.b, at the margin) from a ML7.b.4.c.
     */
    private placeInWordList(label: string, text: string, paragraph: SourceParagraph): boolean {
        const parent = paragraph.list === undefined ? undefined : this.listParents.get(paragraph.list);
        const index = parent ? this.open.indexOf(parent) : -1;
        if (index < 0 || parent!.children.some(c => c.label === label)) return false;
        const last = parent!.children[parent!.children.length - 1];
        if (last && !isSuccessor(last.label, label)) return false;
        this.note = undefined;
        this.implicitList = undefined;
        this.placeItem(index, label, text, paragraph);
        return true;
    }

    private placeItem(parentIndex: number, label: string, text: string, paragraph: SourceParagraph): void {
        this.listNote = undefined;
        const parent = this.open[parentIndex];
        if (paragraph.list !== undefined) this.listParents.set(paragraph.list, parent);
        let item = parent.children.find(c => c.label === label);
        if (item) {
            this.warn(paragraph, `${item.code} appears twice; the second text is added to the first`);
        } else {
            item = newItem(`${parent.code}.${label}`, label, paragraph.where);
            parent.children.push(item);
        }
        setItemText(item, text);
        this.indents.record(item, parent, paragraph);
        this.indents.childPlaced(parent);
        this.open = [...this.open.slice(0, parentIndex + 1), item];
        this.continuable = item;
    }

    /**
     * A label with fewer tabs than any item can have: the list of a note, or an item the document
     * forgot to indent. It is an item only when it continues the labels of an open item.
     */
    private addShallowLabelLine(label: string, text: string, paragraph: SourceParagraph): void {
        const continuesListNote = this.listNote !== undefined && noteListHasPredecessor(this.listNote, label);
        if (continuesListNote) this.note = this.listNote;
        const note = this.note;
        // A Technical Note starting a list of its own (a., 1.) keeps it; a label that only continues
        // the items above (ML10.f, its Technical Note, then "g." at the margin) is the next item.
        const technicalList = note?.kind === 'technical-note' && (label === 'a' || label === '1' || this.levels.parentBySequence(label) === undefined);
        const noteList = continuesListNote || note && (technicalList || note.text === '' || noteIntroducesList(note.text, label) || noteRunsList(note.text, label));
        const parentIndex = noteList ? undefined : this.levels.parentBySequence(label);
        if (parentIndex === undefined) {
            if (this.note) this.addNoteListLine(this.note, label, text, paragraph);
            else this.attachNote({ kind: 'note', text: `${label}. ${text}` }, paragraph);
            if (this.note!.kind !== 'technical-note') this.listNote = this.note;
            return;
        }
        this.note = undefined;
        this.implicitList = undefined;
        this.placeItem(parentIndex, label, text, paragraph);
        if (note) this.labelAfterNote.set(this.open[this.open.length - 1], note);
        this.levels.placedShallow(splitFields(paragraph.text).depth, this.open[this.open.length - 1]);
    }

    /**
     * "N.B. See also entry 1.A.5. on the Dual-Use List." at the margin of a munitions category
     * after its last sub-item (ML7 and ML13, 1997-2002) points from the whole entry to the
     * dual-use list: the category's, where later editions set it, not the last sub-item's.
     */
    private categoryCrossReference(note: ParsedNote, paragraph: SourceParagraph): ItemModel | undefined {
        const root = this.open[0];
        if (note.kind !== 'nb' || !root?.code.startsWith('ML') || this.open.length < 2 || splitFields(paragraph.text).depth > 0) return undefined;
        return /^See also\b.*\bDual-Use List\b/i.test(note.text) && !/\bML\s?\d/.test(note.text) ? root : undefined;
    }

    /**
     * "Note 1<tab>b.<tab>CW vesicant agents" after a page break (ML7, 1999-2002): the heading of a
     * numbered note repeated before the next line of its own list is that note going on, not a
     * new note. True when the line was taken so.
     */
    private resumeNoteList(note: ParsedNote, paragraph: SourceParagraph): boolean {
        if (!/^Note \d+$/.test(note.heading)) return false;
        const earlier = this.notesByHeading.get(note.heading);
        const line = /^([a-z]{1,2}|\d{1,3})\.\s+(.*)$/s.exec(note.text);
        if (!earlier || !line || !noteListHasPredecessor(earlier, line[1])) return false;
        this.note = earlier;
        this.listNote = earlier;
        this.continuable = undefined;
        this.addNoteListLine(earlier, line[1], line[2], paragraph);
        return true;
    }

    /**
     * A numbered paragraph of the open note's own list. "Technical Notes" alone, then "1. For the
     * purposes of 5.D.1.e., ...": the first paragraph says whose notes they are, as an unnumbered
     * first line does, and a later one naming other items widens them (widenByParagraph).
     */
    private addNoteListLine(note: NoteModel, label: string, text: string, paragraph: SourceParagraph): void {
        this.noteListAtMargin = splitFields(paragraph.text).depth < (this.open[0]?.code.split('.').length ?? 0);
        if (note.text === '') this.owners.placeByFirstLine(note, text, paragraph);
        else {
            const split = this.owners.splitByParagraph(note, label, text);
            if (split) {
                this.note = split;
                return;
            }
            this.owners.widenByParagraph(note, text);
        }
        note.text = note.text ? `${note.text}\n${label}. ${text}` : `${label}. ${text}`;
    }

    /**
     * Inside a note, a label line is the note's own list when the note introduces one (ends with
     * ':' or is a heading with no text yet) or already runs one this label follows, or when the
     * label cannot continue the items at the depth its tabs give.
     */
    private continuesNoteList(indexFromTabs: number, label: string): boolean {
        if (noteIntroducesList(this.note!.text, label)) return true;
        // A note's list written at the margin is not continued by a label set at an item's depth
        // that can be the next item there ("a." and "b." of 1.C.10.b's Note at the margin, then
        // "<tab><tab><tab>c. Inorganic ..." is 1.C.10.c, 2013).
        if (noteRunsList(this.note!.text, label)) return !(this.noteListAtMargin && this.levels.followingParent(indexFromTabs, label) !== undefined);
        // A heading alone ("Technical Notes") numbers its own paragraphs: 1., 2., ... are not items.
        if (this.note!.text === '' && (label === '1' || label === 'a')) return true;
        return this.levels.followingParent(indexFromTabs, label) === undefined;
    }

    private groupOf(letter: string): GroupModel {
        const category = this.category!;
        let group = category.groups.find(g => g.letter === letter);
        if (!group) {
            group = { letter, notes: [], entries: [] };
            category.groups.push(group);
        }
        this.group = group;
        return group;
    }

    private warn(paragraph: SourceParagraph, message: string): void {
        this.warnings.push({ where: paragraph.where, message });
    }

    /** The categories built so far, dual-use 1-9 then ML1-ML22, with ML headings moved to their text. */
    result(): CategoryModel[] {
        for (const [code, root] of this.mlRoots) {
            const category = this.categories.get(code)!;
            category.text = root.text;
            if (root.reservedSince !== undefined) category.text = `Not used since ${root.reservedSince}`;
        }
        return [...this.categories.values()].sort(compareCategories);
    }
}

function compareCategories(a: CategoryModel, b: CategoryModel): number {
    const rank = (c: CategoryModel) => c.code.startsWith('ML') ? 100 + Number(c.code.slice(2)) : Number(c.code);
    return rank(a) - rank(b);
}
