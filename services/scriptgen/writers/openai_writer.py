"""The OpenAI writer: one chat completion with a strict JSON schema for every language at once."""

from __future__ import annotations

import openai

from dailycast.scripts import TokenUsage, WriterError, WritingRequest, WrittenScript
from services.scriptgen.llm_output import parse_script
from services.scriptgen.prompt import build_multilingual_prompt, response_schema
from services.scriptgen.writers.base import Completion
from services.scriptgen.writers.quota_bound import retry_after_seconds


class OpenAIWriter:
    name = "openai"

    def __init__(
        self,
        api_key: str,
        model: str = "gpt-4o-mini",
        base_url: str | None = None,
        timeout: float = 25.0,
        max_retries: int = 2,
    ):
        self.model = model
        # The SDK retries 408/409/429/5xx, timeouts and lost connections itself, with exponential
        # backoff (or the server's retry-after), so the writer makes one call and adds no retry loop.
        self.client = openai.AsyncOpenAI(
            api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries
        )

    async def write(self, request: WritingRequest) -> WrittenScript:
        prompt = build_multilingual_prompt(request)
        reply = await self.complete(prompt.system, prompt.user, "podcast_script", response_schema(request.languages))
        return parse_script(reply.text, request, self.name, reply.model, reply.usage)

    async def complete(self, system: str, user: str, schema_name: str, schema: dict) -> Completion:
        """One chat completion whose reply follows `schema` (strict structured output)."""
        try:
            completion = await self.client.chat.completions.create(
                model=self.model,
                messages=[
                    {"role": "system", "content": system},
                    {"role": "user", "content": user},
                ],
                response_format={
                    "type": "json_schema",
                    "json_schema": {"name": schema_name, "strict": True, "schema": schema},
                },
            )
        except openai.RateLimitError as exc:  # after the SDK's own retries: the quota is spent for now
            headers = exc.response.headers
            wait = retry_after_seconds(headers.get("retry-after-ms"), milliseconds=True)
            raise WriterError(f"OpenAI throttled: {exc}", throttled=True,
                              retry_after=wait if wait is not None else retry_after_seconds(headers.get("retry-after"))) from exc
        except openai.OpenAIError as exc:  # status errors, timeouts and lost connections alike
            raise WriterError(f"OpenAI failed: {type(exc).__name__}: {exc}") from exc
        model = completion.model or self.model  # the dated snapshot that answered, when given
        return Completion(_content(completion), model, _usage(completion))

    async def check(self) -> str:
        """The model's name, if the key works and the model exists (spends no tokens)."""
        model = await self.client.models.retrieve(self.model)
        return model.id

    async def aclose(self) -> None:
        await self.client.close()


def _content(completion) -> str:
    if not completion.choices:
        raise WriterError("OpenAI returned no choice")
    choice = completion.choices[0]
    if getattr(choice.message, "refusal", None):
        raise WriterError(f"OpenAI refused: {choice.message.refusal}")
    if choice.finish_reason == "length":
        raise WriterError("OpenAI stopped at its token limit; the script is cut off")
    return choice.message.content or ""


def _usage(completion) -> TokenUsage | None:
    usage = completion.usage  # completion_tokens include a reasoning model's reasoning
    return TokenUsage(usage.prompt_tokens, usage.completion_tokens) if usage else None
