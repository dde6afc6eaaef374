### Regulars: the Armenian (hy, Eastern Armenian) messages.
###
### UNREVIEWED DRAFT. This translation was made without a native Armenian speaker (machine-assisted,
### from en.ftl). It must be reviewed by a native Armenian speaker before it is relied on: wording,
### tone, case endings, word order and punctuation have not been checked by anyone who speaks
### Armenian natively.
###
### Terms that were hard to choose (see hy.glossary.md, please check them first):
###   stamp = կնիք; points = միավոր; reward = պարգև; gift (what an offer gives) = նվեր;
###   till = դրամարկղ; pair / unpair a tablet = կապել / անջատել, pairing code = կապակցման կոդ;
###   holdout / held out = հսկիչ խումբ / հսկիչ խմբում; eligible = թիրախային;
###   undo = հետարկել, reverse / reversal = հակադարձել / հակադարձում (Cancel stays Չեղարկել);
###   redeem = պարգևը տալ (cashier) / ստանալ (shopper), «Տալ պարգևը՝ …» on the till's button;
###   outbox = Ուղարկման հերթ; held (sync) = սպասման մեջ; refused = մերժված;
###   dismiss = «Ինձ համար չէ» / մերժել; save an offer = պահել (settings and forms: պահպանել);
###   live code = ընթացիկ կոդ; secure key = անվտանգության բանալի; reset code = վերակայման կոդ;
###   Insights = Վերլուծություն; dashboard = վահանակ; admin page = կառավարման էջ;
###   segment = խումբ (segment names: Չեմպիոններ, Հավատարիմներ ...); drifting away = «կարող է հեռանալ»;
###   NPS groups = աջակից / չեզոք / քննադատ; switch (in) at the till = մուտք գործել / «Փոխել»;
###   retire a reward = հանել (ծրագրից); paused offer = կասեցված; spend = ծախս.
###
### Conventions of this file:
### - The shopper and the owner are addressed politely (դուք, imperatives in -եք); the cashier
###   too. Buttons are infinitives, as in most Armenian apps ("Պահպանել", "Միանալ").
### - Armenian punctuation: ։ ends a sentence (also a question), ՞ and ՛ sit on the stressed vowel
###   of the word, « » are quotes, ՝ separates a label from its value ("Մնացորդ՝ 5").
###   Times (14:05) and codes keep their Latin characters.
### - Plurals: the hy CLDR categories are one (0 and 1) and other. A noun after a numeral stays
###   singular in Armenian ("1 կնիք", "3 կնիք"), so almost no count message needs a selector.
###   Where the sentence changes for exactly one ("Once per member", the ordinal 1-ին) the exact
###   key [1] is used, because [one] would also catch 0.
### - Names, rewards, offer titles, categories and dates arrive as they are written, so no case
###   ending is put on them: the sentence is built as "label՝ value" or with « » instead.
###   Case endings on digits are written with a hyphen ("10-ից", "5-ը", "25%-ը").
### - Percent is written without a space ("25%"); decimal examples use a comma ("12,50").
### - Everything else follows the header of en.ftl (ids, variables, "none" values, $sign).


## General: every page (shopper, cashier and owner)

loading = Բեռնվում է…
network-down = Սերվերի հետ կապ չկա։ Ստուգեք ցանցը և նորից փորձեք։
unexpected-answer = Սերվերից եկավ պատասխան, որն այս հավելվածը չի հասկանում։ Թարմացրեք էջը։
# $detail: the browser's own error message (often in English).
storage-failed = Այս դիտարկիչը չկարողացավ օգտագործել իր պահոցը ({ $detail })։
not-found-title = Էջը չի գտնվել
not-found-body = Այս հասցեում ոչինչ չկա։ Հնարավոր է՝ հղումը սխալ է գրված կամ հնացել է։
# A link back to the shopper's list of loyalty cards.
go-to-my-cards = Անցնել իմ քարտերին
# The unit alone, shown after a number that stands apart from it (a large balance on the card,
# the till's balance).
# $kind: stamps or points; $count: the number it goes with (not needed in Armenian: the noun
# stays singular after a number).
unit =
    { $kind ->
        [stamps] կնիք
       *[points] միավոր
    }
# A number with its unit: "3 կնիք", "120 միավոր".
# $kind: stamps or points; $count: the number.
amount =
    { $kind ->
        [stamps] { $count } կնիք
       *[points] { $count } միավոր
    }


## Wallet: the shopper's list of cards (one card per shop)

my-cards = Իմ քարտերը
no-cards-yet = Դեռ քարտեր չկան
no-cards-hint = Սկանավորեք խանութի վաճառասեղանին դրված պաստառը՝ նրա հավատարմության ծրագրին միանալու համար։


## Join: the shopper joins a shop's program (from the poster's QR code or a join link)

# The button that makes the shopper a member.
join = Միանալ
joining = Միանում ենք…
open-my-card = Բացել իմ քարտը
already-member = Այս խանութի ձեր քարտն արդեն այս հեռախոսում է։
# What the program offers, in one sentence: on the join page, the shop's poster and a printed
# card (the pitch() helper; without an active reward the code uses join-pitch-no-reward).
# $kind: stamps or points; $cost: what the first reward costs; $reward: the reward's name as the
# owner wrote it ("Անվճար սուրճ"), put after ՝ so that it needs no case ending.
join-pitch =
    { $kind ->
        [stamps] Հավաքեք { $cost } կնիք և ստացեք պարգև՝ { $reward }։
       *[points] Հավաքեք { $cost } միավոր և ստացեք պարգև՝ { $reward }։
    }
# The pitch when the program has no active reward. $kind: stamps or points.
join-pitch-no-reward =
    { $kind ->
        [stamps] Ստացեք կնիք յուրաքանչյուր այցի համար։
       *[points] Կուտակեք միավորներ յուրաքանչյուր գնումից։
    }
join-promise = Անվճար է։ Ոչ հավելված, ոչ գաղտնաբառ՝ ձեր քարտը պահվում է այս հեռախոսում։


## Card: the shopper's loyalty card

# The accessible name of the card's QR code (read by screen readers).
card-qr-label = Քարտի QR կոդ
brightness-hint = Բարձրացրեք էկրանի պայծառությունը, որպեսզի գանձապահը կարողանա սկանավորել կոդը։
# The caption above the card's code written out in letters, under the QR code.
card-code-caption = Քարտի կոդը
# The card has enough for a reward.
ready-to-redeem = Պարգևը պատրաստ է
# How many more are needed for the next reward. $kind: stamps or points; $count: how many more.
more-to-go =
    { $kind ->
        [stamps] Եվս { $count } կնիք
       *[points] Եվս { $count } միավոր
    }
rewards-heading = Պարգևներ
history-heading = Պատմություն
no-history = Դեռ ոչինչ չկա։ Ձեր այցերը կերևան այստեղ։

# History lines: on the shopper's card, and also in the till's last actions and outbox and the
# owner's dashboard. $sign: plus, minus or zero; the number beside it is without its sign.

# Stamps given (or taken back). $count: how many.
hist-stamps =
    { $sign ->
        [plus] +{ $count } կնիք
        [minus] -{ $count } կնիք
       *[zero] { $count } կնիք
    }
# Points earned, with what was spent when the till recorded it.
# $points: how many; $money: the purchase's amount, or none.
hist-points =
    { $sign ->
        [plus] +{ $points } միավոր
        [minus] -{ $points } միավոր
       *[zero] { $points } միավոր
    }{ $money ->
        [none] {""}
       *[other] {" "}({ $money })
    }
# A reward handed over. $reward: the reward's name, or none when it is not known any more;
# $cost: the stamps or points it took off (the minus sign is written here).
hist-redeemed =
    { $reward ->
        [none] Ստացված պարգև (-{ $cost })
       *[other] Ստացված պարգև՝ { $reward } (-{ $cost })
    }
# A correction of the balance. $delta: by how much (with $sign).
# $reason: why, as a code when Regulars made the correction itself (code_failed,
# redemption_not_covered, unproven_staff, card_blocked, offer_not_covered); any other text is
# the shop's own words, shown as they are (here in brackets).
hist-adjustment =
    Ուղղում { $sign ->
        [plus] +{ $delta }
        [minus] -{ $delta }
       *[zero] { $delta }
    } ({ $reason ->
        [code_failed] քարտի կոդը չանցավ ստուգումը
        [redemption_not_covered] պարգև, որը քարտի մնացորդը չէր ծածկում
        [unproven_staff] չհաստատվեց, որ դա արել է աշխատակից
        [card_blocked] քարտն արգելափակվել էր
        [offer_not_covered] առաջարկ, որը քարտը չէր կարող օգտագործել
       *[other] { $reason }
    })
# An earlier action undone at the till. $delta: by how much (with $sign); $reason: the words
# the staff member typed, or the text of undo-reason.
hist-reversal =
    Հետարկված { $sign ->
        [plus] +{ $delta }
        [minus] -{ $delta }
       *[zero] { $delta }
    } ({ $reason })
# A link to the shopper's profile page.
profile = Պրոֆիլ
all-cards = Բոլոր քարտերը
# $date_time: when the card last synced with the server.
last-synced = Վերջին համաժամեցումը՝ { $date_time }
syncing = Համաժամեցում…
offline-note = Կապ չկա։ Ձեր քարտն աշխատում է նաև առանց կապի՝ ցույց տվեք այս կոդը դրամարկղում։
card-not-on-phone = Այս քարտն այս հեռախոսում չէ։
card-revoked = Խանութն այլևս չի ճանաչում այս քարտը։
# The accessible name of the stamp grid. $filled: stamps collected; $size: stamps the grid holds
# (a count: "3 կնիք 10-ից").
stamp-grid-label = { $filled } կնիք { $size }-ից


## Profile: the shopper's name and e-mail (first-name and email are also labels on owner pages)

profile-title = Ձեր պրոֆիլը
profile-intro = Երկուսն էլ պարտադիր չեն։ Խանութը դրանք օգտագործում է, որպեսզի ձեզ դիմի անունով։
first-name = Անուն
email = Էլ. փոստ
save-profile = Պահպանել պրոֆիլը
profile-saved = Պրոֆիլը պահպանված է
back-to-card = Վերադառնալ իմ քարտին


## Till: pairing the tablet and serving a customer (read by the CASHIER)

