import { type AstNode, type CompositeCstNode, type CstNode, type Grammar, GrammarAST, type LangiumParser, type ParseResult, AstUtils, isCompositeCstNode } from 'langium';
import { asComposite, forgetRange, hasParseErrors, movePiece } from './cst-surgery.js';
import { MAX_SOURCE_BYTES } from './documents.js';
import { type ControlList, isCategory, isControlList, isGroup } from './generated/ast.js';
import { type Steps } from './stepwise.js';
import { MAX_NESTING } from './parser-guard.js';

/**
 * The first parse of a large list, in pieces that let other requests through. Langium parses a
 * text in one synchronous stretch: a list at the 10 MB limit kept the server from answering
 * anything, even a hover in another file, for 3.4-4.9 s. A list is made of independent blocks
 * (entries, and the items directly in a munitions category; blocks.ts), so:
 *
 * 1. a scanner finds the blocks inside categories and groups (the token forms of the grammar's
 *    terminals, so that braces in texts and comments do not count);
 * 2. the list with every block blanked out (spaces, line breaks kept, so that every position
 *    stays) is parsed whole: the skeleton, a few thousand tokens;
 * 3. each block is parsed alone with the rule that parses it in place (`GroupMember`,
 *    `CategoryMember`), as an edited block is (incremental-parse.ts), moved to where it lies and
 *    put into its category or group in text order, with a pause between blocks.
 *
 * The result is the tree a full parse gives, or nothing (and the caller parses the whole text):
 * the skeleton and every block must parse without error; every block must lie between two
 * tokens of its category or group in the skeleton (so no text, comment or other construct was
 * blanked), start after a space or a brace (so the token before it cannot run on into it) and
 * end with `}` or `;` (which no token extends, and no rule looks past). Why that is the same
 * tree: outside the blocks the texts are equal, so the lexer finds the same tokens; inside a
 * block it starts at a token boundary and ends on one; and the parser enters and leaves each
 * block on the same tokens. A list with a syntax error anywhere, or an unusual shape, is parsed
 * whole as before. The tests compare it with a full parse on WA editions, the examples and mutated
 * lists (test/parser/parse-in-pieces.test.ts).
 *
 * The steps are a generator that yields where it may pause (after each block), so that a build
 * cancelled meanwhile (another document changed) can resume it rather than start again:
 * stepwise.ts's `inTurns` drives it.
 */
export function* parseInPieces(parser: LangiumParser, grammar: Grammar, text: string): Steps<ParseResult<ControlList> | undefined> {
    if (text.length > MAX_SOURCE_BYTES) return undefined;
    const spans: Span[] = [];
    const blanked: string[] = [];
    let copied = 0;
    const scan = blockSpans(text);
    for (let next = scan.next(); !next.done; next = scan.next()) {
        if (next.value === TOO_DEEP) return undefined;
        const span = next.value;
        spans.push(span);
        blanked.push(text.slice(copied, span.start), blank(text.slice(span.start, span.end)));
        copied = span.end;
        if ((spans.length & 255) === 0) yield;
    }
    if (spans.length === 0) return undefined;
    blanked.push(text.slice(copied));
    const skeleton = parser.parse<ControlList>(blanked.join(''));
    if (hasParseErrors(skeleton) || !isControlList(skeleton.value) || !skeleton.value.$cstNode) return undefined;
    yield;
    const root = skeleton.value;
    const parents = containersOf(root);
    const memberCall = { Category: memberRuleCall(grammar, 'Category'), Group: memberRuleCall(grammar, 'Group') };
    const lines = new LineCounter(text);
    const placed = new Map<AstNode, AstNode[]>();
    let p = 0;
    for (const span of spans) {
        while (p < parents.length && extentOf(parents[p].$cstNode!).end <= span.start) p++;
        // The innermost container: a group comes after its category.
        let parent: AstNode | undefined;
        for (let q = p; q < parents.length && extentOf(parents[q].$cstNode!).offset < span.start; q++) {
            if (span.end <= extentOf(parents[q].$cstNode!).end) parent = parents[q];
        }
        if (!parent || !liesBetweenTokens(bodyOf(parent), span)) return undefined;
        const call = isGroup(parent) ? memberCall.Group : memberCall.Category;
        const piece = parser.parse(text.slice(span.start, span.end), { rule: call.rule.ref!.name });
        const block = piece.value;
        if (hasParseErrors(piece) || !block.$cstNode || block.$cstNode.offset !== 0 || block.$cstNode.end !== span.end - span.start) return undefined;
        const { line, column } = lines.positionOf(span.start);
        movePiece(block.$cstNode, span.start, line, column);
        const composite = asComposite(block.$cstNode, parent.$cstNode!, call);
        (block as { $cstNode: CstNode }).$cstNode = composite;
        let blocks = placed.get(parent);
        if (!blocks) placed.set(parent, blocks = []);
        blocks.push(block);
        yield;
    }
    for (const [parent, blocks] of placed) putInPlace(parent, blocks);
    for (const node of [root.$cstNode!, ...parents.flatMap(parent => [parent.$cstNode!, bodyOf(parent)])]) forgetRange(node);
    (root.$cstNode!.root as unknown as { _text: string })._text = text;
    return { ...skeleton, value: root };
}

