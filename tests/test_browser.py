"""The HTML view in real headless Chromium (Debian `chromium`, driven by Python playwright):
offline loading, node counts, search by alias, class filter, evidence on click, the
indicators table, and report text with markup that must stay text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from kg import render
from kg.render_synth import synthetic_graph
from kg.vocab import KG, KGR
from tests.conftest import SEED, TESTDATA, need_tool
from tests.test_render import ENTITY_QUERY

SMALL = TESTDATA / "render_small.ttl"
XSS = TESTDATA / "render_xss.ttl"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = need_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=ARGS)
        yield b
        b.close()


@dataclass
class Loaded:
    """A page plus everything it did that a test may want to refuse."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expr: str, arg: Any = None) -> Any:
        return self.page.evaluate(expr, arg)

    def node_id(self, label: str) -> int:
        ids = self.js("l => kgView.data.nodes.flatMap((n, i) => n.label === l ? [i] : [])", label)
        assert len(ids) == 1, (label, ids)
        return ids[0]

    def click_node(self, node: int) -> None:
        self.js("id => network.focus(id, {scale: 1.2, animation: false})", node)
        xy = self.js("id => network.canvasToDOM(network.getPositions([id])[id])", node)
        box = self.page.locator("#mynetwork").bounding_box()
        self.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])


def open_page(browser: Any, html: Path, *, timeout: float = 30_000) -> Iterator[Loaded]:
    page = browser.new_page(viewport={"width": 1600, "height": 900})
    loaded = Loaded(page)
    page.on("console", lambda m: loaded.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: loaded.errors.append(str(e)))
    page.on("request", lambda r: loaded.requests.append(r.url))

    def on_dialog(dialog: Any) -> None:
        loaded.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(html.resolve().as_uri())
    page.wait_for_function("window.kgReady > 0", timeout=timeout)
    yield loaded
    page.close()


def entity_count(graph: Graph) -> int:
    return len({row[0] for row in graph.query(ENTITY_QUERY)})


def assert_clean(loaded: Loaded) -> None:
    """No request left file://, nothing was logged as an error, no dialog opened."""
    assert loaded.requests and all(u.startswith("file://") for u in loaded.requests), loaded.requests
    assert loaded.errors == []
    assert loaded.dialogs == []


# --------------------------------------------------------------------------- small fixture


@pytest.fixture(scope="module")
def small_graph() -> Graph:
    return render.load_graph([SMALL])


@pytest.fixture
def small(browser: Any, small_graph: Graph, tmp_path: Path) -> Iterator[Loaded]:
    out = tmp_path / "small.html"
    render.write_html(small_graph, out, title=render.default_title(small_graph))
    yield from open_page(browser, out)


def test_page_loads_offline_with_every_entity(small: Loaded, small_graph: Graph) -> None:
    want = entity_count(small_graph)
    assert small.js("nodes.length") == small.js("network.body.data.nodes.length") == want
    assert small.js("network.body.nodeIndices.length") == want  # drawn, not just stored
    assert small.js("edges.length") == 7
    assert small.page.locator("#stats").inner_text().startswith(f"{want} 个节点")
    # the legend lists each class once with its count, in Chinese
    legend = small.page.locator("#class-filter li").all_inner_texts()
    assert any(re.fullmatch(r"企业\s*2", t.strip()) for t in legend), legend
    assert_clean(small)


def test_search_for_an_alias_selects_the_node(small: Loaded) -> None:
    small.page.fill("#search", "洛阳LYC")
    first = small.page.locator("#search-results li").first
    assert first.inner_text().split() == ["洛轴", "别名：洛阳LYC", "企业"]
    small.page.press("#search", "Enter")
    luozhou = small.node_id("洛轴")
    assert small.js("network.getSelectedNodes()") == [luozhou]
    assert small.page.locator("#details h2").inner_text() == "洛轴"
    # neighbourhood highlight: the neighbour keeps its colour, an unrelated node is dimmed
    colour = "id => nodes.get(id).color.background"
    assert small.js(colour, small.node_id("制造业提质")) == render.CLASS_STYLE["Action"][1]
    assert small.js(colour, small.node_id("涧西区")) != render.CLASS_STYLE["Place"][1]
    # and the relation edges of the selection carry their label
    assert sorted(small.js("edges.get({filter: e => !!e.label}).map(e => e.label)")) == ["涉及"]
    assert_clean(small)


def test_search_matches_full_width_and_lower_case(small: Loaded) -> None:
    small.page.fill("#search", "洛阳ｌｙｃ")
    small.page.press("#search", "Enter")
    assert small.js("network.getSelectedNodes()") == [small.node_id("洛轴")]


