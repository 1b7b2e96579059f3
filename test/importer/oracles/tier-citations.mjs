// tier-citations.mjs — independent extractor of the item codes cited by the
// Wassenaar "Sensitive List" (SL) and "Very Sensitive List" (VSL).
//
// A test oracle, written apart from language/src/importer/tiers.ts so that it can check it:
// citedCodes(<edition folder>) gives {edition, sl, vsl, deleted, unparsed}.
//   sl / vsl   codes cited as live entries, dotted form without trailing dot ("6.A.2.a.1.a")
//   deleted    codes whose entry reads "Deleted" or "Not used since YYYY" (either list)
//   unparsed   lines that start like a code citation but could not be parsed
// Codes seen only in the raw bytes of a "fast-saved" Word file, whose text catdoc drops, are
// merged into sl/vsl (they fill exactly the gap catdoc leaves).
//
// No npm dependencies. Text comes from:
//   *.catdoc.txt beside the file (1997/98 Word 6 editions), else
//   `catdoc -w -d utf-8` (Word 97 editions), else
//   `pdftotext -layout` (2025 PDF), sections cut at the SL / VSL titles.
//
// What counts as a citation: the FIRST field of a line (fields are split by
// tabs; in PDF text by runs of 2+ spaces, and only lines starting at column 0)
// must start with a full code "D.X.N[.label...]". Spaces inside a code are
// tolerated ("1.D. 2", "3. B. 1. f."), tabs are not: a tab ends the code, so
// "2.D.1.<tab>b.<tab>Machine tools..." cites 2.D.1 (the "b." is a sub-paragraph
// of the SL's own text, repeated after a page break). After the first code the
// head may continue with "&", ",", "and", "or", "to" followed by another full
// code or by a partial label ("b.", "4.") which replaces the last label(s) of
// the previous code; "to" makes an inclusive range over the last label.
// Text after the head on the same field that starts with a lowercase word
// ("6.A.2.a.3. does not apply ...") is a note referring to a code: ignored.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';

// ---------------------------------------------------------------- tokens ----
const SEP = String.raw`\s*[.:]\s*`;                 // "." (or a ":" typo), spaces ok
const LABEL = String.raw`(?:\d{1,3}|[a-z])`;
// a label must not be the category digit of a following code ("a. 6.A.2...")
const LABEL_NOT_CODE = String.raw`(?!\s*[.:]\s*[A-E]\s*\.)`;
const CODE_RE = new RegExp(
  String.raw`^(\d)${SEP}([A-E])${SEP}(\d{1,3})${LABEL_NOT_CODE}` +
  String.raw`((?:[ ]*\.[ ]*${LABEL}(?![a-zA-Z0-9])${LABEL_NOT_CODE})*)[ ]*\.?`);
const PARTIAL_RE = new RegExp(
  String.raw`^(${LABEL}(?:\.${LABEL})*)\.(?=\s|$|[,&])`);   // "b." "4." "a.1."
const CONN_RE = /^(,\s*and\b|,\s*or\b|,|&|and\b|or\b|to\b)/;

const codeLike = /^\d\s*[.:]\s*[A-E]\s*\.\s*\d/;          // looks like a citation

function normLabels(s) {
  return s.split('.').map((x) => x.trim()).filter(Boolean);
}

// Tokenise the head of a field. Returns {tokens, rest}.
// `seed` (optional) is a previous code the head continues ("& 7.D.4.g.").
function tokenizeHead(field, seed = null) {
  const tokens = seed ? [{ t: 'code', v: seed }] : [];
  let s = field;
  for (;;) {
    s = s.replace(/^[ ]+/, '');
    let m;
    if ((m = CODE_RE.exec(s))) {
      tokens.push({ t: 'code', v: [m[1], m[2], m[3], ...normLabels(m[4])] });
    } else if (tokens.length && (m = CONN_RE.exec(s))) {
      const c = m[1].replace(/\s+/g, ' ');
      tokens.push({ t: 'conn', v: c === 'to' ? 'to' : 'list' });
    } else if (tokens.length && tokens[tokens.length - 1].t === 'conn' &&
               (m = PARTIAL_RE.exec(s))) {
      tokens.push({ t: 'part', v: normLabels(m[1]) });
    } else break;
    s = s.slice(m[0].length);
  }
  return { tokens, rest: s.trim() };
}

