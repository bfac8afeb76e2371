"""Stage 3: who owns each attribute list, and the set of entities.

The owner of an enumeration is found by these rules, first match wins:

1. a possessive in the list ("each member's name, gender") names it;
2. "X, each with A, B" / "X (A, B)": the noun phrase before the comma or parenthesis;
3. "information of/about/for X, including A, B": the X after the preposition;
4. the subject right before the trigger, skipping modals ("Each farm has", "Patent application
   records need to record", "Flight information includes" -> Flight);
5. the heading the sentence sits under ("Ship Management:" ... "Fields: ...").

Owners that are not domain nouns (the system, the company as a speaker, pronouns) fall through to
the next rule. Entities are merged by their singular, case-folded name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model.conceptual import Attribute, Entity, Span
from .attributes import AttributeList
from .lexicon import (
    ABSTRACT_NOUNS,
    COMPOSITE_ATTRIBUTE_HEADS,
    ASSESSMENT_NOUNS,
    EVENT_NOUN_OF_VERB,
    TRANSACTION_NOUNS,
    ATTRIBUTE_INFO_KINDS,
    BUSINESS_NOUNS,
    COLLECTION_NOUNS,
    COMMON_VERBS,
    DETERMINERS,
    ENTERPRISE_WORDS,
    ENTITY_PREFIX_NOISE,
    ENTITY_SUFFIX_NOISE,
    FUNCTION_WORDS,
    GENERIC_OWNERS,
    IDENTIFIER_WORDS,
    MODAL_VERBS,
    NON_ENTITY_HEADS,
    SOFTWARE_KINDS,
)
from .segment import Sentence
from .words import entity_name, is_plural, loose, singular, title_case

MAX_NP_WORDS = 5
_WORD = re.compile(r"[A-Za-z][\w\-]*(?:['’]s?)?|\d+|[^\w\s]")
_MODALS = frozenset(["must", "should", "shall", "will", "can", "could", "may", "might", "need", "needs", "needed", "to", "is", "are", "be", "also", "always", "further", "additionally", "required", "requires", "require", "want", "wants", "also", "usually", "typically"])
_WITH_KIND_INFO = re.compile(r"(?:^|,\s*)with\s+(?:the\s+|its\s+|their\s+)?((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)\s+"
                             r"(?:information|info|details|data)$", re.IGNORECASE)
_INFO_OF = re.compile(r"\b(?:information|info|details|data|records?|attributes|profile)\s+(?:of|about|on|for|regarding|concerning)\s+", re.IGNORECASE)
_SKIPPED_ADJECTIVES = frozenset({"basic", "detailed", "relevant", "related", "specific", "certain", "corresponding",
                                 "respective", "necessary", "additional", "own", "personal", "general", "key", "main"})
_TOPIC = re.compile(r"^(?:in\s+terms\s+of|with\s+regard\s+to|for|in|regarding|about|under|during)\s+(?:the\s+)?([A-Za-z][\w /-]{2,60}?)\s*,", re.IGNORECASE)
_AUX_AFTER_NOUN = frozenset({"is", "are", "was", "were", "has", "have", "will", "can", "must", "should", "shall",
                             "needs", "need", "may", ",", ".", ";", ":", "(", "includes", "include", "contains"})
_INTRODUCED = re.compile(r"\b(?:a|an|the|each|every)\s+", re.IGNORECASE)
_EACH_OF_WHICH = re.compile(r",?\s*(?:each|every|all|both|some)\s+of\s+(?:which|whom|them)(?:\s+(?:must|should|shall|will|can|may|also))?\s*$", re.IGNORECASE)
_WHOSE = re.compile(r",?\s*whose(?:\s+[A-Za-z]+){0,3}\s*$", re.IGNORECASE)
_COMMA_WHICH = re.compile(r",\s*(?:which|who)\s*$", re.IGNORECASE)
_LEADING_CLAUSE = re.compile(r"^\s*(?:when|whenever|while|after|before|during|upon|once|if)\b[^,]{1,60},\s*", re.IGNORECASE)
_EACH_ADVERB = re.compile(r",\s*each\s+[a-z]+ly$", re.IGNORECASE)
_EACH_IN_CLAUSE = re.compile(r"\b(?:each|every)\s+", re.IGNORECASE)
_HEADING_FOR_EACH = re.compile(r"^\s*for\s+(?:each|every)\s+([A-Za-z][\w -]{0,40}?)\s*,", re.IGNORECASE)
_FOR_EACH = re.compile(r"\b(?:for|of)\s+(?:each|every|all|the)\s+", re.IGNORECASE)


# Operations a sentence may open with ("Edit stories, including ..."): never the first word of an owner.
_OPERATION_VERBS = frozenset({"add", "delete", "remove", "modify", "edit", "update", "view", "create", "manage",
                              "submit", "search", "browse", "maintain", "configure", "define", "set"})


@dataclass
class Owner:
    name: str
    span: Span
    rule: str  # which rule found it, for the explanation
    possessor: str | None = None  # "each tool's usage": the entity the owner belongs to
    plural: bool = False  # "Projects have ...": the list's nouns are plural too
    short_name: str | None = None  # "billing rules, each rule including": Billing Rule is also 'rule' here


# Nouns that end in -ly like adverbs do ("each supply request", "a family member").
_LY_NOUNS = frozenset({"supply", "family", "assembly", "reply", "anomaly", "rally", "ally", "monopoly", "butterfly"})


def _is_np_word(w: str) -> bool:
    low = w.lower().rstrip("'’")
    return w[0].isalnum() and low not in FUNCTION_WORDS and low not in COMMON_VERBS \
        and (not low.endswith("ly") or low in _LY_NOUNS)


# A list trigger or an auxiliary that is itself the verb: the word right before it is a noun ("each booking
# record including", "an insurance record is generated").
_HAS_AFTER = re.compile(r"\s*(?:including|includes|include|contains|containing|has|have|having|consists|with|"
                        r"is|are|was|were)\b", re.IGNORECASE)


_MODAL_BEFORE_VERB = MODAL_VERBS | {"to"}


def np_before(text: str, end: int) -> tuple[str, int] | None:
    """The noun phrase ending right before ``end`` (modals skipped): (phrase, start offset)."""
    toks = [(m.group(), m.start()) for m in _WORD.finditer(text, 0, end)]
    i = len(toks) - 1
    while i >= 0 and toks[i][0].lower() in _MODALS:
        i -= 1
    words: list[tuple[str, int]] = []
    while i >= 0 and len(words) < MAX_NP_WORDS:
        w = toks[i][0]
        low = w.lower()
        if low in _SKIPPED_ADJECTIVES and words:
            i -= 1  # "students' basic information": look past the adjective for a possessor
            continue
        if low in DETERMINERS or not w[0].isalnum():
            break  # "the event information": nothing before a determiner belongs to the phrase
        # The word next to the trigger may be a noun that looks like a verb ("review records need").
        prev = toks[i - 1][0].lower() if i > 0 else ""
        noun_like_verb = low in COMMON_VERBS and (prev in DETERMINERS or prev in ("a", "an", "the", "each", "every")
                                                  or (not words and low.endswith("s") and _is_np_word(prev or "x"))
                                                  or (not words and not low.endswith(("ing", "ed")) and bool(prev)
                                                      and _is_np_word(prev) and not is_plural(prev))
                                                  # "each visitor appointment record has": a singular noun before it
                                                  or (bool(words) and prev in COMMON_VERBS and not low.endswith(("ing", "ed"))
                                                      and all(x.lower() in ENTITY_SUFFIX_NOISE for x, _ in words))
                                                  or (not words and _is_np_word(prev or "x") and _HAS_AFTER.match(text, end)))
        # "records book information": between a verb and "information", a verb-looking word is the noun
        if not (_is_np_word(w) or noun_like_verb):
            break
        if words and prev in _MODAL_BEFORE_VERB and not noun_like_verb:
            break  # "the system will encompass event information": after a modal comes the verb
        words.insert(0, toks[i])
        i -= 1
    if not words:
        return None
    # "the students' basic information": the possessor is the owner; "each tool's usage": the
    # owner is "tool usage" (kept whole, the possessor is found again by ``possessor_in``).
    for k in range(len(words) - 1, -1, -1):
        w = words[k][0]
        if w.endswith(("'s", "’s", "'", "’")) and k < len(words) - 1:
            rest = [x for x, _ in words[k + 1:] if x.lower() not in ENTITY_SUFFIX_NOISE and x.lower() not in DETERMINERS]
            words[k] = (re.sub(r"['’]s?$", "", w), words[k][1])
            if not rest:
                words = words[: k + 1]
            break
    return " ".join(w for w, _ in words), words[0][1]


def np_after(text: str, start: int, counted: bool = False) -> tuple[str, int, int] | None:
    """The noun phrase starting at ``start`` (determiners skipped): (phrase, start, end). ``counted``: a
    quantifier stands right before ``start`` ("several books"), so a verb-looking first word is a noun."""
    toks = [(m.group(), m.start()) for m in _WORD.finditer(text, start, min(len(text), start + 120))]
    i = 0
    while i < len(toks) and toks[i][0].lower() in DETERMINERS:
        i += 1
    words: list[tuple[str, int]] = []
    after_determiner = i > 0 or counted
    while i < len(toks) and len(words) < MAX_NP_WORDS:
        w = toks[i][0]
        if words and _verb_after_singular(words[-1][0], w, toks[i + 1][0] if i + 1 < len(toks) else ""):
            break  # "each repair task corresponds to an order": the phrase ends before its verb
        if _is_np_word(w) or (not words and after_determiner and w[0].isalpha() and w.lower() in COMMON_VERBS):
            words.append(toks[i])
        elif words and w.lower() in COMMON_VERBS and (i + 1 >= len(toks) or toks[i + 1][0].lower() in _AUX_AFTER_NOUN):
            words.append(toks[i])  # "a maintenance record is generated": a noun that looks like a verb
            break
        elif w.lower() == "and" and words and i + 1 < len(toks) and _is_np_word(toks[i + 1][0]) \
                and toks[i + 1][0][0].isupper() == words[-1][0][0].isupper():
            words.append(toks[i])
        else:
            break
        i += 1
    if not words:
        return None
    end = words[-1][1] + len(words[-1][0])
    of = re.match(r"\s+of\s+", text[end:])
    if of and f"{' '.join(w for w, _ in words).lower()} of" in ENTITY_PREFIX_NOISE:
        counted = np_after(text, end + of.end())  # "each piece of equipment": the equipment
        if counted:
            return counted
    return " ".join(w for w, _ in words), words[0][1], end


_OBJECT_START = frozenset({"to", "a", "an", "the", "each", "every", "its", "their", "one", "multiple", "several",
                           "many", "various", "only", "exactly"})


def _verb_after_singular(prev: str, word: str, nxt: str) -> bool:
    """A third-person verb right after a singular noun, followed by its object or "to": "task
    corresponds to", "customer orders a", "device reports its" (not "order items", "sales records")."""
    low, before = word.lower(), prev.lower()
    if not (low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3 and word[0].islower()):
        return False
    return nxt.lower() in _OBJECT_START and before.isalpha() and not is_plural(before)


