import { LLkLookaheadStrategy, NonTerminal, Option, type ILookaheadStrategy, type IProduction, type IToken } from 'chevrotain';

/**
 * The parser's lookahead: one token, as Chevrotain computes it when the parser is built (rather
 * than Langium's default LL(*), which learns its lookahead while it parses: a first parse, as
 * every CLI command does, costs about 15 ms less on a WA edition, bench/parse-ratio.mjs). The
 * grammar needs one token everywhere but in one place (a rule that needed more would fail to
 * build, with Chevrotain's "Ambiguous Alternatives"):
 *
 * A unit is optional after a number, and both a unit and the next threshold's parameter are
 * words: in `channels = 4 power > 5 W` the parser took `power` for the unit of 4 and then stopped
 * at `>` ("Expected '}' but found '>'"). Chevrotain enters an optional part whenever its first
 * token fits, without looking at what follows; so before a unit it looks at the second token
 * too: a word followed by a comparator or `from` begins a threshold, never ends a unit.
 */
export class CldLookaheadStrategy extends LLkLookaheadStrategy {
    constructor() {
        super({ maxLookahead: 1 });
    }

    override buildLookaheadForOptional(options: Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0]): () => boolean {
        const enters = super.buildLookaheadForOptional(options);
        if (options.prodType !== 'Option' || !isOptionalUnit(findOption(options.rule.definition, options.prodOccurrence))) return enters;
        return function (this: { LA(howMuch: number): IToken }): boolean {
            return enters.call(this) && !(this.LA(1).tokenType.name === 'ID' && BEGINS_BOUND.has(this.LA(2).tokenType.name));
        };
    }
}

/** The tokens that begin a threshold's bound after its parameter (the grammar's Comparator and `from`). */
export const BEGINS_BOUND = new Set(['<', '<=', '>', '>=', '=', 'from']);

function findOption(productions: IProduction[], occurrence: number): Option | undefined {
    for (const production of productions) {
        if (production instanceof Option && production.idx === occurrence) return production;
        if (production instanceof NonTerminal) continue;
        const inner = (production as { definition?: IProduction[] }).definition;
        const found = inner ? findOption(inner, occurrence) : undefined;
        if (found) return found;
    }
    return undefined;
}

/** `(unit=Unit)?`: an optional part that begins with the Unit rule. */
function isOptionalUnit(option: Option | undefined): boolean {
    const first = option?.definition[0];
    return first instanceof NonTerminal && first.nonTerminalName.replace(/\u200B$/, '') === 'Unit';
}
