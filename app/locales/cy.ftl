### Regulars: the Welsh (cy) messages.
###
### UNREVIEWED DRAFT. This translation was made without a native Welsh speaker (machine-assisted,
### from en.ftl). It must be reviewed by a native Welsh speaker before it is relied on: wording,
### mutations, plural forms and tone have not been checked by anyone who speaks Welsh natively.
###
### Terms that were hard to choose (see cy.glossary.md; please check them first):
###   holdout / held out = grŵp cymharu / yn y grŵp cymharu ("comparison group"), kept apart from
###     "held back" (an offer suppressed after two dismissals) = wedi'i ddal yn ôl;
###   dismiss (an offer) = gwrthod; the shopper's button "Not for me" = "Dim diolch";
###   refused (sync) = heb ei dderbyn (not "gwrthod", kept for dismiss); held (sync) = wedi'i ohirio;
###   outbox = Blwch allan; sync = cysoni;
###   regular = cwsmer selog, plural selogion; drifting away = cilio;
###   redeem = hawlio; retire (a reward) = tynnu'n ôl; reactivate / deactivate = ailactifadu / dadactifadu;
###   tablet = llechen (plural llechi); pair / unpair = paru / dadbaru; switch in (at the till) = cymryd y til;
###   undo = dadwneud; reverse / reversal = gwrthdroi / gwrthdroad;
###   cashier = ariannwr; printed card = cerdyn papur; balance = balans;
###   gift (what an offer gives) = budd; verdict = dyfarniad; Insights = Mewnwelediadau;
###   Net Promoter Score = Sgôr Hyrwyddwr Net; promoters / passives / detractors =
###     hyrwyddwyr / goddefol / beirniaid;
###   segment names (Pencampwyr, Darpar ffyddloniaid, Yn gaeafgysgu, Peidiwch â'u colli ...);
###   import's "Apply" = Cymhwyso, the till's "Apply" (an offer) = Defnyddio;
###   column-scores kept as "R F M" (Welsh initials would be unfamiliar).
###
### Conventions of this file:
### - The shopper, the cashier and the owner are all addressed as "chi" (imperatives in -wch:
###   "Sganiwch", "Teipiwch", "Ceisiwch eto").
### - Plurals use the Welsh CLDR categories: [zero] 0, [one] 1, [two] 2, [few] 3, [many] 6,
###   *[other] everything else (4, 5, 7 ... and decimals). A noun after a numeral stays singular
###   ("3 stamp", "10 aelod"). A selector is written only where the noun changes: soft mutation after
###   2 (2 bwynt, 2 ddiwrnod, 2 funud, 2 res, 2 gynnig), aspirate mutation after 3 and 6
###   (3 phwynt, 6 phryniant, 3 chynnig), soft mutation of a feminine noun after 1 (1 wobr).
###   Nouns that never change after a number (stamp, aelod, ymweliad, ateb, awr, wythnos, eiliad,
###   nod) have no selector. Mutations are written after digits as if the number were spelled out.
### - A variable holding words (a reward's, category's, group's or staff member's name, a weekday)
###   is placed where Welsh needs no mutation: after a colon, in brackets or quotes, or as the object
###   of a verb-noun ("i gael { $reward }"). The one exception is by-staff, "gan { $name }", where the
###   name is left unmutated as Welsh software usually does.
### - "y" before a number is written "y"; Welsh says "yr" before a number read with a vowel (1, 8,
###   11, 18, 80 ...). The usual values here (7, 10, 30, 90) take "y".
### - Typography: quotations in ‘ ’, ranges and hours with an en dash (9–10, 14:00–15:00), percent
###   without a space (50%), decimal point as in 12.50.
### - Everything else follows the header of en.ftl (ids, variables, "none" values, $sign, pre-formatted
###   dates, money and times). The comments below are the English file's, in English; lines starting
###   "cy:" are notes about the Welsh.


## General: every page (shopper, cashier and owner)

loading = Wrthi'n llwytho…
network-down = Dim cysylltiad â'r gweinydd. Gwiriwch y signal a cheisiwch eto.
unexpected-answer = Anfonodd y gweinydd ateb nad yw'r ap hwn yn ei ddeall. Ail-lwythwch y dudalen.
# $detail: the browser's own error message (often in English).
storage-failed = Methodd y porwr hwn â defnyddio ei storfa ({ $detail }).
not-found-title = Heb ddod o hyd i'r dudalen
not-found-body = Does dim byd yn y cyfeiriad hwn. Efallai fod y ddolen wedi'i theipio'n anghywir neu wedi dyddio.
# A link back to the shopper's list of loyalty cards.
go-to-my-cards = Mynd i'm cardiau
# The unit alone, shown after a number that stands apart from it (a large balance on the card,
# the till's balance).
# $kind: stamps or points (how the shop's program counts); $count: the number it goes with.
# cy: a noun after a numeral stays singular. "pwynt" mutates after 2 (dau bwynt) and after 3 and 6
# (tri phwynt, chwe phwynt); "stamp" never changes.
unit =
    { $kind ->
        [stamps] stamp
       *[points]
            { $count ->
                [two] bwynt
                [few] phwynt
                [many] phwynt
               *[other] pwynt
            }
    }
# A number with its unit: "3 stamps", "120 points".
# $kind: stamps or points; $count: the number.
amount =
    { $kind ->
        [stamps] { $count } stamp
       *[points]
            { $count ->
                [two] { $count } bwynt
                [few] { $count } phwynt
                [many] { $count } phwynt
               *[other] { $count } pwynt
            }
    }

## Wallet: the shopper's list of cards (one card per shop)

my-cards = Fy nghardiau
no-cards-yet = Dim cardiau eto
no-cards-hint = Sganiwch y poster wrth gownter siop i ymuno â'i chynllun teyrngarwch.

## Join: the shopper joins a shop's program (from the poster's QR code or a join link)

# The button that makes the shopper a member.
join = Ymuno
joining = Wrthi'n ymuno…
open-my-card = Agor fy ngherdyn
already-member = Mae eich cerdyn ar gyfer y siop hon ar y ffôn hwn yn barod.
# What the program offers, in one sentence: on the join page, the shop's poster and a printed
# card (the pitch() helper; without an active reward the code uses join-pitch-no-reward).
# $kind: stamps or points; $cost: what the first reward costs; $reward: the reward's name as the
# owner wrote it ("Free coffee").
# cy: "i gael" + the reward's name: the object of a verb-noun does not mutate, so the owner's
# words stay as they are.
join-pitch =
    { $kind ->
        [stamps] Casglwch { $cost } stamp i gael { $reward }.
       *[points]
            { $cost ->
                [two] Casglwch { $cost } bwynt i gael { $reward }.
                [few] Casglwch { $cost } phwynt i gael { $reward }.
                [many] Casglwch { $cost } phwynt i gael { $reward }.
               *[other] Casglwch { $cost } pwynt i gael { $reward }.
            }
    }
# The pitch when the program has no active reward. $kind: stamps or points.
join-pitch-no-reward =
    { $kind ->
        [stamps] Casglwch stamp gyda phob ymweliad.
       *[points] Casglwch bwyntiau gyda phob pryniant.
    }
join-promise = Am ddim. Dim ap a dim cyfrinair: mae eich cerdyn yn aros ar y ffôn hwn.

## Card: the shopper's loyalty card

# The accessible name of the card's QR code (read by screen readers).
card-qr-label = Cod QR y cerdyn
brightness-hint = Trowch ddisgleirdeb eich sgrin i fyny er mwyn i'r ariannwr allu ei sganio.
# The caption above the card's code written out in letters, under the QR code.
card-code-caption = Cod y cerdyn
# The card has enough for a reward.
ready-to-redeem = Yn barod i hawlio gwobr
# How many more are needed for the next reward. $kind: stamps or points; $count: how many more.
more-to-go =
    { $kind ->
        [stamps] { $count } stamp arall
       *[points]
            { $count ->
                [two] { $count } bwynt arall
                [few] { $count } phwynt arall
                [many] { $count } phwynt arall
               *[other] { $count } pwynt arall
            }
    }
rewards-heading = Gwobrau
history-heading = Hanes
no-history = Dim byd eto. Bydd eich ymweliadau'n ymddangos yma.

# History lines: on the shopper's card, and also in the till's last actions and outbox and the
# owner's dashboard. $sign: plus, minus or zero; the number beside it is without its sign.

# Stamps given (or taken back). $count: how many.
hist-stamps =
    { $sign ->
        [plus] +{ $count } stamp
        [minus] -{ $count } stamp
       *[zero] { $count } stamp
    }
# Points earned, with what was spent when the till recorded it.
# $points: how many; $money: the purchase's amount, or none.
hist-points =
    { $sign ->
        [plus]
            { $points ->
                [two] +{ $points } bwynt
                [few] +{ $points } phwynt
                [many] +{ $points } phwynt
               *[other] +{ $points } pwynt
            }
        [minus]
            { $points ->
                [two] -{ $points } bwynt
                [few] -{ $points } phwynt
                [many] -{ $points } phwynt
               *[other] -{ $points } pwynt
            }
       *[zero] { $points } pwynt
    }{ $money ->
        [none] { "" }
       *[other] { " " }({ $money })
    }
# A reward handed over. $reward: the reward's name, or none when it is not known any more;
# $cost: the stamps or points it took off (the minus sign is written here).
hist-redeemed =
    { $reward ->
        [none] Hawliwyd gwobr (-{ $cost })
       *[other] Hawliwyd { $reward } (-{ $cost })
    }
# A correction of the balance. $delta: by how much (with $sign).
# $reason: why, as a code when Regulars made the correction itself (code_failed,
# redemption_not_covered, unproven_staff, card_blocked, offer_not_covered); any other text is
# the shop's own words, shown as they are.
hist-adjustment =
    Cywiriad { $sign ->
        [plus] +{ $delta }
        [minus] -{ $delta }
       *[zero] { $delta }
    }: { $reason ->
        [code_failed] methodd cod y cerdyn y gwiriad
        [redemption_not_covered] gwobr na allai'r cerdyn ei thalu
        [unproven_staff] dim prawf mai aelod o staff a'i gwnaeth
        [card_blocked] roedd y cerdyn wedi'i rwystro
        [offer_not_covered] cynnig na allai'r cerdyn ei ddefnyddio
       *[other] { $reason }
    }
# An earlier action undone at the till. $delta: by how much (with $sign); $reason: the words
# the staff member typed, or the text of undo-reason.
hist-reversal =
    Wedi'i ddadwneud { $sign ->
        [plus] +{ $delta }
        [minus] -{ $delta }
       *[zero] { $delta }
    }: { $reason }
# A link to the shopper's profile page.
profile = Proffil
all-cards = Pob cerdyn
# $date_time: when the card last synced with the server.
last-synced = Cysonwyd ddiwethaf: { $date_time }
syncing = Wrthi'n cysoni…
offline-note = All-lein. Mae eich cerdyn yn gweithio heb signal: dangoswch y cod hwn wrth y til.
card-not-on-phone = Nid yw'r cerdyn hwn ar y ffôn hwn.
card-revoked = Nid yw'r siop yn adnabod y cerdyn hwn mwyach.
# The accessible name of the stamp grid. $filled: stamps collected; $size: stamps the grid holds
# (a count: English says "stamps" for every number).
# cy: singular noun after a numeral, so no selector is needed.
stamp-grid-label = { $filled } o { $size } stamp

