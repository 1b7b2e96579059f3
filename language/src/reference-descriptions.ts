import { type AstNode, type AstNodeLocator, CstUtils, DefaultReferenceDescriptionProvider, type DocumentSegment, type LangiumCoreServices, type LangiumDocument, type Reference, type ReferenceDescription, type ReferenceInfo, type URI, UriUtils, isReference } from 'langium';
import { CancellationToken } from 'vscode-languageserver-protocol';
import { forEachReference } from './block-references.js';

/**
 * The index of a list's references (find references, rename), built as Langium does but on the
 * faster walk (block-references.ts), and small: a list at the size limit has over 100,000 references (a
 * parameter in every threshold), and Langium's descriptions, each with its source's path and its
 * segment written out, took about 80 MB. Here the source's path and the segment are worked out
 * when asked (find references asks for those of the references it found), and the targets' paths,
 * which the index compares, are shared strings.
 */
export class CldReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly locator: AstNodeLocator;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const paths = new Map<string, string>();
        const shared = (path: string) => paths.get(path) ?? (paths.set(path, path), path);
        await forEachReference(document.parseResult.value, cancelToken, info => {
            const reference = info.reference;
            if (reference.error) return;
            if (!isReference(reference)) {
                for (const description of this.createInfoDescriptions(info)) descriptions.push(description);
                return;
            }
            const target = reference.$nodeDescription;
            if (!reference.$refNode || !target) return;
            descriptions.push(new LazyReferenceDescription(info, document.uri, target.documentUri, shared(target.path), this.locator));
        });
        return descriptions;
    }
}

class LazyReferenceDescription implements ReferenceDescription {
    readonly local: boolean;

    constructor(private readonly info: ReferenceInfo, readonly sourceUri: URI, readonly targetUri: URI, readonly targetPath: string, private readonly locator: AstNodeLocator) {
        this.local = UriUtils.equals(targetUri, sourceUri);
    }

    get sourcePath(): string {
        return this.locator.getAstNodePath(this.info.container as AstNode);
    }

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment((this.info.reference as Reference).$refNode!);
    }
}
