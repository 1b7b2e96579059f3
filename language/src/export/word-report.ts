/**
 * Reports as Word documents (.docx, with the `docx` library): the follow memo, `cld diff` and
 * `cld conformance --format docx`. Each report is first a list of blocks (headings, paragraphs,
 * tables whose cells hold runs of text), so one renderer writes them all; a change of words is
 * shown as struck (removed) and underlined (inserted) text, as Word's own tracked changes look.
 */
import type { Paragraph, Table, TextRun } from 'docx';
import type { ConformanceReport, FindingKind } from '../conformance/conformance.js';
import { KIND_WORDS } from '../conformance/conformance-format.js';
import { type Change, type ListDiff } from '../diff/diff.js';
import { describeChange, listName } from '../diff/diff-format.js';
import { wordDiff, type WordSegment } from '../diff/words.js';
import type { Lineage, LineageVersion } from '../history/lineage.js';
import type { FollowedItem, FollowResult } from '../national/follow.js';
import { thresholdSummary } from './export-format.js';

export interface Run {
    text: string;
    bold?: boolean;
    removed?: boolean;
    added?: boolean;
}

export type Block =
    | { heading: string; level: 1 | 2 }
    | { paragraph: Run[] }
    | { table: { header: string[]; rows: Run[][][] } };

type Docx = typeof import('docx');

export async function wordDocument(title: string, blocks: Block[]): Promise<Uint8Array> {
    // Loaded when a Word document is written (most commands never do): docx is a tenth of the CLI's bundle.
    const docx = await import('docx');
    const { Document, HeadingLevel, Packer, Paragraph } = docx;
    const children: Array<Paragraph | Table> = [new Paragraph({ text: title, heading: HeadingLevel.TITLE })];
    for (const block of blocks) {
        if ('heading' in block) children.push(new Paragraph({ text: block.heading, heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 }));
        else if ('paragraph' in block) children.push(new Paragraph({ children: block.paragraph.map(run => textRun(docx, run)) }));
        else children.push(table(docx, block.table.header, block.table.rows));
    }
    const document = new Document({ title, creator: 'cld', sections: [{ children }] });
    return Packer.toBuffer(document);
}

function table(docx: Docx, header: string[], rows: Run[][][]): Table {
    const { Paragraph, Table, TableCell, TableRow, WidthType } = docx;
    const cell = (runs: Run[]) => new TableCell({ children: [new Paragraph({ children: runs.map(run => textRun(docx, run)) })] });
    return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [new TableRow({ tableHeader: true, children: header.map(h => cell([{ text: h, bold: true }])) }), ...rows.map(row => new TableRow({ children: row.map(cell) }))],
    });
}

function textRun(docx: Docx, run: Run): TextRun {
    return new docx.TextRun({ text: run.text, bold: run.bold, strike: run.removed, underline: run.added ? {} : undefined, color: run.removed ? 'B00020' : run.added ? '1B5E20' : undefined });
}

const plain = (text: string | undefined): Run[] => [{ text: text ?? '' }];

/** A text's change as runs: the words removed struck, those added underlined. */
export function wordRuns(segments: WordSegment[]): Run[] {
    return segments.map(s => ({ text: `${s.text} `, removed: s.op === 'removed', added: s.op === 'added' }));
}

// ------------------------------------------------------------------ the follow memo

export function followMemoBlocks(result: FollowResult): Block[] {
    const blocks: Block[] = [{ paragraph: [{ text: `${result.applied.length} taken over, ${result.departures.length + result.removed.length} waiting for a decision, ${result.added.length} new WA items added; ${result.leftOut.length} WA items left out and ${result.nationalOnly.length} national items of its own, kept.` }] }];
    const section = (title: string, items: FollowedItem[]) => {
        if (items.length === 0) return;
        blocks.push({ heading: title, level: 1 }, {
            table: {
                header: ['Item', 'WA change', 'National text', 'Thresholds (WA before -> now; national)'],
                rows: items.map(item => [
                    plain(item.nationalCode ? `${item.nationalCode} (WA ${item.waCode})` : `WA ${item.after?.code ?? item.waCode}`),
                    item.before && item.after ? wordRuns(wordDiff(item.before.text ?? '', item.after.text ?? '')) : plain(item.after?.text ?? item.before?.text),
                    plain(item.national?.text),
                    plain(thresholdsCell(item)),
                ]),
            },
        });
    };
    section('Taken over', result.applied);
    section('Waiting for a decision: WA changes not applied', result.departures);
    section('Waiting for a decision: removed by the WA', result.removed);
    section('New WA items, added as skeletons', result.added);
    return blocks;
}

