"""Per-language text files: `<package>/<language>.toml`, read once and checked by a typed model.

TOML because tomllib is in the standard library and its multi-line strings keep long sentences
readable for translators. Every problem raises one TextFileError naming the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib.resources import files
from string import Formatter
from types import MappingProxyType
from typing import Annotated, Self, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError


class TextFileError(ValueError):
    """A text file is missing, is not TOML, or does not match its model."""


class TextModel(BaseModel):
    """A part of a text file: every field required, no unknown key (a typo), read-only."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class TextFile(TextModel):
    """One language's whole file."""

    def mismatches(self, reference: Self) -> Iterator[tuple[str, str]]:
        """(key, problem) where this language disagrees with the reference language's file."""
        return iter(())


File = TypeVar("File", bound=TextFile)


@cache
def load_texts(package: str, model: type[File], languages: tuple[str, ...]) -> Mapping[str, File]:
    """Each language's file of `package`, validated; the first language is the reference."""
    texts = {language: _load(package, model, language) for language in languages}
    reference = texts[languages[0]]
    for language, text in texts.items():
        for key, problem in text.mismatches(reference):
            raise TextFileError(
                f"{_path(package, language)}: {key}: {problem} (reference: {languages[0]}.toml)"
            )
    return MappingProxyType(texts)


def placeholders(*required: str, optional: Iterable[str] = ()) -> AfterValidator:
    """A non-empty str.format template using every `required` placeholder and no other than `optional`."""
    allowed = frozenset(required) | frozenset(optional)

    def check(template: str) -> str:
        if not template.strip():
            raise ValueError("the text is empty")
        used = {field for _, field, _, _ in Formatter().parse(template) if field is not None}
        if extra := sorted(used - allowed):
            names = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "none"
            raise ValueError(f"placeholder {{{extra[0]}}} is not allowed here (allowed: {names})")
        if missing := sorted(set(required) - used):
            raise ValueError(f"placeholder {{{missing[0]}}} is missing")
        return template

    return AfterValidator(check)


Plain = Annotated[str, placeholders()]  # a text with no placeholder


def _load(package: str, model: type[File], language: str) -> File:
    path = _path(package, language)
    try:
        return model.model_validate(tomllib.loads((files(package) / f"{language}.toml").read_text("utf-8")))
    except FileNotFoundError:
        raise TextFileError(f"{path}: the file is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise TextFileError(f"{path}: not valid TOML: {error}") from None
    except ValidationError as error:
        raise TextFileError("\n".join(f"{path}: {problem}" for problem in _problems(error))) from None


def _path(package: str, language: str) -> str:
    """The file as its repository path, e.g. services/notifier/texts/fr.toml."""
    return f"{package.replace('.', '/')}/{language}.toml"


def _problems(error: ValidationError) -> list[str]:
    errors = error.errors()
    locs = [e["loc"] for e in errors]

    def inner(loc: tuple[int | str, ...]) -> bool:
        return any(len(other) > len(loc) and other[: len(loc)] == loc for other in locs)

    # A bad item also empties its list "after validation"; the deepest error is the one to fix.
    return [f"{_key(e['loc'])}: {e['msg'].removeprefix('Value error, ')}" for e in errors if not inner(e["loc"])]


def _key(loc: tuple[int | str, ...]) -> str:
    """('questions', 'course', 2, 'text') -> 'questions.course[2].text'."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")