## Profile: the shopper's name and e-mail (first-name and email are also labels on owner pages)

profile-title = Eich proffil
profile-intro = Mae'r ddau'n ddewisol. Mae'r siop yn eu defnyddio i'ch cyfarch wrth eich enw.
first-name = Enw cyntaf
email = E-bost
save-profile = Cadw'r proffil
profile-saved = Proffil wedi'i gadw
back-to-card = Yn ôl i'm cerdyn

## Till: pairing the tablet and serving a customer (read by the CASHIER)

pair-title = Paru'r llechen hon
pair-intro = Gofynnwch i'r perchennog am god paru: mae modd creu un ar y dudalen weinyddu.
pairing-code = Cod paru
# A button.
pair-tablet = Paru'r llechen
pairing = Wrthi'n paru…
unpaired = Cafodd y llechen hon ei dadbaru. Parwch hi eto i barhau.
# The label of the field where the cashier types or scans a card's code.
card-code = Cod y cerdyn
find-card = Chwilio am gerdyn
scan-hint = Sganiwch gerdyn y cwsmer neu deipiwch ei god.
# Stands for the customer's name when they gave no first name.
member = Aelod
balance = Balans
# Buttons beside the number of stamps to give (accessible names of − and +).
fewer-stamps = Llai o stampiau
more-stamps = Mwy o stampiau
# The button that gives the stamps. $count: how many.
give-stamps = Rhoi { $count } stamp
purchase-amount = Swm y pryniant
purchase-amount-optional = Swm (dewisol)
add-points = Ychwanegu pwyntiau
# What the amount typed earns, shown beside it. $points: the points.
points-preview =
    { $points ->
        [two] = { $points } bwynt
        [few] = { $points } phwynt
        [many] = { $points } phwynt
       *[other] = { $points } pwynt
    }
# Write the example with your language's decimal separator: the till accepts 12.50 and 12,50.
invalid-amount = Teipiwch y swm a dalwyd, er enghraifft 12.50.
# The label of the purchase's category (one-tap chips).
category-label = Categori (dewisol)

# not translated: CategoryName(Category). The code uses the category- messages (## Purchase categories).

# A button. $reward: the reward's name as the owner wrote it.
redeem = Hawlio { $reward }
# $count: stamps just given; $balance: the card's balance after.
stamps-given = Rhoddwyd { $count } stamp. Balans: { $balance }
# $points: points just added; $balance: the card's balance after.
points-added =
    { $points ->
        [two] Ychwanegwyd { $points } bwynt. Balans: { $balance }
        [few] Ychwanegwyd { $points } phwynt. Balans: { $balance }
        [many] Ychwanegwyd { $points } phwynt. Balans: { $balance }
       *[other] Ychwanegwyd { $points } pwynt. Balans: { $balance }
    }
# $reward: the reward's name; $balance: the card's balance after.
reward-redeemed = Hawliwyd { $reward }. Balans: { $balance }
no-result = Ni chadarnhaodd y gweinydd hyn. Ceisiwch eto.
next-customer = Cwsmer nesaf

## Till: the camera and the sounds (CASHIER)

camera-title = Camera
scan-with-camera = Sganio â'r camera
# The accessible name of the live camera picture.
camera-view = Golwg y camera
camera-starting = Wrthi'n cychwyn y camera…
camera-aim = Daliwch god y cerdyn y tu mewn i'r ffrâm.
switch-camera = Newid camera
# The camera's light (a flashlight).
torch = Fflachlamp
close-camera = Cau'r camera
camera-insecure = Dim ond ar gyfeiriad diogel (https) y mae'r camera'n gweithio. Teipiwch y cod, neu ddefnyddiwch sganiwr USB neu Bluetooth.
camera-denied = Mae'r camera wedi'i rwystro ar gyfer y wefan hon. Caniatewch ef yng ngosodiadau gwefan y porwr i sganio ag ef; yn y cyfamser, teipiwch y cod, neu ddefnyddiwch sganiwr USB neu Bluetooth.
camera-missing = Ni chafwyd hyd i gamera ar y ddyfais hon. Teipiwch y cod, neu ddefnyddiwch sganiwr USB neu Bluetooth.
camera-in-use = Mae ap arall yn defnyddio'r camera. Caewch ef a cheisiwch eto, neu deipiwch y cod.
camera-decoder-failed = Ni all y camera ddarllen codau ar hyn o bryd. Ail-lwythwch y dudalen, neu deipiwch y cod.
# $detail: the browser's own words for the failure (often in English).
camera-failed = Methodd y camera â chychwyn ({ $detail }). Teipiwch y cod, neu ddefnyddiwch sganiwr USB neu Bluetooth.
sound = Sain
sound-on-hint = Mae'r synau ymlaen: mae tinc yn cadarnhau, mae tôn isel yn gwrthod. Pwyswch i'w diffodd.
sound-off-hint = Mae'r synau i ffwrdd. Pwyswch i'w troi ymlaen.

## Till: checking a card's code (CASHIER)

# A text that cannot be a card code (checked on the tablet, also offline).
# $error: code_empty, code_too_long, code_unknown_format, code_bad_characters or code_wrong_length.
bad-code =
    { $error ->
        [code_empty] Ni roddwyd cod.
        [code_too_long] Mae'r cod yn rhy hir i fod yn gerdyn Regulars.
        [code_bad_characters] Mae gan y cod nodau na fydd cerdyn Regulars byth yn eu dangos.
        [code_wrong_length] Mae'r cod wedi'i dorri'n fyr neu mae ganddo nodau ychwanegol.
       *[code_unknown_format] Nid cod cerdyn Regulars yw hwn.
    }
# A well-formed card code the till does not accept. The shopper is the customer in front of the
# cashier. $reason: code_unsigned, card_has_no_key, code_bad_signature, code_expired,
# code_from_the_future, code_used, printed_card_cannot_redeem or code_missing.
code-refused =
    { $reason ->
        [code_unsigned] Hen god cerdyn yw hwn y gallai unrhyw un ei gopïo. Gofynnwch i'r cwsmer agor y cerdyn er mwyn iddo ddangos cod newydd.
        [card_has_no_key] Does dim allwedd gan y cerdyn hwn eto. Gofynnwch i'r cwsmer agor y cerdyn tra bo'r ffôn ar-lein.
        [code_expired] Mae'r cod hwn wedi dod i ben. Gofynnwch i'r cwsmer ddangos y cerdyn eto (dydy sgrinlun ddim yn gweithio).
        [code_from_the_future] Mae'r cod hwn o'r dyfodol: mae cloc y ffôn neu gloc y llechen yn anghywir.
        [code_used] Mae'r cod hwn wedi'i ddefnyddio'n barod. Gofynnwch i'r cwsmer ddangos y cerdyn eto.
        [printed_card_cannot_redeem] Mae cerdyn papur yn casglu stampiau a phwyntiau, ond mae angen y cerdyn ar ffôn i hawlio gwobrau.
        [code_missing] Ni ddaeth cod cerdyn gyda hyn. Sganiwch y cerdyn.
       *[code_bad_signature] Nid y cerdyn hwn a greodd y cod hwn: efallai ei fod wedi'i ffugio neu wedi'i ddifrodi.
    }
# A note under the customer: how the scanned code proved itself.
# $check: signed (the phone's live code), printed (a printed card) or unverified.
code-check-note =
    { $check ->
        [printed] Cerdyn papur: stampiau a phwyntiau yn unig
        [unverified] Heb ei wirio eto (all-lein, cerdyn newydd): stampiau yn unig
       *[signed] Cerdyn wedi'i wirio
    }
redeem-needs-phone = Mae angen cod byw y cerdyn ar ffôn y cwsmer i hawlio gwobrau.

## Owner: changing the password

change-password = Newid cyfrinair
current-password = Cyfrinair presennol
new-password = Cyfrinair newydd (o leiaf 10 nod)
password-too-short = Mae angen o leiaf 10 nod yn y cyfrinair newydd.
password-changed = Newidiwyd y cyfrinair. Cafodd dyfeisiau eraill eu hallgofnodi.

## Till: the customer on screen (CASHIER)

card-blocked = Mae'r siop wedi rhwystro'r cerdyn hwn. Peidiwch â rhoi stampiau na phwyntiau.
# Beside the balance when the tablet is offline.
offline-last-known = All-lein: y balans diwethaf sy'n hysbys
not-in-directory = Nid yw ar restr y llechen hon eto. Caiff y stampiau eu gwirio pan fydd y cysylltiad yn ôl.
redeem-needs-connection = Mae angen cysylltiad i hawlio gwobr

## Till: sync and the outbox (CASHIER)

online = Ar-lein
offline = All-lein
# $count: actions given on this tablet that the server does not have yet (a count).
# cy: written as "label: number", so that no agreement with an unnamed noun is needed.
to-sync = I'w cysoni: { $count }
# $count: actions the server refused (a count).
rejected-count = Heb eu derbyn: { $count }
# The button that opens the list of actions waiting to sync.
outbox = Blwch allan
outbox-title = Blwch allan
outbox-intro = Mae stampiau a phwyntiau a roddwyd ar y llechen hon yn aros yma nes bod y gweinydd wedi'u cael.
outbox-empty = Mae popeth wedi'i gysoni.
close-outbox = Cau
waiting-to-sync = Yn aros i gysoni
# $reason: the server's own words (often in English) or its code.
rejected-because = Heb ei dderbyn: { $reason }
# $reason: the server's own words (often in English).
held-because = Ni allai'r gweinydd dderbyn hwn eto ({ $reason }). Mae'r lleill yn mynd yn eu blaen; caiff hwn ei drio eto.
# $count: actions the server could not take yet (a count).
held-count = Wedi'u gohirio: { $count }
unreadable-record = Cofnod na all y llechen hon ei ddarllen mwyach, wedi'i gadw fel y cafwyd ef
# A card named by the start of its id. $short_id: 8 letters and digits.
card-short-id = Cerdyn { $short_id }…
earlier-pairing = Rhoddwyd cyn i'r llechen hon gael ei pharu eto, ac nid yw'r gweinydd wedi'i gael: ni chafodd ei gyfrif.
saving = Wrthi'n cadw…

## Owner: setting up the program and logging in

setup-title = Sefydlu eich cynllun teyrngarwch
setup-intro = Mae'n cymryd munud, a gallwch newid popeth wedyn.
password = Cyfrinair
password-hint = O leiaf 10 nod.
shop-name = Enw'r siop
brand-colour = Lliw'r brand
brand-ink =
    Bydd y testun arno { $ink ->
        [white] yn wyn
       *[dark] yn ddu
    } (cyferbyniad { NUMBER($ratio, minimumFractionDigits: 1, maximumFractionDigits: 1) }:1, yn bodloni WCAG AA).
