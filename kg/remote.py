"""Put report graphs into real triple stores: push over the SPARQL 1.1 Graph Store Protocol,
or serve them with Oxigraph's own HTTP server (the `oxigraph` package's `oxigraph serve`).

push sends one HTTP PUT per named graph (each report's kg:Report IRI, plus the ontology):
PUT replaces the graph atomically on the server, so a failure never leaves half a graph
and re-pushing a rebuilt report replaces its old version. Only urllib: no extra dependency.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, RemoteError
from kg.store import ONTOLOGY_IRI, Dataset, load_dataset, serialize_triples, sort_triples

TURTLE = "text/turtle; charset=utf-8"


@dataclass(frozen=True)
class Auth:
    """HTTP credentials: Basic (user and password) or Bearer (token), or none."""

    user: str | None = None
    password: str | None = None
    token: str | None = None

    def header(self) -> str | None:
        if self.token:
            return f"Bearer {self.token}"
        if self.user is not None:
            raw = f"{self.user}:{self.password or ''}".encode()
            return "Basic " + base64.b64encode(raw).decode("ascii")
        return None


@dataclass(frozen=True)
class Upload:
    """One named graph to PUT: its IRI, the Turtle body, its triple count and where it came from."""

    graph: str
    body: bytes
    triples: int
    source: str


def plan_uploads(data: Dataset, graph: str | None = None) -> list[Upload]:
    """The PUTs for a dataset: one per report graph and the ontology, or everything into GRAPH."""
    if "" in data.graphs and graph is None:
        raise InputError(
            f"{data.sources['']}: has no kg:Report node, so it has no graph of its own;"
            " pass --graph IRI to push everything into one named graph"
        )
    if graph is not None:
        triples = data.triples(include_ontology=True)
        sources = ", ".join(str(p) for p in data.sources.values())
        return [Upload(graph, serialize_triples(triples, ox.RdfFormat.TURTLE), len(triples), sources)]
    uploads = []
    for name in sorted(data.graphs, key=lambda g: (g == ONTOLOGY_IRI, g)):
        triples = sort_triples(data.graphs[name])
        uploads.append(Upload(name, serialize_triples(triples, ox.RdfFormat.TURTLE),
                              len(triples), str(data.sources[name])))
    return uploads


def graph_url(endpoint: str, graph: str) -> str:
    """GSP indirect identification: ENDPOINT?graph=<encoded IRI>."""
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"


def _check_endpoint(endpoint: str) -> None:
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RemoteError(
            f"--endpoint {endpoint}: not an http(s) URL; give the Graph Store Protocol URL,"
            " e.g. http://127.0.0.1:7878/store (Oxigraph) or http://localhost:3030/ds/data (Fuseki)"
        )


def _reason(exc: urllib.error.URLError) -> str:
    reason = exc.reason
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason)


def put_graph(endpoint: str, upload: Upload, auth: Auth = Auth(), timeout: float = 60.0) -> int:
    """PUT one graph; returns the HTTP status. Raises RemoteError with a one-line reason."""
    request = urllib.request.Request(
        graph_url(endpoint, upload.graph), data=upload.body, method="PUT",
        headers={"Content-Type": TURTLE},
    )
    header = auth.header()
    if header:
        request.add_header("Authorization", header)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
        hint = ("; check --user/--password or --token" if exc.code in (401, 403)
                else f": {detail}" if detail else "")
        raise RemoteError(
            f"{endpoint}: the server refused graph <{upload.graph}> (HTTP {exc.code} {exc.reason}){hint}"
        ) from None
    except urllib.error.URLError as exc:
        raise RemoteError(
            f"{endpoint}: cannot connect ({_reason(exc)}); is the SPARQL server running"
            " and the URL right?"
        ) from None
    except TimeoutError:
        raise RemoteError(f"{endpoint}: no answer within {timeout:g} s; is the server overloaded?") from None
    except OSError as exc:
        raise RemoteError(f"{endpoint}: connection failed ({exc.strerror or exc})") from None


def push(paths: Sequence[Path], endpoint: str, *, graph: str | None = None, auth: Auth = Auth(),
         ontology: bool = True, timeout: float = 60.0,
         progress: Callable[[Upload], None] | None = None) -> list[Upload]:
    """Load the reports (one named graph each, plus the ontology) into a GSP endpoint."""
    _check_endpoint(endpoint)
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError:
            raise RemoteError(f"--graph {graph}: not an absolute IRI, e.g. http://example.org/reports") from None
    uploads = plan_uploads(load_dataset(paths, ontology=ontology), graph)
    for upload in uploads:
        put_graph(endpoint, upload, auth, timeout)
        if progress:
            progress(upload)
    return uploads


# ------------------------------------------------------------------------------ serve


def find_oxigraph() -> str:
    """The `oxigraph` CLI of the `oxigraph` package: beside this Python first, then on PATH."""
    here = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise RemoteError("the `oxigraph` command is missing; install it with `pip install oxigraph`")


def load_location(paths: Sequence[Path], location: Path, *, binary: str | None = None) -> int:
    """Build an Oxigraph database at LOCATION with `oxigraph load` (one named graph per report)."""
    binary = binary or find_oxigraph()
    data = load_dataset(paths, ontology=True)
    quads = data.quads()
    location.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
        nq = Path(tmp) / "graph.nq"
        nq.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        proc = subprocess.run(
            [binary, "load", "--location", str(location), "--file", str(nq)],
            capture_output=True, text=True, check=False,
        )
    if proc.returncode != 0:
        message = " ".join((proc.stderr or proc.stdout).split())[:300]
        raise RemoteError(f"oxigraph load into {location} failed: {message}")
    return len(quads)


def serve_command(location: Path, host: str, port: int, *, binary: str | None = None,
                  cors: bool = False, writable: bool = False) -> list[str]:
    """The `oxigraph serve` command line; the union default graph makes plain queries see all."""
    cmd = [binary or find_oxigraph(), "serve" if writable else "serve-read-only",
           "--location", str(location), "--bind", f"{host}:{port}", "--union-default-graph"]
    if cors:
        cmd.append("--cors")
    return cmd


def check_port(host: str, port: int) -> None:
    """Fail early, with a one-line message, when HOST:PORT cannot be listened on."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise RemoteError(f"--bind {host}: not a usable address ({exc.strerror or exc})") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        if os.name != "nt":  # as the server's own listener does: TIME_WAIT is not "in use"
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            raise RemoteError(
                f"{host}:{port}: cannot listen ({exc.strerror or exc}); pick another --port"
            ) from None


