-- Insights at scale (measured by bench/insights.sh on a shop of 100,000 members).

-- Active members per shop and week (the week's Monday, shop-local): kept in the push
-- transaction when a member's first visit of a week appears or the last one is reversed, so
-- the weekly trend reads one row a week instead of counting each member once a week.
CREATE TABLE shop_weeks (
    shop_id TEXT NOT NULL REFERENCES shops (id),
    week    TEXT NOT NULL,
    active  BIGINT NOT NULL,
    PRIMARY KEY (shop_id, week)
);

-- Scoring reads every visit day of a shop: the day index now holds all it reads, so the read
-- never visits the table. The week index gave way to shop_weeks.
DROP INDEX visit_days_by_shop_week;
DROP INDEX visit_days_by_shop_day;
CREATE INDEX visit_days_by_shop_day
    ON visit_days (shop_id, day, card_id, earnings, amount_minor, weekday, hour);

-- The share of members who came twice or more counts index entries only.
CREATE INDEX member_summaries_repeaters ON member_summaries (shop_id) WHERE visits >= 2;

-- The weeks so far, from the week each visit day has carried since 0007.
INSERT INTO shop_weeks (shop_id, week, active)
SELECT shop_id, week, COUNT(DISTINCT card_id) FROM visit_days WHERE earnings > 0
GROUP BY shop_id, week;
