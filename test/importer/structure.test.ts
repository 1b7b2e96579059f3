import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildEdition, editionIdentity, indexItems } from '../../language/src/importer/edition.js';
import { ImportError } from '../../language/src/importer/errors.js';
import { heldByValidation, importAndCheck, validateCld, withoutThreshold, writeFileAtomically } from '../../language/src/importer/import-edition.js';
import { classifyPartFile } from '../../language/src/importer/parts.js';
import type { SourcePart } from '../../language/src/importer/source.js';
import { canonicalUsedIn, parseDefinitions } from '../../language/src/importer/definitions.js';
import { isContinuation, namedCodes, pageContinuation, parseNoteStart } from '../../language/src/importer/notes.js';
import { parseCodesField, parseTierList } from '../../language/src/importer/tier-lists.js';
import { formatNumber, LIST_MARK, listMark } from '../../language/src/importer/word-lists.js';
import { splitCatdocMargins, toParagraphs } from '../../language/src/importer/word-reader.js';
import { writeEdition } from '../../language/src/importer/write-cld.js';
import { flattenEdition } from '../../language/src/model/flat-items.js';
import { parseFlatList } from '../../language/src/model/parse-list.js';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { parseCodeLine } from '../../language/src/importer/labels.js';

const part = (kind: SourcePart['kind'], text: string, category?: number): SourcePart => ({ kind, category, file: `${kind}.doc`, paragraphs: toParagraphs(text, `${kind}.doc`) });

// A small edition in the layout of the Word documents: full codes split by tabs, deeper items by tab depth.
const CAT3 = [
    '3.\tA.\tSYSTEMS, EQUIPMENT AND COMPONENTS',
    'Note 1\tThe status of equipment described in 3.A. is determined by the other equipment.',
    '3.\tA.\t1.\tElectronic items as follows:',
    '\t\t\ta.\tGeneral purpose integrated circuits, as follows:',
    '3.\tA.\t1.\ta.\t1.\tIntegrated circuits designed or rated as radiation hardened to withstand any of the following:',
    '\t\t\t\t\ta.\tA total dose of 5 x 10³ Gy (Si) or higher;',
    '\t\t\t\t\tb.\tRated for operation at an ambient temperature below 218 K',
    '(-55°C); or',
    'Note\t3.A.1.a.1.b. does not apply to Metal Insulator Semiconductors (MIS).',
    '3.\tA.\t1.\ta.\t2.\tNot used since 2010',
    '3.\tA.\t1.\ta.\t3.\tDevices having all of the following:',
    'a.\tA clock frequency exceeding 40 MHz; and',
    'b.\tA bandwidth greater than 250 MHz;',
    'Technical Note',
    "'Bandwidth' is measured at 3 dB.",
    '3.\tB.\tTEST, INSPECTION AND PRODUCTION EQUIPMENT',
    '\t\t1.\tEquipment for semiconductor manufacturing:',
    '\t\t\ta.\tA light source wavelength shorter than 193 nm;',
].join('\n');

const ML = [
    'MUNITIONS LIST',
    'ML1.\tSmooth-bore weapons with a calibre of less than 20 mm, as follows:',
    'Note\tML1. does not apply to:',
    'a.\tFirearms manufactured earlier than 1938;',
    'b.\tReproductions of firearms.',
    '\ta.\tRifles and combination guns;',
    '\tb.\tNot used since 2011',
    'ML2.\tAmmunition as follows:',
    'Ammunition for weapons specified by ML1.;',
    'Fuze setting devices specially designed for ammunition specified by ML2.a.',
].join('\n');

const SL = ['THE SENSITIVE LIST', 'Category 3\t\t', '3.A.1.a.1.\tIntegrated circuits...\t', '3.A.1.a.3.\tDevices...\t', '\ta.\tWith a clock frequency exceeding 80 MHz;\t'].join('\n');
const VSL = ['VERY SENSITIVE LIST', 'Category 3\t\t', '3.A.1.a.1.\tIntegrated circuits...\t'].join('\n');
const DEF = ['DEFINITIONS OF TERMS', 'Note 1\tDefinitions apply throughout the Lists.', 'Cat 2, 3,\t"Accuracy"', '6, 7\t(Usually measured in terms of inaccuracy) is the maximum deviation.', 'ML8\t"Additives"', '\tSubstances used in explosive formulations.'].join('\n');

function smallEdition() {
    const parts = [part('category', CAT3, 3), part('munitions', ML), part('sensitive', SL), part('very-sensitive', VSL), part('definitions', DEF)];
    return buildEdition({ listId: 'WA-LIST (21) 1', fileId: 'WA-LIST-21-1', year: 2021 }, parts, ['WA-LIST (21) 1\n- 3 -\t22-12-2021']);
}

describe('rebuilding items from the Word layout', () => {
    const { model } = smallEdition();
    const items = indexItems(model.categories);

    test('full codes and tab depth give every item its code', () => {
        expect([...items.keys()].filter(c => c.startsWith('3.'))).toEqual([
            '3.A.1', '3.A.1.a', '3.A.1.a.1', '3.A.1.a.1.a', '3.A.1.a.1.b', '3.A.1.a.2', '3.A.1.a.3', '3.A.1.a.3.a', '3.A.1.a.3.b', '3.B.1', '3.B.1.a',
        ]);
        expect(model.categories[0].groups.map(g => [g.letter, g.title])).toEqual([['A', 'SYSTEMS, EQUIPMENT AND COMPONENTS'], ['B', 'TEST, INSPECTION AND PRODUCTION EQUIPMENT']]);
    });

    test('a line broken by hand continues the item; "Not used since" reserves the label', () => {
        expect(items.get('3.A.1.a.1.b')!.text).toBe('Rated for operation at an ambient temperature below 218 K (-55°C); or');
        expect(items.get('3.A.1.a.2')!.reservedSince).toBe(2010);
    });

    test('notes go to the item they name, or to the item opened last, or to the group', () => {
        expect(items.get('3.A.1.a.1.b')!.notes).toEqual([{ kind: 'decontrol-note', text: '3.A.1.a.1.b. does not apply to Metal Insulator Semiconductors (MIS).' }]);
        expect(items.get('3.A.1.a.3.b')!.notes).toEqual([{ kind: 'technical-note', text: "'Bandwidth' is measured at 3 dB." }]);
        expect(model.categories[0].groups[0].notes[0].text).toMatch(/^The status of equipment/);
    });

    test('thresholds are read beside the verbatim text; "all of the following" combines with all-of', () => {
        expect(items.get('3.A.1.a.1.a')!.text).toBe('A total dose of 5 x 10³ Gy (Si) or higher;');
        expect(items.get('3.A.1.a.1.a')!.thresholds).toEqual([{ parameter: 'total_ionising_dose', comparator: '>=', value: { value: '5e3', unit: 'Gy' }, phrase: '5 x 10³ Gy (Si) or higher' }]);
        expect(items.get('3.A.1.a.3')!.combinator).toBe('all-of');
        expect(model.parameters.map(p => `${p.name}: ${p.dimension}`)).toEqual(expect.arrayContaining(['total_ionising_dose: dose', 'frequency: frequency', 'wavelength: length']));
    });

    test('munitions: note lists stay in the note; unlabelled Word list items are numbered', () => {
        const ml1 = model.categories.find(c => c.code === 'ML1')!;
        expect(ml1.text).toBe('Smooth-bore weapons with a calibre of less than 20 mm, as follows:');
        expect(ml1.notes[0].text).toBe('ML1. does not apply to:\na. Firearms manufactured earlier than 1938;\nb. Reproductions of firearms.');
        expect(ml1.items.map(i => [i.code, i.text ?? `reserved ${i.reservedSince}`])).toEqual([['ML1.a', 'Rifles and combination guns;'], ['ML1.b', 'reserved 2011']]);
        expect(items.get('ML2.b')!.text).toBe('Fuze setting devices specially designed for ammunition specified by ML2.a.');
        expect(model.warnings.some(w => /ML2.a: label not in the text/.test(w.message))).toBe(true);
    });

    test('the Sensitive and Very Sensitive Lists become tiers; own conditions are kept as a note', () => {
        expect(items.get('3.A.1.a.1')!.tiers).toEqual(['sensitive', 'very-sensitive']);
        expect(items.get('3.A.1.a.3')!.tiers).toEqual(['sensitive']);
        expect(items.get('3.A.1.a.3')!.notes.at(-1)!.text).toBe('Sensitive List: Devices...\na. With a clock frequency exceeding 80 MHz;');
        expect(items.get('3.A.1.a.1.a')!.tiers).toEqual([]);
    });

    test('definitions keep where they are used; the date comes from the running footer', () => {
        expect(model.definitions).toEqual([
            { term: 'Accuracy', usedIn: 'Cat 2, 3, 6, 7', text: '(Usually measured in terms of inaccuracy) is the maximum deviation.' },
            { term: 'Additives', usedIn: 'ML8', text: 'Substances used in explosive formulations.' },
        ]);
        expect(model.definitionNotes).toEqual([{ kind: 'note', text: 'Definitions apply throughout the Lists.' }]);
        expect(model.date).toBe('2021-12-22');
    });

    test('the written CLD validates without errors', async () => {
        const written = writeEdition(model);
        expect(written.text).toContain('id "WA-LIST (21) 1"');
        expect(written.text).toContain('numbering wassenaar');
        const check = await validateCld(written.text, 'small');
        expect(check.errors).toEqual([]);
        // Nothing of the checked text is kept (kept, 27 editions of import --all held 1 GB).
        expect(heldByValidation()).toEqual({ documents: 0, symbols: 0 });
    });
});

describe('finding parts and editions', () => {
    test.each([
        ['05 - Cat 3.doc', { kind: 'category', category: 3, section: undefined }],
        ['08 - WA-LIST (01) 3 - CAT 5P2.doc', { kind: 'category', category: 5, section: 2 }],
        ['14 - WA-LIST (01) 3 VSL.doc', { kind: 'very-sensitive' }],
        ['13 - SL.catdoc.txt', { kind: 'sensitive' }],
        ['15 - ML.doc', { kind: 'munitions' }],
        ['16 - DEF.doc', { kind: 'definitions' }],
        ['02 - GTN and GSN.doc', { kind: 'general-notes' }],
        ['01 - Table of Contents.docx', { kind: 'contents' }],
    ])('%s', (name, expected) => expect(classifyPartFile(name)).toEqual(expected));

    test('list ids from folder names', () => {
        expect(editionIdentity('WA-LIST-21-1')).toEqual({ listId: 'WA-LIST (21) 1', fileId: 'WA-LIST-21-1', year: 2021 });
        expect(editionIdentity('WA-LIST-16-1-Corr-1')).toEqual({ listId: 'WA-LIST (16) 1 Corr. 1', fileId: 'WA-LIST-16-1-Corr-1', year: 2016 });
        expect(editionIdentity('WA-LIST-04-01')?.listId).toBe('WA-LIST (04) 1');
        expect(editionIdentity('WA-LIST-97-1')?.year).toBe(1997);
        expect(editionIdentity('my-list')).toBeUndefined();
    });

    test('note openings', () => {
        expect(parseNoteStart('Note 1\tText')).toEqual({ kind: 'note', text: 'Text', heading: 'Note 1' });
        expect(parseNoteStart('Note1\tText')).toEqual({ kind: 'note', text: 'Text', heading: 'Note1' });
        expect(parseNoteStart('Technial Note\tText')).toEqual({ kind: 'technical-note', text: 'Text', heading: 'Technical Note' });
        // "Technical Notes (cont.)" at the top of a page (3.A.1.e.1 and 9.E.3, 2016) goes on with the notes, brackets and all.
        expect(isContinuation(parseNoteStart('Technical Notes (cont.)')!)).toBe(true);
        expect(isContinuation(parseNoteStart('Note 2 cont.')!)).toBe(true);
        expect(isContinuation(parseNoteStart('Note\t(Continuous wave lasers)')!)).toBe(false);
        // A footnote mark after the number (ML8's "Note 1∗", 2017): the heading "Note 1 cont." continues.
        expect(parseNoteStart('Note 1\u2217\tML8. does not apply to')).toEqual({ kind: 'decontrol-note', text: 'ML8. does not apply to', heading: 'Note 1' });
        expect(parseNoteStart('\tN.B.1.\tText')).toEqual({ kind: 'nb', text: 'Text', heading: 'N.B.1.' });
        expect(parseNoteStart('\t\tTechnical Notes')).toEqual({ kind: 'technical-note', text: '', heading: 'Technical Notes' });
        expect(parseNoteStart('Note 3 to 6.A.3.b.4.b. cont.')).toMatchObject({ heading: 'Note 3', text: 'to 6.A.3.b.4.b. cont.' });
        expect(parseNoteStart('Note\t3.A.1. does not apply to x')?.kind).toBe('decontrol-note');
        expect(parseNoteStart('Notebooks are computers')).toBeUndefined();
    });
});

describe('bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cld-import-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    function edition(name: string, files: Record<string, string | Buffer>): string {
        const folder = join(dir, name);
        mkdirSync(folder, { recursive: true });
        for (const [file, content] of Object.entries(files)) writeFileSync(join(folder, file), content);
        return folder;
    }

    const complete = (cat3: string | Buffer) => ({
        ...Object.fromEntries([1, 2, 4, 5, 6, 7, 8, 9].map(c => [`Cat ${c}.catdoc.txt`, `${c}.\tA.\tSYSTEMS\n`])),
        'Cat 3.doc': cat3, 'SL.catdoc.txt': 'x\n', 'VSL.catdoc.txt': 'x\n', 'ML.catdoc.txt': 'ML1.\tWeapons\n', 'DEF.catdoc.txt': 'x\n',
    });

    test('an empty folder, a missing part, a file that is not Word: the error names it', async () => {
        await expect(importAndCheck(edition('WA-LIST-21-1', {}))).rejects.toThrow(/no Word, text or PDF files/);
        const missing = edition('WA-LIST-20-1', { 'Cat 1.catdoc.txt': '1.\tA.\tSYSTEMS\n' });
        await expect(importAndCheck(missing)).rejects.toThrow(/missing parts: Cat 2, .*ML \(Munitions List\)/);
        await expect(importAndCheck(edition('WA-LIST-19-1', complete('This is not a Word document, only text')))).rejects.toThrow(/Cat 3\.doc: not a Word document/);
        const word6 = Buffer.alloc(2048);
        word6.writeUInt16LE(0xa5dc, 0);
        await expect(importAndCheck(edition('WA-LIST-18-1', complete(word6)))).rejects.toThrow(/Word 6\/95 file/);
        const truncated = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
        await expect(importAndCheck(edition('WA-LIST-17-1', complete(truncated)))).rejects.toThrow(/Cat 3\.doc: the Word file is truncated/);
        const corrupt = Buffer.concat([truncated, Buffer.alloc(8192, 7)]);
        await expect(importAndCheck(edition('WA-LIST-16-1', complete(corrupt)))).rejects.toBeInstanceOf(ImportError);
        await expect(importAndCheck(join(dir, 'nothing-here'))).rejects.toThrow(/no such file or folder/);
    });

    test('a PDF that is not one, or is cut short: the error names the file', async () => {
        const fake = join(edition('WA-LIST-25-1', {}), 'list.pdf');
        writeFileSync(fake, 'plain text');
        await expect(importAndCheck(fake)).rejects.toThrow(/list\.pdf: not a PDF file/);
        writeFileSync(fake, '%PDF-1.7\n1 0 obj << /Type /Catalog');
        await expect(importAndCheck(fake)).rejects.toThrow(/list\.pdf: (not a readable PDF|the PDF could not be read)/);
        await expect(importAndCheck(join(dir, 'WA-LIST-25-1'))).rejects.toThrow(/list\.pdf: (not a readable PDF|the PDF could not be read)/);
    });

    test('a failed write leaves no file behind', () => {
        const blocked = join(dir, 'blocked');
        writeFileSync(blocked, 'a file where a folder should be');
        expect(() => writeFileAtomically(join(blocked, 'x.cld'), 'text')).toThrow(ImportError);
        const out = join(dir, 'out');
        writeFileAtomically(join(out, 'a.cld'), 'list "a"\n');
        expect(readdirSync(out)).toEqual(['a.cld']);
        expect(existsSync(join(blocked, 'x.cld'))).toBe(false);
    });
});

