"""Helpers shared by the segmentation tests."""

from __future__ import annotations

from html.parser import HTMLParser

from polyshelf.segment.cell import CellPlan


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self.tags.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(f"</{tag}>")


def parsed_tags(text: str) -> list[str]:
    """Tags as an HTML parser sees them, in order."""
    collector = _TagCollector()
    collector.feed(text)
    collector.close()
    return collector.tags


def identity(plan: CellPlan) -> str:
    restored = [segment.restore(segment.text) for segment in plan.segments]
    assert None not in restored
    return plan.render([text for text in restored if text is not None])