pair-title = Կապել այս պլանշետը խանութին
pair-intro = Կապակցման կոդը խնդրեք սեփականատիրոջից՝ նա այն ստեղծում է կառավարման էջում։
pairing-code = Կապակցման կոդ
# A button.
pair-tablet = Կապել պլանշետը
pairing = Կապակցում…
unpaired = Այս պլանշետն անջատվել է խանութից։ Շարունակելու համար նորից կապեք այն։
# The label of the field where the cashier types or scans a card's code.
card-code = Քարտի կոդ
find-card = Գտնել քարտը
scan-hint = Սկանավորեք հաճախորդի քարտը կամ մուտքագրեք դրա կոդը։
# Stands for the customer's name when they gave no first name.
member = Անդամ
balance = Մնացորդ
# Buttons beside the number of stamps to give (accessible names of − and +).
fewer-stamps = Ավելի քիչ կնիք
more-stamps = Ավելի շատ կնիք
# The button that gives the stamps. $count: how many.
give-stamps = Տալ { $count } կնիք
purchase-amount = Գնման գումարը
purchase-amount-optional = Գումար (ոչ պարտադիր)
add-points = Ավելացնել միավորներ
# What the amount typed earns, shown beside it. $points: the points.
points-preview = = { $points } միավոր
# Write the example with your language's decimal separator: the till accepts 12.50 and 12,50.
invalid-amount = Մուտքագրեք վճարված գումարը, օրինակ՝ 12,50։
# The label of the purchase's category (one-tap chips).
category-label = Կատեգորիա (ոչ պարտադիր)

# not translated: CategoryName(Category). The code uses the category- messages (## Purchase categories).

# A button. $reward: the reward's name as the owner wrote it.
redeem = Տալ պարգևը՝ { $reward }
# $count: stamps just given; $balance: the card's balance after.
stamps-given = Տրվեց { $count } կնիք։ Մնացորդ՝ { $balance }
# $points: points just added; $balance: the card's balance after.
points-added = Ավելացվեց { $points } միավոր։ Մնացորդ՝ { $balance }
# $reward: the reward's name; $balance: the card's balance after.
reward-redeemed = Պարգևը տրված է՝ { $reward }։ Մնացորդ՝ { $balance }
no-result = Սերվերը չհաստատեց գործողությունը։ Նորից փորձեք։
next-customer = Հաջորդ հաճախորդը


## Till: the camera and the sounds (CASHIER)

camera-title = Տեսախցիկ
scan-with-camera = Սկանավորել տեսախցիկով
# The accessible name of the live camera picture.
camera-view = Տեսախցիկի պատկերը
camera-starting = Տեսախցիկը միանում է…
camera-aim = Պահեք քարտի կոդը շրջանակի ներսում։
switch-camera = Փոխել տեսախցիկը
# The camera's light (a flashlight).
torch = Լապտեր
close-camera = Փակել տեսախցիկը
camera-insecure = Տեսախցիկն աշխատում է միայն անվտանգ (https) հասցեով։ Մուտքագրեք կոդը կամ օգտագործեք USB կամ Bluetooth սկաներ։
camera-denied = Այս կայքի համար տեսախցիկն արգելափակված է։ Սկանավորելու համար թույլատրեք այն դիտարկիչում՝ այս կայքի կարգավորումներում, իսկ մինչ այդ մուտքագրեք կոդը կամ օգտագործեք USB կամ Bluetooth սկաներ։
camera-missing = Այս սարքում տեսախցիկ չի գտնվել։ Մուտքագրեք կոդը կամ օգտագործեք USB կամ Bluetooth սկաներ։
camera-in-use = Տեսախցիկն օգտագործում է մեկ այլ հավելված։ Փակեք այն և նորից փորձեք կամ մուտքագրեք կոդը։
camera-decoder-failed = Տեսախցիկն այս պահին չի կարողանում կոդեր կարդալ։ Թարմացրեք էջը կամ մուտքագրեք կոդը։
# $detail: the browser's own words for the failure (often in English).
camera-failed = Տեսախցիկը չմիացավ ({ $detail })։ Մուտքագրեք կոդը կամ օգտագործեք USB կամ Bluetooth սկաներ։
sound = Ձայն
sound-on-hint = Ձայները միացված են՝ զնգոցը հաստատում է, ցածր ազդանշանը՝ մերժում։ Սեղմեք՝ անջատելու համար։
sound-off-hint = Ձայներն անջատված են։ Սեղմեք՝ միացնելու համար։


## Till: checking a card's code (CASHIER)

# A text that cannot be a card code (checked on the tablet, also offline).
# $error: code_empty, code_too_long, code_unknown_format, code_bad_characters or code_wrong_length.
bad-code =
    { $error ->
        [code_empty] Կոդ չի մուտքագրվել։
        [code_too_long] Կոդը չափազանց երկար է Regulars քարտի համար։
        [code_bad_characters] Կոդում կան նշաններ, որոնք Regulars քարտը երբեք չի ցուցադրում։
        [code_wrong_length] Կոդը կիսատ է կամ ունի ավելորդ նշաններ։
       *[code_unknown_format] Սա Regulars քարտի կոդ չէ։
    }
# A well-formed card code the till does not accept. The shopper is the customer in front of the
# cashier. $reason: code_unsigned, card_has_no_key, code_bad_signature, code_expired,
# code_from_the_future, code_used, printed_card_cannot_redeem or code_missing.
code-refused =
    { $reason ->
        [code_unsigned] Սա քարտի հին կոդ է, որը ցանկացած մեկը կարող էր պատճենել։ Խնդրեք հաճախորդին բացել իր քարտը, որպեսզի այն նոր կոդ ցույց տա։
        [card_has_no_key] Այս քարտը դեռ բանալի չունի։ Խնդրեք հաճախորդին բացել իր քարտը՝ ինտերնետին միացած։
        [code_expired] Այս կոդի ժամկետն անցել է։ Խնդրեք հաճախորդին նորից ցույց տալ քարտը (էկրանի նկարը չի աշխատում)։
        [code_from_the_future] Այս կոդը «ապագայից» է՝ հեռախոսի կամ պլանշետի ժամացույցը սխալ է։
        [code_used] Այս կոդն արդեն օգտագործվել է։ Խնդրեք հաճախորդին նորից ցույց տալ քարտը։
        [printed_card_cannot_redeem] Տպագիր քարտով կարելի է կնիքներ և միավորներ հավաքել, բայց պարգև ստանալու համար քարտը պետք է հեռախոսում լինի։
        [code_missing] Քարտի կոդ չի ստացվել։ Սկանավորեք քարտը։
       *[code_bad_signature] Այս կոդը չի ստեղծվել այս քարտով՝ հնարավոր է՝ կեղծված է կամ վնասված։
    }
# A note under the customer: how the scanned code proved itself.
# $check: signed (the phone's live code), printed (a printed card) or unverified.
code-check-note =
    { $check ->
        [printed] Տպագիր քարտ՝ միայն կնիքներ և միավորներ
        [unverified] Դեռ ստուգված չէ (անցանց, նոր քարտ)՝ միայն կնիքներ
       *[signed] Քարտը ստուգված է
    }
redeem-needs-phone = Պարգև տալու համար պետք է քարտի ընթացիկ կոդը՝ հաճախորդի հեռախոսում։


## Owner: changing the password

change-password = Փոխել գաղտնաբառը
current-password = Ընթացիկ գաղտնաբառ
new-password = Նոր գաղտնաբառ (առնվազն 10 նիշ)
password-too-short = Նոր գաղտնաբառը պետք է ունենա առնվազն 10 նիշ։
password-changed = Գաղտնաբառը փոխված է։ Մյուս սարքերից ելք է կատարվել։


## Till: the customer on screen (CASHIER)

card-blocked = Այս քարտն արգելափակվել է խանութի կողմից։ Մի՛ տվեք կնիքներ կամ միավորներ։
# Beside the balance when the tablet is offline.
offline-last-known = Անցանց՝ վերջին հայտնի մնացորդը
not-in-directory = Այս պլանշետի ցանկում դեռ չկա։ Կնիքները կստուգվեն, երբ կապը վերականգնվի։
redeem-needs-connection = Պարգև տալու համար կապ է պետք


## Till: sync and the outbox (CASHIER)

online = Առցանց
offline = Անցանց
# $count: actions given on this tablet that the server does not have yet (a count).
to-sync = Չուղարկված՝ { $count }
# $count: actions the server refused (a count).
rejected-count = Մերժված՝ { $count }
# The button that opens the list of actions waiting to sync.
outbox = Ուղարկման հերթ
outbox-title = Ուղարկման հերթ
outbox-intro = Այս պլանշետով տրված կնիքներն ու միավորները սպասում են այստեղ, մինչև սերվերը ստանա դրանք։
outbox-empty = Ամեն ինչ համաժամեցված է։
close-outbox = Փակել
waiting-to-sync = Սպասում է համաժամեցման
# $reason: the server's own words (often in English) or its code.
rejected-because = Մերժված է՝ { $reason }
# $reason: the server's own words (often in English).
held-because = Սերվերը դեռ չկարողացավ ընդունել այս գործողությունը ({ $reason })։ Մյուսներն ուղարկվում են, իսկ սա նորից կփորձվի։
# $count: actions the server could not take yet (a count).
held-count = Սպասման մեջ՝ { $count }
unreadable-record = Գրառում, որն այս պլանշետն այլևս չի կարողանում կարդալ (պահված է անփոփոխ)
# A card named by the start of its id. $short_id: 8 letters and digits.
card-short-id = Քարտ { $short_id }…
earlier-pairing = Տրվել է նախքան այս պլանշետը նորից կապվելը, և սերվերում չկա՝ չի հաշվվել։
saving = Պահպանվում է…


## Owner: setting up the program and logging in

setup-title = Ստեղծեք ձեր հավատարմության ծրագիրը
setup-intro = Կպահանջվի ընդամենը մեկ րոպե, և հետո ամեն ինչ կարող եք փոխել։
password = Գաղտնաբառ
password-hint = Առնվազն 10 նիշ։
shop-name = Խանութի անվանումը
brand-colour = Բրենդի գույնը
brand-ink =
    Դրա վրա տեքստը կլինի { $ink ->
        [white] սպիտակ
       *[dark] սև
    } (կոնտրաստ՝ { NUMBER($ratio, minimumFractionDigits: 1, maximumFractionDigits: 1) }:1, համապատասխանում է WCAG AA-ին)։
brand-ink-sample = Տեքստի նմուշ ձեր գույնի վրա
# How members earn: a choice between stamps and points.
program-type = Ծրագրի տեսակը
stamps = Կնիքներ
points = Միավորներ
reward-name = Պարգևի անվանումը
# An example in the empty reward name field: write a typical first reward in your language.
reward-name-placeholder = Անվճար սուրճ
stamps-per-reward = Կնիք մեկ պարգևի համար
points-per-reward = Միավոր մեկ պարգևի համար
# $currency: the shop's currency code (EUR, GBP, AMD ...).
points-per-unit = Միավոր յուրաքանչյուր 1 { $currency } ծախսի համար
create-program = Ստեղծել ծրագիրը
have-account = Ես արդեն հաշիվ ունեմ
# The heading of the login form.
login-title = Մուտք
# The login button.
log-in = Մուտք գործել
create-new-program = Ստեղծել նոր ծրագիր


## Owner: the dashboard