# "System Settings", "Platform Configuration": the product's own settings are kept in a table.
_SETTINGS_HEADS = frozenset({"settings", "setting", "configuration", "configurations", "config", "parameters",
                             "preferences"})


def _domain_request(words: list[str]) -> bool:
    """"loan application", "repair application": a request filed in the domain, not the software
    (a "web application", "mobile application" is the software)."""
    return len(words) >= 2 and words[-1] in ("application", "applications") and words[-2] not in SOFTWARE_KINDS


def usable(name: str | None) -> bool:
    if not name:
        return False
    words = name.lower().split()
    if (words[-1] in GENERIC_OWNERS and not _domain_request(words)) or name.lower() in GENERIC_OWNERS or len(name) < 2:
        return False
    if words[-1] in NON_ENTITY_HEADS or _past_participle(words[-1]):
        return False  # "The system is designed to", "This ensures": a verb where a subject was expected
    if any(w in ("system", "database", "platform") for w in words) and words[-1] not in _SETTINGS_HEADS:
        return False  # "Database Name: School" names the product, not a thing in it (its settings are a table)
    if len(words) == 1 and (words[0] in ENTITY_SUFFIX_NOISE or words[0] in ABSTRACT_NOUNS):
        return False  # "Information", "Details" alone name nothing
    if _names_a_capability(words):
        return False  # "Data Security", "Concurrency Control": a property of the software, not a thing it stores
    return not any(w in ("requirement", "requirements", "description", "functionality") for w in words[1:])


# Qualities a system is required to have (non-functional requirements): never rows of a table.
# ("availability" and "compatibility" stay out: "Room Availability", "Part Compatibility" are tables of rows.)
_SYSTEM_QUALITIES = frozenset({"security", "privacy", "concurrency", "scalability", "reliability", "usability",
                               "efficiency", "consistency", "integrity", "stability", "maintainability",
                               "confidentiality", "traceability", "robustness", "extensibility", "interoperability",
                               "portability"})
# What a system does to its data as a whole ("data tracking", "information maintenance", "statistical analysis").
_DATA_WIDE_WORDS = frozenset({"data", "information", "statistical"})
_DATA_ACTIVITIES = frozenset({"security", "tracking", "maintenance", "analysis", "processing", "backup", "recovery",
                              "protection", "encryption", "synchronization", "entry", "management", "control"})


def _names_a_capability(words: list[str]) -> bool:
    """A quality of the software ("security", "concurrency control") or an activity on all of its data
    ("data tracking", "information maintenance", "statistical analysis")."""
    if words[-1] in _SYSTEM_QUALITIES or (len(words) == 2 and words[0] in _SYSTEM_QUALITIES and words[1] == "control"):
        return True
    return len(words) == 2 and words[0] in _DATA_WIDE_WORDS and words[1] in _DATA_ACTIVITIES


# Nouns that usually name the speaker or the software ("the company", "the platform"), but are things
# of the domain when counted: "each application has a code", "every platform records its address".
_COUNTABLE_GENERIC = frozenset({"application", "app", "organization", "company", "enterprise", "platform", "website",
                                "business", "administrator", "admin"})


def _counted_thing(name: str | None, before: str) -> bool:
    words = (name or "").lower().split()
    return bool(words) and words[-1] in _COUNTABLE_GENERIC and not any(w in ("system", "database") for w in words) \
        and re.search(r"\b(?:each|every)\s+$", before, re.IGNORECASE) is not None


def _past_participle(word: str) -> bool:
    """'designed', 'intended', 'deleted': -ed forms are verbs or adjectives, not entity nouns ('speed', 'hundred' aside)."""
    return len(word) >= 5 and word.endswith("ed") and not word.endswith(("eed", "dred"))


_NEVER_KEYED = frozenset({"system", "database", "platform", "record", "entry", "item", "data", "information",
                          "detail", "table"})


def _keyed_by_items(name: str | None, alist: AttributeList) -> bool:
    """"Each company includes company ID, company name, ...": a word that usually means the speaker
    or something abstract ("company", "administrator", "operation") is an entity when the list
    holds its own identifier."""
    if not name or not name.replace(" ", "").isalpha() or len(name.split()) > 2:
        return False
    own = loose(name).split()
    if own[-1] in _NEVER_KEYED or own[-1] in FUNCTION_WORDS:
        return False  # "the record includes Record ID": the record of what the text is about
    for item in alist.items:
        words = loose(item.name).split()
        named = words[-1] == "name" and alist.trigger.lower().startswith("each")
        if len(words) == len(own) + 1 and words[:-1] == own and (words[-1] in IDENTIFIER_WORDS or named):
            return True  # "divided into fields, each with a field name": rows that carry their own name
    return False


_INFO_SUFFIXES = frozenset({"information", "info", "details", "data", "profile", "profiles"})
# Generic owners that are the speaker in "The company needs to record ..." but things of the domain
# when their own information is listed.
_SPEAKER_NOUNS = frozenset({"company", "enterprise", "organization", "administrator", "admin"})


