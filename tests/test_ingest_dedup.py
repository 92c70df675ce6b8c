"""Near-duplicates: MinHash/LSH over word shingles, signatures that survive a restart."""

from __future__ import annotations

import random

from forewarn.ingest.dedup import NUM_PERM, NearDuplicateIndex, signature

WORDS = ["troops", "artillery", "border", "convoy", "ministry", "officials", "village", "bridge", "river", "night", "fuel", "rail", "talks", "ceasefire", "envoy", "drone", "strike", "column", "tanks", "exercise"]  # fmt: skip


def _article(seed: int, length: int = 400) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(length))


def _edit(text: str, share: float, seed: int = 0) -> str:
    rng = random.Random(seed)
    words = text.split()
    for i in rng.sample(range(len(words)), int(len(words) * share)):
        words[i] = f"changed{i}"
    return " ".join(words)


def test_ingest_dedup_finds_a_light_edit_not_a_heavy_one() -> None:
    index = NearDuplicateIndex(threshold=0.9)
    original = _article(1)
    index.add("first", original)
    assert index.find(original) == "first"
    assert index.find(_edit(original, 0.005)) == "first"
    assert index.find(_edit(original, 0.2)) is None
    assert index.find(_article(2)) is None


def test_ingest_dedup_rebuilds_from_signatures() -> None:
    texts = {f"doc{i}": _article(i) for i in range(20)}
    stored = [(doc_id, signature(text)) for doc_id, text in texts.items()]
    assert all(len(data) == NUM_PERM * 4 for _, data in stored)
    index = NearDuplicateIndex.from_signatures(stored, threshold=0.9)
    assert len(index) == 20
    assert index.find(_edit(texts["doc7"], 0.005)) == "doc7"
    assert index.find_signature(signature(texts["doc3"])) == "doc3"


def test_ingest_dedup_signature_is_stable_and_short_texts_work() -> None:
    assert signature("Kyiv under attack") == signature("Kyiv  under\nattack")
    index = NearDuplicateIndex()
    assert index.add("a", "Kyiv under attack") == index.signature("Kyiv under attack")
    assert index.find("Kyiv under attack") == "a"
    assert index.find("") is None or index.find("") == "a"


def test_ingest_dedup_signature_pinned_across_versions() -> None:
    # stored signatures must stay comparable: a change here invalidates every store's index
    assert signature("Russian forces resumed shelling of Kharkiv on Tuesday night")[:16].hex() == (
        "19bd360ce7dc351c27538b0b45dce41a"
    )