describe('notes with lists of their own, as the documents lay them out', () => {
    const build = (text: string, category?: number) => indexItems(buildEdition({ listId: 'WA-LIST (21) 1', fileId: 'WA-LIST-21-1', year: 2021 }, [category === undefined ? part('munitions', text) : part('category', text, category)], []).model.categories);

    test('two labels on one line: an item with no text whose first sub-item begins there (1.C.8.a, 1997-2009); in a note, one line that either list goes on from', () => {
        const items = build([
            '1.\tC.\t6.\tLubricating fluids as follows:',
            '\t\t\ta.\tHydraulic fluids meeting all of the following:',
            'Technical Note\tThe following determinations apply:',
            '\t\t\t\t4.\ta.\tThe loss in weight of each ball is less than 10 mg;',
            '\t\t\t\t\tb.\tThe change in viscosity is less than 25%; and',
            '\t\t\t\t5.\tIgnition temperature is determined using ASTM E-659.',
            '1.\tC.\t6.\tb.\tLubricating materials;',
            '1.\tC.\t8.\tNon-fluorinated polymeric substances as follows:',
            '\t\t\ta.\t1.\tBismaleimides;',
            '\t\t\t\t2.\tAromatic polyamide-imides;',
            '\t\t\tb.\tThermotropic liquid crystal copolymers;',
        ].join('\n'), 1);
        expect([...items.keys()].filter(code => code.startsWith('1.C.8'))).toEqual(['1.C.8', '1.C.8.a', '1.C.8.a.1', '1.C.8.a.2', '1.C.8.b']);
        expect(items.get('1.C.8.a')!.text).toBe('');
        expect(items.get('1.C.8.a.1')!.text).toBe('Bismaleimides;');
        expect(items.get('1.C.6.b')!.text).toBe('Lubricating materials;');
        expect(items.get('1.C.6.a')!.notes[0].text).toContain('4. a. The loss in weight of each ball is less than 10 mg;\nb. The change in viscosity is less than 25%; and\n5. Ignition');
    });

    test('a note list that nests, is broken by a Technical Note and goes on after "Note 2 cont." stays in the note', () => {
        const items = build([
            '5.\tA.\t2.\tSystems as follows:',
            '\t\t\ta.\tDesigned to use cryptography;',
            'Note 2\t5.A.2.a. does not apply to any of the following items:',
            'a.\tSmart cards as follows:',
            '1.\tA smart card that meets any of the following:',
            'a.\tThe cryptographic capability meets all of the following:',
            '1.\tIt is restricted for use; and',
            '2.\tIt cannot be reprogrammed for any other use; or',
            'b.\tHaving all of the following:',
            '1.\tIt protects personal data;',
            'Technical Note',
            "'Personal data' includes any data specific to a particular person.",
            'Note 2 cont.',
            'b.\tCryptographic equipment for banking use;',
            'c.\tPortable radiotelephones for civil use.',
            '5.\tA.\t2.\tb.\tBeing a cryptographic activation token;',
        ].join('\n'), 5);
        expect([...items.keys()].filter(code => code.startsWith('5.A.2'))).toEqual(['5.A.2', '5.A.2.a', '5.A.2.b']);
        const note = items.get('5.A.2.a')!.notes.find(n => n.text.startsWith('5.A.2.a. does not apply'))!;
        expect(note.text).toContain('b. Having all of the following:');
        expect(note.text).toContain('c. Portable radiotelephones for civil use.');
        expect(items.get('5.A.2.b')!.text).toBe('Being a cryptographic activation token;');
    });

    test('running headers at the top of a page ("ML8.a. contd.", "ML18. Note 2. contd.") are no text', () => {
        expect(pageContinuation('ML8.a. contd.')).toBe('');
        expect(pageContinuation('ML8. contd.')).toBe('');
        expect(pageContinuation('Category 5 - Part 2 cont.')).toBe('');
        expect(pageContinuation('List - "explosives" cont.')).toBe('');
        expect(pageContinuation('Notes contd')).toBe('Notes cont.');
        expect(pageContinuation('ML18. Note 2. contd.')).toBe('Note 2 cont.');
        expect(pageContinuation('6.A.3.b.4. Note 4 cont.')).toBe('Note 4 cont.');
        expect(pageContinuation('Containers continued to be used')).toBeUndefined();
        const items = build([
            'ML8.	Explosives as follows:',
            'a.	Explosives as follows:',
            '1.	ADNBF;',
            'ML8.a. contd.',
            '2.	BNCP;',
            'Note 2	ML8.a.2. does not control the following:',
            'a.	BNCP in mixtures;',
            'ML8. Note 2. contd.',
            'b.	BNCP in medical products.',
            'b.	"Propellants" as follows:',
        ].join('\n'));
        expect(items.get('ML8.a')!.notes).toEqual([]);
        expect(items.get('ML8.a.2')!.text).toBe('BNCP;');
        const note = items.get('ML8.a.2')!.notes[0];
        expect(note.text).toBe('ML8.a.2. does not control the following:\na. BNCP in mixtures;\nb. BNCP in medical products.');
        expect(items.get('ML8.b')!.text).toBe('"Propellants" as follows:');
    });

    test('"Technical Notes" alone on its line numbers its own paragraphs: 1., 2. are note text, not items', () => {
        const items = build([
            '3.\tA.\t1.\tElectronic items as follows:',
            '3.\tA.\t1.\ta.\t5.\tConverters, as follows:',
            '\t\t\t\t\ta.\tAnalogue-to-digital converters with a resolution of 8 bit or more;',
            '\t\t\t\t\tb.\tDigital-to-analogue converters with a resolution of 12 bit or more;',
            '\t\t\t\t\tTechnical Notes',
            '\t\t\t\t\t1.\tA resolution of n bit corresponds to a quantisation of 2n levels.',
            '\t\t\t\t\t2.\tThe output rate is the maximum output rate of the converter.',
            '3.\tA.\t1.\ta.\t6.\tOptical integrated circuits;',
        ].join('\n'), 3);
        expect([...items.keys()].filter(code => code.startsWith('3.A.1.a.5'))).toEqual(['3.A.1.a.5', '3.A.1.a.5.a', '3.A.1.a.5.b']);
        expect(items.get('3.A.1.a.5')!.notes).toEqual([{ kind: 'technical-note', text: '1. A resolution of n bit corresponds to a quantisation of 2n levels.\n2. The output rate is the maximum output rate of the converter.' }]);
        expect(items.get('3.A.1.a.6')!.text).toBe('Optical integrated circuits;');
    });

    test('a code line "1. C. 6. Technical Note" heads a note of 1.C.6, with its own list', () => {
        const items = build([
            '1.\tC.\t6.\tFluids as follows:',
            '\t\t\tc.\tLubricating materials;',
            '\t\t\td.\tFluorocarbon electronic cooling fluids, having all of the following characteristics:',
            '\t\t\t\t1.\tContaining 85% by weight or more of any of the following:',
            '\t\t\t\t2.\tDensity at 298 K (25°C) of 1.5 g/ml or more;',
            '1.\tC.\t6.\tTechnical Note',
            '\t\t\tFor the purpose of 1.C.6.:',
            '\t\t\ta.\tFlash point is determined using the Cleveland Open Cup Method;',
            '\t\t\td.\tThermal stability is determined by the following test procedure:',
            '1.\tC.\t7.\tCeramic powders;',
        ].join('\n'), 1);
        expect(items.get('1.C.6.d')!.text).toBe('Fluorocarbon electronic cooling fluids, having all of the following characteristics:');
        expect(items.get('1.C.6.d')!.notes).toEqual([]);
        expect(items.get('1.C.6')!.notes.map(n => n.kind)).toEqual(['technical-note']);
        expect(items.get('1.C.6')!.notes[0].text).toMatch(/^For the purpose of 1\.C\.6\.:\na\. Flash point .*\nd\. Thermal stability/s);
        expect(items.get('1.C.7')!.text).toBe('Ceramic powders;');
    });

    test('after an item\'s Technical Note, a label at the margin that continues the items is the next item', () => {
        const items = build([
            'ML10.\tAircraft and related equipment, as follows:',
            '\tf.\t\'Ground equipment\' specially designed for aircraft specified by ML10.a.;',
            'Technical Note',
            "'Ground equipment' includes pressure refuelling equipment.",
            'g.\tAircrew life support equipment;',
            'Note\tML10.g. does not control aircrew helmets.',
            'h.\tParachutes, paragliders and related equipment, as follows:',
            '1.\tParachutes not specified elsewhere in the Munitions List;',
        ].join('\n'));
        expect(items.get('ML10.f')!.notes).toEqual([{ kind: 'technical-note', text: "'Ground equipment' includes pressure refuelling equipment." }]);
        expect(items.get('ML10.g')!.text).toBe('Aircrew life support equipment;');
        expect(items.get('ML10.g')!.notes.map(n => n.text)).toEqual(['ML10.g. does not control aircrew helmets.']);
        expect(items.get('ML10.h')!.text).toBe('Parachutes, paragliders and related equipment, as follows:');
    });

    test('a label Word numbers goes beside the earlier numbers of its list and level (ML7.c after ML7.b.4.b)', () => {
        const text = (list: string) => (body: string) => `${listMark(list)}${body}`;
        const top = text('7:0');
        const lines = [
            'ML7.\tChemical agents, as follows:',
            top('a.\tBiological agents;'),
            top('b.\tChemical warfare (CW) agents, including:'),
            '\t\t4.\tCW defoliants, such as:',
            '\t\t\ta.\tButyl 2-chloro-4-fluorophenoxyacetate (LNF);',
            '\t\t\tb.\tAgent Orange;',
            top('c.\tCW binary precursors, as follows:'),
            '\t\t1.\tAlkyl Phosphonyl Difluorides;',
        ];
        const items = build(lines.join('\n'));
        expect(items.get('ML7.c')!.text).toBe('CW binary precursors, as follows:');
        expect(items.get('ML7.c.1')!.text).toBe('Alkyl Phosphonyl Difluorides;');
        expect(items.has('ML7.b.4.c')).toBe(false);
        // Without the list, the label sequence alone picks the deepest item it continues.
        const guessed = build(lines.map(l => l.replace(LIST_MARK, '')).join('\n'));
        expect(guessed.get('ML7.b.4.c')!.text).toBe('CW binary precursors, as follows:');
    });

    test('"ML18. Note 2" alone on its line starts a note of ML18 (2003), not a line of Note 1', () => {
        const result = buildEdition({ listId: 'WA-LIST (03) 1', fileId: 'WA-LIST-03-1', year: 2003 }, [part('munitions', [
            'MUNITIONS LIST',
            'ML18.\tProduction equipment, as follows:',
            'a.\tProduction equipment;',
            'b.\tTest facilities;',
            'Note 1\tML18.a. and ML18.b. include the following equipment:',
            'a.\tContinuous nitrators;',
            'ML18. Note 2',
            'ML18. does not control:',
            'a.\tAntique small arms;',
        ].join('\n'))], []);
        const ml18 = result.model.categories.find(c => c.code === 'ML18')!;
        expect(ml18.notes.map(n => n.text)).toEqual(['ML18. does not control:\na. Antique small arms;']);
        expect(indexItems(result.model.categories).get('ML18.a')!.notes.map(n => n.text)).toEqual(['ML18.a. and ML18.b. include the following equipment:\na. Continuous nitrators;']);
    });

    test('"Note 2" right after a "Note 1" that named sub-items, naming nothing itself, is the entry\'s (2004 ML18), not the last sub-item\'s', () => {
        const items = build([
            'ML18.\tProduction equipment, as follows:',
            '\ta.\tProduction equipment;',
            '\tb.\tTest facilities;',
            'Note 1\tML18.a. and ML18.b. include the following equipment:',
            'a.\tContinuous nitrators;',
            'Note 2\ta.\tThe term \'products referred to in the Munitions List\' includes:',
            'ML19.\tDirected energy weapon systems;',
            '\ta.\tLaser systems;',
            'Note 1\tML19.a. includes lasers.',
            'Note 2\tThe control status of such lasers is that of the whole.',
        ].join('\n'));
        expect(items.get('ML18.b')!.notes.map(n => n.text)).toEqual(['ML18.a. and ML18.b. include the following equipment:\na. Continuous nitrators;']);
        expect(items.get('ML19.a')!.notes.map(n => n.text)).toEqual(['ML19.a. includes lasers.', 'The control status of such lasers is that of the whole.']);
    });

    test('a note\'s list line ending "the following;" opens a list inside the note (1.C.10.e Note 2); one ending otherwise does not', () => {
        const items = build([
            '1.\tC.\t10.\tMaterials as follows:',
            '\t\t\te.\tPrepregs having all of the following:',
            '\t\t\t\t2.\tHaving any of the following:',
            '\t\t\t\t\tc.\tA resin;',
            'Note 2\t1.C.10.e. does not apply to:',
            '\ta.\tEpoxy prepregs for repair, having all of the following;',
            '1.\tAn area not exceeding 1 m2;',
            '2.\tA length not exceeding 2.5 m; and',
            '\tb.\tChopped carbon materials.',
        ].join('\n'), 1);
        expect(items.has('1.C.10.e.2.c.1')).toBe(false);
        expect(items.get('1.C.10.e')!.notes[0].text).toBe('1.C.10.e. does not apply to:\na. Epoxy prepregs for repair, having all of the following;\n1. An area not exceeding 1 m2;\n2. A length not exceeding 2.5 m; and\nb. Chopped carbon materials.');
    });

    test('notes after the last sub-item, one of which speaks of the item above, are that item\'s (3.A.1.b.2 Notes 1-3, 2010)', () => {
        const items = build([
            '3.\tA.\t1.\tElectronic items as follows:',
            '\t\t\tb.\tMicrowave components, as follows:',
            '\t\t\t\t2.\tMMIC power amplifiers having any of the following:',
            '\t\t\t\t\ta.\tRated for operation at frequencies exceeding 2.7 GHz;',
            '\t\t\t\t\tf.\tRated for operation at frequencies exceeding 43.5 GHz;',
            'Note 1\tNot used since 2010',
            'Note 2\tThe status of the MMIC whose rated operating frequency includes frequencies listed in more than one frequency range, as defined by 3.A.1.b.2.a. through 3.A.1.b.2.f., is determined by the lowest power control threshold.',
            'Note 3\tNotes 1 and 2 in 3.A. mean that 3.A.1.b.2. does not apply to MMICs specially designed for other applications.',
            'Technical Note\tThe maximum power is measured at the output.',
        ].join('\n'), 3);
        expect(items.get('3.A.1.b.2.f')!.notes).toEqual([]);
        expect(items.get('3.A.1.b.2')!.notes.map(n => n.text.slice(0, 20))).toEqual(['Not used since 2010', 'The status of the MM', 'Notes 1 and 2 in 3.A', 'The maximum power is']);
    });

    test('"d. OPTICS - None" is a label that controls nothing yet, kept with its heading as a note (6.D.3, 6.E.3)', () => {
        const items = build([
            '6.\tD.\t3.\tOther "software" as follows:',
            '\t\t\ta.\tACOUSTICS - None',
            '\t\t\tb.\t"Software" for cameras;',
        ].join('\n'), 6);
        expect(items.get('6.D.3.a')).toMatchObject({ reserved: true, notes: [{ kind: 'note', text: 'ACOUSTICS - None' }] });
        expect(items.get('6.D.3.a')!.text).toBeUndefined();
        expect(items.get('6.D.3.b')!.text).toBe('"Software" for cameras;');
    });

    test('a label at the indentation of the label line before it, continuing its list, is its sibling (6.A.5.b.2.b-c, 2004: both a tab short)', () => {
        const items = build([
            '6.\tA.\t5.\t"Lasers", as follows:',
            '6.\tA.\t5.\tb.\tSemiconductor "lasers", as follows:',
            '\t\t\t\t2.\tIndividual, multiple-transverse mode semiconductor "lasers", having any of the following:',
            '\t\t\t\t\ta.\tA wavelength of less than 1400 nm;',
            '\t\t\t\tb.\tA wavelength of 1400 nm to 1900 nm;',
            '\t\t\t\tc.\tA wavelength of 1900 nm or more.',
            '\t\t\t\t3.\tIndividual semiconductor "laser" arrays;',
            '6.\tA.\t5.\tc.\tSolid state "lasers", as follows:',
        ].join('\n'), 6);
        expect(items.get('6.A.5.b.2.c')!.text).toBe('A wavelength of 1900 nm or more.');
        expect(items.get('6.A.5.b.3')!.text).toBe('Individual semiconductor "laser" arrays;');
        expect(items.get('6.A.5.c')!.text).toBe('Solid state "lasers", as follows:');
    });

    test('toParagraphs takes the list mark off into the paragraph', () => {
        expect(toParagraphs(`${listMark('12:1')}b.\tHaving any of the following:\nplain`, 'x.doc')).toEqual([
            { text: 'b.\tHaving any of the following:', where: 'x.doc, paragraph 1', list: '12:1' },
            { text: 'plain', where: 'x.doc, paragraph 2' },
        ]);
        // In a table cell the number follows the cell's tab: the number stays, the mark goes.
        expect(toParagraphs(`d. Laboratory use; or\t${listMark('7:0')}e. Medical equipment.`, 'SL.doc')[0].text).toBe('d. Laboratory use; or\te. Medical equipment.');
    });

    test('list numbers in the formats Word draws', () => {
        expect([1, 2, 26, 27].map(n => formatNumber(n, 4))).toEqual(['a', 'b', 'z', 'aa']);
        expect([1, 4, 9, 14].map(n => formatNumber(n, 2))).toEqual(['i', 'iv', 'ix', 'xiv']);
        expect(formatNumber(3, 1)).toBe('III');
        expect(formatNumber(3, 3)).toBe('C');
        expect(formatNumber(7, 0)).toBe('7');
        expect(formatNumber(7, 22)).toBe('07');
        expect(formatNumber(7, 255)).toBe('');
    });

    test('the old "Deleted" withdraws a label; "Deleted (transferred to X)" says where it went', () => {
        const items = build([
            '1.\tC.\t6.\tFluids as follows:',
            '\t\t\ta.\tHydraulic fluids;',
            '\t\t\tb.\tDeleted;',
            '\t\t\tc.\tDeleted (transferred to 1.C.11.d.)',
            '\t\t\td.\tLubricating materials;',
        ].join('\n'), 1);
        expect(items.get('1.C.6.b')).toMatchObject({ reserved: true, notes: [] });
        expect(items.get('1.C.6.b')!.text).toBeUndefined();
        expect(items.get('1.C.6.c')).toMatchObject({ reserved: true, notes: [{ kind: 'note', text: 'Deleted (transferred to 1.C.11.d.)' }] });
        expect(items.get('1.C.6.d')!.text).toBe('Lubricating materials;');
    });

    test('after a note list a, b, c, the item list goes on with b', () => {
        const items = build([
            'ML10.\tAircraft as follows:',
            'a.\tManned aircraft;',
            'Note 2\tML10.a. does not apply to aircraft that meet all of the following:',
            'a.\tWere first manufactured before 1946;',
            'b.\tDo not incorporate items specified in the Munitions List;',
            'c.\tDo not incorporate weapons;',
            'b.\tNot used since 2011',
            'c.\tUnmanned aircraft;',
        ].join('\n'));
        expect([...items.keys()]).toEqual(['ML10.a', 'ML10.b', 'ML10.c']);
        expect(items.get('ML10.b')!.reservedSince).toBe(2011);
    });

    test('an entry written "\\t\\t3." right after a Technical Note is the next entry, not note text', () => {
        const items = build([
            '7.\tD.\tSOFTWARE',
            '\t\t2.\t"Source code" for the "use" of inertial navigation equipment.',
            '\t\t\tTechnical Note',
            '\t\t\tAHRS generally differ from inertial navigation systems.',
            '\t\t3.\tOther "software", as follows:',
            '\t\t\ta.\t"Software" specially designed to improve performance;',
        ].join('\n'), 7);
        expect([...items.keys()]).toEqual(['7.D.2', '7.D.3', '7.D.3.a']);
    });

    test('items one tab deeper than their code after a note that does not introduce a list are items', () => {
        const items = build([
            '6.\tA.\t2.\tOptical sensors as follows:',
            '\t\t\ta.\tOptical detectors as follows:',
            '6.\tA.\t2.\ta.\t1.\tSpace-qualified solid-state detectors as follows:',
            'Note\tFor the purpose of 6.A.2.a.1., solid-state detectors include "focal plane arrays".',
            '\t\t\t\t\t\ta.\tHaving all of the following:',
            '\t\t\t\t\t\t1.\tA peak response exceeding 10 nm; and',
            '\t\t\t\t\tb.\tHaving a peak response exceeding 1,200 nm;',
        ].join('\n'), 6);
        expect([...items.keys()]).toEqual(['6.A.2', '6.A.2.a', '6.A.2.a.1', '6.A.2.a.1.a', '6.A.2.a.1.a.1', '6.A.2.a.1.b']);
    });
});

