-- Reads of offers that grew with the shop (server/benches/offers.rs, 100,000 members).
--
-- A member's uses of offers, read at each ranking of their card (db::offers::reactions) and for
-- a till's cards (db::offers::uses_of): by the card, which the primary key (offer first) does
-- not serve.
CREATE INDEX offer_uses_by_card ON offer_uses (card_id, offer_id);

-- Every running audience of a shop, read offer by offer for the whole shop's ranking
-- (db::offers::audiences): only the current members, and covering, so the read walks this
-- index in offer order without touching the table or sorting.
CREATE INDEX offer_members_current ON offer_members (shop_id, offer_id, held_out, card_id)
    WHERE left_at IS NULL;
