-- Pull cursors: every change to a card (join, profile, balance) takes the next number of the
-- shop's counter, so a tablet asks for "cards changed after N".
ALTER TABLE cards ADD COLUMN changed_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX cards_by_change ON cards (shop_id, changed_seq);

-- Marks on an event for the owner to review (for example "clock_skew"), comma-separated.
ALTER TABLE events ADD COLUMN flags TEXT;