_INFO_OF_BEFORE = re.compile(r"\b(?:information|info|details|data|profiles?)\s+(?:of|about|on)\s+(?:the\s+|each\s+|every\s+|all\s+)?$",
                             re.IGNORECASE)


def _described_generic(phrase: str, name: str | None, before: str = "") -> bool:
    """"with enterprise information including name and creation time", "the basic information of
    organizations, such as": the enterprise, the organizations are entities, not the speaker."""
    if (name or "").lower() not in _SPEAKER_NOUNS:
        return False
    words = phrase.lower().split()
    return (len(words) >= 2 and words[-1] in _INFO_SUFFIXES) or _INFO_OF_BEFORE.search(before) is not None


_PASSIVE_SUBJECT = re.compile(r"^\s*(?:(?:a|an|the|each|every)\s+)?((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)\s+(?:is|are|was|were)\s+"
                              r"(?:\w+ly\s+)?[a-z]+(?:ed|en)\b", re.IGNORECASE)
_PASSIVE_END = re.compile(r"\s+(?:is|are|was|were|will\s+be|gets?|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
                          r"(?:[a-z]+ed|made|kept|held|written|sent|built|paid|issued|given|taken)\s*,?$", re.IGNORECASE)


# A prepositional or participle phrase right after a sentence's subject ("visit to a", "dose given during
# an"): what follows it is the subject's modifier, not the subject.
_SUBJECT_MODIFIER = re.compile(r"\s+(?:[a-z]+(?:ed|en)\s+|(?:given|made|held|sent|paid|done|sold|bought|kept|taken|"
                               r"seen|put|set|run|built|won|lost|spent|taught)\s+)?"
                               r"(?:to|from|at|in|into|on|of|for|during|by|with)\s+(?:a|an|the|each|every|one|their|its)\s+$")


# Verbs of joining a service ("register", "sign up", "enrol") right before "with": the list after is
# the joiner's details.
# Active forms only: a passive ("Tenants who rent plots are registered with") is read by its subject.
JOINS_WITH = re.compile(r"\s+(?:(?:can|must|may|will|should|first)\s+)?(?:signs?\s+up|registers?|enrol(?:l)?s?|joins?|"
                        r"subscribes?|checks?\s+in|apply|applies)$",
                        re.IGNORECASE)


# A verb that creates a record, then the record: "make bookings", "places an order", "files a claim".
_MADE_OBJECT = re.compile(r"\b(?:make|makes|made|place|places|placed|submit|submits|submitted|file|files|filed|"
                          r"raise|raises|raised|create|creates|created|open|opens|opened)\s+(?:an?\s+|the\s+|their\s+|new\s+)?",
                          re.IGNORECASE)
_COUNTED_START = re.compile(r"\s*(?:a|an|each|every)\s", re.IGNORECASE)
# "leave a review for an item with a rating and a comment": the record made, then what it is for, then
# its values; the record's noun is group 1
# "each repair performed on a vessel, ", "the inspections carried out for the bridges": a participle of doing,
# a preposition, then the thing, ending the phrase before a list ("based on", "used for" do nothing to it)
_DONE_ON = re.compile(r"\s+(?!(?:based|related|focused|centred|centered|used|needed|required)\b)"
                      r"(?:[a-z]+ed|done|made|held|given|kept|carried\s+out)\s+(on|for|to|at|in|of|by)\s+"
                      r"(?:the\s+|each\s+|every\s+|a\s+|an\s+|its\s+|their\s+|all\s+)?"
                      r"[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}\s*,?\s*$", re.IGNORECASE)
_EVENT_NOUNS = frozenset(EVENT_NOUN_OF_VERB.values())


def _an_event_phrase(phrase: str) -> bool:
    """"Repair", "Maintenance Task", "Sales Record", "Inspection": something done or kept each time."""
    words = [singular(w) for w in phrase.lower().split()]
    return bool(words) and (words[-1] in TRANSACTION_NOUNS | ASSESSMENT_NOUNS | {"record", "log", "entry", "history"}
                            or any(w in _EVENT_NOUNS for w in words))


_MADE_FOR = re.compile(r"\b(?:leave|leaves|left|write|writes|wrote|written|post|posts|posted|give|gives|gave|make|"
                       r"makes|made|place|places|placed|submit|submits|submitted|file|files|filed|add|adds|added)\s+"
                       r"(?:an?\s+|the\s+|their\s+|new\s+)?([A-Za-z]+)\s+(?:for|of|on|about|to)\s+"
                       r"(?:an?\s+|the\s+|each\s+|their\s+|any\s+)?(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+\s*$", re.IGNORECASE)


# "The order table records ...", "The student information table is used to store ...": the subject
# names the table the sentence describes.
_TABLE_SUBJECT = re.compile(r"^(?:the\s+)?((?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)\s+table\s+"
                            r"(?:is\s+used\s+to\s+|is\s+responsible\s+for\s+|mainly\s+|also\s+|primarily\s+)?"
                            r"(?:records?|recording|stores?|storing|contains?|includes?|saves?|keeps?|holds?|"
                            r"maintains?|manages?|documents?|lists?|describes?)\b", re.IGNORECASE)
# "The coach-team relationship table records ...": a link between two tables, read as a relationship
_LINK_WORDS = frozenset({"relationship", "relation", "association", "mapping", "link", "correspondence"})


_SECOND_PREDICATE_VERBS = frozenset({"has", "have", "contains", "includes", "holds", "records", "stores", "keeps"})
# A lower-case verb right after the subject ("A lesson takes place"), not "and", "of", "with" or a comma.
_PREPOSITION_OR_OBJECT = re.compile(r"\s+(?:at|on|in|to|from|with|for|by|into|a|an|the)\s", re.IGNORECASE)
_VERB_AFTER_SUBJECT = re.compile(r"\s+(?!(?:and|or|of|with|for|in|on|at|to|from|by)\b)[a-z]+(?:s|ed)\b")


# "various types of credit cards, each with a card type code": the kind word before "of X"
_KIND_OF = re.compile(r"\b(types?|kinds?|categories|category|classes|class)\s+of\s+$", re.IGNORECASE)
_KIND_NAMES = {"type": "Type", "types": "Type", "kind": "Type", "kinds": "Type", "category": "Category",
               "categories": "Category", "class": "Class", "classes": "Class"}


_FOR_EACH_AFTER = re.compile(r"\s*,?\s*(?:for|of)\s+(?:each|every)\s+", re.IGNORECASE)


def is_business_speaker(text: str, start: int, name: str) -> bool:
    """The subject opening the sentence is the business speaking of itself: named with "our" ("Our
    craft brewery tracks ..."), or with "the" when it names a kind of business ("The hotel needs to
    record ...")."""
    before = text[:start].split()
    if len(before) != 1 or not name:
        return False
    det = before[0].lower()
    return det in ("our", "my") or (det == "the" and name.split()[-1].lower() in BUSINESS_NOUNS)


def _record_subject(alist: AttributeList, make) -> Owner | None:
    """The subject right before a data verb when it is a record or an assessment ("The performance
    evaluation should record", "Each repair log stores"): what it keeps is its own, whoever it is of."""
    s = alist.sentence
    np = np_before(s.text, len(alist.prefix.rstrip()))
    if np is None or s.text[:np[1]].strip().lower() not in ("the", "each", "every", "a", "an"):
        return None
    head = np[0].split()[-1].lower()
    if head not in ASSESSMENT_NOUNS and head not in ("record", "log", "entry", "report"):
        return None
    return make(np[0], np[1], "record or assessment as subject")


def owner_of(alist: AttributeList) -> Owner | None:
    owner = _owner_of(alist)
    if owner is not None:
        _kind_of_owner(alist, owner)
    return owner


def _kind_of_owner(alist: AttributeList, owner: Owner) -> None:
    """"The bank issues multiple types of debit cards, each with a card type code and an annual fee":
    when the owner is named after "types of" and the items speak of that kind, the list describes the
    kinds (Debit Card Type), not the cards themselves."""
    at = owner.span.start - alist.sentence.start
    kind = _KIND_OF.search(alist.sentence.text[:at])
    if not kind:
        return
    word = _KIND_NAMES[kind.group(1).lower()]
    if any(word.lower() in loose(item.name).split() for item in alist.items):
        owner.name = f"{owner.name} {word}"
        owner.rule += f", the '{kind.group(1).lower()} of' it"


