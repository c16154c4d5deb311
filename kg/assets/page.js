/* kg graph page. All report text reaches the DOM through textContent / vis' innerText
   popups only; nothing here builds HTML from strings. Globals kept like pyvis' template:
   `network` (the vis.Network), `nodes`, `edges` (its DataSets). */
"use strict";
var network, nodes, edges, container, kgView;

(function () {
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var N = D.nodes;
  var classInfo = {};
  D.classes.forEach(function (c) { classInfo[c.name] = c; });
  var relInfo = {};
  D.relations.forEach(function (r) { relInfo[r.name] = r; });
  var classOn = {};
  D.classes.forEach(function (c) { classOn[c.name] = true; });
  var SVGNS = "http://www.w3.org/2000/svg";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function norm(s) { return String(s).normalize("NFKC").toLowerCase().trim(); }

  /* ------------------------------------------------------------ header */
  document.getElementById("title").textContent = D.title;
  document.getElementById("stats").textContent =
    N.length + " 个节点 · " + D.edges.length + " 条关系 · " + D.measurements.length + " 条指标数据";

  /* ------------------------------------------------------------ legend + class filter */
  function shapeSvg(shape, color, size) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", size); svg.setAttribute("height", size);
    svg.setAttribute("viewBox", "-10 -10 20 20");
    var s;
    var pts = {
      diamond: "0,-9 9,0 0,9 -9,0",
      triangle: "0,-9 9,7 -9,7",
      triangleDown: "0,9 9,-7 -9,-7",
      square: "-8,-8 8,-8 8,8 -8,8",
      hexagon: "-4.5,-8 4.5,-8 9,0 4.5,8 -4.5,8 -9,0",
      star: "0,-9.5 2.6,-3.2 9.3,-3 4.1,1.3 5.9,7.8 0,4 -5.9,7.8 -4.1,1.3 -9.3,-3 -2.6,-3.2"
    };
    if (pts[shape]) {
      s = document.createElementNS(SVGNS, "polygon");
      s.setAttribute("points", pts[shape]);
    } else {
      s = document.createElementNS(SVGNS, "circle");
      s.setAttribute("r", "8");
    }
    s.setAttribute("fill", color);
    svg.appendChild(s);
    return svg;
  }
  function lineSvg(color, dashes) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "34"); svg.setAttribute("height", "10");
    var l = document.createElementNS(SVGNS, "line");
    l.setAttribute("x1", "1"); l.setAttribute("y1", "5"); l.setAttribute("x2", "33"); l.setAttribute("y2", "5");
    l.setAttribute("stroke", color); l.setAttribute("stroke-width", "2");
    if (dashes) l.setAttribute("stroke-dasharray", dashes.join(" "));
    svg.appendChild(l);
    return svg;
  }
  var filterList = document.getElementById("class-filter");
  D.classes.forEach(function (c) {
    var li = el("li"); var label = el("label");
    var box = el("input"); box.type = "checkbox"; box.checked = true; box.value = c.name;
    box.dataset.cls = c.name;
    box.addEventListener("change", function () { classOn[c.name] = box.checked; applyFilter(); });
    label.appendChild(box);
    label.appendChild(shapeSvg(c.shape, c.color, 16));
    label.appendChild(el("span", "name", c.label));
    label.appendChild(el("span", "count", c.count));
    li.appendChild(label); filterList.appendChild(li);
  });
  var relList = document.getElementById("relation-legend");
  D.relations.forEach(function (r) {
    var li = el("li");
    li.appendChild(lineSvg(r.color, r.dashes));
    li.appendChild(el("span", "name", r.label));
    li.appendChild(el("span", "count", r.count));
    relList.appendChild(li);
  });
  function setAllClasses(on) {
    filterList.querySelectorAll("input[type=checkbox]").forEach(function (b) {
      b.checked = on; classOn[b.value] = on;
    });
    applyFilter();
  }
  document.getElementById("classes-all").addEventListener("click", function () { setAllClasses(true); });
  document.getElementById("classes-none").addEventListener("click", function () { setAllClasses(false); });

  /* ------------------------------------------------------------ network */
  container = document.getElementById("mynetwork");
  nodes = new vis.DataSet(D.vis.nodes);
  edges = new vis.DataSet(D.vis.edges);
  network = new vis.Network(container, { nodes: nodes, edges: edges }, D.vis.options);
  network.once("afterDrawing", function () { window.kgReady = performance.now(); });

  var base = {};
  D.vis.nodes.forEach(function (n) { base[n.id] = n; });
  var DIM = { background: "#e4e7eb", border: "#d3d8de",
              highlight: { background: "#e4e7eb", border: "#9aa5b1" },
              hover: { background: "#e4e7eb", border: "#9aa5b1" } };
  var dimmed = {};      // node id -> true while dimmed
  // Every DataSet update makes vis re-scan all nodes and edges (an edge update costs ~1 s
  // at 5,000 nodes); above this size a selection relies on vis' own highlight of the node
  // and its edges, and the panel names the relations.
  var FADE = N.length <= 1500;
  var selected = null;

  function applyFilter() {
    var upd = [];
    N.forEach(function (n, i) {
      var hide = !classOn[n.cls];
      if (!!nodes.get(i, { fields: ["hidden"] }).hidden !== hide) upd.push({ id: i, hidden: hide });
    });
    if (upd.length) nodes.update(upd);
    if (selected !== null && !classOn[N[selected].cls]) clearSelection();
  }

  var baseEdge = {};
  D.vis.edges.forEach(function (e) { baseEdge[e.id] = e; });
  var edgeState = {};   // edge id -> "dim" | "label" while highlighted

  function setEdges(want) {
    var upd = [];
    D.vis.edges.forEach(function (e) {
      var now = edgeState[e.id] || "", next = want(e.id);
      if (now === next) return;
      var c = baseEdge[e.id].color;
      var rel = relInfo[D.edges[e.id].rel];
      upd.push({
        id: e.id,
        label: next === "label" ? (rel ? rel.label : D.edges[e.id].rel) : "",
        color: next === "dim" ? { color: c.color, highlight: c.highlight, hover: c.hover, opacity: 0.12 } : c
      });
      if (next) edgeState[e.id] = next; else delete edgeState[e.id];
    });
    if (upd.length) edges.update(upd);
  }

  function highlight(ids) {
    var keep = {}, keepEdge = {};
    ids.forEach(function (id) {
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (m) { keep[m] = true; });
      network.getConnectedEdges(id).forEach(function (e) { keepEdge[e] = true; });
    });
    if (!FADE) return;
    var upd = [];
    N.forEach(function (_n, i) {
      var dim = !keep[i];
      if (!!dimmed[i] !== dim) {
        upd.push(dim ? { id: i, color: DIM, font: { color: "#b8c2cc" } }
                     : { id: i, color: base[i].color, font: base[i].font });
        if (dim) dimmed[i] = true; else delete dimmed[i];
      }
    });
    if (upd.length) nodes.update(upd);
    setEdges(function (e) { return keepEdge[e] ? "label" : "dim"; });
  }
  function unhighlight() {
    var upd = [];
    Object.keys(dimmed).forEach(function (k) {
      var i = Number(k); upd.push({ id: i, color: base[i].color, font: base[i].font });
    });
    dimmed = {};
    if (upd.length) nodes.update(upd);
    setEdges(function () { return ""; });
  }

  /* ------------------------------------------------------------ details panel */
  var details = document.getElementById("details");
  function sentenceItem(ev) {
    var s = D.sentences[ev[0]];
    var li = el("li");
    if (s.section >= 0) li.appendChild(el("span", "section", D.sections[s.section]));
    var p = el("span", "sentence");
    var text = s.text, at = 0;
    ev[1].forEach(function (sp) {
      if (sp[0] < at) return;
      if (sp[0] > at) p.appendChild(document.createTextNode(text.slice(at, sp[0])));
      p.appendChild(el("mark", null, text.slice(sp[0], sp[1])));
      at = sp[1];
    });
    if (at < text.length) p.appendChild(document.createTextNode(text.slice(at)));
    li.appendChild(p);
    return li;
  }
  function nodeLink(i) {
    var b = el("button", "link", N[i].label); b.type = "button";
    b.addEventListener("click", function () { selectNode(i); });
    return b;
  }
  function measText(m) {
    return (m.change ? m.change + " " : "") + m.value + (m.unit ? " " + m.unit : "") + (m.qualifier ? " " + m.qualifier : "");
  }
  function kindText(m) { return m.target === true ? "目标" : m.target === false ? "实际" : ""; }

  function showNode(i) {
    var n = N[i];
    clear(details);
    showTab("details");
    details.appendChild(el("h2", null, n.label));
    var badges = el("div");
    n.types.forEach(function (t) {
      var info = classInfo[t];
      var b = el("span", "badge", info ? info.label : t);
      b.style.background = info ? info.color : "#7b8794";
      badges.appendChild(b);
    });
    details.appendChild(badges);
    if (n.aliases.length) {
      details.appendChild(el("h3", null, "别名"));
      details.appendChild(el("p", "aliases", n.aliases.join("、")));
    }
    if (n.definitions.length) {
      details.appendChild(el("h3", null, "定义"));
      n.definitions.forEach(function (d) { details.appendChild(el("p", "definition", d)); });
    }
    if (n.measurements.length) {
      details.appendChild(el("h3", null, "指标数据（" + n.measurements.length + "）"));
      var t = el("table", "meas-table"); var tb = el("tbody");
      n.measurements.forEach(function (k) {
        var m = D.measurements[k]; var tr = el("tr");
        tr.appendChild(el("td", null, N[m.indicator].label));
        tr.appendChild(el("td", "num", measText(m)));
        tr.appendChild(el("td", null, m.year));
        tr.appendChild(el("td", "kind", kindText(m)));
        tb.appendChild(tr);
      });
      t.appendChild(tb); details.appendChild(t);
    }
    details.appendChild(el("h3", null, "原文证据（" + n.evidence.length + "）"));
    if (!n.evidence.length) details.appendChild(el("p", "empty", "无"));
    var list = el("ul", "evidence");
    var LIMIT = 30;
    n.evidence.slice(0, LIMIT).forEach(function (x) { list.appendChild(sentenceItem(x)); });
    details.appendChild(list);
    if (n.evidence.length > LIMIT) {
      var more = el("button", "more", "显示其余 " + (n.evidence.length - LIMIT) + " 句");
      more.type = "button";
      more.addEventListener("click", function () {
        n.evidence.slice(LIMIT).forEach(function (x) { list.appendChild(sentenceItem(x)); });
        more.remove();
      });
      details.appendChild(more);
    }
    var rels = [];
    D.edges.forEach(function (e, k) {
      if (e.from === i) rels.push({ k: k, e: e, out: true, other: e.to });
      else if (e.to === i) rels.push({ k: k, e: e, out: false, other: e.from });
    });
    if (rels.length) {
      details.appendChild(el("h3", null, "关系（" + rels.length + "）"));
      var ul = el("ul", "relations");
      rels.forEach(function (r) {
        var li = el("li");
        var name = relInfo[r.e.rel] ? relInfo[r.e.rel].label : r.e.rel;
        li.appendChild(el("span", "rel", r.out ? name + " →" : "← " + name));
        li.appendChild(nodeLink(r.other));
        if (r.e.evidence.length) {
          var box = el("details"); box.appendChild(el("summary", null, "依据（" + r.e.evidence.length + "）"));
          var ev = el("ul", "evidence");
          r.e.evidence.forEach(function (x) { ev.appendChild(sentenceItem(x)); });
          box.appendChild(ev); li.appendChild(box);
        }
        ul.appendChild(li);
      });
      details.appendChild(ul);
    }
  }

  function selectNode(i, opts) {
    opts = opts || {};
    if (!classOn[N[i].cls]) {
      var box = filterList.querySelector("input[data-cls='" + N[i].cls + "']");
      if (box) box.checked = true;
      classOn[N[i].cls] = true; applyFilter();
    }
    selected = i;
    network.selectNodes([i]);
    highlight([i]);
    showNode(i);
    if (opts.move !== false) {
      network.focus(i, { scale: Math.max(network.getScale(), 0.9), animation: { duration: 350, easingFunction: "easeInOutQuad" } });
    }
  }
  function clearSelection() {
    selected = null;
    network.unselectAll();
    unhighlight();
  }

  network.on("click", function (params) {
    if (params.nodes.length) selectNode(params.nodes[0], { move: false });
    else if (!params.edges.length) clearSelection();
  });

  /* ------------------------------------------------------------ search */
  var search = document.getElementById("search");
  var results = document.getElementById("search-results");
  var keys = N.map(function (n) { return [norm(n.label)].concat(n.aliases.map(norm)); });
  var current = [];
  function find(q) {
    q = norm(q);
    if (!q) return [];
    var hits = [];
    N.forEach(function (n, i) {
      var k = keys[i], rank = 9, via = null;
      if (k[0] === q) rank = 0;
      for (var a = 1; a < k.length && rank > 1; a++) if (k[a] === q) { rank = 1; via = n.aliases[a - 1]; }
      if (rank > 2 && k[0].indexOf(q) === 0) rank = 2;
      for (var b = 1; b < k.length && rank > 3; b++) if (k[b].indexOf(q) === 0) { rank = 3; via = n.aliases[b - 1]; }
      if (rank > 4 && k[0].indexOf(q) >= 0) rank = 4;
      for (var c = 1; c < k.length && rank > 5; c++) if (k[c].indexOf(q) >= 0) { rank = 5; via = n.aliases[c - 1]; }
      if (rank < 9) hits.push({ i: i, rank: rank, via: via });
    });
    hits.sort(function (x, y) { return x.rank - y.rank || N[y.i].degree - N[x.i].degree || x.i - y.i; });
    return hits.slice(0, 30);
  }
  function showResults() {
    current = find(search.value);
    clear(results);
    if (!search.value.trim()) { results.hidden = true; return; }
    if (!current.length) results.appendChild(el("li", "none", "没有匹配的名称或别名"));
    current.forEach(function (h, k) {
      var li = el("li", k === 0 ? "active" : null);
      li.setAttribute("role", "option");
      li.appendChild(el("span", "label", N[h.i].label));
      if (h.via) li.appendChild(el("span", "alias", "别名：" + h.via));
      var info = classInfo[N[h.i].cls];
      li.appendChild(el("span", "cls", info ? info.label : N[h.i].cls));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(h.i); });
      results.appendChild(li);
    });
    results.hidden = false;
  }
  function choose(i) {
    results.hidden = true;
    selectNode(i);
  }
  search.addEventListener("input", showResults);
  search.addEventListener("focus", function () { if (search.value.trim()) showResults(); });
  search.addEventListener("blur", function () { results.hidden = true; });
  var active = 0;
  function setActive(k) {
    var items = results.querySelectorAll("li[role=option]");
    if (!items.length) return;
    active = (k + items.length) % items.length;
    items.forEach(function (li, j) { li.classList.toggle("active", j === active); });
    items[active].scrollIntoView({ block: "nearest" });
  }
  search.addEventListener("input", function () { active = 0; });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      if (results.hidden || !current.length) { current = find(search.value); active = 0; }
      if (current.length) choose(current[Math.min(active, current.length - 1)].i);
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      setActive(active + (ev.key === "ArrowDown" ? 1 : -1));
    } else if (ev.key === "Escape") {
      search.value = ""; results.hidden = true;
    }
  });
  document.getElementById("reset").addEventListener("click", function () {
    search.value = ""; results.hidden = true;
    clearSelection(); setAllClasses(true);
    network.fit({ animation: false });
  });

  /* ------------------------------------------------------------ tabs + indicators table */
  var tabs = { details: document.getElementById("tab-details"), indicators: document.getElementById("tab-indicators") };
  var panes = { details: details, indicators: document.getElementById("indicators") };
  tabs.indicators.textContent = "指标表（" + D.measurements.length + "）";
  function showTab(name) {
    Object.keys(tabs).forEach(function (k) {
      tabs[k].setAttribute("aria-selected", String(k === name));
      panes[k].hidden = k !== name;
    });
  }
  tabs.details.addEventListener("click", function () { showTab("details"); });
  tabs.indicators.addEventListener("click", function () { showTab("indicators"); });

  var COLS = [
    { key: "indicator", label: "指标", sort: function (m) { return N[m.indicator].label; } },
    { key: "value", label: "数值", sort: function (m) { return m.num === null ? -Infinity : m.num; }, num: true },
    { key: "unit", label: "单位", sort: function (m) { return m.unit; } },
    { key: "year", label: "年份", sort: function (m) { return m.year; } },
    { key: "kind", label: "目标/实际", sort: function (m) { return kindText(m); } },
    { key: "sentence", label: "原文", sort: function (m) { return m.evidence.length ? D.sentences[m.evidence[0][0]].text : ""; } }
  ];
  var table = document.getElementById("indicator-table");
  var headRow = table.tHead.rows[0];
  var body = table.tBodies[0];
  var sortState = { col: -1, dir: 1 };
  var order = D.measurements.map(function (_m, k) { return k; });
  COLS.forEach(function (c, k) {
    var th = el("th"); var b = el("button", null, c.label); b.type = "button";
    b.dataset.col = c.key;
    b.addEventListener("click", function () { sortBy(k); });
    th.appendChild(b); headRow.appendChild(th);
  });
  function cmp(a, b) {
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b), "zh-CN");
  }
  function sortBy(k) {
    sortState.dir = sortState.col === k ? -sortState.dir : 1;
    sortState.col = k;
    var key = COLS[k].sort;
    order.sort(function (x, y) { return sortState.dir * cmp(key(D.measurements[x]), key(D.measurements[y])) || x - y; });
    headRow.querySelectorAll("button").forEach(function (b, j) {
      b.textContent = COLS[j].label + (j === k ? (sortState.dir > 0 ? " ▲" : " ▼") : "");
    });
    fillTable();
  }
  function fillTable() {
    clear(body);
    order.forEach(function (k) {
      var m = D.measurements[k];
      var tr = el("tr", m.target === true ? "target" : null);
      var td = el("td"); td.appendChild(nodeLink(m.indicator)); tr.appendChild(td);
      tr.appendChild(el("td", "num", (m.change ? m.change + " " : "") + m.value + (m.qualifier ? " " + m.qualifier : "")));
      tr.appendChild(el("td", null, m.unit));
      tr.appendChild(el("td", null, m.year));
      tr.appendChild(el("td", "kind", kindText(m)));
      var s = el("td", "sentence");
      if (m.evidence.length) {
        var text = D.sentences[m.evidence[0][0]].text;
        var span = el("span", null, text); s.title = text; s.appendChild(span);
      }
      tr.appendChild(s);
      tr.addEventListener("click", function (ev) {
        if (ev.target.tagName !== "BUTTON") selectNode(m.indicator);
      });
      body.appendChild(tr);
    });
  }
  fillTable();

  /* ------------------------------------------------------------ focus page */
  if (D.focus.length) {
    var banner = document.getElementById("focus-banner");
    banner.textContent = "以「" + D.focusName + "」为中心，" + D.depth + " 步以内的子图";
    banner.hidden = false;
    selected = D.focus[0];
    network.selectNodes(D.focus);
    highlight(D.focus);
    showNode(D.focus[0]);
  }
  // Open on the largest connected part when it is substantial (the other components and
  // relation-less nodes lie beside and below it; 重置视图 shows everything).
  var largest = [];
  N.forEach(function (n, i) { if (n.component === 0) largest.push(i); });
  if (!D.focus.length && largest.length >= 20 && largest.length < N.length) network.fit({ nodes: largest, animation: false });
  else network.fit({ animation: false });

  kgView = { data: D, selectNode: selectNode, clearSelection: clearSelection, find: find, sortBy: sortBy };
})();
