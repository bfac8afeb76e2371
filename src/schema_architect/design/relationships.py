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

from ..model.conceptual import Attribute, Cardinality, Relationship, Span
from .clauses import NounPhrase, VerbClause, verb_clauses
from .entities import attribute_name, named_by_head, sentence_mentions
from .lexicon import (
    IRREGULAR_PARTICIPLES,
    ALLOTTING_VERBS,
    BOOKING_VERBS,
    HELD_FOR_MANY_NOUNS,
    ASSESSMENT_NOUNS,
    BUSINESS_NOUNS,
    COLLECTION_NOUNS,
    BELONGS_PHRASES,
    COMMON_VERBS,
    COUNTED_DOCUMENTS,
    DATA_VERBS,
    DETERMINERS,
    ENTITY_SUFFIX_NOISE,
    EVENT_NOUN_OF_VERB,
    FUNCTION_WORDS,
    HEADING_ACTIONS,
    LINK_VALUE_HEADS,
    LIST_TRIGGERS,
    MAKING_VERBS,
    MANY_WORDS,
    MODAL_VERBS,
    MONEY_HOLDERS,
    MONEY_MOVES,
    NON_LINKING_VERBS,
    NOT_SVO_VERBS,
    ORGANIZATION_NOUNS,
    OWNING_VERBS,
    PARTICIPANT_NOUNS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    SHARING_VERBS,
    JOINING_VERBS,
    TRANSACTION_NOUNS,
)
from .segment import Sentence
from .words import entity_name, event_nouns, is_plural, loose, names_event_of, singular

MAX_MENTIONS_PER_SENTENCE = 12
# ", each X ..." opens a new clause; ", each with / each consisting of ..." still describes the noun before.
_SEPARATOR = re.compile(r"[.;:]|,\s*(?:and\s+)?(?:(?:each|every)(?!\s+(?:with|having|consisting|containing|comprising|including|holding)\b)|while|whereas|but)\b|\band\s+(?:each|every)\b", re.IGNORECASE)
_ONLY_ONE = re.compile(r"(?:only|exactly|just)\s+one\s*$|\ba\s+single\s*$|\bone\s*$|\bat\s+most\s+one\s*$", re.IGNORECASE)
_MANY = re.compile(r"(?:" + "|".join(re.escape(w) for w in MANY_WORDS) + r")\s*$", re.IGNORECASE)
# "a specific customer", "the corresponding order": an adjective that only singles one out still counts one
_ONE_ARTICLE = re.compile(r"\b(?:a|an|its|their|the)(?:\s+(?:specific|particular|corresponding|designated|certain|given))?\s*$",
                          re.IGNORECASE)
_EACH = re.compile(r"\b(?:each|every)\s*$", re.IGNORECASE)
_M2M = re.compile(r"many[\s-]+to[\s-]+many|\bm\s*:\s*n\b|\bn\s*:\s*m\b", re.IGNORECASE)
_ONE2ONE = re.compile(r"one[\s-]+to[\s-]+one|\b1\s*:\s*1\b", re.IGNORECASE)
_BELONGS = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in BELONGS_PHRASES) + r")\b", re.IGNORECASE)
_LINK_NOUN = re.compile(r"\b(?:to|into|onto|on|in)\s+(?:their|his|her|its|a|the)\s+((?:[a-z]+\s+)?[a-z]*(?:list|cart|basket|bag|queue|favorites|favourites|collection|library|playlist|schedule|portfolio))\b", re.IGNORECASE)
# "the equipment of multiple farms": a preposition alone between the two says where X sits, not that
# one X has many Y ("of/in/under": each Y has X; "from/for/to": nothing about who owns whom).
_CONTAINED_IN = re.compile(r"^\s*(?:of|in|at|across|under|within)\s+(?:the\s+|their\s+|its\s+)?(?:" + "|".join(re.escape(w) for w in MANY_WORDS) + r")\s*$", re.IGNORECASE)
_PARTICIPANT_PREPOSITION = re.compile(r"^\s*(?:with|for|from|to|by)\s+(?:a|an)\s*$", re.IGNORECASE)
_PREPOSITION_ONLY = re.compile(r"^\s*(?:from|for|to|by|on|and|or)\s+(?:the\s+|their\s+|its\s+)?(?:" + "|".join(re.escape(w) for w in MANY_WORDS) + r")\s*$", re.IGNORECASE)
_AMONG_MANY = re.compile(r"\b(?:among|amongst|between)\s+(?:the\s+|their\s+)?(?:" + "|".join(re.escape(w) for w in MANY_WORDS)
                         + r")\s*$", re.IGNORECASE)
# "log operation must ...": a noun, then the verb of the clause: the first noun only modified it
_HEAD_THEN_VERB = re.compile(r"^\s+([a-z][a-z-]*[a-rt-z])\s+(?:must|can|cannot|may|will|shall|should|could|would|is|was|needs?)\b",
                            re.IGNORECASE)
# "customers, credit cards and orders": names in an enumeration are listed, not related.
_RECORD_COVERS_MANY = re.compile(r"^\s*(?:(?:is|are|can\s+be|may\s+be)\s+)?(?:for|with|of|covering|involving)\s+(?:"
                                 + "|".join(re.escape(w) for w in MANY_WORDS) + r")\s*$", re.IGNORECASE)
_RECORD_FOR = re.compile(r"^\s+(?:for|of|about|on)\s+$", re.IGNORECASE)
_RECORD_FOR_ONE = re.compile(r"^\s+(?:for|of|about|on)\s+(?:an?|one)\s+$", re.IGNORECASE)
_LISTED_ONLY = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or|as well as|&|/)\s*)?(?:the\s+|their\s+|its\s+)?$", re.IGNORECASE)
_BARE_COORDINATE = re.compile(r"^\s*(?:and|or|&)\s*$", re.IGNORECASE)
# "the bar management system", "an online document knowledge base system": up to three nouns before it
_SYSTEM_AFTER = re.compile(r"(?:\s+(?!(?:of|the|a|an|in|to|for|and|or|with|by|on|at|from|its|their)\b)[a-z]+){0,3}"
                           r"\s+(?:management\s+)?(?:system|platform|software|application|database|module)s?\b", re.IGNORECASE)
_COORDINATED_VERB = re.compile(r"^\s*,?\s*(?:and|but)\s+(?:also\s+)?(?:has|have|owns|own|manages|manage|employs|employ|operates|operate|runs|run|offers|offer|provides|provide)\b", re.IGNORECASE)
# "each order is placed by a user and contains multiple products": the verb after the passive's agent
# belongs to the passive's subject (the order contains them), not to the agent.
_PASSIVE_AGENT_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been)\s+(?:[a-z]+\s+)?[a-z]+\s+by\s+(?:a|an|the|one|each)?\s*$",
                                   re.IGNORECASE)
_AND_THEN_VERB = re.compile(r"^\s*,?\s*and\s+(?:also\s+)?[a-z]+s\s+", re.IGNORECASE)
# "its sales data, including multiple stores": the business's own data and the things it spans.
_OWN_BEFORE = re.compile(r"\b(?:its|their|our)\s+$", re.IGNORECASE)
_INCLUDING_ONLY = re.compile(r"^\s*(?:data|information|records)?\s*,?\s*(?:including|covering|spanning)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
# "a customer can purchase multiple products": a one-word name right after a modal (or "to") is the
# verb of the clause, not the "Purchase" entity.
_VERB_SLOT = re.compile(r"\b(?:can|may|must|will|shall|should|could|would|to)\s+(?:also\s+|only\s+)?$", re.IGNORECASE)
# "with each department having one employee as the supervisor": the role the one side plays
# "one home gym", "exactly one primary supplier": a word between the count and the name gives the role
_ONE_ROLE_WORD = re.compile(r"\b(?:only\s+|exactly\s+)?one\s+([a-z]+)\s+$", re.IGNORECASE)
# Only a finite verb (maybe after a modal) before "a/an": "choose a", "can pick an"; not "users joining a"
_ONE_VERB = re.compile(r"^\s+(?:(?:can|may|will|must|should|usually|also)\s+)?[a-z]+(?<!ed)(?<!ing)\s+(?:a|an)\s+$", re.IGNORECASE)
_ROLE_AFTER = re.compile(r"\s+as\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(" + "|".join(sorted(ROLE_NOUNS)) + r")\b",
                         re.IGNORECASE)
# "at least two teachers as chaperones": the role the many play for the one, ending the clause
_AS_MANY_ROLE = re.compile(r"\s+as\s+(?:its\s+|their\s+)?([a-z]{3,}s)\s*(?:[.;]|$)", re.IGNORECASE)
# "can follow other users", "can add other users as contacts": a verb between a name and "other" + itself
_PEER_VERB = re.compile(r"^\s+(?:can\s+|may\s+)?(?:also\s+)?([a-z]{3,})\s+(?:to\s+|with\s+)?(?:other|another)\s+$",
                        re.IGNORECASE)
_AS_NOUN = re.compile(r"\s+as\s+(?:their\s+|his\s+|her\s+)?([a-z]+)", re.IGNORECASE)
_NOT_PEER_VERBS = frozenset({"be", "are", "is", "have", "has", "see", "view"})
_CLASSIFIER_HEADS = frozenset({"type", "category", "kind", "class", "level", "grade", "group", "position", "role",
                                "title", "status", "rank"})
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w-]*)")
_PREVIOUS_WORD = re.compile(r"\b([A-Za-z][\w-]*)\s+$")
# "tenant complaints", "the tenant's complaints": only a space or a possessive between two names
_COMPOUND = re.compile(r"^(?:\s+|['’]s\s+|['’]\s+)$")
_MAKING_VERB = r"(?:%s)" % "|".join(sorted({form for v in MAKING_VERBS for form in (v, v + "s", v + "es", v[:-1] + "ies")},
                                            key=len, reverse=True))
_MAKING_GERUND = r"(?:%s)" % "|".join(sorted({form for v in MAKING_VERBS for form in (v + "ing", v[:-1] + "ing",
                                                                                     v + v[-1] + "ing")},
                                             key=len, reverse=True))
