/**
 * The import report (`cld import --report text|json`): per edition, what was read and what was
 * made of it, so a reader can check the counts against the documents.
 */
import type { ImportResult } from './import-edition.js';

export interface EditionReport {
    edition: string;
    file?: string;
    counts: ImportResult['counts'];
    withdrawnThresholds: number;
    validation: { errors: number; warnings: number };
    warnings: Array<{ where: string; message: string }>;
}

export function editionReport(result: ImportResult, file?: string): EditionReport {
    return {
        edition: result.model.listId,
        file,
        counts: result.counts,
        withdrawnThresholds: result.withdrawnThresholds,
        validation: { errors: result.check.errors.length, warnings: result.check.warnings },
        warnings: result.model.warnings,
    };
}

export function reportText(report: EditionReport): string {
    const c = report.counts;
    const lines = [`${report.edition}${report.file ? ` -> ${report.file}` : ''}`];
    lines.push(`  parts: ${c.parts.length} (${c.parts.map(p => p.kind).join(', ')})`);
    lines.push('  category   entries  items  reserved');
    for (const category of c.categories) {
        lines.push(`  ${category.code.padEnd(9)} ${String(category.entries).padStart(8)} ${String(category.items).padStart(6)} ${String(category.reserved).padStart(9)}`);
    }
    const totalItems = c.categories.reduce((n, k) => n + k.entries + k.items, 0);
    lines.push(`  items in all: ${totalItems}; by tier: ${Object.entries(c.tiers).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    lines.push(`  Sensitive List: ${c.sensitiveList.applied} codes applied, ${c.sensitiveList.unresolved} not found, ${c.sensitiveList.withdrawn} "not used"`);
    lines.push(`  Very Sensitive List: ${c.verySensitiveList.applied} codes applied, ${c.verySensitiveList.unresolved} not found, ${c.verySensitiveList.withdrawn} "not used"`);
    lines.push(`  notes: ${c.notes}; definitions: ${c.definitions}`);
    lines.push(`  threshold phrases: ${c.phrasesSeen} seen, ${c.phrasesParsed} parsed (${percent(c.phrasesParsed, c.phrasesSeen)}), ${c.phrasesSeen - c.phrasesParsed} not parsed; ${c.thresholds} thresholds written, ${report.withdrawnThresholds} taken back by validation; ${c.guessedExponents} exponents read from flattened superscripts; ${c.unexpressedPhrases} unions or complements ("below A or above B") not written, as CLD cannot state them yet`);
    lines.push(`  validation: ${report.validation.errors} error(s), ${report.validation.warnings} warning(s)`);
    lines.push(`  import warnings: ${report.warnings.length}`);
    for (const warning of report.warnings) lines.push(`    ${warning.where}: ${warning.message}`);
    return lines.join('\n');
}

function percent(part: number, whole: number): string {
    return whole === 0 ? '-' : `${Math.round((1000 * part) / whole) / 10}%`;
}
