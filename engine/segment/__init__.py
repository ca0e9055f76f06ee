"""Segmentation: catalog cells (plain text or HTML) → MT segments with placeholders, and back.

- :mod:`polyshelf.segment.cell`: ``segment_cell`` and ``CellPlan`` (segments + template).
- :mod:`polyshelf.segment.segment`: ``Segment`` (MT text, ``restore``, fallback).
- :mod:`polyshelf.segment.placeholders`: ``Placeholder``, ``protect``, ``PLACEHOLDER_RE``.
"""
