/**
 * The editor-side files of the extension: the TextMate grammar, the language configuration,
 * the snippets and the manifest's `contributes`.
 *
 * vscode-textmate and vscode-oniguruma are not dependencies of this project, so the grammar
 * is run here by a small TextMate interpreter on JavaScript RegExps (match, begin/end,
 * captures with nested patterns, includes). The grammar is written in the regex subset that
 * Oniguruma and JavaScript read alike; the first test keeps it that way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the grammar and manifests are read as loose JSON
const readJson = (file: string): any => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

const pkg = readJson('package.json');
const grammarPath: string = pkg.contributes.grammars[0].path;
const grammar: TmGrammar = readJson(grammarPath);

// ------------------------------------------------------------------ a small TextMate interpreter

interface Capture { name?: string; patterns?: TmRule[] }
interface TmRule {
    name?: string; contentName?: string; comment?: string;
    match?: string; begin?: string; end?: string;
    captures?: Record<string, Capture>; beginCaptures?: Record<string, Capture>; endCaptures?: Record<string, Capture>;
    patterns?: TmRule[]; include?: string;
}
interface TmGrammar { scopeName: string; patterns: TmRule[]; repository: Record<string, TmRule> }
interface Token { text: string; scopes: string[] }

const regexCache = new Map<string, RegExp>();
function compile(source: string): RegExp {
    let re = regexCache.get(source);
    if (!re) {
        re = new RegExp(source, 'dg'); // d: capture indices
        regexCache.set(source, re);
    }
    return re;
}

/** Flattens includes into the list of rules that can match at one place, in priority order. */
function resolve(rules: TmRule[], seen = new Set<TmRule>()): TmRule[] {
    const out: TmRule[] = [];
    for (const rule of rules) {
        if (rule.include) {
            if (rule.include === '$self' || rule.include === '$base') { out.push(...resolve(grammar.patterns, seen)); continue; }
            const target = grammar.repository[rule.include.replace(/^#/, '')];
            if (!target) throw new Error(`unknown include ${rule.include}`);
            if (seen.has(target)) continue;
            seen.add(target);
            out.push(...resolve([target], seen));
            seen.delete(target);
        } else if (rule.match || rule.begin) {
            out.push(rule);
        } else if (rule.patterns) {
            out.push(...resolve(rule.patterns, seen));
        }
    }
    return out;
}

const scopeNames = (name: string | undefined): string[] => (name ? name.split(/\s+/) : []);

interface Frame { rule: TmRule; scopes: string[] }

/** Tokenises lines the way VS Code does: line by line, begin/end rules carried across lines. */
function tokenize(source: string): Token[][] {
    const stack: Frame[] = [{ rule: { patterns: grammar.patterns }, scopes: [grammar.scopeName] }];
    return source.split(/\r?\n/).map(line => {
        const charScopes: string[][] = [];
        let pos = 0;
        while (pos <= line.length) {
            const frame = stack[stack.length - 1];
            const candidates: Array<{ rule: TmRule; isEnd: boolean; source: string }> = [];
            // The end pattern of the open rule goes first: on a tie it wins.
            if (frame.rule.end) candidates.push({ rule: frame.rule, isEnd: true, source: frame.rule.end });
            for (const rule of resolve(frame.rule.patterns ?? [])) {
                candidates.push({ rule, isEnd: false, source: (rule.match ?? rule.begin)! });
            }
            let best: { rule: TmRule; isEnd: boolean; m: RegExpExecArray } | undefined;
            for (const c of candidates) {
                const re = compile(c.source);
                re.lastIndex = pos;
                const m = re.exec(line);
                if (m && (!best || m.index < best.m.index)) best = { rule: c.rule, isEnd: c.isEnd, m };
            }
            if (!best) {
                for (let i = pos; i < line.length; i++) charScopes[i] = frame.scopes;
                break;
            }
            const { rule, isEnd, m } = best;
            for (let i = pos; i < m.index; i++) charScopes[i] = frame.scopes;
            const start = m.index, end = m.index + m[0].length;
            if (isEnd) {
                paint(charScopes, line, m, frame.scopes, rule.endCaptures ?? rule.captures);
                stack.pop();
            } else if (rule.begin) {
                const scopes = [...frame.scopes, ...scopeNames(rule.name)];
                paint(charScopes, line, m, scopes, rule.beginCaptures ?? rule.captures);
                stack.push({ rule, scopes: [...scopes, ...scopeNames(rule.contentName)] });
            } else {
                paint(charScopes, line, m, [...frame.scopes, ...scopeNames(rule.name)], rule.captures);
            }
            if (end === start && !rule.begin) {
                // An empty match that opens nothing: step on, or the loop would not end.
                if (start < line.length) charScopes[start] ??= frame.scopes;
                pos = start + 1;
            } else {
                pos = end;
            }
            if (pos >= line.length && !(rule.begin && end === start)) break;
        }
        return merge(line, charScopes);
    });
}

/** Gives each character of a match its scopes: the rule's, then each capture's (outer groups first). */
function paint(charScopes: string[][], line: string, m: RegExpExecArray, scopes: string[], captures?: Record<string, Capture>): void {
    const start = m.index, end = m.index + m[0].length;
    for (let i = start; i < end; i++) charScopes[i] = scopes;
    if (!captures) return;
    const indices = m.indices!;
    for (const key of Object.keys(captures).map(Number).sort((a, b) => a - b)) {
        const span = indices[key];
        if (!span) continue;
        const capture = captures[key];
        for (let i = span[0]; i < span[1]; i++) charScopes[i] = [...charScopes[i], ...scopeNames(capture.name)];
        if (capture.patterns) {
            // Capture patterns re-tokenise the captured text on its own.
            const text = line.slice(span[0], span[1]);
            const inner = tokenizeWith(text, capture.patterns);
            let offset = span[0];
            for (const token of inner) {
                for (let i = 0; i < token.text.length; i++) charScopes[offset + i] = [...charScopes[offset + i], ...token.scopes];
                offset += token.text.length;
            }
        }
    }
}

function tokenizeWith(text: string, patterns: TmRule[]): Token[] {
    const charScopes: string[][] = [];
    let pos = 0;
    const rules = resolve(patterns);
    while (pos < text.length) {
        let best: { rule: TmRule; m: RegExpExecArray } | undefined;
        for (const rule of rules) {
            const re = compile(rule.match ?? rule.begin!);
            re.lastIndex = pos;
            const m = re.exec(text);
            if (m && m[0].length > 0 && (!best || m.index < best.m.index)) best = { rule, m };
        }
        if (!best) break;
        for (let i = pos; i < best.m.index; i++) charScopes[i] = [];
        paint(charScopes, text, best.m, scopeNames(best.rule.name), best.rule.captures ?? best.rule.beginCaptures);
        pos = best.m.index + best.m[0].length;
    }
    for (let i = 0; i < text.length; i++) charScopes[i] ??= [];
    return merge(text, charScopes);
}

function merge(line: string, charScopes: string[][]): Token[] {
    const tokens: Token[] = [];
    for (let i = 0; i < line.length; i++) {
        const scopes = charScopes[i] ?? [];
        const last = tokens[tokens.length - 1];
        if (last && last.scopes.join(' ') === scopes.join(' ')) last.text += line[i];
        else tokens.push({ text: line[i], scopes });
    }
    return tokens;
}

/** The scopes of the token whose text is exactly `text` (the first one, or the nth). */
function scopesOf(tokens: Token[], text: string, nth = 0): string[] {
    const found = tokens.filter(t => t.text === text)[nth];
    if (!found) throw new Error(`no token '${text}' in ${JSON.stringify(tokens.map(t => t.text))}`);
    return found.scopes;
}
const line = (text: string): Token[] => tokenize(text)[0];

// ------------------------------------------------------------------ the grammar

function allRules(): TmRule[] {
    const out: TmRule[] = [];
    const walk = (rule: TmRule) => {
        out.push(rule);
        rule.patterns?.forEach(walk);
        for (const caps of [rule.captures, rule.beginCaptures, rule.endCaptures]) {
            for (const c of Object.values(caps ?? {})) c.patterns?.forEach(walk);
        }
    };
    grammar.patterns.forEach(walk);
    Object.values(grammar.repository).forEach(walk);
    return out;
}

describe('TextMate grammar', () => {
    it('has the scope name the manifest declares, and every include resolves', () => {
        expect(grammar.scopeName).toBe('source.cld');
        expect(pkg.contributes.grammars[0].scopeName).toBe(grammar.scopeName);
        for (const rule of allRules()) {
            if (rule.include && rule.include.startsWith('#')) expect(grammar.repository, rule.include).toHaveProperty(rule.include.slice(1));
        }
    });

    it('uses only regex syntax that Oniguruma and JavaScript read alike', () => {
        // Oniguruma-only syntax would silently mean something else (or nothing) in the tests.
        const onigurumaOnly = /\\[hHAzZGK]|\(\?>|[*+?}]\+|\\p\{|\(\?[imx]+[-:)]|\\x\{/;
        const sources = allRules().flatMap(r => [r.match, r.begin, r.end]).filter((s): s is string => !!s);
        expect(sources.length).toBeGreaterThan(20);
        for (const source of sources) {
            expect(() => new RegExp(source), source).not.toThrow();
            expect(onigurumaOnly.test(source), source).toBe(false);
        }
    });

    it('highlights every keyword of the Langium grammar', () => {
        const langium = readFileSync(path.join(root, 'language/src/cld.langium'), 'utf8').replace(/\/\/[^\n]*/g, '');
        const keywords = [...new Set([...langium.matchAll(/'([a-z][a-z-]*)'/g)].map(m => m[1]))];
        expect(keywords).toContain('entry');
        for (const keyword of keywords) {
            const scopes = line(keyword).flatMap(t => t.scopes);
            expect(scopes.some(s => /^(keyword|storage|constant\.language)\./.test(s)), `${keyword}: ${scopes.join(' ')}`).toBe(true);
        }
    });

    it('tokenises a list header', () => {
        const [l1, l2, l3, l4] = tokenize([
            'list "Examplia Unified Export Control List"',
            'edition "2025" date 2025-01-01',
            'numbering eccn                       // 3B001.f.1.a',
            'implements wassenaar "WA-LIST (21) 1"'
        ].join('\n'));
        expect(scopesOf(l1, 'list')).toContain('keyword.other.header.cld');
        expect(scopesOf(l1, 'Examplia Unified Export Control List')).toContain('string.quoted.double.cld');
        expect(scopesOf(l2, 'edition')).toContain('keyword.other.header.cld');
        expect(scopesOf(l2, '2025-01-01')).toContain('constant.numeric.date.cld');
        expect(scopesOf(l3, 'numbering')).toContain('keyword.other.header.cld');
        expect(scopesOf(l3, 'eccn')).toContain('constant.language.numbering.cld');
        expect(scopesOf(l3, ' 3B001.f.1.a')).toContain('comment.line.double-slash.cld');
        expect(scopesOf(l4, 'wassenaar')).toContain('constant.language.regime.cld');
    });

    it('tokenises an entry: its code, text, tier and combinator', () => {
        const tokens = line('entry 3B001 "Equipment for the manufacturing of semiconductor devices" tier dual-use any-of {');
        expect(scopesOf(tokens, 'entry')).toContain('storage.type.entry.cld');
        expect(scopesOf(tokens, '3B001')).toEqual(expect.arrayContaining(['entity.name.type.entry.cld', 'constant.other.code.eccn.cld']));
        expect(scopesOf(tokens, 'tier')).toContain('keyword.other.tier.cld');
        expect(scopesOf(tokens, 'dual-use')).toContain('constant.language.tier.cld');
        expect(scopesOf(tokens, 'any-of')).toContain('keyword.control.combinator.cld');
        expect(scopesOf(tokens, '{')).toContain('punctuation.section.block.begin.cld');
    });

    it('tokenises WA, ECCN and munitions codes as one token each', () => {
        const tokens = line('item a precedent 3.B.1.f.1.a { see 3B001.f.1.a see ML8.a.1 }');
        expect(scopesOf(tokens, '3.B.1.f.1.a')).toContain('constant.other.code.wassenaar.cld');
        expect(scopesOf(tokens, '3B001.f.1.a')).toContain('constant.other.code.eccn.cld');
        expect(scopesOf(tokens, 'ML8.a.1')).toContain('constant.other.code.munitions.cld');
        expect(scopesOf(tokens, 'precedent')).toContain('keyword.other.reference.cld');
        expect(scopesOf(tokens, 'see')).toContain('keyword.other.reference.cld');
        const ml = line('category ML8 "Energetic materials" tier munitions {');
        expect(scopesOf(ml, 'ML8')).toContain('entity.name.type.category.cld');
        expect(scopesOf(ml, 'munitions')).toContain('constant.language.tier.cld');
    });

    it('tokenises an item with a threshold: label, parameter, comparator, number, unit', () => {
        const tokens = line('    item a "A light source wavelength shorter than 193 nm" { wavelength < 193 nm }');
        expect(scopesOf(tokens, 'item')).toContain('storage.type.item.cld');
        expect(scopesOf(tokens, 'a')).toContain('entity.name.type.label.cld');
        expect(scopesOf(tokens, 'wavelength')).toContain('variable.other.parameter.cld');
        expect(scopesOf(tokens, '<')).toContain('keyword.operator.comparison.cld');
        expect(scopesOf(tokens, '193')).toContain('constant.numeric.cld');
        expect(scopesOf(tokens, 'nm')).toContain('keyword.other.unit.cld');
        // Inside text, numbers and units are just text.
        expect(scopesOf(tokens, 'A light source wavelength shorter than 193 nm')).toContain('string.quoted.double.cld');

        const numbered = line('item 1 "Align and expose" all-of {');
        expect(scopesOf(numbered, '1')).toContain('entity.name.type.label.cld');
        expect(scopesOf(numbered, 'all-of')).toContain('keyword.control.combinator.cld');
    });

    it('tokenises compound units, signs, ranges, and never takes a keyword for a unit', () => {
        const range = line('{ frequency from 1 GHz to 3 GHz }');
        expect(scopesOf(range, 'frequency')).toContain('variable.other.parameter.cld');
        expect(scopesOf(range, 'from')).toContain('keyword.other.range.cld');
        expect(scopesOf(range, 'to')).toContain('keyword.other.range.cld');
        expect(scopesOf(range, 'GHz', 1)).toContain('keyword.other.unit.cld');

        const units = line('{ accel >= 9.81 m/s^2 temp > -40 °C ratio <= 5 % rate = 1e9 bit/s }');
        expect(scopesOf(units, 'm/s^2')).toContain('keyword.other.unit.cld');
        expect(scopesOf(units, '-40')).toContain('constant.numeric.cld');
        expect(scopesOf(units, '°C')).toContain('keyword.other.unit.cld');
        expect(scopesOf(units, '%')).toContain('keyword.other.unit.cld');
        expect(scopesOf(units, '1e9')).toContain('constant.numeric.cld');

        // A word after a number is the next threshold's parameter when a comparator or `from`
        // follows it, as the parser reads it (language/src/lookahead.ts), else the number's unit.
        const unitless = line('{ channels = 4 power > 5 W count = 2 band from 1 GHz to 2 GHz }');
        expect(scopesOf(unitless, 'power')).toContain('variable.other.parameter.cld');
        expect(scopesOf(unitless, 'W')).toContain('keyword.other.unit.cld');
        expect(scopesOf(unitless, 'band')).toContain('variable.other.parameter.cld');
        expect(scopesOf(line('{ channels = 4 power }'), 'power')).toContain('keyword.other.unit.cld');

        const reserved = line('item c reserved since 2015 tier sensitive;');
        expect(scopesOf(reserved, 'reserved')).toContain('storage.modifier.reserved.cld');
        expect(scopesOf(reserved, '2015')).toContain('constant.numeric.cld');
        expect(scopesOf(reserved, 'tier')).toContain('keyword.other.tier.cld');
        expect(scopesOf(reserved, 'sensitive')).toContain('constant.language.tier.cld');
        expect(scopesOf(reserved, ';')).toContain('punctuation.terminator.cld');

        const count = line('{ channels = 4 }');
        expect(scopesOf(count, '4')).toContain('constant.numeric.cld');
        expect(scopesOf(count, '}')).toContain('punctuation.section.block.end.cld');
    });

    it('tokenises parameter declarations', () => {
        const tokens = line('parameter wavelength: length unit nm "Light source wavelength"');
        expect(scopesOf(tokens, 'parameter')).toContain('storage.type.parameter.cld');
        expect(scopesOf(tokens, 'wavelength')).toContain('entity.name.variable.parameter.cld');
        expect(scopesOf(tokens, 'length')).toContain('support.type.dimension.cld');
        expect(scopesOf(tokens, 'nm')).toContain('keyword.other.unit.cld');
        const accuracy = line('parameter accuracy: length unit µm');
        expect(scopesOf(accuracy, 'µm')).toContain('keyword.other.unit.cld');
    });

    it('highlights \\"defined terms\\", escapes and \'local terms\' in double-quoted text', () => {
        const tokens = line(String.raw`item b "A \"laser\" with an 'MRF' below the operator's limit\n" { mrf <= 45 nm }`);
        expect(scopesOf(tokens, 'laser')).toEqual(expect.arrayContaining(['string.quoted.double.cld', 'variable.other.term.defined.cld']));
        expect(scopesOf(tokens, '\\"', 0)).toContain('punctuation.definition.term.begin.cld');
        expect(scopesOf(tokens, 'MRF')).toContain('variable.other.term.local.cld');
        expect(scopesOf(tokens, '\\n')).toContain('constant.character.escape.cld');
        // An apostrophe inside a word is not a local term.
        expect(tokens.some(t => t.text.includes("operator's") && t.scopes.includes('string.quoted.double.cld'))).toBe(true);
        expect(tokens.find(t => t.text.includes("operator's"))!.scopes).not.toContain('variable.other.term.local.cld');
        // The string ends where it should: the threshold after it is code again.
        expect(scopesOf(tokens, 'mrf')).toContain('variable.other.parameter.cld');
    });

    it('highlights "defined terms" in backquoted text that spans lines', () => {
        const [l1, l2, l3] = tokenize([
            'entry 1C010 `Fibrous materials for "composite" structures,',
            "with an 'MRF' of \"laser\" grade:` tier dual-use {",
            'item a "x"'
        ].join('\n'));
        expect(scopesOf(l1, 'composite')).toEqual(expect.arrayContaining(['string.quoted.other.backtick.cld', 'variable.other.term.defined.cld']));
        expect(scopesOf(l2, 'MRF')).toContain('variable.other.term.local.cld');
        expect(scopesOf(l2, 'laser')).toContain('variable.other.term.defined.cld');
        expect(scopesOf(l2, 'tier')).toContain('keyword.other.tier.cld');
        expect(scopesOf(l2, 'tier')).not.toContain('string.quoted.other.backtick.cld');
        expect(scopesOf(l3, 'item')).toContain('storage.type.item.cld');
    });

    it('tokenises definitions, terms and notes', () => {
        const defs = line('definitions { term "laser" "An item that produces coherent light." }');
        expect(scopesOf(defs, 'definitions')).toContain('storage.type.structure.cld');
        expect(scopesOf(defs, 'term')).toContain('storage.type.term.cld');
        expect(scopesOf(defs, '"laser"')).toContain('entity.name.term.cld');
        const local = line("term 'MRF' \"Minimum resolvable feature\"");
        expect(scopesOf(local, "'MRF'")).toContain('entity.name.term.cld');
        for (const kind of ['note', 'nb', 'technical-note', 'decontrol-note']) {
            expect(scopesOf(line(`${kind} "See also 3A001."`), kind)).toContain('keyword.other.note.cld');
        }
    });

    it('tokenises comments, block comments across lines, and stops at their end', () => {
        const [l1, l2, l3] = tokenize(['/* a block comment', '   with entry 3B001 inside */ entry 3B002 {', '// line comment "not a string"'].join('\n'));
        expect(l1[0].scopes).toContain('punctuation.definition.comment.begin.cld');
        expect(scopesOf(l2, '   with entry 3B001 inside ')).toContain('comment.block.cld');
        expect(scopesOf(l2, '3B002')).toContain('entity.name.type.entry.cld');
        expect(l3.every(t => t.scopes.includes('comment.line.double-slash.cld'))).toBe(true);
    });

    it('tokenises the example lists without leaving code unscoped', () => {
        const dirs = ['examples/examplia', 'examples/wa-excerpt'].map(d => path.join(root, d)).filter(existsSync);
        for (const dir of dirs) {
            for (const file of readdirSync(dir).filter(f => f.endsWith('.cld'))) {
                const lines = tokenize(readFileSync(path.join(dir, file), 'utf8'));
                for (const tokens of lines) {
                    for (const token of tokens) {
                        // Outside strings and comments, every word belongs to some scope beyond the root.
                        if (/\w/.test(token.text) && token.scopes.length === 1) {
                            throw new Error(`${file}: '${token.text}' has no scope`);
                        }
                    }
                }
            }
        }
    });
});

// ------------------------------------------------------------------ language configuration

describe('language configuration', () => {
    const config = readJson(pkg.contributes.languages[0].configuration);
    const words = (text: string): string[] => text.match(new RegExp(config.wordPattern, 'g')) ?? [];

    it('keeps codes, decimals and hyphenated keywords together as one word', () => {
        expect(words('entry 3B001.f.1.a "x" tier dual-use any-of')).toEqual(['entry', '3B001.f.1.a', 'x', 'tier', 'dual-use', 'any-of']);
        expect(words('precedent 3.B.1.f.1.a see ML8.a.1')).toEqual(['precedent', '3.B.1.f.1.a', 'see', 'ML8.a.1']);
        expect(words('wavelength < 0.35 µm')).toEqual(['wavelength', '0.35', 'µm']);
    });

    it('comments, brackets and auto-closing pairs fit the language', () => {
        expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(config.brackets).toContainEqual(['{', '}']);
        const opens = config.autoClosingPairs.map((p: { open: string }) => p.open);
        expect(opens).toEqual(expect.arrayContaining(['{', '"', '`']));
        const increase = new RegExp(config.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
        expect(increase.test('    entry 3B001 "x" tier dual-use {')).toBe(true);
        expect(increase.test('    item a "x" { wavelength < 193 nm }')).toBe(false);
        expect(increase.test('    // a comment with {')).toBe(false);
        expect(decrease.test('    }')).toBe(true);
        expect(new RegExp(config.folding.markers.start).test('// #region Category 3')).toBe(true);
        expect(new RegExp(config.folding.markers.end).test('  // #endregion')).toBe(true);
    });
});

// ------------------------------------------------------------------ snippets

describe('snippets', () => {
    const snippetsFile: string = pkg.contributes.snippets[0].path;
    const snippets: Record<string, { prefix: string | string[]; body: string | string[]; description: string }> = readJson(snippetsFile);

    it('each has a prefix, a body and a description, with well-formed placeholders', () => {
        expect(Object.keys(snippets).length).toBeGreaterThanOrEqual(7);
        for (const [name, snippet] of Object.entries(snippets)) {
            const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
            expect(prefixes.length, name).toBeGreaterThan(0);
            prefixes.forEach(p => expect(p, name).toMatch(/^[a-z][a-z-]*$/));
            expect(typeof snippet.description, name).toBe('string');
            const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
            // Every `${` closes, ignoring escaped braces.
            let depth = 0;
            for (let i = 0; i < body.length; i++) {
                if (body[i] === '\\') { i++; continue; }
                if (body[i] === '$' && body[i + 1] === '{') { depth++; i++; }
                else if (body[i] === '}' && depth > 0) depth--;
            }
            expect(depth, `${name}: unbalanced placeholder`).toBe(0);
            // Choices offer only words the grammar knows.
            for (const m of body.matchAll(/\$\{\d+\|([^|]*)\|\}/g)) expect(m[1].split(',').length, name).toBeGreaterThan(1);
        }
    });

    it('cover the brief: header, category with group, entry, item, threshold, definitions, note', () => {
        const bodies = Object.values(snippets).map(s => (Array.isArray(s.body) ? s.body.join('\n') : s.body));
        for (const start of ['list ', 'category ', 'entry ', 'item ', 'definitions {', '${1|note,nb,']) {
            expect(bodies.some(b => b.startsWith(start)), start).toBe(true);
        }
        expect(bodies.some(b => b.includes('group '))).toBe(true);
        expect(bodies.some(b => /\$\{2\|<,<=,>,>=,=\|\}/.test(b))).toBe(true);
    });

    it('expand to text the TextMate grammar reads as CLD', () => {
        // Replace placeholders by their defaults (first choice), then tokenise: no word stays unscoped.
        for (const snippet of Object.values(snippets)) {
            const body = (Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body)
                .replace(/\$CURRENT_YEAR/g, '2025')
                .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
                .replace(/\$\{\d+:([^}]*)\}/g, '$1')
                .replace(/\$\d+/g, '')
                .replace(/\\\}/g, '}');
            for (const tokens of tokenize(body)) {
                for (const token of tokens) {
                    if (/\w/.test(token.text)) expect(token.scopes.length, `'${token.text}' in\n${body}`).toBeGreaterThan(1);
                }
            }
        }
    });
});

// ------------------------------------------------------------------ the manifest

describe('package.json contributes', () => {
    const c = pkg.contributes;

    it('refers to files that exist', () => {
        const files = [
            ...c.languages.map((l: { configuration: string }) => l.configuration),
            ...c.grammars.map((g: { path: string }) => g.path),
            ...c.snippets.map((s: { path: string }) => s.path),
            pkg.icon,
            pkg.main.replace(/^\.\//, '').replace(/^out\/.*/, 'client/src/extension.ts')
        ];
        for (const file of files) expect(existsSync(path.join(root, file)), file).toBe(true);
    });

    it('declares the cld language and the activation on it', () => {
        expect(c.languages[0]).toMatchObject({ id: 'cld', extensions: ['.cld'] });
        expect(c.grammars[0].language).toBe('cld');
        expect(c.snippets[0].language).toBe('cld');
        expect(pkg.activationEvents).toContain('onLanguage:cld');
    });

    it('declares only commands the client registers, and every command it registers', () => {
        const sources = readdirSync(path.join(root, 'client/src')).filter(f => f.endsWith('.ts'));
        const client = sources.map(f => readFileSync(path.join(root, 'client/src', f), 'utf8')).join('\n');
        const registered = [...client.matchAll(/registerCommand\('([^']+)'/g)].map(m => m[1]).sort();
        const declared = c.commands.map((cmd: { command: string }) => cmd.command).sort();
        expect(declared).toEqual(registered);
        for (const cmd of c.commands) expect(cmd.title.length).toBeGreaterThan(0);
    });

    it('describes every setting, under the cld section the client synchronises', () => {
        const client = readFileSync(path.join(root, 'client/src/extension.ts'), 'utf8');
        expect(client).toContain("configurationSection: 'cld'");
        for (const [key, setting] of Object.entries<Record<string, unknown>>(c.configuration.properties)) {
            expect(key).toMatch(/^cld\./);
            expect(setting.description ?? setting.markdownDescription, key).toBeTruthy();
            expect(setting, key).toHaveProperty('default');
        }
        expect(c.configuration.properties['cld.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
    });
});
