// The internal modules of word-extractor that ole-guard.ts patches and word-ole-fixes.ts extends.
declare module 'word-extractor/lib/ole-allocation-table.js' {
    const AllocationTable: unknown;
    export default AllocationTable;
}
declare module 'word-extractor/lib/word-ole-extractor.js' {
    const WordOleExtractor: unknown;
    export default WordOleExtractor;
}
declare module 'word-extractor/lib/buffer-reader.js' {
    const BufferReader: unknown;
    export default BufferReader;
}
declare module 'word-extractor/lib/filters.js' {
    export function clean(text: string): string;
}
