import { Rational } from '../quantities/rational.js';
import { IntervalSet } from './interval-set.js';
import { Scope } from './scope.js';

/** The condition "is of this kind" ("aluminized compositions"): a condition of its own, as a formula is. */
export function kindScope(kind: string): Scope {
    return Scope.of(`kind ${kindKey(kind)}`, IntervalSet.point(Rational.ONE));
}

/** A kind as compared: in any case and spacing, and spelt -ised or -ized alike ("aluminised", 1997-2000; "aluminized", 2001-2012). */
export function kindKey(kind: string): string {
    return kind.normalize('NFKC').toLowerCase().replace(/(?<=[a-z])is(?=ed\b|ation\b|ing\b)/g, 'iz').replace(/\s+/g, ' ').trim();
}
