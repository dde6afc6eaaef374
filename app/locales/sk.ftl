### Regulars: the Slovak (sk) messages.
###
### UNREVIEWED DRAFT. This translation was made without a native Slovak speaker (machine-assisted,
### from en.ftl). It must be reviewed by a native Slovak speaker before it is relied on: wording,
### plural forms, cases and tone have not been checked by anyone who speaks Slovak natively.
###
### Terms that were hard to choose (see sk.glossary.md, please check them first):
###   holdout / held out = kontrolná skupina / v kontrolnej skupine;
###   outbox = Na odoslanie; held (sync) = pozdržané;
###   reverse / reversal = stornovať / storno, undo = vrátiť späť;
###   switch (in) at the till = prihlásiť sa / Vystriedať (button);
###   Insights = Prehľady; dashboard = hlavná stránka; admin page = administrácia;
###   spend = útrata; predicted value = predpokladaná hodnota; drifting away = „možno ich strácate“;
###   NPS groups = propagátori / neutrálni / kritici; gift (of an offer) = výhoda;
###   printed card = papierová karta; reset code (owner's password) = resetovací kód,
###   kept apart from the shopper's recovery code = kód na obnovenie;
###   segment names (Champions = Šampióni ...), weekday names written in lower case.
###
### Conventions of this file:
### - The shopper, the cashier and the owner are all addressed formally (vykanie: "vy", lower case,
###   imperatives in -te).
### - Plurals use the Slovak CLDR categories: [one] 1, [few] 2-4, [many] fractions (1,5),
###   *[other] 0 and 5+. Nouns: pečiatka / pečiatky / pečiatky / pečiatok, bod / body / bodu / bodov,
###   člen / členovia / člena / členov, návšteva / návštevy / návštevy / návštev.
###   Where a name or a count would force an agreement Slovak cannot know (gender of a name, case of
###   a shop's or a reward's name), the sentence is built as "label: value" instead.
### - Everything else follows the header of en.ftl (ids, variables, "none" values, $sign).


## General: every page (shopper, cashier and owner)

loading = Načítava sa…
network-down = Bez pripojenia k serveru. Skontrolujte signál a skúste to znova.
unexpected-answer = Server poslal odpoveď, ktorej táto aplikácia nerozumie. Obnovte stránku.
# $detail: the browser's own error message (often in English).
storage-failed = Tento prehliadač nemohol použiť svoje úložisko ({ $detail }).
not-found-title = Stránka sa nenašla
not-found-body = Na tejto adrese nič nie je. Odkaz môže byť nesprávne napísaný alebo zastaraný.
# A link back to the shopper's list of loyalty cards.
go-to-my-cards = Prejsť na moje karty
# The unit alone, shown after a number that stands apart from it (a large balance on the card,
# the till's balance).
# $kind: stamps or points (how the shop's program counts); $count: the number it goes with.
unit =
    { $kind ->
        [stamps]
            { $count ->
                [one] pečiatka
                [few] pečiatky
                [many] pečiatky
               *[other] pečiatok
            }
       *[points]
            { $count ->
                [one] bod
                [few] body
                [many] bodu
               *[other] bodov
            }
    }
# A number with its unit: "3 pečiatky", "120 bodov".
# $kind: stamps or points; $count: the number.
amount =
    { $kind ->
        [stamps]
            { $count ->
                [one] { $count } pečiatka
                [few] { $count } pečiatky
                [many] { $count } pečiatky
               *[other] { $count } pečiatok
            }
       *[points]
            { $count ->
                [one] { $count } bod
                [few] { $count } body
                [many] { $count } bodu
               *[other] { $count } bodov
            }
    }


## Wallet: the shopper's list of cards (one card per shop)

my-cards = Moje karty
no-cards-yet = Zatiaľ nemáte žiadne karty
no-cards-hint = Naskenujte plagát na pulte obchodu a zapojte sa do jeho vernostného programu.


## Join: the shopper joins a shop's program (from the poster's QR code or a join link)

# The button that makes the shopper a member.
join = Zapojiť sa
joining = Zapájame vás…
open-my-card = Otvoriť moju kartu
already-member = Kartu tohto obchodu už v tomto telefóne máte.
# What the program offers, in one sentence: on the join page, the shop's poster and a printed
# card (the pitch() helper; without an active reward the code uses join-pitch-no-reward).
# $kind: stamps or points; $cost: what the first reward costs; $reward: the reward's name as the
# owner wrote it ("Káva zadarmo"). The reward's name comes after a colon so that it can stay in
# the nominative.
join-pitch =
    { $kind ->
        [stamps]
            { $cost ->
                [one] Nazbierajte { $cost } pečiatku a získajte odmenu: { $reward }.
                [few] Nazbierajte { $cost } pečiatky a získajte odmenu: { $reward }.
                [many] Nazbierajte { $cost } pečiatky a získajte odmenu: { $reward }.
               *[other] Nazbierajte { $cost } pečiatok a získajte odmenu: { $reward }.
            }
       *[points]
            { $cost ->
                [one] Nazbierajte { $cost } bod a získajte odmenu: { $reward }.
                [few] Nazbierajte { $cost } body a získajte odmenu: { $reward }.
                [many] Nazbierajte { $cost } bodu a získajte odmenu: { $reward }.
               *[other] Nazbierajte { $cost } bodov a získajte odmenu: { $reward }.
            }
    }
# The pitch when the program has no active reward. $kind: stamps or points.
join-pitch-no-reward =
    { $kind ->
        [stamps] Za každú návštevu dostanete pečiatku.
       *[points] Za každý nákup zbierate body.
    }
join-promise = Zadarmo. Bez aplikácie a bez hesla: vaša karta zostáva v tomto telefóne.


## Card: the shopper's loyalty card

# The accessible name of the card's QR code (read by screen readers).
card-qr-label = QR kód karty
brightness-hint = Zvýšte jas obrazovky, aby ho pokladník mohol naskenovať.
# The caption above the card's code written out in letters, under the QR code.
card-code-caption = Kód karty
# The card has enough for a reward.
ready-to-redeem = Máte nárok na odmenu
# How many more are needed for the next reward. $kind: stamps or points; $count: how many more.
more-to-go =
    { $kind ->
        [stamps]
            { $count ->
                [one] Ešte { $count } pečiatka
                [few] Ešte { $count } pečiatky
                [many] Ešte { $count } pečiatky
               *[other] Ešte { $count } pečiatok
            }
       *[points]
            { $count ->
                [one] Ešte { $count } bod
                [few] Ešte { $count } body
                [many] Ešte { $count } bodu
               *[other] Ešte { $count } bodov
            }
    }
rewards-heading = Odmeny
history-heading = História
no-history = Zatiaľ nič. Tu sa zobrazia vaše návštevy.

# History lines: on the shopper's card, and also in the till's last actions and outbox and the
# owner's dashboard. $sign: plus, minus or zero; the number beside it is without its sign.

# Stamps given (or taken back). $count: how many.
hist-stamps =
    { $sign ->
        [plus]
            { $count ->
                [one] +{ $count } pečiatka
                [few] +{ $count } pečiatky
                [many] +{ $count } pečiatky
               *[other] +{ $count } pečiatok
            }
        [minus]
            { $count ->
                [one] -{ $count } pečiatka
                [few] -{ $count } pečiatky
                [many] -{ $count } pečiatky
               *[other] -{ $count } pečiatok
            }
       *[zero]
            { $count ->
                [one] { $count } pečiatka
                [few] { $count } pečiatky
                [many] { $count } pečiatky
               *[other] { $count } pečiatok
            }
    }
# Points earned, with what was spent when the till recorded it.
# $points: how many; $money: the purchase's amount, or none.
hist-points =
    { $sign ->
        [plus]
            { $points ->
                [one] +{ $points } bod
                [few] +{ $points } body
                [many] +{ $points } bodu
               *[other] +{ $points } bodov
            }
        [minus]
            { $points ->
                [one] -{ $points } bod
                [few] -{ $points } body
                [many] -{ $points } bodu
               *[other] -{ $points } bodov
            }
       *[zero]
            { $points ->
                [one] { $points } bod
                [few] { $points } body
                [many] { $points } bodu
               *[other] { $points } bodov
            }
    }{ $money ->
        [none] {""}
       *[other] {" "}({ $money })
    }
# A reward handed over. $reward: the reward's name, or none when it is not known any more;
# $cost: the stamps or points it took off (the minus sign is written here).
hist-redeemed =
    { $reward ->
        [none] Uplatnená odmena (-{ $cost })
       *[other] Uplatnená odmena: { $reward } (-{ $cost })
    }
# A correction of the balance. $delta: by how much (with $sign).
# $reason: why, as a code when Regulars made the correction itself (code_failed,
# redemption_not_covered, unproven_staff, card_blocked, offer_not_covered); any other text is
# the shop's own words, shown as they are.
hist-adjustment =
    Oprava { $sign ->
        [plus] +{ $delta }
        [minus] -{ $delta }
       *[zero] { $delta }
    }: { $reason ->
        [code_failed] kód karty neprešiel kontrolou
        [redemption_not_covered] odmena, na ktorú karta nemala dosť
        [unproven_staff] nepreukázalo sa, že to urobil zamestnanec
        [card_blocked] karta bola zablokovaná
        [offer_not_covered] ponuka, ktorú karta nemohla použiť
       *[other] { $reason }
    }
# An earlier action undone at the till. $delta: by how much (with $sign); $reason: the words
# the staff member typed, or the text of undo-reason.
hist-reversal =
    Zrušené { $sign ->
        [plus] +{ $delta }
        [minus] -{ $delta }
       *[zero] { $delta }
    }: { $reason }
# A link to the shopper's profile page.
profile = Profil
all-cards = Všetky karty
# $date_time: when the card last synced with the server.
last-synced = Naposledy synchronizované: { $date_time }
syncing = Synchronizuje sa…
offline-note = Ste offline. Karta funguje aj bez signálu: ukážte tento kód pri pokladni.
card-not-on-phone = Táto karta nie je v tomto telefóne.
card-revoked = Obchod túto kartu už neuznáva.
# The accessible name of the stamp grid. $filled: stamps collected; $size: stamps the grid holds.
# "z" takes the genitive: z 1 pečiatky, z 10 pečiatok.
stamp-grid-label =
    { $size ->
        [one] { $filled } z { $size } pečiatky
        [many] { $filled } z { $size } pečiatky
       *[other] { $filled } z { $size } pečiatok
    }


## Profile: the shopper's name and e-mail (first-name and email are also labels on owner pages)

profile-title = Váš profil
profile-intro = Oba údaje sú nepovinné. Obchod ich použije, aby vás mohol osloviť menom.
first-name = Krstné meno
email = E-mail
save-profile = Uložiť profil
profile-saved = Profil je uložený
back-to-card = Späť na moju kartu


## Till: pairing the tablet and serving a customer (read by the CASHIER)

pair-title = Spárovať tento tablet
pair-intro = Požiadajte majiteľa o párovací kód: vytvorí ho v administrácii.
pairing-code = Párovací kód
# A button.
pair-tablet = Spárovať tablet
pairing = Páruje sa…
unpaired = Párovanie tohto tabletu bolo zrušené. Ak chcete pokračovať, spárujte ho znova.
# The label of the field where the cashier types or scans a card's code.
card-code = Kód karty
find-card = Nájsť kartu
scan-hint = Naskenujte kartu zákazníka alebo zadajte jej kód.
# Stands for the customer's name when they gave no first name.
member = Člen
balance = Zostatok
# Buttons beside the number of stamps to give (accessible names of − and +).
fewer-stamps = Menej pečiatok
more-stamps = Viac pečiatok
# The button that gives the stamps. $count: how many (accusative: 1 pečiatku).
give-stamps =
    { $count ->
        [one] Pridať { $count } pečiatku
        [few] Pridať { $count } pečiatky
        [many] Pridať { $count } pečiatky
       *[other] Pridať { $count } pečiatok
    }
