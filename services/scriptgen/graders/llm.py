"""An LLM grader: one structured-output call through an LLM writer's client (OpenAI or Gemini).

It books its request and tokens from the writer's quotas, as the writers do (one account, one
quota); a throttled or failed call is the chain's to handle: the next grader answers.
"""

from __future__ import annotations

from typing import Protocol

from dailycast.grading import AnswerToGrade, Grade
from dailycast.quotas import Quota
from services.scriptgen.grading_prompt import SCHEMA_NAME, grading_prompt, grading_schema, parse_grade
from services.scriptgen.writers.base import Completion
from services.scriptgen.writers.quota_bound import CHARS_PER_TOKEN

REPLY_TOKENS = 300  # the numbers, a score and a few sentences


class StructuredLLM(Protocol):
    name: str
    model: str

    async def complete(self, system: str, user: str, schema_name: str, schema: dict) -> Completion: ...


class LlmGrader:
    def __init__(self, llm: StructuredLLM, requests: Quota | None = None, tokens: Quota | None = None):
        self.llm, self.requests, self.tokens = llm, requests, tokens
        self.name, self.model = llm.name, llm.model

    async def grade(self, item: AnswerToGrade) -> Grade:
        prompt = grading_prompt(item)
        estimate = (len(prompt.system) + len(prompt.user)) // CHARS_PER_TOKEN + REPLY_TOKENS
        if self.requests is not None and self.tokens is not None:
            await self.requests.take()
            await self.tokens.take(estimate)
        reply = await self.llm.complete(prompt.system, prompt.user, SCHEMA_NAME, grading_schema())
        if self.tokens is not None and reply.usage is not None:
            await self.tokens.settle(reply.usage.total - estimate)
        return parse_grade(reply.text, item)
