"""Stage 2: attribute enumerations ("each farm has a farm ID, name, address and contact information").

A sentence holds an enumeration after a list trigger (``includes``, ``has``, ``with``, ``such as``,
``records``, a colon, ...). This stage finds the trigger, cuts the list where a new clause begins,
splits it into items (commas, a final "and"/"or", parentheses kept whole) and cleans each item:
determiners go, quoted values in parentheses become allowed values, "unique" becomes a flag,
"(Primary key)" and "(Foreign key, referencing the Movie table)" become hints. Who *owns* the
list is the entity stage's job; this stage only reports where the trigger sits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import (
    EVENT_NOUN_OF_VERB,
    TRANSACTION_NOUNS,
    ACTION_GERUNDS,
    ATTRIBUTE_INFO_KINDS,
    CLAUSE_WORDS,
    COMPOSITE_ATTRIBUTE_HEADS,
    DATA_GERUNDS,
    DATA_VERBS,
    DETERMINERS,
    FUNCTION_WORDS,
    GENERIC_OWNERS,
    HEADING_ACTIONS,
    IDENTIFIER_WORDS,
    IRREGULAR_PARTICIPLES,
    LIST_STOPPERS,
    LIST_TRIGGERS,
    MANY_WORDS,
    NON_ATTRIBUTES,
    OPERATION_VERBS,
)
from .segment import Sentence
from .words import clean_phrase, is_plural, singular

MAX_ITEMS = 40
MAX_ITEM_WORDS = 6

# Nouns-or-verbs ("record", "document") count as a trigger only in a verb position.
_VERB_ONLY = frozenset({"record", "records", "document", "documents", "register", "track", "tracks",
                        "store", "stores", "maintain", "maintains", "capture", "captures", "holds",
                        "keeps", "keep", "hold", "lists", "involves", "registers", "log"})
_VERB_BEFORE = frozenset({"to", "must", "should", "shall", "will", "can", "also", "table", "system", "it", "we", "they",
                          "and", "which", "that", "needs", "need", "may", "could", "would", "always"})
_VERB_AFTER = frozenset({"the", "a", "an", "each", "its", "their", "basic", "detailed", "information",
                         "all", "his", "her", "every", "details", "data"})
# Verbs of filling in values ("set", "configure"): a list trigger only before a colon or "the"/"its" ...
_SETTING_VERBS = frozenset({"set", "sets"})
_SETTING_OBJECT_START = frozenset({"the", "its", "their", "his", "her"})
# Gerunds that also modify nouns ("recording time", "tracking number"): a verb only after another verb.
_NOUN_MODIFIER_GERUNDS = frozenset({"setting", "recording", "tracking", "registering", "logging"})
# Heads that make "<gerund> <head>" one noun ("handling status", "sending time"), not an operation.
_COMPOUND_HEADS = frozenset({"time", "date", "status", "number", "address", "result", "results", "fee", "cost",
                             "location", "type", "method", "person", "personnel", "amount", "quantity", "code",
                             "level", "state", "mode", "count", "record", "period", "channel", "opinion",
                             "content", "description", "remarks"})
# "person in charge", "reason for change": fixed phrases whose preposition does not start a clause.
_ITEM_CUT = re.compile(r"\s(?:who|whom|whose|which|that|responsible for|when|where|to|(?<!\breason\s)for|by|from|in(?!\s+charge\b)|on|during|within|"
                       r"used|involved|associated|assigned|performing|performed|so|if|is|are|was|will|can|they|being|"
                       r"must|should|shall|may|might|cannot|has\s+to|have\s+to|needs\s+to)\s", re.IGNORECASE)
_KEY_HINT = re.compile(r"\s+(?:as|being)\s+(?:the|its|a)\s+(?:primary\s+key|identifier|unique\s+identifier)\b.*$", re.IGNORECASE)
# After the first word of an item, these show a verb and its object ("record the details"): no noun is
# followed by "the".
_CLAUSE_DETERMINERS = frozenset({"the", "a", "an", "each", "every", "all", "their", "its", "his", "her", "these", "those",
                                 "one", "several", "multiple", "many", "some"})
_TRIGGER_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(t) for t in sorted(LIST_TRIGGERS, key=len, reverse=True)) + r")(?![\w-])"
    r"|(:)(?=\s*\S)",
    re.IGNORECASE,
)
_LEADING_TRIGGER = re.compile(r"^\s*(?:(?:(?:[A-Za-z]+\s+){0,3}(?:information|info|details|data|attributes|fields)\s+)?"
                              r"(?:including|includes|include|such as|e\.g\.?|namely)"
                              r"|(?:[A-Za-z]+\s+){0,2}(?:information|info|details|data|attributes|fields)\s+like)\s+", re.IGNORECASE)
_TRAILING_TRIGGER = re.compile(r"\s+(?:including|includes|such as|e\.g\.?|namely)\s*$", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“”'‘’]([^\"“”'‘’]{1,40})[\"“”'‘’]")
_PAREN = re.compile(r"\(([^()]*)\)")
# ", which must be unique": a remark on the item before it, not the end of the list.
_UNIQUE_REMARK = re.compile(r"\s*,?\s*which\s+(?:is|are|must\s+be|should\s+be|has\s+to\s+be|have\s+to\s+be|needs\s+to\s+be)"
                            r"\s+(?:unique|distinct)\b\s*,?", re.IGNORECASE)
# "the system" opens a clause ("..., and the system will"), unless it names a field ("the system name").
_SYSTEM_FIELD = r"(?!\s+(?:name|names|version|settings?|configuration|parameters?|id|logs?|theme|language)\b)"
_STOPPER_RE = re.compile("|".join(re.escape(s) + (_SYSTEM_FIELD if s.endswith(" the system") else "")
                                  for s in LIST_STOPPERS), re.IGNORECASE)


@dataclass
class Item:
    name: str
    start: int  # offset within the sentence
    end: int
    allowed_values: list[str] = field(default_factory=list)
    unique: bool = False
    primary_key: bool = False
    references: str | None = None  # "(Foreign key, referencing the Movie table)" -> "Movie"
    many: bool = False  # "multiple addresses": a relationship, not an attribute
    link_attributes: list[str] = field(default_factory=list)  # "multiple products with quantities"
    possessor: str | None = None  # "each member's name" -> "member"
    of_owner: str | None = None  # "the name ... of each program" -> "program"
    value_range: tuple[float, float] | None = None
    clause: bool = False  # a clause caught in the list: it shows the list is there, but names nothing
    verb: str | None = None  # "tracks inventory quantities": the verb that opened a new clause in the list


@dataclass
class AttributeList:
    sentence: Sentence
    trigger: str
    trigger_start: int  # offsets within the sentence
    trigger_end: int
    items: list[Item]

    @property
    def prefix(self) -> str:
        """The sentence before the trigger, where the owner usually is."""
        return self.sentence.text[: self.trigger_start]


# ", each identified by", ", each distinctively described by": the next list is each one's fields.
_EACH_BEFORE = re.compile(r",\s*each(?:\s+[a-z]+ly)?\s*$", re.IGNORECASE)

# "A depot has an address.", "Every delivery is logged with a timestamp.", "Record X information, including
# Y.": a sentence that is only a counted subject (or a kind of information) and one detail of it describes it (a longer sentence's one item is too often
# not a field).
_ONE_DETAIL_SENTENCE = re.compile(r"^\s*(?:[^.;]*,\s*and\s+(?=each|every))?(?:(?:a|an|each|every)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?\s+"
                                  r"(?:(?:to|from|at|in|on|of|for)\s+(?:a|an|the|each|every)\s+[a-z][\w-]*\s+)?"
                                  r"(?:has|(?:is|are)\s+(?:logged|recorded|stored|kept|registered|saved)\s+with)"
                                  # "Guides have a name.": a bare plural subject's one detail
                                  r"|(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*[^s\W]s\s+(?:each\s+|also\s+)?have"
                                  # "Parts used in a job are recorded with a quantity.": the pair's one value
                                  r"|(?:the\s+)?[a-z]+s\s+[a-z]+(?:ed|en)\s+(?:in|on|at|for|during)\s+(?:a|an|each|every)\s+"
                                  r"[a-z]+\s+are\s+(?:recorded|logged|stored|kept|noted)\s+with"
                                  # "(..., and) we log each cleaning with a time.": the record's one value
                                  r"|(?:[^.;]*,\s*(?:and\s+)?)?we\s+(?:also\s+)?(?:log|record|store|track|note)\s+(?:each|every)\s+[a-z]+(?:\s+[a-z]+)?\s+with"
                                  # "Record rental payment information, including the late fee.": the kind's one field
                                  r"|[a-z]+(?:\s+[a-z][\w-]*){0,4}\s+(?:information|info|details|data)\s*,\s*including)$",
                                  re.IGNORECASE)


def find_attribute_lists(sentence: Sentence) -> list[AttributeList]:
    """Every enumeration of attributes in ``sentence`` (usually one), left to right."""
    text = sentence.text
    depth = _paren_depths(text)
    triggers = [m for m in _TRIGGER_RE.finditer(text) if depth[m.start()] == 0 and _is_trigger(text, m)]
    # "such as tracking date, tracking content": a trigger word right after a trigger opens the list's first item
    triggers = [m for k, m in enumerate(triggers)
                if k == 0 or m.group(2) or text[triggers[k - 1].end():m.start()].strip(" :")
                or not (m.group(1).lower().endswith("ing") or m.group(1).lower() in _VERB_ONLY)]
    out: list[AttributeList] = []
    taken_until = -1
    pending: tuple[re.Match, list[Item], int] | None = None  # a one-item list that may continue
    for i, m in enumerate(triggers):
        if m.start() < taken_until:
            continue
        region_end = _region_end(text, m.end(), triggers[i + 1:])
        nxt = triggers[i + 1] if i + 1 < len(triggers) else None
        each = _EACH_BEFORE.search(text, m.end(), nxt.start()) if nxt is not None and nxt.start() < region_end else None
        if each:
            region_end = each.start()  # "has several customers, each identified by an ID, ...": two lists
        if nxt is not None and nxt.start() < region_end and _no_comma(text, m.end(), nxt.start()) \
                and len(text[m.end():nxt.start()].split()) <= 4 and pending is None \
                and not _MANY_START.match(text, m.end()):
            continue  # "has users with email, name": the list belongs to the inner trigger
        items = split_items(text, m.end(), region_end)
        if items and _UNIQUE_REMARK.match(text, region_end):
            items[-1].unique = True  # "..., and an email address, which must be unique."
        word = (m.group(1) or m.group(2)).lower()
        if items and word in ("have", "has") and _HAVE_THEIR.match(text, m.end()):
            kept = _KEPT_AFTER.search(items[-1].name)
            if kept and not text[items[-1].end:].strip(" .;!"):
                # "Teachers must have their Teacher ID and name stored": the participle says the values are
                # kept, it is no part of the last one's name
                items[-1].name = items[-1].name[: kept.start()]
        first = m
        # "each with a unique Customer ID, including name, email": one list in two pieces.
        if pending is not None and pending[2] == m.start() and not text[pending[0].end():m.start()].strip(" ,").endswith("."):
            first = pending[0]
            items = pending[1] + items
            word = (first.group(1) or first.group(2)).lower()
        pending = None
        attrs = [it for it in items if not it.many]
        minimum = 1 if word in (":", "fields", "attributes", "columns") or (_ONE_DETAIL_SENTENCE.match(text[:first.end()])
                                                                          or _record_keeps(text[:first.end()])) \
            and len(items) == 1 and not text[region_end:].strip(" .") \
            or (len(items) == 1 and _VERB_PHRASE_WITH_LIST.match(text, region_end)) else 2
        if word == ":" and len(attrs) == 1 and len(text[attrs[0].start:attrs[0].end].split()) > MAX_ITEM_WORDS:
            attrs = []  # "...system: A repair station wants to use a database to ...": a sentence, not a field
        if word in ("such as", "including", "like") and attrs and _value_list(text[:m.start()].rstrip(" ,"), attrs) \
                or word in _EXAMPLE_WORDS and (_closed_by_other_kinds(text, attrs) or _written_as_values(text, attrs)) \
                or word == ":" and _KINDS_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            # "user roles, such as student, teacher": values, not attributes; the roles are still a thing
            out.append(AttributeList(sentence, word, first.start(), first.end(), []))
            taken_until = region_end
            continue
        if len(attrs) >= minimum or (any(it.many for it in items) and (word in _HOLDS or word.startswith("each"))):
            out.append(AttributeList(sentence, word, first.start(), first.end(), [it for it in items if not it.clause]))
            taken_until = region_end
        elif items and len(attrs) == len(items) and any(w.lower() in IDENTIFIER_WORDS for w in items[-1].name.split()):
            # "each with a unique Customer ID, including ...": an identifier continues into the next list
            pending = (first, items, _next_start(triggers, i, region_end))
    if not triggers and sentence.heading:
        bare = _bare_list(sentence)
        if bare is not None:
            out.append(bare)
    paren = _parenthesised_lists(sentence)
    if paren:
        paren = _merge_sub_lists(out, paren)
    if paren:
        # "maintains basic user information (user ID, username), records order information (...)":
        # the parenthesised lists are the real enumerations; a list that runs over them is not.
        out = [a for a in (_outside_parens(a, paren) for a in out) if a is not None]
        out = [a for a in out if not any(p.trigger_start < a.trigger_start < _list_end(p) for p in paren)]
        out.extend(paren)
    out = [a for a in (_without_other_kinds(a) for a in out) if a is not None]
    out.sort(key=lambda a: a.trigger_start)
    return out


_EXAMPLE_WORDS = frozenset({"such as", "including", "like", "include", "includes"})
# "..., and other details": what the closing "other X" names when the list is of fields, not of kinds.
_FIELD_KIND_HEADS = frozenset({"information", "info", "details", "detail", "data", "content", "contents", "metrics",
                               "attributes", "fields", "properties", "characteristics", "parameters", "indicators",
                               "items", "records", "settings", "features", "fees", "costs", "times", "dates",
                               "metric", "particulars", "aspects"})
_OTHER_ITEM = re.compile(r"\s*(?:and|or)?\s*other\s+(?:[\w-]+\s+){0,3}?([\w-]+)\s*(?:\.|$)", re.IGNORECASE)


# "various applications (bed change, repair)", "three types of users: job seekers, companies": a count
# or variety of a plural noun, then the list, names the kinds of that noun, not its fields.
_KINDS_BEFORE = re.compile(r"\b(?:various|different|several|multiple|many|(?:\w+\s+)?(?:types|kinds|sorts|categories)\s+of)"
                           r"\s+(?:[a-z-]+\s+){0,2}[a-z-]+[^s\W]s\s*$", re.IGNORECASE)


_VALUE_ITEM = re.compile(r"\s*(?:(?:and|or)\s+)?(?:['‘][a-z][a-z -]{0,20}['’]|[A-Z]{5,})\s*\.?\s*$")


def _written_as_values(text: str, items: list[Item]) -> bool:
    """"such as 'view', 'edit' and 'delete'", "such as ADMIN, CONTRIBUTOR, and VISITOR": items written as
    literal values (single-quoted lower-case words, or constants in capitals) are values, not field names."""
    return len(items) >= 2 and all(_VALUE_ITEM.fullmatch(text, it.start, it.end) for it in items)


def _closed_by_other_kinds(text: str, items: list[Item]) -> bool:
    """"sells products such as phones, computers, and other electronic goods", "including transfers,
    deposits, and other operations": a list closed by "and other X" names kinds of X (examples of a class),
    not fields, unless X is a word for fields ("and other details", "and other performance metrics")."""
    if len(items) < 2:
        return False
    m = _OTHER_ITEM.match(text, items[-1].start, items[-1].end) if items[-1].end - items[-1].start < 60 else None
    if m is None:
        return False
    return m.group(1).lower() not in _FIELD_KIND_HEADS


_OTHER_BEFORE = re.compile(r"\b(?:and|or|,)\s*other\s+$", re.IGNORECASE)


def _without_other_kinds(alist: AttributeList) -> AttributeList | None:
    """"recording invocation time, delay time, and other performance metrics": the last item is no
    field, only says the list goes on. "supports transfer, deposit, withdrawal, and other operations",
    "content can include text, pictures or other forms of multimedia content": the items are kinds
    of the last one (operations, forms of content), not fields of anything. (``_closed_by_other_kinds``
    reads example lists as they are split; this reads every list found, whatever its trigger.)"""
    if not alist.items:
        return alist
    last = alist.items[-1]
    text = alist.sentence.text
    if not (_OTHER_BEFORE.search(text[:last.start]) or re.match(r"other\s", text[last.start:last.end], re.IGNORECASE)
            and re.search(r"(?:\band|\bor|,)\s*$", text[:last.start])):
        return alist
    words = last.name.lower().split()
    head = words[0] if len(words) > 2 and words[1] == "of" else words[-1]
    if head in _FIELD_KIND_HEADS:
        if len(words) >= 2 and words[-2] in ATTRIBUTE_INFO_KINDS and head in ("information", "info", "details"):
            return alist  # "the bettor's phone and other identity information": a known kind of column
        alist.items = alist.items[:-1]
        return alist if alist.items else None
    return None


# Determiners, pronouns, modal and auxiliary verbs, "to": a field list written in telegraphic style has none.
_SENTENCE_WORDS = frozenset({"a", "an", "the", "each", "every", "this", "these", "those", "its", "their", "our", "your",
                           "it", "they", "we", "you", "can", "could", "may", "might", "must", "should", "will",
                           "would", "shall", "is", "are", "was", "were", "be", "to", "allowing", "allows"})


# "For each department, you can set:", "For every course, the system records:": a heading that is a
# sentence opening the fields of each of a kind of thing
_SETS_FOR_EACH = re.compile(r"^\s*for\s+(?:each|every)\s+[A-Za-z][\w -]{0,40},\s*(?:you|we|users?|administrators?|the\s+system)\s+"
                            r"(?:(?:can|may|must|should|shall|will)\s+)?(?:set|sets|record|records|enter|enters|specify|"
                            r"specifies|configure|configures|store|stores|maintain|maintains)\s*$", re.IGNORECASE)


def _bare_list(sentence: Sentence) -> AttributeList | None:
    """"- Clients: company name, contact person, email": a heading's colon, then only a comma list of
    short noun phrases; the list is the fields of the heading's topic (the colon is its trigger)."""
    text = sentence.text
    heading_words = [w.lower() for w in re.findall(r"[A-Za-z]+", sentence.heading or "")]
    if _SETS_FOR_EACH.match(sentence.heading or ""):
        heading_words = []  # "For each department, you can set:" opens the department's fields
    if any(w in _SENTENCE_WORDS or w in GENERIC_OWNERS or w in HEADING_ACTIONS for w in heading_words):
        return None  # "User Management: registration, deletion": a function heading lists operations
    if text.count(",") < 2 or re.search(r"[.!?]\s+\S", text.rstrip(".")):
        return None
    if any(w.lower() in _SENTENCE_WORDS for w in re.findall(r"[A-Za-z']+", text.split(",", 1)[0])):
        return None  # "Users can upload, edit, and view code": a sentence, not a telegraphic field list
    items = split_items(text, 0, len(text.rstrip(". ")))
    if len(items) < 3 or any(it.clause or it.verb or len(it.name.split()) > 4 for it in items):
        return None
    return AttributeList(sentence, ":", 0, 0, [it for it in items if not it.many])


