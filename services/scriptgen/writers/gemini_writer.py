"""The Gemini writer: one generateContent call with a JSON schema for every language at once."""

from __future__ import annotations

import httpx
import httpx2
from google import genai
from google.genai import errors, types

from dailycast.scripts import TokenUsage, WriterError, WritingRequest, WrittenScript
from services.scriptgen.llm_output import parse_script
from services.scriptgen.prompt import build_multilingual_prompt, response_schema
from services.scriptgen.writers.base import Completion
from services.scriptgen.writers.quota_bound import retry_after_seconds

# What a call can fail with below the API: timeouts, refused or dropped connections (the SDK
# talks through httpx2, its fork of httpx, or httpx).
_TRANSPORT_ERRORS = (TimeoutError, OSError, httpx.HTTPError, httpx2.HTTPError)


class GeminiWriter:
    name = "gemini"

    def __init__(
        self,
        api_key: str,
        model: str = "gemini-2.5-flash-lite",
        base_url: str | None = None,
        timeout: float = 25.0,
        max_retries: int = 2,
        retry_delay: float = 1.0,
    ):
        self.model = model
        # The SDK retries 408/429/5xx and connection errors itself (tenacity, exponential backoff);
        # attempts counts the first call too. Its timeout is in milliseconds. v1beta is pinned
        # because this SDK defaults to v1, where system instructions and JSON schemas have lagged.
        retry = types.HttpRetryOptions(attempts=max_retries + 1, initial_delay=retry_delay, jitter=retry_delay)
        options = types.HttpOptions(
            base_url=base_url, api_version="v1beta", timeout=round(timeout * 1000), retry_options=retry
        )
        self.client = genai.Client(api_key=api_key, http_options=options)

    async def write(self, request: WritingRequest) -> WrittenScript:
        prompt = build_multilingual_prompt(request)
        reply = await self.complete(prompt.system, prompt.user, "podcast_script", response_schema(request.languages))
        return parse_script(reply.text, request, self.name, reply.model, reply.usage)

    async def complete(self, system: str, user: str, schema_name: str, schema: dict) -> Completion:
        """One generateContent call whose reply follows `schema` (Gemini's schemas have no name)."""
        config = types.GenerateContentConfig(
            system_instruction=system,
            response_mime_type="application/json",
            # The JSON-schema field (not response_schema) accepts additionalProperties, so both
            # providers get the very same schema.
            response_json_schema=schema,
        )
        try:
            response = await self.client.aio.models.generate_content(model=self.model, contents=user, config=config)
        except errors.APIError as exc:
            raise WriterError(f"Gemini failed: {exc.code} {exc.status}: {exc.message}",
                              throttled=exc.code == 429, retry_after=_retry_delay(exc)) from exc
        except _TRANSPORT_ERRORS as exc:
            raise WriterError(f"Gemini failed: {type(exc).__name__}: {str(exc) or 'timed out'}") from exc
        model = response.model_version or self.model  # the version that answered, when given
        return Completion(_text(response), model, _usage(response))

    async def check(self) -> str:
        """The model's name, if the key works and the model exists (spends no tokens)."""
        model = await self.client.aio.models.get(model=self.model)
        return (model.name or self.model).removeprefix("models/")  # the API names it "models/<id>"

    async def aclose(self) -> None:
        await self.client.aio.aclose()


def _text(response: types.GenerateContentResponse) -> str:
    if not response.candidates:
        feedback = response.prompt_feedback
        raise WriterError(f"Gemini returned no candidate ({feedback.block_reason if feedback else 'no reason'})")
    candidate = response.candidates[0]
    if candidate.finish_reason == types.FinishReason.MAX_TOKENS:
        raise WriterError("Gemini stopped at its token limit; the script is cut off")
    return response.text or ""


def _usage(response: types.GenerateContentResponse) -> TokenUsage | None:
    usage = response.usage_metadata
    if usage is None:
        return None
    # Thoughts are not among the candidates' tokens, and are billed as output.
    output = (usage.candidates_token_count or 0) + (usage.thoughts_token_count or 0)
    return TokenUsage(usage.prompt_token_count or 0, output)


def _retry_delay(exc: errors.APIError) -> float | None:
    """The wait a 429 names in its google.rpc.RetryInfo detail ("retryDelay": "12s"), if any."""
    error = exc.details.get("error", {}) if isinstance(exc.details, dict) else {}
    for detail in error.get("details") or []:
        if isinstance(detail, dict) and detail.get("@type", "").endswith("google.rpc.RetryInfo"):
            return retry_after_seconds(str(detail.get("retryDelay", "")).removesuffix("s"))
    return None
