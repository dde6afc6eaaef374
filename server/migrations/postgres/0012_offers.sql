-- Offers (server/src/offers.rs): what the owner gives whom and when. An offer keeps every
-- version it had (uses and engagement name the version); its audience is kept up to date by
-- the server (held-out members included, marked) so every replica and till agrees on it.
CREATE TABLE offers (
    id          TEXT PRIMARY KEY,
    shop_id     TEXT NOT NULL REFERENCES shops (id),
    -- The current version.
    version     INTEGER NOT NULL,
    -- active, paused or ended.
    status      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX offers_by_shop ON offers (shop_id, status);

-- Each version as the owner wrote it (an OfferInput, JSON).
CREATE TABLE offer_versions (
    offer_id    TEXT NOT NULL REFERENCES offers (id),
    version     INTEGER NOT NULL,
    definition  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (offer_id, version)
);

-- The offer's audience: every member it was ever meant for. `held_out` members never see it
-- (the draw is a hash of the offer and the card: it never changes); `left_at` is set while a
-- member no longer meets its rules (their phone's earlier events about it still count).
CREATE TABLE offer_members (
    offer_id    TEXT NOT NULL REFERENCES offers (id),
    card_id     TEXT NOT NULL REFERENCES cards (id),
    shop_id     TEXT NOT NULL REFERENCES shops (id),
    held_out    BOOLEAN NOT NULL,
    joined_at   TEXT NOT NULL,
    left_at     TEXT,
    PRIMARY KEY (offer_id, card_id)
);
CREATE INDEX offer_members_by_card ON offer_members (card_id, offer_id);

-- Uses that stand: one row per use, numbered per member from 1 up to the offer's limit. The
-- primary key is what makes an offer meant once usable once, whichever tablets push it.
CREATE TABLE offer_uses (
    offer_id      TEXT NOT NULL REFERENCES offers (id),
    card_id       TEXT NOT NULL REFERENCES cards (id),
    use_no        BIGINT NOT NULL,
    shop_id       TEXT NOT NULL REFERENCES shops (id),
    offer_version INTEGER NOT NULL,
    event_id      TEXT NOT NULL UNIQUE,
    occurred_at   TEXT NOT NULL,
    PRIMARY KEY (offer_id, card_id, use_no)
);

-- Whether offers may be picked for the member from their history, and when they chose.
ALTER TABLE cards ADD COLUMN offers_consent BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE cards ADD COLUMN offers_consent_at TEXT;

-- A shopper's event about an offer names it, and the version the card showed.
ALTER TABLE card_events ADD COLUMN offer_id TEXT;
ALTER TABLE card_events ADD COLUMN offer_version INTEGER;
CREATE INDEX card_events_by_offer ON card_events (offer_id, kind, card_id);
