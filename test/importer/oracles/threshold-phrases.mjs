// threshold-phrases.mjs — an independent detector of "comparative phrases with a number"
// in CLD item texts, plus a recall check against the importer's threshold lines.
//
// Written without reference to the importer's thresholds.ts (second opinion).
//
// A test oracle for test/importer/fidelity.test.ts (docs/fidelity.md says how it was made).
//
// Exports:
//   detectPhrases(text)  -> [{start, end, text, form}]
//   itemsOf(cldText)     -> [{path, line, text, thresholds: [{line, param, op, phrase}], thresholdPhrases}]
//   recallOf(cldText)    -> {phrases, covered, recall, misses: [...]}


// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

// A number: 1,000 / 10.5 / .5 / 15 ; optionally "x 10n" (superscripts are lost in
// the import, so "2 x 108" means 2·10^8) ; no letter or dot-letter glued before it
// (rules out "ML8", "3.A.1", "1.C.9.b."), and not followed by ".X." / "X9" (codes).
const NUM_CORE = String.raw`(?:\d{1,3}(?:[,  ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;
const NUM = String.raw`(?<![\w.\/§-])` + // not part of a code/word/path
  String.raw`[-−–]?` + NUM_CORE +
  String.raw`(?:\s?[x×]\s?10[-−]?\d{1,2})?` + // "x 106" = x10^6
  String.raw`(?!\.?[A-Za-z]\.|[A-Z]\d|\.\d|\d)`; // not "3.A.", "5A002"

// Words that can never be a unit (stop the unit after the number).
const STOP = String.raw`(?:and|or|but|to|of|the|a|an|in|at|for|with|by|from|per|than|on|as|is|are|be|which|that|when|where|each|any|all|not|nor|if|into|over|under|above|below|between|within|including|inclusive|exceeding|less|more|greater|lower|higher|times|specified|see|Note|Technical|N\.?B\.?)`;

// A unit: one token (mm, µm, GHz, %, dB, rad/s², N/m2, g/cm3, "° C", K, kg, bits ...),
// optionally followed by "/x", "per x" or "(Si)"-style qualifier.
const UNIT_TOKEN = String.raw`(?:[%‰]|°\s?[CFK]?|(?!${STOP}\b)[A-Za-zµμΩÅ°'][\w/µμΩ²³·°.\-^']*)`;
const UNIT = String.raw`(?:\s?${UNIT_TOKEN}(?:\s?per\s[A-Za-z]+)?(?:\s?\([^()]{1,24}\))?)`;

// A value = number + optional unit.
const VAL = `${NUM}${UNIT}?`;

// Gap allowed between a number and a trailing "or less": up to 4 unit-ish tokens or a
// short parenthetical ("548 K (275°C) or less", "10,000 hours or longer"), no clause punctuation.
const GAP = String.raw`(?:\s?(?:\([^()]{1,25}\)|(?!(?:or|and|but|than|to|from|between|exceeding|less|more|greater)\b)[^\s,;:()]+)){0,4}?`;

// Comparator words that PRECEDE a value.
const PREFIX = [
  // compound forms first (regex alternation is ordered)
  String.raw`equal\s+to\s+or\s+(?:greater|more|less|lower|higher|larger|smaller|better|worse)\s+than`,
  String.raw`equal\s+to\s+or\s+(?:exceeding|above|below|over|under)`,
  String.raw`(?:greater|more|less|lower|higher|larger|smaller|better|worse)\s+than\s+or\s+equal\s+to`,
  String.raw`(?:not|no)\s+(?:more|less|greater|lower|higher|fewer|better|worse)\s+than`,
  String.raw`(?:not|never)\s+(?:exceeding|to\s+exceed|below|above|over|under)`,
  String.raw`up\s+to\s+and\s+including`,
  String.raw`down\s+to`,
  String.raw`up\s+to`,
  String.raw`in\s+excess\s+of`,
  String.raw`at\s+(?:least|most|or\s+(?:above|below))`,
  String.raw`(?:a\s+)?(?:maximum|minimum|max\.|min\.)(?:\s+of)?`,
  String.raw`as\s+(?:low|high|small|large|much|many|long|short)\s+as`,
  // plain "X than"
  String.raw`(?:more|greater|less|fewer|lower|higher|larger|smaller|longer|shorter|faster|slower|better|worse|wider|narrower|thicker|thinner|heavier|lighter|finer|coarser|deeper|shallower)\s+than`,
  // verbs / prepositions
  String.raw`exceed(?:s|ing|ed)?`,
  String.raw`(?:above|below|over|under|beyond|within)`,
  String.raw`(?:≤|≥|<|>|≦|≧|=<|>=|<=|=>)`,
].map(p => p.replaceAll(String.raw`\s+than`, String.raw`(?:\s*\((?:better|worse)\))?\s+than`)); // "less (better) than"


// Comparator words that FOLLOW a value ("6 µm or less", "10,000 hours or longer", "5 kg and above").
const POSTFIX = String.raw`(?:or|and)\s+(?:less|more|greater|lower|higher|longer|shorter|larger|smaller|fewer|below|above|over|under|better|worse|faster|slower|wider|narrower|thicker|thinner|finer|coarser|deeper|beyond|exceeding|lighter|heavier)` +
  // (Not "at 973 K at a maximum stress of 700 MPa": the maximum is of the stress, a condition of the test.)
  String.raw`|at\s+(?:a\s+)?(?:maximum|minimum)(?!\s+[a-z])`;
// "5 mm maximum" (immediately after the value only)
const POSTFIX_TIGHT = String.raw`(?:maximum|minimum|max\.|min\.)(?!\s+of)`;

// ---------------------------------------------------------------------------
// The phrase forms, in order. Each: {form, re}. All matches are collected and
// overlapping spans are merged (union), so e.g. "exceeding ±15%" = one phrase.
// ---------------------------------------------------------------------------
const PM = String.raw`(?:(?:±|\+\/-|\+\/−|plus\s+or\s+minus)\s?)`;
const FORMS = [
  // "from 1 GHz to 3 GHz", "from 1 to 3 GHz", "from 20 kHz up to 60 kHz"
  { form: 'range-from-to', re: String.raw`\bfrom\s+${PM}?${VAL}\s+(?:up\s+)?to\s+${PM}?${VAL}` },
  // "between 2 and 5 kg", "between 2 kg and 5 kg"
  { form: 'range-between', re: String.raw`\bbetween\s+${PM}?${VAL}\s+and\s+${PM}?${VAL}` },
  // "in the range 1 to 3 GHz", "range of 0.9 to 1.1", "range 1 GHz - 3 GHz"
  { form: 'range-of', re: String.raw`\brange\s+(?:of\s+|from\s+)?${PM}?${VAL}\s+(?:to|-|–|through)\s+${PM}?${VAL}` },
  // prefix comparator + value: "exceeding 10 mm", "less than 5 ns", "≤ 10 W", "at least 100",
  // "within ± 0.1 %", "better than 0.5 µrad", "up to and including 30 MHz"
  { form: 'prefix', re: String.raw`(?<![\w-])(?:${PREFIX.join('|')})\s*${PM}?${VAL}` },
  // value + postfix comparator: "6 µm or less", "10,000 hours or longer", "240 MPa or more"
  { form: 'postfix', re: String.raw`${PM}?${NUM}${GAP}\s(?:${POSTFIX})(?![\w])(?!\s*(?:±\s?)?\d|\s+than\b|\s+or\s+equal)` },
  { form: 'postfix-max', re: String.raw`${VAL}\s(?:${POSTFIX_TIGHT})(?![\w])` },
  // bare tolerance: "± 100 Hz", "±0.1 part per million"
  { form: 'plus-minus', re: String.raw`${PM}${VAL}` },
];
export const _FORMS = FORMS;
const COMPILED = FORMS.map(f => ({ form: f.form, re: new RegExp(f.re, 'giu') }));

// Things that look like a phrase but are not: "above 3.A.1" is caught by NUM; here
// we reject residual false positives by the matched text.
function rejected(m) {
  // a year after "before/after/since ..." never reaches here; a bare 19xx/20xx with no unit
  // after "up to"/"below" etc. inside a reference ("under 2013 rules") is rare -> keep a guard:
  if (/^(?:under|over|above|below|within)\s+(?:19|20)\d\d$/i.test(m)) return true;
  // "under 1" in "Note 1 under 1.A.": number glued to code was already excluded.
  return false;
}

/** Detect comparative phrases with a number. Returns [{start,end,text,form}] sorted, non-overlapping. */
export function detectPhrases(text) {
  const hits = [];
  for (const { form, re } of COMPILED) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(text));) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      let s = m.index, e = s + m[0].length;
      // trim trailing punctuation/space
      while (e > s && /[\s.,;:]/.test(text[e - 1])) e--;
      const t = text.slice(s, e);
      if (!rejected(t)) hits.push({ start: s, end: e, form });
      re.lastIndex = m.index + 1; // allow overlapping candidates; merged below
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      if (h.end > last.end) last.end = h.end;
      if (!last.forms.includes(h.form)) last.forms.push(h.form);
    } else out.push({ start: h.start, end: h.end, forms: [h.form] });
  }
  return out.map(o => ({ start: o.start, end: o.end, text: text.slice(o.start, o.end), form: o.forms.join('+') }));
}

// ---------------------------------------------------------------------------
// A small CLD reader: enough to get item/entry texts and their threshold lines.
// ---------------------------------------------------------------------------

function tokenize(src) {
  const toks = [];
  let i = 0, line = 1, lineStart = true;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === '\n') { line++; i++; lineStart = true; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '/' && src[i + 1] === '/') { while (i < n && src[i] !== '\n') i++; continue; }
    const first = lineStart; lineStart = false;
    const tline = line;
    if (c === '"') {
      let j = i + 1, s = '';
      while (j < n && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < n) {
          const d = src[j + 1];
          s += d === 'n' ? '\n' : d === 't' ? '\t' : d; j += 2;
        } else { if (src[j] === '\n') line++; s += src[j++]; }
      }
      toks.push({ t: 'str', v: s, line: tline, first });
      i = j + 1; continue;
    }
    if (c === '`') {
      let j = i + 1;
      while (j < n && src[j] !== '`') { if (src[j] === '\n') line++; j++; }
      toks.push({ t: 'str', v: src.slice(i + 1, j), line: tline, first });
      i = j + 1; continue;
    }
    if (c === '{' || c === '}' || c === ';') { toks.push({ t: c, line: tline, first }); i++; continue; }
    let j = i;
    while (j < n && !/[\s{};"`]/.test(src[j])) j++;
    toks.push({ t: 'word', v: src.slice(i, j), line: tline, first });
    i = j;
  }
  return toks;
}

