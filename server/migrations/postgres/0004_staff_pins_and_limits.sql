-- Staff with PINs, tablets that count wrong PINs, reversals, and the owner's stamp limits.

-- A deactivated member can no longer switch in on a tablet; the row stays, since events name it.
ALTER TABLE staff ADD COLUMN deactivated_at TEXT;
ALTER TABLE staff ADD COLUMN updated_at TEXT;

-- Wrong PINs in a row on this tablet, and until when it checks no PIN (see protocol::staff).
ALTER TABLE devices ADD COLUMN pin_failures BIGINT NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN pin_locked_until TEXT;

-- Each event is reversed at most once: the reversal that undid it. Written in the push
-- transaction that stores the reversal, whichever replica or tablet sends it.
CREATE TABLE reversals (
    event_id    TEXT PRIMARY KEY REFERENCES events (id),
    reversal_id TEXT NOT NULL UNIQUE,
    shop_id     TEXT NOT NULL REFERENCES shops (id),
    created_at  TEXT NOT NULL
);

-- The owner's limits (NULL: none). Events over them are stored and flagged, never refused.
ALTER TABLE shops ADD COLUMN card_daily_limit BIGINT;
ALTER TABLE shops ADD COLUMN staff_hourly_limit BIGINT;

-- What one staff member did lately (hourly limit, undo, anomalies), and a shop's recent events.
CREATE INDEX events_by_staff ON events (staff_id, occurred_at);
CREATE INDEX events_by_device ON events (device_id, device_seq);
CREATE INDEX events_by_shop_time ON events (shop_id, occurred_at);
