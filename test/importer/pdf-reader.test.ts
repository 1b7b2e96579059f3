import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPdfEdition, type PdfEdition, type PdfPart } from '../../language/src/importer/pdf-reader.js';
import { makePdf, RIGHT_MARGIN, textWidth, wrap, type PlacedText } from './fixtures/make-pdf.js';

const texts = (part: PdfPart | undefined) => part?.paragraphs.map(p => p.text) ?? [];

/** Lays out a page as the WA list PDF does: running header and footer, lines 12.6 pt apart, paragraphs 15.6 pt apart. */
class PageLayout {
    readonly placed: PlacedText[] = [];
    private y = 729;

    constructor(title: string, page: number) {
        this.placed.push({ x: 91, y: 795.3, text: '_'.repeat(68) }, { x: 180, y: 769.1, text: title, size: 10 }, { x: 91, y: 755.7, text: '_'.repeat(68) });
        this.placed.push({ x: 414, y: 42, text: 'WA-LIST (25) 1 Corr.', size: 10 }, { x: 90, y: 30.5, text: `- ${page} -`, size: 10 }, { x: 457, y: 30.5, text: '15-01-2026', size: 10 });
    }

    /** Labels (or code parts) at their x, then text from textX, wrapped at the right margin onto lines starting at textX. */
    item(labels: Array<[number, string]>, textX: number, text: string): this {
        this.lines(labels, textX, text === '' ? [] : wrap(text, textX));
        return this.gap();
    }

    /** Labels, then lines given as printed (to place a line-end hyphen). */
    lines(labels: Array<[number, string]>, textX: number, lines: string[]): this {
        labels.forEach(([x, label]) => this.placed.push({ x, y: this.y, text: label }));
        lines.forEach((line, index) => {
            if (textX + textWidth(line) > RIGHT_MARGIN) throw new Error(`fixture line runs past the right margin: ${line}`);
            this.placed.push({ x: textX, y: this.y, text: line });
            if (index < lines.length - 1) this.y -= 12.6;
        });
        this.y -= 12.6;
        return this;
    }

    /** Text with an exponent raised 4.5 pt in a 7 pt font right after `base`, as the WA PDF prints "10" + "6". */
    withExponent(labels: Array<[number, string]>, textX: number, base: string, exponent: string, after: string): this {
        labels.forEach(([x, label]) => this.placed.push({ x, y: this.y, text: label }));
        const exponentX = textX + textWidth(base);
        this.placed.push({ x: textX, y: this.y, text: base }, { x: exponentX, y: this.y + 4.5, text: exponent, size: 7 });
        this.placed.push({ x: exponentX + textWidth(exponent, 7) + 3, y: this.y, text: after });
        this.y -= 12.6;
        return this.gap();
    }

    gap(): this {
        this.y -= 3;
        return this;
    }
}

const NOTE_TEXT = '3.A.1.c. does not apply to doohickeys designed for toys or for teaching, nor to doohickeys with a mass of less than 1 g, including the following:';
const THINGAMAJIGS_TEXT = 'Thingamajigs with a description so long that it has to go on at the top of the next page;';
const THINGAMAJIGS = wrap(THINGAMAJIGS_TEXT, 169);
const TECHNICAL_NOTE_TEXT = "For the purposes of 3.A.1.c., a 'doohickey' is a small device whose name its user has forgotten, and which is kept because it might be useful.";

