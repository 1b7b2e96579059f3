/** Exact rational numbers over bigint, always normalized (gcd 1, positive denominator). */
export class Rational {
    private constructor(readonly num: bigint, readonly den: bigint) {}

    static readonly ZERO = new Rational(0n, 1n);
    static readonly ONE = new Rational(1n, 1n);

    static of(num: bigint | number, den: bigint | number = 1n): Rational {
        let n = BigInt(num);
        let d = BigInt(den);
        if (d === 0n) throw new RangeError('division by zero');
        if (d < 0n) { n = -n; d = -d; }
        const g = gcd(n < 0n ? -n : n, d);
        return new Rational(n / g, d / g);
    }

    /** Parses a decimal as the grammar lexes it: `193`, `-0.35`, `1.5e-3`, `2e6`. */
    static parse(text: string): Rational {
        const m = /^([+-]?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(text.trim());
        if (!m) throw new SyntaxError(`'${text}' is not a decimal number`);
        const [, sign, whole, fraction = '', exponentText = '0'] = m;
        const exponent = Number(exponentText) - fraction.length;
        if (Math.abs(exponent) > 1000) throw new RangeError(`'${text}': exponent out of range`);
        let value = Rational.of(BigInt(whole + fraction));
        value = exponent >= 0 ? value.mul(Rational.of(10n ** BigInt(exponent))) : value.div(Rational.of(10n ** BigInt(-exponent)));
        return sign === '-' ? value.neg() : value;
    }

    add(o: Rational): Rational { return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den); }
    sub(o: Rational): Rational { return this.add(o.neg()); }
    mul(o: Rational): Rational { return Rational.of(this.num * o.num, this.den * o.den); }
    div(o: Rational): Rational {
        if (o.num === 0n) throw new RangeError('division by zero');
        return Rational.of(this.num * o.den, this.den * o.num);
    }
    neg(): Rational { return new Rational(-this.num, this.den); }
    abs(): Rational { return this.num < 0n ? this.neg() : this; }
    cmp(o: Rational): -1 | 0 | 1 {
        const d = this.num * o.den - o.num * this.den;
        return d < 0n ? -1 : d > 0n ? 1 : 0;
    }
    equals(o: Rational): boolean { return this.num === o.num && this.den === o.den; }
    isZero(): boolean { return this.num === 0n; }
    sign(): -1 | 0 | 1 { return this.num < 0n ? -1 : this.num > 0n ? 1 : 0; }
    isInteger(): boolean { return this.den === 1n; }

    /** True when the decimal expansion ends (the denominator has no prime factor but 2 and 5). */
    isTerminatingDecimal(): boolean {
        let d = this.den;
        while (d % 2n === 0n) d /= 2n;
        while (d % 5n === 0n) d /= 5n;
        return d === 1n;
    }

    /** Exact decimal when it terminates (`0.000000193`), else rounded to `digits` places with a trailing `…`. */
    toDecimalString(digits = 12): string {
        const negative = this.num < 0n;
        const n = negative ? -this.num : this.num;
        const whole = n / this.den;
        let rest = n % this.den;
        let fraction = '';
        for (let i = 0; rest !== 0n && i < (this.isTerminatingDecimal() ? 10000 : digits); i++) {
            rest *= 10n;
            fraction += (rest / this.den).toString();
            rest %= this.den;
        }
        const text = whole.toString() + (fraction ? '.' + fraction : '') + (rest !== 0n ? '…' : '');
        return negative ? '-' + text : text;
    }

    toString(): string { return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`; }
}

function gcd(a: bigint, b: bigint): bigint {
    while (b !== 0n) [a, b] = [b, a % b];
    return a === 0n ? 1n : a;
}
