/**
 * What every reader (Word 97, Word 6/95 text conversion, .docx, PDF) gives the importer:
 * the parts of one WA edition as paragraphs in the layout of the Word documents.
 *
 * That layout is the common ground: a paragraph's fields are split by tabs, a full code is
 * written part by part (`3.\tA.\t1.\ta.\tText`), and a deeper item carries only its own label
 * after one tab per code part above it (`\t\t\t\t\ta.\tText` under 3.A.1.a.1). Readers of other
 * formats (the PDF's positioned text) rebuild that form, so one structure parser serves all.
 */

export type PartKind =
    | 'cover' | 'contents' | 'general-notes' | 'category' | 'sensitive' | 'very-sensitive'
    | 'munitions' | 'definitions' | 'acronyms' | 'understandings' | 'other';

export interface SourceParagraph {
    /** The paragraph's text: fields split by `\t`, no trailing newline. */
    text: string;
    /** Where it came from, for messages: "05 - Cat 3.doc, paragraph 12" or "list.pdf, page 60". */
    where: string;
    /** For a paragraph Word numbers automatically, its list and level: paragraphs of one list and level are siblings. */
    list?: string;
    /**
     * Where the paragraph's lines begin, in twips from the margin, where the reader knows it
     * (Word 97 files): `first` for the first line, `left` for the others (an item's text, after
     * its hanging label). What a note belongs to is seen there: a note closing a list is set at
     * the list's item, not at its last sub-item.
     */
    indent?: { left: number; first: number };
}

export interface SourcePart {
    kind: PartKind;
    /** 0-9 for `category` parts. Category 5 comes in two parts (telecommunications, information security). */
    category?: number;
    /** The file the part was read from (its name, not its folder). */
    file: string;
    paragraphs: SourceParagraph[];
}

/** Joins the tab-separated fields of a paragraph with single spaces. */
export function cleanFields(text: string): string {
    return text.split('\t').map(f => f.trim()).filter(f => f !== '').join(' ');
}

export interface Fields {
    depth: number;
    fields: string[];
}

/** The tab depth of a paragraph (leading empty fields) and its fields, trimmed. */
export function splitFields(text: string): Fields {
    const fields = text.split('\t');
    let depth = 0;
    while (depth < fields.length && fields[depth].trim() === '') depth++;
    return { depth, fields: fields.slice(depth).map(f => f.trim()) };
}
