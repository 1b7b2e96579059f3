/**
 * Where notes after the last sub-item of an entry go when they name no item and are not indented
 * like one. The Word layout does not say; two things in the documents do:
 * - numbered notes form a series with one owner ("Note 2" after "Note 1", no item between);
 * - a note of the run that speaks of an item above the last sub-item shows the run is that item's.
 * The item tree builder (structure.ts) asks this; the rest of note placement is its own.
 */
import type { ItemModel, NoteModel } from './model.js';
import { mentionedCodes, namedCodes, type ParsedNote } from './notes.js';

export type NoteOwner = { notes: NoteModel[] };

/** Whether a note's text writes the item's code or one below it ("Piezoelectric elements specified in 6.A.1.a.1.c."). */
export function speaksOf(text: string, item: ItemModel): boolean {
    return mentionedCodes(text).some(code => code === item.code || code.startsWith(`${item.code}.`)) || definesTermOf(text, item);
}

/**
 * A note that opens by defining a term the item's own text quotes ("'Disruptors' - Devices
 * specially designed ..." after "b. 'Disruptors';", 1.A.6.b in 2004-2018) is about that item.
 */
function definesTermOf(text: string, item: ItemModel): boolean {
    const term = definedTerm(text);
    return term !== undefined && quotes(item.text, term);
}

/** The term a note opens by defining ("'Real-time bandwidth' is the widest frequency range ..."). */
export function definedTerm(text: string): string | undefined {
    return /^['‘"“]([^'’"”]{3,60})['’"”]\s*(?:[-–—:]|means|is|are|includes?)\s/i.exec(text.trim())?.[1];
}

/** Whether the item's text or a sub-item's quotes `term`. */
export function quotesTerm(item: ItemModel, term: string): boolean {
    return quotes(item.text, term) || item.children.some(child => quotesTerm(child, term));
}

function quotes(text: string | undefined, term: string): boolean {
    return new RegExp(String.raw`['‘"“]${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['’"”]`, 'i').test(text ?? '');
}

function escapeCode(code: string): string {
    return code.replace(/\./g, '\\.');
}

export class NoteRuns {
    /**
     * The notes placed, for want of anything better, on the last item since it was opened, and
     * the item above it they were found to be about (see anchorOn).
     */
    private run: { last: ItemModel; notes: NoteModel[]; items: number; anchor?: ItemModel } | undefined;
    /** The last numbered note ("Note 1") and its owners, with the item count when it was placed. */
    private previous: { number: number; owners: NoteOwner[]; items: number } | undefined;

    /** `itemCount`: how many items the builder has made, so that a new item ends a run. */
    constructor(private readonly itemCount: () => number) {}

    /** Records a numbered note ("Note 1") and where it went. */
    numbered(heading: string, owners: NoteOwner[]): void {
        const number = /^Notes?\s+(\d+)$/i.exec(heading)?.[1];
        if (number) this.previous = { number: Number(number), owners, items: this.itemCount() };
    }

    /**
     * A note that speaks of the numbered note just before it ("Note 2 Note 1 does not diminish
     * national authorities' rights to ascertain compliance with 4.E.1.a. and 4.E.1.c.", 2018-2025)
     * belongs where that note does: the owners of Note 1 (here 4.E.1.a and c), else undefined.
     */
    referredOwners(note: ParsedNote): NoteOwner[] | undefined {
        const referred = /^Notes?\s+(\d+)\s+(?!to\b)/i.exec(note.text)?.[1];
        const previous = this.previous;
        return referred !== undefined && previous && previous.number === Number(referred) && previous.items === this.itemCount() ? previous.owners : undefined;
    }

    /**
     * "Note 2" right after "Note 1" (no item between them), naming no item itself, belongs where
     * Note 1 does; when Note 1 named several sub-items ("ML18.a. and ML18.b. include"), to their
     * parent: the series is about the entry, not about the last sub-item above it (2004 ML18).
     */
    seriesOwner(note: ParsedNote, itemByCode: (code: string) => ItemModel | undefined): NoteOwner | undefined {
        const number = Number(/^Notes?\s+(\d+)$/i.exec(note.heading)?.[1] ?? NaN);
        const previous = this.previous;
        if (!previous || previous.number !== number - 1 || previous.items !== this.itemCount() || namedCodes(note.text).length > 0) return undefined;
        if (previous.owners.length === 1) return previous.owners[0];
        const codes = previous.owners.map(o => (o as ItemModel).code).filter((c): c is string => typeof c === 'string');
        if (codes.length !== previous.owners.length || codes.some(c => !c.includes('.'))) return undefined;
        const parents = new Set(codes.map(c => c.slice(0, c.lastIndexOf('.'))));
        return parents.size === 1 ? itemByCode([...parents][0]) : undefined;
    }

