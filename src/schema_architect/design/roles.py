"""Role nouns: people named by the part they play in one record.

"Each flight is operated by a captain and a first officer, each having their own ID, name and phone
number": the captain and the first officer are not two kinds of thing but two roles of one kind of
person (a crew member is captain on one flight and first officer on the next). A designer keeps one
table of those people and one foreign key per role on the record ("Captain ID", "First Officer ID").

The kind of person is, first match wins:

1. the kind the text states ("a borrower and a guarantor, both customers");
2. a kind both roles belong to in ``ROLE_GROUPS`` that the design already has (Pilot, Customer);
3. when the roles share a kind in ``ROLE_GROUPS`` or one attribute list: the design's people table
   (Employee, Member, ... as ``PERSON_NOUNS`` orders them), else the most general shared kind
   ("Crew Member"), else "Person".

Roles with one head noun ("a home team and an away team", "a referee and an assistant referee") are
rows of the table that head names, when the text describes it or gives the roles one attribute list.

A role several people play in one record ("two assistant referees") is a link table named by the
role ("Game Assistant Referee") instead of a key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.conceptual import Attribute, Cardinality, Decision, Entity, Relationship, Span
from .entities import EntitySet, np_after, usable
from .lexicon import COMMON_VERBS, FUNCTION_WORDS, PERSON_NOUNS, ROLE_GROUPS, ROLE_NOUNS
from .segment import Sentence
from .words import entity_name, is_plural, loose, singular

_ONE = r"(?:a|an|one|the|its|their|his|her)"
_COUNT = r"(?:two|three|four|five|several|multiple)"  # "two assistant referees": a role several people play
_ROLE_WORDS = r"(?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*"
# "a captain and a first officer", "a captain and first officer", "a pilot, a navigator and a flight
# engineer", "a referee and two assistant referees": the roles of one record
_COORDINATED_ROLES = re.compile(
    rf"\b{_ONE}\s+(?P<r1>{_ROLE_WORDS})(?:\s*,\s*(?P<d2>{_ONE}|{_COUNT})\s+(?P<r2>{_ROLE_WORDS}))?"
    rf"\s*,?\s+and\s+(?:(?P<d3>{_ONE}|{_COUNT})\s+)?(?P<r3>{_ROLE_WORDS})"
    r"(?=\s*(?:[,.;:(]|$|\b(?:who|each|both|for|on|in|at|to|from|of)\b))", re.IGNORECASE)
_COUNTED = re.compile(_COUNT + r"$", re.IGNORECASE)
# ", both customers", ", who are both employees", ", both of whom are members"
_STATED_KIND = re.compile(r"\s*,?\s*(?:(?:who|which)\s+are\s+(?:both\s+|all\s+)?|(?:both|all)\s+(?:of\s+(?:them|whom)\s+)?"
                          r"(?:are\s+|being\s+)?)(?:registered\s+)?([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)", re.IGNORECASE)
# ", each having their own ID, name and phone", ", each with a name": one attribute list for all the roles
_SHARED_LIST = re.compile(r"\s*,?\s*(?:each|both|all)\s+(?:of\s+(?:them|whom)\s+)?(?:having|has|have|with|is\s+described)\b",
                          re.IGNORECASE)


# "Borrowers and guarantors are members.": a sentence of its own saying what the roles are
_DECLARED_KIND = re.compile(r"^\s*(?P<roles>[A-Za-z][\w-]*s(?:\s*,\s*[A-Za-z][\w-]*s)*,?\s+and\s+[A-Za-z][\w-]*s)\s+"
                            r"are\s+(?:both\s+|all\s+)?(?:registered\s+)?(?P<kind>[A-Za-z][\w-]*s)\s*[.;]?\s*$",
                            re.IGNORECASE)


def _declared_kinds(sentences: list[Sentence]) -> dict[str, str]:
    """Role (loose, singular) -> the kind a sentence of its own says it is."""
    out: dict[str, str] = {}
    for s in sentences:
        m = _DECLARED_KIND.match(s.text)
        if not m:
            continue
        kind = entity_name(m.group("kind"))
        for role in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("roles")):
            name = entity_name(role)
            if usable(name) and usable(kind):
                out[loose(name)] = kind
    return out


@dataclass
class RoleFold:
    """The roles of one sentence folded into one kind of person, for the record the sentence is about."""

    record: str
    kind: str
    roles: list[str]
    sentence_span: Span
    counted_roles: list[str]  # played by several people per record: a link table each, not a key

    def role_links(self) -> list[Relationship]:
        """"two assistant referees": the record and the kind linked many-to-many, named by the role."""
        return [Relationship(left=self.record, right=self.kind, left_card=Cardinality.MANY, right_card=Cardinality.MANY,
                             name=f"{self.record} {role}", span=self.sentence_span) for role in self.counted_roles]


def _role_key(name: str) -> str | None:
    """The ``ROLE_GROUPS`` entry of a role name: the whole phrase, else its head ("chief steward")."""
    key = loose(name)
    if key in ROLE_GROUPS:
        return key
    head = key.split()[-1] if key else ""
    return head if head in ROLE_GROUPS else None


def _role_like(phrase: str) -> bool:
    name = entity_name(phrase)
    return bool(name) and (_role_key(name) is not None or loose(name).split()[-1] in ROLE_NOUNS)


def _plain_phrase(phrase: str) -> bool:
    return all(w.lower() not in FUNCTION_WORDS and w.lower() not in COMMON_VERBS for w in phrase.split())


def people_entity(ents: EntitySet) -> str | None:
    heads = {loose(e.name).split()[-1]: e.name for e in ents.entities}
    return next((heads[n] for n in PERSON_NOUNS if n in heads), None)


_EACH = re.compile(r"\s*(?:each|every)\s", re.IGNORECASE)


def _record_of(s: Sentence, before: int, ents: EntitySet) -> tuple[str, Span] | None:
    """The subject of the sentence, the record the roles take part in: an entity, or a thing the
    sentence counts one by one ("Each voyage is crewed by ..."), made an entity once the roles fold."""
    subject = np_after(s.text, 0)
    if not subject or subject[1] >= before:
        return None
    name = entity_name(subject[0])
    record = ents.get(name or "")
    if record is None and name:
        # "Each match is officiated by ..." after "Each tennis match has ...": the one entity of that head
        same_head = [e for e in ents.entities if loose(e.name).split()[-1] == loose(name).split()[-1]]
        record = same_head[0] if len(same_head) == 1 else None
    if record is not None:
        return record.name, record.spans[0] if record.spans else None
    if _EACH.match(s.text) and usable(name) and not _role_like(name):
        return name, Span(start=s.start + subject[1], end=s.start + subject[2], text=subject[0])
    return None


def _described_head(ents: EntitySet, head: str, record_name: str, shared_list: bool) -> str | None:
    """The entity the shared head names, when the text describes it (not only mentions it) or gives the
    roles one attribute list."""
    ent = ents.get(head)
    if ent is None:
        return entity_name(head) if shared_list else None
    return ent.name if loose(ent.name) != loose(record_name) and (len(ent.attributes) >= 2 or shared_list) else None


def _kind_of(roles: list[str], shared_list: bool, ents: EntitySet) -> tuple[str, str] | None:
    """(kind, why) for roles of different heads, by the order in the module's docstring."""
    keys = [_role_key(r) for r in roles]
    groups = [ROLE_GROUPS[k] for k in keys if k]
    common = [g for g in groups[0] if all(g in other for other in groups[1:])] if len(groups) == len(roles) else []
    existing = next((ents.get(g).name for g in common if ents.get(g) is not None), None)
    if existing:
        return existing, f"all are {existing} roles (role lexicon), and the design has {existing}"
    if not common and not shared_list:
        return None  # "a captain and a coach": no kind in common, nothing says they are alike
    people = people_entity(ents)
    if people:
        return people, f"they are people of the design in different roles; {people} holds its people"
    if common:
        return common[-1], f"all are {common[-1]} roles (role lexicon, its most general kind)"
    return "Person", "one attribute list describes them all, and no kind of person is known for them"


