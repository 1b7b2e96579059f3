import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { checkConformance } from '../../language/src/conformance/conformance.js';
import { importAndCheck } from '../../language/src/importer/import-edition.js';
import { flattenEdition } from '../../language/src/model/flat-items.js';
import { parseFlatList } from '../../language/src/model/parse-list.js';
import { parseCategories } from '../../language/src/national/new-list.js';
import { cld, repositoryRoot } from './run-cld.js';

const series2019 = path.join(repositoryRoot, 'examples', 'wa-series', 'wa-series-2019.cld');
let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-new-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const { Cld } = createCldCoreServices();
const flat = (text: string) => {
    const parsed = parseFlatList(Cld, text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.list;
};

describe('cld new --from <WA edition>', () => {
    test('every item of the edition, with a precedent link to its WA item, in ECCN numbering; validates clean; equal to the WA edition by conformance', () => {
        const out = path.join(dir, 'national.cld');
        const r = cld('new', '--from', series2019, '-o', out, '--title', 'Examplia', '--id', 'EX-2020');
        expect(r.code).toBe(0);
        const text = fs.readFileSync(out, 'utf8');
        expect(text).toContain('list "Examplia"\nid "EX-2020"\nnumbering eccn\nimplements wassenaar "WA-SERIES (19) 1"');
        expect(text).toContain('entry 3B001 "Equipment for the manufacturing of semiconductor devices, as follows:" precedent 3.B.1 {');
        expect(text).toContain('item a "Lithography equipment having a light source wavelength shorter than 193 nm;" precedent 3.B.1.a { wavelength < 193 nm }');
        // A reserved WA item stays reserved, with no link; parameters come along.
        expect(text).toContain('item a reserved since 2019 {');
        expect(text).toContain('parameter app: performance unit WT "Adjusted Peak Performance"');
        expect(cld('validate', out).code).toBe(0);
        const national = flat(text);
        const wa = flat(fs.readFileSync(series2019, 'utf8'));
        expect(national.items.filter(i => !i.reserved).every(i => i.precedent !== undefined)).toBe(true);
        const report = checkConformance({ national, wa });
        expect(new Set(report.findings.map(f => f.kind))).toEqual(new Set(['equal']));
    });

    test('--numbering wassenaar keeps the WA codes; --categories keeps the categories named', () => {
        const out = path.join(dir, 'wa-numbered.cld');
        expect(cld('new', '--from', series2019, '-o', out, '--numbering', 'wassenaar', '--categories', '3-4').code).toBe(0);
        const list = flat(fs.readFileSync(out, 'utf8'));
        expect(list.numbering).toBe('wassenaar');
        expect([...new Set(list.items.map(i => i.code.split('.')[0]))]).toEqual(['3', '4']);
        expect(parseCategories('1-9,ML')).toEqual(new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', ...Array.from({ length: 22 }, (_, i) => `ML${i + 1}`)]));
    });

    test('bad input: an existing file is not written over; a national list, an unknown category or a list with errors is refused; nothing written', () => {
        const existing = path.join(dir, 'existing.cld');
        fs.writeFileSync(existing, 'mine');
        const over = cld('new', '--from', series2019, '-o', existing);
        expect(over.code).toBe(2);
        expect(over.stderr).toContain('exists; name a new file');
        expect(fs.readFileSync(existing, 'utf8')).toBe('mine');
        const national = path.join(repositoryRoot, 'examples', 'examplia', 'examplia-2025.cld');
        expect(cld('new', '--from', national, '-o', path.join(dir, 'a.cld')).stderr).toContain('is a national list (ECCN numbering)');
        expect(cld('new', '--from', series2019, '-o', path.join(dir, 'b.cld'), '--categories', '3,X').stderr).toContain('"X" is not a category');
        const broken = path.join(dir, 'broken.cld');
        fs.writeFileSync(broken, fs.readFileSync(series2019, 'utf8').replace('{ power > 10 W }', '{ power > 10 parsecs }'));
        const refused = cld('new', '--from', broken, '-o', path.join(dir, 'c.cld'));
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('has errors; fix them first');
        for (const name of ['a.cld', 'b.cld', 'c.cld']) expect(fs.existsSync(path.join(dir, name))).toBe(false);
    });
});

// The real WA 2025 edition, imported from ../shared/data: the new list is the edition, item for item.
const wa2025 = path.resolve(repositoryRoot, '../shared/data/wassenaar/WA-LIST-25-1-Corr');
describe.skipIf(!fs.existsSync(wa2025))('cld new from the imported WA 2025 edition', () => {
    test('validates without errors, and conformance finds every WA item equal', async () => {
        const imported = await importAndCheck(wa2025);
        const edition = path.join(dir, 'WA-LIST-25-1-Corr.cld');
        fs.writeFileSync(edition, imported.text);
        const out = path.join(dir, 'national-2025.cld');
        const r = cld('new', '--from', edition, '-o', out);
        expect(r.code, r.stderr).toBe(0);
        const report = checkConformance({ national: flat(fs.readFileSync(out, 'utf8')), wa: flattenEdition(imported.model) });
        expect(report.findings.filter(f => f.kind !== 'equal').map(f => `${f.kind} ${f.waCode ?? f.nationalCode}`)).toEqual([]);
        expect(report.findings.length).toBeGreaterThan(2000);
    }, 120000);
});
if (!fs.existsSync(wa2025)) console.warn(`${wa2025} not found: the test of cld new on WA 2025 is skipped.`);