    /**
     * In a series of numbered notes (the one before it numbered one less, no item between), a note
     * that names no item first but writes a single item's code in its sentence is about that item,
     * wherever it stands: "Note 3 Explosives and fuels containing the metals or alloys listed in
     * ML8.c.5. are controlled ..." after Note 2 on ML8.c.4.a (2001-2006); "Note 2 Modification of
     * a ground vehicle for military use specified by ML6.a. entails ..." after ML6.b's list (2010-2017).
     */
    seriesMention(note: ParsedNote, itemByCode: (code: string) => ItemModel | undefined): ItemModel | undefined {
        const number = Number(/^Notes?\s+(\d+)$/i.exec(note.heading)?.[1] ?? NaN);
        const previous = this.previous;
        // The first of a series starts it: "Note 1 Aircraft fuels controlled by ML8.c.1. are finished
        // products ..." after ML8.c.9, before Notes 2-4 on ML8.c.4.a, c.5 and c.5.b.2 (2004-2006).
        const first = number === 1 && (!previous || previous.items !== this.itemCount());
        if (!first && (!previous || previous.number !== number - 1 || previous.items !== this.itemCount())) return undefined;
        // ("... is only specified by 6.A.8.j.3." sends the reader there: a cross-reference, not its subject.)
        if (namedCodes(note.text).length > 0 || (first && /\bonly (?:specified|controlled) (?:by|in)\b/.test(note.text))) return undefined;
        const mentioned = mentionedCodes(note.text).map(itemByCode).filter((item): item is ItemModel => item !== undefined);
        return mentioned.length === 1 ? mentioned[0] : undefined;
    }

    /** The item notes after `last` go to, once one of them was found to be about it. */
    anchor(last: ItemModel): ItemModel | undefined {
        return this.current(last) ? this.run!.anchor : undefined;
    }

    /** A note placed on `last` by default joins its run. */
    join(note: NoteModel, last: ItemModel): void {
        if (!this.current(last)) this.run = { last, notes: [], items: this.itemCount() };
        this.run!.notes.push(note);
    }

    /**
     * A note of the run after the last sub-item that speaks of an item above it - its code
     * ("Notes 1 and 2 in 3.A. mean that 3.A.1.b.2. does not apply") or a span of its sub-items
     * ("as defined by 3.A.1.b.2.a. through 3.A.1.b.2.f.") - shows the run is about that item:
     * the notes of the run placed on the last sub-item move there, and the next ones go there.
     * `open`: the open items, the entry first and the last sub-item last.
     */
    anchorOn(note: NoteModel, open: ItemModel[]): void {
        const last = open[open.length - 1];
        // A note naming the item above opens the run too ("Note 3 3.E.2. includes", then Technical Notes).
        if (!this.current(last)) this.run = { last, notes: [], items: this.itemCount() };
        const run = this.run!;
        if (run.anchor) return;
        const mentioned = mentionedCodes(note.text);
        const span = (item: ItemModel) => new RegExp(String.raw`${escapeCode(item.code)}\.[a-z0-9]+\.?\s+(?:through|to)\s+${escapeCode(item.code)}\.[a-z0-9]+`).test(note.text);
        const above = open.slice(0, -1).reverse().find(item => mentioned.includes(item.code) || span(item));
        // A withdrawn label keeps its notes ("See 5.A.1.f. for items previously specified by 5.A.1.i.").
        if (!above || !last.code.startsWith(`${above.code}.`) || last.reserved !== undefined) return;
        for (const moved of run.notes) {
            const index = last.notes.indexOf(moved);
            // A note that turned out to name the last item ("Technical Note" then "For the purpose of 1.A.6.b.") stays.
            if (index < 0 || speaksOf(moved.text, last)) continue;
            last.notes.splice(index, 1);
            above.notes.push(moved);
        }
        if (!above.notes.includes(note)) {
            for (const holder of open) if (holder !== above && holder.notes.includes(note)) holder.notes.splice(holder.notes.indexOf(note), 1);
            above.notes.push(note);
        }
        run.anchor = above;
    }

    private current(last: ItemModel): boolean {
        return this.run !== undefined && this.run.last === last && this.run.items === this.itemCount();
    }
}