def fold_coordinated_roles(sentences: list[Sentence], ents: EntitySet, decisions: list[Decision]) -> list[RoleFold]:
    """Fold the roles coordinated in a sentence about a record into one entity of their kind, and give
    the record one reference per role. Returns what was folded (to drop the plain links the sentence
    would also yield)."""
    folds: list[RoleFold] = []
    declared = _declared_kinds(sentences)
    for s in sentences:
        for m in _COORDINATED_ROLES.finditer(s.text):
            conjuncts = [(m.group("r1"), None), (m.group("r2"), m.group("d2")), (m.group("r3"), m.group("d3"))]
            conjuncts = [(p, d) for p, d in conjuncts if p]
            if len(conjuncts) == 3 and loose(entity_name(conjuncts[2][0]) or "") not in declared \
                    and all(loose(entity_name(p) or "") in declared for p, _ in conjuncts[:2]):
                conjuncts = conjuncts[:2]  # "a borrower, a guarantor and a start date": the roles come first
            elif len(conjuncts) == 3 and not _role_like(conjuncts[0][0]):
                conjuncts = conjuncts[1:]  # "a weight, a sender and a recipient": the list ends with the roles
            phrases = [p for p, _ in conjuncts]
            roles = [entity_name(p) for p in phrases]
            counted = {entity_name(p) for p, d in conjuncts if d and _COUNTED.match(d)}
            if any(not usable(r) or not _plain_phrase(p) for r, p in zip(roles, phrases)) \
                    or len({loose(r) for r in roles}) < len(roles):
                continue
            found = _record_of(s, m.start(), ents)
            if found is None or any(loose(found[0]) == loose(r) for r in roles):
                continue
            record_name, record_span = found
            shared_list = bool(_SHARED_LIST.match(s.text, m.end()))
            heads = {loose(r).split()[-1] for r in roles}
            if len(heads) == 1:
                # "a home team and an away team": both are rows of the described Team; "a referee and two
                # assistant referees, each with a name": both are referees, described together
                kind_name = _described_head(ents, heads.pop(), record_name, shared_list)
                why = f"all are {kind_name}s, named by their role" if kind_name else ""
            else:
                stated_m = _STATED_KIND.match(s.text, m.end())
                stated = None
                if stated_m and is_plural(stated_m.group(1).split()[-1]) and _plain_phrase(stated_m.group(1)):
                    stated = entity_name(stated_m.group(1))
                    stated = stated if usable(stated) else None
                kinds = {declared.get(loose(r)) for r in roles}
                if not stated and len(kinds) == 1 and None not in kinds:
                    stated = kinds.pop()  # "Borrowers and guarantors are members." said elsewhere
                if not stated and not all(_role_like(r) for r in roles):
                    continue  # "a name and a phone number": not people
                kind_name, why = (stated, "the text says what they are") if stated else \
                    _kind_of(roles, shared_list, ents) or (None, "")
                if kind_name is not None and any(loose(kind_name) == loose(r) for r in roles):
                    continue
            if kind_name is None or loose(kind_name) == loose(record_name):
                continue
            record = ents.get(record_name) or ents.add(record_name, record_span)
            span = Span(start=s.start + m.start(), end=s.start + m.end(), text=m.group())
            kind = ents.add(kind_name, span)
            for role in roles:
                _fold_role_into(ents, role, kind)
                if role not in counted:
                    _replace_reference(ents, record, role, kind.name, span)
            role_entities = {f"entity {r}" for r in roles}
            decisions[:] = [d for d in decisions if d.subject not in role_entities]  # no table of their own now
            decisions.append(Decision(
                subject=f"entity {kind.name}", decision=", ".join(roles) + f" are roles of {kind.name} in {record.name}",
                rationale=f"{why}: one {kind.name} table, one key per role in {record.name}"
                          + (" (a link table for a role several play)" if counted else ""), span=span))
            folds.append(RoleFold(record.name, kind.name, roles, Span(start=s.start, end=s.end, text=s.text),
                                  [r for r in roles if r in counted]))
    return folds


