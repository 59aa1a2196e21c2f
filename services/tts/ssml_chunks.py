"""Split one SSML document into several, each small enough for one Amazon Polly request.

Pure. Cuts fall only between sentences: after a sentence's end in text, or after a whole
element such as a question's <s> (with the breaks that follow it). A tag or an element is
never cut, so a question's marks stay with it. A paragraph (or <prosody>, <lang>) that is cut
is closed at the end of one document and opened again at the start of the next.
"""

from __future__ import annotations

import re

# SynthesizeSpeech: at most 6000 characters a request, tags included; 3000 of them billed.
MAX_CHARS = 6000
MAX_BILLED = 3000

_ROOT = re.compile(r"\s*(<speak\b[^>]*>)(.*)</speak>\s*\Z", re.S)
_TOKEN = re.compile(r"<[^>]*>|[^<]+")
_TAG = re.compile(r"<[^>]*>")
_TAG_NAME = re.compile(r"</?\s*([^\s/>]+)")
# Elements that may be cut and reopened; any other element (<s>, <emphasis>, ...) stays whole.
_REOPENABLE = frozenset({"p", "prosody", "lang"})

_CLOSERS = r"(?:[\"'”’»)\]」』）]|&quot;|&apos;)*"
# A full stop, ? or ! (with closing quotes) before a space; CJK 。？！ need no space after.
_SENTENCE_END = re.compile(rf"[.!?…]+{_CLOSERS}(?:\s+|\Z)|[。！？]+{_CLOSERS}\s*")
# Finer cuts, tried in order only for a sentence too long for a request on its own.
_CLAUSE_END = re.compile(r"[,;:、，；：]+\s*")
_SPACE = re.compile(r"\s+")
_ENTITY_OR_CHAR = re.compile(r"&[#\w]+;|.", re.S)
_HARD_SLICE = 100


def split_ssml(ssml: str, max_chars: int = MAX_CHARS, max_billed: int = MAX_BILLED) -> list[str]:
    """<speak> documents, in order, each within both limits; ValueError if that is impossible."""
    match = _ROOT.match(ssml)
    if match is None:
        raise ValueError("not an SSML <speak> document")
    root, body = match.groups()
    packer = _Packer(root, max_chars, max_billed)
    for kind, xml in _pieces(body):
        getattr(packer, kind)(xml)
    return packer.finish()


def billed_characters(ssml: str) -> int:
    """Characters outside tags: what Polly bills (entities counted as written, to be safe)."""
    return len(_TAG.sub("", ssml))


def _pieces(body: str) -> list[tuple[str, str]]:
    """("open" | "close" | "unit", xml): reopenable tags, and sentences that are never cut."""
    units = _Units()
    tokens = _TOKEN.findall(body)
    i = 0
    while i < len(tokens):
        kind, name = _classify(tokens[i])
        if kind in ("open", "close") and name in _REOPENABLE:
            units.structure(kind, tokens[i])
        elif kind == "open":
            element, i = _element(tokens, i)
            units.element(element)
            continue
        elif kind == "close":
            raise ValueError(f"unexpected {tokens[i]} in SSML")
        elif kind == "empty":
            units.empty(tokens[i], name)
        else:
            units.text(tokens[i])
        i += 1
    return units.finish()


class _Units:
    """Groups tokens into sentences; a boundary is pending after a sentence's end."""

    def __init__(self) -> None:
        self.pieces: list[tuple[str, str]] = []
        self.unit: list[str] = []
        self.boundary = False

    def structure(self, kind: str, tag: str) -> None:
        self._end_unit()
        self.pieces.append((kind, tag))

    def element(self, xml: str) -> None:
        if self.boundary:
            self._end_unit()
        self.unit.append(xml)
        self.boundary = True  # an element (a question's <s>) is a sentence of its own

    def empty(self, tag: str, name: str) -> None:
        # A <break> is the pause after the sentence before it; a <mark> belongs to what follows.
        if name != "break" and self.boundary:
            self._end_unit()
        self.unit.append(tag)

    def text(self, text: str) -> None:
        start = 0
        for end in _SENTENCE_END.finditer(text):
            self._add_text(text[start : end.end()])
            self.boundary = True
            start = end.end()
        self._add_text(text[start:])

    def finish(self) -> list[tuple[str, str]]:
        self._end_unit()
        return self.pieces

    def _add_text(self, part: str) -> None:
        if self.boundary:
            stripped = part.lstrip()
            if part != stripped:  # the space after a sentence stays with it
                self.unit.append(part[: len(part) - len(stripped)])
            part = stripped
            if not part:
                return
            self._end_unit()
        if part:
            self.unit.append(part)

    def _end_unit(self) -> None:
        if self.unit:
            self.pieces.append(("unit", "".join(self.unit)))
        self.unit, self.boundary = [], False


