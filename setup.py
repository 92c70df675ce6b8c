"""Build forewarn; with FOREWARN_COMPILE=1 the analysis core is compiled to C with mypyc.

Everything else about the package lives in pyproject.toml. The compiled build
gives the same analyses as the Python one, faster (see docs/pipeline.md); it
needs a C compiler, the Python headers and mypy in the build environment, so
it is a choice (`make fast`), never the default.
"""

import os
from pathlib import Path

from setuptools import setup

# The package's __init__ and pipeline.py import the annotators lazily and in a
# cycle, which mypyc's compiled modules do not survive; both are thin glue.
INTERPRETED = {"__init__.py", "pipeline.py"}


def compiled_modules() -> list:
    if os.environ.get("FOREWARN_COMPILE") != "1":
        return []
    from mypyc.build import mypycify

    core = Path("src/forewarn/analyze")
    return mypycify(sorted(str(p) for p in core.glob("*.py") if p.name not in INTERPRETED))


setup(ext_modules=compiled_modules())
