import { DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription } from 'langium';
import { CancellationToken } from 'vscode-languageserver-protocol';
import { forEachAstNodeInterruptibly, referencesOf } from './ast-walk.js';

/** The index of a list's references (find references, rename), built as Langium does but on the faster walk (ast-walk.ts). */
export class CldReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await forEachAstNodeInterruptibly(document.parseResult.value, cancelToken, node => {
            for (const reference of referencesOf(node)) {
                if (reference.reference.error) continue;
                for (const description of this.createInfoDescriptions(reference)) descriptions.push(description);
            }
        });
        return descriptions;
    }
}