purchase-amount = Suma nákupu
purchase-amount-optional = Suma (nepovinné)
add-points = Pridať body
# What the amount typed earns, shown beside it. $points: the points.
points-preview =
    { $points ->
        [one] = { $points } bod
        [few] = { $points } body
        [many] = { $points } bodu
       *[other] = { $points } bodov
    }
# Slovak writes a decimal comma; the till accepts 12.50 and 12,50.
invalid-amount = Zadajte zaplatenú sumu, napríklad 12,50.
# The label of the purchase's category (one-tap chips).
category-label = Kategória (nepovinné)

# not translated: CategoryName(Category). The code uses the category- messages (## Purchase categories).

# A button. $reward: the reward's name as the owner wrote it.
redeem = Uplatniť: { $reward }
# $count: stamps just given; $balance: the card's balance after.
stamps-given =
    { $count ->
        [one] Pridaná { $count } pečiatka. Zostatok: { $balance }
        [few] Pridané { $count } pečiatky. Zostatok: { $balance }
        [many] Pridané { $count } pečiatky. Zostatok: { $balance }
       *[other] Pridaných { $count } pečiatok. Zostatok: { $balance }
    }
# $points: points just added; $balance: the card's balance after.
points-added =
    { $points ->
        [one] Pridaný { $points } bod. Zostatok: { $balance }
        [few] Pridané { $points } body. Zostatok: { $balance }
        [many] Pridané { $points } bodu. Zostatok: { $balance }
       *[other] Pridaných { $points } bodov. Zostatok: { $balance }
    }
# $reward: the reward's name; $balance: the card's balance after.
reward-redeemed = Uplatnené: { $reward }. Zostatok: { $balance }
no-result = Server to nepotvrdil. Skúste to znova.
next-customer = Ďalší zákazník


## Till: the camera and the sounds (CASHIER)

camera-title = Kamera
scan-with-camera = Skenovať kamerou
# The accessible name of the live camera picture.
camera-view = Obraz z kamery
camera-starting = Spúšťa sa kamera…
camera-aim = Podržte kód karty vnútri rámčeka.
switch-camera = Prepnúť kameru
# The camera's light (a flashlight).
torch = Svetlo
close-camera = Zavrieť kameru
camera-insecure = Kamera funguje len na zabezpečenej adrese (https). Zadajte kód alebo použite skener cez USB či Bluetooth.
camera-denied = Kamera je pre túto stránku zablokovaná. Ak ňou chcete skenovať, povoľte ju v nastaveniach stránky v prehliadači; dovtedy zadajte kód alebo použite skener cez USB či Bluetooth.
camera-missing = V tomto zariadení sa nenašla žiadna kamera. Zadajte kód alebo použite skener cez USB či Bluetooth.
camera-in-use = Kameru používa iná aplikácia. Zavrite ju a skúste to znova, alebo zadajte kód.
camera-decoder-failed = Kamera teraz nedokáže čítať kódy. Obnovte stránku alebo zadajte kód.
# $detail: the browser's own words for the failure (often in English).
camera-failed = Kameru sa nepodarilo spustiť ({ $detail }). Zadajte kód alebo použite skener cez USB či Bluetooth.
sound = Zvuk
sound-on-hint = Zvuky sú zapnuté: cinknutie potvrdzuje, hlboký tón odmieta. Stlačením ich stlmíte.
sound-off-hint = Zvuky sú vypnuté. Stlačením ich zapnete.


## Till: checking a card's code (CASHIER)

# A text that cannot be a card code (checked on the tablet, also offline).
# $error: code_empty, code_too_long, code_unknown_format, code_bad_characters or code_wrong_length.
bad-code =
    { $error ->
        [code_empty] Nebol zadaný žiadny kód.
        [code_too_long] Kód je príliš dlhý na kartu Regulars.
        [code_bad_characters] Kód obsahuje znaky, ktoré karta Regulars nikdy nezobrazuje.
        [code_wrong_length] Kód je skrátený alebo má znaky navyše.
       *[code_unknown_format] Toto nie je kód karty Regulars.
    }
# A well-formed card code the till does not accept. The shopper is the customer in front of the
# cashier. $reason: code_unsigned, card_has_no_key, code_bad_signature, code_expired,
# code_from_the_future, code_used, printed_card_cannot_redeem or code_missing.
# ("nech si otvorí" keeps the customer's gender out of the sentence.)
code-refused =
    { $reason ->
        [code_unsigned] Toto je starý kód karty, ktorý môže ktokoľvek skopírovať. Požiadajte zákazníka, nech si otvorí kartu, aby sa zobrazil nový.
        [card_has_no_key] Táto karta ešte nemá kľúč. Požiadajte zákazníka, nech si kartu otvorí, keď bude online.
        [code_expired] Platnosť kódu vypršala. Požiadajte zákazníka, nech ukáže kartu znova (snímka obrazovky prestane fungovať).
        [code_from_the_future] Tento kód je z budúcnosti: hodiny v telefóne alebo v tablete idú nesprávne.
        [code_used] Tento kód už bol použitý. Požiadajte zákazníka, nech ukáže kartu znova.
        [printed_card_cannot_redeem] Na papierovú kartu sa zbierajú pečiatky aj body, ale odmeny sa dajú uplatniť len s kartou v telefóne.
        [code_missing] Neprišiel žiadny kód karty. Naskenujte kartu.
       *[code_bad_signature] Tento kód nevytvorila táto karta: môže byť falošný alebo poškodený.
    }
# A note under the customer: how the scanned code proved itself.
# $check: signed (the phone's live code), printed (a printed card) or unverified.
code-check-note =
    { $check ->
        [printed] Papierová karta: len pečiatky a body
        [unverified] Zatiaľ neoverená (offline, nová karta): len pečiatky
       *[signed] Karta overená
    }
redeem-needs-phone = Na uplatnenie odmeny treba aktuálny kód karty v telefóne zákazníka.


## Owner: changing the password

change-password = Zmeniť heslo
current-password = Súčasné heslo
new-password = Nové heslo (aspoň 10 znakov)
password-too-short = Nové heslo musí mať aspoň 10 znakov.
password-changed = Heslo je zmenené. Ostatné zariadenia boli odhlásené.


## Till: the customer on screen (CASHIER)

card-blocked = Obchod túto kartu zablokoval. Nepridávajte pečiatky ani body.
# Beside the balance when the tablet is offline.
offline-last-known = Offline: posledný známy zostatok
not-in-directory = Tento tablet kartu ešte nemá vo svojom zozname. Pečiatky sa overia, keď sa obnoví pripojenie.
redeem-needs-connection = Na uplatnenie odmeny treba pripojenie


## Till: sync and the outbox (CASHIER)

online = Online
offline = Offline
# $count: actions given on this tablet that the server does not have yet (a count; written as
# "label: number" so that no plural form is needed).
to-sync = Na synchronizáciu: { $count }
# $count: actions the server refused (a count).
rejected-count = Odmietnuté: { $count }
# The button that opens the list of actions waiting to sync.
outbox = Na odoslanie
outbox-title = Čaká na odoslanie
outbox-intro = Pečiatky a body pridané na tomto tablete tu čakajú, kým ich server neprijme.
outbox-empty = Všetko je synchronizované.
close-outbox = Zavrieť
waiting-to-sync = Čaká na synchronizáciu
# $reason: the server's own words (often in English) or its code.
rejected-because = Odmietnuté: { $reason }
# $reason: the server's own words (often in English).
held-because = Server tento záznam zatiaľ nemohol prijať ({ $reason }). Ostatné pokračujú; tento sa skúsi znova.
# $count: actions the server could not take yet (a count).
held-count = Pozdržané: { $count }
unreadable-record = Záznam, ktorý tento tablet už nevie prečítať, uchovaný tak, ako bol nájdený
# A card named by the start of its id. $short_id: 8 letters and digits.
card-short-id = Karta { $short_id }…
earlier-pairing = Pridané pred opätovným spárovaním tohto tabletu a server to nemá: nezapočítalo sa.
saving = Ukladá sa…


## Owner: setting up the program and logging in

setup-title = Nastavte si vernostný program
setup-intro = Zaberie to minútu a všetko môžete neskôr zmeniť.
password = Heslo
password-hint = Aspoň 10 znakov.
shop-name = Názov obchodu
brand-colour = Farba značky
brand-ink =
    Text na nej bude { $ink ->
        [white] biely
       *[dark] čierny
    } (kontrast { NUMBER($ratio, minimumFractionDigits: 1, maximumFractionDigits: 1) }:1, spĺňa WCAG AA).
brand-ink-sample = Ukážka textu na vašej farbe
# How members earn: a choice between stamps and points.
program-type = Typ programu
stamps = Pečiatky
points = Body
reward-name = Názov odmeny
# An example in the empty reward name field: a typical first reward.
reward-name-placeholder = Káva zadarmo
stamps-per-reward = Pečiatok na odmenu
points-per-reward = Bodov na odmenu
# $currency: the shop's currency code (EUR, GBP, HUF ...).
points-per-unit = Bodov za každé 1 { $currency } útraty
create-program = Vytvoriť program
have-account = Už mám účet
# The heading of the login form.
login-title = Prihlásenie
# The login button.
log-in = Prihlásiť sa
create-new-program = Vytvoriť nový program


## Owner: the dashboard

# $count: members of the program.
members =
    { $count ->
        [one] { $count } člen
        [few] { $count } členovia
        [many] { $count } člena
       *[other] { $count } členov
    }
join-link-label = Odkaz na zapojenie
print-poster = Vytlačiť plagát na zapojenie
tablets-heading = Tablety
create-pairing-code = Vytvoriť párovací kód
# When the pairing code stops working. $time: a time of day.
pairing-expires = Platí do { $time }
# /staff is the address to open; keep it as it is.
pairing-help = Na tablete otvorte /staff a zadajte tento kód.


## Owner: rewards

edit = Upraviť
# Take a reward out of the program (it can be reactivated).
retire = Vyradiť
reactivate = Znova aktivovať
# A tag on a retired reward (odmena is feminine).
retired = Vyradená
new-reward-name = Názov novej odmeny
new-reward-cost = Cena novej odmeny
add-reward = Pridať odmenu
reward-cost = Cena odmeny
save-reward = Uložiť odmenu
cancel = Zrušiť


## Owner: settings and review

settings-heading = Nastavenia
currency = Mena
time-zone = Časové pásmo
stamps-per-visit = Pečiatok za návštevu
# The label of the offline redemption limit. $kind: stamps or points.
offline-redemption-max =
    { $kind ->
        [stamps] Uplatnenie offline najviac do (pečiatok)
       *[points] Uplatnenie offline najviac do (bodov)
    }
