"""A local HTTP server that speaks Amazon Polly's SynthesizeSpeech, for the real boto3.

moto's Polly answers no real audio (see test_polly_moto.py); this server does: MP3 made by LAME
and SSML speech marks under bench/provider_replies.py's speech model (10 ms a character, breaks
as written), and bills the characters outside tags as Polly does (`x-amzn-RequestCharacters`).
Every request is recorded. Import the fixtures into a test module:
`from tests.utils.polly_server import polly_server` (it needs moto's, for the fake credentials).
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.provider_replies import polly_output
from services.tts.ssml_chunks import billed_characters

LATENCY = 0.03


class PollyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _PollyHandler)
        self.requests: list[tuple[float, dict]] = []
        self.in_flight = self.most_in_flight = 0
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _PollyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        server: PollyServer = self.server
        params = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with server.lock:
            server.requests.append((time.monotonic(), {**params, "path": self.path}))
            server.in_flight += 1
            server.most_in_flight = max(server.most_in_flight, server.in_flight)
        time.sleep(LATENCY)  # Polly takes a while: lets requests overlap
        body = polly_output(params)
        with server.lock:
            server.in_flight -= 1
        self.send_response(200)
        mp3 = params["OutputFormat"] == "mp3"
        self.send_header("Content-Type", "audio/mpeg" if mp3 else "application/x-json-stream")
        self.send_header("x-amzn-RequestCharacters", str(billed_characters(params["Text"])))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def polly_server(moto):  # moto's fixture gives the fake credentials boto3 signs with
    server = PollyServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
