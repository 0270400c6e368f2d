from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import clean_markup, find_files, read_documents


def test_clean_markup_removes_links_emphasis_and_footnotes():
    text = "The **UN** adopted it.<sup>1</sup> See [the text](http://x.org) and <https://a.b/c>.\n## Heading"
    assert clean_markup(text) == "The UN adopted it. See the text and https://a.b/c.\nHeading"


def test_read_documents_reads_txt_and_md_recursively(tmp_path: Path):
    (tmp_path / "a.txt").write_text("France signed the treaty.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Title\n\n**Japan** hosted the summit.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y", encoding="utf-8")
    docs = list(read_documents(tmp_path))
    assert [d.id for d in docs] == ["a.txt", "sub/b.md"]
    assert docs[1].text.startswith("Title") and "**" not in docs[1].text
    assert docs[1].title == "Title"


def test_bad_files_are_reported_not_fatal(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners met.".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Kenya hosted the talks.", encoding="utf-8")
    (tmp_path / "dup.txt").write_text("Kenya hosted the talks.", encoding="utf-8")
    skipped = []
    docs = list(read_documents(tmp_path, skipped))
    assert sorted(d.id for d in docs) == ["dup.txt", "latin1.txt"]  # files are read in name order
    reasons = {s.path: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "same text" in reasons["good.txt"]
    assert "Windows-1252" in reasons["latin1.txt"]
    assert next(d for d in docs if d.id == "latin1.txt").text.startswith("Café")


def test_missing_path_is_a_clear_error(tmp_path: Path):
    with pytest.raises(InputError, match="no such file or folder"):
        find_files(tmp_path / "nope")
