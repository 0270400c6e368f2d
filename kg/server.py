"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a built graph, plus the HTML explorer.

- ``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=`` or ``application/sparql-query``);
- results as SPARQL JSON (default), CSV or TSV by ``Accept`` header or ``format=json|csv|tsv``;
- updates are refused (HTTP 403); queries that run past the timeout get HTTP 503; results above the
  row limit are cut and say so in the ``X-KG-Truncated`` header;
- ``GET /`` serves ``graph.html``. Binds 127.0.0.1 unless told otherwise.
"""
from __future__ import annotations

import concurrent.futures
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .errors import QueryError
from .sparql import QueryResult, format_result, open_backend

MEDIA = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values"}


def _ntriples(result: QueryResult) -> str:
    def term(t):
        if t.kind == "uri":
            return f"<{t.value}>"
        if t.kind == "bnode":
            return f"_:{t.value}"
        text = json.dumps(t.value, ensure_ascii=False)
        return text + (f"@{t.lang}" if t.lang else f"^^<{t.datatype}>" if t.datatype else "")

    return "".join(" ".join(term(t) for t in row) + " .\n" for row in result.rows)


class SparqlServer:
    """The endpoint's state: one backend, a worker pool with a per-query timeout, a row limit."""

    def __init__(self, out_dir: str | Path, store: str | None = None, timeout: float = 10.0,
                 limit: int = 10_000, workers: int = 2):
        self.out_dir = Path(out_dir)
        self.backend = open_backend(self.out_dir, store)
        self.timeout = timeout
        self.limit = limit
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kg-query")
        self.lock = threading.Lock()  # rdflib graphs are not safe for concurrent queries

    def run(self, query: str) -> QueryResult:
        def job():
            with self.lock:
                return self.backend.query(query, limit=self.limit)

        return self.pool.submit(job).result(timeout=self.timeout)

    def make_http_server(self, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
        server = ThreadingHTTPServer((host, port), _handler(self))
        server.daemon_threads = True
        return server


def _handler(state: SparqlServer):
    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-sparql/1.0"

        def log_message(self, fmt, *args):  # the library never prints; `kg serve` logs per request
            if getattr(self.server, "log", None):
                self.server.log(f"{self.address_string()} {fmt % args}")

        def _send(self, code: int, body: str | bytes, media: str, extra: dict | None = None) -> None:
            data = body.encode("utf-8") if isinstance(body, str) else body
            self.send_response(code)
            self.send_header("Content-Type", f"{media}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Access-Control-Allow-Origin", "*")
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def _error(self, code: int, message: str) -> None:
            self._send(code, message + "\n", "text/plain")

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            params = urllib.parse.parse_qs(url.query)
            if url.path in {"/", "/graph.html"}:
                page = state.out_dir / "graph.html"
                if not page.exists():
                    return self._error(404, "no graph.html in the output folder; run kg build")
                return self._send(200, page.read_bytes(), "text/html")
            if url.path != "/sparql":
                return self._error(404, "not found; the SPARQL endpoint is /sparql")
            if "update" in params:
                return self._error(403, "this endpoint is read-only: SPARQL Update is not allowed")
            if "query" not in params:
                return self._error(400, "give the query as ?query=…")
            self._answer(params["query"][0], params)

        def do_HEAD(self):
            self.do_GET()

        def do_POST(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path != "/sparql":
                return self._error(404, "not found; the SPARQL endpoint is /sparql")
            length = int(self.headers.get("Content-Length") or 0)
            if length > 1_000_000:
                return self._error(413, "query too large")
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            params = urllib.parse.parse_qs(url.query)
            if ctype == "application/sparql-update":
                return self._error(403, "this endpoint is read-only: SPARQL Update is not allowed")
            if ctype == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(body)
                if "update" in form:
                    return self._error(403, "this endpoint is read-only: SPARQL Update is not allowed")
                if "query" not in form:
                    return self._error(400, "give the query as query=… in the form body")
                params.update(form)
                return self._answer(form["query"][0], params)
            if ctype == "application/sparql-query":
                return self._answer(body, params)
            return self._error(415, "POST application/sparql-query or a form with query=…")

        def _answer(self, query: str, params: dict) -> None:
            fmt = (params.get("format") or [""])[0].lower()
            if not fmt:
                accept = (self.headers.get("Accept") or "").lower()
                fmt = "csv" if "text/csv" in accept else "tsv" if "tab-separated" in accept else "json"
            if fmt not in MEDIA:
                return self._error(400, f"unknown format {fmt!r}; use json, csv or tsv")
            try:
                result = state.run(query)
            except concurrent.futures.TimeoutError:
                return self._error(503, f"query timed out after {state.timeout:g} s")
            except QueryError as exc:
                return self._error(400, str(exc))
            extra = {"X-KG-Truncated": "true"} if result.truncated else {}
            if result.kind == "graph":
                return self._send(200, _ntriples(result), "application/n-triples", extra)
            return self._send(200, format_result(result, fmt), MEDIA[fmt], extra)

    return Handler