// Expand "a to d" over one label level.
function labelRange(a, b) {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const out = [];
    for (let i = +a; i <= +b; i++) out.push(String(i));
    return +a <= +b ? out : null;
  }
  if (/^[a-z]$/.test(a) && /^[a-z]$/.test(b) && a <= b) {
    const out = [];
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) out.push(String.fromCharCode(c));
    return out;
  }
  return null;
}

// Turn head tokens into a list of codes (arrays of segments). null = cannot.
function expandHead(tokens) {
  if (!tokens.length || tokens[0].t !== 'code') return null;
  const out = [tokens[0].v];
  let prev = tokens[0].v;
  for (let i = 1; i < tokens.length; i++) {
    const tk = tokens[i];
    let conn = 'list';
    let target = tk;
    if (tk.t === 'conn') {
      conn = tk.v;
      target = tokens[i + 1];
      i++;
      if (!target) return { codes: out, dangling: conn };     // head continues on next line
      if (target.t === 'conn') return null;
    }
    let next;
    if (target.t === 'code') next = target.v;
    else {                                                    // partial: replace last k labels
      const k = target.v.length;
      if (prev.length - k < 3) return null;
      next = [...prev.slice(0, prev.length - k), ...target.v];
    }
    if (conn === 'to') {
      const n = next.length;
      if (n !== prev.length || prev.slice(0, n - 1).join('.') !== next.slice(0, n - 1).join('.')) return null;
      const r = labelRange(prev[n - 1], next[n - 1]);
      if (!r) return null;
      for (const l of r.slice(1)) out.push([...next.slice(0, n - 1), l]);
    } else out.push(next);
    prev = next;
  }
  return { codes: out, dangling: null };
}

