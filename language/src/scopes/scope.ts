import { IntervalSet } from './interval-set.js';

/** A box: each named parameter constrained to a set of values (in base units); absent = any value. */
export type Box = ReadonlyMap<string, IntervalSet>;

export type ScopeComparison = 'broader' | 'narrower' | 'equal' | 'incomparable';

/**
 * What an item controls, as a union of boxes over its parameters. any-of is union, all-of is
 * intersection; comparison is exact, by subtracting boxes.
 */
export class Scope {
    private constructor(readonly boxes: readonly Box[]) {}

    static readonly EMPTY = new Scope([]);
    static readonly UNIVERSE = new Scope([new Map()]);

    static of(parameter: string, values: IntervalSet): Scope {
        return values.isEmpty() ? Scope.EMPTY : new Scope([new Map([[parameter, values]])]);
    }

    static anyOf(scopes: Scope[]): Scope {
        return new Scope(scopes.flatMap(s => s.boxes));
    }

    static allOf(scopes: Scope[]): Scope {
        return scopes.reduce((acc, s) => acc.intersect(s), Scope.UNIVERSE);
    }

    intersect(other: Scope): Scope {
        const boxes: Box[] = [];
        for (const a of this.boxes) for (const b of other.boxes) {
            const box = intersectBoxes(a, b);
            if (box) boxes.push(box);
        }
        return new Scope(boxes);
    }

    subtract(other: Scope): Scope {
        let pieces: Box[] = [...this.boxes];
        for (const b of other.boxes) pieces = pieces.flatMap(a => subtractBox(a, b));
        return new Scope(pieces);
    }

    isEmpty(): boolean { return this.boxes.length === 0; }
    isUniverse(): boolean { return Scope.UNIVERSE.subtract(this).isEmpty(); }
    isSubsetOf(other: Scope): boolean { return this.subtract(other).isEmpty(); }

    /** Parameters this scope constrains anywhere. */
    parameters(): string[] {
        return [...new Set(this.boxes.flatMap(b => [...b.keys()]))].sort();
    }
}

/** `a` compared with `b`: broader when a catches strictly more than b. */
export function compareScopes(a: Scope, b: Scope): ScopeComparison {
    const aInB = a.isSubsetOf(b);
    const bInA = b.isSubsetOf(a);
    if (aInB && bInA) return 'equal';
    if (bInA) return 'broader';
    if (aInB) return 'narrower';
    return 'incomparable';
}

function intersectBoxes(a: Box, b: Box): Box | undefined {
    const result = new Map(a);
    for (const [parameter, values] of b) {
        const combined = result.has(parameter) ? result.get(parameter)!.intersect(values) : values;
        if (combined.isEmpty()) return undefined;
        result.set(parameter, combined);
    }
    return result;
}

/** a \ b as disjoint boxes: peel off, parameter by parameter, the part of a outside b. */
function subtractBox(a: Box, b: Box): Box[] {
    if (!intersectBoxes(a, b)) return [a];
    const pieces: Box[] = [];
    let rest = new Map(a);
    for (const [parameter, values] of b) {
        const current = rest.get(parameter) ?? IntervalSet.ALL;
        const outside = current.subtract(values);
        if (!outside.isEmpty()) pieces.push(new Map(rest).set(parameter, outside));
        rest = new Map(rest).set(parameter, current.intersect(values));
    }
    return pieces;
}