function fixturePages(): PlacedText[][] {
    const category3 = 'DUAL-USE LIST - CATEGORY 3 - ELECTRONICS';
    const first = new PageLayout(category3, 1)
        .item([[90, '3.'], [107, 'A.']], 125, 'SYSTEMS, EQUIPMENT AND COMPONENTS')
        .item([[90, '3.'], [107, 'A.'], [125, '1.']], 146, 'Widget assemblies and specially designed components therefor, as follows:')
        .item([[149, 'a.']], 169, 'Widgets rated for operation at frequencies exceeding 10 GHz;')
        .item([[149, 'b.']], 169, 'Gadgets having all of the following:')
        .lines([[169, '1.']], 193, ['A housing made of ceramic or of a non-', 'volatile polymer; and'])
        .gap()
        .withExponent([[169, '2.']], 193, 'A mass of 5 x 10', '6', 'kg or more;')
        .item([[149, 'c.'], [169, '1.']], 193, 'Doohickeys, as follows:')
        .item([[193, 'a.']], 217, 'Doohickeys made of brass;')
        .item([[149, 'Note']], 189, NOTE_TEXT)
        .item([[189, 'a.']], 209, 'Rattles;')
        .item([[189, 'b.']], 209, 'Spinning tops.')
        .item([[149, 'Technical Note']], 149, '')
        .item([], 149, TECHNICAL_NOTE_TEXT)
        .lines([[90, '3.'], [107, 'A.'], [125, '1.'], [149, 'd.']], 169, THINGAMAJIGS.slice(0, 1))
        .placed;
    const second = new PageLayout(category3, 2)
        .lines([], 169, THINGAMAJIGS.slice(1))
        .gap()
        .item([[149, 'e. Gizmos printed in one piece with their label;']], 149, '')
        .item([[90, '3.'], [107, 'B.']], 125, 'TEST, INSPECTION AND PRODUCTION EQUIPMENT')
        .item([[90, '3.'], [107, 'B.'], [125, '1.']], 146, 'Testers for widgets specified in 3.A.1.a.')
        .item([[146, 'N.B.']], 186, 'For gadget testers, see 3.B.2.')
        .placed;
    const munitions = new PageLayout('MUNITIONS LIST', 3)
        .item([[86, 'ML1.']], 122, 'Guns and accessories, as follows:')
        .item([[122, 'a.']], 141, 'Rifles;')
        .item([[90, 'ML1.'], [122, 'b.']], 141, 'Launchers as follows:')
        .item([[142, '1.']], 165, 'Tube launchers;')
        .item([[165, 'N.B.']], 194, 'For sights, see ML5.')
        .placed;
    const definitions = new PageLayout('DEFINITIONS', 4)
        .item([[90, 'Cat 3,'], [148, '"Widget"']], 0, '')
        .item([[90, 'ML1']], 169, 'A device of any kind whose purpose the list does not need to state, because every reader of the list already knows it well.')
        .item([[90, 'Cat 3'], [148, '"Gadget"']], 0, '')
        .item([], 169, 'A "widget" with a handle.')
        .placed;
    const sensitive = new PageLayout('Sensitive List', 5)
        .item([[90, 'Category 3']], 0, '')
        .item([[90, '3.A.1.b.']], 193, 'Gadgets having all of the following:')
        .item([[193, '1.']], 211, 'A housing made from a non-volatile polymer;')
        .lines([[90, '3.A.1.d. to']], 193, ['Thingamajigs...'])
        .lines([[90, '3.A.1.e.']], 193, [])
        .placed;
    return [first, second, munitions, definitions, sensitive];
}

