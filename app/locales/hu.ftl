### Regulars: the Hungarian (hu) messages.
###
### UNREVIEWED DRAFT. This translation was made from en.ftl WITHOUT a native Hungarian speaker
### (machine-assisted). It must be reviewed by a native Hungarian speaker before it is relied on:
### wording, suffixes, articles, tone and the terms below have not been checked by anyone who
### speaks Hungarian natively.
###
### Terms that were hard to choose (see hu.glossary.md; please check these first):
###   till = kassza (the tablet screen and the place: "a kasszánál"); cashier = pénztáros;
###   holdout / held out = kontrollcsoport / a kontrollcsoportban;
###   save (an offer) = félretesz ("Félreteszem a következő látogatásomra", tag "Félretéve");
###   dismiss = elutasít (button "Nem érdekel", figure "Elutasítva");
###   apply (an offer, and the import's Apply button) = Alkalmaz (as on Windows dialogs);
###   undo = visszavonás, reverse / reversal (manager) = sztornó / sztornózás;
###   give stamps / add points = jóváír ("3 pecsét jóváírása", "pont jóváírva");
###   retire (a reward) = archivál (Archiválás / Archivált), reactivate = újraaktivál;
###   deactivate (staff) = inaktivál; block (a card) = letilt; unpair = párosítás megszüntetése;
###   outbox = Kimenő (title "Kimenő műveletek"); held (sync) = függőben; refused = elutasítva;
###   live code = élő kód; secure key = biztonsági kulcs; recovery code = helyreállító kód,
###   kept apart from the owner's reset code = visszaállítási kód;
###   move a card = kártya áthelyezése; set up the card again = kártya újbóli beállítása;
###   regular = törzsvásárló; top customers = legjobb vásárlók; spend = költés;
###   Insights = Elemzések; dashboard = vezérlőpult; admin page = adminfelület;
###   predicted value = várható érték; drifting away = elmaradóban (lévő);
###   NPS groups = ajánló / semleges / kritikus; gift (of an offer) = kedvezmény;
###   segment names (Bajnokok, Hűségesek, Leendő hűségesek, ... Szunnyadók, Elvesztettek);
###   verdict = értékelés; limit = limit (napi pecsétlimit).
###
### Conventions of this file:
### - Form of address: tegezés (familiar "te") for everyone: the shopper, the cashier and the
###   owner. Chosen once because several messages are shared (too-many-tries is read by the
###   shopper and the owner; network-down by all three). A reviewer who prefers magázás for the
###   owner must change the OWNER sections and the shared messages together.
### - Plurals: Hungarian CLDR categories are one and other, and a noun after a number stays
###   singular ("3 pecsét", "12 tag"), so most count messages have no selector at all. A selector
###   is kept only where the sentence differs for 1 (owner-uses-summary "Tagonként egyszer",
###   import-rows, import-skip-bad-note) and for the exact-number keys [0] and [2] of en.ftl.
###   unit leaves $count unused (the word is the same for every number).
### - Variables never carry a case ending (a name, a number or a formatted value cannot take
###   vowel harmony). Sentences are built as "label: value", with postpositions that need no
###   ending (óta, múlva, után, között), with possessives on the noun ("{ $name } kártyája"), or
###   with "a(z)" where an article must stand before a name. The only endings written after a
###   variable are invariant ones: "%-a", "%-kal", "%-os" (százalék always takes back vowels),
###   and "{ $version }. verzió" (an ordinal dot). No article is written directly before a number
###   ("a 10" but "az 1", "az 5").
### - Numbers and decimals are formatted by Intl.NumberFormat (decimal comma); example amounts in
###   the text are written with a comma (12,50), except inside the import's file description,
###   where the dot is what the file may hold.
### - Percent is written without a space ("15%"), ranges with an en dash ("9–10", "14:00–15:00").
### - Weekday names are lower case (they are mostly used inside sentences). NOTE for the code:
###   the Insights heatmap shows the first two letters of each weekday, which gives "sz" for both
###   szerda and szombat; that needs a code change (or a separate short-name message).
### - Column names, commands, addresses and codes are kept as they are: customer, date, amount,
###   category, email, first_name, regulars-server reset-password, /staff, 2026-03-31, 4.50,
###   ABCD-EFGH-JKMN-PQRS, R F M.
### - Everything else follows the header of en.ftl: the same ids and variables; an absent value
###   is the string "none"; $sign is plus, minus, zero or none (a plain string, not a plural
###   category); dates, times and money arrive already formatted. The comments below are the
###   English file's, kept to show who reads each message and what each variable holds.


## General: every page (shopper, cashier and owner)

loading = Betöltés…
network-down = Nincs kapcsolat a szerverrel. Ellenőrizd a térerőt vagy a hálózatot, és próbáld újra.
unexpected-answer = A szerver olyan választ küldött, amelyet ez az alkalmazás nem ért. Töltsd újra az oldalt.
# $detail: the browser's own error message (often in English).
storage-failed = Ez a böngésző nem tudta használni a tárhelyét ({ $detail }).
not-found-title = Az oldal nem található
not-found-body = Ezen a címen nincs semmi. Lehet, hogy a link elírt vagy elavult.
# A link back to the shopper's list of loyalty cards.
go-to-my-cards = Vissza a kártyáimhoz
# The unit alone, shown after a number that stands apart from it (a large balance on the card,
# the till's balance).
# $kind: stamps or points (how the shop's program counts); $count: the number it goes with.
unit =
    { $kind ->
        [stamps] pecsét
       *[points] pont
    }
# A number with its unit: "3 stamps", "120 points".
# $kind: stamps or points; $count: the number.
amount =
    { $kind ->
        [stamps] { $count } pecsét
       *[points] { $count } pont
    }


## Wallet: the shopper's list of cards (one card per shop)

my-cards = Kártyáim
no-cards-yet = Még nincs kártyád
no-cards-hint = Egy üzlet hűségprogramjához úgy csatlakozhatsz, hogy beolvasod a pultnál kitett plakát QR-kódját.


## Join: the shopper joins a shop's program (from the poster's QR code or a join link)

# The button that makes the shopper a member.
join = Csatlakozás
joining = Csatlakozás…
open-my-card = Kártyám megnyitása
already-member = Ezen a telefonon már megvan a kártyád ehhez az üzlethez.
# What the program offers, in one sentence: on the join page, the shop's poster and a printed
# card (the pitch() helper; without an active reward the code uses join-pitch-no-reward).
# $kind: stamps or points; $cost: what the first reward costs; $reward: the reward's name as the
# owner wrote it ("Free coffee").
join-pitch =
    { $kind ->
        [stamps] Gyűjts { $cost } pecsétet, és jutalmul ezt kapod: { $reward }.
       *[points] Gyűjts { $cost } pontot, és jutalmul ezt kapod: { $reward }.
    }
# The pitch when the program has no active reward. $kind: stamps or points.
join-pitch-no-reward =
    { $kind ->
        [stamps] Minden látogatással gyűjthetsz egy pecsétet.
       *[points] Minden vásárlással pontokat gyűjthetsz.
    }
join-promise = Ingyenes. Nem kell hozzá alkalmazás, sem jelszó: a kártyád ezen a telefonon marad.


## Card: the shopper's loyalty card

# The accessible name of the card's QR code (read by screen readers).
card-qr-label = A kártya QR-kódja
brightness-hint = Növeld a képernyő fényerejét, hogy a pénztáros be tudja olvasni.
# The caption above the card's code written out in letters, under the QR code.
card-code-caption = Kártyakód
# The card has enough for a reward.
ready-to-redeem = Beváltható
# How many more are needed for the next reward. $kind: stamps or points; $count: how many more.
more-to-go =
    { $kind ->
        [stamps] Még { $count } pecsét
       *[points] Még { $count } pont
    }
rewards-heading = Jutalmak
history-heading = Előzmények
no-history = Még nincs semmi. Itt jelennek majd meg a látogatásaid.

# History lines: on the shopper's card, and also in the till's last actions and outbox and the
# owner's dashboard. $sign: plus, minus or zero; the number beside it is without its sign.

# Stamps given (or taken back). $count: how many.
hist-stamps =
    { $sign ->
        [plus] +{ $count } pecsét
        [minus] -{ $count } pecsét
       *[zero] { $count } pecsét
    }
# Points earned, with what was spent when the till recorded it.
# $points: how many; $money: the purchase's amount, or none.
hist-points =
    { $sign ->
        [plus] +{ $points } pont
        [minus] -{ $points } pont
       *[zero] { $points } pont
    }{ $money ->
        [none] {""}
       *[other] {" "}({ $money })
    }
# A reward handed over. $reward: the reward's name, or none when it is not known any more;
# $cost: the stamps or points it took off (the minus sign is written here).
hist-redeemed =
    { $reward ->
        [none] Jutalom beváltva (-{ $cost })
       *[other] Beváltva: { $reward } (-{ $cost })
    }
# A correction of the balance. $delta: by how much (with $sign).
# $reason: why, as a code when Regulars made the correction itself (code_failed,
# redemption_not_covered, unproven_staff, card_blocked, offer_not_covered); any other text is
# the shop's own words, shown as they are.
hist-adjustment =
    Korrekció { $sign ->
        [plus] +{ $delta }
        [minus] -{ $delta }
       *[zero] { $delta }
    }: { $reason ->
        [code_failed] a kártya kódja nem bizonyult hitelesnek
        [redemption_not_covered] olyan jutalom, amelyre nem volt elég a kártyán
        [unproven_staff] nem igazolható, hogy munkatárs végezte
        [card_blocked] a kártyát letiltották
        [offer_not_covered] olyan ajánlat, amelyet a kártya nem használhatott fel
       *[other] { $reason }
    }
