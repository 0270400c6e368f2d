"""Files → documents: find the articles under a path and read them as text.

Formats: ``.txt``; ``.md`` (markup cleaned); ``.html``/``.htm`` (main text, title, author and date via
trafilatura); ``.pdf`` (pypdf, lines reflowed into paragraphs); ``.jsonl`` and ``.csv`` news dumps (one
article per row, with a ``text``/``body``/``content`` field and optional ``title``, ``date``, ``url``,
``author``). Bad input is never fatal: every file that cannot be used is reported with the reason.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import InputError

#: File suffixes read as articles.
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".jsonl", ".ndjson", ".csv")
#: Field names that hold an article's text in JSONL/CSV dumps, in order of preference.
TEXT_FIELDS = ("text", "body", "content", "article", "maintext")


@dataclass(frozen=True)
class Document:
    """One article: its id (the file name), its text and what is known about it."""

    id: str
    text: str
    path: str = ""
    title: str = ""
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Skipped:
    """A file that was found but not read (or read with a caveat, ``used=True``), and why."""

    path: str
    reason: str
    used: bool = False


_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^)]*)\)")
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_HTML_TAG = re.compile(r"</?(?:sup|sub|b|i|em|strong|br|span)\b[^>]*>", re.I)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*", re.M)
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$", re.M)
_FOOTNOTE_MARK = re.compile(r"(?<=[\w.,;:\"”’)])<sup>\s*\d+\s*</sup>|\[\^\d+\]")


def clean_markup(text: str) -> str:
    """Remove light Markdown/HTML markup (links, emphasis, footnote markers) so the parser sees prose.

    >>> clean_markup("The **UN** adopted it.<sup>1</sup> See [the text](http://x.org).")
    'The UN adopted it. See the text.'
    """
    text = _FOOTNOTE_MARK.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _HEADING.sub("", text)
    text = _RULE.sub("", text)
    # Markdown hard line breaks ("two spaces + newline") join a paragraph's lines.
    text = re.sub(r"[ \t]{2,}\n", "\n", text)
    return text


_DATELINE = re.compile(r"^([A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .'’-]{1,40})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                       r"(?:\s+\([A-Z][\w .&/-]{1,30}\))?)"
                       r"[ \t]+([—–-]{1,2})[ \t]+", re.M)  # (on one line: not a heading over a list of links)


def separate_datelines(text: str) -> str:
    r"""Put a news dateline ("SEOUL — ", "EVIAN-LES-BAINS, France — ") on a line of its own, so the
    parser does not read the place as the subject of the first sentence.

    >>> separate_datelines("PARIS — France signed it.")
    'PARIS —\nFrance signed it.'
    >>> separate_datelines("LAGOS, Nigeria (AP) — Ministers met.")
    'LAGOS, Nigeria (AP) —\nMinisters met.'
    """
    return _DATELINE.sub(lambda m: f"{m.group(1)} {m.group(2)}\n", text)


_BOILERPLATE = re.compile(
    r"^[ \t]*(?:"
    r"(?:read more|related|see also|also read|recommended|more on this|most read|watch|listen)\b[^\n]{0,3}[:：|–—-][^\n]*"
    r"|(?:photo|photograph|picture|image|caption|file photo|illustration)\s*[:：(][^\n]*"
    # "[Photo] Minister X speaks … (Photo: FBW)", "[Video: Watch …]", "▲ Ministers pose … [Photo: NaviNews]"
    r"|[\[(]\s*(?:photo|picture|image|video|graphic|illustration)\b[^\n]*"
    r"|[^\n]*[\[(](?:photo|picture|image)(?: credit)?\s*:[^\n\])]*[\])]"
    r"|\((?:photo|image|picture|reporting|writing|editing)[^\n]*"
    r"|(?:correction|clarification|editor['’]s note|editing by|reporting by|additional reporting)\b[^\n]*"
    r"|this (?:article|story|piece) (?:was|has been) (?:amended|corrected|updated)[^\n]*"
    # a news ticker: "LIVE TICKER >> 11:02 Guyana: … >> 10:47 …", "LIVE 16:58 >> St Lucia: …"
    r"|(?:live|breaking|ticker|news ticker)\b[^\n]*(?:>>|»)[^\n]*"
    r"|[^\n]*\b\d{1,2}:\d{2}\b[^\n]*(?:>>|»)[^\n]*\b\d{1,2}:\d{2}\b[^\n]*"
    r"|(?-i:By [A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|and|de|van|von|al|el|bin)){1,4})(?:,[^\n.]{0,60})?"
    r")[ \t]*$", re.I | re.M)


_BYLINE = re.compile(r"^[ \t]*By ([A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|and|de|van|von|al|el|bin)){1,4})(?:,[^\n.]{0,60})?[ \t]*$",
                     re.M)


#: A list of links under a heading ("Related news", "More stories"), or one link line dated in brackets:
#: "- Thailand and Japan sign digital ID memorandum (2 Oct 2025)".
_LINK_LISTS = re.compile(
    r"^[ \t]*(?:related|more|latest|most read|trending|top|other)(?: [a-z]+){0,2}[ \t]*:?[ \t]*\n"
    r"(?:[ \t]*[-•*·▪►>][ \t]+[^\n]*(?:\n|$))+"
    r"|^[ \t]*[-•*·▪►][ \t]+[^\n.!?]{5,160}\((?:\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\)[ \t]*$", re.I | re.M)


def blank_boilerplate(text: str) -> str:
    r"""Blank out the lines of a web page that are not the story: "Read more:" and "Related:" links,
    lists of links under "Related news", photo captions, bylines, correction notes and wire sign-offs.
    They are replaced by spaces, so every character offset still points into the same text.

    >>> blank_boilerplate("Read more: Kenya unveils strategy\nKenya signed it.")
    '                                 \nKenya signed it.'
    """
    blank = _BOILERPLATE.sub(lambda m: " " * len(m.group(0)), text)
    blank = _LINK_LISTS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), blank)
    return _BULLET.sub(lambda m: " " * len(m.group(0)) if _is_teaser(m, blank) else m.group(0), blank)


#: A bulleted line ("- Japan and EU attend as observers", "• Fund opens in May").
_BULLET = re.compile(r"^[ \t]*[-•*·▪►][ \t]+(?P<body>[^\n]*?)[ \t]*$", re.M)


def _is_teaser(bullet: re.Match, text: str) -> bool:
    """A bullet written as a headline (a "key points" box, a teaser): four words or more and no full stop.
    Items of a list that a sentence introduces ("… are:") and bullets written as sentences stay."""
    body = bullet.group("body")
    if len(body.split()) < 4 or body[-1:] in set('.!?"”’:;)'):
        return False
    # the line that leads into the list, over the bullets before this one
    lead = next((line for line in reversed(text[max(0, bullet.start() - 4000):bullet.start()].splitlines())
                 if line.strip() and not _BULLET.fullmatch(line)), "")
    return not lead.rstrip().endswith(":")


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_DATE_PATTERNS = [
    re.compile(r"\b(?P<month>[A-Z][a-z]+)\.? (?P<day>\d{1,2}),? (?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+) (?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]


def find_date(text: str, within: int = 1500) -> str:
    r"""The first date written near the top of an article (its dateline or byline), as ISO 8601.

    >>> find_date("By A. Writer\nJuly 29, 2024\nThe UN adopted …")
    '2024-07-29'
    """
    head = text[:within]
    found = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(head):
            month = m.group("month")
            month_no = int(month) if month.isdigit() else (_MONTHS.index(month.lower()) + 1
                                                          if month.lower() in _MONTHS else 0)
            day = int(m.group("day"))
            if 1 <= month_no <= 12 and 1 <= day <= 31:
                found.append((m.start(), f"{m.group('year')}-{month_no:02d}-{day:02d}"))
    return min(found)[1] if found else ""


def _title_of(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:200]
    return ""


def find_files(path: str | Path, problems: list[Skipped] | None = None) -> list[Path]:
    """The article files under ``path`` (a file or a folder, searched recursively, following symbolic
    links but never into a loop), sorted by their path under ``path``."""
    root = Path(path)
    if not root.exists():
        raise InputError(f"{root}: no such file or folder; give the folder of articles to read")
    if root.is_file():
        return [root]
    files: list[Path] = []
    visited: set[str] = set()

    def walk(folder: Path) -> None:
        real = os.path.realpath(folder)
        if real in visited:
            _skip(problems, str(folder.relative_to(root)) or ".", "folder already read (symbolic link loop)")
            return
        visited.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            _skip(problems, str(folder.relative_to(root)) or ".", f"cannot list ({exc.strerror or exc})")
            return
        for entry in entries:
            p = Path(entry.path)
            try:
                if entry.is_dir():
                    walk(p)
                elif entry.is_file() and p.suffix.lower() in SUFFIXES:
                    files.append(p)
            except OSError as exc:
                _skip(problems, str(p.relative_to(root)), f"cannot read ({exc.strerror or exc})")

    walk(root)
    return sorted(files, key=lambda p: str(p.relative_to(root)))


def decode(raw: bytes) -> tuple[str, str]:
    """Text from bytes: UTF-8 (with or without BOM) when valid, else the encoding charset-normalizer
    detects. Returns the text and the encoding used."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is not None:
            return str(best), best.encoding
    except ImportError:  # pragma: no cover - charset-normalizer comes with spaCy's dependencies
        pass
    return raw.decode("cp1252", errors="replace"), "cp1252"


