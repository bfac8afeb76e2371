"""Personal data: columns that name a person's data get a classification tag (GDPR/HIPAA/PCI)."""

from __future__ import annotations

from ....model import Schema
from ....model.naming import words
from ..registry import rule

# category -> (name patterns as word tuples, regulations that care)
_CATEGORIES: dict[str, tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]] = {
    "contact": ((("email",), ("e", "mail"), ("phone",), ("mobile",), ("fax",), ("telephone",), ("cell",)),
                ("GDPR", "HIPAA")),
    "identity": ((("ssn",), ("social", "security"), ("national", "id"), ("passport",), ("birth", "date"),
                  ("date", "of", "birth"), ("dob",), ("birthday",), ("tax", "id"), ("driver", "license"),
                  ("first", "name"), ("last", "name"), ("full", "name"), ("gender",)), ("GDPR", "HIPAA")),
    "location": ((("address",), ("street",), ("postal", "code"), ("zip",), ("zipcode",), ("ip",),
                  ("ip", "address"), ("latitude",), ("longitude",), ("geo",)), ("GDPR", "HIPAA")),
    "sensitive": ((("diagnosis",), ("medical",), ("health",), ("prescription",), ("religion",), ("ethnicity",),
                   ("credit", "card"), ("card", "number"), ("iban",), ("cvv",), ("salary",)),
                  ("GDPR art. 9", "HIPAA", "PCI DSS")),
}


def _matches(name: str, patterns) -> bool:
    w = words(name)
    return any(tuple(w[i:i + len(p)]) == p for p in patterns for i in range(len(w) - len(p) + 1))


def _personal(category: str, schema: Schema, ctx):
    patterns, regs = _CATEGORIES[category]
    for t in schema.tables:
        for c in t.columns:
            if _matches(c.name, patterns):
                tags = ("pii", f"pii:{category}") + tuple(r.lower().replace(" ", "-") for r in regs)
                yield ctx.finding(f"{t.name}.{c.name} holds personal data ({category}; {', '.join(regs)})",
                                  table=t.name, column=c.name, tags=tags,
                                  detail="classify it in your data inventory, restrict access, and plan "
                                         "retention, export and erasure")


_WHY = ("Personal data must be inventoried, access-controlled and erasable (GDPR art. 30 and 17); "
        "health data is regulated by HIPAA. Tagging the columns is the first step.")


@rule("SA601", "personal-data-contact", "info", "Contact data (email, phone, fax) is tagged as personal data.", _WHY)
def personal_data_contact(schema: Schema, ctx):
    yield from _personal("contact", schema, ctx)


@rule("SA602", "personal-data-identity", "info",
      "Identity data (names, birth date, national id/SSN, passport, gender) is tagged as personal data.", _WHY)
def personal_data_identity(schema: Schema, ctx):
    yield from _personal("identity", schema, ctx)


@rule("SA603", "personal-data-location", "info",
      "Location data (address, postal code, IP address, coordinates) is tagged as personal data.", _WHY)
def personal_data_location(schema: Schema, ctx):
    yield from _personal("location", schema, ctx)


@rule("SA604", "sensitive-data", "warning",
      "Special-category and payment data (health, religion, card numbers, IBAN, salary) is tagged and flagged.",
      "Special categories (GDPR art. 9), health records (HIPAA) and card data (PCI DSS) need encryption "
      "at rest, audit logging and a legal basis; storing card numbers at all is rarely justified.")
def sensitive_data(schema: Schema, ctx):
    yield from _personal("sensitive", schema, ctx)