# An earlier action undone at the till. $delta: by how much (with $sign); $reason: the words
# the staff member typed, or the text of undo-reason.
hist-reversal =
    Visszavonva { $sign ->
        [plus] +{ $delta }
        [minus] -{ $delta }
       *[zero] { $delta }
    }: { $reason }
# A link to the shopper's profile page.
profile = Profil
all-cards = Összes kártya
# $date_time: when the card last synced with the server.
last-synced = Utolsó szinkronizálás: { $date_time }
syncing = Szinkronizálás…
offline-note = Nincs internet. A kártyád térerő nélkül is működik: mutasd meg ezt a kódot a kasszánál.
card-not-on-phone = Ez a kártya nincs ezen a telefonon.
card-revoked = Az üzlet ezt a kártyát már nem fogadja el.
# The accessible name of the stamp grid. $filled: stamps collected; $size: stamps the grid holds
# (a count: English says "stamps" for every number).
stamp-grid-label = { $size } pecsétből { $filled } megvan


## Profile: the shopper's name and e-mail (first-name and email are also labels on owner pages)

profile-title = A profilod
profile-intro = Egyik sem kötelező. Az üzlet ezek alapján szólíthat a neveden.
first-name = Keresztnév
email = E-mail
save-profile = Profil mentése
profile-saved = Profil elmentve
back-to-card = Vissza a kártyámhoz


## Till: pairing the tablet and serving a customer (read by the CASHIER)

pair-title = Tablet párosítása
pair-intro = Kérj párosítókódot a tulajdonostól: ő az adminfelületen tud létrehozni egyet.
pairing-code = Párosítókód
# A button.
pair-tablet = Párosítás
pairing = Párosítás…
unpaired = Ennek a tabletnek megszűnt a párosítása. A folytatáshoz párosítsd újra.
# The label of the field where the cashier types or scans a card's code.
card-code = Kártyakód
find-card = Kártya keresése
scan-hint = Olvasd be a vásárló kártyáját, vagy írd be a kódját.
# Stands for the customer's name when they gave no first name.
member = Tag
balance = Egyenleg
# Buttons beside the number of stamps to give (accessible names of − and +).
fewer-stamps = Kevesebb pecsét
more-stamps = Több pecsét
# The button that gives the stamps. $count: how many.
give-stamps = { $count } pecsét jóváírása
purchase-amount = A vásárlás összege
purchase-amount-optional = Összeg (nem kötelező)
add-points = Pontok jóváírása
# What the amount typed earns, shown beside it. $points: the points.
points-preview = = { $points } pont
# Write the example with your language's decimal separator: the till accepts 12.50 and 12,50.
invalid-amount = Írd be a kifizetett összeget, például 12,50.
# The label of the purchase's category (one-tap chips).
category-label = Kategória (nem kötelező)

# not translated: CategoryName(Category). The code uses the category- messages (## Purchase categories).

# A button. $reward: the reward's name as the owner wrote it.
redeem = Beváltás: { $reward }
# $count: stamps just given; $balance: the card's balance after.
stamps-given = { $count } pecsét jóváírva. Egyenleg: { $balance }
# $points: points just added; $balance: the card's balance after.
points-added = { $points } pont jóváírva. Egyenleg: { $balance }
# $reward: the reward's name; $balance: the card's balance after.
reward-redeemed = Beváltva: { $reward }. Egyenleg: { $balance }
no-result = A szerver ezt nem erősítette meg. Próbáld újra.
next-customer = Következő vásárló


## Till: the camera and the sounds (CASHIER)

camera-title = Kamera
scan-with-camera = Beolvasás kamerával
# The accessible name of the live camera picture.
camera-view = Kamerakép
camera-starting = A kamera indul…
camera-aim = Tartsd a kártya kódját a kereten belül.
switch-camera = Kameraváltás
# The camera's light (a flashlight).
torch = Lámpa
close-camera = Kamera bezárása
camera-insecure = A kamera csak biztonságos (https) címen működik. Írd be a kódot, vagy használj USB-s vagy Bluetooth-os olvasót.
camera-denied = Ezen az oldalon a kamera le van tiltva. Ha kamerával szeretnél beolvasni, engedélyezd a böngésző webhelybeállításaiban; addig írd be a kódot, vagy használj USB-s vagy Bluetooth-os olvasót.
camera-missing = Ezen az eszközön nincs kamera. Írd be a kódot, vagy használj USB-s vagy Bluetooth-os olvasót.
camera-in-use = Egy másik alkalmazás használja a kamerát. Zárd be, és próbáld újra, vagy írd be a kódot.
camera-decoder-failed = A kamera most nem tud kódot olvasni. Töltsd újra az oldalt, vagy írd be a kódot.
# $detail: the browser's own words for the failure (often in English).
camera-failed = A kamera nem indult el ({ $detail }). Írd be a kódot, vagy használj USB-s vagy Bluetooth-os olvasót.
sound = Hang
sound-on-hint = A hangok be vannak kapcsolva: csilingelés jelzi a sikert, mély hang az elutasítást. Koppints a némításhoz.
sound-off-hint = A hangok ki vannak kapcsolva. Koppints a bekapcsolásukhoz.


## Till: checking a card's code (CASHIER)

# A text that cannot be a card code (checked on the tablet, also offline).
# $error: code_empty, code_too_long, code_unknown_format, code_bad_characters or code_wrong_length.
bad-code =
    { $error ->
        [code_empty] Nincs megadva kód.
        [code_too_long] A kód túl hosszú ahhoz, hogy Regulars-kártya legyen.
        [code_bad_characters] A kódban olyan karakterek vannak, amelyek Regulars-kártyán soha nem szerepelnek.
        [code_wrong_length] A kód csonka, vagy felesleges karakterek vannak benne.
       *[code_unknown_format] Ez nem Regulars-kártyakód.
    }
# A well-formed card code the till does not accept. The shopper is the customer in front of the
# cashier. $reason: code_unsigned, card_has_no_key, code_bad_signature, code_expired,
# code_from_the_future, code_used, printed_card_cannot_redeem or code_missing.
code-refused =
    { $reason ->
        [code_unsigned] Ez egy régi kártyakód, amelyet bárki lemásolhat. Kérd meg a vásárlót, hogy nyissa meg a kártyáját, és akkor újat mutat.
        [card_has_no_key] Ennek a kártyának még nincs kulcsa. Kérd meg a vásárlót, hogy internetkapcsolat mellett nyissa meg a kártyáját.
        [code_expired] Ez a kód lejárt. Kérd meg a vásárlót, hogy mutassa meg újra a kártyáját (képernyőképpel nem működik).
        [code_from_the_future] Ez a kód a jövőből jött: a telefon vagy a tablet órája rosszul jár.
        [code_used] Ezt a kódot már felhasználták. Kérd meg a vásárlót, hogy mutassa meg újra a kártyáját.
        [printed_card_cannot_redeem] Nyomtatott kártyán lehet pecsétet és pontot gyűjteni, de a jutalom beváltásához telefonon lévő kártya kell.
        [code_missing] Nem érkezett kártyakód. Olvasd be a kártyát.
       *[code_bad_signature] Ezt a kódot nem ez a kártya készítette: lehet hamisított vagy sérült.
    }
# A note under the customer: how the scanned code proved itself.
# $check: signed (the phone's live code), printed (a printed card) or unverified.
code-check-note =
    { $check ->
        [printed] Nyomtatott kártya: csak pecsét és pont
        [unverified] Még nincs ellenőrizve (offline, új kártya): csak pecsét
       *[signed] Kártya ellenőrizve
    }
redeem-needs-phone = A jutalom beváltásához a vásárló telefonján megjelenő élő kód kell.


## Owner: changing the password

change-password = Jelszó módosítása
current-password = Jelenlegi jelszó
new-password = Új jelszó (legalább 10 karakter)
password-too-short = Az új jelszónak legalább 10 karakterből kell állnia.
password-changed = A jelszó módosítva. A többi eszközön kijelentkeztettünk.


## Till: the customer on screen (CASHIER)

card-blocked = Ezt a kártyát az üzlet letiltotta. Ne írj jóvá rá pecsétet vagy pontot.
# Beside the balance when the tablet is offline.
offline-last-known = Offline: utolsó ismert egyenleg
not-in-directory = Még nincs a tablet listájában. A pecsétek ellenőrzése akkor történik meg, amikor visszatér a kapcsolat.
redeem-needs-connection = A beváltáshoz internetkapcsolat kell


## Till: sync and the outbox (CASHIER)

online = Online
offline = Offline
# $count: actions given on this tablet that the server does not have yet (a count).
to-sync = { $count } szinkronizálásra vár
# $count: actions the server refused (a count).
rejected-count = { $count } elutasítva
# The button that opens the list of actions waiting to sync.
outbox = Kimenő
outbox-title = Kimenő műveletek
outbox-intro = Az ezen a tableten jóváírt pecsétek és pontok itt várakoznak, amíg a szerverre nem kerülnek.
outbox-empty = Minden szinkronizálva.
close-outbox = Bezárás
waiting-to-sync = Szinkronizálásra vár
# $reason: the server's own words (often in English) or its code.
rejected-because = Elutasítva: { $reason }
# $reason: the server's own words (often in English).
held-because = A szerver ezt még nem tudta fogadni ({ $reason }). A többi tovább halad; ezt később újra megpróbálja.
# $count: actions the server could not take yet (a count).
held-count = { $count } függőben
unreadable-record = Egy bejegyzés, amelyet ez a tablet már nem tud beolvasni; változatlanul megőrizve
# A card named by the start of its id. $short_id: 8 letters and digits.
card-short-id = { $short_id }… kártya
earlier-pairing = A tablet újrapárosítása előtt rögzítették, és nincs meg a szerveren: nem számít bele.
saving = Mentés…


