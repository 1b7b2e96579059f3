/** A synthetic CLD list of `entries` entries (five items each), for the benchmarks and the large-file test. */
export function syntheticList(entries: number): string;
