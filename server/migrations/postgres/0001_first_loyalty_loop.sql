-- Regulars: owners, shops, programs, rewards, cards, tablets and the ledger.
-- The PostgreSQL twin of migrations/sqlite/0001: TEXT ids (UUIDs), TEXT timestamps (RFC 3339, UTC),
-- BIGINT numbers, so the same queries run on both engines.

CREATE TABLE owners (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE owner_sessions (
    token_hash TEXT PRIMARY KEY,
    owner_id   TEXT NOT NULL REFERENCES owners (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE shops (
    id              TEXT PRIMARY KEY,
    owner_id        TEXT NOT NULL REFERENCES owners (id),
    slug            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    brand_color     TEXT NOT NULL,
    currency        TEXT NOT NULL,
    time_zone       TEXT NOT NULL,
    program_version BIGINT NOT NULL,
    -- The per-shop event counter: pull cursors follow it. Bumped inside the push transaction.
    event_seq       BIGINT NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL
);

CREATE TABLE locations (
    id         TEXT PRIMARY KEY,
    shop_id    TEXT NOT NULL REFERENCES shops (id),
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Every change of the earning rule is a new version; events name the version they used.
CREATE TABLE program_versions (
    shop_id          TEXT NOT NULL REFERENCES shops (id),
    version          BIGINT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('stamps', 'points')),
    stamps_per_visit BIGINT NOT NULL CHECK (stamps_per_visit > 0),
    points_per_unit  BIGINT NOT NULL CHECK (points_per_unit > 0),
    created_at       TEXT NOT NULL,
    PRIMARY KEY (shop_id, version)
);

CREATE TABLE rewards (
    id          TEXT PRIMARY KEY,
    shop_id     TEXT NOT NULL REFERENCES shops (id),
    name        TEXT NOT NULL,
    cost        BIGINT NOT NULL CHECK (cost > 0),
    value_minor BIGINT,
    active      BOOLEAN NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX rewards_by_shop ON rewards (shop_id);

CREATE TABLE staff (
    id         TEXT PRIMARY KEY,
    shop_id    TEXT NOT NULL REFERENCES shops (id),
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'cashier')),
    pin_hash   TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE pairing_codes (
    code_hash   TEXT PRIMARY KEY,
    shop_id     TEXT NOT NULL REFERENCES shops (id),
    location_id TEXT NOT NULL REFERENCES locations (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);

CREATE TABLE devices (
    id           TEXT PRIMARY KEY,
    shop_id      TEXT NOT NULL REFERENCES shops (id),
    location_id  TEXT NOT NULL REFERENCES locations (id),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT,
    revoked_at   TEXT
);

CREATE TABLE cards (
    id         TEXT PRIMARY KEY,
    shop_id    TEXT NOT NULL REFERENCES shops (id),
    token_hash TEXT NOT NULL UNIQUE,
    first_name TEXT,
    email      TEXT,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX cards_by_shop ON cards (shop_id);

-- The ledger. Append-only: rows are never updated or deleted.
CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    shop_id       TEXT NOT NULL REFERENCES shops (id),
    seq           BIGINT NOT NULL,
    card_id       TEXT NOT NULL REFERENCES cards (id),
    device_id     TEXT NOT NULL REFERENCES devices (id),
    device_seq    BIGINT NOT NULL,
    staff_id      TEXT REFERENCES staff (id),
    location_id   TEXT REFERENCES locations (id),
    kind          TEXT NOT NULL,
    delta         BIGINT NOT NULL,
    amount_minor  BIGINT,
    category      TEXT,
    reward_id     TEXT REFERENCES rewards (id),
    -- The event exactly as the device sent it (canonical JSON): a retry must match it.
    body          TEXT NOT NULL,
    -- The card's balance right after this event (JSON), so a retry gets the first answer again.
    balance_after TEXT NOT NULL,
    occurred_at   TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    UNIQUE (shop_id, seq)
);
CREATE INDEX events_by_card ON events (card_id, seq);

-- A cache of the fold over each card's events, updated in the push transaction.
CREATE TABLE balances (
    card_id          TEXT PRIMARY KEY REFERENCES cards (id),
    shop_id          TEXT NOT NULL REFERENCES shops (id),
    balance          BIGINT NOT NULL,
    earned           BIGINT NOT NULL,
    redeemed         BIGINT NOT NULL,
    rewards_redeemed BIGINT NOT NULL,
    visits           BIGINT NOT NULL,
    last_seq         BIGINT NOT NULL,
    updated_at       TEXT NOT NULL
);
