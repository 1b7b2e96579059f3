import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildEdition, indexItems } from '../../language/src/importer/edition.js';
import type { SourcePart } from '../../language/src/importer/source.js';
import { layoutMarks } from '../../language/src/importer/word-lists.js';
import { readWordFile, toParagraphs } from '../../language/src/importer/word-reader.js';

/** A line as the Word 97 reader gives it: its indents (twips) in marks before the text. */
const at = (left: number, first: number, text: string) => `${layoutMarks({ cp: 0, left, first })}${text}`;

function build(lines: string[]) {
    const part: SourcePart = { kind: 'category', category: 8, file: 'cat8.doc', paragraphs: toParagraphs(lines.join('\n'), 'cat8.doc') };
    return indexItems(buildEdition({ listId: 'WA-LIST (12) 1', fileId: 'WA-LIST-12-1', year: 2012 }, [part], []).model.categories);
}

// 8.C.1 in 2012 as the Word file lays it out: the entry's text at 1120 twips, its a. and b. at
// 1580, and the Technical Note and N.B. that close the list with their first lines at 1120.
const SYNTACTIC_FOAM = [
    at(700, 0, '8.\tC.\tMATERIALS'),
    at(1120, 0, "8.\tC.\t1.\t'Syntactic foam' designed for underwater use and having all of the following:"),
    at(1580, 0, '\t\t\ta.\tDesigned for marine depths exceeding 1,000 m; and'),
    at(1580, 0, '\t\t\tb.\tA density less than 561 kg/m3.'),
];

describe('a note belongs to the item whose text begins where the note does', () => {
    test('the toParagraphs of a Word line keeps its indents', () => {
        expect(toParagraphs(at(1922, 1123, 'Technical Note'), 'x.doc')).toEqual([{ text: 'Technical Note', where: 'x.doc, paragraph 1', indent: { left: 1922, first: 1123 } }]);
    });

    test("a note set at the entry's text after the last sub-item closes the entry's list (8.C.1, 2012)", () => {
        const items = build([...SYNTACTIC_FOAM,
            at(1922, 1123, 'Technical Note'),
            at(1120, 1120, "'Syntactic foam' consists of hollow spheres of plastic or glass embedded in a resin matrix."),
            at(1849, 1123, 'N.B.\tSee also 8.A.2.a.4.'),
        ]);
        expect(items.get('8.C.1')!.notes.map(n => n.kind)).toEqual(['technical-note', 'nb']);
        expect(items.get('8.C.1.b')!.notes).toEqual([]);
    });

    test("a note set at the last sub-item's text stays with it", () => {
        const items = build([...SYNTACTIC_FOAM, at(2040, 1580, 'Note\tThe density is measured at 293 K.')]);
        expect(items.get('8.C.1.b')!.notes.map(n => n.text)).toEqual(['The density is measured at 293 K.']);
    });

    test('a note between two items\' texts, or with no indents read, stays with the item above it', () => {
        const between = build([...SYNTACTIC_FOAM, at(1850, 1350, 'Note\tThe density is measured at 293 K.')]);
        expect(between.get('8.C.1.b')!.notes).toHaveLength(1);
        const plain = build([...SYNTACTIC_FOAM.map(l => l.replace(/^\ue002[^\ue003]*\ue003/, '')), 'Note\tThe density is measured at 293 K.']);
        expect(plain.get('8.C.1.b')!.notes).toHaveLength(1);
    });
});

test("a note set at the entry's text between an item's text and its first sub-item is the item's (the GNSS N.B. of 5.A.2.a, 2014)", () => {
    const lines = [
        at(1204, 0, '5.\tA.\t2.\t"Information security" systems, equipment and components therefor, as follows:'),
        at(1582, 0, '\t\t\ta.\tSystems, equipment and components, for "information security", as follows:'),
        at(1922, 1191, 'N.B.\tFor Global Navigation Satellite Systems (GNSS) receiving equipment containing or employing decryption see 7.A.5.'),
        at(2060, 20, '5.\tA.\t2.\ta.\t1.\tDesigned or modified to use "cryptography" employing digital techniques;'),
        at(1922, 1191, 'N.B.\tSee also 5.D.2.'),
    ];
    const part: SourcePart = { kind: 'category', category: 5, file: 'cat5p2.doc', paragraphs: toParagraphs(lines.join('\n'), 'cat5p2.doc') };
    const items = indexItems(buildEdition({ listId: 'WA-LIST (14) 2', fileId: 'WA-LIST-14-2', year: 2014 }, [part], []).model.categories);
    expect(items.get('5.A.2.a')!.notes.map(n => n.text)).toEqual(['For Global Navigation Satellite Systems (GNSS) receiving equipment containing or employing decryption see 7.A.5.']);
    // After the list, the same indent closes it: the entry's.
    expect(items.get('5.A.2')!.notes.map(n => n.text)).toEqual(['See also 5.D.2.']);
});

