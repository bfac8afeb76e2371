"""Stage 5: conceptual model -> logical schema (tables, keys, foreign keys, types, constraints).

* entity -> table; its identifier (stated primary key, unique ID, "<Entity> ID", "ID", number,
  code) -> primary key, else a record keyed by its references, else an added "<Entity> ID";
* an attribute naming another entity's key ("Airplane Number" in Flight) or the entity itself
  ("operator" in Maintenance Record) -> foreign key to that entity;
* 1:N -> foreign key on the many side (named after the referenced key), NOT NULL;
* M:N -> junction table keyed by the two foreign keys (no surrogate id), relationship attributes on it;
* 1:1 -> unique foreign key;
* types from names (see ``datatypes``); UNIQUE for stated-unique, email and username columns;
  CHECK for stated ranges and listed values.

Every step appends a :class:`Decision` with its rationale and source span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.conceptual import Attribute, Cardinality, ConceptualModel, Decision, Entity, Span
from ..model.schema import CheckConstraint, Column, ForeignKey, PrimaryKey, Schema, Table, UniqueConstraint
from ..model.types import DataType
from .datatypes import infer_type
from .lexicon import (
    COLLECTION_NOUNS,
    COUNTED_DOCUMENTS,
    FUNCTION_WORDS,
    GOODS_EVENT_WORDS,
    GOODS_WORDS,
    IDENTIFIER_WORDS,
    LINE_ITEM_OWNERS,
    NOT_IDENTIFIER_HEADS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    SHARING_VERBS,
    TRANSACTION_NOUNS,
    UNIQUE_BY_NATURE,
)
from .entities import named_by_head
from .words import event_noun, loose, names_event_of, singular, verb_bases

# Heads that describe rather than point ("Order Status", "Product Type" are values, not links).
_DESCRIPTIVE_HEADS = frozenset({"status", "type", "name", "date", "time", "level", "category", "content", "description"})
_INFO_WORDS = frozenset({"information", "info", "details", "detail", "data", "record"})
_KIND_HEADS = frozenset({"type", "category", "kind", "class", "level", "grade", "group", "genre"})
# Identifier words that say nothing of their entity alone: "ID" becomes "Author ID" elsewhere.
_GENERIC_KEY_WORDS = frozenset({"id", "identifier", "number", "no", "num", "code", "key", "serial"})
# Nouns of an action or event ("Position Change", "Log Operation", "Course Selection", "Tool Usage").
_EVENT_NOUN = re.compile(r"(?:tion|sion|ment|ing|ance|ence|age)$")
# Nouns of a deed someone does ("Production", "Inspection", "Submission", "Maintenance"; not "Department").
_DONE_NOUN = re.compile(r"(?:ction|ssion|ance)$")
# Parts of a document named after it ("Order Detail", "Invoice Line", "Order Item"; not "Rental Item").
_LINE_HEADS = frozenset({"detail", "item", "line", "entry"})
_RECORD_HEADS = frozenset({"record", "log", "history", "entry", "report"})
# Records of a product changing hands or being made: each is of one product.
_SOLD_RECORD_WORDS = frozenset({"sale", "production"})
_OCCASION_HEADS = frozenset({"event", "activity", "session"})
# Heads of a record about the things named before them ("Customer Credit Record", "Employee Position Change")
_RECORD_OF_HEADS = _RECORD_HEADS | {"change", "update", "request"}
# Words that make a column point at another row of its own table.
_HIERARCHY_WORDS = frozenset({"parent", "superior", "upper", "higher", "previous", "prior", "preceding", "next",
                              "predecessor", "successor", "subordinate", "senior"})
# Roles a user of the system plays in a record it acts on ("Borrower", "Creator", "Sender"), unlike
# "Author" of a book or "Coach" of a team, people the system only names.
_ACTING_ROLES = frozenset({"creator", "updater", "modifier", "sender", "recipient", "receiver", "borrower", "holder",
                           "commenter", "poster", "uploader", "reviewer", "approver", "submitter", "requester",
                           "handler", "recorder", "operator", "assignee", "inspector", "responder", "questioner",
                           "payer", "payee", "buyer", "seller", "applicant", "registrant", "initiator", "processor",
                           "examiner", "evaluator", "auditor", "supervisor", "issuer", "signer", "follower"})
# Acting roles done for the business on what others bring (a complaint's handler, a claim's approver),
# and the people served, who never fill them.
_SERVING_ROLES = frozenset({"handler", "processor", "approver", "auditor", "inspector", "examiner", "evaluator",
                            "supervisor", "recorder", "operator", "assignee", "responder", "issuer"})
_SERVED_PEOPLE = frozenset({"customer", "client", "guest", "patient", "passenger", "tenant", "visitor", "shopper"})
# Words that only say a column is linked ("Belonging Building", "Involving Sales Personnel", "Assigned
# Shift"): the key is named like the referenced key. A role ("Posting User", "Affiliated Department")
# says which one and keeps its name.
_RELATION_WORDS = frozenset({"belonging", "involving", "involved", "assigned", "matching", "matched", "corresponding",
                             "related", "relevant", "linked", "associated"})
# A member's login name identifies the member: "Member Username" in an order is a key to the member.
_LOGIN_WORDS = frozenset({"username", "login"})
_TIME_WORDS = frozenset({"time", "date", "timestamp", "datetime", "period", "day", "year", "month", "week", "season",
                         "semester", "quarter"})  # a season or a week names when, like a month
# Roles the organization's own staff fill ("Manager" of a department, "Salesperson" of a sale, "Maintenance
# Staff ID", "Person in Charge"): a key to the staff table whatever the role is called.
_STAFF_ROLES = frozenset({"manager", "person", "salesperson", "salesman", "saleswoman", "producer", "personnel", "staff",
                          "commander", "technician", "maintainer", "clerk", "cashier", "dispatcher", "representative",
                          "administrator", "admin"})
# People tables staff can be rows of, in order of preference; a table named only by such words ("Staff
# Member", "Crew Member") is the staff, "Sales Personnel" is staff of one kind.
_STAFF_TABLE_WORDS = ("employee", "staff", "personnel", "worker", "crew", "user", "administrator")
_STAFF_NAME_WORDS = frozenset(_STAFF_TABLE_WORDS) | {"member"}


@dataclass
class _TableDraft:
    entity: Entity
    columns: list[str] = field(default_factory=list)
    attrs: dict[str, Attribute] = field(default_factory=dict)
    pk: list[str] = field(default_factory=list)
    fks: list[tuple[str, str, str]] = field(default_factory=list)  # (column, ref table, ref column)
    unique: list[str] = field(default_factory=list)
    surrogate: bool = False  # its key is an ID we added, not one the text gave
    junction: bool = False  # a table the design made for a many-to-many link, no entity of the text
    keyed_by_kind: bool = False  # a role's own table, keyed by the key of the kind it is a role of

    def add_foreign_key(self, col: str, table: str, ref_col: str, at: int | None = None) -> None:
        """``col`` points at ``table.ref_col``; the column is added (at the end, or at ``at``) if the
        table does not have it yet."""
        if col not in self.columns:
            self.columns.insert(len(self.columns) if at is None else at, col)
            self.attrs[col] = Attribute(name=col)
        self.fks.append((col, table, ref_col))


def _spaced(name: str) -> str:
    """"AuthorID" -> "Author ID", "tokenID" -> "Token ID": a camelCase name reads as its words, so it
    meets the same name written with spaces (and the key we would add)."""
    if " " in name or not re.search(r"[a-z][A-Z]", name):
        return name
    parts = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", name)
    if "".join(parts) != name:
        return name
    return " ".join("ID" if p.lower() == "id" else p[:1].upper() + p[1:] for p in parts)


def _words(name: str) -> list[str]:
    return loose(name).split()


def _is_time(name: str) -> bool:
    """"Visit Time", "Borrow Date", and "Date of Analysis": a moment."""
    w = _words(name)
    return bool(w) and (w[-1] in _TIME_WORDS or (len(w) > 2 and w[0] in _TIME_WORDS and w[1] == "of" and w[2] != "birth"))


def _day_of_clock_time(d: _TableDraft, moment: list[str]) -> list[str]:
    """"on a weekday at a start time": a time of day repeats every week, so the weekday is part of when."""
    if not moment or _words(moment[0])[-1] != "time":
        return []
    return [c for c in d.columns if _words(c)[-1] in ("weekday", "day") and c not in moment][:1]


def is_identifier_name(name: str) -> bool:
    w = name.lower().split()
    return bool(w) and w[-1] in IDENTIFIER_WORDS and (len(w) == 1 or w[-2] not in NOT_IDENTIFIER_HEADS) \
        and not (len(w) >= 2 and w[-2] == "id" and w[-1] == "number")


def _mentions_entity(attr: str, entity: str) -> bool:
    aw, ew = _words(attr)[:-1], _words(entity)
    return bool(aw) and (aw[-len(ew):] == ew or ew[-len(aw):] == aw or aw[-1] == ew[-1])


def _said_as_possessed(owner: _TableDraft, col: str, thing: _TableDraft) -> bool:
    """Whether the column was written "the <owner>'s <thing>": the owner's own things (one owner has
    many of them), said of the owner, not a key the owner holds."""
    a = owner.attrs.get(col)
    said = a.span.text if a is not None and a.span and a.span.text else ""
    m = re.search(r"([A-Za-z][A-Za-z ]*?)(?:'s|\u2019s|s'|s\u2019)\s+([A-Za-z][A-Za-z ]*)$", said.strip())
    if not m:
        return False
    whose, what = _words(m.group(1)), _words(m.group(2))
    own, other = _words(owner.entity.name), _words(thing.entity.name)
    return bool(whose) and whose[-len(own):] == own and what[-len(other):] == other


class LogicalDesigner:
    def __init__(self, model: ConceptualModel) -> None:
        self.model = model
        self.drafts: dict[str, _TableDraft] = {}
        self.decisions: list[Decision] = []
        self._names_cache: dict[int, str] = {}
        self._head_counts: dict[str, int] = {}
        self._named_drafts_of: tuple[int, ...] = ()
        self._named_drafts_list: list[tuple[_TableDraft, str, str]] = []
        self._entity_words: list[tuple[str, list[str]]] = []

    def decide(self, subject: str, decision: str, rationale: str, span: Span | None = None) -> None:
        self.decisions.append(Decision(subject=subject, decision=decision, rationale=rationale, span=span))

    # -- steps ---------------------------------------------------------------------------------
    def run(self) -> Schema:
        for ent in self.model.entities:
            d = _TableDraft(ent)
            for a in ent.attributes:
                name = _spaced(a.name)
                if name.lower() in ("id", "identifier"):
                    # A bare "ID" is qualified by its entity: "Author ID" reads the same in every table.
                    name = f"{ent.name} ID"
                    self.decide(f"{ent.name}.{name}", f"'{a.name}' named {name}", "key names carry their entity", a.span)
                if name not in d.attrs:
                    d.columns.append(name)
                    d.attrs[name] = a
            self.drafts[loose(ent.name)] = d
            self.decide(f"table {ent.name}", f"table {ent.name}", "an entity of the requirements becomes a table",
                        ent.spans[0] if ent.spans else None)
        # each entity's loose name and its words, split once: every table compares itself with all the others
        self._entity_words = [(k, k.split()) for k in (loose(e.name) for e in self.model.entities)]
        for d in self.drafts.values():
            self._choose_identifier(d)
        for d in self.drafts.values():
            self._resolve_references(d)
        self._records_of_named_things()
        for d in self.drafts.values():
            if not d.pk:
                self._key_without_identifier(d)
        # a role's own table is keyed by its kind's key first, so links to the role point at that key
        for rel in sorted(self.model.relationships, key=lambda r: not r.subtype):
            if not rel.fallback:
                self._apply_relationship(rel)
        self._mutual_references_to_junctions()
        self._classified_by_kind()
        for rel in self.model.relationships:
            record = self.drafts.get(loose(rel.right))
            if rel.fallback and record is not None and not record.fks:
                self._apply_relationship(rel)  # a record linked to nothing else is of the person named with it
        self._goods_of_records()
        self._drop_link_placeholders()
        self._fold_hollow_heads()
        self._links_held_by_junctions()
        for d in list(self.drafts.values()):
            self._document_lines(d)
        return self._build()

    def _goods_columns(self, d: _TableDraft) -> list[str]:
        fk_cols = {c for c, _, _ in d.fks}
        return [c for c in d.columns if c not in d.pk and c not in fk_cols and _names_goods(c)]

    def _goods_of_records(self) -> None:
        """"For each production record the produced product; for sales the products sold", with no Product
        table: the goods are the one table some such record is already linked to ("sales of textiles"),
        so every record naming the goods holds that table's key instead of a loose name."""
        names = self._loose_names()
        products = [o for o in self.drafts.values() if names[id(o)].rsplit(" ", 1)[-1] in GOODS_WORDS]
        if products:
            if len(products) == 1:
                self._sales_of_the_product(products[0])
                self._drop_named_goods(products[0])
            return  # a Product table: "Products Sold" names it and is resolved like any reference
        records = [(d, cols) for d in self.drafts.values() if (cols := self._goods_columns(d))]
        linked = {t for d, _ in records for _, t, _ in d.fks
                  if self.drafts.get(loose(t)) is not None and not _people_name(loose(t))
                  and not self._an_event(self.drafts[loose(t)])}
        if len(linked) != 1:
            return
        goods = self.drafts[loose(next(iter(linked)))]
        if len(goods.pk) != 1:
            return
        key = _fk_column_name(goods)
        for d, cols in records:
            at = d.columns.index(cols[0])
            for col in cols:
                d.columns.remove(col)
            if not any(t == goods.entity.name for _, t, _ in d.fks):
                d.add_foreign_key(key, goods.entity.name, goods.pk[0], at=at)
            self.decide(f"{d.entity.name}.{key}", f"foreign key to {goods.entity.name}.{goods.pk[0]}",
                        f"the {', '.join(cols)} of the record are the {goods.entity.name}")

    def _sales_of_the_product(self, product: _TableDraft) -> None:
        """"Manage product information and sales records": a sale (or production) is of a product, so
        a sale linked to no product and with no lines of its own holds the one product table's key."""
        if len(product.pk) != 1:
            return
        names = self._loose_names()
        referenced = {loose(t) for o in self.drafts.values() for _, t, _ in o.fks}
        for d in self.drafts.values():
            words = names[id(d)].split()
            sold = words[-1] in _SOLD_RECORD_WORDS or (len(words) == 2 and words[-1] in _RECORD_HEADS
                                                       and words[0] in _SOLD_RECORD_WORDS)  # not "Sales Team"
            if d is product or not sold or names[id(d)] in referenced:
                continue
            if any(t == product.entity.name for _, t, _ in d.fks):
                continue
            d.add_foreign_key(_fk_column_name(product), product.entity.name, product.pk[0])
            self.decide(f"{d.entity.name}.{_fk_column_name(product)}",
                        f"foreign key to {product.entity.name}.{product.pk[0]}", "a sale is of a product")

    def _drop_named_goods(self, product: _TableDraft) -> None:
        """A record holding the product's key needs no "Products Produced" beside it."""
        for d in self.drafts.values():
            if any(t == product.entity.name for _, t, _ in d.fks):
                for col in self._goods_columns(d):
                    d.columns.remove(col)

    def _document_lines(self, d: _TableDraft) -> None:
        """"A purchase order records the order number, product number, quantity, price and date": an
        order asks for many things, so the key of the thing counted and its count (and unit price) are
        a line of it, '<Order> Item' keyed by both, not columns of the order."""
        if not _words(d.entity.name) or _words(d.entity.name)[-1] not in COUNTED_DOCUMENTS or len(d.pk) != 1:
            return
        counts = [i for i, c in enumerate(d.columns) if "quantit" in c.lower()]
        if len(counts) != 1 or counts[0] == 0:
            return
        item = d.columns[counts[0] - 1]
        target = next((t for c, t, _ in d.fks if c == item), None)
        if item in d.pk or _words(item)[-1] not in _GENERIC_KEY_WORDS | {"barcode", "isbn", "sku"} \
                or (target is not None and (_people_name(target) or target == d.entity.name)) \
                or (target is None and _people_name(" ".join(_words(item)[:-1]))):
            return  # "customer number, quantity": whose order it is, not what it counts
        line = next((o for o in self.drafts.values() if o is not d and _named_after(o, d)
                     and _words(o.entity.name)[-1] in _LINE_HEADS), None)
        if line is None:
            thing = target or " ".join(item.split()[:-1]) or item
            # "Order Item" as for a linked order; "Supply Request Product" for a request of products
            name = f"{d.entity.name} Item" if _words(d.entity.name)[-1] in LINE_ITEM_OWNERS else f"{d.entity.name} {thing}"
            line = _TableDraft(Entity(name=name, spans=d.entity.spans[:1], weak=True))
            self.drafts[loose(line.entity.name)] = line
        own = next((c for c, t, _ in line.fks if t == d.entity.name), None)
        if own is None:
            own = _fk_column_name(d)
            line.add_foreign_key(own, d.entity.name, d.pk[0], at=0)
        moved = [item, d.columns[counts[0]]] + [c for c in d.columns if _words(c)[-1:] == ["price"] and "total" not in _words(c)]
        for col in moved:
            ref = next(((t, r) for c, t, r in d.fks if c == col), None)
            if col not in line.columns:
                if ref:
                    line.add_foreign_key(col, ref[0], ref[1])
                else:
                    line.columns.append(col)
                    line.attrs[col] = d.attrs.get(col, Attribute(name=col))
            d.columns.remove(col)
            d.attrs.pop(col, None)
            d.fks = [f for f in d.fks if f[0] != col]
        if not line.pk or line.surrogate:
            line.pk = [own, item]
            line.surrogate = False
        self.decide(f"table {line.entity.name}", f"line items of {d.entity.name}",
                    f"{d.entity.name} counts {item} with {moved[1]}: one {d.entity.name} holds many, one line each",
                    d.entity.spans[0] if d.entity.spans else None)

    def _fold_hollow_heads(self) -> None:
        """"Team" known only by a "Team ID" beside the one "Sales Team" of the design: one thing named
        twice, so keys to the team point at the sales team."""
        for key, hollow in list(self.drafts.items()):
            if len(hollow.pk) != 1 or hollow.columns != hollow.pk:
                continue
            fuller = [d for k, d in self.drafts.items() if d is not hollow and k.endswith(" " + key)]
            if len(fuller) != 1 or len(fuller[0].pk) != 1 or (hollow.pk[0] in fuller[0].pk and fuller[0].pk != hollow.pk):
                continue  # "Program Host" keyed by program and host is a link, not the host
            whole = fuller[0]
            whole.fks = [f for f in whole.fks if f[1] != hollow.entity.name]
            if whole.surrogate and hollow.pk[0] in whole.columns:
                # "Repair Station" with a "Station ID" of its own: that is its key, not the added one
                whole.columns.remove(whole.pk[0])
                whole.pk, whole.surrogate = [hollow.pk[0]], False
            for d in self.drafts.values():
                d.fks = [(c, whole.entity.name, whole.pk[0]) if t in (hollow.entity.name, whole.entity.name) else (c, t, r)
                         for c, t, r in d.fks]
            del self.drafts[key]
            self.decide(f"table {hollow.entity.name}", f"folded into {whole.entity.name}",
                        f"nothing but its key is known of {hollow.entity.name}; {whole.entity.name} is the one of its kind", None)

    def _links_held_by_junctions(self) -> None:
        """A "Course Selection" keyed by a student and a course holds which courses each student
        selected: a student's own "Selected Course ID" beside it, named by the same deed, says the same
        as a single course, so it goes (the many-to-many link is the junction's). Another column to the
        other table ("Creator" of an asset, an order's "Pizza ID" beside a production plan) is a fact of
        its own and stays."""
        for j in list(self.drafts.values()):
            targets = {c: t for c, t, _ in j.fks}
            if len(j.pk) != 2 or not all(c in targets for c in j.pk) or targets[j.pk[0]] == targets[j.pk[1]]:
                continue  # with a time in its key ("Start Date") it is a history: a current one may stand beside
            sides = [self.drafts.get(loose(targets[c])) for c in j.pk]
            if None in sides:
                continue
            for one, other in (sides, sides[::-1]):
                if one is j or other is j or len(other.pk) != 1:
                    continue
                key = _words(other.pk[0])
                deeds = _words(j.entity.name)
                for fk in [f for f in one.fks if f[1] == other.entity.name and f[0] not in one.pk
                           and f[0] not in one.unique and _words(f[0])[-len(key):] == key
                           and _named_by_deed(_words(f[0])[:-len(key)], deeds)]:
                    one.fks.remove(fk)
                    if fk[0] in one.columns and not any(c == fk[0] for c, _, _ in one.fks):
                        one.columns.remove(fk[0])
                    self.decide(f"{one.entity.name}.{fk[0]}", "dropped",
                                f"{j.entity.name} links {one.entity.name} and {other.entity.name}, many of each")

    def _drop_link_placeholders(self) -> None:
        """"Student Course Selection Name": the name a merely mentioned thing got stands for nothing
        once the thing turned out to be the link of two others (keyed by their keys)."""
        for d in self.drafts.values():
            placeholder = f"{d.entity.name} Name"
            fk_cols = {c for c, _, _ in d.fks}
            if len(d.pk) >= 2 and set(d.pk) <= fk_cols | {c for c in d.pk if _is_time(c)} and placeholder in d.columns \
                    and [a.name for a in d.entity.attributes] == [placeholder]:
                d.columns.remove(placeholder)

    def _classified_by_kind(self) -> None:
        """"House" and "House Type" both entities: each house is of one house type (a lookup table)."""
        for kind in list(self.drafts.values()):
            words = loose(kind.entity.name).split()
            if len(words) < 2 or words[-1] not in _KIND_HEADS or len(kind.pk) != 1:
                continue
            thing = self.drafts.get(" ".join(words[:-1]))
            if thing is None or thing is kind:
                continue
            if any(t == kind.entity.name for _, t, _ in thing.fks) or any(t == thing.entity.name for _, t, _ in kind.fks):
                continue
            col = _fk_column_name(kind)
            if col in thing.pk:
                continue
            # its "Category" column, or the "Type" a kind keyed by "Type ID" is named by
            stems = (words[-1], loose(kind.entity.name), " ".join(_words(kind.pk[0])[:-1]))
            named = next((c for c in thing.columns if loose(c) in stems and c not in thing.pk
                          and not any(c == f for f, _, _ in thing.fks)), None)
            if named is not None and col not in thing.columns:
                thing.columns[thing.columns.index(named)] = col  # its "Type" column names the kind
                thing.attrs[col] = thing.attrs[named]
            thing.add_foreign_key(col, kind.entity.name, kind.pk[0])
            self.decide(f"{thing.entity.name}.{col}", f"foreign key to {kind.entity.name}",
                        f"{kind.entity.name} classifies {thing.entity.name}: each one is of one kind",
                        kind.entity.spans[0] if kind.entity.spans else None)

    def _records_of_named_things(self) -> None:
        """"Vessel Inspection", "Log Operation", "Order Detail": a table named with another
        entity's name as a modifier records something of that entity, so it points at it (and a record
        of two named things links both). Not when the name is the head ("Cron Trigger" is a kind of
        Trigger) or the record is a classification ("Asset Category")."""
        drafts = list(self.drafts.values())
        names = self._loose_names()
        for d in drafts:
            dw = names[id(d)].replace("-", " ").split()
            line_item = len(dw) > 1 and dw[-1] in _LINE_HEADS and dw[-2] in LINE_ITEM_OWNERS
            # "Equipment Maintenance Event", "Pool Cleaning Activity": an occasion of a deed
            occasion = len(dw) > 2 and dw[-1] in _OCCASION_HEADS and bool(_EVENT_NOUN.search(dw[-2]))
            if len(dw) < 2 or not (_EVENT_NOUN.search(dw[-1]) or line_item or occasion or dw[-1] in _RECORD_OF_HEADS
                                   or dw[-1] in TRANSACTION_NOUNS) or "and" in dw or dw[-1] in COLLECTION_NOUNS:
                continue  # "Bank Account and Transaction" joins two topics: no record of either; a "Stamp
                # Collection" gathers many stamps, it records nothing of one
            for other in drafts:
                ow = names[id(other)].replace("-", " ").split()
                if other is d or not ow or len(ow) >= len(dw) or ow[-1] == dw[-1]:
                    continue
                if not any(dw[i:i + len(ow)] == ow for i in range(len(dw) - len(ow))):
                    continue
                if any(t == other.entity.name for _, t, _ in d.fks) or any(t == d.entity.name for _, t, _ in other.fks):
                    continue
                own_key = d.pk[0] if d.surrogate and d.pk else None
                other_key = loose(other.pk[0]) if other.pk else None
                if any(c != own_key and loose(c) != other_key and ow[-1] in _words(c)[:-1]
                       and _words(c)[-1] in _GENERIC_KEY_WORDS for c in d.columns):
                    continue  # "Achievement Number" already keys the achievement its own way
                if not other.pk:
                    self._key_without_identifier(other, referenced=True)
                if len(other.pk) != 1:
                    continue
                col = _fk_column_name(other)
                if col in d.pk:
                    continue
                d.add_foreign_key(col, other.entity.name, other.pk[0])
                self.decide(f"{d.entity.name}.{col}", f"foreign key to {other.entity.name}",
                            f"{d.entity.name} is named after {other.entity.name}: it records something of it",
                            d.entity.spans[0] if d.entity.spans else None)

    def _mutual_references_to_junctions(self) -> None:
        """An order pointing at its books and a book pointing at its orders: each side has many of the
        other, so the pair is many-to-many and becomes a junction table keyed by both."""
        from ..model.conceptual import Relationship

        seen: set[frozenset] = set()
        for d in list(self.drafts.values()):
            for col, t, rc in list(d.fks):
                other = self.drafts.get(loose(t))
                pair = frozenset((id(d), id(other)))
                if other is None or other is d or pair in seen or col in d.pk or col in d.unique or _role_column(col, rc):
                    continue
                # a role ("Supervisor" of a department) is one person, not the department's employees
                back = [(c, tt, r) for c, tt, r in other.fks if tt == d.entity.name and c not in other.pk
                        and c not in other.unique and not _role_column(c, r)]
                if not back:
                    continue
                seen.add(pair)
                owner = next((o for o, c in ((d, col), *((other, b[0]) for b in back))
                              if _said_as_possessed(o, c, d if o is other else other)), None)
                if owner is not None:
                    # "record the shop's repair request": one shop's many requests, each holding the
                    # shop's key; the shop's column only named them (no second, opposite key)
                    for fk in [f for f in owner.fks if f[1] != owner.entity.name
                               and self.drafts.get(loose(f[1])) in (d, other)]:
                        owner.fks.remove(fk)
                        if fk[0] in owner.columns and fk[0] not in owner.pk:
                            owner.columns.remove(fk[0])
                    continue
                dependent = _named_after(d, other) or _named_after(other, d) or _a_record_of(d, other) or _a_record_of(other, d)
                if dependent is not None:
                    # "Tool Loan Record" and "Tool": the record belongs to the tool; the tool's column
                    # only listed its records.
                    owner = other if dependent is d else d
                    for fk in [f for f in owner.fks if f[1] == dependent.entity.name]:
                        owner.fks.remove(fk)
                        if fk[0] in owner.columns and fk[0] not in owner.pk:
                            owner.columns.remove(fk[0])
                    continue
                for draft, fk in ((d, (col, t, rc)), *((other, b) for b in back)):
                    draft.fks.remove(fk)
                    if fk[0] in draft.columns and not any(c == fk[0] for c, _, _ in draft.fks):
                        draft.columns.remove(fk[0])
                rel = Relationship(left=d.entity.name, right=other.entity.name, left_card=Cardinality.MANY,
                                   right_card=Cardinality.MANY)
                self._junction(d, other, rel)

    def _choose_identifier(self, d: _TableDraft) -> None:
        ent = d.entity
        own_key = loose(ent.name)
        named = [(o, words) for o, words in self._entity_words if o != own_key]
        others = [o for o, _ in named]
        joined = _joined_of(ent.name, named)

        def names_another(c: str) -> bool:
            """"Pizza ID" in a sales order: stated as the pizza's key, it is not the order's. In a "User
            Connection Device" (a link of users and devices) "Device ID" is the device's key too."""
            ref = d.attrs[c].references
            if ref and loose(ref) != loose(ent.name):
                return True  # "Guarantor ID": read as a key of the customer the guarantor is
            words = _words(c)
            own = (len(words) == 1 or _mentions_entity(c, ent.name)) and " ".join(words[:-1]) not in joined
            # "Publisher ID" in a post names the person in that role, not the post
            role = len(words) >= 2 and words[-1] in IDENTIFIER_WORDS and words[-2] in ROLE_NOUNS
            # "Asset Number" of a tool beside a "Tool Asset" table: the tool's own number (see _column_of_modifier)
            mine = loose(ent.name) + " "
            return not own and (role or any(_mentions_entity(c, o) for o in others
                                            if not (o.startswith(mine) and o[len(mine):].split() == words[:-1])))

        stated = [c for c in d.columns if d.attrs[c].identifier and not names_another(c)]
        if stated:
            d.pk = [stated[0]]
            self.decide(f"{ent.name}.{stated[0]}", "primary key", "the text names it the primary key", d.attrs[stated[0]].span)
            return
        candidates = []
        for c in d.columns:
            if not is_identifier_name(c):
                continue
            words = _words(c)
            own = len(words) == 1 or _mentions_entity(c, ent.name)
            if names_another(c):
                continue
            rank = 0 if d.attrs[c].unique else 1 if own else 2
            candidates.append((rank, d.columns.index(c), c))
        if candidates:
            _, _, col = min(candidates)
            d.pk = [col]
            self.decide(f"{ent.name}.{col}", "primary key", "it identifies the entity (ID, number, code)", d.attrs[col].span)

    def _find_target(self, col: str, d: _TableDraft) -> _TableDraft | None:
        """The table a column of ``d`` points at, by the column's name."""
        key = loose(col)
        words = key.split()
        if not words:
            return None
        if len(words) == 1 and key in _HIERARCHY_WORDS and key not in ("next", "previous", "prior"):
            return d  # "each user has one superior": another user
        if len(words) >= 2 and words[0] in _HIERARCHY_WORDS:
            # "Parent Menu ID", "Superior Employee", "Previous Block ID": another row of the same table
            own = loose(d.entity.name)
            rest = " ".join(words[1:-1]) if words[-1] in IDENTIFIER_WORDS else " ".join(words[1:])
            own_key = [loose(d.pk[0])] if len(d.pk) == 1 else []
            if rest in (own, own.split()[-1]) or " ".join(words[1:]) in own_key \
                    or (rest.startswith(own) and len(rest) - len(own) <= 2):  # "Parent Regional ID"
                return d
            if own.split()[-1] in PERSON_NOUNS and (_staff_role(rest) or rest in PERSON_NOUNS):
                return d  # "Superior Manager" of an employee: another employee
        best = None
        named = self._named_drafts()
        head_count = self._head_counts
        word_set, last = set(words), words[-1]
        for other, oname, head in named:
            if other is d:
                continue
            pk = loose(other.pk[0]) if other.pk and len(other.pk) == 1 else None
            if pk is not None and key.endswith(pk):  # the column named like the table's key
                if key == pk and (pk.split()[0] != "id" or len(pk.split()) > 1):
                    return other
                if len(pk.split()) > 1 and key.endswith(" " + pk):
                    best = best or other
            # Every rule below needs the table's head word among the column's words (the two above, the
            # table's key ending the column): skip the rest cheaply (keeps large inputs near-linear).
            if head not in word_set:
                continue
            if key == oname or (len(words) >= 2 and words[-1] in _INFO_WORDS and " ".join(words[:-1]) == oname):
                return other  # "operator", "supplier information"
            if len(words) == 1 and oname.split()[-1] == key and head_count.get(key, 0) == 1 \
                    and key not in _DESCRIPTIVE_HEADS and key not in IDENTIFIER_WORDS:
                best = best or other  # "personnel" when the only personnel is "Maintenance Personnel"
            if len(words) >= 2 and (words[-1] in IDENTIFIER_WORDS or words[-1] in _LOGIN_WORDS) \
                    and " ".join(words[:-1]) == oname:
                return other  # "Airplane Number", "Member Username"
            if len(words) >= 2 and words[-1] in IDENTIFIER_WORDS and " ".join(words[:-1]).endswith(" " + oname):
                best = best or other
            if len(words) >= 2 and words[-1] in IDENTIFIER_WORDS and words[-2] == oname.split()[-1] \
                    and head_count.get(words[-2], 0) == 1 and len(oname.split()) > 1 \
                    and not self._column_of_modifier(col, oname, d):
                best = best or other  # "Process Instance ID" when the only instance is "Execution Instance"
            # "Associated Customer", "Recording Staff": a role of another entity (one of it: a plain
            # singular noun phrase, not "Paying Customers" or "Relationship Between Users")
            if len(words) >= 2 and key.endswith(" " + oname) and words[-1] not in IDENTIFIER_WORDS \
                    and len(oname.split()) >= 1 and not _DESCRIPTIVE_HEADS.intersection(words[-1:]) \
                    and _plain_singular_phrase(col) \
                    and (_people_name(oname) or _role_modifier(words[:len(words) - len(oname.split())])):
                best = best or other
        if best is None and len(words) >= 2 and last in _INFO_WORDS:
            # "Table Information" (the only table is "Dining Table"), "Buyer User Information": the
            # information of the thing is a key to it
            best = self._find_target(" ".join(col.split()[:-1]), d)
        if best is None and len(words) >= 2 and words[-1] in IDENTIFIER_WORDS and words[-2] in ROLE_NOUNS:
            best = self._people()  # "Publisher ID" with no Publisher entity: a role of the people entity
        if best is None and words[-1] in _ACTING_ROLES and _plain_singular_phrase(col):
            best = self._people()  # "Borrower", "Responsible Person": a person of the design in that role
            if best is not None and words[-1] in _SERVING_ROLES and _words(best.entity.name)[-1] in _SERVED_PEOPLE:
                best = None  # the "Handler" of a customer's order works for the business: no customer
        if best is None and _staff_role(col) and (words[-1] in IDENTIFIER_WORDS or self._an_event(d)
                                                  or "charge" in words or "responsible" in words):
            # "Maintenance Staff ID"; "Salesperson" of a sale; the "Person in Charge" or "Responsible
            # Person" of anything (a bare "Manager" of a department is mostly kept as a name)
            best = self._staff(d, users=words[-1] in IDENTIFIER_WORDS)
        if best is None and len(words) == 2 and words[-1] in IDENTIFIER_WORDS:
            # "Promotion ID" beside a Promotional Activity: the one table whose -al modifier the stem makes
            name = named_by_head(words[0], [o.entity.name for o in self.drafts.values()])
            other = next((o for o in self.drafts.values() if o.entity.name == name), None) \
                if name and loose(name).split()[-1] != words[0] else None  # the head itself: the rules above
            best = other if other is not d else None
        return best

    def _column_of_modifier(self, col: str, oname: str, d: _TableDraft) -> bool:
        """"Asset Number" and a "Tool Asset" table: in the tool (or beside the tool's own "Asset Number")
        it is the tool's number, not a key to its assets."""
        owner = self.drafts.get(" ".join(oname.split()[:-1]))
        return owner is not None and (owner is d or col in owner.columns)

    def _named_drafts(self) -> list[tuple[_TableDraft, str, str]]:
        """Each table with its loose name and head word, in table order (rebuilt when the tables change)."""
        drafts = tuple(self.drafts.values())
        if self._named_drafts_of != tuple(map(id, drafts)):
            names = self._loose_names()
            self._named_drafts_list = [(o, names[id(o)], names[id(o)].rsplit(" ", 1)[-1]) for o in drafts]
            self._named_drafts_of = tuple(map(id, drafts))
        return self._named_drafts_list

    def _loose_names(self) -> dict[int, str]:
        """Each table's name in loose form, computed once per set of tables (many columns ask)."""
        if len(self._names_cache) != len(self.drafts):
            self._names_cache = {id(d): loose(d.entity.name) for d in self.drafts.values()}
            self._head_counts = {}
            for oname in self._names_cache.values():
                h = oname.split()[-1] if oname else ""
                self._head_counts[h] = self._head_counts.get(h, 0) + 1
        return self._names_cache

    def _people(self) -> _TableDraft | None:
        heads = {loose(d.entity.name).split()[-1]: d for d in self.drafts.values()}
        for noun in PERSON_NOUNS:
            if noun in heads:
                return heads[noun]
        return None

    def _staff(self, d: _TableDraft, users: bool = True) -> _TableDraft | None:
        """The table of the organization's staff (not ``d``): "Employee", "Staff", "Crew Member", or
        "User" when ``users`` (a "Delivery Person" of a food order is no user of the shop's app, a
        "Delivery Person ID" names a user's key)."""
        names = self._loose_names()
        staff = [o for o in self.drafts.values() if o is not d and set(names[id(o)].split()) <= _STAFF_NAME_WORDS]
        for word in _STAFF_TABLE_WORDS if users else _STAFF_TABLE_WORDS[:5]:
            found = [o for o in staff if word in names[id(o)].split()]
            if len(found) == 1:
                return found[0]
        return None

    @staticmethod
    def _an_event(d: _TableDraft) -> bool:
        """"Sale", "Production", "Repair Record": something that happens, done by someone."""
        head = _words(d.entity.name)[-1]
        return head in TRANSACTION_NOUNS or head in _RECORD_HEADS or bool(_DONE_NOUN.search(head))

    def _resolve_references(self, d: _TableDraft) -> None:
        for col in list(d.columns):
            if col in d.pk:
                continue
            a = d.attrs[col]
            target = None
            if a.references:
                target = self.drafts.get(loose(a.references))
            said = a.span.text if a.span and a.span.text.strip() else col  # "colleges" though named "College"
            if re.sub(r"[^a-z ]", " ", said.lower()).split()[-1:] in (["details"], ["information"], ["info"]):
                said = col  # "creator's details" stands for the creator, one of them
            if target is None and not is_identifier_name(col) and not (_singular_last_word(col) and _singular_last_word(said)):
                continue  # "students", "related attachments": several of them, not a key to one
            if target is None and "per" in _words(col)[1:-1]:
                continue  # "a cost per student", "a price per night": an amount for each one, no key to one
            target = target or self._find_target(col, d)
            if target is None:
                continue
            if self._record_kept_of(d, col, target):
                continue
            if not target.pk and target is not d and _key_named_for(col, target):
                # "Supply Request Number" in a distribution order: the request has that number as its key
                target.columns.insert(0, col)
                target.attrs[col] = Attribute(name=col, identifier=True)
                target.pk = [col]
                self.decide(f"{target.entity.name}.{col}", "added primary key",
                            f"{d.entity.name} refers to it by its {col}", a.span)
            if not target.pk:
                self._key_without_identifier(target, referenced=True)
            if len(target.pk) != 1:
                continue
            ref_col = target.pk[0]
            new_name = col
            if a.role:
                # "a source account": the role names the key in the referenced table's own terms
                new_name = _role_key_name(a.role, target)
                if new_name != col:
                    if new_name in d.columns:
                        d.columns.remove(col)
                        continue
                    d.columns[d.columns.index(col)] = new_name
                    d.attrs[new_name] = a
            tname = loose(target.entity.name)
            cwords = _words(col)
            names_target = loose(col) in (tname, tname.split()[-1]) \
                or (len(cwords) > 1 and cwords[0] in _RELATION_WORDS and " ".join(cwords[1:]) == tname) \
                or (_words(col)[-1] in _LOGIN_WORDS and target is not d)  # "Member Username" -> "Member ID"
            if not a.role and _names_role_of(cwords, tname, target is d) and not is_identifier_name(col) \
                    and not _key_named_by_table(target):
                # "Host Resident" holding a resident's Flat Number: the bare role would read as the resident's
                # own key; its last word says which kind of key it is ("Host Resident Number")
                new_name = f"{col} {ref_col.split()[-1]}"
                if new_name in d.columns:
                    d.columns.remove(col)
                    continue
                d.columns[d.columns.index(col)] = new_name
                d.attrs[new_name] = a
            elif (names_target or (len(_words(col)) == 1 and _words(col)[0] not in ROLE_NOUNS and not _staff_role(col))
                    or _words(col)[-1] in _INFO_WORDS) and not is_identifier_name(col):
                new_name = _fk_column_name(target)  # "operator" -> "Operator ID"
                if target is d and len(cwords) == 1:
                    new_name = _role_key_name(col, target)  # "superior" -> "Superior ID"
                role = cwords[:-1 - len(tname.split())] if cwords[-1] in _INFO_WORDS else []
                if role and cwords[len(role):-1] == tname.split() and target is not d:
                    new_name = _role_key_name(" ".join(col.split()[:len(role)]), target)  # "Buyer User Information"
                if new_name in d.columns:
                    d.columns.remove(col)
                    continue
                d.columns[d.columns.index(col)] = new_name
                d.attrs[new_name] = a
            d.fks.append((new_name, target.entity.name, ref_col))
            self.decide(f"{d.entity.name}.{new_name}", f"foreign key to {target.entity.name}.{ref_col}",
                        f"the {target.entity.name} in the role of {a.role}" if a.role
                        else f"the attribute names {target.entity.name}", a.span)

    def _record_kept_of(self, d: _TableDraft, col: str, target: _TableDraft) -> bool:
        """"Each product has a unique inventory record": a record is kept of the product, so the record
        holds the product's key (the product does not point at one of many shared records)."""
        kept = _kept_record(target) or _words(col)[-1] in _RECORD_HEADS  # "Inventory" named as "inventory record"
        if target is d or len(d.pk) != 1 or is_identifier_name(col) or not kept or _kept_record(d):
            return False
        d.columns.remove(col)
        key = _fk_column_name(d)
        if key not in target.columns:
            target.add_foreign_key(key, d.entity.name, d.pk[0])
            if d.attrs[col].unique:
                target.unique.append(key)
            self.decide(f"{target.entity.name}.{key}", f"foreign key to {d.entity.name}.{d.pk[0]}",
                        f"{target.entity.name} is kept of each {d.entity.name}", d.attrs[col].span)
        return True

    def _key_without_identifier(self, d: _TableDraft, referenced: bool = False) -> None:
        ent = d.entity
        fk_cols = [c for c, _, _ in d.fks]
        time_cols = [c for c in d.columns if c not in fk_cols and _is_time(c)]
        # A one-word entity ("Order", "Team", "Exam") is a principal thing of the domain with an ID of
        # its own; a compound-named record ("Billing Record", "Feed Consumption") is keyed by what it
        # records (and when).
        principal = len(_words(ent.name)) == 1
        own_id = _fk_column_name(d)
        if own_id in d.columns and own_id not in fk_cols:
            d.pk = [own_id]  # "each post has a post ID": its own identifier, whatever else it links
            return
        if len(fk_cols) == 1 and time_cols and not principal:
            # "each billing record has a user ID and a bill date": one row per thing and moment
            d.pk = fk_cols + time_cols[:1]
            self.decide(f"table {ent.name}", "primary key (" + ", ".join(d.pk) + ")",
                        "an event of one thing has no ID of its own: keyed by the thing and when",
                        ent.spans[0] if ent.spans else None)
            return
        referenced = referenced or any(t == ent.name for o in self.drafts.values() if o is not d for _, t, _ in o.fks) \
            or any(_one_side(r) == ent.name or (r.kind == "M:N" and ent.name in (r.left, r.right))
                   for r in self.model.relationships)
        # A one-word noun linking two things at a moment ("a registration of a student for a course,
        # with its time") is an event, keyed like a record unless other tables point at it.
        event = principal and bool(time_cols) and not referenced
        # "a loan has a borrower and a guarantor" (two members): a deal people take part in, not a link
        # of two things at a moment
        roles_of_one_kind = len({t for _, t, _ in d.fks}) < len(d.fks)
        if len(fk_cols) >= 2 and (not principal or (event and not roles_of_one_kind)):
            time_cols = [c for c in d.columns if c not in fk_cols and _is_time(c)]
            d.pk = fk_cols[:3] + time_cols[:1] + _day_of_clock_time(d, time_cols[:1])
            self.decide(f"table {ent.name}", "primary key (" + ", ".join(d.pk) + ")",
                        "a record of its references has no ID of its own: keyed by what it links"
                        + (" and when" if time_cols else ""), ent.spans[0] if ent.spans else None)
            return
        col = _fk_column_name(d)
        if col in d.columns:
            d.pk = [col]
            return
        d.columns.insert(0, col)
        d.attrs[col] = Attribute(name=col, identifier=True)
        d.pk = [col]
        d.surrogate = True
        self.decide(f"{ent.name}.{col}", "added primary key", "the text gives no identifier: a surrogate ID is added",
                    ent.spans[0] if ent.spans else None)

    def _apply_relationship(self, rel) -> None:
        left, right = self.drafts.get(loose(rel.left)), self.drafts.get(loose(rel.right))
        if left is not None and left is right and rel.kind == "M:N" and rel.name and rel.role:
            self._self_junction(left, rel)
            return
        if left is None or right is None or left is right:
            return
        if rel.kind == "M:N":
            self._junction(left, right, rel)
            return
        one, many = left, right
        if rel.left_card is Cardinality.MANY and rel.right_card is Cardinality.ONE:
            one, many = right, left
        if not rel.role and any(t == one.entity.name for _, t, _ in many.fks):
            return  # a role ("Reviewed By") is a second key to the same table; its own column is checked below
        if not rel.role and any(
                d is not one and d is not many and not d.junction
                and {one.entity.name, many.entity.name} <= {t for _, t, _ in d.fks}
                for d in self.drafts.values()):
            return  # a record of the text already links them ("a purchase of an ingredient from a supplier");
            # not a role ("the seller of an item" is no reviewer of it)
        if any(t == many.entity.name for _, t, _ in one.fks) and rel.kind == "1:1":
            return
        if len(one.pk) != 1:
            return
        if rel.definite_one and len(one.entity.attributes) <= 1 and len(many.entity.attributes) > 1:
            # "The university comprises multiple departments" with nothing said of the university: the
            # setting of the text, not a parent the described departments would point at.
            return
        col = one.pk[0] if len(_words(one.pk[0])) > 1 else _fk_column_name(one)
        if rel.role and one is not many:
            col = _role_key_name(rel.role, one)  # "one employee as the supervisor": "Supervisor ID"
        elif one.keyed_by_kind and one is not many:
            col = f"{one.entity.name} ID"  # a seller's products hold the "Seller ID" (the seller's user key)
        if col in many.columns and any(c == col for c, _, _ in many.fks):
            return
        many.add_foreign_key(col, one.entity.name, one.pk[0], at=0 if rel.subtype and many.surrogate else None)
        if rel.subtype and rel.kind == "1:1" and many.surrogate and many.pk and not many.keyed_by_kind:
            # "users can be sellers; a seller has a shop name": the seller row is the user's, keyed by it
            many.columns.remove(many.pk[0])
            many.attrs.pop(many.pk[0], None)
            many.pk = [col]
            many.surrogate = False
            many.keyed_by_kind = True
            self.decide(f"table {many.entity.name}", f"primary key ({col})",
                        f"a {many.entity.name.lower()} is a {one.entity.name.lower()} in that role: one row per "
                        f"{one.entity.name.lower()}, keyed by its key", rel.span)
            return
        if rel.kind == "1:1":
            many.unique.append(col)
        how = "stated" if rel.stated else "assumed (cardinality not stated)"
        self.decide(f"{many.entity.name}.{col}", f"foreign key to {one.entity.name}",
                    f"{rel.kind} relationship, {how}: the key goes on the many side", rel.span)

    def _self_junction(self, d: _TableDraft, rel) -> None:
        """"Each user can follow other users": a table of pairs of users, the second named by its role
        ("User ID", "Followed User ID"). The text's own table for it ("as contacts" -> Contact, "Follower"
        for follow) holds the pair when there is one."""
        if len(d.pk) != 1:
            return
        col = d.pk[0] if len(_words(d.pk[0])) > 1 else _fk_column_name(d)
        verb = _words(rel.name)[-1]
        own = self.drafts.get(loose(rel.name)) or next(
            (self.drafts[k] for k in (verb + "er", verb + "r", verb + "or") if k in self.drafts), None)
        if own is d:
            return
        j = own or _TableDraft(Entity(name=rel.name, spans=[rel.span] if rel.span else [], weak=True))
        cols = []
        for c in (col, f"{rel.role} {col}"):
            j.add_foreign_key(c, d.entity.name, d.pk[0], at=len(cols) + (1 if j.surrogate else 0))
            cols.append(c)
        for fk in [f for f in d.fks if own is not None and f[1] == own.entity.name]:
            d.fks.remove(fk)  # "User.Follower ID" only listed the followers the pair table now holds
            if fk[0] in d.columns and fk[0] not in d.pk:
                d.columns.remove(fk[0])
        referenced = any(t == j.entity.name for o in self.drafts.values() if o is not j for _, t, _ in o.fks)
        if own is None:
            j.pk = cols
            self.drafts[loose(rel.name)] = j
        elif j.surrogate and not referenced:
            j.columns.remove(j.pk[0])
            j.pk, j.surrogate = cols, False
            placeholder = f"{j.entity.name} Name"
            if [a.name for a in j.entity.attributes] == [placeholder] and placeholder in j.columns:
                j.columns.remove(placeholder)
        self.decide(f"table {j.entity.name}", "junction table",
                    f"many-to-many between {d.entity.name} rows: keyed by both", rel.span)

    def _junction(self, a: _TableDraft, b: _TableDraft, rel) -> None:
        for d in self.drafts.values():
            targets = {t for _, t, _ in d.fks}
            if a.entity.name in targets and b.entity.name in targets:
                return  # an entity of the text already links them (an enrolment, a record)
        for x, y in ((a, b), (b, a)):
            own = [c for c, t, _ in x.fks
                   if t == y.entity.name and x.attrs.get(c) in x.entity.attributes and not x.attrs[c].role]
            if own and not (rel.attributes or rel.name or rel.role) and _acts_on_many(rel, x, y):
                # "students select courses" where "the student's course ID" was read: one column cannot
                # hold the many things the subject acts on; the key is the link's, not the subject's
                for c in own:
                    x.columns.remove(c)
                    x.attrs.pop(c, None)
                x.fks = [fk for fk in x.fks if fk[0] not in own]
                continue
            if not (rel.attributes or rel.name or rel.role) and own:
                # "beer manufacturers produce beer types" where each beer type lists its manufacturer
                # number: the text's own column already realizes the relationship (a link with values
                # of its own, "with quantities", or a named one still needs its table; a role column,
                # "Invigilator Staff Number", is another link)
                return
        if len(a.pk) != 1 or len(b.pk) != 1:
            return
        # Only a document's lines are its items ("Order Item"); "suppliers supply products in a quantity"
        # stays "Supplier Product".
        has_quantity = any("quantit" in x.name.lower() for x in rel.attributes) \
            and _words(a.entity.name)[-1] in LINE_ITEM_OWNERS
        # A link that counts things is a line item ("Order Item"); otherwise it is named by both sides.
        name = rel.name or (f"{a.entity.name} Item" if has_quantity else f"{a.entity.name} {b.entity.name}")
        act = None if rel.name or has_quantity else _act_noun(rel.span.text if rel.span else "", a, b)
        if act is not None and len(_words(a.entity.name)) + len(_words(b.entity.name)) <= 4:
            # "each employee can participate in several projects": the link is a participation of the pair
            # (not for long names: "Electrical Grid Infrastructure Project Resource" is name enough)
            name = f"{a.entity.name} {b.entity.name} {act}"
        named_for_both = [d for d in self.drafts.values() if d is not a and d is not b
                          and _named_after(d, a) and _named_after(d, b) and not _named_after(a, b) and not _named_after(b, a)]
        if len(named_for_both) == 1:
            # "Student Course Selection" with students and courses: the text's own table for the link
            self._realize_in(named_for_both[0], a, b, rel)
            return
        named_by_verb = [d for d in self.drafts.values() if d is not a and d is not b and _named_by_verb(d, a, b, rel)]
        if not rel.name and len(named_by_verb) == 1:
            # "students can select courses" and a "Course Selection" of the text: that is the link
            self._realize_in(named_by_verb[0], a, b, rel)
            return
        existing = self.drafts.get(loose(name))
        if existing is not None and rel.name and existing is not a and existing is not b:
            self._realize_in(existing, a, b, rel)
            return
        if existing is not None:
            name = f"{a.entity.name} {b.entity.name}"  # the text's own "Order Item" is another thing
            if loose(name) in self.drafts:
                return
        ent = Entity(name=name, spans=[rel.span] if rel.span else [], weak=True)
        j = _TableDraft(ent, junction=True)
        for side in (a, b):
            col = side.pk[0] if len(_words(side.pk[0])) > 1 else _fk_column_name(side)
            if col in j.columns:
                col = f"{side.entity.name} {col}"
            j.add_foreign_key(col, side.entity.name, side.pk[0])
            j.pk.append(col)
        for attr in rel.attributes:
            if attr.name not in j.attrs:
                j.columns.append(attr.name)
                j.attrs[attr.name] = attr
        if has_quantity:
            # Prices change: a line item keeps the price the linked thing had when it was linked.
            for side in (a, b):
                price = next((c for c in side.columns if "price" in c.lower()), None)
                if price:
                    col = f"{price} at Purchase"
                    j.columns.append(col)
                    j.attrs[col] = Attribute(name=col)
                    self.decide(f"{name}.{col}", "price copied onto the line item",
                                f"{side.entity.name}.{price} can change later; the line keeps the price of the moment",
                                rel.span)
                    break
        self.drafts[loose(name)] = j
        self.decide(f"table {name}", "junction table", "many-to-many: a table keyed by both foreign keys", rel.span)

    def _realize_in(self, d: _TableDraft, a: _TableDraft, b: _TableDraft, rel) -> None:
        """"Members borrow books; each loan records the dates": the entity the text names for the
        relationship is its table. It points at both sides and, unless the text gave it an identifier
        (or others point at it), is keyed by them and when."""
        cols = []
        for side in (a, b):
            have = next((c for c, t, _ in d.fks if t == side.entity.name), None)
            if have is None:
                have = side.pk[0] if len(_words(side.pk[0])) > 1 else _fk_column_name(side)
                # keys first, as they are read
                d.add_foreign_key(have, side.entity.name, side.pk[0], at=len(cols) + (1 if d.surrogate else 0))
            cols.append(have)
        for attr in rel.attributes:
            if attr.name not in d.attrs:
                d.columns.append(attr.name)
                d.attrs[attr.name] = attr
        referenced = any(t == d.entity.name for o in self.drafts.values() if o is not d for _, t, _ in o.fks)
        if d.surrogate and not referenced and len(set(cols)) == 2:
            d.columns.remove(d.pk[0])
            time_cols = [c for c in d.columns if c not in cols and _is_time(c)]
            d.pk = cols + time_cols[:1]
            d.surrogate = False
        self.decide(f"table {d.entity.name}", f"relationship table of {a.entity.name} and {b.entity.name}",
                    "the text names this entity for the relationship: it links both sides", rel.span)

    # -- output --------------------------------------------------------------------------------
    def _build(self) -> Schema:
        tables = []
        types: dict[tuple[str, str], object] = {}
        for d in self.drafts.values():
            for c in d.columns:
                is_key = c in d.pk or any(c == f for f, _, _ in d.fks)
                types[(d.entity.name, c)] = infer_type(c, is_key=is_key)
                a = d.attrs.get(c)
                if a is not None and a.allowed_values and not is_key \
                        and types[(d.entity.name, c)][0].type_class.value != "TEXT" and any(not re.fullmatch(r"[\d.+-]+", v) for v in a.allowed_values):
                    # "a size (small, medium or large)": the listed values are words, whatever the name says
                    types[(d.entity.name, c)] = (DataType.varchar(255), "the text lists word values")
                elif a is not None and a.allowed_values and not any(c == f for f, _, _ in d.fks) \
                        and types[(d.entity.name, c)][0].type_class.value == "NUMERIC" \
                        and not any(ch.isdigit() for v in a.allowed_values for ch in v):
                    # "skill level (beginner, expert)": the values are words; decided here so that a
                    # key's type is the one the foreign keys to it copy
                    types[(d.entity.name, c)] = (DataType.varchar(50), "the text lists word values")
        for d in self.drafts.values():
            ent = d.entity
            fk_types = {}
            for col, t, rc in d.fks:
                if (t, rc) in types:
                    fk_types[col] = types[(t, rc)][0]
            columns = []
            checks = []
            uniques = [UniqueConstraint(columns=[c]) for c in dict.fromkeys(d.unique)]
            fk_cols = {c for c, _, _ in d.fks}
            for c in d.columns:
                dtype, _ = types[(ent.name, c)]
                dtype = fk_types.get(c, dtype)
                required = c in d.pk or c in fk_cols
                a = d.attrs.get(c)
                columns.append(Column(name=c, type=dtype, nullable=not required))
                if a is None:
                    continue
                by_nature = c.lower() in UNIQUE_BY_NATURE and c not in fk_cols  # an ISBN repeats in a loan table
                if (a.unique or by_nature) and d.pk != [c] and c not in d.unique:
                    uniques.append(UniqueConstraint(columns=[c]))
                    self.decide(f"{ent.name}.{c}", "UNIQUE", "the text says unique" if a.unique else
                                "two rows never share it", a.span)
                q = '"' + c.replace('"', "") + '"'
                if a.value_range and dtype.type_class.value == "NUMERIC":
                    lo, hi = (_num(v) for v in a.value_range)
                    checks.append(CheckConstraint(expression=f"{q} BETWEEN {lo} AND {hi}"))
                    self.decide(f"{ent.name}.{c}", f"CHECK between {lo} and {hi}", "the text states the range", a.span)
                elif a.allowed_values and dtype.type_class.value == "TEXT":
                    vals = ", ".join("'" + v.replace("'", "''") + "'" for v in a.allowed_values)
                    checks.append(CheckConstraint(expression=f"{q} IN ({vals})"))
                    self.decide(f"{ent.name}.{c}", "CHECK on listed values", "the text lists the values", a.span)
            seen_fk: set[tuple[str, str]] = set()
            fks = []
            for col, t, rc in d.fks:
                if (col, t) in seen_fk:
                    continue
                seen_fk.add((col, t))
                fks.append(ForeignKey(columns=[col], ref_table=t, ref_columns=[rc]))
            tables.append(Table(name=ent.name, columns=columns, primary_key=PrimaryKey(columns=d.pk) if d.pk else None,
                                foreign_keys=fks, unique_constraints=uniques, check_constraints=checks))
        return Schema(tables=tables)