def reflow(text: str) -> str:
    """Join the hard-wrapped lines of PDF text into paragraphs (a blank line or an indented or short,
    sentence-final line ends a paragraph); undo hyphenation at line ends."""
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    paragraphs, current = [], []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(stripped)
        if stripped.endswith((".", "?", "!", ":", '"', "”")) and len(stripped) < 60:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _records(file: Path, raw: bytes) -> Iterator[tuple[str, dict]]:
    """(suffix, record) for each article in a JSONL or CSV dump."""
    text, _ = decode(raw)
    if file.suffix.lower() == ".csv":
        import csv

        csv.field_size_limit(50_000_000)
        yield from ((str(n), row) for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=1))
        return
    for n, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield str(n), {"__error__": f"line {n} is not JSON ({exc.msg})"}
                continue
            yield str(n), item if isinstance(item, dict) else {"__error__": f"line {n} is not a JSON object"}


def _html(raw: bytes) -> tuple[str, dict]:
    import trafilatura

    text, _ = decode(raw)
    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    if extracted is None:
        return "", {}
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = data.get("text") or ""
    meta = {k: data[k] for k in ("title", "date", "author", "url") if data.get(k)}
    if meta.get("title") and not body.startswith(meta["title"]):
        body = f"{meta['title']}\n\n{body}"
    return body, meta