def serve(paths: Sequence[Path], *, host: str = "127.0.0.1", port: int = 7878, cors: bool = False,
          writable: bool = False, location: Path | None = None,
          ready: Callable[[str, int], None] | None = None) -> int:
    """Load the graphs into a fresh Oxigraph database and run `oxigraph serve` until Ctrl-C.

    Without LOCATION the database lives in a temporary folder removed on exit.
    """
    binary = find_oxigraph()
    check_port(host, port)
    with tempfile.TemporaryDirectory(prefix="kg-serve-db-") as tmp:
        db = location or Path(tmp) / "db"
        if location is not None and location.exists() and any(location.iterdir()):
            raise RemoteError(f"--location {location}: not empty; give a new or empty folder")
        count = load_location(paths, db, binary=binary)
        if ready:
            ready(f"http://{host}:{port}", count)
        env = {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}
        proc = subprocess.Popen(serve_command(db, host, port, binary=binary, cors=cors,
                                              writable=writable), env=env)

        def stop(signum: int, frame: object) -> None:
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGTERM, stop)
        try:
            code = proc.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            signal.signal(signal.SIGTERM, previous)
            if proc.poll() is None:  # stop the server we started, and only it
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        if code != 0:
            raise RemoteError(
                f"oxigraph serve stopped with exit code {code}; is {host}:{port} already in use?"
            )
        return code