_INFO_HEADS = frozenset({"information", "info", "details", "detail", "data", "records", "record", "profile"})


def _outside_parens(alist: AttributeList, paren: list[AttributeList]) -> AttributeList | None:
    """The list without the items that hold or sit in a parenthesised list, if two items remain
    ('loan amount, loan term, basic information of the applicant (name, phone), application time')."""
    inside = [p for p in paren if alist.trigger_end <= p.trigger_start < _list_end(alist)]
    if not inside:
        return alist
    rest = [it for it in alist.items
            if not any(it.start <= p.trigger_start < it.end or p.trigger_start <= it.start <= _list_end(p) for p in inside)]
    if len(rest) < 2:
        return None
    alist.items = rest
    return alist


def _merge_sub_lists(lists: list[AttributeList], paren: list[AttributeList]) -> list[AttributeList]:
    """'including log level, content, and lifecycle (creation, modification, deletion times)': a
    parenthesised list that spells out one attribute of a longer list stands in for that attribute.
    Returns the parenthesised lists that are enumerations of their own ('user information (ID, name)')."""
    rest = []
    for p in paren:
        merged = False
        for a in lists:
            holder = next((k for k, it in enumerate(a.items) if it.start <= p.trigger_start < it.end), None)
            if holder is None or len(a.items) < 2:
                continue
            words = a.items[holder].name.lower().split()
            if words[-1] in _INFO_HEADS and not all(w in ATTRIBUTE_INFO_KINDS for w in words[:-1]):
                continue  # "user information (ID, name)" is another owner's list; "personal information" is not
            if sum(a.trigger_end <= q.trigger_start < _list_end(a) for q in paren) > 1:
                continue  # "attendance (punch time), leave record (leave time)": a list of sub-lists
            a.items[holder:holder + 1] = p.items
            merged = True
            break
        if not merged:
            rest.append(p)
    return rest


