"""Requirement-like texts generated from the design engine's own vocabulary, for crash hunting.

The words come from ``design.lexicon`` (people, records, documents, verbs of owning and making, state
adjectives, list triggers, cardinality phrases ...) so generated sentences reach the readers those words
switch on; the templates follow the shapes the engine reads ("Each X has a, b and c.", "X information
includes ...", passives with "each having their own", headings with bullet lists, "identified by",
through-records, possessive lists), mixed with word salad. The texts are not meant to make sense.
"""

from __future__ import annotations

import random

from schema_architect.design import lexicon as lx


def _words(*groups) -> list[str]:
    out: set[str] = set()
    for group in groups:
        items = list(group) + list(group.values()) if isinstance(group, dict) else list(group)
        out.update(w for w in items if isinstance(w, str) and w.isascii() and len(w) > 1)
    return sorted(out)


NOUNS = _words(lx.PERSON_NOUNS, lx.TRANSACTION_NOUNS, lx.COLLECTION_NOUNS, lx.COLLECTIVE_PEOPLE, lx.ASSESSMENT_NOUNS,
               lx.PARTICIPANT_NOUNS, lx.ORGANIZATION_NOUNS, lx.GOODS_WORDS, lx.CHARGE_NOUNS, lx.LINE_ITEM_OWNERS,
               lx.COUNTED_DOCUMENTS, lx.ABSTRACT_NOUNS, lx.ROLE_NOUNS, lx.ENTITY_LIKE_ATTRIBUTES, lx.ENTERPRISE_WORDS,
               lx.SOFTWARE_KINDS, lx.GENERIC_OWNERS,
               ["item", "entry", "detail", "line", "record", "information", "book", "car", "field", "crop", "season",
                "room", "flight", "plane", "course", "student"])
ATTRIBUTES = _words(lx.UNIQUE_BY_NATURE, lx.TEXT_IS_IDENTIFIER_WORDS, lx.TYPE_BY_LAST_WORD, lx.LINK_VALUE_HEADS,
                    lx.COMPOSITE_ATTRIBUTE_HEADS, lx.IDENTIFIER_WORDS, ["name", "date", "price", "status", "note"])
VERBS = _words(lx.OWNING_VERBS, lx.MAKING_VERBS, lx.CHARGE_VERBS, lx.SHARING_VERBS, lx.DATA_VERBS, lx.OPERATION_VERBS,
               lx.EVENT_NOUN_OF_VERB, lx.NON_LINKING_VERBS, lx.COMMON_VERBS, lx.NOT_SVO_VERBS, ["has", "see", "borrow"])
ADJECTIVES = _words(lx.STATE_ADJECTIVES, lx.STATE_PARTICIPLES, ["new", "main", "home", "away", "first"])
PHRASES = _words(lx.MANY_WORDS, lx.ONE_WORDS, lx.BELONGS_PHRASES, lx.LIST_TRIGGERS, lx.ENTITY_PREFIX_NOISE)
PUNCTUATION = [",", ".", ":", ";", "(", ")", "-", "/", "'s", "\n", "\n- ", "1.", "e.g."]
FUNCTION_WORDS = ["each", "every", "a", "the", "of", "in", "for", "through", "via", "by", "with", "and", "or", "who",
                  "which", "whether", "when", "is", "are", "can", "many", "several", "one", "their", "its",
                  "identified by"]


def noun_phrase(r: random.Random) -> str:
    phrase = " ".join(r.choice(NOUNS) for _ in range(r.choice([1, 1, 1, 2, 3])))
    if r.random() < 0.2:
        phrase = f"{r.choice(ADJECTIVES)} {phrase}"
    return phrase + "s" if r.random() < 0.3 else phrase


def detail_list(r: random.Random) -> str:
    items = [" ".join(r.choice(ATTRIBUTES + NOUNS) for _ in range(r.choice([1, 1, 2]))) for _ in range(r.randint(1, 6))]
    if len(items) > 1 and r.random() < 0.7:
        return ", ".join(items[:-1]) + " and " + items[-1]
    return ", ".join(items)


def _np(r: random.Random) -> str:
    return noun_phrase(r).capitalize()


TEMPLATES = [
    lambda r: f"{r.choice(['Each', 'A', 'The', 'Every'])} {noun_phrase(r)} "
              f"{r.choice(['has', 'includes', 'records', 'contains'])} {detail_list(r)}.",
    lambda r: f"{_np(r)} information includes {detail_list(r)}.",
    lambda r: f"{r.choice(['Each', 'A'])} {noun_phrase(r)} {r.choice(['can', 'may', ''])} {r.choice(VERBS)} "
              f"{r.choice(PHRASES)} {noun_phrase(r)}.",
    lambda r: f"{_np(r)} {r.choice(VERBS)} {noun_phrase(r)} {r.choice(['through', 'via', 'in', 'for', 'to', 'at'])} "
              f"{noun_phrase(r)} with {detail_list(r)}.",
    lambda r: f"{_np(r)} is {r.choice(VERBS)}ed by a {noun_phrase(r)} and a {noun_phrase(r)}, "
              f"each having their own {detail_list(r)}.",
    lambda r: f"{_np(r)}:\n- {detail_list(r)}\n- {detail_list(r)}",
    lambda r: f"{_np(r)} ({detail_list(r)})",
    lambda r: f"Every {r.choice(NOUNS)} we {r.choice(VERBS)} a {noun_phrase(r)} in each {noun_phrase(r)}.",
    lambda r: f"{r.choice(VERBS).capitalize()}s {noun_phrase(r)}.",
    lambda r: f"The {noun_phrase(r)} and {noun_phrase(r)}'s {detail_list(r)}.",
    lambda r: f"{_np(r)} are identified by their {detail_list(r)}.",
    lambda r: f"When a {noun_phrase(r)} is {r.choice(VERBS)}ed we note the {detail_list(r)}.",
    lambda r: f"{r.choice(ADJECTIVES).capitalize()} {noun_phrase(r)} {r.choice(VERBS)} a {noun_phrase(r)}.",
    lambda r: f"{_np(r)} can be {noun_phrase(r)} or {noun_phrase(r)}.",
    lambda r: " ".join(r.choice(NOUNS + ATTRIBUTES + VERBS + FUNCTION_WORDS + PUNCTUATION + PHRASES)
                       for _ in range(r.randint(1, 25))),
]


def requirement_text(r: random.Random) -> str:
    """One to eight generated sentences."""
    return " ".join(r.choice(TEMPLATES)(r) for _ in range(r.randint(1, 8)))
