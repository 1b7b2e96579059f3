import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { type Change, type ListDiff, CHANGE_KINDS, diffLists, emptyCounts } from '../../language/src/diff/diff.js';
import { parseFlatList } from '../../language/src/model/parse-list.js';
import { renderDiff } from '../../language/src/diff/diff-format.js';
import { normaliseText, wordDiff } from '../../language/src/diff/words.js';
import { alignInOrder } from '../../language/src/diff/match.js';
import type { FlatItem, FlatList } from '../../language/src/model/flat-items.js';
import { importAndCheck } from '../../language/src/importer/import-edition.js';

const { Cld } = createCldCoreServices();

function list(body: string, header = 'numbering eccn'): FlatList {
    const parsed = parseFlatList(Cld, `list "Test"\nid "T"\n${header}\nparameter frequency: frequency unit GHz\nparameter power: power unit W\n${body}`);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.list;
}

const entry = (items: string, entryText = 'Electronic items as follows:') => `category 3 {\n group A {\n  entry 3A001 "${entryText}" {\n${items}\n  }\n }\n}`;
const kinds = (diff: ListDiff) => diff.changes.map(c => `${c.kind} ${c.code}${c.direction ? ` ${c.direction}` : ''}`);

describe('one hand-made pair per change kind', () => {
    const base = entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz }\nitem b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz }');

    test('no change', () => {
        expect(diffLists(list(base), list(base)).changes).toEqual([]);
    });

    test('a renumbered item\'s note that names it by its code follows it: no note change (6.A.1.c -> 8.A.2.r, 2010)', () => {
        const before = list(entry('item c "Diver deterrent acoustic systems specially designed or modified to disrupt divers;" {\n decontrol-note "3A001.c. does not apply to diver deterrent systems based on under water explosive devices."\n}'));
        const after = list(entry('item d "Diver deterrent acoustic systems specially designed or modified to disrupt divers;" {\n decontrol-note "3A001.d. does not apply to diver deterrent systems based on under water explosive devices."\n}'));
        expect(kinds(diffLists(before, after))).toEqual(['renumbered 3A001.d']);
        // Another code in its place is a change.
        const other = list(entry('item d "Diver deterrent acoustic systems specially designed or modified to disrupt divers;" {\n decontrol-note "3A001.e. does not apply to diver deterrent systems based on under water explosive devices."\n}'));
        expect(kinds(diffLists(before, other))).toEqual(['renumbered 3A001.d', 'note 3A001.d']);
    });

    test('a note\'s list printed again after a page break with its labels in full is no note change; a list relabelled is (2.D.1 2010, ML4.a 2007)', () => {
        const note = (lines: string[]) => entry(`item a "Amplifiers above 27 GHz" { frequency > 27 GHz\n note "${lines.join('\\n')}" }`);
        const before = list(note(['Sensitive List: Software as follows:', 'b. Machine tools for milling:', '1.a. Positioning accuracy;', '2. Five or more axes; or', '3. A positioning accuracy for jig boring machines;']));
        const reprinted = list(note(['Sensitive List: Software as follows:', 'b. Machine tools for milling:', '1.a. Positioning accuracy;', '2. Five or more axes; or', 'b.3. A positioning accuracy for jig boring machines;']));
        expect(diffLists(before, reprinted).changes).toEqual([]);
        const relabelled = list(note(['Sensitive List: Software as follows:', 'b. Machine tools for milling:', '1.a. Positioning accuracy;', 'b. Five or more axes; or', 'c. A positioning accuracy for jig boring machines;']));
        expect(kinds(diffLists(before, relabelled))).toEqual(['note 3A001.a']);
    });

    test('the same limits under another parameter name are no threshold change (resolution_time -> conversion_time, 1999)', () => {
        const header = 'numbering eccn\nparameter output_power: power unit W';
        const before = list(entry('item a "Amplifiers with a power exceeding 10 W" { power > 10 W }'), header);
        const renamed = list(entry('item a "Amplifiers with an output power exceeding 10 W" { output_power > 10 W }'), header);
        expect(kinds(diffLists(before, renamed))).toEqual(['reworded 3A001.a']);
        const changed = list(entry('item a "Amplifiers with an output power exceeding 20 W" { output_power > 20 W }'), header);
        expect(kinds(diffLists(before, changed))).toContain('threshold 3A001.a incomparable');
    });

    test('a time limit restated as the rate a note says it is the inverse of is the same limit, and is compared as that rate (3.A.1.a.5, 2004)', () => {
        const header = 'numbering eccn\nparameter conversion_time: time unit ns\nparameter output_rate: frequency unit MHz';
        const converters = (items: string, note: string) => entry(`item a "Analogue-to-digital converters, as follows:" {\n technical-note "${note}"\n${items} }`);
        const stated = '1. A resolution of n bit corresponds to a quantisation of 2n levels. 2. Total conversion time is the inverse of the sample rate.';
        const before = list(converters('item 1 "A total conversion time of less than 200 ns;" { conversion_time < 200 ns }\nitem 2 "A total conversion time of less than 5 ns;" { conversion_time < 5 ns }', stated), header);
        const after = list(converters('item 1 "An output rate greater than 5 million words per second;" { output_rate > 5 MHz }\nitem 2 "An output rate greater than 500 million words per second;" { output_rate > 500 MHz }', 'The output rate is the maximum output rate of the converter.'), header);
        // 200 ns is 5 MHz: reworded only; 5 ns is 200 MHz, and more than 500 MHz controls fewer converters.
        expect(kinds(diffLists(before, after)).filter(k => !k.startsWith('note'))).toEqual(['reworded 3A001.a.1', 'reworded 3A001.a.2', 'threshold 3A001.a.2 relaxed']);
        // Without the note, a time and a rate are two things: nothing says how they compare.
        const unstated = list(converters('item 1 "A total conversion time of less than 200 ns;" { conversion_time < 200 ns }\nitem 2 "A total conversion time of less than 5 ns;" { conversion_time < 5 ns }', 'Conversion time is measured at full scale.'), header);
        expect(kinds(diffLists(unstated, after)).filter(k => k.startsWith('threshold'))).toEqual(['threshold 3A001.a.1 incomparable', 'threshold 3A001.a.2 incomparable']);
    });

    test('the ADC list of 2004: an item split in, the rest moved down a label with their resolutions, their times restated as rates (3.A.1.a.5.a)', () => {
        const header = 'numbering eccn\nparameter resolution: information unit bit\nparameter conversion_time: time unit ns\nparameter output_rate: frequency unit MHz';
        const converters = (items: string, note: string) => entry(`item a "Analogue-to-digital converters, as follows:" {\n technical-note "${note}"\n${items} }`);
        const before = list(converters([
            'item 1 "A resolution of 8 bit or more, but less than 12 bit, with a total conversion time of less than 5 ns;" { resolution >= 8 bit resolution < 12 bit conversion_time < 5 ns }',
            'item 2 "A resolution of 12 bit with a total conversion time of less than 20 ns;" { resolution = 12 bit conversion_time < 20 ns }',
            'item 3 "A resolution of more than 12 bit but equal to or less than 14 bit with a total conversion time of less than 200 ns; or" { resolution > 12 bit resolution <= 14 bit conversion_time < 200 ns }',
            'item 4 "A resolution of more than 14 bit with a total conversion time of less than 1 microsecond;" { resolution > 14 bit conversion_time < 1000 ns }',
        ].join('\n'), 'Total conversion time is the inverse of the sample rate.'), header);
        const after = list(converters([
            'item 1 "A resolution of 8 bit or more, but less than 10 bit, with an output rate greater than 500 million words per second;" { resolution >= 8 bit resolution < 10 bit output_rate > 500 MHz }',
            'item 2 "A resolution of 10 bit or more, but less than 12 bit, with an output rate greater than 200 million words per second;" { resolution >= 10 bit resolution < 12 bit output_rate > 200 MHz }',
            'item 3 "A resolution of 12 bit with an output rate greater than 50 million words per second;" { resolution = 12 bit output_rate > 50 MHz }',
            'item 4 "A resolution of more than 12 bit but equal to or less than 14 bit with an output rate greater than 5 million words per second; or" { resolution > 12 bit resolution <= 14 bit output_rate > 5 MHz }',
            'item 5 "A resolution of more than 14 bit with an output rate greater than 1 million words per second." { resolution > 14 bit output_rate > 1 MHz }',
        ].join('\n'), 'The output rate is the maximum output rate of the converter.'), header);
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode}`)).toEqual(['3A001.a.2 -> 3A001.a.3', '3A001.a.3 -> 3A001.a.4', '3A001.a.4 -> 3A001.a.5']);
        // 20 ns is 50 MHz, 200 ns 5 MHz, 1 µs 1 MHz: no limit of theirs changed.
        expect(kinds(diff).filter(k => k.startsWith('threshold') || k.startsWith('added'))).toEqual(['threshold 3A001.a.1 relaxed', 'added 3A001.a.2']);
    });

    test('a term that moves between the definitions and a Technical Note of an item says where it is defined on the other side (2019)', () => {
        const before = list(`definitions {\n term "Instrumented range" "The specified unambiguous display range of a radar."\n}\n${entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz\n technical-note "\'Cyber incident response\' means the process of exchanging information." }')}`);
        const after = list(`definitions {\n term "Cyber incident response" "The process of exchanging information."\n}\n${entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz\n technical-note "\'Instrumented range\' is the specified unambiguous display range of a radar." }')}`);
        const diff = diffLists(before, after);
        const definitions = diff.changes.filter(c => c.kind === 'definition').map(c => `${c.code}: ${c.definedInNoteOf}`);
        expect(definitions.sort()).toEqual(['Cyber incident response: 3A001.a', 'Instrumented range: 3A001.a']);
        const text = renderDiff(diff, 'text');
        expect(text).toContain('"Instrumented range" no longer defined (defined now in a note to 3A001.a)');
        expect(text).toContain('"Cyber incident response" defined (defined before in a note to 3A001.a)');
        // A gloss between the term and "means" ("'library' (parametric technical database) means", 2013).
        const glossed = list(`${entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz\n technical-note "For the purpose of 3A001.a, \'library\' (parametric technical database) means a collection of technical information." }')}`);
        const defined = list(`definitions {\n term "Library" "A collection of technical information."\n}\n${base}`);
        expect(diffLists(glossed, defined).changes.find(c => c.kind === 'definition')?.definedInNoteOf).toBe('3A001.a');
        // A colon or a dash after the term ("'Hard selectors': data or set of data", 5.A.1.j.2, 2018).
        const colon = list(`${entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz\n technical-note "\'Hard selectors\': data or set of data, related to an individual." }')}`);
        const hard = list(`definitions {\n term "Hard selectors" "Data or set of data, related to an individual."\n}\n${base}`);
        expect(diffLists(colon, hard).changes.find(c => c.kind === 'definition')?.definedInNoteOf).toBe('3A001.a');
        // The short form in the gloss is defined with it ("2. 'Circular Error Probable' ('CEP') - In a circular ...", 7.A.3, 2014).
        const acronym = list(`${entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz\n technical-note "2. \'Circular Error Probable\' (\'CEP\') - In a circular normal distribution, the radius." }')}`);
        const both = list(`definitions {\n term "Circular Error Probable" "The radius."\n term "CEP" "Short for Circular Error Probable."\n}\n${base}`);
        expect(diffLists(acronym, both).changes.filter(c => c.kind === 'definition').map(c => `${c.code}: ${c.definedInNoteOf}`).sort()).toEqual(['CEP: 3A001.a', 'Circular Error Probable: 3A001.a']);
        // A Technical Note beginning with the term ("'Variable geometry airfoils' use trailing edge flaps ...", 7.E.4.c.3, 2017); a plain note so beginning does not define it.
        const subject = (kind: string) => list(`${entry(`item a "Amplifiers above 27 GHz" { frequency > 27 GHz\n ${kind} "'Variable geometry airfoils' use trailing edge flaps or tabs." }`)}`);
        const airfoils = list(`definitions {\n term "Variable geometry airfoils" "Use trailing edge flaps or tabs."\n}\n${base}`);
        expect(diffLists(airfoils, subject('technical-note')).changes.find(c => c.kind === 'definition')?.definedInNoteOf).toBe('3A001.a');
        expect(diffLists(airfoils, subject('note')).changes.find(c => c.kind === 'definition')?.definedInNoteOf).toBeUndefined();
        // A term no note defines says nothing more.
        const plain = diffLists(list(`definitions {\n term "laser" "Coherent light."\n}\n${base}`), list(base));
        expect(plain.changes.find(c => c.kind === 'definition')?.definedInNoteOf).toBeUndefined();
    });

    test('added and removed', () => {
        const added = entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz }\nitem b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz }\nitem c "Oscillators with phase noise better than the limits"');
        expect(kinds(diffLists(list(base), list(added)))).toEqual(['added 3A001.c']);
        expect(kinds(diffLists(list(added), list(base)))).toEqual(['removed 3A001.c']);
    });

    test('an item reserved in the new edition is removed, with the year', () => {
        const reserved = entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz }\nitem b reserved since 2025;');
        const diff = diffLists(list(base), list(reserved));
        expect(kinds(diff)).toEqual(['removed 3A001.b']);
        expect(diff.changes[0].reservedSince).toBe(2025);
    });

    test('threshold lowered on an "exceeding" item: tightened; raised: relaxed; restated in other units: no threshold change', () => {
        const lower = entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz }\nitem b "Signal generators exceeding 31.8 GHz" { frequency > 26.5 GHz }');
        const restated = entry('item a "Amplifiers above 27 GHz" { frequency > 27000 MHz }\nitem b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz }');
        expect(kinds(diffLists(list(base), list(lower)))).toEqual(['threshold 3A001.b tightened']);
        expect(kinds(diffLists(list(lower), list(base)))).toEqual(['threshold 3A001.b relaxed']);
        expect(kinds(diffLists(list(base), list(restated)))).toEqual([]);
    });

    test('a limit whose unit is written now, with the same number, did not change (6.A.1.a.1.a.2.a.2, 2014); another number did', () => {
        const header = 'numbering eccn\nparameter sounding_rate_ratio: ratio\nparameter sounding_rate: velocity';
        const item = (limit: string) => entry(`item a "Survey equipment having a sounding rate greater than 3,800" { ${limit} }`);
        const bare = list(item('sounding_rate_ratio > 3800'), header);
        expect(kinds(diffLists(bare, list(item('sounding_rate > 3800 m/s'), header)))).toEqual([]);
        expect(kinds(diffLists(list(item('sounding_rate > 3800 m/s'), header), bare))).toEqual([]);
        expect(kinds(diffLists(bare, list(item('sounding_rate > 4000 m/s'), header)))).toEqual(['threshold 3A001.a incomparable']);
    });

    test('a limit moved from an item into its new sub-items is no threshold change of the item (7.A.2.a, 2010)', () => {
        const before = list(entry('item a "Gyros with a bias stability less than 27 GHz at powers up to 1 W" { frequency < 27 GHz power <= 1 W }'));
        const after = list(entry('item a "Gyros at powers up to 1 W, as follows:" { power <= 1 W\n item 1 "A bias stability less than 27 GHz" { frequency < 27 GHz }\n}'));
        expect(kinds(diffLists(before, after)).filter(k => k.startsWith('threshold'))).toEqual([]);
        expect(kinds(diffLists(after, before)).filter(k => k.startsWith('threshold'))).toEqual([]);
        // Moved and changed: a change.
        const changed = list(entry('item a "Gyros at powers up to 1 W, as follows:" { power <= 1 W\n item 1 "A bias stability less than 20 GHz" { frequency < 20 GHz }\n}'));
        expect(kinds(diffLists(before, changed)).filter(k => k.startsWith('threshold 3A001.a '))).toHaveLength(1);
    });

    test('a condition added to an item narrows it: relaxed; a range widened one way and narrowed the other: incomparable', () => {
        const narrower = entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz power > 1 W }\nitem b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz }');
        const shifted = entry('item a "Amplifiers above 27 GHz" { frequency from 20 GHz to 30 GHz }\nitem b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz }');
        const ranged = entry('item a "Amplifiers above 27 GHz" { frequency from 25 GHz to 40 GHz }\nitem b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz }');
        expect(kinds(diffLists(list(base), list(narrower)))).toEqual(['threshold 3A001.a relaxed']);
        expect(kinds(diffLists(list(shifted), list(ranged)))).toEqual(['threshold 3A001.a incomparable']);
    });

    test('a union of bounds ("below A or above B", "outside the range"): its direction is exact', () => {
        const outside = (low: string, high: string) => entry(`item a "Amplifiers outside the band" { frequency < ${low} GHz or > ${high} GHz }\nitem b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz }`);
        // The excluded band grew: fewer frequencies are controlled.
        expect(kinds(diffLists(list(outside('20', '60')), list(outside('10', '60'))))).toEqual(['threshold 3A001.a relaxed']);
        expect(kinds(diffLists(list(outside('20', '60')), list(outside('20', '70'))))).toEqual(['threshold 3A001.a relaxed']);
        expect(kinds(diffLists(list(outside('20', '60')), list(outside('25', '60'))))).toEqual(['threshold 3A001.a tightened']);
        expect(kinds(diffLists(list(outside('20', '60')), list(outside('25', '70'))))).toEqual(['threshold 3A001.a incomparable']);
        expect(kinds(diffLists(list(outside('20', '60')), list(outside('20', '60'))))).toEqual([]);
        const summary = diffLists(list(outside('20', '60')), list(outside('10', '60'))).changes[0];
        expect(summary.old).toEqual(['frequency < 20 GHz or > 60 GHz']);
    });

    test('thresholds that appear where the old text already stated the limit: "not read"; where it stated none: a direction', () => {
        const unread = entry('item a "Amplifiers above 27 GHz"\nitem b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz }');
        const noLimit = entry('item a "Amplifiers for space use"\nitem b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz }');
        expect(kinds(diffLists(list(unread), list(base)))).toEqual(['threshold 3A001.a not-read']);
        // No limit stated at all: the item controlled everything it names, so gaining a limit relaxes it, losing it tightens.
        expect(kinds(diffLists(list(noLimit), list(base)))).toEqual(['reworded 3A001.a', 'threshold 3A001.a relaxed']);
        expect(kinds(diffLists(list(base), list(noLimit)))).toEqual(['reworded 3A001.a', 'threshold 3A001.a tightened']);
        expect(renderDiff(diffLists(list(unread), list(base)), 'text')).toContain('thresholds not read in one edition');
    });

    test('a limit not read on one side but written with the same numbers there is no threshold change (6.A.4.c.4, 2018 -> 2019)', () => {
        const read = entry('item a "A coefficient equal to or less than 5 x 10-6/K;" { coefficient <= 5e-6 K^-1 "equal to or less than 5 x 10-6/K" }');
        const sameNumbers = entry('item a "A coefficient equal to or less than 5 x 10-6;"');
        const otherNumbers = entry('item a "A coefficient equal to or less than 8 x 10-6;"');
        expect(kinds(diffLists(list(sameNumbers), list(read)))).toEqual(['reworded 3A001.a']);
        expect(kinds(diffLists(list(read), list(sameNumbers)))).toEqual(['reworded 3A001.a']);
        expect(kinds(diffLists(list(otherNumbers), list(read)))).toEqual(['reworded 3A001.a', 'threshold 3A001.a not-read']);
    });

    test('the direction of an item counts its sub-items (any-of and all-of)', () => {
        const anyOf = (limit: string) => entry(`item a "Amplifiers" { frequency > 10 GHz\n item 1 "High power" { power > ${limit} W }\n item 2 "Wide band" { frequency > 40 GHz } }`);
        const diff = diffLists(list(anyOf('10')), list(anyOf('5')));
        expect(kinds(diff)).toEqual(['threshold 3A001.a.1 tightened']);
    });

    test('reworded, with the words that changed', () => {
        const reworded = entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz }\nitem b "Signal generators with an output frequency exceeding 31.8 GHz" { frequency > 31.8 GHz }');
        const diff = diffLists(list(base), list(reworded));
        expect(kinds(diff)).toEqual(['reworded 3A001.b']);
        expect(diff.changes[0].words).toEqual([
            { op: 'same', text: 'Signal generators' }, { op: 'added', text: 'with an output frequency' }, { op: 'same', text: 'exceeding 31.8 GHz' },
        ]);
    });

    test('tier, note and definition changes', () => {
        const before = list(`definitions {\n term "laser" "Coherent light."\n term "old" "Gone."\n}\n${base}`);
        const after = list(`definitions {\n term "laser" "Coherent light by stimulated emission."\n term "new" "Here."\n}\n${entry('item a "Amplifiers above 27 GHz" tier sensitive { frequency > 27 GHz }\nitem b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz\n note "Does not apply to test sets." }')}`);
        expect(kinds(diffLists(before, after))).toEqual(['tier 3A001.a', 'note 3A001.b', 'definition laser', 'definition old', 'definition new']);
    });

    test('a term respelt is one definition, spelt otherwise before (Frequency synthesiser, 2010); respelt alone, no change', () => {
        const before = list(`definitions {\n term "Frequency synthesiser" "Any kind of frequency source or signal generator."\n term "Real-time processing" "Processing within a time."\n}\n${base}`);
        const after = list(`definitions {\n term "Frequency synthesizer" "Any kind of frequency source."\n term "Real time processing" "Processing within a time."\n}\n${base}`);
        const diff = diffLists(before, after);
        // The term respelt alone, its text the same, is only formatting.
        expect(kinds(diff)).toEqual(['definition Frequency synthesizer']);
        expect(renderDiff(diff, 'text')).toContain('"Frequency synthesizer" redefined (spelt "Frequency synthesiser" before)');
    });
});

