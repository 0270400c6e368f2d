"""Benchmark: time to write and to display the explorer for a large graph (default 5,000 entities).

    python benchmarks/explorer_scale.py [--nodes 5000]

Makes a synthetic actor graph (scale-free, like co-signature networks), renders graph.html with every
node (no cap) and with the default cap, then opens each in headless Chromium and times until the
network has drawn its first frame. Prints a table; this is a benchmark, not a test.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx


def synthetic(n: int, seed: int = 1) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    g = nx.MultiDiGraph()
    predicates = ["signed", "metWith", "calledFor", "cooperatesWith", "endorsed", "officialOf"]
    types = [("Country", "Actor"), ("Person", "Actor"), ("Organisation", "Actor"), ("Declaration", "Document")]
    for node in base.nodes:
        kind, group = rng.choice(types)
        g.add_node(f"e{node}", label=f"Entity {node}", type=kind, group=group)
    for u, v in base.edges:
        g.add_edge(f"e{u}", f"e{v}", predicate=rng.choice(predicates), negated=rng.random() < 0.05,
                   evidence=[{"sentence": f"Entity {u} and Entity {v} did something.", "document": "d.txt",
                              "confidence": 0.9, "modality": "asserted"}], confidence=0.9)
    return g


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=5000)
    args = ap.parse_args()
    from kg.viz import MAX_NODES, render_html

    g = synthetic(args.nodes)
    work = Path(tempfile.mkdtemp(prefix="kg-viz-"))
    rows = []
    for cap in (None, MAX_NODES):
        t = time.perf_counter()
        html = render_html(g, title="scale", max_nodes=cap)
        export_s = time.perf_counter() - t
        path = work / f"graph-{cap or 'all'}.html"
        path.write_text(html, encoding="utf-8")
        rows.append([cap or "none", export_s, path.stat().st_size / 1e6, display_time(path)])
    print(f"\n{g.number_of_nodes():,} entities, {g.number_of_edges():,} facts\n")
    print("| cap | export | HTML size | first frame in Chromium |")
    print("|---|---|---|---|")
    for cap, export_s, size, shown in rows:
        print(f"| {cap} | {export_s:.1f} s | {size:.1f} MB | {shown if isinstance(shown, str) else f'{shown:.1f} s'} |")


def display_time(path: Path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "n/a (no playwright)"
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        t = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.network !== undefined", timeout=120_000)
        page.evaluate("new Promise(r => { network.once('afterDrawing', () => r(true)); network.redraw(); })")
        elapsed = time.perf_counter() - t
        browser.close()
    return elapsed


if __name__ == "__main__":
    main()
