"""Word-list rules: forbidden terms (with an optional replacement), sensitive claims, and
phrases a column must contain.

A term is matched case-insensitively as whole words; a ``*`` in it stands for the rest of a word
(``antibakteriell*`` also finds "antibakterielle"). An entry may give ``regex`` instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import lru_cache

from polyshelf.issues import Issue, Severity
from polyshelf.rules.base import Rule, RuleContext
from polyshelf.rules.registry import register_rule
from polyshelf.rules.textmask import apply_edits, free_matches, mask_text

_ENTRY_KEYS = frozenset({"term", "regex", "reason", "replacement"})


@dataclass(frozen=True)
class TermPattern:
    label: str
    pattern: re.Pattern[str]
    reason: str = ""
    replacement: str | None = None


def compile_terms(entries: object, allow_replacement: bool) -> list[TermPattern]:
    """Parse a ``terms`` parameter: strings, or objects with term/regex, reason, replacement."""
    if not isinstance(entries, list):
        raise ValueError("'terms' must be a list")
    # Rules run on every cell with the same pack parameters: compile each list once.
    return list(_compile_terms(json.dumps(entries, sort_keys=True), allow_replacement))


@lru_cache(maxsize=256)
def _compile_terms(entries_json: str, allow_replacement: bool) -> tuple[TermPattern, ...]:
    entries = json.loads(entries_json)
    compiled = []
    for entry in entries:
        if isinstance(entry, str):
            entry = {"term": entry}
        if not isinstance(entry, dict) or set(entry) - _ENTRY_KEYS:
            raise ValueError(f"bad term entry {entry!r} (keys: term or regex, reason, replacement)")
        if ("term" in entry) == ("regex" in entry):
            raise ValueError(f"term entry {entry!r} needs exactly one of 'term' and 'regex'")
        if "replacement" in entry and not allow_replacement:
            raise ValueError(f"term entry {entry!r}: this rule has no replacement")
        if not all(isinstance(value, str) and value for value in entry.values()):
            raise ValueError(f"term entry {entry!r}: values must be non-empty strings")
        if "term" in entry:
            body = r"\w*".join(re.escape(part) for part in entry["term"].split("*"))
            source = rf"(?<!\w){body}(?!\w)"
        else:
            source = entry["regex"]
        try:
            pattern = re.compile(source, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"bad regex {source!r}: {exc}") from None
        replacement = entry.get("replacement")
        if replacement is not None and pattern.search(replacement):
            raise ValueError(f"replacement {replacement!r} matches its own term")
        label = entry.get("term", entry.get("regex", ""))
        compiled.append(TermPattern(label, pattern, entry.get("reason", ""), replacement))
    return tuple(compiled)


def _term_matches(
    target: str, terms: Sequence[TermPattern]
) -> list[tuple[TermPattern, re.Match[str]]]:
    masked = mask_text(target)
    found = []
    taken: list[tuple[int, int]] = []
    for term in terms:
        for match in free_matches(term.pattern, masked):
            if match.end() > match.start() and not any(
                match.start() < end and start < match.end() for start, end in taken
            ):
                found.append((term, match))
                taken.append(match.span())
    return sorted(found, key=lambda item: item[1].start())


def _match_case(found: str, replacement: str) -> str:
    if len(found) > 1 and found.isupper():
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class _TermRule(Rule):
    param_names = frozenset({"terms"})
    allow_replacement = False
    kind = ""

    @classmethod
    def validate_params(cls, params: Mapping[str, object]) -> None:
        super().validate_params(params)
        compile_terms(params.get("terms", []), cls.allow_replacement)

    def check(self, target: str, ctx: RuleContext) -> list[Issue]:
        terms = compile_terms(ctx.params.get("terms", []), self.allow_replacement)
        issues = []
        for term, match in _term_matches(target, terms):
            message = f"{self.kind} term '{match.group()}'"
            if term.reason:
                message += f": {term.reason}"
            params = {"term": term.label, "found": match.group()}
            if term.replacement is not None:
                params["replacement"] = term.replacement
            issues.append(self.issue(message, match.span(), **params))
        return issues


@register_rule
class ForbiddenTermRule(_TermRule):
    id = "forbidden-term"
    severity = Severity.ERROR
    order = 40
    allow_replacement = True
    kind = "forbidden"
    description = "Terms the market does not allow; fixed only where a replacement is given."

    def fix(self, target: str, ctx: RuleContext) -> str | None:
        terms = compile_terms(ctx.params.get("terms", []), allow_replacement=True)
        edits = [
            (*match.span(), _match_case(match.group(), term.replacement))
            for term, match in _term_matches(target, terms)
            if term.replacement is not None
        ]
        return apply_edits(target, edits) if edits else None


@register_rule
class SensitiveTermRule(_TermRule):
    id = "sensitive-term"
    severity = Severity.WARNING
    kind = "sensitive"
    description = "Claims that need proof or legal review (health, green claims); never fixed."


@register_rule
class RequiredPhraseRule(Rule):
    id = "required-phrase"
    severity = Severity.ERROR
    param_names = frozenset({"column", "phrase", "phrases"})
    description = "Columns matching a pattern (fnmatch, case-insensitive) must contain a phrase."

    @classmethod
    def validate_params(cls, params: Mapping[str, object]) -> None:
        super().validate_params(params)
        _requirements(params)

    def check(self, target: str, ctx: RuleContext) -> list[Issue]:
        if not ctx.source.strip():
            return []
        issues = []
        for column, phrase in _requirements(ctx.params):
            if fnmatchcase(ctx.column.casefold(), column.casefold()) and (
                phrase.casefold() not in target.casefold()
            ):
                issues.append(self.issue(f"{ctx.column} must contain '{phrase}'", phrase=phrase))
        return issues


def _requirements(params: Mapping[str, object]) -> list[tuple[str, str]]:
    entries: list[object] = []
    if "phrase" in params or "column" in params:
        entries.append({"column": params.get("column"), "phrase": params.get("phrase")})
    phrases = params.get("phrases", [])
    if not isinstance(phrases, list):
        raise ValueError("'phrases' must be a list of {column, phrase} objects")
    entries.extend(phrases)
    requirements = []
    for entry in entries:
        if not (
            isinstance(entry, dict)
            and set(entry) == {"column", "phrase"}
            and all(isinstance(value, str) and value for value in entry.values())
        ):
            raise ValueError(f"required phrase {entry!r} needs a 'column' pattern and a 'phrase'")
        requirements.append((entry["column"], entry["phrase"]))
    return requirements