/**
 * Runs the steps of parseInPieces with `pause` between them. When `pause` throws (a cancelled
 * build), the steps stay where they are, and a later call goes on from there.
 */
interface Span { start: number; end: number }

const TOO_DEEP = Symbol('too deep');

/** Where a token of the scanner may begin a block: after a space, a brace, a `;` or at the start. */
const BLOCK_MAY_FOLLOW = /[\s{};]/;

/** Words that begin a member of a category or group: a block's header that meets one had no body. */
const MEMBER_WORDS = new Set(['entry', 'item', 'note', 'group', 'see', 'term', 'category', 'parameter', 'definitions']);

/**
 * What the scanner stops at: the characters that open texts, terms and comments, braces, `;`, and
 * the words that open categories, groups and members. Everything between is skipped in one jump.
 */
const STOPS = /["`'/{};]|\b(?:category|group|entry|item|note|see|term|parameter|definitions)\b/g;
const TEXT = /"(?:\\.|[^"\\])*"|`[^`]*`|'[^'\r\n]*'/y;
const LINE_END = /[\r\n]/g;

/**
 * The blocks inside categories and groups, in text order; TOO_DEEP when braces nest deeper than
 * the parser accepts (the whole parse then refuses it, with its own message). Texts, 'local
 * terms' and comments are skipped as the grammar's terminals (and parser-guard.ts) read them, so
 * that braces and words inside them do not count; what the scanner gets wrong, the checks in
 * parseInPieces catch.
 */
function* blockSpans(text: string): Generator<Span | typeof TOO_DEEP> {
    const stops = new RegExp(STOPS);
    const contexts: string[] = ['list'];
    let opening: string | undefined;
    // A block under way: where it began, and how deep its body is (0: still in its header).
    let block: { start: number; depth: number } | undefined;
    for (let m = stops.exec(text); m !== null; m = stops.exec(text)) {
        const stop = m[0];
        const at = m.index;
        if (stop === '"' || stop === '`' || stop === "'") {
            TEXT.lastIndex = at;
            if (TEXT.test(text)) stops.lastIndex = TEXT.lastIndex;
            continue;
        }
        if (stop === '/') {
            const next = text.charCodeAt(at + 1);
            if (next === 0x2a /* * */) {
                const close = text.indexOf('*/', at + 2);
                if (close < 0) return;
                stops.lastIndex = close + 2;
            } else if (next === 0x2f /* / */) {
                LINE_END.lastIndex = at;
                if (!LINE_END.test(text)) return;
                stops.lastIndex = LINE_END.lastIndex - 1;
            }
            continue;
        }
        if (block) {
            if (stop === '{') {
                if (contexts.length - 1 + ++block.depth > MAX_NESTING) yield TOO_DEEP;
            } else if (stop === '}' && block.depth > 0) {
                if (--block.depth === 0) { yield { start: block.start, end: at + 1 }; block = undefined; }
            } else if (stop === ';' && block.depth === 0) {
                yield { start: block.start, end: at + 1 };
                block = undefined;
            } else if (block.depth === 0 && (stop === '}' || MEMBER_WORDS.has(stop))) {
                // A bodyless block without `;`: left in the skeleton; this token is read again.
                block = undefined;
                stops.lastIndex = at;
            }
        } else if (stop === '{') {
            contexts.push(opening ?? 'other');
            opening = undefined;
            if (contexts.length - 1 > MAX_NESTING) yield TOO_DEEP;
        } else if (stop === '}') {
            if (contexts.length > 1) contexts.pop();
            opening = undefined;
        } else if (stop !== ';') {
            const context = contexts[contexts.length - 1];
            if (stop === 'category' && context === 'list') opening = 'category';
            else if (stop === 'group' && context === 'category') opening = 'group';
            else if ((stop === 'entry' || (stop === 'item' && context === 'category')) && (context === 'category' || context === 'group')
                && (at === 0 || BLOCK_MAY_FOLLOW.test(text[at - 1]))) block = { start: at, depth: 0 };
        }
    }
}

