import { expect } from 'vitest';
import { matchKey } from '../../language/src/diff/match-keys.js';
import type { PrecedentHistory } from '../../language/src/history/lineage.js';

/**
 * The lineage agrees with the pairwise diffs it chains: every change the diff of two consecutive
 * editions reports for an item is in that item's lineage, in the later edition's year.
 */
export function expectLineagesAgreeWithDiffs(history: PrecedentHistory, every = 1): number {
    let checked = 0;
    for (let k = 0; k < history.editions.length - 1; k++) {
        const changes = history.step(k).diff.changes.filter(c => c.kind !== 'definition');
        changes.forEach((change, i) => {
            if (i % every !== 0) return;
            const removed = change.kind === 'removed';
            const lineage = history.lineage(change.code, removed ? k : k + 1);
            expect(lineage, `${change.kind} ${change.code} in ${history.editions[k + 1].id}`).toBeDefined();
            const found = lineage!.changes.some(c => c.kind === change.kind && c.listId === history.editions[k + 1].id && matchKey(c.code) === matchKey(change.code));
            expect(found, `${change.kind} ${change.code} in ${history.editions[k + 1].id}`).toBe(true);
            checked++;
        });
    }
    // Versions cover consecutive editions, each edition once.
    for (const item of history.editions[history.editions.length - 1].list.items) {
        const lineage = history.lineage(item.code)!;
        const ids = lineage.versions.flatMap(v => v.editions);
        const indexes = ids.map(id => history.editions.findIndex(e => e.id === id));
        expect(indexes).toEqual(indexes.map((_, i) => indexes[0] + i));
    }
    return checked;
}
