/**
 * word-extractor follows an OLE sector chain until it ends, and stops a chain only when a sector
 * points at itself. A damaged file whose chain loops through two or more sectors grows the chain
 * array until V8 aborts the whole process ("Fatal JavaScript invalid size error", exit 133): no
 * exception, no file named, and in the editor a dead language server. This replaces that one
 * method with one that stops at a loop or at more links than the table has sectors, and says the
 * file is damaged; everything else of word-extractor is unchanged.
 */
import AllocationTable from 'word-extractor/lib/ole-allocation-table.js';

const FREE = -1;

export class DamagedWordFile extends Error {
    constructor(reason: string) {
        super(reason);
        this.name = 'DamagedWordFile';
    }
}

interface Table { _table: number[] }

export function secIdChain(table: number[], start: number): number[] {
    const chain: number[] = [];
    const seen = new Set<number>();
    for (let secId = start; secId > FREE; secId = table[secId]) {
        if (seen.has(secId)) throw new DamagedWordFile(`the file is damaged: its sector chain from sector ${start} loops back to sector ${secId}`);
        if (!Number.isInteger(secId) || secId >= table.length) throw new DamagedWordFile(`the file is damaged: its sector chain from sector ${start} points outside the file (sector ${secId})`);
        seen.add(secId);
        chain.push(secId);
    }
    return chain;
}

let installed = false;

export function guardOleReader(): void {
    if (installed) return;
    installed = true;
    (AllocationTable as unknown as { prototype: { getSecIdChain(this: Table, start: number): number[] } }).prototype.getSecIdChain = function (start: number) {
        return secIdChain(this._table, start);
    };
}
