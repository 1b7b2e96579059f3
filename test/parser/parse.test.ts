import { describe, expect, test } from 'vitest';
import { parseHelper } from 'langium/test';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import type { ControlList } from '../../language/src/generated/ast.js';
import { AstUtils, GrammarAST } from 'langium';
import { BEGINS_BOUND } from '../../language/src/lookahead.js';

const services = createCldCoreServices();
const parse = parseHelper<ControlList>(services.Cld);

describe('grammar', () => {
    test('parses the DESIGN.md example with both text spellings and a cross-reference', async () => {
        const document = await parse(`
list "Examplia Unified Export Control List"
edition "2025" date 2025-01-01
numbering eccn
implements wassenaar "WA-LIST (21) 1"
parameter wavelength: length unit nm "Light source wavelength"
category 3 "Electronics" {
  group B "Test, Inspection and Production Equipment" {
    entry 3B001 "Equipment" tier dual-use {
      item f "Lithography equipment" {
        item 1 "Align and expose" any-of {
          item a "A light source wavelength shorter than 193 nm" { wavelength < 193 nm }
          item b \`an "MRF" of 45 nm or less\` { wavelength from 0.1 um to 45 nm }
          see 3B001.f.1.a
        }
      }
    }
  }
}`, { documentUri: 'file:///design.cld' });
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const list = document.parseResult.value;
        expect(list.header.numbering).toBe('eccn');
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a known tree of the fixture
        const item1 = (list.members[1] as any).members[0].members[0].members[0].members[0];
        expect(item1.combinator).toBe('any-of');
        expect(item1.members[1].text).toBe('an "MRF" of 45 nm or less');
        expect(item1.members[2].target.ref?.label).toBe('a');
    });
});

describe('a number without a unit, then the next threshold', () => {
    /** The thresholds of each item of a one-entry list: [parameter, value, unit] (a range: its low end). */
    async function thresholdsOf(body: string): Promise<{ errors: string[]; items: unknown[][] }> {
        const document = await parse(`list "L"
parameter channels: count
parameter power: power
parameter temperature: temperature
category 1 "C" {
  group A "G" {
    entry 1.A.1 "E" {
${body}
    }
  }
}`);
        const { parseResult } = document;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a known tree of the fixture
        const entry = (parseResult.value.members[3] as any).members[0].members[0];
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
        const items = (entry?.members ?? []).map((item: any) => item.members.map((t: any) => {
            const value = t.value ?? t.low;
            return [t.parameter?.$refText, value?.value ?? t.formula?.expression, value?.unit ?? t.formula?.unit];
        }));
        return { errors: [...parseResult.lexerErrors, ...parseResult.parserErrors].map(e => e.message), items };
    }

    test('the word after a number is the next parameter when a comparator or `from` follows it, else a unit', async () => {
        const { errors, items } = await thresholdsOf(`
      item a "A" { channels = 4 power > 5 W }
      item b "B" { channels = 4 power from 1 kW to 2 kW }
      item c "C" { power > 5 W channels = 4 }
      item d "D" { temperature < 228 K or > 358 K channels = 2 }
      item e "E" { channels < formula "N/2" power > 2 W }
      item f "F" { power from 1 kW to 2 kW power > 3 W }`);
        expect(errors).toEqual([]);
        expect(items).toEqual([
            [['channels', '4', undefined], ['power', '5', 'W']],
            [['channels', '4', undefined], ['power', '1', 'kW']],
            [['power', '5', 'W'], ['channels', '4', undefined]],
            [['temperature', '228', 'K'], ['channels', '2', undefined]],
            [['channels', 'N/2', undefined], ['power', '2', 'W']],
            [['power', '1', 'kW'], ['power', '3', 'W']],
        ]);
    });

    test('the words that begin a bound are the grammar\'s comparators and `from`', () => {
        const comparator = services.Cld.Grammar.rules.find(rule => rule.name === 'Comparator');
        const keywords = AstUtils.streamAllContents(comparator!).filter(GrammarAST.isKeyword).map(k => k.value).toArray();
        expect([...BEGINS_BOUND].sort()).toEqual([...keywords, 'from'].sort());
    });

    test('a word followed by neither is the unit, even a parameter\'s name (validation then says the unit is unknown)', async () => {
        const { errors, items } = await thresholdsOf(`
      item a "A" { channels = 4 W "four" }
      item b "B" { channels = 4 power }`);
        expect(errors).toEqual([]);
        expect(items).toEqual([[['channels', '4', 'W']], [['channels', '4', 'power']]]);
    });
});
