"""Stage 1: split requirements text into sentences, each with its character offsets.

Sentences end at ``.``, ``!``, ``?``, ``;`` and line breaks. Abbreviations ("e.g.", "No.", "etc."
before a lower-case word) do not end a sentence. A short line ending in a colon ("Ship
Management:") is a *heading*: it names the topic of the sentences under it, which the entity
stage uses when a sentence has no subject of its own ("Fields: Ship ID, Name"). So is a short
title-case line with no colon ("3. Order Management", "## Order Management") with text below it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_SENTENCE_CHARS = 1500  # bound the work per sentence: longer runs are cut into pieces

_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "no", "nos", "vs", "mr", "mrs", "dr", "st", "approx", "max", "min"})
# A full stop with no space before the next sentence ("Annual Plan.Each unit") still ends one: a
# lower-case word, the dot, then a capitalised word (not "e.g.", "3.5", "U.S." or "node.js").
_BREAK = re.compile(r"[.!?;]+(?=[\s\"'”’)]|$)|(?<=[a-z]{2})\.(?=[A-Z][a-z]+\b)|\n+")
_HEADING = re.compile(r"^\s*(?:[-*•#\d]+[.)]?\s*)?([A-Za-z][^:\n]{0,60}?)\s*[:：]\s*")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)]|[a-z][.)])\s*")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset of text[0] in the whole requirements text
    heading: str | None = None  # the topic line this sentence sits under

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets; headings become the ``heading`` of what follows."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[Sentence]:
    """The sentences of ``text`` one at a time, so a reader that stops early pays only for what it read."""
    heading: str | None = None
    text = _join_bullet_lists(text)
    for start, end in _pieces(text):
        for s, e in _bounded(start, end):
            raw = text[s:e]
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            if not body or not _HAS_LETTER.search(body):
                continue
            s += lead
            mark = _LIST_MARK.match(body)
            if mark and mark.end() < len(body):
                s += mark.end()
                body = body[mark.end():]
            if _title_line(text, s, s + len(body)):
                heading = body.strip("*# \t")  # "3. Order Management" alone on its line, no colon
                continue
            h = _HEADING.match(body)
            if h and _looks_like_heading(h.group(1), body[h.end():]):
                heading = h.group(1).strip()
                rest = body[h.end():]
                if not rest.strip():
                    continue
                s += h.end()
                body = rest
            yield Sentence(body.rstrip(), s, heading)


# "Each customer has:" on its own line, then one short bulleted field per line.
_BULLET_LIST = re.compile(r"^([^\n:]{1,80}):[ \t]*((?:\n[ \t]*(?:[-*•]|\d+[.)])[ \t]+[^\n]{1,80})+)", re.MULTILINE)
_BULLET_BREAK = re.compile(r"[;,.]?[ \t]*\n[ \t]*(?:[-*•]|\d+[.)])[ \t]+")
MAX_BULLET_FIELD_WORDS = 8


def _join_bullet_lists(text: str) -> str:
    """Write a bulleted field list under a list opener ("Each customer has:") as one sentence, "name, date
    of birth, ...", so it reads like an inline list. Same length, so every offset into the text still holds."""
    def join(m: re.Match) -> str:
        label, items = m.group(1), m.group(2)
        fields = _BULLET_BREAK.split(items)[1:]
        if _looks_like_heading(label.strip()) or any(len(f.split()) > MAX_BULLET_FIELD_WORDS for f in fields):
            return m.group()
        out, first = [], True
        for br in _BULLET_BREAK.finditer(items):
            sep = " " if first else ", "
            out.append((br.start(), br.end(), sep.ljust(br.end() - br.start())))
            first = False
        joined, pos = [], 0
        for a, b, rep in out:
            joined.append(items[pos:a])
            joined.append(rep)
            pos = b
        joined.append(items[pos:])
        return m.group()[: m.start(2) - m.start()] + "".join(joined)
    return _BULLET_LIST.sub(join, text)


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _BREAK.finditer(text):
        end = m.start() if m.group().startswith("\n") else m.end()
        if m.group().startswith(".") and _is_abbreviation(text, m.start(), m.end()):
            continue
        if m.group().startswith("\n") and _continues_after_comma(text, m.start(), m.end()):
            continue
        yield pos, end
        pos = m.end()
    yield pos, len(text)