describe('code fields of the Sensitive and Very Sensitive Lists', () => {
    test('single codes, bare labels after a code, and ranges with "to"', () => {
        expect(parseCodesField('3.A.1.a.1.')).toEqual(['3.A.1.a.1']);
        expect(parseCodesField('6. A. 2. a. 3.')).toEqual(['6.A.2.a.3']);
        expect(parseCodesField('5.A.2.a. & b.')).toEqual(['5.A.2.a', '5.A.2.b']);
        expect(parseCodesField('6.A.2.a.1.a., b. and c.')).toEqual(['6.A.2.a.1.a', '6.A.2.a.1.b', '6.A.2.a.1.c']);
        expect(parseCodesField('7.D.3.d.1. to 4. & 7.')).toEqual(['7.D.3.d.1', '7.D.3.d.2', '7.D.3.d.3', '7.D.3.d.4', '7.D.3.d.7']);
        expect(parseCodesField('7.D.4.a. to d. & g.')).toEqual(['7.D.4.a', '7.D.4.b', '7.D.4.c', '7.D.4.d', '7.D.4.g']);
        expect(parseCodesField('7.D.4.a. to 7.D.4.d.')).toEqual(['7.D.4.a', '7.D.4.b', '7.D.4.c', '7.D.4.d']);
    });

    test('", and" and ", or" join codes as "," does', () => {
        expect(parseCodesField('6.A.2.a.1.a, b., and c.')).toEqual(['6.A.2.a.1.a', '6.A.2.a.1.b', '6.A.2.a.1.c']);
        expect(parseCodesField('1.C.10.c. or 1.C.10.d.')).toEqual(['1.C.10.c', '1.C.10.d']);
    });

    test('text is not a code field', () => {
        expect(parseCodesField('Category 3')).toBeUndefined();
        expect(parseCodesField('a. with a clock frequency')).toBeUndefined();
        expect(parseCodesField('3.A.1.a.1. to')).toBeUndefined();
        expect(parseCodesField('')).toBeUndefined();
    });
});