# "allows students to submit electronic assignments", "supports users in publishing product information":
# the act the system lets the subject do, maybe with one adjective before what it makes
_CREATES = re.compile(r"^\s+(?:(?:(?:can|may|must|will|shall|should)\s+)?(?:also\s+)?" + _MAKING_VERB
                      + r"|to\s+" + _MAKING_VERB + r"|in\s+" + _MAKING_GERUND + r")"
                      + r"(?:\s*,\s*[a-z]+)*(?:,?\s+(?:and|or)\s+[a-z]+)?\s+(?:a\s+|an\s+|the\s+|their\s+|new\s+|own\s+)*"
                      + r"(?:[a-z]+(?:al|ic|ive|ous|ful|ary|ble)\s+)?$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"(?:^|[.;:]\s*)the\s+$", re.IGNORECASE)
# "performance evaluation for each department", "a schedule of every doctor": a thing kept for each Y
_FOR_EACH = re.compile(r"^\s+(?:for|of|on)\s+(?:each|every)\s+$", re.IGNORECASE)
# "department information for each store", "maintenance details for the tools": what is kept per Y
_KEPT_FOR_EACH = re.compile(r"^\s+(?:information|info|data|details|records?)\s+(?:for|of)\s+(?:each|every|the|all)\s+$",
                            re.IGNORECASE)
# "the name of each program, as well as the information of the hosts": after a list coordinator the next
# name is another thing listed, not one the first has
_OTHER_LIST_ITEM = re.compile(r"^\s*,?\s*(?:as\s+well\s+as|along\s+with|together\s+with|in\s+addition\s+to)\b", re.IGNORECASE)
# "the user number", "a booking ID": the name followed by a word of its key still names the thing
_KEY_WORD_AFTER = re.compile(r"\s+(?:id|ids|number|numbers|no|code|codes)\b", re.IGNORECASE)
_COORDINATION = re.compile(r"^\s*(?:,|and|or|as well as)\s*$", re.IGNORECASE)
_SUBJECT_START = re.compile(r"^\s*(?:a|an|the|each|every)\s+$", re.IGNORECASE)
_SECOND_VERB_PHRASE = re.compile(r"^\s*,?\s*and\s+(?:(?:is|was|are|were|can|must|may|will|should)\s+(?:also\s+)?"
                                 r"(?:be\s+)?[a-z]+(?:ed|en)\s+(?:by|to|with|for|in|at|from)|(?:is|was|are|were)\s+"
                                 r"(?:also\s+)?[a-z]+(?:ed|en)\b|[a-z]+(?:ed|en)\s+(?:by|to)\s(?!(?:another|other|a\s+different|a\s+second)\b))", re.IGNORECASE)
# "... and teach classes", "..., and also coach teams": an active verb (checked against the lexicon) opening
# a second verb phrase of the sentence's subject
_SECOND_ACTIVE_VERB = re.compile(r"^\s*,?\s*and\s+(?:also\s+)?(?:(?:can|may|will|must|should|often|usually)\s+)?"
                                 r"([a-z]+)\s+(?:(?:in|on|to|for|at|with)\s+)?(?:the\s+|their\s+|other\s+|a\s+|an\s+)?$")


def _second_active_verb(between: str) -> int | None:
    """Where the verb of "... and teach " starts in ``between``, if it opens a second verb phrase."""
    m = _SECOND_ACTIVE_VERB.match(between)
    return m.start(1) if m and (m.group(1).lower() in COMMON_VERBS or m.group(1).lower() in SHARING_VERBS) else None


_AGENT_BEFORE = re.compile(r"\b(?:[a-z]+(?:ed|en)\s+(?:by|to)|by)\s+(?:one|a|an|the|a\s+single)\s+$", re.IGNORECASE)
_SECOND_AGENT = re.compile(r"^\s*,?\s*and\s+(?:is\s+|was\s+|must\s+be\s+|can\s+be\s+)?([a-z]+(?:ed|en))\s+(?:by|to)\s+"
                           r"(?:another|a\s+second|a\s+different|one\s+other)\s+$", re.IGNORECASE)
_PLACE_AFTER_AGENT = re.compile(r"^\s+(?:at|in|on|during)\s+(?:one|a|an|the|a\s+single)\s+$", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|no|never)\b", re.IGNORECASE)
# "manage the relationship between students and subjects, students and teachers": a named
# relationship set of two things, which experts store as a table of its own.
_BETWEEN = re.compile(r"\b(?:relationships?|associations?|correspondences?|links?|connections?)\s+between\s+", re.IGNORECASE)
_BETWEEN_END = re.compile(r"[.;:()]|,\s*(?:and\s+)?(?:[a-z]+ing|which|so|thereby|while)\b|\s(?:to|so|in order|for|by|is|are|was|were|can|"
                          r"through|with|where|which|that|ensuring|including|thereby)\b", re.IGNORECASE)
_PAIR_SEPARATOR = re.compile(r",\s*(?:and\s+)?|;\s*", re.IGNORECASE)
# "the coach-team relationship", "the task-to-trigger relationship table", "Model-Run Association"
# "each order can contain multiple books, and the system records the purchase quantity for each
# book": a count per pair is the mark of a line item (M:N with the count on the link).
_PAIR_COUNT = re.compile(r"\b((?:(?!(?:with|and|or|the|their|its|of|a|an|each|in|for)\b)[a-z]+\s+)?quantit(?:y|ies))\b",
                         re.IGNORECASE)  # "purchase quantity", not "with quantities"
# "contains multiple products with quantities": how many of each, said right after the member
_WITH_COUNT = re.compile(r"\s+(?:each\s+)?with\s+(?:a\s+|an\s+|their\s+|its\s+|the\s+)?(?:[a-z]+\s+)?quantit(?:y|ies)\b",
                         re.IGNORECASE)
_EACH_AFTER = re.compile(r"^[^.:]{0,40}?(?:[,;]|\bwith|\band|\bwhere)\s+(?:each|every)\s+$", re.IGNORECASE)
_RECORD_HEADS = frozenset({"record", "log", "entry", "history", "detail", "transaction"})
_OBJECT_RELATIVE_GAP = re.compile(r"^\s*(?:each|every|the|their|all|that|which)?\s*$", re.IGNORECASE)
_SHARING_AFTER = re.compile(r"\s+(?:can\s+|may\s+|will\s+|have\s+|has\s+)?(?:" + "|".join(sorted(SHARING_VERBS, key=len, reverse=True))
                            + r")(?:ed|d)?\b", re.IGNORECASE)
_PEOPLE = frozenset(PERSON_NOUNS) | ROLE_NOUNS | PARTICIPANT_NOUNS
_WHICH_BEFORE = re.compile(r"\bwhich\s+$", re.IGNORECASE)
_WHICH_PAIR = re.compile(r"^\s+(?:[a-z]+\s+){1,6}which\s+$", re.IGNORECASE)
_WHICH_EACH = re.compile(r"^\s+(?:[a-z]+\s+){1,4}(?:each|every)\s+$", re.IGNORECASE)
_EACH_BEFORE = re.compile(r"\b(?:each|every)\s+$", re.IGNORECASE)
# a verb between them ("each worker spends on each harvest"), not a preposition ("of each species in each greenhouse")
_EACH_PAIR = re.compile(r"^\s+(?!(?:in|at|on|of|for|per|within|across|by|from|to|with)\s)(?:[a-z]+\s+){1,3}(?:each|every)\s+$",
                        re.IGNORECASE)
_PAIR_VALUE = re.compile(r"\bthe\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:that\s+)?(?:each|every)\s+$", re.IGNORECASE)
_HYPHEN_PAIR = re.compile(r"\b([A-Za-z]+)-(?:to-)?([A-Za-z]+)\s+(?:relationships?|associations?)\b", re.IGNORECASE)


@dataclass
class Evidence:
    many: bool  # True: one <owner> has many <member>; False: each <owner> has one <member>
    stated: bool
    span: Span
    definite_one: bool = False  # "the university has many departments": one university, the setting
    role: str | None = None  # "each team has one player as the captain": the one side plays a role
    only_one: bool = False  # the text counts the one side ("at most one berth", "only one boat")


@dataclass
class PairEvidence:
    by_direction: dict[tuple[str, str], list[Evidence]] = field(default_factory=dict)
    m2m: dict[frozenset, Span] = field(default_factory=dict)
    link_names: dict[frozenset, str] = field(default_factory=dict)  # "... to their wishlist" names the link
    one2one: dict[frozenset, Span] = field(default_factory=dict)
    related: dict[frozenset, Span] = field(default_factory=dict)  # "the relationship between X and Y"
    link_attributes: dict[frozenset, list[str]] = field(default_factory=dict)  # "the quantity of each book"
    self_links: dict[str, tuple[str, str | None, Span]] = field(default_factory=dict)  # "users follow other users"
    actors: dict[str, dict[str, Span]] = field(default_factory=dict)  # record -> the one person named with it
    extra_roles: list[tuple[str, str, str, Span]] = field(default_factory=list)  # (one, many, role, span)
    recent: list[tuple[str, str, Evidence]] = field(default_factory=list)  # what the pair just read added
    holders: dict[frozenset, str] = field(default_factory=dict)  # the side a link's counts are kept per
    one_each: dict[frozenset, tuple[str, str, Span]] = field(default_factory=dict)  # "record which X handles it"


_OBJECT_OPENER = re.compile(r"\s+(?:a|an|the|several|many|multiple|various|numerous|its|their|one|two|three|dozens)\b",
                            re.IGNORECASE)
_NOUN_BEFORE = re.compile(r"\b([a-z]{3,})\s+$")


def _third_person_verb(text: str, start: int, end: int) -> bool:
    """"Our podcast network hosts several shows": an -s form after a noun and before its object is the
    verb of the sentence, not the plural of the Host entity."""
    word = text[start:end]
    if " " in word or not word.lower().endswith("s") or not _OBJECT_OPENER.match(text, end):
        return False
    before = _NOUN_BEFORE.search(text, 0, start)
    return bool(before) and before.group(1).lower() not in FUNCTION_WORDS and before.group(1).lower() not in DETERMINERS \
        and not before.group(1).lower().endswith(("ing", "ed", "ly"))


def _in_verb_slot(text: str, at: int) -> bool:
    """Whether a modal or 'to' comes right before ``at`` ("users can purchase"). Only the last few words
    are searched, so a sentence with many mentions costs linear time."""
    window = max(0, at - 24)
    while window > 0 and not text[window - 1].isspace():
        window -= 1  # start the window on a word boundary, so "pecan" is not read as "can"
    return bool(_VERB_SLOT.search(text, window, at))


def detect_relationships(sentences: list[Sentence], entity_names: list[str]) -> list[Relationship]:
    ev = PairEvidence()
    for i, s in enumerate(sentences):
        _read_sentence(s, entity_names, ev, sentences[i + 1] if i + 1 < len(sentences) else None)
    for s in sentences:
        _read_verb_clauses(s, entity_names, ev)
    # the only kind of person in the design is whom an otherwise unlinked record is of
    people = [n for n in entity_names if loose(n).split()[-1:] and loose(n).split()[-1] in _PEOPLE]
    if len(people) == 1:
        for n in entity_names:
            if n != people[0] and is_record_or_transaction(n) and n not in ev.actors and " and " not in f" {loose(n)} ":
                ev.actors[n] = {people[0]: Span(start=0, end=0, text=n)}
    return _on_the_holder(_combine(ev), entity_names)


def _on_the_holder(rels: list[Relationship], names: list[str]) -> list[Relationship]:
    """"Customers open accounts ... the bank records the transaction history of customers": money moves
    on an account (or card, wallet) the person holds, so a record of money linked to nothing else is
    of the one holder of the design, not of its person directly."""
    holders = [n for n in names if loose(n).split()[-1:] and loose(n).split()[-1] in MONEY_HOLDERS]
    if len(holders) != 1:
        return rels
    for rel in rels:
        if rel.fallback and rel.right != holders[0] and set(loose(rel.right).split()) & MONEY_MOVES \
                and loose(holders[0]).split()[:-1] != loose(rel.left).split():  # a "User Account" is the user's login
            rel.left = holders[0]
    return rels


_LIST_VERBS = frozenset(w for w in LIST_TRIGGERS if " " not in w)


def _named_by(phrase: NounPhrase, mentions) -> str | None:
    """The entity a clause's noun phrase names: a mention ending where the phrase ends ("dental clinics")."""
    return next((name for name, start, end in mentions if phrase.start <= start and end == phrase.end), None)


def _named_or_headed(phrase: NounPhrase, mentions, names: list[str]) -> str | None:
    """``_named_by``, else "assigns the appropriate ward to each patient" beside a Hospital Ward: a phrase
    no mention touches whose head noun is that of one described entity (``named_by_head``)."""
    named = _named_by(phrase, mentions)
    if named is not None or any(phrase.start < end and start < phrase.end for _, start, end in mentions):
        return named
    return named_by_head(phrase.text.split()[-1], names)


def _names_an_entity(word: str, names: list[str]) -> bool:
    """"Neighbours complaint tenants" beside a Complaint entity: the word is that noun, not a verb (but
    "mechanics repair sensors" beside a Repair: a verb whose event is named like it)."""
    return word.lower() not in EVENT_NOUN_OF_VERB and any(loose(n) == loose(word) for n in names)


def _modal_verb(text: str, clause: VerbClause) -> bool:
    """"Users can comment on movies" beside a Comment entity: the word right after a modal (or "to") is
    the verb, whatever noun is spelled like it (not "neighbours complaint tenants")."""
    return re.compile(r"\s+(?:can|may|must|will|shall|should|could|would|to)\s+(?:also\s+|only\s+)?"
                      + re.escape(clause.verb) + r"\b", re.IGNORECASE).match(text, clause.subject.end) is not None


def _has_evidence(ev: PairEvidence, a: str, b: str) -> bool:
    pair = frozenset((a, b))
    return (a, b) in ev.by_direction or (b, a) in ev.by_direction or pair in ev.m2m or pair in ev.one2one \
        or pair in ev.related


def _read_verb_clauses(s: Sentence, names: list[str], ev: PairEvidence) -> None:
    """"Vets treat pets", "each baker bakes cakes", "cars are parked at garages": a verb no word list knows,
    between two entities the words around the pair left unrelated. The subject of an active verb holds
    the objects; a passive subject sits at or is done by one of the others; a counted one side ("a",
    "one") is the one side whoever acts."""
    clauses = verb_clauses(s.text)
    if not clauses:
        return
    mentions = sentence_mentions(s, names)
    for clause in clauses:
        if clause.verb.lower() in NON_LINKING_VERBS or (_names_an_entity(clause.verb, names)
                                                         and not _modal_verb(s.text, clause)) or _lists_fields(clause) \
                or (clause.verb.lower() in _LIST_VERBS and any(p.count == "many" for p in clause.objects)):
            continue  # "... and contains multiple products with quantities": the list reading links those
        subject = _named_by(clause.subject, mentions)
        for phrase in clause.objects:
            obj = _named_by(phrase, mentions)
            if subject is None or obj is None or subject == obj:
                continue
            # a verb read past a plain clause ("..., and select courses") is told by its own words
            opens = clause.verb_start if clause.extended and clause.verb_start >= 0 else clause.subject.start
            span = Span(start=s.start + opens, end=s.start + phrase.end, text=s.text[opens:phrase.end])
            # a many-to-many read from this same clause ("users can review movies") still gives way to
            # the record its verb names; one stated elsewhere in the text, or already given its table
            # ("..., with each measurement recording ...") or said in so many words ("many-to-many"), stands
            said = ev.m2m.get(frozenset((subject, obj)))
            stated = (said is not None and (not s.start <= said.start < s.end or _M2M.search(s.text)
                                            or frozenset((subject, obj)) in ev.link_names)) \
                or frozenset((subject, obj)) in ev.related
            record = _record_through(s.text, clause, names, (subject, obj))
            if record is not None:
                for side in (subject, obj):
                    _forget_pair_in(ev, side, record, s)  # "each member borrows a book through a loan": not the member's one loan
            if record is None and not stated:
                record = _record_named_by_verb(clause.verb, names, (subject, obj))
            if record is not None:
                # "Patients are admitted to a ward" beside an Admission: the admission holds both keys
                _forget_pair_in(ev, subject, obj, s)
                said = ev.m2m.get(frozenset((subject, obj)))
                if said is not None and s.start <= said.start < s.end:
                    del ev.m2m[frozenset((subject, obj))]
                for side in (subject, obj):
                    if not _has_evidence(ev, side, record):
                        _add(ev, side, record, Evidence(True, False, span))
                continue
            if _has_evidence(ev, subject, obj):
                continue
            if not clause.extended or _verb_forms(clause.verb.lower()) & (OWNING_VERBS | MAKING_VERBS):
                # read past a plain clause ("allows users to specify products"), only a verb of making or
                # holding says whose each thing is; a sharing one links the pair below
                for one, many, e in _verb_clause_evidence(clause, phrase, subject, obj, span):
                    _add(ev, one, many, e)
            if (phrase.count is None and not clause.passive and clause.verb.lower() in SHARING_VERBS
                    and clause.recipient is None) \
                    or (clause.passive and phrase.plural and phrase.count in (None, "many")
                        and _sharing_participle(clause.verb.lower()) and not is_record_or_transaction(subject)) \
                    or _acts_on_shared_thing(clause, phrase, subject, obj, s.text):
                ev.m2m.setdefault(frozenset((subject, obj)), span)
                _read_link_value_after(s.text, phrase.end, names, frozenset((subject, obj)), ev)
        _read_recipient(s, clause, mentions, ev, names)


_TO_SOMEONE = re.compile(r"\s+to\s+(?:the\s+|their\s+|its\s+|a\s+|an\s+|each\s+)?", re.IGNORECASE)


def _given_to(text: str, end: int, mentions) -> bool:
    """"sells multiple policies to customers": what is handed to someone named next is one of theirs, not
    a thing many share."""
    to = _TO_SOMEONE.match(text, end)
    return bool(to) and any(start == to.end() for _, start, _ in mentions)


def _sharing_participle(verb: str) -> bool:
    """"beer types are sold in bars", "books are borrowed by members": the passive of a sharing verb (a
    record done so, "requests are reviewed by managers", is each time one of theirs)."""
    stem = IRREGULAR_PARTICIPLES.get(verb) or _verb_stem(verb)
    return stem != verb and (stem in SHARING_VERBS or stem + "e" in SHARING_VERBS) and stem not in ("us", "use")


def _acts_on_shared_thing(clause: VerbClause, phrase: NounPhrase, subject: str, obj: str, text: str) -> bool:
    """"Doctors can treat many patients", "a concert features several pieces": an act on many things
    that no one makes, owns or runs, by a subject that is no business holding them, leaves each thing
    free to meet other subjects too. A record ("places many orders") is the one subject's."""
    if clause.passive or phrase.count not in ("many", None) or not phrase.plural:
        return False
    if phrase.count is None and not _MODAL_IN.search(text, clause.subject.end, phrase.start):
        return False  # "farriers shoe horses" states a fact of each; "hikers can save trails" what any may do
    verb = clause.verb.lower()
    if _verb_forms(verb) & OWNING_VERBS:
        return False
    owner_head = loose(subject).split()[-1] if loose(subject) else ""
    # a record's verb ("each expense involves suppliers") says what it is of, read by the record readers
    return not is_record_or_transaction(obj) and not is_record_or_transaction(subject) \
        and owner_head not in BUSINESS_NOUNS | COLLECTION_NOUNS


def _verb_forms(verb: str) -> set[str]:
    """The bases a verb as written may have: "carries" -> "carry", "places" -> "place", "fixes" -> "fix"."""
    return {verb, verb[:-1], verb[:-2], verb[:-3] + "y"}


_MODAL_IN = re.compile(r"\b(?:%s)\b" % "|".join(sorted(MODAL_VERBS)), re.IGNORECASE)


def _shared_by_clause(text: str, subject: tuple[str, int], obj: tuple[str, int]) -> bool:
    """Whether the clause from the subject ending at one offset to the object ending at the other acts
    on a shared thing (see ``_acts_on_shared_thing``)."""
    for clause in verb_clauses(text):
        phrase = next((p for p in clause.objects if p.end == obj[1]), None)
        if clause.subject.end == subject[1] and phrase is not None:
            return _acts_on_shared_thing(clause, phrase, subject[0], obj[0], text)
    return False


def _forget_pair_in(ev: PairEvidence, a: str, b: str, s: Sentence) -> None:
    """Drop what ``s`` alone said links ``a`` and ``b`` directly (a record between them says it better)."""
    for key in ((a, b), (b, a)):
        kept = [e for e in ev.by_direction.get(key, []) if not s.start <= e.span.start < s.end]
        if kept:
            ev.by_direction[key] = kept
        else:
            ev.by_direction.pop(key, None)
    ev.recent = [(x, y, e) for x, y, e in ev.recent if not ({x, y} == {a, b} and s.start <= e.span.start < s.end)]


def _record_named_by_verb(verb: str, names: list[str], pair: tuple[str, str]) -> str | None:
    """The one-word entity named after the verb ('admitted' -> Admission, 'enrol' -> Enrolment,
    'rented' -> Rental): the record each act of it makes, which both parties point at."""
    nouns = set(event_nouns(verb))
    if verb.lower() in DATA_VERBS:
        if not nouns:
            return None  # "each session records the client": the list's reading

        def named(noun: str) -> bool:  # "technicians maintain machines": only the verb's own event noun
            return noun in nouns
    else:
        def named(noun: str) -> bool:
            return names_event_of(noun, verb)
    found = [n for n in names if n not in pair and len(n.split()) == 1
             and named(loose(n))]  # "repair" -> Repair, "visit" -> Visit
    if found:
        return found[0] if len(found) == 1 else None
    # "beer types are sold in bars" beside "Sales Record", "technicians maintain machines" beside "Machine
    # Maintenance Record": the event noun of the verb, after nothing but the sides' names, maybe kept as a record
    side_words = {w for side in pair for w in loose(side).split()}
    found = []
    for n in names:
        words = loose(n).split()
        if n in pair or len(words) < 2:
            continue
        if words[-1] in _RECORD_HEADS and len(words) > 1:
            words = words[:-1]
        if words and named(words[-1]) and set(words[:-1]) <= side_words:
            found.append(n)
    return found[0] if len(found) == 1 else None


_THROUGH = re.compile(r"\s*,?\s+(?:through|via|by\s+means\s+of)\s+(?:(?:a|an|the|their|its)\s+)?"
                      r"(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})", re.IGNORECASE)


def _record_through(text: str, clause: VerbClause, names: list[str], pair: tuple[str, str]) -> str | None:
    """"Members borrow books through loans": the entity named after "through/via" is the record of each
    act, which both sides point at."""
    m = _THROUGH.match(text, clause.objects[-1].end)
    if m is None:
        return None
    words = m.group("np").split()
    for n in range(len(words), 0, -1):
        name = next((x for x in names if x not in pair and loose(x) == loose(entity_name(" ".join(words[:n])) or "")), None)
        if name is not None:
            return name
    return None


def _read_recipient(s: Sentence, clause: VerbClause, mentions, ev: PairEvidence, names: list[str]) -> None:
    """"The library lends books to members", "each agent sells policies to customers": each thing given
    goes to one of them (assumed), who gets many."""
    recipient = _named_or_headed(clause.recipient, mentions, names) if clause.recipient is not None and not clause.passive else None
    if recipient is None:
        return
    span = Span(start=s.start + clause.object.start, end=s.start + clause.recipient.end,
                text=s.text[clause.object.start:clause.recipient.end])
    for phrase in clause.objects:
        obj = _named_or_headed(phrase, mentions, names)
        if obj is not None and obj != recipient and not _has_evidence(ev, recipient, obj):
            if obj.lower().split()[-1] in _CLASSIFIER_HEADS - {"grade"}:
                _add(ev, obj, recipient, Evidence(True, False, span))  # "assigns roles to users": a user has a role
            elif clause.recipient.count == "each" and phrase.count in ("a", "one", "the", None) and not phrase.plural \
                    and clause.verb.lower() in ALLOTTING_VERBS:
                # "the school assigns a tutor to each student": each student gets one tutor, who has others
                _add(ev, obj, recipient, Evidence(True, False, span))
            else:
                _add(ev, recipient, obj, Evidence(True, False, span))


def _lists_fields(clause: VerbClause) -> bool:
    """"A rental records the customer, the car and the pickup date": a verb of keeping data before a
    thing named with 'the' lists the record's fields; the list reading makes the keys."""
    return clause.verb.lower() in DATA_VERBS and not clause.passive and clause.object.count == "the"


def _verb_clause_evidence(clause: VerbClause, phrase: NounPhrase, subject: str, obj: str,
                          span: Span) -> list[tuple[str, str, Evidence]]:
    """(one side, many side, evidence) read off the counts of the clause's subject and one object."""
    qs, qo = clause.subject.count, phrase.count
    if qo == "many":
        many_back = qs == "many"  # "many students take many courses"
        return [(subject, obj, Evidence(True, True, span))] + ([(obj, subject, Evidence(True, True, span))] if many_back else [])
    if qo in ("one", "a") and not clause.passive and qs != "many" and _verb_forms(clause.verb.lower()) & MAKING_VERBS:
        return [(subject, obj, Evidence(True, False, span))]  # "overdue loans incur a fine": the fine is the loan's
    if qo in ("one", "a") or clause.passive:
        # "each car is parked in one garage", "cars are parked at garages": the object holds the subjects
        return [(obj, subject, Evidence(True, qo == "one" or (qo == "a" and qs == "each"), span, only_one=qo == "one"))]
    if qo is None and not phrase.plural:
        return []  # "vets see livestock": a mass noun counts nothing
    return [(subject, obj, Evidence(True, qs == "each" and qo is None, span))]


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


def _read_named_relationships(s: Sentence, names: list[str], ev: PairEvidence) -> None:
    """"the relationship between students and subjects, students and teachers", "the coach-team
    relationship": each pair named is a relationship set of its own."""
    text = s.text
    for m in _BETWEEN.finditer(text):
        end = _BETWEEN_END.search(text, m.end())
        stop = end.start() if end else len(text)
        pairs = []
        for chunk in _PAIR_SEPARATOR.split(text[m.end():stop]):
            first = chunk.split()[0].lower() if chunk.split() else ""
            if first in COMMON_VERBS:
                break  # "..., and record their scores": the next clause
            found = list(dict.fromkeys(n for n, _, _ in sentence_mentions(Sentence(chunk, 0), names)))
            if len(found) == 1:
                pairs = []  # "between customers, orders and items" lists things: no pair is named
                break
            pairs += [(found[0], other) for other in found[1:]]
        span = Span(start=s.start + m.start(), end=s.start + stop, text=text[m.start():stop])
        stated_m2m = _M2M.search(text[max(0, m.start() - 25):m.start()])  # "a many-to-many relationship between"
        for pair in pairs:
            (ev.m2m if stated_m2m else ev.related).setdefault(frozenset(pair), span)
    for m in _HYPHEN_PAIR.finditer(text):
        a, b = _named_by_word(m.group(1), names), _named_by_word(m.group(2), names)
        if a and b and a != b:
            ev.related.setdefault(frozenset((a, b)), Span(start=s.start + m.start(), end=s.start + m.end(), text=m.group()))


# "product quantities", "ingredients and their quantities", "the quantity of parts": how many of X
# ("supply quantity" alone is a column name, not a count of the supplies)
_COUNT_AFTER = re.compile(r"\s+(?:(?:and\s+(?:their\s+|its\s+|the\s+)?(?:[a-z]+\s+)?)?quantities|and\s+(?:its\s+|the\s+)?quantity)\b",
                          re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"\b((?:[a-z]+\s+)?quantit(?:y|ies))\s+of\s+(?:the\s+|each\s+|every\s+|all\s+|their\s+)?"
                           r"(?:[a-z]+(?:ed|en)\s+)?$", re.IGNORECASE)
_COUNTED_PER = re.compile(r"\b(?:each|every)\s+$", re.IGNORECASE)


def _count_name(count: re.Match) -> str:
    """"the purchase quantity of" -> "purchase quantity"; "and their quantities" -> "quantity"."""
    words = [w for w in count.group(0).lower().split() if "quantit" in w or w not in FUNCTION_WORDS | DETERMINERS]
    words = words[:words.index(next(w for w in words if "quantit" in w)) + 1]
    return " ".join(words[-2:-1] + ["quantity"]) if len(words) > 1 and count.re is _COUNT_BEFORE else "quantity"


# "the stock level of each product in each warehouse", "the grade of every student in every course":
# a value said of one thing within another, both counted one by one
_VALUE_OF_EACH = re.compile(r"\b((?:[a-z]+\s+)?[a-z]+)\s+(?:of|for)\s+(?:each|every)\s+$", re.IGNORECASE)
_WITHIN_EACH = re.compile(r"^\s+(?:[a-z]+(?:ed|en)\s+)?(?:in|at|on|within|under|for)\s+(?:each|every)\s+$", re.IGNORECASE)


def _read_pair_values(s: Sentence, mentions, ev: PairEvidence) -> None:
    """"records the stock level of each product in each warehouse": a value of the pair, kept on a link
    table of the two (one row per product and warehouse), not on either side."""
    text = s.text
    for (x, x_start, x_end), (y, y_start, _) in zip(mentions, mentions[1:]):
        value = _VALUE_OF_EACH.search(text, max(0, x_start - 40), x_start)
        if x == y or value is None or not _WITHIN_EACH.match(text[x_end:y_start]):
            continue
        words = [w for w in value.group(1).lower().split() if w not in DETERMINERS and w not in FUNCTION_WORDS]
        if not words or singular(words[-1]) not in LINK_VALUE_HEADS:
            continue
        pair = frozenset((x, y))
        if pair in ev.m2m or pair in ev.related:
            continue
        ev.m2m[pair] = Span(start=s.start + value.start(), end=s.start + y_start, text=text[value.start():y_start])
        ev.link_attributes.setdefault(pair, [" ".join(words[:-1] + [singular(words[-1])])])
    _read_value_per_member(s, mentions, ev)


# "... and receives a grade for each course": what the subject gets per thing it is linked to
_VALUE_FOR_EACH = re.compile(r"\b(?:a|an|the|their|its)\s+((?:[a-z]+\s+)?[a-z]+)\s+(?:for|in|on)\s+(?:each|every)\s+$", re.IGNORECASE)


def _read_value_per_member(s: Sentence, mentions, ev: PairEvidence) -> None:
    """"A student can enroll in many courses and receives a grade for each course": a value the
    sentence's subject has for each thing it is linked to many-to-many belongs to the link."""
    if len(mentions) < 2:
        return
    subject = mentions[0][0]
    for y, y_start, _ in mentions[1:]:
        value = _VALUE_FOR_EACH.search(s.text, max(0, y_start - 50), y_start)
        pair = frozenset((subject, y))
        if value is None or y == subject or pair not in ev.m2m or _SEPARATOR.search(s.text[mentions[0][2]:value.start()]):
            continue
        words = [w for w in value.group(1).lower().split() if w not in DETERMINERS and w not in FUNCTION_WORDS]
        if words and singular(words[-1]) in LINK_VALUE_HEADS:
            name = " ".join(words[:-1] + [singular(words[-1])])
            if name not in ev.link_attributes.setdefault(pair, []):
                ev.link_attributes[pair].append(name)


# "place orders for the required parts": what an order is for are its lines
_ORDERED_FOR = re.compile(r"^\s+for\s+(?:the\s+|their\s+|its\s+|new\s+)?(?:[a-z]+(?:ed|en)\s+)?$", re.IGNORECASE)


def _read_orders_for(s: Sentence, mentions, ev: PairEvidence) -> None:
    """"be able to place orders for the required parts": an order is for many things and a thing is on
    many orders, one line each with its count (an order line), not a key of one part on the order."""
    for (a, _, a_end), (b, b_start, _) in zip(mentions, mentions[1:]):
        if a == b or loose(a).split()[-1] not in COUNTED_DOCUMENTS or loose(b).split()[-1] in _PEOPLE \
                or loose(b).split()[-1] in ORGANIZATION_NOUNS or not _ORDERED_FOR.match(s.text[a_end:b_start]):
            continue
        pair = frozenset((a, b))
        if pair not in ev.m2m and pair not in ev.related:
            ev.m2m[pair] = Span(start=s.start + a_end, end=s.start + b_start, text=s.text[a_end:b_start])
            ev.link_attributes.setdefault(pair, ["quantity"])
            ev.holders[pair] = a


def _record_under_heading(heading: str | None, names: list[str], pair: tuple[str, str]) -> str | None:
    """The entity a heading names ("Ore Output Management") when it is a third thing named after one
    of the pair: the text's own table for what the sentences under it say of the pair."""
    words = (heading or "").split()
    while len(words) > 1 and (words[-1].lower() in HEADING_ACTIONS or words[-1].lower() in ENTITY_SUFFIX_NOISE):
        words = words[:-1]
    topic = loose(" ".join(words))
    for name in names:
        if loose(name) == topic and name not in pair and any(loose(p).split()[-1] in topic.split() for p in pair):
            return name
    return None


def _read_counted_members(s: Sentence, mentions, ev: PairEvidence, names: list[str]) -> None:
    """"details product quantities and unit prices in each order", "associating ingredients and their
    quantities with each recipe": a count of one thing said together with another thing is a count per
    pair, which experts keep on a link table of the two (an order line), not on either side."""
    text = s.text
    for x, x_start, x_end in mentions:
        count = _COUNT_AFTER.match(text, x_end) or _COUNT_BEFORE.search(text, max(0, x_start - 60), x_start)
        if count is None or loose(x).split()[-1] in _PEOPLE:
            continue
        others = [(y, y_start, y_end) for y, y_start, y_end in mentions
                  if loose(y) not in loose(x) and loose(x) not in loose(y) and loose(y).split()[-1] not in _PEOPLE
                  and not _SEPARATOR.search(text[min(x_end, y_end):max(x_start, y_start)])]
        counted_per = [m for m in others if _COUNTED_PER.search(text, max(0, m[1] - 8), m[1])]
        ys = counted_per or (others if len({m[0] for m in others}) == 1 else [])
        for y, y_start, y_end in (counted_per or ys[:1]):
            pair = frozenset((x, y))
            if pair in ev.m2m or pair in ev.related:
                continue  # "contains multiple books ... the purchase quantity": already read with its count
            at = (min(x_start, y_start), max(x_end, y_end))
            ev.m2m[pair] = Span(start=s.start + at[0], end=s.start + at[1], text=text[at[0]:at[1]])
            ev.link_attributes.setdefault(pair, [_count_name(count)])
            ev.holders[pair] = y  # "Recipe Ingredient": the thing counted per comes first
            record = _record_under_heading(s.heading, names, (x, y))
            if record:
                ev.link_names.setdefault(pair, record)  # "Ore Output Management: ... quantities of ore ... by each mine"


def _named_by_word(word: str, names: list[str]) -> str | None:
    """The one entity a single word names: its whole name, else the only name ending in it."""
    w = singular(word.lower())
    exact = [n for n in names if loose(n) == w]
    if exact:
        return exact[0]
    heads = [n for n in names if loose(n).split()[-1] == w]
    return heads[0] if len(heads) == 1 else None


def _read_sentence(s: Sentence, names: list[str], ev: PairEvidence, following: Sentence | None = None) -> None:
    text = s.text
    if "between" in text.lower() or "-" in text:
        _read_named_relationships(s, names, ev)
    # "the bar management system": a name modifying the system is not a thing of the sentence
    mentions = [m for m in sentence_mentions(s, names) if not _SYSTEM_AFTER.match(text, m[2])
                and not (_in_verb_slot(text, m[1]) and " " not in m[0] and not is_plural(text[m[1]:m[2]]))]
    mentions = [m for m in mentions if not _third_person_verb(text, m[1], m[2])][:MAX_MENTIONS_PER_SENTENCE]
    _read_actor(s, mentions, ev)
    _read_occasion(s, mentions, ev)
    _read_which_of_it(s, mentions, ev)
    if _read_topic_clause(s, mentions, ev):
        _read_counted_members(s, mentions, ev, names)
        _read_orders_for(s, mentions, ev)
        _read_pair_values(s, mentions, ev)
        return
    subject = mentions[0] if mentions and _quantity_before(text, mentions[0][1]) == "each" else None
    pairs = _through_modifiers(text, list(zip(mentions, mentions[1:])))
    # "Each supplier and customer is associated with a region": both subjects are read against the region
    coordinated = subject is not None and len(mentions) > 2 and _COORDINATION.match(text[subject[2]:mentions[1][1]])
    if coordinated:
        pairs.insert(2, (subject, mentions[2]))
    # "A sample belongs to one species and was collected by one collector": the second verb phrase is the
    # sentence subject's too
    # "Nurses work at two clinics and ...": a bare plural opening the sentence is its subject too
    opener = mentions[0] if mentions and (_SUBJECT_START.match(text[:mentions[0][1]]) or (
        not text[:mentions[0][1]].strip() and is_plural(text[mentions[0][1]:mentions[0][2]].split()[-1]))) else None
    for (a, a_start, a_end), (b, b_start, b_end) in pairs:
        second_verb = None  # where an active second verb of the subject starts ("... and teach classes")
        if opener is not None and a != opener[0] and b != opener[0] and not _SEPARATOR.search(text[opener[2]:b_start]) \
                and (_SECOND_VERB_PHRASE.search(text[a_end:b_start])
                     or (_AGENT_BEFORE.search(text, 0, a_start) and _PLACE_AFTER_AGENT.match(text[a_end:b_start]))):
            a, a_start, a_end = opener  # "... collected by one collector at one site": the site is the sample's
        elif opener is not None and a != opener[0] and b != opener[0] and not _SEPARATOR.search(text[opener[2]:b_start]) \
                and _second_active_verb(text[a_end:b_start]) is not None:
            # "Trainers work at two gyms and teach classes": the classes are the trainers', not the gyms'
            second_verb = a_end + _second_active_verb(text[a_end:b_start])
            a, a_start, a_end = opener
        elif _clause_subject(text, mentions, a_start, b_start) not in (None, a, b) \
                and _SECOND_VERB_PHRASE.search(text[a_end:b_start]):
            # "..., with each project belonging to one department and managed by one employee": the
            # employee manages the project, the subject of the clause
            a, a_start, a_end = next(m for m in reversed(mentions) if m[2] <= a_start
                                     and _quantity_before(text, m[1]) == "each")
        elif subject is not None and a != subject[0] and _quantity_before(text, b_start) == "a" \
                and not (coordinated and a_start == mentions[1][1]) \
                and not _SEPARATOR.search(text[subject[2]:b_start]):
            a, a_start, a_end = subject  # "each review is written by a user about a product"
        previous, ev.recent = ev.recent, []
        second = _SECOND_AGENT.match(text[a_end:b_start]) if a == b else None
        if second and opener is not None and opener[0] != a and _AGENT_BEFORE.search(text, 0, a_start):
            # "is assigned to one translator and reviewed by another translator": a second key to the same
            # table, named by what the second one does ("Reviewed By")
            ev.extra_roles.append((a, opener[0], f"{second.group(1).lower()} by".title(),
                                   Span(start=s.start + a_start, end=s.start + b_end, text=text[a_start:b_end])))
            continue
        if a == b:
            peer = _PEER_VERB.match(text[a_end:b_start])
            if peer and is_plural(text[b_start:b_end].split()[-1]) and peer.group(1).lower() not in _NOT_PEER_VERBS:
                # "each user can follow other users", "users can add other users as contacts": things
                # linked to things of their own kind
                as_noun = _AS_NOUN.match(text, b_end)
                ev.self_links.setdefault(a, (peer.group(1).lower(), as_noun.group(1) if as_noun else None,
                                             Span(start=s.start + a_start, end=s.start + b_end, text=text[a_start:b_end])))
            continue
        between = " " + text[second_verb:b_start] if second_verb is not None else text[a_end:b_start]
        if len(between) > 160:
            continue
        span = Span(start=s.start + a_start, end=s.start + b_end, text=text[a_start:b_end])
        pair = frozenset((a, b))
        if _M2M.search(text):
            if not _BETWEEN.search(text):  # "many-to-many relationship between X and Y" names its pair
                ev.m2m.setdefault(pair, span)
            continue
        if _ONE2ONE.search(text):
            ev.one2one.setdefault(pair, span)
            continue
        if _SEPARATOR.search(between):
            continue
        if _WHICH_BEFORE.search(text, max(0, a_start - 8), a_start) and _WHICH_PAIR.match(between):
            # "tracks which users are authorized to access which applications": any of each with any of
            # the other
            ev.m2m.setdefault(pair, span)
            continue
        if _WHICH_BEFORE.search(text, max(0, a_start - 8), a_start) and _WHICH_EACH.match(between) \
                and is_plural(text[a_start:a_end].split()[-1]):
            # "we track which members attend each rehearsal": several of them at each, each at several
            ev.m2m.setdefault(pair, span)
            continue
        if _EACH_BEFORE.search(text, max(0, a_start - 8), a_start) and _EACH_PAIR.match(between):
            # "the hours each worker spends on each harvest": a value per pair of them
            ev.m2m.setdefault(pair, span)
            value = _PAIR_VALUE.search(text, max(0, a_start - 60), a_start)
            if value and value.group(1).lower().split()[-1] not in FUNCTION_WORDS:
                ev.link_attributes.setdefault(pair, [value.group(1)])  # "hours" stays as written
            continue
        qa = _quantity_before(text, a_start)
        if coordinated and a_start == mentions[1][1]:
            qa = "each"  # "each pilot and mechanic": the mechanic is counted like the pilot
        qb = _quantity_before(text, b_start)
        role_word = _ONE_ROLE_WORD.search(text, max(0, b_start - 30), b_start) if qb is None else None
        if role_word and role_word.group(1).lower() not in FUNCTION_WORDS and role_word.group(1).lower() not in COMMON_VERBS:
            qb = "one"  # "at one home gym": one gym, in the role of home gym
        else:
            role_word = None
        link = _LINK_NOUN.search(text)
        if link and not any(link.group(1).lower().startswith(n.lower()) for n in names):
            ev.link_names.setdefault(pair, link.group(1))
            if a_end <= link.start() and b_start < link.start() and not _SEPARATOR.search(text[b_end:link.start()]) \
                    and not _LISTED_ONLY.match(between):
                # "users can add products to their shopping cart": the cart holds many of each
                ev.m2m.setdefault(pair, span)
                count = _PAIR_COUNT.search(text, link.end())
                if count:
                    ev.link_attributes.setdefault(pair, [_count_column(count)])
                continue
        if _COMPOUND.match(between) and _classified_modifier(text, a_start, a_end, between, b, b_end):
            # "user roles", "room types": each of the first has one of the kinds
            _add(ev, b, a, Evidence(True, False, span))
            continue
        if _COMPOUND.match(between) and _owner_modifier(text, a_start, a_end, between, b, b_end):
            # "customer orders", "the page's versions": a noun that modifies another names its owner
            if loose(b).split()[-1] in ORGANIZATION_NOUNS | _PEOPLE and loose(a).split()[-1] not in ORGANIZATION_NOUNS \
                    and (loose(a).split()[-1] in _PEOPLE or re.match(r"['’]s\s+$", between)) \
                    and not is_plural(text[b_start:b_end].split()[-1]):
                # "the employee's department", "the patient's doctor", "the product's warehouse": the one
                # organization or person each of them has, not things of their own
                _add(ev, b, a, Evidence(True, False, span))
            else:
                _add(ev, a, b, Evidence(True, False, span))
            continue
        if _OBJECT_RELATIVE_GAP.match(between) and _SHARING_AFTER.match(text, b_end):
            # "the exams students take", "the projects each customer participates in": the object
            # before its subject and a sharing verb
            ev.m2m.setdefault(pair, span)
            continue
        if _LISTED_ONLY.match(between):
            if _BARE_COORDINATE.match(between):
                # "each user is assigned a specific role and category": the second noun is one of the
                # user's too (only the one side: "multiple curators and exhibits" may be shared things)
                for one, many, e in previous:
                    if one == a and e.role is None and many != b:
                        _add(ev, b, many, e)
            continue
        if _HEAD_THEN_VERB.match(between) and _HEAD_THEN_VERB.match(between).group(1).lower() not in FUNCTION_WORDS \
                and _HEAD_THEN_VERB.match(between).group(1).lower() not in COMMON_VERBS:
            continue  # "each log operation must be associated with an operator": the operation is, not the log
        if _CONTAINED_IN.match(between):
            _add(ev, b, a, Evidence(True, False, span))  # "equipment of multiple farms": a farm has equipment
        elif _RECORD_COVERS_MANY.match(between) and is_record_or_transaction(a) and not is_record_or_transaction(b):
            # "bookings for one or more rooms", "an appointment with several doctors": each record covers
            # many of them, and each of them is in many records over time
            ev.m2m.setdefault(pair, span)
        elif is_record_or_transaction(a) and not is_record_or_transaction(b) and (
                (_RECORD_FOR.match(between) and is_plural(text[a_start:a_end].split()[-1]) and qb is None)
                or (_RECORD_FOR_ONE.match(between) and not is_plural(text[a_start:a_end].split()[-1]))):
            # "users write reviews for products", "bookings of rooms", "leave a review for an item": each
            # record is of one of them (assumed)
            _add(ev, b, a, Evidence(True, False, span))
        elif _PREPOSITION_ONLY.match(between):
            continue
        elif _CREATES.match(between) and qb != "many" and _ends_noun_phrase(text, b_end):
            # "users can publish notifications", "each member writes a review": what one makes is its own
            _add(ev, a, b, Evidence(True, False, span))
        elif _modifies_next_noun(text, b_end) and (qb == "many" or _BELONGS.search(between)):
            continue  # "belong to categories for easy user access": the user only names the access
        elif _BELONGS.search(between) and not _NEGATED.search(between) and qb == "many":
            # "a document is written by multiple authors", "a product can be assigned to several
            # salespeople": linked to many of them, each of which has many too
            ev.m2m.setdefault(pair, span)
        elif _BELONGS.search(between) and not _NEGATED.search(between):
            # "Y belongs to an X": one X has many Y.
            _add(ev, b, a, Evidence(True, True, span, only_one=qb == "one"))
        elif qb == "many" and _INCLUDING_ONLY.match(between) and _OWN_BEFORE.search(text, 0, a_start):
            continue  # "manage its sales data, including multiple stores": the data spans them, holds none
        elif qb == "many" and _AMONG_MANY.search(between):
            continue  # "permission controls among different users": spread over them, none of them held
        elif qb == "many" and _COORDINATED_VERB.match(between):
            continue  # "provides customer service and has multiple customers": the company has them
        elif qb == "many" and _AND_THEN_VERB.match(between) and _PASSIVE_AGENT_BEFORE.search(text, 0, a_start):
            continue
        elif qb == "many":
            # A bare plural ("each user ... the grades obtained by students") counts nothing: only a
            # word of number says one X has many Y.
            definite = _THE_BEFORE.search(text, 0, a_start) is not None and not is_plural(text[a_start:a_end].split()[-1])
            _add(ev, a, b, Evidence(True, True, span, definite_one=definite))
            verbs = {w.lower() for w in re.findall(r"[A-Za-z]+", between)}
            verbs |= {_verb_stem(w) for w in verbs}
            plural_a = is_plural(text[a_start:a_end].split()[-1])
            if (qa in ("each", "a", "one") or (qa is None and plural_a)) and verbs & SHARING_VERBS \
                    and not _given_to(text, b_end, mentions):
                ev.m2m.setdefault(pair, span)  # "each student can take several courses": shared things
            elif (qa in ("each", "a", "one") or (qa is None and plural_a)) and _ACTS_AT_MANY.match(between) \
                    and _ACTS_AT_MANY.match(between).group(1).lower() not in _NOT_ACTING_AT:
                # "nurses work at one or more clinics", "a band plays in several venues": taking part at
                # places or things, each of which has others taking part too (not one X's own Ys)
                ev.m2m.setdefault(pair, span)
            elif (qa in ("each", "a", "one") or (qa is None and plural_a)) and _ACTS_FOR_MANY.match(between) \
                    and _ACTS_FOR_MANY.match(between).group(1).lower() not in _NOT_ACTING_AT:
                # "an agent handles insurance business for multiple customers": the work is for them, and
                # each of them has it done by others too; the agent does not hold them
                ev.m2m.setdefault(pair, span)
            elif shares_participants(a, b) or _shared_by_clause(text, (a, a_end), (b, b_end)):
                ev.m2m.setdefault(pair, span)  # "each exhibition has multiple curators": curators work on many
            elif qa in ("each", "every", "a", "one") and _NEEDS_COUNT.match(between) \
                    and loose(a).split()[-1] not in _PEOPLE and loose(a).split()[-1] not in ORGANIZATION_NOUNS:
                # "each shift needs at least two nurses", "every launch requires three engineers": a count
                # needed for each occurrence is drawn from a pool, each of whom serves on many of them
                ev.m2m.setdefault(pair, span)
            if pair in ev.m2m:
                _read_link_value_after(text, b_end, names, pair, ev)
                role = _AS_MANY_ROLE.match(text, b_end) if qb == "many" else None
                if role and not is_plural(a.split()[-1]) and not any(
                        loose(n) == loose(singular(role.group(1))) for n in names):
                    # "each trip needs at least two teachers as chaperones": the link is the trip's chaperones
                    ev.link_names.setdefault(pair, f"{a} {singular(role.group(1)).title()}")
            event = _event_noun_after(text, between, b_end, mentions, (a, b)) if qb == "many" else None
            if qb == "many" and event is None and following is not None and not text[b_end:].strip(" ;,"):
                # "A member can borrow many books; each loan records the dates."
                nxt = following.text
                event = _event_noun_after("; " + nxt, between, 0, [(n, st + 2, en + 2) for n, st, en in
                                                                 sentence_mentions(following, names)[:1]], (a, b))
            if event:
                ev.m2m.setdefault(pair, span)  # "analysts can analyze multiple stocks, with each analysis ..."
                ev.link_names.setdefault(pair, event)
            count = _PAIR_COUNT.search(text, b_end) if qb == "many" else None
            if count and (_names_counted(text[b_end:], b, text[b_start:b_end]) or _WITH_COUNT.match(text, b_end)) \
                    and a.lower() not in b.lower():
                ev.m2m.setdefault(pair, span)
                ev.link_attributes.setdefault(pair, [_count_column(count)])
        elif qb is None and is_plural(text[b_start:b_end].split()[-1]) and _shares_bare(text, a_start, a_end, qa, between) \
                and not _given_to(text, b_end, mentions):
            # "students can select courses", "each member borrows books": a sharing verb between two
            # kinds of things, the object a bare plural, relates them many-to-many
            verb = _joining_phrasal(_BARE_SHARING.match(between).group(1).lower())
            if is_record_or_transaction(b) and not is_record_or_transaction(a) and verb not in JOINING_VERBS \
                    and not (verb in BOOKING_VERBS and loose(b).split()[-1] in HELD_FOR_MANY_NOUNS):
                # "Patients book appointments": each appointment booked is one patient's own record
                # (not "students register for trips": a trip is held for many)
                _add(ev, a, b, Evidence(True, False, span))
                continue
            ev.m2m.setdefault(pair, span)
            _read_link_value_after(text, b_end, names, pair, ev)
            event = _event_noun_after(text, between, b_end, mentions, (a, b))
            if event:
                ev.link_names.setdefault(pair, event)  # "Members borrow books, and each loan has a due date"
        elif qa == "a" and qb == "a" and _shares_one(between):
            # "when a student enrolls in a course": any one of them joins any one of the others, so
            # each has many of the other
            ev.m2m.setdefault(pair, span)
            record = _record_made_after(text, b_end, mentions)
            if record:
                ev.link_names.setdefault(pair, record)  # "..., a rental record is generated": the link's own table
        elif (qb == "each" or _KEPT_FOR_EACH.match(between)) and ((_KEPT_FOR_EACH.match(between) and _kept_per_thing(a, b)) or (
                _FOR_EACH.match(between) and (is_record_or_transaction(a) or _assessment(a)))):
            # "supports performance evaluation for each department": every department has its own, many
            # over time, so each evaluation is of one department ("the type of each model" is the reverse);
            # "department information for each store", "maintenance details for the tools": the departments
            # are the store's.
            _add(ev, b, a, Evidence(True, False, span))
        elif qb == "one" and _ends_noun_phrase(text, b_end):  # "one route setter" is not one route
            role = _ROLE_AFTER.match(text, b_end)
            role_name = role.group(1).title() if role else f"{role_word.group(1).title()} {b}" if role_word else None
            _add(ev, b, a, Evidence(True, True, span, role=role_name, only_one=True))
        elif qa == "each" and qb == "a" and _kept_of(b) and not _kept_of(a):
            # "each reservation corresponds to a payment record": a record is kept of the thing, so the
            # record holds the thing's key (a record is not shared by many things)
            _add(ev, a, b, Evidence(True, False, span))
        elif qa == "each" and qb == "a" and (_ends_noun_phrase(text, b_end) or _KEY_WORD_AFTER.match(text, b_end)) \
                and not _OTHER_LIST_ITEM.match(between):
            # "each flight is operated by a captain": many X share one Y (assumed). Not when the name only
            # modifies the next noun ("the vehicle inspection date"; its key, "the user number", still names
            # it), nor when Y is another item of a list
            # ("the name of each program, as well as the information of the hosts").
            _add(ev, b, a, Evidence(True, False, span))
        elif qa is None and qb == "a" and is_plural(text[a_start:a_end].split()[-1]) \
                and not _THE_BEFORE.search(text, 0, a_start) and _ONE_VERB.match(between):
            # "Members choose a plan": a bare plural subject counts like "each member chooses a plan"
            _add(ev, b, a, Evidence(True, False, span))
        elif qb == "a" and _PARTICIPANT_PREPOSITION.match(between) and (qa == "many" or is_plural(text[a_start:a_end].split()[-1])):
            # "books appointments with a doctor", "writes prescriptions for a patient": each of the
            # things has one Y taking part (assumed), so the things hold Y's key
            _add(ev, b, a, Evidence(True, False, span))

    _read_counted_members(s, mentions, ev, names)
    _read_orders_for(s, mentions, ev)
    _read_pair_values(s, mentions, ev)

# An active verb with a preposition before the counted object ("work at one or more", "volunteers for
# several"): the subject takes part at the objects, it does not own them.
# "needs at least two", "requires three", "must have two or more": a count of others each occurrence requires
_COUNT_WORDS = r"(?:two|three|four|five|six|seven|eight|nine|ten|twelve|[2-9]|[1-9]\d+)"
_NEEDS_COUNT = re.compile(r"^\s+(?:(?:will|must|should|always|usually|typically)\s+)*(?:needs?|requires?|need|require)\s+"
                          r"(?:at\s+least\s+" + _COUNT_WORDS + r"|" + _COUNT_WORDS + r"\s+or\s+more|" + _COUNT_WORDS + r")\s+$",
                          re.IGNORECASE)
_ACTS_AT_MANY = re.compile(r"^\s+(?:(?:can|may|will|must|should|could|often|usually|also)\s+)*([a-z]+)\s+(?:at|in|for|on|with)\s+"
                           r"(?:(?:one\s+or\s+more|multiple|several|many|various|different|numerous)\s+)?$", re.IGNORECASE)
# "handles insurance business for multiple customers", "prepares meals for several guests": a verb, what it
# makes or does (one to three words), and the many it is done for
_ACTS_FOR_MANY = re.compile(r"^\s+(?:(?:can|may|will|must|should|could|often|usually|also)\s+)*([a-z]+)\s+"
                            r"(?:(?:the|their|its)\s+)?(?!(?:for|to|of|in|on|at|with|by)\b)[a-z]+(?:\s+(?!for\b)[a-z]+){0,2}\s+for\s+"
                            r"(?:(?:one\s+or\s+more|multiple|several|many|various|different|numerous)\s+)?$", re.IGNORECASE)
# Verbs that with a preposition still say what one holds or is made of ("consists of", "results in").
_NOT_ACTING_AT = frozenset({"is", "are", "be", "was", "were", "has", "have", "consists", "consist", "results", "result",
                            "comes", "come", "deals", "deal", "specializes", "specialize", "specialises", "specialise"})


_BARE_SHARING = re.compile(r"^\s+(?:(?:can|may|will|must|should|could|often|usually|to)\s+)?(?:also\s+)?([a-z]+(?:\s+up(?=\s+for\b))?)"
                           r"(?:\s+(?:in|on|to|for|from|at|with))?(?:\s+(?:the|other|their|various|different))?\s+$", re.IGNORECASE)


# "... and receive a final grade": a second verb of the subject and one plain value
_VALUE_AFTER_LINK = re.compile(r"\s*,?\s+and\s+(?:then\s+)?([a-z]+)\s+(?:a|an|one)\s+([a-z]+(?:\s+[a-z]+)?)\s*(?:[.;]|$)",
                               re.IGNORECASE)


def _read_link_value_after(text: str, b_end: int, names: list[str], pair: frozenset, ev: PairEvidence) -> None:
    """"Students enrol in courses and receive a final grade": what the subject gets or gives along with
    joining the other is one per pair, so the link holds it."""
    m = _VALUE_AFTER_LINK.match(text, b_end)
    if m is None or m.group(1).lower() in FUNCTION_WORDS or m.group(1).lower().endswith(("ed", "ly")):
        return
    value = m.group(2)
    if any(loose(n) == loose(value) or loose(value).endswith(" " + loose(n)) for n in names):
        return  # "... and choose a tutor": a thing of its own, read as such
    ev.link_attributes.setdefault(pair, [value])


def _shares_bare(text: str, a_start: int, a_end: int, qa: str | None, between: str) -> bool:
    """A counted or plural subject, then only a sharing verb before the object."""
    m = _BARE_SHARING.match(between)
    if not m or not (qa == "each" or (qa is None and is_plural(text[a_start:a_end].split()[-1]))):
        return False
    verb = _joining_phrasal(m.group(1).lower())
    return verb in SHARING_VERBS or _verb_stem(verb) in SHARING_VERBS


def _joining_phrasal(verb: str) -> str:
    """"sign up for" is "register for": the phrasal verb of joining something, read as its one-word kin."""
    return {"sign up": "register", "signs up": "registers"}.get(" ".join(verb.split()), verb)


_RECORD_OPENER = re.compile(r"^\s*,\s*(?:then\s+)?(?:a|an|the|one)\s+$", re.IGNORECASE)


def _record_made_after(text: str, b_end: int, mentions) -> str | None:
    """"When a guest books a room, a booking record is created": a record named right after the pair."""
    for name, start, _ in mentions:
        if start >= b_end:
            return name if _RECORD_OPENER.match(text[b_end:start]) and is_record_or_transaction(name) else None
    return None


def _shares_one(between: str) -> bool:
    """Only a sharing verb between two singular generic mentions ("a member borrows a book"); not
    "uses", which as often names the one thing a row is of ("a vehicle uses a fuel type")."""
    m = _BARE_SHARING.match(re.sub(r"\s(?:a|an)\s+$", " ", between, flags=re.IGNORECASE))
    if not m:
        return False
    verb = m.group(1).lower()
    return (verb in SHARING_VERBS or _verb_stem(verb) in SHARING_VERBS) and verb not in ("use", "uses", "used", "using")


# Telegraphic clauses that name a thing and then what it links ("reviews where users rate products",
# "wishlists with products"): no verb of their own to count either side.
_TOPIC_WHERE = re.compile(r"\s*(?:[a-z]+\s)?[a-z]+s\s+(?:where|in\s+which)\s", re.IGNORECASE)
_TOPIC_WITH = re.compile(r"\s*(?:[a-z]+\s)?[a-z]+s\s+with\s+(?:multiple\s+|many\s+|several\s+)?(?:[a-z]+\s)?[a-z]+s\s*[;.]?\s*$",
                         re.IGNORECASE)


_COLLECTION_HEADS = frozenset({"list", "wishlist", "cart", "basket", "bag", "queue", "favorite", "favourite", "collection",
                               "library", "playlist", "portfolio", "watchlist", "bundle", "set", "album", "shortlist"})


def _read_topic_clause(s: Sentence, mentions, ev: PairEvidence) -> bool:
    """"reviews where users rate and review products": each review is by one user about one product;
    "wishlists with products": a collection holds many products and a product sits in many of them;
    "buildings with flats": anything else has the others as its own."""
    if len(mentions) < 2 or mentions[0][1] != len(s.text) - len(s.text.lstrip()):
        return False
    topic, t_start, t_end = mentions[0]
    if not is_plural(s.text[t_start:t_end].split()[-1]):
        return False
    span = Span(start=s.start, end=s.end, text=s.text)
    if _TOPIC_WHERE.match(s.text):
        for name in dict.fromkeys(n for n, _, _ in mentions[1:] if n != topic):
            _add(ev, name, topic, Evidence(True, True, span))
        return True
    if _TOPIC_WITH.match(s.text) and len(mentions) == 2 and mentions[1][0] != topic:
        if loose(topic).split()[-1] in _COLLECTION_HEADS:
            ev.m2m.setdefault(frozenset((topic, mentions[1][0])), span)  # a product sits in many wishlists
        else:
            _add(ev, topic, mentions[1][0], Evidence(True, True, span))  # "buildings with flats": its own
        return True
    return False


# "After each service, the customer can provide feedback": the occasion a clause's act happens at
_OCCASION = re.compile(r"^\s*(?:after|following|upon|at\s+the\s+end\s+of|on\s+completion\s+of)\s+(?:each|every)\s+$",
                       re.IGNORECASE)
_CLAUSE_SUBJECT = re.compile(r"^\s*,\s*(?:the|a|an|each|every|its|their)?\s*$", re.IGNORECASE)
_CLAUSE_VERB = re.compile(r"^\s+(?:(?:can|may|must|will|shall|should|could|would)\s+)?(?:also\s+)?[a-z]+\s+"
                          r"(?:(?:a|an|the|their|its|his|her|some)\s+)?$", re.IGNORECASE)


def _read_occasion(s: Sentence, mentions, ev: PairEvidence) -> None:
    """"After each service, the customer can provide feedback", "Following every inspection, the inspector
    files a report": what the clause's subject makes on each such occasion is of that occasion and of the
    subject (assumed)."""
    text = s.text
    if len(mentions) < 3 or not _OCCASION.match(text[:mentions[0][1]]):
        return
    (occasion, o_start, _), (subject, _, sub_end), (made, m_start, m_end) = mentions[:3]
    if not _CLAUSE_SUBJECT.match(text[mentions[0][2]:mentions[1][1]]) or not _CLAUSE_VERB.match(text[sub_end:m_start]):
        return
    if occasion in (subject, made) or subject == made:
        return
    span = Span(start=s.start + o_start, end=s.start + m_end, text=text[o_start:m_end])
    _add(ev, occasion, made, Evidence(True, False, span))
    if not _has_evidence(ev, subject, made):
        _add(ev, subject, made, Evidence(True, False, span))  # and the customer's own feedback


# "it is necessary to record which teacher is teaching it", "note which clerk handled it": one X per record
_WHICH_OF_IT = re.compile(r"\bwhich\s+(?:one\s+of\s+the\s+)?$", re.IGNORECASE)
# "... which clerk handled it", and "which warehouse it is stored in", "which category it belongs to"
_VERB_OF_IT = re.compile(r"\s+(?:(?:(?:is|was|has|had|will)\s+(?:been\s+|be\s+)?)?[a-z]+(?:s|ed|ing)\s+(?:it|them)\b"
                         r"|it\s+(?:(?:is|was)\s+)?[a-z]+(?:s|ed)\s+(?:to|in|at|on|under|with)\b)", re.IGNORECASE)


def _read_which_of_it(s: Sentence, mentions, ev: PairEvidence) -> None:
    """"Each course has an ID and a name, and it is necessary to record which teacher is teaching it":
    the embedded question names the one X each thing of the sentence has, so the thing holds X's key."""
    if not mentions:
        return
    text = s.text
    subject = mentions[0][0]
    for name, start, end in mentions[1:]:
        if name == subject or not _WHICH_OF_IT.search(text[max(0, start - 24):start]):
            continue
        if not _VERB_OF_IT.match(text, end):
            continue
        span = Span(start=s.start + start, end=s.start + end, text=text[start:end])
        ev.one_each.setdefault(frozenset((name, subject)), (name, subject, span))


def _read_actor(s: Sentence, mentions, ev: PairEvidence) -> None:
    """"Customers can rent cars, and each rental records the fee": the one kind of person a sentence
    names with a record or transaction is whom the record is of (used only when nothing else links it)."""
    people = {n for n, _, _ in mentions if loose(n).split()[-1] in _PEOPLE}
    if len(people) != 1:
        return
    person = next(iter(people))
    for name, start, end in mentions:
        if name != person and is_record_or_transaction(name):
            ev.actors.setdefault(name, {}).setdefault(person, Span(start=s.start + start, end=s.start + end,
                                                                    text=s.text[start:end]))


def is_record_or_transaction(name: str) -> bool:
    """"Rental", "Consumption Record", "Repayment", "Notification": something a person does or is kept
    of them. (Any "-tion/-ance" word was tried too: "Maintenance", "Meeting" are not one person's.)"""
    head = loose(name).split()[-1] if loose(name) else ""
    return head in _RECORD_HEADS or head in TRANSACTION_NOUNS


def _kept_of(name: str) -> bool:
    """"Payment Record", "Audit Log", "Order History": a record kept of something."""
    return bool(loose(name)) and loose(name).split()[-1] in _RECORD_HEADS


def _kept_per_thing(kept: str, thing: str) -> bool:
    """Whether "<kept> information for each <thing>" makes the kept things the thing's own: not for
    participants ("referee information for each event": a referee serves many events) nor classifiers
    ("the category information of the product": the product has one category)."""
    words = loose(kept).split()
    return bool(words) and words[-1] not in _CLASSIFIER_HEADS and not shares_participants(thing, kept)


def _assessment(name: str) -> bool:
    """"Performance Evaluation", "Safety Inspection": something done to a thing again and again."""
    return bool(loose(name)) and loose(name).split()[-1] in ASSESSMENT_NOUNS


def shares_participants(owner: str, member: str) -> bool:
    """People who take part in an activity take part in others too; an organization's people are its own."""
    o, m = owner.lower().split()[-1], member.lower().split()[-1]
    return m in PARTICIPANT_NOUNS and o not in ORGANIZATION_NOUNS and o not in PERSON_NOUNS \
        and o not in ROLE_NOUNS and o not in PARTICIPANT_NOUNS


def _event_noun_after(text: str, between: str, b_end: int, mentions, pair: tuple[str, str]) -> str | None:
    """"Analysts can analyze multiple stocks, with each analysis recording ...": the entity named right
    after the pair, by the noun of the pair's verb (or a record word), is the relationship itself."""
    verbs = [w.lower() for w in re.findall(r"[A-Za-z]{4,}", between)]
    for name, start, _ in mentions:
        if start < b_end or name in pair:
            continue
        if not _EACH_AFTER.match(text[b_end:start]):
            return None
        head = name.split()[-1].lower()
        if head in _RECORD_HEADS or SHARING_VERBS.intersection(verbs) \
                or any(names_event_of(head, v) for v in re.findall(r"[a-z]{3,}", between.lower())):
            return name
        return None
    return None


def _count_column(count: re.Match) -> str:
    """"quantities" -> "quantity", "purchase quantity" kept: one row of the link holds one count."""
    words = count.group(1).split()
    return " ".join(words[:-1] + [singular(words[-1])])


def _names_counted(rest: str, name: str, form: str) -> bool:
    """The rest of the sentence counts the member itself ("the quantity of each book", "the purchase
    quantity for each book", "quantities of the selected products")."""
    low = rest.lower()
    return name.lower() in low or form.lower() in low


def _participle(verb: str) -> str:
    """"follow" -> "followed", "add" -> "added", "reply" -> "replied": the role of the other side."""
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def _verb_stem(word: str) -> str:
    """"borrowing" -> "borrow", "selected" -> "select" (enough to look a verb up in a word list)."""
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return word


def _ends_noun_phrase(text: str, end: int) -> bool:
    """False when the next word continues the noun ("exam" in "exam scores"); "page version
    management" still ends with the version."""
    after = _NEXT_WORD.match(text, end)
    return not (after and after.group(1).lower() not in FUNCTION_WORDS and after.group(1).lower() not in COMMON_VERBS
                and after.group(1).lower() not in ENTITY_SUFFIX_NOISE)


def _modifies_next_noun(text: str, end: int) -> bool:
    """"for easy user access", "multiple customer orders": the word ending at ``end`` only modifies the
    noun after it (no verb form follows: "employees working there", "users log in")."""
    after = _NEXT_WORD.match(text, end)
    if after is None or _ends_noun_phrase(text, end):
        return False
    word = after.group(1).lower()
    return not word.endswith(("ed", "ing")) and word not in NOT_SVO_VERBS


def _owner_modifier(text: str, a_start: int, a_end: int, between: str, b: str, b_end: int) -> bool:
    """"manage customer orders", "the user's requests": the first noun owns the second. Not "exams
    students" (a modifier is singular), "students' exam scores" or "a user card exchange" (the second
    only modifies a later noun), "restaurants purchase ingredients" (after a noun the first is a verb),
    "maintenance personnel" (people are not owned by a thing), "employee position" (a classification)."""
    if not between.strip() and is_plural(text[a_start:a_end].split()[-1]):
        return False
    if not _ends_noun_phrase(text, b_end):
        return False
    before = _PREVIOUS_WORD.search(text, 0, a_start)
    if before and before.group(1).lower() not in FUNCTION_WORDS and before.group(1).lower() not in COMMON_VERBS:
        return False
    head = b.lower().split()[-1]
    return head not in PERSON_NOUNS and head not in ROLE_NOUNS and head not in _CLASSIFIER_HEADS


def _clause_subject(text: str, mentions, a_start: int, b_start: int) -> str | None:
    """The nearest "each X" before ``a_start`` whose clause runs on to ``b_start``."""
    for name, start, end in reversed(mentions):
        if end <= a_start and _quantity_before(text, start) == "each":
            return None if _SEPARATOR.search(text[end:b_start]) else name
    return None


def _through_modifiers(text: str, pairs: list) -> list:
    """"Customers can make flight reservations": the flight only modifies the reservations, so the
    customer's verb reaches the reservations (read from where the compound starts); the flight and
    its reservations stay a pair of their own."""
    out = []
    for i, (a, b) in enumerate(pairs):
        nxt = pairs[i + 1][1] if i + 1 < len(pairs) else None
        if nxt is not None and a[0] != nxt[0] and _COMPOUND.match(text[b[2]:nxt[1]]) \
                and _owner_modifier(text, b[1], b[2], text[b[2]:nxt[1]], nxt[0], nxt[2]):
            out.append((a, (nxt[0], b[1], nxt[2])))
        else:
            out.append((a, b))
    return out


def _classified_modifier(text: str, a_start: int, a_end: int, between: str, b: str, b_end: int) -> bool:
    """"managing user roles", "the room types": a noun before a kind of things ("Role", "Room Type")
    names what is classified by it."""
    if b.lower().split()[-1] not in _CLASSIFIER_HEADS - {"grade"} or between.strip(" "):  # "student grades" are scores
        return False
    if is_plural(text[a_start:a_end].split()[-1]) or not _ends_noun_phrase(text, b_end):
        return False
    before = _PREVIOUS_WORD.search(text, 0, a_start)
    return not (before and before.group(1).lower() not in FUNCTION_WORDS and before.group(1).lower() not in COMMON_VERBS)


_DONE_BY_ONE = re.compile(r"\b([a-z]{3,}ed)\s+by\s+(?:only\s+|exactly\s+)?one\b", re.IGNORECASE)


def _agent_role(text: str) -> str | None:
    """"managed by one employee" -> "Manager", "supervised by one nurse" -> "Supervisor", "created by one
    user" -> "Creator": who does the act, named by the verb (None when no "<verb>ed by one" is said)."""
    done = list(_DONE_BY_ONE.finditer(text))
    if not done:
        return None
    base = done[-1].group(1).lower()[:-2]
    if base.endswith(("at", "it", "is")):
        return (base + "or").title()  # creator, editor, supervisor
    return (base[:-1] + "er" if base.endswith("e") else base + "er").title()  # manager, owner, approver


def _add(ev: PairEvidence, one: str, many: str, e: Evidence) -> None:
    ev.by_direction.setdefault((one, many), []).append(e)
    ev.recent.append((one, many, e))


def _combine(ev: PairEvidence) -> list[Relationship]:
    out: list[Relationship] = []
    done: set[frozenset] = set()
    for name, (verb, as_noun, span) in ev.self_links.items():
        stem = _verb_stem(verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb)
        out.append(Relationship(left=name, right=name, left_card=Cardinality.MANY, right_card=Cardinality.MANY, span=span,
                                name=singular(as_noun).title() if as_noun else f"{name} {stem.title()}",
                                role=_participle(stem).title()))
    for pair, (one, many, span) in ev.one_each.items():
        # "record which teacher is teaching it": one teacher each, whatever else the pair's verb says
        out.append(Relationship(left=one, right=many, span=span, stated=True))
        done.add(pair)
    for pair, span in ev.m2m.items():
        if pair in done:
            continue
        a, b = sorted(pair, key=lambda n: (n != ev.holders.get(pair), span.text.lower().find(n.lower())))
        attrs = [Attribute(name=attribute_name(x), span=span) for x in ev.link_attributes.get(pair, [])]
        link = ev.link_names.get(pair)
        out.append(Relationship(left=a, right=b, left_card=Cardinality.MANY, right_card=Cardinality.MANY, span=span,
                                attributes=attrs, name=link.title() if link and link.islower() else link))
        done.add(pair)
        for one, many in ((a, b), (b, a)):
            counted = next((e for e in ev.by_direction.get((one, many), []) if e.stated and e.only_one
                            and e.span.start != span.start), None)
            role = counted.role or _agent_role(counted.span.text) if counted is not None else None
            if role is not None:
                # "each employee can join several projects" and "each project is managed by one employee":
                # the sharing and the one in charge are two links, a junction and a key named by the role
                out.append(Relationship(left=one, right=many, span=counted.span, role=role))
    linked = {n for r in out for n in (r.left, r.right)} | {n for pair in ev.by_direction for n in pair} \
        | {n for pair in ev.one2one for n in pair} | {n for pair in ev.related for n in pair}
    for record, people in ev.actors.items():
        if len(people) == 1 and record not in linked:
            person, span = next(iter(people.items()))
            out.append(Relationship(left=person, right=record, span=span, stated=False, fallback=True))
    for pair, span in ev.one2one.items():
        if pair in done:
            continue
        a, b = sorted(pair)
        out.append(Relationship(left=a, right=b, left_card=Cardinality.ONE, right_card=Cardinality.ONE, span=span))
        done.add(pair)
    for pair, span in ev.related.items():
        one_way = [ev.by_direction.get((x, y), []) for x, y in (tuple(pair), tuple(pair)[::-1])]
        if pair in done or any(e.stated for evs in one_way for e in evs):
            continue  # a stated "each X has many Y" says which way the relationship goes
        a, b = sorted(pair, key=lambda n: span.text.lower().find(n.lower()))
        done.add(pair)
        org = next((x for x in (a, b) if x.lower().split()[-1] in ORGANIZATION_NOUNS), None)
        person = next((x for x in (a, b) if x != org and x.lower().split()[-1] in _PEOPLE), None)
        if org and person:
            # "the relationship between students and classes": a person is in one class
            out.append(Relationship(left=org, right=person, span=span, stated=False))
            continue
        out.append(Relationship(left=a, right=b, left_card=Cardinality.MANY, right_card=Cardinality.MANY, span=span))
    for (one, many), evs in ev.by_direction.items():
        pair = frozenset((one, many))
        if pair in done:
            continue
        back = ev.by_direction.get((many, one), [])
        fwd_stated = any(e.stated for e in evs)
        back_stated = any(e.stated for e in back)
        done.add(pair)
        roles = [e for e in evs + back if e.role]
        if back and fwd_stated and back_stated and roles:
            # "each employee belongs to one department" and "each department has one employee as the
            # supervisor": two relationships, membership and a role, not many-to-many
            role_dir = (one, many) if roles[0] in evs else (many, one)
            plain = back if role_dir == (one, many) else evs
            out.append(Relationship(left=role_dir[0], right=role_dir[1], span=roles[0].span, role=roles[0].role))
            out.append(Relationship(left=role_dir[1], right=role_dir[0], span=plain[0].span))
        elif back and fwd_stated and back_stated and all(e.only_one for e in evs + back):
            # "a boat is assigned to at most one berth, and a berth holds only one boat": one each way
            out.append(Relationship(left=one, right=many, left_card=Cardinality.ONE, right_card=Cardinality.ONE,
                                    span=evs[0].span))
        elif back and fwd_stated and back_stated:
            link = ev.link_names.get(pair)
            out.append(Relationship(left=one, right=many, left_card=Cardinality.MANY, right_card=Cardinality.MANY,
                                    span=evs[0].span, name=link.title() if link else None))
        elif back and back_stated and not fwd_stated:
            out.append(Relationship(left=many, right=one, span=back[0].span, stated=True))
        else:
            out.append(Relationship(left=one, right=many, span=evs[0].span, stated=fwd_stated,
                                    definite_one=all(e.definite_one for e in evs),
                                    role=next((e.role for e in evs if e.role), None)))
    for one, many, role, span in ev.extra_roles:
        out.append(Relationship(left=one, right=many, span=span, role=role))
    return out
