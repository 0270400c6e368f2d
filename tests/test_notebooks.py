"""The notebooks run headless (nbclient, kernel python3) without a cell error, and their .ipynb and
py:percent twins say the same thing."""
import time
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path, tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat", reason="notebook tools are in the dev extra")
    nbclient = pytest.importorskip("nbclient", reason="notebook tools are in the dev extra")
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit notebooks without outputs"
    monkeypatch.setenv("KG_NOTEBOOK_OUT", str(tmp_path))
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=600,
                                     resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()  # raises CellExecutionError on the first failing cell
    elapsed = time.perf_counter() - start
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    print(f"{path.name}: {elapsed:.1f} s")
    if path.stem == "explore":
        assert (tmp_path / "top-actors.png").stat().st_size > 5_000


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_paired_with_its_script(path):
    jupytext = pytest.importorskip("jupytext", reason="notebook tools are in the dev extra")
    script = path.with_suffix(".py")
    assert script.exists(), f"{path.name} has no py:percent twin"
    a = [c.source.strip() for c in jupytext.read(path).cells]
    b = [c.source.strip() for c in jupytext.read(script).cells]
    assert a == b, f"{path.name} and {script.name} differ: run `jupytext --sync {script}`"