_PAREN_LIST = re.compile(r"(?<=[\w\"”])\s*\(([^()]{3,400})\)")  # 'Card (...)', '"Card" (...)'


def _list_end(alist: AttributeList) -> int:
    return max((i.end for i in alist.items), default=alist.trigger_end)


_EXAMPLE_OPENER = re.compile(r"\s*(?:such as|e\.g\.?,?|for example,?|including)\s+", re.IGNORECASE)
# "... information of sports teams (" : the parentheses list the information's fields
_INFO_BEFORE = re.compile(r"\b(?:information|info|details|data|records?|attributes|fields)\b(?:\s+(?:of|about|for)\s+[\w' ]{1,40})?\s*$",
                          re.IGNORECASE)


_QUOTED_BEFORE = re.compile(r"[\"“]([^\"“”]{1,40})[\"”]\s*$")


def _field_note(before: str, inner: str) -> bool:
    """'"Project ID" (ProjectID, Primary key)': the parentheses annotate one quoted field (its code
    name, its key role), they do not list the columns of a table named in quotes."""
    quoted = _QUOTED_BEFORE.search(before)
    if not quoted:
        return False
    first = inner.split(",")[0]
    return _squashed(first) == _squashed(quoted.group(1)) \
        or re.search(r"\b(?:primary|foreign)\s+key\b", inner, re.IGNORECASE) is not None


def _squashed(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()  # "Project ID" and "ProjectID" alike


def _parenthesised_lists(sentence: Sentence) -> list[AttributeList]:
    """'basic dish information (dish ID, dish name, price, etc.)': the parentheses hold the list."""
    text = sentence.text
    out = []
    for m in _PAREN_LIST.finditer(text):
        inner = m.group(1)
        begin = m.start(1)
        example = _EXAMPLE_OPENER.match(inner)
        if example and _INFO_BEFORE.search(text, 0, m.start()):
            begin += example.end()  # "basic information of students (such as student ID, name, age)"
        elif _QUOTED.search(inner) or re.match(r"\s*(?:such as|e\.g|i\.e|eg|for example|like|see|primary|foreign)", inner, re.IGNORECASE):
            continue
        if _field_note(text[: m.start()], inner):
            continue
        items = [it for it in split_items(text, begin, m.end(1)) if not it.many]
        if re.search(r"\bor\b", inner, re.IGNORECASE) and _listed_values(inner):
            continue  # "a position (pre-roll, mid-roll or post-roll)": alternatives are values
        if _value_list(text[: m.start()], items) or _one_attribute_values(text[: m.start()], inner) \
                or _KINDS_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "personnel type (teacher, student, visitor)": the values of one attribute
        if len(items) >= 2:
            start = m.start() + m.group().index("(")
            out.append(AttributeList(sentence, "(", start, start + 1, [it for it in items if not it.clause]))
    return out


_VALUE_HEADS = frozenset({"type", "status", "state", "category", "level", "role", "kind", "mode", "gender",
                          "sex", "grade", "method", "color", "colour", "priority", "stage", "result", "condition"})
_NAME_LIKE_HEADS = frozenset({"id", "name", "time", "date", "number", "code", "no", "description", "amount"})


def _listed_values(paren: str) -> list[str] | None:
    """"(pre-roll, mid-roll or post-roll)": short alternatives joined by 'or' (or by commas alone), none
    named like an attribute (ID, name, date, ...): the values a column may take."""
    if _QUOTED.search(paren) or re.search(r"\band\b|\d|\betc\b|\.\.\.|…", paren, re.IGNORECASE) or ":" in paren:
        return None  # "etc.": an open list names examples, not every allowed value
    vals = [v.strip(" .") for v in re.split(r",|\bor\b|/", paren, flags=re.IGNORECASE)]
    vals = [v for v in vals if v]
    if len(vals) < 2 or any(len(v.split()) > 3 or v.split()[-1].lower() in _NAME_LIKE_HEADS for v in vals):
        return None
    return vals[:20]


_ONE_ATTRIBUTE_BEFORE = re.compile(r"\b(?:a|an)\s+([a-z]+(?:\s+[a-z]+){0,2})\s*$", re.IGNORECASE)


def _one_attribute_values(before: str, paren: str) -> list[str] | None:
    """'a voice section (soprano, alto, tenor, bass)', 'an outcome (delivered, missed)': after one
    attribute named with 'a/an', short words that name no field are the values it may take."""
    m = _ONE_ATTRIBUTE_BEFORE.search(before)
    if not m:
        return None
    head = m.group(1).split()[-1].lower()
    if singular(head) != head or head in _INFO_HEADS or head in COMPOSITE_ATTRIBUTE_HEADS:
        return None
    return _listed_values(paren)


def _value_list(before: str, items: list[Item]) -> bool:
    """A parenthesised list right after a singular 'type'/'status'/... word whose items are values,
    not attribute names (none ends in ID, name, time, date, ...)."""
    words = re.findall(r"[A-Za-z]+", before[-40:])
    if not words or singular(words[-1].lower()) not in _VALUE_HEADS:
        return False
    return all(it.name.split()[-1].lower() not in _NAME_LIKE_HEADS and len(it.name.split()) <= 3 for it in items)


_MANY_START = re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in MANY_WORDS) + r")\s", re.IGNORECASE)
_NEW_LIST_TRIGGERS = frozenset({"such as", "including", "includes", "include", "comprising", "consisting of",
                                "each with", "each having", "has", "have", "possesses", "possess"})
