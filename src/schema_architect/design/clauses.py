"""Subject-verb-object clauses read by position, for verbs no word list knows.

"Bakers bake cakes", "Each member can borrow several books", "Cars are parked at garages": a noun
phrase, a verb, maybe a preposition, a counted noun phrase. The verb is told from a noun by where it
stands and by agreement, not by a lexicon: after a modal any word is a verb; after a plural subject a
verb has no -s ("vets see"), after a singular counted one it has ("each vet sees"); "is/are" and an
-ed/-en word make a passive. The quantifiers on either side ("several", "one or more", "each", "a")
are kept for the cardinality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .lexicon import (
    IRREGULAR_PARTICIPLES,
    VERB_LIKE_NOISE,
    ABSTRACT_NOUNS,
    COMMON_VERBS,
    DETERMINERS,
    ENTITY_SUFFIX_NOISE,
    FUNCTION_WORDS,
    MANY_WORDS,
    MODAL_VERBS,
    NOT_SVO_VERBS,
    VERB_PREPOSITIONS,
)
from .words import is_plural, verb_bases

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+|[^\w\s]")
# Where a clause can open: the sentence start, after ";" or ":", after ", and" / ", while" / "where".
# "In our clinic, vets treat pets", "When a season opens, each club signs players": after a leading phrase too.
_CLAUSE_OPENING = re.compile(r"^|[;:]\s*|,\s*(?:and|while|whereas|but)\s+|\b(?:where|whereas)\s+"
                             r"|^(?:in|at|on|for|when|whenever|if|once|after|before|during|within)\b[^,;]{1,60},\s*",
                             re.IGNORECASE)
_MANY_PHRASES = sorted((tuple(w.split()) for w in MANY_WORDS), key=len, reverse=True)
_ONE_PHRASES = (("only", "one"), ("exactly", "one"), ("at", "most", "one"), ("a", "single"), ("one",))
_EACH = frozenset({"each", "every"})
_ARTICLES = frozenset({"a", "an"})
_DEFINITE = frozenset({"the", "all", "its", "their", "his", "her", "our"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "get", "gets"})
_ADVERBS = frozenset({"also", "only", "usually", "often", "always", "sometimes", "typically", "then", "each", "both"})
_LY_NOUNS = frozenset({"supply", "family", "assembly", "reply", "anomaly", "rally", "ally", "monopoly", "butterfly"})
_NEGATIONS = frozenset({"not", "cannot", "never", "no", "neither", "nor"})
_PARTICLES = frozenset({"up", "out", "off", "down", "back", "over", "away"})
MAX_NOUN_WORDS = 3
# "the module allows students to select courses", "lets members book rooms", "supports students in
# selecting courses": the one let act is the clause's subject, "to" standing where a modal would
_LETTING = re.compile(r"\b(?:allows?|allowing|enables?|enabling|permits?|permitting|lets|letting|helps?|helping"
                      r"|supports?|supporting|assists?|assisting)\s+",
                      re.IGNORECASE)


@dataclass(frozen=True)
class NounPhrase:
    text: str  # the noun words as written, no quantifier: "dental clinics"
    start: int
    end: int
    count: str | None  # "many", "one", "each", "a", "the" or None (a bare noun)

    @property
    def plural(self) -> bool:
        return is_plural(self.text.split()[-1])


@dataclass(frozen=True)
class VerbClause:
    subject: NounPhrase
    verb: str  # as written: "bake", "sees", "parked"
    passive: bool
    preposition: str | None  # "to" in "lends books to", "at" in "are parked at"
    object: NounPhrase
    recipient: NounPhrase | None = None  # "members" in "lends books to members"
    more_objects: tuple[NounPhrase, ...] = ()  # "dogs" in "vets treat cats and dogs"
    co_verbs: tuple[tuple[str, int], ...] = ()  # ("recommend", where) in "users comment or recommend books"
    verb_start: int = -1  # where the verb is written
    # read past what a plain clause spans (a let act's subject, a verb after a comma, a coordinated verb):
    # good for linking things the text names, not for naming new ones
    extended: bool = False

    @property
    def objects(self) -> tuple[NounPhrase, ...]:
        return (self.object,) + self.more_objects


_NUMBERS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty",
                      "dozens", "hundreds", "thousands"})
_UP_TO = (("up", "to"), ("at", "most"), ("no", "more", "than"))


def _several(word: str) -> bool:
    """"two", "5", "dozens": a number above one."""
    return word in _NUMBERS or (word.isdigit() and int(word) > 1)


def _quantifier(words: list[str], i: int) -> tuple[str | None, int]:
    """The count a noun phrase opens with and where its nouns start."""
    low = [w.lower() for w in words[i:i + 4]]
    for limit in _UP_TO:  # "up to five books", "at most 3 rooms"
        if tuple(low[:len(limit)]) == limit and len(low) > len(limit) and _several(low[len(limit)]):
            return "many", i + len(limit) + 1
    if low and _several(low[0]):
        return "many", i + 1
    for phrase in _MANY_PHRASES:
        if tuple(low[:len(phrase)]) == phrase:
            return "many", i + len(phrase)
    for phrase in _ONE_PHRASES:
        if tuple(low[:len(phrase)]) == phrase:
            return "one", i + len(phrase)
    if low and low[0] in _EACH:
        return "each", i + 1
    if low and low[0] in _ARTICLES:
        return "a", i + 1
    if low and low[0] in _DEFINITE:
        return "the", i + 1
    return None, i


def _noun_word(word: str) -> bool:
    low = word.lower()
    return word[0].isalpha() and low not in FUNCTION_WORDS and low not in DETERMINERS and low not in MODAL_VERBS \
        and (not low.endswith("ly") or low in _LY_NOUNS) and "'" not in low and "’" not in low


def _third_person(word: str) -> bool:
    low = word.lower()
    return len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _participle(word: str) -> bool:
    low = word.lower()
    return (len(low) > 4 and low.endswith(("ed", "en"))) or low in IRREGULAR_PARTICIPLES


def _bare_plural_object(words: list[str], k: int) -> bool:
    """"A seller lists items": a bare plural noun ends the clause after the verb (a list of fields
    would have articles or commas: "the report lists the date and the amount")."""
    return k < len(words) and _noun_word(words[k]) and words[k].isalpha() and _third_person(words[k]) \
        and (k + 1 == len(words) or words[k + 1] in (".", ";", ":", "!")
             or words[k + 1].lower() in ("each", "every", "a", "an", "the"))


def _verb_group(words: list[str], i: int, singular_subject: bool, bare: bool = False) -> tuple[str, bool, int] | None:
    """The verb starting at ``i``: (verb, passive, index after it), checked against the subject's number
    (``bare``: the subject was let act, "allows students to select", so "to" or no word is its modal)."""
    low = [w.lower() for w in words]
    k, modal = i, False
    if any(w in _NEGATIONS for w in low[i:i + 4]):
        return None  # "members cannot borrow reference books": a link the text denies
    if k < len(low) and (low[k] in MODAL_VERBS or (bare and low[k] == "to")):
        modal, k = True, k + 1
    elif bare and k + 1 < len(low) and low[k] == "in" and low[k + 1].endswith("ing") and len(low[k + 1]) > 5 \
            and _noun_word(words[k + 1]) and low[k + 1] not in NOT_SVO_VERBS:
        # "supports students in selecting courses": the act the subject is helped in, as a gerund
        return words[k + 1], False, k + 2
    elif bare:
        if k < len(low) and _third_person(words[k]):
            return None  # "lets members book", ", and select courses": a bare verb ("teachers grade" opens a clause)
        modal = True
    while k < len(low) and low[k] in _ADVERBS:
        k += 1
    if k < len(low) and low[k] in _BE and (modal or low[k] in ("is", "was") if singular_subject else True):
        if low[k] in ("be", "been") and not modal:
            return None
        j = k + 1
        while j < len(low) and low[j] in _ADVERBS:
            j += 1
        if j < len(low) and _participle(words[j]) and _noun_word(words[j]):
            return words[j], True, j + 1
        return None
    if k >= len(words) or not _noun_word(words[k]) or low[k] in NOT_SVO_VERBS \
            or (low[k] in ABSTRACT_NOUNS and not modal and _quantifier(words, k + 1)[0] not in ("many", "a")) \
            or (low[k] in ENTITY_SUFFIX_NOISE and not (k == i and (
                (low[k] in VERB_LIKE_NOISE and not singular_subject)
                or (low[k][:-1] in VERB_LIKE_NOISE and singular_subject and _bare_plural_object(words, k + 1))))):
        return None  # "store personnel information": a noun, whatever its ending ("features several ..." a verb)
    if not modal and (_third_person(words[k]) != singular_subject or low[k].endswith(("ed", "ing"))):
        return None  # "vets see", "each vet sees"; not "vet clinics", "vets treated", "vets seeing"
    if modal and low[k].endswith(("ed", "ing")):
        return None
    return words[k], False, k + 1


def _noun_phrase(words: list[str], offsets: list[int], i: int) -> tuple[NounPhrase, int] | None:
    count, k = _quantifier(words, i)
    j = k
    while j < len(words) and j - k < MAX_NOUN_WORDS and _noun_word(words[j]):
        j += 1
    if j == k or (j < len(words) and _noun_word(words[j])):
        return None  # no noun, or a longer phrase than a name: not a plain object
    start, end = offsets[k], offsets[j - 1] + len(words[j - 1])
    return NounPhrase(" ".join(words[k:j]), start, end, count), j


def _coordinated(words: list[str], offsets: list[int], first: tuple[NounPhrase, int],
                 singular_subject: bool | None, modal: bool = False) -> tuple[tuple[NounPhrase, ...], int]:
    """"cats and dogs", "a saddle or a bridle": noun phrases joined to the first object, counted like it
    (so "pets and nurses feed them" joins nothing), and not a second verb of the subject ("patients and
    prescribe medications"; ``singular_subject`` None: not looked for); and the index after the last."""
    more: list[NounPhrase] = []
    phrase, after = first
    while after + 1 < len(words) and words[after].lower() in ("and", "or") \
            and (singular_subject is None or _verb_group(words, after + 1, singular_subject) is None
                 or (modal and _third_person(words[after + 1]))):  # "can recommend books and articles"
        nxt = _noun_phrase(words, offsets, after + 1)
        if nxt is None or nxt[0].plural != phrase.plural or (nxt[0].count is None) != (phrase.count is None) \
                or (nxt[0].count is None and len(nxt[0].text.split()) > 2):
            break  # "post job openings or save matching resumes": a second verb phrase, not a second object
        more.append(nxt[0])
        after = nxt[1]
    return tuple(more), after


def _clause_at(words: list[str], offsets: list[int], i: int, bare: bool = False) -> list[VerbClause]:
    """The clause opening at ``i`` and any second verb phrase of its subject ("doctors treat patients and
    prescribe medications"); ``bare``: the subject of a let act ("allows students to select courses")."""
    count, k = _quantifier(words, i)
    for split in range(k + 1, min(len(words), k + MAX_NOUN_WORDS + 1)):
        if not _noun_word(words[split - 1]):
            return []
        head = words[split - 1]
        if _participle(head) and split - 1 == k and split < len(words) and _noun_word(words[split]):
            continue  # "broken leases incur ...", "registered users post ...": an adjective before the noun
        # an opening verb is a command ("Handles ..."), unless an -ed form ("registered members ...")
        if _participle(head) or (count is None and words[k].lower() in COMMON_VERBS and not _be_follows(words, k)
                                 and not _participle(words[k])):
            return []  # "each email sent can be ...", "Handles user requests": no noun opens the clause
        singular_subject = count in ("each", "a", "one") or (count in (None, "the") and not is_plural(head))
        if (count == "many" and not is_plural(head)) or (count is None and singular_subject):
            continue  # "medical waste producers": an uncounted singular modifies the noun after it
        first = _predicate(words, offsets, split, singular_subject, bare)
        if first is None and not bare:
            first = _after_place_of_subject(words, offsets, split, singular_subject)
        if first is None:
            continue
        if first == ():
            return []
        subject = NounPhrase(" ".join(words[k:split]), offsets[k], offsets[split - 1] + len(head), count)
        out, after = [], first
        modal = bare or words[split].lower() in MODAL_VERBS
        extended = bare
        while after:
            parts, end = after
            out += _each_verb(VerbClause(subject, *parts, extended=extended))
            after, more = _next_verb_phrase(words, offsets, end, singular_subject, modal)
            extended = extended or more
        return out
    return []


def _each_verb(clause: VerbClause) -> list[VerbClause]:
    """"users comment or recommend books": one clause per verb sharing the objects."""
    return [replace(clause, co_verbs=())] + [replace(clause, verb=v, verb_start=at, co_verbs=(), extended=True)
                                             for v, at in clause.co_verbs]


_STOPS = frozenset({".", ";", ":", "!", "?"})
MAX_SKIPPED_WORDS = 10


def _next_verb_phrase(words: list[str], offsets: list[int], end: int, singular_subject: bool, modal: bool):
    """The subject's next verb phrase after one ending at ``end`` and whether it was read past a plain
    clause: "and prescribe medications" right after it; after a modal also a bare verb after the next
    comma a few words on, when "and/or" opens it or the verb phrase after it ("can view courses based on
    their names, and select courses", "can join clubs, attend events and ..."); a plural noun there
    opens a clause of its own ("..., and teachers grade them")."""
    if end + 1 < len(words) and words[end].lower() == "and":
        found = _predicate(words, offsets, end + 1, singular_subject)
        if found is not None or not modal:
            return found, False
    participle = _participle_clause(words, offsets, end, singular_subject)
    if participle:
        return participle, True
    if not modal:
        return None, False
    k = end
    while k < len(words) and k - end <= MAX_SKIPPED_WORDS and words[k] not in _STOPS and words[k] != ",":
        k += 1
    if k >= len(words) or words[k] != "," or k + 1 >= len(words):
        return None, False
    j = k + 1
    if words[j].lower() in ("and", "or"):
        # "..., and can also report bike malfunctions": a modal of its own makes it a plain clause
        return _predicate(words, offsets, j + 1, singular_subject, True) or None, \
            not (j + 1 < len(words) and words[j + 1].lower() in MODAL_VERBS)
    found = _predicate(words, offsets, j, singular_subject, True)
    if not found:
        return None, False
    after = found[1]
    if after + 1 < len(words) and words[after].lower() in ("and", "or"):
        nxt = after + 1
    elif after + 2 < len(words) and words[after] == "," and words[after + 1].lower() in ("and", "or"):
        nxt = after + 2
    else:
        return None, False  # "including route changes, price adjustments": a list of things
    return (found if _predicate(words, offsets, nxt, singular_subject, True) else None), True


# ", while also assigning the role to each user", ", thereby notifying the customer": a participle after
# the clause's comma, its subject the clause's.
_PARTICIPLE_OPENERS = frozenset({"while", "also", "thereby", "thus", "and", "by", "often", "usually", "then"})


def _participle_clause(words: list[str], offsets: list[int], end: int, singular_subject: bool):
    """The predicate of an -ing participle after a comma that ends the verb phrase at ``end`` (its
    subject the clause's), read as the base verb ("assigning" as "assign"); None if there is none."""
    if end >= len(words) or words[end] != ",":
        return None
    g = end + 1
    while g < len(words) and words[g].lower() in _PARTICIPLE_OPENERS:
        g += 1
    if g + 1 >= len(words) or not words[g].lower().endswith("ing") or len(words[g]) <= 5:
        return None
    bases = verb_bases(words[g])[1:]
    base = next((b for b in bases if b in COMMON_VERBS), None)
    if base is None:
        return None
    found = _predicate(words[:g] + [base] + words[g + 1:], offsets, g, singular_subject, True)
    return found or None


# "Members of our coworking space book desks", "nurses at the clinic treat patients": a phrase after the
# subject that says where or whose it is; the verb after it is still the subject's.
_PLACE_OF_SUBJECT = frozenset({"of", "at", "in", "from"})
_PLACE_DETERMINERS = frozenset({"our", "the", "this", "their", "its", "your", "my", "a", "an"})


def _after_place_of_subject(words: list[str], offsets: list[int], j: int, singular_subject: bool):
    """The predicate after "of/at/in/from <our|the|a> <1-3 nouns>" following the subject: a determiner
    must open the phrase (so "members of staff" stays a name). A known verb after the phrase is the verb
    ("of our gym book fitness classes": "book", not "fitness"), whatever it reads as; else the longest
    split where a verb agrees."""
    if j + 2 >= len(words) or words[j].lower() not in _PLACE_OF_SUBJECT \
            or words[j + 1].lower() not in _PLACE_DETERMINERS:
        return None
    k = j + 2
    found = None
    for n in range(1, MAX_NOUN_WORDS + 1):
        if k + n >= len(words) or not _noun_word(words[k + n - 1]):
            break
        first = _predicate(words, offsets, k + n, singular_subject)
        if words[k + n].lower() in COMMON_VERBS or words[k + n].lower() in MODAL_VERBS \
                or words[k + n].lower() in NOT_SVO_VERBS:
            return first  # "of the clinic record vital signs": the known verb is the verb, read as without the phrase
        found = first or found
    return found


def _be_follows(words: list[str], k: int) -> bool:
    """"Books are borrowed ...", "orders are placed ...": a word that could be a verb is the subject
    when 'are' comes right after it."""
    return k + 1 < len(words) and words[k + 1].lower() in ("are", "were")


def _predicate(words: list[str], offsets: list[int], j: int, singular_subject: bool, bare: bool = False):
    """The verb and its objects from ``j``: ((verb, passive, preposition, object, recipient, more), end index);
    None when no verb agrees there, () when a verb does but what follows is no plain object."""
    group = _verb_group(words, j, singular_subject, bare)
    if group is None:
        return None
    modal = bare or words[j].lower() in MODAL_VERBS
    verb, passive, j = group
    verb_start = offsets[j - 1]
    co_verbs: tuple[tuple[str, int], ...] = ()
    if not passive and j + 1 < len(words) and words[j].lower() in ("or", "and"):
        # "users can comment or recommend books": two verbs of one object
        second = _verb_group(words, j + 1, singular_subject, modal)
        if second is not None and not second[1] and _noun_phrase(words, offsets, second[2]) is not None:
            co_verbs, j = ((second[0], offsets[second[2] - 1]),), second[2]
    counted = _quantifier(words, j)[0] is not None  # "up to five", "at most one": a count, no particle
    if not counted and j < len(words) and words[j].lower() in _PARTICLES:
        j += 1  # "drivers pick up parcels", "guests check out rooms"
    preposition = None
    if not counted and j < len(words) and words[j].lower() in VERB_PREPOSITIONS:
        preposition, j = words[j].lower(), j + 1
    obj = _noun_phrase(words, offsets, j)
    if obj is None or (obj[1] < len(words) and _quantifier(words, obj[1])[0] in ("many", "each", "a")):
        return ()  # "a business services company manages multiple ...": the object swallowed the verb
    # a passive's second verb phrase would open with 'is'/'be': "by registered users or anonymous users"
    more, after = _coordinated(words, offsets, obj, None if passive else singular_subject, modal)
    recipient = None
    if after < len(words) and words[after].lower() == "to":
        recipient = _noun_phrase(words, offsets, after + 1)
        after = recipient[1] if recipient else after
    return (verb, passive, preposition, obj[0], recipient[0] if recipient else None, more, co_verbs, verb_start), after


def _relative_clause(words: list[str], offsets: list[int], at: int) -> list[VerbClause]:
    """"members who borrow books", "each guest that books a room": the noun before who/that is the subject."""
    k = at
    while k > 0 and at - k < MAX_NOUN_WORDS and _noun_word(words[k - 1]):
        k -= 1
    if k == at or not is_plural(words[at - 1]) and not (k > 0 and _quantifier(words, k - 1)[0] in ("each", "a", "one")):
        return []
    count, start = _quantifier(words, k - 1) if k > 0 else (None, k)
    if start != k:
        count = None
    predicate = _predicate(words, offsets, at + 1, not is_plural(words[at - 1]))
    if not predicate:
        return []
    subject = NounPhrase(" ".join(words[k:at]), offsets[k], offsets[at - 1] + len(words[at - 1]), count)
    return _each_verb(VerbClause(subject, *predicate[0]))


def verb_clauses(text: str) -> list[VerbClause]:
    """The subject-verb-object clauses opening the sentence or one of its clauses."""
    return list(_cached_clauses(text))


@lru_cache(maxsize=4096)
def _cached_clauses(text: str) -> tuple[VerbClause, ...]:
    # The entity reading, the relationship reading and its per-pair checks all ask for the same
    # sentence's clauses; the clauses are frozen, so one reading serves them all.
    tokens = [(m.group(), m.start()) for m in _WORD.finditer(text)]
    words = [t for t, _ in tokens]
    offsets = [o for _, o in tokens]
    out = [c for n, w in enumerate(words) if n > 0 and w.lower() in ("who", "that")
           for c in _relative_clause(words, offsets, n)]
    openings = [(m.end(), False) for m in _CLAUSE_OPENING.finditer(text)] \
        + [(m.end(), True) for m in _LETTING.finditer(text)]
    for at, bare in openings:
        i = next((n for n, o in enumerate(offsets) if o >= at), None)
        if i is None:
            continue
        for clause in _clause_at(words, offsets, i, bare):
            if clause not in out:
                out.append(clause)
    return tuple(out)
