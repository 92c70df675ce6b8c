"""Files and folders: every accepted format, and a clear Problem for each bad input."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from forewarn.config import Settings
from forewarn.errors import BinaryInput, EmptyInput, ExtractionError, IngestError, TooLarge
from forewarn.ingest.collect import Fetched, Problem, collect
from forewarn.ingest.files import iter_file_documents, read_document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BODY = (
    "Negotiators met again on Friday in the border town, where shelling had stopped for a week. "
    "Both delegations said they wanted the ceasefire to hold through the winter."
)
CYRILLIC = (
    "Переговоры возобновились в пятницу в приграничном городе. Обе делегации заявили, что хотят, "
    "чтобы перемирие продержалось всю зиму, и что обстрелы прекратились неделю назад."
)


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "error", "message"),
    [
        ("empty.txt", b"", EmptyInput, "empty"),
        ("blank.txt", b"  \n\n ", EmptyInput, "empty"),
        ("binary.txt", bytes(range(256)) * 40, BinaryInput, "binary"),
        ("image.html", b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 1000, BinaryInput, "binary"),
        (
            "nav-only.html",
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            ExtractionError,
            "no main text",
        ),
    ],
)
def test_ingest_files_bad_input_is_a_clear_error(
    tmp_path: Path, name: str, data: bytes, error: type[IngestError], message: str
) -> None:
    path = _write(tmp_path / name, data)
    with pytest.raises(error, match=message) as caught:
        read_document(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (BODY.encode("utf-8") + b" \xff\xfe broken byte.", "Negotiators met again"),
        (CYRILLIC.encode("cp1251"), "Переговоры возобновились"),
        (CYRILLIC.encode("utf-16"), "Переговоры возобновились"),
        ("Les négociateurs se sont réunis à nouveau vendredi à la frontière, où les tirs avaient cessé depuis une semaine. Les deux délégations ont déclaré vouloir que le cessez-le-feu tienne.".encode("latin-1"), "négociateurs"),
    ],
    ids=["invalid-utf8", "cp1251", "utf16-bom", "latin1"],
)  # fmt: skip
def test_ingest_files_encodings_are_detected(tmp_path: Path, data: bytes, expected: str) -> None:
    document = read_document(_write(tmp_path / "article.txt", data))
    assert expected in document.text


def test_ingest_files_legacy_html_charset_from_meta(tmp_path: Path) -> None:
    page = f"<html><head><meta charset='windows-1251'><title>Новости</title></head><body><article><p>{CYRILLIC}</p></article></body></html>"
    document = read_document(_write(tmp_path / "page.html", page.encode("cp1251")))
    assert "Обе делегации" in document.text


def test_ingest_files_50_mb_file_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50_000_000)
    with pytest.raises(TooLarge, match="50,000,000 bytes, over the 20,000,000-byte limit"):
        read_document(path, Settings())


def test_ingest_files_gzip_bomb_stops_at_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb", compresslevel=9) as handle:
        chunk = b"A" * 1_000_000
        for _ in range(30):
            handle.write(chunk)
    assert path.stat().st_size < 200_000
    with pytest.raises(TooLarge, match="decompressed content exceeds the 20,000,000-byte limit"):
        read_document(path, Settings())


def test_ingest_files_gzip_of_text_and_dated_html(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "story.txt.gz", "wb") as handle:
        handle.write(BODY.encode())
    assert read_document(tmp_path / "story.txt.gz").text == BODY
    html = (FIXTURES / "article.html").read_bytes()
    document = read_document(_write(tmp_path / "2021-07-04.html", html))
    assert document.published.value == date(2021, 7, 4) and document.published.method == "given"


def test_ingest_files_folder_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "b" / "second.txt", BODY.encode())
    _write(tmp_path / "a.txt", ("Title one\n\n" + BODY + " First.").encode())
    _write(tmp_path / ".hidden.txt", b"secret text that must not be read at all.")
    _write(tmp_path / ".git" / "x.txt", b"not an article, inside a hidden folder.")
    _write(tmp_path / "README.md", b"How this folder is organised, not news.")
    _write(tmp_path / "photo.jpg", b"\xff\xd8\xff")
    sources = [d.source for d in iter_file_documents(tmp_path) if not isinstance(d, IngestError)]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "second.txt")]


def test_ingest_files_jsonl_bad_lines_do_not_stop_the_rest(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "one", "text": BODY, "published": "2022-03-01", "title": "Talks resume"}),
        "{not json",
        json.dumps({"id": "two", "text": 5}),
        json.dumps({"id": "three", "text": BODY + " Again.", "published": "yesterday"}),
        "",
        json.dumps({"id": "four", "text": BODY + " Later.", "url": "https://example.org/4"}),
    ]
    path = _write(tmp_path / "docs.jsonl", "\n".join(lines).encode())
    items = list(collect([str(path)], Settings()))
    fetched = [i for i in items if isinstance(i, Fetched)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [f.document.source.rsplit("#", 1)[1] for f in fetched] == ["one", "four"]
    assert fetched[0].document.text.startswith("Talks resume\n\n")
    assert fetched[0].document.published.value == date(2022, 3, 1)
    assert fetched[1].document.url == "https://example.org/4"
    assert [p.where for p in problems] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "not a JSON object" in problems[0].error.message
    assert "YYYY-MM-DD" in problems[2].error.message


def test_ingest_files_json_array(tmp_path: Path) -> None:
    records = [{"id": str(i), "text": f"{BODY} Number {i}."} for i in range(3)]
    path = _write(tmp_path / "docs.json", json.dumps(records).encode())
    documents = [d for d in iter_file_documents(path) if not isinstance(d, IngestError)]
    assert len(documents) == 3 and len({d.id for d in documents}) == 3


def test_ingest_files_batch_goes_on_after_every_bad_input(tmp_path: Path, seed_path: Path) -> None:
    bad = [
        _write(tmp_path / "empty.txt", b""),
        _write(tmp_path / "binary.txt", b"\x00" * 100),
        _write(tmp_path / "nobody.html", (FIXTURES / "no-body.html").read_bytes()),
    ]
    targets = [str(p) for p in bad] + [str(tmp_path / "missing.txt"), str(seed_path)]
    items = list(collect(targets, Settings()))
    assert [type(i).__name__ for i in items] == ["Problem"] * 4 + ["Fetched"]
    assert "no such file" in items[3].error.message  # type: ignore[union-attr]
    document = items[4].document  # type: ignore[union-attr]
    assert document.id == document.content_hash[:16] and len(document.content_hash) == 64


def test_ingest_files_same_text_same_id(tmp_path: Path) -> None:
    one = read_document(_write(tmp_path / "one.txt", BODY.encode()))
    two = read_document(_write(tmp_path / "two.txt", (BODY.replace(" ", "  ") + "\n\n").encode()))
    assert one.id == two.id


def test_ingest_files_folder_is_read_one_file_at_a_time(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", (BODY + " One.").encode())
    second = _write(tmp_path / "b.txt", (BODY + " Two.").encode())
    stream = collect([str(tmp_path)], Settings())
    first = next(stream)
    second.write_bytes((BODY + " Changed after the first was read.").encode())
    later = next(stream)
    assert isinstance(first, Fetched) and isinstance(later, Fetched)
    assert later.document.text.endswith("Changed after the first was read.")


def test_ingest_files_unexpected_crash_on_one_file_spares_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import forewarn.ingest.files as files

    _write(tmp_path / "a.html", b"<html><body><p>crash</p></body></html>")
    _write(tmp_path / "b.txt", BODY.encode())

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(files, "extract_html", broken)
    items = list(collect([str(tmp_path)], Settings()))
    assert isinstance(items[0], Problem) and "unexpected RuntimeError: parser bug" in items[0].error.message
    assert isinstance(items[1], Fetched)


def test_ingest_files_rare_latin1_accent_is_not_damaged_utf8(tmp_path: Path) -> None:
    text = BODY + " The café owner said so."
    document = read_document(_write(tmp_path / "latin1.txt", text.encode("latin-1")))
    assert "café" in document.text


def test_ingest_files_html_bytes_in_a_legacy_charset() -> None:
    from forewarn.ingest.extract import extract_html

    page = f"<html><head><meta charset='windows-1251'></head><body><article><p>{CYRILLIC}</p></article></body></html>"
    assert "Обе делегации" in extract_html(page.encode("cp1251")).text
