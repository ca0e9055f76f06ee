"""Cell text as atoms: text runs, inline tags, and verbatim markup that separates blocks.

HTML is parsed with :class:`html.parser.HTMLParser`; every atom keeps its exact source text, so
a cell can always be put back together byte for byte, broken markup included.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.entities import html5
from html.parser import HTMLParser

from polyshelf.issues import Issue, Severity
from polyshelf.segment.tags import (
    BLOCK_ELEMENTS,
    KNOWN_ELEMENTS,
    VERBATIM_CONTENT_ELEMENTS,
    VOID_ELEMENTS,
)

_TAG_RE = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)(?=[\s/>]|$)")
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));")
# The same character references html.unescape decodes (see html._charref).
_CHARREF_RE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
# Text the parser gave up on: "<a href="x" cut off, "<b c="d>" with an open quote...
_BROKEN_TAG_RE = re.compile(r"<[A-Za-z/!?]")

MALFORMED = "html-malformed"


@dataclass(frozen=True)
class TextRun:
    """Text as MT sees it (entities decoded) and as the source wrote it.

    ``raw_at[i]`` is the offset in ``raw`` where character ``i`` of ``text`` starts (-1 inside a
    reference that decodes to several characters); None when ``raw`` is ``text``.
    """

    text: str
    raw: str
    raw_at: tuple[int, ...] | None = None

    @classmethod
    def plain(cls, text: str) -> TextRun:
        return cls(text, text)

    @classmethod
    def from_html(cls, raw: str) -> TextRun:
        chars: list[str] = []
        raw_at: list[int] = []
        # Start of references that decode to nothing ("&#1;"): they go with the next character.
        carried: int | None = None

        def add_char_start(offset: int) -> None:
            nonlocal carried
            raw_at.append(offset if carried is None else carried)
            carried = None

        position = 0
        for match in _CHARREF_RE.finditer(raw):
            chars.append(raw[position : match.start()])
            for offset in range(position, match.start()):
                add_char_start(offset)
            decoded = html.unescape(match.group())
            if decoded:
                chars.append(decoded)
                add_char_start(match.start())
                raw_at.extend([-1] * (len(decoded) - 1))
            elif carried is None:
                carried = match.start()
            position = match.end()
        chars.append(raw[position:])
        for offset in range(position, len(raw)):
            add_char_start(offset)
        raw_at.append(len(raw))
        return cls("".join(chars), raw, tuple(raw_at))

    def _offsets(self) -> tuple[int, ...]:
        return self.raw_at if self.raw_at is not None else tuple(range(len(self.text) + 1))

    def snap(self, position: int) -> int:
        """The nearest cut point at or after ``position`` that does not split a reference."""
        if self.raw_at is None:
            return position
        while self.raw_at[position] < 0:
            position += 1
        return position

    def slice(self, start: int, end: int) -> TextRun:
        if start == 0 and end == len(self.text):
            return self
        if self.raw_at is None:
            return TextRun(self.text[start:end], self.raw[start:end])
        start, end = self.snap(start), self.snap(end)
        base = self.raw_at[start]
        offsets = tuple(at - base if at >= 0 else -1 for at in self.raw_at[start : end + 1])
        return TextRun(self.text[start:end], self.raw[base : self.raw_at[end]], offsets)

    def __add__(self, other: TextRun) -> TextRun:
        if self.raw_at is None and other.raw_at is None:
            return TextRun(self.text + other.text, self.raw + other.raw)
        shift = len(self.raw)
        tail = tuple(at + shift if at >= 0 else -1 for at in other._offsets())
        return TextRun(self.text + other.text, self.raw + other.raw, self._offsets()[:-1] + tail)


@dataclass(frozen=True)
class Tag:
    """An inline tag or comment: becomes a placeholder, or stays outside a segment."""

    raw: str


@dataclass(frozen=True)
class Verbatim:
    """Markup copied as it is and separating blocks: block tags, <br>, script, doctype."""

    raw: str


Atom = TextRun | Tag | Verbatim


def looks_like_html(text: str) -> bool:
    """Real tags (known element names), comments or character references; ``a < b`` is not."""
    if "<!--" in text:
        return True
    for match in _TAG_RE.finditer(text):
        if match.group(1).lower() in KNOWN_ELEMENTS:
            return True
    for match in _ENTITY_RE.finditer(text):
        if match.group(1) is None or match.group(1) + ";" in html5:
            return True
    return False


class _EventRecorder(HTMLParser):
    """Records where each parser event starts; its raw text is everything up to the next one."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.events: list[tuple[int, str, str, str]] = []  # offset, kind, tag name, start tag

    def _record(self, kind: str, name: str = "", start_tag: str = "") -> None:
        line, column = self.getpos()
        self.events.append((self.line_starts[line - 1] + column, kind, name, start_tag))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record("start", tag, self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record("startend", tag, self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self._record("end", tag)

    def handle_data(self, data: str) -> None:
        self._record("data")

    def handle_comment(self, data: str) -> None:
        self._record("comment")

    def handle_decl(self, decl: str) -> None:
        self._record("decl")

    def handle_pi(self, data: str) -> None:
        self._record("decl")

    def unknown_decl(self, data: str) -> None:
        self._record("decl")


class _AtomBuilder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.atoms: list[Atom] = []
        self.issues: list[Issue] = []
        self.open_elements: list[tuple[str, int, int]] = []  # name, start, end
        self.pending_data: tuple[int, int] | None = None
        self.verbatim_until: str | None = None

    def problem(self, message: str, start: int, end: int, **params: str) -> None:
        self.issues.append(Issue(MALFORMED, Severity.WARNING, message, (start, end), params))

    def add_data(self, start: int, end: int) -> None:
        if self.verbatim_until is not None:
            self.atoms.append(Verbatim(self.text[start:end]))
        elif self.pending_data is None:
            self.pending_data = (start, end)
        else:
            self.pending_data = (self.pending_data[0], end)

    def flush_data(self) -> None:
        if self.pending_data is None:
            return
        start, end = self.pending_data
        self.pending_data = None
        raw = self.text[start:end]
        position = 0
        for match in _BROKEN_TAG_RE.finditer(raw):
            if match.start() < position:
                continue
            close = raw.find(">", match.start())
            stop = close + 1 if close >= 0 else len(raw)
            if match.start() > position:
                self.atoms.append(TextRun.from_html(raw[position : match.start()]))
            self.atoms.append(Verbatim(raw[match.start() : stop]))
            self.problem(
                f"broken tag kept as it is: {raw[match.start() : stop][:40]!r}",
                start + match.start(),
                start + stop,
                problem="broken-tag",
            )
            position = stop
        if position < len(raw):
            self.atoms.append(TextRun.from_html(raw[position:]))

    def add_tag(self, kind: str, name: str, tag_text: str, start: int) -> None:
        end = start + len(tag_text)
        if kind == "end" and name == self.verbatim_until:
            self.verbatim_until = None
            self.atoms.append(Verbatim(tag_text))
        elif name in VERBATIM_CONTENT_ELEMENTS:
            self.verbatim_until = name if kind == "start" else None
            self.atoms.append(Verbatim(tag_text))
        elif name in BLOCK_ELEMENTS:
            self.atoms.append(Verbatim(tag_text))
        else:
            self.atoms.append(Tag(tag_text))
        if kind == "start" and name not in VOID_ELEMENTS:
            self.open_elements.append((name, start, end))
        elif kind == "end":
            self.close_element(name, start, end)

    def close_element(self, name: str, start: int, end: int) -> None:
        for depth in range(len(self.open_elements) - 1, -1, -1):
            if self.open_elements[depth][0] == name:
                for unclosed, open_start, open_end in self.open_elements[depth + 1 :]:
                    self.problem(
                        f"<{unclosed}> not closed",
                        open_start,
                        open_end,
                        tag=unclosed,
                        problem="unclosed",
                    )
                del self.open_elements[depth:]
                return
        self.problem(f"</{name}> closes nothing", start, end, tag=name, problem="stray")

    def add_event(self, kind: str, name: str, start_tag: str, start: int, end: int) -> None:
        if kind == "data":
            self.add_data(start, end)
            return
        self.flush_data()
        raw = self.text[start:end]
        if kind in ("start", "startend", "end"):
            tag_text = start_tag if kind != "end" else raw[: raw.find(">") + 1] or raw
            self.add_tag(kind, name, tag_text, start)
            if len(tag_text) < len(raw):
                # Text the parser swallowed without an event (content of an unclosed <script>).
                self.atoms.append(Verbatim(raw[len(tag_text) :]))
        elif kind == "comment" and self.verbatim_until is None:
            self.atoms.append(Tag(raw))
        else:
            self.atoms.append(Verbatim(raw))

    def finish(self) -> None:
        self.flush_data()
        for name, start, end in self.open_elements:
            self.problem(f"<{name}> not closed", start, end, tag=name, problem="unclosed")


def parse_html(text: str) -> tuple[list[Atom], list[Issue]]:
    """Atoms covering ``text`` exactly, and ``html-malformed`` issues for broken markup."""
    recorder = _EventRecorder(text)
    recorder.feed(text)
    recorder.close()
    builder = _AtomBuilder(text)
    events = recorder.events
    if not events or events[0][0] > 0:
        builder.atoms.append(Verbatim(text[: events[0][0] if events else len(text)]))
    ends = [event[0] for event in events[1:]] + [len(text)]
    for (start, kind, name, start_tag), end in zip(events, ends, strict=True):
        builder.add_event(kind, name, start_tag, start, end)
    builder.finish()
    issues = sorted(builder.issues, key=lambda issue: issue.span or (0, 0))
    return builder.atoms, issues