describe('readPdfEdition on a hand-made PDF', () => {
    let dir: string;
    let edition: PdfEdition;
    beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'cld-pdf-'));
        writeFileSync(join(dir, 'list.pdf'), makePdf(fixturePages()));
        edition = await readPdfEdition(join(dir, 'list.pdf'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('parts follow the running headers, in page order', () => {
        expect(edition.map(p => `${p.kind}${p.category ?? ''}`)).toEqual(['category3', 'munitions', 'definitions', 'sensitive']);
        expect(edition.every(p => p.file === 'list.pdf')).toBe(true);
    });

    test('a category in the Word layout: full codes, labels indented by the codes above them, notes, wrapped lines joined', () => {
        expect(texts(edition[0])).toEqual([
            '3.\tA.\tSYSTEMS, EQUIPMENT AND COMPONENTS',
            '3.\tA.\t1.\tWidget assemblies and specially designed components therefor, as follows:',
            '\t\t\ta.\tWidgets rated for operation at frequencies exceeding 10 GHz;',
            '\t\t\tb.\tGadgets having all of the following:',
            // A line-end hyphen is kept and the lines join without a space.
            '\t\t\t\t1.\tA housing made of ceramic or of a non-volatile polymer; and',
            // The raised exponent becomes a Unicode superscript.
            '\t\t\t\t2.\tA mass of 5 x 10⁶ kg or more;',
            // Two labels starting a line are written as the full code.
            '3.\tA.\t1.\tc.\t1.\tDoohickeys, as follows:',
            '\t\t\t\t\ta.\tDoohickeys made of brass;',
            `Note\t${NOTE_TEXT}`,
            // The note's own list: no tabs, as Word writes it.
            'a.\tRattles;',
            'b.\tSpinning tops.',
            'Technical Note',
            TECHNICAL_NOTE_TEXT,
            // Continued at the top of the next page.
            `3.\tA.\t1.\td.\t${THINGAMAJIGS_TEXT}`,
            // A label printed in one piece with its text.
            '\t\t\te.\tGizmos printed in one piece with their label;',
            '3.\tB.\tTEST, INSPECTION AND PRODUCTION EQUIPMENT',
            '3.\tB.\t1.\tTesters for widgets specified in 3.A.1.a.',
            'N.B.\tFor gadget testers, see 3.B.2.',
        ]);
    });

    test('munitions entries: ML code, then labels at the columns of the munitions list', () => {
        expect(texts(edition[1])).toEqual([
            'ML1.\tGuns and accessories, as follows:',
            '\ta.\tRifles;',
            'ML1.\tb.\tLaunchers as follows:',
            '\t\t1.\tTube launchers;',
            'N.B.\tFor sights, see ML5.',
        ]);
    });

    test('definitions: places and term, places and text, definition text after a tab', () => {
        expect(texts(edition[2])).toEqual([
            'Cat 3,\t"Widget"',
            'ML1\tA device of any kind whose purpose the list does not need to state, because every reader of the list already knows it well.',
            'Cat 3\t"Gadget"',
            '\tA "widget" with a handle.',
        ]);
    });

    test('Sensitive List: cited codes, their sub-items, codes that go on over lines', () => {
        expect(texts(edition[3])).toEqual([
            'Category 3',
            '3.A.1.b.\tGadgets having all of the following:',
            '\t1.\tA housing made from a non-volatile polymer;',
            '3.A.1.d. to 3.A.1.e.\tThingamajigs...',
        ]);
    });

    test('headers and footers stay out of the text and are kept as margins; paragraphs say where they are', () => {
        const all = edition.flatMap(p => p.paragraphs);
        expect(all.filter(p => /WA-LIST|15-01-2026|_{5}|CATEGORY 3|MUNITIONS LIST|^- \d+ -$/.test(p.text))).toEqual([]);
        expect(edition[0].margins.split('\n')).toEqual(['DUAL-USE LIST - CATEGORY 3 - ELECTRONICS', 'WA-LIST (25) 1 Corr.', '- 1 - 15-01-2026', '- 2 - 15-01-2026']);
        expect(edition.find(p => p.kind === 'munitions')!.margins).toContain('MUNITIONS LIST');
        expect(all[0].where).toBe('list.pdf, page 1');
        expect(edition[0].paragraphs.find(p => p.text.startsWith('\t\t\te.'))!.where).toBe('list.pdf, page 2');
    });
});

describe('readPdfEdition on bad input: an error that names the file and says what is wrong', () => {
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'cld-pdf-bad-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const fileWith = (name: string, bytes: string | Buffer) => {
        writeFileSync(join(dir, name), bytes);
        return join(dir, name);
    };

    test('not a PDF, or an empty file', async () => {
        await expect(readPdfEdition(fileWith('notes.pdf', 'plain text, not a PDF'))).rejects.toThrow(/notes\.pdf: not a PDF file \(no %PDF- header\)/);
        await expect(readPdfEdition(fileWith('empty.pdf', ''))).rejects.toThrow(/empty\.pdf: not a PDF file \(the file is empty\)/);
    });

    test('a PDF cut short or damaged', async () => {
        const whole = makePdf(fixturePages());
        await expect(readPdfEdition(fileWith('cut.pdf', whole.subarray(0, Math.floor(whole.length / 2))))).rejects.toThrow(/cut\.pdf: not a readable PDF: it is damaged or cut short/);
        await expect(readPdfEdition(fileWith('header-only.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog'))).rejects.toThrow(/header-only\.pdf: not a readable PDF/);
    });

    test('a password-protected PDF', async () => {
        await expect(readPdfEdition(fileWith('locked.pdf', makePdf(fixturePages(), { encrypted: true })))).rejects.toThrow(/locked\.pdf: the PDF is password-protected/);
    });

    test('no file, or a folder', async () => {
        await expect(readPdfEdition(join(dir, 'missing.pdf'))).rejects.toThrow(/missing\.pdf: cannot read the file: no such file \(ENOENT\)/);
        mkdirSync(join(dir, 'folder.pdf'));
        await expect(readPdfEdition(join(dir, 'folder.pdf'))).rejects.toThrow(/folder\.pdf: cannot read the file: a folder, not a file \(EISDIR\)/);
    });
});

