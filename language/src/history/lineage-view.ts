/**
 * What the Entry History view and `cld history --format html` draw from a lineage: the words that
 * changed from one version to the next, and each threshold parameter's values per version in one
 * unit (for the step chart; exact values stay in the text).
 */
import { type WordSegment, wordDiff } from '../diff/words.js';
import { boundSummary } from '../export/export-format.js';
import type { FlatThreshold } from '../model/flat-items.js';
import { Rational } from '../quantities/rational.js';
import { lookupUnit } from '../quantities/units.js';
import type { Lineage } from './lineage.js';

export interface ChartPoint {
    /** The index of the version. */
    version: number;
    comparator: string;
    /** In the series' unit, for drawing only (exact values are in `text`). */
    value?: number;
    low?: number;
    high?: number;
    text: string;
}

export interface ChartSeries {
    parameter: string;
    unit?: string;
    points: ChartPoint[];
}

/** For each version, the word diff from the version before (null for the first, or where the text is the same). */
export function lineageWords(lineage: Lineage): Array<WordSegment[] | null> {
    return lineage.versions.map((v, i) => (i === 0 || v.text === lineage.versions[i - 1].text ? null : wordDiff(lineage.versions[i - 1].text, v.text)));
}

/** One series per threshold parameter, its values converted to the unit of its latest version. */
export function lineageCharts(lineage: Lineage): ChartSeries[] {
    const parameters = [...new Set(lineage.versions.flatMap(v => v.thresholds.map(t => t.parameter)))];
    return parameters.map(parameter => {
        const latest = [...lineage.versions].reverse().flatMap(v => v.thresholds).find(t => t.parameter === parameter);
        const unit = latest?.unit ?? latest?.high?.unit ?? latest?.low?.unit;
        const points: ChartPoint[] = [];
        lineage.versions.forEach((v, version) => {
            const bounds = v.thresholds.filter(x => x.parameter === parameter).map(t => point(version, t, unit));
            if (bounds.length > 0) points.push(combined(version, bounds));
        });
        return { parameter, unit, points };
    });
}

/** "> 6 GHz" and "<= 16 GHz" of one version are one band from 6 to 16; a single bound stays a step. */
function combined(version: number, bounds: ChartPoint[]): ChartPoint {
    if (bounds.length === 1) return bounds[0];
    const lows = bounds.flatMap(b => (b.comparator.startsWith('>') ? [b.value] : b.low !== undefined ? [b.low] : [])).filter((v): v is number => v !== undefined);
    const highs = bounds.flatMap(b => (b.comparator.startsWith('<') ? [b.value] : b.high !== undefined ? [b.high] : [])).filter((v): v is number => v !== undefined);
    const text = bounds.map(b => b.text).join(' and ');
    if (lows.length === 0 || highs.length === 0) return { ...bounds[0], text };
    return { version, comparator: 'range', low: Math.max(...lows), high: Math.min(...highs), text };
}

function point(version: number, t: FlatThreshold, unit: string | undefined): ChartPoint {
    const inUnit = (value: string | undefined, from: string | undefined) => convertForChart(value, from, unit);
    const text = t.comparator === 'from-to' ? `${t.low?.value} to ${t.high?.value} ${t.high?.unit ?? ''}`.trim() : boundSummary(t);
    return t.comparator === 'from-to'
        ? { version, comparator: t.comparator, low: inUnit(t.low?.value, t.low?.unit), high: inUnit(t.high?.value, t.high?.unit), text }
        : { version, comparator: t.comparator, value: inUnit(t.value, t.unit), text };
}

/** For drawing only: the exact conversion, then a float for the chart's axis. */
function convertForChart(value: string | undefined, from: string | undefined, to: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    try {
        const number = Rational.parse(value);
        const source = from ? lookupUnit(from) : undefined;
        const target = to ? lookupUnit(to) : undefined;
        if (!source || !target || source.dimension !== target.dimension) return Number(number.toDecimalString(12));
        return Number(number.mul(source.factor).add(source.offset).sub(target.offset).div(target.factor).toDecimalString(12));
    } catch {
        return undefined;
    }
}
