-- Every event has an origin: the till (a paired device and a staff member), the phone, an
-- import, or the server itself (compensations, which no longer copy the device and sequence of
-- the event they balance). The events table is rebuilt so a server event names no device.
-- Foreign keys that point at events (reversals) are checked at commit: the rows are copied
-- aside, the table is made again under its own name and the rows copied back into it, which
-- resolves every reference the drop left open.
PRAGMA defer_foreign_keys = ON;

CREATE TEMPORARY TABLE events_before AS SELECT * FROM events;
DROP TABLE events;

CREATE TABLE events (
    id                 TEXT PRIMARY KEY,
    shop_id            TEXT NOT NULL REFERENCES shops (id),
    seq                BIGINT NOT NULL,
    card_id            TEXT NOT NULL REFERENCES cards (id),
    origin             TEXT NOT NULL DEFAULT 'till'
                       CHECK (origin IN ('till', 'phone', 'import', 'server')),
    device_id          TEXT REFERENCES devices (id),
    device_seq         BIGINT,
    staff_id           TEXT REFERENCES staff (id),
    location_id        TEXT REFERENCES locations (id),
    kind               TEXT NOT NULL,
    delta              BIGINT NOT NULL,
    amount_minor       BIGINT,
    category           TEXT,
    reward_id          TEXT REFERENCES rewards (id),
    body               TEXT NOT NULL,
    balance_after      TEXT NOT NULL,
    -- The time every rule and figure uses: the device's, or the server's receive time when the
    -- device's was impossible (then `claimed_at` keeps what the device said).
    occurred_at        TEXT NOT NULL,
    claimed_at         TEXT,
    recorded_at        TEXT NOT NULL,
    flags              TEXT,
    redemption_ordinal BIGINT,
    -- A compensation names the event it balances (each is balanced at most once).
    compensates        TEXT UNIQUE,
    UNIQUE (shop_id, seq),
    CHECK (origin <> 'till' OR (device_id IS NOT NULL AND device_seq IS NOT NULL)),
    CHECK (origin <> 'server' OR (device_id IS NULL AND device_seq IS NULL))
);

INSERT INTO events (id, shop_id, seq, card_id, origin, device_id, device_seq, staff_id,
                            location_id, kind, delta, amount_minor, category, reward_id, body,
                            balance_after, occurred_at, claimed_at, recorded_at, flags,
                            redemption_ordinal, compensates)
SELECT e.id, e.shop_id, e.seq, e.card_id,
       CASE WHEN e.flags = 'compensation' THEN 'server' ELSE 'till' END,
       CASE WHEN e.flags = 'compensation' THEN NULL ELSE e.device_id END,
       CASE WHEN e.flags = 'compensation' THEN NULL ELSE e.device_seq END,
       e.staff_id, e.location_id, e.kind, e.delta, e.amount_minor, e.category, e.reward_id, e.body,
       e.balance_after, e.occurred_at, NULL, e.recorded_at, e.flags, e.redemption_ordinal,
       -- Before this version a compensation copied the device and sequence of its event.
       CASE WHEN e.flags = 'compensation' THEN (
           SELECT o.id FROM events_before o
           WHERE o.device_id = e.device_id AND o.device_seq = e.device_seq AND o.id <> e.id
             AND (o.flags IS NULL OR o.flags <> 'compensation')
           ORDER BY o.seq LIMIT 1
       ) END
FROM events_before e;

DROP TABLE events_before;

CREATE INDEX events_by_card ON events (card_id, seq);
CREATE INDEX events_by_staff ON events (staff_id, occurred_at);
CREATE INDEX events_by_shop_time ON events (shop_id, occurred_at);
-- The per-card daily limit reads a card's earning events of the last day.
CREATE INDEX events_by_card_time ON events (card_id, occurred_at);
CREATE UNIQUE INDEX events_one_redemption_per_ordinal ON events (card_id, redemption_ordinal)
    WHERE redemption_ordinal IS NOT NULL;
-- A tablet numbers its events: one event per number.
CREATE UNIQUE INDEX events_one_per_device_seq ON events (device_id, device_seq)
    WHERE origin = 'till';

-- Staff sessions: issued at a PIN switch (or to the owner at pairing); events that need a role
-- carry a proof made with the session's secret, which the server derives from its key.
CREATE TABLE staff_sessions (
    id         TEXT PRIMARY KEY,
    shop_id    TEXT NOT NULL REFERENCES shops (id),
    device_id  TEXT NOT NULL REFERENCES devices (id),
    staff_id   TEXT NOT NULL REFERENCES staff (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX staff_sessions_by_device ON staff_sessions (device_id, created_at);

-- The server's own keys (the staff-session key, the recovery-code key), made once at first
-- start and shared by every replica through the database.
CREATE TABLE server_keys (
    name       TEXT PRIMARY KEY,
    secret     TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Wrong PINs count per member too, so switching tablets does not give a guesser more tries.
ALTER TABLE staff ADD COLUMN pin_failures BIGINT NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN pin_locked_until TEXT;

-- When the tablet last pushed, to flag events made long before it (backdated).
ALTER TABLE devices ADD COLUMN last_push_at TEXT;

-- Wrong owner passwords count per account (keyed by a hash of the e-mail, whether or not an
-- account has it, so the answer does not tell which e-mails exist), in the database so every
-- replica sees the same count.
CREATE TABLE login_failures (
    email_hash   TEXT PRIMARY KEY,
    failures     BIGINT NOT NULL,
    locked_until TEXT,
    updated_at   TEXT NOT NULL
);
