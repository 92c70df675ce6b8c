"""Extraction: the seed scrape, other plain-text scrapes, HTML pages, ISW pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from forewarn.errors import ExtractionError
from forewarn.ingest.extract import extract_html, extract_text
from forewarn.ingest.files import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED_TITLE = "Ukraine Prepares for another Russian Invasion from Belarus"


@pytest.fixture(scope="module")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


def test_ingest_seed_title_then_body(seed_text: str) -> None:
    extracted = extract_text(seed_text)
    assert extracted.title == SEED_TITLE
    assert extracted.text.startswith(
        SEED_TITLE + "\n\nWhile speaking with Sky News, Major General Andrii Kovalchuk"
    )
    assert extracted.text.endswith("Like anything with this war, we won’t know until it happens.")
    assert extracted.text.count(SEED_TITLE) == 1
    assert extracted.language == "en"


@pytest.mark.parametrize(
    "chrome",
    ["Sponsor", "spot_img", "Week's Top Stories", "More In This Category", "Related", "Editor-In-Chief",
     "theatlasnews", "Date:", "Chilean Police", "Kenyan Healthcare", "Crocus City Hall", "Ping Pong"],
)  # fmt: skip
def test_ingest_seed_chrome_removed(seed_text: str, chrome: str) -> None:
    assert chrome not in extract_text(seed_text).text


def test_ingest_seed_keeps_every_paragraph(seed_text: str) -> None:
    text = extract_text(seed_text).text
    for snippet in (
        "“We are considering a possible offensive",
        "On the first day of the invasion",
        "Over the past several months",
    ):
        assert snippet in text


def test_ingest_seed_inferred_date_covers_december_2022(seed_text: str) -> None:
    published = extract_text(seed_text).published
    assert published.method == "inferred"
    assert published.earliest is not None and published.latest is not None
    assert published.earliest <= date(2022, 12, 1) and published.latest >= date(2022, 12, 31)
    assert published.earliest <= published.value <= published.latest  # type: ignore[operator]
    assert "2022-02-24" in published.evidence and "October" in published.evidence


def test_ingest_other_scrape_uses_the_same_rules() -> None:
    extracted = extract_text((FIXTURES / "other-site-scrape.txt").read_text(encoding="utf-8"))
    assert extracted.title == "Ceasefire talks stall as shelling resumes"
    assert extracted.author == "Maria Lopez"
    assert extracted.published.value == date(2023, 3, 3) and extracted.published.method == "metadata"
    assert extracted.text.endswith("into the besieged town.")
    for chrome in (
        "Share this",
        "Advertisement",
        "https://example.net",
        "is a reporter",
        "Related",
        "harbour",
    ):
        assert chrome not in extracted.text


def test_ingest_text_without_body_is_an_error() -> None:
    with pytest.raises(ExtractionError):
        extract_text("- Sponsor -spot_img\n\n\n")


def test_ingest_html_metadata_from_head() -> None:
    extracted = extract_html((FIXTURES / "article.html").read_bytes())
    assert extracted.title == "Troops gather near the border"
    assert extracted.author == "Jane Doe"
    assert extracted.url == "https://news.example.org/world/troops-gather"
    assert extracted.language == "en"
    assert extracted.published.value == date(2023, 1, 12) and extracted.published.method == "metadata"
    assert "armoured vehicles" in extracted.text and "rail traffic" in extracted.text
    assert "Football results" not in extracted.text and "newsletter" not in extracted.text


def test_ingest_html_without_body_is_an_error() -> None:
    with pytest.raises(ExtractionError, match="no main text"):
        extract_html((FIXTURES / "no-body.html").read_text())


@pytest.mark.parametrize("name", ["2022-02-24.html", "2022-04-10.html", "2022-09-30.html"])
def test_ingest_isw_page_text_and_file_date(eval_dir: Path, name: str) -> None:
    path = eval_dir / "backtest" / "isw-2022" / name
    document = read_document(path)
    day = date.fromisoformat(name[:10])
    assert document.published.value == day and document.published.method == "given"
    assert "Offensive Campaign Assessment" in document.title and document.text.startswith(document.title)
    assert len(document.text.split()) > 500
    assert "Russian" in document.text and "Subscribe" not in document.text[:500]
    assert document.id == document.content_hash[:16]


def test_ingest_wire_scrape_inline_chrome_removed() -> None:
    extracted = extract_text((FIXTURES / "wire-scrape.txt").read_text(encoding="utf-8"))
    assert extracted.title == "Drone strikes hit fuel depots in the south"
    assert extracted.published.value == date(2023, 5, 14)
    assert "storage tanks were badly damaged" in extracted.text
    assert extracted.text.endswith("step up long-range strikes.")
    for chrome in ("Read more", "Port city braces", "newsletter", "©", "Most Read", "Football"):
        assert chrome not in extracted.text
