-- Owner insights. The shop's own purchase categories, and summaries of the ledger kept up to
-- date in the push transaction so the Insights pages never scan the events. The summaries are
-- caches like the balances: `regulars-server rebuild-summaries` makes them again from the
-- events, and start-up rebuilds every shop whose `summaries_version` is behind the server's.

-- Categories in the shop's words. Events carry the id, which never changes (renaming keeps
-- history); a removed category is retired, not deleted. Existing shops start with the five
-- tags their tills used.
CREATE TABLE categories (
    shop_id    TEXT NOT NULL REFERENCES shops (id),
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    position   INTEGER NOT NULL,
    retired_at TEXT,
    PRIMARY KEY (shop_id, id)
);
INSERT INTO categories (shop_id, id, name, position)
SELECT s.id, c.id, c.name, c.position FROM shops s,
    (SELECT 'coffee' AS id, 'Coffee' AS name, 0 AS position
     UNION ALL SELECT 'food', 'Food', 1
     UNION ALL SELECT 'drinks', 'Drinks', 2
     UNION ALL SELECT 'retail', 'Retail', 3
     UNION ALL SELECT 'other', 'Other', 4) c;

ALTER TABLE shops ADD COLUMN summaries_version INTEGER NOT NULL DEFAULT 0;

-- One card's shop-local day (see server/src/insights/visits.rs): a visit while `earnings` > 0.
-- `location_id` is '' for events that name none.
CREATE TABLE visit_days (
    card_id      TEXT NOT NULL REFERENCES cards (id),
    day          TEXT NOT NULL,
    -- The Monday of `day`'s week: the weekly trends count each member once a week from it.
    week         TEXT NOT NULL,
    shop_id      TEXT NOT NULL REFERENCES shops (id),
    location_id  TEXT NOT NULL,
    first_at     TEXT NOT NULL,
    weekday      INTEGER NOT NULL,
    hour         INTEGER NOT NULL,
    earnings     BIGINT NOT NULL,
    amount_minor BIGINT NOT NULL,
    amounts      BIGINT NOT NULL,
    PRIMARY KEY (card_id, day)
);
CREATE INDEX visit_days_by_shop_day ON visit_days (shop_id, day, card_id, earnings);
CREATE INDEX visit_days_by_shop_week ON visit_days (shop_id, week, card_id, day, earnings);

-- Per member: first, second and last visit, visits and spend ever.
CREATE TABLE member_summaries (
    card_id          TEXT PRIMARY KEY REFERENCES cards (id),
    shop_id          TEXT NOT NULL REFERENCES shops (id),
    first_day        TEXT,
    -- Days from the first visit to the second (the 30-day repeat rule reads it).
    second_gap_days  INTEGER,
    last_day         TEXT,
    visits           BIGINT NOT NULL,
    amount_minor     BIGINT NOT NULL,
    amounts          BIGINT NOT NULL
);
CREATE INDEX member_summaries_by_first ON member_summaries (shop_id, first_day);
-- Active members of a period are counted from the last visit (server/src/insights/figures.rs).
CREATE INDEX member_summaries_by_last ON member_summaries (shop_id, last_day);

-- Per member and category: purchases that stand and their amounts.
CREATE TABLE member_categories (
    card_id      TEXT NOT NULL REFERENCES cards (id),
    category     TEXT NOT NULL,
    shop_id      TEXT NOT NULL REFERENCES shops (id),
    purchases    BIGINT NOT NULL,
    amount_minor BIGINT NOT NULL,
    PRIMARY KEY (card_id, category)
);

-- Per shop, location and local day: visits, amounts, redemptions.
CREATE TABLE shop_days (
    shop_id        TEXT NOT NULL REFERENCES shops (id),
    location_id    TEXT NOT NULL,
    day            TEXT NOT NULL,
    visits         BIGINT NOT NULL,
    amounts        BIGINT NOT NULL,
    amount_minor   BIGINT NOT NULL,
    redemptions    BIGINT NOT NULL,
    redeemed_value BIGINT NOT NULL,
    PRIMARY KEY (shop_id, location_id, day)
);

-- Per shop, location, local day and hour: visits (the hour x weekday heatmap).
CREATE TABLE shop_hours (
    shop_id     TEXT NOT NULL REFERENCES shops (id),
    location_id TEXT NOT NULL,
    day         TEXT NOT NULL,
    hour        INTEGER NOT NULL,
    visits      BIGINT NOT NULL,
    PRIMARY KEY (shop_id, location_id, day, hour)
);

-- Per shop, local day and category: purchases that stand and their amounts.
CREATE TABLE shop_categories (
    shop_id      TEXT NOT NULL REFERENCES shops (id),
    day          TEXT NOT NULL,
    category     TEXT NOT NULL,
    purchases    BIGINT NOT NULL,
    amount_minor BIGINT NOT NULL,
    PRIMARY KEY (shop_id, day, category)
);

-- The owner's notes on a member.
CREATE TABLE member_notes (
    card_id    TEXT PRIMARY KEY REFERENCES cards (id),
    shop_id    TEXT NOT NULL REFERENCES shops (id),
    note       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- New members per period.
CREATE INDEX cards_by_shop_created ON cards (shop_id, created_at);