def _one_side(rel) -> str | None:
    """The entity of a 1:N or 1:1 relationship that the other side points at."""
    if rel.kind == "M:N":
        return None
    return rel.right if rel.left_card is Cardinality.MANY and rel.right_card is Cardinality.ONE else rel.left


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def _acts_on_many(rel, x: _TableDraft, y: _TableDraft) -> bool:
    """Whether the stated many-to-many ``rel`` was read off a sharing verb's clause whose plural object is
    ``y`` and whose subject is ``x`` ("students select courses"; not "manufacturers produce beer types"
    for the beer type's manufacturer column)."""
    if rel.span is None or not rel.stated or rel.kind != "M:N":
        return False
    words = re.findall(r"[a-z]+", rel.span.text.lower())
    yw, xw = _words(y.entity.name), _words(x.entity.name)
    if not set(words) & SHARING_VERBS:
        return False  # "each conversation may involve multiple customers" beside its Customer ID: a column of its own
    return len(words) > len(yw) and [singular(w) for w in words[-len(yw):]] == yw and words[-1] != yw[-1] \
        and not any(singular(w) == xw[-1] for w in words[-len(yw):])


def _named_by_verb(d: _TableDraft, a: _TableDraft, b: _TableDraft, rel) -> bool:
    """"Course Selection" or "Teaching" for "students can select courses" / "teachers teach courses":
    a noun of the relationship's verb, modified by nothing but the sides' names, that points at
    nothing else."""
    if rel.span is None:
        return False
    words = _words(d.entity.name)
    if len(words) > 1 and words[-1] in _RECORD_HEADS:
        words = words[:-1]  # "Rental Record" for "customers can rent bikes": the rentals, kept
    head, side_words = singular(words[-1]), set(_words(a.entity.name)) | set(_words(b.entity.name))
    if not set(words[:-1]) <= side_words or head in side_words:
        return False
    if any(t not in (a.entity.name, b.entity.name) for _, t, _ in d.fks):
        return False
    verbs = [w for w in re.findall(r"[a-z]{4,}", rel.span.text.lower())
             if not {w, singular(w)} & (side_words | {head})]  # the verb, not a mention of a name
    return any(names_event_of(head, v) for v in verbs)