/** The list's categories and groups, in text order (each group after its category). */
function containersOf(root: ControlList): AstNode[] {
    const containers: AstNode[] = [];
    for (const member of root.members) {
        if (!isCategory(member) || !member.$cstNode) continue;
        containers.push(member);
        for (const child of member.members) if (isGroup(child) && child.$cstNode) containers.push(child);
    }
    return containers;
}

/** The rule call that parses a member in place: `members+=GroupMember` in `Group`, say. */
function memberRuleCall(grammar: Grammar, ruleName: string): GrammarAST.RuleCall {
    const rule = grammar.rules.find(r => r.name === ruleName);
    const assignment = rule && AstUtils.streamAllContents(rule).find((node: AstNode) => GrammarAST.isAssignment(node) && node.feature === 'members');
    if (!assignment || !GrammarAST.isAssignment(assignment) || !GrammarAST.isRuleCall(assignment.terminal)) throw new Error(`The grammar has no members+= in ${ruleName}`);
    return assignment.terminal;
}

/**
 * The CST node that holds a category's or group's own tokens and members: the node of the rule
 * (`Category`), inside the node of the rule call that reached it (`members+=CategoryMember`).
 */
function bodyOf(container: AstNode): CompositeCstNode {
    let node = container.$cstNode as CompositeCstNode;
    while (node.content.length === 1 && isCompositeCstNode(node.content[0])) node = node.content[0];
    return node;
}

/** Where a node's text begins and ends, comments at its edges included. */
function extentOf(node: CstNode): { offset: number; end: number } {
    let first = node;
    while (isCompositeCstNode(first) && first.content.length > 0) first = first.content[0];
    let last = node;
    while (isCompositeCstNode(last) && last.content.length > 0) last = last.content[last.content.length - 1];
    return { offset: first.offset, end: last.end };
}

/** Whether `span` lies between two of the container's own tokens or members (after its `{`, before its `}`). */
function liesBetweenTokens(container: CompositeCstNode, span: Span): boolean {
    const content = container.content;
    let low = 0;
    let high = content.length;
    // The first child that ends after the span begins.
    while (low < high) {
        const mid = (low + high) >> 1;
        if (extentOf(content[mid]).end <= span.start) low = mid + 1;
        else high = mid;
    }
    return low > 0 && low < content.length && span.end <= extentOf(content[low]).offset;
}

/** The blocks put among the container's members and CST children, in text order. */
function putInPlace(parent: AstNode, blocks: AstNode[]): void {
    const cst = bodyOf(parent);
    const content = mergeByOffset(cst.content, blocks.map(block => block.$cstNode!), node => extentOf(node).offset);
    for (const child of content) (child as { container: CompositeCstNode }).container = cst;
    (cst as unknown as { content: CstNode[] }).content = content;
    const owner = parent as AstNode & { members: AstNode[] };
    const members = mergeByOffset(owner.members, blocks, node => node.$cstNode!.offset);
    members.forEach((member, index) => Object.assign(member, { $container: parent, $containerProperty: 'members', $containerIndex: index }));
    owner.members = members;
}

function mergeByOffset<T>(first: readonly T[], second: readonly T[], offsetOf: (item: T) => number): T[] {
    const merged: T[] = [];
    let i = 0;
    let j = 0;
    while (i < first.length || j < second.length) {
        if (j >= second.length || (i < first.length && offsetOf(first[i]) < offsetOf(second[j]))) merged.push(first[i++]);
        else merged.push(second[j++]);
    }
    return merged;
}

/** A text's characters as spaces, its line breaks kept: every position after it stays where it was. */
function blank(text: string): string {
    return text.replace(/[^\r\n]+/g, run => ' '.repeat(run.length));
}

/** Line and column of offsets asked in increasing order, counting line breaks as the lexer does (\r\n, \r, \n). */
class LineCounter {
    private readonly breaks = /\r\n?|\n/g;
    /** Without \r, line breaks are found by indexOf, faster than a regular expression. */
    private readonly newlinesOnly: boolean;
    private line = 0;
    private lineStart = 0;

    constructor(private readonly text: string) {
        this.newlinesOnly = !text.includes('\r');
    }

    positionOf(offset: number): { line: number; column: number } {
        if (this.newlinesOnly) {
            for (let n = this.text.indexOf('\n', this.lineStart); n >= 0 && n < offset; n = this.text.indexOf('\n', n + 1)) {
                this.line++;
                this.lineStart = n + 1;
            }
        } else {
            this.breaks.lastIndex = this.lineStart;
            for (let m = this.breaks.exec(this.text); m !== null && m.index < offset; m = this.breaks.exec(this.text)) {
                this.line++;
                this.lineStart = this.breaks.lastIndex;
            }
        }
        return { line: this.line, column: offset - this.lineStart };
    }
}
