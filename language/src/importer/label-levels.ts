/**
 * Which open item a label line goes under. The builder (structure.ts) keeps the open path, the
 * entry first: open[i] is the item whose code has (base + i) parts, so the label's kind fits
 * level i when letters sit at even i. The tab count says the level; the documents are sometimes
 * off by a tab or two, and this keeps what decides between the neighbouring levels: the label line
 * just before, an item placed with too few tabs, and a list written in the other kind of label.
 */
import type { ItemModel } from './model.js';
import { isLetterLabel, isSuccessor } from './labels.js';

export class LabelLevels {
    constructor(private readonly openPath: () => ItemModel[]) {}

    private get open(): ItemModel[] {
        return this.openPath();
    }

    /** Counts the builder's paragraphs, so that "the label line right before" means just that. */
    nextLine(): void {
        this.paragraphs++;
    }

    /**
     * The open level a label line goes under (undefined: none), and the label as that level's
     * list numbers it (the document's, unless it wrote the list in the other kind).
     */
    parentOf(depth: number, label: string, indexFromTabs: number, left?: number): { parentIndex: number | undefined; as: string } {
        const byTabs = this.underShallowItem(depth, label) ?? this.sameIndentParent(depth, label, left) ?? this.chooseParent(indexFromTabs, label);
        const parentIndex = this.deeperWhenTaken(byTabs, label, indexFromTabs);
        const as = parentIndex === undefined ? label : this.inListKind(parentIndex, label);
        if (as !== label) this.relabeledList = this.open[parentIndex!];
        return { parentIndex, as };
    }

    /** A label line was placed under `parent` at `depth` tabs. */
    placed(depth: number, parent: ItemModel, left?: number): void {
        this.lastLabel = { depth, parent, paragraph: this.paragraphs, left };
    }

    /** A label line with fewer tabs than any item can have was placed as `item`. */
    placedShallow(depth: number, item: ItemModel): void {
        this.shallow = { depth, item };
    }

    /**
     * A label its tabs place where the same label already stands ("\ta." under ML8 when ML8.a is
     * open, ML8.a.33.a-b and a.34.a-b one or two tabs short in 2011) goes deeper, to the open item
     * whose next label it is, rather than adding its text to the item already there.
     */
    private deeperWhenTaken(parentIndex: number | undefined, label: string, indexFromTabs: number): number | undefined {
        if (parentIndex === undefined || !this.open[parentIndex].children.some(c => c.label === label)) return parentIndex;
        const deeper = this.parentBySequence(label);
        if (deeper !== undefined && deeper > parentIndex) return deeper;
        // The tabs name a deeper open item whose list this label starts or continues in the other
        // kind ("a. Titanium doped sapphire" under 6.C.5.a in 2014, where 2015 has 6.C.5.a.1).
        return indexFromTabs > parentIndex && this.open[indexFromTabs] && this.inListKind(indexFromTabs, label) !== label ? indexFromTabs : parentIndex;
    }

    /**
     * The label as the list under open[index] numbers it: a label of the other kind that starts or
     * continues that list is read in the list's kind ("a." -> 1, then "b." -> 2); otherwise as written.
     */
    private inListKind(index: number, label: string): string {
        if ((index % 2 === 0) === isLetterLabel(label)) return label;
        const as = otherKind(label);
        return as !== undefined && takesNext(this.open[index], as) ? as : label;
    }

    /** The item whose list the document writes in the other kind of label (see inListKind). */
    private relabeledList: ItemModel | undefined;

    /** The item a label line with too few tabs was placed as, with those tabs (see underShallowItem). */
    private shallow: { depth: number; item: ItemModel } | undefined;

    /**
     * The labels one tab deeper than an item placed with too few tabs are its children, by the
     * same offset: 9.E.3.c.2 at two tabs (2013-2021), then its a.-c. at three.
     */
    private underShallowItem(depth: number, label: string): number | undefined {
        const shallow = this.shallow;
        const index = shallow ? this.open.indexOf(shallow.item) : -1;
        if (!shallow || index < 0 || depth !== shallow.depth + 1) return undefined;
        // An item with no children yet takes only a first label of its level's kind.
        const kindFits = shallow.item.children.length > 0 || (index % 2 === 0) === isLetterLabel(label);
        return kindFits && takesNext(shallow.item, label) ? index : undefined;
    }