_AUXILIARY_WORDS = frozenset({"can", "may", "must", "should", "will", "could", "would", "shall", "also", "each",
                              "every", "is", "are", "be", "to", "not", "only", "often", "usually"})


def _act_noun(text: str, a: _TableDraft, b: _TableDraft) -> str | None:
    """The noun of the act the clause between the two sides states, when English makes it regularly
    ("participate" -> "Participation", "select" -> "Selection", "reserve" -> "Reservation") or the
    lexicon knows it ("enroll" -> "Enrollment"); None when the words between them are no such verb."""
    side_words = set(_words(a.entity.name)) | set(_words(b.entity.name))
    words = [w for w in re.findall(r"[a-z]+", text.lower())
             if w not in FUNCTION_WORDS and w not in _AUXILIARY_WORDS and not {w, singular(w)} & side_words]
    if not words or a is b:
        return None
    if re.search(r"\bsign(?:s|ed)?\s+up\b", text, re.IGNORECASE):
        return "Sign-up"  # "students sign up for trips": the phrasal verb names the act, not "sign"
    if set(verb_bases(words[0])) & _NOT_ACT_VERBS:
        return None
    noun = event_noun(words[0])
    return noun.title() if noun else None


# Verbs that state no act the pair does together ("reflect", "protect" have event nouns, but no table of
# the pair is named so).
_NOT_ACT_VERBS = frozenset({"reflect", "protect"})


