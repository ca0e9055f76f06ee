from __future__ import annotations

from pathlib import Path

import pytest

from polyshelf.catalog.csv_format import CsvReader, CsvWriter
from polyshelf.catalog.jsonl import JsonlReader
from polyshelf.catalog.registry import open_reader, open_writer, supported_suffixes
from polyshelf.catalog.xlsx import XlsxWriter
from polyshelf.errors import InputError


def test_supported_suffixes() -> None:
    assert supported_suffixes() == [".csv", ".jsonl", ".tsv", ".xlsm", ".xlsx"]
    assert supported_suffixes(for_writing=True) == [".csv", ".jsonl", ".tsv", ".xlsx"]


def test_readers_and_writers_are_chosen_by_suffix_ignoring_case(tmp_path: Path) -> None:
    for name, reader_class in [("a.CSV", CsvReader), ("b.jsonl", JsonlReader)]:
        (tmp_path / name).write_text("")
        with open_reader(tmp_path / name) as reader:
            assert type(reader) is reader_class
    for name, writer_class in [("c.XLSX", XlsxWriter), ("d.tsv", CsvWriter)]:
        writer = open_writer(tmp_path / name)
        assert type(writer) is writer_class
        writer.abort()


def test_missing_file_and_folder_paths_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        open_reader(tmp_path / "missing.xlsx")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(InputError, match="not a file"):
        open_reader(tmp_path / "folder.csv")
    with pytest.raises(InputError, match="it is a folder"):
        open_writer(tmp_path / "folder.csv")


def test_unknown_suffix_names_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "catalog.ods"
    path.write_text("")
    with pytest.raises(
        InputError,
        match=r"catalog\.ods: \.ods files cannot be read; supported: \.csv, \.jsonl, \.tsv, ",
    ):
        open_reader(path)
    with pytest.raises(InputError, match="files without a suffix cannot be written"):
        open_writer(tmp_path / "catalog")