brand-ink-sample = Testun enghreifftiol ar eich lliw
# How members earn: a choice between stamps and points.
program-type = Math o gynllun
stamps = Stampiau
points = Pwyntiau
reward-name = Enw'r wobr
# An example in the empty reward name field: write a typical first reward in your language.
reward-name-placeholder = Coffi am ddim
stamps-per-reward = Stampiau fesul gwobr
points-per-reward = Pwyntiau fesul gwobr
# $currency: the shop's currency code (EUR, GBP, HUF ...).
points-per-unit = Pwyntiau fesul 1 { $currency } a werir
create-program = Creu'r cynllun
have-account = Mae gen i gyfrif yn barod
# The heading of the login form.
login-title = Mewngofnodi
# The login button.
log-in = Mewngofnodi
create-new-program = Creu cynllun newydd

## Owner: the dashboard

# $count: members of the program.
# cy: "aelod" does not mutate after a numeral: one form for every number.
members = { $count } aelod
join-link-label = Dolen ymuno
print-poster = Argraffu'r poster ymuno
tablets-heading = Llechi
create-pairing-code = Creu cod paru
# When the pairing code stops working. $time: a time of day.
pairing-expires = Yn dod i ben am { $time }
# /staff is the address to open; keep it as it is.
pairing-help = Agorwch /staff ar y llechen a theipiwch y cod hwn.

## Owner: rewards

edit = Golygu
# Take a reward out of the program (it can be reactivated).
retire = Tynnu'n ôl
reactivate = Ailactifadu
# A tag on a retired reward.
# cy: feminine, agreeing with "gwobr".
retired = Wedi'i thynnu'n ôl
new-reward-name = Enw'r wobr newydd
new-reward-cost = Cost y wobr newydd
add-reward = Ychwanegu gwobr
reward-cost = Cost y wobr
save-reward = Cadw'r wobr
cancel = Canslo

## Owner: settings and review

settings-heading = Gosodiadau
currency = Arian cyfred
time-zone = Cylchfa amser
stamps-per-visit = Stampiau fesul ymweliad
# The label of the offline redemption limit. $kind: stamps or points.
offline-redemption-max =
    { $kind ->
        [stamps] Hawlio all-lein hyd at (stampiau)
       *[points] Hawlio all-lein hyd at (pwyntiau)
    }
offline-redemption-hint = Caiff llechi heb gysylltiad roi gwobrau sy'n costio hyd at hyn. 0: ar-lein yn unig.
save-settings = Cadw'r gosodiadau
# Everyone: a new version of the app was downloaded (reload-to-update is its button).
update-available = Mae fersiwn newydd o Regulars yn barod.
# A list of till actions the server marked for the owner.
review-heading = Angen adolygu
review-empty = Dim byd i'w adolygu.
# Why the server marked a till action for the owner's review: a phrase starting in lower case,
# shown after the action in Needs review; the till joins several with "; " (server-flagged).
# "you" and "your" are the owner. $flag: the flag's code; a code this version does not know is
# passed with its underscores turned into spaces and shown as it is.
review-flag =
    { $flag ->
        [double_redemption] hawliwyd all-lein heb ddigon ar y cerdyn
        [compensation] ychwanegwyd gan Regulars i gydbwyso digwyddiad arall
        [clock_skew] roedd cloc y llechen ymhell allan
        [bad_clock] roedd amser y llechen yn amhosibl: defnyddir yr amser y cyrhaeddodd y gweinydd
        [backdated] wedi'i ddyddio ymhell cyn i'r llechen gysoni ddiwethaf
        [offline_not_allowed] hawliwyd all-lein uwchlaw eich terfyn all-lein
        [reward_retired] roedd y wobr eisoes wedi'i thynnu'n ôl
        [reward_cost_changed] hawliwyd am gost wahanol i gost y wobr
        [card_daily_limit] dros eich terfyn stampiau fesul cerdyn y dydd
        [staff_hourly_limit] dros eich terfyn stampiau fesul aelod o staff yr awr
        [unverified] doedd dim modd gwirio cod y cerdyn
        [code_missing] ni ddaeth cod cerdyn gydag ef
        [code_unsigned] yr hen god cerdyn y gallai unrhyw un ei gopïo
        [card_has_no_key] doedd gan y cerdyn ddim allwedd eto
        [code_bad_signature] cod cerdyn wedi'i ffugio neu wedi'i ddifrodi
        [code_expired] cod cerdyn a oedd wedi dod i ben
        [code_from_the_future] cod cerdyn o'r dyfodol
        [code_used] cod cerdyn a ddefnyddiwyd eisoes wrth til arall
        [printed_card_cannot_redeem] gwobr ar gerdyn papur
        [unproven_staff] dim prawf pa aelod o staff a'i gwnaeth
        [staff_deactivated] yn enw aelod o staff yr oeddech wedi'i ddadactifadu
        [reverses_redemption] rhoddodd stampiau neu bwyntiau gwobr a hawliwyd yn ôl
        [reverses_compensation] dadwnaeth gofnod cydbwyso gan Regulars
        [before_block] wedi'i wneud cyn i chi rwystro'r cerdyn
        [device_revoked] wedi'i wneud ar lechen cyn i chi ei dadbaru
        [held_too_long] roedd y cwsmer wedi'i sganio ymhell cyn hynny
        [offer_used_up] cynnig a ddefnyddiwyd yn amlach nag y caiff un aelod
        [offer_not_for_card] cynnig a ddefnyddiwyd i aelod nad oedd wedi'i fwriadu ar ei gyfer
        [offer_not_valid] cynnig a ddefnyddiwyd y tu allan i'w ddyddiadau neu ei oriau, neu tra oedd wedi'i oedi neu wedi dod i ben
       *[other] { $flag }
    }
# The button of update-available.
reload-to-update = Ail-lwytho
settings-saved = Gosodiadau wedi'u cadw
log-out = Allgofnodi
# $field: the text of the field's label (stamps-per-reward, points-per-reward, ...).
# cy: written as "label: reason", so the label needs no mutation.
whole-number-needed = { $field }: mae angen rhif cyfan uwchlaw sero.

## Poster: the join poster the owner prints for the counter

# The poster's headline, above the QR code, for shoppers.
scan-to-join = Sganiwch i ymuno
print = Argraffu
# The accessible name of the poster's QR code.
join-qr-label = Cod QR ymuno
back-to-dashboard = Yn ôl i'r dangosfwrdd
need-login = Mewngofnodwch i weld y dudalen hon.
go-to-admin = Mynd i'r dudalen weinyddu

## Card: the card's secure key and its recovery code (SHOPPER)

no-web-crypto = Ni all y porwr hwn greu cerdyn diogel yma. Agorwch y dudalen dros HTTPS mewn porwr cyfoes.
# $detail: the browser's own words (often in English).
card-key-failed = Ni allai'r ffôn hwn greu na defnyddio allwedd ddiogel eich cerdyn ({ $detail }).
recovery-heading = Eich cod adfer
recovery-write-down = Ysgrifennwch hwn i lawr: mae'n symud eich cerdyn i ffôn newydd.
recovery-keep-private = Gall unrhyw un sydd â'r cod hwn gymryd eich cerdyn, felly cadwch ef i chi'ch hun. Mae'ch proffil yn ei ddangos eto.
done = Gorffen
# The shop made or moved the card, but the phone's storage could not keep it.
# $why: the browser's own words; $code: the card's recovery code, or none.
# "Move a card to this phone" is the text of move-card-here: keep the two the same.
card-not-kept =
    { $code ->
        [none] Mae eich cerdyn gan y siop, ond ni allai'r ffôn hwn ei gadw ({ $why }).
       *[other] Mae eich cerdyn gan y siop, ond ni allai'r ffôn hwn ei gadw ({ $why }). Eich cod adfer yw { $code }: ysgrifennwch ef i lawr, yna defnyddiwch ef o dan ‘Symud cerdyn i'r ffôn hwn’.
    }
recovery-replaced = Mae eich cerdyn ar y ffôn hwn nawr, a dydy eich hen god adfer ddim yn gweithio mwyach.
move-card-here = Symud cerdyn i'r ffôn hwn
recover-intro = Teipiwch y cod adfer a ysgrifennoch chi pan wnaethoch chi ymuno. Mae'r cerdyn yn symud i'r ffôn hwn ac yn peidio â gweithio ar yr hen un.
recovery-code-label = Cod adfer
move-card = Symud y cerdyn
moving-card = Wrthi'n symud y cerdyn…
recovery-code-empty = Teipiwch eich cod adfer.
recovery-code-wrong = Mae'r cod adfer hwn yn anghywir, neu mae un mwy newydd wedi cymryd ei le. Gwiriwch ef a cheisiwch eto.
# Also on the owner's password reset page.
too-many-tries = Gormod o ymdrechion. Arhoswch ychydig funudau, yna ceisiwch eto.
# A countdown under the card's QR code. $seconds: seconds left ("s" is the unit's symbol).
new-code-in = Cod newydd ymhen { $seconds } s
preparing-code = Wrthi'n paratoi cod eich cerdyn…
code-needs-connection = Mae angen cysylltiad ar eich cerdyn unwaith i droi ei god diogel ymlaen. Cysylltwch â'r rhyngrwyd a'i agor eto.
key-not-on-phone = Nid yw allwedd y cerdyn hwn ar y ffôn hwn, felly ni all ddangos cod yma. Os ydych chi wedi newid ffôn neu wedi clirio data'r porwr, sefydlwch y cerdyn eto gyda'i god adfer.
repair-card = Sefydlu'r cerdyn eto
repairing-card = Wrthi'n sefydlu…
card-no-longer-here = Nid yw'r cerdyn hwn yn gweithio ar y ffôn hwn mwyach: cafodd ei symud i ffôn arall, neu nid yw'r siop yn ei adnabod mwyach.
card-blocked-by-shop = Mae'r siop wedi rhwystro'r cerdyn hwn.
no-recovery-code = Does gan y ffôn hwn ddim cod adfer ar gyfer y cerdyn hwn. Crëwch un a'i ysgrifennu i lawr: mae'n symud eich cerdyn i ffôn newydd.
make-recovery-code = Creu cod adfer newydd
recovery-code-made = Crëwyd cod adfer newydd. Ysgrifennwch ef i lawr.

## Owner: members and printed cards

members-heading = Aelodau
members-link = Aelodau a chardiau papur
members-empty = Dim aelodau eto.
# $date: the day the member joined.
member-since = Ymunodd ar { $date }
# Tags on a member's row.
printed-card-tag = Cerdyn papur
blocked-tag = Wedi'i rwystro
block-card = Rhwystro'r cerdyn
# $name: the member's first name, or the text of unnamed-member.
confirm-block = Rhwystro cerdyn { $name }? Bydd tiliau'n ei wrthod o hyn ymlaen. Does dim modd dadwneud hyn.
confirm-block-button = Ie, rhwystro'r cerdyn
# $name: the member's first name, or the text of unnamed-member.
card-blocked-done = Mae cerdyn { $name } wedi'i rwystro.
make-printed-card = Creu cerdyn papur
printed-card-intro = I gwsmer heb ffôn clyfar: cerdyn i'w argraffu, ar gyfer casglu yn unig. Mae angen y cerdyn ar ffôn i hawlio gwobrau.
printed-card-qr-label = Cod QR y cerdyn papur
# What a printed card can do, printed on it. $kind: stamps or points.
printed-card-only =
    { $kind ->
        [stamps] Stampiau yn unig
       *[points] Pwyntiau yn unig
    }
