"""The explorer in a real headless Chromium (Debian's package, driven by Playwright).

Skipped, with the reason, where Chromium or Playwright is missing; `.ci/run` installs both.
"""
import os
import re
import shutil

import pytest

from kg.analysis import to_networkx
from kg.pipeline import build
from kg.rdf import load_graph

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.slow

INJECTION = """France signed the <img src=x onerror="window.__pwned='img'"> Accord.
Japan signed the <script>window.__pwned='script'</script> Treaty of Kyoto.
Kenya met with Peru to discuss the href="javascript:window.__pwned='href'" question.
Chile signed the Santiago Declaration. Chile did not sign the Lima Accord.
"""


@pytest.fixture(scope="module")
def page_and_graph(tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install -e '.[dev]')")
    src = tmp_path_factory.mktemp("articles")
    (src / "injection.txt").write_text(INJECTION, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    build(src, out)
    graph = to_networkx(load_graph(out), include_negated=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        requests, errors, dialogs = [], [], []
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto((out / "graph.html").as_uri())
        page.wait_for_function("window.network !== undefined")
        yield page, graph, requests, errors, dialogs
        browser.close()


def test_counts_match_the_exported_graph(page_and_graph):
    page, graph, *_ = page_and_graph
    assert page.evaluate("kgData.nodes.length") == graph.number_of_nodes()
    assert page.evaluate("kgData.edges.length") == graph.number_of_edges()
    # by default negated facts and unconnected entities are hidden; the view says what is drawn
    negated = sum(1 for _, _, d in graph.edges(data=True) if d.get("negated"))
    assert negated >= 1
    assert page.evaluate("network.body.data.edges.length") == graph.number_of_edges() - negated


def test_no_network_no_errors_no_injection(page_and_graph):
    page, _, requests, errors, dialogs = page_and_graph
    assert [u for u in requests if not u.startswith("file:")] == []
    assert errors == []
    assert dialogs == []
    page.click("#show-negated")
    page.mouse.move(400, 300)
    assert page.evaluate("window.__pwned") is None
    html = page.content()
    assert not re.search(r"<img[^>]*onerror", html.split('id="kg-data"')[0])


def test_search_and_filters_change_what_is_visible(page_and_graph):
    page, graph, *_ = page_and_graph
    page.fill("#search", "chile")
    selected = page.evaluate("network.getSelectedNodes()")
    assert selected and all("chile" in n for n in selected)
    assert "match" in page.inner_text("#search-result")
    before = page.evaluate("network.body.data.edges.length")
    page.uncheck('#predicate-filter input[data-name="signed"]')
    after = page.evaluate("network.body.data.edges.length")
    assert after < before
    page.check('#predicate-filter input[data-name="signed"]')
    nodes_before = page.evaluate("network.body.data.nodes.length")
    page.uncheck('#type-filter input[data-name="Country"]')
    assert page.evaluate("network.body.data.nodes.length") < nodes_before
    page.check('#type-filter input[data-name="Country"]')


def test_clicking_an_edge_shows_its_evidence_as_text(page_and_graph):
    page, *_ = page_and_graph
    edge_id = page.evaluate("kgData.edges.get().find(e => e.predicate === 'signed' && !e.negated).id")
    page.evaluate(f"network.body.emitter.emit('click', {{nodes: [], edges: ['{edge_id}'], pointer: {{}}}})")
    text = page.inner_text("#evidence-body")
    assert "signed" in text and ("Accord" in text or "Treaty" in text or "Declaration" in text)
    # the injected markup arrives as literal text
    page.evaluate("kgShowEvidence(kgData.edges.get().filter(e => e.predicate === 'signed').map(e => e.id))")
    assert "<img" in page.inner_text("#evidence-body") or "<script>" in page.inner_text("#evidence-body")
    assert page.evaluate("window.__pwned") is None
