"""Word-level helpers: tokens with offsets, singular forms, name casing, noun-phrase cleanup."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    ACTION_GERUNDS,
    COLLECTIVE_PEOPLE,
    STATE_ADJECTIVES,
    STATE_PARTICIPLES,
    DETERMINERS,
    EVENT_NOUN_OF_VERB,
    IRREGULAR_PARTICIPLES,
    NO_REGULAR_EVENT_NOUN,
    ENTITY_PREFIX_NOISE,
    ENTITY_SUFFIX_NOISE,
    FUNCTION_WORDS,
    LINE_ITEM_OWNERS,
)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’]s\b|[-'’][A-Za-z0-9]+)*\.?|\d+(?:\.\d+)?|\S")
_SMALL_WORDS = frozenset({"of", "and", "or", "in", "on", "at", "to", "for", "by", "the", "a", "an", "per"})
_KEEP_UPPER = frozenset({"id", "url", "isbn", "ip", "vin", "sku", "gps", "api", "sn", "uuid", "no."})
# Singular forms inflect gets wrong, and nouns with no singular.
_SINGULAR_EXCEPTIONS = {"data": "data", "media": "media", "criteria": "criterion", "personnel": "personnel",
                        "staff": "staff", "equipment": "equipment", "news": "news", "series": "series",
                        "species": "species", "status": "status", "bus": "bus", "campus": "campus",
                        "analysis": "analysis", "basis": "basis", "diagnosis": "diagnosis", "canvas": "canvas",
                        "gas": "gas", "alias": "alias", "bonus": "bonus", "virus": "virus", "menus": "menu",
                        "address": "address", "class": "class", "process": "process", "access": "access",
                        "business": "business", "goods": "goods", "clothes": "clothes", "premises": "premises"}


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offset within the sentence

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        # A trailing dot belongs to the word only in abbreviations ("No.", "etc.").
        if t.endswith(".") and len(t) > 1 and t.lower() not in ("no.", "etc.", "e.g.", "i.e."):
            out.append(Token(t[:-1], m.start()))
            out.append(Token(".", m.end() - 1))
        else:
            out.append(Token(t, m.start()))
    return out


# Fields of study and other -ics nouns that take no singular; other -ics words are plurals of -ic nouns
# ("mechanics" -> mechanic, "clinics" -> clinic, "topics" -> topic).
_MASS_ICS = frozenset({"physics", "mathematics", "economics", "statistics", "logistics", "analytics", "electronics",
                       "ethics", "athletics", "politics", "genetics", "linguistics", "robotics", "acoustics", "aerobics",
                       "gymnastics", "dynamics", "aeronautics", "optics", "semantics", "informatics", "thermodynamics",
                       "aesthetics", "ergonomics", "phonetics", "pediatrics", "paediatrics", "orthopedics", "obstetrics",
                       "geriatrics", "diagnostics", "forensics", "metaphysics", "graphics", "genomics", "avionics",
                       "hydraulics", "pneumatics", "mechatronics", "telematics", "biometrics", "demographics",
                       "logics", "classics", "civics", "electrics", "italics", "heroics", "tropics"})


@lru_cache(maxsize=8192)
def singular(word: str) -> str:
    """Singular of one (lower-case) noun, leaving uncountables and -ss/-us/-is words alone."""
    if len(word) > 2 and word[-1] == "s" and word[:-1].isupper():
        return word[:-1].lower()  # "APIs", "CPUs": an acronym with a plural s
    w = word.lower()
    if w in _SINGULAR_EXCEPTIONS:
        return _SINGULAR_EXCEPTIONS[w]
    if w.endswith("men") and w not in MEN_SINGULARS and w[:-3] + "man" not in MAN_NOT_COMPOUNDS:
        return w[:-3] + "man"  # "craftsmen" -> "craftsman", "chairwomen" -> "chairwoman"
    if len(w) <= 3 or w.endswith(("ss", "us", "is")) or w in _MASS_ICS or w in _S_NOUNS or not w.endswith("s"):
        if w.endswith("people") and len(w) <= 14:
            return w[:-6] + "person"  # "salespeople" -> "salesperson"
        return w
    return _rule_singular(w)


# Words in -man that are not compounds of "man" (plural -mans), and words in -men that are singular;
# every other -man/-men word inflects like man/men ("craftsman" / "craftsmen").
MAN_NOT_COMPOUNDS = frozenset({"human", "superhuman", "german", "shaman", "talisman", "caiman", "cayman", "ottoman",
                               "roman", "doberman", "dolman", "walkman"})
MEN_SINGULARS = frozenset({"specimen", "abdomen", "regimen", "omen", "acumen", "stamen", "hymen", "lumen", "albumen",
                           "bitumen", "dolmen", "cyclamen", "semen", "rumen", "foramen", "gravamen", "amen", "yemen"})

_IRREGULAR_PLURALS = {"people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
                      "teeth": "tooth", "mice": "mouse", "geese": "goose", "indices": "index", "matrices": "matrix",
                      "vertices": "vertex", "leaves": "leaf", "shelves": "shelf", "wives": "wife", "knives": "knife",
                      "lives": "life", "halves": "half", "wolves": "wolf", "thieves": "thief", "crises": "crisis",
                      "theses": "thesis", "analyses": "analysis", "diagnoses": "diagnosis", "quizzes": "quiz",
                      "buses": "bus", "statuses": "status", "campuses": "campus", "viruses": "virus",
                      "bonuses": "bonus", "aliases": "alias", "menus": "menu", "series": "series",
                      "movies": "movie", "cookies": "cookie", "zombies": "zombie", "ties": "tie", "pies": "pie",
                      "lies": "lie", "calories": "calorie", "rookies": "rookie", "selfies": "selfie",
                      "species": "species", "goodies": "goodie"}


# Greek and Latin nouns in -sis ("hypothesis" -> "hypotheses"): their plural is -ses, not a noun plus -s.
_SIS_NOUNS = frozenset({"analysis", "hypothesis", "thesis", "crisis", "diagnosis", "prognosis", "synthesis",
                        "parenthesis", "emphasis", "synopsis", "ellipsis", "oasis", "paralysis", "dialysis",
                        "catalysis", "hydrolysis", "neurosis", "psychosis", "thrombosis", "metamorphosis", "genesis",
                        "nemesis", "prosthesis", "symbiosis", "osmosis", "mitosis", "meiosis", "sclerosis",
                        "cirrhosis", "stenosis", "fibrosis", "apotheosis", "antithesis", "axis"})
# Singular nouns ending in s that take -es ("census" -> "censuses", "lens" -> "lenses").
_S_NOUNS = frozenset({"status", "bus", "campus", "virus", "bonus", "census", "focus", "syllabus", "surplus", "genius",
                      "prospectus", "apparatus", "consensus", "chorus", "circus", "cactus", "corpus", "sinus", "fetus",
                      "octopus", "stimulus", "gas", "bias", "atlas", "canvas", "alias", "lens", "iris", "plus",
                      "walrus", "terminus", "radius", "nucleus", "hiatus", "abacus", "exodus"})
# Nouns in -o whose plural is -oes ("heroes"); "toes", "shoes" and "photos" are a noun plus -s.
OES_NOUNS = frozenset({"hero", "potato", "tomato", "echo", "veto", "torpedo", "volcano", "mosquito", "tornado", "cargo",
                       "embargo", "domino", "buffalo", "mango"})
# -ices plurals of Latin -ex/-ix nouns ("appendices"); "prices", "devices", "notices" are plain -ice nouns.
ICES_PLURALS = {"indices": "index", "matrices": "matrix", "vertices": "vertex", "appendices": "appendix",
                 "apices": "apex", "codices": "codex", "cortices": "cortex", "simplices": "simplex",
                 "helices": "helix", "radices": "radix"}


def _rule_singular(w: str) -> str:
    """English plural -> singular by suffix rules (inflect costs seconds to import; this costs nothing)."""
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if w in ICES_PLURALS:
        return ICES_PLURALS[w]
    if w.endswith("ses") and w[:-2] + "is" in _SIS_NOUNS:
        return w[:-2] + "is"  # "hypotheses", "analyses"
    if w.endswith("es") and w[:-2] in _S_NOUNS:
        return w[:-2]  # "censuses", "lenses", "gases"
    if w.endswith("sses") and w[:-2] + "is" not in _SIS_NOUNS and w[:-4] + "s" in _S_NOUNS:
        return w[:-3]  # "gasses", "busses"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes", "tzes")):
        return w[:-2]  # "buzzes", "waltzes"; but "sizes", "prizes", "glazes" only lose the s
    if w.endswith("oes") and (w[:-2] in OES_NOUNS or not w.endswith(("canoes", "toes", "foes", "oboes", "hoes", "floes"))):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def is_plural(word: str) -> bool:
    return singular(word) != word.lower() or word.lower() in ("people", "children", "staff", "personnel")


@lru_cache(maxsize=8192)
def title_case(phrase: str) -> str:
    """'date of birth' -> 'Date of Birth'; 'user id' -> 'User ID'; existing capitals are kept."""
    parts = phrase.split()
    out = []
    for i, w in enumerate(parts):
        low = w.lower()
        if low in _KEEP_UPPER:
            out.append("No." if low == "no." else low.upper())
        elif i > 0 and low in _SMALL_WORDS:
            out.append(low)
        elif any(ch.isupper() for ch in w[1:]):
            out.append(w)  # CamelCase or acronym as written
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def clean_phrase(phrase: str) -> str:
    """Drop quotes, leading determiners and possessive markers: 'the "member number"' -> 'member number'."""
    p = re.sub(r"(?<=\w)['’]s\b", "", phrase)  # "the user's last login" -> "the user last login", not "user s"
    p = re.sub(r"[\"“”‘’'`*]", " ", p)
    p = re.sub(r"\s+", " ", p).strip(" .,:;-–—/")
    words = p.split()
    while words and words[0].lower() in DETERMINERS:
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=8192)
def entity_name(phrase: str) -> str | None:
    """Canonical entity name from a noun phrase: 'multiple Airplanes' -> 'Airplane'.

    Returns None when nothing of a name is left.
    """
    p = clean_phrase(phrase)
    low = p.lower()
    for noise in ENTITY_PREFIX_NOISE:
        if low.startswith(noise + " "):
            p = p[len(noise) + 1:]
            low = p.lower()
    words = [w for w in p.split() if w]
    words = [w[:-2] if w.lower().endswith(("'s", "’s")) else w for w in words]
    while len(words) > 1 and (words[-1].lower() in ENTITY_SUFFIX_NOISE or words[-1].lower().endswith("ed")):
        if words[-1].lower() in ("detail", "details") and words[-2].lower() in LINE_ITEM_OWNERS:
            break  # "order details": the line items of an order
        words.pop()  # "Flight information", "review experts involved"
    words = [w for k, w in enumerate(words) if k == len(words) - 1 or w.lower() not in DETERMINERS]
    while words and words[-1].lower() in ("and", "or", "of", "for", "with"):
        words.pop()  # "User Registration and"
    while len(words) > 1 and words[0].lower() in ACTION_GERUNDS and words[-1].lower() not in COLLECTIVE_PEOPLE:
        words.pop(0)  # "Modifying Role" -> "Role" (but "monitoring personnel" are the people who monitor)
    if not words:
        return None
    while len(words) > 1 and ((words[0].lower().endswith("ed") and words[0].lower() not in ("red", "bed", "shed", "seed", "feed", "need", "speed", "breed"))
                              or words[0].lower() in STATE_PARTICIPLES or words[0].lower() in STATE_ADJECTIVES):
        words.pop(0)  # "Registered users" -> "User", "broken leases" -> "Lease", "overdue loans" -> "Loan"
    while words and (words[0].lower() in DETERMINERS or words[0].lower() in FUNCTION_WORDS):
        words.pop(0)
    if not words or not words[-1][0].isalpha():
        return None
    last = words[-1]
    sing = singular(last)
    if last.isupper() and len(last) > 1:
        sing = last
    elif len(last) > 2 and last[-1] == "s" and last[:-1].isupper():
        sing = last[:-1]
    elif last[0].isupper():
        sing = sing[:1].upper() + sing[1:]
    words[-1] = sing
    return title_case(" ".join(words))


@lru_cache(maxsize=16384)
def loose(name: str) -> str:
    """Key for comparing names: lower case, singular words, no punctuation."""
    return " ".join(singular(w) for w in re.findall(r"[a-z0-9]+", name.lower()))


# -- the event noun of a verb ---------------------------------------------------------------------------
# One reading for every reader that asks which noun names an act ("rent" -> Rental, "inspect" ->
# Inspection, "deliver" -> Delivery, "sell" -> Sale): the lexicon's nouns first (irregular ones), then
# the regular English derivations below. (verb ending, noun ending, shortest verb the rule fits)
_EVENT_NOUN_RULES: tuple[tuple[str, str, int], ...] = (
    ("ate", "ation", 6),  # participate, allocate, evaluate, donate
    ("ify", "ification", 5),  # verify, certify, notify, modify
    ("ize", "ization", 6),  # authorize, organize, immunize
    ("erve", "ervation", 7),  # reserve, observe, conserve
    ("scribe", "scription", 8),  # subscribe, prescribe, describe
    ("duce", "duction", 6),  # produce, reduce, introduce
    ("ct", "ction", 5),  # select, inspect, collect, extract
    ("pt", "ption", 6),  # exempt, interrupt, encrypt
)
# Endings of nouns made from verbs: a noun that starts like the verb and ends so names its act
# ("register" -> Registration, "attend" -> Attendance, "analyze" -> Analysis).
# A noun ending in a short one ("al", "y") is the verb's own start and that ending ("arrive" -> Arrival,
# "inquire" -> Inquiry; "compare" makes no Company).
_NOMINAL_SUFFIXES = ("ation", "ition", "sion", "tion", "ment", "ance", "ence", "sis", "ing", "al", "y")
_SHORT_NOMINAL_SUFFIXES = ("al", "y")


@lru_cache(maxsize=8192)
def verb_bases(word: str) -> tuple[str, ...]:
    """The base forms an inflected verb may have, most likely first: "sold" -> sell, "admitted" ->
    admit, "reserved" -> reserve/reserv, "carries" -> carry, "renting" -> rent."""
    w = word.lower()
    out = [IRREGULAR_PARTICIPLES[w]] if w in IRREGULAR_PARTICIPLES else []
    out.append(w)
    for suffix in ("ing", "ed", "es", "s"):
        if not w.endswith(suffix) or len(w) <= len(suffix) + 2 or (suffix == "s" and w.endswith("ss")):
            continue
        stem = w[: -len(suffix)]
        if suffix in ("ed", "es") and stem.endswith("i"):
            out.append(stem[:-1] + "y")  # "carried", "carries"
        out += [stem, stem + "e"] if suffix in ("ing", "ed") else [stem]
        if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "sl":
            out.append(stem[:-1])  # "admitted" -> admit
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=8192)
def event_nouns(verb: str) -> tuple[str, ...]:
    """The nouns that name one act of ``verb`` (as written: "rents", "inspected"), best first: the
    lexicon's ("borrow" -> loan) then the regular derivations ("select" -> selection). Empty when
    English makes none by rule ("play", "manage"); a gerund is always possible but not offered."""
    out: list[str] = []
    for base in verb_bases(verb):
        if base in EVENT_NOUN_OF_VERB:
            out.append(EVENT_NOUN_OF_VERB[base])
        elif base not in NO_REGULAR_EVENT_NOUN:
            out += [base[: -len(v)] + n for v, n, shortest in _EVENT_NOUN_RULES
                    if len(base) >= shortest and base.endswith(v)][:1]
    return tuple(dict.fromkeys(out))


def event_noun(verb: str) -> str | None:
    """The best noun of one act of ``verb`` ("returned" -> return, "delivered" -> delivery), or None."""
    nouns = event_nouns(verb)
    return nouns[0] if nouns else None


@lru_cache(maxsize=16384)
def names_event_of(noun: str, verb: str) -> bool:
    """Whether ``noun`` (one word) names an act of ``verb`` (as written): one of its event nouns, its
    gerund, or a noun that starts as the verb does and ends as nouns of acts do ("attend" -> Attendance,
    "register" -> Registration, "analyze" -> Analysis)."""
    noun = singular(noun.lower())
    if noun in event_nouns(verb):
        return True
    for base in verb_bases(verb):
        if len(base) < 3:
            continue
        if noun in (base + "ing", base[:-1] + "ing" if base.endswith("e") and not base.endswith("ee") else "",
                    base + base[-1] + "ing"):
            return True  # "teach" -> Teaching, "ship" -> Shipping
        short = next((x for x in _SHORT_NOMINAL_SUFFIXES if noun.endswith(x)), None)
        if short and not base.startswith(noun[: -len(short)]):
            continue
        if len(base) >= 4 and noun.endswith(_NOMINAL_SUFFIXES):
            common = len(os.path.commonprefix([base, noun]))
            if common >= 4 and common >= len(base) - (2 if len(base) >= 7 else 1):
                return True
    return False