def _named_after(d: _TableDraft, other: _TableDraft) -> _TableDraft | None:
    """``d`` when its name carries the other's name ("Tool Loan Record" after "Tool")."""
    dw, ow = loose(d.entity.name).replace("-", " ").split(), loose(other.entity.name).replace("-", " ").split()
    if len(dw) > len(ow) and any(dw[i:i + len(ow)] == ow for i in range(len(dw) - len(ow) + 1)):
        return d
    return None


def _names_role_of(cwords: list[str], tname: str, same_table: bool) -> bool:
    """"Host Resident", "Guest Resident" for a Resident: a word saying which one, then the table's name."""
    twords = tname.split()
    return not same_table and len(cwords) > len(twords) and cwords[-len(twords):] == twords \
        and cwords[-1] not in _INFO_WORDS


def _key_named_by_table(target: _TableDraft) -> bool:
    """"Resident ID" for a Resident; not "Flat Number" for a Resident."""
    words = _words(target.pk[0])
    return len(words) == 1 or words[:-1] == _words(target.entity.name)


def _role_key_name(role: str, target: _TableDraft) -> str:
    """The key column of a role: "Supervisor" to "Employee ID" -> "Supervisor ID", "Source Account" to
    "Account Number" -> "Source Account Number"; a key that says more than its table's name keeps it all
    ("Referee" to the referee's "License Number" -> "Referee License Number")."""
    ref_col = target.pk[0]
    words = _words(ref_col)
    named_by_table = len(words) == 1 or words[:-1] == _words(target.entity.name)
    return f"{role} {ref_col.split()[-1]}" if words[-1] in _GENERIC_KEY_WORDS and named_by_table else f"{role} {ref_col}"