offline-redemption-hint = Tablety bez pripojenia môžu vydať odmeny, ktoré stoja najviac toľko. 0: len online.
save-settings = Uložiť nastavenia
# Everyone: a new version of the app was downloaded (reload-to-update is its button).
update-available = Nová verzia Regulars je pripravená.
# A list of till actions the server marked for the owner.
review-heading = Na kontrolu
review-empty = Nič na kontrolu.
# Why the server marked a till action for the owner's review: a phrase starting in lower case,
# shown after the action in Needs review; the till joins several with "; " (server-flagged).
# "you" and "your" are the owner. $flag: the flag's code; a code this version does not know is
# passed with its underscores turned into spaces and shown as it is.
review-flag =
    { $flag ->
        [double_redemption] uplatnené offline bez dostatočného zostatku na karte
        [compensation] pridané systémom Regulars na vyrovnanie inej udalosti
        [clock_skew] hodiny tabletu boli veľmi posunuté
        [bad_clock] čas tabletu bol nemožný: použil sa čas, keď záznam dorazil na server
        [backdated] datované dávno pred poslednou synchronizáciou tabletu
        [offline_not_allowed] uplatnené offline nad váš offline limit
        [reward_retired] odmena už bola vyradená
        [reward_cost_changed] uplatnené za inú cenu, než má odmena
        [card_daily_limit] nad váš limit pečiatok na kartu za deň
        [staff_hourly_limit] nad váš limit pečiatok na zamestnanca za hodinu
        [unverified] kód karty sa nepodarilo overiť
        [code_missing] chýbal kód karty
        [code_unsigned] starý kód karty, ktorý sa dá skopírovať
        [card_has_no_key] karta ešte nemala kľúč
        [code_bad_signature] falošný alebo poškodený kód karty
        [code_expired] kód karty s vypršanou platnosťou
        [code_from_the_future] kód karty z budúcnosti
        [code_used] kód karty už použitý pri inej pokladni
        [printed_card_cannot_redeem] odmena na papierovú kartu
        [unproven_staff] nič nepreukázalo, ktorý zamestnanec to urobil
        [staff_deactivated] v mene zamestnanca, ktorého ste deaktivovali
        [reverses_redemption] vrátilo pečiatky alebo body za uplatnenú odmenu
        [reverses_compensation] zrušilo vyrovnávací záznam systému Regulars
        [before_block] urobené predtým, ako ste kartu zablokovali
        [device_revoked] urobené na tablete predtým, ako ste zrušili jeho párovanie
        [held_too_long] zákazník bol naskenovaný príliš dlho predtým
        [offer_used_up] ponuka použitá častejšie, než ju smie použiť jeden člen
        [offer_not_for_card] ponuka použitá pre člena, pre ktorého nebola určená
        [offer_not_valid] ponuka použitá mimo svojich dní či hodín, alebo keď bola pozastavená či ukončená
       *[other] { $flag }
    }
# The button of update-available.
reload-to-update = Obnoviť
settings-saved = Nastavenia sú uložené
log-out = Odhlásiť sa
# $field: the text of the field's label (stamps-per-reward, points-per-reward, ...).
whole-number-needed = { $field }: zadajte celé číslo väčšie ako nula.


## Poster: the join poster the owner prints for the counter

# The poster's headline, above the QR code, for shoppers.
scan-to-join = Naskenujte a zapojte sa
print = Tlačiť
# The accessible name of the poster's QR code.
join-qr-label = QR kód na zapojenie
back-to-dashboard = Späť na hlavnú stránku
need-login = Na zobrazenie tejto stránky sa prihláste.
go-to-admin = Prejsť do administrácie


## Card: the card's secure key and its recovery code (SHOPPER)

no-web-crypto = Tento prehliadač tu nedokáže vytvoriť bezpečnú kartu. Otvorte stránku cez HTTPS v aktuálnom prehliadači.
# $detail: the browser's own words (often in English).
card-key-failed = Tento telefón nedokázal vytvoriť ani použiť bezpečnostný kľúč vašej karty ({ $detail }).
recovery-heading = Váš kód na obnovenie
recovery-write-down = Zapíšte si ho: s ním presuniete kartu do nového telefónu.
recovery-keep-private = Ktokoľvek s týmto kódom si môže vziať vašu kartu, preto ho nikomu neukazujte. Nájdete ho aj vo svojom profile.
done = Hotovo
# The shop made or moved the card, but the phone's storage could not keep it.
# $why: the browser's own words; $code: the card's recovery code, or none.
# „Presunúť kartu do tohto telefónu“ is the text of move-card-here: keep the two the same.
card-not-kept =
    { $code ->
        [none] Obchod vašu kartu má, ale tento telefón ju nedokázal uložiť ({ $why }).
       *[other] Obchod vašu kartu má, ale tento telefón ju nedokázal uložiť ({ $why }). Váš kód na obnovenie je { $code }: zapíšte si ho a potom ho použite v časti „Presunúť kartu do tohto telefónu“.
    }
recovery-replaced = Vaša karta je teraz v tomto telefóne a starý kód na obnovenie už neplatí.
move-card-here = Presunúť kartu do tohto telefónu
recover-intro = Zadajte kód na obnovenie, ktorý ste si zapísali pri zapojení. Karta sa presunie do tohto telefónu a v starom prestane fungovať.
recovery-code-label = Kód na obnovenie
move-card = Presunúť kartu
moving-card = Karta sa presúva…
recovery-code-empty = Zadajte svoj kód na obnovenie.
recovery-code-wrong = Tento kód na obnovenie je nesprávny alebo ho nahradil novší. Skontrolujte ho a skúste to znova.
# Also on the owner's password reset page.
too-many-tries = Príliš veľa pokusov. Počkajte niekoľko minút a skúste to znova.
# A countdown under the card's QR code. $seconds: seconds left ("s" is the unit's symbol).
new-code-in = Nový kód o { $seconds } s
preparing-code = Pripravuje sa kód vašej karty…
code-needs-connection = Na zapnutie bezpečného kódu potrebuje karta raz pripojenie. Pripojte sa na internet a otvorte ju znova.
key-not-on-phone = Kľúč tejto karty nie je v tomto telefóne, preto tu karta nemôže ukázať kód. Ak ste menili telefón alebo vymazali údaje prehliadača, nastavte kartu znova pomocou kódu na obnovenie.
repair-card = Nastaviť kartu znova
repairing-card = Nastavuje sa…
card-no-longer-here = Táto karta už v tomto telefóne nefunguje: bola presunutá do iného telefónu alebo ju obchod už neuznáva.
card-blocked-by-shop = Obchod túto kartu zablokoval.
no-recovery-code = Tento telefón nemá pre túto kartu kód na obnovenie. Vytvorte si ho a zapíšte: s ním presuniete kartu do nového telefónu.
make-recovery-code = Vytvoriť nový kód na obnovenie
recovery-code-made = Nový kód na obnovenie je vytvorený. Zapíšte si ho.


## Owner: members and printed cards

members-heading = Členovia
members-link = Členovia a papierové karty
members-empty = Zatiaľ žiadni členovia.
# $date: the day the member joined.
member-since = V programe od { $date }
# Tags on a member's row.
printed-card-tag = Papierová karta
blocked-tag = Zablokovaná
block-card = Zablokovať kartu
# $name: the member's first name, or the text of unnamed-member.
# "kartu, ktorú má { $name }" keeps the name in the nominative and needs no gender.
confirm-block = Zablokovať kartu, ktorú má { $name }? Pokladne ju odteraz odmietnu. Toto sa nedá vrátiť späť.
confirm-block-button = Áno, zablokovať kartu
# $name: the member's first name, or the text of unnamed-member.
card-blocked-done = Karta, ktorú má { $name }, je zablokovaná.
make-printed-card = Vytvoriť papierovú kartu
printed-card-intro = Pre zákazníka bez smartfónu: karta na vytlačenie, ktorá slúži len na zbieranie. Na uplatnenie odmien treba kartu v telefóne.
printed-card-qr-label = QR kód papierovej karty
# What a printed card can do, printed on it. $kind: stamps or points.
printed-card-only =
    { $kind ->
        [stamps] Len pečiatky
       *[points] Len body
    }
printed-card-made = Papierová karta je vytvorená. Vytlačte ju a odovzdajte.
# A member without a first name. $short_id: the first 8 letters and digits of their card's id.
unnamed-member = Člen { $short_id }


## Till: who is at the till, PINs and warnings (CASHIER)

# The till's header. $name: the staff member at the till.
acting-as = Pri pokladni: { $name }
# A button: another staff member takes over the till.
switch-staff = Vystriedať
switch-title = Kto je pri pokladni?
no-staff-with-pin = Zatiaľ nikto nemá PIN. Zamestnancov a ich PIN pridáva majiteľ v administrácii.
switch-needs-connection = Vedúci a majiteľ sa prihlasujú cez server: pripojte tablet a skúste to znova.
scan-again = Tohto zákazníka ste naskenovali pred viac ako 15 minútami. Naskenujte jeho kartu znova.
redemption-checking = Odmena sa overuje na serveri… Vydajte ju, až keď sa tu zobrazí, že je uplatnená.
# $flags: the texts of review-flag, joined with "; ".
server-flagged = Systém Regulars to označil majiteľovi na kontrolu: { $flags }.
# A history line (card, till, owner) for an action this version of the app does not know.
hist-unknown = Niečo, čo táto verzia aplikácie zatiaľ nevie zobraziť
# The PIN pad's heading. $name: the staff member picked.
pin-for = PIN: { $name }
# The PIN pad's key that deletes the last digit.
pin-delete = Vymazať číslicu
pin-confirm = Potvrdiť
pin-checking = Overuje sa…
# A button under the staff members' names.
other-staff = Niekto iný
close = Zavrieť
# $left: how many more wrong PINs pause the till.
pin-wrong =
    { $left ->
        [one] Nesprávny PIN. Ešte { $left } nesprávny pokus a pokladňa sa pozastaví.
        [few] Nesprávny PIN. Ešte { $left } nesprávne pokusy a pokladňa sa pozastaví.
        [many] Nesprávny PIN. Ešte { $left } nesprávneho pokusu a pokladňa sa pozastaví.
       *[other] Nesprávny PIN. Ešte { $left } nesprávnych pokusov a pokladňa sa pozastaví.
    }
# $wait: the text of wait-seconds or wait-minutes (written in the accusative: "o 1 minútu").
pin-paused = Príliš veľa nesprávnych pokusov o PIN. Skúste to znova o { $wait }.
# A piece of pin-paused: a wait under a minute. $seconds: 1 to 59. Accusative.
wait-seconds =
    { $seconds ->
        [one] { $seconds } sekundu
        [few] { $seconds } sekundy
        [many] { $seconds } sekundy
       *[other] { $seconds } sekúnd
    }
# A piece of pin-paused: a wait of a minute or more, rounded up. $minutes: the minutes. Accusative.
wait-minutes =
    { $minutes ->
        [one] { $minutes } minútu
        [few] { $minutes } minúty
        [many] { $minutes } minúty
       *[other] { $minutes } minút
    }
pin-unpair-pending = 10-krát za sebou nesprávny PIN. Tablet je zamknutý a jeho párovanie sa zruší, hneď ako bude znova online.
# $name: the staff member now at the till.
switched-to = Pri pokladni je teraz { $name }.
nobody-at-till = Ak chcete pokračovať, musí sa prihlásiť zamestnanec.


## Till: the last actions, undo and reverse (CASHIER)

recent-heading = Posledných 10 úkonov
recent-empty = Na tomto tablete zatiaľ nič.
# A cashier takes back their own last action (within two minutes).
undo = Vrátiť späť
# A manager takes back any action, with a reason.
reverse = Stornovať
reverse-reason = Dôvod
confirm-reverse = Áno, stornovať
# The reason stored with a cashier's undo; the history shows it in hist-reversal.
undo-reason = Vrátené späť pri pokladni
undone = Vrátené späť.
# $balance: the card's balance after the undo.
undone-balance = Vrátené späť. Zostatok: { $balance }
# $balance: the customer's balance after what the server did.
balance-now = Aktuálny zostatok: { $balance }.
# A tag on an undone action (lower case).
undone-tag = vrátené
reason-needed = Uveďte dôvod storna.
# After an action: who did it. $name: the staff member.
by-staff = obsluha: { $name }


