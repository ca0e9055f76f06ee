"""Protected spans: the parts of a text that MT must copy unchanged, and their placeholder tokens.

A protected span (URL, variable, SKU, number, emoji, brand word...) is replaced by a token ``⟦N⟧``
in the MT input; the shipped models are trained to copy such tokens, and restoring puts the
original back. Kinds, in order of precedence when spans would overlap: variable, url, email,
dnt (glossary terms), code, number, symbol, dnt (words in capitals). ``tag`` placeholders come
from HTML and are made by the HTML planner, never by :func:`protect`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

TOKEN_OPEN = "⟦"
TOKEN_CLOSE = "⟧"

# Models sometimes emit "⟦ 0 ⟧"; anything else than digits between the brackets is not a token.
PLACEHOLDER_RE = re.compile(r"⟦\s*(\d+)\s*⟧")

KINDS = ("tag", "url", "email", "variable", "code", "number", "symbol", "dnt")

# Finds extra spans to protect in plain text: (start, end, kind). Glossary terms ("term",
# "dnt") and locale spans ("measure", "price", "percent", "date") come in this way; their
# placeholders are rendered per target locale when the translation is restored.
SpanFinder = Callable[[str], Iterable[tuple[int, int, str]]]


@dataclass(frozen=True)
class Placeholder:
    """One protected span of a segment: ``original`` comes back verbatim where ``token`` is."""

    index: int
    original: str
    kind: str

    @property
    def token(self) -> str:
        return f"{TOKEN_OPEN}{self.index}{TOKEN_CLOSE}"


@dataclass(frozen=True)
class ProtectedSpan:
    start: int
    end: int
    kind: str


def token_for(index: int) -> str:
    return f"{TOKEN_OPEN}{index}{TOKEN_CLOSE}"


_VARIABLE_RE = re.compile(
    r"""
      \{\{[^{}]+\}\}                                   # {{var}}, {{ var | filter }}
    | \$\{[^{}\s]+\}                                   # ${x}
    | \{(?:[A-Za-z0-9_][\w.\[\]]*)?(?:[:!][^{}\s]*)?\}  # {name}, {0}, {}, {0:.2f}
    | %\(\w+\)[-+\#0]*\d*(?:\.\d+)?[sdifFeEgGxXouc]    # %(n)d
    | %\d+\$[-+\#0]*\d*(?:\.\d+)?[sdifFeEgGxXouc]      # %1$s
    | (?<![\d%])%[-+\#0]*\d*(?:\.\d+)?[sdif](?![A-Za-z])  # %s, %d, %.2f; not "100%d", "%sale"
    """,
    re.VERBOSE,
)
_URL_RE = re.compile(r"(?<![\w@.])(?:(?:https?|ftp)://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?'\")]}"
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Letters/digits joined by - . / _ without spaces: candidates for SKUs and article numbers.
_CODE_TOKEN_RE = re.compile(r"(?<!\w)[^\W_]+(?:[-./_][^\W_]+)*")
_FRACTIONS = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_NUMBER_RE = re.compile(rf"(?<![^\W_])(?:\d+(?:[.,]\d+)*(?:/\d+)?[{_FRACTIONS}]?|[{_FRACTIONS}])")
_CAPITALS_RE = re.compile(r"(?<![^\W_])[^\W\d_]{2,}(?![^\W_])")
# "5kg", "1st", "1080p": a number with a unit or suffix, not an article number.
_NUMBER_WITH_SUFFIX_RE = re.compile(r"\d+(?:[.,]\d+)?[^\W\d_]+")
# "2-pack", "3-SEAT": a count and a word.
_COUNT_WORD_RE = re.compile(r"\d+-[^\W\d_]{3,}")
_ZERO_PADDED_RE = re.compile(r"0\d+")

# Symbols a small MT model copies or mangles; common ones it knows stay text.
_KNOWN_SYMBOLS = frozenset("°")
_SYMBOL_JOINERS = frozenset("\u200d\ufe0e\ufe0f\u20e3")
_ARROW_RANGES = ((0x2190, 0x21FF), (0x27F0, 0x27FF), (0x2900, 0x297F), (0x2B00, 0x2BFF))


def is_symbol(char: str) -> bool:
    if char in (TOKEN_OPEN, TOKEN_CLOSE):
        return True  # a literal bracket in the source must never read as a token
    code = ord(char)
    if code < 128 or char in _KNOWN_SYMBOLS:
        return False
    if unicodedata.category(char) in ("So", "Sk"):
        return True
    return any(low <= code <= high for low, high in _ARROW_RANGES)


def _is_symbol_continuation(char: str) -> bool:
    code = ord(char)
    return (
        char in _SYMBOL_JOINERS
        or is_symbol(char)
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # emoji tag sequences
    )


def is_code(token: str) -> bool:
    """SKU-like: letters mixed with digits, zero-padded digits, or 3+ dotted digit groups."""
    if not any(char.isdecimal() for char in token):
        return False
    letter_runs = re.findall(r"[^\W\d_]+", token)
    if not letter_runs:
        return bool(_ZERO_PADDED_RE.fullmatch(token)) or len(re.split(r"[-./_]", token)) >= 3
    if _NUMBER_WITH_SUFFIX_RE.fullmatch(token) and not any(c.isupper() for c in token):
        return False
    if _COUNT_WORD_RE.fullmatch(token):
        return False
    return all(run.isupper() or len(run) <= 2 for run in letter_runs)


def is_capitals_word(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


class _SpanCollector:
    """Accepts spans in precedence order, refusing any that overlaps an accepted one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.taken = bytearray(len(text))
        self.spans: list[ProtectedSpan] = []

    def free(self, start: int, end: int) -> bool:
        return end > start and not any(self.taken[start:end])

    def add(self, start: int, end: int, kind: str) -> None:
        if self.free(start, end):
            self.taken[start:end] = b"\x01" * (end - start)
            self.spans.append(ProtectedSpan(start, end, kind))

    def add_matches(self, pattern: re.Pattern[str], kind: str) -> None:
        for match in pattern.finditer(self.text):
            self.add(match.start(), match.end(), kind)


def _add_urls(spans: _SpanCollector) -> None:
    for match in _URL_RE.finditer(spans.text):
        url = match.group()
        while url and url[-1] in _URL_TRAILING:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        if "." in url or "://" in url:
            spans.add(match.start(), match.start() + len(url), "url")


def _dnt_term_pattern(term: str) -> re.Pattern[str]:
    before = r"(?<!\w)" if re.match(r"\w", term) else ""
    after = r"(?!\w)" if re.search(r"\w$", term) else ""
    return re.compile(before + re.escape(term) + after)


def _add_symbols(spans: _SpanCollector) -> None:
    text = spans.text
    position = 0
    while position < len(text):
        if spans.taken[position] or not is_symbol(text[position]):
            position += 1
            continue
        end = position + 1
        while end < len(text) and not spans.taken[end] and _is_symbol_continuation(text[end]):
            end += 1
        spans.add(position, end, "symbol")
        position = end


def find_protected_spans(
    text: str,
    *,
    dnt_terms: Iterable[str] = (),
    capitals: bool = True,
    finders: Sequence[SpanFinder] = (),
    keep_capitals: Callable[[str], bool] | None = None,
) -> list[ProtectedSpan]:
    """Non-overlapping protected spans of plain text, sorted by position.

    ``capitals=False`` leaves words in capitals alone (used for ALL-CAPS sentences, where every
    word is in capitals and none of them is a name for that reason). ``finders`` run after
    variables, URLs and e-mails and before everything else, in order; ``keep_capitals(word)``
    returning False lets a word in capitals be translated (the glossary translates it).
    """
    spans = _SpanCollector(text)
    spans.add_matches(_VARIABLE_RE, "variable")
    _add_urls(spans)
    spans.add_matches(_EMAIL_RE, "email")
    for finder in finders:
        for start, end, kind in finder(text):
            spans.add(start, end, kind)
    for term in sorted({t for t in dnt_terms if t.strip()}, key=len, reverse=True):
        spans.add_matches(_dnt_term_pattern(term), "dnt")
    for match in _CODE_TOKEN_RE.finditer(text):
        if is_code(match.group()):
            spans.add(match.start(), match.end(), "code")
    spans.add_matches(_NUMBER_RE, "number")
    _add_symbols(spans)
    if capitals:
        for start, end in find_capitals_names(text, keep_capitals):
            spans.add(start, end, "dnt")
    return sorted(spans.spans, key=lambda span: span.start)


def find_capitals_names(
    text: str, keep: Callable[[str], bool] | None = None
) -> list[tuple[int, int]]:
    """Words in capitals kept as names; hyphenated runs ("OEKO-TEX") as one span, since a
    model given two tokens drops the hyphen between them."""
    names: list[tuple[int, int]] = []
    for match in _CAPITALS_RE.finditer(text):
        word = match.group()
        if not is_capitals_word(word) or (keep is not None and not keep(word)):
            continue
        if names and text[names[-1][1] : match.start()] == "-":
            names[-1] = (names[-1][0], match.end())
        else:
            names.append(match.span())
    return names


def protect(text: str, *, dnt_terms: Iterable[str] = ()) -> tuple[str, list[Placeholder]]:
    """Replace the protected spans of plain text (no HTML) by tokens ``⟦0⟧``, ``⟦1⟧``..."""
    pieces: list[str] = []
    placeholders: list[Placeholder] = []
    position = 0
    for span in find_protected_spans(text, dnt_terms=dnt_terms):
        placeholder = Placeholder(len(placeholders), text[span.start : span.end], span.kind)
        pieces += [text[position : span.start], placeholder.token]
        placeholders.append(placeholder)
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces), placeholders