test("an item whose own line has no indents read begins where its siblings' texts do (1.C.1.c, 1999-2006)", () => {
    const lines = [
        at(1120, 0, '1.\tC.\t1.\tMaterials specially designed for use as absorbers, as follows:'),
        at(1580, 0, '\t\t\ta.\tMaterials for absorbing frequencies exceeding 2 x 108 Hz;'),
        '1.\tC.\t1.\tc.\tIntrinsically conductive polymeric materials, as follows:',
        at(2060, 20, '\t\t\t\t1.\tPolyaniline;'),
        at(2380, 1600, 'Technical Note'),
        at(1580, 0, '\t\t\t\tBulk electrical conductivity should be determined using ASTM D-257.'),
    ];
    const part: SourcePart = { kind: 'category', category: 1, file: 'cat1.doc', paragraphs: toParagraphs(lines.join('\n'), 'cat1.doc') };
    const items = indexItems(buildEdition({ listId: 'WA-LIST (99) 1', fileId: 'WA-LIST-99-1', year: 1999 }, [part], []).model.categories);
    expect(items.get('1.C.1.c')!.notes.map(n => n.kind)).toEqual(['technical-note']);
    expect(items.get('1.C.1.c.1')!.notes).toEqual([]);
});

const corpus = resolve(__dirname, '../../../shared/data/wassenaar');
const cat8 = resolve(corpus, 'WA-LIST-12-1/11 - WA-LIST (12) 1 - Cat 8.doc');
if (!existsSync(cat8)) console.warn(`WA corpus not found at ${corpus}: the Word indent test is skipped.`);

describe.skipIf(!existsSync(cat8))('the Word 97 reader reads paragraph indents', () => {
    test("2012 Cat 8: 8.C.1's text at 1120 twips, its a. at 1580, the closing Technical Note's first line at 8.C.1's", async () => {
        const paragraphs = toParagraphs((await readWordFile(cat8)).body, 'Cat 8.doc');
        const find = (start: string) => paragraphs.find(p => p.text.startsWith(start))!;
        expect(find("8.\tC.\t1.\t'Syntactic foam'").indent).toEqual({ left: 1120, first: 0 });
        expect(find('\t\t\ta.\tDesigned for marine depths').indent?.left).toBe(1580);
        expect(find("'Syntactic foam' consists of").indent).toEqual({ left: 1120, first: 1120 });
    });
});

describe('a note defining a term goes to the open item whose text uses it', () => {
    test("Technical Notes set at 3.A.2.c.4.b's text that define a term of 3.A.2.c.4.a are 3.A.2.c.4's (2017-2021)", () => {
        const lines = [
            at(1120, 0, '3.\tA.\t2.\tGeneral purpose electronic equipment, as follows:'),
            at(1582, 0, '3.\tA.\t2.\tc.\t"Signal analysers" as follows:'),
            at(2064, 23, '\t\t\t\t4.\t"Signal analysers" having all of the following:'),
            at(2478, 23, "\t\t\t\t\ta.\t'Real-time bandwidth' exceeding 170 MHz; and"),
            at(2478, 23, '\t\t\t\t\tb.\tHaving any of the following:'),
            at(2884, 23, '\t\t\t\t\t\t1.\t100% probability of discovery;'),
            at(2880, 2466, 'Technical Notes'),
            at(2830, 2478, "1.\t'Real-time bandwidth' is the widest frequency range for which the analyser can continuously transform time-domain data."),
        ];
        const part: SourcePart = { kind: 'category', category: 3, file: 'cat3.doc', paragraphs: toParagraphs(lines.join('\n'), 'cat3.doc') };
        const items = indexItems(buildEdition({ listId: 'WA-LIST (18) 1', fileId: 'WA-LIST-18-1', year: 2018 }, [part], []).model.categories);
        expect(items.get('3.A.2.c.4')!.notes.map(n => n.kind)).toEqual(['technical-note']);
        expect(items.get('3.A.2.c.4.b')!.notes).toEqual([]);
    });
});

test("a note defining a term of the open note's last line, set deeper than that line, is the note's text (6.A.3.b.4.b Note 3, 2004)", () => {
    const lines = (definition: string) => [
        at(700, 0, '8.\tC.\tMATERIALS'),
        at(1120, 0, "8.\tC.\t1.\t'Syntactic foam' designed for underwater use and having all of the following:"),
        at(1580, 0, '\t\t\ta.\tDesigned for marine depths exceeding 1,000 m; and'),
        at(1580, 0, '\t\t\tb.\tA density less than 561 kg/m3.'),
        at(2795, 1120, 'Note\t8.C.1.b. does not control foam that is rendered inoperable when removed from its hull.'),
        at(4186, 3550, `Note:\t${definition}`),
    ];
    const nested = build(lines("'Rendered inoperable' means an active mechanism that forces the foam not to function."));
    expect(nested.get('8.C.1.b')!.notes.map(n => n.text)).toEqual(["8.C.1.b. does not control foam that is rendered inoperable when removed from its hull.\nNote: 'Rendered inoperable' means an active mechanism that forces the foam not to function."]);
    // A term the note before does not use: a note of its own.
    const apart = build(lines("'Vessel' means a ship or a submarine."));
    expect([...apart.values()].flatMap(item => item.notes).map(n => n.text)).toContain("'Vessel' means a ship or a submarine.");
    // Set no deeper than the note's last line: a note of its own.
    const level = build(lines("'Rendered inoperable' means an active mechanism.").map(l => l.replace(layoutMarks({ cp: 0, left: 4186, first: 3550 }), layoutMarks({ cp: 0, left: 2795, first: 1120 }))));
    expect([...level.values()].flatMap(item => item.notes).map(n => n.text)).toContain("'Rendered inoperable' means an active mechanism.");
});