describe('renumbering', () => {
    test('an item inserted before others: one added, the rest renumbered, not reworded', () => {
        const before = list(entry('item a "Turning machines with a positioning accuracy of 6 um"\nitem b "Milling machines with a positioning accuracy of 5 um"\nitem c "Grinding machines with a positioning accuracy of 4 um"'));
        const after = list(entry('item a "Turning machines with a positioning accuracy of 6 um"\nitem b "Electrical discharge machines of the wire type"\nitem c "Milling machines with a positioning accuracy of 5 um"\nitem d "Grinding machines with a positioning accuracy of 4 um"'));
        const diff = diffLists(before, after);
        expect(kinds(diff)).toEqual(['added 3A001.b', 'renumbered 3A001.c', 'renumbered 3A001.d']);
        expect(diff.changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode}->${c.newCode}`)).toEqual(['3A001.b->3A001.c', '3A001.c->3A001.d']);
    });

    test('the sub-items of a renumbered item move with it, even where their text changed a little', () => {
        const before = entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz }\nitem b "Magnetometers using induction coil technology, having any of the following:" {\n item 1 "A noise level lower than 0.05 nT rms per square root Hz";\n item 2 "A noise level lower than 1 nT rms per square root Hz"\n}');
        const after = entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz }\nitem b "Underwater electric field sensors:" {\n item 1 "Sensors with a sensitivity better than 8 nV per metre"\n}\nitem c "Magnetometers using induction coil technology, having any of the following:" {\n item 1 "A noise level lower than 0.05 nT (rms) per square root Hz";\n item 2 "A noise level lower than 1 nT rms per square root Hz"\n}');
        const diff = diffLists(list(before), list(after));
        const renumbered = diff.changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode} (${c.matchedBy})`);
        expect(renumbered).toEqual(['3A001.b -> 3A001.c (relocated)', '3A001.b.1 -> 3A001.c.1 (parent)', '3A001.b.2 -> 3A001.c.2 (relocated)']);
        expect(kinds(diff)).toContain('added 3A001.b.1');
        expect(kinds(diff)).not.toContain('removed 3A001.b.1');
    });

    test('a long text moved under another code is that item even where a comma or the closing "; or" changed; a short one only word for word (6.A.5.d.1.b.2 -> b.4, 6.A.5.a.6, 2025)', () => {
        const before = list(entry('item b "Multiple-transverse mode lasers having any of the following:" {\n item 1 "Wavelength of less than 1,400 nm and average or CW output power, exceeding 25 W;" { power > 25 W }\n item 2 "Wavelength equal to or greater than 1,400 nm and less than 1,900 nm and average or CW output power, exceeding 2.5 W; or" { power > 2.5 W }\n}'));
        const after = list(entry('item b "Multiple-transverse mode lasers having any of the following:" {\n item 1 "Wavelength of less than 780 nm and average or CW output power exceeding 25 W;" { power > 25 W }\n item 2 "Wavelength equal to or greater than 780 nm and less than 1,100 nm and average or CW output power exceeding 30 W;" { power > 30 W }\n item 4 "Wavelength equal to or greater than 1,400 nm and less than 1,900 nm and average or CW output power exceeding 2.5 W; or" { power > 2.5 W }\n}'));
        const renumbered = (a: FlatList, b: FlatList) => diffLists(a, b).changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode} (${c.matchedBy})`);
        expect(renumbered(before, after)).toEqual(['3A001.b.2 -> 3A001.b.4 (relocated)']);
        // "Output power exceeding 2 kW" is too short to be told apart by its words alone: 6.A.5.a.6.a.1's limit rose to it.
        const short = list(entry('item a "Single transverse mode output and any of the following:" {\n item 1 "Output power exceeding 1,000 W; or" { power > 1000 W }\n}\nitem b "Multiple transverse mode output and any of the following:" {\n item 1 "Wall-plug efficiency exceeding 18% and output power exceeding 1,000 W; or" { power > 1000 W }\n item 2 "Output power exceeding 2 kW;" { power > 2 kW }\n}'));
        const raised = list(entry('item a "Single transverse mode output and any of the following:" {\n item 1 "Output power exceeding 2 kW; or" { power > 2 kW }\n}\nitem b "Multiple transverse mode output and any of the following:" {\n item 1 "Wall-plug efficiency exceeding 18% and output power exceeding 1,000 W; or" { power > 1000 W }\n item 2 "Output power exceeding 3 kW;" { power > 3 kW }\n}'));
        expect(renumbered(short, raised)).toEqual([]);
    });

    test('an item whose code is gone, nearly equal to one under a new code of another category, moved there (ML7.i.1 -> ML22.b.3, 2004)', () => {
        const ml = (ml7: string, ml22: string) => list(`category ML7 "Chemical agents" {\n item a "Biological agents adapted for use in war"\n${ml7}\n}\ncategory ML22 "Technology as follows:" {\n item a "Technology for items in the Munitions List"\n${ml22}\n}`, 'numbering wassenaar');
        const before = ml('item i "Technology as follows:" {\n item 1 "Technology for the development, production or use of toxicological agents, related equipment or components controlled by ML7.a. to ML7.f.;"\n}', '');
        const after = ml('', 'item b "Technology as follows:" {\n item 3 "Technology required for the development, production or use of toxicological agents, related equipment or components controlled by ML7.a. to ML7.f.;"\n}');
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode} (${c.matchedBy})`)).toContain('ML7.i.1 -> ML22.b.3 (text)');
        expect(kinds(diff)).not.toContain('added ML22.b.3');
        // A different item of another category is no move, however alike their words.
        const unrelated = ml('', 'item b "Technology as follows:" {\n item 3 "Technology for the repair of military vehicles and their components controlled by ML6."\n}');
        expect(kinds(diffLists(before, unrelated))).toContain('removed ML7.i.1');
    });

    test('"For items previously specified by X see Y" in the note of the withdrawn X is a move too', () => {
        const before = entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz }\nitem b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz }\nitem c "Oscillators with a phase noise of less than -120 dBc/Hz"');
        const after = entry('item a "Amplifiers above 27 GHz" { frequency > 27 GHz }\nitem b reserved since 2016 {\n nb "For items previously specified by 3A001.b. see 3A001.c.2."\n}\nitem c "Oscillators and generators:" {\n item 1 "Oscillators with a phase noise of less than -120 dBc/Hz";\n item 2 "Signal generators with a frequency exceeding 31.8 GHz" { frequency > 31.8 GHz }\n}');
        const renumbered = diffLists(list(before), list(after)).changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode} (${c.matchedBy})`);
        expect(renumbered).toContain('3A001.b -> 3A001.c.2 (moved)');
        const seeFor = after.replace('For items previously specified by 3A001.b. see 3A001.c.2.', 'See 3A001.c.2. for items formerly specified in 3A001.b.');
        const again = diffLists(list(before), list(seeFor)).changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode} (${c.matchedBy})`);
        expect(again).toContain('3A001.b -> 3A001.c.2 (moved)');
    });

    test('a list renumbered by an insertion while its texts changed a little: the shift is followed, not the labels', () => {
        const before = list(entry('item a "A drift rate stability over a period of three months, of less than 0.1 degree per hour;"\nitem b "Specified to function at linear acceleration levels exceeding 100 g."'));
        const after = list(entry('item a "A drift rate stability over a period of one month, of less than 0.1 degree per hour;"\nitem b "An angle random walk of less than 0.0035 degree per square root hour; or"\nitem c "Designed to function at linear acceleration levels exceeding 100 g;"'));
        const diff = diffLists(before, after);
        expect(diff.changes.find(c => c.kind === 'renumbered')).toMatchObject({ oldCode: '3A001.b', newCode: '3A001.c', matchedBy: 'shifted' });
        expect(kinds(diff)).toContain('added 3A001.b');
        // Swapped round, the same pairs.
        expect(diffLists(after, before).changes.find(c => c.kind === 'renumbered')).toMatchObject({ oldCode: '3A001.c', newCode: '3A001.b' });
    });

    test('goods whose text reappears as technology were decontrolled, not renumbered into group E (8.A.1.f -> 8.E.2.c.1, 2014)', () => {
        const goods = 'item f "Surface-effect vehicles (fully skirted variety) having all of the following:"';
        const before = list(`category 8 {\n group A {\n  entry 8A001 "Vessels:" {\n   item e "Submersible vehicles"\n   ${goods}\n  }\n }\n group E {\n  entry 8E002 "Technology:" {\n   item a "Technology for propellers"\n  }\n }\n}`);
        const after = list(`category 8 {\n group A {\n  entry 8A001 "Vessels:" {\n   item e "Submersible vehicles"\n   item f reserved since 2014\n  }\n }\n group E {\n  entry 8E002 "Technology:" {\n   item a "Technology for propellers"\n   item c "Technology for the following:" {\n    item 1 "Surface-effect vehicles (fully skirted variety) having all of the following:"\n   }\n  }\n }\n}`);
        const diff = diffLists(before, after);
        expect(kinds(diff)).toEqual(['removed 8A001.f', 'added 8E002.c', 'added 8E002.c.1']);
        expect(diff.changes[0].technologyAt).toBe('8E002.c.1');
        expect(renderDiff(diff, 'text')).toContain('goods decontrolled; their technology stays in 8E002.c.1');
        // The added technology says whose it is.
        expect(diff.changes.find(c => c.code === '8E002.c.1')?.technologyOf).toBe('8A001.f');
        expect(renderDiff(diff, 'text')).toContain('8E002.c.1 added (the technology of 8A001.f, goods decontrolled)');
    });

    test('a note that leaves one item for another says where it went and came from (ML12 Note 3 -> ML22 Note 2.c, 2004)', () => {
        const ml = (ml12: string, ml22: string) => list(`category ML12 "Kinetic energy weapons" {\n item a "Kinetic energy weapon systems"\n${ml12}\n}\ncategory ML22 "Technology" {\n item a "Technology for the development of items"\n${ml22}\n}`, 'numbering wassenaar');
        const before = ml('decontrol-note `ML12. does not control "technology" for magnetic induction for continuous propulsion of civil transport devices.`', '');
        const after = ml('', 'decontrol-note `ML22 does not control "technology" as follows: a. Which is the minimum necessary for installation; b. For magnetic induction for continuous propulsion of civil transport devices.`');
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'note').map(c => `${c.code}: ${c.noteMovedTo ?? ''} ${c.noteMovedFrom ?? ''}`)).toEqual(['ML12: ML22 ', 'ML22:  ML12']);
        expect(renderDiff(diff, 'text')).toContain('a note moved to ML22');
        // Not a short note whose few words a long one happens to hold, nor two items that traded notes.
        const unused = ml('note "Not used since 2009"', '');
        const long = ml('', 'note "Items not used in civil aircraft since 2009 are as follows: a. Those of ML12.a"');
        expect(diffLists(unused, long).changes.some(c => c.noteMovedTo || c.noteMovedFrom)).toBe(false);
        // (1.C.11.a and b in 1999: each N.B. naming its item became a Note naming it.)
        const alike = (kind: string) => list(entry(`item a "Amplifiers" { ${kind} "The metals or alloys listed in 3A001.a. are controlled whether or not encapsulated in aluminium or magnesium." }\nitem b "Mixers" { ${kind} "The metals or alloys listed in 3A001.b. are controlled whether or not encapsulated in aluminium or magnesium." }`));
        const renamed = diffLists(alike('nb'), alike('note'));
        expect(renamed.changes.filter(c => c.kind === 'note')).toHaveLength(2);
        expect(renamed.changes.some(c => c.noteMovedTo || c.noteMovedFrom)).toBe(false);
    });

    test('a note dropped where the item it is added to had it before in other words did not move there (ML22\'s copy of ML18\'s note, 2004)', () => {
        const ml = (ml18: string, ml22: string) => list(`category ML18 "Production equipment" {\n item a "Specially designed production equipment"\n${ml18}\n}\ncategory ML22 "Technology" {\n item a "Technology for the development of items"\n${ml22}\n}`, 'numbering wassenaar');
        const products = (fuels: string) => `note "The term products referred to in the Munitions List includes superconductive electromagnets not controlled by 3.A.1.e.3. on the Dual-Use List and ${fuels} deposited in laminar form from the vapour phase."`;
        const diff = diffLists(ml(products('metal fuels'), products('metal fuels')), ml(products('metal fuels and oxidants'), ''));
        expect(diff.changes.filter(c => c.kind === 'note').map(c => c.code)).toEqual(['ML18', 'ML22']);
        expect(diff.changes.some(c => c.noteMovedTo || c.noteMovedFrom)).toBe(false);
        // Where the item did not have it, it moved.
        const moved = diffLists(ml('', products('metal fuels')), ml(products('metal fuels and oxidants'), ''));
        expect(moved.changes.filter(c => c.kind === 'note').map(c => `${c.code}: ${c.noteMovedTo ?? ''} ${c.noteMovedFrom ?? ''}`)).toEqual(['ML18:  ML22', 'ML22: ML18 ']);
    });

    test('a note an item above dropped, written again as a new sub-item in other words, was already written there (ML22.b.2, 2004)', () => {
        const ml = (notes: string, items: string) => list(`category ML22 "Technology" {\n${notes}\n item b "Technology as follows:" {\n  item 1 "Technology for complete production installations"\n${items}\n }\n}`, 'numbering wassenaar');
        const note = 'note "Note 1.b.8. of ML22. does not release from control technology for non-antique small arms, even if used to produce reproductions of antique small arms."';
        const item = 'item 2 "Technology required for the development and production of small arms even if used to produce reproductions of antique small arms;"';
        const added = (before: string, after: string) => diffLists(ml(before, ''), ml(after, item)).changes.find(c => c.kind === 'added');
        expect(added(note, '')?.alreadyIn).toEqual({ code: 'ML22', place: 'note' });
        // Not while the note stays, and not from a note that shares a few words only.
        expect(added(note, note)?.alreadyIn).toBeUndefined();
        expect(added('note "Technology for small arms is controlled even when applicable to civil uses."', '')?.alreadyIn).toBeUndefined();
    });

    test('a withdrawn item whose note sends its contents to an item that existed already was merged into it', () => {
        const before = list(entry('item a "Amplifiers for radar"\nitem b "Amplifiers for satellites"'));
        const after = list(entry('item a "Amplifiers for radar or for satellites"\nitem b reserved since 2012 { nb "See 3A001.a. for items formerly specified in 3A001.b." }'));
        const diff = diffLists(before, after);
        expect(diff.changes.find(c => c.kind === 'removed')).toMatchObject({ code: '3A001.b', mergedInto: '3A001.a', reservedSince: 2012 });
        expect(renderDiff(diff, 'text')).toContain('3A001.b removed (not used since 2012; merged into 3A001.a)');
    });

    test('a sub-item split out of its parent\'s text, or promoted from a note, was already written there (8.A.2.i.1.b, 2010; ML7.a, 2004)', () => {
        const before = list(entry('item i "Manipulators providing feedback of torque or force applied to an external object or tactile sense between the manipulator and an external object" { note "3A001.i includes: CW nerve agents: Sarin (GB) (CAS 107-44-8);" }'));
        const after = list(entry('item i "Manipulators providing feedback of any of the following:" {\n item 1 "Torque or force applied to an external object; or"\n item 2 "Tactile sense between the manipulator and an external object; or"\n item 3 "Sarin (GB) (CAS 107-44-8);"\n item 4 "Having any of the following:"\n item 5 "Vision systems for an external object."\n}'));
        const diff = diffLists(before, after);
        const written = diff.changes.filter(c => c.kind === 'added').map(c => `${c.code}: ${c.alreadyIn ? `${c.alreadyIn.place} of ${c.alreadyIn.code}` : 'new'}`);
        // A lead-in names nothing, and words found only apart ("external object") are not the text.
        expect(written).toEqual(['3A001.i.1: text of 3A001.i', '3A001.i.2: text of 3A001.i', '3A001.i.3: note of 3A001.i', '3A001.i.4: new', '3A001.i.5: new']);
        expect(renderDiff(diff, 'text')).toContain('3A001.i.2 added (already written in the text of 3A001.i): Tactile sense');
        // Still written in the new parent: the sub-item only repeats it, and is reported as added.
        const repeated = list(entry('item i "Manipulators providing feedback of torque or force applied to an external object or tactile sense between the manipulator and an external object" {\n item 1 "Torque or force applied to an external object; or"\n}'));
        expect(diffLists(before, repeated).changes.find(c => c.kind === 'added')?.alreadyIn).toBeUndefined();
    });

    test('a sub-item split out of a removed sibling of its parent, or out of a text with a clause between (ML2.d -> ML2.c.3/4, 2019; ML11 -> ML11.a, 2004)', () => {
        const before = list(entry('item c "Weapon sights specially designed for military use"\nitem d "Mountings and detachable cartridge magazines, specially designed for the weapons specified in 3A001.a."\nitem e "Electronic equipment, not controlled elsewhere on this list, specially designed for military use and components therefor."'));
        const after = list(entry('item c "Accessories specially designed for the weapons specified in 3A001.a., as follows:" {\n item 1 "Weapon sights specially designed for military use"\n item 2 "Mountings;"\n item 3 "Detachable cartridge magazines;"\n item 4 "Bipods;"\n}\nitem d reserved since 2019\nitem e "Electronic equipment, as follows:" {\n item 1 "Electronic equipment specially designed for military use and components therefor."\n item 2 "Global Navigation Satellite Systems (GNSS) jamming equipment."\n}'));
        const written = diffLists(before, after).changes.filter(c => c.kind === 'added').map(c => `${c.code}: ${c.alreadyIn ? `${c.alreadyIn.place} of ${c.alreadyIn.code}` : 'new'}`);
        // "Mountings;" alone is too short to tell, but its sibling came from the same item; "Bipods;" did not.
        expect(written).toEqual(['3A001.c: new', '3A001.c.2: text of 3A001.d', '3A001.c.3: text of 3A001.d', '3A001.c.4: new', '3A001.e.1: text of 3A001.e', '3A001.e.2: new']);
    });

    test('a sub-item half alike to another\'s label, where its own label partner shares next to nothing, is that one (6.A.1.a.2.a.2.b -> a.3.c, 2004)', () => {
        const before = list(entry('item a "Optical fibres; or"\nitem b "Flexible piezoelectric ceramic materials;"'));
        const after = list(entry('item a "Optical fibres;"\nitem b "Piezoelectric polymer films other than polyvinylidene-fluoride (PVDF) and its co-polymers;"\nitem c "Flexible piezoelectric composites;"'));
        const diff = diffLists(before, after);
        expect(diff.changes.find(c => c.kind === 'renumbered')).toMatchObject({ oldCode: '3A001.b', newCode: '3A001.c', matchedBy: 'shifted' });
        expect(kinds(diff)).toContain('added 3A001.b');
    });

    test('a list whose every text changed, aligned by the limits its items keep (the ADC list 3.A.1.a.5.a, 2004)', () => {
        const header = 'numbering eccn\nparameter resolution: information unit bit\nparameter conversion_time: time unit ns\nparameter output_rate: frequency unit MHz';
        const before = list(entry([
            'item a "A resolution of 8 bit or more, but less than 12 bit, with a total conversion time of less than 5 ns;" { resolution >= 8 bit\n resolution < 12 bit\n conversion_time < 5 ns }',
            'item b "A resolution of more than 12 bit but equal to or less than 14 bit with a total conversion time of less than 200 ns; or" { resolution > 12 bit\n resolution <= 14 bit\n conversion_time < 200 ns }',
            'item c "A resolution of more than 14 bit with a total conversion time of less than 1000 ns;" { resolution > 14 bit\n conversion_time < 1000 ns }',
        ].join('\n')), header);
        const after = list(entry([
            'item a "A resolution of 8 bit or more, but less than 12 bit, with an output rate greater than 500 million words per second;" { resolution >= 8 bit\n resolution < 12 bit\n output_rate > 500 MHz }',
            'item b "A resolution of 12 bit with an output rate greater than 50 million words per second;" { output_rate > 50 MHz }',
            'item c "A resolution of more than 12 bit but equal to or less than 14 bit with an output rate greater than 5 million words per second;" { resolution > 12 bit\n resolution <= 14 bit\n output_rate > 5 MHz }',
            'item d "A resolution of more than 14 bit with an output rate greater than 1 million words per second." { resolution > 14 bit\n output_rate > 1 MHz }',
        ].join('\n')), header);
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode}`)).toEqual(['3A001.b -> 3A001.c', '3A001.c -> 3A001.d']);
        expect(kinds(diff)).toContain('added 3A001.b');
    });

    test('a removed sub-item whose text its parent now writes was merged into it (3.A.1.b.1.c.2, 1999)', () => {
        const before = list(entry('item c "Cathodes as follows:" {\n item 1 "Designed for continuous operation;"\n item 2 "Producing a continuous emission current density exceeding 5 A/cm2 at rated conditions;"\n item 3 "Rated for operation in space;"\n}'));
        const after = list(entry('item c "Cathodes producing a continuous emission current density exceeding 5 A/cm2 at rated conditions, as follows:" {\n item 1 "Designed for continuous operation;"\n item 2 reserved since 1999\n}'));
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'removed').map(c => `${c.code}: ${c.mergedInto ?? ''}`)).toEqual(['3A001.c.2: 3A001.c', '3A001.c.3: ']);
        expect(renderDiff(diff, 'text')).toContain('3A001.c.2 removed (not used since 1999; merged into 3A001.c)');
    });

    test('a removed text of one or two words goes where its siblings went, if written there (9.E.3.a.10.c, 2010)', () => {
        const before = list(entry('item j "Adjustable flow path geometry and associated control systems for:" {\n item a "Gas generator turbines;"\n item b "Fan or power turbines;"\n item c "Propelling nozzles; or"\n item d "Combustion liners;"\n}'));
        const after = list(entry('item j "Technology for adjustable flow path systems for gas generator turbines, fan or power turbines, or propelling nozzles, as follows:"'));
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'removed').map(c => `${c.code}: ${c.mergedInto ?? ''}`)).toEqual(['3A001.j.a: 3A001.j', '3A001.j.b: 3A001.j', '3A001.j.c: 3A001.j', '3A001.j.d: ']);
    });

    test('also where the parent retyped its formula and range ("10 Hz <F<10 kHz" -> "10 Hz ≤ F ≤ 10 kHz", 3.A.1.b.10.a, 2014)', () => {
        const before = list(entry('item b "Oscillators, specified to operate with all of the following:" {\n item 1 "A single sideband (SSB) phase noise, in dBc/Hz, better than -(126+20 log10F-20 log10f) anywhere within the range of 10 Hz <F<10 kHz; and"\n item 2 "A single sideband (SSB) phase noise, in dBc/Hz, better than -(114+20 log10F-20 log10f) anywhere within the range of 10 kHz ≤ F < 500 kHz;"\n}'));
        const after = list(entry('item b "Oscillators, specified to operate with a single sideband (SSB) phase noise, in dBc/Hz, less (better) than -(126 + 20log10F - 20log10f) anywhere within the range of 10 Hz ≤ F ≤ 10 kHz;"'));
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'removed').map(c => `${c.code}: ${c.mergedInto ?? ''}`)).toEqual(['3A001.b.1: 3A001.b', '3A001.b.2: ']);
    });

    test('a sub-item split out of its parent in other words, when the parent now heads a list, was already written there; one with a limit of its own is new (ML2.b, 2019)', () => {
        const before = list(entry('item b "Smoke, gas and pyrotechnic projectors or generators, specially designed or modified for military use;"'));
        const after = list(entry('item b "Projectors, specially designed or modified for military use, as follows:" {\n item 1 "Smoke canister projectors;"\n item 2 "Gas canister projectors rated above 40 kW;"\n item 3 "Laser dazzlers;"\n item 4 "Pyrotechnics projectors;"\n}'));
        const added = diffLists(before, after).changes.filter(c => c.kind === 'added').map(c => `${c.code}: ${c.alreadyIn ? c.alreadyIn.code : 'new'}`);
        // (A plural is its singular: "Pyrotechnics" was "pyrotechnic".)
        expect(added).toEqual(['3A001.b.1: 3A001.b', '3A001.b.2: new', '3A001.b.3: new', '3A001.b.4: 3A001.b']);
        // The micro sign of one edition is the Greek mu of the next (6.A.4.d.2.a.3, 2014).
        const mirrors = list(entry('item d "Equipment having steering or alignment bandwidths equal to or more than 100 Hz and an accuracy of 10 \u00b5rad (microradians) or less;"'));
        const stages = list(entry('item d "Steering and alignment equipment as follows:" {\n item 1 "An angular accuracy of 10 \u03bcrad (microradians) or less;"\n}'));
        expect(diffLists(mirrors, stages).changes.find(c => c.kind === 'added')?.alreadyIn?.code).toBe('3A001.d');
    });

    test('a new item under the code its old neighbour had, in that neighbour\'s words, came from it (6.A.1.a.2.a.1, 2004)', () => {
        const before = list(entry('item a "Hydrophones having any of the following:" {\n item 1 "Incorporating continuous flexible sensors or assemblies of discrete sensor elements with either a diameter or length less than 20 mm;"\n item 2 "Having optical fibre sensing elements;"\n}'));
        const after = list(entry('item a "Hydrophones having any of the following:" {\n item 1 "Incorporating continuous flexible sensing elements;"\n item 2 "Incorporating flexible assemblies of discrete sensing elements with either a diameter or length less than 20 mm;"\n item 3 "Having optical fibre sensing elements;"\n}'));
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'added').map(c => `${c.code}: ${c.alreadyIn ? c.alreadyIn.code : 'new'}`)).toEqual(['3A001.a.1: 3A001.a.1']);
    });

    test('split out of its parent in other words with its limit changed on the way, it was written there still (6.A.6.a.2 2004, 3.A.1.b.3.e 2003)', () => {
        const before = list(entry('item a "Magnetometers using superconductive, optically pumped or nuclear precession (proton/Overhauser) technology having a noise level lower than 0.05 nT rms per square root Hz;"'));
        const after = list(entry('item a "Magnetometers and subsystems as follows:" {\n item 1 "Using superconductive (SQUID) technology and having any of the following:"\n item 2 "Using optically pumped or nuclear precession (proton/Overhauser) technology having a noise level lower than 20 pT per square root Hz;"\n item 3 "Induction coil sensors for airborne survey with a sensitivity of 1 fT;"\n}'));
        const added = diffLists(before, after).changes.filter(c => c.kind === 'added').map(c => `${c.code}: ${c.alreadyIn ? c.alreadyIn.code : 'new'}`);
        // (Induction coils were nowhere.)
        expect(added).toEqual(['3A001.a.1: 3A001.a', '3A001.a.2: 3A001.a', '3A001.a.3: new']);
    });

    test('a new item whose words left a kept neighbour\'s text was already written there (3.A.2.c.2 2004, ML2.c.2 2019)', () => {
        const before = list(entry('item c "Signal analysers as follows:" {\n item 1 "Signal analysers capable of analysing any frequencies exceeding 31.8 GHz but less than 37.5 GHz or exceeding 43.5 GHz;"\n}\nitem d "Guns, howitzers, cannon, mortars, recoilless rifles, smooth-bore weapons and signature reduction devices therefor;"\nitem e "Accessories as follows:" {\n item 1 "Mountings;"\n}'));
        const after = list(entry('item c "Signal analysers as follows:" {\n item 1 "Signal analysers capable of analysing any frequencies exceeding 31.8 GHz but not exceeding 37.5 GHz and having a resolution bandwidth exceeding 10 MHz;"\n item 2 "Signal analysers capable of analyzing frequencies exceeding 43.5 GHz;"\n item 3 "Signal analysers capable of analysing frequencies exceeding 70 GHz;"\n}\nitem d "Guns, howitzers, cannon, mortars, recoilless rifles and smooth-bore weapons;"\nitem e "Accessories as follows:" {\n item 1 "Mountings;"\n item 2 "Signature reduction devices;"\n item 3 "Sighting devices;"\n}'));
        const added = diffLists(before, after).changes.filter(c => c.kind === 'added').map(c => `${c.code}: ${c.alreadyIn ? c.alreadyIn.code : 'new'}`);
        // (70 GHz stood nowhere; "sighting" neither.)
        expect(added).toEqual(['3A001.c.2: 3A001.c.1', '3A001.c.3: new', '3A001.e.2: 3A001.d', '3A001.e.3: new']);
    });

    test('a sub-item citing codes its parent\'s old text did not cite is new; citing items under those it cited, it was written there (9.E.3.a.3.c 1999, 3.D.2.a 2003)', () => {
        const header = 'numbering wassenaar';
        const software = (body: string) => `category 3 {\n group D {\n  entry 3.D.2 ${body}\n }\n}`;
        const before = list(software('"Software specially designed for the use of stored programme controlled equipment controlled by 3.B."'), header);
        const after = list(software('"Software specially designed for the use of any of the following:" {\n  item a "Equipment controlled by 3.B.1.a. to f.; or"\n  item b "Equipment controlled by 1.C.10. and resins controlled by 1.C.8."\n }'), header);
        const added = diffLists(before, after).changes.filter(c => c.kind === 'added').map(c => `${c.code}: ${c.alreadyIn ? c.alreadyIn.code : 'new'}`);
        expect(added).toEqual(['3.D.2.a: 3.D.2', '3.D.2.b: new']);
    });

    test('one shift that stands out is followed even when the list as a whole does not beat its labels (3.A.2.c.3 -> c.4, 2010)', () => {
        const before = list(entry('item a "Signal analysers capable of analysing frequencies exceeding 31.8 GHz"\nitem b "Signal analysers capable of analyzing frequencies exceeding 43.5 GHz;"\nitem c "Dynamic signal analysers having a real-time bandwidth exceeding 500 kHz;"'));
        const after = list(entry('item a "Signal analysers having a resolution bandwidth exceeding 10 MHz within 31.8 GHz to 37.5 GHz"\nitem b "Signal analysers having a noise level less than -150 dBm/Hz above 43.5 GHz"\nitem c "Spectrum analysers with a frequency range beyond 70 GHz;"\nitem d "Dynamic signal analysers having a real-time bandwidth exceeding 40 MHz;"'));
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode}`)).toEqual(['3A001.c -> 3A001.d']);
        expect(kinds(diff)).toContain('added 3A001.c');
    });

    test('an item whose whole text is written inside the first sub-item of a new list under its code is that sub-item (1.C.10.c.1 -> c.1.a, 2019)', () => {
        const before = list(entry('item c "Inorganic fibrous or filamentary materials having all of the following:" {\n item 1 "Specific modulus exceeding 2.54 x 10^6 m; and"\n item 2 "Melting point exceeding 1,922 K;"\n}'));
        const after = list(entry('item c "Inorganic fibrous or filamentary materials having all of the following:" {\n item 1 "Having any of the following:" {\n  item a "Composed of 50% or more by weight silicon dioxide and having a specific modulus exceeding 2.54 x 10^6 m; or"\n  item b "Not specified in 1.C.10.c.1.a. and having a specific modulus exceeding 5.6 x 10^6 m; and"\n }\n item 2 "Melting point exceeding 1,922 K;"\n}'));
        const renumbered = (diff: ListDiff) => diff.changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode}`);
        expect(renumbered(diffLists(before, after))).toEqual(['3A001.c.1 -> 3A001.c.1.a']);
        expect(renumbered(diffLists(after, before))).toEqual(['3A001.c.1.a -> 3A001.c.1']);
    });

    test('two items under one code whose texts share no word naming something are not one item (9.A.12.a.2, 2014; ML8.b.1 -> ML8.a.33, 2001)', () => {
        const before = list(entry('item a "UAVs having any of the following:" {\n item 1 "An autonomous flight control and navigation capability;"\n item 2 "Capability of controlled flight out of the direct visual range involving a human operator;"\n}'));
        const after = list(entry('item a "UAVs designed to have controlled flight out of the direct natural vision of the operator and having any of the following:" {\n item 1 "An autonomous flight control and navigation capability;"\n item 2 "A maximum endurance of 1 hour or greater;"\n}'));
        expect(kinds(diffLists(before, after))).toEqual(expect.arrayContaining(['removed 3A001.a.2', 'added 3A001.a.2']));
        expect(kinds(diffLists(before, after)).some(k => k.startsWith('reworded 3A001.a.2'))).toBe(false);
        // Short texts, or texts naming the same thing, still pair by code.
        const renamed = list(entry('item a "UAVs having any of the following:" {\n item 1 "An autonomous flight control and navigation capability;"\n item 2 "Capability of remote flight control;"\n}'));
        expect(kinds(diffLists(before, renamed))).toContain('reworded 3A001.a.2');
    });

    test('British and American spellings are one word when siblings are aligned (3.A.2.d.2 -> d.5, 2010: "synthesised" -> "synthesized")', () => {
        const before = list(entry('item a "Signal generators rated to generate a pulse duration of less than 100 ns;"\nitem b "A maximum synthesised frequency exceeding 43.5 GHz;"\nitem c "A frequency switching time as specified by any of the following:"'));
        const after = list(entry('item a "Specified to generate a pulse duration of less than 100 ns anywhere within the synthesized frequency range;"\nitem b "An output power exceeding 100 mW (20 dBm) anywhere within the synthesized frequency range exceeding 43.5 GHz but not exceeding 70 GHz;"\nitem c "A frequency switching time as specified by any of the following:"\nitem d "A maximum synthesized frequency exceeding 70 GHz;"'));
        const renumbered = (diff: ListDiff) => diff.changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode}`);
        expect(renumbered(diffLists(before, after))).toEqual(['3A001.b -> 3A001.d']);
        expect(renumbered(diffLists(after, before))).toEqual(['3A001.d -> 3A001.b']);
    });

    test('an item whose text moved into the first sub-item of a new list under its code is that sub-item (6.C.5 -> 6.C.5.a, 2014); and back', () => {
        const before = list(entry('item e `Synthetic crystalline "laser" host material in unfinished form as follows:` {\n item a "Titanium doped sapphire."\n}'));
        const after = list(entry('item e `"Laser" materials as follows:` {\n item a `Synthetic crystalline "laser" host material in unfinished form as follows: Titanium doped sapphire.`\n item b "Rare-earth-metal doped double-clad fibres;"\n}'));
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode} (${c.matchedBy})`)).toEqual(['3A001.e -> 3A001.e.a (nested)']);
        expect(kinds(diff)).toContain('added 3A001.e');
        expect(diffLists(after, before).changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode}`)).toEqual(['3A001.e.a -> 3A001.e']);
    });

    test('an item nested into the first sub-item of a new list brings its sub-items along, and those left behind are not the items now holding their codes (6.A.1.a.1.a, 2010)', () => {
        const before = list(entry('item a "Bathymetric survey systems designed for sea bed topographic mapping and having all of the following:" {\n item 1 "Designed to take measurements at an angle exceeding 20 degrees from the vertical;"\n item 2 "Designed to measure seabed topography at seabed depths exceeding 600 m; and"\n item 3 "Designed to provide any of the following:" {\n  item a "Incorporation of multiple beams any of which is less than 1.9 degrees; or"\n }\n}'));
        const after = list(entry('item a "Acoustic seabed survey equipment as follows:" {\n item 1 "Surface vessel survey equipment designed for seabed topographic mapping and having all of the following:" {\n  item a "Designed to take measurements at an angle exceeding 20 degrees from the vertical;"\n  item b "Designed to measure seabed topography at seabed depths exceeding 600 m;"\n  item c "Sounding resolution less than 2; and"\n }\n item 2 "Underwater survey equipment designed for seabed topographic mapping and having all of the following:"\n item 3 "Side Scan Sonar (SSS) or Synthetic Aperture Sonar (SAS), designed for seabed imaging and having all of the following:" {\n  item a "Designed or modified to operate at depths exceeding 500 m; and"\n }\n}'));
        const renumbered = (diff: ReturnType<typeof diffLists>) => diff.changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode}`);
        expect(renumbered(diffLists(before, after))).toEqual(['3A001.a -> 3A001.a.1', '3A001.a.1 -> 3A001.a.1.a', '3A001.a.2 -> 3A001.a.1.b']);
        expect(kinds(diffLists(before, after))).toEqual(expect.arrayContaining(['removed 3A001.a.3', 'removed 3A001.a.3.a', 'added 3A001.a.3', 'added 3A001.a.3.a']));
        expect(renumbered(diffLists(after, before))).toEqual(['3A001.a.1 -> 3A001.a', '3A001.a.1.a -> 3A001.a.1', '3A001.a.1.b -> 3A001.a.2']);
    });

    test('an item that became a heading restating its words over sub-items that split them says they were already written there (9.A.4, 2014)', () => {
        const before = list(entry('item d `Space launch vehicles and "spacecraft".`'));
        const after = list(entry('item d `Space launch vehicles, "spacecraft", "spacecraft buses" and terrestrial equipment, as follows:` {\n item a "Space launch vehicles;"\n item b `"Spacecraft";`\n item c `"Spacecraft buses";`\n}'));
        const added = diffLists(before, after).changes.filter(c => c.kind === 'added').map(c => `${c.code}: ${c.alreadyIn?.code ?? 'new'}`);
        expect(added).toEqual(['3A001.d.a: 3A001.d', '3A001.d.b: 3A001.d', '3A001.d.c: new']);
    });

    test('a heading whose only sub-item took its code was merged with it (ML9.h, 2019)', () => {
        const before = list(entry('item h "Naval nuclear equipment and related equipment and components, as follows:" {\n item 1 "Nuclear power generating equipment or propulsion equipment specially designed for vessels;"\n}'));
        const after = list(entry('item h "Nuclear power generating equipment or propulsion equipment specially designed for vessels;"'));
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'removed').map(c => `${c.code}: ${c.mergedInto ?? ''}`)).toEqual(['3A001.h: 3A001.h']);
        expect(renderDiff(diff, 'text')).toContain('3A001.h removed (merged with its only sub-item, which holds its code now)');
    });

    test('a removed item whose words the new sub-items of another item were already written in was merged there (ML2.d -> ML2.c, 2019)', () => {
        const before = list(entry('item c "Weapon sights, specially designed for the weapons specified in 3A001.a;"\nitem d "Mountings and detachable cartridge magazines, specially designed for the weapons specified in 3A001.a."'));
        const after = list(entry('item c "Accessories specially designed for the weapons specified in 3A001.a, as follows:" {\n item 1 "Weapon sights;"\n item 2 "Mountings;"\n item 3 "Detachable cartridge magazines;"\n}\nitem d reserved since 2019;'));
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'removed').map(c => `${c.code}: ${c.mergedInto ?? ''}`)).toEqual(['3A001.d: 3A001.c']);
    });

    test('an item left over whose sub-items all went under a new item alike in text is that item (ML7.i -> ML22.b, 2004), either way round', () => {
        const tox = '"Technology" for the "development", "production" or "use" of toxicological agents controlled by 3A001.a.;';
        const bio = '"Technology" for the "development", "production" or "use" of "biopolymers" or cultures of specific cells;';
        const installations = '"Technology" specific to the operation of complete production installations for products of this list.';
        const before = list(`category 3 {\n group A {\n  entry 3A001 "Toxicological agents as follows:" {\n   item a "Nerve agents;"\n   item i \`"Technology" as follows:\` {\n    item 1 \`${tox}\`\n    item 2 \`${bio}\`\n   }\n  }\n }\n}\ncategory 4 {\n group A {\n  entry 4A001 "Technology as follows:" {\n   item b \`${installations}\`\n  }\n }\n}`);
        const after = list(`category 3 {\n group A {\n  entry 3A001 "Toxicological agents as follows:" {\n   item a "Nerve agents;"\n  }\n }\n}\ncategory 4 {\n group A {\n  entry 4A001 "Technology as follows:" {\n   item b \`"Technology" as follows:\` {\n    item 1 \`${installations}\`\n    item 2 \`${tox}\`\n    item 3 \`${bio}\`\n   }\n  }\n }\n}`);
        const renumbered = (a: FlatList, b: FlatList) => diffLists(a, b).changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode} (${c.matchedBy})`);
        expect(renumbered(before, after)).toEqual(['3A001.i -> 4A001.b (parent)', '4A001.b -> 4A001.b.1 (relocated)', '3A001.i.1 -> 4A001.b.2 (relocated)', '3A001.i.2 -> 4A001.b.3 (relocated)']);
        expect(renumbered(after, before)).toEqual(expect.arrayContaining(['4A001.b -> 3A001.i (parent)', '4A001.b.1 -> 4A001.b (relocated)']));
    });

    test('a removed list whose sub-items all went under one item of another category, its heading unlike that item\'s, was merged there', () => {
        const tox = '"Technology" for the "development", "production" or "use" of toxicological agents controlled by 3A001.a.;';
        const bio = '"Technology" for the "development", "production" or "use" of "biopolymers" or cultures of specific cells;';
        const installations = '"Technology" specific to the operation of complete production installations for products of this list.';
        const before = list(`category 3 {\n group A {\n  entry 3A001 "Toxicological agents as follows:" {\n   item a "Nerve agents;"\n   item i "Biological and chemical know-how listed below:" {\n    item 1 \`${tox}\`\n    item 2 \`${bio}\`\n   }\n  }\n }\n}\ncategory 4 {\n group A {\n  entry 4A001 "Technology as follows:" {\n   item b \`${installations}\`\n  }\n }\n}`);
        const after = list(`category 3 {\n group A {\n  entry 3A001 "Toxicological agents as follows:" {\n   item a "Nerve agents;"\n  }\n }\n}\ncategory 4 {\n group A {\n  entry 4A001 "Technology as follows:" {\n   item b \`"Technology" as follows:\` {\n    item 1 \`${installations}\`\n    item 2 \`${tox}\`\n    item 3 \`${bio}\`\n   }\n  }\n }\n}`);
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'removed').map(c => `${c.code}: ${c.mergedInto ?? ''}`)).toEqual(['3A001.i: 4A001.b']);
        expect(renderDiff(diff, 'text')).toContain('3A001.i removed (merged into 4A001.b)');
    });

    test('two texts alike only in a list\'s lead-in are not one item (6.A.6.h.3 is not 6.A.6.a.1, 2004)', () => {
        const before = list(entry('item h `"Superconductive" electromagnetic sensors as follows:` {\n item 3 "Having any of the following characteristics:"\n}'));
        const after = list(entry('item a "Magnetometers as follows:" {\n item 1 `Using "superconductive" (SQUID) "technology" having any of the following characteristics:`\n}'));
        expect(diffLists(before, after).changes.filter(c => c.kind === 'renumbered')).toEqual([]);
    });

    test('the sub-items of a moved item do not follow it onto labels given to other goods', () => {
        const before = list(entry('item e `"Additives" and "precursors", as follows:` {\n item 1 "Azidomethylmethyloxetane (AMMO) and its polymers;"\n item 2 "Basic copper salicylate; lead salicylate;"\n}'));
        const after = list(entry('item e "Binders, plasticizers, monomers, polymers, as follows:" {\n item 1 "AMMO (azidomethylmethyloxetane and its polymers);"\n}\nitem g `"Precursors", as follows:` {\n item 1 "BCMO (bischloromethyloxetane);"\n item 2 "Dinitroazetidine-t-butyl salt;"\n}'));
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode}`)).toEqual(['3A001.e -> 3A001.g']);
        expect(kinds(diff)).toEqual(expect.arrayContaining(['removed 3A001.e.1', 'removed 3A001.e.2', 'added 3A001.g.1', 'added 3A001.g.2']));
    });

    test('an item whose code now heads a list that restates it was split, not nested (6.A.3.a.3, 2014); a generic heading ("Technology as follows:") does not restate', () => {
        const before = list(entry('item c "Mechanical or electronic streak cameras, having writing speeds exceeding 10 mm/us;"'));
        const after = list(entry('item c "Mechanical or electronic streak cameras as follows:" {\n item a "Mechanical streak cameras having writing speeds exceeding 10 mm/us;"\n item b "Electronic streak cameras having temporal resolution better than 50 ns;"\n}'));
        const diff = diffLists(before, after);
        expect(diff.changes.filter(c => c.kind === 'renumbered')).toEqual([]);
        expect(kinds(diff)).toEqual(expect.arrayContaining(['reworded 3A001.c', 'added 3A001.c.a', 'added 3A001.c.b']));
        const generic = list(entry('item b `"Technology" as follows:` {\n item 1 `"Technology" specific to the operation of complete production installations for products of this list.`\n item 2 `"Technology" for small arms;`\n}'));
        const specific = list(entry('item b `"Technology" specific to the operation of complete production installations for products of this list, even if not controlled.`'));
        expect(diffLists(specific, generic).changes.filter(c => c.kind === 'renumbered').map(c => `${c.oldCode} -> ${c.newCode}`)).toEqual(['3A001.b -> 3A001.b.1']);
    });

    test('an item that became a heading, its limits moved into new sub-items, changed no limit itself (6.A.4.d.2, 2014)', () => {
        const before = list(entry('item d "Equipment having alignment bandwidths equal to or more than 100 Hz" { frequency >= 100 Hz }'));
        const after = list(entry('item d "Steering and alignment equipment as follows:" {\n item a "Beam steering mirror stages with a bandwidth of 500 Hz or more" { frequency >= 500 Hz }\n item b "Resonator alignment equipment with a bandwidth of 100 Hz or more" { frequency >= 100 Hz }\n}'));
        expect(kinds(diffLists(before, after))).toEqual(['reworded 3A001.d', 'added 3A001.d.a', 'added 3A001.d.b']);
        expect(kinds(diffLists(after, before))).toEqual(['reworded 3A001.d', 'removed 3A001.d.a', 'removed 3A001.d.b']);
    });

    test('an item that now heads a list and lost a limit its sub-items state their own way cannot say a direction itself (6.A.1.a.1.c.1 2014, 6.A.5.b.4.b 2013)', () => {
        const before = list(entry('item b "Lasers having an output power exceeding 30 W at frequencies below 10 GHz" { power > 30 W\n frequency < 10 GHz }'));
        const after = list(entry('item b "Lasers at frequencies below 10 GHz and any of the following:" { frequency < 10 GHz\n item 1 "An output power exceeding 60 W" { power > 60 W }\n item 2 "Pulse-modulated" }'));
        expect(kinds(diffLists(before, after))).toContain('threshold 3A001.b incomparable');
        // An item that keeps no list says which way its own limits went.
        const alone = list(entry('item b "Lasers at frequencies below 10 GHz" { frequency < 10 GHz }'));
        expect(kinds(diffLists(before, alone))).toContain('threshold 3A001.b tightened');
    });

    test('an either choice: the item holds where one option holds whole; a limit raised in one option relaxes it (5.A.1.b.2.b)', () => {
        const radio = (high: string) => list(entry(`item b "Amplifiers of 1 kW or more below 30 GHz, or ${high} or more from 30 GHz" {\n either {\n  power >= 1000 W\n  frequency < 30 GHz\n } or {\n  power >= ${high}\n  frequency >= 30 GHz\n }\n}`));
        const before = radio('250 W');
        expect(before.items.find(i => i.code === '3A001.b')!.thresholds.map(t => t.either)).toEqual([[1, 1], [1, 1], [1, 2], [1, 2]]);
        expect(kinds(diffLists(before, radio('500 W')))).toEqual(['reworded 3A001.b', 'threshold 3A001.b relaxed']);
        expect(kinds(diffLists(radio('500 W'), before))).toEqual(['reworded 3A001.b', 'threshold 3A001.b tightened']);
        // Not all-of: 300 W at 40 GHz is controlled (the second option), which no single conjunction of the four would say.
        const flat = list(entry('item b "Amplifiers" {\n power >= 1000 W\n frequency < 30 GHz\n power >= 250 W\n frequency >= 30 GHz\n}'));
        expect(kinds(diffLists(flat, before))).toEqual(['reworded 3A001.b', 'threshold 3A001.b tightened']);
    });

    test('a limit written as a formula is a condition of its own: the same formula in any spacing or superscript is no change, another is incomparable, one added narrows (3.A.1.b.12.a, 2.B.6.a)', () => {
        const power = (formula: string, frequency: string) => list(entry(`item b "Amplifiers" {\n power > formula "${formula}" W\n frequency > ${frequency}\n}`));
        const before = power('505.62 W*GHz2/fGHz2', '2.7 GHz');
        expect(before.items.find(i => i.code === '3A001.b')!.thresholds[0]).toMatchObject({ comparator: '>', formula: '505.62 W*GHz2/fGHz2', unit: 'W' });
        // The 2025 PDF's superscripts and spaces against Word's flattened text.
        expect(kinds(diffLists(before, power('505.62 W*GHz²/ fGHz²', '2.7 GHz')))).toEqual([]);
        // A list that writes its numbers and signs its own way (the EU's "505,62 W × GHz2/fGHz2").
        expect(kinds(diffLists(before, power('505,62 W × GHz2/fGHz2', '2.7 GHz')))).toEqual([]);
        // A minus sign (U+2212, the eCFR's) or an en dash (Word's) is a hyphen.
        const noise = (formula: string) => list(entry(`item b "Oscillators" {\n power < formula "${formula}" W\n}`));
        expect(kinds(diffLists(noise('-(126 + 20log10F - 20log10f)'), noise('\u2212 (126 + 20log 10 F \u2212 20log 10 f)')))).toEqual([]);
        expect(kinds(diffLists(noise('-(126 + 20log10F - 20log10f)'), noise('\u2013(126 + 20log10F \u2013 20log10f)')))).toEqual([]);
        // The formula unchanged, the other limit still says the direction.
        expect(kinds(diffLists(before, power('505.62 W*GHz2/fGHz2', '3.2 GHz')))).toEqual(['threshold 3A001.b relaxed']);
        expect(kinds(diffLists(before, power('400 W*GHz2/fGHz2', '2.7 GHz')))).toEqual(['threshold 3A001.b incomparable']);
        const without = list(entry('item b "Amplifiers" {\n frequency > 2.7 GHz\n}'));
        expect(kinds(diffLists(without, before))).toEqual(['threshold 3A001.b relaxed']);
    });

    test('limits per kind: each kind\'s limit compared with the same kind\'s, spelt -ised or -ized alike (ML8.b.1, 2000 -> 2001)', () => {
        const impulse = (spelling: string, aluminized: string) => list(entry(`item b "Propellants" {\n either for "non-metall${spelling}ed compositions" { frequency > 250 Hz } or for "alumin${spelling}ed compositions" { frequency > ${aluminized} }\n}`));
        const before = impulse('is', '270 Hz');
        expect(before.items.find(i => i.code === '3A001.b')!.thresholds.map(t => t.kind)).toEqual(['non-metallised compositions', 'aluminised compositions']);
        expect(kinds(diffLists(before, impulse('iz', '270 Hz')))).toEqual([]);
        expect(kinds(diffLists(before, impulse('is', '280 Hz')))).toEqual(['threshold 3A001.b relaxed']);
        // Without the kinds the options were a union, > 250 Hz whatever the kind: a new limit for one kind is no narrower there.
        const union = list(entry('item b "Propellants" {\n frequency > 250 Hz or > 270 Hz\n}'));
        expect(kinds(diffLists(union, before))).toEqual(['threshold 3A001.b relaxed']);
    });

    test('alignInOrder: the best order-keeping pairs above a floor', () => {
        expect(alignInOrder([[0.9, 0.1, 0.1], [0.1, 0.1, 1]], 0.6)).toEqual([[0, 0], [1, 2]]);
        expect(alignInOrder([[0.5, 0.5]], 0.6)).toEqual([]);
        expect(alignInOrder([[0.1, 0.9], [0.9, 0.1]], 0.6)).toHaveLength(1);
    });

    test('"moved to" in the note of a reserved item', () => {
        const before = list(entry('item a "Space-qualified focal plane arrays"\nitem e "Focal plane arrays for space use, specially designed"'));
        const after = list(entry('item a "Space-qualified focal plane arrays" {\n item 1 "Having more than 2 048 elements per array, space qualified" }\nitem e reserved since 2008 { nb "Entry moved to 3A001.a.1 in 2008." }'));
        const diff = diffLists(before, after);
        expect(diff.changes.find(c => c.kind === 'renumbered')).toMatchObject({ oldCode: '3A001.e', newCode: '3A001.a.1', matchedBy: 'moved' });
        expect(kinds(diff)).not.toContain('removed 3A001.e');
    });

    test('"For <its subject>, see X." in the note of a newly withdrawn label is a stated move (9.E.3.a.10 -> 9.E.3.i, 2010); on a live item, a cross-reference', () => {
        const before = list(entry('item a "Waveform digitisers and transient recorders, having all of the following:"\nitem b "Signal generators"'));
        const after = list(entry('item a reserved since 2015 { nb "For waveform digitizers and transient recorders, see 3A001.h." }\nitem b "Signal generators"\nitem h `"Electronic assemblies", modules or equipment, specified to perform all of the following:`'));
        expect(diffLists(before, after).changes.find(c => c.kind === 'renumbered')).toMatchObject({ oldCode: '3A001.a', newCode: '3A001.h', matchedBy: 'moved' });
        const live = list(entry('item a "Waveform digitisers and transient recorders, having all of the following:" { nb "For recorders, see 3A001.h." }\nitem b "Signal generators"\nitem h `"Electronic assemblies", modules or equipment:`'));
        expect(diffLists(before, live).changes.filter(c => c.kind === 'renumbered')).toEqual([]);
    });

    test('a national list against a WA edition: codes in WA form, precedents, and a warning', () => {
        const national = list(entry('item b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz }\nitem z "A national item" precedent 3.A.1.c { frequency > 10 GHz }'));
        const wa = list('category 3 {\n group A {\n  entry 3.A.1 "Electronic items as follows:" {\n   item b "Signal generators exceeding 31.8 GHz" { frequency > 31.8 GHz }\n   item c "A national item" { frequency > 10 GHz }\n  }\n }\n}', 'numbering wassenaar');
        const diff = diffLists(national, wa);
        expect(diff.warnings.join()).toMatch(/different numbering/);
        expect(kinds(diff)).toEqual(['renumbered 3.A.1.c']);
        expect(diff.changes[0]).toMatchObject({ oldCode: '3A001.z', matchedBy: 'precedent' });
    });

    test('unrelated lists: a clear warning, and the diff still comes', () => {
        const a = list(`category 3 {\n group A {\n${Array.from({ length: 12 }, (_, i) => `  entry 3A${String(i + 1).padStart(3, '0')} "Item number ${i} of the electronics list"`).join('\n')}\n }\n}`);
        const b = list(`category 9 {\n group A {\n${Array.from({ length: 12 }, (_, i) => `  entry 9A${String(i + 1).padStart(3, '0')} "Aero engine part ${i} with gas turbine"`).join('\n')}\n }\n}`);
        const diff = diffLists(a, b);
        expect(diff.warnings.join()).toMatch(/share few items \(0 of 12 matched\)/);
        expect(diff.summary.counts).toMatchObject({ added: 12, removed: 12 });
    });
});

describe('properties', () => {
    const words = ['amplifiers', 'generators', 'lasers', 'machines', 'having', 'exceeding', 'output', 'power', 'frequency', 'rated', 'for', 'space', 'use'];
    const itemArb = fc.record({
        text: fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 9 }).map(w => w.join(' ')),
        threshold: fc.option(fc.record({ parameter: fc.constantFrom('frequency', 'power'), comparator: fc.constantFrom('<', '<=', '>', '>='), value: fc.integer({ min: 1, max: 50 }) }), { nil: undefined }),
        reserved: fc.boolean().map(b => (b ? 2020 : undefined)),
        tier: fc.constantFrom('dual-use', 'sensitive'),
    });
    type GeneratedItem = typeof itemArb extends fc.Arbitrary<infer T> ? T : never;
    const toList = (items: GeneratedItem[]) => flat(items.map((item, i) => ({
        code: `3A001.${String.fromCharCode(97 + i)}`,
        text: item.reserved ? undefined : item.text,
        reserved: item.reserved,
        tiers: [item.tier],
        thresholds: item.threshold && !item.reserved ? [{ parameter: item.threshold.parameter, comparator: item.threshold.comparator, value: String(item.threshold.value), unit: item.threshold.parameter === 'power' ? 'W' : 'GHz' }] : [],
        notes: [],
    })));
    const itemsArb = fc.array(itemArb, { minLength: 1, maxLength: 8 });
    const listArb = itemsArb.map(toList);
    /** B made from A by inserting, deleting and changing items, so that items shift and get renumbered. */
    const editArb = fc.record({ at: fc.nat(), op: fc.constantFrom('insert', 'delete', 'change'), item: itemArb });
    const pairArb = fc.tuple(itemsArb, fc.array(editArb, { maxLength: 4 })).map(([items, edits]) => {
        const edited = [...items];
        for (const edit of edits) {
            const at = edit.at % (edited.length + 1);
            if (edit.op === 'insert') edited.splice(at, 0, edit.item);
            else if (edit.op === 'delete' && edited.length > 1) edited.splice(at % edited.length, 1);
            else if (edit.op === 'change') edited[at % edited.length] = { ...edited[at % edited.length], threshold: edit.item.threshold };
        }
        return [toList(items), toList(edited)] as const;
    });

    test('diff(A, A) is empty', () => {
        fc.assert(fc.property(listArb, a => diffLists(a, a).changes.length === 0));
    });

    test('diff(B, A) is the inverse of diff(A, B)', () => {
        fc.assert(fc.property(fc.oneof(pairArb, fc.tuple(listArb, listArb)), ([a, b]) => {
            const forward = diffLists(a, b).changes.map(inverse).sort();
            const backward = diffLists(b, a).changes.map(signature).sort();
            expect(forward).toEqual(backward);
        }));
    });

    test('the summary counts equal the detailed list', () => {
        fc.assert(fc.property(pairArb, ([a, b]) => {
            const diff = diffLists(a, b);
            const counts = emptyCounts();
            for (const c of diff.changes) {
                counts[c.kind]++;
                if (c.direction === 'tightened' || c.direction === 'relaxed') counts[c.direction]++;
            }
            expect(diff.summary.counts).toEqual(counts);
            expect(diff.summary.changes).toBe(diff.changes.length);
            const perCategory = Object.values(diff.summary.byCategory).reduce((sum, k) => sum + CHANGE_KINDS.reduce((s, kind) => s + k[kind], 0), 0);
            expect(perCategory).toBe(diff.changes.length);
        }));
    });

    test('the word diff keeps every word of both texts, in order', () => {
        fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), fc.array(fc.constantFrom(...words), { maxLength: 12 }), (a, b) => {
            const segments = wordDiff(a.join(' '), b.join(' '));
            const side = (op: string) => segments.filter(s => s.op === 'same' || s.op === op).map(s => s.text).join(' ').split(' ').filter(Boolean);
            expect(side('removed')).toEqual(a);
            expect(side('added')).toEqual(b);
        }));
    });

    test('the word diff shows the document\'s characters, while the comparison ignores how they were encoded', () => {
        const word97 = 'particles larger than 100 \u00b5m in 10\u00b3 \u2018cycles\u2019';
        const pdf = 'particles larger than 100 \u03bcm in 10\u00b3 \'cycles\', i.e.,';
        expect(normaliseText(word97.replace(/\u00b5/, '\u03bc'))).toBe(normaliseText(word97));
        const text = wordDiff(word97, pdf).map(segment => segment.text).join(' ');
        for (const written of ['\u00b5m', '\u03bcm', '10\u00b3', '\u2018cycles\u2019']) expect(text).toContain(written);
    });

    function flat(items: FlatItem[]): FlatList {
        return { numbering: 'eccn', definitions: [], items: [{ code: '3A001', text: 'Electronic items', tiers: ['dual-use'], thresholds: [], notes: [] }, ...items] };
    }

    const OPPOSITE: Record<string, string> = { added: 'removed', removed: 'added', tightened: 'relaxed', relaxed: 'tightened' };
    /** The codes before and after, whatever the kind. */
    function codesOf(c: Change): [string, string] {
        if (c.kind === 'added') return ['', c.code];
        if (c.kind === 'removed') return [c.code, ''];
        return [c.oldCode ?? c.code, c.newCode ?? c.code];
    }
    function signature(c: Change): string {
        return [c.kind, ...codesOf(c), c.direction ?? '', JSON.stringify(c.old ?? null), JSON.stringify(c.new ?? null)].join('|');
    }
    function inverse(c: Change): string {
        const [before, after] = codesOf(c);
        const direction = c.direction ? OPPOSITE[c.direction] ?? c.direction : '';
        return [OPPOSITE[c.kind] ?? c.kind, after, before, direction, JSON.stringify(c.new ?? null), JSON.stringify(c.old ?? null)].join('|');
    }
});

describe('the bundled example editions', () => {
    const read = (name: string) => {
        const parsed = parseFlatList(Cld, readFileSync(resolve(__dirname, '../../examples/examplia', name), 'utf-8'));
        if (!parsed.ok) throw new Error('example does not parse');
        return parsed.list;
    };

    test('examplia 2024 -> 2025 shows what the 2025 header says changed', () => {
        const diff = diffLists(read('examplia-2024.cld'), read('examplia-2025.cld'));
        expect(kinds(diff)).toEqual([
            'reworded 1C010.a', 'removed 2B001.b', 'tier 3A001.a', 'reworded 3A001.b', 'threshold 3A001.b tightened',
            'reworded 4A003.b', 'threshold 4A003.b relaxed', 'added 5A001.b', 'added 6A005.b', 'renumbered 6A005.c',
        ]);
        expect(diff.changes.find(c => c.kind === 'renumbered')).toMatchObject({ oldCode: '6A005.b', newCode: '6A005.c' });
        expect(diff.changes.find(c => c.code === '3A001.b' && c.kind === 'threshold')).toMatchObject({ old: ['frequency > 31.8 GHz'], new: ['frequency > 26.5 GHz'] });
    });

    test('every format renders; html is standalone, escaped and script-free', () => {
        const diff = diffLists(read('examplia-2024.cld'), read('examplia-2025.cld'));
        expect(renderDiff(diff, 'text')).toContain('3A001.b tightened: frequency > 31.8 GHz -> frequency > 26.5 GHz');
        expect(renderDiff(diff, 'md')).toContain('| Category 3 |');
        expect(JSON.parse(renderDiff(diff, 'json'))).toMatchObject({ old: { id: 'EX-UCL-2024' }, new: { id: 'EX-UCL-2025' }, summary: { counts: { tightened: 1, relaxed: 1 } } });
        const html = renderDiff(diff, 'html');
        expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
        expect(html).not.toMatch(/<script/i);
        expect(html).toContain('&quot;lasers&quot;');
        expect(html).toContain('<svg');
    });
});

const corpus = resolve(__dirname, '../../../shared/data/wassenaar');
const present = existsSync(corpus);
if (!present) console.warn(`WA corpus not found at ${corpus}: the diff's corpus tests are skipped.`);

describe.skipIf(!present)('consecutive WA editions, checked against the documents', () => {
    const imported = new Map<string, FlatList>();
    const edition = async (name: string) => {
        if (!imported.has(name)) {
            const result = await importAndCheck(resolve(corpus, name));
            const parsed = parseFlatList(Cld, result.text);
            if (!parsed.ok) throw new Error(`${name} does not parse`);
            imported.set(name, parsed.list);
        }
        return imported.get(name)!;
    };
    let d19to21: ListDiff;
    let d13to14: ListDiff;
    beforeAll(async () => {
        d19to21 = diffLists(await edition('WA-LIST-19-1'), await edition('WA-LIST-21-1'));
        d13to14 = diffLists(await edition('WA-LIST-13-1'), await edition('WA-LIST-14-2'));
    }, 120000);
    const find = (diff: ListDiff, kind: string, code: string) => diff.changes.find(c => c.kind === kind && c.code === code);

    test('2019 -> 2021: the APP of 4.A.3.b raised from 29 to 70.0 WT is relaxed', () => {
        expect(find(d19to21, 'threshold', '4.A.3.b')).toMatchObject({ direction: 'relaxed', old: ['adjusted_peak_performance > 29 WT'], new: ['adjusted_peak_performance > 70.0 WT'] });
    });

    test('2019 -> 2021: gallium oxide substrates (3.C.1.e) and GAAFET ECAD software (3.D.6) are added', () => {
        expect(find(d19to21, 'added', '3.C.1.e')?.new).toBe('Gallium Oxide (Ga2O3); or');
        expect(find(d19to21, 'added', '3.D.6')?.new).toMatch(/^'Electronic Computer-Aided Design' \('ECAD'\) "software"/);
        expect(find(d19to21, 'removed', '3.C.1.e')).toBeUndefined();
    });

    test('2013 -> 2014: signal analysers 3.A.2.c.2 up to 90 GHz instead of 75 GHz is tightened', () => {
        expect(find(d13to14, 'threshold', '3.A.2.c.2')).toMatchObject({ direction: 'tightened' });
        expect(find(d13to14, 'reworded', '3.A.2.c.2')?.words).toContainEqual({ op: 'removed', text: '75' });
    });
});
