/** Word 97 property lists (grpprl): the property codes (sprm) and their operands. */

/** The property codes of a grpprl with their operands; the operand's length comes from the code's top three bits. */
export function* propertiesOf(grpprl: Buffer): Generator<{ sprm: number; operand: Buffer }> {
    let offset = 0;
    while (offset < grpprl.length - 1) {
        const sprm = grpprl.readUInt16LE(offset);
        offset += 2;
        const spra = sprm >> 13;
        let length = [1, 1, 2, 4, 2, 2, 0, 3][spra];
        // Variable length: a one-byte count, except the two table properties with a two-byte count.
        if (spra === 6) length = sprm === 0xd608 || sprm === 0xd606 ? (offset + 1 < grpprl.length ? grpprl.readUInt16LE(offset) + 1 : grpprl.length) : (grpprl[offset] ?? 0) + 1;
        yield { sprm, operand: grpprl.subarray(offset, offset + length) };
        offset += length;
    }
}

/**
 * The runs of a bin table's formatted disk pages (FKPs): each run's file positions [from, to)
 * and its property bytes' offset in the page (0: no properties). The bin table's place is read
 * from the FIB at `fibOffset` (fc, then lcb); `entrySize` is the size of a run's entry after the
 * positions: 1 byte for character runs (CHPX), 13 for paragraph runs (PAPX: offset and PHE).
 */
export function* fkpRuns(word: Buffer, table: Buffer, fibOffset: number, entrySize: number): Generator<{ from: number; to: number; page: Buffer; offset: number }> {
    const fc = word.readUInt32LE(fibOffset);
    const lcb = word.readUInt32LE(fibOffset + 4);
    if (lcb < 12 || fc + lcb > table.length) return;
    const pages = Math.floor((lcb - 4) / 8);
    for (let i = 0; i < pages; i++) {
        const number = table.readUInt32LE(fc + (pages + 1) * 4 + i * 4);
        const page = word.subarray(number * 512, number * 512 + 512);
        if (page.length < 512) continue;
        const count = page[511];
        for (let j = 0; j < count && (count + 1) * 4 + j * entrySize < 511; j++) {
            yield { from: page.readUInt32LE(j * 4), to: page.readUInt32LE(j * 4 + 4), page, offset: page[(count + 1) * 4 + j * entrySize] * 2 };
        }
    }
}
