"""The analysis core gives the same analyses whatever runs it.

`make test-fast` runs the suite against the mypyc-compiled core (setup.py,
FOREWARN_COMPILE=1); there this test compares it with the Python source run in
another process. Under `make test` both sides are Python, and the test still
proves that analyses do not depend on the process (its hash seed orders sets
and dicts of strings differently).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import forewarn.analyze.events
from forewarn.export.analysis_json import analysis_to_dict
from forewarn.model import TextInput

SOURCE = Path(__file__).resolve().parents[1] / "src"
CORPUS = SOURCE / "forewarn" / "examples" / "corpus"

# Analyses the texts read from stdin with whatever `forewarn` is first on the path.
_ANALYSE = """
import json, sys
from datetime import date
import forewarn.analyze.events
from forewarn.analyze.pipeline import default_pipeline
from forewarn.export.analysis_json import analysis_to_dict
from forewarn.model import TextInput
pipeline = default_pipeline()
texts = json.load(sys.stdin)
out = [analysis_to_dict(pipeline.analyze(TextInput(str(i), t, date(2022, 12, 1)))) for i, t in enumerate(texts)]
json.dump({"module": forewarn.analyze.events.__file__, "analyses": out}, sys.stdout)
"""


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((CORPUS / "seed").glob("*.txt"))]
    for path in sorted((CORPUS / "open-licence").glob("*/documents.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    # hostile shapes, so the compiled core's runtime type checks see them too
    return [*texts, "", "   ", "“Unbalanced, he said.", "On 31.02.2022 they said ''no'' «non» „nein“."]


def _is_compiled() -> bool:
    return not forewarn.analyze.events.__file__.endswith(".py")


def test_compiled_core_is_what_make_test_fast_runs() -> None:
    if os.environ.get("FOREWARN_EXPECT_COMPILED") == "1":
        assert _is_compiled(), f"the analysis core is Python here: {forewarn.analyze.events.__file__}"


def test_compiled_analyses_equal_the_python_source_in_another_process(pipeline) -> None:
    texts = _texts()
    assert len(texts) >= 20
    here = [
        analysis_to_dict(pipeline.analyze(TextInput(str(i), t, date(2022, 12, 1))))
        for i, t in enumerate(texts)
    ]
    env = {**os.environ, "PYTHONPATH": str(SOURCE), "PYTHONHASHSEED": "12345"}
    run = subprocess.run(
        [sys.executable, "-c", _ANALYSE],
        input=json.dumps(texts),
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    there = json.loads(run.stdout)
    assert there["module"].endswith(".py"), "the other process must run the Python source"
    assert sum(len(a["events"]) for a in here) > 50  # the corpus is coded, not empty
    for mine, theirs in zip(here, there["analyses"], strict=True):
        assert mine == theirs, f"text {mine['id']} analysed differently"
