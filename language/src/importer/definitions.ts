/**
 * The DEF part: the edition's defined terms. Each definition opens with a line naming where the
 * term is used and the term in quotes (`Cat 2, 3,\t"Accuracy"`); the places may continue on the
 * next lines (`6, 7, 8\t(Usually measured ...`), and the definition runs until the next term.
 * Notes inside a definition (N.B., Technical Note) stay in its text.
 */
import type { DefinitionModel, NoteModel } from './model.js';
import type { SourceParagraph } from './source.js';
import { cleanFields, parseNoteStart } from './structure.js';

const USED_IN = /^(?:(?:Cat(?:egory)?|ML|GTN|GSN|GENERAL)\s*)?\d{0,2}(?:\s*P\d)?(?:\s*(?:,|and|&)\s*(?:(?:Cat|ML)\s*)?\d{1,2}(?:\s*P\d)?)*\s*,?$/i;
const TERM = /^"([^"]+)"\s*$/;

export interface DefinitionsPart {
    definitions: DefinitionModel[];
    notes: NoteModel[];
}

export function parseDefinitions(paragraphs: SourceParagraph[]): DefinitionsPart {
    const definitions: DefinitionModel[] = [];
    const notes: NoteModel[] = [];
    let current: DefinitionModel | undefined;
    for (const paragraph of paragraphs) {
        const fields = paragraph.text.split('\t').map(f => f.trim());
        const termAt = fields.findIndex(f => TERM.test(f));
        const before = fields.slice(0, Math.max(termAt, 0)).filter(f => f !== '');
        if (termAt >= 0 && before.every(f => USED_IN.test(f))) {
            current = { term: TERM.exec(fields[termAt])![1].trim(), text: '', usedIn: before.join(' ') || undefined };
            appendText(current, fields.slice(termAt + 1).filter(f => f !== '').join(' '));
            definitions.push(current);
            continue;
        }
        if (!current) {
            const note = parseNoteStart(paragraph.text);
            if (note) notes.push({ kind: note.kind, text: note.text });
            else if (notes.length > 0 && !isHeading(paragraph.text)) notes[notes.length - 1].text += `\n${cleanFields(paragraph.text)}`;
            else if (!isHeading(paragraph.text)) notes.push({ kind: 'note', text: cleanFields(paragraph.text) });
            continue;
        }
        const rest = [...fields];
        while (rest.length > 0 && (rest[0] === '' || (USED_IN.test(rest[0]) && /\d|GTN|GSN/.test(rest[0]) && rest.length > 1))) {
            const place = rest.shift()!;
            if (place !== '') current.usedIn = current.usedIn ? `${current.usedIn} ${place}` : place;
        }
        appendText(current, rest.join('\t'), true);
    }
    return { definitions, notes };
}

function appendText(definition: DefinitionModel, text: string, newParagraph = false): void {
    const clean = cleanFields(text);
    if (clean === '') return;
    if (definition.text === '') definition.text = clean;
    else definition.text += (newParagraph ? '\n' : ' ') + clean;
}

function isHeading(text: string): boolean {
    const clean = cleanFields(text);
    return clean === clean.toUpperCase() && /[A-Z]{4}/.test(clean);
}
