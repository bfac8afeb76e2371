"""The conceptual reviewer's structural rules, run as code so their verdicts are facts.

The paper's reviewer applies these as pseudocode inside the prompt; here they run before the
reviewer speaks and their findings are handed to it (and override an approval they contradict).
"""

from __future__ import annotations

import re

from .outputs import ConceptualDesign

VALID_CARDINALITIES = {"1:1", "1:N", "N:1", "M:N", "N:M"}
_ID_WORD = re.compile(r"(^|[\s_])(id|identifier|no\.?|number|code)$", re.IGNORECASE)


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("_", " ").split())


def structural_findings(design: ConceptualDesign) -> list[dict]:
    """Every structural error in a conceptual model: ``{"element", "problem", "fix"}`` each."""
    found: list[dict] = []
    names: dict[str, str] = {}
    for e in design.entities:
        key = _norm(e.name)
        if key in names:
            found.append({"element": e.name, "problem": "entity set defined twice",
                          "fix": "merge the two definitions into one entity set"})
        names[key] = e.name
        attrs = {_norm(a) for a in e.attributes}
        if not e.key:
            found.append({"element": e.name, "problem": "entity set has no key",
                          "fix": "choose an identifying attribute (an ID, number or code) as its key"})
        else:
            missing = [k for k in e.key if _norm(k) not in attrs]
            if missing:
                found.append({"element": e.name, "problem": f"key names {missing} which are not attributes",
                              "fix": "add the key attributes to the attribute list or pick existing ones"})
        if e.weak_owner and _norm(e.weak_owner) not in {_norm(x.name) for x in design.entities}:
            found.append({"element": e.name, "problem": f"weak entity's owner {e.weak_owner!r} does not exist",
                          "fix": "name an existing entity set as the identifying owner"})
    for r in design.relationships:
        label = r.name or " - ".join(r.between) or "relationship"
        if len(r.between) != 2:
            found.append({"element": label, "problem": f"links {len(r.between)} entity sets, expected 2",
                          "fix": "make it a binary relationship (split n-ary links into an associative entity)"})
        for ent in r.between:
            if _norm(ent) not in names:
                found.append({"element": label, "problem": f"references entity set {ent!r}, which does not exist",
                              "fix": f"define {ent!r} as an entity set or link an existing one"})
        if r.cardinality.upper().replace(" ", "") not in VALID_CARDINALITIES:
            found.append({"element": label, "problem": f"invalid mapping cardinality {r.cardinality!r}",
                          "fix": "use one of 1:1, 1:N, N:1, M:N"})
        linked_keys = set()
        for ent in r.between:
            e = next((x for x in design.entities if _norm(x.name) == _norm(ent)), None)
            if e:
                linked_keys |= {_norm(k) for k in e.key}
        for a in r.attributes:
            if _ID_WORD.search(a.strip()) and _norm(a) not in linked_keys:
                found.append({"element": label,
                              "problem": f"relationship set has its own identifier {a!r}",
                              "fix": "drop it: a relationship set is identified by the keys of the entities it links"})
    return found