# "roles such as students, teachers, and colleges": the examples of a kind, ending where the text does
_EXAMPLES_BEFORE = re.compile(r"\s*,?\s+(?:such\s+as|like|e\.g\.,?|including)\s+[^.;:()]*$", re.IGNORECASE)
# What follows a phrase that names the software rather than a thing it keeps: "Task Scheduling (or Batch
# Processing) system", "achievement transformation database".
_SOFTWARE_AFTER = re.compile(r"(?:\s+or(?:\s+[A-Za-z-]+){1,3}?)?\s+(?:management\s+|information\s+)?"
                             r"(?:system|database|platform)s?\b", re.IGNORECASE)


_HAS_ONE = re.compile(r"\b(?:has|have|with)\s+(?:a|an|one|its|their)\s+$", re.IGNORECASE)


def _owner_of_composite_value(text: str, np: tuple) -> tuple:
    """"A customer has an address (street, city)": one value its owner has, given in parts - the parts
    are the owner's columns, not fields of an Address table."""
    has = _HAS_ONE.search(text[:np[1]])
    if np[0].split()[-1].lower() not in COMPOSITE_ATTRIBUTE_HEADS or not has:
        return np
    return np_before(text, has.start()) or np


# "... a handle and ": a counted item closed, then a phrase without an article - a second verb phrase
_SECOND_VERB_BEFORE = re.compile(r"\b(?:a|an)\s+[a-z]+(?:\s+[a-z]+)?\s*,?\s+and\s+$", re.IGNORECASE)


def _bare_verb_like(word: str) -> bool:
    low = word.lower()
    return low.isalpha() and not is_plural(low) and not low.endswith(("al", "ic", "ive", "ous", "ful", "ary", "ly", "ed", "ing"))


