import { type AstNode, DefaultLangiumDocumentFactory, type LangiumDocument, type ParseResult, type URI } from 'langium';
import { reparseIncrementally } from './incremental-parse.js';

type CancellationToken = Parameters<DefaultLangiumDocumentFactory['update']>[1];

/**
 * Documents updated by reparsing only the block an edit falls in, when that gives the same tree
 * as a full parse (incremental-parse.ts); otherwise, and for a first parse, the whole text.
 */
export class IncrementalDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse each document had before the update under way, by URI. */
    private readonly previous = new Map<string, ParseResult<AstNode>>();

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
        return super.parseAsync<T>(uri, text, cancellationToken);
    }
}
