-- A finished offer keeps its result (server/src/offers/effect.rs): when it was ended by the
-- owner (its window closes then), and its effect against the holdout, written once the window
-- has closed and late offline visits have had time to arrive (an OfferEffect, JSON).
ALTER TABLE offers ADD COLUMN ended_at TEXT;
ALTER TABLE offers ADD COLUMN result TEXT;