def _named_by_deed(modifiers: list[str], deeds: list[str]) -> bool:
    """"Selected" and "Course Selection", "Enrolled" and "Enrollment": a participle of the deed a
    name's noun is made from."""
    for m in modifiers:
        stem = m[:-2] if m.endswith("ed") else None
        if stem and len(stem) >= 4 and any(d != m and d.startswith(stem.rstrip("e")) and d[len(stem):].endswith(
                ("ion", "ment", "ing", "al")) for d in deeds):
            return True
    return False


def _role_column(col: str, ref_col: str) -> bool:
    """"Supervisor", "Borrower": a column naming the role of the referenced row, not its key."""
    words = loose(col).split()
    if len(words) > 1 and words[-1] in _GENERIC_KEY_WORDS:
        words = words[:-1]  # "Supervisor ID"
    # "Applicant Student ID": the role may come before the referenced table's name
    return bool(words) and (any(w in ROLE_NOUNS for w in words) or _staff_role(col)) and loose(col) != loose(ref_col)


def _role_modifier(words: list[str]) -> bool:
    """"Associated", "Recording", "Responsible", "Main": words saying which one is meant; not a kind
    of it ("Check-out Application", "Repair Request" are applications and requests of a kind)."""
    first = words[0] if words else ""
    return bool(words) and (bool(re.search(r"(?:ing|ed|er|or|ant|ent|ible|able|ary|ive|ee)$", first))
                            or first in ROLE_NOUNS or first in _ACTING_ROLES or first in _HIERARCHY_WORDS)


