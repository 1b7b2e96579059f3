/**
 * The item tree's state, and where the items of code lines and label lines go in it: a code line
 * (`3.\tA.\t1.\ta.\tText`) opens the path it names; a label line (`\t\t\t\ta.\tText`) goes
 * under the open item its tabs, its Word indent and the label sequence give (label-levels.ts).
 * What a line that is no item means, and which item a note belongs to, is the builder's
 * (structure.ts), which extends this class.
 */
import type { CategoryModel, GroupModel, ImportWarning, ItemModel, NoteModel } from './model.js';
import { isSuccessor, LABEL, nextLabel, type CodeLine } from './labels.js';
import { noteIntroducesList, noteListHasPredecessor, noteRunsList, parseNoteStart, type ParsedNote } from './notes.js';
import { type SourceParagraph, splitFields } from './source.js';
import { LabelLevels } from './label-levels.js';
import { ItemIndents } from './note-indents.js';
import { newItem, setItemText } from './item-text.js';

export abstract class ItemPlacement {
    protected readonly categories = new Map<string, CategoryModel>();
    protected category: CategoryModel | undefined;
    protected group: GroupModel | undefined;
    /** open[i] is the item whose code has (base + i) parts: the entry (or ML category), then its items. */
    protected open: ItemModel[] = [];
    protected note: NoteModel | undefined;
    /** The item a paragraph without a label continues (text broken by a manual line break). */
    protected continuable: ItemModel | undefined;
    protected readonly mlRoots = new Map<string, ItemModel>();
    /** Items placed from a bare label line while a note was open, with that note (see openPath). */
    protected readonly labelAfterNote = new WeakMap<ItemModel, NoteModel>();
    /** Which open item a label line goes under (label-levels.ts). */
    protected readonly levels = new LabelLevels(() => this.open);
    /** Where each item's text begins on the page, for the notes set there (note-indents.ts). */
    protected readonly indents = new ItemIndents();
    /** How many tabs the label lines of an item's sub-items were written with, where a label line placed one. */
    protected readonly childLabelDepth = new WeakMap<ItemModel, number>();
    /** For each Word list and level (SourceParagraph.list), the item its numbered items were placed under. */
    protected readonly listParents = new Map<string, ItemModel>();
    /**
     * The note whose own list is running: unindented labels that continue it are its text, even
     * after a Technical Note or N.B. inside the list, or a page break ("Note 2 cont.").
     */
    protected listNote: NoteModel | undefined;

    constructor(private readonly warnings: ImportWarning[]) {}

    /** Starts a dual-use category part (a code line of another category starts its own). */
    abstract startCategory(code: string, title: string | undefined): void;
    /** A note heading on a code line ("1. C. 6. Technical Note"): `named`, the note of that item. */
    protected abstract openNote(note: ParsedNote, paragraph: SourceParagraph, named?: boolean): void;
    /** A note, or a line kept as one, attached where it belongs. */
    protected abstract attachNote(note: NoteModel, paragraph: SourceParagraph): void;
    /** A numbered line of the open note's own list. */
    protected abstract addNoteListLine(note: NoteModel, label: string, text: string, paragraph: SourceParagraph): void;
    /** Whether a label line inside a note goes on with the note's own list rather than the items. */
    protected abstract continuesNoteList(indexFromTabs: number, label: string): boolean;

    /**
     * Word's automatic list numbering is not part of the text: such items arrive as bare
     * paragraphs after an item that ends "as follows:". They get the labels Word would show
     * (a, b, ... or 1, 2, ... by depth), and each one is reported.
     */
    protected implicitList: { parent: ItemModel; depth: number } | undefined;

    protected startsImplicitItem(text: string): boolean {
        if (this.implicitList && this.continuable && this.implicitList.parent.children.includes(this.continuable)) {
            return /^[A-Z"']/.test(text);
        }
        return /:\s*$/.test(this.continuable?.text ?? '') && /^[A-Z"'(]/.test(text);
    }

    protected addImplicitItem(text: string, paragraph: SourceParagraph): void {
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

    protected addCodeLine(line: CodeLine, paragraph: SourceParagraph): void {
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

    protected addMunitionsCodeLine(line: CodeLine, paragraph: SourceParagraph): void {
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
    protected openPathOrNote(top: ItemModel, labels: string[], line: CodeLine, paragraph: SourceParagraph): void {
        const heading = line.text ? parseNoteStart(line.text) : undefined;
        this.openPath(top, labels, heading ? '' : line.text, paragraph);
        if (heading) this.openNote(heading, paragraph, true);
    }

    /** Opens `labels` below `top` (creating what is missing) and gives the last one `text`. */
    protected openPath(top: ItemModel, labels: string[], text: string, paragraph: SourceParagraph): void {
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
    protected addLabelLine(depth: number, label: string, text: string, paragraph: SourceParagraph, firstSubLabel = false): void {
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
    protected resumeUnderOpenItem(label: string, fields: string[], paragraph: SourceParagraph): boolean {
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
    protected placeInWordList(label: string, text: string, paragraph: SourceParagraph): boolean {
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

    protected placeItem(parentIndex: number, label: string, text: string, paragraph: SourceParagraph): void {
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
    protected addShallowLabelLine(label: string, text: string, paragraph: SourceParagraph): void {
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

    protected groupOf(letter: string): GroupModel {
        const category = this.category!;
        let group = category.groups.find(g => g.letter === letter);
        if (!group) {
            group = { letter, notes: [], entries: [] };
            category.groups.push(group);
        }
        this.group = group;
        return group;
    }

    protected warn(paragraph: SourceParagraph, message: string): void {
        this.warnings.push({ where: paragraph.where, message });
    }
}
