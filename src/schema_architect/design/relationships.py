"""Stage 4: relationships between entities, with cardinality.

Within a sentence, each pair of neighbouring entity mentions is read by the words around it:

* "each X ... multiple/several/many Y"   -> one X has many Y
* "each X ... only one / a single Y"     -> many X share one Y
* "Y belongs to / is assigned to an X"   -> one X has many Y
* "X and Y ... many-to-many", or both directions of "has many" stated anywhere -> M:N
* "each X ... a Y" (no number given)     -> many X share one Y, *assumed* (a clarifying question)

Evidence is collected per ordered pair over the whole text, then each pair becomes one
relationship: many both ways is M:N; "one" both ways is 1:1; otherwise 1:N.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.conceptual import Cardinality, Relationship, Span
from .entities import sentence_mentions
from .lexicon import BELONGS_PHRASES, MANY_WORDS, SHARING_VERBS
from .segment import Sentence

MAX_MENTIONS_PER_SENTENCE = 12
_SEPARATOR = re.compile(r"[.;:]|,\s*(?:and\s+)?(?:each|every|while|whereas|but)\b|\band\s+(?:each|every)\b", re.IGNORECASE)
_ONLY_ONE = re.compile(r"(?:only|exactly|just)\s+one\s*$|\ba\s+single\s*$|\bone\s*$|\bat\s+most\s+one\s*$", re.IGNORECASE)
_MANY = re.compile(r"(?:" + "|".join(re.escape(w) for w in MANY_WORDS) + r")\s*$", re.IGNORECASE)
_ONE_ARTICLE = re.compile(r"\b(?:a|an|its|their|the)\s*$", re.IGNORECASE)
_EACH = re.compile(r"\b(?:each|every)\s*$", re.IGNORECASE)
_M2M = re.compile(r"many[\s-]+to[\s-]+many|\bm\s*:\s*n\b|\bn\s*:\s*m\b", re.IGNORECASE)
_ONE2ONE = re.compile(r"one[\s-]+to[\s-]+one|\b1\s*:\s*1\b", re.IGNORECASE)
_BELONGS = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in BELONGS_PHRASES) + r")\b", re.IGNORECASE)
_LINK_NOUN = re.compile(r"\b(?:to|into|onto|on|in)\s+(?:their|his|her|its|a|the)\s+([a-z]+(?:list|cart|basket|favorites|favourites|collection|library|playlist|schedule|portfolio))\b", re.IGNORECASE)
# "the equipment of multiple farms": a preposition alone between the two says where X sits, not that
# one X has many Y ("of/in/under": each Y has X; "from/for/to": nothing about who owns whom).
_CONTAINED_IN = re.compile(r"^\s*(?:of|in|at|across|under|within)\s+(?:the\s+|their\s+|its\s+)?(?:" + "|".join(re.escape(w) for w in MANY_WORDS) + r")\s*$", re.IGNORECASE)
_PREPOSITION_ONLY = re.compile(r"^\s*(?:from|for|to|by|on|and|or)\s+(?:the\s+|their\s+|its\s+)?(?:" + "|".join(re.escape(w) for w in MANY_WORDS) + r")\s*$", re.IGNORECASE)
# "customers, credit cards and orders": names in an enumeration are listed, not related.
_LISTED_ONLY = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or|as well as|&|/)\s*)?(?:the\s+|their\s+|its\s+)?$", re.IGNORECASE)
_SYSTEM_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+(?:management\s+)?(?:system|platform|software|application|database|module)s?\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|no|never)\b", re.IGNORECASE)


@dataclass
class Evidence:
    many: bool  # True: one <owner> has many <member>; False: each <owner> has one <member>
    stated: bool
    span: Span


@dataclass
class PairEvidence:
    by_direction: dict[tuple[str, str], list[Evidence]] = field(default_factory=dict)
    m2m: dict[frozenset, Span] = field(default_factory=dict)
    link_names: dict[frozenset, str] = field(default_factory=dict)  # "... to their wishlist" names the link
    one2one: dict[frozenset, Span] = field(default_factory=dict)


def detect_relationships(sentences: list[Sentence], entity_names: list[str]) -> list[Relationship]:
    ev = PairEvidence()
    for s in sentences:
        _read_sentence(s, entity_names, ev)
    return _combine(ev)


def _quantity_before(text: str, start: int) -> str | None:
    before = text[max(0, start - 30):start]
    if _ONLY_ONE.search(before) and not re.search(r"\b(?:a|an)\s*$", before, re.IGNORECASE):
        return "one"
    if _MANY.search(before):
        return "many"
    if _EACH.search(before):
        return "each"
    if _ONE_ARTICLE.search(before):
        return "a"
    return None


def _read_sentence(s: Sentence, names: list[str], ev: PairEvidence) -> None:
    text = s.text
    # "the bar management system": a name modifying the system is not a thing of the sentence
    mentions = [m for m in sentence_mentions(s, names) if not _SYSTEM_AFTER.match(text, m[2])]
    mentions = mentions[:MAX_MENTIONS_PER_SENTENCE]
    subject = mentions[0] if mentions and _quantity_before(text, mentions[0][1]) == "each" else None
    for (a, a_start, a_end), (b, b_start, b_end) in zip(mentions, mentions[1:]):
        if subject is not None and a != subject[0] and _quantity_before(text, b_start) == "a" \
                and not _SEPARATOR.search(text[subject[2]:b_start]):
            a, a_start, a_end = subject  # "each review is written by a user about a product"
        if a == b:
            continue
        between = text[a_end:b_start]
        if len(between) > 160:
            continue
        span = Span(start=s.start + a_start, end=s.start + b_end, text=text[a_start:b_end])
        pair = frozenset((a, b))
        if _M2M.search(text):
            ev.m2m.setdefault(pair, span)
            continue
        if _ONE2ONE.search(text):
            ev.one2one.setdefault(pair, span)
            continue
        if _SEPARATOR.search(between):
            continue
        qa = _quantity_before(text, a_start)
        qb = _quantity_before(text, b_start)
        plural_b = text[b_start:b_end].lower().endswith("s") and not b.lower().endswith("s")
        link = _LINK_NOUN.search(text)
        if link and not any(link.group(1).lower().startswith(n.lower()) for n in names):
            ev.link_names.setdefault(pair, link.group(1))
        if _LISTED_ONLY.match(between):
            continue
        if _CONTAINED_IN.match(between):
            _add(ev, b, a, Evidence(True, False, span))  # "equipment of multiple farms": a farm has equipment
        elif _PREPOSITION_ONLY.match(between):
            continue
        elif _BELONGS.search(between) and not _NEGATED.search(between):
            # "Y belongs to an X": one X has many Y.
            _add(ev, b, a, Evidence(True, True, span))
        elif qb == "many" or (qb is None and plural_b and qa in ("each", "one", "a")):
            _add(ev, a, b, Evidence(True, qb == "many", span))
            verbs = {w.lower() for w in re.findall(r"[A-Za-z]+", between)}
            if qb == "many" and qa in ("each", "a", "one") and verbs & SHARING_VERBS:
                ev.m2m.setdefault(pair, span)  # "each student can take several courses": shared things
        elif qb == "one":
            _add(ev, b, a, Evidence(True, True, span))
        elif qa == "each" and qb == "a":
            # "each flight is operated by a captain": many X share one Y (assumed).
            _add(ev, b, a, Evidence(True, False, span))


def _add(ev: PairEvidence, one: str, many: str, e: Evidence) -> None:
    ev.by_direction.setdefault((one, many), []).append(e)


def _combine(ev: PairEvidence) -> list[Relationship]:
    out: list[Relationship] = []
    done: set[frozenset] = set()
    for pair, span in ev.m2m.items():
        a, b = sorted(pair, key=lambda n: span.text.lower().find(n.lower()))
        out.append(Relationship(left=a, right=b, left_card=Cardinality.MANY, right_card=Cardinality.MANY, span=span))
        done.add(pair)
    for pair, span in ev.one2one.items():
        if pair in done:
            continue
        a, b = sorted(pair)
        out.append(Relationship(left=a, right=b, left_card=Cardinality.ONE, right_card=Cardinality.ONE, span=span))
        done.add(pair)
    for (one, many), evs in ev.by_direction.items():
        pair = frozenset((one, many))
        if pair in done:
            continue
        back = ev.by_direction.get((many, one), [])
        fwd_stated = any(e.stated for e in evs)
        back_stated = any(e.stated for e in back)
        done.add(pair)
        if back and fwd_stated and back_stated:
            link = ev.link_names.get(pair)
            out.append(Relationship(left=one, right=many, left_card=Cardinality.MANY, right_card=Cardinality.MANY,
                                    span=evs[0].span, name=link.title() if link else None))
        elif back and back_stated and not fwd_stated:
            out.append(Relationship(left=many, right=one, span=back[0].span, stated=True))
        else:
            out.append(Relationship(left=one, right=many, span=evs[0].span, stated=fwd_stated))
    return out