    /** How many paragraphs were read, and where the label line just before went (see sameIndentParent). */
    private paragraphs = 0;
    private lastLabel: { depth: number; parent: ItemModel; paragraph: number; left?: number } | undefined;

    /**
     * A label line at the indentation of the label line right before it (or before the notes
     * after it), continuing that line's list, is its sibling: the document indents them alike even where both are a tab off
     * (6.A.5.b.2.b-c in 2004 at 6.A.5.b's depth; "c." would otherwise become 6.A.5.c).
     */
    private sameIndentParent(depth: number, label: string, left?: number): number | undefined {
        const last = this.lastLabel;
        if (!last || last.depth !== depth) return undefined;
        const index = this.open.indexOf(last.parent);
        const previous = last.parent.children[last.parent.children.length - 1];
        // Only notes between them (a Technical Note after ML9.a.2.a, then "\t\tb." at a.'s
        // indentation, 2017): nothing was opened since, the line before's item is still the last
        // open, and Word indents both alike (where it says: ML4.c after ML4.b.2.b and ML4.b's notes,
        // all one tab in 2010, is indented less).
        const nothingOpened = this.open.length === index + 2 && this.open[index + 1] === previous && left !== undefined && left === last.left;
        if (last.paragraph !== this.paragraphs - 1 && !nothingOpened) return undefined;
        // A list the document writes in the other kind goes on in it ("a.", then "b. Not used since 2012").
        const relabeled = this.relabeledList === last.parent && isSuccessor(previous?.label ?? '', this.inListKind(index, label));
        return index >= 0 && previous && (isSuccessor(previous.label, label) || relabeled) ? index : undefined;
    }

    /** The deepest open item whose next label this is. */
    parentBySequence(label: string): number | undefined {
        for (let index = this.open.length - 1; index >= 0; index--) {
            if ((index % 2 === 0) !== isLetterLabel(label)) continue;
            if (takesNext(this.open[index], label)) return index;
        }
        return undefined;
    }

    /**
     * The open item the label belongs under. The tab count says it, but the documents are
     * sometimes off by one; then the label's kind (letters at odd depths below the entry) and its
     * place in the sibling sequence decide between the neighbouring levels.
     */
    private chooseParent(indexFromTabs: number, label: string): number | undefined {
        return this.followingParent(indexFromTabs, label) ?? this.parentCandidates(indexFromTabs, label)[0];
    }

    /** The open levels near the tab depth whose label kind fits, nearest first. */
    private parentCandidates(indexFromTabs: number, label: string): number[] {
        const fits = (index: number) => index >= 0 && index < this.open.length && (index % 2 === 0) === isLetterLabel(label);
        return [indexFromTabs, indexFromTabs - 1, indexFromTabs + 1, indexFromTabs - 2, indexFromTabs - 3].filter(fits);
    }

    /** Of those, the first whose children this label continues. */
    followingParent(indexFromTabs: number, label: string): number | undefined {
        return this.parentCandidates(indexFromTabs, label).find(index => takesNext(this.open[index], label));
    }
}

/** The label continues the item's list of children, or starts it ("a", "1"). */
function takesNext(item: ItemModel, label: string): boolean {
    const last = item.children[item.children.length - 1];
    return last ? isSuccessor(last.label, label) : label === 'a' || label === '1';
}

/** The label in the other kind at the same place in its list: "a" -> "1", "3" -> "c" (single letters only). */
function otherKind(label: string): string | undefined {
    if (/^[a-z]$/.test(label)) return String(label.charCodeAt(0) - 96);
    const number = Number(label);
    return /^\d+$/.test(label) && number >= 1 && number <= 26 ? String.fromCharCode(96 + number) : undefined;
}
