"""kg push and kg serve against a real Oxigraph server (`oxigraph serve` on a free loopback
port, stopped by pid in teardown), plus refusal and connection errors."""

from __future__ import annotations

import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import store
from kg.cli import cli
from kg.errors import RemoteError
from kg.remote import find_oxigraph
from kg.resources import ontology_path
from kg.vocab import PREFIXES

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED_TTL = ROOT / "outputs" / "000_0be72cd4c93cb315.ttl"
SECOND = HERE / "data" / "query" / "linxi_2023.ttl"
KGR = "https://w3id.org/gwr-kg/id/"
ONTOLOGY = "https://w3id.org/gwr-kg/ontology"
PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def oxigraph_binary() -> str:
    try:
        return find_oxigraph()
    except RemoteError as exc:
        if os.environ.get("CI"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    raise AssertionError  # unreachable


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited early with {proc.returncode}")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the process we started, by its pid only."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A writable `oxigraph serve` on 127.0.0.1 with the union default graph; yields its URL."""
    binary = oxigraph_binary()
    port = free_port()
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)


def sparql(url: str, query: str) -> dict:
    """POST a query (with kg's prefixes) to URL/query; SPARQL results JSON."""
    request = urllib.request.Request(
        f"{url}/query", data=(PROLOGUE + query).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-query",
                 "Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def rows_of(doc: dict) -> Counter:
    names = doc["head"]["vars"]
    return Counter(tuple(json.dumps(b.get(v), sort_keys=True) for v in names)
                   for b in doc["results"]["bindings"])


def push(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["push", *args])
    return result.exit_code, result.output


def test_push_then_server_answers_like_kg_query(server: str) -> None:
    if not SEED_TTL.is_file():
        pytest.skip("outputs/000_0be72cd4c93cb315.ttl is not built")
    code, out = push(str(SEED_TTL), str(SECOND), "--endpoint", f"{server}/store")
    assert code == 0, out
    assert [line.split(" (")[0] for line in out.splitlines()] == [
        f"put <{KGR}report_临溪县_2023>", f"put <{KGR}report_涧西区_2021>", f"put <{ONTOLOGY}>",
    ]
    graphs = sparql(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert {b["g"]["value"] for b in graphs["results"]["bindings"]} == {
        f"{KGR}report_临溪县_2023", f"{KGR}report_涧西区_2021", ONTOLOGY}
    for name, query in store.named_queries().items():
        result = CliRunner().invoke(cli, ["query", "--name", name, "--format", "json",
                                          str(SEED_TTL), str(SECOND)])
        assert result.exit_code == 0, result.output
        ours = json.loads(result.output)
        theirs = sparql(server, query.text)
        assert ours["head"] == theirs["head"], name
        assert rows_of(ours) == rows_of(theirs), name
        assert ours["results"]["bindings"], name


def count_in_graph(server: str, graph: str) -> int:
    doc = sparql(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(doc["results"]["bindings"][0]["n"]["value"])


def test_push_replaces_each_graph(server: str, tmp_path: Path) -> None:
    size = len(store.read_triples(SECOND))
    for _ in range(2):
        code, out = push(str(SECOND), "--endpoint", f"{server}/store", "--no-ontology")
        assert code == 0, out
    assert count_in_graph(server, f"{KGR}report_临溪县_2023") == size
    smaller = tmp_path / "smaller.ttl"
    smaller.write_text(SECOND.read_text(encoding="utf-8").replace(
        'kgr:临溪县 a kg:Place ; rdfs:label "临溪县"@zh ;', "kgr:临溪县 a kg:Place ;"), encoding="utf-8")
    code, out = push(str(smaller), "--endpoint", f"{server}/store", "--no-ontology")
    assert code == 0, out
    assert count_in_graph(server, f"{KGR}report_临溪县_2023") == size - 1


def test_push_into_one_named_graph(server: str) -> None:
    code, out = push(str(SECOND), "--endpoint", f"{server}/store", "--graph", "http://example.org/g")
    assert code == 0, out
    size = len(store.read_triples(SECOND)) + len(store.read_triples(ontology_path()))
    assert count_in_graph(server, "http://example.org/g") == size


def test_a_rejected_put_leaves_the_graph_as_it_was(server: str) -> None:
    """PUT replaces a graph atomically: a body that breaks off midway changes nothing."""
    from kg.remote import Upload, put_graph

    code, out = push(str(SECOND), "--endpoint", f"{server}/store", "--no-ontology")
    assert code == 0, out
    graph = f"{KGR}report_临溪县_2023"
    before = count_in_graph(server, graph)
    broken = Upload(graph, b"<http://a/x> <http://a/p> <http://a/o> .\n<http://a/y> <http://a/p> ", 1, "test")
    with pytest.raises(RemoteError, match=r"refused graph <.*> \(HTTP 400 Bad Request\)"):
        put_graph(f"{server}/store", broken)
    assert count_in_graph(server, graph) == before


def test_graph_option_must_be_an_iri() -> None:
    code, out = push(str(SECOND), "--endpoint", "http://127.0.0.1:1/store", "--graph", "my graph")
    assert (code, out) == (1, "Error: --graph my graph: not an absolute IRI, e.g. http://example.org/reports\n")


def test_push_to_stopped_server_fails_clearly() -> None:
    port = free_port()  # nothing listens here
    code, out = push(str(SECOND), "--endpoint", f"http://127.0.0.1:{port}/store")
    assert code == 1
    assert out == (f"Error: http://127.0.0.1:{port}/store: cannot connect (Connection refused); "
                   "is the SPARQL server running and the URL right?\n")


def test_push_needs_an_http_url() -> None:
    code, out = push(str(SECOND), "--endpoint", "ftp://example.org/store")
    assert (code, out) == (1, "Error: --endpoint ftp://example.org/store: not an http(s) URL; give the "
                              "Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph) "
                              "or http://localhost:3030/ds/data (Fuseki)\n")


class Refuser(http.server.BaseHTTPRequestHandler):
    """Answers every PUT with 401 and remembers the Authorization headers it saw."""

    seen: list[str | None] = []  # noqa: RUF012 (test recorder)

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).seen.append(self.headers.get("Authorization"))
        self.send_response(401, "Unauthorized")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def refuser() -> Iterator[str]:
    Refuser.seen = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), Refuser)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/store"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_refusal_is_one_line_and_auth_is_sent(refuser: str) -> None:
    code, out = push(str(SECOND), "--endpoint", refuser, "--user", "kg", "--password", "s3cret")
    assert code == 1
    assert out == (f"Error: {refuser}: the server refused graph <{KGR}report_临溪县_2023> "
                   "(HTTP 401 Unauthorized); check --user/--password or --token\n")
    assert Refuser.seen == ["Basic a2c6czNjcmV0"]  # base64("kg:s3cret"); stopped at the first graph
    push(str(SECOND), "--endpoint", refuser, "--token", "abc")
    assert Refuser.seen[-1] == "Bearer abc"
    code, out = push(str(SECOND), "--endpoint", refuser, "--token", "abc", "--user", "kg")
    assert code == 2 and "give either --user/--password or --token, not both" in out


def test_graph_url_encodes_the_iri() -> None:
    from kg.remote import graph_url

    assert graph_url("http://h/store", f"{KGR}report_临溪县_2023") == (
        "http://h/store?graph=" + urllib.parse.quote(f"{KGR}report_临溪县_2023", safe=""))
    assert graph_url("http://h/ds?x=1", "http://g").startswith("http://h/ds?x=1&graph=")


def test_kg_serve_on_a_busy_port_fails_before_loading() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", str(SECOND), "--port", str(port)])
    assert (result.exit_code, result.output) == (
        1, f"Error: 127.0.0.1:{port}: cannot listen (Address already in use); pick another --port\n")


def test_kg_serve_answers_sparql_and_is_read_only(tmp_path: Path) -> None:
    oxigraph_binary()
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import cli; cli()", "serve", str(SECOND),
         "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=tmp_path,
    )
    try:
        wait_for_port(port, proc)
        url = f"http://127.0.0.1:{port}"
        doc = sparql(url, "SELECT ?x WHERE { ?x kg:involves ?y . ?y a/rdfs:subClassOf* kg:Organization }")
        assert [b["x"]["value"] for b in doc["results"]["bindings"]] == [f"{KGR}强链"]
        request = urllib.request.Request(f"{url}/store?default", data=b"<a:a> <a:b> <a:c> .",
                                         method="PUT", headers={"Content-Type": "application/n-triples"})
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=10)
    finally:
        stop(proc)
    output = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
    assert f"SPARQL endpoint http://127.0.0.1:{port}/query" in output
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0, "oxigraph serve still running after kg serve stopped"