def test_search_results_follow_the_arrow_keys(small: Loaded) -> None:
    small.page.fill("#search", "洛阳")  # 洛轴 (alias 洛阳LYC), 洛阳国家大学科技园
    options = small.page.locator("#search-results li[role=option] .label").all_inner_texts()
    assert sorted(options) == ["洛轴", "洛阳国家大学科技园"]
    small.page.press("#search", "ArrowDown")
    small.page.press("#search", "Enter")
    assert small.js("network.getSelectedNodes()") == [small.node_id(options[1])]


def test_class_filter_hides_other_classes(small: Loaded, small_graph: Graph) -> None:
    enterprises = len(set(small_graph.subjects(RDF.type, KG.Enterprise)))
    visible = "nodes.get({filter: n => !n.hidden}).map(n => kgView.data.nodes[n.id].cls)"
    small.page.click("#classes-none")
    assert small.js(visible) == []
    small.page.check("input[data-cls=Enterprise]")
    assert small.js(visible) == ["Enterprise"] * enterprises
    small.page.click("#classes-all")
    small.page.uncheck("input[data-cls=Enterprise]")
    shown = small.js(visible)
    assert "Enterprise" not in shown and len(shown) == entity_count(small_graph) - enterprises
    # choosing a hidden node from the search shows its class again
    small.page.fill("#search", "中信重工")
    small.page.press("#search", "Enter")
    assert small.page.is_checked("input[data-cls=Enterprise]")
    assert small.js("id => nodes.get(id).hidden", small.node_id("中信重工")) is False
    assert_clean(small)


def test_clicking_a_node_shows_its_evidence_sentence(small: Loaded, small_graph: Graph) -> None:
    small.click_node(small.node_id("洛轴"))
    assert small.page.locator("#details h2").inner_text() == "洛轴"
    mention = small_graph.value(KGR["洛轴"], KG.hasMention)
    sentence = small_graph.value(mention, KG.inSentence)
    section = small_graph.value(mention, KG.inSection)
    item = small.page.locator("#details > ul.evidence > li").first
    assert item.locator(".sentence").inner_text() == str(small_graph.value(sentence, KG.text))
    assert item.locator(".section").inner_text() == str(small_graph.value(section, RDFS.label))
    assert item.locator("mark").all_inner_texts() == ["洛轴", "洛阳LYC"]
    assert "洛阳LYC" in small.page.locator("#details .aliases").inner_text()
    # clicking the background clears the selection
    box = small.page.locator("#mynetwork").bounding_box()
    small.page.mouse.click(box["x"] + 5, box["y"] + box["height"] - 5)
    assert small.js("network.getSelectedNodes()") == []
    assert_clean(small)


def test_indicators_table_is_sortable(small: Loaded, small_graph: Graph) -> None:
    values = sorted(float(v) for v in small_graph.objects(None, KG.value))
    small.page.click("#tab-indicators")
    rows = small.page.locator("#indicator-table tbody tr")
    assert rows.count() == len(values)
    small.page.click("#indicator-table th button[data-col=value]")

    def shown() -> list[float]:
        cells = small.page.locator("#indicator-table tbody td.num").all_inner_texts()
        return [float(re.search(r"[\d.]+", c).group()) for c in cells]

    assert shown() == values
    small.page.click("#indicator-table th button[data-col=value]")
    assert shown() == values[::-1]
    kinds = small.page.locator("#indicator-table tbody td.kind").all_inner_texts()
    assert sorted(kinds) == ["实际", "目标"]
    # a row leads to its indicator
    rows.first.locator("td.sentence").click()
    assert small.js("network.getSelectedNodes()") == [small.node_id("生产总值")]
    assert_clean(small)


