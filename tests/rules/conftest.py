"""Each rule test class's ``cases`` become the ``case`` parameter of the contract tests."""

from __future__ import annotations

import pytest


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "case" in metafunc.fixturenames and metafunc.cls is not None:
        cases = metafunc.cls.cases
        metafunc.parametrize(
            "case", cases, ids=[f"{i}-{c.target[:30]}" for i, c in enumerate(cases)]
        )
