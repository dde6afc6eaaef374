-- Every event has an origin: the till (a paired device and a staff member), the phone, an
-- import, or the server itself (compensations, which no longer copy the device and sequence of
-- the event they balance). The PostgreSQL twin of migrations/sqlite/0005: PostgreSQL alters the
-- events table in place where SQLite rebuilds it; the schema that results is the same.

ALTER TABLE events ADD COLUMN origin TEXT NOT NULL DEFAULT 'till'
    CHECK (origin IN ('till', 'phone', 'import', 'server'));
ALTER TABLE events ALTER COLUMN device_id DROP NOT NULL;
ALTER TABLE events ALTER COLUMN device_seq DROP NOT NULL;
-- The time every rule and figure uses: the device's, or the server's receive time when the
-- device's was impossible (then `claimed_at` keeps what the device said).
ALTER TABLE events ADD COLUMN claimed_at TEXT;
-- A compensation names the event it balances (each is balanced at most once).
ALTER TABLE events ADD COLUMN compensates TEXT UNIQUE;

-- Before this version a compensation copied the device and sequence of its event.
UPDATE events AS e SET compensates = (
    SELECT o.id FROM events o
    WHERE o.device_id = e.device_id AND o.device_seq = e.device_seq AND o.id <> e.id
      AND (o.flags IS NULL OR o.flags <> 'compensation')
    ORDER BY o.seq LIMIT 1
)
WHERE e.flags = 'compensation';
UPDATE events SET origin = 'server', device_id = NULL, device_seq = NULL
WHERE flags = 'compensation';

ALTER TABLE events ADD CONSTRAINT events_till_names_its_device
    CHECK (origin <> 'till' OR (device_id IS NOT NULL AND device_seq IS NOT NULL));
ALTER TABLE events ADD CONSTRAINT events_server_names_no_device
    CHECK (origin <> 'server' OR (device_id IS NULL AND device_seq IS NULL));

-- The per-card daily limit reads a card's earning events of the last day.
CREATE INDEX events_by_card_time ON events (card_id, occurred_at);
-- A tablet numbers its events: one event per number.
DROP INDEX events_by_device;
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
