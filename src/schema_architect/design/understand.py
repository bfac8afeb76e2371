"""Text -> conceptual model: runs the reading stages in order and collects what was not understood."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model.conceptual import Attribute, Cardinality, ConceptualModel, Decision, Entity, Relationship, Span
from .attributes import AttributeList, Item, find_attribute_lists, split_items, yes_no_name
from .entities import (
    JOINS_WITH,
    EntitySet,
    Owner,
    attribute_name,
    is_business_speaker,
    lists_a_record,
    np_after,
    owner_of,
    named_by_head,
    sentence_mentions,
    usable,
)
from .lexicon import (
    IRREGULAR_PARTICIPLES,
    ABSTRACT_NOUNS,
    ENTERPRISE_WORDS,
    EVENT_NOUN_OF_VERB,
    CHARGE_NOUNS,
    CHARGE_VERBS,
    MAKING_VERBS,
    ACTION_GERUNDS,
    ASSESSMENT_NOUNS,
    ATTRIBUTE_INFO_KINDS,
    BOOKING_VERBS,
    HELD_FOR_MANY_NOUNS,
    COLLECTION_NOUNS,
    COLLECTIVE_PEOPLE,
    COMMON_VERBS,
    DETERMINERS,
    ENTITY_PREFIX_NOISE,
    FUNCTION_WORDS,
    BUSINESS_NOUNS,
    DATA_PARTICIPLES,
    DATA_VERBS,
    HEADING_ACTIONS,
    GENERIC_IDENTIFIER_WORDS,
    IDENTIFIER_WORDS,
    LINK_VALUE_HEADS,
    LIST_TRIGGERS,
    MODAL_VERBS,
    NON_LINKING_VERBS,
    PERIOD_NOUNS,
    PERSON_NOUNS,
    ROLE_GROUPS,
    ROLE_NOUNS,
    STATE_ADJECTIVES,
    SHARING_VERBS,
    TRANSACTION_NOUNS,
    TYPE_BY_LAST_WORD,
)
from .clauses import NounPhrase, verb_clauses
from .logical import is_identifier_name
from .naming import plural
from .relationships import detect_relationships, is_record_or_transaction, shares_participants
from .roles import people_entity, declared_roles, drop_folded_links, fold_coordinated_roles, fold_declared_roles
from .segment import Sentence, iter_sentences
from .words import entity_name, event_noun, is_plural, loose, singular, verb_bases

_RANGE = re.compile(r"\b(rat\w*|scores?|stars?|grades?|levels?)\b\D{0,40}?(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)", re.IGNORECASE)
_UNIQUE_NAMED = re.compile(r"\bunique\s+[\"“]?([A-Za-z][\w ]{1,40}?)[\"”]?(?=[,.;]|\s+(?:and|for|to|of|is|that)\b|$)", re.IGNORECASE)
_PK_NAMED = re.compile(r"[\"“]?([A-Za-z][\w ]{1,40}?)[\"”]?\s+(?:as|is)\s+(?:the\s+)?primary key", re.IGNORECASE)


@dataclass
class Reading:
    """What the reading stages produced: the conceptual model plus notes for the explanation."""

    sentences: list[Sentence]
    model: ConceptualModel
    decisions: list[Decision] = field(default_factory=list)
    unread: list[Span] = field(default_factory=list)  # sentences nothing was taken from
    many_items: list[tuple[str, str, Span, list[str]]] = field(default_factory=list)  # (owner, member, span, link attrs)


READ_BUDGET_SECONDS = 0.6  # reading stops here (and says so): any input costs bounded time
MIN_CHARS_READ = 30_000  # always read this much text, however slow the machine (counted in characters:
# a run with no full stops is cut into long sentences that each cost more than a normal one)
MAX_ENTITIES = 250  # later stages compare entities pairwise: past this, stop reading (and say so)
# Later stages go over every sentence read again and cost about twice the reading: past this much text,
# stop reading (and say so).
MAX_CHARS_READ = 200_000


@lru_cache(maxsize=4096)
def _analyze(text: str, heading: str | None):
    """Attribute lists and their owners of one sentence, offsets relative to the sentence.

    Cached by text: repeated sentences (boilerplate, pasted twice) cost nothing the second time.
    """
    s = Sentence(text, 0, heading)
    out = []
    for alist in find_attribute_lists(s):
        owner = owner_of(alist)
        shared = _coordinated_possessors(alist, owner)
        out.extend(shared if shared else [(alist, owner)])
    return tuple(out)


_AND_BETWEEN = re.compile(r"^\s*,?\s*(?:and|&)\s*$", re.IGNORECASE)


def _coordinated_possessors(alist: AttributeList, owner: Owner | None) -> list:
    """"monitoring personnel and maintenance personnel's names, phone numbers and positions": the list
    splitter took the first owner for an item and the second for the possessor of the first field; both
    own every field. One list per owner, or [] when the list is not of that shape."""
    items, text = alist.items, alist.sentence.text
    k = next((n for n, it in enumerate(items) if it.possessor), None)
    if not k or len(items) - k < 1:
        return []
    if any(it.possessor or it.of_owner or it.many for it in items[:k]) \
            or not all(_AND_BETWEEN.match(text[a.end:b.start]) or text[a.end:b.start].strip() == ","
                       for a, b in zip(items[:k], items[1:k + 1])) \
            or not _AND_BETWEEN.match(text[items[k - 1].end:items[k].start]):
        return []
    owners = [(it.name, it.start) for it in items[:k]]
    at = text.find(items[k].possessor, items[k - 1].end)
    if at < 0:
        return []
    owners.append((items[k].possessor, at))
    names = [entity_name(o) for o, _ in owners]
    if not all(usable(n) for n in names) or len({loose(n) for n in names}) < len(names):
        return []
    heads = [o.split()[-1].lower() for o, _ in owners]
    if len(set(heads)) > 1 and not all(is_plural(h) for h in heads):
        return []  # "record audit status and operators' operation history": a value, then one owner's
    if owner is not None and not (len(set(heads)) == 1 and loose(owner.name) == heads[0]):
        return []  # the list has an owner of its own, unless it is the kind both are of ("the information of
        # all personnel, including monitoring personnel and maintenance personnel's names")
    if is_identifier_name(items[k].name):
        return []  # "the sender and receiver's user IDs": the keys of two roles, not two owners' fields
    fields = [replace(it, possessor=None) for it in items[k:]]
    return [(AttributeList(alist.sentence, alist.trigger, alist.trigger_start, alist.trigger_end, list(fields)),
             Owner(name, Span(start=start, end=start + len(phrase), text=phrase), "coordinated possessors", plural=True))
            for name, (phrase, start) in zip(names, owners)]


def _shift(span: Span, by: int) -> Span:
    return Span(start=span.start + by, end=span.end + by, text=span.text)


# "each time off request", "a sign up form", "the drop off point": right after a determiner a word and a
# particle before another noun are a compound noun (a verb cannot open a noun phrase), written as if
# hyphenated so the whole name is read ("Time-off Request", not "Request"). Not in/on/over, which as
# often open a place phrase ("each room in hotels").
_PARTICLE_COMPOUND = re.compile(r"\b(?:each|every|a|an|the|any|our|its|their|your|one)\s+([a-z]+)\s+(off|up|out|down|back)\s+"
                                r"(?=([a-z]{3,})\b)", re.IGNORECASE)


def _join_particle_compounds(text: str) -> str:
    """The same text with every "<word> <particle> <noun>" compound found after a determiner hyphenated
    wherever it occurs (same length, so every span still points at the same characters)."""
    pairs = {(m.group(1).lower(), m.group(2).lower()) for m in _PARTICLE_COMPOUND.finditer(text)
             if m.group(3).lower() not in FUNCTION_WORDS and m.group(1).lower() not in FUNCTION_WORDS
             and not m.group(1).lower().endswith(("s", "ed", "ly"))}
    for word, particle in pairs:
        text = re.sub(rf"(?<![\w-])((?:([A-Za-z]+)\s+)?{re.escape(word)})\s({particle})\s(?=[a-z]{{3,}}\b)",
                      lambda m: m.group(0) if _subject_before(m.group(2)) else f"{m.group(1)}-{m.group(3)} ",
                      text, flags=re.IGNORECASE)
    return text


def _subject_before(word: str | None) -> bool:
    """"Drivers pick up parcels", "can pick up": the word before makes the pair a verb and its particle."""
    if word is None:
        return False
    low = word.lower()
    return low in MODAL_VERBS or low == "to" or (is_plural(low) and low not in COMMON_VERBS and low not in FUNCTION_WORDS)


def read_requirements(text: str) -> Reading:
    started = time.perf_counter()
    text = _join_particle_compounds(text)
    sentences: list[Sentence] = []
    stopped_at: Sentence | None = None  # the first sentence not read
    ents = EntitySet()
    decisions: list[Decision] = []
    many_items: list[tuple[str, str, Span, list[str]]] = []
    counts: list[tuple[str, str, Span, tuple]] = []  # "a number of docks": a count unless docks are described
    relationship_lists = []  # ((X phrase, Y phrase), owner name, owner span, list, sentence)
    described_pairs = []  # ((X phrase, Y phrase), owner name, list, sentence): "the products included in each order"
    used: set[int] = set()
    record_lists: list[tuple[int, AttributeList, Sentence]] = []  # "Each record includes ...": no owner yet
    described_under: dict[str, set[str]] = {}  # heading -> entities first described under it
    things = _abstract_words_described(text)  # per text, outside the per-sentence cache of _analyze
    for idx, s in enumerate(iter_sentences(text)):
        if s.start >= MIN_CHARS_READ and (
                s.end > MAX_CHARS_READ or len(ents.by_key) >= MAX_ENTITIES
                or time.perf_counter() - started > READ_BUDGET_SECONDS):
            stopped_at = s
            break
        sentences.append(s)
        for name, items in _recorded_event(s.text) + _placed_event(s.text) + _noted_event(s.text) \
                + _through_record(s.text) + _periodic_event(s.text):
            used.add(idx)
            ent = ents.add(name, Span(start=s.start, end=s.end, text=s.text))
            for item in items:
                if loose(item.name) != loose(name):
                    said = s.text[item.start:item.end]
                    # "When cars are returned": the reading made it one car ("Car"), a key to one of them
                    one_of = is_plural(said.split()[-1]) and not is_plural(item.name.split()[-1]) \
                        and loose(singular(said.split()[-1])) == loose(item.name.split()[-1])
                    ents.add_attribute(ent, Attribute(name=attribute_name(item.name), span=Span(
                        start=s.start + item.start, end=s.start + item.end, text=said),
                        references=entity_name(item.name) if one_of else None))
        for pair, alist in _pair_passive(s):
            # "For each ingredient in a recipe, the quantity and unit are recorded": values of the pair
            used.add(idx)
            relationship_lists.append((pair, pair[0], Span(start=s.start, end=s.end, text=s.text), alist, s))
        if not any(owner is not None for _, owner in _analyze(s.text, s.heading)):
            # "The clinic keeps records of patients, doctors and appointments": no list was read for an
            # owner, but the business speaking of what it keeps names entities
            for name, span in _speaker_inventory(s):
                used.add(idx)
                _add_mentioned(ents, name, span)
        for alist, owner in _analyze(s.text, s.heading):
            if _noted_event(s.text) or _through_record(s.text):
                break  # the noted values are the event's, not the noter's
            if owner is None and lists_a_record(alist):
                record_lists.append((idx, alist, s))  # its record may be named only after the loop
                continue
            if owner is not None and owner.rule.startswith("'of each X'") and lists_a_record(alist):
                # "Stores the chat records. Each record includes ..., the content of the message": the
                # record the text named before owns the list, not the thing one item is of
                named = _record_named_near(alist, sentences, idx, ents)
                if named is not None:
                    ents.add(named, Span(start=s.start, end=s.end, text=s.text))
                    record_lists.append((idx, alist, s))
                    continue
            owner = _counted_abstract_owner(alist, things) or owner or _abstract_owner(alist, things)
            if owner is None:
                for name, span in _system_inventory(alist, s):
                    if _add_mentioned(ents, name, span):
                        used.add(idx)
                continue
            used.add(idx)
            kept = _business_inventory(alist, s, owner)
            for name, span in kept:
                _add_mentioned(ents, name, span)
            if kept:
                decisions.append(Decision(subject=f"entity {owner.name}", decision=f"{owner.name} is not a table",
                                          rationale="it is the business speaking of what it keeps: "
                                                    + ", ".join(name for name, _ in kept) + " are the tables",
                                          span=_shift(owner.span, s.start)))
                continue
            owner_span = _shift(owner.span, s.start)
            pair = _relationship_before(alist.prefix) or _pair_topic(alist.sentence.text, alist.items)
            if pair:
                # "the supply relationship between products and suppliers, including the quantity and
                # the cost": the list describes the relationship, not either side
                relationship_lists.append((pair, owner.name, owner_span, alist, s))
                continue
            if _lists_values(owner.name, alist):
                continue  # "Positions include manager, salesperson, etc.": the values of a column
            if _names_examples(alist):
                continue  # "water resources such as reservoirs and rivers": kinds of the thing, not its fields
            if _lists_functions(alist):
                continue  # "covering user management, order processing and statistics": what the software does
            if _noun_complement(alist):
                # "manage interactions with customers": who the interaction is with, no fields; a
                # plural noun there ("provides users with ...") is still a thing the text mentions
                word = alist.prefix.split()[-1]
                if is_plural(word) and loose(singular(word)) == loose(owner.name).split()[-1] \
                        and _add_mentioned(ents, owner.name, owner_span):
                    used.add(idx)
                continue
            if _the_speaker(alist, s.text, owner.span.start):
                for item in alist.items:  # "The hotel has multiple rooms": the rooms are the entity
                    member = entity_name(" ".join(_before_participle(item.name.split())))
                    if usable(member):
                        many_items.append((owner.name, member, _shift(Span(start=item.start, end=item.end,
                                                                               text=s.text[item.start:item.end]), s.start),
                                           item.link_attributes))
                continue
            if _the_business_own(alist, s.text, owner.span.start):
                for item in [it for it in alist.items if it.many]:  # "its sales data, including multiple stores"
                    member = entity_name(" ".join(_before_participle(item.name.split())))
                    if usable(member) and ents.get(member) is None:
                        ents.add(member, _shift(Span(start=item.start, end=item.end, text=s.text[item.start:item.end]), s.start))
                continue
            owner_name = _assessment_of(owner.name, alist, ents) or owner.name
            owner_name = _record_named_by_heading(owner_name, _lead_topic(s.text) or s.heading, alist) or owner_name
            owner_name = _record_of_topic(owner_name, s, alist, ents) or owner_name
            kept = _record_kept_for_each(owner_name, alist) if owner_name == owner.name else None
            if kept is not None:
                # "For each tournament, the tournament result needs to be recorded, including winner, score
                # and date": the values are the named record's, one kept per tournament
                many_items.append((owner.name, kept, owner_span, []))
                decisions.append(Decision(subject=f"entity {kept}", decision=f"{kept} is an entity",
                                          rationale=f"the text records it for each {owner.name.lower()}, "
                                                    f"with values of its own", span=owner_span))
                owner_name = kept
            is_new = ents.get(owner_name) is None
            if s.heading and is_new:
                described_under.setdefault(s.heading, set()).add(loose(owner_name))
            ent = ents.add(owner_name, owner_span, explicit=alist.trigger in (":", "fields"))
            if owner.short_name and ents.get(owner.short_name) is None:
                ents.alias(owner.short_name, ent)
            if owner.possessor and usable(owner.possessor) and loose(owner.possessor) != loose(ent.name):
                many_items.append((owner.possessor, ent.name, owner_span, []))  # "each tool's usage"
            if is_new:
                decisions.append(Decision(subject=f"entity {ent.name}", decision=f"{ent.name} is an entity",
                                          rationale=f"it owns an attribute list ({owner.rule})", span=owner_span))
            pair_end = -1
            for item in alist.items:
                span = Span(start=s.start + item.start, end=s.start + item.end, text=s.text[item.start:item.end])
                if _NAMES_A_PAIR.search(item.name):
                    # "records the correspondence between coaches and teams": the pair the table links
                    # (read as a relationship later), not two columns
                    pair_end = item.end
                    continue
                if pair_end >= 0 and _PAIR_PARTNER.match(s.text, pair_end, item.start):
                    pair_end = -1
                    continue
                pair_end = -1
                if item.many and not _VARYING.match(s.text, item.start):
                    member = entity_name(" ".join(_before_participle(item.name.split())))
                    if usable(member) or loose(member) in things:
                        many_items.append((ent.name, member, span, item.link_attributes))
                        if _A_NUMBER_OF.match(s.text, item.start):
                            counts.append((ent.name, member, span, many_items[-1]))
                    continue
                if loose(item.name) == loose(ent.name):
                    continue
                name = item.name
                if owner.plural and name.split()[-1].lower() not in ("remarks", "notes", "details", "steps", "contents"):
                    head = name.split()
                    head[-1] = head[-1][:1] + singular(head[-1])[1:] if head[-1][1:].islower() else head[-1]
                    name = " ".join(head)  # "Projects have project numbers" -> "Project Number"
                if ents.has_attribute(ent, name):
                    continue
                attr = Attribute(name=attribute_name(name), span=span, unique=item.unique,
                                 allowed_values=item.allowed_values, value_range=item.value_range,
                                 identifier=item.primary_key, references=item.references)
                ents.add_attribute(ent, attr)
            described_pair = _pair_described(alist)
            if described_pair:
                described_pairs.append((described_pair, ent.name, alist, s))
    _one_attribute_sentences(sentences, ents)
    _identified_by_sentences(sentences, ents)
    relationship_attrs = _resolve_relationship_lists(relationship_lists, ents)
    relationship_attrs += _described_pair_lists(described_pairs, ents)
    counted: set[str] = set()
    for owner, member, span, many_item in counts:
        if ents.get(member) is None:  # "a station has a name and a number of docks": docks are never described
            many_items.remove(many_item)
            count = attribute_name(f"number of {_plural_phrase(member)}")
            counted.add(member)
            if not ents.has_attribute(ents.get(owner), count):
                ents.add_attribute(ents.get(owner), Attribute(name=count, span=span))
    many_items[:] = [(owner, _known_before_of(member, ents), span, link) for owner, member, span, link in many_items]
    for owner, member, span, _ in many_items:
        ents.add(member, span)
    _drop_listed_entities(ents)
    _name_after_headings(ents, described_under, decisions)
    _name_after_own_key(ents, text, decisions)
    _entities_from_mentions(sentences, ents, described_under, counted)
    used |= _records_of_lists(record_lists, sentences, ents, decisions)
    _tracked_values(sentences, ents, used)
    _drop_role_values(sentences, ents, decisions)
    role_folds = fold_coordinated_roles(sentences, ents, decisions)
    for fold in role_folds:
        kind = ents.get(fold.kind)
        if not kind.attributes:
            ents.add_attribute(kind, Attribute(name=default_name(kind.name), span=fold.sentence_span), placeholder=True)
    _apply_sentence_constraints(sentences, ents)
    relationship_attrs += _recorded_flags(sentences, ents, used)
    relationship_attrs += _done_for_values(sentences, ents, used)
    role_decls = declared_roles(sentences)
    for decl in role_decls:  # "Users can be buyers or sellers": read the roles' links, then fold them
        if ents.get(decl.kind) is not None:
            for role in decl.roles:
                if ents.get(role) is None and usable(role):
                    ents.add(role, decl.span)
    names = [e.name for e in ents.entities]
    rels = drop_folded_links(detect_relationships(sentences, names), role_folds)
    rels += [link for fold in role_folds for link in fold.role_links()]
    rels += _done_by_someone(sentences, ents, rels, used)
    seen = {frozenset((r.left, r.right)) for r in rels} | {frozenset((f.record, f.kind)) for f in role_folds}
    for owner, member, span, link_attrs in many_items:
        o, m = ents.get(owner), ents.get(member)
        if o is None:  # "for each project" in a text that describes Civil Engineering Projects
            head = named_by_head(owner, names)
            o = ents.get(head) if head else None
        if o and m and o is not m and frozenset((o.name, m.name)) not in seen:
            rel = Relationship(left=o.name, right=m.name, span=span)
            if link_attrs:
                # "orders contain multiple products with quantities": the quantity belongs to the
                # pair, so the link is its own table (M:N with attributes).
                rel.left_card = Cardinality.MANY
                rel.attributes = [Attribute(name=attribute_name(entity_name(a) or a), span=span) for a in link_attrs]
            elif shares_participants(o.name, m.name):
                rel.left_card = Cardinality.MANY  # "with multiple hosts": hosts host other programs too
            rels.append(rel)
            seen.add(frozenset((o.name, m.name)))
    for (x, y), attrs, span in relationship_attrs:
        rel = next((r for r in rels if {r.left, r.right} == {x, y}), None)
        if rel is None:
            rel = Relationship(left=x, right=y, span=span)
            rels.append(rel)
        rel.left_card = rel.right_card = Cardinality.MANY  # attributes of the pair: a table of its own
        rel.attributes += [a for a in attrs if a.name not in {b.name for b in rel.attributes}]
    _rated_pairs(sentences, ents, rels)
    rels = fold_declared_roles(role_decls, ents, rels, decisions)
    rels = _merge_bare_heads(ents, rels, decisions, text)
    _drop_related_rows(ents, decisions)
    dropped = _drop_coordinated_pairs(ents)
    rels = [r for r in rels if r.left not in dropped and r.right not in dropped]
    # A sentence that only states a link ("Vets see pets.") was read too, though it gave no entity.
    link_spans = [r.span for r in rels if r.span is not None and r.span.end > r.span.start]
    unread = [Span(start=s.start, end=s.end, text=s.text) for i, s in enumerate(sentences)
              if i not in used and not any(sp.start < s.end and sp.end > s.start for sp in link_spans)]
    if stopped_at is not None:
        share = 100 * (len(text) - stopped_at.start) / len(text)
        unread.append(Span(start=stopped_at.start, end=len(text),
                           text=f"[the last {share:.0f}% of the text, from character {stopped_at.start:,}, was not read: "
                                f"the reading budget ({READ_BUDGET_SECONDS} s, {MAX_ENTITIES} entities or {MAX_CHARS_READ:,} characters) "
                                f"ran out] "
                                + stopped_at.text))
    model = ConceptualModel(entities=ents.entities, relationships=rels)
    return Reading(sentences, model, decisions, unread, many_items)


# An item naming a link between things ("Correspondence Between Coaches", "Connection Status Between
# Users") and the partner coordinated after it ("and teams").
_NAMES_A_PAIR = re.compile(r"\bbetween\b", re.IGNORECASE)
_PAIR_PARTNER = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:each\s+|the\s+|its\s+|their\s+)?$", re.IGNORECASE)

def _known_before_of(member: str, ents: EntitySet) -> str:
    """"Each farm can have multiple plots of land" beside a described Plot: the plots, not a "Plots of
    Land" table."""
    parts = re.split(r"\s+of\s+", member, maxsplit=1, flags=re.IGNORECASE)
    known = ents.get(entity_name(parts[0]) or "") if len(parts) == 2 and ents.get(member) is None else None
    return known.name if known is not None else member


