"""Shared fixtures. Tests that need the real spaCy model use the session-wide ``nlp`` fixture."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "nlp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import DEFAULT_MODEL, build_pipeline

    if importlib.util.find_spec(DEFAULT_MODEL) is None:
        pytest.skip(f"spaCy model {DEFAULT_MODEL} is not installed (pip install -e '.[dev]')")
    return build_pipeline()


@pytest.fixture(scope="session")
def extractor():
    from kg.extract import Extractor

    return Extractor()


@pytest.fixture
def facts(nlp, extractor):
    """facts(text) → set of (subject, predicate, object, negated) as canonical labels."""

    def run(text: str, doc_id: str = "t.txt", with_modality: bool = False):
        doc = nlp(text)
        doc._.kg_doc_id = doc_id
        rels = extractor.extract(doc, doc_id)
        if with_modality:
            return {(r.subject_label, r.predicate, r.object_label, r.negated, r.modality) for r in rels}
        return {(r.subject_label, r.predicate, r.object_label, r.negated) for r in rels}

    return run


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The sample corpus built once per test session (real model; used by the end-to-end tests)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seeds-out")
    result = build(SEEDS, out)
    return result, out
