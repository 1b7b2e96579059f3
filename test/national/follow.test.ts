import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { importAndCheck } from '../../language/src/importer/import-edition.js';
import type { FlatItem } from '../../language/src/model/flat-items.js';
import { parseFlatList } from '../../language/src/model/parse-list.js';
import { cld, repositoryRoot } from '../cli/run-cld.js';

const series = path.join(repositoryRoot, 'examples', 'wa-series');
let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-follow-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const { Cld } = createCldCoreServices();
function items(file: string): Map<string, FlatItem> {
    const parsed = parseFlatList(Cld, fs.readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return new Map(parsed.list.items.filter(i => i.reserved === undefined).map(i => [i.code, i]));
}
/** What the property compares: the text (spacing aside), the thresholds and the tiers. */
const content = (i: FlatItem) => JSON.stringify([(i.text ?? '').replace(/\s+/g, ' ').trim(), i.thresholds.map(({ text: _, ...t }) => t), [...i.tiers].sort()]);

/** The codes where a followed list and a list made new from the target differ. */
function differences(followed: string, made: string): string[] {
    const a = items(followed), b = items(made);
    return [...new Set([...a.keys(), ...b.keys()])].filter(code => !a.has(code) || !b.has(code) || content(a.get(code)!) !== content(b.get(code)!));
}

/** The codes the memo lists (each heading: "### 5D002.c.3 (WA 5.D.2.c.3)" or "### WA 5.D.2.c.3"). */
function memoCodes(memo: string, section: RegExp): string[] {
    const part = memo.split(/^## /m).filter(s => section.test(s.split('\n')[0])).join('\n');
    return [...part.matchAll(/^### (?:WA )?(\S+)/gm)].map(m => m[1]);
}

function makeAndFollow(fromFile: string, toId: string, precedents: string, name: string, edit?: (text: string) => string): { followed: string; memo: string; stderr: string; code: number | null } {
    const start = path.join(dir, `${name}-start.cld`);
    expect(cld('new', '--from', fromFile, '-o', start, '--id', 'EX').code).toBe(0);
    if (edit) fs.writeFileSync(start, edit(fs.readFileSync(start, 'utf8')));
    const followed = path.join(dir, `${name}-followed.cld`);
    const memo = path.join(dir, `${name}-memo.md`);
    const r = cld('follow', start, '--to', toId, '--precedents', precedents, '-o', followed, '--memo', memo);
    return { followed, memo: fs.existsSync(memo) ? fs.readFileSync(memo, 'utf8') : '', stderr: r.stderr, code: r.code };
}

describe('cld follow', () => {
    test('the property: a list made from WA 2017 and followed to 2019 equals the list made from 2019 (the hand-made series)', () => {
        const { followed, memo, code, stderr } = makeAndFollow(path.join(series, 'wa-series-2017.cld'), 'WA-SERIES (19) 1', series, 'series');
        expect(code, stderr).toBe(0);
        const made = path.join(dir, 'made-2019.cld');
        expect(cld('new', '--from', path.join(series, 'wa-series-2019.cld'), '-o', made, '--id', 'EX').code).toBe(0);
        expect(differences(followed, made)).toEqual([]);
        const text = fs.readFileSync(followed, 'utf8');
        expect(text).toContain('implements wassenaar "WA-SERIES (19) 1"\nsupersedes "series-start.cld"');
        // 4.A.3.a relaxed (8 -> 29 WT) and 5.A.1.a renumbered 5.A.1.c: taken over, both in the memo.
        expect(memoCodes(memo, /^Taken over/)).toEqual(['4A003.a', '5A001.a']);
        expect(text).toContain('item c "Equipment designed for the jamming of satellite navigation signals, and specially designed components therefor;" precedent 5.A.1.c;');
        expect(cld('validate', followed).code).toBe(0);
    });

    test('departures are kept and listed: a stricter national threshold, a national item of its own, a WA item left out; the rest applied', () => {
        const { followed, memo, code, stderr } = makeAndFollow(path.join(series, 'wa-series-2017.cld'), 'WA-SERIES (19) 1', series, 'departures', text => text
            .replace('Performance exceeding 8 Weighted TeraFLOPS (WT);` precedent 4.A.3.a { app > 8 WT }', 'Performance exceeding 5 Weighted TeraFLOPS (WT);` precedent 4.A.3.a { app > 5 WT }')
            .replace(/\n\s*item a "Lithography equipment having a light source wavelength shorter than 193 nm;" precedent 3\.B\.1\.a \{ wavelength < 193 nm \}/, '')
            .replace('group A "Systems, Equipment and Components" {\n        entry 6A002', 'group A "Systems, Equipment and Components" {\n        entry 6A992 "Examplia\'s own optical sensors";\n        entry 6A002'));
        expect(code, stderr).toBe(0);
        const text = fs.readFileSync(followed, 'utf8');
        expect(text).toContain('exceeding 5 Weighted TeraFLOPS (WT);` precedent 4.A.3.a { app > 5 WT }');
        expect(memoCodes(memo, /^Waiting for a decision: WA changes not applied/)).toEqual(['4A003.a']);
        expect(memo).toContain('## National items of its own (kept)\n\n6A992');
        expect(memoCodes(memo, /^WA items the national list leaves out/)).toEqual(['3.B.1.a']);
        expect(text).not.toContain('precedent 3.B.1.a');
        expect(text).toContain('item c "Equipment designed for the jamming of satellite navigation signals, and specially designed components therefor;" precedent 5.A.1.c;');
    });

    test('bad input: no WA edition implemented, a target not later or not there, a list with errors, an existing output: told, nothing written', () => {
        const start = path.join(dir, 'bad-start.cld');
        expect(cld('new', '--from', path.join(series, 'wa-series-2017.cld'), '-o', start).code).toBe(0);
        const out = path.join(dir, 'bad-out.cld');
        const run = (file: string, to: string) => cld('follow', file, '--to', to, '--precedents', series, '-o', out);
        expect(run(start, 'WA-SERIES (14) 1').stderr).toContain('WA-SERIES (14) 1 is not later than WA-SERIES (17) 1');
        expect(run(start, 'WA-LIST (25) 1').stderr).toContain('WA-LIST (25) 1 is not among the 4 WA editions');
        const none = path.join(dir, 'none.cld');
        fs.writeFileSync(none, fs.readFileSync(start, 'utf8').replace('implements wassenaar "WA-SERIES (17) 1"\n', ''));
        expect(run(none, 'WA-SERIES (19) 1').stderr).toContain('the list implements no WA edition');
        const broken = path.join(dir, 'broken.cld');
        fs.writeFileSync(broken, fs.readFileSync(start, 'utf8').replace('{ app > 8 WT }', '{ app > 8 parsecs }'));
        expect(run(broken, 'WA-SERIES (19) 1').stderr).toContain('has errors; fix them first');
        expect(fs.existsSync(out)).toBe(false);
        fs.writeFileSync(out, 'mine');
        expect(run(start, 'WA-SERIES (19) 1').stderr).toContain('exists; name a new file');
        expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    });
});

// Real consecutive WA editions, imported from ../shared/data: follow equals new, except what the memo leaves to the drafter.
const corpus = path.resolve(repositoryRoot, '../shared/data/wassenaar');
const pairs: Array<[string, string, string]> = [['WA-LIST-18-1', 'WA-LIST-19-1', 'WA-LIST (19) 1'], ['WA-LIST-19-1', 'WA-LIST-21-1', 'WA-LIST (21) 1']];
describe.skipIf(!fs.existsSync(corpus))('cld follow on real consecutive WA editions', () => {
    test.each(pairs)('%s -> %s: every item equals the list made new from the target, except the items the memo leaves for a decision and what is below them', async (from, to, toId) => {
        const library = path.join(dir, `library-${from}`);
        fs.mkdirSync(library);
        for (const edition of [from, to]) fs.writeFileSync(path.join(library, `${edition}.cld`), (await importAndCheck(path.join(corpus, edition))).text);
        const { followed, memo, code, stderr } = makeAndFollow(path.join(library, `${from}.cld`), toId, library, from);
        expect(code, stderr).toBe(0);
        const made = path.join(dir, `made-${to}.cld`);
        expect(cld('new', '--from', path.join(library, `${to}.cld`), '-o', made, '--id', 'EX').code).toBe(0);
        const decided = [...memoCodes(memo, /^Waiting for a decision/), ...memoCodes(memo, /^New WA items/)].map(c => c.replace(/^(\d)\.([A-E])\.(\d+)/, (_, c1, g, n) => `${c1}${g}${n.padStart(3, '0')}`));
        const unexplained = differences(followed, made).filter(code => !decided.some(d => code === d || code.startsWith(`${d}.`) || d.startsWith(`${code}.`)));
        expect(unexplained).toEqual([]);
        expect(items(followed).size).toBeGreaterThan(2000);
    }, 180000);
});
if (!fs.existsSync(corpus)) console.warn(`${corpus} not found: cld follow on real WA editions is skipped.`);
