/**
 * The HTML of the Compare Editions view, from the diff the server sends. Kept apart from the
 * VS Code API so it can be tested and looked at in a plain browser. Every text is escaped;
 * the content security policy allows only this page's own nonce-tagged style and script.
 * Its words come from @vscode/l10n, which the extension configures with its display language's bundle.
 */
import * as l10n from '@vscode/l10n';
import { changeKindWord, directionWord } from '../../language/src/history/change-words.js';

export interface Change {
    kind: string;
    code: string;
    oldCode?: string;
    category: string;
    direction?: string;
    old?: string | string[];
    new?: string | string[];
    words?: Array<{ op: 'same' | 'removed' | 'added'; text: string }>;
}

export interface DiffResult {
    ok: true;
    diff: { old: { id?: string; file?: string }; new: { id?: string; file?: string }; warnings: string[]; summary: { counts: Record<string, number>; byCategory: Record<string, Record<string, number>> }; changes: Change[] };
    oldUri: string;
    newUri: string;
    oldLines: Record<string, number>;
    newLines: Record<string, number>;
}

export function escape(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function detail(change: Change): string {
    const list = (v: string | string[] | undefined) => escape((Array.isArray(v) ? v.join('; ') : v) ?? '');
    if (change.words) return change.words.map(w => (w.op === 'same' ? escape(w.text) : `<${w.op === 'removed' ? 'del' : 'ins'}>${escape(w.text)}</${w.op === 'removed' ? 'del' : 'ins'}>`)).join(' ');
    if (change.kind === 'renumbered') return `${escape(change.oldCode ?? '')} → ${escape(change.code)}`;
    if (change.kind === 'added') return `<ins>${list(change.new)}</ins>`;
    if (change.kind === 'removed') return `<del>${list(change.old)}</del>`;
    return `${list(change.old) || escape(l10n.t('(none)'))} → ${list(change.new) || escape(l10n.t('(none)'))}`;
}

const KINDS = ['added', 'removed', 'renumbered', 'reworded', 'threshold', 'tier', 'note', 'definition'];

export function compareHtml(cspSource: string, result: DiffResult, nonce: string): string {
    const { diff } = result;
    const categories = Object.keys(diff.summary.byCategory);
    const total = (c: string) => KINDS.reduce((sum, k) => sum + (diff.summary.byCategory[c][k] ?? 0), 0);
    const max = Math.max(1, ...categories.map(total));
    const bars = categories.map(c => `<div class="bar" title="${escape(l10n.t('{0}: {1} changes', c, total(c)))}"><span class="label">${escape(c)}</span>${KINDS.filter(k => diff.summary.byCategory[c][k]).map(k =>
        `<span class="seg ${k}" data-width="${((diff.summary.byCategory[c][k] / max) * 70).toFixed(2)}%"></span>`).join('')}<span class="n">${total(c)}</span></div>`).join('');
    const rows = diff.changes.map((c, i) => `<tr data-index="${i}" data-kind="${c.kind}" data-text="${escape(`${c.code} ${c.kind} ${changeKindWord(c.kind)} ${c.direction ?? ''} ${c.direction ? directionWord(c.direction) : ''} ${JSON.stringify(c.old ?? '')} ${JSON.stringify(c.new ?? '')}`.toLowerCase())}"><td>${escape(c.category)}</td><td><code>${escape(c.code)}</code></td><td>${escape(changeKindWord(c.kind))}${c.direction ? ` <span class="dir ${c.direction}">${escape(directionWord(c.direction))}</span>` : ''}</td><td>${detail(c)}</td></tr>`).join('');
    const counts = KINDS.filter(k => diff.summary.counts[k]).map(k => `${diff.summary.counts[k]} ${changeKindWord(k)}`).join(', ') || l10n.t('no changes');
    const directions = diff.summary.counts.tightened || diff.summary.counts.relaxed ? ` ${l10n.t('({0} tightened, {1} relaxed)', diff.summary.counts.tightened ?? 0, diff.summary.counts.relaxed ?? 0)}` : '';
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1em; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--vscode-panel-border); }
tr[data-index] { cursor: pointer; } tr[data-index]:hover { background: var(--vscode-list-hoverBackground); }
del { background: var(--vscode-diffEditor-removedTextBackground); } ins { background: var(--vscode-diffEditor-insertedTextBackground); text-decoration: none; }
.bar { display: flex; align-items: center; gap: 2px; margin: 2px 0; } .bar .label { width: 4em; } .bar .n { margin-left: 6px; opacity: .8; }
.seg { height: 12px; display: inline-block; } .added { background: #2e7d32; } .removed { background: #c62828; } .renumbered { background: #6a1b9a; } .reworded { background: #1565c0; }
.threshold { background: #ef6c00; } .tier { background: #00838f; } .note { background: #757575; } .definition { background: #8d6e63; }
tr.seg, td .seg { height: auto; } .dir { font-size: .85em; padding: 0 4px; border: 1px solid var(--vscode-panel-border); border-radius: 3px; }
.warning { border-left: 3px solid var(--vscode-editorWarning-foreground); padding-left: 8px; }
.filters { margin: 1em 0; display: flex; gap: 1em; flex-wrap: wrap; align-items: center; }
input[type=search] { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; }
</style></head><body>
<h2>${escape(diff.old.id ?? diff.old.file ?? '')} → ${escape(diff.new.id ?? diff.new.file ?? '')}</h2>
<p id="summary">${escape(counts + directions)}</p>
${diff.warnings.map(w => `<p class="warning">${escape(w)}</p>`).join('')}
<div class="chart">${bars}</div>
<div class="filters"><input type="search" id="filter" placeholder="${escape(l10n.t('Filter changes (code, words)…'))}" aria-label="${escape(l10n.t('Filter changes'))}">
${KINDS.filter(k => diff.summary.counts[k]).map(k => `<label><input type="checkbox" class="kind" value="${k}" checked> <span class="seg ${k}" data-width="10px"></span> ${escape(changeKindWord(k))}</label>`).join('')}</div>
<table><thead><tr>${[l10n.t('Category'), l10n.t('Code'), l10n.t('Change'), l10n.t('Detail')].map(h => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody id="changes">${rows}</tbody></table>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
// Widths are set here, not in style attributes, which the content security policy forbids.
document.querySelectorAll('[data-width]').forEach(e => { e.style.width = e.dataset.width; });
const rows = [...document.querySelectorAll('#changes tr')];
function apply() {
  const words = document.getElementById('filter').value.toLowerCase().split(/\\s+/).filter(Boolean);
  const kinds = new Set([...document.querySelectorAll('input.kind:checked')].map(i => i.value));
  for (const row of rows) row.hidden = !kinds.has(row.dataset.kind) || !words.every(w => row.dataset.text.includes(w));
}
document.getElementById('filter').addEventListener('input', apply);
document.querySelectorAll('input.kind').forEach(i => i.addEventListener('change', apply));
for (const row of rows) row.addEventListener('click', () => vscode.postMessage({ open: Number(row.dataset.index) }));
</script></body></html>`;
}