## Owner: setting up the program and logging in

setup-title = Hozd létre a hűségprogramodat
setup-intro = Egy perc az egész, és később bármit módosíthatsz.
password = Jelszó
password-hint = Legalább 10 karakter.
shop-name = Az üzlet neve
brand-colour = Márkaszín
brand-ink =
    A szöveg rajta { $ink ->
        [white] fehér
       *[dark] fekete
    } lesz (kontraszt: { NUMBER($ratio, minimumFractionDigits: 1, maximumFractionDigits: 1) }:1, megfelel a WCAG AA-nak).
brand-ink-sample = Mintaszöveg a színeden
# How members earn: a choice between stamps and points.
program-type = A program típusa
stamps = Pecsétek
points = Pontok
reward-name = A jutalom neve
# An example in the empty reward name field: write a typical first reward in your language.
reward-name-placeholder = Ingyen kávé
stamps-per-reward = Pecsét egy jutalomhoz
points-per-reward = Pont egy jutalomhoz
# $currency: the shop's currency code (EUR, GBP, HUF ...).
points-per-unit = Pont minden elköltött 1 { $currency } után
create-program = Program létrehozása
have-account = Már van fiókom
# The heading of the login form.
login-title = Bejelentkezés
# The login button.
log-in = Bejelentkezés
create-new-program = Új program létrehozása


## Owner: the dashboard

# $count: members of the program.
members = { $count } tag
join-link-label = Csatlakozási link
print-poster = Csatlakozási plakát nyomtatása
tablets-heading = Tabletek
create-pairing-code = Párosítókód létrehozása
# When the pairing code stops working. $time: a time of day.
pairing-expires = Lejár: { $time }
# /staff is the address to open; keep it as it is.
pairing-help = Nyisd meg a /staff címet a tableten, és írd be ezt a kódot.


## Owner: rewards

edit = Szerkesztés
# Take a reward out of the program (it can be reactivated).
retire = Archiválás
reactivate = Újraaktiválás
# A tag on a retired reward.
retired = Archivált
new-reward-name = Az új jutalom neve
new-reward-cost = Az új jutalom ára
add-reward = Jutalom hozzáadása
reward-cost = A jutalom ára
save-reward = Jutalom mentése
cancel = Mégse


## Owner: settings and review

settings-heading = Beállítások
currency = Pénznem
time-zone = Időzóna
stamps-per-visit = Pecsét látogatásonként
# The label of the offline redemption limit. $kind: stamps or points.
offline-redemption-max =
    { $kind ->
        [stamps] Offline beváltás legfeljebb (pecsét)
       *[points] Offline beváltás legfeljebb (pont)
    }
offline-redemption-hint = Internetkapcsolat nélkül a tabletek legfeljebb ennyibe kerülő jutalmat adhatnak ki. 0: csak online.
save-settings = Beállítások mentése
# Everyone: a new version of the app was downloaded (reload-to-update is its button).
update-available = Elérhető a Regulars új verziója.
# A list of till actions the server marked for the owner.
review-heading = Ellenőrizendő
review-empty = Nincs mit ellenőrizni.
# Why the server marked a till action for the owner's review: a phrase starting in lower case,
# shown after the action in Needs review; the till joins several with "; " (server-flagged).
# "you" and "your" are the owner. $flag: the flag's code; a code this version does not know is
# passed with its underscores turned into spaces and shown as it is.
review-flag =
    { $flag ->
        [double_redemption] offline beváltva, pedig nem volt rá elég a kártyán
        [compensation] a Regulars adta hozzá egy másik esemény kiegyenlítésére
        [clock_skew] a tablet órája nagyon pontatlan volt
        [bad_clock] a tablet ideje lehetetlen volt: a szerverre érkezés idejét használtuk
        [backdated] jóval a tablet utolsó szinkronizálása előtti dátummal
        [offline_not_allowed] offline beváltva, az offline limited fölött
        [reward_retired] a jutalom már archiválva volt
        [reward_cost_changed] a jutalom áránál eltérő áron beváltva
        [card_daily_limit] túllépte a kártyánkénti napi pecsétlimitedet
        [staff_hourly_limit] túllépte a munkatársankénti óránkénti pecsétlimitedet
        [unverified] a kártya kódját nem lehetett ellenőrizni
        [code_missing] nem érkezett vele kártyakód
        [code_unsigned] a régi, másolható kártyakóddal
        [card_has_no_key] a kártyának még nem volt kulcsa
        [code_bad_signature] hamisított vagy sérült kártyakóddal
        [code_expired] lejárt kártyakóddal
        [code_from_the_future] jövőbeli kártyakóddal
        [code_used] egy másik kasszánál már felhasznált kártyakóddal
        [printed_card_cannot_redeem] jutalom nyomtatott kártyára
        [unproven_staff] semmi sem igazolta, melyik munkatárs végezte
        [staff_deactivated] egy általad inaktivált munkatárs nevében
        [reverses_redemption] egy beváltott jutalom pecsétjeit vagy pontjait adta vissza
        [reverses_compensation] a Regulars egy kiegyenlítő bejegyzését vonta vissza
        [before_block] még azelőtt történt, hogy letiltottad a kártyát
        [device_revoked] egy tableten történt, mielőtt megszüntetted a párosítását
        [held_too_long] a vásárlót túl régen olvasták be előtte
        [offer_used_up] egy ajánlat, amelyet többször használtak fel, mint amennyiszer egy tag felhasználhatja
        [offer_not_for_card] egy ajánlat olyan tagnál felhasználva, akinek nem szólt
        [offer_not_valid] egy ajánlat az érvényességi napjain vagy óráin kívül, illetve szüneteltetve vagy lezárva felhasználva
       *[other] { $flag }
    }
# The button of update-available.
reload-to-update = Újratöltés
settings-saved = Beállítások elmentve
log-out = Kijelentkezés
# $field: the text of the field's label (stamps-per-reward, points-per-reward, ...).
whole-number-needed = { $field }: nullánál nagyobb egész szám kell.


## Poster: the join poster the owner prints for the counter

# The poster's headline, above the QR code, for shoppers.
scan-to-join = Olvasd be, és csatlakozz!
print = Nyomtatás
# The accessible name of the poster's QR code.
join-qr-label = Csatlakozási QR-kód
back-to-dashboard = Vissza a vezérlőpultra
need-login = Az oldal megtekintéséhez jelentkezz be.
go-to-admin = Tovább az adminfelületre


## Card: the card's secure key and its recovery code (SHOPPER)

no-web-crypto = Ez a böngésző itt nem tud biztonságos kártyát létrehozni. Nyisd meg az oldalt HTTPS-en keresztül, egy naprakész böngészőben.
# $detail: the browser's own words (often in English).
card-key-failed = Ez a telefon nem tudta létrehozni vagy használni a kártyád biztonsági kulcsát ({ $detail }).
recovery-heading = A helyreállító kódod
recovery-write-down = Írd fel: ezzel tudod átvinni a kártyádat egy új telefonra.
recovery-keep-private = Aki ismeri ezt a kódot, elviheti a kártyádat, ezért ne add meg senkinek. A profilodban később is megtalálod.
done = Kész
# The shop made or moved the card, but the phone's storage could not keep it.
# $why: the browser's own words; $code: the card's recovery code, or none.
# "Move a card to this phone" is the text of move-card-here: keep the two the same.
card-not-kept =
    { $code ->
        [none] Az üzletnél megvan a kártyád, de ez a telefon nem tudta eltárolni ({ $why }).
       *[other] Az üzletnél megvan a kártyád, de ez a telefon nem tudta eltárolni ({ $why }). A helyreállító kódod: { $code }. Írd fel, majd használd a „Kártya áthelyezése erre a telefonra” lehetőségnél.
    }
recovery-replaced = A kártyád most már ezen a telefonon van, és a régi helyreállító kódod már nem érvényes.
move-card-here = Kártya áthelyezése erre a telefonra
recover-intro = Írd be a csatlakozáskor felírt helyreállító kódot. A kártya átkerül erre a telefonra, és a régin már nem működik.
recovery-code-label = Helyreállító kód
move-card = Kártya áthelyezése
moving-card = A kártya áthelyezése…
recovery-code-empty = Írd be a helyreállító kódodat.
recovery-code-wrong = Ez a helyreállító kód hibás, vagy már egy újabb váltotta fel. Ellenőrizd, és próbáld újra.
# Also on the owner's password reset page.
too-many-tries = Túl sok próbálkozás. Várj néhány percet, aztán próbáld újra.
# A countdown under the card's QR code. $seconds: seconds left ("s" is the unit's symbol).
new-code-in = Új kód { $seconds } mp múlva
preparing-code = A kártyád kódja készül…
code-needs-connection = A kártyádnak egyszer internetkapcsolat kell, hogy bekapcsolja a biztonságos kódot. Csatlakozz az internethez, és nyisd meg újra.
key-not-on-phone = Ennek a kártyának a kulcsa nincs ezen a telefonon, ezért itt nem tud kódot mutatni. Ha telefont cseréltél, vagy törölted a böngésző adatait, állítsd be újra a kártyát a helyreállító kódjával.
repair-card = Kártya újbóli beállítása
repairing-card = Beállítás…
card-no-longer-here = Ez a kártya már nem működik ezen a telefonon: vagy átkerült egy másik telefonra, vagy az üzlet már nem fogadja el.
card-blocked-by-shop = Az üzlet letiltotta ezt a kártyát.
no-recovery-code = Ezen a telefonon nincs helyreállító kód ehhez a kártyához. Készíts egyet, és írd fel: ezzel tudod átvinni a kártyádat egy új telefonra.
make-recovery-code = Új helyreállító kód készítése
recovery-code-made = Elkészült az új helyreállító kód. Írd fel.


## Owner: members and printed cards

