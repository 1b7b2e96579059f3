import { type AstNode, CstUtils, GrammarAST, isLeafCstNode, type LangiumCoreServices, LangiumCompletionParser, type LangiumDocument, createParser } from 'langium';
import type { CompletionParserResult } from 'langium';
import { isBlock } from '../../language/src/blocks.js';

/**
 * Completion reads only the block the cursor is in. Langium's completion lexes the whole text and
 * parses everything before the cursor, on every request: a third of a second at ten times a WA
 * edition. Inside the braces of an entry (or of a munitions category's item), what may come next
 * depends only on the block's text before the cursor, parsed from the block's first token with
 * the rule that parsed it in place, as incremental-parse.ts reparses a block. Used only when
 * nothing before the block failed to parse (else the whole text is read, as before).
 */
export interface CompletionWindow {
    /** The text the window is in (the request's), to tell it from another request's. */
    text: string;
    /** The block's first and past-last offsets, and the offset just after its opening `{`. */
    start: number;
    end: number;
    bodyStart: number;
    /** The rule that parsed the block in place (CategoryMember, GroupMember). */
    rule: string;
}

export function completionWindow(document: LangiumDocument, offset: number): CompletionWindow | undefined {
    const root = document.parseResult.value;
    const leaf = root.$cstNode ? CstUtils.findLeafNodeBeforeOffset(root.$cstNode, offset) : undefined;
    let block: AstNode | undefined = leaf?.astNode;
    while (block && !isBlock(block)) block = block.$container;
    const cst = block?.$cstNode;
    if (!block || !cst || !GrammarAST.isRuleCall(cst.grammarSource)) return undefined;
    const rule = cst.grammarSource.rule.ref?.name;
    // The block's own `{` (not one of its items'): the first in its CST, which comes before theirs.
    const open = CstUtils.streamCst(cst).find(node => isLeafCstNode(node) && node.text === '{');
    if (!rule || !open || offset < open.end || offset >= cst.end) return undefined;
    // An error at the end of the text has no offset (-1 or NaN): it is after the block.
    const before = (position: number) => position >= 0 && position < cst.offset;
    const { lexerErrors, parserErrors } = document.parseResult;
    if (lexerErrors.some(e => before(e.offset)) || parserErrors.some(e => before(e.token.startOffset))) return undefined;
    return { text: document.textDocument.getText(), start: cst.offset, end: cst.end, bodyStart: open.end, rule };
}

/** Langium's completion parser, which can also start from another rule than the list's. */
export class CldCompletionParser extends LangiumCompletionParser {
    parseFrom(input: string, rule: string): CompletionParserResult {
        const main = this.mainRule;
        const start = this.allRules.get(rule);
        if (!start) throw new Error(`no rule ${rule}`);
        this.mainRule = start;
        try {
            return this.parse(input);
        } finally {
            this.mainRule = main;
        }
    }
}

export function createCldCompletionParser(services: LangiumCoreServices): CldCompletionParser {
    const parser = new CldCompletionParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
