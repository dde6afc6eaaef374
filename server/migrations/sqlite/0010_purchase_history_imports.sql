-- Imports of a shop's purchase history from a CSV file (server/src/imports.rs). The file is kept
-- with its job until the job is done, so a job survives a restart and any replica can carry it
-- on; each chunk of rows commits with the job's progress, in one transaction.
CREATE TABLE imports (
    id                      TEXT PRIMARY KEY,
    shop_id                 TEXT NOT NULL REFERENCES shops (id),
    file_name               TEXT NOT NULL,
    -- The file as uploaded (UTF-8); emptied once the job is done.
    content                 TEXT NOT NULL,
    status                  TEXT NOT NULL CHECK (status IN
                                ('needs_mapping', 'invalid', 'ready', 'running', 'done', 'failed')),
    -- JSON: the header's column names, the mapping, and the validation's report (bad rows and
    -- the preview).
    columns                 TEXT NOT NULL,
    mapping                 TEXT,
    report                  TEXT NOT NULL,
    rows_total              BIGINT NOT NULL,
    bad_rows                BIGINT NOT NULL,
    skip_bad_rows           BOOLEAN NOT NULL DEFAULT FALSE,
    rows_done               BIGINT NOT NULL DEFAULT 0,
    purchases_added         BIGINT NOT NULL DEFAULT 0,
    purchases_already_there BIGINT NOT NULL DEFAULT 0,
    matched_by_email        BIGINT NOT NULL DEFAULT 0,
    matched_by_customer     BIGINT NOT NULL DEFAULT 0,
    new_members             BIGINT NOT NULL DEFAULT 0,
    -- The replica working on a running job holds it until this time and renews it per chunk;
    -- a job whose lease ran out (its server stopped) is taken up by the next that looks.
    lease_until             TEXT,
    uploaded_at             TEXT NOT NULL,
    started_at              TEXT,
    finished_at             TEXT,
    error                   TEXT
);
CREATE INDEX imports_by_shop ON imports (shop_id, uploaded_at);
CREATE INDEX imports_by_status ON imports (status);

-- The member an import made or matched for each customer value of the shop's files, so the
-- next file's rows for that customer go to the same member.
CREATE TABLE import_customers (
    shop_id  TEXT NOT NULL REFERENCES shops (id),
    customer TEXT NOT NULL,
    card_id  TEXT NOT NULL REFERENCES cards (id),
    PRIMARY KEY (shop_id, customer)
);

-- A purchase imported with a date alone: it counts as a visit of that day, at no hour (the
-- hour x weekday figures leave it out; see server/src/insights/visits.rs).
ALTER TABLE events ADD COLUMN date_only BOOLEAN NOT NULL DEFAULT FALSE;

-- Members are matched by e-mail within their shop.
CREATE INDEX cards_by_shop_email ON cards (shop_id, email);