def _owner_of(alist: AttributeList) -> Owner | None:
    s = alist.sentence
    prefix = alist.prefix
    base = s.start

    def make(phrase: str, start: int, rule: str) -> Owner | None:
        possessor = None
        if "'" in s.text[start:start + len(phrase) + 2] or "’" in s.text[start:start + len(phrase) + 2]:
            m = re.match(r"([A-Za-z][\w ]*?)['’]s?\s", s.text[start:start + len(phrase) + 3])
            if m and len(m.group(1)) < len(phrase) - 2:
                possessor = entity_name(m.group(1))
        words = phrase.split()
        while len(words) > 1 and words[0].lower() in _OPERATION_VERBS:
            start += len(words[0]) + 1  # "create and edit stories": the operation is not part of the name
            words = words[1:]
        if len(words) > 1 and _SECOND_VERB_BEFORE.search(s.text[:start]) and _bare_verb_like(words[0]):
            start += len(words[0]) + 1  # "has a handle and post short messages with ...": the verb is no name
            words = words[1:]
        phrase = " ".join(words)
        if phrase.lower() in ("field", "fields") and not s.text[:start].strip():
            return None  # "Fields: Ship ID, Name", "Fields include ...": the label of a field list, not a thing
            # (a farm's "several fields, each with a name and an area" are)
        name = _keyed_suffix_name(phrase, alist) or entity_name(phrase)
        owner_word = re.search(r"([A-Za-z]+)['’]s?\s+$", s.text[:start])
        info_kinds = ATTRIBUTE_INFO_KINDS | {"registration", "account", "profile"}
        if owner_word and name and name.lower() in info_kinds:
            # "the user's registration information, including": the kind of information is the user's
            start = owner_word.start(1)
            phrase = owner_word.group(1)
            name = entity_name(phrase)
        elif possessor and name and name.lower().split()[-1] in info_kinds and len(name.split()) == 2:
            phrase = phrase.split()[0]  # "member's registration information" -> Member
            name = possessor
        if not usable(name) and not _keyed_by_items(name, alist) and not _described_generic(phrase, name, s.text[:start]) \
                and not _counted_thing(name, s.text[:start]):
            return None
        if _SOFTWARE_AFTER.match(s.text, start + len(phrase)):
            return None  # "the Task Scheduling or Batch Processing system", "the ... transformation database": the software
        last = phrase.split()[-1] if phrase.split() else ""
        plural = is_plural(last) and rule in ("subject", "sentence subject")
        return Owner(name, Span(start=base + start, end=base + start + len(phrase), text=phrase), rule, possessor, plural)

    # 0. "The menu table records dish information provided by the restaurant, including ...": a
    # sentence whose subject names a table describes that table, whatever its object mentions
    table = _TABLE_SUBJECT.match(s.text)
    if table and table.end() <= len(prefix) and table.group(1).split()[-1].lower() not in _LINK_WORDS:
        o = make(table.group(1), table.start(1), "the table named as subject")
        if o:
            return o
    # 1. possessive in the first item; "... of each program" after the list
    first = alist.items[0] if alist.items else None
    if first is not None and first.possessor:
        o = make(first.possessor, first.start, "possessive")
        if o:
            return o
    # "the user ID of the user, and the category ID of the category": each item says whose it is, so
    # no one of them owns the list
    if all(item.of_owner for item in alist.items) and len({loose(item.of_owner) for item in alist.items}) > 1:
        return None
    for item in alist.items:
        if item.of_owner and item is not alist.items[-1] and item.name.split()[-1].lower() in IDENTIFIER_WORDS:
            continue  # "a unique Account ID, the Customer ID of the account holder, and the balance": a reference
        if item.of_owner:
            subject = _record_subject(alist, make)
            if subject:
                return subject  # "The performance evaluation should record the date and score of each employee"
        if item.of_owner and not _topic_outranks_of_the(s.text, item):
            o = make(item.of_owner, item.end - len(item.of_owner), "'of each X' after the list")
            if o:
                return o
    stripped = prefix.rstrip()
    # 2. "X, each with" / "X (A, B)"
    each_of_which = _EACH_OF_WHICH.search(stripped)
    each_adverb = _EACH_ADVERB.search(stripped)  # "many regions, each distinctively identified by"
    if alist.trigger.startswith("each") or stripped.endswith("(") or stripped.endswith(", each") or each_of_which \
            or each_adverb:
        cut = stripped.rstrip("(").rstrip()
        if each_of_which:
            cut = cut[: each_of_which.start()]  # "a variety of products, each of which has": the products
        elif each_adverb:
            cut = cut[: each_adverb.start()]
        cut = re.sub(r",?\s*each$", "", cut).rstrip(" ,")
        examples = _EXAMPLES_BEFORE.search(cut)
        if examples:
            cut = cut[: examples.start()]  # "user roles such as students, teachers, and colleges, each with": each role
        np = np_before(s.text, len(cut))
        if np:
            o = make(np[0], np[1], "noun before 'each with'")
            if o:
                return o
    # 2c. "Each employee has multiple attendance records, with attendance record information including":
    # the kind of information named right before the trigger owns the list, not the sentence's subject
    with_info = _WITH_KIND_INFO.search(stripped)
    if with_info and alist.trigger.lower() in ("including", "includes", "such as", "like"):
        o = make(with_info.group(1), with_info.start(1), "'with X information' before the list")
        if o:
            return o
    # 3. "information of X" (the last one before the trigger)
    last = None
    for m in _INFO_OF.finditer(prefix):
        last = m
    if last is None:
        for m in _FOR_EACH.finditer(prefix):
            last = m
    if last is not None and alist.trigger == "(":
        # "basic information of students (ID, name) and accommodation information (dormitory number, ...)":
        # a group that names its own kind of information is not about the earlier "information of X"
        group = _information_group(s.text, len(stripped.rstrip("(").rstrip()), alist)
        if group:
            o = make(group[0], group[1], "kind of information before its parentheses")
            if o:
                o.name = group[2]
                return o
    if last is not None and last.re is _INFO_OF:
        # "seat information for different areas": the noun before "information" owns the list
        kind = np_before(s.text, last.start())
        before = re.findall(r"[A-Za-z]+", s.text[:kind[1]])[-1:] if kind else []
        if kind and kind[0].split()[-1].lower() not in ENTITY_SUFFIX_NOISE | ATTRIBUTE_INFO_KINDS | {"account"} \
                and not (before and before[0].lower() in _MODALS | {"and", "or"}):  # "can update information of
            o = make(kind[0], kind[1], "X information for Y")
            if o:
                return _named_by_first_item(alist, o, make) or o
    if last is not None:
        np = np_after(s.text, last.end())
        if np:
            o = make(np[0], np[1], "information of")
            named_by_item = _named_by_first_item(alist, o, make) if o and last.re is _FOR_EACH else None
            if named_by_item:
                return named_by_item  # "For each story, create tasks, including task titles": the tasks'
            if o and last.re is _FOR_EACH:
                event = _event_before(s.text, last.start())
                named = entity_name(f"{o.name} {event}") if event else None
                if named and usable(named):
                    # "the handling of each proposal" -> Proposal Handling, which is of one proposal
                    o.possessor = o.possessor or o.name
                    o.name, o.rule = named, "event of each X"
            if o:
                return o
    # 2b. "multiple sales personnel, whose details include", "is operated with one aircraft, which has":
    # 'whose' and a non-restrictive ', which' are about the noun right before them
    for anchor, rule in ((_WHOSE.search(stripped), "noun before 'whose'"),
                         (_COMMA_WHICH.search(stripped), "noun before ', which' or ', who'")):
        np = np_before(s.text, anchor.start()) if anchor else None
        o = make(np[0], np[1], rule) if np else None
        if o:
            return o
    # 3b. "a maintenance record is generated, which includes": the last introduced noun phrase
    if re.search(r"\b(?:which|that)\s*$", stripped, re.IGNORECASE):
        last_det = None
        for m in _INTRODUCED.finditer(prefix):
            last_det = m
        if last_det is not None:
            np = np_after(s.text, last_det.end())
            if np:
                o = make(np[0], np[1], "noun phrase before 'which'")
                if o:
                    return o
    # 3c. "A lesson takes place on a date, has a start time and ...": a second verb of the sentence's
    # subject after a comma, with no subject of its own
    if stripped.endswith(",") and alist.trigger.lower() in _SECOND_PREDICATE_VERBS:
        head = np_after(s.text, 0)
        if head and len(head[0].split()) >= 2 and head[0].split()[-1].endswith("s") \
                and _PREPOSITION_OR_OBJECT.match(s.text, head[2]):
            verb = head[0].split()[-1]  # "A concert starts at a venue": the noun walk took the verb along
            head = (head[0][: -len(verb)].rstrip(), head[1], head[2] - len(verb) - 1)
        if head and head[2] < len(stripped) and _VERB_AFTER_SUBJECT.match(s.text, head[2]) \
                and "," not in s.text[head[2]:len(stripped) - 1]:
            o = make(head[0], head[1], "subject of a second predicate")
            if o:
                return o
    # 3c. "Invoices are issued to clients for completed jobs, with an invoice date, ...": a ", with" list
    # after a passive clause describes the clause's subject, not the last noun of its adjuncts
    if alist.trigger == "with" and stripped.endswith(","):
        passive = _PASSIVE_SUBJECT.match(s.text)
        if passive:
            np = np_after(s.text, 0)
            if np and np[2] <= passive.end(1) + 1:
                o = make(np[0], np[1], "subject of a passive before ', with'")
                if o:
                    return o
        # "Guests make bookings for one or more rooms, with an arrival date ...": what the clause's verb
        # creates is what the list describes, not the last noun of its adjuncts
        made = _MADE_OBJECT.search(stripped)
        if made and "," not in stripped[made.end():-1]:
            np = np_after(s.text, made.end())
            if np:
                o = make(np[0], np[1], "record made before ', with'")
                if o:
                    return o
    # 3d. "Drivers register with a licence number and ...", "Each volunteer signs up with": what one
    # gives to join is one's own details; the noun before the joining verb owns them
    if alist.trigger == "with":
        joins = JOINS_WITH.search(stripped)
        np = np_before(s.text, joins.start()) if joins else None
        if np:
            o = make(np[0], np[1], "subject of a joining verb before 'with'")
            if o:
                o.plural = is_plural(np[0].split()[-1])
                return o
    # 3e. "Buyers leave a review for an item with a rating and a comment": the values are the review's, not
    # the item's the review is for
    made_for = _MADE_FOR.search(stripped) if alist.trigger == "with" else None
    if made_for and singular(made_for.group(1).lower()) in TRANSACTION_NOUNS | ASSESSMENT_NOUNS:
        o = make(made_for.group(1), made_for.start(1), "record made for a thing before 'with'")
        if o:
            return o
    # 3f. "record each maintenance task performed on the processing pools, including ...": the values are
    # the record's, and it is of the thing its act was done on, not the thing's own
    done_on = _DONE_ON.search(stripped)
    record = np_before(s.text, done_on.start()) if done_on else None
    thing = np_after(s.text, done_on.end(1)) if done_on else None
    if record and thing and _an_event_phrase(record[0]):
        o = make(record[0], record[1], "record of what was done on a thing")
        if o and entity_name(thing[0]) and loose(entity_name(thing[0])) != loose(o.name):
            o.possessor = o.possessor or entity_name(thing[0])
            return o
    # 4. the subject right before the trigger
    np = np_before(s.text, len(stripped.rstrip(",:").rstrip("\"”") if alist.trigger == "(" else stripped.rstrip(",:")))
    if np and alist.trigger in _EXAMPLE_TRIGGERS:
        np = _noun_before_participle(s.text, np)
    head = np_after(s.text, 0) if np and _COUNTED_START.match(s.text) else None
    if head and head[2] < np[1] and _SUBJECT_MODIFIER.match(s.text, head[2], np[1]):
        np = (head[0], head[1])  # "Each copy of a book has a shelf code": the copy's, not the book's
    if np and alist.trigger == "(":
        np = _owner_of_composite_value(s.text, np)
    if np and alist.trigger == "with":
        np = _object_of_bare_clause(np)
    short = None
    if np:
        fuller = _fuller_antecedent(s.text, np)
        short, np = (np[0] if fuller != np else None), fuller
    if np:
        o = make(np[0], np[1], "subject" if short is None else "the noun phrase 'each X' takes up")
        if o and short:
            o.short_name = entity_name(short)
        kept_for_each = bool(alist.items) and _FOR_EACH_AFTER.match(s.text, alist.items[-1].end) is not None
        if o and not (kept_for_each and is_business_speaker(s.text, np[1], o.name)):
            return _named_by_items(alist, o, make) or _named_by_first_item(alist, o, make) \
                or _member_of_collection(alist, o, make) or o
        # "The hotel needs to record the room, the customer and the status for each reservation": the
        # business speaks; the values are the reservation's (4c)
    # 4a. "a purchase order is generated, recording ...": the subject of a passive just before
    passive = _PASSIVE_END.search(stripped)
    if passive:
        np = np_before(s.text, passive.start())
        relative = re.search(r"\b(?:that|who|which)(?:\s+[a-z]+)?\s+$", s.text[: np[1]], re.IGNORECASE) if np else None
        if relative:
            # "Households that receive food parcels are registered with": the noun the clause is about
            np = np_before(s.text, relative.start()) or np
        head = np_after(s.text, 0) if np else None
        if head and head[2] < np[1] and _SUBJECT_MODIFIER.match(s.text, head[2], np[1]):
            # "Every visit to a club is logged with ...", "Each dose given during a stay is recorded with":
            # the noun before the passive ends a modifier of the subject, which is what is logged
            np = (head[0], head[1])
        if np:
            o = make(np[0], np[1], "subject of a passive")
            if o:
                return o
    # 4c. "track the creation time and update time for each tag": the thing each value is kept for
    if alist.items:
        after = _FOR_EACH_AFTER.match(s.text[alist.items[-1].end:])
        if after:
            np = np_after(s.text, alist.items[-1].end + after.end())
            if np:
                o = make(np[0], np[1], "'for each X' after the list")
                if o:
                    return o
    # 4b. a sentence-initial subject ("Each maintenance record is generated, which includes")
    head = np_after(s.text, 0)
    if head and head[2] <= len(prefix):
        o = make(head[0], head[1], "sentence subject")
        named = _event_of(s.text, head) if o else None
        if named:
            o.name, o.rule = named, "event of the thing after 'of'"
        elif o:
            # "Users can generate an order, and document the order creation time and order status"
            return _named_by_items(alist, o, make) or o
        if o:
            return o
    # 4d. "When registering, users need to provide ...", "After each promotion, the promotion effect needs
    # to be recorded, including ...": the subject after a leading adverbial clause
    intro = _LEADING_CLAUSE.match(s.text)
    if intro and intro.end() < len(prefix):
        head = np_after(s.text, intro.end())
        if head and head[2] <= len(prefix):
            o = make(head[0], head[1], "subject after a leading clause")
            each = _EACH_IN_CLAUSE.search(s.text, 0, intro.end())
            thing = np_after(s.text, each.end()) if o and each else None
            if thing and thing[2] <= intro.end() and usable(entity_name(thing[0])) \
                    and loose(entity_name(thing[0])) != loose(o.name):
                o.possessor = o.possessor or entity_name(thing[0])  # "after each promotion": the promotion's
            if o:
                return o
    # 5. the heading, or a leading topic phrase ("For course information management, ...")
    topic = _TOPIC.match(s.text)
    if topic:
        name = entity_name(topic.group(1))
        if usable(name):
            return Owner(name, Span(start=base + topic.start(1), end=base + topic.end(1), text=topic.group(1)), "topic phrase")
    each = _HEADING_FOR_EACH.match(s.heading or "")
    if each:
        name = entity_name(each.group(1))  # "For each department, you can set:" heads the department's fields
        if usable(name):
            return Owner(name, Span(start=max(0, s.start - len(s.heading) - 2), end=s.start, text=s.heading), "heading")
    if s.heading:
        name = entity_name(s.heading)
        if usable(name):
            return Owner(name, Span(start=max(0, s.start - len(s.heading) - 2), end=s.start, text=s.heading), "heading")
    return _keyed_namesake(alist, make)