// The 2025 edition, read in place from ../shared/data (never copied into the repository).
const repoRoot = resolve(__dirname, '../..');
const pdfFile = resolve(repoRoot, '../shared/data/wassenaar/WA-LIST-25-1-Corr/List-of-Dual-Use-Goods-and-Technologies-and-ML-2025-Corr.pdf');
const corpusPresent = existsSync(pdfFile);
if (!corpusPresent) console.warn(`WA 2025 PDF not found at ${pdfFile}: the PDF reader's corpus tests are skipped.`);

describe.skipIf(!corpusPresent)('readPdfEdition on WA-LIST (25) 1 Corr.', () => {
    let edition: PdfEdition;
    let seconds: number;
    beforeAll(async () => {
        const start = performance.now();
        edition = await readPdfEdition(pdfFile);
        seconds = (performance.now() - start) / 1000;
        console.log(`WA-LIST (25) 1 Corr.: 243 pages read in ${seconds.toFixed(1)} s`);
    }, 120000);
    const part = (kind: string, category?: number) => edition.filter(p => p.kind === kind && p.category === category);
    /** The paragraphs of a part from the one that is `first`, `count` of them. */
    const after = (paragraphs: string[], first: string, count: number) => paragraphs.slice(paragraphs.indexOf(first), paragraphs.indexOf(first) + count);

    test('the parts of the edition, in document order', () => {
        expect(edition.map(p => `${p.kind}${p.category ?? ''}`)).toEqual([
            'cover', 'contents', 'general-notes',
            'category1', 'category2', 'category3', 'category4', 'category5', 'category5', 'category6', 'category7', 'category8', 'category9',
            'sensitive', 'very-sensitive', 'munitions', 'definitions', 'acronyms', 'understandings',
        ]);
        expect(part('category', 5).map(p => p.margins.split('\n')[0])).toEqual([
            'DUAL-USE LIST - CATEGORY 5 – PART 1 – TELECOMMUNICATIONS', 'DUAL-USE LIST - CATEGORY 5 – PART 2 – "INFORMATION SECURITY"',
        ]);
        expect(part('category', 3)[0].margins).toContain('15-01-2026');
    });

    test('3.A.1.b.7.b: labels get one tab per code part above them', () => {
        const category3 = texts(part('category', 3)[0]);
        expect(after(category3, '3.\tA.\t1.\tb.\t7.\tb.\tDesigned to extend the operating range of signal generators as follows:', 3)).toEqual([
            '3.\tA.\t1.\tb.\t7.\tb.\tDesigned to extend the operating range of signal generators as follows:',
            '\t\t\t\t\t\t1.\tBeyond 110 GHz;',
            '\t\t\t\t\t\t2.\tTo an output power greater than 100 mW (20 dBm) anywhere within the frequency range exceeding 43.5 GHz but not exceeding 110 GHz;',
        ]);
        const paragraph = part('category', 3)[0].paragraphs.find(p => p.text.startsWith('\t\t\t\t\t\t2.\tTo an output power greater than 100 mW'));
        expect(paragraph!.where).toBe('List-of-Dual-Use-Goods-and-Technologies-and-ML-2025-Corr.pdf, page 60');
    });

    test('3.B.1.f.1 and its items', () => {
        expect(after(texts(part('category', 3)[0]), '3.\tB.\t1.\tf.\tLithography equipment as follows:', 4)).toEqual([
            '3.\tB.\t1.\tf.\tLithography equipment as follows:',
            '\t\t\t\t1.\tAlign and expose step and repeat (direct step on wafer) or step and scan (scanner) equipment for wafer processing using photo-optical or X-ray methods and having any of the following:',
            '\t\t\t\t\ta.\tA light source wavelength shorter than 193 nm; or',
            "\t\t\t\t\tb.\tCapable of producing a pattern with a 'Minimum Resolvable Feature size' (MRF) of 45 nm or less;",
        ]);
    });

    test('notes open paragraphs; real hyphens at line ends are kept', () => {
        expect(texts(part('category', 3)[0])).toContain('Note\t3.A.1.b.8. does not apply to equipment designed or rated for operation in any frequency band which is "allocated by the ITU" for radio-communications services, but not for radio-determination.');
        expect(after(texts(part('category', 1)[0]), 'Note 2\t1.A.2. does not apply to semi-finished items specially designed for purely civilian applications as follows:', 3)).toEqual([
            'Note 2\t1.A.2. does not apply to semi-finished items specially designed for purely civilian applications as follows:',
            'a.\tSporting goods;',
            'b.\tAutomotive industry;',
        ]);
    });

    test('raised exponents and unit powers become Unicode superscripts', () => {
        const category1 = texts(part('category', 1)[0]);
        expect(category1).toContain('\t\t\t\t\ta.\tA "specific modulus" exceeding 10.15 x 10⁶ m; and');
        expect(texts(part('category', 3)[0])).toContain('\t\t\t\t\tc.\tA volume of less than 400 cm³;');
    });

    test('munitions entries', () => {
        expect(after(texts(part('munitions')[0]), 'ML1.\tb.\tSmooth-bore weapons as follows:', 4)).toEqual([
            'ML1.\tb.\tSmooth-bore weapons as follows:',
            '\t\t1.\tSmooth-bore weapons specially designed for military use;',
            '\t\t2.\tOther smooth-bore weapons as follows:',
            '\t\t\ta.\tFully automatic type weapons;',
        ]);
    });

    test('definitions', () => {
        const definitions = texts(part('definitions')[0]);
        expect(after(definitions, 'Cat 2, 3,\t"Accuracy"', 2)).toEqual([
            'Cat 2, 3,\t"Accuracy"',
            '6, 7\t(Usually measured in terms of inaccuracy) is the maximum deviation, positive or negative, of an indicated value from an accepted standard or true value.',
        ]);
        expect(after(definitions, 'Cat 5P2\t"Asymmetric algorithm"', 2)).toEqual([
            'Cat 5P2\t"Asymmetric algorithm"',
            '\tA cryptographic algorithm using different, mathematically-related keys for encryption and decryption.',
        ]);
    });

    test('the Sensitive List cites codes at the left margin', () => {
        const sensitive = texts(part('sensitive')[0]);
        expect(sensitive).toContain('3.A.1.b.2.\t"Monolithic Microwave Integrated Circuit" ("MMIC") amplifiers that are any of the following:');
        expect(sensitive).toContain('9.E.3.a.1. to 9.E.3.a.5. & 9.E.3.a.8.\t"Technology" "required" for…');
    });

    test('a list outside any code (General Software Note) is indented by its own labels', () => {
        expect(texts(part('general-notes')[0])).toContain('\ta.\tSold from stock at retail selling points without restriction, by means of:');
    });

    test("paragraphs carry where their lines begin, in twips: the N.B. closing 3.A.1.a.5.a's list is set at 3.A.1.a.5.a's text", () => {
        const paragraphs = part('category', 3)[0].paragraphs;
        const index = paragraphs.findIndex(p => p.text.startsWith('\t\t\t\t\ta.\tADCs having any of the following'));
        const item = paragraphs[index].indent!;
        const following = paragraphs.slice(index);
        const last = following.find(p => p.text.startsWith('\t\t\t\t\t\t5.\tA resolution of 16 bit or more'))!.indent!;
        const nb = following.find(p => p.text.startsWith('N.B.\tFor integrated circuits that contain analogue-to-digital converters'))!.indent!;
        expect(last.left - item.left).toBeGreaterThan(300);
        expect(Math.abs(nb.first - item.left)).toBeLessThanOrEqual(150);
    });

    test('no running header, footer or rule in the text', () => {
        const leaks = edition.flatMap(p => p.paragraphs).filter(p => /WA-LIST \(25\)|15-01-2026|_{5}|DUAL-USE LIST - CATEGORY|^-\s*\d+\s*-$/.test(p.text));
        expect(leaks).toEqual([]);
        expect(edition.flatMap(p => p.paragraphs).filter(p => /[\uf000-\uf0ff]/.test(p.text))).toEqual([]);
    });
});
