import { describe, expect, test } from 'vitest';
import { termsDefinedIn } from '../../language/src/note-definitions.js';
import { codesOf, inEntry } from './validation-helper.js';

function list(body: string, header = 'numbering eccn\nimplements wassenaar "WA-LIST (21) 1"'): string {
    return `list "Test"\n${header}\n${body}\n`;
}

const failing: Array<[string, string]> = [
    ['category-code', list('category 12 "Bad" { }')],
    ['duplicate-category', list('category 3 { } category 3 { }')],
    ['group-letter', list('category 3 { group B { } group A { } }')],
    ['group-letter', list('category 3 { group F { } }')],
    ['misplaced-member', list('category 3 { entry 3A001 "x"; }')],
    ['misplaced-member', list('category ML8 { group A { } }')],
    ['code-format', list('category 3 { group A { entry 3.A.1 "x"; } }')],
    ['code-format', list('category 3 { group A { entry 3A001 "x"; } }', 'numbering wassenaar')],
    ['code-category', list('category 3 { group A { entry 4A001 "x"; } }')],
    ['code-group', list('category 3 { group A { entry 3B001 "x"; } }')],
    ['entry-order', list('category 3 { group A { entry 3A002 "x"; entry 3A001 "y"; } }')],
    ['duplicate-code', list('category 3 { group A { entry 3A001 "x"; entry 3A001 "y"; } }')],
    ['label-kind', inEntry('item 1 "x";')],
    ['label-kind', inEntry('item a "x" { item b "y"; }')],
    ['label-sequence', inEntry('item a "x"; item c "y";')],
    ['label-sequence', inEntry('item a "x"; item a "y";')],
    ['label-sequence', inEntry('item b "x";')],
    ['tier-very-sensitive', inEntry('item a "x" tier very-sensitive;')],
    ['tier-munitions', inEntry('item a "x" tier munitions;')],
    ['tier-munitions', list('category ML1 { item a "x" tier dual-use; }')],
    ['duplicate-tier', inEntry('item a "x" tier sensitive sensitive;')],
    ['term-undefined', inEntry('item a `a "gizmo"`;')],
    ['term-unused', inEntry('item a "x";', 'definitions { term "gizmo" "a thing" }')],
    ['duplicate-term', inEntry('item a `"gizmo"`;', 'definitions { term "gizmo" "a thing" term "Gizmo" "again" }')],
    ['local-term-undefined', inEntry("item a \"the 'MRF' of it\";")],
    ['eccn-regime', list('category 9 { group A { entry 9A101 "x"; } }')],
    ['duplicate-implements', list('category 3 { }', 'numbering eccn\nimplements wassenaar "A"\nimplements wassenaar "B"')],
    ['precedent-format', inEntry('item a "x" precedent 3B001.a;')],
    ['linking-error', inEntry('item a "x"; see 3B001.q')]
];

