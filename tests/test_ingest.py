from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import blank_boilerplate, clean_markup, find_files, read_documents


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
    assert reasons["empty.txt"] == "empty: no text to read"
    assert "binary" in reasons["binary.txt"]
    assert "same text" in reasons["good.txt"]
    assert reasons["latin1.txt"].startswith("not UTF-8; read as")
    assert next(d for d in docs if d.id == "latin1.txt").text.startswith("Café")


def test_missing_path_is_a_clear_error(tmp_path: Path):
    with pytest.raises(InputError, match="no such file or folder"):
        find_files(tmp_path / "nope")


def _pdf_bytes(lines: list[str]) -> bytes:
    """A minimal one-page PDF showing ``lines`` (enough for pypdf to extract the text)."""
    content = "BT /F1 11 Tf 72 720 Td 14 TL " + " ".join(f"({l}) Tj T*" for l in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_other_formats(tmp_path: Path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Accord signed</title></head><body><nav>Menu Home</nav><article><h1>Accord signed</h1>"
        "<p>Peru signed the Lima Accord on Friday, officials said in a statement to the press.</p>"
        "<p>Chile declined to sign the accord, citing concerns about its enforcement provisions.</p></article>"
        "<footer>Copyright</footer></body></html>", encoding="utf-8")
    (tmp_path / "dump.jsonl").write_text(
        '{"id": "a1", "title": "Talks", "text": "Kenya met Ghana.", "date": "2024-05-01", "url": "https://example.org/a1"}\n'
        '{"id": "a2", "body": "Japan hosted the summit."}\n'
        'not json\n', encoding="utf-8")
    (tmp_path / "dump.csv").write_text('title,content\nDeal,"Italy made a deal with Albania."\n', encoding="utf-8")
    (tmp_path / "brief.pdf").write_bytes(_pdf_bytes(["France signed the Paris", "Agreement in December."]))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    skipped = []
    docs = {d.id: d for d in read_documents(tmp_path, skipped)}
    assert "Peru signed the Lima Accord" in docs["page.html"].text and "Menu" not in docs["page.html"].text
    assert docs["page.html"].title == "Accord signed"
    assert docs["dump.jsonl#a1"].meta == {"title": "Talks", "date": "2024-05-01", "url": "https://example.org/a1"}
    assert docs["dump.jsonl#a2"].text == "Japan hosted the summit."
    assert docs["dump.csv#1"].text.endswith("Italy made a deal with Albania.")
    assert "France signed the Paris Agreement in December." in docs["brief.pdf"].text
    reasons = {s.path: s.reason for s in skipped}
    assert "not JSON" in reasons["dump.jsonl#3"]
    assert "not a readable PDF" in reasons["broken.pdf"]


def test_symlink_loops_and_unreadable_files(tmp_path: Path):
    import os

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Peru signed the Lima Accord.", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    secret = tmp_path / "secret.txt"
    secret.write_text("Chile signed it.", encoding="utf-8")
    secret.chmod(0)
    skipped = []
    docs = list(read_documents(tmp_path, skipped))
    assert [d.id for d in docs if d.id.endswith("a.txt")] == ["sub/a.txt"]  # read once, no endless loop
    reasons = {s.path: s.reason for s in skipped}
    assert any("symbolic link loop" in r for r in reasons.values())
    if os.geteuid() != 0:  # root reads any file
        assert reasons["secret.txt"].startswith("cannot read")


@pytest.mark.parametrize("page,kept,dropped", [
    # a list of links under a "Related news" heading, and a link line dated in brackets
    ("Ghana signed the pact.\nRelated news\n- Kenya signs data pact with Rwanda\n- Togo joins alliance\nEnd.",
     ["Ghana signed the pact.", "End."], ["Kenya signs", "Togo joins"]),
    ("Ghana signed the pact.\n- Senegal and Mali sign AI memorandum (2 Oct 2025)\nMali praised it.",
     ["Ghana signed the pact.", "Mali praised it."], ["Senegal and Mali"]),
    # a news ticker, however many items it runs; clock times in the story's own prose stay
    ("LIVE TICKER >> 11:02 Guyana: National Assembly passes budget >> 10:47 Jamaican dollar steady\nMali praised it.",
     ["Mali praised it."], ["Guyana", "Jamaican"]),
    ("LIVE 16:58 >> St Lucia: cabinet approves new levy\nThe talks ran from 10:00 to 12:30 in Geneva.",
     ["The talks ran from 10:00 to 12:30 in Geneva."], ["St Lucia"]),
    # (but a page's place-and-date line stays: it tells whose "the ministry" is)
    ("Warsaw, 14.05.2025 18:42 | Updated 20:05\nThe ministry signed it.", ["Warsaw, 14.05.2025 18:42 | Updated 20:05"], []),
    # a list in the story itself stays
    ("The plan has two parts:\n- Kenya will fund a lab (the first).\n- Ghana will host it.",
     ["- Kenya will fund a lab (the first).", "- Ghana will host it."], []),
])
def test_link_lists_are_blanked_in_place(page, kept, dropped):
    blank = blank_boilerplate(page)
    assert len(blank) == len(page)  # offsets still point into the same text
    assert all(k in blank for k in kept) and not any(d in blank for d in dropped), blank


def test_a_heading_over_a_list_of_links_is_no_dateline(tmp_path):
    # "RELATED STORIES" over "- Kenya launches …" once read as a dateline ("LAGOS -"), which unhooked the list
    (tmp_path / "a.txt").write_text("Ghana signs AI pact\n\nACCRA - Ghana signed the pact on Monday.\n\n"
                                    "RELATED STORIES\n- Kenya launches national AI strategy\n- Togo joins alliance\n",
                                    encoding="utf-8")
    doc = next(iter(read_documents(tmp_path)))
    assert "Ghana signed the pact" in doc.text
    assert "Kenya launches" not in doc.text and "Togo joins" not in doc.text, doc.text


def test_headline_style_bullets_are_blanked_but_lists_and_sentences_stay():
    text = ("KEY POINTS\n- Japan and EU attend as observers\n- Canada signs the declaration today\n\n"
            "The founding members are:\n- Kenya joins the network now\n- Ghana joins the network later\n"
            "- The UK signed it on Monday.\nKenya signed.")
    out = blank_boilerplate(text)
    assert len(out) == len(text)  # offsets still point into the same text
    assert "observers" not in out and "Canada signs" not in out
    assert "Kenya joins the network now" in out and "Ghana joins" in out and "The UK signed it" in out


@pytest.mark.parametrize("caption", [
    "[Photo] Economic affairs minister Tsai Ming-hsun speaks to reporters on Tuesday. (Photo: FBW / Huang Wei-lin)",
    "[Photo: Committee chair Sorin Manea (centre) opens Tuesday's hearing. Credit: Capital Watch / Andrei Pop]",
    "▲ Malaysian digital minister Aziz Rahman (centre) chairs the meeting. [Photo: NaviNews]",
    "[Video: Watch the minister's arrival (0:45)]",
    "Photograph: Lucy Marchbank and Mark Tillotson at the Commerce Department on Monday.",
])
def test_bracketed_captions_are_blanked(caption):
    text = f"Kenya signed the accord.\n{caption}\nGhana did not."
    out = blank_boilerplate(text)
    assert out.split("\n")[1].strip() == "" and "Kenya signed the accord." in out and "Ghana did not." in out
