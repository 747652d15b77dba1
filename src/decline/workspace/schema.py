"""The workspace's schema, as named migrations applied in order and never edited."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One named schema change: statements run in a single transaction."""

    name: str
    statements: tuple[str, ...]


INITIAL = Migration(
    "0001_initial",
    (
        """CREATE TABLE candidate (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL, email TEXT, phone TEXT, linkedin TEXT, city TEXT,
            address TEXT, lang TEXT NOT NULL DEFAULT 'en', grammatical_gender TEXT,
            hourly_rate REAL
        )""",
        """CREATE TABLE priorities (
            kind TEXT NOT NULL CHECK (kind IN ('weight', 'pairwise')),
            criterion TEXT NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (kind, criterion)
        )""",
        """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE offers (
            id TEXT PRIMARY KEY,
            company TEXT NOT NULL, role TEXT NOT NULL, location TEXT, address TEXT,
            currency TEXT, received TEXT, deadline TEXT, base_salary REAL,
            bonus_target_pct REAL, signing_bonus REAL, equity TEXT,
            retirement_match_pct REAL, pto_days REAL, benefits_value REAL, commute TEXT,
            ratings TEXT NOT NULL DEFAULT '{}', liked TEXT,
            added_at TEXT NOT NULL, updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            offer_id TEXT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            name TEXT NOT NULL, honorific TEXT, title TEXT, email TEXT,
            role TEXT NOT NULL DEFAULT 'interviewer',
            UNIQUE (offer_id, name)
        )""",
        """CREATE TABLE decisions (
            offer_id TEXT PRIMARY KEY REFERENCES offers(id) ON DELETE CASCADE,
            decision TEXT NOT NULL CHECK (decision IN ('accept', 'decline')),
            decided_at TEXT NOT NULL
        )""",
        """CREATE TABLE letters (
            id INTEGER PRIMARY KEY,
            offer_id TEXT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
            state TEXT NOT NULL CHECK (state IN ('draft', 'prepared', 'sending', 'sent')),
            via TEXT CHECK (via IN ('smtp', 'eml', 'mailto', 'manual')),
            channel TEXT NOT NULL DEFAULT 'email',
            lang TEXT, tone TEXT, reason TEXT,
            recipient_name TEXT, recipient_email TEXT, sender_email TEXT,
            subject TEXT, body TEXT,
            message BLOB,
            review TEXT, ready INTEGER, graceful INTEGER, score INTEGER,
            error TEXT,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            prepared_at TEXT, sending_at TEXT, sent_at TEXT
        )""",
        "CREATE INDEX letters_by_offer ON letters (offer_id, state)",
        """CREATE TABLE followups (
            id INTEGER PRIMARY KEY,
            offer_id TEXT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
            letter_id INTEGER REFERENCES letters(id) ON DELETE SET NULL,
            contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
            kind TEXT NOT NULL,
            due TEXT NOT NULL,
            title TEXT NOT NULL,
            message TEXT NOT NULL,
            lang TEXT NOT NULL,
            done_at TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (offer_id, kind)
        )""",
    ),
)

CONTACT_LINKEDIN = Migration(
    "0002_contact_linkedin",
    (
        # A contact's own profile, so the LinkedIn follow-up can link to the person.
        "ALTER TABLE contacts ADD COLUMN linkedin TEXT",
        "ALTER TABLE letters ADD COLUMN message_id TEXT",
    ),
)

CONTACT_REGISTER = Migration(
    "0003_contact_register",
    (
        # How the person is addressed (Italian "tu" or "lei"); NULL: the language's default.
        "ALTER TABLE contacts ADD COLUMN register TEXT",
    ),
)

GREETING_AND_ARTICLE = Migration(
    "0004_greeting_name_company_article",
    (
        # The given name a greeting uses ("Wei Ling"), when it is not the name's first word.
        "ALTER TABLE contacts ADD COLUMN greeting_name TEXT",
        # The article the company's name takes in a sentence ("the", "none"); NULL: the rule.
        "ALTER TABLE offers ADD COLUMN company_article TEXT",
    ),
)

CANDIDATE_GREETING_NAME = Migration(
    "0005_candidate_greeting_name",
    (
        # The candidate's own given name to sign with ("Wei Ling"), when it is not the name's
        # first word.
        "ALTER TABLE candidate ADD COLUMN greeting_name TEXT",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (
    INITIAL,
    CONTACT_LINKEDIN,
    CONTACT_REGISTER,
    GREETING_AND_ARTICLE,
    CANDIDATE_GREETING_NAME,
)

# The tables in the order that foreign keys allow them to be filled (export, import).
TABLES = (
    "candidate",
    "priorities",
    "meta",
    "offers",
    "contacts",
    "decisions",
    "letters",
    "followups",
)
