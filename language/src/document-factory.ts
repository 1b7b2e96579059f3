import { type AstNode, DefaultLangiumDocumentFactory, type LangiumDocument, type ParseResult, type URI, interruptAndCheck } from 'langium';
import { reparseIncrementally } from './incremental-parse.js';
import { type ControlList } from './generated/ast.js';
import { parseInPieces } from './parse-in-pieces.js';
import { type Steps, inTurns } from './stepwise.js';

/**
 * Texts at least this long are first parsed in pieces (parse-in-pieces.ts), letting other
 * requests through: a parse of 1 MB takes about 0.3 s in one stretch. Below it, in pieces costs
 * more than it saves (a quarter more time on a WA edition, 0.7 MB, for stretches of 0.2 s).
 */
export const PARSE_IN_PIECES_FROM = 1024 * 1024;

type CancellationToken = Parameters<DefaultLangiumDocumentFactory['update']>[1];

/**
 * Documents updated by reparsing only the block an edit falls in, when that gives the same tree
 * as a full parse (incremental-parse.ts); a large text otherwise parsed block by block with
 * pauses (parse-in-pieces.ts); and the rest as one whole text.
 */
export class IncrementalDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse each document had before the update under way, by URI. */
    private readonly previous = new Map<string, ParseResult<AstNode>>();
    /**
     * The parse in pieces under way or stopped by a cancelled build. Opening or typing into another
     * document cancels the build; starting a large list's parse again each time, it might never end.
     * One at a time: a stopped one is dropped when another list or another text is read.
     */
    private reading: { uri: string; text: string; steps: Steps<ParseResult<ControlList> | undefined> } | undefined;

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const uri = document.uri.toString();
        this.previous.set(uri, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.previous.delete(uri);
        }
    }

    override parseAsync<T extends AstNode = AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const previous = this.previous.get(uri.toString());
        const oldText = previous?.value.$cstNode?.root.fullText;
        if (previous && oldText !== undefined) {
            const parser = this.serviceRegistry.getServices(uri).parser.LangiumParser;
            const reparsed = reparseIncrementally(parser, previous, oldText, text);
            if (reparsed) return Promise.resolve(reparsed as unknown as ParseResult<T>);
        }
        if (text.length >= PARSE_IN_PIECES_FROM) return this.parseLargeText<T>(uri, text, cancellationToken);
        return super.parseAsync<T>(uri, text, cancellationToken);
    }

    private async parseLargeText<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const key = uri.toString();
        if (this.reading?.uri !== key || this.reading.text !== text) {
            const services = this.serviceRegistry.getServices(uri);
            this.reading = { uri: key, text, steps: parseInPieces(services.parser.LangiumParser, services.Grammar, text) };
        }
        const reading = this.reading;
        // A cancelled build leaves `reading` where it stopped; the next build of the same text goes on from there.
        const pieces = await inTurns(reading.steps, () => interruptAndCheck(cancellationToken));
        if (this.reading === reading) this.reading = undefined;
        return pieces ? pieces as unknown as ParseResult<T> : super.parseAsync<T>(uri, text, cancellationToken);
    }
}