const COMPARATORS = new Set(['>', '<', '>=', '<=', '=', '==', '!=', 'from']);

/** Items/entries with their text and threshold lines. */
export function itemsOf(cldText) {
  const toks = tokenize(cldText);
  const items = [];
  const stack = []; // block owners: item record or {label} for other blocks
  let pendingOwner = null; // item record waiting for its '{'
  for (let k = 0; k < toks.length; k++) {
    const tk = toks[k];
    if (tk.t === '{') { stack.push(pendingOwner || { other: true }); pendingOwner = null; continue; }
    if (tk.t === '}') { stack.pop(); pendingOwner = null; continue; }
    if (tk.t === ';') { pendingOwner = null; continue; }
    if (tk.t !== 'word' || !tk.first) continue;
    if ((tk.v === 'item' || tk.v === 'entry') && toks[k + 1]?.t === 'word') {
      const label = toks[k + 1].v;
      const textTok = toks[k + 2];
      const parent = [...stack].reverse().find(s => s.path);
      const path = parent ? `${parent.path} ${label}` : label;
      const rec = { path, line: tk.line, text: textTok?.t === 'str' ? textTok.v : null, thresholds: [] };
      if (rec.text !== null) items.push(rec);
      pendingOwner = rec;
      k += 1;
      continue;
    }
    // threshold line: <param> <comparator> ... "<phrase>" all on one line
    if (/^[a-z][a-z0-9_]*$/.test(tk.v) && toks[k + 1]?.t === 'word' && COMPARATORS.has(toks[k + 1].v)) {
      let j = k + 1, phrase = null;
      const parts = [];
      while (j < toks.length && toks[j].line === tk.line && !toks[j].first) {
        if (toks[j].t === 'str') phrase = toks[j].v; else if (toks[j].t === 'word') parts.push(toks[j].v);
        if (toks[j].t !== 'word' && toks[j].t !== 'str') break;
        j++;
      }
      const owner = [...stack].reverse().find(s => s.path);
      if (owner && phrase !== null) owner.thresholds.push({ line: tk.line, param: tk.v, op: toks[k + 1].v, value: parts.slice(1).join(' '), phrase });
      k = j - 1;
    }
  }
  for (const it of items) it.thresholdPhrases = it.thresholds.map(t => t.phrase);
  return items;
}