# $count: members of the program.
members = { $count } անդամ
join-link-label = Միանալու հղում
print-poster = Տպել միանալու պաստառը
tablets-heading = Պլանշետներ
create-pairing-code = Ստեղծել կապակցման կոդ
# When the pairing code stops working. $time: a time of day.
pairing-expires = Գործում է մինչև { $time }
# /staff is the address to open; keep it as it is.
pairing-help = Պլանշետում բացեք /staff հասցեն և մուտքագրեք այս կոդը։


## Owner: rewards

edit = Խմբագրել
# Take a reward out of the program (it can be reactivated).
retire = Հանել
reactivate = Վերաակտիվացնել
# A tag on a retired reward.
retired = Հանված է
new-reward-name = Նոր պարգևի անվանումը
new-reward-cost = Նոր պարգևի արժեքը
add-reward = Ավելացնել պարգև
reward-cost = Պարգևի արժեքը
save-reward = Պահպանել պարգևը
cancel = Չեղարկել


## Owner: settings and review

settings-heading = Կարգավորումներ
currency = Արժույթ
time-zone = Ժամային գոտի
stamps-per-visit = Կնիք մեկ այցի համար
# The label of the offline redemption limit. $kind: stamps or points.
offline-redemption-max =
    { $kind ->
        [stamps] Անցանց պարգևի առավելագույն արժեքը (կնիք)
       *[points] Անցանց պարգևի առավելագույն արժեքը (միավոր)
    }
offline-redemption-hint = Առանց կապի պլանշետները կարող են տալ պարգևներ, որոնց արժեքը չի գերազանցում այս թիվը։ 0՝ միայն առցանց։
save-settings = Պահպանել կարգավորումները
# Everyone: a new version of the app was downloaded (reload-to-update is its button).
update-available = Regulars հավելվածի նոր տարբերակը պատրաստ է։
# A list of till actions the server marked for the owner.
review-heading = Պետք է ստուգել
review-empty = Ստուգելու ոչինչ չկա։
# Why the server marked a till action for the owner's review: a phrase starting in lower case,
# shown after the action in Needs review; the till joins several with "; " (server-flagged).
# "you" and "your" are the owner. $flag: the flag's code; a code this version does not know is
# passed with its underscores turned into spaces and shown as it is.
review-flag =
    { $flag ->
        [double_redemption] պարգևը տրվել է անցանց, երբ քարտի մնացորդը բավարար չէր
        [compensation] ավելացրել է Regulars համակարգը՝ մեկ այլ գործողություն հավասարակշռելու համար
        [clock_skew] պլանշետի ժամացույցը շատ էր շեղված
        [bad_clock] պլանշետի ժամն անհնարին էր՝ հաշվվել է սերվեր հասնելու ժամը
        [backdated] թվագրված է պլանշետի վերջին համաժամեցումից շատ առաջ
        [offline_not_allowed] պարգևը տրվել է անցանց՝ ձեր անցանց սահմանաչափից բարձր
        [reward_retired] պարգևն արդեն հանված էր ծրագրից
        [reward_cost_changed] պարգևը տրվել է իր արժեքից տարբեր արժեքով
        [card_daily_limit] գերազանցվել է մեկ քարտի օրական կնիքների ձեր սահմանաչափը
        [staff_hourly_limit] գերազանցվել է մեկ աշխատակցի ժամային կնիքների ձեր սահմանաչափը
        [unverified] քարտի կոդը հնարավոր չեղավ ստուգել
        [code_missing] քարտի կոդ չէր կցված
        [code_unsigned] քարտի հին, պատճենվող կոդ
        [card_has_no_key] քարտը դեռ բանալի չուներ
        [code_bad_signature] քարտի կեղծ կամ վնասված կոդ
        [code_expired] քարտի ժամկետանց կոդ
        [code_from_the_future] «ապագայից» եկած քարտի կոդ
        [code_used] քարտի կոդ, որն արդեն օգտագործվել էր մեկ այլ դրամարկղում
        [printed_card_cannot_redeem] պարգև՝ տպագիր քարտով
        [unproven_staff] ոչինչ չի հաստատում, թե որ աշխատակիցն է դա արել
        [staff_deactivated] ձեր կողմից ապաակտիվացված աշխատակցի անունից
        [reverses_redemption] վերադարձրել է տրված պարգևի կնիքները կամ միավորները
        [reverses_compensation] հետարկել է Regulars համակարգի հավասարակշռող գրառումը
        [before_block] կատարվել է նախքան քարտի արգելափակումը
        [device_revoked] կատարվել է պլանշետով՝ նախքան այն անջատելը
        [held_too_long] հաճախորդը սկանավորվել էր շատ վաղուց
        [offer_used_up] առաջարկն օգտագործվել է ավելի շատ անգամ, քան թույլատրված է մեկ անդամին
        [offer_not_for_card] առաջարկն օգտագործվել է անդամի համար, որին այն նախատեսված չէր
        [offer_not_valid] առաջարկն օգտագործվել է իր օրերից կամ ժամերից դուրս կամ երբ կասեցված կամ ավարտված էր
       *[other] { $flag }
    }
# The button of update-available.
reload-to-update = Թարմացնել
settings-saved = Կարգավորումները պահպանված են
log-out = Ելք
# $field: the text of the field's label (stamps-per-reward, points-per-reward, ...).
whole-number-needed = «{ $field }» դաշտում պետք է լինի զրոյից մեծ ամբողջ թիվ։


## Poster: the join poster the owner prints for the counter

# The poster's headline, above the QR code, for shoppers.
scan-to-join = Սկանավորեք և միացեք
print = Տպել
# The accessible name of the poster's QR code.
join-qr-label = Միանալու QR կոդ
back-to-dashboard = Վերադառնալ վահանակ
need-login = Այս էջը տեսնելու համար մուտք գործեք։
go-to-admin = Անցնել կառավարման էջ


## Card: the card's secure key and its recovery code (SHOPPER)

no-web-crypto = Այս դիտարկիչն այստեղ չի կարող անվտանգ քարտ ստեղծել։ Բացեք էջը HTTPS հասցեով՝ դիտարկիչի թարմ տարբերակում։
# $detail: the browser's own words (often in English).
card-key-failed = Այս հեռախոսը չկարողացավ ստեղծել կամ օգտագործել ձեր քարտի անվտանգության բանալին ({ $detail })։
recovery-heading = Ձեր վերականգնման կոդը
recovery-write-down = Գրի առեք այս կոդը՝ դրանով ձեր քարտը կտեղափոխեք նոր հեռախոս։
recovery-keep-private = Այս կոդն ունեցող ցանկացած մեկը կարող է վերցնել ձեր քարտը, ուստի ոչ մեկին մի՛ ցույց տվեք։ Այն նորից կտեսնեք ձեր պրոֆիլում։
done = Պատրաստ է
# The shop made or moved the card, but the phone's storage could not keep it.
# $why: the browser's own words; $code: the card's recovery code, or none.
# «Տեղափոխել քարտն այս հեռախոս» is the text of move-card-here: keep the two the same.
card-not-kept =
    { $code ->
        [none] Ձեր քարտը խանութում կա, բայց այս հեռախոսը չկարողացավ պահել այն ({ $why })։
       *[other] Ձեր քարտը խանութում կա, բայց այս հեռախոսը չկարողացավ պահել այն ({ $why })։ Ձեր վերականգնման կոդն է՝ { $code }։ Գրի առեք այն, ապա օգտագործեք «Տեղափոխել քարտն այս հեռախոս» բաժնում։
    }
recovery-replaced = Ձեր քարտն այժմ այս հեռախոսում է, և ձեր հին վերականգնման կոդն այլևս չի գործում։
move-card-here = Տեղափոխել քարտն այս հեռախոս
recover-intro = Մուտքագրեք վերականգնման կոդը, որը գրի էիք առել միանալիս։ Քարտը կտեղափոխվի այս հեռախոս և կդադարի աշխատել հին հեռախոսում։
recovery-code-label = Վերականգնման կոդ
move-card = Տեղափոխել քարտը
moving-card = Քարտը տեղափոխվում է…
recovery-code-empty = Մուտքագրեք ձեր վերականգնման կոդը։
recovery-code-wrong = Վերականգնման կոդը սխալ է, կամ այն արդեն փոխարինվել է նորով։ Ստուգեք և նորից փորձեք։
# Also on the owner's password reset page.
too-many-tries = Չափազանց շատ փորձեր։ Սպասեք մի քանի րոպե և նորից փորձեք։
# A countdown under the card's QR code. $seconds: seconds left ("վ" is the unit's symbol).
new-code-in = Նոր կոդ՝ { $seconds } վ հետո
preparing-code = Ձեր քարտի կոդը պատրաստվում է…
code-needs-connection = Անվտանգ կոդը միացնելու համար ձեր քարտին մեկ անգամ կապ է պետք։ Միացեք ինտերնետին և նորից բացեք քարտը։
key-not-on-phone = Այս քարտի բանալին այս հեռախոսում չէ, ուստի այստեղ կոդ ցույց տալ հնարավոր չէ։ Եթե փոխել եք հեռախոսը կամ մաքրել դիտարկիչի տվյալները, նորից կարգավորեք քարտը վերականգնման կոդով։
repair-card = Նորից կարգավորել քարտը
repairing-card = Կարգավորվում է…
card-no-longer-here = Այս քարտն այլևս չի աշխատում այս հեռախոսում՝ այն կամ տեղափոխվել է մեկ այլ հեռախոս, կամ խանութն այլևս չի ճանաչում այն։
card-blocked-by-shop = Խանութն արգելափակել է այս քարտը։
no-recovery-code = Այս հեռախոսում այս քարտի վերականգնման կոդ չկա։ Ստեղծեք նորը և գրի առեք՝ դրանով քարտը կտեղափոխեք նոր հեռախոս։
make-recovery-code = Ստեղծել նոր վերականգնման կոդ
recovery-code-made = Նոր վերականգնման կոդը ստեղծված է։ Գրի առեք այն։


## Owner: members and printed cards

members-heading = Անդամներ
members-link = Անդամներ և տպագիր քարտեր
members-empty = Դեռ անդամներ չկան։
# $date: the day the member joined.
member-since = Միացել է՝ { $date }
# Tags on a member's row.
printed-card-tag = Տպագիր քարտ
blocked-tag = Արգելափակված
block-card = Արգելափակել քարտը
# $name: the member's first name, or the text of unnamed-member (in brackets: no case ending).
confirm-block = Արգելափակե՞լ քարտը ({ $name })։ Դրամարկղերն այսուհետ կմերժեն այն։ Սա հնարավոր չէ հետարկել։
confirm-block-button = Այո, արգելափակել քարտը
# $name: the member's first name, or the text of unnamed-member.
card-blocked-done = Քարտն արգելափակված է ({ $name })։
make-printed-card = Ստեղծել տպագիր քարտ
printed-card-intro = Առանց սմարթֆոնի հաճախորդի համար՝ տպելու քարտ, որը միայն կուտակելու համար է։ Պարգևներ ստանալու համար քարտը պետք է հեռախոսում լինի։
printed-card-qr-label = Տպագիր քարտի QR կոդ
# What a printed card can do, printed on it. $kind: stamps or points.
printed-card-only =
    { $kind ->
        [stamps] Միայն կնիքներ
       *[points] Միայն միավորներ
    }