def _fold_into_attr_name(attr_name: str, role: str) -> str:
    """"First Officer Phone" of the first officer -> "Phone"; "ID", "Name" stay."""
    words, own = attr_name.split(), role.split()
    if len(words) > len(own) and [w.lower() for w in words[:len(own)]] == [w.lower() for w in own]:
        return " ".join(words[len(own):])
    return attr_name


def _fold_role_into(ents: EntitySet, role: str, kind) -> None:
    """The role's own entity (a list given to "a first officer") becomes the kind's attributes."""
    ent = ents.get(role)
    if ent is None or ent is kind:
        return
    for attr in ent.attributes:
        name = _fold_into_attr_name(attr.name, role)
        if not ents.has_attribute(kind, name):
            ents.add_attribute(kind, attr.model_copy(update={"name": name}))
    kind.spans.extend(ent.spans[: max(0, 8 - len(kind.spans))])
    ents.remove(ent)


def _replace_reference(ents: EntitySet, record, role: str, kind: str, span: Span) -> None:
    """The record's "Borrower" column (or none yet) becomes "Borrower ID", a reference to the kind."""
    col = f"{role} ID"
    for attr in list(record.attributes):
        if loose(attr.name) in (loose(role), loose(col)):
            record.attributes.remove(attr)
    attr = Attribute(name=col, span=span, references=kind, role=role)
    ents.add_attribute(record, attr)
    if attr not in record.attributes:
        record.attributes.append(attr)  # a removed "Borrower" still counted as had: add it anyway