printed-card-made = Mae'r cerdyn papur yn barod. Argraffwch ef a'i roi i'r cwsmer.
# A member without a first name. $short_id: the first 8 letters and digits of their card's id.
unnamed-member = Aelod { $short_id }

## Till: who is at the till, PINs and warnings (CASHIER)

# The till's header. $name: the staff member at the till.
acting-as = Wrth y til: { $name }
# A button: another staff member takes over the till.
switch-staff = Newid
switch-title = Pwy sydd wrth y til?
no-staff-with-pin = Does gan neb PIN eto. Mae'r perchennog yn ychwanegu staff a'u rhifau PIN ar y dudalen weinyddu.
switch-needs-connection = Mae rheolwyr a'r perchennog yn cymryd y til drwy'r gweinydd: cysylltwch y llechen a cheisiwch eto.
scan-again = Cafodd y cwsmer hwn ei sganio fwy na 15 munud yn ôl. Sganiwch y cerdyn eto.
redemption-checking = Wrthi'n gwirio'r wobr gyda'r gweinydd… Rhowch hi i'r cwsmer pan fydd hyn yn dweud ei bod wedi'i hawlio.
# $flags: the texts of review-flag, joined with "; ".
server-flagged = Mae Regulars wedi nodi hyn i'r perchennog ei adolygu: { $flags }.
# A history line (card, till, owner) for an action this version of the app does not know.
hist-unknown = Rhywbeth na all y fersiwn hon o'r ap ei ddangos eto
# The PIN pad's heading. $name: the staff member picked.
pin-for = PIN ar gyfer { $name }
# The PIN pad's key that deletes the last digit.
pin-delete = Dileu digid
pin-confirm = Cadarnhau
pin-checking = Wrthi'n gwirio…
# A button under the staff members' names.
other-staff = Rhywun arall
close = Cau
# $left: how many more wrong PINs pause the till.
pin-wrong =
    { $left ->
        [one] PIN anghywir. Os bydd y PIN nesaf yn anghywir, bydd y til yn oedi.
       *[other] PIN anghywir. Ar ôl { $left } PIN anghywir arall, bydd y til yn oedi.
    }
# $wait: the text of wait-seconds or wait-minutes.
pin-paused = Gormod o rifau PIN anghywir. Ceisiwch eto ymhen { $wait }.
# A piece of pin-paused: a wait under a minute. $seconds: 1 to 59.
wait-seconds = { $seconds } eiliad
# A piece of pin-paused: a wait of a minute or more, rounded up. $minutes: the minutes.
# cy: "munud" mutates after 2 (dau funud).
wait-minutes =
    { $minutes ->
        [two] { $minutes } funud
       *[other] { $minutes } munud
    }
pin-unpair-pending = PIN anghywir 10 gwaith yn olynol. Mae'r llechen hon wedi'i chloi a bydd yn cael ei dadbaru cyn gynted ag y bydd yn ôl ar-lein.
# $name: the staff member now at the till.
switched-to = Mae { $name } wrth y til.
nobody-at-till = Dewiswch pwy sydd wrth y til i barhau.

## Till: the last actions, undo and reverse (CASHIER)

recent-heading = Y 10 gweithred olaf
recent-empty = Dim byd eto ar y llechen hon.
# A cashier takes back their own last action (within two minutes).
undo = Dadwneud
# A manager takes back any action, with a reason.
reverse = Gwrthdroi
reverse-reason = Rheswm
confirm-reverse = Gwrthdroi hyn
# The reason stored with a cashier's undo; the history shows it in hist-reversal.
undo-reason = Wedi'i ddadwneud wrth y til
undone = Wedi'i ddadwneud.
# $balance: the card's balance after the undo.
undone-balance = Wedi'i ddadwneud. Balans: { $balance }
# $balance: the customer's balance after what the server did.
balance-now = Balans nawr: { $balance }.
# A tag on an undone action (lower case).
undone-tag = wedi'i ddadwneud
reason-needed = Rhowch reswm dros wrthdroi.
# After an action: who did it. $name: the staff member.
# cy: "gan" would soft-mutate a name (gan Ddafydd); names from a variable are left unmutated, as
# Welsh software usually does.
by-staff = gan { $name }

## Owner: staff

staff-heading = Staff
# The label of a staff member's name.
staff-name = Enw
staff-role-label = Rôl
# A staff member's role. $role: owner, manager or cashier.
role-name =
    { $role ->
        [owner] Perchennog
        [manager] Rheolwr
       *[cashier] Ariannwr
    }
pin = PIN
pin-hint = 4 i 6 digid: maen nhw'n ei deipio ar y llechen i gymryd y til. Gall rheolwyr hefyd wrthdroi unrhyw weithred.
new-pin-optional = PIN newydd (dewisol)
add-staff = Ychwanegu aelod o staff
save-staff = Cadw
# Stops a staff member from using the tills.
deactivate = Dadactifadu
deactivated-tag = Wedi'i ddadactifadu
no-pin-tag = dim PIN eto
# $name: the staff member.
staff-added = Mae { $name } yn gallu cymryd y til ar y llechi nawr.
# $name: the staff member.
staff-saved = Cadwyd manylion { $name }.
pin-must-be-digits = Rhaid i'r PIN fod yn 4 i 6 digid.

## Owner: paired tablets

devices-heading = Llechi wedi'u paru
no-devices = Does dim llechen wedi'i pharu eto.
# $date_time: when the tablet last reached the server.
last-seen = Gwelwyd ddiwethaf: { $date_time }
never-seen = Heb ei gweld eto
# $date: the day the tablet was paired.
paired-on = Parwyd ar { $date }
unpair-device = Dadbaru
# $date_time: when the owner unpaired the tablet.
unpaired-on = Dadbarwyd ar { $date_time }
refresh = Adnewyddu

## Owner: limits and unusual activity

# The label of a limit. $kind: stamps or points (a points program limits purchases).
card-daily-limit =
    { $kind ->
        [stamps] Uchafswm stampiau fesul cerdyn y dydd
       *[points] Uchafswm pryniannau fesul cerdyn y dydd
    }
# The label of a limit. $kind: stamps or points.
staff-hourly-limit =
    { $kind ->
        [stamps] Uchafswm stampiau fesul aelod o staff yr awr
       *[points] Uchafswm pryniannau fesul aelod o staff yr awr
    }
# "Needs review" is the text of review-heading.
limits-hint = Dros derfyn, caiff stampiau eu rhoi o hyd, a'u nodi o dan ‘Angen adolygu’. 0: dim terfyn.
# $days: the days looked at (a count).
# cy: "diwrnod" mutates after 2 (dau ddiwrnod). "y" before a number: Welsh writes "yr" before a
# number said with a vowel (yr 8, yr 11); the usual values (7, 30, 90) take "y".
anomalies-heading =
    { $days ->
        [one] Anarferol yn ystod y diwrnod diwethaf
        [two] Anarferol yn ystod y { $days } ddiwrnod diwethaf
       *[other] Anarferol yn ystod y { $days } diwrnod diwethaf
    }
no-anomalies = Dim byd anarferol.
# When a card is listed as unusual. $min: the least visits (a count); $factor: how many times
# more than the typical card; $typical: the typical card's visits.
card-anomaly-rule =
    Mae cerdyn yn ymddangos yma pan fydd ganddo o leiaf { $min } ymweliad a mwy na { $factor } { $factor ->
        [two] waith
       *[other] gwaith
    } nifer ymweliadau eich cerdyn nodweddiadol ({ $typical }): efallai ei fod yn cael ei rannu, neu'n cael stampiau heb bryniant.
# When a staff member is listed as unusual. $min: the least rewards handed over (a count);
# $factor: how many times more than everyone else.
# cy: "gwobr" is feminine: 1 wobr, 2 wobr, 3 gwobr.
staff-anomaly-rule =
    Mae aelod o staff yn ymddangos yma ar ôl rhoi o leiaf { $min } { $min ->
        [one] wobr
        [two] wobr
       *[other] gwobr
    }, os yw ei gyfradd gwobrau fesul ymweliad yn { $factor } { $factor ->
        [two] waith
       *[other] gwaith
    } cyfradd pawb arall neu fwy: efallai fod gwobrau'n cael eu rhoi i ffwrdd.
# An unusual card. $who: the member's first name, or the text of card-short-id; $visits: a count.
card-anomaly = { $who }: { $visits } ymweliad
# An unusual staff member. $name: the staff member; $redemptions: rewards handed over (a count);
# $percent: rewards per 100 actions; $others: everyone else's rewards per 100 actions.
staff-anomaly =
    { $name }: { $redemptions } { $redemptions ->
        [one] wobr
        [two] wobr
       *[other] gwobr
    }, { $percent } fesul 100 gweithred (pawb arall: { $others })

## Card: the recommend question (SHOPPER, after a visit)

# $shop: the shop's name.
nps-question = Pa mor debygol ydych chi o argymell { $shop } i ffrind?
# The two ends of the 0 to 10 scale.
nps-not-likely = 0: ddim yn debygol o gwbl
nps-very-likely = 10: yn debygol iawn
nps-comment-label = Oes unrhyw beth yr hoffech chi ei ddweud wrthym? (dewisol)
# $count: characters typed; $max: the most allowed (500, a count).
nps-comment-count = { $count } o { $max } nod
nps-send = Anfon fy ateb
nps-not-now = Dim nawr
nps-pick-score = Dewiswch rif o 0 i 10 yn gyntaf.
nps-thanks = Diolch! Bydd eich ateb yn cyrraedd y siop cyn gynted ag y bydd eich ffôn ar-lein.
# Why an answer was not saved. $refusal: invalid_score, comment_too_long, answered_recently,
# another code, or none; $max: the most characters a comment may have (500, a count);
# $days: how often the card asks (90, a count); $reason: the server's own words (often in
# English), or none.
nps-refused =
    { $refusal ->
        [invalid_score] Ni chadwyd eich ateb: dewiswch rif o 0 i 10.
        [comment_too_long] Ni chadwyd eich ateb: gall sylw fod yn { $max } nod ar y mwyaf.
        [answered_recently]
            { $days ->
                [two] Rydych chi eisoes wedi ateb yn ystod y { $days } ddiwrnod diwethaf. Diolch, mae unwaith yn ddigon!
               *[other] Rydych chi eisoes wedi ateb yn ystod y { $days } diwrnod diwethaf. Diolch, mae unwaith yn ddigon!
            }
       *[other]
            { $reason ->
                [none] Doedd dim modd cadw eich ateb.
               *[other] Doedd dim modd cadw eich ateb: { $reason }.
            }
    }
