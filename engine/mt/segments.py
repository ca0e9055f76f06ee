"""Translate unique segments with one backend: placeholders kept, or a per-piece fallback."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from polyshelf.issues import Issue, Severity
from polyshelf.mt.backend import Hypothesis, MTBackend, TranslateOptions
from polyshelf.mt.output_checks import output_issues
from polyshelf.segment.placeholders import PLACEHOLDER_RE
from polyshelf.segment.segment import Segment, SpanRenderer, has_letter

LENGTH_LIMIT_ISSUE = Issue(
    "mt-length-limit",
    Severity.WARNING,
    "the translation reached the length limit and may be cut off (often a repetition loop)",
)


@dataclass(frozen=True)
class SegmentTranslation:
    text: str
    score: float | None  # length-normalized model log-probability; None when no MT ran
    model_id: str
    method: str  # mt | fallback
    issues: tuple[Issue, ...] = ()


def _dedupe(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    unique: dict[str, int] = {}
    index = [unique.setdefault(t, len(unique)) for t in texts]
    return list(unique), index


def translate_segments(
    backend: MTBackend,
    segments: Sequence[Segment],
    target: str,
    options: TranslateOptions,
    progress: Callable[[int], None] | None = None,
    render: SpanRenderer | None = None,
) -> list[SegmentTranslation]:
    """One result per segment, in order. Every protected span comes back unchanged, or as
    ``render`` gives it for the target locale."""
    results: list[SegmentTranslation | None] = [None] * len(segments)
    to_mt: list[int] = []
    for i, segment in enumerate(segments):
        if has_letter(PLACEHOLDER_RE.sub("", segment.text)):
            to_mt.append(i)
        else:  # protected spans only: rendered for the target, nothing to translate
            text = segment.restore(segment.text, render) or segment.source
            results[i] = SegmentTranslation(text, None, "", "rendered")
    texts, where = _dedupe([segments[i].text for i in to_mt])
    hyps = backend.translate(texts, target, options, progress) if texts else []
    mt_hyp = dict(zip(to_mt, where, strict=True))
    failed: list[int] = []
    for i in to_mt:
        segment = segments[i]
        hyp, restored = _first_restorable(segment, hyps[mt_hyp[i]], render)
        if restored is None:
            failed.append(i)
            continue
        issues = output_issues(segment.source, restored)
        if hyp.hit_length_limit:
            issues.append(LENGTH_LIMIT_ISSUE)
        results[i] = SegmentTranslation(
            restored, hyp.normalized_score, backend.model_id, "mt", tuple(issues)
        )
    if failed:
        _translate_fallback(backend, segments, failed, target, options, results, render)
    return [r for r in results if r is not None]


_END_MARKS = (".", "!", "?", ":", ";", ",")


def _same_end(translation: str, piece: str) -> str:
    """A piece cut out of a sentence ("Soft") comes back from small models as a sentence
    ("Weich."): drop final punctuation the piece does not have (the source's own punctuation
    around the piece is kept by the segment)."""
    if piece.rstrip().endswith(_END_MARKS):
        return translation
    return translation.rstrip("".join(_END_MARKS) + " \u00a0\u202f")


# Catalog training data is full of "⟦0⟧%" (100% cotton): the models learned to write a percent
# sign after a token, also where the source has none ("⟦0⟧ cm" → "⟦0⟧%").
_TOKEN_PERCENT_RE = re.compile(r"(" + PLACEHOLDER_RE.pattern + r")[ \u00a0\u202f]?%+")
_PERCENT_WORD_RE = re.compile(r"%|\bper\s?cent|\bpct\b", re.IGNORECASE)


def _without_invented_percent(source: str, translation: str) -> str:
    if _PERCENT_WORD_RE.search(source):
        return translation
    return _TOKEN_PERCENT_RE.sub(r"\1", translation)


def _first_restorable(
    segment: Segment, best: Hypothesis, render: SpanRenderer | None
) -> tuple[Hypothesis, str | None]:
    """The best hypothesis whose placeholders all come back, and its restored text."""
    for hyp in (best, *best.alternatives):
        restored = segment.restore(_without_invented_percent(segment.text, hyp.text), render)
        if restored is not None and restored.strip():
            return hyp, restored
    return best, None


def _translate_fallback(
    backend: MTBackend,
    segments: Sequence[Segment],
    failed: list[int],
    target: str,
    options: TranslateOptions,
    results: list[SegmentTranslation | None],
    render: SpanRenderer | None = None,
) -> None:
    """Translate the text between placeholders piece by piece when the model lost a token."""
    pieces_per_segment = [
        [p for p in segments[i].fallback_parts() if isinstance(p, str)] for i in failed
    ]
    texts, where = _dedupe([p for pieces in pieces_per_segment for p in pieces])
    hyps = backend.translate(texts, target, options) if texts else []
    cursor = 0
    for i, pieces in zip(failed, pieces_per_segment, strict=True):
        piece_hyps = [hyps[where[cursor + k]] for k in range(len(pieces))]
        cursor += len(pieces)
        segment = segments[i]
        # Pieces hold no placeholders: a token the model invents there is dropped. A piece the
        # model returns empty is kept in the source language (and flagged below).
        cleaned = [
            _same_end(" ".join(PLACEHOLDER_RE.sub(" ", h.text).split()), piece)
            for h, piece in zip(piece_hyps, pieces, strict=True)
        ]
        texts_out = [t or p for t, p in zip(cleaned, pieces, strict=True)]
        text = segment.render_fallback(texts_out, render)
        score = (
            sum(h.score for h in piece_hyps) / max(1, sum(h.n_tokens for h in piece_hyps))
            if piece_hyps
            else None
        )
        issues = [
            Issue(
                "placeholder-fallback",
                Severity.INFO,
                "the model moved or lost protected text; pieces between tags, numbers and "
                "codes were translated separately",
            ),
            *output_issues(segment.source, text),
        ]
        if any(h.hit_length_limit for h in piece_hyps):
            issues.append(LENGTH_LIMIT_ISSUE)
        if any(not t for t in cleaned):
            issues.append(
                Issue(
                    "mt-empty",
                    Severity.ERROR,
                    "the model returned no text for "
                    "part of the segment; that part is left in the source language",
                )
            )
        results[i] = SegmentTranslation(text, score, backend.model_id, "fallback", tuple(issues))
