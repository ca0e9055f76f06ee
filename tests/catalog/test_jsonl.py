from __future__ import annotations

import json
from pathlib import Path

import pytest

from polyshelf.catalog.jsonl import RULE_DUPLICATE_KEY
from polyshelf.catalog.model import MISSING, Row
from polyshelf.catalog.registry import open_reader, open_writer
from polyshelf.errors import InputError

from .contract import CatalogFormatContract, read_table, write_table


class TestJsonlContract(CatalogFormatContract):
    suffix = ".jsonl"


RECORDS = [
    {"sku": "A-1", "name": "Mug", "price": 3.5, "stock": 4, "active": True, "tags": ["a", "b"]},
    {"sku": "A-2", "name": None, "dims": {"w": 1, "h": 2}},
]


def write_jsonl(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_header_is_every_key_in_first_seen_order_and_types_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "catalog.jsonl"
    write_jsonl(path, [json.dumps(RECORDS[0]), "", "   ", json.dumps(RECORDS[1])])
    header, rows = read_table(path)
    assert header == ["sku", "name", "price", "stock", "active", "tags", "dims"]
    assert rows == [
        Row(("A-1", "Mug", 3.5, 4, True, ["a", "b"], MISSING)),
        Row(("A-2", None, MISSING, MISSING, MISSING, MISSING, {"w": 1, "h": 2})),
    ]


def test_round_trip_keeps_missing_keys_missing_and_nulls_null(tmp_path: Path) -> None:
    source = tmp_path / "source.jsonl"
    write_jsonl(source, [json.dumps(record) for record in RECORDS])
    output = tmp_path / "output.jsonl"
    with open_reader(source) as reader, open_writer(output, like=reader) as writer:
        writer.write_sheet(
            "source",
            [*reader.header("source"), "name [de]"],
            (row.extended(["Becher"]) for row in reader.rows("source")),
        )
    written = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert written == [{**record, "name [de]": "Becher"} for record in RECORDS]
    assert list(written[1]) == ["sku", "name", "dims", "name [de]"]


def test_formula_like_text_and_control_characters_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    issues = write_table(path, ["a", "b"], [Row(("=cmd|' /C calc'!A0", "x\x00y\x1b"))])
    assert issues == []
    assert read_table(path)[1] == [Row(("=cmd|' /C calc'!A0", "x\x00y\x1b"))]


def test_lone_surrogates_are_escaped_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_table(path, ["a"], [Row(("bad \ud800 half",))])
    assert read_table(path)[1] == [Row(("bad \ud800 half",))]


def test_repeated_column_names_get_distinct_keys(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    issues = write_table(path, ["Name", "Name"], [Row(("one", "two"))])
    assert json.loads(path.read_text(encoding="utf-8")) == {"Name": "one", "Name (2)": "two"}
    assert [issue.issue.rule_id for issue in issues] == [RULE_DUPLICATE_KEY]


@pytest.mark.parametrize(
    ("line", "detail"),
    [("{not json", "Expecting property name"), ("[1, 2]", "found an array"), ('"x"', "a string")],
)
def test_a_bad_line_is_an_input_error_naming_the_line(
    tmp_path: Path, line: str, detail: str
) -> None:
    path = tmp_path / "catalog.jsonl"
    write_jsonl(path, ['{"sku": "A-1"}', "", line])
    with open_reader(path) as reader, pytest.raises(InputError) as raised:
        reader.header("catalog")
    message = str(raised.value)
    assert message.startswith("catalog.jsonl line 3: not a JSON object (")
    assert detail in message


def test_non_utf8_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "catalog.jsonl"
    path.write_bytes('{"name": "Größe"}\n'.encode("latin-1"))
    with open_reader(path) as reader, pytest.raises(InputError, match="not UTF-8"):
        reader.header("catalog")