describe('entries of the Sensitive and Very Sensitive Lists', () => {
    const entries = (text: string) => parseTierList(toParagraphs(text, 'SL.doc')).map(e => ({ codes: e.codes, text: e.text, detail: e.detail }));

    test('tab-led code lines (1997, 1998) and two codes side by side', () => {
        expect(entries('Category 1\n\t1.C.1.\tMaterials...\n\t6.A.2.a.1.a. 6.A.2.a.1.b.\t"Space-qualified" detectors...')).toEqual([
            { codes: ['1.C.1'], text: 'Materials...', detail: [] },
            { codes: ['6.A.2.a.1.a', '6.A.2.a.1.b'], text: '"Space-qualified" detectors...', detail: [] },
        ]);
    });

    test('a note heading alone before a note that names its item is not a line of the entry before (2010 SL)', () => {
        expect(entries('6.A.2.a.3.\tdoes not apply to the following "focal plane arrays":\na.\tPtSi arrays.\nNote 6\n6.A.2.a.3.\tdoes not apply to GaAs arrays.')).toEqual([
            { codes: ['6.A.2.a.3'], text: 'does not apply to the following "focal plane arrays":', detail: ['a. PtSi arrays.'] },
            { codes: ['6.A.2.a.3'], text: 'does not apply to GaAs arrays.', detail: [] },
        ]);
    });

    test('a typing slip "5:E.1.a." is read as 5.E.1.a', () => {
        expect(entries('\t5:E.1.a.\t"Technology"...')[0].codes).toEqual(['5.E.1.a']);
    });

    test('table rows whose cells hold several entries (2003 VSL)', () => {
        const table = 'Category 5 - Part 2\tNone\t\t\tCategory 6\t\t6.A.1.a.1.b.1.\tObject detection systems\n\tBottom cable systems:\n2.\tIncorporating modules;\t\t\t6.A.1.a.2.f.\tProcessing equipment';
        expect(entries(table)).toEqual([
            { codes: ['6.A.1.a.1.b.1'], text: 'Object detection systems', detail: ['Bottom cable systems:', '2. Incorporating modules;'] },
            { codes: ['6.A.1.a.2.f'], text: 'Processing equipment', detail: [] },
        ]);
    });

    test('text after a space, and "& code" continuing the codes above (2025)', () => {
        expect(entries('1.C.10.c. & 1.C.10.d. "Fibrous or filamentary materials"...\n7.D.4.a. to 7.D.4.d.\t"Source code"...\n& 7.D.4.g.')).toEqual([
            { codes: ['1.C.10.c', '1.C.10.d'], text: '"Fibrous or filamentary materials"...', detail: [] },
            { codes: ['7.D.4.a', '7.D.4.b', '7.D.4.c', '7.D.4.d', '7.D.4.g'], text: '"Source code"...', detail: [] },
        ]);
    });

    test('an entry whose lines only restate the item and the items above it is no note (9.E.3.a.3.a, 2007 VSL); one with a condition of its own is', () => {
        const cat9 = ['9.\tE.\tTECHNOLOGY', '9.\tE.\t3.\tOther "technology" as follows:',
            '\t\t\ta.\t"Technology" "required" for the "development" or "production" of any of the following gas turbine engine components or systems:',
            '\t\t\t\t3.\tComponents manufactured from any of the following:',
            '\t\t\t\t\ta.\tOrganic "composite" materials designed to operate above 588 K (315°C);',
            '\t\t\t\t\tb.\tMetal "matrix" "composite" materials;'].join('\n');
        const vsl = ['Category 9', '9.E.3.a.3.a.\t"Technology" "required" for …', 'Components manufactured from...', 'Organic "composite" materials designed to operate above 588 K (315°C).',
            '9.E.3.a.3.b.\t"Technology" "required" for …', 'Components manufactured from...', 'Metal "matrix" "composite" materials having a density below 3 g/cm3.'].join('\n');
        const edition = buildEdition({ listId: 'WA-LIST (07) 2', fileId: 'WA-LIST-07-2', year: 2007 }, [part('category', cat9, 9), part('very-sensitive', vsl)], []);
        const items = indexItems(edition.model.categories);
        expect(items.get('9.E.3.a.3.a')!.tiers).toEqual(['sensitive', 'very-sensitive']);
        expect(items.get('9.E.3.a.3.a')!.notes).toEqual([]);
        expect(items.get('9.E.3.a.3.b')!.notes.map(n => n.text)).toEqual(['Very Sensitive List: "Technology" "required" for …\nComponents manufactured from...\nMetal "matrix" "composite" materials having a density below 3 g/cm3.']);
    });

    test('sub-lines that abbreviate every sub-item restate the item (8.A.2.b, 2005 SL); some of them, or other numbers, select', () => {
        const cat8 = ['8.\tA.\tSYSTEMS', '8.\tA.\t2.\tSystems as follows:',
            '\t\t\tb.\tSystems for the automated control of the motion of submersible vehicles, having any of the following:',
            '\t\t\t\t1.\tEnabling a vehicle to move within 10 m of a predetermined point;',
            '\t\t\t\t2.\tMaintaining the position of the vehicle within 10 m of a predetermined point; or',
            '\t\t\tc.\tSonar systems having any of the following:',
            '\t\t\t\t1.\tA transmitting frequency below 10 kHz;',
            '\t\t\t\t2.\tA sound pressure level exceeding 224 dB;'].join('\n');
        const sl = ['Category 8', '8.A.2.b.\tSystems for the automated control of the motion of submersible vehicles, having any of the following:', '1.\tEnabling…;', '2.\tMaintaining…; or',
            '8.A.2.c.\tSonar systems having any of the following:', '1.\tA transmitting frequency below 5 kHz;', '2.\tA sound pressure level exceeding 224 dB;'].join('\n');
        const items = indexItems(buildEdition({ listId: 'WA-LIST (05) 1', fileId: 'WA-LIST-05-1', year: 2005 }, [part('category', cat8, 8), part('sensitive', sl)], []).model.categories);
        expect(items.get('8.A.2.b')!.notes).toEqual([]);
        expect(items.get('8.A.2.c')!.notes.map(n => n.text)).toEqual(['Sensitive List: Sonar systems having any of the following:\n1. A transmitting frequency below 5 kHz;\n2. A sound pressure level exceeding 224 dB;']);
    });

    test('an entry that leaves out a defined term the item names narrows it ("development" or "production" for "... or "use"", 5.E.1.a in the 2018 SL)', () => {
        const cat5 = ['5.\tE.\tTECHNOLOGY', '5.\tE.\t1.\t"Technology" as follows:',
            '\t\t\ta.\t"Technology" according to the General Technology Note for the "development", "production" or "use" (excluding operation) of equipment specified by 5.A.1.;',
            '\t\t\tb.\t"Technology" for the "development" of equipment specified by 5.A.1.b.;'].join('\n');
        const sl = ['Category 5', '5.E.1.a.\t"Technology" according to the General Technology Note for the "development" or "production" of equipment specified by 5.A.1. of this List.',
            '5.E.1.b.\t"Technology" for the "development" of equipment specified by 5.A.1.b.'].join('\n');
        const items = indexItems(buildEdition({ listId: 'WA-LIST (18) 1', fileId: 'WA-LIST-18-1', year: 2018 }, [part('category', cat5, 5), part('sensitive', sl)], []).model.categories);
        expect(items.get('5.E.1.a')!.notes.map(n => n.text)).toEqual(['Sensitive List: "Technology" according to the General Technology Note for the "development" or "production" of equipment specified by 5.A.1. of this List.']);
        expect(items.get('5.E.1.b')!.notes).toEqual([]);
        expect(items.get('5.E.1.b')!.tiers).toEqual(['sensitive']);
    });

    test('after a "Category 2 contd." page header, an entry that repeats its code before its next sub-label goes on (2.E.1, 2009 SL)', () => {
        const cat2 = ['2.\tE.\tTECHNOLOGY', '2.\tE.\t1.\t"Technology" for the "development" of equipment specified by 2.A., 2.B. or 2.D.'].join('\n');
        const sl = ['Category 2', '2.E.1.\t"Technology" for the "development" of equipment as follows:', 'a.\tMachine tools for turning;',
            'Category 2 contd.', '2.E.1.\tb.\tMachine tools for milling;'].join('\n');
        const items = indexItems(buildEdition({ listId: 'WA-LIST (09) 1', fileId: 'WA-LIST-09-1', year: 2009 }, [part('category', cat2, 2), part('sensitive', sl)], []).model.categories);
        expect(items.get('2.E.1')!.notes.map(n => n.text)).toEqual(['Sensitive List: "Technology" for the "development" of equipment as follows:\na. Machine tools for turning;\nb. Machine tools for milling;']);
    });

    test('after a page header "Category 2" in the middle of category 2, an entry that repeats its code before a sub-label path ("2.D.1.\tb.2.") goes on, its line numbered by its own label (2010 SL)', () => {
        const cat2 = ['2.\tD.\tSOFTWARE', '2.\tD.\t1.\t"Software" for the "development" of equipment specified by 2.A. or 2.B.'].join('\n');
        const sl = ['Category 2', '2.D.1.\t"Software" for equipment as follows:', 'b.\tMachine tools for milling having any of the following:',
            '1.a.\tPositioning accuracy of 3.6 µm; and', 'Category 2', '2.D.1.\tb.2.\tFive or more axes;', 'c.\tElectrical discharge machines.'].join('\n');
        const items = indexItems(buildEdition({ listId: 'WA-LIST (10) 1', fileId: 'WA-LIST-10-1', year: 2010 }, [part('category', cat2, 2), part('sensitive', sl)], []).model.categories);
        expect(items.get('2.D.1')!.notes.map(n => n.text)).toEqual(['Sensitive List: "Software" for equipment as follows:\nb. Machine tools for milling having any of the following:\n1.a. Positioning accuracy of 3.6 µm; and\n2. Five or more axes;\nc. Electrical discharge machines.']);
    });

    test('table rows whose texts came out on one code line go back to their codes; an entry quoting a path ("Hydrophones...When designed...") means the item it quotes (2004)', () => {
        const cat6 = ['6.\tA.\tSYSTEMS', '6.\tA.\t1.\tAcoustic systems as follows:',
            '\t\t\ta.\tHydrophones having any of the following:',
            '\t\t\t\t1.\tIncorporating continuous flexible sensing elements;',
            '\t\t\t\t2.\tHaving any of the following sensing elements:',
            '\t\t\t\t3.\tA hydrophone sensitivity better than -180 dB;',
            '\t\t\t\t4.\tWhen designed to operate at depths exceeding 35 m;'].join('\n');
        // The 2005-2021 form: two codes, both texts on the second.
        const table = ['Category 6', '6.A.1.a.2.', '6.A.1.a.4.\tHydrophones...Having any...', 'Hydrophones...When designed...'].join('\n');
        const items = indexItems(buildEdition({ listId: 'WA-LIST (05) 1', fileId: 'WA-LIST-05-1', year: 2005 }, [part('category', cat6, 6), part('very-sensitive', table)], []).model.categories);
        expect(['6.A.1.a.1', '6.A.1.a.2', '6.A.1.a.3', '6.A.1.a.4'].map(code => items.get(code)!.tiers.includes('very-sensitive'))).toEqual([false, true, false, true]);
        expect(items.get('6.A.1.a.4')!.notes).toEqual([]);
        // The 2004 form: the list kept last year's number (a.3) for what is now a.4.
        const stale = ['Category 6', '6.A.1.a.3.\tHydrophones...When designed...'].join('\n');
        const renumbered = indexItems(buildEdition({ listId: 'WA-LIST (04) 1', fileId: 'WA-LIST-04-1', year: 2004 }, [part('category', cat6, 6), part('sensitive', stale)], []).model.categories);
        expect(renumbered.get('6.A.1.a.4')!.tiers).toContain('sensitive');
        expect(renumbered.get('6.A.1.a.3')!.tiers).not.toContain('sensitive');
    });

    test('a list that kept the numbers from before an item was split means both halves its path quotes (6.A.1.a.2.a.1-2, 2004)', () => {
        const cat6 = ['6.\tA.\tSYSTEMS', '6.\tA.\t1.\tAcoustic systems as follows:',
            '\t\t\ta.\tHydrophones having any of the following:',
            '\t\t\t\t1.\tIncorporating continuous flexible sensing elements;',
            '\t\t\t\t2.\tIncorporating flexible assemblies of discrete sensing elements;',
            '\t\t\t\t3.\tHaving any of the following sensing elements:',
            '\t\t\t\t4.\tA hydrophone sensitivity better than -180 dB;',
            '\t\t\t\t5.\tWhen designed to operate at depths exceeding 35 m;'].join('\n');
        const tiered = (rows: string[]) => {
            const items = indexItems(buildEdition({ listId: 'WA-LIST (04) 1', fileId: 'WA-LIST-04-1', year: 2004 }, [part('category', cat6, 6), part('sensitive', ['Category 6', ...rows].join('\n'))], []).model.categories);
            return [1, 2, 3, 4, 5].filter(n => items.get(`6.A.1.a.${n}`)!.tiers.includes('sensitive'));
        };
        // 2003's numbers: a.1 was both kinds of "Incorporating", a.2 "Having any", a.4 "When designed".
        expect(tiered(['6.A.1.a.1.\tHydrophones...Incorporating...', '6.A.1.a.2.\tHydrophones...Having any...', '6.A.1.a.4.\tHydrophones...When designed...'])).toEqual([1, 2, 3, 5]);
        // Numbers that are this edition's: only what they name.
        expect(tiered(['6.A.1.a.1.\tHydrophones...Incorporating...', '6.A.1.a.3.\tHydrophones...Having any...', '6.A.1.a.5.\tHydrophones...When designed...'])).toEqual([1, 3, 5]);
    });

    test('an entry that only points at the item\'s notes ("Note 1 ... Note 2 ...", 6.A.3.b.4 in the 2010 SL) is no note', () => {
        const cat6 = ['6.\tA.\tSYSTEMS', '6.\tA.\t3.\tCameras as follows:', '\t\t\tb.\tImaging cameras incorporating "focal plane arrays";',
            'Note 1\t6.A.3.b. does not apply to cameras for medical use.', 'Note 2\t6.A.3.b. does not apply to cameras for toys.'].join('\n');
        const sl = ['Category 6', '6.A.3.b.\tNote 1\t...', '\tNote 2\t...'].join('\n');
        const items = indexItems(buildEdition({ listId: 'WA-LIST (10) 1', fileId: 'WA-LIST-10-1', year: 2010 }, [part('category', cat6, 6), part('sensitive', sl)], []).model.categories);
        expect(items.get('6.A.3.b')!.tiers).toEqual(['sensitive']);
        expect(items.get('6.A.3.b')!.notes.map(n => n.text)).toEqual(['6.A.3.b. does not apply to cameras for medical use.', '6.A.3.b. does not apply to cameras for toys.']);
    });

    test("an entry under a number the dual-use list changed applies to the item whose text it quotes (2004 SL 6.A.6.g, now 6.A.6.c)", () => {
        const cat6 = ['6.\tA.\tSYSTEMS', '6.\tA.\t6.\tMagnetometers and magnetic sensors, as follows:', '\t\t\ta.\t"Magnetometers" as follows:',
            '\t\t\tb.\tUnderwater electric field sensors;', '\t\t\tc.\tMagnetic compensation systems for magnetic sensors designed to operate on mobile platforms;'].join('\n');
        const sl = ['Category 6', '6.A.6.g.\tMagnetic compensation systems...', '6.A.6.b.\tUnderwater electric field sensors...'].join('\n');
        const edition = buildEdition({ listId: 'WA-LIST (04) 1', fileId: 'WA-LIST-04-1', year: 2004 }, [part('category', cat6, 6), part('sensitive', sl)], []);
        const items = indexItems(edition.model.categories);
        expect(items.get('6.A.6.c')!.tiers).toEqual(['sensitive']);
        expect(items.get('6.A.6.b')!.tiers).toEqual(['sensitive']);
        expect(edition.model.warnings.map(w => w.message)).toContain('the Sensitive List names 6.A.6.g, but quotes the text of 6.A.6.c ("Magnetic compensation systems..."); applied to 6.A.6.c');
    });

    test('"Deleted" entries withdraw their codes instead of applying a tier', () => {
        const edition = buildEdition({ listId: 'WA-LIST (01) 2', fileId: 'WA-LIST-01-2', year: 2001 }, [part('category', CAT3, 3), part('sensitive', 'Category 3\n3.A.1.a.1.\tDeleted\t\n3.A.1.a.3.\tDevices...')], []);
        expect(indexItems(edition.model.categories).get('3.A.1.a.3')?.tiers).toContain('sensitive');
        expect(indexItems(edition.model.categories).get('3.A.1.a.1')?.tiers ?? []).not.toContain('sensitive');
    });
});

describe('notes go to the items they name', () => {
    test('the forms of naming: a code, a list of codes, "For the purposes of", "The control in"', () => {
        expect(namedCodes('3.A.1.a.1.c. does not apply to')).toEqual(['3.A.1.a.1.c']);
        expect(namedCodes('2.B.5.a., 2.B.5.b., 2.B.5.e., 2.B.5.f. and 2.B.5.g. do not control')).toEqual(['2.B.5.a', '2.B.5.b', '2.B.5.e', '2.B.5.f', '2.B.5.g']);
        expect(namedCodes("For the purposes of 6.C.2.b.1., 'mole fraction' is defined")).toEqual(['6.C.2.b.1']);
        expect(namedCodes("'Able to be modified' in 6.A.1.a.2.b. means having provisions")).toEqual(['6.A.1.a.2.b']);
        expect(namedCodes('The control in ML10.b. and ML10.d. on specially designed components')).toEqual(['ML10.b', 'ML10.d']);
        // "The parameters of 7.A.3.a. and 7.A.3.b. are applicable with ...", set at 7.A.3's head (twenty-eighth items sample, 2009).
        expect(namedCodes('The parameters of 7.A.3.a. and 7.A.3.b. are applicable with any of the following')).toEqual(['7.A.3.a', '7.A.3.b']);
        // A bare label after a code replaces its last label.
        expect(namedCodes('ML13.c. and d. do not apply to helmets')).toEqual(['ML13.c', 'ML13.d']);
        expect(namedCodes('ML7.d., ML7.e.1. and 2. and ML7.f. control equipment specially designed')).toEqual(['ML7.d', 'ML7.e.1', 'ML7.e.2', 'ML7.f']);
        expect(namedCodes('See 3.A.1. for integrated circuits')).toEqual([]);
        expect(namedCodes('Equipment specified in 3.A.1.')).toEqual([]);
    });

    test('in a series of numbered notes, one that writes a single item\'s code inside its sentence is that item\'s (ML8 Note 3, 2001-2006)', () => {
        const text = [
            'ML8.\tEnergetic materials, as follows:',
            '\tc.\t"Pyrotechnics", fuels and related substances, as follows:',
            '\t\t1.\tAircraft fuels specially formulated for military purposes;',
            '\t\t2.\tAlane;',
            '\t\t3.\tCarboranes;',
            '\t\t4.\tHydrazine and derivatives, as follows:',
            '\t\t\ta.\tHydrazine in concentrations of 70% or more;',
            '\t\t5.\tMetal fuels in particle form;',
            '\t\t6.\tTitanium subhydride.',
            'Note 1\tAircraft fuels controlled by ML8.c.1. are finished products not their constituents.',
            'Note 2\tML8.c.4.a. does not control hydrazine mixtures specially formulated for corrosion control.',
            'Note 3\tExplosives and fuels containing the metals or alloys listed in ML8.c.5. are controlled whether or not the metals are encapsulated.',
        ].join('\n');
        const items = indexItems(buildEdition({ listId: 'WA-LIST (01) 3', fileId: 'WA-LIST-01-3', year: 2001 }, [part('munitions', text)], []).model.categories);
        expect(items.get('ML8.c.4.a')!.notes.map(n => n.text)).toEqual(['ML8.c.4.a. does not control hydrazine mixtures specially formulated for corrosion control.']);
        expect(items.get('ML8.c.5')!.notes.map(n => n.text)).toEqual(['Explosives and fuels containing the metals or alloys listed in ML8.c.5. are controlled whether or not the metals are encapsulated.']);
        // The first of the series starts it (2004-2006); "is only specified by X" sends the reader to X and stays.
        expect(items.get('ML8.c.1')!.notes.map(n => n.text)).toEqual(['Aircraft fuels controlled by ML8.c.1. are finished products not their constituents.']);
        expect(items.get('ML8.c.6')!.notes).toEqual([]);
    });

    test('a cross-reference is never the note of an item it sends the reader to; a stated move stays with the withdrawn item (5.A.2, 2014)', () => {
        const text = [
            '5.\tA.\t2.\tSystems, equipment and components, as follows:',
            '\t\t\ta.\tDesigned or modified to use "cryptography";',
            '\t\t\tb.\tDesigned or modified to enable, by means of "cryptographic activation", an item to achieve the controlled levels;',
            'N.B.\tSee also 5.A.2.b., 5.D.2.d. and 5.E.2.b.',
            '\t\t\tc.\tNot used since 2012',
            'N.B.\tSee 5.A.2.a. for items previously specified by 5.A.2.c.',
        ].join('\n');
        const items = indexItems(buildEdition({ listId: 'WA-LIST (14) 2', fileId: 'WA-LIST-14-2', year: 2014 }, [part('category', text, 5)], []).model.categories);
        expect(items.get('5.A.2')!.notes.map(n => n.text)).toEqual(['See also 5.A.2.b., 5.D.2.d. and 5.E.2.b.']);
        expect(items.get('5.A.2.b')!.notes).toEqual([]);
        expect(items.get('5.A.2.c')!.notes.map(n => n.text)).toEqual(['See 5.A.2.a. for items previously specified by 5.A.2.c.']);
    });

    test('a note naming several items is on each; a Technical Note heading alone goes where its first line points', () => {
        const text = [
            '6.\tC.\t2.\tOptical sensor materials as follows:',
            '\t\t\ta.\tElemental tellurium;',
            '\t\t\tb.\tSingle crystals of any of the following:',
            '\t\t\t\t1.\tCadmium zinc telluride with zinc content of less than 6% by \'mole fraction\';',
            '\t\t\t\t2.\tCadmium telluride of any purity level; or',
            '\t\t\t\t3.\tMercury cadmium telluride of any purity level.',
            'Technical Note',
            "For the purposes of 6.C.2.b.1., 'mole fraction' is defined as the ratio of moles.",
            'Note\t6.C.2.a. and 6.C.2.b.2. do not apply to samples.',
        ].join('\n');
        const edition = buildEdition({ listId: 'WA-LIST (21) 1', fileId: 'WA-LIST-21-1', year: 2021 }, [part('category', text, 6)], []);
        const items = indexItems(edition.model.categories);
        expect(items.get('6.C.2.b.1')!.notes.map(n => n.kind)).toEqual(['technical-note']);
        expect(items.get('6.C.2.b.3')!.notes).toEqual([]);
        expect(items.get('6.C.2.a')!.notes[0].text).toContain('do not apply to samples');
        expect(items.get('6.C.2.b.2')!.notes[0]).toBe(items.get('6.C.2.a')!.notes[0]);
    });
});

test('a table the item above it announces ("... of the following table", 2.E.3.f) is that item\'s, pages, notes and all; an annex is the category\'s', () => {
    const edition = buildEdition({ listId: 'WA-LIST (09) 1', fileId: 'WA-LIST-09-1', year: 2009 }, [part('category', [
        '2.\tE.\tTECHNOLOGY',
        '2.\tE.\t3.\tOther "technology", as follows:',
        '\t\t\tf.\t"Technology" for the application of inorganic overlay coatings specified in column 3 of the following table;',
        'TABLE - DEPOSITION TECHNIQUES',
        '1.\tCoating Process\t2.\tSubstrate\t3.\tResultant Coating',
        'TABLE - DEPOSITION TECHNIQUES - NOTES',
        "1.\tThe term 'coating process' includes coating repair.",
        'ANNEX - LIST OF ITEMS',
        'a.\tSomething listed.',
    ].join('\n'), 2)], []);
    const items = indexItems(edition.model.categories);
    expect(items.get('2.E.3.f')!.notes.map(n => n.text.split('\n')[0])).toEqual(['TABLE - DEPOSITION TECHNIQUES', 'TABLE - DEPOSITION TECHNIQUES - NOTES']);
    expect(edition.model.categories[0].notes.map(n => n.text.split('\n')[0])).toEqual(['ANNEX - LIST OF ITEMS']);
});