def _drop_listed_entities(ents: EntitySet) -> None:
    """"A library has members and books" with members and books described elsewhere: the plural items
    name other tables, not text columns of the library. How they link is left to the sentences that
    say it (reading the list itself as 1:N or M:N links was worse on the dev set)."""
    described = {loose(e.name): e for e in ents.entities if len(e.attributes) >= 2}
    for ent in ents.entities:
        for attr in list(ent.attributes):
            said = re.findall(r"[A-Za-z]+", attr.span.text if attr.span else attr.name)
            if not said or not is_plural(said[-1].lower()) or attr.identifier or attr.references:
                continue  # a reference the reading made of one of them ("when cars are returned") stays
            words = attr.name.split()
            other = described.get(loose(attr.name)) or described.get(loose(" ".join(words[:-1] + [singular(words[-1].lower())])))
            if other is not None and other is not ent:
                ent.attributes.remove(attr)
                if not ent.attributes:
                    ents.remove(ent)  # it only listed other things: the business the text is about


def _drop_coordinated_pairs(ents: EntitySet) -> set[str]:
    """"Manage the location information of suppliers and customers, including ...": a phrase joining two
    entities of the design, given no attribute of its own, names those two, not a third table. The names
    dropped."""
    dropped: set[str] = set()
    for ent in ents.entities:
        parts = re.split(r"\s+and\s+", ent.name, flags=re.IGNORECASE)
        if ent.attributes or len(parts) != 2:
            continue
        if all(ents.get(entity_name(part) or part) not in (None, ent) for part in parts):
            ents.remove(ent)
            dropped.add(ent.name)
    return dropped


_RELATIONSHIP_BETWEEN = re.compile(r"\b(?:relationships?|associations?)\s+between\s+(?:each\s+|the\s+|all\s+)?"
                                   r"([A-Za-z][A-Za-z ]{0,40}?)\s+and\s+(?:each\s+|the\s+|its\s+|their\s+)?"
                                   r"([A-Za-z][A-Za-z ]{0,40}?)\s*,?\s*$", re.IGNORECASE)


def _relationship_before(prefix: str) -> tuple[str, str] | None:
    """"... the relationship between products and suppliers, including": the two things related."""
    m = _RELATIONSHIP_BETWEEN.search(prefix)
    if not m:
        return None
    x, y = entity_name(m.group(1)), entity_name(m.group(2))
    return (x, y) if x and y and loose(x) != loose(y) else None


_PAIR_NP = r"((?:(?!each\b|every\b|the\b|and\b)[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*)"
# a regular -ed/-en participle or one of the irregular ones ("held", "sold"), longest first
_PARTICIPLE = r"(?:[a-z]{2,}(?:ed|en)|" + "|".join(sorted(IRREGULAR_PARTICIPLES, key=lambda w: (-len(w), w))) + ")"
_PAIR_LINK = r"\s+(?:in|into|by|for|to|under|with|from|on|at)\s+(?:each|every|a|an|the|their|its)\s+"
# "the products included in each order, including": X, a participle, then the Y it is linked to
_PAIR_BEFORE_LIST = re.compile(r"\b(?:the|all)\s+" + _PAIR_NP + r"\s+" + _PARTICIPLE + _PAIR_LINK + _PAIR_NP + r"\s*,?\s*$",
                               re.IGNORECASE)
# "records the quantity and earnings for each stock held by each user"
_PAIR_AFTER_LIST = re.compile(r"\s*(?:for|of)\s+(?:each|every|the|all)\s+" + _PAIR_NP + r"\s+" + _PARTICIPLE + _PAIR_LINK
                              + _PAIR_NP + r"\s*(?:[.;,]|$)", re.IGNORECASE)


def _pair_described(alist) -> tuple[str, str] | None:
    """The two things a list describes the link of, named around it by a participle ("the products
    included in each order, including ...", "... for each stock held by each user")."""
    m = _PAIR_BEFORE_LIST.search(alist.prefix)
    if m is None and alist.items:
        m = _PAIR_AFTER_LIST.match(alist.sentence.text, alist.items[-1].end)
    if m is None:
        return None
    x, y = entity_name(m.group(1)), entity_name(m.group(2))
    return (x, y) if usable(x) and usable(y) and loose(x) != loose(y) else None


def _described_pair_lists(lists, ents: EntitySet):
    """A list read for its owner that the sentence says is of a pair ("the products included in each
    order, including quantity and discount"): when both sides are entities and the first is described
    in its own right, the fields neither side has move from the owner to the pair. Otherwise ("the
    courses taught by each teacher, including name and credits") the list stays the owner's."""
    out = []
    for (x, y), owner_name, alist, s in lists:
        ex, ey, owner = ents.get(x), ents.get(y), ents.get(owner_name)
        if ex is None or ey is None or ex is ey or owner is None or owner not in (ex, ey):
            continue
        listed = {loose(i.name) for i in alist.items if not i.many}
        from_list = [a for a in owner.attributes if loose(a.name) in listed]
        other = ey if owner is ex else ex
        keys = {loose(e.name) + " id" for e in (ex, ey)} | {loose(a.name) for e in (ex, ey) for a in e.attributes
                                                               if a.identifier or is_identifier_name(a.name)}
        own_elsewhere = [a for a in ex.attributes if a not in from_list]
        moved = [a for a in from_list if loose(a.name) not in keys and not ents.has_attribute(other, a.name)]
        if len(own_elsewhere) < 2 or not moved or any(loose(a.name).startswith(loose(ex.name) + " ") for a in moved) \
                or not any(set(loose(a.name).split()) & LINK_VALUE_HEADS for a in moved):
            continue  # "including module name and credits": fields of the thing itself, none of the pair's
        for a in moved:
            ents.remove_attribute(owner, a)
        if not owner.attributes:
            ents.add_attribute(owner, Attribute(name=default_name(owner.name), span=owner.spans[0] if owner.spans else None),
                               placeholder=True)
        span = Span(start=s.start + alist.trigger_start, end=s.start + alist.trigger_end, text=s.text[alist.trigger_start:alist.trigger_end])
        out.append(((ex.name, ey.name), [Attribute(name=a.name, span=a.span) for a in moved], span))
    return out


# "For each ingredient in a recipe, ...", "For every player on a team, ...": the pair a sentence is about
_X_IN_Y = (_PAIR_NP + r"\s+(?:(?:used|included|listed|contained|stocked|stored|held|sold|placed|enrolled|assigned|"
                      r"booked|ordered|registered)\s+)?(?:in|on|at|within|for|under|into)\s+"
                      r"(?:a|an|each|every|the|any|its|their)\s+" + _PAIR_NP)
_EACH_X_IN_Y = re.compile(r"^\s*(?:for|of)\s+(?:each|every|any)\s+" + _X_IN_Y + r"\s*,", re.IGNORECASE)
# "records the quantity and unit for each ingredient in a recipe": the same pair after the list
_EACH_X_IN_Y_AFTER = re.compile(r"\s*,?\s*(?:for|of)\s+(?:each|every)\s+" + _X_IN_Y + r"\s*(?:[.;,]|$)", re.IGNORECASE)


# "Parts used in a repair are recorded with a quantity": the same pair as the subject of a passive
_X_IN_Y_RECORDED = re.compile(r"^\s*(?:the\s+|all\s+)?" + _PAIR_NP + r"\s+" + _PARTICIPLE
                              + r"\s+(?:in|on|at|within|for|under|into|during)\s+(?:a|an|each|every|the|any|its|their)\s+"
                              + _PAIR_NP + r"\s+(?:is|are)\s+(?:also\s+)?(?:recorded|stored|tracked|logged|kept|noted)\s+with\b",
                              re.IGNORECASE)


def _pair_topic(text: str, items) -> tuple[str, str] | None:
    """"For each ingredient in a recipe, we record the quantity and the unit": a list of values that
    only a pair has (how much, which role, what result) describes the pair, not the ingredient. A list
    holding a value of the thing itself ("the name and the age" of each student in a class) stays its own."""
    m = _EACH_X_IN_Y.match(text) or _X_IN_Y_RECORDED.match(text) \
        or (_EACH_X_IN_Y_AFTER.match(text, items[-1].end) if items else None)
    if m is None or not items or any(i.many or loose(i.name).split()[-1] not in LINK_VALUE_HEADS for i in items):
        return None
    x, y = entity_name(m.group(1)), entity_name(m.group(2))
    return (x, y) if usable(x) and usable(y) and loose(x) != loose(y) else None


# "..., the quantity and unit are recorded": a list before a passive verb, with no trigger word
_PASSIVE_ITEMS = re.compile(r",\s+(?P<items>[^.;,][^.;]*?)\s+(?:need|needs|must|should|shall|will|are|is)\s+(?:to\s+)?(?:also\s+)?"
                            r"(?:be\s+)?(?:recorded|stored|tracked|logged|kept|documented|registered|saved|noted)\b",
                            re.IGNORECASE)


@lru_cache(maxsize=4096)
def _pair_passive_items(text: str) -> tuple:
    topic = _EACH_X_IN_Y.match(text)
    m = _PASSIVE_ITEMS.match(text, topic.end() - 1) if topic else None
    if m is None:
        return ()
    items = [it for it in split_items(text, m.start("items"), m.end("items")) if not it.clause]
    pair = _pair_topic(text, items)
    return ((pair, tuple(items), m.start("items")),) if pair else ()


def _pair_passive(s: Sentence) -> list:
    """The pair and its values of "For each X in a Y, A and B are recorded", as an attribute list."""
    return [(pair, AttributeList(sentence=s, trigger="", trigger_start=at, trigger_end=at, items=list(items)))
            for pair, items, at in _pair_passive_items(s.text)]


def _entity_or_only_head(name: str, ents: EntitySet) -> Entity | None:
    """The entity a short mention names: its own name, else the only entity whose name ends in it
    ("a job" for Repair Job)."""
    ent = ents.get(name)
    if ent is not None or " " in name.strip():
        return ent
    heads = [e for e in ents.entities if loose(e.name).split()[-1] == loose(name)]
    return heads[0] if len(heads) == 1 else None


def _resolve_relationship_lists(lists, ents: EntitySet):
    """Lists of relationship attributes whose two sides are entities; the others go to the owner the
    list would have had."""
    out = []
    for (x, y), owner_name, owner_span, alist, s in lists:
        ex, ey = _entity_or_only_head(x, ents), _entity_or_only_head(y, ents)
        span = Span(start=s.start + alist.trigger_start, end=s.start + len(alist.prefix), text=alist.prefix[-60:])
        if ex is not None and ey is not None and ex is not ey:
            keys = {loose(ex.name) + " id", loose(ey.name) + " id"}
            attrs = [Attribute(name=attribute_name(i.name), span=span) for i in alist.items
                     if not i.many and loose(i.name) not in keys]
            out.append(((ex.name, ey.name), attrs, span))
            continue
        ent = ents.add(owner_name, owner_span)
        for item in alist.items:
            if not item.many and loose(item.name) != loose(ent.name) and not ents.has_attribute(ent, item.name):
                ents.add_attribute(ent, Attribute(name=attribute_name(item.name), span=span))
    return out


_SYSTEM_SUBJECT = re.compile(r"\b(?:system|database|platform|application|module)s?\b[^,;]{0,60}$", re.IGNORECASE)
_KIND_SUFFIX = re.compile(r"\s+(?:information|info|table|tables|records|data|management|details)$", re.IGNORECASE)


def _system_inventory(alist, s: Sentence) -> list[tuple[str, Span]]:
    """"The system manages customers, orders, parts and suppliers": with the system as the subject,
    a list of plural nouns (or "X information", "X table") is the inventory of entities, not attributes."""
    if not _SYSTEM_SUBJECT.search(alist.prefix):
        return []
    return _inventory_kinds(alist, s)


# Triggers that list what a thing is made of or described by, not what a business keeps.
_DESCRIBING_TRIGGERS = frozenset({"has", "have", "having", "had", "includes", "include", "including", "contains",
                                  "contain", "containing", "with", "consists", "comprises", ":", "fields", "(", "such as"})


def _business_inventory(alist, s: Sentence, owner) -> list[tuple[str, Span]]:
    """"Our craft brewery tracks its beers, batches and tanks", "The clinic records patients, doctors
    and appointments": the business speaking of what it keeps lists its entities; it is no table with
    a row of its own holding them as columns."""
    if alist.trigger.lower() in _DESCRIBING_TRIGGERS:
        return []
    if not is_business_speaker(s.text, owner.span.start, owner.name) \
            and not _ACTOR_MAY_KEEP.fullmatch(alist.prefix, owner.span.end):
        return []
    return _inventory_kinds(alist, s)