printed-card-made = Տպագիր քարտը պատրաստ է։ Տպեք այն և հանձնեք հաճախորդին։
# A member without a first name. $short_id: the first 8 letters and digits of their card's id.
unnamed-member = Անդամ { $short_id }


## Till: who is at the till, PINs and warnings (CASHIER)

# The till's header. $name: the staff member at the till.
acting-as = Դրամարկղում՝ { $name }
# A button: another staff member takes over the till.
switch-staff = Փոխել
switch-title = Ո՞վ է դրամարկղում
no-staff-with-pin = Դեռ ոչ ոք PIN չունի։ Սեփականատերը կառավարման էջում ավելացնում է աշխատակիցներին և նրանց PIN-երը։
switch-needs-connection = Կառավարիչներն ու սեփականատերը մուտք են գործում սերվերի միջոցով՝ միացրեք պլանշետը ինտերնետին և նորից փորձեք։
scan-again = Այս հաճախորդը սկանավորվել է ավելի քան 15 րոպե առաջ։ Նորից սկանավորեք նրա քարտը։
redemption-checking = Պարգևը ստուգվում է սերվերում… Տվեք այն, երբ այստեղ գրվի, որ պարգևը տրված է։
# $flags: the texts of review-flag, joined with "; ".
server-flagged = Regulars համակարգը սա նշել է սեփականատիրոջ համար՝ { $flags }։
# A history line (card, till, owner) for an action this version of the app does not know.
hist-unknown = Գործողություն, որը հավելվածի այս տարբերակը դեռ չի կարող ցույց տալ
# The PIN pad's heading. $name: the staff member picked.
pin-for = PIN՝ { $name }
# The PIN pad's key that deletes the last digit.
pin-delete = Ջնջել թվանշանը
pin-confirm = Հաստատել
pin-checking = Ստուգվում է…
# A button under the staff members' names.
other-staff = Ուրիշ մեկը
close = Փակել
# $left: how many more wrong PINs pause the till (a count: no selector needed in Armenian).
pin-wrong = Սխալ PIN։ Եվս { $left } սխալ փորձ, և դրամարկղը ժամանակավորապես կկողպվի։
# $wait: the text of wait-seconds or wait-minutes.
pin-paused = Չափազանց շատ սխալ PIN։ Նորից փորձեք { $wait } հետո։
# A piece of pin-paused: a wait under a minute. $seconds: 1 to 59.
wait-seconds = { $seconds } վայրկյան
# A piece of pin-paused: a wait of a minute or more, rounded up. $minutes: the minutes.
wait-minutes = { $minutes } րոպե
pin-unpair-pending = Անընդմեջ 10 սխալ PIN։ Այս պլանշետը կողպված է և կանջատվի խանութից, հենց որ նորից կապ ունենա։
# $name: the staff member now at the till.
switched-to = Դրամարկղում այժմ՝ { $name }։
nobody-at-till = Շարունակելու համար աշխատակիցը պետք է մուտք գործի։


## Till: the last actions, undo and reverse (CASHIER)

recent-heading = Վերջին 10 գործողությունները
recent-empty = Այս պլանշետում դեռ ոչինչ չկա։
# A cashier takes back their own last action (within two minutes).
undo = Հետարկել
# A manager takes back any action, with a reason.
reverse = Հակադարձել
reverse-reason = Պատճառ
confirm-reverse = Այո, հակադարձել
# The reason stored with a cashier's undo; the history shows it in hist-reversal.
undo-reason = Հետարկվել է դրամարկղում
undone = Հետարկված է։
# $balance: the card's balance after the undo.
undone-balance = Հետարկված է։ Մնացորդ՝ { $balance }
# $balance: the customer's balance after what the server did.
balance-now = Մնացորդն այժմ՝ { $balance }։
# A tag on an undone action (lower case).
undone-tag = հետարկված
reason-needed = Նշեք հակադարձման պատճառը։
# After an action: who did it. $name: the staff member.
by-staff = աշխատակից՝ { $name }


## Owner: staff

staff-heading = Աշխատակիցներ
# The label of a staff member's name.
staff-name = Անուն
staff-role-label = Դեր
# A staff member's role. $role: owner, manager or cashier.
role-name =
    { $role ->
        [owner] Սեփականատեր
        [manager] Կառավարիչ
       *[cashier] Գանձապահ
    }
pin = PIN
pin-hint = 4–6 թվանշան՝ աշխատակիցն այն մուտքագրում է պլանշետում՝ մուտք գործելու համար։ Կառավարիչները կարող են նաև հակադարձել ցանկացած գործողություն։
new-pin-optional = Նոր PIN (ոչ պարտադիր)
add-staff = Ավելացնել աշխատակից
save-staff = Պահպանել
# Stops a staff member from using the tills.
deactivate = Ապաակտիվացնել
deactivated-tag = Ապաակտիվացված
no-pin-tag = դեռ PIN չկա
# $name: the staff member.
staff-added = { $name } այժմ կարող է մուտք գործել պլանշետներում։
# $name: the staff member.
staff-saved = Պահպանված է՝ { $name }։
pin-must-be-digits = PIN-ը պետք է լինի 4–6 թվանշան։


## Owner: paired tablets

devices-heading = Կապված պլանշետներ
no-devices = Դեռ ոչ մի պլանշետ կապված չէ։
# $date_time: when the tablet last reached the server.
last-seen = Վերջին կապը՝ { $date_time }
never-seen = Դեռ կապ չի եղել
# $date: the day the tablet was paired.
paired-on = Կապվել է՝ { $date }
unpair-device = Անջատել
# $date_time: when the owner unpaired the tablet.
unpaired-on = Անջատվել է՝ { $date_time }
refresh = Թարմացնել


## Owner: limits and unusual activity

# The label of a limit. $kind: stamps or points (a points program limits purchases).
card-daily-limit =
    { $kind ->
        [stamps] Առավելագույնը կնիք մեկ քարտին՝ օրական
       *[points] Առավելագույնը գնում մեկ քարտով՝ օրական
    }
# The label of a limit. $kind: stamps or points.
staff-hourly-limit =
    { $kind ->
        [stamps] Առավելագույնը կնիք մեկ աշխատակցից՝ ժամում
       *[points] Առավելագույնը գնում մեկ աշխատակցից՝ ժամում
    }
# «Պետք է ստուգել» is the text of review-heading.
limits-hint = Սահմանաչափը գերազանցելիս կնիքները միևնույնն է տրվում են և նշվում «Պետք է ստուգել» բաժնում։ 0՝ առանց սահմանաչափի։
# $days: the days looked at (a count).
anomalies-heading = Անսովոր՝ վերջին { $days } օրում
no-anomalies = Անսովոր ոչինչ չկա։
# When a card is listed as unusual. $min: the least visits (a count); $factor: how many times
# more than the typical card; $typical: the typical card's visits.
card-anomaly-rule = Քարտը հայտնվում է այստեղ, եթե ունի առնվազն { $min } այց, և դա ավելի քան { $factor } անգամ շատ է ձեր տիպիկ քարտի այցերից ({ $typical })՝ հնարավոր է՝ քարտից մի քանի հոգի են օգտվում, կամ կնիքներ են դրվել առանց գնման։
# When a staff member is listed as unusual. $min: the least rewards handed over (a count);
# $factor: how many times more than everyone else.
staff-anomaly-rule = Աշխատակիցը հայտնվում է այստեղ, եթե տվել է առնվազն { $min } պարգև, և մեկ այցի հաշվով նրա տված պարգևները { $factor } կամ ավելի անգամ շատ են մյուսներից՝ հնարավոր է՝ նա պարգևներ է բաժանում։
# An unusual card. $who: the member's first name, or the text of card-short-id; $visits: a count.
card-anomaly = { $who }՝ { $visits } այց
# An unusual staff member. $name: the staff member; $redemptions: rewards handed over (a count);
# $percent: rewards per 100 actions; $others: everyone else's rewards per 100 actions.
staff-anomaly = { $name }՝ { $redemptions } պարգև, { $percent }՝ 100 գործողության հաշվով (մյուսները՝ { $others })


## Card: the recommend question (SHOPPER, after a visit)

# $shop: the shop's name (the object of այցելել: no case ending needed).
nps-question = Որքանո՞վ է հավանական, որ ընկերոջը խորհուրդ կտաք այցելել { $shop }։
# The two ends of the 0 to 10 scale.
nps-not-likely = 0՝ բոլորովին հավանական չէ
nps-very-likely = 10՝ շատ հավանական է
nps-comment-label = Ուզո՞ւմ եք ինչ-որ բան ասել մեզ (ոչ պարտադիր)
# $count: characters typed; $max: the most allowed (500, a count).
nps-comment-count = { $count } / { $max } նիշ
nps-send = Ուղարկել պատասխանը
nps-not-now = Ոչ հիմա
nps-pick-score = Նախ ընտրեք թիվ 0-ից 10։
nps-thanks = Շնորհակալությո՛ւն։ Ձեր պատասխանը խանութին կհասնի, հենց հեռախոսը միանա ինտերնետին։
# Why an answer was not saved. $refusal: invalid_score, comment_too_long, answered_recently,
# another code, or none; $max: the most characters a comment may have (500, a count);
# $days: how often the card asks (90, a count); $reason: the server's own words (often in
# English), or none.
nps-refused =
    { $refusal ->
        [invalid_score] Ձեր պատասխանը չպահպանվեց՝ ընտրեք թիվ 0-ից 10։
        [comment_too_long] Ձեր պատասխանը չպահպանվեց՝ մեկնաբանությունը կարող է լինել առավելագույնը { $max } նիշ։
        [answered_recently] Դուք արդեն պատասխանել եք վերջին { $days } օրում։ Շնորհակալություն, մեկ անգամը բավական է։
       *[other]
            { $reason ->
                [none] Ձեր պատասխանը չհաջողվեց պահպանել։
               *[other] Ձեր պատասխանը չհաջողվեց պահպանել՝ { $reason }։
            }
    }
# The button that closes nps-refused.
nps-refused-read = Լավ


## Owner: Insights, the recommend question (Net Promoter Score)

