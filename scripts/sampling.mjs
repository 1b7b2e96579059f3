// Seeded random draws for the fidelity samples of docs/fidelity.md, so that a sample can be drawn
// again from its seed.

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** `count` distinct elements of `list` drawn uniformly with `random`, in the list's order. */
export function draw(list, count, random) {
    const chosen = new Set();
    while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(random() * list.length));
    return [...chosen].sort((a, b) => a - b).map(i => list[i]);
}
