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
import type { CategoryModel, ItemModel, NoteModel } from './model.js';
import { LABEL, parseCodeLine } from './labels.js';
import { firstSentence, isContinuation, mentionedCodes, namedCodes, noteIntroducesList, noteListHasPredecessor, noteRunsList, pageContinuation, parseNoteStart, type ParsedNote } from './notes.js';
import { cleanFields, type SourceParagraph, splitFields } from './source.js';
import { NoteRuns, type NoteOwner, speaksOf } from './note-runs.js';
import { ItemPlacement } from './item-placement.js';
import { NoteOwners, placeNotesNamingLater } from './note-owners.js';
import { continuesText, itemsCreatedSoFar } from './item-text.js';

const RULE = /^[_\-=\s*]{5,}$/;
const NAMED_NOTE_HEADING = /^((?:ML\s?\d+|\d\.\s?[A-E]\.\s?\d+)(?:\.[a-z0-9]+)*\.)\s+((?:Technical\s+)?Notes?(?:\s+\d+)?)\.?$/;
/**
 * Parses one category part (dual-use) into `category`, or the munitions part into ML
 * categories. Several parts may feed one category (Category 5 in two parts).
 */
export class ItemTreeBuilder extends ItemPlacement {
    /** The item whose text announces the table being read ("the following table"), if any. */
    private tableOwner: { category: CategoryModel; item: ItemModel } | undefined;
    /** Runs of notes after the last sub-item, and numbered notes in series (note-runs.ts). */
    private readonly runs = new NoteRuns(itemsCreatedSoFar);
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
        this.addLine(paragraph);
        this.previousIndent = paragraph.indent?.first;
    }

    /** Where the paragraph before began (twips), where the reader knows it. */
    private previousIndent: number | undefined;

    /**
     * A note heading that is text of the note open before it, not a note of its own: an N.B.
     * inside a table's Technical Note (2.E.3.f's "N.B.1 CVD includes the following processes:
     * ..."), as its paragraphs are; a note defining a term of the open note's last line, set
     * deeper than the paragraph before it ("Note: 'Rendered inoperable' means ..." under the last
     * condition of 6.A.3.b.4.b's Note 3, "2. The camera is rendered inoperable when ...", 2004).
     */
    private insideOpenNote(note: ParsedNote, paragraph: SourceParagraph): boolean {
        const open = this.note!;
        if (note.kind === 'nb' && open.text.startsWith('TABLE')) return true;
        const term = /^['‘’"“]([^'‘’"”]{3,40})['’"”]\s+means\b/.exec(note.text)?.[1];
        const at = paragraph.indent?.first;
        if (!term || at === undefined || this.previousIndent === undefined || at <= this.previousIndent) return false;
        return open.text.slice(open.text.lastIndexOf('\n') + 1).toLowerCase().includes(term.toLowerCase());
    }

    private addLine(paragraph: SourceParagraph): void {
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
        if (noteStart && header === undefined && this.note && this.insideOpenNote(noteStart, paragraph)) {
            this.note.text = `${this.note.text}\n${cleanFields(text)}`;
            return;
        }
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
    protected openNote(note: ParsedNote, paragraph: SourceParagraph, named = false): void {
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
        const referred = named ? undefined : this.runs.referredOwners(note) ?? this.nbOfLastItem(note);
        if (referred) {
            for (const owner of referred) owner.notes.push(model);
            this.note = model;
            this.continuable = undefined;
            this.notesByHeading.set(note.heading, model);
            this.runs.numbered(note.heading, referred);
            return;
        }

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
     * An N.B. right after an item whose only code it writes is that item's, as what it speaks of
     * rather than where it sends the reader: "N.B. See systems, equipment or components specified
     * by the Munitions List for general purpose "digital computers" with installed "software"
     * specified by ML21.c." under ML21.c (2019-2025), wherever its label hangs.
     */
    private nbOfLastItem(note: ParsedNote): NoteOwner[] | undefined {
        const last = this.open[this.open.length - 1];
        if (note.kind !== 'nb' || !last || last.children.length > 0 || /^See\s+(?:also\s+)?(?:ML\s?\d|\d\.\s?[A-E])/i.test(note.text)) return undefined;
        const codes = mentionedCodes(firstSentence(note.text));
        return codes.length === 1 && codes[0] === last.code ? [last] : undefined;
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

    protected attachNote(note: NoteModel, paragraph: SourceParagraph): void {
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

    /** Running titles repeated in the body: "DUAL-USE LIST - CATEGORY 3 - ELECTRONICS", "MUNITIONS LIST". */
    private isHeading(text: string): boolean {
        if (/^(DUAL-USE LIST|MUNITIONS\s+LIST|CATEGORY\s+\d|Category\s+\d\s*-?\s*(Part\s*\d)?|Part\s+\d\b)/.test(text) && text.length < 120) return true;
        return text === text.toUpperCase() && /[A-Z]/.test(text) && text.length < 120 && !this.category?.groups.length;
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
    protected addNoteListLine(note: NoteModel, label: string, text: string, paragraph: SourceParagraph): void {
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
    protected continuesNoteList(indexFromTabs: number, label: string): boolean {
        if (noteIntroducesList(this.note!.text, label)) return true;
        // A note's list written at the margin is not continued by a label set at an item's depth
        // that can be the next item there ("a." and "b." of 1.C.10.b's Note at the margin, then
        // "<tab><tab><tab>c. Inorganic ..." is 1.C.10.c, 2013).
        if (noteRunsList(this.note!.text, label)) return !(this.noteListAtMargin && this.levels.followingParent(indexFromTabs, label) !== undefined);
        // A heading alone ("Technical Notes") numbers its own paragraphs: 1., 2., ... are not items.
        if (this.note!.text === '' && (label === '1' || label === 'a')) return true;
        return this.levels.followingParent(indexFromTabs, label) === undefined;
    }

    /** The categories built so far, dual-use 1-9 then ML1-ML22, with ML headings moved to their text. */
    result(): CategoryModel[] {
        placeNotesNamingLater([...this.categories.values()], [...this.mlRoots.values()]);
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
