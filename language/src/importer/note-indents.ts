/**
 * Where a note stands on the page says whose it is. In the Word documents an item's text begins
 * at its paragraph's left indent (its label hangs before it), and a note is set with its first
 * line where the text of the item it belongs to begins. A note after the last sub-item of a
 * list that closes the list ("Technical Note: 'Syntactic foam' consists of ..." after 8.C.1.b)
 * begins where 8.C.1's text does, not where 8.C.1.b's does, though nothing in its words says so.
 *
 * Only the Word 97 reader knows the indents (SourceParagraph.indent); where a paragraph or the
 * items above it have none, this says nothing and the other rules place the note.
 */
import type { ItemModel, NoteModel } from './model.js';
import { splitFields, type SourceParagraph } from './source.js';

/**
 * How far a note's first line may be from an item's text and still be set there, in twips. The
 * documents' levels are 300 to 500 twips apart; one item's lines vary by a few twips (2058, 2060,
 * 2064 for 3.A.1.a.2, a.3 and a note of a.2 in 2017).
 */
const ALIGNED = 150;

export class ItemIndents {
    private readonly textLeft = new Map<ItemModel, number>();
    /** The last note set at an item above the last one: from which item, to which, and how many notes that one had before. */
    private move: { from: ItemModel; to: ItemModel; since: number } | undefined;

    /** Where the texts of an item's sub-items begin, from those whose lines say. */
    private readonly childrenLeft = new Map<ItemModel, number>();

    /** `item` (under `parent`) has its text where `paragraph`, the line that gave it its label, puts it. */
    record(item: ItemModel, parent: ItemModel | undefined, paragraph: SourceParagraph): void {
        if (!paragraph.indent) return;
        this.textLeft.set(item, paragraph.indent.left);
        if (parent) this.childrenLeft.set(parent, paragraph.indent.left);
    }

    /** Where `open[i]`'s text begins: its own line's indent, else its siblings' (a line the reader has no indent for). */
    private leftOf(open: readonly ItemModel[], i: number): number | undefined {
        return this.textLeft.get(open[i]) ?? (i > 0 ? this.childrenLeft.get(open[i - 1]) : undefined);
    }

    /**
     * The open item, above the last one, whose text begins where the note's first line does;
     * undefined when the note is set at the last item's text or deeper, between two items' texts,
     * at the margin, or written after tabs (whose stops are not read).
     */
    ownerOf(paragraph: SourceParagraph, open: readonly ItemModel[]): ItemModel | undefined {
        const at = paragraph.indent?.first;
        if (at === undefined || open.length < 2 || splitFields(paragraph.text).depth > 0) return undefined;
        const last = this.leftOf(open, open.length - 1);
        if (last === undefined || at > last - ALIGNED) return undefined;
        for (let i = open.length - 2; i >= 0; i--) {
            const left = this.leftOf(open, i);
            if (left === undefined) return undefined;
            if (Math.abs(left - at) <= ALIGNED) {
                const from = open[open.length - 1];
                if (this.move?.from !== from || this.move.to !== open[i]) this.move = { from, to: open[i], since: open[i].notes.length };
                return open[i];
            }
            if (left < at) return undefined;
        }
        return undefined;
    }

    /**
     * An item was placed under `parent`. When the notes just set at an item above were set after
     * `parent`'s text and before its first sub-item (the N.B. between 5.A.2.a's text and 5.A.2.a.1,
     * 2014), they did not close its list: they are its notes, and go back.
     */
    childPlaced(parent: ItemModel | undefined): void {
        const move = this.move;
        this.move = undefined;
        if (!move || !parent || move.from !== parent || parent.children.length > 1) return;
        const notes: NoteModel[] = move.to.notes.splice(move.since);
        parent.notes.push(...notes);
    }
}