def drop_folded_links(relationships: list[Relationship], folds: list[RoleFold]) -> list[Relationship]:
    """A plain link between the record and the kind ("both customers", "a customer can take out several
    loans") says again what the role keys say: the roles are how they are linked."""
    folded = {frozenset((f.record, f.kind)) for f in folds}
    return [r for r in relationships if r.role or r.name or frozenset((r.left, r.right)) not in folded]


# "Users can be buyers or sellers", "A member may act as a host or a guest", "Accounts are either
# drivers or riders (or both)": the roles a kind of person can take. Roles are nouns: plural after a
# plural kind, with an article after a singular one ("Rooms can be single or double" gives no roles).
_ROLE_DECL = re.compile(
    r"^\s*(?:(?:each|every|a|an|the|our|all|any)\s+)?(?P<kind>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+"
    r"(?:(?:can|may|could|will)\s+(?:either\s+)?(?:be|act\s+as|register\s+as|sign\s+up\s+as|join\s+as)"
    r"|(?:is|are)\s+either)\s+(?:either\s+)?"
    r"(?P<roles>(?:an?\s+)?[A-Za-z][\w-]*(?:(?:\s*,\s*(?:an?\s+)?[A-Za-z][\w-]*)*\s*,?\s*(?:or|and/or|and)\s+"
    r"(?:an?\s+)?[A-Za-z][\w-]*)?)(?:\s*,?\s*(?:or|and)\s+both)?\s*(?:[.,;:]|$|\s+(?:and|but)\b)",
    re.IGNORECASE)
_ROLE_SPLIT = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and/or|and)\s+", re.IGNORECASE)


@dataclass
class DeclaredRoles:
    """A kind of person and the roles the text says it can take, from one sentence."""

    kind: str
    roles: list[str]
    span: Span


def declared_roles(sentences: list[Sentence]) -> list[DeclaredRoles]:
    out: list[DeclaredRoles] = []
    for s in sentences:
        m = _ROLE_DECL.match(s.text)
        if not m:
            continue
        kind_words = m.group("kind").split()
        if kind_words[-1].lower() in COMMON_VERBS or singular(kind_words[-1].lower()) not in PERSON_NOUNS:
            continue  # only people take roles; "Vehicles can be cars or trucks" names kinds of vehicle
        plural_kind = is_plural(kind_words[-1])
        roles: list[str] = []
        for part in _ROLE_SPLIT.split(m.group("roles").strip()):
            words = part.split()
            article = bool(words) and words[0].lower() in ("a", "an")
            words = words[1:] if article else words
            if len(words) != 1 or not (is_plural(words[0]) if plural_kind else article):
                roles = []
                break  # an adjective ("active or inactive"), not a role noun
            name = entity_name(words[0])
            if not name or loose(name) == loose(entity_name(" ".join(kind_words)) or ""):
                roles = []
                break
            roles.append(name)
        kind = entity_name(" ".join(kind_words))
        if (len(roles) >= 2 or (roles and plural_kind)) and usable(kind):
            out.append(DeclaredRoles(kind, roles, Span(start=s.start, end=s.end, text=s.text)))
    return out