_HOLDS = frozenset({"with", "has", "have", "having", "contains", "contain", "containing", "includes", "include",
                    "including", "holds"})


def _no_comma(text: str, a: int, b: int) -> bool:
    return not any(ch in ",;:(" for ch in text[a:b])


def _next_start(triggers: list[re.Match], i: int, region_end: int) -> int:
    return next((t.start() for t in triggers[i + 1:] if t.start() >= region_end), -1)


def _paren_depths(text: str) -> list[int]:
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        out.append(depth)
        if ch == ")":
            depth = max(0, depth - 1)
    out.append(0)
    return out


# Verbs and objects after which "with" names a partner, not a list of attributes.
_WITH_AFTER_VERB = frozenset({"associated", "associate", "associates", "linked", "link", "links", "interact",
                              "interacts", "interacting", "cooperate", "cooperates", "cooperating", "communicate",
                              "communicates", "along", "together", "compared", "compare", "compares", "deal", "deals",
                              "dealing"})


# "The shopping cart records User ID, Product ID, ...": a sentence opening with "the X" before the verb
_THE_SUBJECT = re.compile(r"(?:^|[.;:]\s*)the(?:\s+[A-Za-z-]+){1,3}\s+$", re.IGNORECASE)


# "whether it includes meals", "whether the room has a view": a yes/no item's own verb, not a list
_WHETHER_CLAUSE_BEFORE = re.compile(r"\bwhether\s+(?:it|they|he|she|the\s+[a-z]+|its\s+[a-z]+|their\s+[a-z]+)\s+"
                                    r"(?:also\s+)?$", re.IGNORECASE)


# "(A member borrows books;) each loan records the due date.": a counted record's one detail
_EACH_RECORD_KEEPS = re.compile(r"^\s*(?:[^.;]*[;,]\s*(?:and\s+)?)?(?:each|every)\s+([a-z][\w-]*)\s+"
                                r"(?:records|logs|notes|stores|keeps|tracks)$", re.IGNORECASE)
_RECORD_NOUNS = frozenset(TRANSACTION_NOUNS) | frozenset(EVENT_NOUN_OF_VERB.values()) \
    | frozenset({"record", "entry", "log", "event", "session"})


def _record_keeps(head: str) -> bool:
    """Whether ``head`` (a sentence up to its verb) is "each X records" with X a record of an act ("loan",
    "booking", "registration"): a record keeps its details, so even one is its list."""
    m = _EACH_RECORD_KEEPS.match(head)
    if not m:
        return False
    noun = singular(m.group(1).lower())
    return noun in _RECORD_NOUNS or (len(noun) > 6 and noun.endswith(("ation", "ition", "ment")))


def _is_trigger(text: str, m: re.Match) -> bool:
    word = (m.group(1) or m.group(2)).lower()
    if _WHETHER_CLAUSE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return False
    if word == "with":
        before = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 30): m.start()])
        if not before:
            return False  # "With the popularity of football, ...": an opening phrase, not a list
        if before[-1].lower() in _WITH_AFTER_VERB:
            # "associated with the project and inspector": a partner, unless identifiers are listed
            return bool(re.search(r"\b(?:ID|IDs|number|code|No\.?)\b", re.split(r"[.;]", text[m.end():], maxsplit=1)[0][:80]))
    if word in _NOUN_MODIFIER_GERUNDS:
        after = re.findall(r"[A-Za-z]+", text[m.end(): m.end() + 20])
        before = re.findall(r"[A-Za-z']+", text[max(0, m.start() - 20): m.start()])
        noun = (before and (before[-1].lower() in DETERMINERS or before[-1].lower().endswith("'s"))) \
            or (after and after[0].lower() in ("of", "function", "functions", "and"))
        if noun and re.split(r"[.;]", text[m.end():], maxsplit=1)[0].count(",") < 2:
            return False  # "the tracking of each piece of equipment", "tracking and management": a noun
        return not (after and after[0].lower() in _COMPOUND_HEADS)  # "tracking date" names a column
    if word in _SETTING_VERBS:
        # "you can set: name, description", "set the exam name, description": values a user fills in
        after = re.findall(r"[A-Za-z']+|:", text[m.end(): m.end() + 20])
        return bool(after) and (after[0] == ":" or after[0].lower() in _SETTING_OBJECT_START)
    if word not in _VERB_ONLY:
        return True
    before = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 20): m.start()])
    after = re.findall(r"[A-Za-z]+", text[m.end(): m.end() + 20])
    if (before and before[-1].lower() in _VERB_BEFORE) or (after and after[0].lower() in _VERB_AFTER):
        return True
    # "Each production plan records Order ID, Pizza ID, Production Sequence": the verb of an "each X"
    # subject, with a comma list right after it
    subject = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 40): m.start()])[-4:]
    if not word.endswith("s") or not (any(w.lower() in ("each", "every", "this") for w in subject)
                                      or _THE_SUBJECT.search(text, 0, m.start())):
        return False
    clause = re.split(r"[.;:]", text[m.end():], maxsplit=1)[0]
    pieces = clause.split(",")
    if len(pieces) >= 3:
        return all(0 < len(p.split()) <= 4 for p in pieces[:3])
    # "Each booking records check-in and check-out times and the room number": a short 'and' list
    # after a counted subject
    pieces = [p for p in re.split(r",|\band\b", clause) if p.strip()]
    return any(w.lower() in ("each", "every") for w in subject) and 2 <= len(pieces) <= 6 \
        and all(len(p.split()) <= 4 for p in pieces)


# "a reason for the visit, a status": a short "for the ..." phrase that the list goes on after.
_SHORT_FOR_PHRASE = re.compile(r" for the(\s+[A-Za-z]+){1,2}?(?=,\s|\s+(?:and|or)\s+(?:a|an|the)\s)", re.IGNORECASE)


_EACH_SUBJECT = re.compile(r"\s*(?:each|every)\s+[A-Za-z]", re.IGNORECASE)
# ", the information for these vehicles includes": a longer owner phrase, the information of a thing
_INFO_OF_THING = re.compile(r"\s*(?:and\s+)?(?:the\s+|their\s+|its\s+)?(?:[A-Za-z-]+\s+){0,2}(?:information|info|details|data)"
                            r"\s+(?:of|for|about|on)\s+(?:the\s+|these\s+|those\s+|each\s+|every\s+|its\s+|their\s+)?"
                            r"[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s*", re.IGNORECASE)


