import { type AstNodeDescription, DefaultLinker, type LinkingError, type ReferenceInfo } from 'langium';

/** Linking errors in a drafter's words: which code or parameter is missing, and where to look. */
export class CldLinker extends DefaultLinker {
    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const name = refInfo.reference.$refText;
        const type = this.reflection.getReferenceType(refInfo);
        error.message = type === 'ParameterDecl'
            ? `Parameter '${name}' is not declared: add \`parameter ${name}: <dimension> "description"\` at the top of the list.`
            : `No entry or item ${name} in this list: \`see\` refers to codes of the same list.`;
        return error;
    }
}