test('a section heading indented like the items of the open entry heads its next item and closes nothing (6.D.3.a, 2007)', () => {
    const items = indexItems(buildEdition({ listId: 'WA-LIST (07) 2', fileId: 'WA-LIST-07-2', year: 2007 }, [part('category', [
        '6.\tD.\tSOFTWARE',
        '\t\t3.\tOther "software" as follows:',
        '\t\t\t\tACOUSTICS',
        '\t\t\ta.\t"Software" as follows:',
        '\t\t\t\t1.\t"Software" specially designed for acoustic beam forming;',
        '6.\tD.\t3.\tb.\tOPTICAL SENSORS - None',
    ].join('\n'), 6)], []).model.categories);
    expect(items.get('6.D.3.a')!.text).toBe('"Software" as follows:');
    expect(items.get('6.D.3.a.1')!.text).toBe('"Software" specially designed for acoustic beam forming;');
});

test("a Technical Note headed in capitals after the last entry (\"TECHNICAL NOTE ON 'APP'\", Category 4) is the category's, with its notes; its heading repeated goes on with it", () => {
    const edition = buildEdition({ listId: 'WA-LIST (17) 1', fileId: 'WA-LIST-17-1', year: 2017 }, [part('category', [
        '4.\tE.\tTECHNOLOGY',
        '4.\tE.\t1.\tTechnology as follows:',
        '\t\t\tc.\t"Technology" for the "development" of "intrusion software".',
        "TECHNICAL NOTE ON 'ADJUSTED PEAK PERFORMANCE' ('APP')",
        "'APP' is an adjusted peak rate at which \"digital computers\" perform floating point additions.",
        'Note\tIn determining FPO, include only 64-bit or larger floating point additions.',
        "TECHNICAL NOTE ON 'ADJUSTED PEAK PERFORMANCE' ('APP') (contd)",
        'Note\tDo not include processors that are limited to input/output functions.',
    ].join('\n'), 4)], []);
    const items = indexItems(edition.model.categories);
    expect(items.get('4.E.1.c')!.notes).toEqual([]);
    const category = edition.model.categories.find(c => c.code === '4')!;
    expect(category.notes.map(n => `${n.kind}: ${n.text.split('\n')[0]}`)).toEqual([
        "technical-note: ON 'ADJUSTED PEAK PERFORMANCE' ('APP')",
        'note: In determining FPO, include only 64-bit or larger floating point additions.',
        'note: Do not include processors that are limited to input/output functions.',
    ]);
});

describe('definitions', () => {
    const defs = (text: string) => parseDefinitions(toParagraphs(text, 'DEF.doc')).definitions.map(d => ({ term: d.term, text: d.text, usedIn: d.usedIn }));

    test('a definition broken by a page keeps going past its running header', () => {
        expect(defs([
            'Cat 2\t"Robot"',
            '\t\tA manipulation mechanism, which may be of the continuous path type;',
            '"Robot" contd.',
            '\t\ta. Is multifunctional;',
            '"Robot" Note cont.',
            '\t\tb. Is reprogrammable.',
        ].join('\n'))).toEqual([{ term: 'Robot', text: 'A manipulation mechanism, which may be of the continuous path type;\na. Is multifunctional;\nb. Is reprogrammable.', usedIn: 'Cat 2' }]);
    });

    test('running headers with the places before them or the note alone are no text (2014-2019)', () => {
        expect(defs([
            'ML 7\t"Biopolymers"',
            '\t\tBiological macromolecules as follows:',
            'ML 7\t\t"Biopolymers" cont.',
            '\t\ta. Enzymes;',
            'Note cont.',
            '\t\tb. Antibodies.',
        ].join('\n'))).toEqual([{ term: 'Biopolymers', text: 'Biological macromolecules as follows:\na. Enzymes;\nb. Antibodies.', usedIn: 'ML7' }]);
    });

    test('places that go on over the lines: "Both" then "Lists", and "Cat 9" alone on the last line (2003)', () => {
        expect(defs([
            'GTN\t"Development"',
            'Both\tIs related to all stages prior to serial production, such as: design, design',
            'Lists\tresearch, design analyses.',
            'Cat 4\t"Source code"',
            'Cat 5\tA convenient expression of one or more processes which may be',
            'Cat 7\tform ("object code" (or object language)).',
            'Cat 9',
        ].join('\n'))).toEqual([
            { term: 'Development', text: 'Is related to all stages prior to serial production, such as: design, design\nresearch, design analyses.', usedIn: 'GTN, Both Lists' },
            { term: 'Source code', text: 'A convenient expression of one or more processes which may be\nform ("object code" (or object language)).', usedIn: 'Cat 4, 5, 7, 9' },
        ]);
    });

    test('"1." and "2." under a Technical Notes heading number its paragraphs; they are no places ("Personal area network", 2019)', () => {
        expect(defs([
            'Cat 5P2\t"Personal area network"',
            '\t\tA data communication system confined to an individual person.',
            'Technical Notes',
            "1.\t'Data device' means equipment capable of transmitting digital information.",
            '2.\tThe "local area network" extends beyond it.',
        ].join('\n'))).toEqual([{ term: 'Personal area network', usedIn: 'Cat 5P2',
            text: "A data communication system confined to an individual person.\nTechnical Notes\n1. 'Data device' means equipment capable of transmitting digital information.\n2. The \"local area network\" extends beyond it." }]);
    });

    test('headings with an acronym, a qualifier, a trailing word, "(s)", "GTN &" and "Both Lists"', () => {
        expect(defs([
            'Cat 3, 5P1\t"Monolithic Microwave Integrated Circuit" ("MMIC")',
            '\t\tA "monolithic integrated circuit" operating at microwave frequencies.',
            'Cat 7\t"Bias" (accelerometer)',
            '\t\tThe average accelerometer output.',
            'Cat 7\t"Bias" (gyro)',
            '\t\tThe average gyro output.',
            'Cat 7\t"Data-Based Referenced Navigation" ("DBRN") Systems',
            '\t\tSystems which use various sources of geo-mapping data.',
            'ML4\t"Pyrotechnic(s)"',
            '\t\tMixtures of solid or liquid fuels.',
            'GTN &\t"Technology"',
            'Both Lists\tSpecific information necessary for the "development" of a product.',
        ].join('\n'))).toEqual([
            { term: 'Monolithic Microwave Integrated Circuit', text: 'A "monolithic integrated circuit" operating at microwave frequencies.', usedIn: 'Cat 3, 5P1' },
            { term: 'MMIC', text: 'Short for "Monolithic Microwave Integrated Circuit".', usedIn: 'Cat 3, 5P1' },
            { term: 'Bias', text: '(accelerometer)\nThe average accelerometer output.\n(gyro)\nThe average gyro output.', usedIn: 'Cat 7' },
            { term: 'Data-Based Referenced Navigation', text: 'Systems\nSystems which use various sources of geo-mapping data.', usedIn: 'Cat 7' },
            { term: 'DBRN', text: 'Short for "Data-Based Referenced Navigation".', usedIn: 'Cat 7' },
            { term: 'Pyrotechnic', text: 'Mixtures of solid or liquid fuels.', usedIn: 'ML4' },
            { term: 'Technology', text: 'Specific information necessary for the "development" of a product.', usedIn: 'GTN, Both Lists' },
        ]);
    });

    test('headings written "ML8.", a place and a term in one field, and an acronym inside the quotes', () => {
        expect(defs([
            'Cat 8\t"Adaptive control"',
            '\t\tA control system that adjusts the response.',
            // 1997-2008: the place ends with a full stop.
            'ML8.\t"Additives"',
            '\tSubstances used in explosive formulations to improve their properties.',
            // 2025, at the top of a PDF page: no tab between the place and the term.
            'Cat 6 "Charge multiplication"',
            'A form of electronic image amplification.',
            'Cat 3\t"Interleaved Analogue-to-Digital Converter (ADC)"',
            '\t\tDevices that have multiple ADC units.',
            'Cat 3\t"Multiple channel Analogue-to-Digital Converter (ADC)"',
            '\t\tDevices that integrate more than one ADC.',
        ].join('\n'))).toEqual([
            { term: 'Adaptive control', text: 'A control system that adjusts the response.', usedIn: 'Cat 8' },
            { term: 'Additives', text: 'Substances used in explosive formulations to improve their properties.', usedIn: 'ML8' },
            { term: 'Charge multiplication', text: 'A form of electronic image amplification.', usedIn: 'Cat 6' },
            { term: 'Interleaved Analogue-to-Digital Converter', text: 'Devices that have multiple ADC units.', usedIn: 'Cat 3' },
            { term: 'Interleaved ADC', text: 'Short for "Interleaved Analogue-to-Digital Converter".', usedIn: 'Cat 3' },
            { term: 'Multiple channel Analogue-to-Digital Converter', text: 'Devices that integrate more than one ADC.', usedIn: 'Cat 3' },
            { term: 'Multiple channel ADC', text: 'Short for "Multiple channel Analogue-to-Digital Converter".', usedIn: 'Cat 3' },
        ]);
    });

    test('where a term is used has one spelling whatever the line breaks', () => {
        expect(canonicalUsedIn('Cat 2, 3, 6, 7')).toBe('Cat 2, 3, 6, 7');
        expect(canonicalUsedIn('Cat 2, 3, 6,  7')).toBe(canonicalUsedIn('Cat 2, 3,\n6, 7'));
        expect(canonicalUsedIn('ML8, 18')).toBe('ML8, ML18');
        expect(canonicalUsedIn('Cat 3 Cat 3, 5P1')).toBe('Cat 3, 5P1');
        expect(canonicalUsedIn('')).toBeUndefined();
    });
});

describe('the sample of 2026-12-06: an entry number two tabs short, examples after "such as:", a note of two items', () => {
    const build = (text: string, category?: number) => indexItems(buildEdition({ listId: 'WA-LIST (21) 1', fileId: 'WA-LIST-21-1', year: 2021 }, [category === undefined ? part('munitions', text) : part('category', text, category)], []).model.categories);

    test('"\t\t2." after entry 9.E.3 continues 9.E.3.c.1, and its a.-c. one tab deeper are its own (2013-2021)', () => {
        const items = build([
            '9.\tE.\t2.\t"Technology" for the "production" of equipment specified by 9.A.1.b.',
            '9.\tE.\t3.\tOther "technology" as follows:',
            '9.\tE.\t3.\tc.\t"Technology" "required" for manufacturing cooling holes, having any of the following:',
            '\t\t\t1.\tHaving all of the following:',
            '\t\t\t\ta.\tMinimum \'cross-sectional area\' less than 0.45 mm2;',
            '\t\t2.\tHaving all of the following:',
            '\t\t\ta.\tMinimum \'cross-sectional area\' less than 0.12 mm2;',
            '\t\t\tb.\t\'Hole shape ratio\' greater than 5.65; and',
        ].join('\n'), 9);
        expect(items.get('9.E.2')!.text).toBe('"Technology" for the "production" of equipment specified by 9.A.1.b.');
        expect(items.get('9.E.2')!.children).toEqual([]);
        expect(items.get('9.E.3.c.2')!.children.map(c => c.code)).toEqual(['9.E.3.c.2.a', '9.E.3.c.2.b']);
        expect(items.get('9.E.3.c.2.a')!.text).toBe("Minimum 'cross-sectional area' less than 0.12 mm2;");
    });

    test('the examples after "such as:" are the item\'s text, not a note (ML7, 1997-2008)', () => {
        const items = build([
            'ML7.\tChemical or biological toxic agents, as follows:',
            '\tb.\tCW binary precursors and key precursors, as follows:',
            '\t\t1.\tAlkyl phosphonites, such as:',
            '\t\t\tQL: O-Ethyl-2-di-isopropylaminoethyl methylphosphonite',
            '\t\t\t(CAS 57856-11-8);',
            '\t\t2.\tChlorosarin: O-Isopropyl methylphosphonochloridate;',
        ].join('\n'));
        expect(items.get('ML7.b.1')).toMatchObject({ text: 'Alkyl phosphonites, such as: QL: O-Ethyl-2-di-isopropylaminoethyl methylphosphonite (CAS 57856-11-8);', notes: [] });
    });

    test('the compounds after "including:" are the item\'s text too (ML8.f.4.c, 2010-2012)', () => {
        const items = build([
            'ML8.\t"Energetic materials", as follows:',
            '\tf.\t"Additives" as follows:',
            '\t\t4.\tFerrocene derivatives as follows:',
            '\t\t\tc.\tFerrocene carboxylic acids including:',
            '\t\t\t\tFerrocene carboxylic acid (CAS 1271-42-7),',
            "\t\t\t\t1,1'-Ferrocenedicarboxylic acid (CAS 1293-87-4);",
            '\t\t\td.\tn-butyl-ferrocene (CAS 31904-29-7);',
        ].join('\n'));
        expect(items.get('ML8.f.4.c')).toMatchObject({ text: "Ferrocene carboxylic acids including: Ferrocene carboxylic acid (CAS 1271-42-7), 1,1'-Ferrocenedicarboxylic acid (CAS 1293-87-4);", notes: [] });
    });

    test('a note after the last sub-item that says it applies to an open item and another is the note of both', () => {
        const items = build([
            'ML7.\tChemical or biological toxic agents, as follows:',
            '\th.\t"Biopolymers" specially designed for the detection of CW agents;',
            '\ti.\t"Biocatalysts" as follows:',
            '\t\t1.\t"Biocatalysts" specially designed for the decontamination of CW agents;',
            '\t\t2.\tBiological systems as follows:',
            '\t\t\ta.\t"Expression vectors";',
            'Note\tThe cultures of cells and biological systems specified by ML7.h. and ML7.i.2. are exclusive and these sub-items do not apply to cells for civil purposes.',
        ].join('\n'));
        expect(items.get('ML7.h')!.notes.map(n => n.text)).toEqual(['The cultures of cells and biological systems specified by ML7.h. and ML7.i.2. are exclusive and these sub-items do not apply to cells for civil purposes.']);
        expect(items.get('ML7.i.2')!.notes).toEqual(items.get('ML7.h')!.notes);
        expect(items.get('ML7.i.2.a')!.notes).toEqual([]);
    });

    test('so is one saying "listed in", after a numbered note of other items (ML7 Note 2, 1997-2007)', () => {
        const note2 = 'The cultures of cells and biological systems listed in ML7.h. and ML7.i.2. are exclusive and these sub-items do not control cells for civil purposes.';
        const items = build([
            'ML7.\tChemical or biological toxic agents, as follows:',
            '\tb.\tChemical warfare (CW) agents including:',
            '\td.\t"Riot control agents" including:',
            '\th.\t"Biopolymers" specially designed for the detection of CW agents;',
            '\ti.\t"Biocatalysts" as follows:',
            '\t\t1.\t"Biocatalysts" specially designed for the decontamination of CW agents;',
            '\t\t2.\tBiological systems, as follows: "expression vectors";',
            '\tNote 1\tML7.b. and ML7.d. do not control:',
            'a.\tCyanogen chloride (CAS 506-77-4);',
            'b.\tChloropicrin (CAS 76-06-2).',
            `Note 2\t${note2}`,
        ].join('\n'));
        expect(items.get('ML7.h')!.notes.map(n => n.text)).toEqual([note2]);
        expect(items.get('ML7.i.2')!.notes.map(n => n.text)).toEqual([note2]);
        expect(items.get('ML7.b')!.notes.map(n => n.text)).toEqual(['ML7.b. and ML7.d. do not control:\na. Cyanogen chloride (CAS 506-77-4);\nb. Chloropicrin (CAS 76-06-2).']);
    });
});

