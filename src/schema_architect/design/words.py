"""Word-level helpers: tokens with offsets, singular forms, name casing, noun-phrase cleanup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    ACTION_GERUNDS,
    COLLECTIVE_PEOPLE,
    STATE_ADJECTIVES,
    STATE_PARTICIPLES,
    DETERMINERS,
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
