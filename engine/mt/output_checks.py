"""Checks on raw MT output for known failure modes of small models."""

from __future__ import annotations

import re

from polyshelf.issues import Issue, Severity

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_LETTER_RE = re.compile(r"[^\W\d_]", re.UNICODE)
_TAG_RE = re.compile(r"<[^<>]*>")
# Target/source length ratios (letters) outside this band are flagged for sentences long
# enough for the ratio to mean something; de and fr typically run 1.0-1.3x English.
LENGTH_RATIO_BAND = (0.45, 2.6)
_MIN_LETTERS_FOR_RATIO = 20


def length_ratio(source: str, output: str) -> float | None:
    """Letters of the output per letter of the source (tags ignored); None for short text."""
    src = len(_LETTER_RE.findall(_TAG_RE.sub("", source)))
    if src < _MIN_LETTERS_FOR_RATIO:
        return None
    return len(_LETTER_RE.findall(_TAG_RE.sub("", output))) / src


def repeated_ngram(text: str, max_n: int = 4, min_repeats: int = 3) -> str | None:
    """The word n-gram repeated back to back `min_repeats` times or more (a hallucination loop)."""
    words = _WORD_RE.findall(text.lower())
    for n in range(1, max_n + 1):
        for start in range(0, len(words) - n * min_repeats + 1):
            gram = words[start : start + n]
            repeated = all(
                words[start + k * n : start + (k + 1) * n] == gram for k in range(min_repeats)
            )
            # A single repeated number or letter ("1 1 1") is data, not a loop.
            if repeated and any(len(w) > 1 and not w.isdigit() for w in gram):
                return " ".join(gram)
    return None


def output_issues(source: str, output: str) -> list[Issue]:
    issues = []
    if not output.strip() and source.strip():
        issues.append(Issue("mt-empty", Severity.ERROR, "the model returned no text"))
        return issues
    loop = repeated_ngram(output)
    if loop and not repeated_ngram(source):
        issues.append(
            Issue(
                "mt-repetition",
                Severity.WARNING,
                f"repeated words in the translation: “{loop}”",
                params={"ngram": loop},
            )
        )
    ratio = length_ratio(source, output)
    if ratio is not None and not LENGTH_RATIO_BAND[0] <= ratio <= LENGTH_RATIO_BAND[1]:
        issues.append(
            Issue(
                "mt-length-ratio",
                Severity.WARNING,
                f"the translation is {ratio:.1f}x as long as the source "
                "(text left out or made up?)",
                params={"ratio": f"{ratio:.2f}"},
            )
        )
    if (
        output.strip() == source.strip()
        and len(_LETTER_RE.findall(source)) >= 4
        and len(_WORD_RE.findall(source)) >= 2
    ):
        issues.append(
            Issue("mt-untranslated", Severity.WARNING, "the translation is identical to the source")
        )
    return issues