members-heading = Tagok
members-link = Tagok és nyomtatott kártyák
members-empty = Még nincsenek tagok.
# $date: the day the member joined.
member-since = Csatlakozott: { $date }
# Tags on a member's row.
printed-card-tag = Nyomtatott kártya
blocked-tag = Letiltva
block-card = Kártya letiltása
# $name: the member's first name, or the text of unnamed-member.
confirm-block = Letiltod { $name } kártyáját? Mostantól a kasszák elutasítják. Ez nem vonható vissza.
confirm-block-button = Igen, letiltom
# $name: the member's first name, or the text of unnamed-member.
card-blocked-done = { $name } kártyája letiltva.
make-printed-card = Nyomtatott kártya készítése
printed-card-intro = Okostelefon nélküli vásárlóknak: kinyomtatható kártya, csak gyűjtésre. A jutalmak beváltásához telefonon lévő kártya kell.
printed-card-qr-label = A nyomtatott kártya QR-kódja
# What a printed card can do, printed on it. $kind: stamps or points.
printed-card-only =
    { $kind ->
        [stamps] Csak pecsétgyűjtésre
       *[points] Csak pontgyűjtésre
    }
printed-card-made = A nyomtatott kártya elkészült. Nyomtasd ki, és add át.
# A member without a first name. $short_id: the first 8 letters and digits of their card's id.
unnamed-member = Tag ({ $short_id })


## Till: who is at the till, PINs and warnings (CASHIER)

# The till's header. $name: the staff member at the till.
acting-as = A kasszánál: { $name }
# A button: another staff member takes over the till.
switch-staff = Váltás
switch-title = Ki áll a kasszánál?
no-staff-with-pin = Még senkinek nincs PIN-kódja. A munkatársakat és a PIN-kódjukat a tulajdonos adja meg az adminfelületen.
switch-needs-connection = A vezetők és a tulajdonos a szerveren keresztül lépnek be: csatlakoztasd a tabletet az internethez, és próbáld újra.
scan-again = Ezt a vásárlót több mint 15 perce olvastad be. Olvasd be újra a kártyáját.
redemption-checking = A jutalom ellenőrzése a szerverrel… Csak akkor add át, amikor itt megjelenik, hogy beváltva.
# $flags: the texts of review-flag, joined with "; ".
server-flagged = A Regulars ellenőrzésre jelölte ezt a tulajdonosnak: { $flags }.
# A history line (card, till, owner) for an action this version of the app does not know.
hist-unknown = Valami, amit az alkalmazás ezen verziója még nem tud megjeleníteni
# The PIN pad's heading. $name: the staff member picked.
pin-for = { $name } PIN-kódja
# The PIN pad's key that deletes the last digit.
pin-delete = Számjegy törlése
pin-confirm = Megerősítés
pin-checking = Ellenőrzés…
# A button under the staff members' names.
other-staff = Valaki más
close = Bezárás
# $left: how many more wrong PINs pause the till.
pin-wrong = Hibás PIN-kód. Még { $left } hibás PIN-kód, és a kassza szünetel.
# $wait: the text of wait-seconds or wait-minutes.
pin-paused = Túl sok hibás PIN-kód. Próbáld újra { $wait } múlva.
# A piece of pin-paused: a wait under a minute. $seconds: 1 to 59.
wait-seconds = { $seconds } másodperc
# A piece of pin-paused: a wait of a minute or more, rounded up. $minutes: the minutes.
wait-minutes = { $minutes } perc
pin-unpair-pending = 10-szer egymás után hibás PIN-kód. A tablet zárolva van, és amint újra online lesz, megszűnik a párosítása.
# $name: the staff member now at the till.
switched-to = Most { $name } áll a kasszánál.
nobody-at-till = A folytatáshoz válassz egy munkatársat.


## Till: the last actions, undo and reverse (CASHIER)

recent-heading = Utolsó 10 művelet
recent-empty = Ezen a tableten még nincs semmi.
# A cashier takes back their own last action (within two minutes).
undo = Visszavonás
# A manager takes back any action, with a reason.
reverse = Sztornó
reverse-reason = Indoklás
confirm-reverse = Sztornózás
# The reason stored with a cashier's undo; the history shows it in hist-reversal.
undo-reason = Visszavonás a kasszánál
undone = Visszavonva.
# $balance: the card's balance after the undo.
undone-balance = Visszavonva. Egyenleg: { $balance }
# $balance: the customer's balance after what the server did.
balance-now = Jelenlegi egyenleg: { $balance }.
# A tag on an undone action (lower case).
undone-tag = visszavonva
reason-needed = Add meg a sztornó okát.
# After an action: who did it. $name: the staff member.
by-staff = rögzítette: { $name }


## Owner: staff

staff-heading = Munkatársak
# The label of a staff member's name.
staff-name = Név
staff-role-label = Szerepkör
# A staff member's role. $role: owner, manager or cashier.
role-name =
    { $role ->
        [owner] Tulajdonos
        [manager] Vezető
       *[cashier] Pénztáros
    }
pin = PIN-kód
pin-hint = 4–6 számjegy: ezt írja be a tableten, amikor átveszi a kasszát. A vezetők bármely műveletet sztornózhatnak is.
new-pin-optional = Új PIN-kód (nem kötelező)
add-staff = Munkatárs hozzáadása
save-staff = Mentés
# Stops a staff member from using the tills.
deactivate = Inaktiválás
deactivated-tag = Inaktív
no-pin-tag = még nincs PIN-kódja
# $name: the staff member.
staff-added = { $name } mostantól átveheti a kasszát a tableteken.
# $name: the staff member.
staff-saved = Mentve: { $name }.
pin-must-be-digits = A PIN-kód 4–6 számjegyből álljon.


## Owner: paired tablets

devices-heading = Párosított tabletek
no-devices = Még nincs párosított tablet.
# $date_time: when the tablet last reached the server.
last-seen = Utolsó kapcsolat: { $date_time }
never-seen = Még nem kapcsolódott
# $date: the day the tablet was paired.
paired-on = Párosítva: { $date }
unpair-device = Párosítás megszüntetése
# $date_time: when the owner unpaired the tablet.
unpaired-on = Párosítás megszüntetve: { $date_time }
refresh = Frissítés


## Owner: limits and unusual activity

# The label of a limit. $kind: stamps or points (a points program limits purchases).
card-daily-limit =
    { $kind ->
        [stamps] Napi pecsétlimit kártyánként
       *[points] Napi vásárlási limit kártyánként
    }
# The label of a limit. $kind: stamps or points.
staff-hourly-limit =
    { $kind ->
        [stamps] Óránkénti pecsétlimit munkatársanként
       *[points] Óránkénti vásárlási limit munkatársanként
    }
# "Needs review" is the text of review-heading.
limits-hint = A limit fölött is jóváíródnak a pecsétek, de megjelölve felkerülnek az „Ellenőrizendő” listára. 0: nincs limit.
# $days: the days looked at (a count).
anomalies-heading = Szokatlan az elmúlt { $days } napban
no-anomalies = Nincs semmi szokatlan.
# When a card is listed as unusual. $min: the least visits (a count); $factor: how many times
# more than the typical card; $typical: the typical card's visits.
card-anomaly-rule = Egy kártya akkor kerül ide, ha legalább { $min } látogatása van, és ez több mint { $factor } × annyi, mint egy átlagos kártyán ({ $typical }): lehet, hogy többen használják, vagy vásárlás nélkül kap pecsétet.
# When a staff member is listed as unusual. $min: the least rewards handed over (a count);
# $factor: how many times more than everyone else.
staff-anomaly-rule = Egy munkatárs akkor kerül ide, ha legalább { $min } jutalmat kiadott, és látogatásonként legalább { $factor } × annyi jutalmat ad ki, mint mindenki más: lehet, hogy ajándékba adja a jutalmakat.
# An unusual card. $who: the member's first name, or the text of card-short-id; $visits: a count.
card-anomaly = { $who }: { $visits } látogatás
# An unusual staff member. $name: the staff member; $redemptions: rewards handed over (a count);
# $percent: rewards per 100 actions; $others: everyone else's rewards per 100 actions.
staff-anomaly = { $name }: { $redemptions } jutalom, 100 műveletenként { $percent } (mindenki más: { $others })


## Card: the recommend question (SHOPPER, after a visit)

# $shop: the shop's name.
nps-question = { $shop }: mennyire valószínű, hogy ajánlanád egy barátodnak?
# The two ends of the 0 to 10 scale.
nps-not-likely = 0: egyáltalán nem valószínű
nps-very-likely = 10: nagyon valószínű
nps-comment-label = Szeretnél még valamit üzenni nekünk? (nem kötelező)
# $count: characters typed; $max: the most allowed (500, a count).
nps-comment-count = { $count } / { $max } karakter
nps-send = Válasz elküldése
nps-not-now = Most nem
nps-pick-score = Előbb válassz egy számot 0 és 10 között.
nps-thanks = Köszönjük! A válaszod eljut az üzlethez, amint a telefonod online lesz.
# Why an answer was not saved. $refusal: invalid_score, comment_too_long, answered_recently,
# another code, or none; $max: the most characters a comment may have (500, a count);
# $days: how often the card asks (90, a count); $reason: the server's own words (often in
# English), or none.
nps-refused =
    { $refusal ->
        [invalid_score] A válaszodat nem mentettük el: válassz egy számot 0 és 10 között.
        [comment_too_long] A válaszodat nem mentettük el: a megjegyzés legfeljebb { $max } karakter lehet.
        [answered_recently] Az elmúlt { $days } napban már válaszoltál. Köszönjük, egyszer elég!
       *[other]
            { $reason ->
                [none] Nem sikerült elmenteni a válaszodat.
               *[other] Nem sikerült elmenteni a válaszodat: { $reason }.
            }
    }
