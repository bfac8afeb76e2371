"""Word lists the offline engine reads English with. Data only: no logic lives here.

Grouped by the job each list does in the pipeline, so a reader can see at a glance which words
steer which decision. All entries are lower case.
"""

from __future__ import annotations

# -- attribute lists ------------------------------------------------------------------------------
# Phrases that introduce an enumeration of attributes ("each farm has A, B and C"). Longer phrases
# first: the first match in a sentence wins, and "consisting of" must beat "of".
LIST_TRIGGERS: tuple[str, ...] = (
    "is characterized by", "are characterized by", "characterized by", "is described by",
    "consisting of", "consists of", "consist of", "comprising", "comprises", "comprise",
    "composed of", "made up of",
    "including", "includes", "include", "such as", "contains", "contain", "containing",
    "each with", "each having", "each equipped with", "equipped with", "with",
    "has", "have", "having", "must record", "records", "record", "recording", "recorded",
    "stores", "store", "storing", "tracks", "track", "tracking", "captures", "capture",
    "involves", "lists", "holds", "hold", "possesses", "possess", "keeps", "keep", "documenting", "documents", "document",
    "maintains", "maintain", "maintaining", "registers", "register", "defined by", "identified by", "by their", "by its",
    "fields", "attributes", "columns", "properties", "providing",
    "set", "sets",
)

# Words that end an attribute list: a new clause that is not part of the enumeration.
LIST_STOPPERS: tuple[str, ...] = (
    " to ensure", " to facilitate", " to help", " to allow", " to support", " to track", " to record",
    " so that", " so as", " in order", " which ", " ensuring", " for easy", " for later", " for the ",
    " for each", " for subsequent", " that can", " that is", " and can ", " and must", " and should",
    " and is ", " and are ", " and will", " in the system", " where ", " when ", " while ",
    " and the system", " the system", " as well as the ability", " allowing", " enabling",
    " according to", " based on", " used to", " used for", " through which", " via ",
    ", supporting", ", facilitating", ", helping", ", improving", ", enhancing", ", making it",
)

# Leading words stripped from list items and noun phrases.
# Modal verbs: the word after one is a verb ("users can borrow", "each member must pay").
MODAL_VERBS: frozenset[str] = frozenset({"can", "may", "must", "should", "will", "could", "would", "shall"})

