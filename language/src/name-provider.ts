import { type AstNode, type CstNode, DefaultNameProvider, GrammarUtils } from 'langium';
import { fullCode } from './codes.js';
import { isCategory, isEntry, isItem, isTermDef } from './generated/ast.js';

/**
 * Names as CLD understands them: an entry or item is named by its full code (3B001.f.1.a), and its
 * name node is the code (entries) or the label (items); terms by their quoted name.
 */
export class CldNameProvider extends DefaultNameProvider {
    override getName(node: AstNode): string | undefined {
        if (isEntry(node) || isItem(node)) return fullCode(node);
        if (isCategory(node)) return node.code;
        if (isTermDef(node)) return node.name ?? node.localName;
        return super.getName(node);
    }

    override getNameNode(node: AstNode): CstNode | undefined {
        if (isItem(node)) return GrammarUtils.findNodeForProperty(node.$cstNode, 'label');
        if (isEntry(node) || isCategory(node)) return GrammarUtils.findNodeForProperty(node.$cstNode, 'code');
        if (isTermDef(node)) return GrammarUtils.findNodeForProperty(node.$cstNode, node.name !== undefined ? 'name' : 'localName');
        return super.getNameNode(node);
    }
}