def _pdf(file: Path) -> tuple[str, dict]:
    from pypdf import PdfReader

    reader = PdfReader(str(file))
    text = "\n\n".join(page.extract_text() or "" for page in reader.pages)
    meta = {}
    info = reader.metadata or {}
    if info.get("/Title"):
        meta["title"] = str(info["/Title"])
    if info.get("/Author"):
        meta["author"] = str(info["/Author"])
    return reflow(text), meta


def read_documents(path: str | Path, skipped: list[Skipped] | None = None) -> Iterator[Document]:
    """Yield a :class:`Document` per readable article under ``path``.

    Files that cannot be used are not fatal: each is appended to ``skipped`` with the reason (and
    files read with a caveat, with ``used=True``). Identical texts are read once.
    """
    root = Path(path)
    seen: set[str] = set()
    for file in find_files(root, skipped):
        rel = file.name if root.is_file() else str(file.relative_to(root))
        suffix = file.suffix.lower()
        try:
            raw = file.read_bytes()
        except OSError as exc:
            _skip(skipped, rel, f"cannot read ({exc.strerror or exc})")
            continue
        if suffix == ".pdf":
            try:
                candidates = [(rel, *_pdf(file))]
            except Exception as exc:  # pypdf raises many types on damaged files
                _skip(skipped, rel, f"not a readable PDF ({type(exc).__name__})")
                continue
        elif b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            _skip(skipped, rel, "binary file, not text")
            continue
        elif suffix in {".html", ".htm"}:
            candidates = [(rel, *_html(raw))]
        elif suffix in {".jsonl", ".ndjson", ".csv"}:
            candidates = []
            for n, record in _records(file, raw):
                if "__error__" in record:
                    _skip(skipped, f"{rel}#{n}", record["__error__"])
                    continue
                if not any(f in record for f in TEXT_FIELDS):
                    _skip(skipped, f"{rel}#{n}", f"no text field (a row needs one of {', '.join(TEXT_FIELDS)})")
                    continue
                body = next((str(record[f]) for f in TEXT_FIELDS if record.get(f)), "")
                meta = {k: str(record[k]) for k in ("title", "date", "url", "author") if record.get(k)}
                if meta.get("title") and not body.startswith(meta["title"]):
                    body = f"{meta['title']}\n\n{body}"
                candidates.append((f"{rel}#{record.get('id') or n}", body, meta))
            if not candidates:
                continue
        else:
            text, encoding = decode(raw)
            if encoding != "utf-8":
                _skip(skipped, rel, f"not UTF-8; read as {encoding}", used=True)
            if suffix in {".md", ".markdown"} or "<sup>" in text or "**" in text:
                text = clean_markup(text)
            candidates = [(rel, text, {})]
        for doc_id, text, meta in candidates:
            if not text.strip():
                _skip(skipped, doc_id, "empty: no text to read")
                continue
            text = separate_datelines(text.replace("\r\n", "\n"))
            found_date = find_date(text)  # before bylines are blanked: they often carry the date
            byline = _BYLINE.search(text[:2000])
            if byline and not meta.get("author"):  # the byline is the article's metadata, not its story
                meta = {**meta, "author": byline.group(1)}
            text = blank_boilerplate(text)
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if digest in seen:
                _skip(skipped, doc_id, "same text as an earlier article; read once")
                continue
            seen.add(digest)
            meta = dict(meta)
            date = _iso_date(meta.get("date", "")) or found_date
            if date:
                meta["date"] = date
            else:
                meta.pop("date", None)
            yield Document(id=doc_id, text=text, path=str(file), title=meta.get("title") or _title_of(text), meta=meta)


def _iso_date(value: str) -> str:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    return m.group(0) if m else (find_date(value) if value else "")


def _skip(skipped: list[Skipped] | None, path: str, reason: str, used: bool = False) -> None:
    if skipped is not None:
        skipped.append(Skipped(path, reason, used))
