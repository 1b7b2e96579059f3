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