# Plural nouns that name a trade or a kind before another noun ("sales orders", "goods receipts").
_PLURAL_MODIFIERS = frozenset({"sales", "goods", "news", "parts", "sports", "savings", "arms", "customs", "services",
                               "operations", "materials", "electronics", "communications", "earnings", "accounts",
                               "events", "arts", "series", "species", "premises", "clothes"})


_EXAMPLE_TRIGGERS = frozenset({"including", "such as", "includes", "include", "like"})
# "message events related to specific topics, including", "news posted by administrators, including": a
# participle that links the noun to another thing (or names who made it) is a modifier of the noun before
# it, which is what the list describes. Relating and authoring participles of general English.
_MODIFYING_PARTICIPLE = re.compile(r"\b(?:related|relating|linked|connected|associated|attached|belonging|"
                                   r"posted|published|submitted|made|issued|provided|created|generated|uploaded|"
                                   r"written|placed|raised|sent|received|owned|held)\s+(?:to|by|with|for)\s+"
                                   r"(?:[a-z]+\s+){0,2}$", re.IGNORECASE)


_AUXILIARY_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)


def _noun_before_participle(text: str, np: tuple[str, int]) -> tuple[str, int]:
    """The noun a participial modifier ends on is not the owner; the noun it modifies is."""
    m = _MODIFYING_PARTICIPLE.search(text, max(0, np[1] - 60), np[1])
    if not m or _AUXILIARY_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return np  # "each conversation is linked to a record, including": the sentence's own verb
    return np_before(text, m.start()) or np


def _object_of_bare_clause(np: tuple[str, int]) -> tuple[str, int]:
    """"Users upload recipes with a title": a plural, a plain verb form and a plural noun are a
    subject, its verb and the object the list describes, not one noun phrase."""
    words = np[0].split()
    if len(words) < 3 or not is_plural(words[0]) or words[0].lower() in _PLURAL_MODIFIERS \
            or not is_plural(words[-1]):
        return np
    verb = words[1].lower()
    if is_plural(verb) or verb.endswith(("ing", "ed", "s")):
        return np
    rest = " ".join(words[2:])
    return rest, np[1] + np[0].index(rest, len(words[0]) + len(words[1]))


_EACH_AFTER_COMMA = re.compile(r",\s*(?:each|every)\s+$", re.IGNORECASE)


def _fuller_antecedent(text: str, np: tuple[str, int]) -> tuple[str, int]:
    """"manages billing rules, each rule including the billing method": 'each rule' takes up the
    plural noun phrase just before it, whose fuller name (Billing Rule) is the entity's."""
    comma = _EACH_AFTER_COMMA.search(text, 0, np[1])
    if comma is None or len(np[0].split()) != 1:
        return np
    before = np_before(text, comma.start())
    if before is None or len(before[0].split()) < 2:
        return np
    last = before[0].split()[-1]
    if not is_plural(last) or loose(singular(last)) != loose(np[0]):
        return np
    return before


_MANAGEMENT_SUBJECT = re.compile(r"^\s*[A-Za-z][\w -]{2,40}?\s+management\b", re.IGNORECASE)
_OF_EACH_IN_ITEM = re.compile(r"\bof\s+(?:each|every|all)\b", re.IGNORECASE)


def _topic_outranks_of_the(text: str, item) -> bool:
    """"Customer evaluation management needs to record the customer ID, the content and score of the
    flight route": a sentence about one kind of management lists that kind's fields; 'of the Y' after
    the last item says what it is about, not whose fields they are ('of each Y' still does)."""
    return _MANAGEMENT_SUBJECT.match(text) is not None and not _OF_EACH_IN_ITEM.search(text, item.start, item.end)


def _keyed_suffix_name(phrase: str, alist: AttributeList) -> str | None:
    """"restaurant table information, including Table ID and Seat Number": a word that usually only
    marks a name ('table', 'form', 'profile') is the thing itself when an item is its key."""
    words = [w for w in phrase.split() if loose(w) not in ("information", "info", "details", "data")]
    if len(words) < 2 or words[-1].lower() not in ENTITY_SUFFIX_NOISE:
        return None
    keys = {f"{loose(words[-1])} {w}" for w in IDENTIFIER_WORDS}
    if not any(loose(item.name) in keys for item in alist.items):
        return None
    return title_case(" ".join(words))


def _keyed_namesake(alist: AttributeList, make) -> Owner | None:
    """"The system records application ID, application type, application content and application time":
    with no owner in the sentence, items that are mostly named after one noun and hold that noun's
    own key (its ID or number) are that noun's fields."""
    firsts = [it.name.split()[0] for it in alist.items if len(it.name.split()) > 1]
    if len(firsts) < 2 or _RECORD_BEFORE_LIST.search(alist.prefix):
        return None  # "Each record includes Player ID, Game ID, game start time": a record of the game
    word, count = max(((w, sum(f.lower() == w.lower() for f in firsts)) for w in firsts), key=lambda x: x[1])
    if count < 2 or 2 * count <= len(alist.items) or not _keyed_by_items(word, alist):
        return None
    named = [it for it in alist.items if it.name.split()[0].lower() == word.lower()]
    owner = make(word, named[0].start, "the noun its items are named after, with its key")
    if owner is not None:
        owner.plural = all(is_plural(it.name.split()[-1]) for it in named)  # "store numbers, store names"
    return owner