# The button that closes nps-refused.
nps-refused-read = Iawn

## Owner: Insights, the recommend question (Net Promoter Score)

nps-title = Fydden nhw'n eich argymell chi?
nps-score = Sgôr Hyrwyddwr Net
# How many answered 9-10, 7-8 and 0-6.
# cy: written as "label: number", so that the group names need no agreement with the number.
nps-groups = Hyrwyddwyr: { $promoters } (9–10), goddefol: { $passives } (7–8), beirniaid: { $detractors } (0–6)
nps-no-answers = Dim atebion yn y cyfnod hwn eto. Ar ôl ymweliad, mae cerdyn pob aelod yn gofyn unwaith bob 90 diwrnod pa mor debygol ydyn nhw o'ch argymell chi.
# $score: the Net Promoter Score (-100 to 100); $answers: the answers it stands on.
# cy: "ateb" does not mutate after a numeral: one form for every number.
nps-sentence = O { $answers } ateb: cyfran y rhai a fyddai'n eich argymell (9–10) llai cyfran y rhai na fyddai (0–6) yw { $score }. Mae uwchlaw 0 yn golygu mwy o gefnogwyr nag o feirniaid.
nps-by-month = Sgôr fesul mis
nps-comments = Beth ddywedon nhw (y lleiaf bodlon yn gyntaf)
nps-no-comments = Dim sylwadau yn y cyfnod hwn.
# One member's answer. $score: 0 to 10.
nps-answer-score = { $score } o 10
nps-member-none = Heb ateb y cwestiwn argymell eto.

## Owner: Insights, predicted value (customer lifetime value)

clv-title = Gwerth a ragwelir
# $date: the last day of the visits the model was fitted on; $members: members with a visit by
# then; $returned: those of them who came back (a count).
clv-as-of = Yn seiliedig ar yr ymweliadau hyd at { $date }: { $members } aelod, a { $returned } ohonyn nhw wedi dod yn ôl.
# $have: members who came back so far; $need: how many predictions need (both counts).
clv-too-few = Mae angen o leiaf { $need } aelod sydd wedi dod yn ôl cyn gallu rhagweld; mae { $have } hyd yma. Daliwch ati i stampio: daw'r rhagolygon gyda'r hanes.
clv-not-converged = Doedd dim modd llunio'r model ar sail eich ymweliadau eto, felly does dim rhagolygon i'w dangos. Fe ddôn nhw gyda mwy o hanes.
# $have: returning members who recorded an amount; $need: how many are needed (both counts).
clv-no-amounts = Caiff ymweliadau eu rhagweld, ond nid gwariant: dim ond { $have } aelod sy'n dychwelyd a gofnododd swm (mae angen { $need }).
# $weeks: a number shown with one decimal ("2.5"); with a decimal shown, English always takes
# *[other], but your language may have a form for decimals (sk: many).
# cy: the noun stays singular after any number, decimals included, so no selector is needed.
clv-rhythm = Tra byddan nhw'n dal i ddod, mae aelod nodweddiadol yn dod tua bob { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) } wythnos.
# $percent: the chance, in percent.
clv-dropout = Ar ôl pob ymweliad, mae siawns o tua { $percent }% y bydd aelod yn rhoi'r gorau i ddod.
# $amount: money.
clv-spend-per-visit = Mae ymweliad nodweddiadol yn werth tua { $amount }.
# A list's heading. $count: how many members it lists (a count).
# cy: "cwsmer" mutates after 2 (dau gwsmer), 3 and 6 (tri chwsmer, chwe chwsmer).
clv-top-title =
    { $count ->
        [two] Eich { $count } gwsmer selog mwyaf gwerthfawr
        [few] Eich { $count } chwsmer selog mwyaf gwerthfawr
        [many] Eich { $count } chwsmer selog mwyaf gwerthfawr
       *[other] Eich { $count } cwsmer selog mwyaf gwerthfawr
    }
clv-drifting-title = Selogion gwerthfawr a allai fod yn cilio
clv-none-drifting = Does dim un o'ch selogion gwerthfawr i'w weld yn cilio.
# Column headings of the lists.
clv-column-visits = Ymweliadau
# The member's favourite category.
clv-column-favourite = Ffefryn
clv-column-active = Yn dal i ddod
# The predicted spend in the next 12 months.
clv-column-predicted = 12 mis nesaf
# On a member's page. $active: the chance they still come, in percent; $visits: visits expected,
# shown with one decimal (English always takes *[other] then); $spend: money expected in the
# next 12 months, or none.
clv-member-line =
    { $spend ->
        [none] Yn dal yn selog: { $active }% o siawns; disgwylir tua { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } ymweliad yn y 90 diwrnod nesaf.
       *[other] Yn dal yn selog: { $active }% o siawns; disgwylir tua { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } ymweliad yn y 90 diwrnod nesaf a { $spend } yn y 12 mis nesaf.
    }
# On a member's page. $rank: their place in the list (1 is the most valuable).
clv-member-top = Rhif { $rank } ymhlith eich selogion mwyaf gwerthfawr.
clv-check-title = Pa mor dda mae'r model yn rhagweld
# $as_of: the last day of the visits the model was fitted on; $predicted: return visits it
# expected; $weeks: the weeks looked at after that day; $actual: return visits made (a count).
clv-check-sentence = Ar sail yr ymweliadau hyd at { $as_of }, roedd y model yn disgwyl { $predicted } ymweliad dychwelyd gan yr aelodau hynny dros y { $weeks } wythnos wedyn; fe wnaethon nhw { $actual }.
# One week of the check (a row of a table). $week: the week's number; $predicted: visits
# expected; $actual: visits made, both by the end of that week.
clv-check-week = Wythnos { $week }: disgwyliwyd { $predicted }, gwnaed { $actual } (hyd yma)
clv-member-drifting = Cwsmer selog gwerthfawr a allai fod yn cilio.

## Owner: Insights

insights-link = Mewnwelediadau
insights-title = Mewnwelediadau
# $name: the category's name; $percent: its share of the period's purchases.
top-category = Mae { $name } yn { $percent }% o'r hyn a brynodd aelodau.
# The label of a choice: the heatmap shows every member's visits or only the top customers'.
heatmap-of = Ymweliadau pwy
every-member = Pob aelod (y cyfnod hwn)
# The first and last day of the period shown.
period-from = O
period-to = Hyd at
show-period = Dangos y dyddiau hyn
# $count: days (a count).
last-days =
    { $count ->
        [one] Y diwrnod diwethaf
        [two] Y { $count } ddiwrnod diwethaf
       *[other] Y { $count } diwrnod diwethaf
    }
# The headline figures.
figure-members = Aelodau
figure-new-members = Aelodau newydd
figure-active-members = Aelodau gweithgar
figure-visits = Ymweliadau
figure-repeat-rate = Wedi dod yn ôl o fewn 30 diwrnod
figure-visits-per-active = Ymweliadau fesul aelod gweithgar
figure-average-spend = Gwariant cyfartalog fesul ymweliad
figure-revenue = Refeniw gan aelodau
figure-rewards = Gwobrau a hawliwyd
# Under a figure: its value in the period before, and the change.
# $value: the earlier value, already formatted (a number, money or a percentage);
# $sign: plus, minus, zero, or none when there is no change to show; $percent: the change in
# percent, without its sign.
before =
    { $sign ->
        [plus] o'r blaen: { $value } (+{ $percent }%)
        [minus] o'r blaen: { $value } (-{ $percent }%)
        [zero] o'r blaen: { $value } ({ $percent }%)
       *[none] o'r blaen: { $value }
    }
no-amounts-yet = Dim symiau pryniant wedi'u cofnodi eto: gall y til gofnodi swm gyda phob stamp.
# Stands for a figure that has no value (nobody new). Keep, or use your language's dash.
nobody-new = —
weekly-visits = Ymweliadau fesul wythnos
# $sign: plus (visits rose), minus (fell), zero (the same), or none (no visits in the period
# before); $percent: the change in percent, without its sign.
visits-trend =
    { $sign ->
        [plus] Cododd ymweliadau { $percent }% o'u cymharu â'r cyfnod cynt.
        [minus] Gostyngodd ymweliadau { $percent }% o'u cymharu â'r cyfnod cynt.
        [zero] Yr un nifer o ymweliadau ag yn y cyfnod cynt.
       *[none] Dim ymweliadau yn y cyfnod cynt i gymharu â nhw.
    }
when-they-come = Pryd maen nhw'n dod
# $weekday: the text of weekday; $from_time, $to_time: the hour's start and end ("14:00", "15:00").
# cy: the weekday comes after a colon, where it needs no mutation ("ar ddydd Llun" would).
busiest-slot = Yr awr brysuraf: { $weekday }, { $from_time }–{ $to_time }.
# $first_day: the text of weekday; $last_day: the text of weekday, or none when they come
# mostly on one day; $from_time, $to_time: the hours ("09:00", "12:00").
top-customers-come =
    { $last_day ->
        [none] Pryd mae eich cwsmeriaid gorau'n dod amlaf: { $first_day }, { $from_time }–{ $to_time }.
       *[other] Pryd mae eich cwsmeriaid gorau'n dod amlaf: { $first_day } – { $last_day }, { $from_time }–{ $to_time }.
    }
no-visits-yet = Dim ymweliadau yn y cyfnod hwn eto.
# A day of the week: a label (a chart's row, the offer form's day boxes) and a word inside
# busiest-slot, top-customers-come and offer-when.
# $day: monday, tuesday, wednesday, thursday, friday, saturday or sunday.
weekday =
    { $day ->
        [monday] Dydd Llun
        [tuesday] Dydd Mawrth
        [wednesday] Dydd Mercher
        [thursday] Dydd Iau
        [friday] Dydd Gwener
        [saturday] Dydd Sadwrn
        [sunday] Dydd Sul
       *[other] ?
    }
segments-title = Segmentau
# The name of a group of members (RFM segments: by how recently, how often and how much they
# buy). Also inside owner-offer-reason. $segment: the group's code.
segment-name =
    { $segment ->
        [champions] Pencampwyr
        [loyal] Ffyddlon
        [potential] Darpar ffyddloniaid
        [new] Newydd
        [promising] Addawol
        [need_attention] Angen sylw
        [at_risk] Mewn perygl
        [cant_lose] Peidiwch â'u colli
        [hibernating] Yn gaeafgysgu
        [lost] Wedi'u colli
       *[unknown] Arall
    }
# $count: members who moved to another group; $date: the day the groups are compared with.
segments-moved = Mae { $count } aelod wedi newid grŵp ers { $date }.
# $count: members who have not visited yet.
without-visits = { $count } aelod heb ymweliad eto.

# not translated: SegmentMembersTitle(String). The heading is the group's name: the code uses segment-name.

