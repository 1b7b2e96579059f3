import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { type PrecedentHistory, PrecedentHistory as History, precedentEdition } from '../../language/src/history/lineage.js';
import { changeSummary, renderLineage } from '../../language/src/history/lineage-format.js';
import { parseFlatList } from '../../language/src/model/parse-list.js';
import { expectLineagesAgreeWithDiffs } from './lineage-checks.js';
import { repositoryRoot } from '../cli/run-cld.js';

const { Cld } = createCldCoreServices();
const seriesFolder = join(repositoryRoot, 'examples', 'wa-series');

function series(): PrecedentHistory {
    const editions = readdirSync(seriesFolder).filter(f => f.endsWith('.cld')).map(f => {
        const parsed = parseFlatList(Cld, readFileSync(join(seriesFolder, f), 'utf8'));
        if (!parsed.ok) throw new Error(`${f}: ${JSON.stringify(parsed.problems)}`);
        return precedentEdition(f, parsed.list);
    });
    return new History(editions.reverse());
}

describe('removals in a lineage say what the diff says of them', () => {
    const edition = (year: number, body: string) => {
        const parsed = parseFlatList(Cld, `list "WA"\nid "WA-LIST (${year % 100}) 1"\ndate ${year}-12-01\nnumbering wassenaar\n${body}`);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        return precedentEdition(`WA-LIST-${year}.cld`, parsed.list);
    };
    test('goods decontrolled whose technology stays; an item merged into another', () => {
        const history = new History([
            edition(2013, 'category 8 {\n group A {\n  entry 8.A.1 "Vessels:" {\n   item e "Submersible vehicles"\n   item f "Surface-effect vehicles (fully skirted variety) having all of the following:"\n   item g "Hydrofoil vessels with active systems"\n   item h "Amplifiers for hydrofoil vessels"\n  }\n }\n group E {\n  entry 8.E.2 "Technology:" {\n   item a "Technology for propellers"\n  }\n }\n}'),
            edition(2014, 'category 8 {\n group A {\n  entry 8.A.1 "Vessels:" {\n   item e "Submersible vehicles"\n   item f reserved since 2014\n   item g "Hydrofoil vessels with active systems, and amplifiers for them"\n   item h reserved since 2014 { nb "See 8.A.1.g. for items formerly specified in 8.A.1.h." }\n  }\n }\n group E {\n  entry 8.E.2 "Technology:" {\n   item a "Technology for propellers"\n   item c "Technology for the following:" {\n    item 1 "Surface-effect vehicles (fully skirted variety) having all of the following:"\n   }\n  }\n }\n}'),
        ]);
        expect(history.lineage('8.A.1.f')!.changes.map(changeSummary)).toEqual(['removed (not used since 2014; goods decontrolled; their technology stays in 8.E.2.c.1)']);
        expect(history.lineage('8.A.1.h')!.changes.map(changeSummary)).toEqual(['removed (not used since 2014; merged into 8.A.1.g)']);
    });

    test('a removal filed under the code a renumbered item takes is the old holder\'s, not the item\'s (9.A.1.c -> 9.A.1.b, 2004)', () => {
        const history = new History([
            edition(2003, 'category 9 {\n group A {\n  entry 9.A.1 "Aero gas turbine engines:" {\n   item a "Not certified for the specific civil aircraft for which they are intended;"\n   item b "Not certified for civil use by the aviation authorities in a participating state;"\n   item c "Designed to cruise at speeds exceeding Mach 1.2 for more than thirty minutes."\n  }\n }\n}'),
            edition(2004, 'category 9 {\n group A {\n  entry 9.A.1 "Aero gas turbine engines:" {\n   item a "Not certified for the specific civil aircraft for which they are intended;"\n   item b "Designed to cruise at speeds exceeding Mach 1.2 for more than 30 minutes."\n  }\n }\n}'),
        ]);
        expect(history.lineage('9.A.1.b')!.changes.map(changeSummary)).toEqual(['renumbered 9.A.1.c -> 9.A.1.b', 'reworded']);
        expect(history.lineage('9.A.1.b')!.versions.map(v => v.code)).toEqual(['9.A.1.c', '9.A.1.b']);
    });
});

describe('the lineage of an item across hand-made editions (examples/wa-series)', () => {
    const history = series();

    test('editions are ordered by date whatever order they come in', () => {
        expect(history.editions.map(e => e.year)).toEqual([2012, 2014, 2017, 2019]);
    });

    test('a renumbering is followed: one item, two codes', () => {
        const lineage = history.lineage('3.A.1.a.3')!;
        expect(lineage.versions.map(v => [v.code, v.years])).toEqual([['3.A.1.a.2', [2012, 2014]], ['3.A.1.a.3', [2017, 2019]]]);
        expect(lineage.changes.map(changeSummary)).toEqual(['renumbered 3.A.1.a.2 -> 3.A.1.a.3']);
    });

    test('a threshold relaxed twice: each step with its year, values and direction', () => {
        const lineage = history.lineage('4A003.a')!;
        const thresholds = lineage.changes.filter(c => c.kind === 'threshold');
        expect(thresholds.map(c => [c.year, c.parameter, c.from, c.to, c.direction])).toEqual([
            [2014, 'app', '> 1.5 WT', '> 8 WT', 'relaxed'],
            [2019, 'app', '> 8 WT', '> 29 WT', 'relaxed'],
        ]);
        expect(lineage.versions.map(v => v.years)).toEqual([[2012], [2014, 2017], [2019]]);
    });

    test('a tier move', () => {
        const tiers = history.lineage('6.A.2.a')!.changes.filter(c => c.kind === 'tier');
        expect(tiers.map(c => [c.year, c.from, c.to ?? ''])).toEqual([[2017, 'sensitive', '']]);
    });

    test('a move the reserved item states ("Moved to 5.A.1.c."): the new entry continues the old one', () => {
        const lineage = history.lineage('5.A.1.c')!;
        expect(lineage.versions.map(v => v.code)).toEqual(['5.A.1.a', '5.A.1.c']);
        expect(lineage.changes.map(c => [c.year, c.kind])).toEqual([[2019, 'renumbered'], [2019, 'reworded']]);
    });

    test('an item in no edition has no lineage', () => {
        expect(history.lineage('9.A.1')).toBeUndefined();
    });

    test('every change of every pairwise diff is in the lineage of its item (property)', () => {
        expect(expectLineagesAgreeWithDiffs(history)).toBeGreaterThan(5);
    });

    test('formats: json has the schema, md reads as memo lines, text lists versions', () => {
        const lineage = history.lineage('4.A.3.a')!;
        const json = JSON.parse(renderLineage(lineage, 'json'));
        expect(Object.keys(json)).toEqual(['code', 'versions', 'changes']);
        expect(json.versions[0]).toMatchObject({ editions: ['WA-SERIES (12) 1'], years: [2012], code: '4.A.3.a', thresholds: [{ parameter: 'app', comparator: '>', value: '1.5', unit: 'WT' }] });
        expect(json.changes).toContainEqual({ year: 2019, listId: 'WA-SERIES (19) 1', kind: 'threshold', code: '4.A.3.a', from: '> 8 WT', to: '> 29 WT', parameter: 'app', direction: 'relaxed' });
        expect(renderLineage(lineage, 'md')).toContain('- 4.A.3.a: app, relaxed, \\> 8 WT -\\> \\> 29 WT, WA 2019');
        expect(renderLineage(lineage, 'text')).toMatch(/2014-2017 {2}4\.A\.3\.a {2}Digital computers having an Adjusted Peak Performance exceeding 8 Weighted/);
    });
});
