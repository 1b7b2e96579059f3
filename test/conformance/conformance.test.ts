import { describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { checkConformance, type ConformanceReport, conformanceInSteps } from '../../language/src/conformance/conformance.js';
import { renderConformance } from '../../language/src/conformance/conformance-format.js';
import { PrecedentHistory, precedentEdition } from '../../language/src/history/lineage.js';
import type { FlatList } from '../../language/src/model/flat-items.js';
import { parseFlatList } from '../../language/src/model/parse-list.js';

const { Cld } = createCldCoreServices();

const PARAMETERS = 'parameter wavelength: length unit nm\nparameter mrf: length unit nm\nparameter power: power unit W';

function wa(id: string, items: string): FlatList {
    return parse(`list "WA" id "${id}" numbering wassenaar\n${PARAMETERS}\ncategory 3 { group B { entry 3.B.1 "Equipment, as follows:" {\n${items}\n} } }`);
}

function national(items: string, header = 'implements wassenaar "WA-LIST (21) 1"'): FlatList {
    return parse(`list "Examplia" id "EX-1" numbering eccn\n${header}\n${PARAMETERS}\ncategory 3 { group B { entry 3B001 "Equipment, as follows:" {\n${items}\n} } }`);
}

function parse(text: string): FlatList {
    const parsed = parseFlatList(Cld, text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.list;
}

const kinds = (report: ConformanceReport) => report.findings.map(f => `${f.kind} ${f.waCode ?? '-'} ${f.nationalCode ?? '-'}`);

const WA_2021 = wa('WA-LIST (21) 1', `
    item a "Lithography equipment having a minimum resolvable feature size of 45 nm or less;" { mrf <= 45 nm }
    item b "Lasers having an output power exceeding 10 W;" { power > 10 W }
    item c "Masks;"
    item d "Ion implanters;"
    item e reserved since 2019
    item g "Wafer handlers;"`);

describe('conformance: one hand-made pair per finding', () => {
    test('each WA item is covered and equal, covered in other words, broader, narrower or not covered; each national item left is national or another regime\'s', () => {
        const report = checkConformance({
            wa: WA_2021,
            national: national(`
                item a "Lithography equipment having a minimum resolvable feature size of 45 nm or less;" { mrf <= 45 nm }
                item b "Lasers having an output power exceeding 5 W;" { power > 5 W }
                item c "Masks and reticles;"
                item d "ION IMPLANTERS;"
                item f "Examplia's own item;"`),
        });
        expect(report.problems).toEqual([]);
        expect(kinds(report)).toEqual([
            'equal 3.B.1 3B001', 'equal 3.B.1.a 3B001.a', 'broader 3.B.1.b 3B001.b', 'reworded 3.B.1.c 3B001.c', 'equal 3.B.1.d 3B001.d', 'national-only - 3B001.f', 'not-covered 3.B.1.g -',
        ]);
        // Letter case is no difference; the reserved WA label is no gap.
        expect(report.findings.some(f => f.waCode === '3.B.1.e')).toBe(false);
        const reworded = report.findings.find(f => f.kind === 'reworded')!;
        expect(reworded.words!.filter(w => w.op === 'added').map(w => w.text).join(' ')).toContain('reticles');
    });

    test('what says nothing of the item is no difference: a list ending, spelling, quotes, a minus sign, a superscript set apart', () => {
        const report = checkConformance({
            wa: wa('WA-LIST (21) 1', `
                item a "Processing of digitised data;"
                item b "Analysers having 'overall current density' of more than 300 A/mm²; or"
                item c "Masks;"
                item d "Equipment not specified by 3.A.1.a.10., as follows:"`),
            national: national(`
                item a "Processing of digitized data."
                item b "Analyzers having “overall current density” of more than 300 A/mm 2 ;"
                item c "Masks for lithography;"
                item d "Equipment not specified by 3A001.a.10, as follows:"`),
        });
        expect(kinds(report).filter(k => k.includes('3.B.1.'))).toEqual(['equal 3.B.1.a 3B001.a', 'equal 3.B.1.b 3B001.b', 'reworded 3.B.1.c 3B001.c', 'equal 3.B.1.d 3B001.d']);
    });

    test('a higher limit where more is controlled is narrower: a gap; a national parameter name is the WA one of its dimension', () => {
        const report = checkConformance({ wa: WA_2021, national: national('item a "Lithography ..." { wavelength <= 30 nm }\nitem b "Lasers exceeding 20 W" { power > 20 W }') });
        expect(report.findings.find(f => f.waCode === '3.B.1.a')!.kind).toBe('narrower');
        expect(report.findings.find(f => f.waCode === '3.B.1.b')!.kind).toBe('narrower');
        // Limits of another quantity: no direction.
        const other = checkConformance({ wa: WA_2021, national: national('item b "Lasers" { wavelength < 400 nm }') });
        expect(other.findings.find(f => f.waCode === '3.B.1.b')!.kind).toBe('other-limits');
    });

    test('ECCN 1xx-4xx and category 0 are other regimes\' items, not national ones', () => {
        const report = checkConformance({
            wa: WA_2021,
            national: parse(`list "Examplia" id "EX-1" numbering eccn\nimplements wassenaar "WA-LIST (21) 1"\nimplements mtcr "MTCR"\n${PARAMETERS}
                category 0 { group A { entry 0A001 "Nuclear reactors" } }
                category 3 { group B { entry 3B001 "Equipment, as follows:" { item a "Lithography" }\n entry 3B101 "Missile equipment"\n entry 3B991 "Examplia only" } }`),
        });
        const of = (code: string) => report.findings.find(f => f.nationalCode === code);
        expect(of('0A001')).toMatchObject({ kind: 'other-regime', regime: 'nsg' });
        expect(of('3B101')).toMatchObject({ kind: 'other-regime', regime: 'mtcr' });
        expect(of('3B991')).toMatchObject({ kind: 'national-only' });
    });

    test('a national item that reads as an older WA version follows that edition, with the year the WA changed it', () => {
        const editions = [
            wa('WA-LIST (10) 1', 'item a "Lithography equipment having a minimum resolvable feature size of 95 nm or less;" { mrf <= 95 nm }'),
            wa('WA-LIST (14) 1', 'item a "Lithography equipment having a minimum resolvable feature size of 45 nm or less;" { mrf <= 45 nm }'),
            wa('WA-LIST (21) 1', 'item a "Lithography equipment having a minimum resolvable feature size of 45 nm or less;" { mrf <= 45 nm }'),
        ];
        const history = new PrecedentHistory(editions.map((list, i) => ({ ...precedentEdition(`e${i}.cld`, list), year: [2010, 2014, 2021][i] })));
        const report = checkConformance({ wa: editions[2], history, national: national('item a "Lithography equipment having a minimum resolvable feature size of 95 nm or less;" { mrf <= 95 nm }') });
        expect(report.findings.find(f => f.waCode === '3.B.1.a')).toMatchObject({ kind: 'older', follows: { listId: 'WA-LIST (10) 1', year: 2010, since: 2014, by: 'limits' } });
        // Without the history it is what it is against the WA now: "95 nm or less" admits more equipment than "45 nm or less", broader.
        expect(checkConformance({ wa: editions[2], national: national('item a "Lithography ..." { mrf <= 95 nm }') }).findings.find(f => f.waCode === '3.B.1.a')!.kind).toBe('broader');
    });

    test('a WA sub-item newer than the edition the national item above it follows says so: adopting that item brings it', () => {
        const editions = [
            wa('WA-LIST (10) 1', 'item a "Lithography equipment having a minimum resolvable feature size of 95 nm or less;" { mrf <= 95 nm }'),
            wa('WA-LIST (14) 1', 'item a "Lithography equipment having a minimum resolvable feature size of 45 nm or less, as follows:" { mrf <= 45 nm\n item 1 "Immersion lithography equipment;" }'),
        ];
        const history = new PrecedentHistory(editions.map((list, i) => ({ ...precedentEdition(`e${i}.cld`, list), year: [2010, 2014][i] })));
        const report = checkConformance({ wa: editions[1], history, national: national('item a "Lithography equipment having a minimum resolvable feature size of 95 nm or less;" { mrf <= 95 nm }') });
        expect(report.findings.find(f => f.waCode === '3.B.1.a')).toMatchObject({ kind: 'older', follows: { listId: 'WA-LIST (10) 1' } });
        expect(report.findings.find(f => f.waCode === '3.B.1.a.1')).toMatchObject({ kind: 'not-covered', newUnder: { nationalCode: '3B001.a', listId: 'WA-LIST (10) 1', since: 2014 } });
        expect(renderConformance(report, 'text')).toContain('WA 3.B.1.a.1 not covered (new in the WA since 2014; 3B001.a follows WA-LIST (10) 1)');
    });

    test('a list of dual-use items only is not short of the Munitions List (the EU\'s Annex I)', () => {
        const withMunitions = parse(`list "WA" id "WA-LIST (21) 1" numbering wassenaar\n${PARAMETERS}\ncategory 3 { group B { entry 3.B.1 "Equipment" } }\ncategory ML1 "Smooth-bore weapons" { item a "Rifles" }`);
        const report = checkConformance({ wa: withMunitions, national: national('item a "x"') });
        expect(report.findings.filter(f => f.category.startsWith('ML'))).toEqual([]);
        expect(report.problems).toEqual(['the list has no munitions categories: the WA Munitions List is not compared']);
    });

    test('an excerpt is not short of the WA categories it has none of; it says which are not compared', () => {
        const twoCategories = parse(`list "WA" id "WA-LIST (21) 1" numbering wassenaar\n${PARAMETERS}\ncategory 2 { group B { entry 2.B.1 "Machine tools" } }\ncategory 3 { group B { entry 3.B.1 "Equipment" { item a "x" } } }`);
        const report = checkConformance({ wa: twoCategories, national: national('item b "y"') });
        expect(report.problems).toEqual(['the list has no category 2: its WA items are not compared']);
        expect(kinds(report)).toEqual(['reworded 3.B.1 3B001', 'not-covered 3.B.1.a -', 'national-only - 3B001.b']);
    });

    test('a list that implements no WA edition, or one not found, still reports what it can', () => {
        const report = checkConformance({ national: national('item a "x"\n', ''), problems: ['the list implements no WA edition'] });
        expect(report.problems).toEqual(['the list implements no WA edition', 'no WA edition to compare with: only the items of other regimes and the national ones are listed']);
        expect(kinds(report)).toEqual(['national-only - 3B001', 'national-only - 3B001.a']);
    });
});

describe('conformance in steps (the editor lets a key in between them)', () => {
    test('the steps end with the report of checkConformance, one rule of the pairing or one part of the comparing at a time', () => {
        const input = () => ({ wa: WA_2021, national: national('item a "Lithography ..." { mrf <= 30 nm }\nitem c "Masks;"\nitem f "Own item;"') });
        const checking = conformanceInSteps(input());
        let steps = 0;
        let step = checking.next();
        for (; !step.done; step = checking.next()) steps++;
        // The pairing's rules, then the parts of the comparing.
        expect(steps).toBeGreaterThanOrEqual(10);
        expect(step.value).toEqual(checkConformance(input()));
        expect(kinds(step.value)).toContain('national-only - 3B001.f');
    });
});
