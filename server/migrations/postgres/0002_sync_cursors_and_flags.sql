-- Pull cursors: every change to a card (join, profile, balance) takes the next number of the
-- shop's counter, so a tablet asks for "cards changed after N".
ALTER TABLE cards ADD COLUMN changed_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX cards_by_change ON cards (shop_id, changed_seq);

-- Marks on an event for the owner to review (for example "clock_skew"), comma-separated.
ALTER TABLE events ADD COLUMN flags TEXT;

-- Offline redemption: tablets may redeem rewards costing at most this without a connection
-- (NULL: online only).
ALTER TABLE shops ADD COLUMN offline_redemption_max_cost BIGINT;

-- Each redemption of a card is its n-th: a card's earned rewards have a fixed identity, and no
-- two redemptions can take the same one, whichever replica or tablet stores them.
ALTER TABLE events ADD COLUMN redemption_ordinal BIGINT;
CREATE UNIQUE INDEX events_one_redemption_per_ordinal ON events (card_id, redemption_ordinal)
    WHERE redemption_ordinal IS NOT NULL;