def _people_name(name: str) -> bool:
    """"Teacher", "Maintenance Personnel", "Crew Member": a table of people, whom any role names."""
    head = name.split()[-1] if name else ""
    return head in PERSON_NOUNS or head in _STAFF_NAME_WORDS or head in ROLE_NOUNS \
        or bool(re.search(r"(?:er|or|ist|ian|ee)$", head))


def _key_named_for(col: str, target: _TableDraft) -> bool:
    """"Supply Request Number" for a Supply Request: the key of that table, by name."""
    words = _words(col)
    return len(words) > 1 and words[-1] in _GENERIC_KEY_WORDS and words[:-1] == _words(target.entity.name)


def _staff_role(col: str) -> bool:
    """"Manager", "Sales Personnel", "Maintenance Staff ID", "Person in Charge", "Responsible Person": a
    role (with its key word or not) that one of the staff fills."""
    words = loose(col).split()
    if len(words) > 1 and words[-1] in _GENERIC_KEY_WORDS:
        words = words[:-1]
    if words[-3:] == ["person", "in", "charge"] and len(words) == 3:
        return True
    if words[-2:] == ["responsible", "person"] and len(words) == 2:
        return True
    return bool(words) and words[-1] in _STAFF_ROLES and _plain_singular_phrase(" ".join(words))


