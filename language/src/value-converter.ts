import { type CstNode, DefaultValueConverter, type GrammarAST, type ValueType } from 'langium';

/**
 * Text comes in two spellings: "double-quoted" with backslash escapes, and `backquoted` taken
 * verbatim, so that WA text full of "defined terms" stays readable. Local terms keep no quotes.
 */
export class CldValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'STRING': return unquoteText(input);
            case 'LOCAL_TERM': return input.slice(1, -1);
            case 'NUMBER': case 'CODE': case 'ML_CODE': case 'DATE': return input;
            default: return super.runConverter(rule, input, cstNode);
        }
    }
}

export function unquoteText(source: string): string {
    if (source.startsWith('`')) return source.slice(1, -1);
    return source.slice(1, -1).replace(/\\(.)/gs, (_, ch: string) => ESCAPES[ch] ?? ch);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

/** Spells text the way a CLD writer would: backquotes when it holds a double quote, else double quotes. */
export function quoteText(text: string): string {
    if (text.includes('"') && !text.includes('`')) return '`' + text + '`';
    return '"' + text.replace(/[\\"]/g, ch => '\\' + ch).replace(/\n/g, '\\n').replace(/\t/g, '\\t') + '"';
}
