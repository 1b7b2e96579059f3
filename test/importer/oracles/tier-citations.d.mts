export interface CitedCodes { edition: string; sl: string[]; vsl: string[]; deleted: string[]; unparsed: string[] }
export function citedCodes(editionFolder: string): CitedCodes;