def _singular_last_word(name: str) -> bool:
    last = re.findall(r"[a-z]+", name.lower())[-1:] or [""]
    return singular(last[0]) == last[0]


def _plain_singular_phrase(name: str) -> bool:
    """"Associated Customer" but not "Paying Customers", "Items Under Each Order", "Sales Status of Building"."""
    raw = name.lower().replace(".", " ").split()
    return bool(raw) and not FUNCTION_WORDS.intersection(raw) and singular(raw[-1]) == raw[-1]


def _joined_names(name: str, others: list[str]) -> set[str]:
    """The two other entities a name is made of, first and last, around the action linking them ("User
    Connection Device" of User and Device), or nothing."""
    return _joined_of(name, [(o, o.split()) for o in others])


def _joined_of(name: str, others: list[tuple[str, list[str]]]) -> set[str]:
    """``_joined_names`` with the others' words split already (each table asks about all the others)."""
    words = loose(name).split()
    first = [o for o, ow in others if len(ow) < len(words) and words[:len(ow)] == ow]
    last = [o for o, ow in others if len(ow) < len(words) and words[-len(ow):] == ow]
    if not first or not last:
        return set()
    head, tail = max(first, key=len), max(last, key=len)
    middle = words[len(head.split()):len(words) - len(tail.split())]
    # the action between them names the link ("Connection", "Payment"); "Sales Team" is no link of sales
    return {head, tail} if middle and any(_EVENT_NOUN.search(w) for w in middle) else set()