nps-title = Ձեզ խորհուրդ կտա՞ն
nps-score = Net Promoter Score (NPS)
# How many answered 9-10, 7-8 and 0-6 (counts: the noun stays singular in Armenian).
nps-groups = { $promoters } աջակից (9–10), { $passives } չեզոք (7–8), { $detractors } քննադատ (0–6)
nps-no-answers = Այս ժամանակահատվածում դեռ պատասխաններ չկան։ Այցից հետո յուրաքանչյուր անդամի քարտը 90 օրը մեկ անգամ հարցնում է, թե որքանով է հավանական, որ նա ձեզ խորհուրդ կտա։
# $score: the Net Promoter Score (-100 to 100); $answers: the answers it stands on.
nps-sentence = { $answers } պատասխանի հիման վրա՝ ձեզ խորհուրդ տվողների բաժինը (9–10) հանած խորհուրդ չտվողների բաժինը (0–6) կազմում է { $score }։ 0-ից բարձր արդյունքը նշանակում է, որ երկրպագուներն ավելի շատ են, քան քննադատները։
nps-by-month = Գնահատականն ըստ ամիսների
nps-comments = Ինչ են ասել (սկզբում՝ ամենադժգոհները)
nps-no-comments = Այս ժամանակահատվածում մեկնաբանություններ չկան։
# One member's answer. $score: 0 to 10.
nps-answer-score = { $score } / 10
nps-member-none = Դեռ չի պատասխանել խորհուրդ տալու հարցին։


## Owner: Insights, predicted value (customer lifetime value)

clv-title = Կանխատեսվող արժեք
# $date: the last day of the visits the model was fitted on; $members: members with a visit by
# then; $returned: those of them who came back (a count).
clv-as-of = Մոդելը կառուցված է մինչև { $date } կատարված այցերի հիման վրա՝ { $members } անդամ, որոնցից վերադարձել է { $returned }-ը։
# $have: members who came back so far; $need: how many predictions need (both counts).
clv-too-few = Կանխատեսումների համար պետք է առնվազն { $need } վերադարձած անդամ, առայժմ կա { $have }։ Շարունակեք կնիքներ տալ՝ կանխատեսումները կհայտնվեն պատմությանը զուգընթաց։
clv-not-converged = Մոդելը դեռ չհաջողվեց կառուցել ձեր այցերի հիման վրա, ուստի կանխատեսումներ ցույց չեն տրվում։ Դրանք կհայտնվեն, երբ պատմությունն ավելի հարուստ լինի։
# $have: returning members who recorded an amount; $need: how many are needed (both counts).
clv-no-amounts = Այցերը կանխատեսվում են, ծախսը՝ ոչ։ Գումար է գրանցված միայն { $have } վերադարձած անդամի մոտ (պետք է { $need })։
# $weeks: a number shown with one decimal ("2,5"). Armenian keeps the noun singular, so there is
# no selector.
clv-rhythm = Քանի դեռ շարունակում են գալ, տիպիկ անդամը գալիս է մոտավորապես { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) } շաբաթը մեկ։
# $percent: the chance, in percent.
clv-dropout = Յուրաքանչյուր այցից հետո մոտ { $percent }% հավանականություն կա, որ անդամը կդադարի գալ։
# $amount: money.
clv-spend-per-visit = Տիպիկ այցի արժեքը մոտ { $amount } է։
# A list's heading. $count: how many members it lists (a count).
clv-top-title = Ձեր { $count } ամենաարժեքավոր մշտական հաճախորդները
clv-drifting-title = Արժեքավոր մշտական հաճախորդներ, որոնք կարող են հեռանալ
clv-none-drifting = Ձեր արժեքավոր մշտական հաճախորդներից ոչ մեկը հեռանալու նշաններ ցույց չի տալիս։
# Column headings of the lists.
clv-column-visits = Այցեր
# The member's favourite category.
clv-column-favourite = Սիրելի
clv-column-active = Դեռ ակտիվ է
# The predicted spend in the next 12 months.
clv-column-predicted = Հաջորդ 12 ամիսը
# On a member's page. $active: the chance they still come, in percent; $visits: visits expected,
# shown with one decimal; $spend: money expected in the next 12 months, or none.
clv-member-line =
    { $spend ->
        [none] { $active }% հավանականությամբ դեռ մշտական հաճախորդ է։ Հաջորդ 90 օրում սպասվում է մոտ { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } այց։
       *[other] { $active }% հավանականությամբ դեռ մշտական հաճախորդ է։ Հաջորդ 90 օրում սպասվում է մոտ { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } այց, իսկ հաջորդ 12 ամսում՝ { $spend } ծախս։
    }
# On a member's page. $rank: their place in the list (1 is the most valuable). The ordinal is
# 1-ին for 1 and N-րդ for every other number.
clv-member-top =
    Ձեր ամենաարժեքավոր մշտական հաճախորդների ցանկում զբաղեցնում է { $rank ->
        [1] { $rank }-ին
       *[other] { $rank }-րդ
    } տեղը։
clv-check-title = Որքան ճշգրիտ է մոդելը
# $as_of: the last day of the visits the model was fitted on; $predicted: return visits it
# expected; $weeks: the weeks looked at after that day; $actual: return visits made (a count).
clv-check-sentence = Մինչև { $as_of } կատարված այցերի հիման վրա մոդելը սպասում էր, որ այդ անդամները հաջորդ { $weeks } շաբաթում կկատարեն { $predicted } կրկնակի այց, իսկ իրականում կատարել են { $actual }։
# One week of the check (a row of a table). $week: the week's number; $predicted: visits
# expected; $actual: visits made, both by the end of that week.
clv-check-week = Շաբաթ { $week }՝ սպասվում էր { $predicted }, կատարվել է { $actual } (առայժմ)
clv-member-drifting = Արժեքավոր մշտական հաճախորդ, որը կարող է հեռանալ։


## Owner: Insights

insights-link = Վերլուծություն
insights-title = Վերլուծություն
# $name: the category's name; $percent: its share of the period's purchases.
top-category = «{ $name }» կատեգորիան կազմում է անդամների գնումների { $percent }%-ը։
# The label of a choice: the heatmap shows every member's visits or only the top customers'.
heatmap-of = Ում այցերը
every-member = Բոլոր անդամները (այս ժամանակահատվածում)
# The first and last day of the period shown.
period-from = Սկսած
period-to = Մինչև
show-period = Ցույց տալ այս օրերը
# $count: days (a count).
last-days = Վերջին { $count } օրը
# The headline figures.
figure-members = Անդամներ
figure-new-members = Նոր անդամներ
figure-active-members = Ակտիվ անդամներ
figure-visits = Այցեր
figure-repeat-rate = Վերադարձել են 30 օրվա ընթացքում
figure-visits-per-active = Այցեր մեկ ակտիվ անդամի հաշվով
figure-average-spend = Միջին ծախսը մեկ այցի համար
figure-revenue = Հասույթ անդամներից
figure-rewards = Տրված պարգևներ
# Under a figure: its value in the period before, and the change.
# $value: the earlier value, already formatted (a number, money or a percentage);
# $sign: plus, minus, zero, or none when there is no change to show; $percent: the change in
# percent, without its sign.
before =
    { $sign ->
        [plus] նախկինում՝ { $value } (+{ $percent }%)
        [minus] նախկինում՝ { $value } (-{ $percent }%)
        [zero] նախկինում՝ { $value } ({ $percent }%)
       *[none] նախկինում՝ { $value }
    }
no-amounts-yet = Գնումների գումարներ դեռ չեն գրանցվել՝ դրամարկղում յուրաքանչյուր կնիքի հետ կարելի է նշել գումարը։
# Stands for a figure that has no value (nobody new). Keep, or use your language's dash.
nobody-new = —
weekly-visits = Այցեր ըստ շաբաթների
# $sign: plus (visits rose), minus (fell), zero (the same), or none (no visits in the period
# before); $percent: the change in percent, without its sign.
visits-trend =
    { $sign ->
        [plus] Այցերն աճել են { $percent }%-ով նախորդ ժամանակահատվածի համեմատ։
        [minus] Այցերը նվազել են { $percent }%-ով նախորդ ժամանակահատվածի համեմատ։
        [zero] Այցերը նույնքան են, որքան նախորդ ժամանակահատվածում։
       *[none] Նախորդ ժամանակահատվածում այցեր չկան՝ համեմատելու համար։
    }
when-they-come = Երբ են գալիս
# $weekday: the text of weekday; $from_time, $to_time: the hour's start and end ("14:00", "15:00").
busiest-slot = Ամենաբանուկ ժամը՝ { $weekday }, { $from_time }–{ $to_time }։
# $first_day: the text of weekday; $last_day: the text of weekday, or none when they come
# mostly on one day; $from_time, $to_time: the hours ("09:00", "12:00").
top-customers-come =
    { $last_day ->
        [none] Ձեր լավագույն հաճախորդները գալիս են հիմնականում՝ { $first_day }, { $from_time }–{ $to_time }։
       *[other] Ձեր լավագույն հաճախորդները գալիս են հիմնականում՝ { $first_day } – { $last_day }, { $from_time }–{ $to_time }։
    }
no-visits-yet = Այս ժամանակահատվածում դեռ այցեր չկան։
# A day of the week: a label (a chart's row, the offer form's day boxes) and a word inside
# busiest-slot, top-customers-come and offer-when (always after ՝, so no case ending is needed).
# $day: monday, tuesday, wednesday, thursday, friday, saturday or sunday.
weekday =
    { $day ->
        [monday] Երկուշաբթի
        [tuesday] Երեքշաբթի
        [wednesday] Չորեքշաբթի
        [thursday] Հինգշաբթի
        [friday] Ուրբաթ
        [saturday] Շաբաթ
        [sunday] Կիրակի
       *[other] ?
    }
segments-title = Հաճախորդների խմբեր
# The name of a group of members (RFM segments: by how recently, how often and how much they
# buy). Also inside owner-offer-reason. $segment: the group's code.
segment-name =
    { $segment ->
        [champions] Չեմպիոններ
        [loyal] Հավատարիմներ
        [potential] Ապագա հավատարիմներ
        [new] Նորեկներ
        [promising] Հեռանկարայիններ
        [need_attention] Ուշադրության կարիք ունեն
        [at_risk] Վտանգի տակ
        [cant_lose] Չի կարելի կորցնել
        [hibernating] Քնած
        [lost] Կորսված
       *[unknown] Այլ
    }
# $count: members who moved to another group; $date: the day the groups are compared with.
segments-moved = Սկսած { $date }՝ { $count } անդամ փոխել է խումբը։
# $count: members who have not visited yet.
without-visits = { $count } անդամ դեռ այց չունի։

# not translated: SegmentMembersTitle(String). The heading is the group's name: the code uses segment-name.

