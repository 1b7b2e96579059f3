import { type AstNode, createLangiumParser, type LangiumCoreServices, type LangiumParser, type ParseResult } from 'langium';
import { MAX_SOURCE_BYTES } from './documents.js';

/**
 * The parser, refusing texts over the size limit with one clear error instead of parsing them:
 * a multi-megabyte paste must not freeze the editor. (The CLI checks bytes before reading; the
 * editor only has the text, so this counts characters, which is close enough for a guard.)
 */
export function createSizeGuardedParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]): ParseResult<T> => {
        if (input.length <= MAX_SOURCE_BYTES) return parse<T>(input, options);
        const empty = parse<T>('', options);
        const size = (input.length / 1048576).toFixed(1);
        return {
            ...empty,
            parserErrors: [],
            lexerErrors: [{ offset: 0, line: 1, column: 1, length: 1, message: `This file is ${size} MB; CLD checks files of at most ${MAX_SOURCE_BYTES / 1048576} MB. Split the list into smaller files.` }]
        };
    };
    return parser;
}