## Owner: staff

staff-heading = Zamestnanci
# The label of a staff member's name.
staff-name = Meno
staff-role-label = Rola
# A staff member's role. $role: owner, manager or cashier.
role-name =
    { $role ->
        [owner] Majiteľ
        [manager] Vedúci
       *[cashier] Pokladník
    }
pin = PIN
pin-hint = 4 až 6 číslic: zamestnanec ich zadá na tablete, keď sa prihlasuje. Vedúci môžu navyše stornovať akýkoľvek úkon.
new-pin-optional = Nový PIN (nepovinné)
add-staff = Pridať zamestnanca
save-staff = Uložiť
# Stops a staff member from using the tills.
deactivate = Deaktivovať
deactivated-tag = Deaktivovaný
no-pin-tag = zatiaľ bez PIN
# $name: the staff member.
staff-added = { $name } sa teraz môže prihlásiť na tabletoch.
# $name: the staff member.
staff-saved = Uložené: { $name }.
pin-must-be-digits = PIN musí mať 4 až 6 číslic.


## Owner: paired tablets

devices-heading = Spárované tablety
no-devices = Zatiaľ nie je spárovaný žiadny tablet.
# $date_time: when the tablet last reached the server.
last-seen = Naposledy online: { $date_time }
never-seen = Zatiaľ nebol online
# $date: the day the tablet was paired.
paired-on = Spárovaný: { $date }
unpair-device = Zrušiť párovanie
# $date_time: when the owner unpaired the tablet.
unpaired-on = Párovanie zrušené: { $date_time }
refresh = Obnoviť


## Owner: limits and unusual activity

# The label of a limit. $kind: stamps or points (a points program limits purchases).
card-daily-limit =
    { $kind ->
        [stamps] Najviac pečiatok na kartu za deň
       *[points] Najviac nákupov na kartu za deň
    }
# The label of a limit. $kind: stamps or points.
staff-hourly-limit =
    { $kind ->
        [stamps] Najviac pečiatok na zamestnanca za hodinu
       *[points] Najviac nákupov na zamestnanca za hodinu
    }
# „Na kontrolu“ is the text of review-heading.
limits-hint = Po prekročení limitu sa pečiatky aj tak pridajú, ale označia sa v časti Na kontrolu. 0: bez limitu.
# $days: the days looked at.
anomalies-heading =
    { $days ->
        [one] Neobvyklé za posledný { $days } deň
        [few] Neobvyklé za posledné { $days } dni
        [many] Neobvyklé za posledného { $days } dňa
       *[other] Neobvyklé za posledných { $days } dní
    }
no-anomalies = Nič neobvyklé.
# When a card is listed as unusual. $min: the least visits; $factor: how many times
# more than the typical card; $typical: the typical card's visits.
card-anomaly-rule =
    { $min ->
        [one] Karta sa tu zobrazí, ak má aspoň { $min } návštevu a viac ako { $factor }-krát toľko návštev ako vaša typická karta ({ $typical }): môže byť zdieľaná alebo opečiatkovaná bez nákupu.
        [few] Karta sa tu zobrazí, ak má aspoň { $min } návštevy a viac ako { $factor }-krát toľko návštev ako vaša typická karta ({ $typical }): môže byť zdieľaná alebo opečiatkovaná bez nákupu.
        [many] Karta sa tu zobrazí, ak má aspoň { $min } návštevy a viac ako { $factor }-krát toľko návštev ako vaša typická karta ({ $typical }): môže byť zdieľaná alebo opečiatkovaná bez nákupu.
       *[other] Karta sa tu zobrazí, ak má aspoň { $min } návštev a viac ako { $factor }-krát toľko návštev ako vaša typická karta ({ $typical }): môže byť zdieľaná alebo opečiatkovaná bez nákupu.
    }
# When a staff member is listed as unusual. $min: the least rewards handed over;
# $factor: how many times more than everyone else.
staff-anomaly-rule =
    { $min ->
        [one] Zamestnanec sa tu zobrazí, keď vydal aspoň { $min } odmenu a na návštevu ich vydáva aspoň { $factor }-krát viac ako ostatní: možno rozdáva odmeny.
        [few] Zamestnanec sa tu zobrazí, keď vydal aspoň { $min } odmeny a na návštevu ich vydáva aspoň { $factor }-krát viac ako ostatní: možno rozdáva odmeny.
        [many] Zamestnanec sa tu zobrazí, keď vydal aspoň { $min } odmeny a na návštevu ich vydáva aspoň { $factor }-krát viac ako ostatní: možno rozdáva odmeny.
       *[other] Zamestnanec sa tu zobrazí, keď vydal aspoň { $min } odmien a na návštevu ich vydáva aspoň { $factor }-krát viac ako ostatní: možno rozdáva odmeny.
    }
# An unusual card. $who: the member's first name, or the text of card-short-id; $visits: a count.
card-anomaly =
    { $visits ->
        [one] { $who }: { $visits } návšteva
        [few] { $who }: { $visits } návštevy
        [many] { $who }: { $visits } návštevy
       *[other] { $who }: { $visits } návštev
    }
# An unusual staff member. $name: the staff member; $redemptions: rewards handed over;
# $percent: rewards per 100 actions; $others: everyone else's rewards per 100 actions.
staff-anomaly =
    { $redemptions ->
        [one] { $name }: { $redemptions } odmena, { $percent } na 100 úkonov (ostatní: { $others })
        [few] { $name }: { $redemptions } odmeny, { $percent } na 100 úkonov (ostatní: { $others })
        [many] { $name }: { $redemptions } odmeny, { $percent } na 100 úkonov (ostatní: { $others })
       *[other] { $name }: { $redemptions } odmien, { $percent } na 100 úkonov (ostatní: { $others })
    }


## Card: the recommend question (SHOPPER, after a visit)

# $shop: the shop's name. It stands first, in the nominative; "nás" is the shop.
nps-question = { $shop }: aká je pravdepodobnosť, že by ste nás odporučili priateľovi?
# The two ends of the 0 to 10 scale.
nps-not-likely = 0: vôbec nie pravdepodobné
nps-very-likely = 10: veľmi pravdepodobné
nps-comment-label = Chcete nám ešte niečo povedať? (nepovinné)
# $count: characters typed; $max: the most allowed (500). "z" takes the genitive.
nps-comment-count =
    { $max ->
        [one] { $count } z { $max } znaku
        [many] { $count } z { $max } znaku
       *[other] { $count } z { $max } znakov
    }
nps-send = Odoslať odpoveď
nps-not-now = Teraz nie
nps-pick-score = Najprv vyberte číslo od 0 do 10.
nps-thanks = Ďakujeme! Vaša odpoveď sa k obchodu dostane, hneď ako bude váš telefón online.
# Why an answer was not saved. $refusal: invalid_score, comment_too_long, answered_recently,
# another code, or none; $max: the most characters a comment may have (500);
# $days: how often the card asks (90); $reason: the server's own words (often in
# English), or none.
nps-refused =
    { $refusal ->
        [invalid_score] Vaša odpoveď sa neuložila: vyberte číslo od 0 do 10.
        [comment_too_long]
            { $max ->
                [one] Vaša odpoveď sa neuložila: komentár môže mať najviac { $max } znak.
                [few] Vaša odpoveď sa neuložila: komentár môže mať najviac { $max } znaky.
                [many] Vaša odpoveď sa neuložila: komentár môže mať najviac { $max } znaku.
               *[other] Vaša odpoveď sa neuložila: komentár môže mať najviac { $max } znakov.
            }
        [answered_recently]
            { $days ->
                [one] Za posledný { $days } deň ste už odpovedali. Ďakujeme, stačí raz!
                [few] Za posledné { $days } dni ste už odpovedali. Ďakujeme, stačí raz!
                [many] Za posledného { $days } dňa ste už odpovedali. Ďakujeme, stačí raz!
               *[other] Za posledných { $days } dní ste už odpovedali. Ďakujeme, stačí raz!
            }
       *[other]
            { $reason ->
                [none] Vašu odpoveď sa nepodarilo uložiť.
               *[other] Vašu odpoveď sa nepodarilo uložiť: { $reason }.
            }
    }
# The button that closes nps-refused.
nps-refused-read = OK


## Owner: Insights, the recommend question (Net Promoter Score)

nps-title = Odporučili by vás?
nps-score = Net Promoter Score
# How many answered 9-10, 7-8 and 0-6: propagátori (promoters), neutrálni (passives),
# kritici (detractors).
nps-groups =
    { $promoters ->
        [one] { $promoters } propagátor
        [few] { $promoters } propagátori
        [many] { $promoters } propagátora
       *[other] { $promoters } propagátorov
    } (9 – 10), { $passives ->
        [one] { $passives } neutrálny
        [few] { $passives } neutrálni
        [many] { $passives } neutrálneho
       *[other] { $passives } neutrálnych
    } (7 – 8), { $detractors ->
        [one] { $detractors } kritik
        [few] { $detractors } kritici
        [many] { $detractors } kritika
       *[other] { $detractors } kritikov
    } (0 – 6)
nps-no-answers = V tomto období zatiaľ nie sú žiadne odpovede. Po návšteve sa karta každého člena raz za 90 dní opýta, nakoľko pravdepodobne by vás odporučil.
# $score: the Net Promoter Score (-100 to 100); $answers: the answers it stands on.
nps-sentence =
    { $answers ->
        [one] Z { $answers } odpovede: podiel tých, ktorí by vás odporučili (9 – 10), mínus podiel tých, ktorí by vás neodporučili (0 – 6), je { $score }. Nad 0 znamená viac fanúšikov ako kritikov.
        [many] Z { $answers } odpovede: podiel tých, ktorí by vás odporučili (9 – 10), mínus podiel tých, ktorí by vás neodporučili (0 – 6), je { $score }. Nad 0 znamená viac fanúšikov ako kritikov.
       *[other] Z { $answers } odpovedí: podiel tých, ktorí by vás odporučili (9 – 10), mínus podiel tých, ktorí by vás neodporučili (0 – 6), je { $score }. Nad 0 znamená viac fanúšikov ako kritikov.
    }
nps-by-month = Skóre podľa mesiacov
nps-comments = Čo povedali (najprv najmenej spokojní)
nps-no-comments = V tomto období žiadne komentáre.
# One member's answer. $score: 0 to 10.
nps-answer-score = { $score } z 10
nps-member-none = Zatiaľ bez odpovede na otázku o odporúčaní.


## Owner: Insights, predicted value (customer lifetime value)

clv-title = Predpokladaná hodnota
# $date: the last day of the visits the model was fitted on; $members: members with a visit by
# then; $returned: those of them who came back (a count: "z toho N s opakovanou návštevou"
# needs no plural form).
clv-as-of =
    { $members ->
        [one] Model vychádza z návštev do { $date }: { $members } člen, z toho { $returned } s opakovanou návštevou.
        [few] Model vychádza z návštev do { $date }: { $members } členovia, z toho { $returned } s opakovanou návštevou.
        [many] Model vychádza z návštev do { $date }: { $members } člena, z toho { $returned } s opakovanou návštevou.
       *[other] Model vychádza z návštev do { $date }: { $members } členov, z toho { $returned } s opakovanou návštevou.
    }