# "Farmers have a name and grow crops with a variety": the one detail before a second verb phrase is one too
_VERB_PHRASE_WITH_LIST = re.compile(r",?\s+and\s+(?!(?:a|an|the|its|their|other|his|her|our|each|every)\s)[a-z]+"
                                    r"(?:\s+[a-z]+){0,2}\s+[a-z]+[^s\W]s\s+with\s", re.IGNORECASE)
_VERB_PHRASE_BEFORE_WITH = re.compile(r",?\s+and\s+(?!(?:a|an|the|its|their|other|his|her|our|each|every)\s)[a-z]+"
                                      r"(?:\s+[a-z]+){0,2}\s+[a-z]+[^s\W]s$", re.IGNORECASE)


def _region_end(text: str, start: int, later: list[re.Match]) -> int:
    """Where a list that starts at ``start`` ends: a stopper clause, a later ", including", or the end."""
    end = len(text)
    for m in later:
        before = text[start:m.start()].rstrip()
        if before.endswith((",", ":", "(")) or (m.group(2) == ":"):
            end = m.start()
            break
        verb_phrase = _VERB_PHRASE_BEFORE_WITH.search(before) if (m.group(1) or "").lower() == "with" else None
        if verb_phrase:
            # "have a handle and post short messages with a text": the subject's second verb, and the
            # messages' own list
            end = start + verb_phrase.start()
            break
        comma = before.rfind(",")
        # ", team information such as ...": a new owner phrase starts a new list.
        if comma >= 0 and (len(before[comma + 1:].split()) <= 4 or _INFO_OF_THING.fullmatch(before, comma + 1)) \
                and ((m.group(1) or "").lower() in _NEW_LIST_TRIGGERS or _EACH_SUBJECT.match(before, comma + 1)):
            # ", team information such as ...", "..., each payment must record ...": a new owner starts a new list
            end = start + comma
            break
    stop = _STOPPER_RE.search(text, start, end)
    while stop:
        short = _SHORT_FOR_PHRASE.match(text, stop.start(), end)
        if short:
            stop = _STOPPER_RE.search(text, short.end(1), end)  # "a reason for the visit and a status": one item's words
            continue
        remark = _UNIQUE_REMARK.match(text, stop.start())
        if not (remark and re.match(r"\s*(?:the\s+|an?\s+|its\s+|and\s+)*[A-Za-z]", text[remark.end():end])
                and text[remark.end() - 1] == ","):
            end = stop.start()
            break
        stop = _STOPPER_RE.search(text, remark.end(), end)  # "the name, which is unique, the family"
    return end


def split_items(text: str, start: int, end: int) -> list[Item]:
    """Split ``text[start:end]`` at top-level commas and a final and/or, into cleaned items."""
    pieces: list[tuple[int, int]] = []
    depth = 0
    quote = False
    piece_start = start
    for i in range(start, end):
        ch = text[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch in "\"“”":
            quote = not quote if ch == '"' else (ch == "“")
        elif ch in ",;、" and depth == 0 and not quote:
            pieces.append((piece_start, i))
            piece_start = i + 1
    pieces.append((piece_start, end))
    pieces = [p for p in pieces if text[p[0]:p[1]].strip()]
    if not pieces:
        return []
    # Split every "A and B" piece: the final link of the enumeration, and pieces inside it
    # ("order dates, shipping dates and ordering customers, tracks order status").
    pieces = [part for ps, pe in pieces for part in _split_conjunction(text, ps, pe)]
    items = []
    for s, e in pieces[:MAX_ITEMS]:
        if _UNIQUE_REMARK.fullmatch(text, s, e):
            if items:
                items[-1].unique = True
            continue
        etc_of = _ETC_OF.fullmatch(text, s, e)
        if etc_of and items:
            # "the address, area, maintenance status, etc. of each property": the "etc." names no
            # field, but says whose fields the list's items are
            if not items[-1].of_owner:
                items[-1].of_owner = _of_owner_words(etc_of.group(1))
            continue
        item = _clean_item(text, s, e)
        if item is not None:
            items.append(item)
    named = [it for it in items if not it.clause]
    if named and not any(it.clause or it.verb for it in items[:items.index(named[-1])]):
        _of_bare_plural(text, named[-1])  # the last field, before a clause that may close the list
    _share_heads(text, items)
    items = _join_date_and_time(text, items)
    _drop_operation_clauses(items)
    _share_quantifier(text, items)
    return items


_HAVE_THEIR = re.compile(r"\s*(?:their|its|his|her)\s", re.IGNORECASE)
_KEPT_AFTER = re.compile(r"(?<=\w)\s+(?:stored|recorded|kept|saved|registered|logged|documented)$", re.IGNORECASE)
_ETC_OF = re.compile(r"\s*(?:and\s+)?(?:etc\.?|and\s+so\s+on)\s+of\s+(?:each|every|the|a|an|all)\s+(.+?)\s*[.;]?\s*", re.IGNORECASE)
# "the ID and name of hyperparameters": the last item's "of" + a bare plural says whose the fields are
_OF_BARE_PLURAL = re.compile(r"^(.+?)\s+of\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})$", re.IGNORECASE)
# "the number of rooms", "the types of products": a count, a measure or a kind of the plural, not its field
_OF_PLURAL_MEASURES = frozenset({"number", "numbers", "count", "counts", "quantity", "quantities", "amount", "amounts",
                                 "total", "list", "lists", "set", "sets", "group", "groups", "type", "types", "kind",
                                 "kinds", "category", "categories", "variety", "range", "level", "levels", "percentage",
                                 "rate", "ratio", "proportion", "sum", "average", "maximum", "minimum", "share",
                                 "majority", "most", "all", "each", "some", "any", "one", "none", "collection",
                                 "series", "pair", "pairs", "combination", "distribution", "ranking", "history"})


def _of_owner_words(phrase: str) -> str:
    """"batch of ore can be tracked" -> "batch of ore": the owner named after "of each", up to the clause."""
    return re.split(r"\s(?:to|for|in|so|that|which|who|whom|and|is|are|was|were|can|could|will|should|must|may|be|as|"
                    r"has|have|with|by|at|on|such|like|including)\b", phrase + " ", flags=re.IGNORECASE)[0].strip()


def _of_bare_plural(text: str, item: Item) -> None:
    """"records the creation time and last update time of users": the list's last item ends in "of" and a
    bare plural noun, which names whose the fields are (as "of each user" would), not part of the field's
    name; a count, measure or kind of the plural ("the number of beds", "types of products") stays whole."""
    if item.of_owner or item.possessor or item.clause or item.many or item.verb:
        return
    m = _OF_BARE_PLURAL.match(item.name)
    if m is None:
        return
    before, owner = m.group(1).split(), m.group(2).split()
    if before[-1].lower() in _OF_PLURAL_MEASURES or before[-1].lower() in _FIELD_KIND_HEADS or not is_plural(owner[-1]) \
            or any(w.lower() in DETERMINERS or w.lower() in FUNCTION_WORDS for w in owner):
        return  # "the creation and update information of assets": a kind of information, not a field
    if _OWN_DETERMINER.match(text, item.start):
        return  # "..., and the use of rental items": a noun phrase of its own, not the list's last field
    item.of_owner = " ".join(owner)
    item.name = " ".join(before)


def _share_quantifier(text: str, items: list[Item]) -> None:
    """"has multiple directors, actors, and producers": the quantifier of the first item counts the
    bare plural nouns coordinated after it too, so each is a thing of its own, not a column."""
    if len(items) < 2 or not items[0].many or not is_plural(items[0].name.split()[-1]):
        return
    for item in items[1:]:
        words = item.name.split()
        if item.many or item.clause or item.verb or len(words) > 2 or not is_plural(words[-1]) \
                or words[-1].lower() in _PLURAL_FIELDS or _OWN_DETERMINER.match(text, item.start):
            return  # "many rooms and a name": the quantifier stops at the first non-counted item
        item.many = True


_OWN_DETERMINER = re.compile(r"\s*(?:and\s+|or\s+)?(?:the|its|their|his|her|each|every|all)\s", re.IGNORECASE)
_PLURAL_FIELDS = frozenset({"remarks", "notes", "details", "comments", "contents", "keywords", "tags", "hours", "minutes",
                            "points", "credits", "steps", "specifications"})
_AND_BETWEEN = re.compile(r"\s*,?\s*(?:and|&)\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)


def _join_date_and_time(text: str, items: list[Item]) -> list[Item]:
    """"the date and time of the appointment", "a start date and time": one moment, one timestamp
    ("Date Time", "Start Date Time"), not a date column beside a time column. Only a bare "time" joins
    ("a date and a time slot" are two things)."""
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        pair = None
        if prev is not None:
            before, after = prev.name.lower().split(), item.name.lower().split()
            if before and after and after[:-1] in ([], before[:-1]):  # (a clause item may have no name)  # "a date and time", "the check-in date and check-in time"
                pair = (before[-1], after[-1])
        if pair in (("date", "time"), ("time", "date")) and _AND_BETWEEN.fullmatch(text, prev.end, item.start) \
                and not prev.many and not item.many:
            upper = prev.name.split()[-1][:1].isupper()
            prev.name = " ".join(prev.name.split()[:-1] + (["Date", "Time"] if upper else ["date", "time"]))
            prev.end = item.end
            continue
        out.append(item)
    return out


def _drop_operation_clauses(items: list[Item]) -> None:
    """'records names, analyzes sales trends and performance changes, tracks stock': an operation verb
    opens a clause whose objects are not attributes, up to the next clause of the list."""
    in_operation = False
    for item in items:
        if item.verb is not None:
            in_operation = item.verb in OPERATION_VERBS
        if in_operation:
            item.clause = True


# Events that have a time of their own ("creation and update time" -> Creation Time, Update Time).
_EVENT_WORDS = frozenset({"creation", "update", "modification", "start", "end", "departure", "arrival", "entry",
                          "exit", "registration", "release", "publication", "submission", "completion", "expiration",
                          "approval", "deletion", "login", "logout", "return", "delivery", "shipping", "payment",
                          "check-in", "check-out", "opening", "closing", "issue", "review", "sending", "receipt",
                          "renewal", "cancellation", "reservation", "booking", "shipment", "purchase", "sale", "hire",
                          "enrollment", "graduation", "activation", "verification", "inspection", "installation",
                          "repair", "production", "expiry", "birth", "pickup", "dropoff", "launch", "sign-in"})


def _event_word(word: str) -> bool:
    """'creation', 'renewal', 'shipment', 'booking': a word naming an event that happens at a time."""
    low = word.lower()
    return low in _EVENT_WORDS


def _share_heads(text: str, items: list[Item]) -> None:
    """'start and end dates' -> Start Date, End Date: a plural head shared across 'and'."""
    for a, b in zip(items, items[1:]):
        between = text[a.end:b.start].strip().lower()
        words_b = b.name.split()
        if between in ("and", "or", "&") and len(a.name.split()) == 1 and len(words_b) == 2 \
                and not text[b.start:b.end].lower().startswith("whether") \
                and words_b[-1].lower().endswith("s") and singular(words_b[-1]) != words_b[-1].lower() \
                and singular(words_b[-1].lower()) not in _INFO_HEADS \
                and singular(a.name.lower()) == a.name.lower() \
                and (words_b[0].lower().endswith("ing") <= a.name.lower().endswith("ing")):
            # "a name and contact details", "recipes and batches", "an address and opening hours": two things;
            # "shipping and billing addresses" shares its head
            head = singular(words_b[-1])
            a.name = f"{a.name} {head}"
            b.name = f"{words_b[0]} {head}"
        elif between in ("and", "or", "&") and a.name.lower() in _EVENT_WORDS and len(words_b) == 2 \
                and words_b[0].lower() in _EVENT_WORDS and words_b[-1].lower() in ("time", "date", "timestamp"):
            a.name = f"{a.name} {words_b[-1]}"  # "creation and update time": two times, one head
    # "the creation, update, and deletion times": event words listed before the one that carries the head
    for k, b in enumerate(items):
        words_b = b.name.split()
        if len(words_b) != 2 or not _event_word(words_b[0]) \
                or singular(words_b[-1].lower()) not in ("time", "date", "timestamp"):
            continue
        head = words_b[-1][:1] + singular(words_b[-1].lower())[1:]
        j = k - 1
        while j >= 0 and _event_word(items[j].name) \
                and text[items[j].end:items[j + 1].start].strip().lower() in (",", "and", ", and", "or", ", or"):
            items[j].name = f"{items[j].name} {head}"
            j -= 1
        if j < k - 1:
            b.name = f"{words_b[0]} {head}"


_CONJ = re.compile(r"\s(?:and|or|as well as|&|and/or)\s", re.IGNORECASE)


def _split_conjunction(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    piece = text[s:e]
    depth = _paren_depths(piece)
    # "creation time (CreateTime) and update time (UpdateTime)": split at an "and" outside parentheses
    matches = [m for m in _CONJ.finditer(piece) if depth[m.start()] == 0 and depth[m.end() - 1] == 0
               and not _BETWEEN_COUNT.search(piece, 0, m.start())]  # "between two and four members"
    for m in matches:
        out.append((pos, s + m.start()))
        pos = s + m.end()
    out.append((pos, e))
    return out


_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred)"
_BETWEEN_COUNT = re.compile(r"\bbetween\s+" + _NUMBER + r"\s*$", re.IGNORECASE)
# "between two and four X", "up to ten X", "at most 5 X": a bound on how many related things there are.
_COUNT_RANGE = re.compile(r"\s*(?:between\s+" + _NUMBER + r"\s+and|from\s+" + _NUMBER + r"\s+to|up\s+to|at\s+most|"
                          r"no\s+more\s+than|at\s+least)\s+" + _NUMBER + r"\s+(?=[a-z])", re.IGNORECASE)
_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "been", "being", "be"})


