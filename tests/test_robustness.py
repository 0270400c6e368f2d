"""Bad input never costs data: the extractor survives any text, bad files are reported one line each,
and an interrupted build leaves the previous outputs whole."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.pipeline import build

WORDS = st.sampled_from(["France", "signed", "the", "Paris", "Agreement", "did", "not", "he", "it", "UK",
                         "with", "met", "by", "was", "and", ",", ".", "\"", "(", ")", "—", "\n", "co-sponsored",
                         "'s", "Mr", "Sir", "Ambassador", "to", "UN", "resolution", "titled", "declined", "sign"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join)))
def test_extractor_never_crashes(nlp, extractor, text):
    doc = nlp(text)
    for rel in extractor.extract(doc, "x.txt"):
        assert 0 <= rel.start_char <= rel.end_char <= len(text)
        assert rel.modality in {"asserted", "intended", "planned", "possible", "reported"}


def test_malformed_corpus_builds_what_it_can(tmp_path, capsys, nlp):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text("Peru signed the Lima Accord.", encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (src / "latin1.txt").write_bytes("Chile signed the Santiago Déclaration.".encode("latin-1"))
    (src / "copy.txt").write_text("Peru signed the Lima Accord.", encoding="utf-8")
    (src / "rows.jsonl").write_text('{"no_text_here": 1}\n', encoding="utf-8")
    (src / "bad.pdf").write_bytes(b"%PDF-1.7 garbage")
    assert main(["build", str(src), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    for name, words in [("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "not UTF-8"),
                        ("good.txt", "same text"), ("rows.jsonl", "no text field"), ("bad.pdf", "not a readable PDF")]:
        assert any(name in line and words in line for line in err.splitlines()), (name, err)
    assert "Traceback" not in err
    assert all(line.startswith("kg: ") for line in err.splitlines()), err  # nothing but kg's own lines


def test_nothing_usable_is_an_error(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "empty.txt").write_text("  ", encoding="utf-8")
    assert main(["build", str(src), "--out", str(tmp_path / "out")]) == 2
    assert "no readable" in capsys.readouterr().err


def test_interrupted_build_leaves_previous_outputs_whole(tmp_path, monkeypatch, nlp):
    import kg.pipeline as pipeline

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Peru signed the Lima Accord.", encoding="utf-8")
    out = tmp_path / "out"
    build(src, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (src / "b.txt").write_text("Chile signed the Santiago Declaration.", encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "render_html", interrupted)
    assert main(["build", str(src), "--out", str(out)]) == 130
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert not list(out.glob(".*.tmp"))