# "Administrators or teachers can maintain dormitories, courses, and grades", "allow teachers to maintain
# ...": what a person is allowed to keep is the things they work on, not their own fields.
_ACTOR_MAY_KEEP = re.compile(r"\s*(?:can|may|must|should|shall|will|to)\s+(?:also\s+)?", re.IGNORECASE)


_KEEPS = re.compile(r"^\s*(?:our|my|the)\s+(?P<who>(?:[A-Za-z-]+\s+){0,2}?[A-Za-z-]+)\s+(?:also\s+)?"
                   r"(?:keeps?\s+(?:records?|track)\s+of|tracks?|manages?|records?|stores?|maintains?|registers?)\s+"
                   r"(?:its\s+|their\s+|all\s+|the\s+)?(?P<items>(?:(?!\b(?:including|such\s+as|like|e\.g)\b)[^.;:])+?)"
                   r"\s*(?:[.;]|$)", re.IGNORECASE)  # "stores records, including paper ones": one kind, shown


def _speaker_inventory(s: Sentence) -> list[tuple[str, Span]]:
    """"The clinic keeps records of patients, doctors and appointments": the entities a business
    speaking of itself keeps (see ``_business_inventory``), when the list has no trigger word."""
    m = _KEEPS.match(s.text)
    if m is None or not is_business_speaker(s.text, m.start("who"), entity_name(m.group("who")) or ""):
        return []
    items = [it for it in split_items(s.text, m.start("items"), m.end("items")) if not it.clause]
    alist = AttributeList(sentence=s, trigger="", trigger_start=m.start("items"), trigger_end=m.start("items"),
                          items=items)
    return _inventory_kinds(alist, s)


