import { describe, expect, test } from 'vitest';
import { parseHelper } from 'langium/test';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import type { ControlList } from '../../language/src/generated/ast.js';

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
