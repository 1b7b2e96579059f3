import { type AstNode, type AstNodeDescription, type AstNodeLocator, CstUtils, DefaultScopeComputation, type DocumentSegment, type LangiumCoreServices, type LangiumDocument, type LocalSymbols, MultiMap, type NameProvider, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver-protocol';
import { namedNodesInterruptibly } from './named-nodes.js';

/**
 * Entries and items are named by their full code (3B001.f.1.a), computed from the labels above
 * them, and are visible from anywhere in their own list. Parameters are list-wide too. Every
 * entry and item is exported as well, for workspace symbols; cross-references stay inside their
 * own list (see CldScopeProvider).
 */
export class CldScopeComputation extends DefaultScopeComputation {
    /** Both phases need the same descriptions; they are made once per parsed list (an edit makes a new AST). */
    private readonly descriptionsByRoot = new WeakMap<AstNode, AstNodeDescription[]>();

    override async collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        return this.describe(document, cancelToken);
    }

    override async collectLocalSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<LocalSymbols> {
        const root = document.parseResult.value;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        symbols.addAll(root, await this.describe(document, cancelToken));
        return symbols;
    }

    /** The list's named nodes described, walked in pieces (named-nodes.ts) the first time for a parsed list. */
    private async describe(document: LangiumDocument, cancelToken: CancellationToken): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        let descriptions = this.descriptionsByRoot.get(root);
        if (!descriptions) {
            descriptions = (await namedNodesInterruptibly(root, cancelToken)).map(([name, node]) => this.describeNode(node, name, document));
            this.descriptionsByRoot.set(root, descriptions);
        }
        return descriptions;
    }

    /** Each node's description, made once and kept while the node is (see describeNode). */
    private readonly descriptionsByNode = new WeakMap<AstNode, AstNodeDescription>();
    /** What a description needs to work out its place. */
    private readonly places: { locator: AstNodeLocator; names: NameProvider };

    constructor(services: LangiumCoreServices) {
        super(services);
        this.places = { locator: services.workspace.AstNodeLocator, names: this.nameProvider };
    }

    /**
     * Langium's description, with its place in the list (path, segments) worked out when asked,
     * from where the node is then: a node outlives edits above it (incremental-parse.ts), which
     * move it, and describing the 10,000 codes of a full WA edition anew was a tenth of a keystroke.
     */
    private describeNode(node: AstNode, name: string, document: LangiumDocument): AstNodeDescription {
        const known = this.descriptionsByNode.get(node);
        if (known && known.name === name && known.documentUri === document.uri) return known;
        const description = new LazyDescription(node, name, document.uri, this.places);
        this.descriptionsByNode.set(node, description);
        return description;
    }

}

/**
 * A description whose place is worked out when asked. Its getters are the class's, not each
 * object's: getters written in an object literal are new functions for every object, which made
 * the descriptions of a list at the size limit (135,000) take about 100 MB.
 */
class LazyDescription implements AstNodeDescription {
    readonly type: string;

    constructor(readonly node: AstNode, readonly name: string, readonly documentUri: URI, private readonly places: { locator: AstNodeLocator; names: NameProvider }) {
        this.type = node.$type;
    }

    get path(): string {
        return this.places.locator.getAstNodePath(this.node);
    }

    get nameSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.places.names.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}