def test_focus_page_shows_the_neighbourhood(browser: Any, small_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "focus.html"
    render.write_html(small_graph, out, title="t", focus="洛阳LYC", depth=1)
    for loaded in open_page(browser, out):
        assert sorted(loaded.js("kgView.data.nodes.map(n => n.label)")) == sorted(["洛轴", "制造业提质"])
        assert loaded.js("nodes.length") == 2
        assert loaded.js("network.getSelectedNodes()") == [loaded.node_id("洛轴")]
        assert "洛阳LYC" in loaded.page.locator("#focus-banner").inner_text()
        assert_clean(loaded)


# --------------------------------------------------------------------------- injected markup


def test_report_markup_renders_as_text_and_runs_nothing(browser: Any, tmp_path: Path) -> None:
    graph = render.load_graph([XSS])
    out = tmp_path / "xss.html"
    title = "<script>window.__kgPwned='title'</script><img src=x onerror=\"window.__kgPwned='t2'\">"
    render.write_html(graph, out, title=title)
    for loaded in open_page(browser, out):
        page = loaded.page
        assert page.title() == title
        assert page.locator("#title").inner_text() == title
        n = loaded.js("nodes.length")
        assert n == entity_count(graph)
        for i in range(n):  # select every node: the panel renders labels, aliases, evidence
            loaded.click_node(i)
            label = loaded.js("i => kgView.data.nodes[i].label", i)
            assert page.locator("#details h2").inner_text() == label
            # hover shows vis' tooltip, which must hold the label as text too
            xy = loaded.js("id => network.canvasToDOM(network.getPositions([id])[id])", i)
            box = page.locator("#mynetwork").bounding_box()
            page.mouse.move(box["x"] + xy["x"] + 1, box["y"] + xy["y"] + 1)
            page.wait_for_function(
                "l => { const t = document.querySelector('div.vis-tooltip');"
                " return t && t.style.visibility === 'visible' && t.innerText.includes(l); }",
                arg=label, timeout=5000,
            )
            tip = page.locator("div.vis-tooltip")
            assert tip.count() == 1 and label in tip.inner_text()
            assert tip.locator(":not(br)").count() == 0  # innerText turns "\n" into <br>
        label = str(graph.value(KGR["_img_src_x_onerror_0a1b2c3d"], RDFS.label))
        loaded.click_node(loaded.node_id(label))
        details = page.locator("#details")
        text = details.inner_text()
        assert label in text
        assert "<script>window.__kgPwned='alias'</script>" in text
        assert "</script><script>window.__kgPwned='definition'</script><!--" in text
        sentence = str(graph.value(KGR["report_x_2021_sent_1"], KG.text))
        assert details.locator(".evidence .sentence").first.text_content() == sentence
        page.fill("#search", "<script>")
        assert "别名：<script>window.__kgPwned='alias'</script>" in page.locator("#search-results").inner_text()
        page.click("#tab-indicators")
        table = page.locator("#indicator-table").inner_text()
        assert "<iframe src=\"javascript:window.__kgPwned='unit'\"></iframe>" in table
        # nothing from the report became an element
        bad = "#details img, #details script, #details svg, #details b, #indicators iframe, #indicators u, #search-results img"
        assert page.locator(bad).count() == 0
        assert loaded.js("typeof window.__kgPwned") == "undefined"
        assert_clean(loaded)


# --------------------------------------------------------------------------- seed + large graphs


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    from kg.api import build_report

    return build_report(SEED).graph


def test_seed_graph_page(browser: Any, seed_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    render.write_html(seed_graph, out, title=render.default_title(seed_graph))
    for loaded in open_page(browser, out):
        assert loaded.js("nodes.length") == entity_count(seed_graph) > 100
        # the seed report writes 洛阳LYC for 洛轴 (洛阳LYC轴承有限公司)
        loaded.page.fill("#search", "洛阳LYC")
        loaded.page.press("#search", "Enter")
        [selected] = loaded.js("network.getSelectedNodes()")
        iri = loaded.js("i => kgView.data.nodes[i].iri", selected)
        aliases = {str(a) for a in seed_graph.objects(render.URIRef(iri), render.SKOS.altLabel)}
        assert "洛阳LYC" in aliases | {loaded.js("i => kgView.data.nodes[i].label", selected)}
        assert loaded.page.locator("#details > ul.evidence > li").count() >= 1
        measurements = len(set(seed_graph.subjects(RDF.type, KG.Measurement)))
        assert loaded.page.locator("#indicator-table tbody tr").count() == measurements
        assert_clean(loaded)


def test_five_thousand_nodes_stay_usable(browser: Any, tmp_path: Path) -> None:
    graph = synthetic_graph(5000)
    out = tmp_path / "big.html"
    render.write_html(graph, out, title="5000")
    for loaded in open_page(browser, out, timeout=60_000):
        assert loaded.js("nodes.length") == entity_count(graph) == 5000
        assert loaded.js("network.physics.physicsEnabled") is False
        loaded.page.fill("#search", "e4321")  # no label matches: the list says so
        assert loaded.page.locator("#search-results li.none").count() == 1
        label = loaded.js("kgView.data.nodes[4321].label")
        loaded.page.fill("#search", label)
        loaded.page.press("#search", "Enter")
        assert loaded.js("network.getSelectedNodes()") == [4321]
        assert_clean(loaded)