describe('the fresh sample of 2026-12-06 (seed 20261207)', () => {
    const build = (text: string, category?: number) => indexItems(buildEdition({ listId: 'WA-LIST (11) 1', fileId: 'WA-LIST-11-1', year: 2011 }, [category === undefined ? part('munitions', text) : part('category', text, category)], []).model.categories);

    test('a label its tabs put where the same label stands goes deeper, to the item it continues (ML8.a.33.a-b, 2011)', () => {
        const items = build([
            'ML8.\t"Energetic materials", as follows:',
            '\ta.\t"Explosives" as follows:',
            '\t\t33.\tExplosives not listed elsewhere in ML8.a. and having any of the following:',
            '\ta.\tDetonation velocity exceeding 8,700 m/s; or',
            '\tb.\tDetonation pressure exceeding 34 GPa (340 kbar);',
            'ML8.\tb.\t"Propellants" as follows:',
        ].join('\n'));
        expect(items.get('ML8.a')!.text).toBe('"Explosives" as follows:');
        expect(items.get('ML8.b')!.text).toBe('"Propellants" as follows:');
        expect(items.get('ML8.a.33')!.children.map(c => c.code)).toEqual(['ML8.a.33.a', 'ML8.a.33.b']);
    });

    test('an N.B. right after a childless item, writing only that item\'s code as its subject, is its N.B. wherever its label hangs (ML21.c, 2019-2021)', () => {
        const ml21 = (nb: string) => build([
            'ML21.\t"Software" as follows:',
            'ML21.\ta.\t"Software" specially designed for military use;',
            'ML21.\tc.\t"Software", not specified by ML21.a., specially designed to enable equipment to perform military functions.',
            `N.B.\t${nb}`,
        ].join('\n'));
        const under = (items: ReturnType<typeof build>) => items.get('ML21.c')!.notes.length;
        expect(under(ml21('See systems specified by the Munitions List for general purpose "digital computers" with installed "software" specified by ML21.c.'))).toBe(1);
        // A cross-reference to the item it stands under sends the reader there: not its note.
        expect(under(ml21('See ML21.c. for the software of simulators.'))).toBe(0);
    });

    test('"5. A. 2. Note a. cont." at the top of a page continues the note; its list is not items (2011)', () => {
        const items = build([
            '5.\tA.\t2.\t"Information security" systems, as follows:',
            '\t\t\ta.\tSystems designed to use "cryptography";',
            'Note\t5.A.2. does not apply to any of the following:',
            'a.\tSmart cards as follows:',
            '1.\tA smart card;',
            '5.\tA.\t2. \tNote\ta. cont.',
            '2.\tReaders/writers for items specified by a.1. of this Note;',
            'b.\tCryptographic equipment for banking use;',
        ].join('\n'), 5);
        expect(items.get('5.A.2')!.text).toBe('"Information security" systems, as follows:');
        expect(items.get('5.A.2')!.children.map(c => c.code)).toEqual(['5.A.2.a']);
        expect(items.get('5.A.2')!.notes.map(n => n.text)).toEqual(['5.A.2. does not apply to any of the following:\na. Smart cards as follows:\n1. A smart card;\n2. Readers/writers for items specified by a.1. of this Note;\nb. Cryptographic equipment for banking use;']);
    });

    test('a list written in the other kind of label, one tab deeper than its item, is that item\'s list (6.C.5.a in 2014)', () => {
        const items = build([
            '6.\tC.\t5.\t"Laser" materials as follows:',
            '\t\t\ta.\tSynthetic crystalline "laser" host material in unfinished form as follows:',
            '\t\t\t\ta.\tTitanium doped sapphire.',
            '\t\t\t\tb.\tNot used since 2012',
            '\t\t\tb.\tRare-earth-metal doped double-clad fibres having any of the following:',
        ].join('\n'), 6);
        expect(items.get('6.C.5.a')!.text).toBe('Synthetic crystalline "laser" host material in unfinished form as follows:');
        expect(items.get('6.C.5.a.1')!.text).toBe('Titanium doped sapphire.');
        expect(items.get('6.C.5.a.2')!.reservedSince).toBe(2012);
        expect(items.get('6.C.5.b')).toMatchObject({ text: 'Rare-earth-metal doped double-clad fibres having any of the following:' });
        expect(items.get('6.C.5.b')!.reservedSince).toBeUndefined();
    });

    test('"ML 7. i." written with a space after ML is item ML7.i, not a note (2003)', () => {
        const items = build(['ML7.\tChemical or biological toxic agents, as follows:', '\th.\t"Biocatalysts" as follows:', 'ML 7. i.\t"Technology" as follows:', '\t\t1.\t"Technology" for the "development" of toxicological agents;'].join('\n'));
        expect(items.get('ML7.i')!.text).toBe('"Technology" as follows:');
        expect(items.get('ML7.i.1')!.text).toBe('"Technology" for the "development" of toxicological agents;');
    });

    test('a Technical Note that defines the term the last sub-item quotes stays with it when a later note names the entry (1.A.6.b, 2004-2018)', () => {
        const items = build([
            '1.\tA.\t6.\tEquipment for the disposal of improvised explosive devices, as follows:',
            '\t\t\ta.\tRemotely operated vehicles;',
            '\t\t\tb.\t\'Disruptors\';',
            'Technical Note',
            '\'Disruptors\' - Devices specially designed for the purpose of preventing the operation of an explosive device.',
            'N.B.\tFor equipment specially designed for military use, see also ML4.',
            'Note\t1.A.6. does not apply to equipment when accompanying its operator.',
        ].join('\n'), 1);
        expect(items.get('1.A.6.b')!.notes.map(n => n.text)).toEqual(["'Disruptors' - Devices specially designed for the purpose of preventing the operation of an explosive device."]);
        expect(items.get('1.A.6')!.notes.map(n => n.kind).sort()).toEqual(['decontrol-note', 'nb']);
    });

    test('the running headers and footers catdoc prints after a Word 6 body are margins, with the date (1997-1998)', () => {
        const text = ['1.\tE.\t2.\tf.\t"Technology" for the repair;', 'Note\t1.E.2.f. does not control "technology" for civil aircraft.', '_'.repeat(40), 'DUAL-USE LIST - CATEGORY 1 - ADVANCED MATERIALS', '_'.repeat(40), '\tWA LIST (98) 1', '-  page \\\\* arabic 18  -\t03-12-98'].join('\n');
        const { body, margins } = splitCatdocMargins(text);
        expect(body.trim().split('\n')).toHaveLength(2);
        expect(margins).toContain('03-12-98');
        expect(splitCatdocMargins('a.\tText;\nCATEGORY 1').margins).toBe('');
    });
});

describe('numbered Technical Notes after a heading alone go where their paragraphs say', () => {
    const build = (text: string) => indexItems(buildEdition({ listId: 'WA-LIST (19) 1', fileId: 'WA-LIST-19-1', year: 2019 }, [part('category', text, 5)], []).model.categories);

    test('"1. For the purposes of 5.D.1.e., ..." after the last sub-item is the note of 5.D.1.e (2019-2025)', () => {
        const items = build([
            '5.\tD.\t1.\t"Software" as follows:',
            '\t\t\te.\t"Software" specially designed or modified for monitoring, as follows:',
            '\t\t\t\t1.\tExecution of searches on the basis of "hard selectors"; and',
            'Technical Notes',
            '1.\tFor the purposes of 5.D.1.e., a \'handover interface\' is a physical and logical interface.',
            '2.\tFor the purposes of 5.D.1.e., \'hard selectors\' are data or sets of data.',
        ].join('\n'));
        expect(items.get('5.D.1.e')!.notes.map(n => n.text)).toEqual(["1. For the purposes of 5.D.1.e., a 'handover interface' is a physical and logical interface.\n2. For the purposes of 5.D.1.e., 'hard selectors' are data or sets of data."]);
        expect(items.get('5.D.1.e.1')!.notes).toEqual([]);
    });

    test('a later paragraph naming other items is a note of those items (3.E.2 in 2019-2025; 3.A.2.c.4.b.1, 2010-2025)', () => {
        const items = build([
            '5.\tE.\t2.\t"Technology" as follows:',
            '\t\t\ta.\tA \'vector processor unit\';',
            '\t\t\tb.\tMore than four \'floating-point\' results per cycle; or',
            '\t\t\tc.\tMore than eight \'fixed-point\' results per cycle.',
            'Technical Notes',
            '1.\tFor the purpose of 5.E.2.a. and 5.E.2.b., \'floating-point\' is defined by IEEE-754.',
            '2.\tFor the purpose of 5.E.2.c., \'fixed-point\' refers to a fixed-width real number.',
        ].join('\n'));
        expect(items.get('5.E.2')!.notes).toEqual([]);
        for (const code of ['5.E.2.a', '5.E.2.b']) expect(items.get(code)!.notes.map(n => n.text.slice(0, 40))).toEqual(["1. For the purpose of 5.E.2.a. and 5.E.2"]);
        expect(items.get('5.E.2.c')!.notes.map(n => n.text)).toEqual(["2. For the purpose of 5.E.2.c., 'fixed-point' refers to a fixed-width real number."]);
        // A paragraph that speaks of an item of the entry in its first sentence, and the paragraphs after it.
        const spoken = build([
            '3.\tA.\t2.\tTest equipment as follows:',
            '\t\t\tc.\tSignal analysers having all of the following:',
            "\t\t\t\t1.\t'Real-time bandwidth' exceeding 170 MHz; and",
            '\t\t\t\t2.\tHaving any of the following:',
            '\t\t\t\t\ta.\t100% probability of discovery of signals having a duration of 15 µs or less; or',
            'Technical Notes',
            "1.\t'Real-time bandwidth' is the widest frequency range for which the analyser can transform data.",
            '2.\tProbability of discovery in 3.A.2.c.2.a. is also referred to as probability of intercept.',
            '3.\tThe duration for 100% probability of discovery is equivalent to the minimum signal duration.',
        ].join('\n'));
        expect(spoken.get('3.A.2.c.2.a')!.notes.map(n => n.text.split('\n').map(line => line.slice(0, 2)))).toEqual([['2.', '3.']]);
        const first = [...spoken.values()].flatMap(item => item.notes).filter(n => n.text.startsWith('1.'));
        expect(first.map(n => n.text.includes('\n'))).toEqual([false]);
    });
});

describe('notes indented to a level', () => {
    test('an N.B. indented like the children of an open item belongs to that item, not to the last sub-item', () => {
        const text = [
            '3.\tA.\t1.\tElectronic items as follows:',
            '3.\tA.\t1.\te.\t2.\tHigh energy storage capacitors as follows:',
            '\t\t\t\t\ta.\tSingle shot capacitors having all of the following:',
            '\t\t\t\t\t\t1.\tA voltage rating equal to or more than 5 kV;',
            '\t\t\t\t\tb.\tRepetition rated capacitors having all of the following:',
            '\t\t\t\t\t\t4.\tA charge/discharge cycle life equal to or more than 10,000;',
            '\t\t\t\t\tN.B.\tSee also the Munitions List.',
            'Note\tA note at the margin stays with the item above it.',
        ].join('\n');
        const edition = buildEdition({ listId: 'WA-LIST (21) 1', fileId: 'WA-LIST-21-1', year: 2021 }, [part('category', text, 3)], []);
        const items = indexItems(edition.model.categories);
        expect(items.get('3.A.1.e.2')!.notes.map(n => n.text)).toEqual(['See also the Munitions List.']);
        expect(items.get('3.A.1.e.2.b.4')!.notes.map(n => n.text)).toEqual(['A note at the margin stays with the item above it.']);
    });
});

describe('a note at an entry\'s head naming its sub-items', () => {
    test('is theirs once they are read (6.A.5 Note 6, 2018-2021)', () => {
        const note = "For the purposes of 6.A.5.a. and 6.A.5.b., 'single transverse mode' refers to lasers with a beam profile having an M2-factor of less than 1.3.";
        const text = [
            '6.\tA.\t5.\t"Lasers", components and optical equipment, as follows:',
            'Note 1\tPulsed "lasers" include those that run in a continuous wave (CW) mode with pulses superimposed.',
            `Note 6\t${note}`,
            '\t\t\ta.\tNon-"tunable" continuous wave "(CW) lasers" having any of the following:',
            '\t\t\tb.\tNon-"tunable" "pulsed lasers" having any of the following:',
            '\t\t\tc.\t"Tunable" lasers having any of the following:',
        ].join('\n');
        const edition = buildEdition({ listId: 'WA-LIST (21) 1', fileId: 'WA-LIST-21-1', year: 2021 }, [part('category', text, 6)], []);
        const items = indexItems(edition.model.categories);
        expect(items.get('6.A.5')!.notes.map(n => n.text)).toEqual(['Pulsed "lasers" include those that run in a continuous wave (CW) mode with pulses superimposed.']);
        expect(items.get('6.A.5.a')!.notes.map(n => n.text)).toEqual([note]);
        expect(items.get('6.A.5.b')!.notes.map(n => n.text)).toEqual([note]);
        expect(items.get('6.A.5.c')!.notes).toEqual([]);
        // The same as a Technical Note whose first line names them (2025).
        const technical = text.replace(`Note 6\t${note}`, `Technical Note 6\n${note}`);
        const again = indexItems(buildEdition({ listId: 'WA-LIST (25) 1', fileId: 'WA-LIST-25-1', year: 2025 }, [part('category', technical, 6)], []).model.categories);
        expect(again.get('6.A.5.a')!.notes.map(n => `${n.kind}: ${n.text}`)).toEqual([`technical-note: ${note}`]);
        expect(again.get('6.A.5')!.notes.map(n => n.text)).toEqual(['Pulsed "lasers" include those that run in a continuous wave (CW) mode with pulses superimposed.']);
    });
});

describe('footnotes', () => {
    test('a footnote on the whole list is the category\'s, once, and what was open goes on after it (1997; the 2025 PDF prints it on every page)', () => {
        const footnote = '*\tFrance, the Russian Federation and Ukraine view this list as a reference list drawn up to help in the selection of dual-use goods.';
        const text = [
            '9.\tE.\t3.\tOther "technology" as follows:',
            '\t\t\te.\t"Technology" for diesel engines as follows:',
            '\t\t\t\t3.\t"Technology" for high output diesel engines;',
            'Technical Note',
            'High output diesel engines: diesel engines with a specified brake mean effective pressure',
            footnote,
            'of 1.8 MPa or more.',
            footnote,
        ].join('\n');
        const edition = buildEdition({ listId: 'WA-LIST (97) 1', fileId: 'WA-LIST-97-1', year: 1997 }, [part('category', text, 9)], []);
        const items = indexItems(edition.model.categories);
        expect(items.get('9.E.3.e.3')!.notes.map(n => n.text)).toEqual(['High output diesel engines: diesel engines with a specified brake mean effective pressure\nof 1.8 MPa or more.']);
        expect(edition.model.categories.find(c => c.code === '9')!.notes.map(n => n.text)).toEqual([footnote.replace('\t', ' ')]);
    });
    test('on the munitions list, printed under ML1 at the foot of its first page, it is the list\'s, not ML1\'s (2007-2025)', () => {
        const footnote = '*\tThe Russian Federation and Ukraine view this list as a reference list drawn up to help in the selection of dual-use goods.';
        const text = [
            'MUNITIONS LIST*',
            'ML1.\tSmooth-bore weapons with a calibre of less than 20 mm, and accessories, as follows:',
            '\ta.\tRifles and combination guns, handguns, machine, sub-machine and volley guns;',
            footnote,
            'ML1.\tb.\tSmooth-bore weapons as follows:',
        ].join('\n');
        const edition = buildEdition({ listId: 'WA-LIST (21) 1', fileId: 'WA-LIST-21-1', year: 2021 }, [part('munitions', text)], []);
        const items = indexItems(edition.model.categories);
        expect(edition.model.categories.find(c => c.code === 'ML1')!.notes).toEqual([]);
        expect(items.get('ML1.a')!.notes).toEqual([]);
        expect(items.get('ML1.b')!.text).toBe('Smooth-bore weapons as follows:');
        expect(edition.model.notes.map(n => n.text)).toEqual([footnote.replace('\t', ' ')]);
    });
});

