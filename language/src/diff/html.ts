/**
 * The pieces of the standalone HTML reports: escaping, a page with a strict content security
 * policy (no scripts, styles inline), and bar charts drawn as SVG so the file needs nothing else.
 */

export function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
del { background: #fde2e2; text-decoration: line-through; } ins { background: #dff5e1; text-decoration: none; }
.warning { background: #fff4e5; border-left: 4px solid #ef6c00; padding: 6px 10px; }
.dir { font-size: 0.85em; padding: 0 4px; border-radius: 3px; } .dir.tightened { background: #fbe0d8; } .dir.relaxed { background: #e0f2e2; }
.legend span { display: inline-block; margin-right: 1em; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
svg text { font: 11px system-ui, sans-serif; fill: #333; }
@media (prefers-color-scheme: dark) { body { background: #1e1e1e; color: #ddd; } svg text { fill: #ccc; } th, td { border-color: #444; } del { background: #5a1e1e; } ins { background: #1e4a26; } .warning { background: #3a2a10; } }
`;

export function htmlPage(title: string, body: string): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export interface BarSeries {
    name: string;
    colour: string;
    values: number[];
}

/** Stacked bars, one per label, each series a colour; with a legend. */
export function barChart(labels: string[], series: BarSeries[], options: { barWidth?: number; height?: number } = {}): string {
    const barWidth = options.barWidth ?? 28;
    const gap = Math.max(6, Math.round(barWidth / 3));
    const height = options.height ?? 180;
    const totals = labels.map((_, i) => series.reduce((sum, s) => sum + s.values[i], 0));
    const max = Math.max(1, ...totals);
    const left = 36, bottom = 70, top = 10;
    // Room on the right for the last label, written at 45 degrees.
    const width = left + labels.length * (barWidth + gap) + gap + 70;
    const scale = (v: number) => (v / max) * height;
    const parts: string[] = [];
    labels.forEach((label, i) => {
        const x = left + gap + i * (barWidth + gap);
        let y = top + height;
        for (const s of series) {
            const h = scale(s.values[i]);
            if (h > 0) parts.push(`<rect x="${x}" y="${(y - h).toFixed(1)}" width="${barWidth}" height="${h.toFixed(1)}" fill="${s.colour}"><title>${escapeHtml(`${label}: ${s.values[i]} ${s.name}`)}</title></rect>`);
            y -= h;
        }
        if (totals[i] > 0) parts.push(`<text x="${x + barWidth / 2}" y="${(y - 3).toFixed(1)}" text-anchor="middle">${totals[i]}</text>`);
        parts.push(`<text transform="translate(${x + barWidth / 2},${top + height + 8}) rotate(45)">${escapeHtml(label)}</text>`);
    });
    parts.push(`<line x1="${left}" y1="${top + height}" x2="${width}" y2="${top + height}" stroke="#888"/>`);
    parts.push(`<text x="${left - 4}" y="${top + 10}" text-anchor="end">${max}</text><text x="${left - 4}" y="${top + height}" text-anchor="end">0</text>`);
    const legend = series.filter(s => s.values.some(v => v > 0)).map(s => `<span><i style="background:${s.colour}"></i>${escapeHtml(s.name)}</span>`).join('');
    return `<svg role="img" width="${width}" height="${top + height + bottom}" viewBox="0 0 ${width} ${top + height + bottom}">${parts.join('')}</svg>\n<p class="legend">${legend}</p>`;
}