_FIELD_CONTINUES = re.compile(r"[ \t]*[\"“'‘]?[A-Z]")


def _continues_after_comma(text: str, brk: int, after: int) -> bool:
    """"... including "Flow ID" (FlowID, Primary key),\n"Project ID" (...),": a line that ends in a comma
    and goes on with a quoted or capitalised field name was broken inside its list. (A lower-case
    clause after the break reads as well on its own line.)"""
    return text[:brk].rstrip(" \t").endswith(",") and _FIELD_CONTINUES.match(text, after) is not None


def _bounded(start: int, end: int):
    """Cut a run longer than MAX_SENTENCE_CHARS into pieces so no sentence costs unbounded work."""
    while end - start > MAX_SENTENCE_CHARS:
        yield start, start + MAX_SENTENCE_CHARS
        start += MAX_SENTENCE_CHARS
    yield start, end


_LINE_OPENER = re.compile(r"[ \t]*(?:\d+[.)]|#+|[-*•])?[ \t]*\**[ \t]*")
_NON_SPACE = re.compile(r"\S")
_TITLE_SMALL_WORDS = frozenset({"and", "of", "for", "the", "a", "an", "to", "in", "on", "&"})
MAX_TITLE_WORDS = 6


def _title_line(text: str, start: int, end: int) -> bool:
    """"3. Single Player Management" or "## Order Management" alone on a line, more text below: a heading
    written without a colon. Only title case counts: "Users can place orders" on its own line is a sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _LINE_OPENER.fullmatch(text, line_start, start) or text[end:end + 1] not in ("\n", "*"):
        return False
    below = text.find("\n", end)
    if below < 0 or not _NON_SPACE.search(text, below):
        return False  # the last line heads nothing
    line = text[start:end].strip("*# \t")
    if line.endswith((":", "：")):
        return False  # "Ship Management:" is read with the colon headings
    words = line.split()
    return 1 <= len(words) <= MAX_TITLE_WORDS and words[0][0].isupper() \
        and all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def _is_abbreviation(text: str, dot: int, after: int) -> bool:
    if dot == 0 or not text[dot - 1].isalpha() or (dot >= 5 and text[dot - 5:dot].isalpha() and text[dot - 6:dot - 5].isalpha()):
        return False  # abbreviations are short words
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 8):dot])
    if not word:
        return False
    w = word.group(1).lower().rstrip(".")
    if w not in _ABBREVIATIONS:
        return False
    nxt = text[after:after + 3].lstrip()
    # "etc. The next sentence" ends; "e.g. normal" and "No. 5" do not.
    return not (w == "etc" and (not nxt or nxt[0].isupper() or nxt[0] == "\n"))


_LIST_LABELS = frozenset({"fields", "attributes", "columns", "properties", "includes", "including", "include",
                          "contains", "information", "details", "data", "records", "has", "have", "with"})

_COPULAS = frozenset({"is", "are", "was", "were", "be", "as follows", "follows", "follow"})

# "Voting Records: Record each voting activity, ...": what follows the colon is a sentence (a capital,
# then a lower-case word), not the fields of a list ("Customer Information: Name, Address").
_SENTENCE_START = re.compile(r"^[A-Z][a-z]+\s+[a-z]")


def _looks_like_heading(label: str, rest: str = "") -> bool:
    """A topic line, not a list opener such as "Fields:" or "Each farm has:"."""
    words = label.split()
    if not (1 <= len(words) <= 7) or label.rstrip().endswith(","):
        return False
    if words[-1].lower() in ("records", "information", "details", "data") and len(words) >= 2 \
            and all(w[0].isupper() for w in words) and _SENTENCE_START.match(rest):
        return True  # a title-case topic over a sentence: "Book Information: Each book has ..."
    if words[-1].lower() in _COPULAS:
        return False  # "The borrowing process is: ...": a sentence that explains, not a topic
    return words[-1].lower() not in _LIST_LABELS
