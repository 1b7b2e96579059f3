export interface Phrase { start: number; end: number; text: string; form: string }
export function detectPhrases(text: string): Phrase[];
export function recallOf(cldText: string): { phrases: number; covered: number; recall: number; misses: Array<Phrase & { line: number; path: string; itemText: string }> };
export function comparatorProblems(cldText: string): Array<{ line: number; phrase: string; comparator: string; expected: string }>;
