import type { AstNode } from 'langium';
import { fullCode } from './codes.js';
import { type Entry, isEntry, isItem } from './generated/ast.js';

export interface EffectiveTier {
    tier: string;
    /** The code of the entry, item or category the tier is declared on, when not the node itself. */
    inheritedFrom?: string;
}

/** The tiers of a node: its own, then those declared on the items and category around it. */
export function effectiveTiers(node: AstNode): EffectiveTier[] {
    const found: EffectiveTier[] = [];
    for (let n: AstNode | undefined = node; n; n = n.$container) {
        const spec = (n as Partial<Entry>).tiers;
        if (!spec) continue;
        const from = n === node ? undefined : isItem(n) || isEntry(n) ? fullCode(n) : (n as { code?: string }).code;
        for (const tier of spec.tiers) if (!found.some(f => f.tier === tier)) found.push({ tier, inheritedFrom: from });
    }
    return found;
}