def _own_fields(role: Entity, kind: Entity, ents: EntitySet) -> bool:
    """Whether the text gives the role fields the kind does not have ("a seller has a shop name")."""
    own = [a for a in role.attributes if not ents.is_placeholder(role, a) and not ents.has_attribute(kind, a.name)]
    return bool(own)


def fold_declared_roles(decls: list[DeclaredRoles], ents: EntitySet, rels: list[Relationship],
                        decisions: list[Decision]) -> list[Relationship]:
    """Each role is rows of the kind: a link of a role ("a seller lists items") is a key to the kind named
    by the role ("Seller ID" -> User); a role no link uses is a flag of the kind ("Is Seller")."""
    for decl in decls:
        kind = ents.get(decl.kind)
        if kind is None:
            continue
        for role in decl.roles:
            ent = ents.get(role)
            if ent is kind:
                continue
            linked = False
            if ent is not None and _own_fields(ent, kind, ents):
                # "Users can be sellers; a seller has a shop name and rating": a role with fields of its own
                # is a table of its own, one row per user who is one, keyed by the user
                rels = [r for r in rels if {r.left, r.right} != {ent.name, kind.name}]
                rels.append(Relationship(left=kind.name, right=ent.name, left_card=Cardinality.ONE,
                                         right_card=Cardinality.ONE, subtype=True, span=decl.span))
                decisions.append(Decision(
                    subject=f"entity {role}", decision=f"{role} is a role of {kind.name} with a table of its own",
                    rationale=f"the text says a {kind.name.lower()} can be a {role.lower()} and gives the "
                              f"{role.lower()} fields of its own: one row per {kind.name.lower()} who is one, "
                              f"keyed by the {kind.name.lower()}", span=decl.span))
                continue
            if ent is not None:
                name = ent.name
                kept: list[Relationship] = []
                for rel in rels:
                    if name not in (rel.left, rel.right):
                        kept.append(rel)
                        continue
                    other = rel.right if rel.left == name else rel.left
                    if other in (name, kind.name):
                        continue  # "users can be sellers" again: no link of a kind to its own role
                    one_side = (rel.left == name and rel.left_card is Cardinality.ONE
                                and rel.right_card is Cardinality.MANY) or (
                        rel.right == name and rel.right_card is Cardinality.ONE and rel.left_card is Cardinality.MANY)
                    kept.append(rel.model_copy(update={
                        "left": kind.name if rel.left == name else rel.left,
                        "right": kind.name if rel.right == name else rel.right,
                        "role": rel.role or (name if one_side else None),
                        "name": rel.name or (None if one_side else f"{name} {other}")}))
                    linked = True
                rels = kept
                for attr in ent.attributes:
                    if not ents.is_placeholder(ent, attr) and not ents.has_attribute(kind, attr.name):
                        ents.add_attribute(kind, attr)
                for e in ents.entities:  # a listed "Seller" reference of another entity points at the kind
                    for attr in e.attributes:
                        if attr.references == name:
                            attr.references, attr.role = kind.name, attr.role or name
                ents.remove(ent)
            if not linked:
                flag = f"Is {role}"
                if not ents.has_attribute(kind, flag):
                    ents.add_attribute(kind, Attribute(name=flag, span=decl.span))
            decisions.append(Decision(
                subject=f"entity {role}", decision=f"{role} is a role of {kind.name}, not a table",
                rationale=(f"the text says a {kind.name.lower()} can be a {role.lower()}: "
                           + ("its links are keys to " + kind.name + f" named {role}" if linked
                              else f"a flag on {kind.name}")),
                span=decl.span))
    return rels