_RECORD_BEFORE_LIST = re.compile(r"\b(?:record|entry|log)s?\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)


def lists_a_record(alist: AttributeList) -> bool:
    """"Each record includes ...", "with each entry holding ...": the list is of a record the text named
    before (or names by one of the items), not of a thing in this sentence."""
    return _RECORD_BEFORE_LIST.search(alist.prefix) is not None


_EVENT_HEADS = frozenset({"status", "history", "record", "records", "log", "logs", "usage", "result", "results",
                          "attendance"})


_GROUP_HEADS = frozenset({"information", "info", "details", "data", "content"})
_GROUP_ADJECTIVES = _SKIPPED_ADJECTIVES | {"existing", "current", "other"}


def _information_group(text: str, end: int, alist: AttributeList) -> tuple[str, int, str] | None:
    """"accommodation information (dormitory number, building number)": (phrase, start, entity name) of
    a kind of information named right before its parenthesised fields. A group keyed by another noun's
    number is that noun's table (Dormitory); an adjective kind keeps its head ("Observational Data")."""
    np = np_before(text, end)
    if not np:
        return None
    words = np[0].split()
    start = np[1]
    while len(words) > 2 and words[0].lower() in _GROUP_ADJECTIVES:
        start += len(words[0]) + 1
        words = words[1:]
    if len(words) < 2 or words[-1].lower() not in _GROUP_HEADS \
            or any(w.lower() in ATTRIBUTE_INFO_KINDS | _GROUP_ADJECTIVES for w in words[:-1]):
        return None
    name = entity_name(" ".join(words))
    if name and name.split()[-1].lower().endswith("al"):
        name = title_case(" ".join(words))  # "observational data": an adjective alone names nothing
    first = loose(alist.items[0].name).split() if alist.items else []
    if len(first) == 2 and first[-1] in IDENTIFIER_WORDS and first[0] not in loose(" ".join(words)).split():
        name = entity_name(first[0])  # "accommodation information (dormitory number, ...)": a Dormitory
    return (" ".join(words), start, name) if usable(name) else None


def _event_before(text: str, end: int) -> str | None:
    """'the handling of each ...', 'each inspection of the ...': the event noun phrase before 'of each'."""
    np = np_before(text, end)
    if not np:
        return None
    head = np[0].split()[-1].lower()
    if head in ENTITY_SUFFIX_NOISE or head in ABSTRACT_NOUNS - {"record", "records"}:
        return None
    if head in _EVENT_HEADS or head.endswith(("ing", "tion", "sion", "ment")):
        return np[0]
    return None


_OF_THING = re.compile(r"\s+of\s+(?:the\s+|each\s+|every\s+|all\s+)?", re.IGNORECASE)


def _event_of(text: str, head: tuple[str, int, int]) -> str | None:
    """"The usage of project funds needs to be recorded with ...": an event noun with what it is of
    names the record (Project Fund Usage), not a bare Usage."""
    of = _OF_THING.match(text, head[2])
    thing = np_after(text, of.end()) if of else None
    if thing is None or _event_before(text, head[2]) is None or not entity_name(thing[0]):
        return None
    named = entity_name(f"{entity_name(thing[0])} {head[0]}")
    return named if usable(named) else None


def _named_by_items(alist: AttributeList, owner: Owner, make) -> Owner | None:
    """'sends notifications to users, including Notification Title, Notification Content': when the
    items share a first word that names a noun earlier in the sentence, that noun owns them."""
    firsts = [it.name.split()[0].lower() for it in alist.items if len(it.name.split()) > 1]
    if len(firsts) < 2:
        return None
    word, count = max(((w, firsts.count(w)) for w in set(firsts)), key=lambda x: x[1])
    if count < 2 or 2 * count <= len(alist.items) or word in {w.lower() for w in owner.name.split()} \
            or word in DETERMINERS or word in FUNCTION_WORDS:
        return None
    mention = None
    for m in re.finditer(r"\b" + re.escape(word) + r"(?:s|es)?\b", alist.prefix, re.IGNORECASE):
        mention = m
    if mention is None:
        return None
    np = np_after(alist.sentence.text, mention.start())  # "each maintenance task performed on" -> maintenance task
    return make(np[0], np[1], "noun the items are named after") if np else None


def _member_of_collection(alist: AttributeList, owner: Owner, make) -> Owner | None:
    """"The library's collection includes the book number, title, book classification": a collection's
    fields are those of its members, named by the item that carries the members' key."""
    if owner.name.split()[-1].lower() not in COLLECTION_NOUNS:
        return None
    for item in alist.items:
        words = item.name.split()
        if len(words) == 2 and words[-1].lower() in IDENTIFIER_WORDS and words[0].lower() not in IDENTIFIER_WORDS \
                and loose(words[0]) not in loose(owner.name).split():  # "Collection ID": the collection's own key
            return make(words[0], item.start, "member of a collection, by its key")
    return None


_PER_EACH_BEFORE = re.compile(r"\b(?:for|of)\s+(?:each|every)\s+$", re.IGNORECASE)


def _named_by_first_item(alist: AttributeList, owner: Owner, make) -> Owner | None:
    """"record environmental changes within the protection zone, including environmental change record
    number, temperature", "For each story, create tasks, including task titles, descriptions": the first
    item is named after a noun phrase of the sentence other than the owner found (as its key, or right
    before the list), so that noun phrase owns the list."""
    if not alist.items:
        return None
    words = alist.items[0].name.split()
    keyed = len(words) >= 2 and words[-1].lower() in IDENTIFIER_WORDS
    stem = words[:-1]
    if keyed and stem and stem[-1].lower() in ("record", "entry"):
        stem = stem[:-1]
    if not stem or len(stem) > 3 or set(loose(" ".join(stem)).split()) <= set(loose(owner.name).split()):
        return None
    mention = None
    for m in re.finditer(r"\b" + r"\s+".join(re.escape(w) for w in stem) + r"(?:s|es)?\b", alist.prefix, re.IGNORECASE):
        mention = m
    np = np_before(alist.sentence.text, mention.end()) if mention else None
    if np is None or not loose(singular(np[0])).endswith(loose(" ".join(stem))):
        return None
    whole = np_after(alist.sentence.text, np[1])
    beyond = alist.sentence.text[mention.end():whole[2]].split() if whole else []
    if any(not w.lower().endswith(("ed", "ing")) for w in beyond):
        return None  # "each processing plant": the word is a modifier of another noun, not the noun
    adjacent = alist.prefix[mention.end():].strip(" ,") == ""
    # a record's list opens with the keys of what it joins ("each enrollment requires the Student ID"):
    # a one-word key names no owner of its own
    # "navigation information for each page in the application, such as page name, alias": kept per page
    per_each = _PER_EACH_BEFORE.search(alist.prefix, 0, np[1]) is not None
    if not (adjacent or keyed and len(stem) >= 2 or per_each):
        return None
    return make(np[0], np[1], "noun phrase the first item is named after")


class EntitySet:
    """Entities by loose name, merged as mentions arrive; order of first mention kept."""

    def __init__(self) -> None:
        self.by_key: dict[str, Entity] = {}
        self._attr_keys: dict[int, set[str]] = {}
        self._placeholders: dict[int, set[str]] = {}

    def get(self, name: str) -> Entity | None:
        return self.by_key.get(loose(name))

    def add(self, name: str, span: Span | None = None, explicit: bool = False) -> Entity:
        key = loose(name)
        ent = self.by_key.get(key)
        if ent is None:
            ent = Entity(name=name, spans=[span] if span else [], explicit=explicit)
            self.by_key[key] = ent
        else:
            if span and len(ent.spans) < 8:
                ent.spans.append(span)
            ent.explicit = ent.explicit or explicit
        return ent

    def alias(self, name: str, ent: Entity) -> None:
        """From now on ``name`` is another name of ``ent`` (its own entry is dropped)."""
        self.by_key[loose(name)] = ent

    def remove(self, ent: Entity) -> None:
        """``ent`` is no entity after all: every name of it is forgotten."""
        for key in [k for k, e in self.by_key.items() if e is ent]:
            del self.by_key[key]

    def rename(self, ent: Entity, name: str) -> None:
        """``ent`` is called ``name`` from now on; its old name still finds it."""
        ent.name = name
        self.by_key[loose(name)] = ent

    def remove_attribute(self, ent: Entity, attr: Attribute) -> None:
        """``attr`` turned out to be another thing's (a link's field): ``ent`` no longer has it."""
        ent.attributes.remove(attr)
        self._attr_keys.get(id(ent), set()).discard(loose(attr.name))

    def is_placeholder(self, ent: Entity, attr: Attribute) -> bool:
        """Whether ``attr`` is the stub name ``ent`` got for being merely mentioned."""
        return loose(attr.name) in self._placeholders.get(id(ent), ())

    def has_attribute(self, ent: Entity, name: str) -> bool:
        """Whether ``ent`` has a column ``name`` the text gave it (a placeholder stub, the name a merely
        mentioned entity got, gives way to the text's own column of the same name)."""
        key = loose(name)
        return key in self._attr_keys.get(id(ent), ()) and key not in self._placeholders.get(id(ent), ())

    def add_attribute(self, ent: Entity, attr: Attribute, placeholder: bool = False) -> None:
        """Add ``attr`` unless ``ent`` has one of that name. A ``placeholder`` (the stub name a merely
        mentioned entity gets) gives way as soon as the text lists a real attribute of the entity."""
        keys = self._attr_keys.setdefault(id(ent), set())
        stubs = self._placeholders.setdefault(id(ent), set())
        if placeholder:
            stubs.add(loose(attr.name))
        elif stubs:
            ent.attributes[:] = [a for a in ent.attributes if loose(a.name) not in stubs]
            keys -= stubs
            stubs.clear()
        key = loose(attr.name)
        if key in keys:
            return
        keys.add(key)
        ent.attributes.append(attr)

    @property
    def entities(self) -> list[Entity]:
        return list({id(e): e for e in self.by_key.values()}.values())


def attribute_name(item_name: str) -> str:
    return title_case(item_name)


def sentence_mentions(sentence: Sentence, names: list[str]) -> list[tuple[str, int, int]]:
    """Where known entity names occur in a sentence: (name, start, end), longest names first, no overlaps."""
    ordered = _longest_first(tuple(names))
    trie, by_form = _mention_pattern(ordered)
    if trie is None:
        return []
    out = []
    low = sentence.text.lower()
    for start, end in _find_forms(low, trie):
        form = " ".join(low[start:end].split())
        name = by_form.get(form)
        if name is not None and not _names_a_trade(low, start, end):
            out.append((name, start, end))
    short, by_head = _head_pattern(ordered)
    if short is not None:
        for m in short.finditer(low):
            if not any(a < m.end(1) and m.start(1) < b for _, a, b in out):
                out.append((by_head[m.group(1)], m.start(1), m.end(1)))
        out.sort(key=lambda x: x[1])
    return out


@lru_cache(maxsize=64)
def _longest_first(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names longest first, sorted once per name set (every sentence of a text asks with the same names)."""
    return tuple(sorted(names, key=len, reverse=True))


_NEXT_WORDS = re.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?")


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|our|my|their|its)\s+$")


def _names_a_trade(low: str, start: int, end: int) -> bool:
    """"a booking system", "a car rental business with several branches": the nouns before an enterprise
    word name its trade (a second noun only after an article: "customers use app" has a verb there)."""
    nxt = _NEXT_WORDS.match(low, end)
    if nxt is None:
        return False
    if nxt.group(1) in ENTERPRISE_WORDS:
        return True
    return nxt.group(2) in ENTERPRISE_WORDS and bool(_ARTICLE_BEFORE.search(low, 0, start)) \
        and not is_plural(low[start:end].split()[-1])


@lru_cache(maxsize=64)
def _head_pattern(names: tuple[str, ...]):
    """"A sample belongs to one species" in a text about Seed Samples: as the sentence subject, the head noun of
    an entity name of two or more words ("a commission" of a Public Art Commission) refers to that entity,
    when no other entity shares the head and the head is not a name of its own nor a verb or abstract word."""
    heads: dict[str, list[str]] = {}
    whole = {" ".join(n.lower().split()) for n in names}
    for name in names:
        words = name.lower().split()
        if len(words) >= 2:
            heads.setdefault(words[-1], []).append(name)
    by_head: dict[str, str] = {}
    for head, owners in heads.items():
        if len(owners) != 1 or head in whole or any(w.split()[-1] == head and w != owners[0].lower() for w in whole) \
                or head in COMMON_VERBS or head in ABSTRACT_NOUNS or head in ENTITY_SUFFIX_NOISE or len(head) < 4:
            continue
        for form in (head, head + "s", head + "es", _irregular_plural(head)):
            if form and form not in whole:
                by_head.setdefault(form, owners[0])
    if not by_head:
        return None, by_head
    alt = "|".join(re.escape(f) for f in sorted(by_head, key=len, reverse=True))
    return re.compile(r"^\s*(?:a|an|the|each|every|this)\s+(" + alt + r")(?![\w-])"), by_head


def _al_noun(adjective: str) -> str | None:
    """"promotional" -> "promotion", "regional" -> "region": the noun an -al adjective is made from."""
    if len(adjective) > 6 and adjective.endswith("al") and not adjective.endswith("ial"):
        return adjective[:-2]
    return None


def named_by_head(phrase: str, names) -> str | None:
    """"the project quality inspection for each project" in a text that describes a Civil Engineering
    Project, "after each promotion" beside Promotional Activity: a noun that names no entity refers to the
    ONE described entity of two or more words whose head noun it is (or whose -al modifier is made from
    it, before a generic head), when exactly one entity qualifies. A one-word phrase only: the mention
    is resolved where it is read, no two tables are merged."""
    words = loose(phrase).split()
    if len(words) != 1 or len(words[0]) < 4 or words[0] in ABSTRACT_NOUNS or words[0] in ENTITY_SUFFIX_NOISE:
        return None
    whole, by_head = _head_index(tuple(names))
    if words[0] in whole:
        return None
    found = by_head.get(words[0], ())
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=64)
def _head_index(names: tuple[str, ...]) -> tuple[frozenset, dict]:
    """The loose names, and for each head noun (or noun of an -al modifier before a generic head) the
    names of two or more words it may stand for (built once per name set)."""
    keys = {loose(n): n for n in names}
    by_head: dict[str, list[str]] = {}
    for key, name in keys.items():
        parts = key.split()
        if len(parts) < 2:
            continue
        by_head.setdefault(parts[-1], []).append(name)
        made = _al_noun(parts[0]) if len(parts) == 2 and parts[-1] in ABSTRACT_NOUNS else None
        if made and made != parts[-1]:
            by_head.setdefault(made, []).append(name)
    return frozenset(keys), by_head


@lru_cache(maxsize=64)
def _mention_pattern(names: tuple[str, ...]):
    """A trie of every name and its plural forms, and the name of each form (built once per name set)."""
    by_form: dict[str, str] = {}
    for name in names:
        base = " ".join(name.lower().split())
        for form in (base, base + "s", base + "es", _irregular_plural(base)):
            if form and form not in by_form:
                by_form[form] = name
    if not by_form:
        return None, by_form
    return _form_trie(by_form), by_form


def _form_trie(forms) -> dict:
    """The forms as a trie of characters ("" marks where a form ends): a regex alternation of hundreds of
    names costs long to compile, and is compiled anew for each set of names."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


_MENTION_START = re.compile(r"(?<![\w-])\S")


def _find_forms(low: str, trie: dict) -> list[tuple[int, int]]:
    r"""Where forms of ``trie`` occur as whole words, left to right, no overlaps; at each place the longest
    form (a space in a form stands for any run of white space). Matches what the regex
    ``(?<![\w-])(?:form|...)(?![\w-])`` with the longest forms first finds."""
    out: list[tuple[int, int]] = []
    taken, n = 0, len(low)
    for m in _MENTION_START.finditer(low):
        start = m.start()
        if start < taken or low[start] not in trie:
            continue
        node, i, end = trie, start, -1
        while True:
            if "" in node and (i == n or not (low[i].isalnum() or low[i] in "_-")):
                end = i
            if i >= n:
                break
            ch = low[i]
            if ch.isspace():
                node = node.get(" ")
                if node is None:
                    break
                i += 1
                while i < n and low[i].isspace():
                    i += 1
            else:
                node = node.get(ch)
                if node is None:
                    break
                i += 1
        if end > start:
            out.append((start, end))
            taken = end
    return out


def _irregular_plural(base: str) -> str | None:
    words = base.split()
    last = words[-1]
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        words[-1] = last[:-1] + "ies"
    elif last == "person":
        words[-1] = "people"
    else:
        return None
    return " ".join(words)