class _Packer:
    """Fills documents greedily; `stack` holds the reopenable tags open at this point."""

    def __init__(self, root: str, max_chars: int, max_billed: int):
        self.root, self.max_chars, self.max_billed = root, max_chars, max_billed
        self.docs: list[str] = []
        self.stack: list[str] = []
        self._start()

    def open(self, tag: str) -> None:
        self.stack.append(tag)  # written only once a sentence goes inside it

    def close(self, tag: str) -> None:
        if self.written == len(self.stack):
            self.body.append(tag)
            self.chars += len(tag)
            self.written -= 1
        self.stack.pop()

    def unit(self, xml: str, level: int = 0) -> None:
        reopen = self.stack[self.written :]
        chars = self.chars + sum(map(len, reopen)) + len(xml) + _closers_length(self.stack)
        billed = self.billed + billed_characters(xml)
        if chars <= self.max_chars and billed <= self.max_billed:
            self.body += [*reopen, xml]
            self.chars += sum(map(len, reopen)) + len(xml)
            self.billed, self.written, self.filled = billed, len(self.stack), True
        elif self.filled:
            self._flush()
            self.unit(xml, level)
        elif level < len(_FINER):
            for part in _FINER[level](xml):
                self.unit(part, level + 1)
        else:
            raise ValueError(f"SSML too long for one request even when cut: {xml[:60]!r}")

    def finish(self) -> list[str]:
        if self.filled:
            self._flush()
        return self.docs

    def _start(self) -> None:
        self.body: list[str] = []
        self.written = 0  # how many of `stack` this document has opened
        self.chars = len(self.root) + len("</speak>")
        self.billed = 0
        self.filled = False

    def _flush(self) -> None:
        closers = [_closer(tag) for tag in reversed(self.stack[: self.written])]
        self.docs.append(self.root + "".join(self.body) + "".join(closers) + "</speak>")
        self._start()


def _classify(token: str) -> tuple[str, str]:
    if not token.startswith("<"):
        return "text", ""
    if token.startswith(("<?", "<!")) or token.endswith("/>"):
        kind = "empty"
    else:
        kind = "close" if token.startswith("</") else "open"
    name = _TAG_NAME.match(token)
    return kind, name.group(1) if name else ""


def _element(tokens: list[str], start: int) -> tuple[str, int]:
    """The whole element opened at tokens[start], and the index after it."""
    depth = 0
    for i in range(start, len(tokens)):
        kind, _ = _classify(tokens[i])
        depth += {"open": 1, "close": -1}.get(kind, 0)
        if depth == 0:
            return "".join(tokens[start : i + 1]), i + 1
    raise ValueError(f"unclosed {tokens[start]} in SSML")


def _closer(open_tag: str) -> str:
    return f"</{_TAG_NAME.match(open_tag).group(1)}>"


def _closers_length(stack: list[str]) -> int:
    return sum(len(_closer(tag)) for tag in stack)


def _atoms(xml: str, cut) -> list[str]:
    """Whole elements and tags, and text cut by `cut`."""
    tokens, atoms, i = _TOKEN.findall(xml), [], 0
    while i < len(tokens):
        kind, _ = _classify(tokens[i])
        if kind == "open":
            element, i = _element(tokens, i)
            atoms.append(element)
            continue
        atoms += [tokens[i]] if kind != "text" else [p for p in cut(tokens[i]) if p]
        i += 1
    return atoms


def _after_each(pattern: re.Pattern):
    def cut(text: str) -> list[str]:
        ends = [m.end() for m in pattern.finditer(text)]
        return [text[a:b] for a, b in zip([0, *ends], [*ends, len(text)])]

    return lambda xml: _atoms(xml, cut)


def _hard_slices(xml: str) -> list[str]:
    def cut(text: str) -> list[str]:
        chars = _ENTITY_OR_CHAR.findall(text)  # never cut inside &amp; and friends
        return ["".join(chars[i : i + _HARD_SLICE]) for i in range(0, len(chars), _HARD_SLICE)]

    return _atoms(xml, cut)


_FINER = (_after_each(_CLAUSE_END), _after_each(_SPACE), _hard_slices)
