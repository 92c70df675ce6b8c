"""The example corpus shipped with forewarn (see corpus/README.md for licences)."""

from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
SEED = CORPUS / "seed" / "atlas-belarus-northern-front.txt"