DETERMINERS: frozenset[str] = frozenset(
    ["a", "an", "the", "its", "their", "his", "her", "our", "your", "each", "every", "all", "any", "some", "this", "that", "these", "those", "one", "own", "his/her", "basic", "detailed", "relevant", "related", "various", "specific", "certain", "corresponding", "respective", "multiple", "several", "many", "different", "necessary", "other", "additional", "such",
     # counts: "two assistant referees" are assistant referees
     "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
)

# Items of a list that are not attributes ("etc.", "other information").
NON_ATTRIBUTES: frozenset[str] = frozenset({"etc", "other information", "other details", "so on", "more", "others", "other",
               "information", "details", "data", "basic information", "related information",
               "other relevant information", "relevant information", "detailed information",
               # "record key information for each book, such as ...": what the list that follows spells out
               "key information", "important information", "main information", "core information",
               "essential information", "general information", "key data", "key details"})

# Words that open a clause, never an attribute name ("thereby achieving ...", "been reserved").
CLAUSE_WORDS: frozenset[str] = frozenset(["whether", "thereby", "been", "but", "thus", "hence", "therefore",
                                         "otherwise", "however", "instead", "yet", "you", "they", "we"])

# A list item that opens with one of these verbs starts a new clause of the same subject ("the system
# records names, models, tracks inventory quantities, and records suppliers"). Verbs of keeping data:
# their object goes on listing attributes ("tracks inventory quantities" -> Inventory Quantity).
DATA_VERBS: frozenset[str] = frozenset(
    ["records", "tracks", "stores", "maintains", "keeps", "registers", "captures", "logs", "saves", "sets",
     "holds", "notes", "documents", "details", "manages", "manage", "maintain", "capture", "specifies"]
)
DATA_PARTICIPLES: frozenset[str] = frozenset(
    ["recorded", "tracked", "stored", "maintained", "kept", "registered", "captured", "logged", "saved", "noted",
     "documented"]
)
DATA_GERUNDS: frozenset[str] = frozenset(
    ["setting", "recording", "tracking", "storing", "maintaining", "managing", "capturing", "registering",
     "logging", "keeping", "saving", "documenting"]
)
# Verbs of doing something: the clause names an operation, not data ("analyzes sales trends").
OPERATION_VERBS: frozenset[str] = frozenset(
    ["analyzes", "analyses", "evaluates", "provides", "supports", "assigns", "generates", "calculates", "allows",
     "enables", "ensures", "helps", "sends", "displays", "shows", "creates", "deletes", "adds", "defines",
     "establishes", "determines", "handles", "performs", "facilitates", "allocates", "verifies", "approves",
     "publishes", "monitors", "notifies", "implements", "improves", "achieves", "automates", "optimizes",
     "provide", "modify", "delete", "ensure", "specify", "define", "allow", "enable", "facilitate", "assign",
     "determine", "analyze", "analyse", "evaluate", "implement", "achieve", "improve", "calculate", "perform",
     "establish", "allocate", "obtain", "support", "generate", "monitor", "optimize", "help"]
)

# -- entities -------------------------------------------------------------------------------------
# Nouns that never name an entity of the domain: the system itself, pronouns, abstract words.
GENERIC_OWNERS: frozenset[str] = frozenset(
    ["system", "database", "platform", "module", "function", "functions", "application", "app", "software", "website", "it", "they", "this", "these", "which", "that", "we", "he", "she", "there", "who", "what", "management", "business", "requirement", "requirements", "functionality", "interface", "you", "i", "us", "them", "company", "enterprise", "organization", "administrator", "admin"]
)
# Words that make an "application" the software itself ("web application"), not a request in the domain.
SOFTWARE_KINDS: frozenset[str] = frozenset(
    ["web", "mobile", "desktop", "software", "online", "client", "server", "management", "android", "ios", "java",
     "cloud", "native", "hybrid", "enterprise", "business", "this", "entire", "whole", "new", "the", "an", "our"]
)

# Verbs and adjectives that stand where a subject noun is expected in requirement prose ("The
# system is designed to record", "This ensures", "needs to be able to"): never an entity's head.
NON_ENTITY_HEADS: frozenset[str] = frozenset(
    ["able", "ensure", "aim", "intend", "design", "interact", "support", "follow", "following", "allow",
     "enable", "determine", "facilitate", "need", "needing", "modify", "include", "majority", "addition",
     "responsible", "describe", "help", "provide", "consisting", "aiming", "serve", "achieve", "improve",
     "realize", "implement", "meet", "cover", "focus", "involve", "integrate", "guarantee", "below", "above",
     "whose", "respectively", "etc", "addition", "ability", "capable", "possible", "necessary", "available"]
)

# "contact information", "personal information": kinds of information that are attributes of
# their owner, not entities of their own (unlike "customer information, supplier information").
ATTRIBUTE_INFO_KINDS: frozenset[str] = frozenset(
    ["contact", "personal", "basic", "login", "location", "status", "security", "integrity", "identity",
     "authentication", "background", "financial", "statistical", "historical", "detailed", "additional"]
)

# Words of a function heading that name the operation, not the thing ("Delete User", "Bus Route
# Query", "User Login"): dropped when a heading is read as the topic entity.
HEADING_ACTIONS: frozenset[str] = frozenset(
    ["add", "delete", "remove", "modify", "edit", "update", "view", "post", "answer", "query", "search", "browse",
     "submit", "create", "manage", "check", "login", "logout", "registration", "inquiry", "grading", "obtaining",
     "uploading", "downloading", "submitting", "viewing", "editing", "deleting", "adding", "searching",
     "tracking", "recording", "generation", "adjustment"]
)

# Trailing nouns dropped from an entity name: "Flight information" -> "Flight".
ENTITY_SUFFIX_NOISE: frozenset[str] = frozenset(
    ["information", "info", "details", "detail", "data", "table", "entity", "entities", "list", "lists", "profile", "profiles", "management", "module", "section", "attributes", "fields", "basics", "basic", "detailed", "personal", "general", "related", "relevant", "main", "key", "core", "form"]
)

# Documents made of lines: their "details" are a table of their own, the line items ("order details",
# "invoice details"), not a suffix to drop as in "flight details".
LINE_ITEM_OWNERS: frozenset[str] = frozenset(
    ["order", "orders", "purchase", "sales", "sale", "invoice", "receipt", "bill", "shipment", "delivery",
     "prescription", "quotation", "quote", "transaction"]
)

# Documents that list the things they ask for, one count per thing: a thing's key and its quantity on
# one of them are a line of it ("a purchase order records the product number, quantity and price").
# Not "purchase" or "sale": one sale record is of one product.
COUNTED_DOCUMENTS: frozenset[str] = frozenset(
    ["order", "request", "requisition", "invoice", "prescription", "quotation", "quote"]
)

# Words that can begin an entity phrase but are not part of it ("pieces of equipment").
ENTITY_PREFIX_NOISE: tuple[str, ...] = ("pieces of", "piece of", "kinds of", "kind of", "types of",
                                        "sets of", "set of", "lots of", "a number of", "number of",
                                        "list of", "lists of")

# Words that are not nouns of a noun phrase: they stop a backwards walk over a phrase.
FUNCTION_WORDS: frozenset[str] = frozenset(
    ["a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "about", "as", "into", "onto", "over", "under", "between", "among", "across", "within", "along", "around", "against", "beyond", "toward", "towards", "via", "throughout", "through", "during", "before", "after", "above", "below", "up", "down", "out", "off", "than", "then", "so", "such", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "has", "have", "had", "having", "can", "could", "may", "might", "must", "shall", "should", "will", "would", "need", "needs", "needed", "require", "requires", "required", "want", "wants", "it", "its", "they", "their", "them", "he", "she", "his", "her", "we", "our", "you", "your", "i", "my", "this", "that", "these", "those", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "there", "here", "each", "every", "all", "any", "some", "no", "not", "only", "also", "both", "either", "neither", "one", "own", "same", "other", "another", "many", "much", "more", "most", "several", "multiple", "various", "few", "if", "while", "because", "although", "though", "since", "until", "unless", "whether", "whenever", "once", "upon", "system's", "company's", "user's", "also", "etc"]
)

# Verbs that commonly follow the subject of a sentence; they stop a backwards noun-phrase walk.
COMMON_VERBS: frozenset[str] = frozenset(
    ["possess", "possesses", "manage", "manages", "managed", "managing", "record", "records", "recorded", "recording", "track", "tracks", "tracked", "tracking", "store", "stores", "stored", "storing", "include", "includes", "included", "including", "contain", "contains", "contained", "containing", "own", "owns", "owned", "employ", "employs", "employed", "operate", "operates", "operated", "perform", "performs", "performed", "provide", "provides", "provided", "support", "supports", "supported", "allow", "allows", "allowed", "use", "uses", "used", "make", "makes", "made", "get", "gets", "take", "takes", "taken", "give", "gives", "given", "keep", "keeps", "kept", "hold", "holds", "held", "generate", "generates", "generated", "create", "creates", "created", "add", "adds", "added", "register", "registers", "registered", "maintain", "maintains", "maintained", "identify", "identifies", "identified", "associate", "associates", "associated", "link", "links", "linked", "belong", "belongs", "belonged", "assign", "assigns", "assigned", "place", "places", "placed", "write", "writes", "written", "publish", "publishes", "published", "issue", "issues", "issued", "involve", "involves", "involved", "participate", "participates", "participated", "work", "works", "worked", "teach", "teaches", "taught", "enroll", "enrolls", "enrolled", "select", "selects", "selected", "borrow", "borrows", "borrowed", "buy", "buys", "bought", "sell", "sells", "sold", "rent", "rents", "rented", "book", "books", "booked", "handle", "handles", "handled", "serve", "serves", "served", "visit", "visits", "visited", "attend", "attends", "attended", "apply", "applies", "applied", "conduct", "conducts", "conducted", "document", "documents", "documented", "describe", "describes", "described", "characterize", "characterizes", "characterized", "comprise", "comprises", "comprised", "consist", "consists", "note", "notes", "noted", "log", "logs", "logged", "view", "views", "viewed", "query", "queries", "queried"]
)

# -- verb clauses ---------------------------------------------------------------------------------
# Words in the verb slot of "X <verb> Y" that relate no two things: wanting, needing, enabling.
NOT_SVO_VERBS: frozenset[str] = frozenset(
    ["need", "needs", "want", "wants", "require", "requires", "become", "becomes", "seem", "seems", "mean", "means",
     "ensure", "ensures", "allow", "allows", "enable", "enables", "help", "helps", "let", "lets", "like", "likes",
     "refer", "refers", "represent", "represents", "indicate", "indicates", "vary", "varies", "exist", "exists",
     "happen", "happens", "occur", "occurs", "cost", "costs", "weigh", "weighs", "last", "lasts", "range", "ranges"]
)
# Verbs by which the subject makes, owns, holds, handles or is in charge of what it acts on ("a customer
# places many orders", "each author writes several books", "a manager supervises many employees", "each
# courier carries parcels"): each such thing is one subject's. Any other verb leaves a free-standing object
# shared ("doctors treat patients").
OWNING_VERBS: frozenset[str] = frozenset(
    ["make", "create", "place", "post", "submit", "write", "issue", "generate", "produce", "publish", "author",
     "compose", "file", "open", "raise", "log", "record", "report", "conduct", "perform", "complete", "undertake",
     "own", "hold", "have", "possess", "keep", "maintain", "store", "manage", "supervise", "oversee", "lead", "head", "run", "operate", "employ", "hire",
     "contain", "include", "comprise", "organize", "organise", "host", "schedule", "offer", "provide", "sell",
     "send", "upload", "draft", "prepare", "build", "design", "develop", "found", "establish", "launch", "start",
     "initiate", "register", "add", "enter", "adopt", "breed", "raise", "grow", "plant", "control", "govern",
     "command", "coordinate", "mentor", "advise", "parent", "father", "mother", "bear", "give", "receive", "earn",
     "get", "obtain", "win", "incur", "pay", "fit", "install", "carry", "deliver", "transport", "ship", "load"]
)
# The record a happening to a thing is kept as ("a patient is admitted":
# an Admission; "a car is returned": a Return): the nouns no rule makes. Regular ones ("select" ->
# selection, "verify" -> verification, "reserve" -> reservation) come from words.event_nouns' rules; a
# verb with no record of its own ("a match is played") has none.
EVENT_NOUN_OF_VERB: dict[str, str] = {
    "admit": "admission", "borrow": "loan", "lend": "loan", "rent": "rental", "sell": "sale", "buy": "purchase",
    "pay": "payment", "ship": "shipment", "book": "booking", "renew": "renewal", "approve": "approval",
    "arrive": "arrival", "depart": "departure", "remove": "removal", "register": "registration",
    "cancel": "cancellation", "enrol": "enrolment", "enroll": "enrollment", "assign": "assignment",
    "install": "installation", "replace": "replacement", "treat": "treatment", "clean": "cleaning",
    "vaccinate": "vaccination", "examine": "examination", "evaluate": "evaluation", "weigh": "weighing",
    "measure": "measurement", "check": "check", "test": "test", "adopt": "adoption", "dispatch": "dispatch",
    "return": "return", "repair": "repair", "service": "service", "visit": "visit", "review": "review",
    "transfer": "transfer", "move": "move", "refuel": "refuelling", "maintain": "maintenance", "audit": "audit",
    "sign": "signing", "hand": "handover", "collect": "collection", "survey": "survey", "scan": "scan",
    "teach": "teaching", "deliver": "delivery", "recover": "recovery", "submit": "submission", "enter": "entry",
    "attend": "attendance", "appoint": "appointment", "withdraw": "withdrawal", "contribute": "contribution",
    "distribute": "distribution", "analyze": "analysis", "analyse": "analysis",
    "comment": "comment", "recommend": "recommendation",
}
# Verbs whose ending would take a regular event noun but whose noun is another word or none ("conduct" is
# no "conduction", "expect" no "expection").
NO_REGULAR_EVENT_NOUN: frozenset[str] = frozenset(
    ["affect", "respect", "suspect", "conduct", "contact", "contract", "accept", "expect", "attempt", "prompt",
     "deserve", "product", "district",
     "debate", "update", "template", "candidate", "climate", "estate", "private", "senate", "mandate",
     "certificate", "accurate", "immediate", "ultimate", "advocate", "conflict", "effect", "neglect", "prospect",
     "receipt", "script", "excerpt", "sculpt", "bankrupt"]
)

# Verbs by which the subject brings about or comes by a thing of its own ("overdue loans incur a fine",
# "a driver can receive a ticket", "each user opens an account"): one subject's each time, even when the
# clause counts only one of them.
MAKING_VERBS: frozenset[str] = frozenset(
    ["make", "create", "place", "post", "submit", "write", "file", "open", "raise", "log", "generate", "produce",
     "author", "compose", "draft", "prepare", "upload", "incur", "receive", "earn", "get", "obtain", "win",
     "accumulate", "accrue", "trigger", "cause", "lodge", "issue", "send", "initiate", "publish",
     "leave", "report"]  # "guests leave a review": a review of their own each time
)
# Recurring periods of time: "every season we plant a crop in each field" makes one record per period,
# per crop and per field (the period is a value of the record, not a thing of its own).
PERIOD_NOUNS: frozenset[str] = frozenset(["season", "year", "month", "week", "day", "semester", "term", "quarter",
                                          "night", "weekend", "cycle", "evening", "morning"])
# Verbs by which a thing brings a charge on itself ("overdue loans incur a fine"): the charge is a record.
CHARGE_VERBS: frozenset[str] = frozenset(["incur", "incurs", "trigger", "triggers", "accrue", "accrues"])
# Adjectives of the state a thing is in ("overdue loans", "late payments", "active members"): beside a
# table of the thing itself they pick some of its rows, not another table ("Sales Team" is no state).
STATE_ADJECTIVES: frozenset[str] = frozenset(["late", "overdue", "active", "inactive", "pending", "outstanding",
                                              "delinquent", "existing", "eligible", "valid", "invalid", "new"])
# Irregular past participles of general English verbs, participle -> base verb: the forms no -ed/-en
# suffix rule finds ("sold" -> "sell") or whose base it cannot recover ("taken" -> "take"). One table for
# every reader: attributes ("the date it was paid" -> Date Paid), datatypes ("Date Sold" is a date),
# clauses and understand (a passive "tools bought by members"), relationships (the base verb of "sold").
# The past tense equals the participle for most of these ("paid", "sold"); no reader needs the others.
# STATE_PARTICIPLES below is a different idea (a participle used as an adjective of state).
IRREGULAR_PARTICIPLES: dict[str, str] = {
    "bought": "buy", "brought": "bring", "built": "build", "born": "bear", "begun": "begin", "chosen": "choose",
    "done": "do", "drawn": "draw", "driven": "drive", "eaten": "eat", "found": "find", "given": "give",
    "grown": "grow", "held": "hold", "kept": "keep", "known": "know", "led": "lead", "left": "leave",
    "lent": "lend", "lost": "lose", "made": "make", "met": "meet", "paid": "pay", "put": "put", "read": "read",
    "ridden": "ride", "run": "run", "seen": "see", "sent": "send", "set": "set", "shown": "show", "sold": "sell",
    "spent": "spend", "taken": "take", "taught": "teach", "won": "win", "worn": "wear", "written": "write",
}
# Irregular participles that describe the state a thing is in ("broken leases", "stolen cars"): like
# an -ed word ("damaged rentals"), not part of the thing's name.
STATE_PARTICIPLES: frozenset[str] = frozenset(["broken", "stolen", "paid", "unpaid", "sold", "forgotten", "chosen"])
# Charges one party owes another: a record of one is known by how much it is, not by a name.
CHARGE_NOUNS: frozenset[str] = frozenset(["fine", "penalty", "fee", "surcharge", "charge", "toll", "levy"])
# Verbs of looking data up or describing it ("customers browse products", "staff describe rooms"): the
# actor keeps no link to what was read or described.
# Words that name a container of data ("product list") but are also a plain verb right after a plural
# subject ("sellers list products": each product is offered by one seller).
VERB_LIKE_NOISE: frozenset[str] = frozenset(["list"])
NON_LINKING_VERBS: frozenset[str] = frozenset(
    ["view", "views", "viewed", "browse", "browses", "browsed", "search", "searches", "searched", "query", "queries",
     "queried", "find", "finds", "filter", "filters", "filtered", "print", "prints", "printed", "export", "exports",
     "exported", "sort", "sorts", "sorted", "display", "displays", "displayed", "describe",
     "describes", "described", "explain", "explains", "explained", "mention", "mentions", "mentioned"]
)
# Prepositions a verb takes before its object ("work at", "are parked at", "lend to").
VERB_PREPOSITIONS: frozenset[str] = frozenset(
    ["to", "at", "in", "on", "for", "with", "from", "into", "onto", "by", "under", "within", "through", "across"]
)

# -- cardinality ----------------------------------------------------------------------------------
MANY_WORDS: tuple[str, ...] = (
    "multiple", "many", "several", "various", "a number of", "any number of", "more than one",
    "one or more", "a set of", "a list of", "numerous", "a series of", "different", "zero or more",
    "some", "a variety of", "plenty of", "lots of", "a few", "at least one",
    # a count of two or more is many ("each trip needs at least two teachers")
    "at least two", "at least three", "two or more", "three or more",
)
ONE_WORDS: tuple[str, ...] = ("only one", "exactly one", "a single", "one", "a", "an", "each", "every", "the")
BELONGS_PHRASES: tuple[str, ...] = ("belongs to", "belong to", "is assigned to", "are assigned to",
                                    "is associated with", "are associated with", "is linked to", "linked to",
                                    "are linked to", "is part of", "are part of", "is owned by",
                                    "is managed by", "is operated by", "is handled by", "is placed by",
                                    "is written by", "is issued by", "is made by", "is created by",
                                    "is published by", "is located in", "falls under")

# -- identifiers ----------------------------------------------------------------------------------
IDENTIFIER_WORDS: frozenset[str] = frozenset({"id", "number", "no", "no.", "code", "identifier", "key",
                                              "serial", "num", "uuid", "sn", "isbn"})
# Identifier words that name no particular scheme: alone they need their entity's name ("Customer Code").
GENERIC_IDENTIFIER_WORDS: frozenset[str] = frozenset({"id", "number", "no", "no.", "code", "identifier", "key", "num"})
# "Phone number" and friends end in an identifier word but identify nothing.
NOT_IDENTIFIER_HEADS: frozenset[str] = frozenset(
    ["phone", "telephone", "mobile", "contact", "fax", "cell", "bank", "passport", "floor", "version", "tracking", "postal", "zip", "post", "street", "building", "page", "tax", "insurance", "social", "security", "verification", "confirmation", "activation", "invitation", "iso", "identification"]
)

# -- data types: the last word of an attribute name decides, then any word ---------------------
TYPE_BY_LAST_WORD: dict[str, str] = {
    **dict.fromkeys(["date", "birthday", "dob", "deadline"], "date"),
    **dict.fromkeys(["time", "timestamp", "datetime", "at", "period"], "timestamp"),
    **dict.fromkeys(["price", "amount", "cost", "costs", "fee", "fees", "salary", "balance", "budget", "total", "payment", "revenue", "income", "expense", "expenses", "expenditure", "limit", "traffic", "fine", "fines", "wage", "wages", "charge", "fare", "fares", "toll", "tolls", "commission", "refund", "surcharge", "tuition", "deposit", "rent", "subtotal", "tax", "discount", "sum", "value", "weight", "area", "height", "width", "length", "rate", "ratio", "percentage", "latitude", "longitude", "temperature", "score", "gpa", "rating", "points", "grade", "mileage", "distance", "volume", "depth", "thickness", "diameter", "radius", "altitude", "elevation", "speed", "humidity", "pressure", "gravity"], "decimal"),
    **dict.fromkeys(["quantity", "quantities", "count", "capacity", "age", "stock", "inventory", "hours", "credits", "credit", "year", "years", "duration", "floors", "seats", "pages", "copies", "level", "rank", "priority", "size", "population", "sequence", "order", "days", "minutes", "seconds", "weeks", "months", "visits", "views"], "integer"),
    **dict.fromkeys(["id"], "integer"),
    **dict.fromkeys(["description", "content", "contents", "remarks", "remark", "notes", "note", "comment", "comments", "text", "body", "summary", "details", "bio", "biography", "introduction", "instructions", "feedback", "review", "message", "abstract"], "text"),
    **dict.fromkeys(["email", "mail"], "email"),
    **dict.fromkeys(["phone", "telephone", "mobile", "fax"], "phone"),
    **dict.fromkeys(["flag", "enabled", "active", "deleted", "verified", "available"], "boolean"),
    **dict.fromkeys(["image", "photo", "picture", "avatar", "logo", "attachment", "file"], "varchar"),
}
# "Includes Breakfast", "Allows Pets": a verb opening a column name asks a yes/no question too
BOOLEAN_PREFIXES: tuple[str, ...] = ("is ", "has ", "whether ", "can ", "if ", "includes ", "allows ", "accepts ",
                                     "requires ", "offers ")
TEXT_IS_IDENTIFIER_WORDS: frozenset[str] = frozenset({"code", "isbn", "serial", "uuid", "key", "sn"})
UNIQUE_BY_NATURE: frozenset[str] = frozenset({"email", "username", "user name", "login", "isbn"})

# -- clarifying questions ---------------------------------------------------------------------------
# Attributes that are often entities of their own when the domain grows.
ENTITY_LIKE_ATTRIBUTES: frozenset[str] = frozenset(
    ["address", "department", "category", "supplier", "manufacturer", "author", "publisher", "brand", "teacher", "class", "location", "warehouse", "store", "branch", "team"]
)

# Gerunds of actions a system performs: "supports adding, modifying and deleting" lists operations,
# not attributes.
ACTION_GERUNDS: frozenset[str] = frozenset(
    ["adding", "deleting", "modifying", "creating", "updating", "querying", "viewing", "managing", "editing", "removing", "searching", "publishing", "registering", "logging", "tracking", "maintaining", "entering", "inserting", "retrieving", "browsing", "generating", "exporting", "importing", "uploading", "downloading", "checking", "approving", "reviewing", "monitoring", "analyzing", "analysing", "calculating", "displaying", "filtering", "storing", "saving", "assigning", "handling", "cancelling", "canceling", "submitting", "sending", "receiving", "replying", "supporting", "providing", "ensuring", "allowing", "enabling", "facilitating"]
)

# What a whole enterprise or its software is called after what it does: in "a car rental business",
# "a booking system" the first noun names the trade, not one rental or booking.
ENTERPRISE_WORDS: frozenset[str] = frozenset(
    ["business", "company", "shop", "agency", "firm", "enterprise", "chain", "franchise", "startup", "service",
     "platform", "app", "application", "website", "site", "system", "software", "industry"]
)

# Attributes made of parts: "an address (street, city, postcode)" lists the parts, not the values one
# address may take ("a shift (day, night)").
COMPOSITE_ATTRIBUTE_HEADS: frozenset[str] = frozenset(
    ["address", "name", "location", "contact", "profile", "coordinates", "dimensions", "period", "range"]
)

# Abstract nouns that follow "multiple"/"several" without naming an entity of the domain.
ABSTRACT_NOUNS: frozenset[str] = frozenset(
    ["information", "data", "function", "functions", "feature", "features", "aspect", "aspects", "way", "ways", "time", "times", "type", "types", "kind", "kinds", "operation", "operations", "activity", "activities", "process", "processes", "record", "records", "level", "levels", "step", "steps", "thing", "things", "item", "items", "module", "modules", "detail", "details", "condition", "conditions", "method", "methods", "option", "options", "purpose", "purposes", "reason", "reasons", "field", "fields", "attribute", "attributes", "table", "tables", "entity", "entities", "relationship", "relationships", "dimension", "dimensions", "factor", "factors", "scenario", "scenarios", "task", "tasks", "requirement", "requirements", "measure", "measures",
     "change", "changes", "association", "associations", "situation", "situations", "case", "cases", "instance", "instances", "occurrence", "occurrences",
     "relation", "relations", "interaction", "interactions", "report", "reports"]
)

# -- roles ------------------------------------------------------------------------------------------
# Nouns naming the role a person plays in a record ("Publisher ID", "Captain ID"): when no entity of
# that name exists, the role points at the people entity of the design (role FKs, one entity).
ROLE_NOUNS: frozenset[str] = frozenset(
    ["publisher", "creator", "author", "submitter", "collector", "supervisor", "manager", "reviewer", "approver", "operator", "handler", "recorder", "updater", "modifier", "sender", "receiver", "recipient", "applicant", "organizer", "owner", "leader", "captain", "officer", "inspector", "assignee", "reporter", "responder", "questioner", "commenter", "poster", "uploader", "buyer", "seller", "borrower", "lender", "requester", "agent", "host", "guest", "referee", "judge", "instructor", "coach", "captain", "pilot", "driver", "caller", "callee", "follower", "followee", "inviter", "invitee", "payer", "payee", "initiator", "participant", "responsible", "processor", "examiner", "evaluator", "auditor", "registrant", "issuer", "holder", "signer"]
)
# Things that happen between a person and the business, kept as records ("Rental", "Repayment").
# Records of money moving, and the things it moves on (a person's account, card or wallet).
MONEY_MOVES: frozenset[str] = frozenset(["transaction", "transactions", "payment", "deposit", "withdrawal", "transfer",
                                         "consumption", "expense", "recharge", "top-up", "charge", "refund", "spending"])
MONEY_HOLDERS: frozenset[str] = frozenset(["account", "card", "wallet"])
TRANSACTION_NOUNS: frozenset[str] = frozenset(
    ["sale", "order", "purchase", "rental", "lease", "loan", "payment", "repayment", "refund", "deposit", "withdrawal",
     "transaction", "booking", "reservation", "appointment", "feedback", "complaint", "review", "visit", "claim",
     "subscription", "donation", "expense", "consumption", "attendance", "enrollment", "enrolment", "application",
     "message", "notification", "request", "submission", "check-in", "checkout", "trip", "ride", "delivery"]
)
# Nouns naming a body of people as a whole: a "staff member" or "crew member" is a row of the staff or
# crew table, not a table beside it (a team or a club, with rows of its own, is not one of them).
# A whole made of items whose fields a text lists as the whole's ("the library's collection includes the
# book number, title"): the items are the entity.
COLLECTION_NOUNS: frozenset[str] = frozenset({"collection", "collections", "catalog", "catalogue", "holdings", "fleet",
                                             "portfolio", "assortment"})
COLLECTIVE_PEOPLE: frozenset[str] = frozenset(["staff", "crew", "personnel", "faculty", "workforce"])
# What is done to a thing again and again, each time kept as a record of that thing.
ASSESSMENT_NOUNS: frozenset[str] = frozenset(["evaluation", "assessment", "appraisal", "inspection", "review", "audit"])
# Entities whose rows are people, in order of preference as the target of a role.
PERSON_NOUNS: tuple[str, ...] = ("user", "employee", "staff", "member", "personnel", "person", "account",
                                 "customer", "worker", "administrator", "crew", "student", "teacher")

# Verbs of allotting a thing that exists apart from the one who gets it ("assigns a tutor to each student",
# "allocates a berth to every ship"): each recipient gets one, which may be allotted to others too, so
# the recipient holds its key (unlike "lends a book to each member", where the thing given is the point).
ALLOTTING_VERBS: frozenset[str] = frozenset(
    ["assign", "assigns", "assigned", "assigning", "allocate", "allocates", "allocated", "allocating", "allot",
     "allots", "allotted", "allotting", "appoint", "appoints", "appointed", "appointing", "designate",
     "designates", "designated", "designating"]
)

# Verbs after which "each X can <verb> multiple Y" is many-to-many even when the reverse is unstated:
# the Y exist on their own and are shared (students take courses, readers borrow books; like buying, what
# is sold is sold by many sellers and in many places).
SHARING_VERBS: frozenset[str] = frozenset(
    ["participate", "participates", "attend", "attends", "enroll", "enrolls", "enrol", "enrols", "select", "selects", "choose", "chooses", "pick", "picks", "join", "joins", "borrow", "borrows", "take", "takes", "purchase", "purchases", "buy", "buys", "book", "books", "register", "registers", "subscribe", "subscribes", "follow", "follows", "like", "likes", "favorite", "favorites", "collect", "collects", "visit", "visits", "rent", "rents", "sell", "sells", "reserve", "reserves", "apply", "applies", "teach", "teaches", "play", "plays", "watch", "watches", "read", "reads", "review", "reviews", "rate", "rates", "use", "uses",
     # Work done on things that stay where they are and are worked on by a crew ("workers harvest fields",
     # "mechanics repair vehicles", "nurses treat patients"): the worker does not own what is worked on.
     "harvest", "harvests", "clean", "cleans", "inspect", "inspects", "repair", "repairs", "maintain",
     "maintains", "service", "services", "tend", "tends", "treat", "treats", "serve", "serves"]
)

# Sharing verbs of taking part in something held for many ("students register for trips", "players join
# matches"): even when the thing reads as a record (a trip, a session), each one has many taking part,
# unlike "patients book appointments", where each booked record is one patient's own.
JOINING_VERBS: frozenset[str] = frozenset(
    ["participate", "participates", "attend", "attends", "enroll", "enrolls", "enrol", "enrols", "register",
     "registers", "join", "joins", "subscribe", "subscribes"]
)

# Verbs of booking a place ("students book trips"): the booking is a record between the person and the
# thing booked, unless the thing is itself the arrangement booked ("patients book appointments").
BOOKING_VERBS: frozenset[str] = frozenset(["book", "books", "reserve", "reserves", "prebook", "prebooks"])
# Things held for many, each booked or joined by many people, even when the word may name one person's
# record elsewhere (a trip, a session).
HELD_FOR_MANY_NOUNS: frozenset[str] = frozenset(
    ["trip", "tour", "excursion", "cruise", "outing", "class", "course", "session", "event", "workshop", "seminar",
     "concert", "show", "performance", "screening", "match", "game", "flight", "voyage", "camp", "retreat",
     "lesson", "lecture", "webinar", "conference", "festival", "race"]
)

# People who take part in activities and so are shared by them ("each exhibition has multiple curators":
# a curator works on several exhibitions), unlike the members an organization employs.
PARTICIPANT_NOUNS: frozenset[str] = frozenset(
    ["director", "curator", "speaker", "expert", "host", "participant", "attendee", "performer", "actor",
     "artist", "judge", "referee", "volunteer", "guest", "lecturer", "instructor", "trainer", "coach", "player",
     "reviewer", "author", "presenter", "panelist", "sponsor", "investigator", "researcher", "student", "teacher",
     "producer"]
)
# Organizations that employ or hold people (one each): "each department has multiple employees".
ORGANIZATION_NOUNS: frozenset[str] = frozenset(
    ["department", "company", "team", "organization", "organisation", "school", "college", "university", "class",
     "branch", "store", "shop", "hospital", "unit", "group", "club", "office", "agency", "firm", "station",
     "community", "library", "restaurant", "hotel", "factory", "warehouse", "institution", "institute", "faculty",
     "division", "section", "center", "centre", "enterprise", "clinic", "ward", "household", "family", "dormitory"]
)

# People named by the role they play in one record ("operated by a captain and a first officer"), with the
# kinds of people that play it, most specific first. Roles that share a kind are rows of one table of that
# kind (a crew member is captain on one flight and first officer on the next), reached by one foreign key
# per role. A kind the design already has wins; else the design's people table; else the most general kind.
ROLE_GROUPS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(["captain", "first officer", "pilot", "co-pilot", "copilot", "second officer"], ("Pilot", "Crew Member")),
    **dict.fromkeys(["flight engineer", "navigator", "flight attendant", "purser", "steward", "stewardess",
                     "cabin attendant", "conductor", "deckhand", "helmsman", "skipper"], ("Crew Member",)),
    **dict.fromkeys(["referee", "umpire", "linesman", "linesperson", "line judge", "assistant referee",
                     "fourth official", "timekeeper", "scorekeeper", "video assistant referee"], ("Official",)),
    **dict.fromkeys(["plaintiff", "defendant", "claimant", "respondent", "appellant", "appellee", "petitioner",
                     "complainant", "accused"], ("Party",)),
    **dict.fromkeys(["prosecutor", "defense attorney", "defence lawyer", "attorney", "lawyer", "counsel",
                     "solicitor", "barrister"], ("Lawyer",)),
    **dict.fromkeys(["borrower", "co-borrower", "guarantor", "co-signer", "cosigner", "beneficiary",
                     "account holder", "policyholder", "policy holder", "insured"], ("Customer",)),
    **dict.fromkeys(["sender", "recipient", "receiver", "addressee"], ("User",)),
    **dict.fromkeys(["buyer", "seller"], ("User",)),
    **dict.fromkeys(["surgeon", "anesthesiologist", "anaesthetist", "attending physician", "physician"],
                    ("Doctor", "Staff Member")),
    **dict.fromkeys(["scrub nurse", "nurse", "midwife", "paramedic"], ("Staff Member",)),
    **dict.fromkeys(["supervisor", "co-supervisor", "advisor", "adviser", "co-advisor", "examiner",
                     "second examiner", "external examiner", "second reader"], ("Professor", "Faculty Member")),
}

# Values that exist only for a pair of things (singular forms): how much of one goes into the other, at
# what price, when, in what state, which role one plays in the other, what result it got there ("for
# each ingredient in a recipe, the quantity and unit").
LINK_VALUE_HEADS: frozenset[str] = frozenset(
    ["quantity", "amount", "unit", "price", "cost", "discount", "tax", "fee", "role", "position", "grade", "score",
     "mark", "rating", "result", "earning", "hour", "share", "percentage", "ratio", "sequence", "order", "rank",
     "ranking", "weight", "dosage", "dose", "frequency", "count", "note", "remark", "status", "date", "time",
     "duration", "minute", "number", "level", "stock", "rate"]
)

# Kinds of business that speak of themselves ("The brewery tracks its beers and tanks"): the setting of
# the text, not a table with one row.
BUSINESS_NOUNS: frozenset[str] = ORGANIZATION_NOUNS | frozenset(
    ["brewery", "bakery", "winery", "distillery", "gym", "salon", "spa", "studio", "cafe", "café", "bar", "pub",
     "bistro", "boutique", "pharmacy", "practice", "garage", "workshop", "farm", "ranch", "nursery", "kennel",
     "shelter", "zoo", "museum", "gallery", "theater", "theatre", "cinema", "marina", "airline", "bank", "hostel",
     "inn", "motel", "resort", "academy", "dealership", "franchise", "chain", "startup", "charity", "foundation",
     "association", "cooperative", "co-op", "clinic", "hospital", "practice", "kitchen", "caterer", "florist",
     "laboratory", "lab", "observatory", "orchestra", "choir", "league", "club", "festival", "market", "supermarket",
     "restaurant", "hotel", "store", "shop", "business", "company", "firm", "agency"]
)

# Words a record uses for whatever the business makes or trades ("the products sold", "the produced
# goods") when the text's own name of the thing is another ("textile", "clothing").
GOODS_WORDS = frozenset({"product", "goods", "good", "merchandise", "commodity"})
# Words that only say what happened to the goods in a record ("Products Sold", "Produced Product",
# "Products in Stock"), unlike "Product Name" or "Product Price", values of the goods.
GOODS_EVENT_WORDS = frozenset({"sold", "produced", "purchased", "bought", "ordered", "stocked", "supplied", "delivered",
                               "returned", "shipped", "manufactured", "made", "in", "stock", "received"})
