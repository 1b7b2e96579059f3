// Percentiles of measured times, by nearest rank: the q-th percentile of n values is the
// ceil(q * n)-th smallest. (Taking the floor(q * n)-th index, as the benchmarks once did, made the
// p95 of 20 runs their maximum.)

/** The q-th percentile (0 < q <= 1) of `sorted` (ascending); undefined when there are none. */
export function percentile(sorted, q) {
    if (sorted.length === 0) return undefined;
    return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1];
}
