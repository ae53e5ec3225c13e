"""`mockai.retrieval` on its own: reading documents, chunking in tokens, the query rewrite,
ranking and the places an answer cites its sources (the routes that use them are tested in
tests/endpoints/test_vector_stores*.py)."""

from __future__ import annotations

import io
import zipfile

import pytest
from media import docx, pdf

from mockai.retrieval import chunking, documents, ranking
from mockai.retrieval.answers import citation_points, quote
from mockai.retrieval.chunking import AUTO, Strategy
from mockai.retrieval.documents import Document, Unreadable
from mockai.retrieval.filters import parse
from mockai.retrieval.queries import rewrite, terms
from mockai.tokenizer import Tokenizer, encoding_sync

UNSUPPORTED = Unreadable("unsupported_file", "The file type is not supported.")
EMPTY = Unreadable("invalid_file", "The file could not be parsed because it is empty.")


@pytest.fixture(scope="module")
def tok() -> Tokenizer:
    return Tokenizer(encoding_sync("cl100k_base"))


def pptx(*slides: str) -> bytes:
    ns = "http://schemas.openxmlformats.org/drawingml/2006/main"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n, text in reversed(list(enumerate(slides, start=1))):
            archive.writestr(
                f"ppt/slides/slide{n}.xml",
                f'<p:sld xmlns:p="urn:p" xmlns:a="{ns}"><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:sld>',
            )
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("notes.TXT", "Grüße\n".encode(), Document(("Grüße",))),
        ("notes.txt", "\ufeffbom".encode(), Document(("bom",))),
        ("notes.md", "utf sixteen".encode("utf-16"), Document(("utf sixteen",))),
        ("notes.txt", b"\xff\xfe\x00\xd8", UNSUPPORTED),  # a lone surrogate in UTF-16
        ("notes.txt", b"caf\xe9", UNSUPPORTED),  # Latin-1, not UTF-8
        ("image.png", b"\x89PNG", UNSUPPORTED),
        ("README", b"no extension", UNSUPPORTED),
        ("old.doc", b"\xd0\xcf\x11\xe0", UNSUPPORTED),  # legacy Word: no parser here
        ("empty.json", b"", EMPTY),
        ("a.html", b"<p>One</p><p>Two &amp; three</p>", Document(("One\n\nTwo & three",))),
        (
            "deck.pptx",
            pptx("First slide", "Second slide"),
            Document(("First slide", "Second slide")),
        ),
        ("report.pdf", pdf("Page one", "Page two"), Document(("Page one", "Page two"))),
        ("memo.docx", docx("Hello", "World"), Document(("Hello\nWorld",))),
        ("broken.pdf", b"%PDF-1.4 nothing else", Unreadable("invalid_file", documents.BROKEN)),
        ("broken.docx", b"not a zip", Unreadable("invalid_file", documents.BROKEN)),
        ("blank.pdf", pdf(""), EMPTY),
    ],
)
def test_documents_are_read_by_their_extension(name, data, expected):
    assert documents.read(data, name) == expected


def test_auto_chunks_are_800_tokens_overlapping_by_400(tok):
    text = " ".join(f"word{n}" for n in range(2000))
    tokens = tok.encode(text)
    chunks = chunking.split(tok, text, AUTO)
    assert isinstance(chunks, list)
    assert [len(tok.encode(c)) for c in chunks[:-1]] == [800] * (len(chunks) - 1)
    assert len(chunks) == -(-(len(tokens) - 400) // 400)
    assert chunks[1].startswith(tok.enc.decode(tokens[400:402]).strip())
    assert text.endswith(chunks[-1])


def test_chunking_never_cuts_a_character_and_never_stalls(tok):
    text = "日本語のテキスト" * 200
    chunks = chunking.split(tok, text, Strategy(100, 0))
    assert isinstance(chunks, list) and all("\ufffd" not in c for c in chunks)
    # `--lenient` lets an overlap as large as the chunk through: it still moves on.
    assert chunking.split(tok, "short text here", Strategy(2, 5)) == ["short text", "text here"]


def test_a_file_over_the_token_limit_is_too_large(tok, monkeypatch):
    monkeypatch.setattr(chunking, "MAX_FILE_TOKENS", 5)
    assert chunking.split(tok, "one two three four five six", AUTO) == Unreadable(
        "invalid_file", "The file could not be parsed because it is too large."
    )


def test_the_rewrite_keeps_the_content_words():
    assert rewrite("I'd like to know the height of the main office building.") == (
        "height main office building"
    )
    assert rewrite("What is it?") == "What is it?"
    assert terms("The rivers are flooding") == ["river", "flood"]


def test_scores_are_deterministic_bounded_and_favour_the_query_words():
    seed = 0
    passages = [
        ranking.Passage.of(text, seed)
        for text in (
            "The lighthouse keeper lit the lamp at dusk.",
            "Penguins live in the southern hemisphere.",
            "A lamp needs oil; the keeper carries it up the stairs.",
        )
    ]
    options = ranking.Options()
    scores = ranking.scores("lighthouse keeper lamp", passages, options, seed)
    assert scores == ranking.scores("lighthouse keeper lamp", passages, options, seed)
    assert all(0 <= s <= 1 for s in scores)
    assert scores[0] > scores[2] > scores[1]
    semantic = ranking.scores("lighthouse keeper lamp", passages, ranking.Options("none"), seed)
    assert semantic != scores and all(0 <= s <= 1 for s in semantic)
    assert ranking.scores("penguins", passages, options, seed=1) != ranking.scores(
        "penguins", passages, options, seed=0
    )


def test_quotes_and_citation_points():
    passage = "Intro line. The boiler pressure must stay below two bar! Anything else?"
    assert quote(passage, "What pressure should the boiler have?") == (
        "The boiler pressure must stay below two bar!"
    )
    heading = "# Cats\nCats are mammals. They sleep sixteen hours a day and purr."
    assert quote(heading, "How long do cats sleep?") == "They sleep sixteen hours a day and purr."
    text = "Keep the boiler pressure below two bar. Penguins are birds."
    sources = ["the boiler pressure must stay below two bar", "penguins are flightless birds"]
    assert citation_points(text, sources) == [
        (text.index(" bar.") + 4, 0),
        (text.index(" birds.") + 6, 1),
    ]
    assert citation_points("Nothing related here...", sources) == [(len("Nothing related here"), 0)]
    assert citation_points("Anything", []) == []


def test_filters_are_checked_with_their_path():
    with pytest.raises(Exception) as caught:
        parse({"type": "in", "key": "k", "value": {"no": "object"}}, "tools[0]")
    assert caught.value.param == "tools[0].filters.value"  # type: ignore[attr-defined]