# The button that closes nps-refused.
nps-refused-read = OK


## Owner: Insights, the recommend question (Net Promoter Score)

nps-title = Ajánlanák az üzletedet?
nps-score = Net Promoter Score (NPS)
# How many answered 9-10, 7-8 and 0-6.
nps-groups = { $promoters } ajánló (9–10), { $passives } semleges (7–8), { $detractors } kritikus (0–6)
nps-no-answers = Ebben az időszakban még nincs válasz. Egy látogatás után minden tag kártyája 90 naponként egyszer megkérdezi, mennyire valószínű, hogy ajánlaná az üzletedet.
# $score: the Net Promoter Score (-100 to 100); $answers: the answers it stands on.
nps-sentence = { $answers } válasz alapján az ajánlók (9–10) és a kritikusok (0–6) arányának különbsége: { $score }. A 0 fölötti érték azt jelenti, hogy több a rajongó, mint a kritikus.
nps-by-month = Pontszám havonta
nps-comments = Amit írtak (a legelégedetlenebbek elöl)
nps-no-comments = Ebben az időszakban nincs megjegyzés.
# One member's answer. $score: 0 to 10.
nps-answer-score = { $score } / 10
nps-member-none = Még nem válaszolt az ajánlási kérdésre.


## Owner: Insights, predicted value (customer lifetime value)

clv-title = Várható érték
# $date: the last day of the visits the model was fitted on; $members: members with a visit by
# then; $returned: those of them who came back (a count).
clv-as-of = A modell utolsó figyelembe vett napjáig ({ $date }) { $members } tag látogatott el, közülük { $returned } visszatért.
# $have: members who came back so far; $need: how many predictions need (both counts).
clv-too-few = Az előrejelzéshez legalább { $need } visszatérő tag kell; eddig { $have } van. Gyűjtsd tovább a látogatásokat: az előrejelzések az előzményekkel együtt érkeznek.
clv-not-converged = A modellt még nem sikerült a látogatásaidra illeszteni, ezért nincs előrejelzés. Több előzménnyel megjelenik.
# $have: returning members who recorded an amount; $need: how many are needed (both counts).
clv-no-amounts = A látogatásokat előre jelezzük, a költést nem: csak { $have } visszatérő tagnál van rögzített összeg ({ $need } kellene).
# $weeks: a number shown with one decimal ("2.5"); with a decimal shown, English always takes
# *[other], but your language may have a form for decimals (sk: many).
clv-rhythm = Amíg járnak, egy átlagos tag nagyjából { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) } hetente jön.
# $percent: the chance, in percent.
clv-dropout = Minden látogatás után nagyjából { $percent }% az esélye, hogy egy tag többé nem jön.
# $amount: money.
clv-spend-per-visit = Egy átlagos látogatás értéke nagyjából { $amount }.
# A list's heading. $count: how many members it lists (a count).
clv-top-title = { $count } legértékesebb törzsvásárlód
clv-drifting-title = Értékes törzsvásárlók, akik elmaradóban lehetnek
clv-none-drifting = Egyik értékes törzsvásárlód sem tűnik elmaradóban lévőnek.
# Column headings of the lists.
clv-column-visits = Látogatások
# The member's favourite category.
clv-column-favourite = Kedvenc
clv-column-active = Még aktív
# The predicted spend in the next 12 months.
clv-column-predicted = Következő 12 hónap
# On a member's page. $active: the chance they still come, in percent; $visits: visits expected,
# shown with one decimal (English always takes *[other] then); $spend: money expected in the
# next 12 months, or none.
clv-member-line =
    { $spend ->
        [none] { $active }% eséllyel még törzsvásárló; a következő 90 napban nagyjából { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } látogatás várható.
       *[other] { $active }% eséllyel még törzsvásárló; a következő 90 napban nagyjából { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } látogatás várható, a következő 12 hónapban pedig { $spend } költés.
    }
# On a member's page. $rank: their place in the list (1 is the most valuable).
clv-member-top = Helyezése a legértékesebb törzsvásárlóid között: { $rank }.
clv-check-title = Mennyire pontos a modell
# $as_of: the last day of the visits the model was fitted on; $predicted: return visits it
# expected; $weeks: the weeks looked at after that day; $actual: return visits made (a count).
clv-check-sentence = A modell (utolsó figyelembe vett nap: { $as_of }) az azt követő { $weeks } hétben { $predicted } visszatérő látogatást várt ezektől a tagoktól; a tényleges szám: { $actual }.
# One week of the check (a row of a table). $week: the week's number; $predicted: visits
# expected; $actual: visits made, both by the end of that week.
clv-check-week = { $week }. hét: { $predicted } várható, { $actual } megvalósult (eddig)
clv-member-drifting = Értékes törzsvásárló, aki elmaradóban lehet.


## Owner: Insights

insights-link = Elemzések
insights-title = Elemzések
# $name: the category's name; $percent: its share of the period's purchases.
top-category = { $name }: a tagok vásárlásainak { $percent }%-a.
# The label of a choice: the heatmap shows every member's visits or only the top customers'.
heatmap-of = Kiknek a látogatásai
every-member = Minden tag (ebben az időszakban)
# The first and last day of the period shown.
period-from = Első nap
period-to = Utolsó nap
show-period = Megjelenítés
# $count: days (a count).
last-days = Utolsó { $count } nap
# The headline figures.
figure-members = Tagok
figure-new-members = Új tagok
figure-active-members = Aktív tagok
figure-visits = Látogatások
figure-repeat-rate = 30 napon belül visszatért
figure-visits-per-active = Látogatás aktív tagonként
figure-average-spend = Átlagos költés látogatásonként
figure-revenue = Bevétel a tagoktól
figure-rewards = Beváltott jutalmak
# Under a figure: its value in the period before, and the change.
# $value: the earlier value, already formatted (a number, money or a percentage);
# $sign: plus, minus, zero, or none when there is no change to show; $percent: the change in
# percent, without its sign.
before =
    { $sign ->
        [plus] korábban: { $value } (+{ $percent }%)
        [minus] korábban: { $value } (-{ $percent }%)
        [zero] korábban: { $value } ({ $percent }%)
       *[none] korábban: { $value }
    }
no-amounts-yet = Még nincs rögzített vásárlási összeg: a kassza minden pecséthez rögzíthet egy összeget is.
# Stands for a figure that has no value (nobody new). Keep, or use your language's dash.
nobody-new = —
weekly-visits = Látogatások hetente
# $sign: plus (visits rose), minus (fell), zero (the same), or none (no visits in the period
# before); $percent: the change in percent, without its sign.
visits-trend =
    { $sign ->
        [plus] A látogatások száma { $percent }%-kal nőtt az előző időszakhoz képest.
        [minus] A látogatások száma { $percent }%-kal csökkent az előző időszakhoz képest.
        [zero] Ugyanannyi látogatás, mint az előző időszakban.
       *[none] Az előző időszakban nem volt látogatás, amivel össze lehetne vetni.
    }
when-they-come = Mikor jönnek
# $weekday: the text of weekday; $from_time, $to_time: the hour's start and end ("14:00", "15:00").
busiest-slot = A legforgalmasabb óra: { $weekday } { $from_time }–{ $to_time }.
# $first_day: the text of weekday; $last_day: the text of weekday, or none when they come
# mostly on one day; $from_time, $to_time: the hours ("09:00", "12:00").
top-customers-come =
    { $last_day ->
        [none] A legjobb vásárlóid leginkább ekkor jönnek: { $first_day }, { $from_time }–{ $to_time }.
       *[other] A legjobb vásárlóid leginkább ekkor jönnek: { $first_day }–{ $last_day }, { $from_time }–{ $to_time }.
    }
no-visits-yet = Ebben az időszakban még nincs látogatás.
# A day of the week: a label (a chart's row, the offer form's day boxes) and a word inside
# busiest-slot, top-customers-come and offer-when.
# $day: monday, tuesday, wednesday, thursday, friday, saturday or sunday.
weekday =
    { $day ->
        [monday] hétfő
        [tuesday] kedd
        [wednesday] szerda
        [thursday] csütörtök
        [friday] péntek
        [saturday] szombat
        [sunday] vasárnap
       *[other] ?
    }
segments-title = Szegmensek
# The name of a group of members (RFM segments: by how recently, how often and how much they
# buy). Also inside owner-offer-reason. $segment: the group's code.
segment-name =
    { $segment ->
        [champions] Bajnokok
        [loyal] Hűségesek
        [potential] Leendő hűségesek
        [new] Újak
        [promising] Ígéretesek
        [need_attention] Figyelmet igényelnek
        [at_risk] Veszélyben
        [cant_lose] Nem veszíthetjük el őket
        [hibernating] Szunnyadók
        [lost] Elvesztettek
       *[unknown] Egyéb
    }
# $count: members who moved to another group; $date: the day the groups are compared with.
segments-moved = { $count } tag került másik csoportba { $date } óta.
# $count: members who have not visited yet.
without-visits = { $count } tag még egyszer sem járt nálad.

# not translated: SegmentMembersTitle(String). The heading is the group's name: the code uses segment-name.

download-csv = CSV letöltése
# On a member's page.
download-history-csv = A teljes előzmény letöltése (CSV)
# On the members page.
download-members-csv = Az összes tag letöltése (CSV)
# $page: this page's number; $pages: how many pages.
page-of = { $page }. oldal (összesen { $pages })
previous-page = Előző
next-page = Következő
# Column headings of the members' table.
column-member = Tag
column-last-visit = Utolsó látogatás
column-visits12m = Látogatások (12 hónap)
column-spend12m = Költés (12 hónap)
# Recency, Frequency and Monetary scores (1 to 5 each): initials; use your language's, or keep.
column-scores = R F M
# On a member's page. $visits: their visits; $spend: money spent, or none.
member-totals =
    { $spend ->
        [none] { $visits } látogatás
       *[other] { $visits } látogatás, { $spend } elköltve
    }