_PRONOUN_SUBJECTS = frozenset({"it", "they", "he", "she"})


def yes_no_name(name: str) -> str | None:
    """'whether it was successfully delivered' -> 'Is Successfully Delivered', 'whether they have
    industry connections' -> 'Has Industry Connections': a yes/no question names a flag column."""
    m = re.match(r"(?:and\s+|or\s+)?whether\s+(.+)$", name, re.IGNORECASE)
    if not m:
        return None
    words = m.group(1).strip(" .,;:").split()
    at = next((k for k, w in enumerate(words[:4]) if w.lower() in _AUXILIARIES), None)
    if at is None:
        # "whether it includes breakfast" -> Includes Breakfast, "whether they attended" -> Attended:
        # a pronoun subject, then the question's own verb
        if len(words) >= 2 and words[0].lower() in _PRONOUN_SUBJECTS and len(words) <= 4 \
                and words[1].isalpha() and words[1].lower() not in FUNCTION_WORDS:
            lead = ["Has"] if words[1].lower().endswith("ed") else []  # "whether they attended" -> Has Attended
            return " ".join(lead + [w[:1].upper() + w[1:] for w in words[1:]])
        return None
    if at == 0:
        return None
    have = words[at].lower() in ("has", "have", "had")
    k = at
    while k < len(words) and words[k].lower() in _AUXILIARIES:
        k += 1
    rest = words[k:]
    stop = next((j for j, w in enumerate(rest) if w.lower() in ("and", "or", "for", "to", "by", "with", "when", "if")), len(rest))
    rest = rest[:stop]
    if rest and rest[0].lower() in ("a", "an") and not have:
        rest = rest[1:]  # "whether it was a flash" -> Is Flash: the article names nothing
    if not rest or len(rest) > 4:
        return None
    lead = "Has" if have and k == at + 1 else "Is"  # "has been read" is a state: Is Read
    return " ".join([lead] + rest)


# "the date it was paid", "the time they joined": a noun, then a clause about it with a pronoun subject.
# "the number that germinated", "the count which failed": a count named by what the counted things did
_COUNT_THAT = re.compile(r"^\s*(?:the\s+)?(number|count|amount|total|percentage|share)\s+(?:that|which|who)\s+"
                         r"(?:(?:were|was|have|has|had)\s+)?([a-z]+(?:ed|en))[\s.]*$", re.IGNORECASE)
_PRONOUN_CLAUSE = re.compile(r"\s(?:it|they|he|she|we|you|i)\s+((?:(?:is|are|was|were|has|have|had|been|be|will|gets?|got)\s+)*)"
                             r"([A-Za-z]+)\b.*$", re.IGNORECASE)