# $have: members who came back so far; $need: how many predictions need (both counts).
clv-too-few =
    { $need ->
        [one] Na predpovede treba aspoň { $need } člena, ktorý sa vrátil; zatiaľ: { $have }. Pokračujte ďalej: predpovede prídu s históriou.
       *[other] Na predpovede treba aspoň { $need } členov, ktorí sa vrátili; zatiaľ: { $have }. Pokračujte ďalej: predpovede prídu s históriou.
    }
clv-not-converged = Model sa na vašich návštevách zatiaľ nepodarilo naučiť, preto sa nezobrazujú žiadne predpovede. Prídu s dlhšou históriou.
# $have: returning members who recorded an amount; $need: how many are needed (both counts).
clv-no-amounts =
    { $have ->
        [one] Návštevy predpovedáme, útratu zatiaľ nie: suma nákupu je zaznamenaná len pri { $have } vracajúcom sa členovi (treba { $need }).
       *[other] Návštevy predpovedáme, útratu zatiaľ nie: suma nákupu je zaznamenaná len pri { $have } vracajúcich sa členoch (treba { $need }).
    }
# $weeks: a number shown with one decimal ("2,5"); with a decimal shown, Slovak takes [many]
# ("raz za 2,5 týždňa").
clv-rhythm =
    { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) ->
        [one] Kým chodia, typický člen príde približne raz za { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) } týždeň.
        [few] Kým chodia, typický člen príde približne raz za { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) } týždne.
        [many] Kým chodia, typický člen príde približne raz za { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) } týždňa.
       *[other] Kým chodia, typický člen príde približne raz za { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) } týždňov.
    }
# $percent: the chance, in percent.
clv-dropout = Po každej návšteve je približne { $percent } % šanca, že člen prestane chodiť.
# $amount: money.
clv-spend-per-visit = Typická návšteva má hodnotu približne { $amount }.
# A list's heading. $count: how many members it lists (a count; "top N" needs no plural form).
clv-top-title = Vaši najcennejší stáli zákazníci: top { $count }
clv-drifting-title = Cenní stáli zákazníci, ktorých možno strácate
clv-none-drifting = Zdá sa, že nestrácate nikoho z vašich cenných stálych zákazníkov.
# Column headings of the lists.
clv-column-visits = Návštevy
# The member's favourite category.
clv-column-favourite = Obľúbené
clv-column-active = Stále chodí
# The predicted spend in the next 12 months.
clv-column-predicted = Ďalších 12 mesiacov
# On a member's page. $active: the chance they still come, in percent; $visits: visits expected,
# shown with one decimal (Slovak takes [many] then: "1,5 návštevy"); $spend: money expected in
# the next 12 months, or none.
clv-member-line =
    { $spend ->
        [none]
            { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) ->
                [one] Stále chodí s pravdepodobnosťou { $active } %; v najbližších 90 dňoch očakávame približne { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } návštevu.
                [few] Stále chodí s pravdepodobnosťou { $active } %; v najbližších 90 dňoch očakávame približne { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } návštevy.
                [many] Stále chodí s pravdepodobnosťou { $active } %; v najbližších 90 dňoch očakávame približne { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } návštevy.
               *[other] Stále chodí s pravdepodobnosťou { $active } %; v najbližších 90 dňoch očakávame približne { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } návštev.
            }
       *[other]
            { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) ->
                [one] Stále chodí s pravdepodobnosťou { $active } %; v najbližších 90 dňoch očakávame približne { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } návštevu a v najbližších 12 mesiacoch útratu { $spend }.
                [few] Stále chodí s pravdepodobnosťou { $active } %; v najbližších 90 dňoch očakávame približne { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } návštevy a v najbližších 12 mesiacoch útratu { $spend }.
                [many] Stále chodí s pravdepodobnosťou { $active } %; v najbližších 90 dňoch očakávame približne { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } návštevy a v najbližších 12 mesiacoch útratu { $spend }.
               *[other] Stále chodí s pravdepodobnosťou { $active } %; v najbližších 90 dňoch očakávame približne { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } návštev a v najbližších 12 mesiacoch útratu { $spend }.
            }
    }
# On a member's page. $rank: their place in the list (1 is the most valuable).
clv-member-top = { $rank }. miesto medzi vašimi najcennejšími stálymi zákazníkmi.
clv-check-title = Ako presne model predpovedá
# $as_of: the last day of the visits the model was fitted on; $predicted: return visits it
# expected; $weeks: the weeks looked at after that day; $actual: return visits made (a count,
# after "skutočnosť:" it needs no plural form).
clv-check-sentence =
    Model naučený na návštevách do { $as_of } očakával od týchto členov { $predicted ->
        [one] { $predicted } opakovanú návštevu
        [few] { $predicted } opakované návštevy
        [many] { $predicted } opakovanej návštevy
       *[other] { $predicted } opakovaných návštev
    } počas { $weeks ->
        [one] nasledujúceho { $weeks } týždňa
        [many] nasledujúceho { $weeks } týždňa
       *[other] nasledujúcich { $weeks } týždňov
    }; skutočnosť: { $actual }.
# One week of the check (a row of a table). $week: the week's number; $predicted: visits
# expected; $actual: visits made, both by the end of that week.
clv-check-week = Týždeň { $week }: očakávané { $predicted }, skutočné { $actual } (zatiaľ)
clv-member-drifting = Cenný stály zákazník, ktorého možno strácate.


## Owner: Insights

insights-link = Prehľady
insights-title = Prehľady
# $name: the category's name; $percent: its share of the period's purchases.
top-category = { $name } tvorí { $percent } % nákupov členov.
# The label of a choice: the heatmap shows every member's visits or only the top customers'.
heatmap-of = Čie návštevy
every-member = Všetci členovia (toto obdobie)
# The first and last day of the period shown.
period-from = Od
period-to = Do
show-period = Zobraziť tieto dni
# $count: days.
last-days =
    { $count ->
        [one] Posledný { $count } deň
        [few] Posledné { $count } dni
        [many] Posledného { $count } dňa
       *[other] Posledných { $count } dní
    }
# The headline figures.
figure-members = Členovia
figure-new-members = Noví členovia
figure-active-members = Aktívni členovia
figure-visits = Návštevy
figure-repeat-rate = Vrátili sa do 30 dní
figure-visits-per-active = Návštevy na aktívneho člena
figure-average-spend = Priemerná útrata na návštevu
figure-revenue = Tržby od členov
figure-rewards = Uplatnené odmeny
# Under a figure: its value in the period before, and the change.
# $value: the earlier value, already formatted (a number, money or a percentage);
# $sign: plus, minus, zero, or none when there is no change to show; $percent: the change in
# percent, without its sign.
before =
    { $sign ->
        [plus] predtým { $value } (+{ $percent } %)
        [minus] predtým { $value } (-{ $percent } %)
        [zero] predtým { $value } ({ $percent } %)
       *[none] predtým { $value }
    }
no-amounts-yet = Zatiaľ nie sú zaznamenané žiadne sumy nákupov: pokladňa môže ku každej pečiatke zaznamenať aj sumu.
# Stands for a figure that has no value (nobody new).
nobody-new = —
weekly-visits = Návštevy za týždeň
# $sign: plus (visits rose), minus (fell), zero (the same), or none (no visits in the period
# before); $percent: the change in percent, without its sign.
visits-trend =
    { $sign ->
        [plus] Návštev pribudlo o { $percent } % oproti predchádzajúcemu obdobiu.
        [minus] Návštev ubudlo o { $percent } % oproti predchádzajúcemu obdobiu.
        [zero] Rovnako veľa návštev ako v predchádzajúcom období.
       *[none] V predchádzajúcom období neboli žiadne návštevy na porovnanie.
    }
when-they-come = Kedy chodia
# $weekday: the text of weekday; $from_time, $to_time: the hour's start and end ("14:00", "15:00").
# After a colon, so the weekday stays in the nominative.
busiest-slot = Najrušnejšia hodina: { $weekday } { $from_time } – { $to_time }.
# $first_day: the text of weekday; $last_day: the text of weekday, or none when they come
# mostly on one day; $from_time, $to_time: the hours ("09:00", "12:00").
top-customers-come =
    { $last_day ->
        [none] Vaši najlepší zákazníci chodia najčastejšie: { $first_day }, { $from_time } – { $to_time }.
       *[other] Vaši najlepší zákazníci chodia najčastejšie: { $first_day } – { $last_day }, { $from_time } – { $to_time }.
    }
no-visits-yet = V tomto období zatiaľ žiadne návštevy.
# A day of the week: a label (a chart's row, the offer form's day boxes) and a word inside
# busiest-slot, top-customers-come and offer-when. Slovak writes weekdays in lower case, and
# the sentences above use them in the nominative.
# $day: monday, tuesday, wednesday, thursday, friday, saturday or sunday.
weekday =
    { $day ->
        [monday] pondelok
        [tuesday] utorok
        [wednesday] streda
        [thursday] štvrtok
        [friday] piatok
        [saturday] sobota
        [sunday] nedeľa
       *[other] ?
    }
segments-title = Segmenty
# The name of a group of members (RFM segments: by how recently, how often and how much they
# buy). Also inside owner-offer-reason (in quotes there). $segment: the group's code.
segment-name =
    { $segment ->
        [champions] Šampióni
        [loyal] Verní
        [potential] Budúci verní
        [new] Noví
        [promising] Sľubní
        [need_attention] Potrebujú pozornosť
        [at_risk] Ohrození
        [cant_lose] Nesmieme ich stratiť
        [hibernating] Spiaci
        [lost] Stratení
       *[unknown] Ostatní
    }
# $count: members who moved to another group; $date: the day the groups are compared with.
segments-moved =
    { $count ->
        [one] Od { $date } zmenil skupinu { $count } člen.
        [few] Od { $date } zmenili skupinu { $count } členovia.
        [many] Od { $date } zmenilo skupinu { $count } člena.
       *[other] Od { $date } zmenilo skupinu { $count } členov.
    }
# $count: members who have not visited yet.
without-visits =
    { $count ->
        [one] { $count } člen zatiaľ bez návštevy.
        [few] { $count } členovia zatiaľ bez návštevy.
        [many] { $count } člena zatiaľ bez návštevy.
       *[other] { $count } členov zatiaľ bez návštevy.
    }

# not translated: SegmentMembersTitle(String). The heading is the group's name: the code uses segment-name.

download-csv = Stiahnuť CSV
# On a member's page.
download-history-csv = Stiahnuť celú históriu (CSV)
# On the members page.
download-members-csv = Stiahnuť všetkých členov (CSV)
# $page: this page's number; $pages: how many pages.
page-of = Strana { $page } z { $pages }
previous-page = Predchádzajúca
next-page = Ďalšia
# Column headings of the members' table.
column-member = Člen
column-last-visit = Posledná návšteva
column-visits12m = Návštevy (12 mesiacov)
column-spend12m = Útrata (12 mesiacov)
# Recency, Frequency and Monetary scores (1 to 5 each): initials, kept as the usual RFM.
column-scores = R F M
# On a member's page. $visits: their visits; $spend: money spent, or none.
member-totals =
    { $spend ->
        [none]
            { $visits ->
                [one] { $visits } návšteva
                [few] { $visits } návštevy
                [many] { $visits } návštevy
               *[other] { $visits } návštev
            }
       *[other]
            { $visits ->
                [one] { $visits } návšteva, útrata { $spend }
                [few] { $visits } návštevy, útrata { $spend }
                [many] { $visits } návštevy, útrata { $spend }
               *[other] { $visits } návštev, útrata { $spend }
            }
    }
