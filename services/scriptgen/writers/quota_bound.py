"""An LLM writer under its account's quotas, shared by every scriptgen replica.

Before each request it takes one request from the requests-per-minute quota and its estimated
tokens from the tokens-per-minute quota, then settles the tokens the provider reports. A
throttling answer (429) is the provider saying "later", not "never": the writer waits (the
server's retry-after, or a growing pause) and asks again, for up to `patience_seconds`, instead
of handing the podcast to the next writer of the chain.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time

from dailycast.metrics import PROVIDER_REQUESTS, PROVIDER_TOKENS
from dailycast.quotas import Quota
from dailycast.scripts import WriterError, WritingRequest, WrittenScript
from services.scriptgen.prompt import build_multilingual_prompt
from services.scriptgen.writers.base import ScriptWriter

log = logging.getLogger(__name__)

CHARS_PER_TOKEN = 4  # OpenAI's rule of thumb for English; close enough to book ahead
SCRIPT_TOKENS_PER_LANGUAGE = 1500  # a 6-minute script and its questions, in the JSON answer


def retry_after_seconds(value: str | None, milliseconds: bool = False) -> float | None:
    """A server's "come back in" (a Retry-After of seconds, or OpenAI's retry-after-ms); None if unreadable."""
    try:
        seconds = float(value) / (1000 if milliseconds else 1) if value else None
    except ValueError:  # an HTTP date: rare from these APIs; the growing pause will do
        return None
    return seconds if seconds is not None and 0 <= seconds < 3600 else None


def estimated_tokens(request: WritingRequest) -> int:
    """Prompt and answer tokens of one request, before the provider counts them."""
    prompt = build_multilingual_prompt(request)
    return (len(prompt.system) + len(prompt.user)) // CHARS_PER_TOKEN + SCRIPT_TOKENS_PER_LANGUAGE * len(request.languages)


class QuotaBoundWriter:
    def __init__(
        self,
        writer: ScriptWriter,
        requests: Quota,
        tokens: Quota,
        patience_seconds: float = 600.0,
        first_pause_seconds: float = 1.0,
    ):
        self.writer, self.requests, self.tokens = writer, requests, tokens
        self.name, self.model = writer.name, writer.model
        self.patience_seconds = patience_seconds
        self.first_pause_seconds = first_pause_seconds

    async def write(self, request: WritingRequest) -> WrittenScript:
        estimate = estimated_tokens(request)
        give_up_at = time.monotonic() + self.patience_seconds
        pause = self.first_pause_seconds
        while True:
            await self.requests.take()
            await self.tokens.take(estimate)
            try:
                script = await self.writer.write(request)
            except WriterError as exc:
                PROVIDER_REQUESTS.labels(self.name, "throttled" if exc.throttled else "error").inc()
                await self.tokens.settle(-estimate)  # refused or failed: what it booked is given back
                wait = exc.retry_after if exc.retry_after is not None else pause * random.uniform(1.0, 1.5)
                if not exc.throttled or time.monotonic() + wait > give_up_at:
                    raise
                log.warning("%s throttled us (%s); asking again in %.1f s", self.name, exc, wait)
                await asyncio.sleep(wait)
                pause = min(pause * 2, 60.0)
                continue
            PROVIDER_REQUESTS.labels(self.name, "ok").inc()
            if script.usage is not None:
                PROVIDER_TOKENS.labels(self.name, "input").inc(script.usage.input_tokens)
                PROVIDER_TOKENS.labels(self.name, "output").inc(script.usage.output_tokens)
                await self.tokens.settle(script.usage.total - estimate)
            return script

    async def aclose(self) -> None:
        await self.writer.aclose()
