"""Time to interactive of the HTML view in headless Chromium, against pyvis' defaults.

Not a test: prints a table. For each graph (the bundled seed report and a generated
5,000-node graph) it measures
- kg's page: Python render time (model + layout + HTML), file size, and the time from
  navigation start to the first complete drawing (``window.kgReady``); physics is off, so
  that drawing is final and the page answers clicks from then on.
- pyvis with its defaults (physics on, barnesHut, 1,000 stabilisation iterations) on the
  same nodes and edges: the time until the stabilisation pass ends (pyvis hides its loading
  bar then) and until the physics simulation comes to rest ("settled"). Requests pyvis'
  page makes to CDNs (Bootstrap) are aborted, as they would fail offline.

Usage: python bench/bench_render.py [--timeout 180] [--nodes 5000] [--skip-pyvis]
       python bench/bench_render.py --screenshot docs/screenshot.png   (the README picture)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy

from playwright.sync_api import sync_playwright  # noqa: E402
from pyvis.network import Network  # noqa: E402

from kg import render  # noqa: E402
from kg.render_synth import synthetic_graph  # noqa: E402

SEED = ROOT / "data" / "000_0be72cd4c93cb315.txt"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
HOOK = """
network.once("stabilizationIterationsDone", function () { window.__stabilised = performance.now(); });
network.once("stabilized", function () { window.__settled = performance.now(); });
network.once("afterDrawing", function () { window.__firstDraw = performance.now(); });
"""


def pyvis_default_page(graph: Any, path: Path) -> None:
    """The page pyvis writes with its defaults for the same entities and relations."""
    model = render.entity_graph(graph)
    net = Network(directed=True, cdn_resources="in_line")
    ids = sorted(model.nodes)
    for n in ids:
        net.add_node(n, label=model.nodes[n]["label"])
    # same edge list; Network.add_edge's duplicate scan is quadratic, so build them directly
    from pyvis.edge import Edge

    for u, v, d in sorted(model.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"])):
        net.edges.append(Edge(u, v, True, label=d["relation"]).options)
    html = net.generate_html()
    marker = "network = new vis.Network(container, data, options);"
    assert marker in html, "pyvis template changed"
    path.write_text(html.replace(marker, marker + HOOK, 1), encoding="utf-8")


def measure(browser: Any, path: Path, keys: list[str], timeout_s: float) -> dict[str, float | None]:
    """Milliseconds from navigation start to each window.<key>, None if not reached."""
    page = browser.new_page(viewport={"width": 1600, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    deadline = time.monotonic() + timeout_s
    found: dict[str, float | None] = dict.fromkeys(keys)
    try:
        # pyvis' page stabilises inside its inline script, which holds back every load event
        page.goto(path.as_uri(), wait_until="domcontentloaded", timeout=timeout_s * 1000)
    except Exception:  # playwright TimeoutError
        page.close()
        return found
    for key in keys:
        left = max(0.0, deadline - time.monotonic())
        try:
            page.wait_for_function(f"window.{key} > 0", timeout=max(1.0, left * 1000), polling=100)
            found[key] = page.evaluate(f"window.{key}")
        except Exception:  # playwright TimeoutError: not reached within the budget
            found[key] = None
    page.close()
    return found


def fmt(ms: float | None, timeout_s: float) -> str:
    return f"> {timeout_s:.0f} s" if ms is None else f"{ms / 1000:.2f} s"


def screenshot(path: Path) -> None:
    """The seed graph's page with 洛轴 found by its alias 洛阳LYC: graph, legend and panel."""
    from kg.api import build_report

    graph = build_report(SEED).graph
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        out = Path(tmp) / "seed.html"
        render.write_html(graph, out, title=render.default_title(graph))
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        page.goto(out.as_uri())
        page.wait_for_function("window.kgReady > 0")
        page.fill("#search", "洛阳LYC")
        page.press("#search", "Enter")
        page.evaluate("network.moveTo({scale: 0.8, animation: false})")
        page.evaluate("network.focus(network.getSelectedNodes()[0], {scale: 0.8, animation: false})")
        page.wait_for_timeout(500)
        page.screenshot(path=str(path))
        browser.close()
    print(f"wrote {path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=180.0, help="seconds to wait per page")
    ap.add_argument("--nodes", type=int, default=5000, help="size of the generated graph")
    ap.add_argument("--skip-pyvis", action="store_true", help="only measure kg's page")
    ap.add_argument("--screenshot", type=Path, help="only write a screenshot of the seed page")
    args = ap.parse_args()
    if args.screenshot:
        screenshot(args.screenshot)
        return

    from kg.api import build_report

    graphs = [
        ("seed report", build_report(SEED).graph),
        (f"generated {args.nodes}", synthetic_graph(args.nodes)),
    ]
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        for name, graph in graphs:
            model = render.entity_graph(graph)
            size = f"{model.number_of_nodes()} / {model.number_of_edges()}"
            out = Path(tmp) / "kg.html"
            t0 = time.perf_counter()
            render.write_html(graph, out, title=name)
            build = time.perf_counter() - t0
            got = measure(browser, out, ["kgReady"], args.timeout)
            mb = out.stat().st_size / 1e6
            rows.append((name, size, "kg (layout in Python, physics off)", f"{build:.2f} s",
                         f"{mb:.1f} MB", fmt(got["kgReady"], args.timeout), fmt(got["kgReady"], args.timeout)))
            if args.skip_pyvis:
                continue
            out = Path(tmp) / "pyvis.html"
            t0 = time.perf_counter()
            pyvis_default_page(graph, out)
            build = time.perf_counter() - t0
            got = measure(browser, out, ["__firstDraw", "__stabilised", "__settled"], args.timeout)
            mb = out.stat().st_size / 1e6
            rows.append((name, size, "pyvis defaults (physics on)", f"{build:.2f} s", f"{mb:.1f} MB",
                         fmt(got["__stabilised"], args.timeout), fmt(got["__settled"], args.timeout)))
            print(f"done: {name}", flush=True)
        browser.close()
    head = ("graph", "nodes / edges", "page", "write", "HTML", "interactive", "settled")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, tuple("-" * w for w in widths), *rows]:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))


if __name__ == "__main__":
    main()
