"use strict";
// corpuscheck report: overview + explorer over the JSON in #report-data. Corpus text only ever goes through textContent.
(function () {
  const D = JSON.parse(document.getElementById("report-data").textContent);
  const SEV = ["error", "warning", "info"], FIX = ["none", "safe", "unsafe"], PAGE = 50;
  // finding row: 0 file, 1 record, 2 rule, 3 severity, 4 line, 5 end_line, 6 column, 7 message, 8 excerpt,
  //              9 source, 10 title, 11 fix, 12 related line, 13 multi-document file
  const F = D.findings, RULES = D.rules, FILES = D.files, SOURCES = D.sources;
  const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

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
  const docKey = (f) => f[0] + "#" + f[1];
  const where = (f) => FILES[f[0]] + (f[13] ? "#" + f[1] : "") + ":" + f[4] + ":" + f[6];

  // ---------- state <-> URL fragment ----------
  const KEYS = ["view", "rule", "family", "severity", "source", "file", "fix", "q", "sort", "page", "failed"];
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

  // ---------- aggregates (one pass) ----------
  const perRule = RULES.map(() => ({n: 0, docs: new Set()}));
  const perSource = SOURCES.map(() => ({n: 0, docs: new Set()}));
  const perDoc = new Map(), heat = new Map();
  for (const f of F) {
    const k = docKey(f);
    perRule[f[2]].n++; perRule[f[2]].docs.add(k); perSource[f[9]].n++; perSource[f[9]].docs.add(k);
    const d = perDoc.get(k) || {f: f, n: 0, e: 0}; d.n++; d.e += f[3] === 0; perDoc.set(k, d);
    const h = f[9] + "," + f[2]; if (!heat.has(h)) heat.set(h, new Set()); heat.get(h).add(k);
  }
  const docsOf = new Map(D.docs_by_source.map(([s, n]) => [s, n]));
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
      const r = svg("rect", {x: left, y: y + 2, width: bw, height: 7, class: "bar"}); g.append(r);
      if (it.rate !== undefined) g.append(svg("rect", {x: left, y: y + 10, width: Math.max(1, it.rate * (w - left - 140)), height: 5, class: "bar rate"}));
      g.append(svg("text", {x: left + bw + 5, y: y + 10}, fmt(it.value) + (it.rate !== undefined ? "  \u00b7 " + pct(it.rate) + "" : "")));
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
    const srcs = perSource.map((p, i) => [i, p.docs.size]).filter((x) => x[1]).sort((a, b) => b[1] - a[1]).slice(0, 25).map((x) => x[0]);
    const rules = perRule.map((p, i) => [i, p.n]).filter((x) => x[1]).sort((a, b) => b[1] - a[1]).slice(0, 20).map((x) => x[0]);
    if (!srcs.length) return el("p", {class: "mute"}, "no findings");
    const t = el("table", {class: "heat"}), head = el("tr", {}, el("th", {}, "source \\ rule"));
    for (const r of rules) head.append(el("th", {title: RULES[r][1]}, RULES[r][0]));
    t.append(head);
    for (const s of srcs) {
      const tr = el("tr", {}, el("th", {}, SOURCES[s] || "(none)")), n = docsOf.get(s) || perSource[s].docs.size;
      for (const r of rules) {
        const hit = heat.get(s + "," + r), rate = hit ? hit.size / n : 0;
        const td = el("td", {title: (SOURCES[s] || "(none)") + " \u00d7 " + RULES[r][1] + ": " + (hit ? hit.size : 0) + " of " + n + " documents"}, rate ? pct(rate) : "");
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
    const ruleItems = perRule.map((p, i) => ({label: RULES[i][0] + " " + RULES[i][1], value: p.n, rate: p.docs.size / totalDocs,
      onclick: () => go({view: "explorer", rule: ruleName(i), page: ""})})).sort((a, b) => b.value - a.value);
    const srcItems = perSource.map((p, i) => ({label: SOURCES[i] || "(no source)", idx: i, value: p.n, rate: p.docs.size / (docsOf.get(i) || p.docs.size || 1),
      onclick: () => go({view: "explorer", source: SOURCES[i], page: ""})})).filter((x) => x.value).sort((a, b) => b.value - a.value).slice(0, 25);
    root.append(el("div", {class: "grid"},
      el("div", {class: "card"}, el("h2", {}, "Findings per rule"), bars(ruleItems, {legend: "findings (blue) \u00b7 share of documents failing (red)"})),
      el("div", {class: "card"}, el("h2", {}, "Findings per source"), bars(srcItems, {legend: "findings (blue) \u00b7 share of the source's documents failing (red)"})),
      el("div", {class: "card"}, el("h2", {}, "Document length"), histogram(D.lengths)),
      el("div", {class: "card"}, el("h2", {}, "Failing documents per source \u00d7 rule"), heatmap())));
    const worst = [...perDoc.values()].sort((a, b) => b.e - a.e || b.n - a.n).slice(0, 15);
    const wd = el("table", {}, el("tr", {}, el("th", {}, "document"), el("th", {class: "num"}, "errors"), el("th", {class: "num"}, "findings")));
    for (const d of worst) wd.append(el("tr", {}, el("td", {}, el("span", {class: "link", onclick: () => go({view: "explorer", file: FILES[d.f[0]], q: d.f[13] ? "#" + d.f[1] + ":" : "", page: ""})},
      FILES[d.f[0]] + (d.f[13] ? "#" + d.f[1] : "")), D.titles[d.f[10]] ? el("div", {class: "mute"}, visible(D.titles[d.f[10]])) : null), el("td", {class: "num"}, fmt(d.e)), el("td", {class: "num"}, fmt(d.n))));
    const ws = el("table", {}, el("tr", {}, el("th", {}, "source"), el("th", {class: "num"}, "failing documents"), el("th", {class: "num"}, "share")));
    for (const it of srcItems.slice().sort((a, b) => b.rate - a.rate).slice(0, 15)) ws.append(el("tr", {}, el("td", {}, el("span", {class: "link", onclick: it.onclick}, it.label)), el("td", {class: "num"}, fmt(perSource[it.idx].docs.size) + " / " + fmt(docsOf.get(it.idx) || perSource[it.idx].docs.size)), el("td", {class: "num"}, pct(it.rate))));
    root.append(el("div", {class: "grid"}, el("div", {class: "card"}, el("h2", {}, "Worst documents"), wd), el("div", {class: "card"}, el("h2", {}, "Worst sources"), ws)));
    if (D.errors.length) {
      const et = el("table", {}, el("tr", {}, el("th", {}, "file"), el("th", {}, "line"), el("th", {}, "problem")));
      for (const e of D.errors.slice(0, 1000)) et.append(el("tr", {}, el("td", {}, visible(FILES[e[0]] + (e[2] ? "#" + e[2] : ""))), el("td", {class: "num"}, e[1] || ""), el("td", {}, visible(e[3]))));
      root.append(el("div", {class: "card"}, el("h2", {}, "Read errors (" + fmt(D.errors.length) + ")"), et, D.errors.length > 1000 ? el("p", {class: "mute"}, "first 1,000 shown; all are in --format json") : null));
    }
  }

  // ---------- explorer ----------
  // fragment values are names (a rule's "CODE name", a source, a path), so links survive a re-run
  const ruleName = (i) => RULES[i][0] + " " + RULES[i][1];
  const pos = (list, name) => (name === undefined ? -1 : list.indexOf(name));
  const FILTERS = [["rule", "rule", () => RULES.map((r, i) => [ruleName(i), ruleName(i)])],
    ["family", "family", () => [...new Set(RULES.map((r) => r[2]))].sort().map((f) => [f, f])],
    ["severity", "severity", () => SEV.map((s) => [s, s])],
    ["source", "source", () => SOURCES.map((s, i) => [s, s || "(no source)", i]).filter((x) => x[0] && perSource[x[2]].n).sort((a, b) => a[1].localeCompare(b[1]))],
    ["file", "file", () => FILES.map((f) => [f, f])],
    ["fix", "fixable", () => FIX.map((f) => [f, f])]];
  const SORTS = {doc: "document order", severity: "severity", rule: "rule", file: "file"};
  function matching() {
    const q = (S.q || "").toLowerCase(), out = [];
    const rule = S.rule === undefined ? -1 : RULES.findIndex((r, i) => ruleName(i) === S.rule), sev = pos(SEV, S.severity);
    const src = pos(SOURCES, S.source), file = pos(FILES, S.file), fix = pos(FIX, S.fix);
    for (const f of F) {
      if ((S.rule && f[2] !== rule) || (S.severity && f[3] !== sev) || (S.source && f[9] !== src) || (S.file && f[0] !== file) || (S.fix && f[11] !== fix)) continue;
      if (S.family && RULES[f[2]][2] !== S.family) continue;
      if (q && !(f[7] + "\n" + f[8] + "\n" + where(f) + "\n" + RULES[f[2]][0] + " " + RULES[f[2]][1] + "\n" + D.titles[f[10]] + "\n" + SOURCES[f[9]]).toLowerCase().includes(q)) continue;
      out.push(f);
    }
    const by = {severity: (a, b) => a[3] - b[3], rule: (a, b) => a[2] - b[2], file: (a, b) => FILES[a[0]].localeCompare(FILES[b[0]])}[S.sort];
    return by ? out.sort((a, b) => by(a, b) || a[0] - b[0] || a[1] - b[1] || a[4] - b[4]) : out;
  }
  function findingCard(f) {
    const r = RULES[f[2]], sev = SEV[f[3]];
    const card = el("div", {class: "finding " + sev},
      el("div", {}, el("span", {class: "badge " + sev}, r[0]), " ", el("b", {}, r[1]), " ", el("span", {class: "sev-" + sev}, sev),
        f[11] ? el("span", {}, " ", el("span", {class: "badge fix"}, FIX[f[11]] + " fix")) : null,
        " ", el("span", {class: "loc"}, visible(where(f) + (f[5] !== f[4] ? " (lines " + f[4] + "\u2013" + f[5] + ")" : "")))),
      el("div", {class: "msg"}, visible(f[7])));
    const doc = [];
    if (D.titles[f[10]]) doc.push(D.titles[f[10]]);
    if (SOURCES[f[9]]) doc.push("source: " + SOURCES[f[9]]);
    if (f[12]) doc.push("original at line " + f[12]);
    if (doc.length) card.append(el("div", {class: "doc"}, visible(doc.join("  \u00b7  "))));
    if (f[8]) card.append(el("code", {class: "excerpt"}, visible(f[8])));
    return card;
  }
  function explorer() {
    const root = document.getElementById("explorer"); root.replaceChildren();
    const bar = el("div", {class: "filters"});
    for (const [key, label, options] of FILTERS) {
      const s = el("select", {id: "f-" + key, onchange: (e) => go({[key]: e.target.value, page: ""})}, el("option", {value: ""}, "all"));
      for (const [v, text] of options()) { const o = el("option", {value: String(v)}, text); if (S[key] === String(v)) o.selected = true; s.append(o); }
      bar.append(el("label", {}, label, s));
    }
    const q = el("input", {type: "search", id: "f-q", placeholder: "search messages, excerpts, paths, titles", value: S.q || ""});
    let timer = 0; q.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => go({q: q.value, page: ""}), 250); });
    bar.append(el("label", {}, "search", q));
    const sort = el("select", {id: "f-sort", onchange: (e) => go({sort: e.target.value === "doc" ? "" : e.target.value})});
    for (const [k, v] of Object.entries(SORTS)) { const o = el("option", {value: k}, v); if ((S.sort || "doc") === k) o.selected = true; sort.append(o); }
    bar.append(el("label", {}, "sort", sort), el("button", {id: "f-clear", onclick: () => go({rule: "", family: "", severity: "", source: "", file: "", fix: "", q: "", page: "", sort: ""})}, "clear filters"));
    root.append(bar);
    const found = matching(), pages = Math.max(1, Math.ceil(found.length / PAGE)), page = Math.min(pages, Math.max(1, +(S.page || 1)));
    const sev = [0, 0, 0]; for (const f of found) sev[f[3]]++;
    root.append(el("div", {class: "count", id: "count"}, fmt(found.length) + " of " + fmt(F.length) + " findings",
      el("span", {class: "mute"}, "  (" + SEV.map((s, i) => fmt(sev[i]) + " " + s).join(", ") + ")")));
    const pager = () => el("div", {class: "pager"},
      el("button", Object.assign({class: "prev", onclick: () => go({page: String(page - 1)})}, page <= 1 ? {disabled: ""} : {}), "\u2190 previous"),
      el("span", {class: "page"}, "page " + page + " of " + fmt(pages)),
      el("button", Object.assign({class: "next", onclick: () => go({page: String(page + 1)})}, page >= pages ? {disabled: ""} : {}), "next \u2192"));
    root.append(pager());
    const list = el("div", {id: "findings"});
    for (const f of found.slice((page - 1) * PAGE, page * PAGE)) list.append(findingCard(f));
    root.append(list, pager());
  }

  function show() {
    readHash();
    const ex = S.view === "explorer" || KEYS.slice(1, 10).some((k) => S[k]);
    document.getElementById("overview").hidden = ex;
    document.getElementById("explorer").hidden = !ex;
    if (ex) explorer(); else overview();
    document.title = "corpuscheck: " + D.meta.suite + (ex ? " \u2013 findings" : "");
  }
  if (D.meta.data_docs) document.getElementById("docs-link").append(el("a", {href: D.meta.data_docs}, "GX Data Docs"));
  window.addEventListener("hashchange", show);
  show();
})();
