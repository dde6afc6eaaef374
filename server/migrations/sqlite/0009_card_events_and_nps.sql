-- What a shopper does on the card (server/src/ledger/phone.rs): events of the phone origin,
-- pushed from the phone's own outbox. They never change a balance, so they live beside the
-- ledger, not in it, and take no number of the shop's pull cursor.
CREATE TABLE card_events (
    id          TEXT PRIMARY KEY,
    shop_id     TEXT NOT NULL REFERENCES shops (id),
    card_id     TEXT NOT NULL REFERENCES cards (id),
    -- The card's own sequence: used once per card, whichever phone holds it.
    card_seq    BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    -- nps_answered: 0 to 10, and the shopper's comment.
    score       BIGINT,
    comment     TEXT,
    -- The event exactly as the phone sent it (canonical JSON): a retry must match it.
    body        TEXT NOT NULL,
    -- The time the server judges by (the phone's, or the server's when the phone's is later).
    occurred_at TEXT NOT NULL,
    -- occurred_at's day in the shop's time zone.
    day         TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (card_id, card_seq)
);
CREATE INDEX card_events_by_card ON card_events (card_id, kind, occurred_at);
-- The owner's NPS panel reads a period's answers.
CREATE INDEX card_events_by_shop_kind_day ON card_events (shop_id, kind, day);