download-csv = Llwytho CSV i lawr
# On a member's page.
download-history-csv = Llwytho'r holl hanes i lawr (CSV)
# On the members page.
download-members-csv = Llwytho pob aelod i lawr (CSV)
# $page: this page's number; $pages: how many pages.
page-of = Tudalen { $page } o { $pages }
previous-page = Blaenorol
next-page = Nesaf
# Column headings of the members' table.
column-member = Aelod
column-last-visit = Ymweliad diwethaf
column-visits12m = Ymweliadau (12 mis)
column-spend12m = Gwariant (12 mis)
# Recency, Frequency and Monetary scores (1 to 5 each): initials; use your language's, or keep.
column-scores = R F M
# On a member's page. $visits: their visits; $spend: money spent, or none.
member-totals =
    { $spend ->
        [none] { $visits } ymweliad
       *[other] { $visits } ymweliad, { $spend } wedi'i wario
    }
visits-by-month = Ymweliadau fesul mis
categories-bought = Beth maen nhw'n ei brynu
no-categories = Dim categorïau wedi'u cofnodi eto.
recent-history = Hanes
# The owner's private note about a member.
owner-note = Eich nodyn
save-note = Cadw'r nodyn
saved = Wedi'i gadw.

## Owner: the shop's purchase categories

categories-title = Categorïau
categories-help = Mae'r til yn dangos y rhain fel botymau un tap. Mae ailenwi'n cadw'r hanes; mae categori a dynnwyd yn cadw ei hanes hefyd.
add-category = Ychwanegu categori
save-categories = Cadw'r categorïau
# A button's accessible name. $name: the category.
remove-category = Dileu { $name }
# The label of a category's field. $number: its place in the list (1, 2, 3 ...).
category-field = Categori { $number }

## Till: offers for the customer on screen (CASHIER; the gift texts also show on the shopper's card)

till-offers-heading = Cynigion i'r cwsmer hwn
# A tag: the member saved this offer on their phone.
till-offer-saved = Wedi'i gadw
# A button: uses an offer (for a points multiplier, switches it on for the purchase being entered).
till-offer-apply = Defnyddio
# A tag on the multiplier switched on for this purchase.
till-offer-armed-tag = Ar y pryniant hwn
# What an offer gives: extra stamps. $count: how many.
till-offer-extra-stamps = +{ $count } stamp
# What an offer gives: points multiplied. $times: the multiplier (2, 1.5).
till-offer-times = Pwyntiau x{ $times }
# Points multiplied in one category. $times: the multiplier; $category: the category's name.
# cy: the category in brackets, where its name needs no mutation ("ar Goffi" would).
till-offer-times-in = Pwyntiau x{ $times } ({ $category })
# Something handed over free. $item: what, as the owner wrote it.
till-offer-free = { $item } am ddim
# $amount: money off the bill.
till-offer-amount-off = { $amount } i ffwrdd
# $percent: percent off the bill.
till-offer-percent-off = { $percent }% i ffwrdd
# Beside the purchase amount. $gift: the text of till-offer-times or till-offer-times-in.
till-offer-on-purchase = { $gift } ar y pryniant hwn
# A button: takes the multiplier off this purchase.
till-offer-clear = Tynnu'r cynnig
# The multiplier is for another category than the one picked. $category: the offer's category.
till-offer-not-this-category = Dim ond ar gyfer { $category } mae'r cynnig: dewiswch y categori hwnnw i luosi'r pwyntiau.
# An offer used. $title: the offer's title; $stamps: extra stamps it added; $balance: the card's
# balance after.
till-offer-used =
    { $stamps ->
        [0] Cynnig wedi'i ddefnyddio: { $title }
       *[other] Cynnig wedi'i ddefnyddio: { $title }. +{ $stamps } stamp. Balans: { $balance }
    }
# Points added with a multiplying offer. $points: points added; $title: the offer's title;
# $balance: the card's balance after.
till-offer-points-added =
    { $points ->
        [two] Ychwanegwyd { $points } bwynt (cynnig: { $title }). Balans: { $balance }
        [few] Ychwanegwyd { $points } phwynt (cynnig: { $title }). Balans: { $balance }
        [many] Ychwanegwyd { $points } phwynt (cynnig: { $title }). Balans: { $balance }
       *[other] Ychwanegwyd { $points } pwynt (cynnig: { $title }). Balans: { $balance }
    }
# An offer use in the last actions and the outbox. $title: the offer's title, or none when the
# till does not know it; $stamps: extra stamps it gave.
till-offer-line =
    Cynnig{ $title ->
        [none] { "" }
       *[other] { ": " }{ $title }
    }{ $stamps ->
        [0] { "" }
       *[other] { " " }(+{ $stamps } stamp)
    }
# What a good barista remembers about the customer, as facts joined by " · ".
# $visits: their visits; $favourite: the category they buy most, or none; $last_visit: the day
# of their last visit ("23 Nov", with the year when it is not this year), or none.
till-regular =
    { $visits } ymweliad{ $favourite ->
        [none] { "" }
       *[other] { " · " }fel arfer yn prynu { $favourite }
    }{ $last_visit ->
        [none] { "" }
       *[other] { " · " }ymweliad diwethaf: { $last_visit }
    }

## Card: offers for the shopper

for-you-heading = I chi
# An offer ending soon. $unit: minutes (under an hour) or hours (whole hours, rounded down);
# $count: how many.
offer-ends-in =
    { $unit ->
        [minutes]
            { $count ->
                [two] Yn dod i ben ymhen { $count } funud
               *[other] Yn dod i ben ymhen { $count } munud
            }
       *[hours] Yn dod i ben ymhen { $count } awr
    }
# Opens an offer's details.
offer-details = Manylion
# When an offer can be used. $until: its end (a date and time); $days: the texts of weekday
# joined with ", ", or none when it is good every day; $from_time, $to_time: its hours ("9:00",
# "17:00"), or none when it is good all day.
# cy: the days come after a semicolon, where they need no mutation ("ar ddydd Llun" would).
offer-when =
    Yn ddilys tan { $until }{ $days ->
        [none] { "" }
       *[other] ; { $days }
    }{ $from_time ->
        [none] { "" }
       *[other] ; o { $from_time } tan { $to_time }
    }.
offer-save = Cadw ar gyfer fy ymweliad
offer-saved = Wedi'i gadw: dangoswch eich cerdyn wrth y til
offer-dismiss = Dim diolch
# A choice at join and on the profile (a checkbox).
offers-consent = Dewis cynigion i mi o'm hymweliadau
offers-consent-hint = Gall y siop wedyn ddewis cynigion ar sail yr hyn rydych chi'n ei brynu yma; hebddo, rydych chi'n dal i gael y cynigion sydd i bawb, ac mae eich ymweliadau'n dal i gyfrif yn union yr un fath.
# $date: the day the shopper last chose.
offers-consent-chosen = Fe wnaethoch chi ddewis ar { $date }.
# A history line. $count: extra stamps the offer added.
hist-offer-used =
    { $count ->
        [0] Cynnig wedi'i ddefnyddio
       *[other] Cynnig wedi'i ddefnyddio (+{ $count } stamp)
    }

## Purchase categories (Category): the till's built-in category chips (CASHIER)

category-coffee = Coffi
category-food = Bwyd
category-drinks = Diodydd
category-retail = Nwyddau
category-other = Arall

## Import fields (ImportField): the fields of a purchase-history file (OWNER, the import's mapping form)

field-customer = Cwsmer
field-date = Dyddiad
field-amount = Swm
field-category = Categori
field-email = E-bost
field-first-name = Enw cyntaf

## Owner: importing purchase history (ImportMsg, /admin/import)