function thresholdsCell(item: FollowedItem): string {
    const limits = (v: { thresholds: string[] } | undefined) => (v ? v.thresholds.join('; ') || '-' : '');
    const wa = [item.before, item.after].filter(v => v !== undefined).map(limits).join(' -> ');
    return item.national ? `WA: ${wa}; national: ${limits(item.national)}` : `WA: ${wa}`;
}

// ------------------------------------------------------------------ cld diff

export function diffBlocks(diff: ListDiff): Block[] {
    const blocks: Block[] = [{ paragraph: [{ text: `${listName(diff.old)} -> ${listName(diff.new)}: ${diff.changes.length} changes.` }] }];
    for (const warning of diff.warnings) blocks.push({ paragraph: [{ text: `Note: ${warning}`, bold: true }] });
    const categories = [...new Set(diff.changes.map(c => c.category))];
    for (const category of categories) {
        blocks.push({ heading: `Category ${category}`, level: 1 }, {
            table: { header: ['Item', 'Change', 'What changed'], rows: diff.changes.filter(c => c.category === category).map(change => [plain(change.code), plain(kindOf(change)), changeRuns(change)]) },
        });
    }
    return blocks;
}

function kindOf(change: Change): string {
    return change.kind === 'threshold' && change.direction ? `threshold ${change.direction}` : change.kind;
}

function changeRuns(change: Change): Run[] {
    if (change.words) return wordRuns(change.words);
    return plain(describeChange(change).replace(/^\S+\s/, ''));
}

// ------------------------------------------------------------------ cld history

export function lineageBlocks(lineage: Lineage): Block[] {
    const years = (v: LineageVersion) => (v.years.length > 1 ? `${v.years[0]}-${v.years[v.years.length - 1]}` : String(v.years[0] ?? ''));
    return [
        { paragraph: [{ text: `${lineage.versions.length} version(s), ${lineage.changes.length} change(s).` }] },
        { heading: 'Versions', level: 1 },
        {
            table: {
                header: ['Years', 'Code', 'Text (changes from the version before)', 'Thresholds'],
                rows: lineage.versions.map((v, i) => [plain(years(v)), plain(v.code),
                    v.reserved !== undefined ? plain('reserved') : i > 0 ? wordRuns(wordDiff(lineage.versions[i - 1].text ?? '', v.text ?? '')) : plain(v.text),
                    plain(v.thresholds.map(thresholdSummary).join('; ') || '-')]),
            },
        },
        { heading: 'Changes', level: 1 },
        { table: { header: ['Year', 'Edition', 'Item', 'Change'], rows: lineage.changes.map(c => [plain(String(c.year ?? '')), plain(c.listId), plain(c.code), plain([c.kind, c.parameter, c.direction, c.from !== undefined || c.to !== undefined ? `${c.from ?? '-'} -> ${c.to ?? '-'}` : ''].filter(Boolean).join(' '))]) } },
    ];
}

// ------------------------------------------------------------------ cld conformance

export function conformanceBlocks(report: ConformanceReport): Block[] {
    const kindTitle = (kind: FindingKind) => KIND_WORDS[kind];
    const blocks: Block[] = [];
    for (const problem of report.problems) blocks.push({ paragraph: [{ text: `Note: ${problem}`, bold: true }] });
    const kinds = [...new Set(report.findings.map(f => f.kind))];
    blocks.push({ heading: 'Summary', level: 1 }, { table: { header: ['Finding', 'Items'], rows: kinds.map(kind => [plain(kindTitle(kind)), plain(String(report.findings.filter(f => f.kind === kind).length))]) } });
    for (const kind of kinds.filter(k => k !== 'equal')) {
        blocks.push({ heading: kindTitle(kind), level: 1 }, {
            table: {
                header: ['National item', 'WA item', 'Text (WA -> national)', 'Thresholds (WA; national)'],
                rows: report.findings.filter(f => f.kind === kind).map(f => [
                    plain(f.nationalCode ?? '-'), plain(f.waCode ?? '-'),
                    f.waText !== undefined && f.nationalText !== undefined ? wordRuns(f.words ?? wordDiff(f.waText, f.nationalText)) : plain(f.waText ?? f.nationalText),
                    plain(`${f.waThresholds.join('; ') || '-'}; ${f.nationalThresholds.join('; ') || '-'}`),
                ]),
            },
        });
    }
    return blocks;
}
