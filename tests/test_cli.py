"""The command line, through kg.cli.main (the same entry point as the `kg` script)."""
import csv
import json
import subprocess
import sys

import pytest

from kg.cli import main

ARTICLE = ("Japan and Kenya signed the Nairobi Accord on Monday.\n"
           "The accord was proposed by Kenya. India did not sign the Nairobi Accord.\n")


@pytest.mark.parametrize("command", ["build", "query", "evaluate", "validate", "export", "serve", "push",
                                     "analyze", "path", "neighbors"])
def test_every_command_help_has_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"kg {command} " in out


def test_no_command_prints_help_and_fails(capsys):
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().err


@pytest.fixture
def built(tmp_path, nlp, capsys):
    src = tmp_path / "articles"
    src.mkdir()
    (src / "nairobi.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out)]) == 0
    return out, capsys.readouterr()


def test_build_writes_every_output_and_reports(built):
    out, captured = built
    for name in ["graph.ttl", "ontology.ttl", "relations.csv", "entities.csv", "analysis.json", "graph.html"]:
        assert (out / name).stat().st_size > 0, name
    assert "kg: [1/1] nairobi.txt" in captured.err  # progress on stderr
    last = captured.out.strip().splitlines()[-1]
    assert last.startswith("kg: built") and "1 documents" in last and "relations" in last
    rows = list(csv.DictReader(open(out / "relations.csv", encoding="utf-8")))
    assert {"doc", "sentence", "subject", "predicate", "object", "subject_type", "object_type", "negated",
            "confidence"} <= set(rows[0])
    facts = {(r["subject"], r["predicate"], r["object"], r["negated"]) for r in rows}
    assert ("Japan", "signed", "Nairobi Accord", "false") in facts
    assert ("Kenya", "proposed", "Nairobi Accord", "false") in facts
    assert ("India", "signed", "Nairobi Accord", "true") in facts
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert analysis["documents"] == 1 and analysis["nodes"] >= 3


def test_query_table_csv_json_and_params(built, capsys):
    out, _ = built
    q = "SELECT ?who WHERE { ?s kg:signed ?d . ?s rdfs:label ?who . ?d rdfs:label ?doc } ORDER BY ?who"
    assert main(["query", str(out), q, "--param", "doc=Nairobi Accord", "--format", "csv"]) == 0
    assert capsys.readouterr().out == "who\nJapan\nKenya\n"
    assert main(["query", str(out / "graph.ttl"), q]) == 0
    assert "(2 rows)" in capsys.readouterr().out
    qfile = out / "q.rq"
    qfile.write_text("ASK { ?s kg:signed ?o }", encoding="utf-8")
    assert main(["query", str(out), "--file", str(qfile), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["boolean"] is True


def test_named_queries_list_and_run(built, capsys):
    out, _ = built
    assert main(["query", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "who-signed" in listing and "evidence" in listing and "params:" in listing
    assert main(["query", str(out), "--named", "evidence", "-p", "subject=India", "-p", "predicate=signed",
                 "-p", "object=Nairobi Accord", "--format", "csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert rows and rows[0]["negated"] == "true" and "India did not sign" in rows[0]["sentence"]
    assert main(["query", str(out), "--named", "who-signed", "--store", "oxigraph", "--format", "csv"]) == 0
    assert "Japan" in capsys.readouterr().out
    assert main(["query", str(out), "--named", "nope"]) == 2
    assert "no named query 'nope'" in capsys.readouterr().err


def test_document_metadata_reaches_the_graph(tmp_path, nlp, capsys):
    src = tmp_path / "dump"
    src.mkdir()
    (src / "news.jsonl").write_text('{"id": "n1", "title": "Accord", "text": "Peru signed the Lima Accord.", '
                                    '"date": "2024-03-05", "url": "https://news.example/n1", "author": "A. Writer"}\n',
                                    encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out), "-q"]) == 0
    capsys.readouterr()
    q = "SELECT ?title ?date ?url ?author WHERE { ?d kg:fileName ?f ; kg:title ?title ; kg:date ?date ; kg:url ?url ; kg:author ?author }"
    assert main(["query", str(out), q, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "Accord,2024-03-05,https://news.example/n1,A. Writer"
    assert main(["validate", str(out)]) == 0


def test_validate_and_export(built, capsys):
    out, _ = built
    assert main(["validate", str(out)]) == 0
    assert "conforms to kg's SHACL shapes" in capsys.readouterr().out
    assert main(["export", str(out), "--format", "graphml,neo4j"]) == 0
    assert (out / "exports" / "graph.graphml").exists() and (out / "exports" / "neo4j-nodes.csv").exists()
    assert (out / "graph.trig").exists()


def test_evaluate_prints_scores(built, tmp_path, capsys):
    out, _ = built
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in [
        {"doc": "nairobi.txt", "subject": "Japan", "predicate": "signed", "object": "Nairobi Accord"},
        {"doc": "nairobi.txt", "subject": "Kenya", "predicate": "signed", "object": "Nairobi Accord"},
        {"doc": "nairobi.txt", "subject": "India", "predicate": "signed", "object": "Nairobi Accord", "negated": True},
    ]) + "\n", encoding="utf-8")
    assert main(["evaluate", str(gold), str(out)]) == 0
    text = capsys.readouterr().out
    assert "OVERALL" in text and "negated facts asserted as positive: 0" in text


@pytest.mark.parametrize("argv,message", [
    (["build", "/no/such/folder"], "no such file or folder"),
    (["query", "/no/such/out", "SELECT * WHERE {?s ?p ?o}"], "no such graph"),
    (["build", ".", "--model", "no_such_model_xyz"], "spaCy model 'no_such_model_xyz' is not installed"),
])
def test_errors_are_one_clear_line(argv, message, capsys, tmp_path):
    if argv[0] == "build" and argv[1] == ".":
        (tmp_path / "a.txt").write_text("France signed it.", encoding="utf-8")
        argv = ["build", str(tmp_path), "--out", str(tmp_path / "o"), *argv[2:]]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) >= 1 and err[-1].startswith("kg: error: ") and message in err[-1]
    assert "Traceback" not in "\n".join(err)


def test_empty_folder_is_an_error(tmp_path, capsys):
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "o")]) == 2
    assert "no readable article found" in capsys.readouterr().err


def test_console_script_runs():
    result = subprocess.run([sys.executable, "-m", "kg.cli", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("kg ")


def test_analyze_path_neighbors(built, capsys):
    out, _ = built
    assert main(["analyze", str(out)]) == 0
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# Knowledge graph report")
    assert "pagerank" in (out / "centrality.csv").read_text(encoding="utf-8").splitlines()[0]
    capsys.readouterr()
    assert main(["path", str(out), "Japan", "Kenya"]) == 0
    text = capsys.readouterr().out
    assert "Nairobi Accord" in text and "signed" in text
    assert main(["neighbors", str(out), "kenya"]) == 0
    assert "--proposed--> Nairobi Accord" in capsys.readouterr().out
    assert main(["neighbors", str(out), "Atlantis"]) == 2
    assert "no entity named 'Atlantis'" in capsys.readouterr().err