/** All [start,end) spans where `needle` occurs in `hay`. */
function spansOf(hay, needle) {
  const out = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push([i, i + needle.length]);
  return out;
}

/** Recall of the importer's thresholds against detected phrases. */
export function recallOf(cldText) {
  const items = itemsOf(cldText);
  let phrases = 0, covered = 0;
  const misses = [], hitsList = [];
  for (const it of items) {
    const det = detectPhrases(it.text);
    if (!det.length) continue;
    const tspans = it.thresholds.flatMap(t => spansOf(it.text, t.phrase));
    for (const d of det) {
      phrases++;
      const ok = tspans.some(([s, e]) => s < d.end && d.start < e);
      if (ok) { covered++; hitsList.push({ line: it.line, path: it.path, ...d }); }
      else misses.push({ line: it.line, path: it.path, ...d, itemText: it.text });
    }
  }
  return { phrases, covered, recall: phrases ? covered / phrases : 1, misses, items };
}


/**
 * Threshold lines whose comparator contradicts the words of their own phrase: "equal to or
 * exceeding X" read as ">", "X or less" as ">=", and so on. Only single-bound phrases are judged.
 */
export function comparatorProblems(cldText) {
  const problems = [];
  for (const it of itemsOf(cldText)) {
    const byPhrase = new Map();
    for (const t of it.thresholds) byPhrase.set(t.phrase, [...(byPhrase.get(t.phrase) ?? []), t]);
    for (const [phrase, ts] of byPhrase) {
      if (ts.length !== 1) continue;
      const p = phrase.toLowerCase();
      const expected =
        /^(equal to or (exceeding|above|more|greater|higher|larger)|(more|greater|higher) than or equal to|not less than|at least|no less than)/.test(p) || /\bor (more|greater|higher|above|larger|longer)$/.test(p) ? '>=' :
        /^(equal to or (less|below|lower|smaller)|(less|lower|smaller) than or equal to|not exceeding|not more than|no more than|up to and including|at most)/.test(p) || /\bor (less|lower|below|smaller|fewer|shorter)$/.test(p) ? '<=' :
        /^(exceeding|more than|greater than|higher than|above|over|in excess of)\b/.test(p) ? '>' :
        /^(less than|lower than|below|under|shorter than|smaller than)\b/.test(p) ? '<' : undefined;
      if (expected && ts[0].op !== expected) problems.push({ line: ts[0].line, phrase, comparator: ts[0].op, expected });
    }
  }
  return problems;
}