visits-by-month = Látogatások havonta
categories-bought = Mit vásárol
no-categories = Még nincs rögzített kategória.
recent-history = Előzmények
# The owner's private note about a member.
owner-note = Saját jegyzet
save-note = Jegyzet mentése
saved = Mentve.


## Owner: the shop's purchase categories

categories-title = Kategóriák
categories-help = A kassza ezeket egy érintéssel választható gombokként mutatja. Átnevezéskor az előzmények megmaradnak, és egy törölt kategória előzményei is megmaradnak.
add-category = Kategória hozzáadása
save-categories = Kategóriák mentése
# A button's accessible name. $name: the category.
remove-category = Törlés: { $name }
# The label of a category's field. $number: its place in the list (1, 2, 3 ...).
category-field = { $number }. kategória


## Till: offers for the customer on screen (CASHIER; the gift texts also show on the shopper's card)

till-offers-heading = Ajánlatok ennek a vásárlónak
# A tag: the member saved this offer on their phone.
till-offer-saved = Félretéve
# A button: uses an offer (for a points multiplier, switches it on for the purchase being entered).
till-offer-apply = Alkalmaz
# A tag on the multiplier switched on for this purchase.
till-offer-armed-tag = Erre a vásárlásra
# What an offer gives: extra stamps. $count: how many.
till-offer-extra-stamps = +{ $count } pecsét
# What an offer gives: points multiplied. $times: the multiplier (2, 1.5).
till-offer-times = x{ $times } pont
# Points multiplied in one category. $times: the multiplier; $category: the category's name.
till-offer-times-in = x{ $times } pont, kategória: { $category }
# Something handed over free. $item: what, as the owner wrote it.
till-offer-free = Ingyen: { $item }
# $amount: money off the bill.
till-offer-amount-off = { $amount } kedvezmény
# $percent: percent off the bill.
till-offer-percent-off = { $percent }% kedvezmény
# Beside the purchase amount. $gift: the text of till-offer-times or till-offer-times-in.
till-offer-on-purchase = Erre a vásárlásra: { $gift }
# A button: takes the multiplier off this purchase.
till-offer-clear = Ajánlat eltávolítása
# The multiplier is for another category than the one picked. $category: the offer's category.
till-offer-not-this-category = Az ajánlat csak ebben a kategóriában érvényes: { $category }. Válaszd ki, hogy a pontok megszorzódjanak.
# An offer used. $title: the offer's title; $stamps: extra stamps it added; $balance: the card's
# balance after.
till-offer-used =
    { $stamps ->
        [0] Ajánlat felhasználva: { $title }
       *[other] Ajánlat felhasználva: { $title }. +{ $stamps } pecsét. Egyenleg: { $balance }
    }
# Points added with a multiplying offer. $points: points added; $title: the offer's title;
# $balance: the card's balance after.
till-offer-points-added = { $points } pont jóváírva ezzel az ajánlattal: { $title }. Egyenleg: { $balance }
# An offer use in the last actions and the outbox. $title: the offer's title, or none when the
# till does not know it; $stamps: extra stamps it gave.
till-offer-line =
    Ajánlat: { $title ->
        [none] ismeretlen ajánlat
       *[other] { $title }
    }{ $stamps ->
        [0] {""}
       *[other] {" "}(+{ $stamps } pecsét)
    }
# What a good barista remembers about the customer, as facts joined by " · ".
# $visits: their visits; $favourite: the category they buy most, or none; $last_visit: the day
# of their last visit ("23 Nov", with the year when it is not this year), or none.
till-regular =
    { $visits } látogatás{ $favourite ->
        [none] {""}
       *[other] {" · "}kedvence: { $favourite }
    }{ $last_visit ->
        [none] {""}
       *[other] {" · "}legutóbb: { $last_visit }
    }


## Card: offers for the shopper

for-you-heading = Neked szól
# An offer ending soon. $unit: minutes (under an hour) or hours (whole hours, rounded down);
# $count: how many.
offer-ends-in =
    { $unit ->
        [minutes] { $count } perc múlva lejár
       *[hours] { $count } óra múlva lejár
    }
# Opens an offer's details.
offer-details = Részletek
# When an offer can be used. $until: its end (a date and time); $days: the texts of weekday
# joined with ", ", or none when it is good every day; $from_time, $to_time: its hours ("9:00",
# "17:00"), or none when it is good all day.
offer-when =
    Érvényes eddig: { $until }{ $days ->
        [none] {""}
       *[other] ; napok: { $days }
    }{ $from_time ->
        [none] {""}
       *[other] ; időpont: { $from_time }–{ $to_time }
    }
offer-save = Félreteszem a következő látogatásomra
offer-saved = Félretéve: mutasd a kártyádat a kasszánál
offer-dismiss = Nem érdekel
# A choice at join and on the profile (a checkbox).
offers-consent = Kérek a látogatásaim alapján választott ajánlatokat
offers-consent-hint = Ekkor az üzlet az itteni vásárlásaid alapján választhat neked ajánlatokat. Enélkül is megkapod a mindenkinek szóló ajánlatokat, és a látogatásaid ugyanúgy számítanak.
# $date: the day the shopper last chose.
offers-consent-chosen = Utoljára módosítva: { $date }
# A history line. $count: extra stamps the offer added.
hist-offer-used =
    { $count ->
        [0] Ajánlat felhasználva
       *[other] Ajánlat felhasználva (+{ $count } pecsét)
    }


## Purchase categories (Category): the till's built-in category chips (CASHIER)

category-coffee = Kávé
category-food = Étel
category-drinks = Italok
category-retail = Termékek
category-other = Egyéb


## Import fields (ImportField): the fields of a purchase-history file (OWNER, the import's mapping form)

field-customer = Vásárló
field-date = Dátum
field-amount = Összeg
field-category = Kategória
field-email = E-mail
field-first-name = Keresztnév


## Owner: importing purchase history (ImportMsg, /admin/import)

# The dashboard's and Insights' link to the import page.
import-link = Vásárlási előzmények importálása
import-title = Vásárlási előzmények importálása
import-intro = Papírról vagy más rendszerből váltasz? Hozd át a vásárlóid korábbi vásárlásait egy CSV-ként mentett táblázatból, hogy az Elemzések és a várható érték már az első naptól ismerje a törzsvásárlóidat.
import-format-title = Milyen legyen a fájl
# customer, date, amount, category, email and first_name are the column names the file's header
# row uses: keep them as they are.
import-format-columns = Soronként egy vásárlás, egy fejlécsor alatt, amely megnevezi az oszlopokat: a customer (a kártyaszám, név vagy kód, amellyel a régi rendszered azonosította a vásárlót), a date és az amount kötelező; a category, az email és a first_name nem kötelező. Más nevű oszlopok is jók: megadhatod, melyik mi.
# The dates are examples of what the file holds: keep them. $time_zone: the shop's time zone
# (Europe/London ...).
import-format-dates = A dátumok így néznek ki: 2026-03-31 vagy 2026-03-31 14:05, és az üzlet időzónája szerint értendők ({ $time_zone }); az idő nélküli dátum délnek számít.
# $currency: the shop's currency code. The amounts are examples of what the file holds.
import-format-amounts = Az összegek { $currency } pénznemben, fő egységben vannak, például 4.50 (vagy 4,50): pénznemjel és ezres elválasztó nélkül.
# $categories: the shop's category names, joined with ", ".
import-format-categories = A kategória a saját kategóriáid egyike: { $categories }.
import-format-again = Ha ugyanazt a fájlt újra importálod, semmi sem adódik hozzá: minden vásárlás csak egyszer kerül be.
import-format-balance = Az importált vásárlások beszámítanak az Elemzésekbe és a várható értékbe, de egyenleget soha nem módosítanak: senki sem kap értük pecsétet vagy pontot. Ha egy vásárló e-mail-címét már használja egy tag, akkor ő az a tag; mindenki más telefon nélküli tag lesz, akinek nyomtatott kártyát adhatsz.
import-file-label = CSV-fájl
import-file-hint = Legfeljebb 50 MB és egymillió sor.
# $file_name: the file being sent and checked.
import-uploading = Beolvasás: { $file_name }…
import-too-large = Ez a fájl nagyobb 50 MB-nál: oszd részekre, és importáld őket egyenként.
# $rows: rows in the file; $bad: how many of them cannot be read.
import-rows =
    { $bad ->
        [0]
            { $rows ->
                [one] { $rows } sor, olvasható.
               *[other] { $rows } sor, mind olvasható.
            }
       *[other] { $rows } sor; ebből { $bad } nem olvasható.
    }
import-mapping-title = Melyik oszlop mi
# customer, date and amount are column names: keep them. "Apply" is the text of import-apply.
import-mapping-needed = A fejléc nem nevezi meg a customer, a date és az amount oszlopot. Add meg, melyik oszlopban mi van, majd nyomd meg az Alkalmaz gombot.
# "Apply" is the text of import-apply.
import-mapping-hint = Módosíts egy oszlopot, és nyomd meg az Alkalmaz gombot: a teljes fájlt újra ellenőrizzük.

# not translated: ImportMsg::Field(ImportField). The code uses the field- messages (## Import fields).