describe('a note\'s own list', () => {
    test('written at the margin, it is not continued by a label set at an item\'s depth that can be the next item (1.C.10.c, 2013)', () => {
        const text = [
            '1.\tC.\t10.\t"Fibrous or filamentary materials" as follows:',
            '\t\t\tb.\tCarbon "fibrous or filamentary materials", having all of the following:',
            '\t\t\t\t1.\t"Specific modulus" exceeding 14.65 x 106 m; and',
            'Note\t1.C.10.b. does not apply to:',
            'a.\t"Fibrous or filamentary materials", for the repair of "civil aircraft" structures;',
            'b.\tMechanically chopped, milled or cut carbon "fibrous or filamentary materials" 25.0 mm or less in length.',
            '\t\t\tc.\tInorganic "fibrous or filamentary materials", having all of the following:',
            '\t\t\t\t1.\t"Specific modulus" exceeding 2.54 x 106 m; and',
        ].join('\n');
        const edition = buildEdition({ listId: 'WA-LIST (13) 1', fileId: 'WA-LIST-13-1', year: 2013 }, [part('category', text, 1)], []);
        const items = indexItems(edition.model.categories);
        expect(items.get('1.C.10.c')!.text).toBe('Inorganic "fibrous or filamentary materials", having all of the following:');
        expect(items.get('1.C.10.c.1')!.text).toBe('"Specific modulus" exceeding 2.54 x 106 m; and');
        expect(items.get('1.C.10.b')!.notes[0].text).not.toContain('Inorganic');
    });
});

describe('notes at the margin that speak of an item above', () => {
    test('a note after the last sub-item that names one open item in its first sentence is that item\'s', () => {
        const text = [
            '1.\tC.\t10.\tFibrous or filamentary materials as follows:',
            '\t\t\te.\tFully or partially resin-impregnated materials as follows:',
            '1.\tC.\t10.\te.\t2.\tPrepregs having any of the following:',
            '\t\t\t\t\td.\tPolyimide resins;',
            'Technical Note',
            // Indented by one tab, as in 2004: still shallower than any item of the entry.
            '\tThe glass transition temperature (Tg) for 1.C.10.e. materials is determined using the method described in ASTM D 7028.',
            'Note\tThis note names no item and stays with 1.C.10.e.2.d.',
        ].join('\n');
        const edition = buildEdition({ listId: 'WA-LIST (04) 1', fileId: 'WA-LIST-04-1', year: 2004 }, [part('category', text, 1)], []);
        const items = indexItems(edition.model.categories);
        expect(items.get('1.C.10.e')!.notes.map(n => n.kind)).toEqual(['technical-note']);
        expect(items.get('1.C.10.e.2.d')!.notes.map(n => n.text)).toEqual(['This note names no item and stays with 1.C.10.e.2.d.']);
    });

    test('a note that names an item only as what the goods are not specified by stays where it stands', () => {
        // 6.A.1.a.1.c's Note 1 (2014-2021): "other equipment not specified by 6.A.1." speaks of other goods, not of 6.A.1.
        const text = [
            '6.\tA.\t1.\tAcoustic systems, equipment and components, as follows:',
            '\t\t\ta.\tMarine acoustic systems as follows:',
            '\t\t\t\t1.\tActive (transmitting or transmitting-and-receiving) systems, as follows:',
            '\t\t\t\t\tc.\tAcoustic projectors (including transducers), having any of the following:',
            'Note 1\tThe status of acoustic projectors, including transducers, specially designed for other equipment not specified by 6.A.1. is determined by the status of the other equipment.',
        ].join('\n');
        const edition = buildEdition({ listId: 'WA-LIST (14) 2', fileId: 'WA-LIST-14-2', year: 2014 }, [part('category', text, 6)], []);
        const items = indexItems(edition.model.categories);
        expect(items.get('6.A.1')!.notes).toEqual([]);
        expect(items.get('6.A.1.a.1.c')!.notes.map(n => n.kind)).toEqual(['note']);
    });
});

describe('ML7 and ML13 of 1997-2002: a note list over a page break, a cross-reference at the munitions margin', () => {
    const build = (text: string) => {
        const edition = buildEdition({ listId: 'WA-LIST (01) 3', fileId: 'WA-LIST-01-3', year: 2001 }, [part('munitions', text)], []);
        return { categories: edition.model.categories, items: indexItems(edition.model.categories) };
    };
    const ML7 = [
        'ML7.\tChemical or biological toxic agents, as follows:',
        '\ta.\tBiological agents and chemical warfare (CW) agents;',
        '\te.\tEquipment specially designed for defence against materials controlled by ML7.a.;',
        '\ti.\t"Technology" as follows:',
        '\t\t1.\t"Technology" for the "development" of toxicological agents;',
        '\t\t3.\t"Technology" exclusively for the incorporation of "biocatalysts" into military carrier substances.',
        'Note 1\tML7.a. includes the following ',
        'a.\tCW nerve agents:',
        '1.\tO-Alkyl (equal to or less than C10, including cycloalkyl) alkyl phosphonofluoridates;',
        'ML7. contd.',
        'Note 1\tb.\tCW  vesicant agents',
        '1.\tSulphur mustards, such as:',
        'Note 2\tML7.e. includes air conditioning units.',
        'N.B.\tSee also entry 1.A.4. on the Dual-Use List.',
    ].join('\n');

    test('"the following" with no stop opens the note\'s list, and "Note 1 b." after a page break goes on with it', () => {
        const { items } = build(ML7);
        expect(items.get('ML7.a')!.notes.map(n => n.text)).toEqual([
            'ML7.a. includes the following\na. CW nerve agents:\n1. O-Alkyl (equal to or less than C10, including cycloalkyl) alkyl phosphonofluoridates;\nb. CW  vesicant agents\n1. Sulphur mustards, such as:',
        ]);
        expect([...items.keys()].filter(code => code.startsWith('ML7.i.3.'))).toEqual([]);
        expect(items.get('ML7.i.3')!.notes).toEqual([]);
    });

    test('an N.B. at the margin pointing to the dual-use list is the category\'s, not its last sub-item\'s', () => {
        const { categories, items } = build(ML7);
        const ml7 = categories.find(c => c.code === 'ML7')!;
        expect(ml7.notes.map(n => n.text)).toContain('See also entry 1.A.4. on the Dual-Use List.');
        expect(items.get('ML7.i.3')!.notes).toEqual([]);
        // One that names an ML item, or is indented, stays where it stands.
        const named = build(ML7.replace('N.B.\tSee also entry 1.A.4. on the Dual-Use List.', 'N.B.\tSee also ML13.a. and 1.A.4. on the Dual-Use List.'));
        expect(named.items.get('ML7.i.3')!.notes.map(n => n.kind)).toEqual(['nb']);
    });
});

describe('a label at the indentation of the label before its notes (ML9.a.2, 2008-2021)', () => {
    /** The paragraphs of `lines`, each given Word's left indent (twips) where one is written after '|'. */
    const indented = (lines: string[]): SourcePart => {
        const paragraphs = toParagraphs(lines.map(line => line.split('|')[0]).join('\n'), 'ml.doc');
        lines.forEach((line, i) => {
            const left = line.split('|')[1];
            if (left !== undefined) paragraphs[i].indent = { left: Number(left), first: 0 };
        });
        return { kind: 'munitions', file: 'ml.doc', paragraphs };
    };
    const build = (lines: string[]) => indexItems(buildEdition({ listId: 'WA-LIST (17) 1', fileId: 'WA-LIST-17-1', year: 2017 }, [indented(lines)], []).model.categories);

    test('after a Technical Note, "\t\tb." indented as "\t\ta." was is its sibling, not the next item of the category', () => {
        const items = build([
            'ML9.\tVessels of war, as follows:|0',
            'ML9.\ta.\tVessels and components, as follows:|1064',
            '\t1.\tVessels (surface or underwater) specially designed;|1560',
            '\t\t2.\tSurface vessels, not specified in ML9.a.1., having any of the following:|1560',
            '\t\ta.\tAutomatic weapons specified in ML1.;|1985',
            '\t\t\tTechnical Note|1985',
            "\t\t\t'Mountings' refers to weapon mounts.|1985",
            '\t\tb.\tFire control systems specified in ML5.;|1985',
            '\t\tc.\tHaving all of the following:|1985',
            "\t\t\t1.\t'CBRN protection'; and|2410",
            'ML9.\ta.\t2.\td.\tActive weapon countermeasure systems:|1985',
            'ML9.\tb.\tEngines and propulsion systems, as follows:|1064',
        ]);
        expect(items.get('ML9.a.2.b')?.text).toBe('Fire control systems specified in ML5.;');
        expect(items.get('ML9.a.2.c.1')?.text).toBe("'CBRN protection'; and");
        expect(items.get('ML9.b')!.text).toBe('Engines and propulsion systems, as follows:');
        expect(items.has('ML9.c')).toBe(false);
    });

    test('a note written with the tabs of an open item\'s sub-item labels is that item\'s, though those tabs are one more than its code\'s depth (ML9.a.2.c, 2008-2021)', () => {
        const items = build([
            'ML9.\tVessels of war, as follows:|0',
            'ML9.\ta.\tVessels and components, as follows:|1064',
            '\t\t2.\tSurface vessels, not specified in ML9.a.1., having any of the following:|1560',
            '\t\ta.\tAutomatic weapons specified in ML1.;|1985',
            '\t\tb.\tFire control systems specified in ML5.;|1985',
            '\t\tc.\tHaving all of the following:|1985',
            "\t\t\t1.\t'CBRN protection'; and|2410",
            "\t\t\t2.\t'Pre-wet or wash down system'; or|2410",
            '\t\t\tTechnical Notes|2410',
            "\t\t\t1.\t'CBRN protection' is a self-contained interior space.|2410",
        ]);
        expect(items.get('ML9.a.2.c')!.notes.map(n => n.kind)).toEqual(['technical-note']);
        expect(items.get('ML9.a.2')!.notes).toEqual([]);
        expect(items.get('ML9.a.2.c.2')!.notes).toEqual([]);
    });

    test('one indented less than the label before its notes goes by the label sequence (ML4.c, 2010: every label one tab)', () => {
        const items = build([
            'ML4.\tBombs, torpedoes, rockets, missiles, as follows:|0',
            'ML4.\ta.\tBombs, torpedoes, grenades;|1020',
            '\tb.\tEquipment having all of the following:|1020',
            '\t1.\tSpecially designed for military use; and|1440',
            "\t2.\tSpecially designed for 'activities' relating to any of the following:|1440",
            '\ta.\tItems specified by ML4.a.; or|1797',
            '\tb.\tImprovised Explosive Devices (IEDs).|1800',
            '\tNote 2\tML4.b. does not apply to hand-held devices.|1979',
            '\tc.\tAircraft Missile Protection Systems (AMPS).|1020',
        ]);
        expect(items.get('ML4.c')?.text).toBe('Aircraft Missile Protection Systems (AMPS).');
        expect(items.has('ML4.b.2.c')).toBe(false);
    });
});

test('"\t\t2.\tb.\t..." repeats an open item\'s label before the next label of its list, and goes on there (ML8.a.2.b, 1997-2000)', () => {
    const text = [
        'ML8.\t"Military explosives" and fuels, as follows:',
        '\ta.\tSubstances, as follows, and mixtures thereof:',
        '\t\t1.\tSpherical aluminium powder with a particle size of 60 µm or less;',
        '\t\t2.\tMetal fuels in particle form of any of the following:',
        '\t\t\ta.\tMetals and mixtures thereof:',
        '\t\t\t\t1.\tBeryllium in particle sizes of less than 60 µm;',
        '\t\t2.\tb.\tMixtures, which contain any of the following:',
        '\t\t\t\t1.\tZirconium in particle sizes of less than 60 µm;',
    ].join('\n');
    const items = indexItems(buildEdition({ listId: 'WA-LIST (99) 1', fileId: 'WA-LIST-99-1', year: 1999 }, [part('munitions', text)], []).model.categories);
    expect(items.get('ML8.a.2')!.text).toBe('Metal fuels in particle form of any of the following:');
    expect(items.get('ML8.a.2.b')?.text).toBe('Mixtures, which contain any of the following:');
    expect(items.get('ML8.a.2.b.1')?.text).toBe('Zirconium in particle sizes of less than 60 µm;');
    expect(items.get('ML8.a.1')!.text).toBe('Spherical aluminium powder with a particle size of 60 µm or less;');
});

test('a code line for an item that already has text says so: the text before it went to the wrong item', () => {
    const text = [
        '3.\tA.\t1.\tElectronic items as follows:',
        '\t\t\ta.\tGeneral purpose integrated circuits;',
        '3.\tA.\t1.\ta.\tGeneral purpose integrated circuits, as follows:',
    ].join('\n');
    const edition = buildEdition({ listId: 'WA-LIST (21) 1', fileId: 'WA-LIST-21-1', year: 2021 }, [part('category', text, 3)], []);
    expect(edition.model.warnings.map(w => w.message)).toContain('3.A.1.a appears twice; the second text is added to the first');
});

test('a label with a space before its dot is still a code part ("5.<tab>A.<tab>1.<tab>b .<tab>5.", 1997)', () => {
    expect(parseCodeLine(['5.', 'A.', '1.', 'b .', '5.', 'Being radio equipment'])).toEqual({ parts: ['5', 'A', '1', 'b', '5'], text: 'Being radio equipment' });
});

test('a label line taken for an item whose code line comes next was the open note\'s next line (6.A.4.a.1\'s Technical Notes, 2025)', () => {
    const text = [
        '6.\tA.\t4.\tOptical equipment and components, as follows:',
        '\t\t\ta.\tOptical mirrors (reflectors) as follows:',
        "6.\tA.\t4.\ta.\t1.\t'Deformable mirrors' having an active optical aperture greater than 10 mm;",
        'Technical Notes',
        'For the purposes of 6.A.4.a.1.:',
        "1.\t'Deformable mirrors' are mirrors having any of the following:",
        'a.\tA single continuous optical reflecting surface; or',
        'b.\tMultiple optical reflecting elements.',
        "2.\t'Deformable mirrors' are also known as adaptive optic mirrors.",
        '6.\tA.\t4.\ta.\t2.\tLightweight monolithic mirrors having a total mass exceeding 10 kg;',
    ].join('\n');
    const edition = buildEdition({ listId: 'WA-LIST (25) 1', fileId: 'WA-LIST-25-1', year: 2025 }, [part('category', text, 6)], []);
    const items = indexItems(edition.model.categories);
    expect(items.get('6.A.4.a.2')!.text).toBe('Lightweight monolithic mirrors having a total mass exceeding 10 kg;');
    expect(items.get('6.A.4.a.1')!.notes.map(n => n.text.split('\n').pop())).toEqual(["2. 'Deformable mirrors' are also known as adaptive optic mirrors."]);
    expect(edition.model.warnings.map(w => w.message).filter(m => /twice/.test(m))).toEqual([]);
});

test('"Note 1 ..." lines of a Sensitive List entry point at the item\'s own notes and are no text of the list\'s note (6.A.3.b.4, 2014)', () => {
    const sl = ['THE SENSITIVE LIST', 'Category 3\t\t', '3.A.1.a.3.\tDevices...\t', '\ta.\tWith a clock frequency exceeding 80 MHz;\t', 'Note 1 ...', 'Note 2 ...'].join('\n');
    const edition = buildEdition({ listId: 'WA-LIST (14) 2', fileId: 'WA-LIST-14-2', year: 2014 }, [part('category', CAT3, 3), part('sensitive', sl)], []);
    const items = indexItems(edition.model.categories);
    expect(items.get('3.A.1.a.3')!.notes.at(-1)!.text).toBe('Sensitive List: Devices...\na. With a clock frequency exceeding 80 MHz;');
});