download-csv = Ներբեռնել CSV
# On a member's page.
download-history-csv = Ներբեռնել ամբողջ պատմությունը (CSV)
# On the members page.
download-members-csv = Ներբեռնել բոլոր անդամներին (CSV)
# $page: this page's number; $pages: how many pages.
page-of = Էջ { $page } / { $pages }
previous-page = Նախորդ
next-page = Հաջորդ
# Column headings of the members' table.
column-member = Անդամ
column-last-visit = Վերջին այց
column-visits12m = Այցեր (12 ամիս)
column-spend12m = Ծախս (12 ամիս)
# Recency, Frequency and Monetary scores (1 to 5 each): initials; kept as R F M.
column-scores = R F M
# On a member's page. $visits: their visits; $spend: money spent, or none.
member-totals =
    { $spend ->
        [none] { $visits } այց
       *[other] { $visits } այց, ծախսել է { $spend }
    }
visits-by-month = Այցեր ըստ ամիսների
categories-bought = Ինչ են գնում
no-categories = Կատեգորիաներ դեռ չեն գրանցվել։
recent-history = Պատմություն
# The owner's private note about a member.
owner-note = Ձեր նշումը
save-note = Պահպանել նշումը
saved = Պահպանված է։


## Owner: the shop's purchase categories

categories-title = Կատեգորիաներ
categories-help = Դրամարկղը դրանք ցույց է տալիս որպես մեկ հպումով կոճակներ։ Անվանափոխելիս պատմությունը պահպանվում է, ինչպես նաև հեռացված կատեգորիայի պատմությունը։
add-category = Ավելացնել կատեգորիա
save-categories = Պահպանել կատեգորիաները
# A button's accessible name. $name: the category.
remove-category = Հեռացնել՝ { $name }
# The label of a category's field. $number: its place in the list (1, 2, 3 ...).
category-field = Կատեգորիա { $number }


## Till: offers for the customer on screen (CASHIER; the gift texts also show on the shopper's card)

till-offers-heading = Առաջարկներ այս հաճախորդի համար
# A tag: the member saved this offer on their phone.
till-offer-saved = Պահված է
# A button: uses an offer (for a points multiplier, switches it on for the purchase being entered).
till-offer-apply = Կիրառել
# A tag on the multiplier switched on for this purchase.
till-offer-armed-tag = Այս գնման վրա
# What an offer gives: extra stamps. $count: how many.
till-offer-extra-stamps = +{ $count } կնիք
# What an offer gives: points multiplied. $times: the multiplier (2, 1.5).
till-offer-times = x{ $times } միավոր
# Points multiplied in one category. $times: the multiplier; $category: the category's name.
till-offer-times-in = x{ $times } միավոր՝ { $category }
# Something handed over free. $item: what, as the owner wrote it.
till-offer-free = Անվճար՝ { $item }
# $amount: money off the bill.
till-offer-amount-off = { $amount } զեղչ
# $percent: percent off the bill.
till-offer-percent-off = { $percent }% զեղչ
# Beside the purchase amount. $gift: the text of till-offer-times or till-offer-times-in.
till-offer-on-purchase = { $gift }՝ այս գնման վրա
# A button: takes the multiplier off this purchase.
till-offer-clear = Հեռացնել առաջարկը
# The multiplier is for another category than the one picked. $category: the offer's category.
till-offer-not-this-category = Առաջարկը գործում է միայն «{ $category }» կատեգորիայում։ Ընտրեք այն, որպեսզի միավորները բազմապատկվեն։
# An offer used. $title: the offer's title; $stamps: extra stamps it added; $balance: the card's
# balance after.
till-offer-used =
    { $stamps ->
        [0] Առաջարկն օգտագործված է՝ { $title }
       *[other] Առաջարկն օգտագործված է՝ { $title }։ +{ $stamps } կնիք։ Մնացորդ՝ { $balance }
    }
# Points added with a multiplying offer. $points: points added; $title: the offer's title;
# $balance: the card's balance after.
till-offer-points-added = Ավելացվեց { $points } միավոր «{ $title }» առաջարկով։ Մնացորդ՝ { $balance }
# An offer use in the last actions and the outbox. $title: the offer's title, or none when the
# till does not know it; $stamps: extra stamps it gave.
till-offer-line =
    Առաջարկ՝ { $title ->
        [none] անհայտ առաջարկ
       *[other] { $title }
    }{ $stamps ->
        [0] {""}
       *[other] {" "}(+{ $stamps } կնիք)
    }
# What a good barista remembers about the customer, as facts joined by " · ".
# $visits: their visits; $favourite: the category they buy most, or none; $last_visit: the day
# of their last visit ("23 Nov", with the year when it is not this year), or none.
till-regular =
    { $visits } այց{ $favourite ->
        [none] {""}
       *[other] {" · "}սովորաբար՝ { $favourite }
    }{ $last_visit ->
        [none] {""}
       *[other] {" · "}վերջին այցը՝ { $last_visit }
    }


## Card: offers for the shopper

for-you-heading = Ձեզ համար
# An offer ending soon. $unit: minutes (under an hour) or hours (whole hours, rounded down);
# $count: how many.
offer-ends-in =
    { $unit ->
        [minutes] Ավարտվում է { $count } րոպեից
       *[hours] Ավարտվում է { $count } ժամից
    }
# Opens an offer's details.
offer-details = Մանրամասներ
# When an offer can be used. $until: its end (a date and time); $days: the texts of weekday
# joined with ", ", or none when it is good every day; $from_time, $to_time: its hours ("9:00",
# "17:00"), or none when it is good all day.
offer-when =
    Մինչև { $until }{ $days ->
        [none] {""}
       *[other] , օրերը՝ { $days }
    }{ $from_time ->
        [none] {""}
       *[other] , ժամը՝ { $from_time }–{ $to_time }
    }։
offer-save = Պահել իմ այցի համար
offer-saved = Պահված է՝ ցույց տվեք քարտը դրամարկղում
offer-dismiss = Ինձ համար չէ
# A choice at join and on the profile (a checkbox).
offers-consent = Ընտրել ինձ համար առաջարկներ՝ ըստ իմ այցերի
offers-consent-hint = Այդ դեպքում խանութը կարող է առաջարկներ ընտրել՝ ըստ այն բանի, թե ինչ եք գնում այստեղ։ Առանց դրա էլ դուք կստանաք բոլորի համար նախատեսված առաջարկները, և ձեր այցերը կհաշվվեն ճիշտ նույն կերպ։
# $date: the day the shopper last chose.
offers-consent-chosen = Ընտրությունը կատարել եք՝ { $date }։
# A history line. $count: extra stamps the offer added.
hist-offer-used =
    { $count ->
        [0] Օգտագործված առաջարկ
       *[other] Օգտագործված առաջարկ (+{ $count } կնիք)
    }


## Purchase categories (Category): the till's built-in category chips (CASHIER)

category-coffee = Սուրճ
category-food = Սնունդ
category-drinks = Ըմպելիքներ
category-retail = Ապրանքներ
category-other = Այլ


## Import fields (ImportField): the fields of a purchase-history file (OWNER, the import's mapping form)

field-customer = Հաճախորդ
field-date = Ամսաթիվ
field-amount = Գումար
field-category = Կատեգորիա
field-email = Էլ. փոստ
field-first-name = Անուն


## Owner: importing purchase history (ImportMsg, /admin/import)

# The dashboard's and Insights' link to the import page.
import-link = Ներմուծել գնումների պատմությունը
import-title = Գնումների պատմության ներմուծում
import-intro = Անցնո՞ւմ եք թղթից կամ այլ ծրագրից։ Ներմուծեք ձեր հաճախորդների նախկին գնումները CSV ձևաչափով պահված աղյուսակից, որպեսզի «Վերլուծություն» բաժինը և կանխատեսվող արժեքը ճանաչեն ձեր մշտական հաճախորդներին առաջին իսկ օրվանից։
import-format-title = Ինչ տեսք ունի ֆայլը
# customer, date, amount, category, email and first_name are the column names the file's header
# row uses: keep them as they are.
import-format-columns = Յուրաքանչյուր տողում՝ մեկ գնում, սյունակների անվանումներով վերնագրի տողի տակ։ Պարտադիր են customer (քարտի համարը, անունը կամ կոդը, որով ձեր հին համակարգը ճանաչում էր հաճախորդին), date և amount սյունակները, իսկ category, email և first_name սյունակները պարտադիր չեն։ Այլ անվանումներով սյունակները նույնպես կաշխատեն՝ դուք կնշեք, թե որը որն է։
# The dates are examples of what the file holds: keep them. $time_zone: the shop's time zone
# (Asia/Yerevan ...).
import-format-dates = Ամսաթվերն ունեն 2026-03-31 կամ 2026-03-31 14:05 տեսքը և ընդունվում են խանութի ժամային գոտում ({ $time_zone })։ Առանց ժամի ամսաթիվը համարվում է կեսօր։
# $currency: the shop's currency code. The amounts are examples of what the file holds.
import-format-amounts = Գումարները նշվում են { $currency } արժույթով, ամբողջ միավորներով, օրինակ՝ 4.50 (կամ 4,50), առանց արժույթի նշանի և հազարների բաժանիչի։
# $categories: the shop's category names, joined with ", ".
import-format-categories = Կատեգորիան պետք է լինի ձերից մեկը՝ { $categories }։
import-format-again = Նույն ֆայլը կրկին ներմուծելիս ոչինչ չի ավելանում՝ յուրաքանչյուր գնում ներմուծվում է մեկ անգամ։
import-format-balance = Ներմուծված գնումները հաշվվում են «Վերլուծություն» բաժնում և կանխատեսվող արժեքում, բայց երբեք չեն փոխում մնացորդը՝ դրանց համար ոչ ոք կնիքներ կամ միավորներ չի ստանում։ Հաճախորդը, որի էլ. փոստն արդեն օգտագործում է որևէ անդամ, համարվում է այդ անդամը։ Մնացած բոլորը դառնում են առանց հեռախոսի անդամներ, որոնց կարելի է տպագիր քարտ տալ։
import-file-label = CSV ֆայլ
import-file-hint = Մինչև 50 ՄԲ և մեկ միլիոն տող։
# $file_name: the file being sent and checked.
import-uploading = Կարդացվում է՝ { $file_name }…
import-too-large = Այս ֆայլը 50 ՄԲ-ից մեծ է՝ բաժանեք այն մասերի և ներմուծեք յուրաքանչյուրը։
# $rows: rows in the file; $bad: how many of them cannot be read.
import-rows =
    { $bad ->
        [0] { $rows } տող՝ բոլորը ընթեռնելի։
       *[other] { $rows } տող, որոնցից { $bad }-ը հնարավոր չէ կարդալ։
    }
import-mapping-title = Որ սյունակը որն է
# customer, date and amount are column names: keep them. «Կիրառել» is the text of import-apply.
import-mapping-needed = Վերնագրի տողում չկան customer, date և amount սյունակները։ Նշեք, թե որ սյունակում է դրանցից յուրաքանչյուրը, ապա սեղմեք «Կիրառել»։
# «Կիրառել» is the text of import-apply.
import-mapping-hint = Փոխեք սյունակը և սեղմեք «Կիրառել»՝ ամբողջ ֆայլը նորից կստուգվի։

