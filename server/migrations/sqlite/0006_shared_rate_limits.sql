-- The rate limits that protect secrets (owner login, staff PINs, card recovery, pairing codes),
-- shared by every replica: per limit and client key (an IPv4 address or an IPv6 /64), the
-- GCRA theoretical arrival time in Unix milliseconds (see server/src/db/limits.rs). Rows whose
-- time has passed mean nothing and are pruned.
CREATE TABLE rate_limits (
    bucket TEXT NOT NULL,
    key    TEXT NOT NULL,
    tat_ms BIGINT NOT NULL,
    PRIMARY KEY (bucket, key)
);
CREATE INDEX rate_limits_by_time ON rate_limits (tat_ms);
