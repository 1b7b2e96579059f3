// Draws images/icon.png (128x128, RGBA) without any dependency: shapes are rasterised with 4x4
// supersampling and written as a PNG with node:zlib. Run: node scripts/make-icon.mjs
// The picture: "CLD" over a nested list of items, one of them carrying an amber threshold bar.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // supersampling per axis

const NAVY_TOP = [30, 58, 110], NAVY_BOTTOM = [16, 32, 66];
const WHITE = [255, 255, 255], SKY = [140, 190, 255], AMBER = [255, 183, 3];

// 5x7 bitmap glyphs.
const GLYPHS = {
    C: ['01111', '10000', '10000', '10000', '10000', '10000', '01111'],
    L: ['10000', '10000', '10000', '10000', '10000', '10000', '11111'],
    D: ['11110', '10001', '10001', '10001', '10001', '10001', '11110']
};

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;

/** Layers, drawn in order; each is [inside(x, y), colour(x, y)]. */
const layers = [];
const background = roundedRect(4, 4, 124, 124, 22);
layers.push([background, (_x, y) => mix(NAVY_TOP, NAVY_BOTTOM, y / SIZE)]);

// "CLD": 5x7 cells of 4.4 px, letters 6 cells apart, centred.
const CELL = 4.4, LETTER = 6 * CELL, TEXT_W = 2 * LETTER + 5 * CELL;
const textX = (SIZE - TEXT_W) / 2, textY = 18;
['C', 'L', 'D'].forEach((ch, i) => {
    GLYPHS[ch].forEach((row, r) => [...row].forEach((bit, c) => {
        if (bit === '1') {
            const x = textX + i * LETTER + c * CELL, y = textY + r * CELL;
            layers.push([rect(x, y, x + CELL, y + CELL), () => WHITE]);
        }
    }));
});

// A nested list: bullet + line per item, indented by depth; the last item carries a threshold.
const rows = [
    { depth: 0, width: 70 },
    { depth: 1, width: 52 },
    { depth: 2, width: 22, threshold: true }
];
rows.forEach(({ depth, width, threshold }, i) => {
    const y = 62 + i * 18, x = 22 + depth * 14;
    layers.push([roundedRect(x, y, x + 8, y + 8, 2), () => (threshold ? AMBER : SKY)]);
    layers.push([roundedRect(x + 13, y + 2, x + 13 + width, y + 6, 2), () => SKY]);
    if (threshold) layers.push([roundedRect(x + 40, y - 1, x + 58, y + 9, 4), () => AMBER]);
});

function mix(a, b, t) { return a.map((v, k) => v + (b[k] - v) * t); }

function pixel(px, py) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
            const x = px + (sx + 0.5) / SS, y = py + (sy + 0.5) / SS;
            let colour;
            for (const [inside, paint] of layers) if (inside(x, y)) colour = paint(x, y);
            if (colour) { r += colour[0]; g += colour[1]; b += colour[2]; a += 1; }
        }
    }
    // Colour is averaged over covered samples (no dark fringe); alpha is the coverage.
    return a === 0 ? [0, 0, 0, 0] : [r / a, g / a, b / a, (255 * a) / (SS * SS)].map(Math.round);
}

function crc32(bytes) {
    let c = ~0;
    for (const byte of bytes) {
        c ^= byte;
        for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
}

function chunk(type, data) {
    const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
}

const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y++) {
    raw[y * (1 + SIZE * 4)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), y * (1 + SIZE * 4) + 1 + x * 4);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; // 8 bits per channel, RGBA
const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
]);
const out = new URL('../images/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