// ------------------------------------------------------------- lines ------
// Classify one section's lines. Returns {cited, deleted, unparsed}.
function parseSection(text, { pdf }) {
  const cited = [], deleted = [], unparsed = [];
  const lines = text.replace(/\r/g, '').split('\n');
  let pending = null;       // {tokens, line} when a head ended with a connector
  let last = null;          // last accepted entry {codes, bucket} for "& X" lines

  const fieldsOf = (raw) => {
    let l = raw.replace(/[\f\u000b\u00a0]/g, ' ').replace(/[\u2026]/g, '...');
    if (pdf) {
      if (/^\s/.test(l) && !pending) return null;                  // indented: body text
      l = l.replace(/ {2,}/g, '\t');
    }
    const f = l.split('\t').map((x) => x.trim()).filter((x) => x !== '');
    // Category-file style "1.<tab>C.<tab>10.<tab>c.<tab>text": a code that
    // STARTS tab-split is glued back from all its label fields.
    if (f.length > 1 && /^\d\.?$/.test(f[0]) && /^[A-E]\.?$/.test(f[1])) {
      let k = 2;
      while (k < f.length && /^(\d{1,3}|[a-z])\.?$/.test(f[k])) k++;
      return [f.slice(0, k).map((x) => x.replace(/\.?$/, '.')).join(''), ...f.slice(k)];
    }
    return f;
  };

  const emit = (codes, desc) => {
    const bucket = /^(deleted|not used)\b/i.test(desc) ? deleted : cited;
    for (const c of codes) bucket.push(c.join('.'));
    last = { bucket, prev: codes[codes.length - 1] };
  };

  for (const raw of lines) {
    const fields = fieldsOf(raw);
    if (!fields || !fields.length) continue;
    const head = fields[0];

    // continuation of a head that ended with "&", ",", "to" (PDF wraps)
    if (pending) {
      const { tokens, rest } = tokenizeHead(head);
      if (tokens.length && (tokens[0].t === 'code' || /^[a-z\d]/.test(head))) {
        const merged = [...pending.tokens, ...tokens];
        const res = expandHead(merged);
        if (!res) { unparsed.push(pending.line + ' ⏎ ' + raw.trim()); pending = null; continue; }
        if (res.dangling) { pending = { tokens: merged, line: pending.line + ' ⏎ ' + raw.trim(), desc: pending.desc }; continue; }
        emit(res.codes, pending.desc || rest || fields[1] || '');
        pending = null;
        continue;
      }
      if (/^(WA-LIST|_{5,}|-\s*\d+\s*-|\d\d-\d\d-\d{4}|(Very )?Sensitive List)/.test(head)) continue; // page furniture
      unparsed.push(pending.line);
      pending = null;
    }

    // "& 7.D.4.g." — a line that starts with a connector continues the previous head
    if (/^(&|,|and\b|to\b)\s*\d/.test(head) && last) {
      const { tokens, rest } = tokenizeHead(head, last.prev);
      const res = expandHead(tokens);
      if (res && !res.dangling && !rest) {
        for (const c of res.codes.slice(1)) last.bucket.push(c.join('.'));
        last.prev = res.codes[res.codes.length - 1];
        continue;
      }
      unparsed.push(raw.trim());
      continue;
    }

    if (!codeLike.test(head)) {
      // a code hiding behind a word is a note ("Note 1<tab>4.A.3.c. applies"),
      // but a code-ish head we fail to read is worth showing
      if (/^[\d]\s*[.:]\s*[A-E]\b/.test(head)) unparsed.push(raw.trim());
      continue;
    }
    const { tokens, rest } = tokenizeHead(head);
    const res = expandHead(tokens);
    if (!res) { unparsed.push(raw.trim()); continue; }
    if (res.dangling) {
      if (rest) { unparsed.push(raw.trim()); continue; }
      pending = { tokens, line: raw.trim(), desc: fields[1] || '' };
      continue;
    }
    if (rest) {
      if (/^[a-z]/.test(rest)) continue;                       // "6.A.2.a.3. does not apply ..."
      if (!/^["'“‘(.…A-Z]/.test(rest)) { unparsed.push(raw.trim()); continue; }
    }
    emit(res.codes, rest || fields[1] || '');
  }
  if (pending) unparsed.push(pending.line);
  return { cited, deleted, unparsed };
}

// ------------------------------------------------------------- sources -----
function sh(cmd, args) {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
}

function wordText(dir, file) {
  const txt = join(dir, file.replace(/\.doc$/i, '.catdoc.txt'));
  if (existsSync(txt)) return readFileSync(txt, 'utf8');
  return sh('catdoc', ['-w', '-d', 'utf-8', join(dir, file)]);
}

// Raw strings of a .doc (8-bit and UTF-16LE runs), one per line — used only to
// spot code-only lines that catdoc loses in "fast-saved" documents.
function rawStrings(path) {
  const buf = readFileSync(path);
  const out = [];
  let cur = '';
  for (const b of buf) {                                     // 8-bit
    if (b === 9 || (b >= 32 && b < 127)) cur += String.fromCharCode(b);
    else { if (cur.length >= 4) out.push(cur); cur = ''; }
  }
  cur = '';
  for (let i = 0; i + 1 < buf.length; i += 2) {             // UTF-16LE
    const c = buf[i] | (buf[i + 1] << 8);
    if (c === 9 || (c >= 32 && c < 0xd800 && c !== 0xfffe)) cur += String.fromCharCode(c);
    else { if (cur.length >= 4) out.push(cur); cur = ''; }
  }
  return out.flatMap((s) => s.split(/[\r\n]/));
}

function recoverFromRaw(path, known) {
  const found = new Set();
  for (const s of rawStrings(path)) {
    const t = s.trim();
    // Word style names such as "1.A.1.a.1" live in the same file; cited codes
    // in these documents end with a dot, style names do not.
    if (!/\.$/.test(t)) continue;
    const { tokens, rest } = tokenizeHead(t);
    if (!tokens.length || rest) continue;                      // code-only strings
    const res = expandHead(tokens);
    if (!res || res.dangling) continue;
    for (const c of res.codes) if (!known.has(c.join('.'))) found.add(c.join('.'));
  }
  return [...found];
}

function pdfSections(pdfPath) {
  const text = sh('pdftotext', ['-layout', pdfPath, '-']);
  const lines = text.split('\n');
  const find = (re, from = 0) => lines.findIndex((l, i) => i >= from && re.test(l));
  const sl0 = find(/^\s*THE SENSITIVE LIST OF DUAL-USE GOODS/i);
  const vsl0 = find(/^\s*VERY SENSITIVE LIST OF DUAL-USE GOODS/i, sl0 + 1);
  let end = find(/^\s*MUNITIONS LIST/, vsl0 + 1);
  if (end < 0) end = lines.length;
  if (sl0 < 0 || vsl0 < 0) throw new Error('SL/VSL titles not found in ' + pdfPath);
  return { sl: lines.slice(sl0 + 1, vsl0).join('\n'), vsl: lines.slice(vsl0 + 1, end).join('\n') };
}


export { parseSection, tokenizeHead, expandHead };

/**
 * The codes an edition's SL and VSL parts cite, read with catdoc (Word 97), the catdoc text
 * beside the Word 6 files (1997, 1998) or pdftotext (2025), and the parser above. Codes that
 * catdoc loses in fast-saved files are taken from the file's raw strings (they fill exactly the
 * gap catdoc leaves, 1999 SL, 2004-1 SL and the VSL's 6.A.1.a.1.b.1 of 2002-2021).
 * Returns {edition, sl, vsl, deleted, unparsed}.
 */
export function citedCodes(dir) {
  const files = readdirSync(dir);
  const edition = basename(dir.replace(/\/+$/, ''));
  let sl, vsl, pdf = false;
  const docs = files.filter((f) => /\.doc$/i.test(f));
  const slDoc = docs.find((f) => /^13\b.*\bSL\.doc$/i.test(f)) || docs.find((f) => /(^|[\s-])SL\.doc$/i.test(f) && !/VSL/i.test(f));
  const vslDoc = docs.find((f) => /^14\b.*VSL\.doc$/i.test(f)) || docs.find((f) => /VSL\.doc$/i.test(f));
  if (slDoc && vslDoc) {
    sl = wordText(dir, slDoc);
    vsl = wordText(dir, vslDoc);
  } else {
    const p = files.find((f) => /\.pdf$/i.test(f));
    if (!p) throw new Error('no SL/VSL .doc and no PDF in ' + dir);
    ({ sl, vsl } = pdfSections(join(dir, p)));
    pdf = true;
  }
  const a = parseSection(sl, { pdf });
  const b = parseSection(vsl, { pdf });
  const recovered = { sl: [], vsl: [] };
  if (!pdf) {
    for (const [k, f, r] of [['sl', slDoc, a], ['vsl', vslDoc, b]]) {
      if (existsSync(join(dir, f.replace(/\.doc$/i, '.catdoc.txt')))) continue;
      recovered[k] = recoverFromRaw(join(dir, f), new Set([...r.cited, ...r.deleted]));
    }
  }
  return {
    edition,
    sl: uniq([...a.cited, ...recovered.sl]),
    vsl: uniq([...b.cited, ...recovered.vsl]),
    deleted: uniq([...a.deleted, ...b.deleted]),
    unparsed: [...a.unparsed, ...b.unparsed],
  };
}

function uniq(a) { return [...new Set(a)]; }