/** The entries of a Sensitive List written as these lines, each as its codes and its text with its lines after. */
const slEntries = (lines: string[]) => parseTierList(toParagraphs(lines.join('\n'), 'sl.doc')).map(e => [e.codes.join(' '), [e.text, ...e.detail].join(' / ')]);

test('a Sensitive List entry goes on where a line repeats its code, or a sub-item\'s, before a sub-label (2.E.1 in 2001, 2.E.2 in 2014)', () => {
    expect(slEntries([
        'Category 2',
        '\t2.E.1.\t"Technology" for the "development" of the following equipment:',
        'a.\tMachine tools for turning;',
        '\t2.E.1.\tb.\tMachine tools for milling, having any of the following:',
        '1.\tThree linear axes; or',
        '2.E.1.b.\t2.\tFive or more axes;',
        '\t2.E.1.\tc.\tElectrical discharge machines (EDM)....',
        '\t2.E.2.\t"Technology" for the "production" of the following equipment:',
        '\t2.E.2.\tb.\t2.\tSpecified by 2.B.1.b.2.a.;',
    ])).toEqual([
        ['2.E.1', '"Technology" for the "development" of the following equipment: / a. Machine tools for turning; / b. Machine tools for milling, having any of the following: / 1. Three linear axes; or / 2. Five or more axes; / c. Electrical discharge machines (EDM)....'],
        ['2.E.2', '"Technology" for the "production" of the following equipment: / 2. Specified by 2.B.1.b.2.a.;'],
    ]);
});

test('a Sensitive List note goes on after a page header that names it ("Note 4 to 6.A.3.b.4.c. cont.", 2009)', () => {
    expect(slEntries([
        'Category 6',
        'Note 4\t6.A.3.b.4.c. does not apply to \'imaging cameras\' having any of the following characteristics:',
        '\ta.\tHaving all of the following:',
        'Category 6 contd.\tNote 4 to 6.A.3.b.4.c. cont.',
        '\tb.\tWhere the camera is specially designed for installation into a civilian passenger land vehicle;',
        '\tc.\tLimited by design to have a maximum radiant sensitivity of 10 mA/W or less;',
        'Note 5\t6.A.3.b.4.c. does not apply to imaging cameras specially designed or modified for underwater use.',
    ])).toEqual([
        ['6.A.3.b.4.c', "does not apply to 'imaging cameras' having any of the following characteristics: / a. Having all of the following: / b. Where the camera is specially designed for installation into a civilian passenger land vehicle; / c. Limited by design to have a maximum radiant sensitivity of 10 mA/W or less;"],
        ['6.A.3.b.4.c', 'does not apply to imaging cameras specially designed or modified for underwater use.'],
    ]);
});

test('a Technical Note whose first line speaks of several sub-items of an open item without naming them first is that item\'s (1.C.10, 2013)', () => {
    const text = [
        '1.\tC.\t10.\t"Fibrous or filamentary materials" as follows:',
        '\t\t\ta.\tOrganic "fibrous or filamentary materials";',
        '\t\t\tb.\tCarbon "fibrous or filamentary materials";',
        '\t\t\tc.\tInorganic "fibrous or filamentary materials";',
        'Note\t1.C.10.c. does not apply to molybdenum fibres.',
        '\tTechnical Notes',
        '\t1.\tFor the purpose of calculating "specific modulus" of "fibrous or filamentary materials" in 1.C.10.a., 1.C.10.b. or 1.C.10.c., the specific weight should be determined.',
        '\t2.\tAssessing the "specific modulus" of non-unidirectional materials in 1.C.10. is to be based on the constituent fibres.',
    ].join('\n');
    const items = indexItems(buildEdition({ listId: 'WA-LIST (13) 1', fileId: 'WA-LIST-13-1', year: 2013 }, [part('category', text, 1)], []).model.categories);
    expect(items.get('1.C.10')!.notes.map(n => n.kind)).toEqual(['technical-note']);
    expect(items.get('1.C.10.c')!.notes.map(n => n.kind)).toEqual(['decontrol-note']);
});

test('alternatives of several parameters at once are an either choice, written, validated and read back as they were (5.A.1.b.2.b, every edition); other repeated parameters are left out', async () => {
    const text = [
        '5.\tA.\t1.\tTelecommunication systems as follows:',
        '\t\t\tb.\tRadio equipment as follows:',
        '\t\t\t\t1.\tIncorporating a linear power amplifier configuration having a capability to support multiple signals simultaneously at an output power of 1 kW or more in the frequency range of 1.5 MHz or more but less than 30 MHz, or 250 W or more in the frequency range of 30 MHz or more but not exceeding 87.5 MHz, over an "instantaneous bandwidth" of one octave or more;',
        '\t\t\t\t2.\tHaving an output power exceeding 10 W at frequencies below 1 GHz and an output power exceeding 1 W at frequencies above 10 GHz;',
    ].join('\n');
    const model = buildEdition({ listId: 'WA-LIST (21) 1', fileId: 'WA-LIST-21-1', year: 2021 }, [part('category', text, 5)], []).model;
    const items = indexItems(model.categories);
    const read = (code: string) => items.get(code)!.thresholds.map(t => `${t.either ? `${t.either.join('.')} ` : ''}${t.parameter} ${t.comparator ?? 'from'} ${t.value?.value ?? ''}${t.value?.unit ?? ''}`.trim());
    expect(read('5.A.1.b.1')).toEqual(['1.1 power >= 1kW', '1.1 frequency_range >= 1.5MHz', '1.1 frequency_range < 30MHz', '1.2 power >= 250W', '1.2 frequency_range >= 30MHz', '1.2 frequency_range <= 87.5MHz', 'octaves >= 1']);
    // The same parameters twice joined by "and": no choice; left out as before.
    expect(read('5.A.1.b.2')).toEqual([]);
    const written = writeEdition(model);
    expect(written.text).toMatch(/either \{\n\s+power >= 1 kW "1 kW or more"[\s\S]*\} or \{\n\s+power >= 250 W/);
    const check = await validateCld(written.text, 'either');
    expect(check.errors).toEqual([]);
    const parsed = parseFlatList(createCldCoreServices().Cld, written.text);
    if (!parsed.ok) throw new Error('the written edition does not parse');
    expect(parsed.list.items.find(i => i.code === '5.A.1.b.1')).toEqual(flattenEdition(model).items.find(i => i.code === '5.A.1.b.1'));
    // A threshold the validator rejects is taken back; a choice left with one option is no choice, and is written so.
    const item = items.get('5.A.1.b.1')!;
    for (const t of item.thresholds.filter(t => t.either?.[1] === 2)) withoutThreshold(item, t);
    expect(read('5.A.1.b.1')).toEqual(['power >= 1kW', 'frequency_range >= 1.5MHz', 'frequency_range < 30MHz', 'octaves >= 1']);
    const rewritten = writeEdition(model).text;
    expect(rewritten).not.toContain('either');
    expect((await validateCld(rewritten, 'either-taken-back')).errors).toEqual([]);
});

test('a note whose first sentence speaks of a run of sub-items is the note of each (6.A.3.a.3-5, 1999-2025; 3.A.1.b.3.a-e, 2025); not a range that defines something else', () => {
    const text = [
        '6.\tA.\t3.\tCameras as follows:',
        '\t\t\ta.\tInstrumentation cameras, as follows:',
        'Note\tInstrumentation cameras, controlled by 6.A.3.a.2. to 6.A.3.a.3., with modular structures should be evaluated by their maximum capability.',
        '\t\t\t\t1.\tHigh-speed cinema recording cameras;',
        '\t\t\t\t2.\tMechanical high speed cameras;',
        '\t\t\t\t3.\tElectronic streak cameras;',
        '\t\t\tb.\tImaging cameras as follows:',
        '\t\t\t\t1.\tVideo cameras;',
        '\t\t\t\t2.\tScanning cameras;',
        'Note\tThe status of a camera in 6.A.3.b.1. to 6.A.3.b.2. whose rated frequency lies in two ranges is determined by the lower.',
        '\t\t\tc.\tStreak cameras as follows:',
        '\t\t\t\t1.\tFast cameras;',
        '\t\t\t\t2.\tSlow cameras;',
        'Note\tThe status of a camera whose rated frequency lies in more than one range, as defined by 6.A.3.c.1. to 6.A.3.c.2., is determined by the lower.',
    ].join('\n');
    const items = indexItems(buildEdition({ listId: 'WA-LIST (99) 1', fileId: 'WA-LIST-99-1', year: 1999 }, [part('category', text, 6)], []).model.categories);
    const noted = (code: string) => items.get(code)!.notes.length;
    expect(['6.A.3.a', '6.A.3.a.1', '6.A.3.a.2', '6.A.3.a.3'].map(noted)).toEqual([0, 0, 1, 1]);
    expect(['6.A.3.b', '6.A.3.b.1', '6.A.3.b.2'].map(noted)).toEqual([0, 1, 1]);
    expect(['6.A.3.c', '6.A.3.c.1', '6.A.3.c.2'].map(noted)).toEqual([1, 0, 0]);
});

test('a note that speaks of the numbered note before it goes where that note went ("Note 2 Note 1 does not diminish ...", 4.E.1.a and c, 2017-2025)', () => {
    const text = [
        '4.\tE.\t1.\t"Technology" as follows:',
        '\t\t\ta.\t"Technology" for the "development" of equipment specified by 4.A.;',
        '\t\t\tb.\t"Technology" for the "development" of digital computers;',
        '\t\t\tc.\t"Technology" for the "development" of "intrusion software".',
        'Note 1\t4.E.1.a. and 4.E.1.c. do not apply to "vulnerability disclosure".',
        'Note 2\tNote 1 does not diminish national authorities\' rights to ascertain compliance with 4.E.1.a. and 4.E.1.c.',
    ].join('\n');
    const items = indexItems(buildEdition({ listId: 'WA-LIST (21) 1', fileId: 'WA-LIST-21-1', year: 2021 }, [part('category', text, 4)], []).model.categories);
    const notes = (code: string) => items.get(code)!.notes.map(n => n.text.slice(0, 12));
    expect([notes('4.E.1'), notes('4.E.1.a'), notes('4.E.1.b'), notes('4.E.1.c')]).toEqual([[], ['4.E.1.a. and', 'Note 1 does '], [], ['4.E.1.a. and', 'Note 1 does ']]);
});

test('a table\'s heading repeated at the top of each page goes on with what it heads, "... - continued:" lines are no text, and its N.B.s are its text (2.E.3.f)', () => {
    const text = [
        '2.\tE.\t3.\tOther "technology", as follows:',
        '\t\t\tf.\t"Technology" for the application of coatings specified in column 3 of the following table;',
        'TABLE - DEPOSITION TECHNIQUES - NOTES',
        '1.\tThe term \'coating process\' includes coating repair.',
        'TABLE - DEPOSITION TECHNIQUES - NOTES',
        '2.\tThe term \'alloyed aluminide coating\' includes single-step coatings.',
        'TABLE - DEPOSITION TECHNIQUES - TECHNICAL NOTE',
        'Processes specified in Column 1 of the Table are defined as follows:',
        'a.\tChemical Vapour Deposition (CVD) is an overlay coating process.',
        'N.B.1\tCVD includes pulsating CVD.',
        'TABLE - DEPOSITION TECHNIQUES - TECHNICAL NOTE',
        'Processes specified in Column 1 of the Table - continued:',
        'b.\tThermal Evaporation-Physical Vapour Deposition (TE-PVD) is an overlay coating process.',
        'N.B.\tThis definition does not include random cathodic arc deposition.',
    ].join('\n');
    const items = indexItems(buildEdition({ listId: 'WA-LIST (04) 1', fileId: 'WA-LIST-04-1', year: 2004 }, [part('category', text, 2)], []).model.categories);
    expect(items.get('2.E.3.f')!.notes.map(n => n.text)).toEqual([
        "TABLE - DEPOSITION TECHNIQUES - NOTES\n1. The term 'coating process' includes coating repair.\n2. The term 'alloyed aluminide coating' includes single-step coatings.",
        'TABLE - DEPOSITION TECHNIQUES - TECHNICAL NOTE\nProcesses specified in Column 1 of the Table are defined as follows:\na. Chemical Vapour Deposition (CVD) is an overlay coating process.\nN.B.1 CVD includes pulsating CVD.\nb. Thermal Evaporation-Physical Vapour Deposition (TE-PVD) is an overlay coating process.\nN.B. This definition does not include random cathodic arc deposition.',
    ]);
    expect([...items.values()].flatMap(item => item.notes).filter(n => n.kind === 'nb')).toEqual([]);
});

test('a Sensitive List entry that kept the item\'s words from before it became a list, citing the code that holds every code the list cites, is no note (6.A.3.b.4, 2004)', () => {
    const cat6 = [
        '6.\tA.\t3.\tCameras as follows:',
        '\t\t\tb.\tImaging cameras, as follows:',
        '\t\t\t\t4.\tImaging cameras incorporating "focal plane arrays" having any of the following:',
        '\t\t\t\t\ta.\tIncorporating "focal plane arrays" controlled by 6.A.2.a.3.a. to 6.A.2.a.3.e.; or',
        '\t\t\t\t\tb.\tIncorporating "focal plane arrays" controlled by 6.A.2.a.3.f.',
    ].join('\n');
    const notes = (entry: string) => {
        const sl = ['THE SENSITIVE LIST', 'Category 6', `6.A.3.b.4\t${entry}`].join('\n');
        const items = indexItems(buildEdition({ listId: 'WA-LIST (04) 1', fileId: 'WA-LIST-04-1', year: 2004 }, [part('category', cat6, 6), part('sensitive', sl)], []).model.categories);
        expect(items.get('6.A.3.b.4')!.tiers).toEqual(['sensitive']);
        return items.get('6.A.3.b.4')!.notes.length;
    };
    expect(notes('Imaging cameras incorporating "focal plane arrays" having the characteristics listed in 6.A.2.a.3. of this List;')).toBe(0);
    // Citing only part of the list, or a limit of its own, it narrows the item: a note.
    expect(notes('Imaging cameras incorporating "focal plane arrays" having the characteristics listed in 6.A.2.a.3.f. of this List;')).toBe(1);
    expect(notes('Imaging cameras incorporating "focal plane arrays" of more than 2,000 elements listed in 6.A.2.a.3. of this List;')).toBe(1);
});

test('a Sensitive List entry that writes out one of the item\'s own notes again is no note of the list (6.A.3.b.4.a, 2004-2009)', () => {
    const cat6 = [
        '6.\tA.\t3.\tCameras as follows:',
        '\t\t\tb.\tImaging cameras, as follows:',
        '\t\t\t\t4.\tImaging cameras incorporating "focal plane arrays" having any of the following:',
        '\t\t\t\t\ta.\tIncorporating "focal plane arrays" specified by 6.A.2.a.3.a. to 6.A.2.a.3.e.;',
        'Note\t6.A.3.b.4.a. does not apply to imaging cameras incorporating linear "focal plane arrays" with 12 elements or fewer.',
    ].join('\n');
    const sl = ['THE SENSITIVE LIST', 'Category 6', '6.A.3.b.4.a.\tdoes not apply to imaging cameras incorporating linear "focal plane arrays" with 12 elements or fewer.'].join('\n');
    const items = indexItems(buildEdition({ listId: 'WA-LIST (09) 1', fileId: 'WA-LIST-09-1', year: 2009 }, [part('category', cat6, 6), part('sensitive', sl)], []).model.categories);
    expect(items.get('6.A.3.b.4.a')!.tiers).toEqual(['sensitive']);
    expect(items.get('6.A.3.b.4.a')!.notes.map(n => n.kind)).toEqual(['decontrol-note']);
});
