"""A file's text as file search reads it, or why it cannot be read (the `last_error` a vector
store file then fails with).

The file search guide lists the formats by extension: text and code (`.c`, `.cpp`, `.cs`,
`.css`, `.go`, `.java`, `.js`, `.json`, `.md`, `.php`, `.py`, `.rb`, `.sh`, `.tex`, `.ts`,
`.txt`) read as UTF-8 (UTF-16 with its byte-order mark), HTML with its text extracted, PDF
(pypdf), Word `.docx` and PowerPoint `.pptx` (their XML, with the standard library). A
legacy binary Word `.doc`, which the real API also reads, has no parser here and fails as
unsupported; so does any other extension, and text that is not valid Unicode (the real API
says the same of some plain-text files it cannot classify, openai/openai-python#2439).

The failures are the real ones: `unsupported_file` "The file type is not supported." and
`invalid_file` "The file could not be parsed because it is empty." (both quoted from real
vector store files, openai/openai-openapi#300 and projects that match on the text). A PDF or
Office file that does not open is `invalid_file` too; that wording is not known from the real
API.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.etree import ElementTree

TEXT_EXTENSIONS = frozenset(
    "c cpp cs css go java js json md php py rb sh tex ts txt".split()
)  # the guide's list, less the documents below
SUPPORTED = TEXT_EXTENSIONS | {"html", "pdf", "docx", "pptx"}

UNSUPPORTED = "The file type is not supported."
EMPTY = "The file could not be parsed because it is empty."
TOO_LARGE = "The file could not be parsed because it is too large."
BROKEN = "The file could not be parsed."  # not known from the real API

_WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DRAWING_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table td th tr ul title".split()
)
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})


@dataclass(frozen=True)
class Document:
    """A file's text, page by page (one page but for a PDF or a presentation)."""

    pages: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)


@dataclass(frozen=True)
class Unreadable:
    """Why a file cannot be searched: a vector store file's `last_error`."""

    code: str  # "unsupported_file" or "invalid_file"
    message: str

    def body(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


def extension(filename: str) -> str:
    return filename.rpartition(".")[2].lower() if "." in filename else ""


def read(data: bytes, filename: str) -> Document | Unreadable:
    """The text of a file named `filename`, or why there is none."""
    kind = extension(filename)
    if kind not in SUPPORTED:
        return Unreadable("unsupported_file", UNSUPPORTED)
    try:
        if kind == "pdf":
            pages = _pdf(data)
        elif kind in ("docx", "pptx"):
            pages = _office(data, kind)
        else:
            text = _decoded(data)
            if text is None:
                return Unreadable("unsupported_file", UNSUPPORTED)
            pages = (_html(text),) if kind == "html" else (text,)
    except (ValueError, KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return Unreadable("invalid_file", BROKEN)
    kept = tuple(page.strip() for page in pages)
    if not any(kept):
        return Unreadable("invalid_file", EMPTY)
    return Document(kept)


def _decoded(data: bytes) -> str | None:
    """UTF-8 (a byte-order mark dropped), or UTF-16 with its mark; None for anything else."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


class _TextOf(HTMLParser):
    """The visible text of an HTML page: blocks on lines of their own, scripts and styles out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _html(text: str) -> str:
    parser = _TextOf()
    parser.feed(text)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _pdf(data: bytes) -> tuple[str, ...]:
    from pypdf import PdfReader  # imported when a PDF comes: ~50 ms
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        return tuple(page.extract_text() or "" for page in reader.pages)
    except PdfReadError as exc:
        raise ValueError(str(exc)) from exc


def _office(data: bytes, kind: str) -> tuple[str, ...]:
    """A `.docx`'s paragraphs (`word/document.xml`), or a `.pptx`'s slides, one page each."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if kind == "docx":
            return (_paragraphs(archive.read("word/document.xml"), _WORD_NS),)
        slides = sorted(
            (
                name
                for name in archive.namelist()
                if re.fullmatch(r"ppt/slides/slide\d+\.xml", name)
            ),
            key=lambda name: int(re.sub(r"\D", "", name)),
        )
        return tuple(_paragraphs(archive.read(name), _DRAWING_NS) for name in slides)


def _paragraphs(xml: bytes, ns: str) -> str:
    """The text of each paragraph (`<p>`) on a line: its runs' text, tabs and line breaks."""
    lines = []
    for paragraph in ElementTree.fromstring(xml).iter(f"{ns}p"):
        pieces = []
        for node in paragraph.iter():
            if node.tag == f"{ns}t":
                pieces.append(node.text or "")
            elif node.tag == f"{ns}tab":
                pieces.append("\t")
            elif node.tag in (f"{ns}br", f"{ns}cr"):
                pieces.append("\n")
        lines.append("".join(pieces))
    return "\n".join(lines)