# not translated: ImportMsg::Field(ImportField). The code uses the field- messages (## Import fields).

# The empty choice of a column picker ("no column"). Keep, or use your language's dash.
import-no-column = —
import-pick-column = Ընտրեք սյունակը
import-apply = Կիրառել
import-preview-title = Առաջին տողերը, ինչպես դրանք կկարդացվեն
# Column headings of the preview and of the bad rows.
import-column-line = Տող
import-column-customer = Հաճախորդ
# The purchase's time in the shop's time zone.
import-column-local-time = Խանութի ժամը
import-column-amount = Գումար
import-column-category = Կատեգորիա
import-column-email = Էլ. փոստ
import-column-first-name = Անուն
import-column-column = Սյունակ
import-column-reason = Ինչն է սխալ
import-bad-title = Տողեր, որոնք հնարավոր չէ կարդալ
# $shown: bad rows listed; $total: bad rows in all (counts).
import-bad-listed = Ցուցադրված են { $total }-ից առաջին { $shown }-ը։
# A button. $count: purchases it imports.
import-import-purchases = Ներմուծել { $count } գնում
import-skip-bad-rows = Բաց թողնել սխալ տողերը և ներմուծել
# $good: rows that read; $bad: rows that do not.
import-skip-bad-note = Ուղղեք ֆայլը և նորից վերբեռնեք, կամ ներմուծեք { $good } ճիշտ տողը և բաց թողեք { $bad } սխալը։
import-importing-title = Ներմուծում
# The accessible name of the progress bar.
import-progress-label = Ներմուծման ընթացքը
# $done: rows imported so far; $total: rows to import (a count).
import-progress = Առայժմ ներմուծված է { $total }-ից { $done } տող։
import-done-title = Ներմուծումն ավարտված է
# Headings of the result's figures.
import-added = Ավելացված գնումներ
import-already-there = Արդեն կային
import-matched-by-email = Համընկել են ըստ էլ. փոստի
import-matched-by-customer = Համընկել են ըստ customer արժեքի
import-new-members = Նոր անդամներ
import-see-insights = Դիտել «Վերլուծություն» բաժնում
import-another-file = Ներմուծել մեկ այլ ֆայլ
import-failed-title = Ներմուծումը դադարեց
import-carry-on = Շարունակել ներմուծումը
import-earlier-title = Նախորդ ներմուծումներ
# Column headings of the earlier imports.
import-column-file = Ֆայլ
import-column-uploaded = Վերբեռնվել է
import-column-status = Կարգավիճակ
import-column-rows = Տողեր
# Opens an earlier import. $file_name: its file's name.
import-open = Բացել՝ { $file_name }
# Where an import stands. $status: its code.
import-status =
    { $status ->
        [needs_mapping] Սպասում է սյունակների նշմանը
        [invalid] Ունի սխալ տողեր
        [ready] Պատրաստ է ներմուծման
        [running] Ներմուծվում է
        [done] Ավարտված է
       *[failed] Դադարեցված է
    }


## Owner: printed cards and the password reset (OwnerMsg)

# A member row's button: print again the printed card of a member without a phone.
owner-print-card = Տպել քարտը
# $name: the member's first name, or the text of unnamed-member.
owner-card-to-print = Տպագիր քարտ՝ { $name }։ Տպեք այն և հանձնեք։
# The login form's link to the reset page.
owner-forgot-password = Մոռացե՞լ եք գաղտնաբառը
owner-reset-title = Ընտրեք նոր գաղտնաբառ
# "regulars-server reset-password" is a command the server's operator types: keep it as it is.
owner-reset-intro = Regulars համակարգը էլ. նամակներ չի ուղարկում։ Վերակայման կոդը խնդրեք նրանից, ով սպասարկում է ձեր խանութի Regulars սերվերը՝ նա կգործարկի regulars-server reset-password հրամանը ձեր էլ. փոստի հասցեով և ձեզ կտա կոդը կամ այս էջի հղումը։ Կոդը գործում է մեկ անգամ՝ մեկ ժամվա ընթացքում։
owner-reset-code = Վերակայման կոդ
# The example code is what such a code looks like: keep it.
owner-reset-code-hint = 16 տառ և թվանշան, օրինակ՝ ABCD-EFGH-JKMN-PQRS։
owner-reset-code-empty = Նախ մուտքագրեք վերակայման կոդը։
owner-set-new-password = Սահմանել նոր գաղտնաբառ
owner-reset-code-wrong = Այս կոդը սխալ է, արդեն օգտագործված է կամ մեկ ժամից հին է։ Նորը խնդրեք նրանից, ով սպասարկում է Regulars սերվերը։


## Owner: offers, the form

# The dashboard's link to the offers page.
owner-offers-link = Առաջարկներ
owner-offers-title = Առաջարկներ
owner-offers-intro = Առաջարկը երևում է այն անդամների քարտերին, ում համար նախատեսված է, խանութում աշխատում է նաև անցանց, և դրամարկղը կիրառում է այն մեկ հպումով։
owner-new-offer = Նոր առաջարկ
# The form's heading while it edits an offer. $title: the offer's title.
owner-editing-offer = Խմբագրել «{ $title }» առաջարկը
# $version: the version number saving makes.
owner-saving-makes-version = Պահպանելիս կստեղծվի տարբերակ { $version }։ Մինչ այժմ կատարված օգտագործումներն ու արձագանքները մնում են իրենց տարբերակի հետ, և հսկիչ խմբում մնում են նույն անդամները։
# The edit's submit button. $version: the version number it makes.
owner-save-version = Պահպանել տարբերակ { $version }
owner-create-offer = Ստեղծել առաջարկ
owner-stop-editing = Դադարեցնել խմբագրումը
# $title: the offer's title; $version: its version number.
owner-offer-saved = «{ $title }» առաջարկը պահպանված է (տարբերակ { $version })։
# The label of the offer's title field.
owner-offer-title = Վերնագիր
# The example in quotes is an offer title: write a typical one in your language.
owner-offer-title-hint = Այն, ինչ հաճախորդը կարդում է առաջինը, մինչև 60 նիշ՝ «Երկրորդ թխվածքը՝ մեզանից»։
owner-offer-text = Տեքստի տող
# The example in quotes is an offer's line of text: write a typical one in your language.
owner-offer-text-hint = Ոչ պարտադիր, մինչև 200 նիշ՝ «Միայն այս շաբաթ»։
# The legend of what an offer gives.
owner-offer-gives = Ինչ է տալիս
# The label of the choice of gift.
owner-gift-kind-label = Նվեր
# The kinds of gift.
owner-gift-extra-stamps = Լրացուցիչ կնիքներ այցի ժամանակ
owner-gift-multiplier = Ավելի շատ միավորներ այցի ժամանակ
owner-gift-category-multiplier = Ավելի շատ միավորներ մեկ կատեգորիայում
owner-gift-free-item = Ինչ-որ բան անվճար
owner-gift-amount-off = Զեղչ գումարով
owner-gift-percent-off = Զեղչ տոկոսով
owner-extra-stamps-count = Լրացուցիչ կնիքներ
owner-multiplier-label = Միավորների բազմապատկիչ
# A choice of multiplier. $times: the multiplier (1.5, 2, 3); 2 also says "double points".
owner-multiplier =
    { $times ->
        [2] x{ $times } (կրկնակի միավորներ)
       *[other] x{ $times }
    }
owner-gift-category = Կատեգորիայում
owner-pick-category = Ընտրեք կատեգորիա
owner-free-item-name = Ինչն է անվճար
# $currency: the shop's currency code.
owner-amount-off-label = Զեղչի գումարը ({ $currency })
owner-percent-off-label = Զեղչի տոկոսը
owner-when-legend = Երբ
owner-when-hours = Սկսվում է հիմա՝ առաջիկա մի քանի ժամով
owner-when-dates = Մի օրից մինչև մյուսը
# While editing: the offer's window as it is. $from, $to: dates and times.
owner-when-kept = Ինչպես կա՝ { $from } – { $to }
owner-hours-ahead = Առաջիկա (ժամ)
owner-start-date = Առաջին օրը
owner-end-date = Վերջին օրը
owner-days-legend = Միայն որոշ օրերի կամ ժամերի
owner-days-hint = Ոչ պարտադիր։ Ոչ մի օր նշված չէ՝ ամեն օր, ժամեր չկան՝ ամբողջ օրը։
# Labels of the two hour pickers.
owner-from-hour = Սկսած
owner-to-hour = Մինչև
# The hour pickers' empty choice.
owner-any-hour = Ամբողջ օրը
owner-who-legend = Ում համար է
owner-offer-everyone = Բոլորը
owner-some-members = Որոշ անդամներ՝ ըստ խմբի, ըստ կանոնի կամ երկուսով
owner-some-members-hint = Նշված խմբերից որևէ մեկի անդամները (ոչ մեկը նշված չէ՝ ցանկացած խումբ), որոնք նաև համապատասխանում են լրացված բոլոր կանոններին։ Այս առաջարկները չեն ստանում այն անդամները, որոնք համաձայնություն չեն տվել իրենց այցերի հիման վրա ընտրված առաջարկներին։
owner-groups-legend = Խմբեր
owner-rules-legend = Կանոններ
owner-min-visits = Նվազագույն այցեր
# $currency: the shop's currency code.
owner-min-spend = Նվազագույն ծախս ({ $currency })
owner-lapsed-days = Չի երևացել առնվազն (օր)
owner-overdue = Ուշանում է իր սովորական ռիթմից
owner-bought-category = Գնել է կատեգորիայից
owner-any-category = Ցանկացած կատեգորիա
owner-top-customers = Լավագույն հաճախորդների թվում
owner-uses-per-member = Օգտագործում մեկ անդամի համար
# The holdout: a share of eligible members who never see the offer, to measure its effect
# (the control group: հսկիչ խումբ).
owner-offer-holdout = Հսկիչ խումբ (%)
# $percent: the holdout's percent.
owner-holdout-hint = Թիրախային անդամների պատահական { $percent }%-ը երբեք չի տեսնում այն, որպեսզի պարզեք, թե իրականում ինչ է այն փոխում։
owner-offer-counting = Հաշվում ենք, թե քանի անդամի կհասնի…
# $eligible: members the offer would reach; $held_out: of them, held out (a count);
# $without_consent: members of a targeted offer's groups who did not agree to offers picked
# from their visits (a count), or none.
owner-offer-reaches =
    { $without_consent ->
        [none] Կհասնի { $eligible } անդամի (հսկիչ խմբում՝ { $held_out })
        [0] Կհասնի { $eligible } անդամի (հսկիչ խմբում՝ { $held_out })
       *[other] Կհասնի { $eligible } անդամի (հսկիչ խմբում՝ { $held_out }, համաձայնություն չեն տվել այցերի հիման վրա ընտրված առաջարկներին՝ { $without_consent })
    }
