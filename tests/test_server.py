"""`kg serve` over real HTTP on 127.0.0.1."""
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from helpers import small_graph
from kg.server import SparqlServer


@pytest.fixture(params=["rdflib", "oxigraph"])
def endpoint(request, tmp_path):
    (tmp_path / "graph.ttl").write_text(small_graph().serialize(format="turtle"), encoding="utf-8")
    (tmp_path / "graph.html").write_text("<html>explorer</html>", encoding="utf-8")
    state = SparqlServer(tmp_path, store=None if request.param == "rdflib" else "oxigraph", timeout=5, limit=5)
    server = state.make_http_server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}", state
    server.shutdown()
    server.server_close()


def fetch(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8")


QUERY = "SELECT ?who WHERE { ?s kg:signed ?d . ?s rdfs:label ?who }"


def test_get_json(endpoint):
    base, _ = endpoint
    status, headers, body = fetch(f"{base}/sparql?" + urllib.parse.urlencode({"query": QUERY}))
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"] == [{"who": {"type": "literal", "value": "France"}}]


def test_post_forms_and_formats(endpoint):
    base, _ = endpoint
    status, headers, body = fetch(f"{base}/sparql", data=QUERY.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and body == "who\nFrance\n" and headers["Content-Type"].startswith("text/csv")
    form = urllib.parse.urlencode({"query": QUERY, "format": "tsv"}).encode()
    status, _, body = fetch(f"{base}/sparql", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and body == "who\nFrance\n"


def test_read_only_limits_and_errors(endpoint):
    base, _ = endpoint
    update = urllib.parse.urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode()
    assert fetch(f"{base}/sparql", data=update, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    assert fetch(f"{base}/sparql", data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})[0] == 403
    status, headers, body = fetch(f"{base}/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}))
    assert status == 200 and headers.get("X-KG-Truncated") == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 5
    status, _, body = fetch(f"{base}/sparql?" + urllib.parse.urlencode({"query": "SELEKT nothing"}))
    assert status == 400 and "syntax" in body.lower()
    assert fetch(f"{base}/nowhere")[0] == 404


def test_timeout_answers_503(endpoint):
    base, state = endpoint
    real = state.backend.query
    state.timeout = 0.2
    state.backend.query = lambda *a, **k: (time.sleep(1), real(*a, **k))[1]
    status, _, body = fetch(f"{base}/sparql?" + urllib.parse.urlencode({"query": QUERY}))
    assert status == 503 and "timed out" in body


def test_serves_the_explorer(endpoint):
    base, _ = endpoint
    status, headers, body = fetch(f"{base}/")
    assert status == 200 and "explorer" in body and headers["Content-Type"].startswith("text/html")