describe('structural and semantic rules', () => {
    test.each(failing)('%s is reported', async (code, text) => {
        expect(await codesOf(text)).toContain(code);
    });

    test('a \'local\' term a note of its entry defines in words has a local definition; one a note only mentions has none', async () => {
        const runOut = "technical-note \"Technical Notes: For the purposes of 3A001.a.: 1. 'Run-out' (out-of-true running) is the radial displacement. 2. 'Camming' (axial displacement) is axial displacement.\"";
        expect(await codesOf(inEntry(`${runOut}\nitem a "Spindle 'run-out' and 'camming' less than 0,0004 mm";`))).toEqual([]);
        // The same note in another entry defines nothing here.
        expect(await codesOf(inEntry(`item a "Spindle 'run-out' less than 0,0004 mm";`))).toEqual(['local-term-undefined']);
        expect(await codesOf(inEntry(`technical-note "Where the 'MRF' is less than 5 nm, see 3A002."\nitem a "the 'MRF' of it";`))).toEqual(['local-term-undefined', 'local-term-undefined']);
        // EU Annex I, 1C001.c and 1C002.b: what a note says its terms are for, and numbered paragraphs under such a heading.
        const purposes = "technical-note \"Technical Note: For the purposes of 1C001.c., 'bulk electrical conductivity' and 'sheet (surface) resistivity' should be determined using ASTM D-257.\"";
        expect(await codesOf(inEntry(`${purposes}\nitem a "A 'bulk electrical conductivity' exceeding 10000 S/m or a 'sheet (surface) resistivity' below 100 ohms/square";`))).toEqual([]);
        const numbered = "technical-note \"Technical Notes: For the purposes of 1C002.b.: 1. 'Stress-rupture life' should be measured per ASTM E-139. 2. 'Low cycle fatigue life' should be measured per ASTM E-606.\"";
        expect(await codesOf(inEntry(`${numbered}\nitem a "A 'stress-rupture life' of 10000 hours or a 'low cycle fatigue life' of 10000 cycles";`))).toEqual([]);
        // WA 2021, 1.C.1.c: a Technical Note beginning with its terms; the same words in a plain note (an N.B. to 6.A.2) only mention them.
        const subject = "'Bulk electrical conductivity' and 'sheet (surface) resistivity' should be determined using ASTM D-257.";
        const uses = `item a "A 'bulk electrical conductivity' exceeding 10000 S/m or a 'sheet (surface) resistivity' below 100 ohms/square";`;
        expect(await codesOf(inEntry(`technical-note "${subject}"\n${uses}`))).toEqual([]);
        expect(await codesOf(inEntry(`nb "${subject}"\n${uses}`))).toEqual(['local-term-undefined', 'local-term-undefined', 'local-term-undefined', 'local-term-undefined']);
    });

    test('a \'local\' term its category\'s own notes define counts as defined in the category\'s entries (WA 2021, Category 4: "ON \'ADJUSTED PEAK PERFORMANCE\' (\'APP\')")', async () => {
        const category = (notes: string, entries: string) => list(`category 4 "Computers" {\n${notes}\ngroup A {\n${entries}\n}\n}`);
        const app = "technical-note \"ON ADJUSTED PEAK PERFORMANCE (APP)\\n'APP' is an adjusted peak rate at which digital computers perform floating point operations.\"";
        const computers = 'entry 4A003 "Digital computers having an \'APP\' exceeding 70 WT";\nentry 4A004 "Computers with an \'APP\' exceeding 1 WT";';
        expect(await codesOf(category(app, computers))).toEqual([]);
        // In a group's own notes too; not in another entry's.
        expect(await codesOf(list(`category 4 "Computers" {\ngroup A {\n${app}\n${computers}\n}\n}`))).toEqual([]);
        expect(await codesOf(category('', `entry 4A003 "Digital computers having an 'APP' exceeding 70 WT" { ${app} }\nentry 4A004 "Computers with an 'APP' exceeding 1 WT";`))).toEqual(['local-term-undefined']);
    });

    test('a \'local\' term an N.B. inside a defined term\'s definition defines counts as defined in the definitions (WA: "End-effectors", "Biopolymers")', async () => {
        const definitions = "definitions { term \"End-effectors\" \"[Cat 2] means grippers, 'active tooling units' and any other tooling. N.B. 'Active tooling unit' means a device for applying motive power.\" }";
        expect(await codesOf(inEntry('item a `"End-effectors"`;', definitions))).toEqual([]);
        // Without the N.B., the term is used and defined nowhere.
        expect(await codesOf(inEntry('item a `"End-effectors"`;', definitions.replace(" N.B. 'Active tooling unit' means a device for applying motive power.", '')))).toEqual(['local-term-undefined']);
        // WA 2021: a Technical Note under its own heading inside the definition, beginning with the term.
        const embedded = "definitions { term \"End-effectors\" \"[Cat 2, ML17] Grippers, 'active tooling units' and any other tooling.\\nTechnical Note\\n'Active tooling units' apply motive power.\" }";
        expect(await codesOf(inEntry('item a `"End-effectors"`;', embedded))).toEqual([]);
        expect(await codesOf(inEntry('item a `"End-effectors"`;', embedded.replace('Technical Note\\n', 'Note\\n')))).toEqual(['local-term-undefined', 'local-term-undefined']);
    });

    test('a \'local\' term is found by the other name the text gives it in brackets (WA 2021, 2.B.2.d: \'Magnetorheological finishing (MRF)\'; 4.A.3: \'Adjusted Peak Performance\' (\'APP\'))', async () => {
        // (Item b: the first pair found by 'MRF'; neither name of the second defined, two findings.)
        const mrf = "technical-note \"For the purposes of 2.B.2.:\\n1. 'MRF' is a material removal process using an abrasive magnetic fluid.\"";
        expect(await codesOf(inEntry(`${mrf}\nitem a "'Magnetorheological finishing (MRF)';";\nitem b "'Electrorheological finishing' ('MRF') or 'Magnetorheological finishing' ('ERF');";`))).toEqual(['local-term-undefined', 'local-term-undefined']);
        // The same names with nothing in brackets, or a short form no note defines: undefined.
        expect(await codesOf(inEntry(`${mrf}\nitem a "'Magnetorheological finishing';";\nitem b "'Ion beam finishing (IBF)';";`))).toEqual(['local-term-undefined', 'local-term-undefined']);
        // A definition of 'X (Y)' defines X and Y: the plural 'structural efficiency ratios (PV/W)' finds it (WA 2021, 9.A.8.b).
        const ratio = "technical-note \"'Structural efficiency ratio (PV/W)' is the burst pressure multiplied by the volume divided by the weight.\"";
        expect(await codesOf(inEntry(`${ratio}\nitem a "Motor cases having 'structural efficiency ratios (PV/W)' exceeding 25 km or a 'PV/W' of 20 km";`))).toEqual([]);
        expect(await codesOf(inEntry(`${ratio.replace(' (PV/W)', '')}\nitem a "Motor cases having a 'PV/W' of 20 km";`))).toEqual(['local-term-undefined']);
        // A long form defined, its short form in brackets after it is too.
        expect(await codesOf(inEntry(`technical-note "'Adjusted Peak Performance' is an adjusted peak rate."\nitem a "Computers having an 'Adjusted Peak Performance' ('APP') exceeding 70 WT";`))).toEqual([]);
    });

    test('a \'local\' term said to be specified by another entry is defined where that entry defines it (WA 2021, 8.A.2.a.4: "\'syntactic foam\' specified by 8.C.1."; the EU: "specified in 5A002.b.")', async () => {
        const list = (use: string) => `list "Test"\nnumbering eccn\nimplements wassenaar "WA-LIST (21) 1"\ncategory 8 "Marine" {\n    group A "Systems" {\n        entry 8A002 "Systems" {\n            item a "${use}";\n        }\n    }\n    group C "Materials" {\n        entry 8C001 "'Syntactic foam' for underwater use" {\n            technical-note "'Syntactic foam' consists of hollow spheres of plastic or glass embedded in a resin."\n        }\n    }\n}`;
        expect(await codesOf(list("Not defeated by the export of 'syntactic foam' specified by 8C001."))).toEqual([]);
        expect(await codesOf(list("Not defeated by the export of 'syntactic foam' specified in 8C001.a."))).toEqual([]);
        // Not said to be specified there, or said of an entry that does not define it: undefined.
        expect(await codesOf(list("Not defeated by the export of 'syntactic foam' of any kind."))).toEqual(['local-term-undefined']);
        expect(await codesOf(list("Not defeated by the export of 'syntactic foam' specified by 8A002."))).toEqual(['local-term-undefined']);
    });

    test('a term\'s plural in -ae finds its singular in -a, and the other way round ("antennae", "antenna")', async () => {
        const definitions = 'definitions { term "Electronically steerable phased array antenna" "[Cat 5, 6] An antenna which forms a beam by phase coupling." }';
        expect(await codesOf(inEntry('item a `Incorporating "electronically steerable phased array antennae";`;', definitions))).toEqual([]);
        expect(await codesOf(inEntry('item a `Incorporating "electronically steerable phased array antennas";`;', definitions))).toEqual([]);
        expect(await codesOf(inEntry('item a `Incorporating "electronically steerable phased array antenn";`;', definitions))).toEqual(['term-unused', 'term-undefined']);
    });

    test('a \'local\' term a numbered N.B. of a defined term\'s definition begins with counts as defined in the definitions (the EU\'s "Technology")', async () => {
        const technology = "definitions { term \"Technology\" \"(GTN NTN All) means specific information. This information takes the form of 'technical data' or 'technical assistance'. N.B.1. 'Technical assistance' may take forms such as instructions. N.B.2. 'Technical data' may take forms such as blueprints.\" }";
        expect(await codesOf(inEntry('item a `"Technology"`;', technology))).toEqual([]);
        expect(await codesOf(inEntry('item a `"Technology"`;', technology.replace(/N\.B\.\d\. /g, '')))).toEqual(['local-term-undefined', 'local-term-undefined', 'local-term-undefined', 'local-term-undefined']);
    });

    test('a well-formed list passes every rule', async () => {
        const text = list(`
definitions { term "laser" "coherent light source" }
category 3 "Electronics" {
    group A { entry 3A001 \`Uses "lasers"\` tier dual-use sensitive {
        item a "x" { item 1 "y" tier very-sensitive; item 2 reserved since 2015 }
        item b "z" { term 'MRF' "feature size" }
        item c "uses the 'MRF' term";
        see 3A001.a.1
    } }
    group B { entry 3B001 "y" precedent 3.B.1; entry 3B002 "z"; }
}
category ML1 "Weapons" tier munitions { item a "x"; item b "y"; }`);
        expect(await codesOf(text)).toEqual([]);
    });

    test('regimes the header implements are accepted', async () => {
        expect(await codesOf(list('category 9 { group A { entry 9A101 "x"; } }', 'numbering eccn\nimplements mtcr "Annex"'))).toEqual([]);
    });

    test('an entry of another regime numbers as that regime does: the Australia Group\'s 1C350.1 to .89 (EU Annex I)', async () => {
        const entry = (code: string) => list(`category 1 { group C { entry ${code} "Chemicals" { item 1 "Thiodiglycol;"\n item 2 "Phosphorus oxychloride;" } } }`, 'numbering eccn\nimplements wassenaar "WA"\nimplements australia-group "AG"');
        expect(await codesOf(entry('1C350'))).toEqual([]);
        // A WA entry still letters its first level; category 0 (the NSG's) need not.
        expect(await codesOf(entry('1C010'))).toContain('label-kind');
        expect(await codesOf(list('category 0 { group B { entry 0B004 "Plant" { item 1 "x"; } } }', 'numbering eccn\nimplements wassenaar "WA"\nimplements nsg "NSG"'))).toEqual([]);
    });

    test('a defined term used in the plural or another case counts as used', async () => {
        expect(await codesOf(inEntry('item a `Two "Lasers"`;', 'definitions { term "laser" "x" }'))).toEqual([]);
    });
});

describe('terms a note defines in words', () => {
    test.each([
        ["1. 'Run-out' (out-of-true running) is the radial displacement", ['Run-out']],
        ["For the purposes of 3B001.j., 'Extreme Ultraviolet' ('EUV') refers to wavelengths", ['Extreme Ultraviolet', 'EUV']],
        ["Technical Note: In 1A227 the term 'cold area' means the area", ['cold area']],
        ["'Hard selectors': data or set of data", ['Hard selectors']],
        ["For the purposes of 3E004 'SFQR' is the range", ['SFQR']],
        ["2. A 'filament band' is a tow. 3. 'Tows' are bundles", ['filament band', 'Tows']],
        ["2. For the listed materials, the term 'alloy' when not accompanied by a concentration is understood as identifying those alloys", ['alloy']],
        ["Where the 'MRF' is less than 5 nm", []],
        ["uses of the term 'MRF' vary", []],
        ["having a 'described security algorithm' is controlled", []],
        ["Spindle 'run-out' and 'camming' less than 0,0004 mm", []],
    ])('%s', (text, terms) => {
        expect(termsDefinedIn(text)).toEqual(terms);
    });
});
