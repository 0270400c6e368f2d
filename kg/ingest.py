"""Files → documents: find the articles under a path and read them as text."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import InputError

#: File suffixes read as articles.
SUFFIXES = (".txt", ".md")


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


_DATELINE = re.compile(r"^([A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .'’-]{1,40})?)\s+([—–-]{1,2})\s+", re.M)


def separate_datelines(text: str) -> str:
    """Put a news dateline ("SEOUL — ", "EVIAN-LES-BAINS, France — ") on a line of its own, so the
    parser does not read the place as the subject of the first sentence.

    >>> separate_datelines("PARIS — France signed it.")
    'PARIS —\nFrance signed it.'
    """
    return _DATELINE.sub(lambda m: f"{m.group(1)} {m.group(2)}\n", text)


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_DATE_PATTERNS = [
    re.compile(r"\b(?P<month>[A-Z][a-z]+)\.? (?P<day>\d{1,2}),? (?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+) (?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]


def find_date(text: str, within: int = 1500) -> str:
    """The first date written near the top of an article (its dateline or byline), as ISO 8601.

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


def find_files(path: str | Path) -> list[Path]:
    """The article files under ``path`` (a file or a folder, searched recursively), sorted by name."""
    root = Path(path)
    if not root.exists():
        raise InputError(f"{root}: no such file or folder; give the folder of articles to read")
    if root.is_file():
        return [root]
    files = [p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES]
    return sorted(files, key=lambda p: str(p.relative_to(root)))


def read_documents(path: str | Path, skipped: list[Skipped] | None = None) -> Iterator[Document]:
    """Yield a :class:`Document` per readable article under ``path``.

    Files that cannot be used are not fatal: each is appended to ``skipped`` with the reason.
    """
    root = Path(path)
    seen: set[str] = set()
    for file in find_files(root):
        rel = file.name if root.is_file() else str(file.relative_to(root))
        try:
            raw = file.read_bytes()
        except OSError as exc:
            _skip(skipped, rel, f"cannot read ({exc.strerror or exc})")
            continue
        if b"\x00" in raw[:4096]:
            _skip(skipped, rel, "binary file, not text")
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
            _skip(skipped, rel, "not UTF-8; decoded as Windows-1252", used=True)
        if file.suffix.lower() == ".md" or "<sup>" in text or "**" in text:
            text = clean_markup(text)
        if not text.strip():
            _skip(skipped, rel, "empty file")
            continue
        text = separate_datelines(text)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest in seen:
            _skip(skipped, rel, "same text as an earlier file; read once")
            continue
        seen.add(digest)
        date = find_date(text)
        yield Document(id=rel, text=text, path=str(file), title=_title_of(text), meta={"date": date} if date else {})


def _skip(skipped: list[Skipped] | None, path: str, reason: str, used: bool = False) -> None:
    if skipped is not None:
        skipped.append(Skipped(path, reason, used))
