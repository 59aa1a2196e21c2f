"""One worker service with the instant adapters, as its own process: `python -m bench.instant_worker tts`.

bench/scale.py starts scriptgen, tts and notifier this way, so the pipeline it measures is the
deployed one (a process per service, on Kafka) minus the providers' own time.
"""

from __future__ import annotations

import sys

from bench.instant import InstantSynthesizer, InstantWriter
from system.builder import Adapters
from system.cli import serve_worker

if __name__ == "__main__":
    sys.exit(serve_worker(sys.argv[1], Adapters(writer=InstantWriter(), synthesizer=InstantSynthesizer())))
