import { parseCode, toWassenaarCode } from '../code-syntax.js';
import type { FlatItem } from '../model/flat-items.js';

/**
 * What items of two lists are compared by: their codes in WA form, the category and group of a
 * code, and the items of one list by code and by parent (diff/match.ts pairs them).
 */

/** The code in WA form, the key codes are compared by. */
export function matchKey(code: string): string {
    // Asked for every item many times over (depths, parents, categories): parsed once per code.
    let key = matchKeys.get(code);
    if (key === undefined) {
        if (matchKeys.size >= MAX_CACHED_KEYS) matchKeys.clear();
        key = toWassenaarCode(code) ?? code;
        matchKeys.set(code, key);
    }
    return key;
}

const matchKeys = new Map<string, string>();
const MAX_CACHED_KEYS = 200_000;

/** The category of a code in WA form: `3`, `ML8`; `?` when the code is not one. */
export function categoryOf(code: string): string {
    return parseCode(matchKey(code))?.category ?? '?';
}

export function groupOf(code: string): string | undefined {
    const parsed = parseCode(matchKey(code));
    return parsed?.group ? `${parsed.category}${parsed.group}` : undefined;
}

/** Group E items (technology) of the dual-use list. */
export function isTechnology(item: FlatItem): boolean {
    return groupOf(item.code)?.endsWith('E') ?? false;
}

export function isReserved(item: FlatItem): boolean {
    return item.reserved !== undefined;
}

/** Each item's direct sub-items, in order. */
export function childrenByParent(items: FlatItem[]): Map<FlatItem, FlatItem[]> {
    const byCode = byKey(items);
    const children = new Map<FlatItem, FlatItem[]>();
    for (const item of items) {
        const key = matchKey(item.code);
        const parent = byCode.get(key.slice(0, key.lastIndexOf('.')));
        if (!parent || key.lastIndexOf('.') < 0) continue;
        const siblings = children.get(parent);
        if (siblings) siblings.push(item);
        else children.set(parent, [item]);
    }
    return children;
}

/** Each item by its code in WA form, the first of a code winning. */
export function byKey(items: FlatItem[]): Map<string, FlatItem> {
    const map = new Map<string, FlatItem>();
    for (const item of items) if (!map.has(matchKey(item.code))) map.set(matchKey(item.code), item);
    return map;
}