def _a_record_of(d: _TableDraft, other: _TableDraft) -> _TableDraft | None:
    """``d`` when it is a record ("Maintenance Record", "Access Log") and the other is not: a thing has
    its records, a record is of one thing."""
    if _words(d.entity.name)[-1] in _RECORD_HEADS and _words(other.entity.name)[-1] not in _RECORD_HEADS:
        return d
    return None


def _kept_record(d: _TableDraft) -> bool:
    """"Inventory Record", "Audit Log", "Order History": a record kept of something."""
    words = _words(d.entity.name)
    return bool(words) and words[-1] in _RECORD_HEADS


def _names_goods(col: str) -> bool:
    """"Products Sold", "Produced Product", "Products in Stock": the goods a record is of."""
    words = loose(col).split()
    return bool(GOODS_WORDS.intersection(words)) and len(words) <= 3 \
        and all(w in GOODS_WORDS or w in GOODS_EVENT_WORDS for w in words)


def _fk_column_name(d: _TableDraft) -> str:
    pk = d.pk[0] if d.pk else None
    if pk and (len(_words(pk)) > 1 or _words(pk)[0] not in _GENERIC_KEY_WORDS):
        return pk  # "Flight Number", "ISBN": the key's own name reads the same in every table
    if pk and _words(pk)[0] in ("number", "code", "no"):
        return f"{d.entity.name} {pk}"  # a flat keyed by its "Number" is referred to by its Flat Number
    return f"{d.entity.name} ID"


def design_logical(model: ConceptualModel) -> tuple[Schema, list[Decision]]:
    designer = LogicalDesigner(model)
    schema = designer.run()
    return schema, designer.decisions


__all__ = ["design_logical", "is_identifier_name", "singular"]
