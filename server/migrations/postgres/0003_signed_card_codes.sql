-- Signed card codes: each phone card has its own public key (ECDSA P-256, the private half stays
-- on the phone), a recovery code to move it to a new phone, and printed cards are signed by the
-- shop's own key.

ALTER TABLE cards ADD COLUMN public_key TEXT;
ALTER TABLE cards ADD COLUMN recovery_hash TEXT;
CREATE UNIQUE INDEX cards_by_recovery ON cards (recovery_hash) WHERE recovery_hash IS NOT NULL;
-- A printed card (no phone, no token ever given out): stamps and points only.
ALTER TABLE cards ADD COLUMN printed BOOLEAN NOT NULL DEFAULT FALSE;

-- The shop's key for printed cards: the secret scalar (hex) and the public key (wire form).
ALTER TABLE shops ADD COLUMN printed_card_secret TEXT;
ALTER TABLE shops ADD COLUMN printed_card_key TEXT;

-- Each (card, time step) of a rotating code is used by one tablet only: the first to show it
-- to the server. A screenshot shown at another till is caught here.
CREATE TABLE code_uses (
    card_id   TEXT NOT NULL REFERENCES cards (id),
    step      BIGINT NOT NULL,
    device_id TEXT NOT NULL REFERENCES devices (id),
    used_at   TEXT NOT NULL,
    PRIMARY KEY (card_id, step)
);