# The empty choice of a column picker ("no column"). Keep, or use your language's dash.
import-no-column = —
import-pick-column = Válassz oszlopot
import-apply = Alkalmaz
import-preview-title = Az első sorok, ahogyan beolvassuk őket
# Column headings of the preview and of the bad rows.
import-column-line = Sor
import-column-customer = Vásárló
# The purchase's time in the shop's time zone.
import-column-local-time = Üzlet szerinti idő
import-column-amount = Összeg
import-column-category = Kategória
import-column-email = E-mail
import-column-first-name = Keresztnév
import-column-column = Oszlop
import-column-reason = Mi a hiba
import-bad-title = Nem olvasható sorok
# $shown: bad rows listed; $total: bad rows in all (counts).
import-bad-listed = Összesen { $total }; ebből az első { $shown } látható.
# A button. $count: purchases it imports.
import-import-purchases = { $count } vásárlás importálása
import-skip-bad-rows = Hibás sorok kihagyása és importálás
# $good: rows that read; $bad: rows that do not ("ones" stands for rows).
import-skip-bad-note =
    Javítsd a fájlt, és töltsd fel újra, vagy importáld { $good ->
        [one] a jó sort ({ $good })
       *[other] a jó sorokat ({ $good })
    }, és hagyd ki { $bad ->
        [one] a hibásat ({ $bad })
       *[other] a hibásakat ({ $bad })
    }.
import-importing-title = Importálás
# The accessible name of the progress bar.
import-progress-label = Az importálás állapota
# $done: rows imported so far; $total: rows to import (a count).
import-progress = { $total } sorból eddig { $done } importálva.
import-done-title = Az importálás befejeződött
# Headings of the result's figures.
import-added = Hozzáadott vásárlások
import-already-there = Már megvoltak
import-matched-by-email = E-mail alapján azonosítva
import-matched-by-customer = A customer oszlop alapján azonosítva
import-new-members = Új tagok
import-see-insights = Megtekintés az Elemzésekben
import-another-file = Másik fájl importálása
import-failed-title = Az importálás leállt
import-carry-on = Importálás folytatása
import-earlier-title = Korábbi importálások
# Column headings of the earlier imports.
import-column-file = Fájl
import-column-uploaded = Feltöltve
import-column-status = Állapot
import-column-rows = Sorok
# Opens an earlier import. $file_name: its file's name.
import-open = Megnyitás: { $file_name }
# Where an import stands. $status: its code.
import-status =
    { $status ->
        [needs_mapping] Oszlopok megadására vár
        [invalid] Hibás sorok vannak benne
        [ready] Importálásra kész
        [running] Importálás folyamatban
        [done] Kész
       *[failed] Leállt
    }


## Owner: printed cards and the password reset (OwnerMsg)

# A member row's button: print again the printed card of a member without a phone.
owner-print-card = Kártya nyomtatása
# $name: the member's first name, or the text of unnamed-member.
owner-card-to-print = { $name } nyomtatott kártyája: nyomtasd ki, és add át.
# The login form's link to the reset page.
owner-forgot-password = Elfelejtetted a jelszavadat?
owner-reset-title = Új jelszó megadása
# "regulars-server reset-password" is a command the server's operator types: keep it as it is.
owner-reset-intro = A Regulars nem küld e-mailt. Kérj visszaállítási kódot attól, aki az üzleted Regulars-szerverét üzemelteti: ő lefuttatja a regulars-server reset-password parancsot az e-mail-címeddel, és megadja neked a kódot vagy egy linket erre az oldalra. A kód egyszer használható, és egy óráig érvényes.
owner-reset-code = Visszaállítási kód
# The example code is what such a code looks like: keep it.
owner-reset-code-hint = 16 betű és számjegy, például ABCD-EFGH-JKMN-PQRS.
owner-reset-code-empty = Előbb írd be a visszaállítási kódot.
owner-set-new-password = Új jelszó beállítása
owner-reset-code-wrong = Ez a kód hibás, már felhasználták, vagy egy óránál régebbi. Kérj újat attól, aki a Regulars-szervert üzemelteti.


## Owner: offers, the form

# The dashboard's link to the offers page.
owner-offers-link = Ajánlatok
owner-offers-title = Ajánlatok
owner-offers-intro = Az ajánlat megjelenik azoknak a tagoknak a kártyáján, akiknek szól, az üzletben offline is működik, és a kassza egy érintéssel alkalmazza.
owner-new-offer = Új ajánlat
# The form's heading while it edits an offer. $title: the offer's title.
owner-editing-offer = „{ $title }” szerkesztése
# $version: the version number saving makes.
owner-saving-makes-version = Mentéskor új verzió jön létre: { $version }. verzió. Az eddigi felhasználások és reakciók annál a verziónál maradnak, amelyikhez tartoztak, és ugyanazok a tagok maradnak a kontrollcsoportban.
# The edit's submit button. $version: the version number it makes.
owner-save-version = Mentés { $version }. verzióként
owner-create-offer = Ajánlat létrehozása
owner-stop-editing = Kilépés a szerkesztésből
# $title: the offer's title; $version: its version number.
owner-offer-saved = „{ $title }” elmentve ({ $version }. verzió).
# The label of the offer's title field.
owner-offer-title = Cím
# The example in quotes is an offer title: write a typical one in your language.
owner-offer-title-hint = Ezt olvassa el először a vásárló, legfeljebb 60 karakter: „Második péksütemény ajándékba”.
owner-offer-text = Rövid szöveg
# The example in quotes is an offer's line of text: write a typical one in your language.
owner-offer-text-hint = Nem kötelező, legfeljebb 200 karakter: „Csak ezen a héten”.
# The legend of what an offer gives.
owner-offer-gives = Mit kap a vásárló
# The label of the choice of gift.
owner-gift-kind-label = Kedvezmény
# The kinds of gift.
owner-gift-extra-stamps = Extra pecsét a látogatáskor
owner-gift-multiplier = Több pont a látogatáskor
owner-gift-category-multiplier = Több pont egy kategóriában
owner-gift-free-item = Valami ingyen
owner-gift-amount-off = Összegkedvezmény
owner-gift-percent-off = Százalékos kedvezmény
owner-extra-stamps-count = Extra pecsét
owner-multiplier-label = Pontszorzó
# A choice of multiplier. $times: the multiplier (1.5, 2, 3); 2 also says "double points".
owner-multiplier =
    { $times ->
        [2] x{ $times } (dupla pont)
       *[other] x{ $times }
    }
owner-gift-category = Ebben a kategóriában
owner-pick-category = Válassz kategóriát
owner-free-item-name = Mi ingyenes
# $currency: the shop's currency code.
owner-amount-off-label = Kedvezmény összege ({ $currency })
owner-percent-off-label = Kedvezmény (%)
owner-when-legend = Mikor
owner-when-hours = Most indul, a következő néhány órában
owner-when-dates = Adott naptól adott napig
# While editing: the offer's window as it is. $from, $to: dates and times.
owner-when-kept = Jelenleg: { $from } – { $to }
owner-hours-ahead = Időtartam (óra)
owner-start-date = Első nap
owner-end-date = Utolsó nap
owner-days-legend = Csak bizonyos napokon vagy órákban
owner-days-hint = Nem kötelező. Ha nincs bejelölt nap: minden nap; ha nincs megadott óra: egész nap.
# Labels of the two hour pickers.
owner-from-hour = Ettől
owner-to-hour = Eddig
# The hour pickers' empty choice.
owner-any-hour = Egész nap
owner-who-legend = Kinek szól
owner-offer-everyone = Mindenkinek
owner-some-members = Bizonyos tagoknak: csoport, szabály vagy mindkettő alapján
owner-some-members-hint = Azok a tagok, akik bármelyik bejelölt csoportban benne vannak (ha egy sincs bejelölve: bármelyik csoport), és minden kitöltött szabálynak megfelelnek. Akik nem járultak hozzá a látogatásaik alapján választott ajánlatokhoz, ezeket nem kapják meg.
owner-groups-legend = Csoportok
owner-rules-legend = Szabályok
owner-min-visits = Legalább ennyi látogatás
# $currency: the shop's currency code.
owner-min-spend = Legalább ennyi költés ({ $currency })
owner-lapsed-days = Legalább ennyi napja nem járt itt
owner-overdue = Késik a saját szokásos ritmusához képest
owner-bought-category = Vásárolt ebben a kategóriában
owner-any-category = Bármelyik kategória
owner-top-customers = A legjobb vásárlók között van
owner-uses-per-member = Felhasználás tagonként
# The holdout: a share of eligible members who never see the offer, to measure its effect.
owner-offer-holdout = Kontrollcsoport (%)
# $percent: the holdout's percent.
owner-holdout-hint = A jogosult tagok véletlenszerűen kiválasztott { $percent }%-a soha nem látja, így kiderül, valójában mit változtat az ajánlat.
owner-offer-counting = Az elért tagok számolása…
# $eligible: members the offer would reach; $held_out: of them, held out (a count);
# $without_consent: members of a targeted offer's groups who did not agree to offers picked
# from their visits (a count), or none.
owner-offer-reaches =
    { $without_consent ->
        [none] { $eligible } tagot ér el ({ $held_out } a kontrollcsoportban)
        [0] { $eligible } tagot ér el ({ $held_out } a kontrollcsoportban)
       *[other] { $eligible } tagot ér el ({ $held_out } a kontrollcsoportban; { $without_consent } nem járult hozzá a látogatásai alapján választott ajánlatokhoz)
    }