# The dashboard's and Insights' link to the import page.
import-link = Mewnforio hanes prynu
import-title = Mewnforio hanes prynu
import-intro = Symud o bapur neu o declyn arall? Dewch â phryniannau eich cwsmeriaid yn y gorffennol i mewn o daenlen wedi'i chadw fel CSV, fel bod Mewnwelediadau a'r gwerth a ragwelir yn adnabod eich selogion o'r diwrnod cyntaf.
import-format-title = Sut mae'r ffeil yn edrych
# customer, date, amount, category, email and first_name are the column names the file's header
# row uses: keep them as they are.
import-format-columns = Un pryniant fesul rhes, o dan res pennawd sy'n enwi'r colofnau: mae angen customer (rhif y cerdyn, yr enw neu'r cod yr oedd eich hen system yn eu hadnabod wrtho), date ac amount; mae category, email a first_name yn ddewisol. Mae colofnau ag enwau eraill yn gweithio hefyd: chi sy'n dweud pa un yw pa un.
# The dates are examples of what the file holds: keep them. $time_zone: the shop's time zone
# (Europe/London ...).
import-format-dates = Mae dyddiadau ar ffurf 2026-03-31 neu 2026-03-31 14:05, ac yn cael eu darllen yng nghylchfa amser y siop ({ $time_zone }); mae dyddiad heb amser yn cyfrif fel canol dydd.
# $currency: the shop's currency code. The amounts are examples of what the file holds.
import-format-amounts = Mae symiau mewn { $currency }, mewn prif unedau fel 4.50 (neu 4,50): dim symbol arian, dim gwahanydd miloedd.
# $categories: the shop's category names, joined with ", ".
import-format-categories = Mae categori yn un o'ch rhai chi: { $categories }.
import-format-again = Dydy mewnforio'r un ffeil eto ddim yn ychwanegu unrhyw beth: caiff pryniant ei fewnforio unwaith yn unig.
import-format-balance = Mae pryniannau a fewnforiwyd yn cyfrif ym Mewnwelediadau ac yn y gwerth a ragwelir, ond dydyn nhw byth yn newid balans: does neb yn cael stampiau na phwyntiau amdanyn nhw. Os yw aelod eisoes yn defnyddio e-bost cwsmer, yr aelod hwnnw yw'r cwsmer; mae pawb arall yn dod yn aelod heb ffôn, y gellir rhoi cerdyn papur iddo.
import-file-label = Ffeil CSV
import-file-hint = Hyd at 50 MB a miliwn o resi.
# $file_name: the file being sent and checked.
import-uploading = Wrthi'n darllen { $file_name }…
import-too-large = Mae'r ffeil hon yn fwy na 50 MB: rhannwch hi'n rhannau a mewnforiwch bob un.
# $rows: rows in the file; $bad: how many of them cannot be read.
# cy: "rhes" (feminine) mutates after 2 (dwy res).
import-rows =
    { $bad ->
        [0]
            { $rows ->
                [two] { $rows } res, pob un yn ddarllenadwy.
               *[other] { $rows } rhes, pob un yn ddarllenadwy.
            }
       *[other]
            { $rows ->
                [two] { $rows } res; does dim modd darllen { $bad }.
               *[other] { $rows } rhes; does dim modd darllen { $bad }.
            }
    }
import-mapping-title = Pa golofn yw pa un
# customer, date and amount are column names: keep them. "Apply" is the text of import-apply.
import-mapping-needed = Nid yw'r pennawd yn enwi'r colofnau customer, date ac amount. Dywedwch pa golofn sy'n dal pob un, yna pwyswch ‘Cymhwyso’.
# "Apply" is the text of import-apply.
import-mapping-hint = Newidiwch golofn a phwyswch ‘Cymhwyso’: caiff y ffeil gyfan ei gwirio eto.

# not translated: ImportMsg::Field(ImportField). The code uses the field- messages (## Import fields).

# The empty choice of a column picker ("no column"). Keep, or use your language's dash.
import-no-column = —
import-pick-column = Dewiswch golofn
import-apply = Cymhwyso
import-preview-title = Y rhesi cyntaf, fel y cân nhw eu darllen
# Column headings of the preview and of the bad rows.
import-column-line = Llinell
import-column-customer = Cwsmer
# The purchase's time in the shop's time zone.
import-column-local-time = Amser y siop
import-column-amount = Swm
import-column-category = Categori
import-column-email = E-bost
import-column-first-name = Enw cyntaf
import-column-column = Colofn
import-column-reason = Beth sydd o'i le
import-bad-title = Rhesi na ellir eu darllen
# $shown: bad rows listed; $total: bad rows in all (counts).
import-bad-listed = Mae'r { $shown } cyntaf o'r { $total } wedi'u rhestru.
# A button. $count: purchases it imports.
# cy: "pryniant" mutates after 2 (dau bryniant), 3 and 6 (tri phryniant, chwe phryniant).
import-import-purchases =
    { $count ->
        [two] Mewnforio { $count } bryniant
        [few] Mewnforio { $count } phryniant
        [many] Mewnforio { $count } phryniant
       *[other] Mewnforio { $count } pryniant
    }
import-skip-bad-rows = Hepgor y rhesi gwallus a mewnforio
# $good: rows that read; $bad: rows that do not ("ones" stands for rows).
import-skip-bad-note = Cywirwch y ffeil a'i llwytho i fyny eto, neu mewnforiwch y rhesi da ({ $good }) a gadewch y rhai gwallus ({ $bad }) allan.
import-importing-title = Wrthi'n mewnforio
# The accessible name of the progress bar.
import-progress-label = Cynnydd y mewnforio
# $done: rows imported so far; $total: rows to import (a count).
import-progress =
    { $total ->
        [two] { $done } o { $total } res wedi'u mewnforio hyd yma.
       *[other] { $done } o { $total } rhes wedi'u mewnforio hyd yma.
    }
import-done-title = Mae'r mewnforio wedi gorffen
# Headings of the result's figures.
import-added = Pryniannau a ychwanegwyd
import-already-there = Yno'n barod
import-matched-by-email = Wedi'u canfod drwy e-bost
import-matched-by-customer = Wedi'u canfod drwy'r golofn customer
import-new-members = Aelodau newydd
import-see-insights = Gweld y rhain ym Mewnwelediadau
import-another-file = Mewnforio ffeil arall
import-failed-title = Mae'r mewnforio wedi stopio
import-carry-on = Parhau â'r mewnforio
import-earlier-title = Mewnforion cynharach
# Column headings of the earlier imports.
import-column-file = Ffeil
import-column-uploaded = Llwythwyd i fyny
import-column-status = Statws
import-column-rows = Rhesi
# Opens an earlier import. $file_name: its file's name.
import-open = Agor { $file_name }
# Where an import stands. $status: its code.
import-status =
    { $status ->
        [needs_mapping] Yn aros am y colofnau
        [invalid] Rhesi gwallus
        [ready] Yn barod i'w fewnforio
        [running] Wrthi'n mewnforio
        [done] Wedi gorffen
       *[failed] Wedi stopio
    }

## Owner: printed cards and the password reset (OwnerMsg)

# A member row's button: print again the printed card of a member without a phone.
owner-print-card = Argraffu'r cerdyn
# $name: the member's first name, or the text of unnamed-member.
owner-card-to-print = Cerdyn papur { $name }: argraffwch ef a'i roi i'r cwsmer.
# The login form's link to the reset page.
owner-forgot-password = Wedi anghofio eich cyfrinair?
owner-reset-title = Dewiswch gyfrinair newydd
# "regulars-server reset-password" is a command the server's operator types: keep it as it is.
owner-reset-intro = Dydy Regulars ddim yn anfon e-bost. Gofynnwch i bwy bynnag sy'n rhedeg gweinydd Regulars eich siop am god ailosod: maen nhw'n rhedeg regulars-server reset-password gyda'ch cyfeiriad e-bost ac yn rhoi'r cod i chi, neu ddolen i'r dudalen hon. Mae'r cod yn gweithio unwaith, am awr.
owner-reset-code = Cod ailosod
# The example code is what such a code looks like: keep it.
owner-reset-code-hint = 16 llythyren a digid, fel ABCD-EFGH-JKMN-PQRS.
owner-reset-code-empty = Rhowch y cod ailosod yn gyntaf.
owner-set-new-password = Gosod cyfrinair newydd
owner-reset-code-wrong = Mae'r cod hwn yn anghywir, wedi'i ddefnyddio eisoes neu'n hŷn nag awr. Gofynnwch i bwy bynnag sy'n rhedeg gweinydd Regulars am un newydd.

## Owner: offers, the form

# The dashboard's link to the offers page.
owner-offers-link = Cynigion
owner-offers-title = Cynigion
owner-offers-intro = Mae cynnig yn ymddangos ar gardiau'r aelodau y mae wedi'i fwriadu ar eu cyfer, yn gweithio all-lein yn y siop, ac mae'r til yn ei ddefnyddio ag un tap.
owner-new-offer = Cynnig newydd
# The form's heading while it edits an offer. $title: the offer's title.
owner-editing-offer = Golygu ‘{ $title }’
# $version: the version number saving makes.
owner-saving-makes-version = Bydd cadw'n creu fersiwn { $version }. Mae'r defnydd a'r ymatebion hyd yma'n aros gyda'r fersiwn yr oedden nhw ar ei chyfer, ac mae'r un aelodau'n aros yn y grŵp cymharu.
# The edit's submit button. $version: the version number it makes.
owner-save-version = Cadw fersiwn { $version }
owner-create-offer = Creu'r cynnig
owner-stop-editing = Rhoi'r gorau i olygu
# $title: the offer's title; $version: its version number.
owner-offer-saved = Cadwyd ‘{ $title }’ (fersiwn { $version }).
# The label of the offer's title field.
owner-offer-title = Teitl
# The example in quotes is an offer title: write a typical one in your language.
owner-offer-title-hint = Yr hyn mae'r cwsmer yn ei ddarllen gyntaf, hyd at 60 nod: ‘Ail deisen arnon ni’.
owner-offer-text = Llinell o destun
# The example in quotes is an offer's line of text: write a typical one in your language.
owner-offer-text-hint = Dewisol, hyd at 200 nod: ‘Yr wythnos hon yn unig’.
# The legend of what an offer gives.
owner-offer-gives = Beth mae'n ei roi
# The label of the choice of gift.
owner-gift-kind-label = Budd
# The kinds of gift.
owner-gift-extra-stamps = Stampiau ychwanegol ar yr ymweliad
owner-gift-multiplier = Mwy o bwyntiau ar yr ymweliad
owner-gift-category-multiplier = Mwy o bwyntiau mewn un categori
owner-gift-free-item = Rhywbeth am ddim
owner-gift-amount-off = Swm oddi ar y bil
owner-gift-percent-off = Canran oddi ar y bil
owner-extra-stamps-count = Stampiau ychwanegol
owner-multiplier-label = Lluosydd pwyntiau
# A choice of multiplier. $times: the multiplier (1.5, 2, 3); 2 also says "double points".
owner-multiplier =
    { $times ->
        [2] x{ $times } (pwyntiau dwbl)
       *[other] x{ $times }
    }
owner-gift-category = Yn y categori
owner-pick-category = Dewiswch gategori
owner-free-item-name = Beth sydd am ddim
# $currency: the shop's currency code.
owner-amount-off-label = Swm oddi ar y bil ({ $currency })
owner-percent-off-label = Canran oddi ar y bil
owner-when-legend = Pryd
owner-when-hours = Yn dechrau nawr, am yr ychydig oriau nesaf
owner-when-dates = O un diwrnod i'r llall
# While editing: the offer's window as it is. $from, $to: dates and times.
owner-when-kept = Fel y mae: { $from } i { $to }
owner-hours-ahead = Am faint o oriau
owner-start-date = Diwrnod cyntaf
owner-end-date = Diwrnod olaf
owner-days-legend = Ar rai dyddiau neu oriau yn unig
owner-days-hint = Dewisol. Dim diwrnod wedi'i dicio: pob dydd; dim oriau: drwy'r dydd.
# Labels of the two hour pickers.
owner-from-hour = O
owner-to-hour = Tan
# The hour pickers' empty choice.
owner-any-hour = Drwy'r dydd
owner-who-legend = Ar gyfer pwy
owner-offer-everyone = Pawb
owner-some-members = Rhai aelodau: yn ôl grŵp, yn ôl rheol, neu'r ddau
owner-some-members-hint = Aelodau mewn unrhyw grŵp sydd wedi'i dicio (dim un wedi'i dicio: unrhyw grŵp) sydd hefyd yn bodloni pob rheol a lenwyd. Fydd aelodau nad ydyn nhw wedi cytuno i gynigion wedi'u dewis o'u hymweliadau ddim yn cael y rhain.
owner-groups-legend = Grwpiau
owner-rules-legend = Rheolau
owner-min-visits = Ymweliadau, o leiaf
# $currency: the shop's currency code.
owner-min-spend = Wedi gwario o leiaf ({ $currency })
owner-lapsed-days = Heb eu gweld ers o leiaf (dyddiau)
owner-overdue = Yn hwyr o'i gymharu â'u rhythm arferol eu hunain
owner-bought-category = Wedi prynu yn y categori
owner-any-category = Unrhyw gategori
owner-top-customers = Ymhlith y cwsmeriaid gorau
owner-uses-per-member = Nifer y defnyddiau fesul aelod
# The holdout: a share of eligible members who never see the offer, to measure its effect.
owner-offer-holdout = Grŵp cymharu (%)
# $percent: the holdout's percent.
owner-holdout-hint = Fydd { $percent }% o'r aelodau cymwys, wedi'u dewis ar hap, byth yn ei weld, er mwyn i chi weld beth mae'n ei newid go iawn.
owner-offer-counting = Wrthi'n cyfrif yr aelodau y mae'n eu cyrraedd…
# $eligible: members the offer would reach; $held_out: of them, held out (a count);
# $without_consent: members of a targeted offer's groups who did not agree to offers picked
# from their visits (a count), or none.
# cy: "aelod" does not mutate after a numeral, so $eligible needs no selector.
owner-offer-reaches =
    { $without_consent ->
        [none] Yn cyrraedd { $eligible } aelod ({ $held_out } yn y grŵp cymharu)
        [0] Yn cyrraedd { $eligible } aelod ({ $held_out } yn y grŵp cymharu)
       *[other] Yn cyrraedd { $eligible } aelod ({ $held_out } yn y grŵp cymharu; { $without_consent } heb gytuno i gynigion wedi'u dewis o'u hymweliadau)
    }