def _inventory_kinds(alist, s: Sentence) -> list[tuple[str, Span]]:
    """The entities a list of plural nouns (or "X information", "X table") names; none unless most
    of the list reads that way."""
    if len(alist.items) < 2:
        return []
    kinds = []
    for item in alist.items:
        words = item.name.split()
        stripped = _KIND_SUFFIX.sub("", item.name)
        if stripped != item.name or is_plural(words[-1]):
            kinds.append((stripped, item))
    if len(kinds) < max(2, (2 * len(alist.items) + 2) // 3):
        return []
    out = []
    for phrase, item in kinds:
        said = re.findall(r"[a-z]+", s.text[item.start:item.end].lower())
        if len(said) > len(item.name.split()) + 3:
            continue  # "A school plans to develop ... course management": a clause, its first noun no kind
        first = phrase.split()[0].lower()
        if first in HEADING_ACTIONS or first in COMMON_VERBS or " of " in f" {phrase.lower()} ":
            continue  # "manage operational logs", "deletion of logs": operations, not things
        name = entity_name(phrase)
        if usable(name) and len(name.split()) <= 3 and name.split()[-1].lower() not in ABSTRACT_NOUNS:
            out.append((name, Span(start=s.start + item.start, end=s.start + item.end, text=s.text[item.start:item.end])))
    return out


# "During each production, the products, quantity and producer need to be recorded": an event named
# in a leading phrase, then the list, then a passive "be recorded" at the end.
_PASSIVE_LIST = re.compile(r"^(?P<intro>[^,]{3,90}),\s+(?P<items>[^.;]+?)\s+(?:need|needs|must|should|shall|will|are|is)\s+"
                           r"(?:to\s+)?(?:also\s+)?(?:be\s+)?(?:recorded|stored|tracked|logged|kept|documented|registered|saved)\b",
                           re.IGNORECASE)
_EVENT_INTRO = re.compile(r"^(?:during|for|after|upon|on|at|in)\s+(?:each|every|a|an|the)?\s*", re.IGNORECASE)
# "Every time a customer places an order": the object of a verb that creates a record is the record.
_EACH_TIME = re.compile(r"^(?:every|each)\s+time\s+(?:a|an|the)\s+[a-z]+\s+(?:places|makes|submits|files|creates|opens|"
                        r"raises|issues|initiates|sends|posts|writes|requests)\s+(?:a|an|the)\s+", re.IGNORECASE)


# "After the repair is completed, it is necessary to record A, B and C": the same with the recording said
# actively, after the event's own "is completed".
_ACTIVE_LIST = re.compile(r"^(?P<intro>[^,]{3,90}),\s+(?:it\s+is\s+(?:necessary|required|needed)\s+to|(?:the\s+system|we)\s+"
                          r"(?:needs?\s+to|must|should|shall|will|can))\s+(?:also\s+)?(?:record|store|log|document|register)\s+"
                          r"(?:the\s+)?(?P<items>[^.;]+?)\s*[.;]?\s*$", re.IGNORECASE)
_EVENT_DONE = re.compile(r"\s+(?:is|was|has\s+been)\s+(?:completed|finished|done|over|carried\s+out)\s*$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _recorded_event(text: str) -> tuple:
    """((event name, items),) for "During each production, A, B and C need to be recorded",
    "Every time a customer places an order, A, B and C are recorded" and "After the repair is completed,
    it is necessary to record A, B and C"; () otherwise."""
    m = _PASSIVE_LIST.match(text)
    intro = m.group("intro") if m else None
    if m is None:
        m = _ACTIVE_LIST.match(text)
        done = _EVENT_DONE.search(m.group("intro")) if m else None
        if done is None:
            return ()
        intro = m.group("intro")[: done.start()]
    lead = _EACH_TIME.match(intro) or _EVENT_INTRO.match(intro)
    if not lead:
        return ()
    np = np_after(intro, lead.end())
    if np is None or np[2] != len(intro.rstrip()):
        return ()  # the phrase must be all of the intro: "After the review is passed" is a clause
    name = entity_name(np[0])
    items = [it for it in split_items(text, m.start("items"), m.end("items")) if not it.many and not it.clause]
    if not usable(name) or name.split()[-1].lower() in ABSTRACT_NOUNS or len(items) < 2:
        return ()
    return ((name, tuple(items)),)


# "Members borrow books through loans with a due date": the means is the record of each act, between the
# two sides, and what it comes with are its values.
_THROUGH = re.compile(r"\s*,?\s+(?:through|via|by\s+means\s+of)\s+", re.IGNORECASE)
_RECORD_VALUES = re.compile(r"\s+(?:with|that\s+(?:have|has|record|records)|which\s+(?:have|has)|having)\s+"
                            r"(?P<items>[^.;]+?)\s*[.;]?\s*$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _through_record(text: str) -> tuple:
    """((record name, items),) for "Patients see doctors through appointments that have a time and a room";
    () when no clause between two things goes on with "through/via" and a noun phrase."""
    for clause in verb_clauses(text):
        if clause.extended:
            continue  # read past a plain clause: links what the text names, names nothing new
        m = _THROUGH.match(text, clause.objects[-1].end)
        np = np_after(text, m.end()) if m else None
        if np is None or (clause.passive and clause.preposition != "by") or not _plain_pair(clause):
            continue  # "the system identifies each member through a unique number": the business, a key
        name = entity_name(np[0])
        if not usable(name) or not _a_thing(name):
            continue
        values = _RECORD_VALUES.match(text, np[2])
        items = [it for it in split_items(text, values.start("items"), values.end("items"))
                 if not it.many and not it.clause] if values else []
        return ((name, tuple(items)),)
    return ()


# "When a car is returned we note the mileage and any damage", "when a house is sold, we record the
# price": what is noted belongs to a record of that happening (a Return of the car, a Sale of the
# house), not to the thing or to nothing.
_NOTED_EVENT = re.compile(r"^\s*(?:when|whenever|each\s+time|every\s+time|after)\s+(?:(?:a|an|the)\s+"
                          r"(?P<thing>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+is"
                          # "When cars are returned, the clerk records ...": the plural says the same of each
                          r"|(?:the\s+)?(?P<things>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+are)\s+(?P<verb>" + _PARTICIPLE + r")"
                          r"(?:\s+(?:to|at|in|into|from|by|for|on)\s+(?:a|an|the|its|their)\s+"
                          r"(?P<place>[a-z][\w-]*(?:\s+(?!we\b|staff\b|they\b)[a-z][\w-]*)?))?\s*,?\s+"
                          r"(?:we|staff|they|the\s+[a-z]+(?:\s+[a-z]+)?)\s+(?:also\s+)?(?:note|record|log|store|keep|track|enter|capture)s?\s+"
                          r"(?P<items>[^.;]+?)\s*[.;]?\s*$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _noted_event(text: str) -> tuple:
    """((event name, items),) for "When a car is returned we note the mileage and any damage": the thing
    (a key later) and the noted values on the record named by the verb."""
    m = _NOTED_EVENT.match(text)
    if not m:
        return ()
    noun = event_noun(m.group("verb"))
    group = "thing" if m.group("thing") else "things"
    if group == "things" and not is_plural(m.group(group).split()[-1]):
        return ()
    thing = entity_name(m.group(group))
    items = [it for it in split_items(text, m.start("items"), m.end("items")) if not it.many and not it.clause]
    if not usable(thing) or not items or thing.split()[-1].lower() in ABSTRACT_NOUNS:
        return ()
    verb = m.group("verb").lower()
    # where or to whom it happens is a value (a key later) of the record: "admitted to a ward"
    place = (Item(name=m.group("place"), start=m.start("place"), end=m.end("place")),) if m.group("place") else ()
    if noun is None or set(verb_bases(verb)) & MAKING_VERBS:  # "placed", "submitted", "opened", "made"
        return ((thing, (*place, *items)),)  # "When an order is placed, we record the date": the order is the record
    name = entity_name(noun)
    if not usable(name):
        return ()
    words = m.group(group).split()
    key = " ".join(words[:-1] + [singular(words[-1])])  # "cars are returned": each return is of one car
    return ((name, (Item(name=key, start=m.start(group), end=m.end(group)), *place, *items)),)


# "A lecture is scheduled for a course in a room on a weekday at a start time.": a counted subject, a
# passive verb, then only prepositional phrases, each naming one thing.
_PLACED_EVENT = re.compile(r"^\s*(?:a|an|each|every)\s+(?P<subject>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|are)\s+"
                           r"(?:usually\s+|always\s+)?(?:[a-z]+(?:ed|en)|held|set|run|taught|made|given|built|sent|put|done|paid|sold|bought)\s+"
                           r"(?P<places>(?:(?:,\s*|\s+and\s+)?"
                           r"(?:for|in|at|on|by|to|from|during|with|under)\s+(?:a|an|one|the)\s+[a-z][\w-]*"
                           r"(?:\s+[a-z][\w-]*)?\s*){2,6})\.?\s*$", re.IGNORECASE)
_PLACE = re.compile(r"(?:for|in|at|on|by|to|from|during|with|under)\s+(?:a|an|one|the)\s+(?P<np>[a-z][\w-]*"
                    r"(?:\s+(?!(?:and|for|in|at|on|by|to|from|during|with|under)\b)[a-z][\w-]*)?)",
                    re.IGNORECASE)


@lru_cache(maxsize=4096)
def _placed_event(text: str) -> tuple:
    """((event name, items),) for "A lecture is scheduled for a course in a room on a weekday": what the
    subject happens for, in, on and at are its values (a thing named there becomes a key later)."""
    m = _PLACED_EVENT.match(text)
    if not m:
        return ()
    name = entity_name(m.group("subject"))
    items = tuple(Item(name=p.group("np"), start=p.start("np"), end=p.end("np"))
                  for p in _PLACE.finditer(text, m.start("places"), m.end("places")))
    if not usable(name) or name.split()[-1].lower() in ABSTRACT_NOUNS or len(items) < 2:
        return ()
    return ((name, items),)


# "Every season we plant a crop in each field", "Each year, a coach is assigned to each team", "We rotate a
# guard to each gate every night": one thing placed in each of another kind, again every period.
_NP2 = r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
_PERIODIC_CORE = (r"(?:(?:the\s+|our\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:(?:can|will|must|should|usually|always)\s+)?"
                  r"(?P<verb>[a-z]+)\s+(?:a|an|one)\s+(?P<x>" + _NP2 + r")"
                  r"|(?:a|an|one)\s+(?P<px>" + _NP2 + r")\s+(?:is|gets)\s+(?P<part>[a-z]+(?:ed|en))"
                  r")\s+(?:in|on|at|to|for|into|onto|per)\s+(?:each|every)\s+(?P<y>" + _NP2 + r")")
_PERIODIC_EVENT = re.compile(r"^\s*(?:(?:every|each)\s+(?P<t1>[a-z]+)\s*,?\s+" + _PERIODIC_CORE
                             + r"|" + _PERIODIC_CORE.replace("?P<", "?P<e_")
                             + r"\s+(?:every|each)\s+(?P<t2>[a-z]+))\s*[.;!]?\s*$", re.IGNORECASE)


_HAVING_VERBS = frozenset({"has", "have", "had", "is", "are", "was", "were", "be", "includes", "include", "contains",
                           "contain", "gets", "get", "needs", "need", "wants", "want"})


def _gerund(verb: str) -> str:
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    return verb + "ing"


@lru_cache(maxsize=4096)
def _periodic_event(text: str) -> tuple:
    """((record name, items),) for "Every season we plant a crop in each field": a record per period,
    thing and place ("Planting": Crop, Field, Season); the things named become keys later."""
    m = _PERIODIC_EVENT.match(text)
    if not m:
        return ()
    g = {k[2:] if k.startswith("e_") else k: v for k, v in m.groupdict().items() if v is not None}
    gs = {k: (m.start(k), m.end(k)) for k, v in m.groupdict().items() if v is not None}
    time = g.get("t1") or g.get("t2")
    if time.lower() not in PERIOD_NOUNS:
        return ()
    if "verb" in g:
        verb = g["verb"].lower()
        if verb in FUNCTION_WORDS or verb in MODAL_VERBS or verb in _HAVING_VERBS:
            return ()
        base = verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb
        name = event_noun(verb) or _gerund(base)
        if {verb, base, base + "s"} & (DATA_VERBS | MAKING_VERBS):
            name = g["x"]  # "every month we record a reading for each meter": the reading is the record
    else:
        part = g["part"].lower()
        stem = part[:-2] if part.endswith("ed") else part
        name = event_noun(part) or _gerund(stem + ("e" if stem + "e" in EVENT_NOUN_OF_VERB else ""))
    x_key = "x" if "x" in g else "px"
    things = [entity_name(g[x_key]), entity_name(g["y"])]
    if not all(t and t.lower() not in FUNCTION_WORDS for t in things) or loose(things[0]) == loose(things[1]):
        return ()  # (an abstract word may name a thing: "in each field" is a key once fields are described)
    made = loose(entity_name(name) or "") == loose(things[0])
    keys = ([] if made else [k for k in gs if k.rsplit("_", 1)[-1] == x_key][:1]) + \
        [k for k in gs if k.rsplit("_", 1)[-1] == "y"][:1] + [k for k in gs if k.rsplit("_", 1)[-1] in ("t1", "t2")][:1]
    items = tuple(Item(name=text[gs[k][0]:gs[k][1]], start=gs[k][0], end=gs[k][1]) for k in keys)
    return ((entity_name(name), items),)


# "Each vehicle model must have a unique name.", "Customer information includes Customer ID.": a list of one.
_ONE_ATTRIBUTE = re.compile(r"^\s*(?:(?:each|every)\s+(?P<each>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)|"
                            r"(?:the\s+)?(?P<info>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+(?:information|info|details))\s+"
                            # "Each loan is taken out by a member and has an amount": the passive is the link
                            r"(?:(?:is|are)\s+[a-z]+(?:ed|en)\s+(?:out\s+|up\s+)?(?:by|to|for|from|in|at|with)\s+"
                            r"(?:a|an|one|the)\s+[a-z]+(?:\s+[a-z]+)?\s+and\s+)?"
                            r"(?:must\s+|should\s+|shall\s+|will\s+)?(?:has|have|includes?|contains?)\s+"
                            r"(?:a\s+|an\s+|the\s+|its\s+|their\s+)?(?P<unique>unique\s+)?"
                            r"(?P<attr>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})\s*[.;]?\s*$", re.IGNORECASE)


def _one_attribute_sentences(sentences: list[Sentence], ents: EntitySet) -> None:
    """A sentence that gives its subject one attribute ("Each vehicle model must have a unique name.")
    describes an entity like a longer list would."""
    for s in sentences:
        m = _ONE_ATTRIBUTE.match(s.text)
        if not m or loose(m.group("attr")).split()[-1] not in _ATTRIBUTE_ENDINGS | IDENTIFIER_WORDS \
                or re.search(r"\b(?:and|or)\b", m.group("attr"), re.IGNORECASE):
            continue  # "has a name and address": two attributes, which the list reading gives
        phrase = m.group("each") or m.group("info")
        if any(w in ATTRIBUTE_INFO_KINDS for w in phrase.lower().split()):
            continue  # "Contact information includes phone number": a kind of information of its owner
        name = entity_name(phrase)
        if not usable(name) or name.split()[-1].lower() in ABSTRACT_NOUNS:
            continue
        span = Span(start=s.start + m.start(), end=s.start + m.end(), text=s.text[m.start():m.end()])
        ent = ents.add(name, span)
        if not ents.has_attribute(ent, m.group("attr")):
            ents.add_attribute(ent, Attribute(name=attribute_name(m.group("attr")), span=span,
                                              unique=bool(m.group("unique"))))


# "The system tracks employee availability", "We record the mileage of each vehicle", "Vehicle mileage
# is logged": a value of a thing the text describes, kept by the system (active or passive).
_KEEP_VERB = (r"(?:keeps?\s+(?:track|a\s+record|records)\s+of|tracks?|records?|stores?|logs?|maintains?|saves?|"
              r"monitors?|captures?)")
_KEEP_PARTICIPLE = r"(?:tracked|recorded|stored|logged|maintained|saved|monitored|captured|kept)"
_TRACKS_VALUE = re.compile(r"^\s*(?:(?:the|our|this|each|every|an?)\s+)?(?P<who>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+"
                           r"(?:(?:must|should|shall|will|can|also|needs?\s+to|has\s+to|wants\s+to)\s+)*" + _KEEP_VERB
                           + r"\s+(?P<obj>[A-Za-z][\w'’ ,-]*?)\s*[.;!]?\s*$", re.IGNORECASE)
_VALUE_TRACKED = re.compile(r"^\s*(?P<obj>[A-Za-z][\w'’ ,-]*?)\s+(?:is|are|must\s+be|should\s+be|will\s+be|shall\s+be|"
                            r"needs?\s+to\s+be|has\s+to\s+be|have\s+to\s+be|can\s+be)\s+(?:also\s+)?" + _KEEP_PARTICIPLE
                            + r"\s*[.;!]?\s*$", re.IGNORECASE)
_VALUE_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|as\s+well\s+as)\s+", re.IGNORECASE)
_VALUE_OF = re.compile(r"^(?:the\s+|its\s+|their\s+)?(?P<attr>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+of\s+"
                       r"(?:each|every|the|a|an|all)?\s*(?P<thing>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)$", re.IGNORECASE)
_VALUE_POSSESSED = re.compile(r"^(?:each|every|the|a|an)?\s*(?P<thing>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)['’]s?\s+"
                              r"(?P<attr>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)$", re.IGNORECASE)
# Heads naming records of their own or the whole of what is kept, not one value ("customer orders",
# "employee records", "vehicle information").
_NOT_A_VALUE_HEADS = frozenset({"record", "records", "history", "histories", "log", "logs", "information", "info",
                                "data", "details", "detail", "list", "lists", "file", "files", "profile", "profiles",
                                "account", "accounts", "event", "events", "activity", "activities"})


def _value_of_known(item: str, ents: EntitySet) -> tuple[Entity, str] | None:
    """The known entity an item names a value of, and the value ("employee availability", "the
    mileage of each vehicle", "each room's rate"); None unless the thing is an entity of the text and
    the value reads as one value (a singular noun that is no entity, record or happening)."""
    item = item.strip()
    m = _VALUE_OF.match(item) or _VALUE_POSSESSED.match(item)
    if m:
        pairs = [(m.group("thing"), m.group("attr"))]
    else:
        words = item.split()
        if words and words[0].lower() in ("the", "its", "their"):
            words = words[1:]
        if not words or words[0].lower() in ("each", "every", "a", "an", "all", "any", "some"):
            return None  # "records each customer order": a thing of its own each time
        pairs = [(" ".join(words[:k]), " ".join(words[k:])) for k in (2, 1) if len(words) > k]
    for thing, attr in pairs:
        name = entity_name(thing)
        ent = ents.get(name) if name else None
        if ent is None:
            continue
        head = attr.split()[-1].lower()
        if is_plural(head) or head in _NOT_A_VALUE_HEADS or head in ABSTRACT_NOUNS \
                or head in TRANSACTION_NOUNS or head in ASSESSMENT_NOUNS or head in DETERMINERS \
                or head in EVENT_NOUN_OF_VERB.values() or ents.get(entity_name(attr) or attr) is not None \
                or ents.get(entity_name(head) or head) is not None:
            return None
        return ent, attr
    return None


def _tracked_values(sentences: list[Sentence], ents: EntitySet, used: set[int]) -> None:
    """"The system tracks employee availability and salary": every item that names a value of a
    described thing ("Employee Availability") is a column of the thing; a bare item after one
    ("salary") is the same thing's. Read only in a sentence nothing else read."""
    for idx, s in enumerate(sentences):
        if idx in used:
            continue
        m = _TRACKS_VALUE.match(s.text) or _VALUE_TRACKED.match(s.text)
        if m is None:
            continue
        if "who" in m.groupdict() and ents.get(entity_name(m.group("who")) or "") is not None \
                and not _SYSTEM_SUBJECT.search(m.group("who")):
            continue  # "Each driver records vehicle mileage": a thing of the driver's doing, read elsewhere
        items = [p for p in _VALUE_ITEM_SPLIT.split(m.group("obj")) if p.strip()]
        if not items or len(items) > 6:
            continue
        found = [_value_of_known(item, ents) for item in items]
        owners = {id(f[0]) for f in found if f}
        if not found[0] or len(owners) != 1:
            continue
        owner = found[0][0]
        values = []
        for item, f in zip(items, found):
            if f:
                values.append(f[1])
                continue
            words = [w for w in item.split() if w.lower() not in ("the", "its", "their")]
            if not words or len(words) > 2 or is_plural(words[-1]) or words[-1].lower() in _NOT_A_VALUE_HEADS \
                    or ents.get(entity_name(" ".join(words)) or "") is not None:
                values = []
                break
            values.append(" ".join(words))
        if not values:
            continue
        used.add(idx)
        span = Span(start=s.start, end=s.end, text=s.text)
        for value in values:
            if not ents.has_attribute(owner, value):
                ents.add_attribute(owner, Attribute(name=attribute_name(value), span=span))


# "Sailors are identified by a licence number.", "Each vehicle is identified by its VIN.": the one
# value named is the subject's key.
_IDENTIFIED_BY = re.compile(r"^\s*(?:(?:each|every|a|an|the)\s+)?(?P<subject>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+"
                            r"(?:is|are|will\s+be|must\s+be|shall\s+be)\s+(?:uniquely\s+)?identified\s+by\s+"
                            r"(?:a\s+|an\s+|the\s+|its\s+|their\s+|his\s+|her\s+)?(?:unique\s+)?"
                            r"(?P<attr>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})\s*[.;]?\s*$", re.IGNORECASE)


def _identified_by_sentences(sentences: list[Sentence], ents: EntitySet) -> None:
    """A sentence that names the one value identifying its subject gives the subject that key (a
    column, not a table of its own)."""
    for s in sentences:
        m = _IDENTIFIED_BY.match(s.text)
        if not m or not _names_a_key(m.group("attr")):
            continue
        name = entity_name(m.group("subject"))
        if not usable(name) or name.split()[-1].lower() in ABSTRACT_NOUNS:
            continue
        span = Span(start=s.start + m.start(), end=s.start + m.end(), text=s.text[m.start():m.end()])
        ent = ents.add(name, span)
        key = _key_column_name(name, m.group("attr"))
        listed = {loose(key), loose(attribute_name(m.group("attr")))}  # "has a code ... identified by its code"
        for attr in ent.attributes:
            if loose(attr.name) in listed:
                attr.identifier = True
                break
        else:
            ents.add_attribute(ent, Attribute(name=key, span=span, identifier=True, unique=True))


def _key_column_name(entity: str, phrase: str) -> str:
    """'identified by a unique code': a bare 'code' or 'number' says nothing alone, and as a foreign
    key elsewhere it would be ambiguous, so it takes the entity's name ('Customer Code')."""
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in GENERIC_IDENTIFIER_WORDS:
        return attribute_name(f"{entity} {phrase}")
    return attribute_name(phrase)


def _names_a_key(phrase: str) -> bool:
    """'licence number', 'customer code', 'VIN': a value that can identify (not 'a name and a date')."""
    words = phrase.split()
    if re.search(r"\b(?:and|or)\b", phrase, re.IGNORECASE):
        return False
    return words[-1].lower() in IDENTIFIER_WORDS or (words[-1].isupper() and len(words[-1]) >= 2)


# "Each field has a name and a size": an abstract word (field, step, task, ...) that a sentence of its
# own describes with values is a thing of this text.
_EACH_ABSTRACT_HAS = re.compile(r"(?:^|[.;!?]\s+)(?:each|every)\s+(?P<word>[a-z]+)\s+(?:has|have|includes|contains|records)\s+"
                                r"[^.;]*\b(?:and|,)\s", re.IGNORECASE)


# "A farm has several fields, each with a name and an area": counted, then described one by one.
_SEVERAL_ABSTRACT_EACH = re.compile(r"\b(?:several|many|multiple|various|numerous|some|\d+)\s+(?P<word>[a-z]+),\s*"
                                    r"each\s+(?:with|having|has)\s+[^.;]*\b(?:and|,)\s", re.IGNORECASE)


def _abstract_words_described(text: str) -> frozenset[str]:
    """The abstract words (ABSTRACT_NOUNS) that this text describes as things with values of their own."""
    return frozenset(m.group("word").lower() for m in _EACH_ABSTRACT_HAS.finditer(text)
                     if m.group("word").lower() in ABSTRACT_NOUNS) | frozenset(
        singular(m.group("word").lower()) for m in _SEVERAL_ABSTRACT_EACH.finditer(text)
        if m.group("word").lower() in ABSTRACT_NOUNS and is_plural(m.group("word").lower()))


_EACH_WORD = re.compile(r"^\s*(?:each|every)\s+(?P<word>[a-z]+)\s*$", re.IGNORECASE)
_SEVERAL_WORD_EACH = re.compile(r"\b(?:several|many|multiple|various|numerous|some|\d+)\s+(?P<many>[a-z]+),\s*(?:each\s*)?$",
                                re.IGNORECASE)


def _counted_abstract_owner(alist, things: frozenset[str]) -> Owner | None:
    """"A farm has several fields, each with a name and an area", where the text describes fields as
    things: the fields own the list, not the farm."""
    m = _SEVERAL_WORD_EACH.search(alist.prefix)
    word = singular(m.group("many").lower()) if m else ""
    if not m or word not in things:
        return None
    start = alist.sentence.start + m.start("many")
    return Owner(name=entity_name(word), span=Span(start=start, end=start + len(m.group("many")), text=m.group("many")),
                 rule=f"'{m.group('many').lower()}, each' are described by their own values")


def _abstract_owner(alist, things: frozenset[str]) -> Owner | None:
    """"Each field has a name and a size", where the text describes fields as things: the field owns
    the list (the per-sentence reading leaves an abstract word without an owner)."""
    m = _EACH_WORD.match(alist.prefix)
    if not m or m.group("word").lower() not in things:
        return None
    start = alist.sentence.start + m.start("word")
    return Owner(name=entity_name(m.group("word")), span=Span(start=start, end=start + len(m.group("word")),
                                                              text=m.group("word")),
                 rule=f"'each {m.group('word').lower()}' is described by its own values")


# Kinds whose listed values are no table of their own (unlike types, roles and categories, which
# the reference designs keep as lookup tables).
_KIND_OWNERS = frozenset({"status", "state", "position", "objective", "goal", "scenario"})
_ATTRIBUTE_ENDINGS = frozenset({"id", "name", "time", "date", "number", "code", "no", "description", "amount",
                                "price", "address", "phone", "email", "title", "content", "count", "quantity"})


def _lists_values(owner: str, alist) -> bool:
    """"The order status includes pending, in progress and completed", "Positions include manager,
    salesperson": a kind word (status, position, objective, ...) whose list holds no attribute-like
    name enumerates its values, not attributes of an entity."""
    if loose(owner).split()[-1] not in _KIND_OWNERS or alist.trigger not in ("include", "includes", "including",
                                                                           "such as", ":"):
        return False
    return not any(loose(item.name).split()[-1] in _ATTRIBUTE_ENDINGS for item in alist.items if item.name)


# "Each role has different hourly wages", "has different permissions based on their position": values
# that differ from row to row, not a counted set of things.
_A_NUMBER_OF = re.compile(r"\s*(?:and\s+|or\s+)?(?:a|the)\s+number\s+of\s", re.IGNORECASE)


def _plural_phrase(name: str) -> str:
    """'Family Member' -> 'family members'."""
    words = name.lower().split()
    return " ".join(words[:-1] + [plural(words[-1])])


_VARYING = re.compile(r"\s*(?:different|differing|varying|various\s+levels\s+of)\s", re.IGNORECASE)


def _names_examples(alist) -> bool:
    """'manage water resources such as reservoirs and rivers', 'card payments at locations such as
    cafeterias and supermarkets': plural nouns after 'such as' are examples of the thing named before,
    not its fields (fields are singular: 'such as name, phone and address')."""
    if alist.trigger.lower() != "such as" or len(alist.items) < 2:
        return False
    return all(item.name and is_plural(item.name.split()[-1])
               and loose(item.name).split()[-1] not in _ATTRIBUTE_ENDINGS for item in alist.items)


# Heads of the names of a system's functions ("dish management", "order processing", "teacher module").
_FUNCTION_HEADS = frozenset({"management", "processing", "statistics", "query", "queries", "analysis", "tracking",
                             "monitoring", "module", "modules", "function", "functions", "functionality", "maintenance",
                             "scheduling", "administration"})


def _lists_functions(alist) -> bool:
    """'covers user management, dish management and order processing': every item names a function of
    the software, so the list holds no fields of its owner."""
    names = [loose(item.name).split() for item in alist.items if item.name]
    return len(names) >= 2 and all(words and words[-1] in _FUNCTION_HEADS for words in names)


_WITH_AFTER_VERB = frozenset({"it", "them", "each", "one", "both", "be", "is", "are", "was", "were"})


_LOGGED_EACH = re.compile(r"\b(?:log|logs|record|records|store|stores|track|tracks|note|notes)\s+(?:each|every)\s+"
                          r"[a-z]+(?:\s+[a-z]+)?$", re.IGNORECASE)


# A clause that is only a noun phrase before "with": telegraphic requirements ("products with name, price").
_CLAUSE_OPENING_NOUN = re.compile(r"(?:.*[;:]\s*)?(?:(?:the|all|each|every)\s+)?[A-Za-z-]+(?:\s[A-Za-z-]+)?", re.IGNORECASE | re.DOTALL)


def _noun_complement(alist) -> bool:
    """'manage interactions with customers', 'provides administrators with the ability to ...',
    'the association of users with indicators': a 'with' right after a plain noun says what the noun is
    with or given, not the fields of a record (unlike 'is recorded with', 'associates it with',
    ', with a name and a price')."""
    if alist.trigger.lower() != "with":
        return False
    before = alist.prefix.rstrip()
    if not before or not before[-1].isalpha():
        return False  # ", with a chessboard ID and name"
    word = before.split()[-1].lower()
    if len(alist.items) >= 3 and re.match(r"\s*(?:an?|the)\s", alist.sentence.text[alist.trigger_end:]):
        return False  # "we create a damage report with the report date, a description and the station": fields
    if len(alist.items) >= 2 and all(re.match(r"\s*(?:and\s+)?an?\s", alist.sentence.text[it.start:it.end])
                                     for it in alist.items):
        return False  # "members write reviews with a rating and a comment": each item one value of a review
    if _LOGGED_EACH.search(before):
        return False  # "we log each cleaning with a time": the record and its values
    if len(alist.items) >= 3 and _CLAUSE_OPENING_NOUN.fullmatch(before):
        return False  # "users with email, password and name; products with ...": a noun opening its clause
    return not (word.endswith("ed") or word in _WITH_AFTER_VERB or word in FUNCTION_WORDS or JOINS_WITH.search(before))


def _the_speaker(alist, text: str, owner_start: int) -> bool:
    """"The hotel has multiple rooms", "The university also has several professors": a singular
    owner named with "the" whose list only counts other things is the business describing itself,
    not one of many rows (unlike "each farm has multiple plots")."""
    if not alist.items or not all(item.many for item in alist.items):
        return False
    before = text[:owner_start].split()
    return bool(before) and before[-1].lower() == "the" and not is_plural(text[owner_start:].split()[0])


def _the_business_own(alist, text: str, owner_start: int) -> bool:
    """"A retailer needs to manage its sales data, including multiple stores": the business's own data
    spanning other things it keeps; the stores (and "the products in the stores") are entities, not
    members of the data."""
    if not any(item.many for item in alist.items) \
            or not all(item.many or is_plural(item.name.split()[-1]) or re.search(r"[^s]s$", item.name) for item in alist.items):
        return False
    before = text[:owner_start].split()
    return bool(before) and before[-1].lower() in ("its", "their", "our")


_MEASURE_HEADS = frozenset({"indicator", "metric", "criterion", "criteria", "index", "measure", "kpi"})


def _assessment_of(owner: str, alist, ents: EntitySet) -> str | None:
    """"The system appraises the stores, and the appraisal indicators include sales and satisfaction":
    the indicators are the columns of an appraisal of a store (Store Appraisal), not a table of
    indicators. The assessed thing is the last described entity named before the list."""
    words = owner.split()
    if len(words) != 2 or loose(words[-1]) not in _MEASURE_HEADS or _keys_its_head(alist, words[-1]):
        return None
    names = [e.name for e in ents.entities if not _mentioned_only(e)]
    mentions = sentence_mentions(Sentence(alist.prefix, 0), names)
    if not mentions:
        return None
    assessed = max(mentions, key=lambda m: m[1])[0]
    return f"{assessed} {words[0]}"


def _keys_its_head(alist, head: str) -> bool:
    """"acceptance criteria, including criteria ID, description": criteria with keys of their own are
    rows themselves, not the measures of an assessment."""
    for item in alist.items:
        words = loose(item.name).split()
        if len(words) == 2 and words[0] == loose(head) and words[1] in IDENTIFIER_WORDS:
            return True
    return False


def _fold_into(ents: EntitySet, other: Entity, into: Entity, renamed: dict[str, str], decisions: list[Decision],
               why: str) -> None:
    """``other`` is another name of ``into``: its mentions (and, through ``renamed``, its
    relationships) go to ``into``, and the explanation says so."""
    into.spans.extend(other.spans[: max(0, 8 - len(into.spans))])
    ents.alias(other.name, into)
    renamed[other.name] = into.name
    decisions.append(Decision(subject=f"entity {into.name}", decision=f"'{other.name}' is {into.name}",
                              rationale=why, span=other.spans[0] if other.spans else None))


def _merge_records(ents: EntitySet, renamed: dict[str, str], decisions: list[Decision]) -> None:
    """"Booking" and "Booking Record", "Fault" and "Fault Record": a record of X and X are one table
    when one of the two was only mentioned. It keeps the described one's attributes and is named
    "X Record" (the reference designs drop "record" when they compare names, so nothing is lost)."""
    for record in ents.entities:
        words = loose(record.name).split()
        if len(words) < 2 or words[-1] not in ("record", "entry", "log") or record.name in renamed:
            continue
        plain = ents.get(" ".join(words[:-1]))
        if plain is None or plain is record or plain.name in renamed or record.name in renamed.values():
            continue
        if not (_mentioned_only(plain) or _mentioned_only(record)):
            continue
        keep, drop = (record, plain) if _mentioned_only(plain) else (plain, record)
        if keep is plain:
            renamed[plain.name] = record.name
            ents.rename(plain, record.name)
        _fold_into(ents, drop, keep, renamed, decisions, "a record of a thing and the thing are one table")


def _merge_user_account(ents: EntitySet, renamed: dict[str, str], decisions: list[Decision]) -> None:
    """"the email and the password of the account ... Users follow other users": a user of the software
    and its account are one table when one of the two was only mentioned."""
    user, account = ents.get("user"), ents.get("account")
    if user is None or account is None or user is account or {user.name, account.name} & set(renamed):
        return
    if _mentioned_only(user) == _mentioned_only(account):
        return  # both described: a user may own several accounts (a bank, a game)
    if _mentioned_only(user):
        # the described row takes the name the people using the software go by
        renamed[account.name] = user.name
        ents.remove(user)
        ents.rename(account, user.name)
        user, account = account, user
    _fold_into(ents, account, user, renamed, decisions, "a user of the software and its account are one row")


# Words that name one aspect of a thing, kept in the thing's own row: "user account information",
# "order status", "dish classification".
_ASPECT_WORDS = frozenset({"account", "status", "classification"})
# Words that name the rows of a described thing as a whole ("the question bank", "the device pool") or
# in their standing toward the business ("airline partners", "tool assets"): only mentioned beside the
# described thing, they are that thing.
_WHOLE_WORDS = COLLECTION_NOUNS | frozenset({"bank", "pool", "repository", "partner", "asset"})
# Words that pick the plain rows of a thing, not another thing: "participating players", "ordinary users".
_PLAIN_QUALIFIERS = frozenset({"participating", "registered", "general", "ordinary", "regular", "normal", "common"})


def _merge_aspects(ents: EntitySet, rels: list[Relationship], renamed: dict[str, str], decisions: list[Decision]) -> None:
    """"manages dish classification information (cuisine type, special features)" beside a Dish:
    the classification, the account or the status of a thing are columns of that thing, not a table;
    so are the details of "each participating player" beside a Player."""
    for part in ents.entities:
        words = part.name.split()
        if len(words) < 2 or part.name in renamed:
            continue
        if words[-1].lower() in _ASPECT_WORDS:
            thing, why = ents.get(" ".join(words[:-1])), f"its {words[-1].lower()} is kept in the row"
        elif words[0].lower() in _PLAIN_QUALIFIERS or words[0].lower() in STATE_ADJECTIVES:
            thing, why = ents.get(" ".join(words[1:])), f"'{words[0].lower()}' only qualifies its rows"
        elif words[-1].lower() in ("member", "members") and words[-2].lower() in COLLECTIVE_PEOPLE:
            thing, why = ents.get(" ".join(words[:-1])), f"its rows are the members of the {words[-2].lower()}"
        elif singular(words[-1].lower()) in _WHOLE_WORDS and _mentioned_only(part):
            thing, why = ents.get(" ".join(words[:-1])), f"'{words[-1].lower()}' names all the rows, or their standing"
            if thing is not None and _mentioned_only(thing):
                continue  # "a question bank" beside a question named in passing: nothing says which is kept
        else:
            continue
        if thing is None or thing is part or thing.name in renamed:
            continue
        if words[-1].lower() in _ASPECT_WORDS and (any(part.name in (r.left, r.right) for r in rels) or any(
                is_identifier_name(a.name) and loose(a.name) != loose(f"{thing.name} id") for a in part.attributes)):
            continue  # "a customer opens multiple accounts", "each customer account has an account number": rows of their own
        for attr in part.attributes:
            if not ents.is_placeholder(part, attr) and loose(attr.name) != loose(f"{thing.name} id"):
                ents.add_attribute(thing, attr)
        _fold_into(ents, part, thing, renamed, decisions, why)


def _merge_bare_heads(ents: EntitySet, rels: list[Relationship], decisions: list[Decision],
                      text: str = "") -> list[Relationship]:
    """"The observatory operates multiple radio telescopes. Each telescope has a code, ...": a
    qualified name that was only mentioned ("Radio Telescope", no attributes of its own) is the
    entity named by its head noun ("Telescope", which has them) when that head names exactly one
    such mention. The mention is folded into it; its relationships follow."""
    renamed: dict[str, str] = {}
    _merge_records(ents, renamed, decisions)
    _merge_user_account(ents, renamed, decisions)
    _merge_aspects(ents, rels, renamed, decisions)
    by_tail: dict[str, list[Entity]] = {}
    for e in ents.entities:
        words = loose(e.name).split()
        for k in range(1, len(words)):
            by_tail.setdefault(" ".join(words[k:]), []).append(e)
    for bare in ents.entities:
        if bare.name in renamed:
            continue
        qualified = by_tail.get(loose(bare.name), [])
        if len(qualified) != 1 or _mentioned_only(bare) or not _mentioned_only(qualified[0]):
            continue  # two qualified kinds, or both described: the text means different things
        mention = qualified[0]
        _fold_into(ents, mention, bare, renamed, decisions,
                   f"'{mention.name}' is only mentioned and {bare.name}, its head noun, has the attributes")
    _fold_bare_mentions(ents, rels, renamed, decisions, text)
    if not renamed:
        return rels
    out: list[Relationship] = []
    seen: dict = {}
    for r in rels:
        was_self = r.left == r.right  # "users follow other users" stays a link of the merged table
        r.left, r.right = renamed.get(r.left, r.left), renamed.get(r.right, r.right)
        # a role ("the manager of each project") is a link of its own beside any other of the pair
        pair = (frozenset((r.left, r.right)), r.role) if r.role and r.left != r.right else frozenset((r.left, r.right))
        if (r.left != r.right or was_self) and pair not in seen:
            seen[pair] = len(out)
            out.append(r)
        elif pair in seen and out[seen[pair]].fallback and not r.fallback:
            out[seen[pair]] = r  # a link the text states wins over the guess from the one person named
    for e in ents.entities:
        for attr in e.attributes:
            if attr.references in renamed:
                attr.references = renamed[attr.references]
    return out


# "Information of Curators", "Items Under Each Order", "Associated Products": an item naming the rows
# of something else.
_ROWS_OF = re.compile(r"^(?:.+?\s+(?:of|with|under|for)\s+(?:each\s+|every\s+|all\s+|the\s+|various\s+|different\s+)?"
                      r"|(?:associated|related|linked|corresponding)\s+)(?P<rows>.+)$", re.IGNORECASE)
# "Number of Students", "Total Number of Rooms": a count of the other rows is a value of its own.
_COUNTS = frozenset({"number", "total", "count", "quantity", "quantities", "amount", "amounts"})


def _drop_related_rows(ents: EntitySet, decisions: list[Decision]) -> None:
    """"Customers have a name, an address and claim records", "each exhibition has information of
    curators", "associated products": an item naming the rows of another entity of the design is the
    link to that entity (a key column or a table of its own, wired later), not a value stored here.
    A singular "Associated Country" stays: it names the one row the column refers to."""
    for ent in ents.entities:
        for attr in list(ent.attributes):
            words = attr.name.split()
            if attr.identifier or attr.references or words[0].lower() in _COUNTS:
                continue
            rows = _ROWS_OF.match(attr.name)
            linked = rows is not None and not (words[0].lower() in _LINKED_WORDS and not is_plural(words[-1]))
            other = ents.get(rows.group("rows")) if linked else None
            if other is None and is_plural(words[-1]):
                other = ents.get(attr.name)  # "Claim Records" on a customer
                if other is not None and attr.name.lower() == other.name.lower():
                    other = None  # "Personnel": the entity's own name, a reference resolved later
            if _own_information(attr.name, ent, ents):
                ent.attributes.remove(attr)  # "Drug Information" on Drug, "Information of Classes" on Class
                decisions.append(Decision(subject=f"attribute {ent.name}.{attr.name}", decision="not a column",
                                          rationale=f"it names all of {ent.name}'s information, which its columns hold",
                                          span=attr.span))
                continue
            if other is None or other is ent:
                continue
            ent.attributes.remove(attr)
            decisions.append(Decision(subject=f"attribute {ent.name}.{attr.name}", decision="not a column",
                                      rationale=f"it names {other.name} rows, which the design links instead",
                                      span=attr.span))


_GROUP_WORDS = frozenset({"information", "info", "details"})


def _own_information(name: str, ent: Entity, ents: EntitySet) -> bool:
    """"Drug Information" listed for a drug, "(Basic) Information of Classes" for a class: the group
    the text files the entity's fields under, not one more field."""
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in _GROUP_WORDS:
        return ents.get(" ".join(words[:-1])) is ent
    of = re.match(r"^(?:basic\s+|detailed\s+)?(?:information|info|details)\s+(?:of|about)\s+(?:the\s+)?(.+)$", name, re.IGNORECASE)
    return of is not None and ents.get(of.group(1)) is ent


_LINKED_WORDS = frozenset({"associated", "related", "linked", "corresponding"})


def _fold_bare_mentions(ents: EntitySet, rels: list[Relationship], renamed: dict[str, str], decisions: list[Decision],
                        text: str = "") -> None:
    """"The company offers multiple satellite transmission services, each with a service ID, ...
    Each client can subscribe to multiple services": the bare head ("Service"), only mentioned, is
    the one described entity whose name ends in it; the short form refers back to the full one."""
    described = [e for e in ents.entities if not _mentioned_only(e) and e.name not in renamed]
    for bare in ents.entities:
        if bare.name in renamed or bare.name in renamed.values() or not _mentioned_only(bare):
            continue
        tail = loose(bare.name).split()
        longer = [e for e in described if len(loose(e.name).split()) > len(tail)
                  and loose(e.name).split()[-len(tail):] == tail]
        if not longer:
            longer = [e for e in ents.entities if e is not bare and e.name not in renamed
                      and e.name not in renamed.values() and _mentioned_only(e)
                      and len(loose(e.name).split()) > len(tail) and loose(e.name).split()[-len(tail):] == tail]
        if len(longer) != 1:
            continue  # "business project department" and "supervision project department": which one?
        full = longer[0]
        owner = _owner_qualifier(bare, full, ents)
        if owner is not None:
            # "Manage customer orders, including the order status, ... the products included in each
            # order": the described customer orders are the orders (of customers); the table goes by
            # the bare name the text goes on to use, and keeps its link to the people it is of
            why = (f"'{full.name}' are the {bare.name} rows of {owner.name}, which the text goes on to call "
                   f"'{bare.name}'")
            old_name = full.name
            renamed[full.name] = bare.name
            ents.rename(full, bare.name)
            _fold_into(ents, bare, full, renamed, decisions, why)
            if not any({r.left, r.right} & {old_name, bare.name} and {r.left, r.right} & {owner.name} for r in rels):
                rels.append(Relationship(left=owner.name, right=bare.name, span=full.spans[0], stated=False))
            continue
        if any(bare.name in (r.left, r.right) for r in rels) and not _refers_back(bare, full, ents):
            continue  # "each student takes courses ... evening language courses": the plain kind came first
        why = (f"'{bare.name}' is only mentioned and {full.name}, the one described entity named with it, "
               "has the attributes")
        if _names_the_trade(text, full.name):
            # "The satellite transmission service company offers multiple satellite transmission services":
            # the business's own trade qualifies all of its rows; they go by the head noun
            why += f"; '{full.name}' is the business's trade, so its rows go by '{bare.name}'"
            renamed[full.name] = bare.name
            ents.rename(full, bare.name)
        _fold_into(ents, bare, full, renamed, decisions, why)


def _owner_qualifier(short: Entity, full: Entity, ents: EntitySet) -> Entity | None:
    """The described entity ``full`` is named by the people of another entity and ``short`` ("Customer" +
    "Order"), it was described before ``short`` was first named, and ``short`` is only mentioned: the
    entity qualifying the name (Customer), else None."""
    if not short.spans or not full.spans or _mentioned_only(full):
        return None
    words = full.name.split()
    if len(words) - len(short.name.split()) != 1:
        return None
    owner = ents.get(words[0])
    if owner is None or owner is full or owner is short or _mentioned_only(owner) \
            or loose(owner.name) != loose(words[0]) or loose(words[0]) not in _PEOPLE | {"user"}:
        return None  # "sales teams", "donation projects": a kind of team or project, not one person's rows
    if min(s.start for s in full.spans) >= min(s.start for s in short.spans):
        return None
    return owner


def _refers_back(short: Entity, full: Entity, ents: EntitySet) -> bool:
    """"manages multiple electrical grid infrastructure projects ... each resource can be used by multiple
    projects": a head noun first used after the qualified name was is that name said short (its links
    are the qualified entity's). Not when the qualifier is another entity ("customer orders" are the
    orders of customers) or the name is a phrase ("daily operations of processing pool")."""
    if not short.spans or not full.spans:
        return False
    words = full.name.split()
    if any(w.lower() in ("of", "to", "for") for w in words):
        return False
    if any(ents.get(" ".join(words[:k])) for k in range(1, len(words) - len(short.name.split()) + 1)):
        return False
    return min(s.start for s in full.spans) < min(s.start for s in short.spans)


def _names_the_trade(text: str, name: str) -> bool:
    """'the satellite transmission service company': the name is the business's trade."""
    words = r"\s+".join(re.escape(w) for w in name.split())
    return re.search(rf"\b{words}\s+(?:{'|'.join(ENTERPRISE_WORDS)})\b", text, re.IGNORECASE) is not None


# "..., and we record whether they attended", "We also note whether the bike was insured": one yes/no
# question a sentence says is kept
_RECORD_WHETHER = re.compile(r"\b(?:we|the\s+system|staff)\s+(?:also\s+|always\s+)?(?:record|track|note|store|log|"
                             r"keep\s+track\s+of|check)\s+(whether\s+[^.;,()]+?)\s*(?=[.;,()]|$)", re.IGNORECASE)
_FOR_EACH_BEFORE = re.compile(r"\b(?:for|of)\s+(?:each|every)\s+$", re.IGNORECASE)


def _recorded_flags(sentences: list[Sentence], ents: EntitySet, used: set[int]):
    """The flag of "we record whether ...": the thing the question names ("whether the pet was
    vaccinated"), the X of "for each X", else the link the clause before made between a plural subject
    and what it takes part in ("Members book classes, and we record whether they attended"). Entity
    flags are added here; pair flags are returned as relationship attributes."""
    names = [e.name for e in ents.entities]
    pair_flags = []
    for idx, s in enumerate(sentences):
        for m in _RECORD_WHETHER.finditer(s.text):
            name = yes_no_name(m.group(1))
            if not name:
                continue
            mentions = sentence_mentions(s, names)
            inside = [x for x in mentions if x[1] >= m.start(1)]
            each = [x for x in mentions if x[2] <= m.start() and _FOR_EACH_BEFORE.search(s.text, 0, x[1])]
            before = [x for x in mentions if x[2] <= m.start()]
            span = Span(start=s.start + m.start(1), end=s.start + m.end(1), text=m.group(1))
            attr = Attribute(name=attribute_name(name), span=span)
            owner = (inside or each or [None])[0]
            if owner is None and m.group(1).split()[1].lower() == "they" and len(before) == 2 \
                    and not s.text[:before[0][1]].strip() and is_plural(s.text[before[0][1]:before[0][2]].split()[-1]) \
                    and _shares_between(s.text[before[0][2]:before[1][1]]):
                used.add(idx)
                pair_flags.append(((before[0][0], before[1][0]), [attr], span))
                continue
            ent = ents.get(owner[0]) if owner else None
            if ent is not None and not ents.has_attribute(ent, attr.name):
                used.add(idx)
                ents.add_attribute(ent, attr)
    return pair_flags


# "Each revision records the person who performed it", "each adjustment logs who made it": the one who
# did the thing the record is of, a person of the design's people table.
_RECORDS_WHO = re.compile(r"^\s*(?:each|every|the|a|an)\s+(?P<record>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)\s+"
                          r"(?:also\s+)?(?:(?:must|should|shall|will|can)\s+)?(?:records?|stores?|logs?|notes?|tracks?|"
                          r"keeps?|captures?|includes?|has|have|shows?|lists?|identif(?:y|ies))\s+"
                          r"(?:(?:the|a|an)\s+(?:person|individual|one|people|party)\s+(?:who|that)|who|whoever)\s+"
                          r"(?:(?:has|have|had)\s+)?(?P<verb>[a-z]+)\b", re.IGNORECASE)


def _done_by_someone(sentences: list[Sentence], ents: EntitySet, rels: list[Relationship],
                     used: set[int]) -> list[Relationship]:
    """The person a record names as the one who did it ("records the person who performed the
    update"): a key to the people table of the design (User, Employee, ...), when no link between
    the two was read."""
    people = people_entity(ents)
    if people is None:
        return []
    out = []
    for idx, s in enumerate(sentences):
        m = _RECORDS_WHO.match(s.text)
        if m is None or m.group("verb").lower() in MODAL_VERBS:
            continue
        record = ents.get(entity_name(m.group("record")) or "")
        if record is None:
            head = named_by_head(entity_name(m.group("record")) or "", [e.name for e in ents.entities])
            record = ents.get(head) if head else None
        if record is None or record.name == people:
            continue
        if any({r.left, r.right} == {record.name, people} for r in rels + out):
            continue
        used.add(idx)
        out.append(Relationship(left=people, right=record.name,
                                span=Span(start=s.start, end=s.end, text=s.text)))
    return out


# "Customers book appointments for a date and time", "Guests reserve tables for a date, a time and a
# party size": the values the act is done for, after its object.
_DONE_FOR_VALUES = re.compile(r"\s+(?:for|on|at)\s+(?=(?:a|an|the|one)\s)(?P<items>[a-z][a-z ,-]*?)\s*[.;!]?\s*$",
                              re.IGNORECASE)
_DONE_FOR_MODIFIERS = frozenset({"specific", "particular", "given", "chosen", "preferred", "certain", "set", "fixed",
                                 "desired", "requested", "convenient", "agreed"})
_MOMENT_HEADS = frozenset({"slot", "day", "hour", "datetime"})


def _done_for_values(sentences: list[Sentence], ents: EntitySet, used: set[int]):
    """The values a clause's act is done for ("book appointments for a date and time"): the object's
    own when it is the record the act makes (an appointment), else the link's between the subject and
    the thing (returned as relationship attributes, "reserve tables for a date")."""
    pair_values = []
    for idx, s in enumerate(sentences):
        for clause in verb_clauses(s.text):
            m = _DONE_FOR_VALUES.match(s.text, clause.objects[-1].end)
            if m is None or clause.passive or clause.recipient is not None:
                continue
            items = split_items(s.text, m.start("items"), m.end("items"))
            names = []
            for item in items:
                words = [w for w in item.name.split() if w.lower() not in _DONE_FOR_MODIFIERS]
                if item.many or not words or len(words) > 2 or not (words[-1].lower() in TYPE_BY_LAST_WORD
                                                  or words[-1].lower() in _MOMENT_HEADS) \
                        or ents.get(entity_name(" ".join(words)) or "") is not None:
                    names = []
                    break
                names.append(" ".join(words))
            thing = ents.get(entity_name(clause.object.text) or "")
            if not names or thing is None or len(clause.objects) > 1:
                continue
            doer = ents.get(entity_name(clause.subject.text) or "")
            verb = clause.verb.lower()
            span = Span(start=s.start + m.start("items"), end=s.start + m.end("items"), text=m.group("items"))
            attrs = [Attribute(name=attribute_name(n), span=span) for n in names]
            own_record = is_record_or_transaction(thing.name) and not (
                verb in BOOKING_VERBS and loose(thing.name).split()[-1] in HELD_FOR_MANY_NOUNS)
            used.add(idx)
            if doer is not None and doer is not thing and verb in SHARING_VERBS and not own_record:
                pair_values.append(((doer.name, thing.name), attrs, span))
                continue
            for attr in attrs:
                if not ents.has_attribute(thing, attr.name):
                    ents.add_attribute(thing, attr)
    return pair_values


def _shares_between(between: str) -> bool:
    """Only a verb of taking part ("book", "attend", "join") between a subject and its object."""
    words = re.findall(r"[A-Za-z]+", between)
    return len(words) == 1 and words[0].lower() in SHARING_VERBS


# Verbs whose act gives the pair a value ("listeners rate episodes"): the value is named by the verb.
_VALUE_OF_VERB = {"rate": "Rating", "score": "Score", "grade": "Grade"}


def _rated_pairs(sentences: list[Sentence], ents: EntitySet, rels: list[Relationship]) -> None:
    """"Listeners can rate episodes from 1 to 5": each listener rates many episodes and each episode is
    rated by many listeners; the rating belongs to the pair (its own table with a Rating column)."""
    for s in sentences:
        for clause in verb_clauses(s.text):
            verb = clause.verb.lower()
            value = _VALUE_OF_VERB.get(verb[:-1] if verb.endswith("s") else verb)
            if value is None or clause.passive:
                continue
            a, b = ents.get(entity_name(clause.subject.text) or ""), ents.get(entity_name(clause.object.text) or "")
            rel = next((r for r in rels if a and b and a is not b and {r.left, r.right} == {a.name, b.name}), None)
            if rel is None or any(loose(x.name) == loose(value) for x in rel.attributes):
                continue
            m = _RANGE.search(s.text)
            rng = (float(m.group(2)), float(m.group(3))) if m and float(m.group(2)) < float(m.group(3)) else None
            rel.left_card = rel.right_card = Cardinality.MANY
            rel.attributes.append(Attribute(name=value, value_range=rng,
                                            span=Span(start=s.start, end=s.end, text=s.text)))


def _mentioned_only(ent: Entity) -> bool:
    """Named in the text but given no attributes: all it has is the stub name from ``default_name``."""
    return all(a.name == default_name(ent.name) for a in ent.attributes)


def _apply_sentence_constraints(sentences: list[Sentence], ents: EntitySet) -> None:
    """Stated ranges ("rated from 1 to 5"), "unique X", "X as the primary key" anywhere in the text."""
    all_attrs: list[tuple[Entity, Attribute]] = [(e, a) for e in ents.entities for a in e.attributes]
    for s in sentences:
        low = s.text.lower()
        has_digit = any(ch.isdigit() for ch in low)
        for m in (_RANGE.finditer(s.text) if has_digit else ()):
            stem = m.group(1).lower()[:4]
            lo, hi = float(m.group(2)), float(m.group(3))
            if lo >= hi:
                continue
            for _, a in all_attrs:
                last = a.name.lower().split()[-1]
                if a.value_range is None and (a.name.lower().startswith(stem) or last.startswith(stem)):
                    a.value_range = (lo, hi)  # "rated from 1 to 5" -> Rating; "score 0-100" -> Exam Score
        for m in (_UNIQUE_NAMED.finditer(s.text) if "unique" in low else ()):
            key = loose(m.group(1))
            for _, a in all_attrs:
                if loose(a.name) == key or (key.endswith(loose(a.name)) and len(a.name) > 3):
                    a.unique = True
        for m in (_PK_NAMED.finditer(s.text) if "primary key" in low else ()):
            key = loose(m.group(1))
            for _, a in all_attrs:
                if loose(a.name) == key:
                    a.identifier = True


_RECORD_LIST_REACH = 3  # sentences back in which "each record includes ..." finds its record
_LIST_RECORD_HEADS = frozenset({"record", "log", "entry", "history"})


def _records_of_lists(record_lists, sentences: list[Sentence], ents: EntitySet, decisions: list[Decision]) -> set[int]:
    """"Track changes in customer credit, with each record including change time, ...": the record is the
    one the text named last, here or in the sentences before under the same heading. The indexes of the
    sentences read."""
    read: set[int] = set()
    for idx, alist, s in record_lists:
        owner = None
        records = [e.name for e in ents.entities if loose(e.name).split()[-1:] and loose(e.name).split()[-1] in _LIST_RECORD_HEADS]
        for back in range(idx, max(-1, idx - _RECORD_LIST_REACH - 1), -1):
            if owner is not None or not records or sentences[back].heading != s.heading:
                break
            limit = alist.items[0].start if back == idx else len(sentences[back].text)
            named = [m for m in sentence_mentions(sentences[back], records) if m[2] <= limit]
            if named:
                owner = ents.get(named[-1][0])
        if owner is None:
            named = _record_named_near(alist, sentences, idx, ents)
            if named is None:
                continue
            owner = ents.get(named) or ents.add(named, Span(start=s.start, end=s.end, text=s.text))
        read.add(idx)
        decisions.append(Decision(subject=f"entity {owner.name}", decision=f"{owner.name} owns the list of its records",
                                  rationale="'each record includes ...' describes the record named before",
                                  span=Span(start=s.start, end=s.end, text=s.text)))
        for item in alist.items:
            if loose(item.name) != loose(owner.name) and not item.many:
                ents.add_attribute(owner, Attribute(name=attribute_name(item.name), span=Span(
                    start=s.start + item.start, end=s.start + item.end, text=s.text[item.start:item.end])))
    return read


_RECORD_WORD = re.compile(r"\brecords?\b", re.IGNORECASE)
_RECORD_KEY_WORDS = frozenset({"id", "number", "no", "code"})
_EACH_RECORD = re.compile(r"^\s*(?:each|every|the|this)\s+(?:record|entry)\s", re.IGNORECASE)


def _record_named_near(alist, sentences: list[Sentence], idx: int, ents: EntitySet) -> str | None:
    """The record an "each record includes ..." list is of when no entity of the text is one: the
    record its key item names ("the sighting record number" -> Sighting Record), else the "X records"
    the sentence or the ones just before under the same heading speak of ("Stores the chat records")."""
    if not _EACH_RECORD.match(alist.prefix):
        return None  # "record information such as ..." lists values, of no record named here
    words = alist.items[0].name.split() if alist.items else []
    if len(words) >= 3 and words[-1].lower() in _RECORD_KEY_WORDS and words[-2].lower() in ("record", "records"):
        name = entity_name(" ".join(words[:-1]))  # the record's own key comes first
        if usable(name):
            return name
    s = sentences[idx]
    for back in range(idx, max(-1, idx - _RECORD_LIST_REACH - 1), -1):
        if sentences[back].heading != s.heading:
            break
        text = sentences[back].text
        limit = alist.items[0].start if back == idx else len(text)
        for m in reversed([m for m in _RECORD_WORD.finditer(text, 0, limit)]):
            before = re.findall(r"[A-Za-z][\w-]*", text[max(0, m.start() - 60):m.start()])
            kind = []
            for w in reversed(before[-3:]):
                if w.lower() in FUNCTION_WORDS or w.lower() in DETERMINERS or w.lower() in COMMON_VERBS \
                        or w.lower() in _LIST_RECORD_HEADS:
                    break
                kind.insert(0, w)
            name = entity_name(" ".join(kind + ["record"])) if kind else None
            if name and usable(name):
                return name
    return None


# "Users can register", "Each doctor belongs to": the subject of a sentence that acts or is counted.
_ACTOR = re.compile(r"^(?:each|every|all)?\s*([A-Za-z]+(?:\s[A-Za-z]+)?s|(?<=each )[A-Za-z]+|(?<=every )[A-Za-z]+)\s+"
                    r"(?:can|may|must|should|are able to|need to|will be able to|belongs? to)\b", re.IGNORECASE)
_BELONGS_TO = re.compile(r"\b(?:belongs?|belonging|(?:is|are)\s+(?:assigned|associated|linked|bound)|corresponds?)\s+"
                         r"(?:to|with)\s+(?:a|an|one|the|its|their|exactly one|only one)\s+"
                         r"(?:specific\s+|single\s+|particular\s+|corresponding\s+)?", re.IGNORECASE)
_ASSESSMENT_FOR_EACH = re.compile(r"\b(?:supports?|conducts?|performs?|carry\s+out|carries\s+out)\s+(?:regular\s+|periodic\s+)?"
                                  r"((?:[a-z]+\s+)?(?:" + "|".join(sorted(ASSESSMENT_NOUNS)) + r"))s?\s+"
                                  r"(?:for|on|of)\s+(?:each|every|all)\s", re.IGNORECASE)
# A verb that creates a record, then the record: "places an order", "making a reservation", "file claims".
_CREATED_RECORD = re.compile(r"\b(?:plac|generat|creat|submitt?|mak|fil|rais|initiat|book)(?:e|es|ed|ing)?\s+"
                             r"(?:an?\s+|the\s+|their\s+|new\s+)?([a-z]+)\b", re.IGNORECASE)
_PREFIX_NOISE = re.compile(r"(?:" + "|".join(re.escape(p) for p in ENTITY_PREFIX_NOISE) + r")\s+", re.IGNORECASE)
_INFO_KIND = re.compile(r"(?:^|,|\band\b|\bmanage\b|\bmanages\b|\brecord\b|\bof\b|\bintegrating\b|\bstores?\b|\bmaintains?\b)"
                        r"\s+(?:the\s+)?(?:basic\s+|detailed\s+)?([a-z]+(?:\s[a-z]+)?)\s+"
                        r"(?:information|info|records|data)(?=\s*(?:,|\.|;|\band\b|$))", re.IGNORECASE)
_EACH_SUBJECT = re.compile(r"\b(?:each|every)\s+([a-z]+)\s+(?:([a-z]+)\s+)?(?:can\s+|may\s+|could\s+|will\s+)?(?:be\s+)?"
                           r"[a-z]+\s+(?:[a-z]+\s+)?(?:multiple|several|many|various|a number of)\b", re.IGNORECASE)
# "Trainers work at one or more gyms", "Each member books classes": a clause whose subject acts on a
# known entity. The verb is told from a noun by agreement: a plural subject takes a verb without -s,
# a singular one ("each", "every", "a") a verb with it.
_CLAUSE_START = re.compile(r"(?:^|;\s*)")
_PLURAL_ACTOR = re.compile(r"(?:the\s+|all\s+)?((?:[a-z]+\s)?[a-z]+s)\s+(?:also\s+|usually\s+|often\s+)?"
                           r"([a-z]{2,}(?<!s))\b", re.IGNORECASE)
_SINGULAR_ACTOR = re.compile(r"(?:each|every)\s+((?:[a-z]+\s)?[a-z]+)\s+(?:also\s+|usually\s+|often\s+)?"
                             r"([a-z]{2,}s)\b", re.IGNORECASE)
_NOT_ACTION_VERBS = frozenset({"includes", "include", "contains", "contain", "consists", "consist", "records", "record",
                               "stores", "store", "lists", "list", "needs", "need"})
_TOPIC_CLAUSE = re.compile(r"((?:[a-z]+\s)?[a-z]+s)\s+(?:where|that|which|linked\s+to|associated\s+with|with)\b"
                           r"(?!\s+(?:a|an|the)\s)", re.IGNORECASE)
_ACTION_REACH = 60  # characters after the verb in which the acted-on entity must be named


def _actor_phrase(phrase: str, *, plural_subject: bool) -> bool:
    """A noun phrase that can act: no function word or verb in it ("Clothing has", "Manage orders" are not),
    and a plural head when no "each"/"every" counts it."""
    words = phrase.lower().split()
    if any(w in FUNCTION_WORDS or w in DETERMINERS or w in COMMON_VERBS for w in words):
        return False
    return is_plural(words[-1]) if plural_subject else not is_plural(words[-1])


def _actors_of_links(sentences: list[Sentence], names: list[str]) -> list[tuple[str, Span]]:
    """Subjects of clauses whose verb acts on an entity already known ("Members book classes"): the issue
    counts nouns taking part in relationships as entities, even with no attribute of their own."""
    if not names:
        return []
    out: list[tuple[str, Span]] = []
    for s in sentences:
        mentions = sentence_mentions(s, names)
        if not mentions:
            continue
        for start in _CLAUSE_START.finditer(s.text):
            topic = _TOPIC_CLAUSE.match(s.text, start.end())
            if topic and _actor_phrase(topic.group(1), plural_subject=True) \
                    and any(topic.end() < a <= topic.end() + _ACTION_REACH for _, a, _b in mentions):
                # "payment methods linked to users; wishlists with products": a telegraphic clause names
                # a thing and what it is linked to
                name = entity_name(topic.group(1))
                if usable(name) and (" " in name or name.lower() not in ABSTRACT_NOUNS):  # "payment method" is a thing
                    out.append((name, Span(start=s.start + topic.start(1), end=s.start + topic.end(1),
                                           text=topic.group(1))))
                continue
            m = _SINGULAR_ACTOR.match(s.text, start.end()) or _PLURAL_ACTOR.match(s.text, start.end())
            if m is None or not _actor_phrase(m.group(1), plural_subject=m.re is _PLURAL_ACTOR):
                continue
            verb = m.group(2).lower()
            if verb in _NOT_ACTION_VERBS or (verb not in COMMON_VERBS and verb not in MODAL_VERBS):
                continue  # only a verb known as one: "The Cultural Arts Company needs" has none after "Arts"
            shared = _SHARED_OBJECT.match(s.text, m.end(2))
            if shared and verb in SHARING_VERBS and any(a == m.start(1) for _, a, _b in mentions) \
                    and not any(a == shared.start(1) for _, a, _b in mentions):
                # "Singers attend rehearsals": what a known kind of actor takes part in is a thing too
                thing = entity_name(shared.group(1))
                if usable(thing) and thing.split()[-1].lower() not in ABSTRACT_NOUNS:
                    out.append((thing, Span(start=s.start + shared.start(1), end=s.start + shared.end(1),
                                            text=shared.group(1))))
            if not any(m.end(2) < a <= m.end(2) + _ACTION_REACH for _, a, _b in mentions):
                continue
            if _only_looks(s.text[m.start(2):min(a for _, a, _b in mentions if a > m.end(2))]):
                continue  # "Users can view and analyze the performance data of APIs": nothing of theirs is kept
            name = entity_name(m.group(1))
            if usable(name) and name.split()[-1].lower() not in ABSTRACT_NOUNS and len(name.split()) <= 2:
                out.append((name, Span(start=s.start + m.start(1), end=s.start + m.end(1), text=m.group(1))))
    return out


# Verbs whose object is a list of attributes or of data kept, not a thing acted on ("each farm records yields").
# Their participles too: "each attempt is logged with a time and an outcome" lists the attempt's values.
_DESCRIBING_VERBS = frozenset(w for w in LIST_TRIGGERS if " " not in w) | DATA_VERBS | NON_LINKING_VERBS \
    | DATA_PARTICIPLES


def _clause_things(s: Sentence, ents: EntitySet, heads: set[str]) -> list[tuple[str, Span]]:
    """"Farriers shoe horses", "each courier ferries several parcels", "a library lends books to members":
    whatever the verb, what a known thing (or the business itself) acts on is a thing too, and so is who
    acts on a known thing. Values ("customers earn points"), abstract words, definite objects ("view the
    timetable") and objects a phrase goes on naming ("a person in charge") are none. ``heads``: the head
    words of the known entities."""

    def known(p: NounPhrase | None) -> bool:
        """"tenant complaints" with a Complaint known is that Complaint, "a manager" a known Fleet Manager."""
        return p is not None and (ents.get(entity_name(p.text) or "") is not None or loose(p.text).split()[-1] in heads)

    out: list[tuple[str, Span]] = []
    for clause in verb_clauses(s.text):
        if clause.extended or clause.verb.lower() in _DESCRIBING_VERBS or not all(_countable(p) for p in (clause.subject, clause.object)) \
                or (ents.get(entity_name(clause.verb) or "") is not None and clause.verb.lower() not in EVENT_NOUN_OF_VERB):
            continue  # "neighbours complaint tenants" beside a Complaint: that word is no verb ("repair" is)
        if _feature_line(clause, ents):
            # "Schedules crew shifts.": the system schedules, nothing is a Schedule; what it acts on is a thing
            start = clause.subject.end + len(s.text[clause.subject.end:]) - len(s.text[clause.subject.end:].lstrip())
            name = entity_name(s.text[start:clause.object.end])
            if usable(name) and clause.object.count is None and not clause.more_objects:
                out.append((name, Span(start=s.start + start, end=s.start + clause.object.end,
                                       text=s.text[start:clause.object.end])))
            continue
        if re.match(r"\s+(?:of|in)\s|['’]s?\s", s.text[clause.object.end:clause.object.end + 5], re.IGNORECASE) \
                and not _in_a_known_thing(s.text, clause.object.end, known):
            continue
        if not all(_a_thing(entity_name(p.text) or "") or _a_charge_incurred(clause, p)
                   or ents.get(entity_name(p.text) or "") is not None for p in clause.objects):
            continue  # "sign up with a permit number and a home town": coordinated values list details
            # (a word the text describes as a thing, "each item has a title", is one even if abstract)
        if known(clause.subject) or _the_business(clause.subject):
            candidates = [*clause.objects, clause.recipient]
        elif any(known(p) for p in clause.objects) and not _a_business(clause.subject):
            candidates = [clause.subject]
        elif _plain_pair(clause):
            candidates = [clause.subject, *clause.objects]  # "bakers bake cakes": neither known, both things
        else:
            continue
        for phrase in candidates:
            if phrase is None or phrase.count == "the" or not _countable(phrase) or known(phrase):
                continue
            name = entity_name(phrase.text)
            if usable(name) and (_a_thing(name) or _a_charge_incurred(clause, phrase) or _an_acting_role(clause, phrase)):
                out.append((name, Span(start=s.start + phrase.start, end=s.start + phrase.end, text=phrase.text)))
    return out


_IN_PHRASE = re.compile(r"\s+in\s+((?:each|every|an?|the|their|its|our|some|many|several)\s+)?([A-Za-z]+)\b(?!\s+[a-z]+ed\b)")


def _in_a_known_thing(text: str, end: int, known) -> bool:
    """"book ad slots in episodes", "rent stalls in markets": what is acted on is placed in a thing the
    text knows, so it is a thing of its own there (unlike "a person in charge", where the phrase goes on
    naming it)."""
    m = _IN_PHRASE.match(text, end)
    if m is None:
        return False
    count = (m.group(1) or "").strip().lower() or None
    return known(NounPhrase(m.group(2), m.start(2), m.end(2), count))


_AGENT_ENDINGS = ("er", "or", "ist", "ant", "ent", "ian", "eer", "ee")


def _feature_line(clause, ents: EntitySet) -> bool:
    """"Schedules crew shifts.": a line of a feature list opens with the system's verb and no subject; the
    word read as the verb is a noun the text names things with ("crew" of Crew Member) or a noun of people,
    so the opening word is no plural subject."""
    subject = clause.subject
    if subject.start != 0 or subject.count is not None or " " in subject.text or not subject.text[:1].isupper():
        return False
    verb = clause.verb.lower()
    if any(verb in loose(e.name).split()[:-1] for e in ents.entities):
        return True
    word = singular(subject.text.lower())
    # "Volunteers staff shelters": people opening a clause are its subject, whatever noun its verb is
    return (verb in COLLECTIVE_PEOPLE or verb in PERSON_NOUNS) and not (
        word.endswith(_AGENT_ENDINGS) or word in PERSON_NOUNS or word in ROLE_NOUNS)


def _an_acting_role(clause, phrase: NounPhrase) -> bool:
    """"Sellers list products", "buyers place bids": a role that acts on its own in a clause is a party of
    the text, not only a role another record's people play ("staffed by a skipper")."""
    return phrase is clause.subject and not clause.passive and phrase.plural and loose(entity_name(phrase.text) or "") in ROLE_GROUPS


def _a_charge_incurred(clause, phrase: NounPhrase) -> bool:
    """"Overdue loans incur a fine", "each breach triggers a penalty": a charge one thing brings on is a
    record of its own (issued, paid, waived), not an amount of the thing."""
    return not clause.passive and phrase.count in ("a", "one") and clause.verb.lower() in CHARGE_VERBS


def _plain_pair(clause) -> bool:
    """"Bakers bake cakes", "each courier ferries several parcels", "cars are parked at garages": a plural
    or counted subject (not "the", not a business) and plural or counted objects, an active verb or a passive
    one with its preposition."""
    return (not clause.passive or clause.preposition is not None) and clause.subject.count != "the" \
        and not _a_business(clause.subject) \
        and all(p.count != "the" and (p.plural or p.count in ("many", "each", "a", "one")) for p in clause.objects)


def _a_business(phrase: NounPhrase) -> bool:
    return singular(phrase.text.lower().split()[-1]) in BUSINESS_NOUNS


def _the_business(phrase: NounPhrase) -> bool:
    """"A library lends books", "the hotel rents rooms": the business speaking of what it does."""
    return phrase.count in ("a", "the", None) and not phrase.plural and _a_business(phrase)


def _countable(phrase: NounPhrase) -> bool:
    """A plural or a counted noun: "pets", "each pet", "one or more pets"; not "livestock"."""
    return phrase.plural or phrase.count in ("each", "a", "one", "many", "the")


def _a_thing(name: str) -> bool:
    """A name, and not a value ("points", "salary", "name"), an identifier, an abstract word nor a role a crew member,
    official or party plays ("staffed by a skipper"), which the roles reading gives a table of its kind."""
    if not loose(name):
        return False
    head = loose(name).split()[-1]
    if loose(name) in ROLE_GROUPS:
        return False
    if name.split()[-1].lower() + "s" in TYPE_BY_LAST_WORD:
        return False  # "points", "credits": counted values
    if head in TRANSACTION_NOUNS and len(name.split()) <= 3:
        return True  # "users write reviews", "members send messages": typed like text, kept as records
    return head not in ABSTRACT_NOUNS and head not in TYPE_BY_LAST_WORD and head not in IDENTIFIER_WORDS \
        and head not in _ATTRIBUTE_ENDINGS and head not in _VALUE_NOUNS and len(name.split()) <= 3


# The bare plural object right after a verb, ending the clause: "attend rehearsals", "join trips,"
_SHARED_OBJECT = re.compile(r"\s+([a-z]+s)(?=\s*(?:[.;,]|$|\s+and\s+(?:we|the|record|track)\b))")


# "of (the) mine production", "of processing": what follows a counted noun when it names the parts of an activity
_OF_A_PROCESS = re.compile(r"\s+of\s+(?:the\s+)?(?:[a-z]+\s+)?[a-z]+(?:tion|ment|ing)\b(?!\s+of\b)", re.IGNORECASE)


_MANY_NP = re.compile(r"(?<![\w-])(?:multiple|several|many|various|numerous|a number of|a series of|one or more|"
                     r"two or more|zero or more|at least one|more than one)\s+", re.IGNORECASE)


# Verbs of looking at data: whoever only views, analyzes or searches a thing keeps no row of its own.
_LOOKING_VERBS = NON_LINKING_VERBS | frozenset(
    {"analyze", "analyzes", "analyse", "analyses", "review", "reviews", "check", "checks", "monitor", "monitors",
     "compare", "compares", "see", "sees", "read", "reads", "understand", "understands", "evaluate", "evaluates"})


def _only_looks(action: str) -> bool:
    """Whether every verb of ``action`` (the words from a subject's verb up to what it acts on) only
    looks at data: "can view and analyze the performance data of", "browse the latest"."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", action)]
    verbs = [w for w in words if w not in MODAL_VERBS and (w in COMMON_VERBS or w in _LOOKING_VERBS)]
    return bool(verbs) and all(w in _LOOKING_VERBS for w in verbs)


def _named_again(name: str, sentences: list[Sentence]) -> bool:
    """Whether the text names the thing ``name`` (its head noun, singular or plural) more than once, or
    in a heading ("Users can follow other users" names them twice).
    "Each individual can be a legitimate voter": a subject the text names once, only to say what it
    does or is, keeps nothing of its own."""
    head = singular(loose(name).split()[-1])
    word = re.compile(r"\b" + re.escape(head) + r"(?:s|es)?\b", re.IGNORECASE)
    return sum(len(word.findall(o.text)) for o in sentences) > 1 or any(word.search(o.heading or "") for o in sentences)


def _add_mentioned(ents: EntitySet, name: str, span: Span) -> Entity | None:
    """An entity the text only mentions: it gets a stub name ("Project Name") that gives way to real
    attributes if the text lists some later. None when the entity is known already."""
    if ents.get(name) is not None:
        return None
    ent = ents.add(name, span)
    ents.add_attribute(ent, Attribute(name=default_name(name), span=span), placeholder=True)
    return ent


def default_name(entity: str) -> str:
    """The one attribute a merely mentioned entity gets besides its key: "Project" -> "Project Name",
    named like its "Project ID" so the two read as a pair wherever the table is joined. People get a
    bare "Name" and users a "Username", records and transactions ("Claim Record", "Order") the date
    they happened, as database designers name them."""
    head = entity.split()[-1].lower()
    if head in ("user", "account") and len(entity.split()) == 1:
        return "Username"  # a user or an account is known by its username
    if head in _PEOPLE:
        return "Name"  # people are named by a bare Name ("Customer": Name), things by their own ("Project Name")
    if head in _WRITTEN_THINGS:
        return f"{entity} Title" if head in _TITLED_THINGS else f"{entity} Content"  # a post has a title, not a name
    if head in CHARGE_NOUNS:
        return "Amount"  # a fine or a fee is known by how much it is
    if is_record_or_transaction(entity):
        return f"{entity} Date"  # a claim record or an order is not named: it happened on a date
    return f"{entity} Name"


_PEOPLE = frozenset({"customer", "employee", "student", "teacher", "member", "doctor", "patient", "reader",
                     "driver", "operator", "author", "administrator", "manager", "player", "coach", "visitor",
                     "owner", "agent", "technician", "mechanic", "client", "buyer", "seller", "editor", "reporter",
                     "worker", "instructor", "speaker", "curator", "candidate", "voter", "referee", "salesperson",
                     "director", "actor", "producer", "nurse", "guest", "tenant", "passenger", "volunteer",
                     "developer", "personnel", "staff", "officer", "person", "expert", "attendee", "participant",
                     "lecturer", "trainer", "performer", "researcher", "inspector", "applicant", "borrower",
                     "engineer", "designer", "programmer", "analyst", "consultant", "assistant", "supervisor",
                     "host", "judge", "physician", "pharmacist", "courier", "athlete", "resident", "singer",
                     "writer", "photographer", "receptionist", "cashier", "clerk", "dispatcher", "inventor"})
# Things people write: they carry a title or a body, never a name.
_TITLED_THINGS = frozenset({"announcement", "notification", "notice", "news", "article", "post", "blog", "report"})
_WRITTEN_THINGS = _TITLED_THINGS | frozenset({"comment", "review", "message", "reply", "feedback", "answer"})


# Words that make a heading name a deed or a record of things rather than a thing ("Course Enrollment",
# "User Joining Group Chat", "Stock Movement Record").
_DEED_WORD = re.compile(r"(?:ing|tion|sion|ment|ance|ence|al)$|^(?:record|log|history|entry)$")
_KEY_WORDS = frozenset({"id", "number", "code", "no"})


_LEAD_TOPIC = re.compile(r"^\s*((?:[A-Z][\w-]*\s+){1,6})Management\s*,")


def _lead_topic(text: str) -> str | None:
    """"User Joining Group Chat Management, Records ...": a heading run into its sentence with a comma."""
    m = _LEAD_TOPIC.match(text)
    return m.group(1).strip() if m else None


_FOR_TOPIC = re.compile(r"^\s*(?:for|in|under)\s+(?:the\s+)?((?:[a-z][\w-]*\s+){1,4}?)management\s*,", re.IGNORECASE)
_EACH_BEFORE_OWNER = re.compile(r"\b(?:each|every)\s+$", re.IGNORECASE)


# "For each tournament, the tournament result needs to be recorded, including ...": a thing kept for
# each X, named in the passive before the list.
_KEPT_FOR_EACH = re.compile(r"^\s*for\s+(?:each|every)\s+(?P<owner>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)\s*,\s*"
                            r"(?:the|a|an|its|their)\s+(?P<kept>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)\s+"
                            r"(?:(?:needs?|has|have|is|are|ought)\s+to|must|should|shall|will|can)?\s*(?:also\s+)?be\s+"
                            r"(?:recorded|stored|tracked|logged|kept|documented|registered|saved|captured|noted)\s*,?\s*$",
                            re.IGNORECASE)


def _record_kept_for_each(owner: str, alist) -> str | None:
    """The record a "for each X, the <record> needs to be recorded, including ..." sentence names, when it
    is a thing of its own (not the X's information, details or data, nor the X itself)."""
    m = _KEPT_FOR_EACH.match(alist.prefix)
    if m is None or loose(entity_name(m.group("owner")) or "") != loose(owner):
        return None
    name = entity_name(m.group("kept"))
    if not name or not usable(name) or loose(name) == loose(owner):
        return None
    head = loose(name).split()[-1]
    if head in ATTRIBUTE_INFO_KINDS or head in ABSTRACT_NOUNS or head in _INFO_HEADS_KEPT or is_plural(head):
        return None  # "the following information", "the basic details": the X's own values
    return name


_INFO_HEADS_KEPT = frozenset({"information", "info", "details", "detail", "data", "attributes", "fields",
                              "profile", "particulars", "specifics", "values"})


def _record_of_topic(owner: str, s: Sentence, alist, ents: EntitySet) -> str | None:
    """"For consumption record management, the system records detailed information for each transaction,
    including time, amount, location": under a topic that names a kind of record, the values of each act
    it records are that record's ("Consumption Record"), when the act is no thing the text describes
    elsewhere."""
    m = _FOR_TOPIC.match(s.text)
    phrase = m.group(1) if m else (_lead_topic(s.text) or s.heading or "")
    topic = entity_name(_heading_topic(phrase.strip())) if phrase.strip() else None
    if not topic or not usable(topic) or len(topic.split()) < 2 or topic.split()[-1].lower() not in ("record", "log"):
        return None
    if ents.get(owner) is not None or len(owner.split()) != 1 or loose(owner) in loose(topic).split():
        return None  # "Borrowing Record Management: each book ...": a thing of the text is its own
    at = s.text.lower().find(owner.lower(), 0, alist.trigger_start)
    if at < 0 or not _EACH_BEFORE_OWNER.search(s.text, 0, at):
        return None
    return topic


def _record_named_by_heading(owner: str, heading: str | None, alist) -> str | None:
    """"User Joining Group Chat Management, records information related to users joining a group chat,
    including the User ID, Group Chat ID, join time": a list under a heading that names a deed of the
    owner, holding the owner's key and another thing's key, describes the deed (a record linking both),
    not the owner."""
    topic = entity_name(_heading_topic(heading)) if heading else None
    if not topic or not usable(topic):
        return None
    tw, ow = loose(topic).split(), loose(owner).split()
    at = next((i for i in range(len(tw) - len(ow) + 1) if tw[i:i + len(ow)] == ow), None)
    if at is None or len(tw) <= len(ow):
        return None
    extra = tw[:at] + tw[at + len(ow):]
    if not any(_DEED_WORD.search(w) for w in extra):
        return None  # "Customer Order": a thing named with another, not a deed
    if any((i.unique or i.primary_key) and loose(i.name).split()[:-1] == ow for i in alist.items):
        return None  # "the account includes a unique Account ID, ...": the account's own identity
    keys = [loose(i.name).split() for i in alist.items if loose(i.name).split()[-1:] and loose(i.name).split()[-1] in _KEY_WORDS]
    own = [k for k in keys if k[:-1] == ow]
    others = [k for k in keys if k[:-1] and k[:-1] != ow]
    return topic if own and others else None


_HEADING_KINDS = frozenset({"functionality", "functionalities", "function", "functions", "feature", "features",
                            "module", "modules"})


def _heading_topic(name: str | None) -> str:
    """The thing a function heading is about: "Delete User" -> User, "Bus Route Query" -> Bus Route,
    "User Login" -> User. A heading that joins two topics ("Diagnosis and Treatment") names none."""
    words = (name or "").split()
    if any(w.lower() in ("and", "or", "&") for w in words):
        return ""
    while len(words) > 1 and words[0].lower() in HEADING_ACTIONS:
        words = words[1:]
    while len(words) > 1 and (words[-1].lower() in HEADING_ACTIONS or words[-1].lower() in _HEADING_KINDS):
        words = words[:-1]  # "Sign-In Functionality", "Payment Module": the heading's kind, not its topic
    if len(words) == 1 and words[0].lower() in HEADING_ACTIONS:
        return ""
    return " ".join(words)


def _name_after_headings(ents: EntitySet, described_under: dict[str, set[str]], decisions: list[Decision]) -> None:
    """"Menu Management: manages restaurant menu information, including ...": the entity first
    described under a heading whose name ends in the heading's topic takes the topic as its name
    (Menu): the heading names the table, the sentence qualifies it."""
    for heading, owners in described_under.items():
        topic = _heading_topic(entity_name(heading))
        if usable(topic) and _record_of_heading(ents, topic, owners, decisions):
            continue
        if not usable(topic) or ents.get(topic) is not None:
            continue
        tail = loose(topic).split()
        longer = [o for o in owners if len(o.split()) > len(tail) and o.split()[-len(tail):] == tail]
        if not longer:
            # "Sign-In Functionality: Records the sign-in status of each user, including Sign-In ID, ...":
            # the heading's topic names the entity's own identifier, so it names the entity too
            longer = [o for o in owners if len(o.split()) > len(tail) and _keyed_by(ents.get(o), tail)]
        if len(longer) != 1:
            continue
        ent = ents.get(longer[0])
        decisions.append(Decision(subject=f"entity {topic}", decision=f"{ent.name} is named {topic}",
                                  rationale=f"it is described under the heading '{heading}'",
                                  span=ent.spans[0] if ent.spans else None))
        ents.rename(ent, topic)
        owners.add(loose(topic))


def _name_after_own_key(ents: EntitySet, text: str, decisions: list[Decision]) -> None:
    """"the health status of the livestock (including health status ID and livestock ID)": an entity
    named '<Owner> <X>' that lists both the owner's key and its own '<X> ID' is the X (the owner is
    a reference it holds). A name the text writes as such ("Vehicle maintenance table") stays."""
    written = loose(text)
    for ent in list(ents.entities):
        own = loose(ent.name).split()
        if f" {' '.join(own)} " in f" {written} ":
            continue
        for n in range(1, len(own)):
            owner, rest = " ".join(own[:n]), own[n:]
            other = ents.get(owner)
            if other is None or other is ent or ents.get(" ".join(rest)) is not None:
                continue
            keys = {tuple(loose(a.name).split()) for a in ent.attributes}
            if any(k[:-1] == tuple(rest) and k[-1] in ("id", "number", "code", "no") for k in keys) \
                    and any(k[:-1] == tuple(own[:n]) and k[-1] in ("id", "number", "code", "no") for k in keys):
                name = " ".join(ent.name.split()[-len(rest):])
                decisions.append(Decision(subject=f"entity {name}", decision=f"{ent.name} is named {name}",
                                          rationale=f"it lists its own {name} key and the key of {other.name}",
                                          span=ent.spans[0] if ent.spans else None))
                ents.rename(ent, name)
                break


def _keyed_by(ent, words: list[str]) -> bool:
    """Whether ``ent``'s name carries ``words`` and its identifier is "<words> ID/Number/Code"."""
    if ent is None:
        return False
    own = loose(ent.name).split()
    if not any(own[i:i + len(words)] == words for i in range(len(own) - len(words) + 1)):
        return False
    return any(loose(a.name).split()[:-1] == words and loose(a.name).split()[-1] in ("id", "number", "code", "no")
               for a in ent.attributes)


def _record_of_heading(ents: EntitySet, topic: str, owners: set[str], decisions: list[Decision]) -> bool:
    """"Inspection Record Tracking: The system records each inspection of the equipment, including ...
    Each inspection record is associated with ...": under a heading naming a kind of record the text
    also describes, the one entity first described there whose name holds the record's subject is that
    record, not a second table beside it."""
    words = loose(topic).split()
    if len(words) < 2 or words[-1] not in _LIST_RECORD_HEADS:
        return False
    subject = set(words[:-1])
    found = [o for o in owners if o != loose(topic) and subject <= set(o.split())
             and o.split()[-1] not in _LIST_RECORD_HEADS]
    if len(found) != 1:
        return False
    ent, record = ents.get(found[0]), ents.get(topic)
    if ent is None or record is None or record is ent:
        return False  # with no such record described, the entity keeps its own name
    decisions.append(Decision(subject=f"entity {topic}", decision=f"{ent.name} is {topic}",
                              rationale=f"it is described under the heading naming the {topic.lower()}",
                              span=ent.spans[0] if ent.spans else None))
    for attr in ent.attributes:
        if not ents.is_placeholder(ent, attr):
            ents.add_attribute(record, attr)
    ents.remove(ent)
    ents.alias(ent.name, record)
    owners.add(loose(topic))
    return True


def _describes_other(owners, heading: str) -> bool:
    """Whether the sentences under ``heading`` list the attributes of an entity other than its topic."""
    topic = loose(_heading_topic(entity_name(heading)) or "")
    return any(o != topic and set(o.split()) & set(topic.split()) for o in owners)


def _names_an_operation(heading: str) -> bool:
    """"Delete User", "Add Book": a heading naming an operation on its topic, the thing operated on."""
    words = heading.lower().split()
    return bool(words) and words[0] in HEADING_ACTIONS


def _only_groups(topic: str, owners, group: list[Sentence], known: list[str] = ()) -> bool:
    """"Grade Management: Stores students' performance data, including ...": the sentences under a heading
    describe another entity and never name the heading's topic, so the heading only groups them. So too
    when they only name other things found ("Content Management: The system manages several books and
    articles")."""
    if any(sentence_mentions(s, [topic]) for s in group):
        return False
    if any(o != loose(topic) for o in owners):
        return True
    # no word of the topic, in any form ("Membership" - "members"), only other things found
    stems = [w[:5] for w in loose(topic).split() if len(w) > 2]
    if any(re.search(r"\b" + re.escape(st), s.text, re.IGNORECASE) for st in stems for s in group):
        return False
    others = [n for n in known if loose(n) != loose(topic)]
    return bool(others) and any(sentence_mentions(s, others) for s in group)


_CONJUNCT = r"(?:[A-Za-z][\w-]*)(?:\s+(?!and\b|or\b)[A-Za-z][\w-]*){0,2}"
_COORDINATION = _CONJUNCT + r"(?:\s*,\s*(?!and\b|or\b)" + _CONJUNCT + r"){0,5},?\s+(?:and|or)\s+(?:the\s+)?" + _CONJUNCT
_INFO_ABOUT_MANY = re.compile(r"\b(?:information|info|details|data)\s+(?:of|about|on)\s+(?:the\s+)?(" + _COORDINATION
                              + r")(?=\s*(?:[.;,(]|$|\b(?:as|to|and|in|for|with|which|that)\b))", re.IGNORECASE)
# Words that end attribute names, never entity names: a coordination holding one lists attributes.
_VALUE_WORDS = frozenset({"name", "date", "time", "price", "amount", "status", "type", "email", "phone", "address",
                          "creation", "update", "description", "quantity", "count", "level", "last", "first"})


def _coordinated_kinds(s: Sentence, m: re.Match, phrase: str) -> list[tuple[str, Span]]:
    """Entities named by the conjuncts of ``phrase``; none when a conjunct is not a plain noun phrase."""
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+(?:and|or)\s+", phrase) if p.strip()]
    parts = [re.sub(r"^(?:and|or|the)\s+", "", p, flags=re.IGNORECASE) for p in parts]
    out = []
    for part in parts:
        words = part.lower().split()
        if any(w in FUNCTION_WORDS or w in COMMON_VERBS or w in ATTRIBUTE_INFO_KINDS or w in ACTION_GERUNDS
               or w in IDENTIFIER_WORDS or w in _VALUE_WORDS for w in words):
            return []  # "adding, deleting and modifying user information", "ID, name and date data"
        name = entity_name(part)
        if not usable(name) or name.split()[-1].lower() in ABSTRACT_NOUNS:
            return []
        start = s.start + m.start(1) + phrase.find(part)
        out.append((name, Span(start=start, end=start + len(part), text=part)))
    return out


# "user roles, such as student, teacher, and administrator", "the roles are divided into customers and
# administrators": the values of a role column.
_ROLE_VALUES = re.compile(r"\b(?:roles?|identit(?:y|ies)|user\s+types?|types\s+of\s+users?)\b[^.;:]{0,40}?"
                          r"(?:such\s+as|including|like|namely|divided\s+into|:|\()\s*(" + _COORDINATION + r")",
                          re.IGNORECASE)


def _drop_role_values(sentences: list[Sentence], ents: EntitySet, decisions: list[Decision]) -> None:
    """Nouns listed as the roles of users are values of a role, not tables, unless the text describes
    them (gives them attributes): a mentioned-only "Student" beside "roles such as student" goes."""
    roles: dict[str, Span] = {}
    for s in sentences:
        for m in _ROLE_VALUES.finditer(s.text):
            for part in re.split(r"\s*,\s*|\s+(?:and|or)\s+", m.group(1)):
                name = entity_name(part)
                if name:
                    roles[loose(name)] = Span(start=s.start + m.start(1), end=s.start + m.end(1), text=m.group(1))
    for ent in ents.entities:
        if loose(ent.name) in roles and _mentioned_only(ent):
            ents.remove(ent)
            decisions.append(Decision(subject=f"entity {ent.name}", decision=f"{ent.name} is not a table",
                                      rationale="it is listed as a role of users and has no attributes of its own",
                                      span=roles[loose(ent.name)]))


_RECORD_KIND = r"((?:(?!and\b|or\b|the\b|all\b|each\b)[A-Za-z][\w-]*\s+){1,3}?)[Rr]ecords\b"
_KEPT_RECORDS = re.compile(
    r"\b(?:record|records|track|tracks|tracking|keep track of|keeps track of|manage|manages|managing|store|stores|"
    r"storing|maintain|maintains|retain|retains|save|saves|generate|generates|keep|keeps|query|view)\s+"
    r"(?:the\s+|all\s+|their\s+|its\s+)?(?:(?:each|every)\s+[a-z]+['’]s\s+)?" + _RECORD_KIND
    + r"(?:\s+and\s+" + _RECORD_KIND + r")?")


def _names_an_identifier(name: str, ents: EntitySet) -> bool:
    """"unique medical record number" listed for a patient: the medical record is that patient's
    number here, not a table of its own."""
    key = loose(name)
    return any(loose(a.name).startswith(key + " ") and is_identifier_name(a.name)
               for e in ents.entities for a in e.attributes)


def _before_participle(words: list[str]) -> list[str]:
    """"multiple departments collaborating": after the counted plural, an -ing word starts a clause."""
    for k in range(1, len(words)):
        if words[k].lower().endswith("ing") and is_plural(words[k - 1]):
            return words[:k]
    return words


# Values a record holds, never things of their own when the text gives them no fields: "grade records".
_VALUE_NOUNS = frozenset({"grade", "score", "rating", "mark"})


def _entities_from_mentions(sentences: list[Sentence], ents: EntitySet,
                            described_under: dict[str, set[str]] | None = None, counted: set[str] = frozenset()) -> None:
    """Things the text counts ("employs multiple developers") and topics of headings are entities
    even when no attributes are listed for them: they get an identifier and a name. A heading whose
    sentences list the attributes of some entity only groups them ("2. Fleet Dispatch: Each truck
    has ..."): that entity is its topic, and the heading names no second one."""
    described_under = described_under or {}
    found: list[tuple[str, Span]] = []
    for s in sentences:
        for m in _MANY_NP.finditer(s.text):
            at = m.end()
            noise = _PREFIX_NOISE.match(s.text, at)
            if noise:
                at = noise.end()  # "multiple pieces of equipment"
            np = np_after(s.text, at, counted=True)
            if np is None:
                continue
            words = _before_participle(np[0].split())
            if len(words) > 3 and ents.get(entity_name(" ".join(words)) or "") is None:
                words = words[:3]  # a long phrase names a known entity, else its first words do
            phrase = " ".join(words).replace(" and ", " ")
            if len(phrase.split()) > 1 and phrase.split()[-1].lower() in ("information", "info", "data", "details"):
                continue  # "manages various school information": many kinds of information, no one thing
            if _OF_A_PROCESS.match(s.text, np[2]):
                continue  # "various stages of mine production": phases of an activity, no rows of their own
            name = entity_name(phrase)
            if usable(name) and name.split()[-1].lower() not in ABSTRACT_NOUNS and name not in counted:
                found.append((name, Span(start=s.start + np[1], end=s.start + np[2], text=np[0])))
    for s in sentences:
        # "Each author writes multiple books": the one side of a counted relationship
        for m in _EACH_SUBJECT.finditer(s.text):
            two = entity_name(m.group(1) + " " + m.group(2)) if m.group(2) else None
            name = two if two and ents.get(two) else entity_name(m.group(1))
            if usable(name) and name.split()[-1].lower() not in ABSTRACT_NOUNS:
                found.append((name, Span(start=s.start + m.start(1), end=s.start + m.end(1), text=m.group(1))))
    for s in sentences:
        # "each question belongs to a category", "each repair task corresponds to an order": the
        # thing something belongs to is an entity of its own
        for m in _BELONGS_TO.finditer(s.text):
            np = np_after(s.text, m.end())
            if np is None or "'" in np[0] or "’" in np[0] or s.text[np[2]:np[2] + 3] == " of":
                continue  # "the teacher's ID", "a set of": not the thing itself
            if np[0].split()[-1].lower() == "table":
                continue  # "associated with the user table": a table the text names, read where it is described
            words = [w for w in np[0].split() if w.lower() not in ("id", "number", "code")]
            name = entity_name(" ".join(words[:3])) if words else None
            if not usable(name) or name.split()[-1].lower() in ABSTRACT_NOUNS:
                continue
            head = loose(name).split()[-1]
            if any(loose(e.name).split()[-1] == head for e in ents.entities):
                continue  # "belongs to a department" beside a described "Company Department"
            found.append((name, Span(start=s.start + np[1], end=s.start + np[2], text=np[0])))
    for s in sentences:
        # "supports performance evaluation for each department": an assessment done for every row of
        # an entity is a record of its own
        for m in _ASSESSMENT_FOR_EACH.finditer(s.text):
            name = entity_name(m.group(1))
            if usable(name):
                found.append((name, Span(start=s.start + m.start(1), end=s.start + m.end(1), text=m.group(1))))
        # "place orders for the parts", "when making a reservation": a record someone creates is kept
        for m in _CREATED_RECORD.finditer(s.text):
            if singular(m.group(1).lower()) in TRANSACTION_NOUNS:
                found.append((entity_name(m.group(1)), Span(start=s.start + m.start(1), end=s.start + m.end(1),
                                                             text=m.group(1))))
    for s in sentences:
        m = _ACTOR.match(s.text)
        if m:
            name = entity_name(m.group(1))
            if usable(name) and name.split()[-1].lower() not in ABSTRACT_NOUNS \
                    and (ents.get(name) is not None or _named_again(name, sentences)) \
                    and not _only_looks(s.text[m.end(1):]):
                found.append((name, Span(start=s.start + m.start(1), end=s.start + m.end(1), text=m.group(1))))
    for s in sentences:
        # "manage customer information, supplier information, and sales records": an enumeration of
        # kinds of information names one entity per kind.
        infos = list(_INFO_KIND.finditer(s.text))
        if len(infos) >= 2:
            owned = [(al.items[0].start, al.items[-1].end) for al, owner in _analyze(s.text, s.heading)
                     if owner is not None and al.items]
            for m in infos:
                if any(w.lower() in ATTRIBUTE_INFO_KINDS for w in m.group(1).split()):
                    continue  # "contact information" is an attribute of its owner
                if any(a <= m.start(1) < b for a, b in owned):
                    continue  # "each task has a task ID, lock information, ...": items of an owned list
                name = entity_name(m.group(1))
                if usable(name) and name.split()[-1].lower() not in ABSTRACT_NOUNS and len(name.split()) <= 3:
                    found.append((name, Span(start=s.start + m.start(1), end=s.start + m.end(), text=m.group())))
    for s in sentences:
        # "the information of the reporter, editor, and publisher": one kind of information about
        # each of several things names each of them.
        for m in _INFO_ABOUT_MANY.finditer(s.text):
            found.extend(_coordinated_kinds(s, m, m.group(1)))
    for s in sentences:
        # "track attendance records", "record each customer's Medical Records and Claim Records":
        # the kinds of records a business keeps are entities.
        for m in _KEPT_RECORDS.finditer(s.text):
            for g in (1, 2):
                kind = m.group(g)
                if not kind or kind.split()[0].lower() in ATTRIBUTE_INFO_KINDS:
                    continue
                name = entity_name(kind + " record")
                if usable(name) and len(name.split()) <= 4 and not _names_an_identifier(name, ents):
                    found.append((name, Span(start=s.start + m.start(g), end=s.start + m.end(g), text=kind)))
    heads = {loose(e.name).split()[-1] for e in ents.entities if loose(e.name)}  # once: every sentence asks
    for s in sentences:
        found.extend(_clause_things(s, ents, heads))
    # each name once: a long text finds the same names again and again
    known = list(dict.fromkeys([e.name for e in ents.entities] + [n for n, _ in found]))
    found.extend(_actors_of_links(sentences, known))
    under: dict[str, list[Sentence]] = {}  # heading -> the sentences under it
    for s in sentences:
        if s.heading:
            under.setdefault(s.heading, []).append(s)
    for heading, group in under.items():
        if not _describes_other(described_under.get(heading, ()), heading):
            name = _heading_topic(entity_name(heading))
            if usable(name) and name.split()[-1].lower() not in ABSTRACT_NOUNS and len(name.split()) <= 3 \
                    and not _only_groups(name, described_under.get(heading, ()), group,
                                         () if _names_an_operation(heading) else known):
                found.append((name, Span(start=group[0].start, end=group[0].start, text=heading)))
    for name, span in found:
        if loose(name) not in _VALUE_NOUNS:
            _add_mentioned(ents, name, span)
