import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { termsDefinedIn } from '../../language/src/note-definitions.js';

// Which terms a note defines in words (note-definitions.ts), over generated notes: a term that
// begins a sentence or clause and is followed by what says it is defined, is defined; the same
// term and words after a phrase that does not begin a clause are not. The worked cases from the
// WA and EU documents are in structure-rules.test.ts.

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 /-]{0,38}[A-Za-z0-9]$/);
const clauseStart = fc.constantFrom('', '1. ', 'Technical Note: ', 'Technical Notes: 2. ', 'For the purposes of 3A001.a., ', 'In 1A227 the term ', 'For the purposes of 3E004 ', 'the ', 'A ', 'Single mode refers to one, while ', 'ON APP\n');
const notClause = fc.constantFrom('where the ', 'having a ', 'uses of the ', 'equipment for ', 'The rate of ');
const definer = fc.constantFrom(' means a thing', ' is the radial displacement', ' are bundles', ' refers to wavelengths', ' consists of layers', ' includes repair', ': data or set of data', ' - in a circular distribution', ' (out-of-true running) is the displacement', ' in 3A001 means the item', ' denotes the elimination of microbes', ' = horizontal FOV / number of elements');
const quotes = fc.constantFrom(["'", "'"], ['‘', '’']);

describe('terms a note defines in words, over generated notes', () => {
    test('a quoted term beginning a clause, then what defines it, is defined', () => {
        fc.assert(fc.property(name, clauseStart, definer, quotes, (term, start, words, [open, close]) => {
            expect(termsDefinedIn(`Note. ${start}${open}${term}${close}${words}.`)).toContain(term);
        }));
    });

    test('the same after words that do not begin a clause is not', () => {
        fc.assert(fc.property(name, notClause, definer, (term, before, words) => {
            expect(termsDefinedIn(`Note: ${before}'${term}'${words}.`)).not.toContain(term);
        }));
    });

    test('the terms right after "For the purposes of <where>," are defined whatever words follow; under a heading "For the purposes of <where>:", so is each numbered paragraph\'s term', () => {
        const anyWords = fc.constantFrom(' should be measured per ASTM E-139', ' have the ability to lay tape', ' axes control the position', ' materials are those', ' equals one half of the sum');
        fc.assert(fc.property(name, name, anyWords, fc.constantFrom('1B001.b.', '1.C.5.', 'ML4.b.2.', '5A002.a. Note 2.a.2.'), (a, b, words, where) => {
            expect(termsDefinedIn(`Technical Note: For the purposes of ${where}, '${a}'${words}.`)).toContain(a);
            expect(termsDefinedIn(`Technical Note: For the purposes of ${where}, a '${a}'${words}.`)).toContain(a);
            expect(termsDefinedIn(`For the purposes of ${where}, '${a}', or '${b}',${words}.`)).toEqual(expect.arrayContaining([a, b]));
            expect(termsDefinedIn(`For the purpose of ${where}, the '${a}' and '${b}'${words}.`)).toEqual(expect.arrayContaining([a, b]));
            expect(termsDefinedIn(`Technical Notes: For the purposes of ${where}: 1. '${a}'${words}. 2. '${b}'${words}.`)).toEqual(expect.arrayContaining([a, b]));
            // Not after other words, nor a numbered paragraph with no such heading.
            expect(termsDefinedIn(`For the purposes of ${where}, equipment having a '${a}'${words}.`)).not.toContain(a);
            expect(termsDefinedIn(`Technical Notes: 1. Equipment of any kind. 2. '${a}'${words}.`)).not.toContain(a);
        }));
    });

    test('worked cases: a code alone before the term, "the phrase"', () => {
        expect(termsDefinedIn("Technical Note: For the purposes of 1C005 'filaments' may be in wire, cylinder, film, tape or ribbon form.")).toEqual(['filaments']);
        expect(termsDefinedIn("Technical Note: The phrase alloys 'capable of' encompasses alloys before or after heat treatment.")).toEqual(['capable of']);
        expect(termsDefinedIn("Note: 3A201.b. does not control magnets exported 'as parts of' imaging systems. The phrase 'as part of' does not necessarily mean physical part.")).toEqual(['as part of']);
        // Words, not a code, before the term: it is only mentioned.
        expect(termsDefinedIn("For the purposes of equipment having a 'scan direction' defined as the axis.")).toEqual([]);
    });

    test('a term beginning a Technical Note, or a numbered paragraph of one, is defined whatever words follow; beginning another note, it is not', () => {
        const anyWords = fc.constantFrom(' should be determined using ASTM D-257', ' materials in 1.C.3.c. are those materials', ' components are designed to limit crack growth', ' non-space-qualified arrays are only specified by 6.A.2.a.3.f');
        fc.assert(fc.property(name, name, anyWords, fc.constantFrom('', 'Technical Note: ', 'Technical Notes: 1. ', '1. '), (a, b, words, heading) => {
            expect(termsDefinedIn(`${heading}'${a}'${words}.`, { technicalNote: true })).toContain(a);
            expect(termsDefinedIn(`${heading}'${a}' and '${b}'${words}.`, { technicalNote: true })).toEqual(expect.arrayContaining([a, b]));
            expect(termsDefinedIn(`Secondary axes are not counted. 2. '${a}'${words}. 3. An '${b}'${words}.`, { technicalNote: true })).toEqual(expect.arrayContaining([a, b]));
            // Another note beginning with the term only says something of it, unless its words carry a Technical Note's heading.
            if (!heading.startsWith('Technical')) expect(termsDefinedIn(`${heading}'${a}'${words}.`)).not.toContain(a);
            else expect(termsDefinedIn(`${heading}'${a}'${words}.`)).toContain(a);
            // Inside a sentence, even of a Technical Note: mentioned, not defined.
            expect(termsDefinedIn(`Equipment having a '${a}'${words}.`, { technicalNote: true })).not.toContain(a);
        }));
    });

    test('worked cases read wherever they stand: "is defined as", "=", "are considered \'X\' when", a heading "ON \'X\' (\'Y\')"', () => {
        // 6.A.2.a.3.d's Technical Note: the second term after "and the".
        expect(termsDefinedIn("For the purposes of 6.A.2.a.3.d., 'cross-scan direction' is defined as the axis parallel to the array and the 'scan direction' is defined as the axis perpendicular to it.")).toEqual(['cross-scan direction', 'scan direction']);
        // WA 2007's "'Vertical IFOV'= ..." (no space before "=") at a line's start; not after other words.
        expect(termsDefinedIn("'Horizontal IFOV' = horizontal FOV/number of horizontal detector elements\n'Vertical IFOV'= vertical FOV/number of vertical detector elements.")).toEqual(['Horizontal IFOV', 'Vertical IFOV']);
        expect(termsDefinedIn("The rate of 'Vertical IFOV'= 5 mrad.")).toEqual([]);
        expect(termsDefinedIn("Sensors are considered 'geographically dispersed' when each location is distant from any other more than 1,500 m in any direction.")).toEqual(['geographically dispersed']);
        expect(termsDefinedIn("ON 'ADJUSTED PEAK PERFORMANCE' ('APP')\n'APP' is an adjusted peak rate at which \"digital computers\" perform additions.")).toEqual(['APP', 'ADJUSTED PEAK PERFORMANCE']);
        // Said of the term, not defining it: not read.
        expect(termsDefinedIn("Equipment whose 'scan direction' is defined by 6.A.2. Equipment is considered 'portable' by weight. See ON 'APP' in Category 4.")).toEqual([]);
    });

    test('worked cases: "\'X\' described in <code> include", "a so-called \'X\'", "the words \'X\' and \'Y\'", the numbered paragraphs of a table\'s notes', () => {
        expect(termsDefinedIn("'Imaging cameras' described in 6.A.3.b.4 include \"focal plane arrays\" combined with electronics.")).toEqual(['Imaging cameras']);
        expect(termsDefinedIn("a. Are formed by deposition processes in or on a single semiconducting piece of material, a so-called 'chip';")).toEqual(['chip']);
        expect(termsDefinedIn("Metals and alloys\nUnless provision to the contrary is made, the words 'metals' and 'alloys' cover crude and semi-fabricated forms.")).toEqual(['metals', 'alloys']);
        for (const dash of ['-', '–']) {
            const notes = `TABLE - DEPOSITION TECHNIQUES ${dash} NOTES\n1. The term 'coating process' includes coating repair.\n11. 'Polymers', as follows: polyimide, polyester.\n13. 'Titanium alloys' refers only to aerospace alloys.`;
            expect(termsDefinedIn(notes)).toEqual(['coating process', 'Polymers', 'Titanium alloys']);
            // Without the heading, numbered paragraphs of a note only mention their terms.
            expect(termsDefinedIn(notes.replace(/^.*\n/, 'Table:\n'))).toEqual(['coating process']);
        }
    });

    test('after "For the purposes of <where>," one word may come before the term, and a short form in brackets after it', () => {
        fc.assert(fc.property(name, name, fc.constantFrom('core', 'nominal', 'total'), (a, b, word) => {
            expect(termsDefinedIn(`For the purposes of 6.C.5., the ${word} '${a}' ('${b}') is measured at the emission wavelengths of the fibre.`)).toEqual(expect.arrayContaining([a, b]));
            // Two words: the term is only mentioned.
            expect(termsDefinedIn(`For the purposes of 6.C.5., the ${word} fibre '${a}' is measured at the emission wavelengths.`)).not.toContain(a);
        }));
    });

    test('each numbered paragraph under a Technical Note heading inside a text, and an N.B. beginning a term\'s definition, are about their term', () => {
        fc.assert(fc.property(name, name, fc.constantFrom(' may take forms such as instruction', ' should be measured per ASTM E-139', ' means proteins'), (a, b, words) => {
            // "Technology" (WA): "... Technical Notes\n1. 'Technical data' may take forms ...\n2. 'Technical assistance' may take forms ...".
            expect(termsDefinedIn(`Specific information.\nTechnical Notes\n1. '${a}'${words}.\n2. '${b}'${words}.`)).toEqual(expect.arrayContaining([a, b]));
            // The EU's: "N.B.1. 'Technical assistance' may take forms ...", and WA 1997's "N.B.1 'Anti-idiotypic antibodies' means ...".
            expect(termsDefinedIn(`Specific information. N.B.1. '${a}'${words}. N.B.2 '${b}'${words}.`, { termDefinition: true })).toEqual(expect.arrayContaining([a, b]));
            // Not an N.B. of a note ("'Microbolometer' ... are only specified by ..."), nor numbered paragraphs without the heading.
            expect(termsDefinedIn(`N.B.1. '${a}' non-space-qualified arrays are only specified by 6.A.2.a.3.f.`)).not.toContain(a);
            expect(termsDefinedIn(`Specific information.\n1. '${a}' non-space-qualified arrays are only specified by 6.A.2.a.3.f.`)).not.toContain(a);
        }));
    });

    test('"defined terms" in double quotes count only where the caller asks (a definition moved into a note)', () => {
        fc.assert(fc.property(name, clauseStart, definer, (term, start, words) => {
            const text = `${start}"${term}"${words}.`;
            expect(termsDefinedIn(text)).not.toContain(term);
            expect(termsDefinedIn(text, { anyQuotes: true })).toContain(term);
        }));
    });
});