# A field of the form is wrong: the field's name, then why.
# $field: the last part of the field's path (gift.count -> count); a gift's category is
# gift_category. $message: why, without a final full stop: the text of owner-offer-whole-number,
# owner-offer-money-needed, owner-offer-date-needed, owner-offer-hours-both or
# owner-offer-hours-ahead-range, or the server's own words (in English).
owner-offer-fault =
    { $field ->
        [title] Վերնագիր՝ { $message }։
        [text] Տեքստ՝ { $message }։
        [gift] Նվեր՝ { $message }։
        [count] Լրացուցիչ կնիքներ՝ { $message }։
        [times_tenths] Միավորների բազմապատկիչ՝ { $message }։
        [gift_category] Կատեգորիա՝ { $message }։
        [category] Գնել է կատեգորիայից՝ { $message }։
        [item] Ինչն է անվճար՝ { $message }։
        [amount_minor] Զեղչի գումարը՝ { $message }։
        [percent] Զեղչի տոկոսը՝ { $message }։
        [starts_at] Սկիզբ՝ { $message }։
        [ends_at] Ավարտ՝ { $message }։
        [weekdays] Օրեր՝ { $message }։
        [hours] Ժամեր՝ { $message }։
        [audience] Ում համար է՝ { $message }։
        [segments] Խմբեր՝ { $message }։
        [min_visits] Նվազագույն այցեր՝ { $message }։
        [min_spend_minor] Նվազագույն ծախս՝ { $message }։
        [lapsed_days] Չի երևացել՝ { $message }։
        [holdout_percent] Հսկիչ խումբ՝ { $message }։
        [uses_per_member] Օգտագործում մեկ անդամի համար՝ { $message }։
       *[other] { $message }։
    }
# Reasons inside owner-offer-fault: lower case, no full stop.
owner-offer-whole-number = պետք է ամբողջ թիվ
# The example amount: write it with your language's decimal separator.
owner-offer-money-needed = պետք է նշել գումար, օրինակ՝ 2,50
owner-offer-date-needed = ընտրեք օրը
owner-offer-hours-both = ընտրեք երկու ժամն էլ կամ ոչ մեկը
# $hours: the most hours a same-day offer may run (a count).
owner-offer-hours-ahead-range = նույն օրվա առաջարկը տևում է 1-ից { $hours } ժամ


## Owner: offers, the list and their results

owner-offers-list-title = Ձեր առաջարկները
owner-offers-empty = Դեռ առաջարկներ չկան։
# Where an offer stands. $status: active, paused, ended, or another code.
owner-offer-status-name =
    { $status ->
        [active] Ակտիվ
        [paused] Կասեցված
        [ended] Ավարտված
       *[unknown] Այլ
    }
# $version: the version's number.
owner-offer-version = տարբերակ { $version }
# $from, $to: dates and times.
owner-offer-dates = { $from } – { $to }
# $who: the text of owner-offer-everyone, or the offer's groups (texts of segment-name joined
# with ", ") and rules (owner-rule- texts), joined with "; ".
owner-for-whom = Ում համար՝ { $who }
# $count: how many times one member may use the offer. [1] (not [one], which is also 0 in hy)
# says "once".
owner-uses-summary =
    { $count ->
        [1] Մեկ անգամ յուրաքանչյուր անդամի համար
       *[other] { $count } անգամ յուրաքանչյուր անդամի համար
    }
# $percent: the holdout's percent.
owner-holdout-summary = { $percent }%՝ հսկիչ խմբում
# What an offer gives, in the list. $count: extra stamps.
owner-gives-stamps = { $count } լրացուցիչ կնիք
# $multiplier: the text of owner-multiplier.
owner-gives-multiplier = { $multiplier } միավոր
# $multiplier: the text of owner-multiplier; $category: the category's name.
owner-gives-category-multiplier = { $multiplier } միավոր՝ { $category }
# $item: what is free, as the owner wrote it.
owner-gives-item = Անվճար՝ { $item }
# $amount: money off.
owner-gives-amount-off = { $amount } զեղչ
owner-gives-percent-off = { $percent }% զեղչ
# Rules of who an offer is for, inside owner-for-whom (lower case). $count: visits.
owner-rule-min-visits = առնվազն { $count } այց
# $amount: money.
owner-rule-min-spend = ծախսել է առնվազն { $amount }
# $days: days without a visit.
owner-rule-lapsed = չի երևացել { $days } օր
owner-rule-overdue = ուշանում է
# $category: the category's name.
owner-rule-category = գնել է՝ { $category }
owner-rule-top = լավագույն հաճախորդներ
# Headings of an offer's figures: members it is for, held out, and what they did with it.
owner-count-eligible = Թիրախային
owner-count-held-out = Հսկիչ խմբում
owner-count-shown = Ցուցադրված
owner-count-opened = Բացված
owner-count-saved = Պահված
owner-count-dismissed = Մերժված
owner-count-used = Օգտագործված
owner-pause-offer = Կասեցնել
owner-resume-offer = Վերսկսել
owner-end-offer = Ավարտել
# $title: the offer's title.
owner-confirm-end-offer = Ավարտե՞լ «{ $title }» առաջարկը։ Քարտերն այլևս չեն ցուցադրի այն, և դրամարկղը չի կարողանա կիրառել այն։ Սա հնարավոր չէ հետարկել։
owner-confirm-end-offer-button = Ավարտել առաջարկը
# What an offer changed against its holdout: the verdict, then the figures with their 95 %
# intervals (left out when there are too few members), then what was measured.
# $verdict: adds, reduces, no_effect_yet, annoys, too_few_members, or another code;
# $visits: visits per member it added (shown with one decimal);
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
        [adds] Ավելացնում է մոտ { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } այց մեկ անդամի հաշվով, և դա դժվար թե պատահականություն լինի։
        [reduces] Այն տեսնելու հնարավորություն ունեցող անդամներն ավելի հազվադեպ են եկել, քան հսկիչ խմբի անդամները։
        [no_effect_yet]
            { $more_members ->
                [none] Չափելի ազդեցություն դեռ չկա։
                [0] Չափելի ազդեցություն դեռ չկա։
               *[other] Չափելի ազդեցություն դեռ չկա։ Պարզելու համար պետք է ևս մոտ { $more_members } անդամ։
            }
        [annoys] Մերժել է { $dismissed_percent }%-ը՝ այն ավելի շատ նյարդայնացնում է, քան օգնում։
       *[too_few_members] Մի կողմում անդամները դեռ չափազանց քիչ են՝ ազդեցությունը չափելու համար։
    }{ $verdict ->
        [too_few_members] {""}
       *[other] {" "}Այցեր մեկ անդամի հաշվով՝ { $visits_change } (95% միջակայք՝ { $visits_low } … { $visits_high }), ծախս մեկ անդամի հաշվով՝ { $spend_change } ({ $spend_low } … { $spend_high })։
    } Չափվել է { $days } օր՝ { $members } անդամ, որոնք կարող էին տեսնել այն, և { $held_out }՝ հսկիչ խմբում։
# Members whose card shows the offer now, and first.
owner-count-on-cards = Քարտերին
owner-count-first-on = Առաջին տեղում
# The offer's window has closed: its result no longer changes.
owner-offer-result-kept = Վերջնական արդյունք՝ առաջարկի ժամկետն ավարտվել է։


## Owner: offers compared

owner-compare-title = Առաջարկների համեմատություն
# Column headings.
owner-compare-offer = Առաջարկ
owner-compare-visits = Այցեր մեկ անդամի հաշվով
owner-compare-spend = Ծախս մեկ անդամի հաշվով
owner-compare-dismissed = Մերժված
owner-compare-verdict = Եզրակացություն
# The verdict in a word or two. $verdict: its code (see owner-offer-effect).
owner-verdict-short =
    { $verdict ->
        [adds] Աշխատում է
        [reduces] Ավելի քիչ այցեր
        [no_effect_yet] Դեռ պարզ չէ
        [annoys] Նյարդայնացնում է
       *[too_few_members] Անդամները քիչ են
    }


## Owner: a member's offers (the member's page)

owner-member-offers-title = Նրա առաջարկները
owner-member-offers-none = Այս անդամի համար գործող առաջարկ չկա։
# $place: the offer's place on the member's card (1 is first).
owner-offer-place = № { $place }՝ նրա քարտին
# Why a running offer is not on the member's card. $withheld: its code.
owner-offer-withheld =
    { $withheld ->
        [held_out] Հսկիչ խմբում է՝ նրան երբեք չի ցուցադրվում, որպեսզի հնարավոր լինի չափել ազդեցությունը
        [dismissed] Չի ցուցադրվում՝ նա մերժել է այն
        [suppressed] Հետ է պահված՝ վերջերս նա մերժել է նման երկու առաջարկ
        [used_up] Չի ցուցադրվում՝ սպառված է
        [no_room] Չի ցուցադրվում՝ վեց առաջարկ ավելի բարձր դիրքում են
       *[unknown] Չի ցուցադրվում
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
        [saved] Նա պահել է այն։
        [buys] { $of } այցից { $count }-ում գնում է «{ $category }» կատեգորիայից։
        [took_kind] Իրեն ցուցադրված { $of } { $gift_kind ->
                [extra_stamps] լրացուցիչ կնիքով
                [points_multiplier] միավորների բազմապատկիչով
                [category_multiplier] կատեգորիայի բազմապատկիչով
                [free_item] անվճար ապրանքով
                [amount_off] գումարային զեղչով
                [percent_off] տոկոսային զեղչով
               *[other] նման
            } առաջարկից օգտագործել է { $count }-ը։
        [skipped_kind] Իրեն ցուցադրված { $of } { $gift_kind ->
                [extra_stamps] լրացուցիչ կնիքով
                [points_multiplier] միավորների բազմապատկիչով
                [category_multiplier] կատեգորիայի բազմապատկիչով
                [free_item] անվճար ապրանքով
                [amount_off] գումարային զեղչով
                [percent_off] տոկոսային զեղչով
               *[other] նման
            } առաջարկից ոչ մեկը չի օգտագործել։
        [buyers] «{ $category }» գնող անդամներն օգտվել են դրանից դեպքերի { $count }%-ում (բոլոր անդամների դեպքում՝ { $of }%)։
        [peers] «{ $group }» խմբի անդամներն օգտվել են դրանից դեպքերի { $count }%-ում (բոլոր անդամների դեպքում՝ { $of }%)։
        [new] Նոր է՝ առայժմ ցուցադրվել է { $count } անդամի, ուստի դեռ հնարավորություն ունի։
        [taken_up] Այն տեսած { $of } անդամից օգտվել է { $count }-ը։
       *[other] {""}
    }