# Heads that name when, where or how much of an event: they keep the event's participle ("Date Paid").
_EVENT_HEADS = frozenset({"date", "time", "day", "year", "place", "location", "amount", "reason", "price"})


def _reduced_relative(name: str) -> str:
    """'the date it was paid' -> 'the date paid'; 'the project it belongs to' -> 'the project'."""
    m = _PRONOUN_CLAUSE.search(name)
    if not m or m.start() == 0:
        return name
    head = name[: m.start()]
    last = head.split()[-1].lower()
    verb = m.group(2).lower()
    if not m.group(1) and verb in FUNCTION_WORDS or last in DATA_VERBS or last in OPERATION_VERBS:
        return name  # "associates it with the bucket": the pronoun is an object, not a clause's subject
    participle = verb.endswith("ed") or verb.endswith("en") and m.group(1) or verb in IRREGULAR_PARTICIPLES
    if last in _EVENT_HEADS and participle:
        return f"{head} {verb}"
    return head


_BARE_ALTERNATIVES = re.compile(r"^\s*[A-Za-z][\w -]*(?:\s*,\s*[A-Za-z][\w -]*)*,?\s+or\s+[A-Za-z][\w -]*\s*$")


def _bare_values(before: str, paren: str) -> list[str]:
    """'status (open, closed or archived)': after a type/status/level word, alternatives joined by 'or'
    are the values the column may take."""
    words = re.findall(r"[A-Za-z]+", before[-40:])
    if not words or singular(words[-1].lower()) not in _VALUE_HEADS or not _BARE_ALTERNATIVES.match(paren):
        return []
    values = [v.strip() for v in re.split(r",|\bor\b", paren) if v.strip()]
    if len(values) < 2 or any(len(v.split()) > 3 for v in values):
        return []
    return values[:20]


_TIME_IN_UNITS = re.compile(r"\b(?:time|period)\s*\(?\s*in\s+(seconds|minutes|hours|days|weeks|months|years)\b",
                            re.IGNORECASE)


# "each rack holds many boxes" inside a list: "each"/"every", a noun, then at least two more words.
# A gerund or "with" after the noun ("each fault involving the user number") still lists fields.
_NEW_SUBJECT = re.compile(r"\s*(?:each|every)\s+[A-Za-z]+(?![\w'’])\s+(?![A-Za-z]+ing\b|with\b)[A-Za-z]+(?:\s+[A-Za-z]+)+",
                          re.IGNORECASE)


# "..., and the library may own several copies": a subject with its own verb
# (a modal, or a present verb before its object) starts a new clause, not one more field.
_NEW_CLAUSE_IN_LIST = re.compile(r"\s*(?:and\s+)?(?:the|our|this|its|their)\s+[a-z]+"
                                r"(?:\s+(?!(?:they|we|you|it|he|she|i)\s)[a-z]+)?\s+"  # "the trails they can lead": a field
                                r"(?:(?:can|may|might|must|will|would|should|could)\s+[a-z]+"
                                r"|[a-z]+[^s\W]s\s+(?:a|an|the|each|every|several|many|multiple|its|their|some)\s)",
                                re.IGNORECASE)


# ", implemented through the Tags table", ", stored in the archive": a participle with its own prepositional
# phrase after the list says how or where the data is kept; it names no field. Lower case only: a field
# written as a name ("Signed By") is capitalised.
_PARTICIPLE_CLAUSE = re.compile(r"\s*(?:and\s+|or\s+)?[a-z]+ed\s+(?:through|via|using|within|into|"
                                r"(?:by|in|on|at|with|from|to|for)\s+(?:the|a|an|its|their|each|every)\s)")


# A word that ends a name only when a clause was cut after it: a bare preposition, or a manner adverb
# (adjectives in -ly that do name things - "monthly", "daily", "early" - are kept).
_TRAILING_PARTICLE = re.compile(r"\s+(?:within|before|after|during|between|among|(?!(?:hourly|daily|weekly|monthly|quarterly|"
                                r"yearly|annually|early|family|supply|assembly|only|reply|rally|ally|anomaly|butterfly|"
                                r"monopoly)\b)[a-z]{3,}ly)[\s.,;:!?]*$", re.IGNORECASE)
_GERUND_WITH_OBJECT = re.compile(r"(?:^|\s)[A-Za-z]+ing\s+(?:the|these|those|this|its|their|a|an|each|every)\s", re.IGNORECASE)


_NUMBER_RANGE = re.compile(r"\s+(?:between|from)\s+(-?\d+(?:\.\d+)?)\s+(?:and|to)\s+(-?\d+(?:\.\d+)?)(?!\w|\.\d)",
                           re.IGNORECASE)


# "the creator's details": all that is said of one thing, standing for the thing
_WHOLE_INFO_WORDS = frozenset({"details", "information", "info"})
# "the ID", "the serial number": an item with its own article that is only a key word ("the ID of the X")
_KEY_OF_THE = re.compile(r"^\s*the\s+(id|identifier|code|number|no\.?)\s*$", re.IGNORECASE)
_POSSESSED_EVENT = re.compile(r"([A-Za-z]+)['’]s?\s+([A-Za-z]+(?:\s+[A-Za-z]+)?)[.;!]?\s*$")
_EXAMPLES_OF_KEY = re.compile(r"\bidentifier\s*\(\s*(?:such as|e\.g\.?|eg|like|for example)\b[^()]*\)$", re.IGNORECASE)


