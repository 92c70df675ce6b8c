"""Shared fixtures. Under CI=true a skipped test is a failure: CI installs
everything the suite needs, so a skip there means something did not run."""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path

import pytest
from pluggy import Result

from forewarn.analyze.pipeline import Pipeline, default_pipeline

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "src" / "forewarn" / "examples" / "corpus" / "seed" / "atlas-belarus-northern-front.txt"
EVAL_DIR = Path(os.environ.get("FOREWARN_EVAL_DIR", REPO.parent / "shared" / "eval"))


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, Result[pytest.TestReport], None]:
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped:
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, where everything must run: {reason}"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not EVAL_DIR.is_dir():
        pytest.skip(f"gold data not found at {EVAL_DIR} (set FOREWARN_EVAL_DIR)")
    return EVAL_DIR


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The whole analysis, built once; a module testing fewer stages defines its own `pipeline`."""
    return default_pipeline()