visits-by-month = Návštevy podľa mesiacov
categories-bought = Čo kupujú
no-categories = Zatiaľ nie sú zaznamenané žiadne kategórie.
recent-history = História
# The owner's private note about a member.
owner-note = Vaša poznámka
save-note = Uložiť poznámku
saved = Uložené.


## Owner: the shop's purchase categories

categories-title = Kategórie
categories-help = Pokladňa ich zobrazuje ako tlačidlá na jedno ťuknutie. Premenovanie zachová históriu; aj odstránená kategória si históriu ponechá.
add-category = Pridať kategóriu
save-categories = Uložiť kategórie
# A button's accessible name. $name: the category.
remove-category = Odstrániť kategóriu { $name }
# The label of a category's field. $number: its place in the list (1, 2, 3 ...).
category-field = Kategória { $number }


## Till: offers for the customer on screen (CASHIER; the gift texts also show on the shopper's card)

till-offers-heading = Ponuky pre tohto zákazníka
# A tag: the member saved this offer on their phone (ponuka is feminine).
till-offer-saved = Uložená
# A button: uses an offer (for a points multiplier, switches it on for the purchase being entered).
till-offer-apply = Použiť
# A tag on the multiplier switched on for this purchase.
till-offer-armed-tag = Pri tomto nákupe
# What an offer gives: extra stamps. $count: how many.
till-offer-extra-stamps =
    { $count ->
        [one] +{ $count } pečiatka
        [few] +{ $count } pečiatky
        [many] +{ $count } pečiatky
       *[other] +{ $count } pečiatok
    }
# What an offer gives: points multiplied. $times: the multiplier (2, 1.5).
till-offer-times = Body x{ $times }
# Points multiplied in one category. $times: the multiplier; $category: the category's name.
till-offer-times-in = Body x{ $times } v kategórii { $category }
# Something handed over free. $item: what, as the owner wrote it.
till-offer-free = { $item } zadarmo
# $amount: money off the bill.
till-offer-amount-off = Zľava { $amount }
# $percent: percent off the bill.
till-offer-percent-off = Zľava { $percent } %
# Beside the purchase amount. $gift: the text of till-offer-times or till-offer-times-in.
till-offer-on-purchase = { $gift } pri tomto nákupe
# A button: takes the multiplier off this purchase.
till-offer-clear = Odstrániť ponuku
# The multiplier is for another category than the one picked. $category: the offer's category.
till-offer-not-this-category = Ponuka platí len pre kategóriu { $category }: vyberte ju, aby sa body znásobili.
# An offer used. $title: the offer's title; $stamps: extra stamps it added; $balance: the card's
# balance after.
till-offer-used =
    { $stamps ->
        [0] Ponuka použitá: { $title }
        [one] Ponuka použitá: { $title }. +{ $stamps } pečiatka. Zostatok: { $balance }
        [few] Ponuka použitá: { $title }. +{ $stamps } pečiatky. Zostatok: { $balance }
        [many] Ponuka použitá: { $title }. +{ $stamps } pečiatky. Zostatok: { $balance }
       *[other] Ponuka použitá: { $title }. +{ $stamps } pečiatok. Zostatok: { $balance }
    }
# Points added with a multiplying offer. $points: points added; $title: the offer's title;
# $balance: the card's balance after.
till-offer-points-added =
    { $points ->
        [one] Pridaný { $points } bod s ponukou „{ $title }“. Zostatok: { $balance }
        [few] Pridané { $points } body s ponukou „{ $title }“. Zostatok: { $balance }
        [many] Pridané { $points } bodu s ponukou „{ $title }“. Zostatok: { $balance }
       *[other] Pridaných { $points } bodov s ponukou „{ $title }“. Zostatok: { $balance }
    }
# An offer use in the last actions and the outbox. $title: the offer's title, or none when the
# till does not know it; $stamps: extra stamps it gave.
till-offer-line =
    Ponuka: { $title ->
        [none] neznáma
       *[other] { $title }
    }{ $stamps ->
        [0] {""}
        [one] {" "}(+{ $stamps } pečiatka)
        [few] {" "}(+{ $stamps } pečiatky)
        [many] {" "}(+{ $stamps } pečiatky)
       *[other] {" "}(+{ $stamps } pečiatok)
    }
# What a good barista remembers about the customer, as facts joined by " · ".
# $visits: their visits; $favourite: the category they buy most, or none; $last_visit: the day
# of their last visit ("23 Nov", with the year when it is not this year), or none.
till-regular =
    { $visits ->
        [one] { $visits } návšteva
        [few] { $visits } návštevy
        [many] { $visits } návštevy
       *[other] { $visits } návštev
    }{ $favourite ->
        [none] {""}
       *[other] {" · "}obľúbené: { $favourite }
    }{ $last_visit ->
        [none] {""}
       *[other] {" · "}naposledy { $last_visit }
    }


## Card: offers for the shopper

for-you-heading = Pre vás
# An offer ending soon. $unit: minutes (under an hour) or hours (whole hours, rounded down);
# $count: how many ("o" takes the accusative: o 1 minútu, o 2 minúty, o 5 minút).
offer-ends-in =
    { $unit ->
        [minutes]
            { $count ->
                [one] Končí o { $count } minútu
                [few] Končí o { $count } minúty
                [many] Končí o { $count } minúty
               *[other] Končí o { $count } minút
            }
       *[hours]
            { $count ->
                [one] Končí o { $count } hodinu
                [few] Končí o { $count } hodiny
                [many] Končí o { $count } hodiny
               *[other] Končí o { $count } hodín
            }
    }
# Opens an offer's details.
offer-details = Podrobnosti
# When an offer can be used. $until: its end (a date and time); $days: the texts of weekday
# joined with ", ", or none when it is good every day; $from_time, $to_time: its hours ("9:00",
# "17:00"), or none when it is good all day.
offer-when =
    Platí do { $until }{ $days ->
        [none] {""}
       *[other] ; v dňoch: { $days }
    }{ $from_time ->
        [none] {""}
       *[other] ; od { $from_time } do { $to_time }
    }.
offer-save = Uložiť si na návštevu
offer-saved = Uložené: ukážte kartu pri pokladni
offer-dismiss = Nemám záujem
# A choice at join and on the profile (a checkbox).
offers-consent = Vyberajte mi ponuky podľa mojich návštev
offers-consent-hint = Obchod potom môže vyberať ponuky podľa toho, čo tu nakupujete. Aj bez toho budete dostávať ponuky určené pre všetkých a vaše návštevy sa budú počítať úplne rovnako.
# $date: the day the shopper last chose.
offers-consent-chosen = Vaša voľba z { $date }.
# A history line. $count: extra stamps the offer added.
hist-offer-used =
    { $count ->
        [0] Použitá ponuka
        [one] Použitá ponuka (+{ $count } pečiatka)
        [few] Použitá ponuka (+{ $count } pečiatky)
        [many] Použitá ponuka (+{ $count } pečiatky)
       *[other] Použitá ponuka (+{ $count } pečiatok)
    }


## Purchase categories (Category): the till's built-in category chips (CASHIER)

category-coffee = Káva
category-food = Jedlo
category-drinks = Nápoje
category-retail = Tovar
category-other = Iné


## Import fields (ImportField): the fields of a purchase-history file (OWNER, the import's mapping form)

field-customer = Zákazník
field-date = Dátum
field-amount = Suma
field-category = Kategória
field-email = E-mail
field-first-name = Krstné meno


## Owner: importing purchase history (ImportMsg, /admin/import)

# The dashboard's and Insights' link to the import page.
import-link = Importovať históriu nákupov
import-title = Import histórie nákupov
import-intro = Prechádzate z papiera alebo z iného nástroja? Nahrajte minulé nákupy svojich zákazníkov z tabuľky uloženej ako CSV, aby Prehľady a predpokladaná hodnota poznali vašich stálych zákazníkov od prvého dňa.
import-format-title = Ako vyzerá súbor
# customer, date, amount, category, email and first_name are the column names the file's header
# row uses: kept as they are.
import-format-columns = Jeden nákup na riadok, pod riadkom hlavičky s názvami stĺpcov: povinné sú customer (číslo karty, meno alebo kód, podľa ktorého zákazníkov poznal váš starý systém), date a amount; category, email a first_name sú nepovinné. Fungujú aj stĺpce s inými názvami: určíte, ktorý je ktorý.
# The dates are examples of what the file holds: kept. $time_zone: the shop's time zone
# (Europe/Bratislava ...).
import-format-dates = Dátumy vyzerajú ako 2026-03-31 alebo 2026-03-31 14:05 a berú sa v časovom pásme obchodu ({ $time_zone }); dátum bez času sa počíta ako poludnie.
# $currency: the shop's currency code. The amounts are examples of what the file holds.
import-format-amounts = Sumy sú v { $currency }, v hlavných jednotkách, napríklad 4.50 (alebo 4,50): bez symbolu meny a bez oddeľovača tisícov.
# $categories: the shop's category names, joined with ", ".
import-format-categories = Kategória je jedna z vašich: { $categories }.
import-format-again = Opätovný import toho istého súboru nič nepridá: každý nákup sa importuje len raz.
import-format-balance = Importované nákupy sa započítajú do Prehľadov a predpokladanej hodnoty, ale nikdy nezmenia zostatok: nikto za ne nedostane pečiatky ani body. Zákazník, ktorého e-mail už používa niektorý člen, je týmto členom; ktokoľvek iný sa stane členom bez telefónu, ktorému môžete dať papierovú kartu.
import-file-label = Súbor CSV
import-file-hint = Najviac 50 MB a milión riadkov.
# $file_name: the file being sent and checked.
import-uploading = Číta sa { $file_name }…
import-too-large = Tento súbor je väčší ako 50 MB: rozdeľte ho na časti a importujte každú zvlášť.
# $rows: rows in the file; $bad: how many of them cannot be read.
import-rows =
    { $bad ->
        [0]
            { $rows ->
                [one] { $rows } riadok, čitateľný.
                [few] { $rows } riadky, všetky čitateľné.
                [many] { $rows } riadka, všetky čitateľné.
               *[other] { $rows } riadkov, všetky čitateľné.
            }
       *[other]
            { $rows ->
                [one] { $rows } riadok; nečitateľné: { $bad }.
                [few] { $rows } riadky; nečitateľné: { $bad }.
                [many] { $rows } riadka; nečitateľné: { $bad }.
               *[other] { $rows } riadkov; nečitateľné: { $bad }.
            }
    }
import-mapping-title = Ktorý stĺpec je ktorý
# customer, date and amount are column names: kept. „Použiť“ is the text of import-apply.
import-mapping-needed = Hlavička nepomenúva stĺpce customer, date a amount. Určte, ktorý stĺpec obsahuje ktorý údaj, a stlačte Použiť.
# „Použiť“ is the text of import-apply.
import-mapping-hint = Zmeňte stĺpec a stlačte Použiť: celý súbor sa skontroluje znova.

# not translated: ImportMsg::Field(ImportField). The code uses the field- messages (## Import fields).

# The empty choice of a column picker ("no column").
import-no-column = —
import-pick-column = Vyberte stĺpec
import-apply = Použiť
import-preview-title = Prvé riadky tak, ako sa prečítajú
# Column headings of the preview and of the bad rows.
import-column-line = Riadok
import-column-customer = Zákazník
# The purchase's time in the shop's time zone.
import-column-local-time = Čas v obchode
import-column-amount = Suma
import-column-category = Kategória
import-column-email = E-mail
import-column-first-name = Krstné meno
import-column-column = Stĺpec
import-column-reason = Čo je zle
import-bad-title = Riadky, ktoré sa nedajú prečítať
# $shown: bad rows listed; $total: bad rows in all (counts).
import-bad-listed =
    { $shown ->
        [one] Zobrazený je prvý { $shown } z { $total }.
        [few] Zobrazené sú prvé { $shown } z { $total }.
        [many] Zobrazené sú prvé { $shown } z { $total }.
       *[other] Zobrazených je prvých { $shown } z { $total }.
    }