def _clean_item(text: str, s: int, e: int) -> Item | None:
    raw = text[s:e]
    item = Item(name="", start=s, end=e)
    # Parentheses: allowed values, key hints; then drop them from the name.
    for paren_match in _PAREN.finditer(raw):
        paren = paren_match.group(1)
        low = paren.lower()
        quoted = _QUOTED.findall(paren)
        bare = _bare_values(raw[: paren_match.start()], paren)
        if quoted:
            item.allowed_values = [q.strip(" ,.") for q in quoted if q.strip(" ,.")][:20]
        elif bare:
            item.allowed_values = bare  # "a status (open, closed or archived)"
        elif not _EXAMPLES_OF_KEY.search(raw[: paren_match.end()]):
            # "a unique identifier (such as username or email)": what serves as the key, not its values
            listed = re.match(r"\s*(?:such as|e\.g\.?|eg|including|like|for example|i\.e\.?)[:,]?\s+(.+)$", paren, re.IGNORECASE)
            if listed:
                vals = [v.strip(" .") for v in re.split(r",|\bor\b|\band\b|/", listed.group(1))]
                vals = [v for v in vals if v and v.lower() not in ("etc", "etc.") and len(v.split()) <= 3]
                if len(vals) >= 2:
                    item.allowed_values = vals[:20]
            else:
                head = re.findall(r"[A-Za-z]+", _PAREN.sub(" ", raw))[-1:]
                values = _listed_values(paren)
                if values and (re.search(r"\bor\b", paren, re.IGNORECASE)
                               or (head and singular(head[0].lower()) in _VALUE_HEADS)
                               or _one_attribute_values(raw[: paren_match.start()], paren)):
                    item.allowed_values = values  # "a status (submitted, approved, rejected)"
        if "primary key" in low:
            item.primary_key = True
        ref = re.search(r"referenc\w*\s+(?:the\s+)?(.+?)(?:\s+table|\)|$)", paren, re.IGNORECASE)
        if ref:
            item.references = ref.group(1).strip()
        rng = re.search(r"(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)", paren)
        if rng:
            item.value_range = (float(rng.group(1)), float(rng.group(2)))
    between = _NUMBER_RANGE.search(raw)
    if between and item.value_range is None and not _PAREN.search(raw[: between.start()] + ")"):
        item.value_range = (float(between.group(1)), float(between.group(2)))  # "a grade between 1 and 10"
        raw = raw[: between.start()] + raw[between.end():]
    name = _PAREN.sub(" ", raw)
    name = re.sub(r"\(.*$", " ", name)  # an unclosed parenthesis
    name = re.sub(r"^\s*(?:and|or|as well as|also|plus|etc\.?)\s+", " ", name, flags=re.IGNORECASE)
    name = re.sub(r"\b(?:etc|and so on)\.?\s*$", " ", name, flags=re.IGNORECASE)
    count = _COUNT_RANGE.match(name)
    if count:
        name = name[count.end():]  # "between five and seven players": a count of related things
        item.many = True
    if _NEW_SUBJECT.match(name) or _NEW_CLAUSE_IN_LIST.match(raw) or _PARTICIPLE_CLAUSE.match(name):
        item.clause = True  # "..., and each rack holds many boxes": a new sentence about another thing
        item.name = clean_phrase(name)
        return item
    low = " " + name.lower() + " "
    for many in () if _LEADING_TRIGGER.match(name) else MANY_WORDS:  # "a set of attributes including X": X
        if low.lstrip().startswith(many + " "):
            item.many = True
            name = name.strip()[len(many):]
            break
    if item.many:
        w = re.search(r"\s+(?:with|having|and their|along with)\s+(?:their\s+|a\s+|the\s+)?(.+)$", name, re.IGNORECASE)
        if w:
            item.link_attributes = [clean_phrase(x) for x in re.split(r",|\band\b", w.group(1)) if clean_phrase(x)]
            name = name[: w.start()]
    if re.search(r"\bunique\b", name, re.IGNORECASE):
        item.unique = True
        name = re.sub(r"\bunique\b", " ", name, flags=re.IGNORECASE)
    name = " ".join(name.split())
    flag = yes_no_name(name)
    if flag:
        item.name = clean_phrase(flag)  # "whether it has been read" -> Is Read: a flag, whatever its words
        return item
    of = re.search(r"\s+of\s+(each|every|the|a|an|all|its|their)\s+(.+)$", name, re.IGNORECASE)
    if of:
        if of.group(1).lower() not in ("its", "their"):  # "the creation time of their registration": still theirs
            item.of_owner = _of_owner_words(of.group(2))  # "of each batch of ore can be" -> "batch of ore"
        owned = _POSSESSED_EVENT.match(of.group(2))
        key_of = _KEY_OF_THE.match(name[: of.start()]) if of.group(1).lower() == "the" else None
        owner_words = (item.of_owner or "").strip(" .;").split()
        if key_of and 1 <= len(owner_words) <= 3 and not is_plural(owner_words[-1]) \
                and all(w.isalpha() for w in owner_words):
            # "..., and the ID of the administrator who released the notice": with its own "the", one
            # thing's key named by what the thing is (an "Administrator ID" in the notice), not a
            # detail of the administrator ("the name and ID of each member" stays the member's)
            item.name = clean_phrase(f"{' '.join(owner_words)} {key_of.group(1)}")
            item.of_owner = None
            return item
        if owned and of.group(1).lower() == "the":
            # "the time of the user's last login": the user's Last Login Time
            item.of_owner = owned.group(1)
            name = f"{owned.group(2)} {clean_phrase(name[: of.start()])}"
        else:
            name = name[: of.start()]
    key_hint = _KEY_HINT.search(name)
    if key_hint:
        item.primary_key = True  # "order ID as the primary key", "scheduler ID being the identifier"
        name = name[: key_hint.start()]
    words = name.split()
    if len(words) >= 3 and words[1].lower() in _CLAUSE_DETERMINERS and not words[0].lower().endswith(("'s", "’s")) \
            and words[0].lower() not in DETERMINERS:
        item.clause = True  # "register the courses they enroll", "record the detailed information": a verb phrase
    name = _reduced_relative(name)
    counted = _COUNT_THAT.match(name)
    if counted:
        name = f"{counted.group(1)} {counted.group(2)}"  # "the number that germinated" -> Number Germinated
    cut = _ITEM_CUT.search(name + " ", 1)
    if cut:
        name = name[: cut.start()]
    name = _TRAILING_PARTICLE.sub("", name)  # "unpaid expenses within", "material resources effectively"
    gerund = _GERUND_WITH_OBJECT.search(name)
    if gerund:
        # "attributes describing the configuration", "efficiently supporting the organization": a gerund
        # with its own object is a clause about the noun before it, which alone is the name (if any)
        name = name[: gerund.start()]
        if not name.strip() or re.search(r"ly\s*$", name):
            item.clause = True
            item.name = clean_phrase(text[s:e]) or text[s:e].strip()
            return item
    poss = re.match(r"\s*(?:the\s+|each\s+|every\s+)?([A-Za-z][\w ]{0,40}?)(?:'s|’s|s'|s’)\s+(.+)$", name, re.IGNORECASE)
    if poss:
        owner_words = poss.group(1).split()
        keep: list[str] = []
        for w in reversed(owner_words):  # "query each employee's position" -> "employee"
            if w.lower() in DETERMINERS or w.lower() in FUNCTION_WORDS or len(keep) >= 3:
                break
            keep.insert(0, w)
        if keep and poss.group(2).strip(" .;").lower() in _WHOLE_INFO_WORDS and not re.search(r"s['’]\s", name):
            # "group chat name, creator's details, and creation time": the details of one person named
            # by a role stand for that person, a reference (not a detail to drop)
            item.name = clean_phrase(" ".join(keep))
            return item
        if keep:
            item.possessor = " ".join(keep) + ("s" if re.search(r"s['’]\s", name) else "")
            name = poss.group(2)
    name = re.sub(r"\s+(?:responsible|involved|concerned|required|used|assigned|(?<!person\s)in charge)\s*$", "", name.strip(),
                  flags=re.IGNORECASE)  # "the staff in charge" -> staff; "person in charge" is a name
    name = clean_phrase(_TRAILING_TRIGGER.sub("", _LEADING_TRIGGER.sub("", name)))  # "information such as scores" -> "scores"
    if not name or not name[0].isalnum():
        return None
    words = name.lower().split()
    if len(words) > 2 and words[0].endswith("ing") and (words[1] in DETERMINERS or words[1] in ("out", "up")) \
            and words[0] not in DATA_GERUNDS and words[0] not in ACTION_GERUNDS:
        item.clause = True  # "specifying the order", "filling out customer information": an action
        item.name = name
        return item
    verb = name.split()[0].lower()
    if verb in DATA_GERUNDS and verb not in _NOUN_MODIFIER_GERUNDS and len(name.split()) > 1 and not item.many:
        item.verb = verb  # "tracking inventory levels": the object is the data kept
        name = clean_phrase(name[len(verb):])
        verb = name.split()[0].lower()
    if len(name.split()) == 1 and (verb in OPERATION_VERBS or verb in ("belong", "belongs")):
        item.clause = True  # "..., and belong to a category": a lone verb names nothing
        item.name = name
        return item
    if not item.many and len(name.split()) > 1 and (verb in DATA_VERBS or verb in OPERATION_VERBS):
        item.verb = verb  # a new clause of the list's subject: "tracks inventory quantities"
        name = clean_phrase(re.sub(r"^\S+(?:\s+up\b)?", "", name))  # "sets up direct supervisors"
        gerund = name.split()[0].lower() if name else ""
        if gerund in DATA_GERUNDS and len(name.split()) > 1:
            item.verb = verb = gerund  # "supports setting product categories": keeping data after all
            name = clean_phrase(name[len(gerund):])
        if verb in OPERATION_VERBS or not name:
            item.clause = True
            item.name = name or verb
            return item
    if name.split()[0].lower() in FUNCTION_WORDS or name.split()[0].lower() in CLAUSE_WORDS:
        item.clause = True  # "whether it", "and", "of each property", "thereby achieving": a clause, not a name
    if name.lower() in NON_ATTRIBUTES or len(name.split()) > MAX_ITEM_WORDS:
        return None
    words = name.lower().split()
    if words[0] in ACTION_GERUNDS and not (len(words) >= 2 and words[1] in _COMPOUND_HEADS) \
            and not (len(words) >= 2 and re.match(r"\s*(?:and\s+)?an?\s", raw, re.IGNORECASE)):
        # "adding, modifying and deleting records" lists operations; "tracking number" is a name, and so is
        # "a receiving resident" (after an article the -ing word describes the noun)
        return None
    name = re.sub(r"\b(for|of|in|on|at|per)\s+(?:the|a|an)\s+(?=\w)", r"\1 ", name, flags=re.IGNORECASE)  # "Reason for Visit"
    unit = _TIME_IN_UNITS.search(raw)
    if unit and name.split()[-1].lower() in ("time", "period"):
        name = f"{name} {unit.group(1).lower()}"  # "running time in minutes" is a count of minutes, not a moment
    item.name = re.sub(r"\b(ID|Id|id)s$", r"\1", name)  # "customer IDs": one identifier per row
    return item
