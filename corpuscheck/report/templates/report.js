"use strict";
// corpuscheck report: overview, explorer and document view. The overview's figures are in #report-data;
// findings and texts are in <data folder>/f<N>.js, d<N>.js and t<N>.js (the folder named in meta.data) (or inline
// #cc-<name> blocks), loaded on demand. Corpus text only ever goes through textContent.
(function () {
  const D = JSON.parse(document.getElementById("report-data").textContent);
  const SEV = ["error", "warning", "info"], FIX = ["none", "safe", "unsafe"], PAGE = 50;
  const RULES = D.rules, FILES = D.files, SOURCES = D.sources, KINDS = D.kinds; // kind: [rule, severity, fix]
  // The findings are columns (typed arrays over all of them, filled as the f<N> chunks arrive): what the
  // explorer filters, counts and sorts by. What a card shows is in the d<N> chunks, read when a card is drawn:
  // finding (fnd): 0 doc, 1 rule, 2 severity, 3 line, 4 end_line, 5 column, 6 message, 7 excerpt, 8 fix, 9 related line,
  //          10 related end line, 11 edits ([[start, end, replacement], ...] or 0; in the document view only), 12 position
  // document (docAt): 0 file, 1 record, 2 source, 3 title, 4 multi-document file, 5 text chunk (-1: none), 6 url, 7 page title
  // text: [text, total characters, title line, dateline line, dateline end line, edits per finding (or 0)]
  const NF = D.meta.findings, ND = D.meta.documents_failed;
  const FSTART = [], DSTART = D.chunks.map((c) => c[0]);
  D.chunks.reduce((at, c, i) => { FSTART[i] = at; return at + c[2]; }, 0);
  const FDOC = new Int32Array(NF), FKIND = new Int32Array(NF), FLINE = new Int32Array(NF);
  const DFILE = new Int32Array(ND), DREC = new Int32Array(ND), DSRC = new Int32Array(ND), DMULTI = new Uint8Array(ND);
  const KRULE = KINDS.map((k) => k[0]), KSEV = KINDS.map((k) => k[1]);
  const DET = [], TEXT = new Map();
  let CORE = false; // every f<N> chunk is in: counts are final
  const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

  // ---------- data chunks ----------
  const done = new Map(), promises = new Map();
  window.CC = Object.freeze({put: function (kind, n, data) {
    const name = kind + n;
    if (typeof data === "string") data = JSON.parse(data); // data files carry their JSON as a string: parsed faster than a literal
    if (kind === "f") { // columns; file, record and doc as differences from the previous entry
      let file = 0, rec = 0, doc = DSTART[n] - 1;
      const first = DSTART[n], at = FSTART[n], df = data.file, dr = data.record, ds = data.source, dm = data.multi;
      for (let i = 0; i < df.length; i++) { file += df[i]; rec += dr[i]; DFILE[first + i] = file; DREC[first + i] = rec; DSRC[first + i] = ds[i]; DMULTI[first + i] = dm[i]; }
      const fd = data.doc, fk = data.kind, fl = data.line;
      for (let i = 0; i < fd.length; i++) { doc += fd[i]; FDOC[at + i] = doc; FKIND[at + i] = fk[i]; FLINE[at + i] = fl[i]; }
    } else if (kind === "d") {
      DET[n] = data;
    } else if (kind === "t") {
      for (const t of data.docs) TEXT.set(t[0], t.slice(1));
    }
    if (done.has(name)) done.get(name)();
  }});
  function need(name) {
    if (!promises.has(name)) promises.set(name, new Promise((resolve, reject) => {
      done.set(name, resolve);
      const inline = document.getElementById("cc-" + name);
      if (inline) { CC.put(name[0], +name.slice(1), inline.textContent); return; }
      const s = document.createElement("script");
      s.src = (D.meta.data || "data") + "/" + name + ".js";
      s.onload = () => resolve();
      s.onerror = () => reject(new Error(s.getAttribute("src") + " is missing: the report folder is incomplete"));
      document.head.append(s);
    }));
    return promises.get(name);
  }
  const loaded = {f: 0, d: 0}, every = {};
  function needEvery(kind, progress) { // every chunk of a kind, requested at once (the files load side by side)
    if (!every[kind]) every[kind] = Promise.all(D.chunks.map((c, i) => need(kind + i).then(() => { loaded[kind]++; if (progress) progress(); })));
    return every[kind];
  }
  function allFindings(progress) { return needEvery("f", progress).then(() => { CORE = true; }); }
  function chunkAt(starts, i) { let lo = 0, hi = starts.length - 1; while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= i) lo = mid; else hi = mid - 1; } return lo; }
  function detailsFor(positions) { // the d<N> chunks the findings at these positions need
    const want = new Set(); for (const i of positions) { const c = chunkAt(FSTART, i); if (!DET[c]) want.add(c); }
    return [...want].map((c) => need("d" + c));
  }
  function fnd(i) { // one finding as the cards and the document view read it (its d<N> chunk loaded)
    const c = chunkAt(FSTART, i), x = DET[c], j = i - FSTART[c], k = KINDS[FKIND[i]], s = x.strings;
    return [FDOC[i], k[0], k[1], FLINE[i], FLINE[i] + x.end[j], x.column[j], s[x.message[j]], s[x.excerpt[j]], k[2], x.related[j], x.related_end[j], 0, i];
  }
  function docAt(d) {
    const c = chunkAt(DSTART, d), x = DET[c], j = d - DSTART[c], s = x ? x.strings : null;
    return [DFILE[d], DREC[d], DSRC[d], x ? s[x.title[j]] : "", DMULTI[d], x ? x.text[j] : -1, x ? s[x.url[j]] : "", x ? s[x.page_title[j]] : ""];
  }
  function findingsOf(doc) { // positions of a document's findings (FDOC is in document order)
    const lower = (v) => { let lo = 0, hi = NF; while (lo < hi) { const mid = (lo + hi) >> 1; if (FDOC[mid] < v) lo = mid + 1; else hi = mid; } return lo; };
    const out = []; for (let i = lower(doc), end = lower(doc + 1); i < end; i++) out.push(i);
    return out;
  }

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const kid of kids) if (kid !== null && kid !== undefined) e.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    return e;
  }
  function visible(text) { // text with invisible characters as U+XXXX marks (all via text nodes)
    const span = el("span"); let last = 0; text = String(text);
    for (const m of text.matchAll(INVISIBLE)) {
      span.append(document.createTextNode(text.slice(last, m.index)));
      span.append(el("span", {class: "ch", title: "invisible character"}, "U+" + m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")));
      last = m.index + m[0].length;
    }
    span.append(document.createTextNode(text.slice(last)));
    return span;
  }
  const pct = (x) => (x * 100).toFixed(x > 0.999 && x < 1 ? 2 : 1) + "%";
  const fmt = (n) => n.toLocaleString("en");
  const docName = (d) => FILES[d[0]] + (d[4] ? "#" + d[1] : "");
  const where = (f) => docName(docAt(f[0])) + ":" + f[3] + ":" + f[5];
  const ruleName = (i) => RULES[i][0] + " " + RULES[i][1];
  const docLink = (d, line) => ({view: "doc", doc: FILES[d[0]], rec: String(d[1]), line: line ? String(line) : "", mode: ""});

  // ---------- state <-> URL fragment ----------
  const KEYS = ["view", "rule", "family", "severity", "source", "file", "fix", "q", "sort", "page", "failed", "doc", "rec", "line", "mode", "unsafe"];
  const FILTER_KEYS = ["rule", "family", "severity", "source", "file", "fix", "q", "sort", "page"];
  let S = {};
  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1)); S = {};
    for (const k of KEYS) if (p.get(k)) S[k] = p.get(k);
  }
  function go(changes) {
    const next = Object.assign({}, S, changes), p = new URLSearchParams();
    for (const k of KEYS) if (next[k]) p.set(k, next[k]);
    location.hash = p.toString();
  }

  // ---------- aggregates (computed by the writer) ----------
  const perRule = RULES.map(() => ({n: 0, docs: 0})), perSource = SOURCES.map(() => ({n: 0, docs: 0})), heat = new Map();
  for (const [r, n, docs] of D.per_rule) perRule[r] = {n, docs};
  for (const [s, n, docs] of D.per_source) perSource[s] = {n, docs};
  for (const [s, r, n] of D.heat) heat.set(s + "," + r, n);
  const docsOf = new Map(D.docs_by_source);
  const totalDocs = D.meta.documents || 1;

  // ---------- charts (inline SVG) ----------
  const NS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function bars(items, opts) { // items: [{label, value, rate, onclick}]
    const w = 400, rowH = 20, left = 150, s = svg("svg", {width: w + 20, height: items.length * rowH + 22, role: "img"});
    const max = Math.max(1, ...items.map((i) => i.value));
    s.append(svg("text", {x: left, y: 11, class: "mute"}, opts.legend));
    items.forEach((it, i) => {
      const y = 18 + i * rowH, g = svg("g", {class: it.onclick ? "clickable" : ""});
      const label = it.label.length > 24 ? it.label.slice(0, 23) + "\u2026" : it.label;
      g.append(svg("text", {x: left - 6, y: y + 12, "text-anchor": "end"}, label));
      const bw = Math.max(1, (it.value / max) * (w - left - 140));
      g.append(svg("rect", {x: left, y: y + 2, width: bw, height: 7, class: "bar"}));
      if (it.rate !== undefined) g.append(svg("rect", {x: left, y: y + 10, width: Math.max(1, it.rate * (w - left - 140)), height: 5, class: "bar rate"}));
      g.append(svg("text", {x: left + bw + 5, y: y + 10}, fmt(it.value) + (it.rate !== undefined ? "  \u00b7 " + pct(it.rate) : "")));
      g.append(svg("title", {}, it.label + ": " + fmt(it.value)));
      if (it.onclick) g.addEventListener("click", it.onclick);
      s.append(g);
    });
    return s;
  }
  function histogram(bins) {
    const w = 480, h = 150, s = svg("svg", {width: w, height: h + 40, role: "img"});
    if (!bins.length) return el("p", {class: "mute"}, "no document lengths recorded");
    const max = Math.max(1, ...bins.map((b) => b[2])), bw = (w - 20) / bins.length;
    bins.forEach((b, i) => {
      const bh = (b[2] / max) * h, x = 10 + i * bw;
      const r = svg("rect", {x: x + 1, y: h - bh + 5, width: bw - 2, height: Math.max(bh, b[2] ? 1 : 0), class: "bar"});
      r.append(svg("title", {}, b[0] + "\u2013" + b[1] + " chars: " + fmt(b[2]) + " documents"));
      s.append(r);
      s.append(svg("text", {x: x + bw / 2, y: h + 20, "text-anchor": "middle"}, b[0] >= 1024 ? Math.round(b[0] / 1024) + "k" : String(b[0])));
    });
    s.append(svg("text", {x: 10, y: h + 36, class: "mute"}, "characters per document (log scale bins)"));
    return s;
  }
  function heatmap() {
    const srcs = perSource.map((p, i) => [i, p.docs]).filter((x) => x[1]).sort((a, b) => b[1] - a[1]).slice(0, 25).map((x) => x[0]);
    const rules = perRule.map((p, i) => [i, p.n]).filter((x) => x[1]).sort((a, b) => b[1] - a[1]).slice(0, 20).map((x) => x[0]);
    if (!srcs.length) return el("p", {class: "mute"}, "no findings");
    const t = el("table", {class: "heat"}), head = el("tr", {}, el("th", {}, "source \\ rule"));
    for (const r of rules) head.append(el("th", {title: RULES[r][1]}, RULES[r][0]));
    t.append(head);
    for (const s of srcs) {
      const tr = el("tr", {}, el("th", {}, SOURCES[s] || "(none)")), n = docsOf.get(s) || perSource[s].docs;
      for (const r of rules) {
        const hit = heat.get(s + "," + r) || 0, rate = hit / n;
        const td = el("td", {title: (SOURCES[s] || "(none)") + " \u00d7 " + RULES[r][1] + ": " + hit + " of " + n + " documents"}, rate ? pct(rate) : "");
        td.style.background = rate ? "rgba(198,40,40," + (0.12 + 0.88 * Math.min(1, rate)).toFixed(2) + ")" : "#f3f4f6";
        if (rate > 0.5) td.style.color = "#fff";
        if (hit) { td.className = "link"; td.addEventListener("click", () => go({view: "explorer", source: SOURCES[s], rule: ruleName(r), page: ""})); }
        tr.append(td);
      }
      t.append(tr);
    }
    return t;
  }

  // ---------- overview ----------
  function overview() {
    const root = document.getElementById("overview"), m = D.meta; root.replaceChildren();
    root.append(el("h1", {}, "Suite \u201c", m.suite, "\u201d"));
    root.append(el("div", {class: "verdict " + (m.passed ? "passed" : "failed")},
      el("div", {class: "big"}, m.passed ? "PASSED" : "FAILED"),
      el("div", {class: "stats"}, ...[["files", m.files], ["documents", m.documents], ["documents with findings", m.documents_failed],
        ["findings", m.findings], ["read errors", m.errors]].map(([k, v]) => el("div", {class: "stat"}, el("b", {}, fmt(v)), el("span", {}, k))))));
    const failedOnly = S.failed === "1";
    const exp = el("div", {class: "card"}, el("h2", {}, "Expectations"),
      el("label", {}, el("input", Object.assign({type: "checkbox", id: "failed-only", onchange: (e) => go({failed: e.target.checked ? "1" : ""})}, failedOnly ? {checked: ""} : {})), " failed only"));
    const t = el("table", {id: "expectations"}, el("tr", {}, ...["", "expectation", "severity", "clean / documents", "observed", "needed", "margin"].map((h, i) => el("th", {class: i > 2 ? "num" : ""}, h))));
    for (const o of D.outcomes) {
      if (failedOnly && o[2]) continue;
      const margin = o[5] - o[6];
      t.append(el("tr", {class: o[2] ? "ok" : "bad"}, el("td", {class: o[2] ? "pass" : "fail"}, o[2] ? "pass" : "FAIL"), el("td", {}, o[0]),
        el("td", {class: "sev-" + o[1]}, o[1]), el("td", {class: "num"}, fmt(o[3]) + " / " + fmt(o[4])),
        el("td", {class: "num"}, pct(o[5])), el("td", {class: "num"}, pct(o[6])),
        el("td", {class: "num " + (margin < 0 ? "fail" : "")}, (margin < 0 ? "\u2212" : "+") + pct(Math.abs(margin)) + (margin < 0 ? " (" + fmt(Math.ceil((o[6] - o[5]) * o[4] - 1e-9)) + " docs)" : ""))));
    }
    exp.append(t); root.append(exp);
    const ruleItems = perRule.map((p, i) => ({label: ruleName(i), value: p.n, rate: p.docs / totalDocs,
      onclick: () => go({view: "explorer", rule: ruleName(i), page: ""})})).sort((a, b) => b.value - a.value);
    const srcItems = perSource.map((p, i) => ({label: SOURCES[i] || "(no source)", idx: i, value: p.n, rate: p.docs / (docsOf.get(i) || p.docs || 1),
      onclick: () => go({view: "explorer", source: SOURCES[i], page: ""})})).filter((x) => x.value).sort((a, b) => b.value - a.value).slice(0, 25);
    root.append(el("div", {class: "grid"},
      el("div", {class: "card"}, el("h2", {}, "Findings per rule"), bars(ruleItems, {legend: "findings (blue) \u00b7 share of documents failing (red)"})),
      el("div", {class: "card"}, el("h2", {}, "Findings per source"), bars(srcItems, {legend: "findings (blue) \u00b7 share of the source's documents failing (red)"})),
      el("div", {class: "card"}, el("h2", {}, "Document length"), histogram(D.lengths)),
      el("div", {class: "card"}, el("h2", {}, "Failing documents per source \u00d7 rule"), heatmap())));
    const wd = el("table", {id: "worst-documents"}, el("tr", {}, el("th", {}, "document"), el("th", {class: "num"}, "errors"), el("th", {class: "num"}, "findings")));
    for (const [, path, record, title, multi, e, n] of D.worst) {
      wd.append(el("tr", {}, el("td", {}, el("span", {class: "link", onclick: () => go({view: "doc", doc: path, rec: String(record), line: "", mode: ""})},
        visible(path + (multi ? "#" + record : ""))), title ? el("div", {class: "mute"}, visible(title)) : null), el("td", {class: "num"}, fmt(e)), el("td", {class: "num"}, fmt(n))));
    }
    const ws = el("table", {}, el("tr", {}, el("th", {}, "source"), el("th", {class: "num"}, "failing documents"), el("th", {class: "num"}, "share")));
    for (const it of srcItems.slice().sort((a, b) => b.rate - a.rate).slice(0, 15)) ws.append(el("tr", {}, el("td", {}, el("span", {class: "link", onclick: it.onclick}, it.label)), el("td", {class: "num"}, fmt(perSource[it.idx].docs) + " / " + fmt(docsOf.get(it.idx) || perSource[it.idx].docs)), el("td", {class: "num"}, pct(it.rate))));
    root.append(el("div", {class: "grid"}, el("div", {class: "card"}, el("h2", {}, "Worst documents"), wd), el("div", {class: "card"}, el("h2", {}, "Worst sources"), ws)));
    if (D.errors.length) {
      const et = el("table", {}, el("tr", {}, el("th", {}, "file"), el("th", {}, "line"), el("th", {}, "problem")));
      for (const e of D.errors.slice(0, 1000)) et.append(el("tr", {}, el("td", {}, visible(FILES[e[0]] + (e[2] ? "#" + e[2] : ""))), el("td", {class: "num"}, e[1] || ""), el("td", {}, visible(e[3]))));
      root.append(el("div", {class: "card"}, el("h2", {}, "Read errors (" + fmt(D.errors.length) + ")"), et, D.errors.length > 1000 ? el("p", {class: "mute"}, "first 1,000 shown; all are in --format json") : null));
    }
  }

  // ---------- explorer ----------
  // fragment values are names (a rule's "CODE name", a source, a path), so links survive a re-run
  const pos = (list, name) => (name === undefined ? -1 : list.indexOf(name));
  const MANY_FILES = FILES.length > 300; // a text box (path contains) instead of a list
  const FILTERS = [["rule", "rule", () => RULES.map((r, i) => [ruleName(i), ruleName(i)])],
    ["family", "family", () => [...new Set(RULES.map((r) => r[2]))].sort().map((f) => [f, f])],
    ["severity", "severity", () => SEV.map((s) => [s, s])],
    ["source", "source", () => SOURCES.map((s, i) => [s, s || "(no source)", i]).filter((x) => x[0] && perSource[x[2]].n).sort((a, b) => a[1].localeCompare(b[1]))],
    ["file", "file", () => FILES.map((f) => [f, f])],
    ["fix", "fixable", () => FIX.map((f) => [f, f])]];
  const SORTS = {doc: "document order", severity: "severity", rule: "rule", file: "file"};
  let searched = {q: null, hits: null};
  function searchHits(q) { // per finding: does the query occur in its message, excerpt, location, rule, title, source, URL or page title
    if (searched.q === q) return searched.hits;
    const hits = new Uint8Array(NF), has = (s) => String(s).toLowerCase().includes(q);
    const ruleHit = RULES.map((r, i) => has(ruleName(i))), srcHit = SOURCES.map(has), files = FILES.map((p) => p.toLowerCase());
    D.chunks.forEach((c, n) => {
      const x = DET[n], str = x.strings.map(has), at = FSTART[n], first = DSTART[n];
      const docHit = x.title.map((t, j) => str[t] || str[x.url[j]] || str[x.page_title[j]] || srcHit[DSRC[first + j]]);
      for (let j = 0; j < c[2]; j++) {
        const i = at + j, d = FDOC[i];
        hits[i] = str[x.message[j]] || str[x.excerpt[j]] || docHit[d - first] || ruleHit[KRULE[FKIND[i]]] ||
          (files[DFILE[d]] + (DMULTI[d] ? "#" + DREC[d] : "") + ":" + FLINE[i] + ":" + x.column[j]).includes(q) ? 1 : 0;
      }
    });
    searched = {q, hits};
    return hits;
  }
  let fileRank = null;
  function byKey(found, key, nKeys) { // a stable counting sort: ties keep document order
    const at = new Int32Array(nKeys + 1), out = new Int32Array(found.length);
    for (const i of found) at[key(i) + 1]++;
    for (let k = 1; k <= nKeys; k++) at[k] += at[k - 1];
    for (const i of found) out[at[key(i)]++] = i;
    return out;
  }
  function matching() { // positions of the findings the filters keep, in the chosen order
    const q = (S.q || "").toLowerCase();
    const rule = S.rule === undefined ? -1 : RULES.findIndex((r, i) => ruleName(i) === S.rule), sev = pos(SEV, S.severity);
    const src = pos(SOURCES, S.source), fix = pos(FIX, S.fix);
    const fileOk = S.file === undefined ? null : MANY_FILES ? FILES.map((p) => p.includes(S.file)) : FILES.map((p) => p === S.file);
    const kindOk = KINDS.map(([r, s, x]) => !((S.rule && r !== rule) || (S.severity && s !== sev) || (S.fix && x !== fix) || (S.family && RULES[r][2] !== S.family)));
    const hits = q ? searchHits(q) : null, bySource = !!S.source, out = new Int32Array(NF);
    let n = 0;
    for (let i = 0; i < NF; i++) {
      if (!kindOk[FKIND[i]]) continue;
      const d = FDOC[i];
      if ((bySource && DSRC[d] !== src) || (fileOk && !fileOk[DFILE[d]]) || (hits && !hits[i])) continue;
      out[n++] = i;
    }
    const found = out.subarray(0, n);
    if (S.sort === "severity") return byKey(found, (i) => KSEV[FKIND[i]], SEV.length);
    if (S.sort === "rule") return byKey(found, (i) => KRULE[FKIND[i]], RULES.length);
    if (S.sort === "file") {
      if (!fileRank) { fileRank = new Int32Array(FILES.length); FILES.map((p, i) => i).sort((a, b) => FILES[a].localeCompare(FILES[b])).forEach((f, r) => { fileRank[f] = r; }); }
      return byKey(found, (i) => fileRank[DFILE[FDOC[i]]], FILES.length);
    }
    return found;
  }
  function pageLine(d) { // a saved page's URL and title
    return d[6] ? el("div", {class: "page-url"}, el("span", {class: "mute"}, "URL "), el("code", {class: "url"}, visible(d[6])), d[7] && /\.html?(\.gz)?$/i.test(FILES[d[0]]) ? el("span", {class: "page-title"}, "  \u00b7  ", visible(d[7])) : null) : null;
  }
  function findingCard(f) {
    const r = RULES[f[1]], sev = SEV[f[2]], d = docAt(f[0]);
    const card = el("div", {class: "finding " + sev},
      el("div", {}, el("span", {class: "badge " + sev}, r[0]), " ", el("b", {}, r[1]), " ", el("span", {class: "sev-" + sev}, sev),
        f[8] ? el("span", {}, " ", el("span", {class: "badge fix"}, FIX[f[8]] + " fix")) : null,
        " ", el("span", {class: "loc link", title: "open the document", onclick: () => go(docLink(d, f[3]))}, visible(where(f) + (f[4] !== f[3] ? " (lines " + f[3] + "\u2013" + f[4] + ")" : "")))),
      el("div", {class: "msg"}, visible(f[6])));
    const doc = [];
    if (d[3]) doc.push(d[3]);
    if (SOURCES[d[2]]) doc.push("source: " + SOURCES[d[2]]);
    if (f[9]) doc.push("original at line " + f[9]);
    if (doc.length) card.append(el("div", {class: "doc"}, visible(doc.join("  \u00b7  "))));
    const page = pageLine(d); if (page) card.append(page);
    const ctx = el("div", {class: "context"}, f[7] ? el("code", {class: "excerpt"}, visible(f[7])) : null);
    card.append(ctx);
    if (d[5] >= 0) need("t" + d[5]).then(() => { const t = TEXT.get(f[0]); if (t) ctx.replaceChildren(contextLines(f, t)); }, () => {});
    return card;
  }
  function contextLines(f, t) { // a line before, the flagged lines (at most 3), a line after
    const lines = t[0].split("\n"), first = Math.max(1, f[3] - 1), flaggedEnd = Math.min(f[4] || f[3], f[3] + 2), last = Math.min(lines.length, flaggedEnd + 1);
    const tb = el("table", {class: "ctx"});
    for (let n = first; n <= last; n++) {
      const hit = n >= f[3] && n <= flaggedEnd;
      tb.append(el("tr", {class: hit ? "hit " + SEV[f[2]] : ""}, el("td", {class: "ln"}, n), el("td", {class: "tx"}, visible(cutLine(lines[n - 1] || "")))));
    }
    if ((f[4] || f[3]) > flaggedEnd) tb.append(el("tr", {}, el("td", {class: "ln"}, "\u22ee"), el("td", {class: "tx mute"}, fmt(f[4] - flaggedEnd) + " more flagged line(s)")));
    return tb;
  }
  const cutLine = (s) => (s.length > 400 ? s.slice(0, 399) + "\u2026" : s);
  function explorer() {
    const root = document.getElementById("explorer"), shown = () => !document.getElementById("explorer").hidden;
    const failed = (e) => { const c = document.getElementById("count") || root.appendChild(el("div", {class: "count", id: "count"})); c.replaceChildren(el("span", {class: "fail"}, e.message)); };
    if (!CORE || (S.q && loaded.d < D.chunks.length)) { // the search reads the cards' data (d<N>) of every finding
      const shownCount = document.getElementById("count"), keep = CORE && shownCount && root.contains(shownCount);
      const note = keep ? shownCount : el("div", {class: "count", id: "count"}, "loading findings\u2026");
      if (!keep) root.replaceChildren(note); // a search typed in the explorer keeps its box while the data loads
      if (!CORE && !FILTER_KEYS.some((k) => S[k]) && D.chunks.length) Promise.all([need("f0"), need("d0")]).then(() => { // the first page in document order before the rest has loaded
        if (CORE || !shown()) return;
        const list = el("div", {id: "findings-preview"});
        for (let i = 0; i < Math.min(PAGE, D.chunks[0][2]); i++) list.append(findingCard(fnd(i)));
        root.append(list);
        performance.mark("cc-first-page"); // for benchmarks/report_load.py
      }, () => {});
      const progress = () => { note.textContent = (CORE ? "loading the search data: " + loaded.d : "loading findings: " + loaded.f) + " of " + D.chunks.length + " parts"; };
      (CORE ? needEvery("d", progress) : allFindings(progress)).then(() => { if (shown()) explorer(); }, failed);
      return;
    }
    const found = matching(), pages = Math.max(1, Math.ceil(found.length / PAGE)), page = Math.min(pages, Math.max(1, +(S.page || 1)));
    const slice = found.subarray((page - 1) * PAGE, page * PAGE), missing = detailsFor(slice);
    const typing = document.activeElement && document.activeElement.id === "f-q";
    root.replaceChildren();
    const bar = el("div", {class: "filters"});
    for (const [key, label, options] of FILTERS) {
      if (key === "file" && MANY_FILES) {
        const box = el("input", {type: "search", id: "f-file", placeholder: "path contains", value: S.file || ""});
        box.addEventListener("change", () => go({file: box.value, page: ""}));
        bar.append(el("label", {}, label, box));
        continue;
      }
      const s = el("select", {id: "f-" + key, onchange: (e) => go({[key]: e.target.value, page: ""})}, el("option", {value: ""}, "all"));
      for (const [v, text] of options()) { const o = el("option", {value: String(v)}, text); if (S[key] === String(v)) o.selected = true; s.append(o); }
      bar.append(el("label", {}, label, s));
    }
    const q = el("input", {type: "search", id: "f-q", placeholder: "search messages, excerpts, paths, titles, URLs", value: S.q || ""});
    let timer = 0; q.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => go({q: q.value, page: ""}), 250); });
    bar.append(el("label", {}, "search", q));
    if (typing) setTimeout(() => { q.focus(); q.setSelectionRange(q.value.length, q.value.length); }, 0); // go on typing
    const sort = el("select", {id: "f-sort", onchange: (e) => go({sort: e.target.value === "doc" ? "" : e.target.value})});
    for (const [k, v] of Object.entries(SORTS)) { const o = el("option", {value: k}, v); if ((S.sort || "doc") === k) o.selected = true; sort.append(o); }
    bar.append(el("label", {}, "sort", sort), el("button", {id: "f-clear", onclick: () => go({rule: "", family: "", severity: "", source: "", file: "", fix: "", q: "", page: "", sort: ""})}, "clear filters"));
    root.append(bar);
    const sev = [0, 0, 0]; for (const i of found) sev[KSEV[FKIND[i]]]++;
    root.append(el("div", {class: "count", id: "count"}, fmt(found.length) + " of " + fmt(NF) + " findings",
      el("span", {class: "mute"}, "  (" + SEV.map((s, i) => fmt(sev[i]) + " " + s).join(", ") + ")")));
    const pager = () => el("div", {class: "pager"},
      el("button", Object.assign({class: "prev", onclick: () => go({page: String(page - 1)})}, page <= 1 ? {disabled: ""} : {}), "\u2190 previous"),
      el("span", {class: "page"}, "page " + fmt(page) + " of " + fmt(pages)),
      el("button", Object.assign({class: "next", onclick: () => go({page: String(page + 1)})}, page >= pages ? {disabled: ""} : {}), "next \u2192"));
    root.append(pager());
    const list = el("div", {id: "findings"});
    root.append(list, pager());
    const draw = () => {
      list.replaceChildren(...Array.from(slice, (i) => findingCard(fnd(i))));
      if (!performance.getEntriesByName("cc-first-page").length) performance.mark("cc-first-page");
      if (!performance.getEntriesByName("cc-all-findings").length) performance.mark("cc-all-findings"); // for benchmarks/report_load.py
    };
    if (!missing.length) draw();
    else { // the counts are drawn; the page's cards once their d<N> chunks are in
      list.append(el("p", {class: "mute", id: "cards-loading"}, "loading the findings\u2019 details\u2026"));
      Promise.all(missing).then(() => { if (list.isConnected) draw(); }, failed);
    }
  }

  // ---------- document view ----------
  function docView() {
    const root = document.getElementById("document");
    root.replaceChildren(el("p", {class: "mute"}, "loading the document\u2026"));
    allFindings().then(() => {
      const file = FILES.indexOf(S.doc), rec = S.rec || "1";
      let index = -1;
      for (let d = 0; d < ND && file >= 0; d++) if (DFILE[d] === file && String(DREC[d]) === rec) { index = d; break; }
      if (index < 0) { root.replaceChildren(el("p", {class: "warn"}, "No findings in ", visible((S.doc || "") + "#" + (S.rec || "1")), ": the report keeps the documents that have findings.")); return null; }
      return need("d" + chunkAt(DSTART, index)).then(() => {
        const d = docAt(index), fs = findingsOf(index).map(fnd);
        return (d[5] >= 0 ? need("t" + d[5]) : Promise.resolve()).then(() => {
          const t = TEXT.get(index);
          if (t && t[5]) fs.forEach((f, k) => { f[11] = t[5][k] || 0; }); // the fix edits travel with the text
          documentPage(root, index, d, fs, t);
        });
      });
    }).catch((e) => root.replaceChildren(el("p", {class: "fail"}, e.message)));
  }
  function lineStarts(text) { const s = [0]; for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) s.push(i + 1); return s; }
  function documentPage(root, index, d, fs, t) {
    root.replaceChildren();
    root.append(el("div", {class: "crumbs"}, el("span", {class: "link", onclick: () => history.length > 1 ? history.back() : go({view: "explorer"})}, "\u2190 back"),
      "  \u00b7  ", el("span", {class: "link", onclick: () => go({view: "explorer", file: MANY_FILES ? FILES[d[0]] : FILES[d[0]], q: d[4] ? "#" + d[1] + ":" : "", page: "", doc: "", rec: "", line: "", mode: ""})}, "this document's findings in the explorer")));
    root.append(el("h1", {id: "doc-name"}, visible(docName(d))));
    const head = el("div", {class: "card doc-head"});
    if (d[3]) head.append(el("div", {}, el("span", {class: "mute"}, "title "), el("b", {id: "doc-title"}, visible(d[3]))));
    if (SOURCES[d[2]]) head.append(el("div", {}, el("span", {class: "mute"}, "source "), visible(SOURCES[d[2]])));
    const saved = /\.html?(\.gz)?$/i.test(FILES[d[0]]); // a saved page: its URL (canonical / og:url), title, extracted text
    if (d[6] || saved) head.append(el("div", {}, el("span", {class: "mute"}, "URL "), d[6] ? el("code", {class: "url", id: "doc-url"}, visible(d[6])) : el("span", {class: "mute", id: "doc-url"}, "(the page names none)")));
    if (saved) {
      head.append(el("div", {}, el("span", {class: "mute"}, "page title "), el("span", {id: "doc-page-title"}, visible(d[7] || "(none)"))));
      head.append(el("div", {class: "mute"}, "The text below is what was extracted from the saved page."));
    }
    const sevs = [0, 0, 0]; for (const f of fs) sevs[f[2]]++;
    head.append(el("div", {}, el("span", {class: "mute"}, "findings "), SEV.map((s, i) => fmt(sevs[i]) + " " + s).join(", ")));
    root.append(head);
    if (!t) { root.append(el("p", {class: "warn", id: "no-text"}, "The text is not in the report: the file could not be read again when the report was written (moved, changed, or not readable).")); root.append(findingList(fs, null)); return; }
    const [text, total, titleLine, dl, dlEnd] = t, lines = text.split("\n");
    const cut = total > text.length;
    if (dl < 0) root.append(el("p", {class: "mute", id: "no-dateline"}, "The dateline is not marked: the report looks for it in the first " + fmt(D.meta.marked_docs) + " documents with findings only."));
    if (cut) root.append(el("p", {class: "warn", id: "cut-note"}, "Text cut: the report shows the first " + fmt(text.length) + " of " + fmt(total) + " characters (" + fmt(lines.length) + " lines; at most " + fmt(D.meta.text_chars) + " per document). Findings past the cut are listed but not marked in the text."));
    const fixable = fs.filter((f) => f[11] && f[8]);
    const tabs = el("div", {class: "tabs"},
      el("button", {class: S.mode === "fix" ? "" : "on", id: "tab-text", onclick: () => go({mode: ""})}, "text"),
      el("button", Object.assign({class: S.mode === "fix" ? "on" : "", id: "tab-fix", onclick: () => go({mode: "fix", line: ""})}, fixable.length ? {} : {disabled: "", title: "no finding here has fix edits"}), "fix preview (" + fixable.length + ")"));
    root.append(tabs);
    root.append(findingList(fs, lines.length));
    if (S.mode === "fix") { root.append(fixPreview(text, fs)); return; }
    for (const f of fs) if (f[9] && RULES[f[1]][0] === "D101") root.append(sideBySide(f, lines));
    root.append(textTable(text, lines, fs, titleLine, dl, dlEnd));
    if (S.line) { const row = document.getElementById("L" + S.line); if (row) { row.classList.add("target"); row.scrollIntoView({block: "center"}); } }
  }
  function findingList(fs, nLines) {
    const box = el("div", {class: "card"}, el("h2", {}, "Findings in this document"));
    const t = el("table", {id: "doc-findings"});
    for (const f of fs) {
      const sev = SEV[f[2]], past = nLines !== null && f[3] > nLines;
      t.append(el("tr", {}, el("td", {}, el("span", {class: "badge " + sev}, RULES[f[1]][0])),
        el("td", {class: "num"}, past ? el("span", {}, f[3], " (past the cut)") : el("span", {class: "link", onclick: () => go({line: String(f[3]), mode: ""})}, f[4] !== f[3] ? f[3] + "\u2013" + f[4] : f[3])),
        el("td", {}, visible(f[6])), el("td", {}, f[8] ? el("span", {class: "badge fix"}, FIX[f[8]] + " fix") : "")));
    }
    box.append(t);
    return box;
  }
  function sideBySide(f, lines) { // a duplicated run beside its original
    const box = el("div", {class: "card side-by-side"}, el("h2", {}, RULES[f[1]][0] + " " + RULES[f[1]][1] + ": lines " + f[3] + "\u2013" + f[4] + " repeat lines " + f[9] + "\u2013" + (f[10] || f[9])));
    const t = el("table", {class: "pair"}, el("tr", {}, el("th", {colspan: 2}, "original (lines " + f[9] + "\u2013" + (f[10] || f[9]) + ")"), el("th", {colspan: 2}, "repeated (lines " + f[3] + "\u2013" + f[4] + ")")));
    const n = Math.max((f[10] || f[9]) - f[9], f[4] - f[3]) + 1;
    for (let i = 0; i < n; i++) {
      const a = f[9] + i, b = f[3] + i, aIn = a <= (f[10] || f[9]), bIn = b <= f[4];
      t.append(el("tr", {}, el("td", {class: "ln"}, aIn ? a : ""), el("td", {class: "tx original"}, aIn ? visible(cutLine(lines[a - 1] || "")) : ""),
        el("td", {class: "ln"}, bIn ? b : ""), el("td", {class: "tx repeat " + SEV[f[2]]}, bIn ? visible(cutLine(lines[b - 1] || "")) : "")));
    }
    box.append(t);
    return box;
  }
  function textTable(text, lines, fs, titleLine, dl, dlEnd) {
    const flagged = new Map(), marks = new Map(), starts = lineStarts(text); // line -> [severity, codes]; line -> [[from, to]]
    for (const f of fs) {
      for (let n = f[3]; n <= Math.min(f[4] || f[3], lines.length); n++) {
        const m = flagged.get(n) || [3, []]; m[0] = Math.min(m[0], f[2]); if (!m[1].includes(RULES[f[1]][0])) m[1].push(RULES[f[1]][0]); flagged.set(n, m);
      }
      if (f[11]) for (const [a, b] of f[11]) {
        for (let n = lineAt(starts, a); n <= lines.length && starts[n - 1] < Math.max(b, a + 1); n++) {
          const from = Math.max(0, a - starts[n - 1]), to = Math.min(lines[n - 1].length, b - starts[n - 1]);
          if (to > from) { if (!marks.has(n)) marks.set(n, []); marks.get(n).push([from, to]); }
        }
      }
    }
    const t = el("table", {class: "doctext", id: "doc-text"});
    lines.forEach((line, i) => {
      const n = i + 1, part = n === titleLine ? "title" : n >= dl && n <= dlEnd && dl ? "dateline" : n > titleLine ? "body" : "head";
      const m = flagged.get(n);
      const row = el("tr", {id: "L" + n, class: "part-" + part + (m ? " hit " + SEV[m[0]] : "")},
        el("td", {class: "ln"}, n), el("td", {class: "part", title: part}, part === "title" ? "T" : part === "dateline" ? "D" : part === "body" ? "" : "\u00b7"),
        el("td", {class: "tx"}, marked(line, marks.get(n))), el("td", {class: "codes"}, m ? m[1].join(" ") : ""));
      t.append(row);
    });
    return el("div", {class: "card"}, el("h2", {}, "Text (", el("span", {class: "legend title"}, "T title"), " ", el("span", {class: "legend dateline"}, "D dateline"), " ", el("span", {class: "legend body"}, "body"), "; flagged lines coloured by severity, fix spans marked)"), t);
  }
  function lineAt(starts, offset) { let lo = 0, hi = starts.length - 1; while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; } return lo + 1; }
  function marked(line, spans) {
    if (!spans) return visible(line);
    spans.sort((a, b) => a[0] - b[0]);
    const out = el("span"); let last = 0;
    for (const [a, b] of spans) { if (a < last) continue; out.append(visible(line.slice(last, a)), el("mark", {}, visible(line.slice(a, b)))); last = b; }
    out.append(visible(line.slice(last)));
    return out;
  }
  function fixPreview(text, fs) { // what `corpuscheck fix` would remove (safe fixes; unsafe ones with --unsafe-fixes)
    const unsafe = S.unsafe === "1";
    const edits = [];
    for (const f of fs) if (f[11] && (f[8] === 1 || (unsafe && f[8] === 2))) for (const e of f[11]) if (e[1] <= text.length) edits.push([e[0], e[1], e[2], RULES[f[1]][0]]);
    edits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged = [];
    for (const e of edits) { const last = merged[merged.length - 1]; if (last && e[0] < last[1]) { if (!e[2] && !last[2]) last[1] = Math.max(last[1], e[1]); continue; } merged.push(e.slice()); }
    let removed = 0; for (const e of merged) removed += e[1] - e[0];
    const box = el("div", {class: "card", id: "fix-preview"}, el("h2", {}, "Fix preview"),
      el("p", {id: "fix-summary"}, "corpuscheck fix would make " + merged.length + " edit(s) here, removing " + fmt(removed) + " character(s)" + (merged.some((e) => e[2]) ? " and inserting replacements" : "") + " (safe fixes" + (unsafe ? " and unsafe ones" : "") + "; removed text struck through)."));
    box.append(el("label", {}, el("input", Object.assign({type: "checkbox", id: "fix-unsafe", onchange: (e) => go({unsafe: e.target.checked ? "1" : ""})}, unsafe ? {checked: ""} : {})), " also unsafe fixes (--unsafe-fixes)"));
    const noEdits = fs.filter((f) => f[8] && !f[11]).length;
    if (noEdits) box.append(el("p", {class: "mute"}, noEdits + " finding(s) have a fix whose edits are made by `corpuscheck fix` itself (dropping a document, corpus rules): not shown here."));
    const pre = el("pre", {class: "fixtext"}); let last = 0;
    for (const [a, b, r, code] of merged) {
      pre.append(visible(text.slice(last, a)));
      if (b > a) pre.append(el("del", {title: code}, visible(text.slice(a, b))));
      if (r) pre.append(el("ins", {title: code}, visible(r)));
      last = b;
    }
    pre.append(visible(text.slice(last)));
    box.append(pre);
    return box;
  }

  function show() {
    readHash();
    const view = S.view === "doc" && S.doc ? "document" : S.view === "explorer" || FILTER_KEYS.some((k) => S[k]) ? "explorer" : "overview";
    for (const id of ["overview", "explorer", "document"]) document.getElementById(id).hidden = id !== view;
    if (view === "document") docView(); else if (view === "explorer") explorer(); else overview();
    document.title = "corpuscheck: " + D.meta.suite + (view === "explorer" ? " \u2013 findings" : view === "document" ? " \u2013 " + S.doc : "");
  }
  if (D.meta.data_docs) document.getElementById("docs-link").append(el("a", {href: D.meta.data_docs, id: "data-docs"}, "GX Data Docs"));
  window.addEventListener("hashchange", show);
  show();
})();