# A button. $count: purchases it imports.
import-import-purchases =
    { $count ->
        [one] Importovať { $count } nákup
        [few] Importovať { $count } nákupy
        [many] Importovať { $count } nákupu
       *[other] Importovať { $count } nákupov
    }
import-skip-bad-rows = Preskočiť chybné riadky a importovať
# $good: rows that read; $bad: rows that do not.
import-skip-bad-note =
    Opravte súbor a nahrajte ho znova, alebo importujte { $good ->
        [one] { $good } dobrý riadok
        [few] { $good } dobré riadky
        [many] { $good } dobrého riadka
       *[other] { $good } dobrých riadkov
    } a { $bad ->
        [one] { $bad } chybný
        [few] { $bad } chybné
        [many] { $bad } chybného
       *[other] { $bad } chybných
    } vynechajte.
import-importing-title = Importuje sa
# The accessible name of the progress bar.
import-progress-label = Priebeh importu
# $done: rows imported so far; $total: rows to import. "z" takes the genitive.
import-progress =
    { $total ->
        [one] Zatiaľ importované: { $done } z { $total } riadka.
        [many] Zatiaľ importované: { $done } z { $total } riadka.
       *[other] Zatiaľ importované: { $done } z { $total } riadkov.
    }
import-done-title = Import je dokončený
# Headings of the result's figures.
import-added = Pridané nákupy
import-already-there = Už boli v systéme
import-matched-by-email = Priradené podľa e-mailu
import-matched-by-customer = Priradené podľa stĺpca customer
import-new-members = Noví členovia
import-see-insights = Pozrieť v Prehľadoch
import-another-file = Importovať ďalší súbor
import-failed-title = Import sa zastavil
import-carry-on = Pokračovať v importe
import-earlier-title = Predchádzajúce importy
# Column headings of the earlier imports.
import-column-file = Súbor
import-column-uploaded = Nahrané
import-column-status = Stav
import-column-rows = Riadky
# Opens an earlier import. $file_name: its file's name.
import-open = Otvoriť { $file_name }
# Where an import stands. $status: its code.
import-status =
    { $status ->
        [needs_mapping] Čaká na určenie stĺpcov
        [invalid] Má chybné riadky
        [ready] Pripravené na import
        [running] Importuje sa
        [done] Hotovo
       *[failed] Zastavené
    }


## Owner: printed cards and the password reset (OwnerMsg)

# A member row's button: print again the printed card of a member without a phone.
owner-print-card = Vytlačiť kartu
# $name: the member's first name, or the text of unnamed-member.
owner-card-to-print = Papierová karta – { $name }: vytlačte ju a odovzdajte.
# The login form's link to the reset page.
owner-forgot-password = Zabudli ste heslo?
owner-reset-title = Zvoľte si nové heslo
# "regulars-server reset-password" is a command the server's operator types: kept as it is.
# The reset code is "resetovací kód", kept apart from the shopper's "kód na obnovenie".
owner-reset-intro = Regulars neposiela e-maily. Požiadajte toho, kto prevádzkuje server Regulars pre váš obchod, o resetovací kód: spustí regulars-server reset-password s vašou e-mailovou adresou a dá vám kód alebo odkaz na túto stránku. Kód funguje raz, počas jednej hodiny.
owner-reset-code = Resetovací kód
# The example code is what such a code looks like: kept.
owner-reset-code-hint = 16 písmen a číslic, napríklad ABCD-EFGH-JKMN-PQRS.
owner-reset-code-empty = Najprv zadajte resetovací kód.
owner-set-new-password = Nastaviť nové heslo
owner-reset-code-wrong = Tento kód je nesprávny, už bol použitý alebo je starší ako hodina. Požiadajte toho, kto prevádzkuje server Regulars, o nový.


## Owner: offers, the form

# The dashboard's link to the offers page.
owner-offers-link = Ponuky
owner-offers-title = Ponuky
owner-offers-intro = Ponuka sa zobrazí na kartách členov, pre ktorých je určená, funguje v obchode aj offline a pokladňa ju použije jedným ťuknutím.
owner-new-offer = Nová ponuka
# The form's heading while it edits an offer. $title: the offer's title.
owner-editing-offer = Úprava ponuky „{ $title }“
# $version: the version number saving makes.
owner-saving-makes-version = Uložením vznikne verzia { $version }. Doterajšie použitia a reakcie zostanú pri verzii, ku ktorej patrili, a v kontrolnej skupine zostanú tí istí členovia.
# The edit's submit button. $version: the version number it makes.
owner-save-version = Uložiť verziu { $version }
owner-create-offer = Vytvoriť ponuku
owner-stop-editing = Ukončiť úpravy
# $title: the offer's title; $version: its version number.
owner-offer-saved = Ponuka „{ $title }“ je uložená (verzia { $version }).
# The label of the offer's title field.
owner-offer-title = Názov
# The example in quotes is an offer title.
owner-offer-title-hint = Čo zákazník prečíta ako prvé, najviac 60 znakov: „Druhý koláčik na náš účet“.
owner-offer-text = Riadok textu
# The example in quotes is an offer's line of text.
owner-offer-text-hint = Nepovinné, najviac 200 znakov: „Len tento týždeň“.
# The legend of what an offer gives.
owner-offer-gives = Čo ponuka dáva
# The label of the choice of gift ("výhoda": what the offer gives).
owner-gift-kind-label = Výhoda
# The kinds of gift.
owner-gift-extra-stamps = Pečiatky navyše pri návšteve
owner-gift-multiplier = Viac bodov pri návšteve
owner-gift-category-multiplier = Viac bodov v jednej kategórii
owner-gift-free-item = Niečo zadarmo
owner-gift-amount-off = Zľava o pevnú sumu
owner-gift-percent-off = Percentuálna zľava
owner-extra-stamps-count = Pečiatky navyše
owner-multiplier-label = Násobok bodov
# A choice of multiplier. $times: the multiplier (1.5, 2, 3); 2 also says "double points".
owner-multiplier =
    { $times ->
        [2] x{ $times } (dvojnásobné body)
       *[other] x{ $times }
    }
owner-gift-category = V kategórii
owner-pick-category = Vyberte kategóriu
owner-free-item-name = Čo je zadarmo
# $currency: the shop's currency code.
owner-amount-off-label = Zľava ({ $currency })
owner-percent-off-label = Zľava v percentách
owner-when-legend = Kedy
owner-when-hours = Od teraz, na najbližších pár hodín
owner-when-dates = Od jedného dňa do druhého
# While editing: the offer's window as it is. $from, $to: dates and times.
owner-when-kept = Bez zmeny: od { $from } do { $to }
owner-hours-ahead = Na najbližších (hodín)
owner-start-date = Prvý deň
owner-end-date = Posledný deň
owner-days-legend = Len v niektoré dni alebo hodiny
owner-days-hint = Nepovinné. Bez zaškrtnutého dňa: každý deň; bez hodín: celý deň.
# Labels of the two hour pickers.
owner-from-hour = Od
owner-to-hour = Do
# The hour pickers' empty choice.
owner-any-hour = Celý deň
owner-who-legend = Pre koho je
owner-offer-everyone = Všetci
owner-some-members = Niektorí členovia: podľa skupiny, pravidla alebo oboch
owner-some-members-hint = Členovia v ktorejkoľvek zaškrtnutej skupine (bez zaškrtnutia: v akejkoľvek skupine), ktorí zároveň spĺňajú každé vyplnené pravidlo. Členovia, ktorí nesúhlasili s ponukami vyberanými podľa ich návštev, tieto ponuky nedostanú.
owner-groups-legend = Skupiny
owner-rules-legend = Pravidlá
owner-min-visits = Návštev aspoň
# $currency: the shop's currency code.
owner-min-spend = Útrata aspoň ({ $currency })
owner-lapsed-days = Bez návštevy aspoň (dní)
owner-overdue = Meškajú oproti svojmu zvyčajnému rytmu
owner-bought-category = Nakúpili v kategórii
owner-any-category = Akákoľvek kategória
owner-top-customers = Patria medzi najlepších zákazníkov
owner-uses-per-member = Použití na člena
# The holdout: a share of eligible members who never see the offer, to measure its effect
# ("kontrolná skupina", the usual Slovak for a control group).
owner-offer-holdout = Kontrolná skupina (%)
# $percent: the holdout's percent.
owner-holdout-hint = Náhodných { $percent } % členov, pre ktorých je ponuka určená, ju nikdy neuvidí, takže uvidíte, čo naozaj zmení.
owner-offer-counting = Počítajú sa členovia, ku ktorým sa ponuka dostane…
# $eligible: members the offer would reach; $held_out: of them, held out (a count);
# $without_consent: members of a targeted offer's groups who did not agree to offers picked
# from their visits (a count), or none. Both counts come after a colon: no plural form needed.
# "Osloví" takes the accusative: 1 člena, 2 / 5 členov.
owner-offer-reaches =
    { $without_consent ->
        [none]
            { $eligible ->
                [one] Osloví { $eligible } člena (v kontrolnej skupine: { $held_out })
                [many] Osloví { $eligible } člena (v kontrolnej skupine: { $held_out })
               *[other] Osloví { $eligible } členov (v kontrolnej skupine: { $held_out })
            }
        [0]
            { $eligible ->
                [one] Osloví { $eligible } člena (v kontrolnej skupine: { $held_out })
                [many] Osloví { $eligible } člena (v kontrolnej skupine: { $held_out })
               *[other] Osloví { $eligible } členov (v kontrolnej skupine: { $held_out })
            }
       *[other]
            { $eligible ->
                [one] Osloví { $eligible } člena (v kontrolnej skupine: { $held_out }; bez súhlasu s ponukami podľa návštev: { $without_consent })
                [many] Osloví { $eligible } člena (v kontrolnej skupine: { $held_out }; bez súhlasu s ponukami podľa návštev: { $without_consent })
               *[other] Osloví { $eligible } členov (v kontrolnej skupine: { $held_out }; bez súhlasu s ponukami podľa návštev: { $without_consent })
            }
    }
# A field of the form is wrong: the field's name, then why.
# $field: the last part of the field's path (gift.count -> count); a gift's category is
# gift_category. $message: why, without a final full stop: the text of owner-offer-whole-number,
# owner-offer-money-needed, owner-offer-date-needed, owner-offer-hours-both or
# owner-offer-hours-ahead-range, or the server's own words (in English).
owner-offer-fault =
    { $field ->
        [title] Názov: { $message }.
        [text] Text: { $message }.
        [gift] Výhoda: { $message }.
        [count] Pečiatky navyše: { $message }.
        [times_tenths] Násobok bodov: { $message }.
        [gift_category] Kategória: { $message }.
        [category] Nakúpili v kategórii: { $message }.
        [item] Čo je zadarmo: { $message }.
        [amount_minor] Zľava: { $message }.
        [percent] Zľava v percentách: { $message }.
        [starts_at] Začiatok: { $message }.
        [ends_at] Koniec: { $message }.
        [weekdays] Dni: { $message }.
        [hours] Hodiny: { $message }.
        [audience] Pre koho je: { $message }.
        [segments] Skupiny: { $message }.
        [min_visits] Návštev aspoň: { $message }.
        [min_spend_minor] Útrata aspoň: { $message }.
        [lapsed_days] Bez návštevy: { $message }.
        [holdout_percent] Kontrolná skupina: { $message }.
        [uses_per_member] Použití na člena: { $message }.
       *[other] { $message }.
    }
