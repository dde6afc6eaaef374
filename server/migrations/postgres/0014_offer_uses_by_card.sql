-- A member's uses of offers, read at each ranking of their card (db::offers::reactions) and for
-- a till's cards (db::offers::uses_of): by the card, which the primary key (offer first) does
-- not serve.
CREATE INDEX offer_uses_by_card ON offer_uses (card_id, offer_id);
