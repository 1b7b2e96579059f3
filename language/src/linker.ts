import * as l10n from '@vscode/l10n';
import { type AstNodeDescription, DefaultLinker, type LangiumDocument, type LinkingError, type ReferenceInfo } from 'langium';
import { CancellationToken } from 'vscode-languageserver-protocol';
import { forEachReference } from './block-references.js';

/** Linking errors in a drafter's words: which code or parameter is missing, and where to look. */
export class CldLinker extends DefaultLinker {
    /** Langium's linking over its own streams, on the faster walk, each block's references collected once (block-references.ts). */
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        await forEachReference(document.parseResult.value, cancelToken, reference => this.doLink(reference, document));
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const name = refInfo.reference.$refText;
        const type = this.reflection.getReferenceType(refInfo);
        error.message = type === 'ParameterDecl'
            ? l10n.t("Parameter '{0}' is not declared: add `parameter {0}: <dimension> \"description\"` at the top of the list.", name)
            : l10n.t('No entry or item {0} in this list: `see` refers to codes of the same list.', name);
        return error;
    }
}