# Reasons inside owner-offer-fault: lower case, no full stop.
owner-offer-whole-number = je potrebné celé číslo
# The example amount, with the Slovak decimal comma.
owner-offer-money-needed = je potrebná suma, napríklad 2,50
owner-offer-date-needed = vyberte deň
owner-offer-hours-both = vyberte obe hodiny, alebo žiadnu
# $hours: the most hours a same-day offer may run.
owner-offer-hours-ahead-range =
    { $hours ->
        [one] jednodňová ponuka trvá 1 až { $hours } hodinu
        [few] jednodňová ponuka trvá 1 až { $hours } hodiny
        [many] jednodňová ponuka trvá 1 až { $hours } hodiny
       *[other] jednodňová ponuka trvá 1 až { $hours } hodín
    }


## Owner: offers, the list and their results

owner-offers-list-title = Vaše ponuky
owner-offers-empty = Zatiaľ žiadne ponuky.
# Where an offer stands. $status: active, paused, ended, or another code (ponuka is feminine).
owner-offer-status-name =
    { $status ->
        [active] Aktívna
        [paused] Pozastavená
        [ended] Ukončená
       *[unknown] Iný stav
    }
# $version: the version's number.
owner-offer-version = verzia { $version }
# $from, $to: dates and times.
owner-offer-dates = { $from } – { $to }
# $who: the text of owner-offer-everyone, or the offer's groups (texts of segment-name joined
# with ", ") and rules (owner-rule- texts), joined with "; ".
owner-for-whom = Pre koho: { $who }
# $count: how many times one member may use the offer.
owner-uses-summary =
    { $count ->
        [one] Raz na člena
       *[other] { $count }-krát na člena
    }
# $percent: the holdout's percent.
owner-holdout-summary = { $percent } % v kontrolnej skupine
# What an offer gives, in the list. $count: extra stamps.
owner-gives-stamps =
    { $count ->
        [one] { $count } pečiatka navyše
        [few] { $count } pečiatky navyše
        [many] { $count } pečiatky navyše
       *[other] { $count } pečiatok navyše
    }
# $multiplier: the text of owner-multiplier.
owner-gives-multiplier = Body { $multiplier }
# $multiplier: the text of owner-multiplier; $category: the category's name.
owner-gives-category-multiplier = Body { $multiplier } v kategórii { $category }
# $item: what is free, as the owner wrote it.
owner-gives-item = Zadarmo: { $item }
# $amount: money off.
owner-gives-amount-off = Zľava { $amount }
owner-gives-percent-off = Zľava { $percent } %
# Rules of who an offer is for, inside owner-for-whom (lower case). $count: visits.
owner-rule-min-visits =
    { $count ->
        [one] aspoň { $count } návšteva
        [few] aspoň { $count } návštevy
        [many] aspoň { $count } návštevy
       *[other] aspoň { $count } návštev
    }
# $amount: money.
owner-rule-min-spend = útrata aspoň { $amount }
# $days: days without a visit.
owner-rule-lapsed =
    { $days ->
        [one] bez návštevy { $days } deň
        [few] bez návštevy { $days } dni
        [many] bez návštevy { $days } dňa
       *[other] bez návštevy { $days } dní
    }
owner-rule-overdue = meškajú s návštevou
# $category: the category's name.
owner-rule-category = nakúpili v kategórii { $category }
owner-rule-top = najlepší zákazníci
# Headings of an offer's figures: members it is for, held out, and what they did with it.
owner-count-eligible = Cieľová skupina
owner-count-held-out = Kontrolná skupina
owner-count-shown = Zobrazené
owner-count-opened = Otvorené
owner-count-saved = Uložené
owner-count-dismissed = Odmietnuté
owner-count-used = Použité
owner-pause-offer = Pozastaviť
owner-resume-offer = Obnoviť
owner-end-offer = Ukončiť
# $title: the offer's title.
owner-confirm-end-offer = Ukončiť ponuku „{ $title }“? Karty ju prestanú zobrazovať a pokladňa ju už nebude môcť použiť. Toto sa nedá vrátiť späť.
owner-confirm-end-offer-button = Ukončiť ponuku
# What an offer changed against its holdout: the verdict, then the figures with their 95 %
# intervals (left out when there are too few members), then what was measured.
# $verdict: adds, reduces, no_effect_yet, annoys, too_few_members, or another code;
# $visits: visits per member it added (shown with one decimal: Slovak takes [many] then);
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
        [adds]
            { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) ->
                [one] Pridáva približne { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } návštevu na člena a je nepravdepodobné, že ide o náhodu.
                [few] Pridáva približne { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } návštevy na člena a je nepravdepodobné, že ide o náhodu.
                [many] Pridáva približne { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } návštevy na člena a je nepravdepodobné, že ide o náhodu.
               *[other] Pridáva približne { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } návštev na člena a je nepravdepodobné, že ide o náhodu.
            }
        [reduces] Členovia, ktorí ju mohli vidieť, chodili menej často ako kontrolná skupina.
        [no_effect_yet]
            { $more_members ->
                [none] Zatiaľ žiadny merateľný účinok.
                [0] Zatiaľ žiadny merateľný účinok.
                [one] Zatiaľ žiadny merateľný účinok; na spoľahlivý záver treba ešte približne { $more_members } člena.
                [many] Zatiaľ žiadny merateľný účinok; na spoľahlivý záver treba ešte približne { $more_members } člena.
               *[other] Zatiaľ žiadny merateľný účinok; na spoľahlivý záver treba ešte približne { $more_members } členov.
            }
        [annoys] Odmietlo ju { $dismissed_percent } %: viac obťažuje, ako pomáha.
       *[too_few_members] Zatiaľ je na jednej strane príliš málo členov na meranie účinku.
    }{ $verdict ->
        [too_few_members] {""}
       *[other] {" "}Návštevy na člena { $visits_change } (95 % interval { $visits_low } až { $visits_high }); útrata na člena { $spend_change } ({ $spend_low } až { $spend_high }).
    } { $days ->
        [one] Za { $days } deň
        [few] Za { $days } dni
        [many] Za { $days } dňa
       *[other] Za { $days } dní
    }: { $members } s ponukou oproti { $held_out } v kontrolnej skupine.
# Members whose card shows the offer now, and first.
owner-count-on-cards = Na kartách
owner-count-first-on = Na prvom mieste
# The offer's window has closed: its result no longer changes.
owner-offer-result-kept = Konečný výsledok: obdobie ponuky sa skončilo.


## Owner: offers compared

owner-compare-title = Porovnanie ponúk
# Column headings.
owner-compare-offer = Ponuka
owner-compare-visits = Návštevy na člena
owner-compare-spend = Útrata na člena
owner-compare-dismissed = Odmietnuté
owner-compare-verdict = Výsledok
# The verdict in a word or two. $verdict: its code (see owner-offer-effect).
owner-verdict-short =
    { $verdict ->
        [adds] Funguje
        [reduces] Menej návštev
        [no_effect_yet] Zatiaľ nejasné
        [annoys] Obťažuje
       *[too_few_members] Málo členov
    }


## Owner: a member's offers (the member's page)

owner-member-offers-title = Ponuky tohto člena
owner-member-offers-none = Pre tohto člena nie je určená žiadna prebiehajúca ponuka.
# $place: the offer's place on the member's card (1 is first).
owner-offer-place = { $place }. miesto na karte člena
# Why a running offer is not on the member's card. $withheld: its code.
owner-offer-withheld =
    { $withheld ->
        [held_out] V kontrolnej skupine: členovi sa nikdy nezobrazí, aby sa dal merať jej účinok
        [dismissed] Nezobrazuje sa: člen ju odmietol
        [suppressed] Pozdržaná: člen nedávno odmietol dve podobné ponuky
        [used_up] Nezobrazuje sa: je vyčerpaná
        [no_room] Nezobrazuje sa: šesť ponúk má vyššie poradie
       *[unknown] Nezobrazuje sa
    }
# One reason an offer stands where it does on the member's card. "They" is the member, written
# as "člen" so that the verbs agree with that noun.
# $reason: saved, buys, took_kind, skipped_kind, buyers, peers, new, taken_up, or another code
# (then nothing is shown). $count and $of depend on the reason: buys: visits with a purchase in
# the category, of all their visits; took_kind: offers of the kind they took up, of those shown
# (counts); buyers and peers: percent who took it up, percent of all members; new: members shown
# it; taken_up: members who took it up, of those shown it.
# $category: a category's name (buys, buyers); $gift_kind: the gift's kind code (took_kind,
# skipped_kind); $group: the text of segment-name, or the group's code (peers).
owner-offer-reason =
    { $reason ->
        [saved] Člen si ju uložil.
        [buys]
            { $of ->
                [one] V kategórii { $category } nakupuje pri { $count } z { $of } návštevy.
                [many] V kategórii { $category } nakupuje pri { $count } z { $of } návštevy.
               *[other] V kategórii { $category } nakupuje pri { $count } z { $of } návštev.
            }
        [took_kind] { $gift_kind ->
                [extra_stamps] Ponuky typu „pečiatky navyše“
                [points_multiplier] Ponuky typu „násobok bodov“
                [category_multiplier] Ponuky typu „násobok bodov v kategórii“
                [free_item] Ponuky typu „niečo zadarmo“
                [amount_off] Ponuky typu „zľava o sumu“
                [percent_off] Ponuky typu „percentuálna zľava“
               *[other] Podobné ponuky
            }: člen využil { $count } z { $of ->
                [one] { $of } zobrazenej
                [many] { $of } zobrazenej
               *[other] { $of } zobrazených
            }.
        [skipped_kind] { $gift_kind ->
                [extra_stamps] Ponuky typu „pečiatky navyše“
                [points_multiplier] Ponuky typu „násobok bodov“
                [category_multiplier] Ponuky typu „násobok bodov v kategórii“
                [free_item] Ponuky typu „niečo zadarmo“
                [amount_off] Ponuky typu „zľava o sumu“
                [percent_off] Ponuky typu „percentuálna zľava“
               *[other] Podobné ponuky
            }: člen nevyužil ani jednu z { $of ->
                [one] { $of } zobrazenej
                [many] { $of } zobrazenej
               *[other] { $of } zobrazených
            }.
        [buyers] Členovia, ktorí nakupujú v kategórii { $category }, ju využili v { $count } % prípadov (všetci členovia: { $of } %).
        [peers] Členovia zo skupiny „{ $group }“ ju využili v { $count } % prípadov (všetci členovia: { $of } %).
        [new]
            { $count ->
                [one] Nová: zatiaľ sa zobrazila { $count } členovi, preto ešte dostáva šancu.
                [many] Nová: zatiaľ sa zobrazila { $count } člena, preto ešte dostáva šancu.
               *[other] Nová: zatiaľ sa zobrazila { $count } členom, preto ešte dostáva šancu.
            }
        [taken_up]
            { $of ->
                [one] Využitie: { $count } z { $of } člena, ktorému sa zobrazila.
                [many] Využitie: { $count } z { $of } člena, ktorým sa zobrazila.
               *[other] Využitie: { $count } z { $of } členov, ktorým sa zobrazila.
            }
       *[other] {""}
    }