# A field of the form is wrong: the field's name, then why.
# $field: the last part of the field's path (gift.count -> count); a gift's category is
# gift_category. $message: why, without a final full stop: the text of owner-offer-whole-number,
# owner-offer-money-needed, owner-offer-date-needed, owner-offer-hours-both or
# owner-offer-hours-ahead-range, or the server's own words (in English).
owner-offer-fault =
    { $field ->
        [title] Teitl: { $message }.
        [text] Testun: { $message }.
        [gift] Budd: { $message }.
        [count] Stampiau ychwanegol: { $message }.
        [times_tenths] Lluosydd pwyntiau: { $message }.
        [gift_category] Categori: { $message }.
        [category] Wedi prynu yn y categori: { $message }.
        [item] Beth sydd am ddim: { $message }.
        [amount_minor] Swm oddi ar y bil: { $message }.
        [percent] Canran oddi ar y bil: { $message }.
        [starts_at] Dechrau: { $message }.
        [ends_at] Diwedd: { $message }.
        [weekdays] Dyddiau: { $message }.
        [hours] Oriau: { $message }.
        [audience] Ar gyfer pwy: { $message }.
        [segments] Grwpiau: { $message }.
        [min_visits] Ymweliadau, o leiaf: { $message }.
        [min_spend_minor] Wedi gwario o leiaf: { $message }.
        [lapsed_days] Heb eu gweld ers: { $message }.
        [holdout_percent] Grŵp cymharu: { $message }.
        [uses_per_member] Nifer y defnyddiau fesul aelod: { $message }.
       *[other] { $message }.
    }
# Reasons inside owner-offer-fault: lower case, no full stop.
owner-offer-whole-number = mae angen rhif cyfan
# The example amount: write it with your language's decimal separator.
owner-offer-money-needed = mae angen swm fel 2.50
owner-offer-date-needed = dewiswch ddiwrnod
owner-offer-hours-both = dewiswch y ddwy awr, neu ddim un
# $hours: the most hours a same-day offer may run (a count).
owner-offer-hours-ahead-range = mae cynnig am yr un diwrnod yn para rhwng 1 a { $hours } awr

## Owner: offers, the list and their results

owner-offers-list-title = Eich cynigion
owner-offers-empty = Dim cynigion eto.
# Where an offer stands. $status: active, paused, ended, or another code.
owner-offer-status-name =
    { $status ->
        [active] Yn weithredol
        [paused] Wedi'i oedi
        [ended] Wedi dod i ben
       *[unknown] Arall
    }
# $version: the version's number.
owner-offer-version = fersiwn { $version }
# $from, $to: dates and times.
owner-offer-dates = { $from } i { $to }
# $who: the text of owner-offer-everyone, or the offer's groups (texts of segment-name joined
# with ", ") and rules (owner-rule- texts), joined with "; ".
owner-for-whom = Ar gyfer: { $who }
# $count: how many times one member may use the offer.
owner-uses-summary =
    { $count ->
        [one] Unwaith i bob aelod
        [two] Dwywaith i bob aelod
        [few] Tair gwaith i bob aelod
       *[other] { $count } gwaith i bob aelod
    }
# $percent: the holdout's percent.
owner-holdout-summary = { $percent }% yn y grŵp cymharu
# What an offer gives, in the list. $count: extra stamps.
owner-gives-stamps = { $count } stamp ychwanegol
# $multiplier: the text of owner-multiplier.
owner-gives-multiplier = Pwyntiau { $multiplier }
# $multiplier: the text of owner-multiplier; $category: the category's name.
owner-gives-category-multiplier = Pwyntiau { $multiplier } ({ $category })
# $item: what is free, as the owner wrote it.
owner-gives-item = Am ddim: { $item }
# $amount: money off.
owner-gives-amount-off = { $amount } i ffwrdd
owner-gives-percent-off = { $percent }% i ffwrdd
# Rules of who an offer is for, inside owner-for-whom (lower case). $count: visits.
owner-rule-min-visits = o leiaf { $count } ymweliad
# $amount: money.
owner-rule-min-spend = wedi gwario o leiaf { $amount }
# $days: days without a visit.
owner-rule-lapsed =
    { $days ->
        [two] heb eu gweld ers { $days } ddiwrnod
       *[other] heb eu gweld ers { $days } diwrnod
    }
owner-rule-overdue = yn hwyr
# $category: the category's name.
owner-rule-category = wedi prynu { $category }
owner-rule-top = cwsmeriaid gorau
# Headings of an offer's figures: members it is for, held out, and what they did with it.
owner-count-eligible = Cymwys
owner-count-held-out = Grŵp cymharu
owner-count-shown = Dangoswyd
owner-count-opened = Agorwyd
owner-count-saved = Cadwyd
owner-count-dismissed = Gwrthodwyd
owner-count-used = Defnyddiwyd
owner-pause-offer = Oedi
owner-resume-offer = Ailddechrau
owner-end-offer = Gorffen
# $title: the offer's title.
owner-confirm-end-offer = Gorffen ‘{ $title }’? Bydd cardiau'n peidio â'i ddangos, a fydd y til ddim yn gallu ei ddefnyddio mwyach. Does dim modd dadwneud hyn.
owner-confirm-end-offer-button = Gorffen y cynnig
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
# cy: "ymweliad" stays singular after a number, decimals included, so $visits needs no selector;
# "diwrnod" mutates after 2 (dau ddiwrnod).
owner-offer-effect =
    { $verdict ->
        [adds] Yn ychwanegu tua { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } ymweliad fesul aelod, ac mae'n annhebygol mai siawns yw hynny.
        [reduces] Daeth aelodau a allai ei weld yn llai aml na'r rhai yn y grŵp cymharu.
        [no_effect_yet]
            { $more_members ->
                [none] Dim effaith fesuradwy eto.
                [0] Dim effaith fesuradwy eto.
               *[other] Dim effaith fesuradwy eto; mae angen tua { $more_members } aelod arall i allu dweud.
            }
        [annoys] Wedi'i wrthod gan { $dismissed_percent }%: mae'n cythruddo mwy nag y mae'n helpu.
       *[too_few_members] Rhy ychydig o aelodau ar un ochr i fesur ei effaith eto.
    }{ $verdict ->
        [too_few_members] { "" }
       *[other] { " " }Ymweliadau fesul aelod { $visits_change } (cyfwng 95% { $visits_low } i { $visits_high }); gwariant fesul aelod { $spend_change } ({ $spend_low } i { $spend_high }).
    } Dros { $days } { $days ->
        [two] ddiwrnod
       *[other] diwrnod
    }: { $members } a allai ei weld, yn erbyn { $held_out } yn y grŵp cymharu.
# Members whose card shows the offer now, and first.
owner-count-on-cards = Ar gardiau
owner-count-first-on = Yn gyntaf ar y cerdyn
# The offer's window has closed: its result no longer changes.
owner-offer-result-kept = Canlyniad terfynol: mae cyfnod y cynnig wedi dod i ben.

## Owner: offers compared

owner-compare-title = Sut mae'r cynigion yn cymharu
# Column headings.
owner-compare-offer = Cynnig
owner-compare-visits = Ymweliadau fesul aelod
owner-compare-spend = Gwariant fesul aelod
owner-compare-dismissed = Gwrthodwyd
owner-compare-verdict = Dyfarniad
# The verdict in a word or two. $verdict: its code (see owner-offer-effect).
owner-verdict-short =
    { $verdict ->
        [adds] Yn gweithio
        [reduces] Llai o ymweliadau
        [no_effect_yet] Ddim yn glir eto
        [annoys] Yn cythruddo
       *[too_few_members] Rhy ychydig o aelodau
    }

## Owner: a member's offers (the member's page)

owner-member-offers-title = Eu cynigion
owner-member-offers-none = Does dim cynnig gweithredol wedi'i fwriadu ar gyfer yr aelod hwn.
# $place: the offer's place on the member's card (1 is first).
owner-offer-place = Rhif { $place } ar eu cerdyn
# Why a running offer is not on the member's card. $withheld: its code.
owner-offer-withheld =
    { $withheld ->
        [held_out] Yn y grŵp cymharu: ni chaiff ei ddangos iddyn nhw byth, er mwyn gallu mesur ei effaith
        [dismissed] Heb ei ddangos: maen nhw wedi'i wrthod
        [suppressed] Wedi'i ddal yn ôl: maen nhw wedi gwrthod dau gynnig tebyg yn ddiweddar
        [used_up] Heb ei ddangos: wedi'i ddefnyddio'n llawn
        [no_room] Heb ei ddangos: mae chwe chynnig yn uwch nag ef
       *[unknown] Heb ei ddangos
    }
# One reason an offer stands where it does on the member's card. "They" is the member.
# $reason: saved, buys, took_kind, skipped_kind, buyers, peers, new, taken_up, or another code
# (then nothing is shown). $count and $of depend on the reason: buys: visits with a purchase in
# the category, of all their visits; took_kind: offers of the kind they took up, of those shown
# (counts); buyers and peers: percent who took it up, percent of all members; new: members shown
# it; taken_up: members who took it up, of those shown it.
# $category: a category's name (buys, buyers); $gift_kind: the gift's kind code (took_kind,
# skipped_kind); $group: the text of segment-name, or the group's code (peers).
# cy: "cynnig" mutates after 2 (dau gynnig), 3 and 6 (tri chynnig, chwe chynnig), hence the
# selectors on $of; "took up" is "manteisio ar".
owner-offer-reason =
    { $reason ->
        [saved] Maen nhw wedi'i gadw.
        [buys] Yn prynu { $category } ar { $count } o { $of } ymweliad.
        [took_kind]
            Wedi manteisio ar { $count } o'r { $of } { $of ->
                [two] gynnig
                [few] chynnig
                [many] chynnig
               *[other] cynnig
            } { $gift_kind ->
                [extra_stamps] stampiau ychwanegol
                [points_multiplier] lluosi pwyntiau
                [category_multiplier] lluosi pwyntiau categori
                [free_item] rhywbeth am ddim
                [amount_off] arian i ffwrdd
                [percent_off] canran i ffwrdd
               *[other] o'r math hwn
            } a ddangoswyd iddyn nhw.
        [skipped_kind]
            Heb fanteisio ar yr un o'r { $of } { $of ->
                [two] gynnig
                [few] chynnig
                [many] chynnig
               *[other] cynnig
            } { $gift_kind ->
                [extra_stamps] stampiau ychwanegol
                [points_multiplier] lluosi pwyntiau
                [category_multiplier] lluosi pwyntiau categori
                [free_item] rhywbeth am ddim
                [amount_off] arian i ffwrdd
                [percent_off] canran i ffwrdd
               *[other] o'r math hwn
            } a ddangoswyd iddyn nhw.
        [buyers] Manteisiodd aelodau sy'n prynu { $category } arno { $count }% o'r amser ({ $of }% o'r holl aelodau).
        [peers] Manteisiodd aelodau'r grŵp ‘{ $group }’ arno { $count }% o'r amser ({ $of }% o'r holl aelodau).
        [new] Newydd: wedi'i ddangos i { $count } aelod hyd yma, felly mae'n dal i gael ei gyfle.
        [taken_up] Manteisiodd { $count } o'r { $of } aelod a'i gwelodd arno.
       *[other] { "" }
    }