# A field of the form is wrong: the field's name, then why.
# $field: the last part of the field's path (gift.count -> count); a gift's category is
# gift_category. $message: why, without a final full stop: the text of owner-offer-whole-number,
# owner-offer-money-needed, owner-offer-date-needed, owner-offer-hours-both or
# owner-offer-hours-ahead-range, or the server's own words (in English).
owner-offer-fault =
    { $field ->
        [title] Cím: { $message }.
        [text] Szöveg: { $message }.
        [gift] Kedvezmény: { $message }.
        [count] Extra pecsét: { $message }.
        [times_tenths] Pontszorzó: { $message }.
        [gift_category] Kategória: { $message }.
        [category] Vásárolt ebben a kategóriában: { $message }.
        [item] Mi ingyenes: { $message }.
        [amount_minor] Kedvezmény összege: { $message }.
        [percent] Kedvezmény (%): { $message }.
        [starts_at] Kezdet: { $message }.
        [ends_at] Vége: { $message }.
        [weekdays] Napok: { $message }.
        [hours] Órák: { $message }.
        [audience] Kinek szól: { $message }.
        [segments] Csoportok: { $message }.
        [min_visits] Legalább ennyi látogatás: { $message }.
        [min_spend_minor] Legalább ennyi költés: { $message }.
        [lapsed_days] Ennyi napja nem járt itt: { $message }.
        [holdout_percent] Kontrollcsoport: { $message }.
        [uses_per_member] Felhasználás tagonként: { $message }.
       *[other] { $message }.
    }
# Reasons inside owner-offer-fault: lower case, no full stop.
owner-offer-whole-number = egész számot adj meg
# The example amount: write it with your language's decimal separator.
owner-offer-money-needed = összeget adj meg, például 2,50
owner-offer-date-needed = válassz egy napot
owner-offer-hours-both = mindkét órát válaszd ki, vagy egyiket se
# $hours: the most hours a same-day offer may run (a count).
owner-offer-hours-ahead-range = egy aznapi ajánlat 1–{ $hours } órán át tarthat


## Owner: offers, the list and their results

owner-offers-list-title = Ajánlataid
owner-offers-empty = Még nincs ajánlat.
# Where an offer stands. $status: active, paused, ended, or another code.
owner-offer-status-name =
    { $status ->
        [active] Aktív
        [paused] Szüneteltetve
        [ended] Lezárva
       *[unknown] Egyéb
    }
# $version: the version's number.
owner-offer-version = { $version }. verzió
# $from, $to: dates and times.
owner-offer-dates = { $from } – { $to }
# $who: the text of owner-offer-everyone, or the offer's groups (texts of segment-name joined
# with ", ") and rules (owner-rule- texts), joined with "; ".
owner-for-whom = Kinek: { $who }
# $count: how many times one member may use the offer.
owner-uses-summary =
    { $count ->
        [one] Tagonként egyszer
       *[other] Tagonként { $count } alkalommal
    }
# $percent: the holdout's percent.
owner-holdout-summary = { $percent }% kontrollcsoport
# What an offer gives, in the list. $count: extra stamps.
owner-gives-stamps = { $count } extra pecsét
# $multiplier: the text of owner-multiplier.
owner-gives-multiplier = { $multiplier } pont
# $multiplier: the text of owner-multiplier; $category: the category's name.
owner-gives-category-multiplier = { $multiplier } pont, kategória: { $category }
# $item: what is free, as the owner wrote it.
owner-gives-item = Ingyen: { $item }
# $amount: money off.
owner-gives-amount-off = { $amount } kedvezmény
owner-gives-percent-off = { $percent }% kedvezmény
# Rules of who an offer is for, inside owner-for-whom (lower case). $count: visits.
owner-rule-min-visits = legalább { $count } látogatás
# $amount: money.
owner-rule-min-spend = legalább { $amount } költés
# $days: days without a visit.
owner-rule-lapsed = { $days } napja nem járt itt
owner-rule-overdue = késik a szokásos ritmusához képest
# $category: the category's name.
owner-rule-category = vásárolt a(z) { $category } kategóriában
owner-rule-top = legjobb vásárlók
# Headings of an offer's figures: members it is for, held out, and what they did with it.
owner-count-eligible = Jogosult
owner-count-held-out = Kontrollcsoport
owner-count-shown = Megjelenítve
owner-count-opened = Megnyitva
owner-count-saved = Félretéve
owner-count-dismissed = Elutasítva
owner-count-used = Felhasználva
owner-pause-offer = Szüneteltetés
owner-resume-offer = Folytatás
owner-end-offer = Lezárás
# $title: the offer's title.
owner-confirm-end-offer = Lezárod ezt az ajánlatot: „{ $title }”? A kártyák többé nem mutatják, és a kassza sem tudja alkalmazni. Ez nem vonható vissza.
owner-confirm-end-offer-button = Ajánlat lezárása
# What an offer changed against its holdout: the verdict, then the figures with their 95 %
# intervals (left out when there are too few members), then what was measured.
# $verdict: adds, reduces, no_effect_yet, annoys, too_few_members, or another code;
# $visits: visits per member it added (shown with one decimal: English always takes *[other]);
# $more_members: about how many more members are needed to tell, or none;
# $dismissed_percent: the share who dismissed it;
# $visits_change, $visits_low, $visits_high: the difference in visits per member and its
# interval, formatted with their sign and two decimals ("+0.12", "-0.05");
# $spend_change, $spend_low, $spend_high: the same for spend per member, money with its sign
# ("+1.20 EUR");
# $days: the shop days measured; $members: members who could see it; $held_out: members held
# out (a count).
owner-offer-effect =
    { $verdict ->
        [adds] Tagonként nagyjából { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } látogatással többet hoz, és ez aligha a véletlen műve.
        [reduces] Akik láthatták, ritkábban jöttek, mint a kontrollcsoport tagjai.
        [no_effect_yet]
            { $more_members ->
                [none] Még nincs mérhető hatás.
                [0] Még nincs mérhető hatás.
               *[other] Még nincs mérhető hatás; a döntéshez nagyjából még { $more_members } tag kellene.
            }
        [annoys] A tagok { $dismissed_percent }%-a elutasította: többet bosszant, mint amennyit segít.
       *[too_few_members] Az egyik oldalon még túl kevés a tag ahhoz, hogy mérni lehessen a hatást.
    }{ $verdict ->
        [too_few_members] {""}
       *[other] {" "}Látogatás tagonként: { $visits_change } (95%-os intervallum: { $visits_low } és { $visits_high } között); költés tagonként: { $spend_change } ({ $spend_low } és { $spend_high } között).
    } Mérési időszak: { $days } nap; { $members } tag láthatta, { $held_out } a kontrollcsoportban volt.
# Members whose card shows the offer now, and first.
owner-count-on-cards = Kártyákon
owner-count-first-on = Elsőként
# The offer's window has closed: its result no longer changes.
owner-offer-result-kept = Végeredmény: az ajánlat időszaka lezárult.


## Owner: offers compared

owner-compare-title = Az ajánlatok összehasonlítása
# Column headings.
owner-compare-offer = Ajánlat
owner-compare-visits = Látogatás tagonként
owner-compare-spend = Költés tagonként
owner-compare-dismissed = Elutasítva
owner-compare-verdict = Értékelés
# The verdict in a word or two. $verdict: its code (see owner-offer-effect).
owner-verdict-short =
    { $verdict ->
        [adds] Működik
        [reduces] Kevesebb látogatás
        [no_effect_yet] Még nem egyértelmű
        [annoys] Bosszantó
       *[too_few_members] Túl kevés tag
    }


## Owner: a member's offers (the member's page)

owner-member-offers-title = Ajánlatai
owner-member-offers-none = Egyik futó ajánlat sem szól ennek a tagnak.
# $place: the offer's place on the member's card (1 is first).
owner-offer-place = { $place }. hely a kártyáján
# Why a running offer is not on the member's card. $withheld: its code.
owner-offer-withheld =
    { $withheld ->
        [held_out] Kontrollcsoportban: soha nem látja, így mérhető a hatása
        [dismissed] Nem látható: elutasította
        [suppressed] Visszatartva: nemrég két hasonló ajánlatot is elutasított
        [used_up] Nem látható: már felhasználta
        [no_room] Nem látható: hat ajánlat előrébb áll nála
       *[unknown] Nem látható
    }
# One reason an offer stands where it does on the member's card. "They" is the member.
# $reason: saved, buys, took_kind, skipped_kind, buyers, peers, new, taken_up, or another code
# (then nothing is shown). $count and $of depend on the reason: buys: visits with a purchase in
# the category, of all their visits; took_kind: offers of the kind they took up, of those shown
# (counts); buyers and peers: percent who took it up, percent of all members; new: members shown
# it; taken_up: members who took it up, of those shown it.
# $category: a category's name (buys, buyers); $gift_kind: the gift's kind code (took_kind,
# skipped_kind); $group: the text of segment-name, or the group's code (peers).
owner-offer-reason =
    { $reason ->
        [saved] Félretette.
        [buys] { $of } látogatásából { $count } alkalommal vásárolt ebben a kategóriában: { $category }.
        [took_kind] A neki mutatott { $of } { $gift_kind ->
                [extra_stamps] extra pecsétes
                [points_multiplier] pontszorzós
                [category_multiplier] kategóriás pontszorzós
                [free_item] ingyenes termékes
                [amount_off] összegkedvezményes
                [percent_off] százalékos kedvezményes
               *[other] ilyen
            } ajánlatból { $count } darabot felhasznált.
        [skipped_kind] A neki mutatott { $of } { $gift_kind ->
                [extra_stamps] extra pecsétes
                [points_multiplier] pontszorzós
                [category_multiplier] kategóriás pontszorzós
                [free_item] ingyenes termékes
                [amount_off] összegkedvezményes
                [percent_off] százalékos kedvezményes
               *[other] ilyen
            } ajánlatból egyet sem használt fel.
        [buyers] A(z) { $category } kategóriában vásárló tagok { $count }%-a élt vele (az összes tag { $of }%-a).
        [peers] A(z) { $group } csoport tagjainak { $count }%-a élt vele (az összes tag { $of }%-a).
        [new] Új: eddig { $count } tagnál jelent meg, így még kap esélyt.
        [taken_up] { $of } tagból, akinek megjelent, { $count } élt vele.
       *[other] {""}
    }
