### Regulars: the Yiddish (yi) messages.
###
### UNREVIEWED DRAFT. This translation was made from en.ftl WITHOUT a native Yiddish speaker
### (machine-assisted). It must be reviewed by a native Yiddish speaker before it is relied on:
### wording, spelling, plural forms, word order and tone have not been checked by anyone who
### speaks Yiddish natively.
###
### Terms that were hard to choose (see yi.glossary.md; please check these first):
###   card = קאַרטל (pl. קאַרטלעך); loyalty card / program = געטרייַשאַפֿט-קאַרטל /
###   געטרייַשאַפֿט-פּראָגראַם (a "Kundenkarte"-like קונה-קאַרטל would also do);
###   till = קאַסע; cashier = קאַסירער; owner = בעל-הבית; manager = פֿאַרוואַלטער;
###   staff member = אָנגעשטעלטער; switch (in) = איבערנעמען די קאַסע, button "בייַטן";
###   pair / pairing code / unpair = פֿאַרקניפּן / פֿאַרקניפּ-קאָד / אָפּקניפּן (kept apart from
###   פֿאַרבינדונג, the network connection);
###   holdout / held out = קאָנטראָל-גרופּע / אין דער קאָנטראָל-גרופּע; held back (suppressed) =
###   צוריקגעהאַלטן; held (sync) = אויפֿגעהאַלטן; refused (sync) = אָפּגעוואָרפֿן;
###   save (an offer) = אָפּלייגן (tag "אָפּגעלייגט"), kept apart from saving data = אָפּהיטן;
###   dismiss = זיך אָפּזאָגן (button "ניט פֿאַר מיר", figure "אָפּגעזאָגט");
###   undo = צוריקנעמען; reverse / reversal = אַנולירן / אַנולירונג;
###   retire / reactivate (a reward) = אַרויסנעמען / ווידער אַקטיווירן; outbox = "צום אָפּשיקן";
###   live code = לעבעדיקער קאָד; secure key = זיכערער שליסל; recovery code = צוריקשטעל-קאָד,
###   kept apart from the owner's reset code = איבערשטעל-קאָד; move a card = אַריבערפֿירן;
###   regular = שטענדיקער קונה (pl. שטענדיקע קונים); top customers = בעסטע קונים;
###   Insights = אייַנבליקן; dashboard = איבערבליק; admin page = אַדמין-זייַט;
###   predicted value = פּראָגנאָזירטער ווערט; drifting away = "ציִען זיך אָפּ"; spend = אויסגאַבן;
###   revenue = פּדיון; NPS = רעקאָמענדאַציע-אינדעקס (NPS), groups אָנהענגער / נייטראַלע / קריטיקער;
###   offer = פֿאָרשלאָג; gift = מתּנה; discount = הנחה; eligible = באַרעכטיקט; verdict = אורטייל;
###   PIN = פּין-קאָד; password = פּאַראָל (treated as masculine: check); sync = סינכראָניזירן;
###   segment names (אַלופֿים, געטרייַע, אין סכּנה ...).
###
### Conventions of this file:
### - Standard YIVO orthography, Hebrew script, right to left, written with separate letters
###   (וו, וי, יי, ייַ) and the YIVO points (אַ, אָ, פּ, פֿ, כּ, תּ, בֿ); words of Hebrew origin keep
###   their traditional spelling (בעל-הבית, מתּנה, סכום). No bidi control characters: the app
###   isolates names, numbers and codes itself.
### - The shopper, the owner and the cashier are all addressed with the polite "איר" (imperatives
###   in -ט: "סקאַנירט", "שרייַבט אַרייַן"); buttons are infinitives ("אָפּהיטן", "אייַנלייזן").
### - Plurals use the Yiddish CLDR categories: [one] 1, *[other] everything else (0, 2, 3 ...).
###   A noun after a number other than 1 is plural: 1 שטעמפּל / 3 שטעמפּלען, 1 פּונקט / 3 פּונקטן,
###   1 מיטגליד / 3 מיטגלידער, 1 באַזוך / 3 באַזוכן, 1 קאַרטל / 3 קאַרטלעך. Where English has a
###   count without a selector, a selector was added when the Yiddish noun changes.
###   Measure words stay as they are after a number, as Yiddish says them (5 מינוט, 3 שעה, 2 מאָל);
###   days and weeks take the plural (3 טעג, 2 וואָכן).
### - Codes, commands, addresses and column names stay in Latin script, as en.ftl says.
### - Everything else follows the header of en.ftl (ids, variables, "none" values, $sign).


## General: every page (shopper, cashier and owner)

loading = לאָדט אַרייַן…
network-down = קיין פֿאַרבינדונג מיטן סערווער. קוקט איבער דעם סיגנאַל און פּרוּווט נאָך אַ מאָל.
unexpected-answer = דער סערווער האָט געשיקט אַן ענטפֿער וואָס די אַפּ פֿאַרשטייט ניט. לאָדט איבער די זייַט.
# $detail: the browser's own error message (often in English).
storage-failed = דער בראַוזער האָט ניט געקענט ניצן זייַן שפּייַכלער ({ $detail }).
not-found-title = די זייַט איז ניט געפֿונען
not-found-body = אויף דער אַדרעס איז גאָרנישט ניטאָ. דער לינק איז אפֿשר פֿאַלש געשריבן אָדער פֿאַרעלטערט.
# A link back to the shopper's list of loyalty cards.
go-to-my-cards = צו מייַנע קאַרטלעך
# The unit alone, shown after a number that stands apart from it (a large balance on the card,
# the till's balance).
# $kind: stamps or points (how the shop's program counts); $count: the number it goes with.
unit =
    { $kind ->
        [stamps]
            { $count ->
                [one] שטעמפּל
               *[other] שטעמפּלען
            }
       *[points]
            { $count ->
                [one] פּונקט
               *[other] פּונקטן
            }
    }
# A number with its unit: "3 stamps", "120 points".
# $kind: stamps or points; $count: the number.
amount =
    { $kind ->
        [stamps]
            { $count ->
                [one] { $count } שטעמפּל
               *[other] { $count } שטעמפּלען
            }
       *[points]
            { $count ->
                [one] { $count } פּונקט
               *[other] { $count } פּונקטן
            }
    }


## Wallet: the shopper's list of cards (one card per shop)

my-cards = מייַנע קאַרטלעך
no-cards-yet = נאָך קיין קאַרטלעך ניטאָ
no-cards-hint = סקאַנירט דעם פּלאַקאַט בייַם קאָנטער אין אַ קראָם, כּדי זיך אָנצושליסן אין דעם געטרייַשאַפֿט-פּראָגראַם פֿון דער קראָם.


## Join: the shopper joins a shop's program (from the poster's QR code or a join link)

# The button that makes the shopper a member.
join = ווערן אַ מיטגליד
joining = שליסט זיך אָן…
open-my-card = עפֿענען מייַן קאַרטל
already-member = אויף דעם טעלעפֿאָן איז שוין דאָ אייַער קאַרטל פֿון דער קראָם.
# What the program offers, in one sentence: on the join page, the shop's poster and a printed
# card (the pitch() helper; without an active reward the code uses join-pitch-no-reward).
# $kind: stamps or points; $cost: what the first reward costs; $reward: the reward's name as the
# owner wrote it ("Free coffee").
join-pitch =
    { $kind ->
        [stamps]
            { $cost ->
                [one] זאַמלט { $cost } שטעמפּל און באַקומט { $reward }.
               *[other] זאַמלט { $cost } שטעמפּלען און באַקומט { $reward }.
            }
       *[points]
            { $cost ->
                [one] זאַמלט { $cost } פּונקט און באַקומט { $reward }.
               *[other] זאַמלט { $cost } פּונקטן און באַקומט { $reward }.
            }
    }
# The pitch when the program has no active reward. $kind: stamps or points.
join-pitch-no-reward =
    { $kind ->
        [stamps] זאַמלט אַ שטעמפּל בייַ יעדן באַזוך.
       *[points] זאַמלט פּונקטן בייַ יעדן קויף.
    }
join-promise = אומזיסט. קיין אַפּ און קיין פּאַראָל: אייַער קאַרטל בלייַבט אויף דעם טעלעפֿאָן.


## Card: the shopper's loyalty card

# The accessible name of the card's QR code (read by screen readers).
card-qr-label = QR-קאָד פֿונעם קאַרטל
brightness-hint = מאַכט העלער דעם עקראַן, כּדי דער קאַסירער זאָל קענען סקאַנירן דעם קאָד.
# The caption above the card's code written out in letters, under the QR code.
card-code-caption = קאַרטל-קאָד
# The card has enough for a reward.
ready-to-redeem = גרייט צום אייַנלייזן
# How many more are needed for the next reward. $kind: stamps or points; $count: how many more.
more-to-go =
    { $kind ->
        [stamps]
            { $count ->
                [one] נאָך { $count } שטעמפּל
               *[other] נאָך { $count } שטעמפּלען
            }
       *[points]
            { $count ->
                [one] נאָך { $count } פּונקט
               *[other] נאָך { $count } פּונקטן
            }
    }
rewards-heading = באַלוינונגען
history-heading = היסטאָריע
no-history = נאָך גאָרנישט. אייַערע באַזוכן וועלן זיך דאָ באַווייַזן.

# History lines: on the shopper's card, and also in the till's last actions and outbox and the
# owner's dashboard. $sign: plus, minus or zero; the number beside it is without its sign.

# Stamps given (or taken back). $count: how many.
hist-stamps =
    { $sign ->
        [plus]
            { $count ->
                [one] +{ $count } שטעמפּל
               *[other] +{ $count } שטעמפּלען
            }
        [minus]
            { $count ->
                [one] -{ $count } שטעמפּל
               *[other] -{ $count } שטעמפּלען
            }
       *[zero] { $count } שטעמפּלען
    }
# Points earned, with what was spent when the till recorded it.
# $points: how many; $money: the purchase's amount, or none.
hist-points =
    { $sign ->
        [plus]
            { $points ->
                [one] +{ $points } פּונקט
               *[other] +{ $points } פּונקטן
            }
        [minus]
            { $points ->
                [one] -{ $points } פּונקט
               *[other] -{ $points } פּונקטן
            }
       *[zero] { $points } פּונקטן
    }{ $money ->
        [none] {""}
       *[other] {" "}({ $money })
    }
# A reward handed over. $reward: the reward's name, or none when it is not known any more;
# $cost: the stamps or points it took off (the minus sign is written here).
hist-redeemed =
    { $reward ->
        [none] אייַנגעלייזט אַ באַלוינונג (-{ $cost })
       *[other] אייַנגעלייזט: { $reward } (-{ $cost })
    }
# A correction of the balance. $delta: by how much (with $sign).
# $reason: why, as a code when Regulars made the correction itself (code_failed,
# redemption_not_covered, unproven_staff, card_blocked, offer_not_covered); any other text is
# the shop's own words, shown as they are.
hist-adjustment =
    תּיקון { $sign ->
        [plus] +{ $delta }
        [minus] -{ $delta }
       *[zero] { $delta }
    }: { $reason ->
        [code_failed] דער קאָד פֿונעם קאַרטל איז ניט דורכגעגאַנגען די קאָנטראָל
        [redemption_not_covered] אַ באַלוינונג וואָס דאָס קאַרטל האָט ניט געקענט דעקן
        [unproven_staff] ניט באַוויזן אַז אַן אָנגעשטעלטער האָט עס געטאָן
        [card_blocked] דאָס קאַרטל איז געווען בלאָקירט
        [offer_not_covered] אַ פֿאָרשלאָג וואָס דאָס קאַרטל האָט ניט געקענט ניצן
       *[other] { $reason }
    }
# An earlier action undone at the till. $delta: by how much (with $sign); $reason: the words
# the staff member typed, or the text of undo-reason.
hist-reversal =
    צוריקגענומען { $sign ->
        [plus] +{ $delta }
        [minus] -{ $delta }
       *[zero] { $delta }
    }: { $reason }
# A link to the shopper's profile page.
profile = פּראָפֿיל
all-cards = אַלע קאַרטלעך
# $date_time: when the card last synced with the server.
last-synced = לעצטע סינכראָניזאַציע: { $date_time }
syncing = סינכראָניזירט…
offline-note = אָפֿליין. אייַער קאַרטל אַרבעט אויך אָן סיגנאַל: ווייַזט דעם קאָד בייַ דער קאַסע.
card-not-on-phone = דאָס קאַרטל איז ניטאָ אויף דעם טעלעפֿאָן.
card-revoked = די קראָם דערקענט מער ניט דאָס קאַרטל.
# The accessible name of the stamp grid. $filled: stamps collected; $size: stamps the grid holds
# (a count: English says "stamps" for every number). Yiddish: a selector on $size (1 שטעמפּל,
# 10 שטעמפּלען).
stamp-grid-label =
    { $size ->
        [one] { $filled } פֿון { $size } שטעמפּל
       *[other] { $filled } פֿון { $size } שטעמפּלען
    }


## Profile: the shopper's name and e-mail (first-name and email are also labels on owner pages)

profile-title = אייַער פּראָפֿיל
profile-intro = ביידע זענען ניט מחויבֿ. די קראָם ניצט זיי, כּדי אייַך צו באַגריסן בייַם נאָמען.
first-name = פֿאָרנאָמען
email = אימעיל
save-profile = אָפּהיטן דעם פּראָפֿיל
profile-saved = דער פּראָפֿיל איז אָפּגעהיט
back-to-card = צוריק צו מייַן קאַרטל


## Till: pairing the tablet and serving a customer (read by the CASHIER)

pair-title = פֿאַרקניפּן דעם טאַבלעט
pair-intro = בעט בייַם בעל-הבית אַ פֿאַרקניפּ-קאָד: מע מאַכט אים אויף דער אַדמין-זייַט.
pairing-code = פֿאַרקניפּ-קאָד
# A button.
pair-tablet = פֿאַרקניפּן דעם טאַבלעט
pairing = פֿאַרקניפּט…
unpaired = דער טאַבלעט איז אָפּגעקניפּט געוואָרן. פֿאַרקניפּט אים ווידער, כּדי ווייַטער צו אַרבעטן.
# The label of the field where the cashier types or scans a card's code.
card-code = קאַרטל-קאָד
find-card = געפֿינען דאָס קאַרטל
scan-hint = סקאַנירט דאָס קאַרטל פֿונעם קונה, אָדער שרייַבט אַרייַן זייַן קאָד.
# Stands for the customer's name when they gave no first name.
member = מיטגליד
balance = באַלאַנס
# Buttons beside the number of stamps to give (accessible names of − and +).
fewer-stamps = ווייניקער שטעמפּלען
more-stamps = מער שטעמפּלען
# The button that gives the stamps. $count: how many.
give-stamps =
    { $count ->
        [one] געבן { $count } שטעמפּל
       *[other] געבן { $count } שטעמפּלען
    }
purchase-amount = סכום פֿונעם קויף
purchase-amount-optional = סכום (ניט מחויבֿ)
add-points = צוגעבן פּונקטן
# What the amount typed earns, shown beside it. $points: the points.
points-preview =
    { $points ->
        [one] = { $points } פּונקט
       *[other] = { $points } פּונקטן
    }
# Write the example with your language's decimal separator: the till accepts 12.50 and 12,50.
invalid-amount = שרייַבט אַרייַן דעם באַצאָלטן סכום, למשל 12.50.
# The label of the purchase's category (one-tap chips).
category-label = קאַטעגאָריע (ניט מחויבֿ)

# not translated: CategoryName(Category). The code uses the category- messages (## Purchase categories).

# A button. $reward: the reward's name as the owner wrote it.
redeem = אייַנלייזן: { $reward }
# $count: stamps just given; $balance: the card's balance after.
stamps-given =
    { $count ->
        [one] { $count } שטעמפּל געגעבן. באַלאַנס: { $balance }
       *[other] { $count } שטעמפּלען געגעבן. באַלאַנס: { $balance }
    }
# $points: points just added; $balance: the card's balance after.
points-added =
    { $points ->
        [one] { $points } פּונקט צוגעגעבן. באַלאַנס: { $balance }
       *[other] { $points } פּונקטן צוגעגעבן. באַלאַנס: { $balance }
    }
# $reward: the reward's name; $balance: the card's balance after.
reward-redeemed = אייַנגעלייזט: { $reward }. באַלאַנס: { $balance }
no-result = דער סערווער האָט דאָס ניט באַשטעטיקט. פּרוּווט נאָך אַ מאָל.
next-customer = דער קומענדיקער קונה


## Till: the camera and the sounds (CASHIER)

camera-title = קאַמערע
scan-with-camera = סקאַנירן מיט דער קאַמערע
# The accessible name of the live camera picture.
camera-view = בילד פֿון דער קאַמערע
camera-starting = די קאַמערע ווערט אייַנגעשאַלטן…
camera-aim = האַלט דעם קאָד פֿונעם קאַרטל אינעווייניק אין דער ראַם.
switch-camera = בייַטן די קאַמערע
# The camera's light (a flashlight).
torch = לאַמטערנע
close-camera = פֿאַרמאַכן די קאַמערע
camera-insecure = די קאַמערע אַרבעט נאָר אויף אַ זיכערער (https) אַדרעס. שרייַבט אַרייַן דעם קאָד, אָדער ניצט אַ USB- אָדער Bluetooth-סקאַנער.
camera-denied = די קאַמערע איז בלאָקירט פֿאַר דעם וועבזייַטל. דערלויבט זי אין די באַשטימונגען פֿונעם בראַוזער, כּדי צו סקאַנירן מיט איר; דערווייַל שרייַבט אַרייַן דעם קאָד, אָדער ניצט אַ USB- אָדער Bluetooth-סקאַנער.
camera-missing = אויף דעם מכשיר איז קיין קאַמערע ניט געפֿונען. שרייַבט אַרייַן דעם קאָד, אָדער ניצט אַ USB- אָדער Bluetooth-סקאַנער.
camera-in-use = אַן אַנדער אַפּ ניצט די קאַמערע. פֿאַרמאַכט זי און פּרוּווט נאָך אַ מאָל, אָדער שרייַבט אַרייַן דעם קאָד.
camera-decoder-failed = די קאַמערע קען איצט ניט לייענען קיין קאָדן. לאָדט איבער די זייַט, אָדער שרייַבט אַרייַן דעם קאָד.
# $detail: the browser's own words for the failure (often in English).
camera-failed = די קאַמערע האָט זיך ניט געקענט אָנהייבן ({ $detail }). שרייַבט אַרייַן דעם קאָד, אָדער ניצט אַ USB- אָדער Bluetooth-סקאַנער.
sound = קלאַנג
sound-on-hint = די קלאַנגען זענען אייַנגעשאַלטן: אַ קלינג באַשטעטיקט, אַ נידעריקער טאָן זאָגט אָפּ. דריקט, כּדי זיי אויסצושאַלטן.
sound-off-hint = די קלאַנגען זענען אויסגעשאַלטן. דריקט, כּדי זיי אייַנצושאַלטן.


## Till: checking a card's code (CASHIER)

# A text that cannot be a card code (checked on the tablet, also offline).
# $error: code_empty, code_too_long, code_unknown_format, code_bad_characters or code_wrong_length.
bad-code =
    { $error ->
        [code_empty] קיין קאָד איז ניט אַרייַנגעשריבן.
        [code_too_long] דער קאָד איז צו לאַנג פֿאַר אַ Regulars-קאַרטל.
        [code_bad_characters] אין דעם קאָד זענען דאָ צייכנס וואָס אַ Regulars-קאַרטל ווייַזט קיין מאָל ניט.
        [code_wrong_length] דער קאָד איז אָפּגעשניטן, אָדער ער האָט איבעריקע צייכנס.
       *[code_unknown_format] דאָס איז ניט קיין קאָד פֿון אַ Regulars-קאַרטל.
    }
# A well-formed card code the till does not accept. The shopper is the customer in front of the
# cashier. $reason: code_unsigned, card_has_no_key, code_bad_signature, code_expired,
# code_from_the_future, code_used, printed_card_cannot_redeem or code_missing.
code-refused =
    { $reason ->
        [code_unsigned] דאָס איז אַן אַלטער קאַרטל-קאָד וואָס יעדער קען קאָפּירן. בעט דעם קונה צו עפֿענען דאָס קאַרטל, כּדי עס זאָל ווייַזן אַ נייַעם.
        [card_has_no_key] דאָס קאַרטל האָט נאָך ניט קיין שליסל. בעט דעם קונה צו עפֿענען דאָס קאַרטל, ווען ער איז אָנליין.
        [code_expired] דער קאָד איז מער ניט גילטיק. בעט דעם קונה צו ווייַזן דאָס קאַרטל נאָך אַ מאָל (אַ סקרינשאָט אַרבעט ניט).
        [code_from_the_future] דער קאָד קומט פֿון דער צוקונפֿט: דער זייגער פֿונעם טעלעפֿאָן אָדער פֿונעם טאַבלעט איז פֿאַלש.
        [code_used] דער קאָד איז שוין גענוצט געוואָרן. בעט דעם קונה צו ווייַזן דאָס קאַרטל נאָך אַ מאָל.
        [printed_card_cannot_redeem] אַ געדרוקט קאַרטל זאַמלט שטעמפּלען און פּונקטן, אָבער פֿאַר באַלוינונגען דאַרף מען דאָס קאַרטל אויף אַ טעלעפֿאָן.
        [code_missing] עס איז ניט מיטגעקומען קיין קאַרטל-קאָד. סקאַנירט דאָס קאַרטל.
       *[code_bad_signature] דעם קאָד האָט ניט געמאַכט דאָס דאָזיקע קאַרטל: ער איז אפֿשר געפֿעלשט אָדער געשעדיקט.
    }
# A note under the customer: how the scanned code proved itself.
# $check: signed (the phone's live code), printed (a printed card) or unverified.
code-check-note =
    { $check ->
        [printed] געדרוקט קאַרטל: נאָר שטעמפּלען און פּונקטן
        [unverified] נאָך ניט קאָנטראָלירט (אָפֿליין, אַ נייַ קאַרטל): נאָר שטעמפּלען
       *[signed] דאָס קאַרטל איז קאָנטראָלירט
    }
redeem-needs-phone = פֿאַר באַלוינונגען דאַרף מען דעם לעבעדיקן קאָד פֿונעם קאַרטל אויפֿן טעלעפֿאָן פֿונעם קונה.


## Owner: changing the password

change-password = בייַטן דעם פּאַראָל
current-password = איצטיקער פּאַראָל
new-password = נייַער פּאַראָל (ווייניקסטנס 10 צייכנס)
password-too-short = דער נייַער פּאַראָל דאַרף האָבן ווייניקסטנס 10 צייכנס.
password-changed = דער פּאַראָל איז געביטן. אויף די אַנדערע מכשירים זענט איר אַרויסלאָגירט געוואָרן.


## Till: the customer on screen (CASHIER)

card-blocked = די קראָם האָט בלאָקירט דאָס קאַרטל. גיט ניט קיין שטעמפּלען און קיין פּונקטן.
# Beside the balance when the tablet is offline.
offline-last-known = אָפֿליין: דער לעצטער באַקאַנטער באַלאַנס
not-in-directory = נאָך ניטאָ אין דער רשימה פֿון דעם טאַבלעט. די שטעמפּלען וועלן קאָנטראָלירט ווערן, ווען די פֿאַרבינדונג קומט צוריק.
redeem-needs-connection = צום אייַנלייזן דאַרף מען אַ פֿאַרבינדונג


## Till: sync and the outbox (CASHIER)

online = אָנליין
offline = אָפֿליין
# $count: actions given on this tablet that the server does not have yet (a count).
to-sync = { $count } צו סינכראָניזירן
# $count: actions the server refused (a count).
rejected-count = { $count } אָפּגעוואָרפֿן
# The button that opens the list of actions waiting to sync.
outbox = צום אָפּשיקן
outbox-title = צום אָפּשיקן
outbox-intro = שטעמפּלען און פּונקטן וואָס מע האָט געגעבן אויף דעם טאַבלעט וואַרטן דאָ, ביז דער סערווער באַקומט זיי.
outbox-empty = אַלץ איז סינכראָניזירט.
close-outbox = פֿאַרמאַכן
waiting-to-sync = וואַרט אויף סינכראָניזאַציע
# $reason: the server's own words (often in English) or its code.
rejected-because = אָפּגעוואָרפֿן: { $reason }
# $reason: the server's own words (often in English).
held-because = דער סערווער האָט דאָס נאָך ניט געקענט אָננעמען ({ $reason }). די אַנדערע גייען ווייַטער; מע וועט עס פּרוּוון נאָך אַ מאָל.
# $count: actions the server could not take yet (a count).
held-count = { $count } אויפֿגעהאַלטן
unreadable-record = אַ רעקאָרד וואָס דער טאַבלעט קען מער ניט לייענען, אָפּגעהיט אַזוי ווי ער איז געפֿונען
# A card named by the start of its id. $short_id: 8 letters and digits.
card-short-id = קאַרטל { $short_id }…
earlier-pairing = געגעבן איידער דער טאַבלעט איז ווידער פֿאַרקניפּט געוואָרן, און דער סערווער האָט עס ניט: עס איז ניט גערעכנט געוואָרן.
saving = היט אָפּ…


## Owner: setting up the program and logging in

setup-title = שטעלט אייַן אייַער געטרייַשאַפֿט-פּראָגראַם
setup-intro = עס נעמט אַ מינוט, און איר קענט שפּעטער אַלץ בייַטן.
password = פּאַראָל
password-hint = ווייניקסטנס 10 צייכנס.
shop-name = נאָמען פֿון דער קראָם
brand-colour = קאָליר פֿון דער מאַרקע
brand-ink =
    דער טעקסט דערויף וועט זײַן { $ink ->
        [white] ווײַס
       *[dark] שוואַרץ
    } (קאָנטראַסט { NUMBER($ratio, minimumFractionDigits: 1, maximumFractionDigits: 1) }:1, לויט WCAG AA).
brand-ink-sample = אַ מוסטער טעקסט אויף אײַער קאָליר
# How members earn: a choice between stamps and points.
program-type = סאָרט פּראָגראַם
stamps = שטעמפּלען
points = פּונקטן
reward-name = נאָמען פֿון דער באַלוינונג
# An example in the empty reward name field: write a typical first reward in your language.
reward-name-placeholder = אַ קאַווע אומזיסט
stamps-per-reward = שטעמפּלען פֿאַר אַ באַלוינונג
points-per-reward = פּונקטן פֿאַר אַ באַלוינונג
# $currency: the shop's currency code (EUR, GBP, HUF ...).
points-per-unit = פּונקטן פֿאַר יעדן 1 { $currency } אויסגעגעבן
create-program = שאַפֿן דעם פּראָגראַם
have-account = איך האָב שוין אַ קאָנטע
# The heading of the login form.
login-title = אַרייַנלאָגירן
# The login button.
log-in = אַרייַנלאָגירן
create-new-program = שאַפֿן אַ נייַעם פּראָגראַם


## Owner: the dashboard

# $count: members of the program.
members =
    { $count ->
        [one] { $count } מיטגליד
       *[other] { $count } מיטגלידער
    }
join-link-label = אָנשליס-לינק
print-poster = דרוקן דעם אָנשליס-פּלאַקאַט
tablets-heading = טאַבלעטן
create-pairing-code = שאַפֿן אַ פֿאַרקניפּ-קאָד
# When the pairing code stops working. $time: a time of day.
pairing-expires = גילטיק ביז { $time }
# /staff is the address to open; keep it as it is.
pairing-help = עפֿנט /staff אויפֿן טאַבלעט און שרייַבט אַרייַן דעם קאָד.


## Owner: rewards

edit = רעדאַגירן
# Take a reward out of the program (it can be reactivated).
retire = אַרויסנעמען
reactivate = ווידער אַקטיווירן
# A tag on a retired reward.
retired = אַרויסגענומען
new-reward-name = נאָמען פֿון דער נייַער באַלוינונג
new-reward-cost = פּרייַז פֿון דער נייַער באַלוינונג
add-reward = צוגעבן אַ באַלוינונג
reward-cost = פּרייַז פֿון דער באַלוינונג
save-reward = אָפּהיטן די באַלוינונג
cancel = בטל מאַכן


## Owner: settings and review

settings-heading = באַשטימונגען
currency = וואַלוטע
time-zone = צייַט-זאָנע
stamps-per-visit = שטעמפּלען פֿאַר אַ באַזוך
# The label of the offline redemption limit. $kind: stamps or points.
offline-redemption-max =
    { $kind ->
        [stamps] אייַנלייזן אָפֿליין ביז (שטעמפּלען)
       *[points] אייַנלייזן אָפֿליין ביז (פּונקטן)
    }
offline-redemption-hint = טאַבלעטן אָן אַ פֿאַרבינדונג מעגן אָפּגעבן באַלוינונגען וואָס קאָסטן ביז אַזוי פֿיל. 0: נאָר אָנליין.
save-settings = אָפּהיטן די באַשטימונגען
# Everyone: a new version of the app was downloaded (reload-to-update is its button).
update-available = אַ נייַע ווערסיע פֿון Regulars איז גרייט.
# A list of till actions the server marked for the owner.
review-heading = צום איבערקוקן
review-empty = גאָרנישט איבערצוקוקן.
# Why the server marked a till action for the owner's review: a phrase starting in lower case,
# shown after the action in Needs review; the till joins several with "; " (server-flagged).
# "you" and "your" are the owner. $flag: the flag's code; a code this version does not know is
# passed with its underscores turned into spaces and shown as it is.
review-flag =
    { $flag ->
        [double_redemption] אָפֿליין אייַנגעלייזט אָן גענוג אויפֿן קאַרטל
        [compensation] צוגעגעבן פֿון Regulars, כּדי אויסצוגלייַכן אַן אַנדער געשעעניש
        [clock_skew] דער זייגער פֿונעם טאַבלעט איז געווען ווייַט ניט גענוי
        [bad_clock] די צייַט פֿונעם טאַבלעט איז געווען אוממעגלעך: מע ניצט די צייַט ווען עס איז אָנגעקומען צום סערווער
        [backdated] דאַטירט לאַנג פֿאַר דער לעצטער סינכראָניזאַציע פֿונעם טאַבלעט
        [offline_not_allowed] אָפֿליין אייַנגעלייזט איבער אייַער אָפֿליין-גרענעץ
        [reward_retired] די באַלוינונג איז שוין געווען אַרויסגענומען
        [reward_cost_changed] אייַנגעלייזט פֿאַר אַן אַנדער פּרייַז ווי די באַלוינונג קאָסט
        [card_daily_limit] איבער אייַער גרענעץ פֿון שטעמפּלען אויף אַ קאַרטל אין אַ טאָג
        [staff_hourly_limit] איבער אייַער גרענעץ פֿון שטעמפּלען אויף אַן אָנגעשטעלטן אין אַ שעה
        [unverified] דעם קאָד פֿונעם קאַרטל האָט מען ניט געקענט קאָנטראָלירן
        [code_missing] עס איז ניט מיטגעקומען קיין קאַרטל-קאָד
        [code_unsigned] דער אַלטער קאַרטל-קאָד וואָס מע קען קאָפּירן
        [card_has_no_key] דאָס קאַרטל האָט נאָך ניט געהאַט קיין שליסל
        [code_bad_signature] אַ געפֿעלשטער אָדער געשעדיקטער קאַרטל-קאָד
        [code_expired] אַ קאַרטל-קאָד וואָס איז מער ניט געווען גילטיק
        [code_from_the_future] אַ קאַרטל-קאָד פֿון דער צוקונפֿט
        [code_used] אַ קאַרטל-קאָד וואָס איז שוין גענוצט געוואָרן בייַ אַן אַנדער קאַסע
        [printed_card_cannot_redeem] אַ באַלוינונג אויף אַ געדרוקט קאַרטל
        [unproven_staff] גאָרנישט באַווייַזט וועלכער אָנגעשטעלטער האָט עס געטאָן
        [staff_deactivated] אין נאָמען פֿון אַן אָנגעשטעלטן וואָס איר האָט דעאַקטיווירט
        [reverses_redemption] אומגעקערט די שטעמפּלען אָדער פּונקטן פֿון אַן אייַנגעלייזטער באַלוינונג
        [reverses_compensation] אַנולירט אַן אויסגלייַך-אייַנטראָג פֿון Regulars
        [before_block] געמאַכט איידער איר האָט בלאָקירט דאָס קאַרטל
        [device_revoked] געמאַכט אויף אַ טאַבלעט איידער איר האָט אים אָפּגעקניפּט
        [held_too_long] דער קונה איז סקאַנירט געוואָרן צו לאַנג פֿריער
        [offer_used_up] אַ פֿאָרשלאָג גענוצט אָפֿטער ווי איין מיטגליד מעג
        [offer_not_for_card] אַ פֿאָרשלאָג גענוצט פֿאַר אַ מיטגליד וואָס ער איז ניט געמיינט פֿאַר אים
        [offer_not_valid] אַ פֿאָרשלאָג גענוצט אויסער זייַנע דאַטעס אָדער שעהען, אָדער בעת ער איז געווען אָפּגעשטעלט אָדער פֿאַרענדיקט
       *[other] { $flag }
    }
# The button of update-available.
reload-to-update = איבערלאָדן
settings-saved = די באַשטימונגען זענען אָפּגעהיט
log-out = אַרויסלאָגירן
# $field: the text of the field's label (stamps-per-reward, points-per-reward, ...).
whole-number-needed = „{ $field }“ מוז זייַן אַ גאַנצע צאָל העכער נול.


## Poster: the join poster the owner prints for the counter

# The poster's headline, above the QR code, for shoppers.
scan-to-join = סקאַנירט און ווערט אַ מיטגליד
print = דרוקן
# The accessible name of the poster's QR code.
join-qr-label = QR-קאָד צום אָנשליסן
back-to-dashboard = צוריק צום איבערבליק
need-login = לאָגירט אַרייַן, כּדי צו זען די זייַט.
go-to-admin = צו דער אַדמין-זייַט


## Card: the card's secure key and its recovery code (SHOPPER)

no-web-crypto = דער בראַוזער קען דאָ ניט מאַכן קיין זיכער קאַרטל. עפֿנט די זייַט דורך HTTPS אין אַ דערהייַנטיקטן בראַוזער.
# $detail: the browser's own words (often in English).
card-key-failed = דער טעלעפֿאָן האָט ניט געקענט מאַכן אָדער ניצן דעם זיכערן שליסל פֿון אייַער קאַרטל ({ $detail }).
recovery-heading = אייַער צוריקשטעל-קאָד
recovery-write-down = שרייַבט אים אָן: דערמיט קענט איר אַריבערפֿירן אייַער קאַרטל אויף אַ נייַעם טעלעפֿאָן.
recovery-keep-private = ווער עס האָט דעם קאָד, קען צונעמען אייַער קאַרטל; האַלט אים דעריבער פֿאַר זיך. אין אייַער פּראָפֿיל קענט איר אים ווידער זען.
done = פֿאַרטיק
# The shop made or moved the card, but the phone's storage could not keep it.
# $why: the browser's own words; $code: the card's recovery code, or none.
# "Move a card to this phone" is the text of move-card-here: keep the two the same.
card-not-kept =
    { $code ->
        [none] די קראָם האָט אייַער קאַרטל, אָבער דער טעלעפֿאָן האָט עס ניט געקענט אָפּהיטן ({ $why }).
       *[other] די קראָם האָט אייַער קאַרטל, אָבער דער טעלעפֿאָן האָט עס ניט געקענט אָפּהיטן ({ $why }). אייַער צוריקשטעל-קאָד איז { $code }: שרייַבט אים אָן, און דערנאָך ניצט אים אונטער „אַריבערפֿירן אַ קאַרטל אויף דעם טעלעפֿאָן“.
    }
recovery-replaced = אייַער קאַרטל איז איצט אויף דעם טעלעפֿאָן, און אייַער אַלטער צוריקשטעל-קאָד אַרבעט מער ניט.
move-card-here = אַריבערפֿירן אַ קאַרטל אויף דעם טעלעפֿאָן
recover-intro = שרייַבט אַרייַן דעם צוריקשטעל-קאָד וואָס איר האָט אָנגעשריבן, ווען איר זענט געוואָרן אַ מיטגליד. דאָס קאַרטל גייט אַריבער אויף דעם טעלעפֿאָן און הערט אויף צו אַרבעטן אויפֿן אַלטן.
recovery-code-label = צוריקשטעל-קאָד
move-card = אַריבערפֿירן דאָס קאַרטל
moving-card = פֿירט אַריבער דאָס קאַרטל…
recovery-code-empty = שרייַבט אַרייַן אייַער צוריקשטעל-קאָד.
recovery-code-wrong = דער צוריקשטעל-קאָד איז פֿאַלש, אָדער אַ נייַערער האָט אים פֿאַרביטן. קוקט אים איבער און פּרוּווט נאָך אַ מאָל.
# Also on the owner's password reset page.
too-many-tries = צו פֿיל פּרוּוון. וואַרט עטלעכע מינוט, און דערנאָך פּרוּווט נאָך אַ מאָל.
# A countdown under the card's QR code. $seconds: seconds left ("s" is the unit's symbol).
new-code-in = אַ נייַער קאָד אין { $seconds } סעק.
preparing-code = מע מאַכט דעם קאָד פֿון אייַער קאַרטל…
code-needs-connection = אייַער קאַרטל דאַרף איין מאָל אַ פֿאַרבינדונג, כּדי אייַנצושאַלטן זייַן זיכערן קאָד. פֿאַרבינדט זיך מיטן אינטערנעט און עפֿנט עס ווידער.
key-not-on-phone = דער שליסל פֿון דעם קאַרטל איז ניטאָ אויף דעם טעלעפֿאָן, דעריבער קען עס דאָ ניט ווייַזן קיין קאָד. אויב איר האָט געביטן דעם טעלעפֿאָן אָדער אויסגעמעקט די דאַטן פֿונעם בראַוזער, שטעלט ווידער אייַן דאָס קאַרטל מיט זייַן צוריקשטעל-קאָד.
repair-card = ווידער אייַנשטעלן דאָס קאַרטל
repairing-card = שטעלט אייַן…
card-no-longer-here = דאָס קאַרטל אַרבעט מער ניט אויף דעם טעלעפֿאָן: מע האָט עס אַריבערגעפֿירט אויף אַן אַנדער טעלעפֿאָן, אָדער די קראָם דערקענט עס מער ניט.
card-blocked-by-shop = די קראָם האָט בלאָקירט דאָס קאַרטל.
no-recovery-code = דער טעלעפֿאָן האָט ניט קיין צוריקשטעל-קאָד פֿאַר דעם קאַרטל. מאַכט איינעם און שרייַבט אים אָן: דערמיט קענט איר אַריבערפֿירן אייַער קאַרטל אויף אַ נייַעם טעלעפֿאָן.
make-recovery-code = מאַכן אַ נייַעם צוריקשטעל-קאָד
recovery-code-made = אַ נייַער צוריקשטעל-קאָד איז געמאַכט. שרייַבט אים אָן.


## Owner: members and printed cards

members-heading = מיטגלידער
members-link = מיטגלידער און געדרוקטע קאַרטלעך
members-empty = נאָך קיין מיטגלידער ניטאָ.
# $date: the day the member joined.
member-since = אַ מיטגליד זינט { $date }
# Tags on a member's row.
printed-card-tag = געדרוקט קאַרטל
blocked-tag = בלאָקירט
block-card = בלאָקירן דאָס קאַרטל
# $name: the member's first name, or the text of unnamed-member.
confirm-block = בלאָקירן דאָס קאַרטל פֿון { $name }? די קאַסעס וועלן עס פֿון איצט אָן אָפּוואַרפֿן. דאָס קען מען ניט צוריקנעמען.
confirm-block-button = יאָ, בלאָקירן דאָס קאַרטל
# $name: the member's first name, or the text of unnamed-member.
card-blocked-done = דאָס קאַרטל פֿון { $name } איז בלאָקירט.
make-printed-card = מאַכן אַ געדרוקט קאַרטל
printed-card-intro = פֿאַר אַ קונה אָן אַ סמאַרטפֿאָן: אַ קאַרטל צום דרוקן, נאָר צום זאַמלען. פֿאַר באַלוינונגען דאַרף מען דאָס קאַרטל אויף אַ טעלעפֿאָן.
printed-card-qr-label = QR-קאָד פֿונעם געדרוקטן קאַרטל
# What a printed card can do, printed on it. $kind: stamps or points.
printed-card-only =
    { $kind ->
        [stamps] נאָר שטעמפּלען
       *[points] נאָר פּונקטן
    }
printed-card-made = דאָס געדרוקטע קאַרטל איז געמאַכט. דרוקט עס אויס און גיט עס אָפּ.
# A member without a first name. $short_id: the first 8 letters and digits of their card's id.
unnamed-member = מיטגליד { $short_id }


## Till: who is at the till, PINs and warnings (CASHIER)

# The till's header. $name: the staff member at the till.
acting-as = בייַ דער קאַסע: { $name }
# A button: another staff member takes over the till.
switch-staff = בייַטן
switch-title = ווער איז בייַ דער קאַסע?
no-staff-with-pin = קיינער האָט נאָך ניט קיין פּין-קאָד. דער בעל-הבית לייגט צו אָנגעשטעלטע און זייערע פּין-קאָדן אויף דער אַדמין-זייַט.
switch-needs-connection = פֿאַרוואַלטערס און דער בעל-הבית נעמען איבער די קאַסע דורכן סערווער: פֿאַרבינדט דעם טאַבלעט און פּרוּווט נאָך אַ מאָל.
scan-again = דער קונה איז סקאַנירט געוואָרן מער ווי 15 מינוט צוריק. סקאַנירט נאָך אַ מאָל זייַן קאַרטל.
redemption-checking = מע קאָנטראָלירט די באַלוינונג מיטן סערווער… גיט זי אָפּ ערשט ווען עס שטייט דאָ, אַז זי איז אייַנגעלייזט.
# $flags: the texts of review-flag, joined with "; ".
server-flagged = Regulars האָט דאָס אָנגעצייכנט פֿאַרן בעל-הבית: { $flags }.
# A history line (card, till, owner) for an action this version of the app does not know.
hist-unknown = עפּעס וואָס די ווערסיע פֿון דער אַפּ קען נאָך ניט ווייַזן
# The PIN pad's heading. $name: the staff member picked.
pin-for = פּין-קאָד פֿאַר { $name }
# The PIN pad's key that deletes the last digit.
pin-delete = אויסמעקן אַ ציפֿער
pin-confirm = באַשטעטיקן
pin-checking = קאָנטראָלירט…
# A button under the staff members' names.
other-staff = עמעצער אַנדערש
close = פֿאַרמאַכן
# $left: how many more wrong PINs pause the till.
pin-wrong =
    { $left ->
        [one] פֿאַלשער פּין-קאָד. נאָך { $left } פֿאַלשער פּין-קאָד, און די קאַסע שטעלט זיך אָפּ אויף אַ ווייַלע.
       *[other] פֿאַלשער פּין-קאָד. נאָך { $left } פֿאַלשע פּין-קאָדן, און די קאַסע שטעלט זיך אָפּ אויף אַ ווייַלע.
    }
# $wait: the text of wait-seconds or wait-minutes.
pin-paused = צו פֿיל פֿאַלשע פּין-קאָדן. פּרוּווט נאָך אַ מאָל אין { $wait } אַרום.
# A piece of pin-paused: a wait under a minute. $seconds: 1 to 59.
wait-seconds =
    { $seconds ->
        [one] { $seconds } סעקונדע
       *[other] { $seconds } סעקונדעס
    }
# A piece of pin-paused: a wait of a minute or more, rounded up. $minutes: the minutes.
# Yiddish: after a number "מינוט" stays as it is (5 מינוט); the selector is kept.
wait-minutes =
    { $minutes ->
        [one] { $minutes } מינוט
       *[other] { $minutes } מינוט
    }
pin-unpair-pending = 10 מאָל נאָכאַנאַנד אַ פֿאַלשער פּין-קאָד. דער טאַבלעט איז פֿאַרשלאָסן, און ער וועט אָפּגעקניפּט ווערן ווי נאָר ער איז ווידער אָנליין.
# $name: the staff member now at the till.
switched-to = { $name } איז בייַ דער קאַסע.
nobody-at-till = קלייַבט אויס אַן אָנגעשטעלטן, כּדי ווייַטער צו אַרבעטן.


## Till: the last actions, undo and reverse (CASHIER)

recent-heading = די לעצטע 10 פּעולות
recent-empty = נאָך גאָרנישט אויף דעם טאַבלעט.
# A cashier takes back their own last action (within two minutes).
undo = צוריקנעמען
# A manager takes back any action, with a reason.
reverse = אַנולירן
reverse-reason = סיבה
confirm-reverse = יאָ, אַנולירן
# The reason stored with a cashier's undo; the history shows it in hist-reversal.
undo-reason = צוריקגענומען בייַ דער קאַסע
undone = צוריקגענומען.
# $balance: the card's balance after the undo.
undone-balance = צוריקגענומען. באַלאַנס: { $balance }
# $balance: the customer's balance after what the server did.
balance-now = באַלאַנס איצט: { $balance }.
# A tag on an undone action (lower case).
undone-tag = צוריקגענומען
reason-needed = גיט אָן אַ סיבה פֿאַר דער אַנולירונג.
# After an action: who did it. $name: the staff member.
by-staff = דורך { $name }


## Owner: staff

staff-heading = פּערסאָנאַל
# The label of a staff member's name.
staff-name = נאָמען
staff-role-label = ראָלע
# A staff member's role. $role: owner, manager or cashier.
role-name =
    { $role ->
        [owner] בעל-הבית
        [manager] פֿאַרוואַלטער
       *[cashier] קאַסירער
    }
pin = פּין-קאָד
pin-hint = 4 ביז 6 ציפֿערן: מע שרייַבט זיי אַרייַן אויפֿן טאַבלעט, כּדי איבערצונעמען די קאַסע. פֿאַרוואַלטערס מעגן אויך אַנולירן יעדע פּעולה.
new-pin-optional = נייַער פּין-קאָד (ניט מחויבֿ)
add-staff = צוגעבן אַן אָנגעשטעלטן
save-staff = אָפּהיטן
# Stops a staff member from using the tills.
deactivate = דעאַקטיווירן
deactivated-tag = דעאַקטיווירט
no-pin-tag = נאָך קיין פּין-קאָד
# $name: the staff member.
staff-added = { $name } קען איצט איבערנעמען די קאַסע אויף די טאַבלעטן.
# $name: the staff member.
staff-saved = { $name }: אָפּגעהיט.
pin-must-be-digits = דער פּין-קאָד מוז האָבן 4 ביז 6 ציפֿערן.


## Owner: paired tablets

devices-heading = פֿאַרקניפּטע טאַבלעטן
no-devices = נאָך קיין טאַבלעט איז ניט פֿאַרקניפּט.
# $date_time: when the tablet last reached the server.
last-seen = לעצט געזען: { $date_time }
never-seen = נאָך ניט געזען
# $date: the day the tablet was paired.
paired-on = פֿאַרקניפּט: { $date }
unpair-device = אָפּקניפּן
# $date_time: when the owner unpaired the tablet.
unpaired-on = אָפּגעקניפּט: { $date_time }
refresh = דערפֿרישן


## Owner: limits and unusual activity

# The label of a limit. $kind: stamps or points (a points program limits purchases).
card-daily-limit =
    { $kind ->
        [stamps] מאַקסימום שטעמפּלען אויף אַ קאַרטל אין אַ טאָג
       *[points] מאַקסימום קויפֿן אויף אַ קאַרטל אין אַ טאָג
    }
# The label of a limit. $kind: stamps or points.
staff-hourly-limit =
    { $kind ->
        [stamps] מאַקסימום שטעמפּלען אויף אַן אָנגעשטעלטן אין אַ שעה
       *[points] מאַקסימום קויפֿן אויף אַן אָנגעשטעלטן אין אַ שעה
    }
# "Needs review" is the text of review-heading.
limits-hint = איבער אַ גרענעץ גיט מען נאָך אַלץ די שטעמפּלען, נאָר זיי ווערן אָנגעצייכנט אונטער „צום איבערקוקן“. 0: קיין גרענעץ.
# $days: the days looked at (a count).
anomalies-heading =
    { $days ->
        [one] אומגעוויינלעך אין דעם לעצטן { $days } טאָג
       *[other] אומגעוויינלעך אין די לעצטע { $days } טעג
    }
no-anomalies = גאָרנישט אומגעוויינלעך.
# When a card is listed as unusual. $min: the least visits (a count); $factor: how many times
# more than the typical card; $typical: the typical card's visits.
card-anomaly-rule =
    { $min ->
        [one] אַ קאַרטל ווייַזט זיך דאָ מיט ווייניקסטנס { $min } באַזוך און מיט מער ווי { $factor } מאָל אַזוי פֿיל באַזוכן ווי אייַער טיפּיש קאַרטל ({ $typical }): אפֿשר ניצן עס עטלעכע מענטשן, אָדער מע שטעמפּלט עס אָן אַ קויף.
       *[other] אַ קאַרטל ווייַזט זיך דאָ מיט ווייניקסטנס { $min } באַזוכן און מיט מער ווי { $factor } מאָל אַזוי פֿיל באַזוכן ווי אייַער טיפּיש קאַרטל ({ $typical }): אפֿשר ניצן עס עטלעכע מענטשן, אָדער מע שטעמפּלט עס אָן אַ קויף.
    }
# When a staff member is listed as unusual. $min: the least rewards handed over (a count);
# $factor: how many times more than everyone else.
staff-anomaly-rule =
    { $min ->
        [one] אַן אָנגעשטעלטער ווייַזט זיך דאָ נאָך ווייניקסטנס { $min } אָפּגעגעבענער באַלוינונג, מיט { $factor } מאָל אָדער מער באַלוינונגען אויף אַ באַזוך ווי בייַ אַלע אַנדערע: אפֿשר גיט ער אַוועק באַלוינונגען.
       *[other] אַן אָנגעשטעלטער ווייַזט זיך דאָ נאָך ווייניקסטנס { $min } אָפּגעגעבענע באַלוינונגען, מיט { $factor } מאָל אָדער מער באַלוינונגען אויף אַ באַזוך ווי בייַ אַלע אַנדערע: אפֿשר גיט ער אַוועק באַלוינונגען.
    }
# An unusual card. $who: the member's first name, or the text of card-short-id; $visits: a count.
card-anomaly =
    { $visits ->
        [one] { $who }: { $visits } באַזוך
       *[other] { $who }: { $visits } באַזוכן
    }
# An unusual staff member. $name: the staff member; $redemptions: rewards handed over (a count);
# $percent: rewards per 100 actions; $others: everyone else's rewards per 100 actions.
staff-anomaly =
    { $redemptions ->
        [one] { $name }: { $redemptions } באַלוינונג, { $percent } אויף 100 פּעולות (אַלע אַנדערע: { $others })
       *[other] { $name }: { $redemptions } באַלוינונגען, { $percent } אויף 100 פּעולות (אַלע אַנדערע: { $others })
    }


## Card: the recommend question (SHOPPER, after a visit)

# $shop: the shop's name.
nps-question = ווי וואַרשייַנלעך איז עס, אַז איר וועט רעקאָמענדירן { $shop } אַ פֿרייַנד?
# The two ends of the 0 to 10 scale.
nps-not-likely = 0: גאָר ניט וואַרשייַנלעך
nps-very-likely = 10: זייער וואַרשייַנלעך
nps-comment-label = ווילט איר אונדז עפּעס זאָגן? (ניט מחויבֿ)
# $count: characters typed; $max: the most allowed (500, a count).
nps-comment-count =
    { $max ->
        [one] { $count } פֿון { $max } צייכן
       *[other] { $count } פֿון { $max } צייכנס
    }
nps-send = שיקן מייַן ענטפֿער
nps-not-now = ניט איצט
nps-pick-score = קלייַבט פֿריער אויס אַ צאָל פֿון 0 ביז 10.
nps-thanks = אַ שיינעם דאַנק! אייַער ענטפֿער קומט אָן צו דער קראָם, ווי נאָר אייַער טעלעפֿאָן איז אָנליין.
# Why an answer was not saved. $refusal: invalid_score, comment_too_long, answered_recently,
# another code, or none; $max: the most characters a comment may have (500, a count);
# $days: how often the card asks (90, a count); $reason: the server's own words (often in
# English), or none.
nps-refused =
    { $refusal ->
        [invalid_score] אייַער ענטפֿער איז ניט אָפּגעהיט געוואָרן: קלייַבט אויס אַ צאָל פֿון 0 ביז 10.
        [comment_too_long]
            { $max ->
                [one] אייַער ענטפֿער איז ניט אָפּגעהיט געוואָרן: אַ באַמערקונג מעג האָבן מאַקסימום { $max } צייכן.
               *[other] אייַער ענטפֿער איז ניט אָפּגעהיט געוואָרן: אַ באַמערקונג מעג האָבן מאַקסימום { $max } צייכנס.
            }
        [answered_recently]
            { $days ->
                [one] איר האָט שוין געענטפֿערט אין דעם לעצטן { $days } טאָג. אַ דאַנק, איין מאָל איז גענוג!
               *[other] איר האָט שוין געענטפֿערט אין די לעצטע { $days } טעג. אַ דאַנק, איין מאָל איז גענוג!
            }
       *[other]
            { $reason ->
                [none] אייַער ענטפֿער האָט מען ניט געקענט אָפּהיטן.
               *[other] אייַער ענטפֿער האָט מען ניט געקענט אָפּהיטן: { $reason }.
            }
    }
# The button that closes nps-refused.
nps-refused-read = גוט


## Owner: Insights, the recommend question (Net Promoter Score)

nps-title = וואָלטן זיי אייַך רעקאָמענדירט?
nps-score = רעקאָמענדאַציע-אינדעקס (NPS)
# How many answered 9-10, 7-8 and 0-6.
nps-groups =
    { $promoters ->
        [one] { $promoters } אָנהענגער
       *[other] { $promoters } אָנהענגער
    } (9-10), { $passives ->
        [one] { $passives } נייטראַלער
       *[other] { $passives } נייטראַלע
    } (7-8), { $detractors ->
        [one] { $detractors } קריטיקער
       *[other] { $detractors } קריטיקער
    } (0-6)
nps-no-answers = נאָך קיין ענטפֿערס אין דעם פּעריאָד. נאָך אַ באַזוך פֿרעגט דאָס קאַרטל פֿון יעדן מיטגליד איין מאָל אין 90 טעג, ווי וואַרשייַנלעך עס איז אַז ער וועט אייַך רעקאָמענדירן.
# $score: the Net Promoter Score (-100 to 100); $answers: the answers it stands on.
nps-sentence =
    { $answers ->
        [one] לויט { $answers } ענטפֿער: דער חלק וואָס וואָלט אייַך רעקאָמענדירט (9-10), מינוס דער חלק וואָס וואָלט ניט (0-6), איז { $score }. העכער 0 מיינט מער אָנהענגער ווי קריטיקער.
       *[other] לויט { $answers } ענטפֿערס: דער חלק וואָס וואָלט אייַך רעקאָמענדירט (9-10), מינוס דער חלק וואָס וואָלט ניט (0-6), איז { $score }. העכער 0 מיינט מער אָנהענגער ווי קריטיקער.
    }
nps-by-month = דער אינדעקס לויט חדשים
nps-comments = וואָס זיי האָבן געזאָגט (די ווייניקסט צופֿרידענע צו ערשט)
nps-no-comments = קיין באַמערקונגען אין דעם פּעריאָד.
# One member's answer. $score: 0 to 10.
nps-answer-score = { $score } פֿון 10
nps-member-none = האָט נאָך ניט געענטפֿערט אויף דער רעקאָמענדאַציע-פֿראַגע.


## Owner: Insights, predicted value (customer lifetime value)

clv-title = פּראָגנאָזירטער ווערט
# $date: the last day of the visits the model was fitted on; $members: members with a visit by
# then; $returned: those of them who came back (a count).
clv-as-of =
    { $members ->
        [one] באַרעכנט לויט די באַזוכן ביז { $date }: { $members } מיטגליד; צוריקגעקומען: { $returned }.
       *[other] באַרעכנט לויט די באַזוכן ביז { $date }: { $members } מיטגלידער; פֿון זיי צוריקגעקומען: { $returned }.
    }
# $have: members who came back so far; $need: how many predictions need (both counts).
clv-too-few =
    { $need ->
        [one] פֿאַר פּראָגנאָזן דאַרף מען ווייניקסטנס { $need } מיטגליד וואָס איז צוריקגעקומען; ביז איצט: { $have }. שטעמפּלט ווייַטער: זיי קומען מיט דער היסטאָריע.
       *[other] פֿאַר פּראָגנאָזן דאַרף מען ווייניקסטנס { $need } מיטגלידער וואָס זענען צוריקגעקומען; ביז איצט: { $have }. שטעמפּלט ווייַטער: זיי קומען מיט דער היסטאָריע.
    }
clv-not-converged = מע האָט נאָך ניט געקענט צופּאַסן דעם מאָדעל צו אייַערע באַזוכן, דעריבער ווערן קיין פּראָגנאָזן ניט געוויזן. זיי קומען מיט מער היסטאָריע.
# $have: returning members who recorded an amount; $need: how many are needed (both counts).
clv-no-amounts =
    { $have ->
        [one] די באַזוכן ווערן פּראָגנאָזירט, די אויסגאַבן ניט: בלויז { $have } צוריקגעקומענער מיטגליד האָט פֿאַרשריבן אַ סכום (מע דאַרף { $need }).
       *[other] די באַזוכן ווערן פּראָגנאָזירט, די אויסגאַבן ניט: בלויז { $have } צוריקגעקומענע מיטגלידער האָבן פֿאַרשריבן אַ סכום (מע דאַרף { $need }).
    }
# $weeks: a number shown with one decimal ("2.5"); with a decimal shown, English always takes
# *[other], but your language may have a form for decimals (sk: many).
clv-rhythm =
    { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) ->
        [one] אַזוי לאַנג ווי זיי קומען, קומט אַ טיפּישער מיטגליד בערך אַלע { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) } וואָך.
       *[other] אַזוי לאַנג ווי זיי קומען, קומט אַ טיפּישער מיטגליד בערך אַלע { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) } וואָכן.
    }
# $percent: the chance, in percent.
clv-dropout = נאָך יעדן באַזוך איז דאָ אַ שאַנס פֿון בערך { $percent } %, אַז אַ מיטגליד הערט אויף צו קומען.
# $amount: money.
clv-spend-per-visit = אַ טיפּישער באַזוך איז ווערט בערך { $amount }.
# A list's heading. $count: how many members it lists (a count).
clv-top-title =
    { $count ->
        [one] אייַער { $count } ווערטפֿולסטער שטענדיקער קונה
       *[other] אייַערע { $count } ווערטפֿולסטע שטענדיקע קונים
    }
clv-drifting-title = ווערטפֿולע שטענדיקע קונים וואָס ציִען זיך אפֿשר אָפּ
clv-none-drifting = ווי עס זעט אויס, ציט זיך קיינער פֿון אייַערע ווערטפֿולע שטענדיקע קונים ניט אָפּ.
# Column headings of the lists.
clv-column-visits = באַזוכן
# The member's favourite category.
clv-column-favourite = באַליבסטע
clv-column-active = נאָך אַקטיוו
# The predicted spend in the next 12 months.
clv-column-predicted = די קומענדיקע 12 חדשים
# On a member's page. $active: the chance they still come, in percent; $visits: visits expected,
# shown with one decimal (English always takes *[other] then); $spend: money expected in the
# next 12 months, or none.
clv-member-line =
    { $spend ->
        [none]
            { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) ->
                [one] { $active } % וואַרשייַנלעך נאָך אַ שטענדיקער קונה; דערוואַרט: בערך { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } באַזוך אין די קומענדיקע 90 טעג.
               *[other] { $active } % וואַרשייַנלעך נאָך אַ שטענדיקער קונה; דערוואַרט: בערך { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } באַזוכן אין די קומענדיקע 90 טעג.
            }
       *[other]
            { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) ->
                [one] { $active } % וואַרשייַנלעך נאָך אַ שטענדיקער קונה; דערוואַרט: בערך { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } באַזוך אין די קומענדיקע 90 טעג און { $spend } אין די קומענדיקע 12 חדשים.
               *[other] { $active } % וואַרשייַנלעך נאָך אַ שטענדיקער קונה; דערוואַרט: בערך { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } באַזוכן אין די קומענדיקע 90 טעג און { $spend } אין די קומענדיקע 12 חדשים.
            }
    }
# On a member's page. $rank: their place in the list (1 is the most valuable).
clv-member-top = נומער { $rank } צווישן אייַערע ווערטפֿולסטע שטענדיקע קונים.
clv-check-title = ווי גוט דער מאָדעל זאָגט פֿאָרויס
# $as_of: the last day of the visits the model was fitted on; $predicted: return visits it
# expected; $weeks: the weeks looked at after that day; $actual: return visits made (a count).
clv-check-sentence =
    לויט די באַזוכן ביז { $as_of } האָט דער מאָדעל דערוואַרט { $predicted } { $predicted ->
        [one] ווידער-באַזוך
       *[other] ווידער-באַזוכן
    } פֿון יענע מיטגלידער { $weeks ->
        [one] אין דער { $weeks } וואָך
       *[other] אין די { $weeks } וואָכן
    } דערנאָך; זיי האָבן געמאַכט { $actual }.
# One week of the check (a row of a table). $week: the week's number; $predicted: visits
# expected; $actual: visits made, both by the end of that week.
clv-check-week = וואָך { $week }: { $predicted } דערוואַרט, { $actual } געמאַכט (ביז איצט)
clv-member-drifting = אַ ווערטפֿולער שטענדיקער קונה וואָס ציט זיך אפֿשר אָפּ.


## Owner: Insights

insights-link = אייַנבליקן
insights-title = אייַנבליקן
# $name: the category's name; $percent: its share of the period's purchases.
top-category = { $name } איז { $percent } % פֿון דעם וואָס די מיטגלידער האָבן געקויפֿט.
# The label of a choice: the heatmap shows every member's visits or only the top customers'.
heatmap-of = וועמענס באַזוכן
every-member = אַלע מיטגלידער (אין דעם פּעריאָד)
# The first and last day of the period shown.
period-from = פֿון
period-to = ביז
show-period = ווייַזן די טעג
# $count: days (a count).
last-days =
    { $count ->
        [one] דער לעצטער { $count } טאָג
       *[other] די לעצטע { $count } טעג
    }
# The headline figures.
figure-members = מיטגלידער
figure-new-members = נייַע מיטגלידער
figure-active-members = אַקטיווע מיטגלידער
figure-visits = באַזוכן
figure-repeat-rate = צוריקגעקומען אין משך פֿון 30 טעג
figure-visits-per-active = באַזוכן אויף אַן אַקטיוון מיטגליד
figure-average-spend = דורכשניטלעכער סכום אויף אַ באַזוך
figure-revenue = פּדיון פֿון מיטגלידער
figure-rewards = אייַנגעלייזטע באַלוינונגען
# Under a figure: its value in the period before, and the change.
# $value: the earlier value, already formatted (a number, money or a percentage);
# $sign: plus, minus, zero, or none when there is no change to show; $percent: the change in
# percent, without its sign.
before =
    { $sign ->
        [plus] פֿריער: { $value } (+{ $percent } %)
        [minus] פֿריער: { $value } (-{ $percent } %)
        [zero] פֿריער: { $value } ({ $percent } %)
       *[none] פֿריער: { $value }
    }
no-amounts-yet = נאָך קיין סכומים פֿון קויפֿן ניט פֿאַרשריבן: די קאַסע קען פֿאַרשרייַבן אַ סכום מיט יעדן שטעמפּל.
# Stands for a figure that has no value (nobody new). Keep, or use your language's dash.
nobody-new = —
weekly-visits = באַזוכן אַ וואָך
# $sign: plus (visits rose), minus (fell), zero (the same), or none (no visits in the period
# before); $percent: the change in percent, without its sign.
visits-trend =
    { $sign ->
        [plus] די באַזוכן זענען געשטיגן מיט { $percent } % קעגן דעם פֿריִערדיקן פּעריאָד.
        [minus] די באַזוכן זענען געפֿאַלן מיט { $percent } % קעגן דעם פֿריִערדיקן פּעריאָד.
        [zero] אַזוי פֿיל באַזוכן ווי אין דעם פֿריִערדיקן פּעריאָד.
       *[none] אין דעם פֿריִערדיקן פּעריאָד זענען ניט געווען קיין באַזוכן צום פֿאַרגלייַכן.
    }
when-they-come = ווען זיי קומען
# $weekday: the text of weekday; $from_time, $to_time: the hour's start and end ("14:00", "15:00").
busiest-slot = די געדרענגטסטע שעה איז { $weekday } { $from_time }-{ $to_time }.
# $first_day: the text of weekday; $last_day: the text of weekday, or none when they come
# mostly on one day; $from_time, $to_time: the hours ("09:00", "12:00").
top-customers-come =
    { $last_day ->
        [none] אייַערע בעסטע קונים קומען מערסטנס { $first_day }, { $from_time }-{ $to_time }.
       *[other] אייַערע בעסטע קונים קומען מערסטנס פֿון { $first_day } ביז { $last_day }, { $from_time }-{ $to_time }.
    }
no-visits-yet = נאָך קיין באַזוכן אין דעם פּעריאָד.
# A day of the week: a label (a chart's row, the offer form's day boxes) and a word inside
# busiest-slot, top-customers-come and offer-when.
# $day: monday, tuesday, wednesday, thursday, friday, saturday or sunday.
weekday =
    { $day ->
        [monday] מאָנטיק
        [tuesday] דינסטיק
        [wednesday] מיטוואָך
        [thursday] דאָנערשטיק
        [friday] פֿרייַטיק
        [saturday] שבת
        [sunday] זונטיק
       *[other] ?
    }
segments-title = גרופּעס
# The name of a group of members (RFM segments: by how recently, how often and how much they
# buy). Also inside owner-offer-reason. $segment: the group's code.
segment-name =
    { $segment ->
        [champions] אַלופֿים
        [loyal] געטרייַע
        [potential] מעגלעכע געטרייַע
        [new] נייַע
        [promising] פֿאַרשפּרעכנדיקע
        [need_attention] דאַרפֿן אויפֿמערקזאַמקייט
        [at_risk] אין סכּנה
        [cant_lose] טאָר מען ניט פֿאַרלירן
        [hibernating] אייַנגעשלאָפֿענע
        [lost] פֿאַרלוירענע
       *[unknown] אַנדערע
    }
# $count: members who moved to another group; $date: the day the groups are compared with.
segments-moved =
    { $count ->
        [one] { $count } מיטגליד האָט געביטן די גרופּע זינט { $date }.
       *[other] { $count } מיטגלידער האָבן געביטן די גרופּע זינט { $date }.
    }
# $count: members who have not visited yet.
without-visits =
    { $count ->
        [one] { $count } מיטגליד נאָך אָן אַ באַזוך.
       *[other] { $count } מיטגלידער נאָך אָן אַ באַזוך.
    }

# not translated: SegmentMembersTitle(String). The heading is the group's name: the code uses segment-name.

download-csv = אַראָפּלאָדן CSV
# On a member's page.
download-history-csv = אַראָפּלאָדן די גאַנצע היסטאָריע (CSV)
# On the members page.
download-members-csv = אַראָפּלאָדן אַלע מיטגלידער (CSV)
# $page: this page's number; $pages: how many pages.
page-of = זייַט { $page } פֿון { $pages }
previous-page = צוריק
next-page = ווייַטער
# Column headings of the members' table.
column-member = מיטגליד
column-last-visit = לעצטער באַזוך
column-visits12m = באַזוכן (12 חדשים)
column-spend12m = אויסגאַבן (12 חדשים)
# Recency, Frequency and Monetary scores (1 to 5 each): initials; use your language's, or keep.
column-scores = R F M
# On a member's page. $visits: their visits; $spend: money spent, or none.
member-totals =
    { $spend ->
        [none]
            { $visits ->
                [one] { $visits } באַזוך
               *[other] { $visits } באַזוכן
            }
       *[other]
            { $visits ->
                [one] { $visits } באַזוך, אויסגעגעבן { $spend }
               *[other] { $visits } באַזוכן, אויסגעגעבן { $spend }
            }
    }
visits-by-month = באַזוכן לויט חדשים
categories-bought = וואָס זיי קויפֿן
no-categories = נאָך קיין קאַטעגאָריעס ניט פֿאַרשריבן.
recent-history = היסטאָריע
# The owner's private note about a member.
owner-note = אייַער נאָטיץ
save-note = אָפּהיטן די נאָטיץ
saved = אָפּגעהיט.


## Owner: the shop's purchase categories

categories-title = קאַטעגאָריעס
categories-help = די קאַסע ווייַזט זיי ווי קנעפּלעך וואָס מע דריקט איין מאָל. ווען מע בייַט אַ נאָמען, בלייַבט די היסטאָריע; ווען מע נעמט אַוועק אַ קאַטעגאָריע, בלייַבט איר היסטאָריע אויך.
add-category = צוגעבן אַ קאַטעגאָריע
save-categories = אָפּהיטן די קאַטעגאָריעס
# A button's accessible name. $name: the category.
remove-category = אַוועקנעמען { $name }
# The label of a category's field. $number: its place in the list (1, 2, 3 ...).
category-field = קאַטעגאָריע { $number }


## Till: offers for the customer on screen (CASHIER; the gift texts also show on the shopper's card)

till-offers-heading = פֿאָרשלאָגן פֿאַר דעם קונה
# A tag: the member saved this offer on their phone.
till-offer-saved = אָפּגעלייגט
# A button: uses an offer (for a points multiplier, switches it on for the purchase being entered).
till-offer-apply = ניצן
# A tag on the multiplier switched on for this purchase.
till-offer-armed-tag = אויף דעם קויף
# What an offer gives: extra stamps. $count: how many.
till-offer-extra-stamps =
    { $count ->
        [one] +{ $count } שטעמפּל
       *[other] +{ $count } שטעמפּלען
    }
# What an offer gives: points multiplied. $times: the multiplier (2, 1.5).
till-offer-times = x{ $times } פּונקטן
# Points multiplied in one category. $times: the multiplier; $category: the category's name.
till-offer-times-in = x{ $times } פּונקטן אויף { $category }
# Something handed over free. $item: what, as the owner wrote it.
till-offer-free = { $item } אומזיסט
# $amount: money off the bill.
till-offer-amount-off = הנחה פֿון { $amount }
# $percent: percent off the bill.
till-offer-percent-off = הנחה פֿון { $percent } %
# Beside the purchase amount. $gift: the text of till-offer-times or till-offer-times-in.
till-offer-on-purchase = { $gift } אויף דעם קויף
# A button: takes the multiplier off this purchase.
till-offer-clear = אַוועקנעמען דעם פֿאָרשלאָג
# The multiplier is for another category than the one picked. $category: the offer's category.
till-offer-not-this-category = דער פֿאָרשלאָג גילט נאָר פֿאַר { $category }: קלייַבט אויס די קאַטעגאָריע, כּדי צו פֿאַרמערן די פּונקטן.
# An offer used. $title: the offer's title; $stamps: extra stamps it added; $balance: the card's
# balance after.
till-offer-used =
    { $stamps ->
        [0] פֿאָרשלאָג גענוצט: { $title }
        [one] פֿאָרשלאָג גענוצט: { $title }. +{ $stamps } שטעמפּל. באַלאַנס: { $balance }
       *[other] פֿאָרשלאָג גענוצט: { $title }. +{ $stamps } שטעמפּלען. באַלאַנס: { $balance }
    }
# Points added with a multiplying offer. $points: points added; $title: the offer's title;
# $balance: the card's balance after.
till-offer-points-added =
    { $points ->
        [one] { $points } פּונקט צוגעגעבן מיט „{ $title }“. באַלאַנס: { $balance }
       *[other] { $points } פּונקטן צוגעגעבן מיט „{ $title }“. באַלאַנס: { $balance }
    }
# An offer use in the last actions and the outbox. $title: the offer's title, or none when the
# till does not know it; $stamps: extra stamps it gave.
till-offer-line =
    פֿאָרשלאָג: { $title ->
        [none] אומבאַקאַנט
       *[other] { $title }
    }{ $stamps ->
        [0] {""}
        [one] {" "}(+{ $stamps } שטעמפּל)
       *[other] {" "}(+{ $stamps } שטעמפּלען)
    }
# What a good barista remembers about the customer, as facts joined by " · ".
# $visits: their visits; $favourite: the category they buy most, or none; $last_visit: the day
# of their last visit ("23 Nov", with the year when it is not this year), or none.
till-regular =
    { $visits ->
        [one] { $visits } באַזוך
       *[other] { $visits } באַזוכן
    }{ $favourite ->
        [none] {""}
       *[other] {" · "}געוויינטלעך { $favourite }
    }{ $last_visit ->
        [none] {""}
       *[other] {" · "}לעצט דאָ: { $last_visit }
    }


## Card: offers for the shopper

for-you-heading = פֿאַר אייַך
# An offer ending soon. $unit: minutes (under an hour) or hours (whole hours, rounded down);
# $count: how many.
# Yiddish: after a number "מינוט" and "שעה" stay as they are (5 מינוט, 3 שעה); selectors kept.
offer-ends-in =
    { $unit ->
        [minutes]
            { $count ->
                [one] ענדיקט זיך אין { $count } מינוט אַרום
               *[other] ענדיקט זיך אין { $count } מינוט אַרום
            }
       *[hours]
            { $count ->
                [one] ענדיקט זיך אין { $count } שעה אַרום
               *[other] ענדיקט זיך אין { $count } שעה אַרום
            }
    }
# Opens an offer's details.
offer-details = פּרטים
# When an offer can be used. $until: its end (a date and time); $days: the texts of weekday
# joined with ", ", or none when it is good every day; $from_time, $to_time: its hours ("9:00",
# "17:00"), or none when it is good all day.
offer-when =
    ביז { $until }{ $days ->
        [none] {""}
       *[other] ; טעג: { $days }
    }{ $from_time ->
        [none] {""}
       *[other] ; פֿון { $from_time } ביז { $to_time }
    }.
offer-save = אָפּלייגן אויף מייַן באַזוך
offer-saved = אָפּגעלייגט: ווייַזט אייַער קאַרטל בייַ דער קאַסע
offer-dismiss = ניט פֿאַר מיר
# A choice at join and on the profile (a checkbox).
offers-consent = קלייַבט מיר אויס פֿאָרשלאָגן לויט מייַנע באַזוכן
offers-consent-hint = די קראָם קען דעמאָלט אויסקלייַבן פֿאָרשלאָגן לויט דעם וואָס איר קויפֿט דאָ; אָן דעם באַקומט איר פֿאָרט די פֿאָרשלאָגן וואָס זענען פֿאַר אַלעמען, און אייַערע באַזוכן ווערן גערעכנט פּונקט אַזוי ווי פֿריער.
# $date: the day the shopper last chose.
offers-consent-chosen = איר האָט אויסגעקליבן דעם { $date }.
# A history line. $count: extra stamps the offer added.
hist-offer-used =
    { $count ->
        [0] פֿאָרשלאָג גענוצט
        [one] פֿאָרשלאָג גענוצט (+{ $count } שטעמפּל)
       *[other] פֿאָרשלאָג גענוצט (+{ $count } שטעמפּלען)
    }


## Purchase categories (Category): the till's built-in category chips (CASHIER)

category-coffee = קאַווע
category-food = עסן
category-drinks = געטראַנקען
category-retail = סחורה
category-other = אַנדערש


## Import fields (ImportField): the fields of a purchase-history file (OWNER, the import's mapping form)

field-customer = קונה
field-date = דאַטע
field-amount = סכום
field-category = קאַטעגאָריע
field-email = אימעיל
field-first-name = פֿאָרנאָמען


## Owner: importing purchase history (ImportMsg, /admin/import)

# The dashboard's and Insights' link to the import page.
import-link = אימפּאָרטירן די קויף-היסטאָריע
import-title = אימפּאָרטירן די קויף-היסטאָריע
import-intro = איר גייט איבער פֿון פּאַפּיר אָדער פֿון אַן אַנדער געצייג? ברענגט אַרייַן די פֿריִערדיקע קויפֿן פֿון אייַערע קונים פֿון אַ טאַבעלע אָפּגעהיט ווי CSV, כּדי די אייַנבליקן און דער פּראָגנאָזירטער ווערט זאָלן קענען אייַערע שטענדיקע קונים פֿונעם ערשטן טאָג אָן.
import-format-title = ווי די טעקע זעט אויס
# customer, date, amount, category, email and first_name are the column names the file's header
# row uses: keep them as they are.
import-format-columns = איין קויף אין אַ שורה, אונטער אַ קעפּל-שורה מיט די נעמען פֿון די שפּאַלטן: customer (דער קאַרטל-נומער, נאָמען אָדער קאָד לויט וועלכן אייַער אַלטע סיסטעם האָט זיי געקענט), date און amount זענען נייטיק; category, email און first_name זענען ניט מחויבֿ. שפּאַלטן מיט אַנדערע נעמען גייען אויך: איר זאָגט וועלכער איז וועלכער.
# The dates are examples of what the file holds: keep them. $time_zone: the shop's time zone
# (Europe/London ...).
import-format-dates = דאַטעס זעען אויס ווי 2026-03-31 אָדער 2026-03-31 14:05, און מע נעמט זיי אין דער צייַט-זאָנע פֿון דער קראָם ({ $time_zone }); אַ דאַטע אָן אַ צייַט גילט ווי מיטאָג.
# $currency: the shop's currency code. The amounts are examples of what the file holds.
import-format-amounts = די סכומים זענען אין { $currency }, אין גאַנצע איינהייטן ווי 4.50 (אָדער 4,50): אָן אַ וואַלוטע-צייכן, אָן אַ צעטיילער פֿאַר טויזנטער.
# $categories: the shop's category names, joined with ", ".
import-format-categories = אַ קאַטעגאָריע איז איינע פֿון אייַערע: { $categories }.
import-format-again = ווען מע אימפּאָרטירט די זעלבע טעקע נאָך אַ מאָל, קומט גאָרנישט צו: יעדער קויף ווערט אימפּאָרטירט נאָר איין מאָל.
import-format-balance = אימפּאָרטירטע קויפֿן ווערן גערעכנט אין די אייַנבליקן און אינעם פּראָגנאָזירטן ווערט, אָבער זיי בייַטן קיין מאָל ניט קיין באַלאַנס: קיינער באַקומט ניט פֿאַר זיי קיין שטעמפּלען אָדער פּונקטן. אַ קונה וועמענס אימעיל ניצט שוין אַ מיטגליד, איז דער דאָזיקער מיטגליד; יעדער אַנדערער ווערט אַ מיטגליד אָן אַ טעלעפֿאָן, וועמען מע קען געבן אַ געדרוקט קאַרטל.
import-file-label = CSV-טעקע
import-file-hint = ביז 50 MB און אַ מיליאָן שורות.
# $file_name: the file being sent and checked.
import-uploading = מע לייענט { $file_name }…
import-too-large = די טעקע איז גרעסער ווי 50 MB: צעטיילט זי אויף טיילן און אימפּאָרטירט יעדן טייל באַזונדער.
# $rows: rows in the file; $bad: how many of them cannot be read.
import-rows =
    { $bad ->
        [0]
            { $rows ->
                [one] { $rows } שורה, אַלץ לייענבאַר.
               *[other] { $rows } שורות, אַלע לייענבאַר.
            }
       *[other]
            { $rows ->
                [one] { $rows } שורה; { $bad } קען מען ניט לייענען.
               *[other] { $rows } שורות; { $bad } קען מען ניט לייענען.
            }
    }
import-mapping-title = וועלכער שפּאַלט איז וועלכער
# customer, date and amount are column names: keep them. "Apply" is the text of import-apply.
import-mapping-needed = די קעפּל-שורה האָט ניט די שפּאַלטן customer, date און amount. זאָגט אין וועלכן שפּאַלט געפֿינט זיך יעדער פֿון זיי, און דערנאָך דריקט „אָנווענדן“.
# "Apply" is the text of import-apply.
import-mapping-hint = בייַט אַ שפּאַלט און דריקט „אָנווענדן“: די גאַנצע טעקע ווערט נאָך אַ מאָל קאָנטראָלירט.

# not translated: ImportMsg::Field(ImportField). The code uses the field- messages (## Import fields).

# The empty choice of a column picker ("no column"). Keep, or use your language's dash.
import-no-column = —
import-pick-column = קלייַבט אויס אַ שפּאַלט
import-apply = אָנווענדן
import-preview-title = די ערשטע שורות, אַזוי ווי מע וועט זיי לייענען
# Column headings of the preview and of the bad rows.
import-column-line = שורה
import-column-customer = קונה
# The purchase's time in the shop's time zone.
import-column-local-time = צייַט אין דער קראָם
import-column-amount = סכום
import-column-category = קאַטעגאָריע
import-column-email = אימעיל
import-column-first-name = פֿאָרנאָמען
import-column-column = שפּאַלט
import-column-reason = וואָס איז ניט גוט
import-bad-title = שורות וואָס מע קען ניט לייענען
# $shown: bad rows listed; $total: bad rows in all (counts).
import-bad-listed = געוויזן ווערן די ערשטע { $shown } פֿון { $total }.
# A button. $count: purchases it imports.
import-import-purchases =
    { $count ->
        [one] אימפּאָרטירן { $count } קויף
       *[other] אימפּאָרטירן { $count } קויפֿן
    }
import-skip-bad-rows = איבערשפּרינגען די שלעכטע שורות און אימפּאָרטירן
# $good: rows that read; $bad: rows that do not ("ones" stands for rows).
import-skip-bad-note =
    פֿאַרריכט די טעקע און לאָדט זי נאָך אַ מאָל אַרויף, אָדער אימפּאָרטירט די { $good } גוטע { $good ->
        [one] שורה
       *[other] שורות
    } און לאָזט אויס די { $bad } שלעכטע.
import-importing-title = מע אימפּאָרטירט
# The accessible name of the progress bar.
import-progress-label = פֿאָרשריט פֿונעם אימפּאָרט
# $done: rows imported so far; $total: rows to import (a count).
import-progress =
    { $total ->
        [one] ביז איצט { $done } פֿון { $total } שורה אימפּאָרטירט.
       *[other] ביז איצט { $done } פֿון { $total } שורות אימפּאָרטירט.
    }
import-done-title = דער אימפּאָרט איז פֿאַרענדיקט
# Headings of the result's figures.
import-added = צוגעגעבענע קויפֿן
import-already-there = געווען שוין פֿריער
import-matched-by-email = צוגעפּאַסט לויטן אימעיל
import-matched-by-customer = צוגעפּאַסט לויטן ווערט אין „קונה“
import-new-members = נייַע מיטגלידער
import-see-insights = זען זיי אין די אייַנבליקן
import-another-file = אימפּאָרטירן אַן אַנדער טעקע
import-failed-title = דער אימפּאָרט האָט זיך אָפּגעשטעלט
import-carry-on = פֿאָרזעצן דעם אימפּאָרט
import-earlier-title = פֿריִערדיקע אימפּאָרטן
# Column headings of the earlier imports.
import-column-file = טעקע
import-column-uploaded = אַרויפֿגעלאָדן
import-column-status = סטאַטוס
import-column-rows = שורות
# Opens an earlier import. $file_name: its file's name.
import-open = עפֿענען { $file_name }
# Where an import stands. $status: its code.
import-status =
    { $status ->
        [needs_mapping] וואַרט אויף די שפּאַלטן
        [invalid] האָט שלעכטע שורות
        [ready] גרייט צום אימפּאָרטירן
        [running] מע אימפּאָרטירט
        [done] פֿאַרטיק
       *[failed] אָפּגעשטעלט
    }


## Owner: printed cards and the password reset (OwnerMsg)

# A member row's button: print again the printed card of a member without a phone.
owner-print-card = דרוקן דאָס קאַרטל
# $name: the member's first name, or the text of unnamed-member.
owner-card-to-print = דאָס געדרוקטע קאַרטל פֿון { $name }: דרוקט עס אויס און גיט עס אָפּ.
# The login form's link to the reset page.
owner-forgot-password = פֿאַרגעסן דעם פּאַראָל?
owner-reset-title = קלייַבט אויס אַ נייַעם פּאַראָל
# "regulars-server reset-password" is a command the server's operator types: keep it as it is.
owner-reset-intro = Regulars שיקט ניט קיין אימעילס. בעט בייַ דעם וואָס פֿירט דעם Regulars-סערווער פֿון אייַער קראָם אַן איבערשטעל-קאָד: ער לאָזט לויפֿן regulars-server reset-password מיט אייַער אימעיל-אַדרעס און גיט אייַך דעם קאָד אָדער אַ לינק צו דער זייַט. דער קאָד אַרבעט איין מאָל, אַ שעה לאַנג.
owner-reset-code = איבערשטעל-קאָד
# The example code is what such a code looks like: keep it.
owner-reset-code-hint = 16 אותיות און ציפֿערן, למשל ABCD-EFGH-JKMN-PQRS.
owner-reset-code-empty = שרייַבט פֿריער אַרייַן דעם איבערשטעל-קאָד.
owner-set-new-password = באַשטימען דעם נייַעם פּאַראָל
owner-reset-code-wrong = דער קאָד איז פֿאַלש, שוין גענוצט, אָדער עלטער ווי אַ שעה. בעט בייַ דעם וואָס פֿירט דעם Regulars-סערווער אַ נייַעם.


## Owner: offers, the form

# The dashboard's link to the offers page.
owner-offers-link = פֿאָרשלאָגן
owner-offers-title = פֿאָרשלאָגן
owner-offers-intro = אַ פֿאָרשלאָג באַווייַזט זיך אויף די קאַרטלעך פֿון די מיטגלידער פֿאַר וועמען ער איז, ער אַרבעט אָפֿליין אין דער קראָם, און די קאַסע ניצט אים מיט איין דריק.
owner-new-offer = נייַער פֿאָרשלאָג
# The form's heading while it edits an offer. $title: the offer's title.
owner-editing-offer = רעדאַגירן „{ $title }“
# $version: the version number saving makes.
owner-saving-makes-version = אָפּהיטן מאַכט ווערסיע { $version }. די ביז איצטיקע באַניצונגען און רעאַקציעס בלייַבן בייַ דער ווערסיע פֿאַר וועלכער זיי זענען געווען, און די זעלבע מיטגלידער בלייַבן אין דער קאָנטראָל-גרופּע.
# The edit's submit button. $version: the version number it makes.
owner-save-version = אָפּהיטן ווערסיע { $version }
owner-create-offer = שאַפֿן דעם פֿאָרשלאָג
owner-stop-editing = אויפֿהערן רעדאַגירן
# $title: the offer's title; $version: its version number.
owner-offer-saved = „{ $title }“ אָפּגעהיט (ווערסיע { $version }).
# The label of the offer's title field.
owner-offer-title = טיטל
# The example in quotes is an offer title: write a typical one in your language.
owner-offer-title-hint = וואָס דער קונה לייענט צו ערשט, ביז 60 צייכנס: „אַ צווייטער קיכל אויף אונדזער חשבון“.
owner-offer-text = אַ שורה טעקסט
# The example in quotes is an offer's line of text: write a typical one in your language.
owner-offer-text-hint = ניט מחויבֿ, ביז 200 צייכנס: „נאָר די וואָך“.
# The legend of what an offer gives.
owner-offer-gives = וואָס ער גיט
# The label of the choice of gift.
owner-gift-kind-label = מתּנה
# The kinds of gift.
owner-gift-extra-stamps = עקסטרע שטעמפּלען בייַם באַזוך
owner-gift-multiplier = מער פּונקטן בייַם באַזוך
owner-gift-category-multiplier = מער פּונקטן אין איין קאַטעגאָריע
owner-gift-free-item = עפּעס אומזיסט
owner-gift-amount-off = אַ סכום הנחה
owner-gift-percent-off = אַ פּראָצענט הנחה
owner-extra-stamps-count = עקסטרע שטעמפּלען
owner-multiplier-label = פּונקטן מאָל
# A choice of multiplier. $times: the multiplier (1.5, 2, 3); 2 also says "double points".
owner-multiplier =
    { $times ->
        [2] x{ $times } (טאָפּלטע פּונקטן)
       *[other] x{ $times }
    }
owner-gift-category = אין דער קאַטעגאָריע
owner-pick-category = קלייַבט אויס אַ קאַטעגאָריע
owner-free-item-name = וואָס איז אומזיסט
# $currency: the shop's currency code.
owner-amount-off-label = הנחה-סכום ({ $currency })
owner-percent-off-label = הנחה אין פּראָצענט
owner-when-legend = ווען
owner-when-hours = הייבט זיך אָן איצט, אויף די קומענדיקע פּאָר שעה
owner-when-dates = פֿון איין טאָג ביז אַן אַנדערן
# While editing: the offer's window as it is. $from, $to: dates and times.
owner-when-kept = ווי עס איז: פֿון { $from } ביז { $to }
owner-hours-ahead = אויף די קומענדיקע (שעה)
owner-start-date = ערשטער טאָג
owner-end-date = לעצטער טאָג
owner-days-legend = נאָר אין געוויסע טעג אָדער שעהען
owner-days-hint = ניט מחויבֿ. קיין טאָג ניט אָנגעצייכנט: יעדן טאָג; קיין שעהען: דעם גאַנצן טאָג.
# Labels of the two hour pickers.
owner-from-hour = פֿון
owner-to-hour = ביז
# The hour pickers' empty choice.
owner-any-hour = דעם גאַנצן טאָג
owner-who-legend = פֿאַר וועמען
owner-offer-everyone = פֿאַר אַלעמען
owner-some-members = געוויסע מיטגלידער: לויט גרופּע, לויט כּלל, אָדער ביידע
owner-some-members-hint = מיטגלידער אין סייַ וועלכער אָנגעצייכנטער גרופּע (קיינע ניט אָנגעצייכנט: סייַ וועלכע גרופּע), וואָס פּאַסן אויך צו יעדן אויסגעפֿילטן כּלל. מיטגלידער וואָס האָבן ניט מסכּים געווען צו פֿאָרשלאָגן לויט זייערע באַזוכן, באַקומען זיי ניט.
owner-groups-legend = גרופּעס
owner-rules-legend = כּללים
owner-min-visits = באַזוכן, ווייניקסטנס
# $currency: the shop's currency code.
owner-min-spend = אויסגעגעבן, ווייניקסטנס ({ $currency })
owner-lapsed-days = ניט געזען שוין ווייניקסטנס (טעג)
owner-overdue = פֿאַרשפּעטיקט לויט זייער אייגענעם געוויינטלעכן ריטם
owner-bought-category = געקויפֿט אין דער קאַטעגאָריע
owner-any-category = סייַ וועלכע קאַטעגאָריע
owner-top-customers = צווישן די בעסטע קונים
owner-uses-per-member = באַניצונגען אויף אַ מיטגליד
# The holdout: a share of eligible members who never see the offer, to measure its effect.
owner-offer-holdout = קאָנטראָל-גרופּע (%)
# $percent: the holdout's percent.
owner-holdout-hint = צופֿעליקע { $percent } % פֿון די באַרעכטיקטע מיטגלידער זעען אים קיין מאָל ניט, כּדי איר זאָלט קענען זען וואָס ער בייַט באמת.
owner-offer-counting = מע ציילט די מיטגלידער וואָס ער דערגרייכט…
# $eligible: members the offer would reach; $held_out: of them, held out (a count);
# $without_consent: members of a targeted offer's groups who did not agree to offers picked
# from their visits (a count), or none.
owner-offer-reaches =
    { $without_consent ->
        [none]
            { $eligible ->
                [one] דערגרייכט { $eligible } מיטגליד (אין דער קאָנטראָל-גרופּע: { $held_out })
               *[other] דערגרייכט { $eligible } מיטגלידער (אין דער קאָנטראָל-גרופּע: { $held_out })
            }
        [0]
            { $eligible ->
                [one] דערגרייכט { $eligible } מיטגליד (אין דער קאָנטראָל-גרופּע: { $held_out })
               *[other] דערגרייכט { $eligible } מיטגלידער (אין דער קאָנטראָל-גרופּע: { $held_out })
            }
       *[other]
            { $eligible ->
                [one] דערגרייכט { $eligible } מיטגליד (אין דער קאָנטראָל-גרופּע: { $held_out }; ניט מסכּים צו פֿאָרשלאָגן לויט זייערע באַזוכן: { $without_consent })
               *[other] דערגרייכט { $eligible } מיטגלידער (אין דער קאָנטראָל-גרופּע: { $held_out }; ניט מסכּים צו פֿאָרשלאָגן לויט זייערע באַזוכן: { $without_consent })
            }
    }
# A field of the form is wrong: the field's name, then why.
# $field: the last part of the field's path (gift.count -> count); a gift's category is
# gift_category. $message: why, without a final full stop: the text of owner-offer-whole-number,
# owner-offer-money-needed, owner-offer-date-needed, owner-offer-hours-both or
# owner-offer-hours-ahead-range, or the server's own words (in English).
owner-offer-fault =
    { $field ->
        [title] טיטל: { $message }.
        [text] טעקסט: { $message }.
        [gift] מתּנה: { $message }.
        [count] עקסטרע שטעמפּלען: { $message }.
        [times_tenths] פּונקטן מאָל: { $message }.
        [gift_category] קאַטעגאָריע: { $message }.
        [category] געקויפֿט אין דער קאַטעגאָריע: { $message }.
        [item] וואָס איז אומזיסט: { $message }.
        [amount_minor] הנחה-סכום: { $message }.
        [percent] הנחה אין פּראָצענט: { $message }.
        [starts_at] אָנהייב: { $message }.
        [ends_at] סוף: { $message }.
        [weekdays] טעג: { $message }.
        [hours] שעהען: { $message }.
        [audience] פֿאַר וועמען: { $message }.
        [segments] גרופּעס: { $message }.
        [min_visits] באַזוכן, ווייניקסטנס: { $message }.
        [min_spend_minor] אויסגעגעבן, ווייניקסטנס: { $message }.
        [lapsed_days] ניט געזען: { $message }.
        [holdout_percent] קאָנטראָל-גרופּע: { $message }.
        [uses_per_member] באַניצונגען אויף אַ מיטגליד: { $message }.
       *[other] { $message }.
    }
# Reasons inside owner-offer-fault: lower case, no full stop.
owner-offer-whole-number = מע דאַרף אַ גאַנצע צאָל
# The example amount: write it with your language's decimal separator.
owner-offer-money-needed = מע דאַרף אַ סכום ווי 2.50
owner-offer-date-needed = קלייַבט אויס אַ טאָג
owner-offer-hours-both = קלייַבט אויס ביידע שעהען, אָדער קיין איינע ניט
# $hours: the most hours a same-day offer may run (a count). Yiddish: "שעה" stays as it is after
# a number, so no selector is needed.
owner-offer-hours-ahead-range = אַ פֿאָרשלאָג אויף איין טאָג גייט פֿון 1 ביז { $hours } שעה


## Owner: offers, the list and their results

owner-offers-list-title = אייַערע פֿאָרשלאָגן
owner-offers-empty = נאָך קיין פֿאָרשלאָגן ניטאָ.
# Where an offer stands. $status: active, paused, ended, or another code.
owner-offer-status-name =
    { $status ->
        [active] אַקטיוו
        [paused] אָפּגעשטעלט
        [ended] פֿאַרענדיקט
       *[unknown] אַנדערש
    }
# $version: the version's number.
owner-offer-version = ווערסיע { $version }
# $from, $to: dates and times.
owner-offer-dates = { $from } ביז { $to }
# $who: the text of owner-offer-everyone, or the offer's groups (texts of segment-name joined
# with ", ") and rules (owner-rule- texts), joined with "; ".
owner-for-whom = פֿאַר: { $who }
# $count: how many times one member may use the offer.
owner-uses-summary =
    { $count ->
        [one] איין מאָל אויף אַ מיטגליד
       *[other] { $count } מאָל אויף אַ מיטגליד
    }
# $percent: the holdout's percent.
owner-holdout-summary = { $percent } % אין דער קאָנטראָל-גרופּע
# What an offer gives, in the list. $count: extra stamps.
owner-gives-stamps =
    { $count ->
        [one] { $count } עקסטרע שטעמפּל
       *[other] { $count } עקסטרע שטעמפּלען
    }
# $multiplier: the text of owner-multiplier.
owner-gives-multiplier = { $multiplier } פּונקטן
# $multiplier: the text of owner-multiplier; $category: the category's name.
owner-gives-category-multiplier = { $multiplier } פּונקטן אויף { $category }
# $item: what is free, as the owner wrote it.
owner-gives-item = אומזיסט: { $item }
# $amount: money off.
owner-gives-amount-off = הנחה פֿון { $amount }
owner-gives-percent-off = הנחה פֿון { $percent } %
# Rules of who an offer is for, inside owner-for-whom (lower case). $count: visits.
owner-rule-min-visits =
    { $count ->
        [one] ווייניקסטנס { $count } באַזוך
       *[other] ווייניקסטנס { $count } באַזוכן
    }
# $amount: money.
owner-rule-min-spend = אויסגעגעבן ווייניקסטנס { $amount }
# $days: days without a visit.
owner-rule-lapsed =
    { $days ->
        [one] ניט געזען { $days } טאָג
       *[other] ניט געזען { $days } טעג
    }
owner-rule-overdue = פֿאַרשפּעטיקט
# $category: the category's name.
owner-rule-category = געקויפֿט { $category }
owner-rule-top = בעסטע קונים
# Headings of an offer's figures: members it is for, held out, and what they did with it.
owner-count-eligible = באַרעכטיקט
owner-count-held-out = קאָנטראָל-גרופּע
owner-count-shown = געוויזן
owner-count-opened = געעפֿנט
owner-count-saved = אָפּגעלייגט
owner-count-dismissed = אָפּגעזאָגט
owner-count-used = גענוצט
owner-pause-offer = אָפּשטעלן
owner-resume-offer = ווידער אָנהייבן
owner-end-offer = פֿאַרענדיקן
# $title: the offer's title.
owner-confirm-end-offer = פֿאַרענדיקן „{ $title }“? די קאַרטלעך וועלן אים מער ניט ווייַזן, און די קאַסע וועט אים מער ניט קענען ניצן. דאָס קען מען ניט צוריקנעמען.
owner-confirm-end-offer-button = פֿאַרענדיקן דעם פֿאָרשלאָג
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
        [adds]
            { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) ->
                [one] גיט צו בערך { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } באַזוך אויף אַ מיטגליד, און דאָס איז מסתּמא ניט קיין צופֿאַל.
               *[other] גיט צו בערך { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } באַזוכן אויף אַ מיטגליד, און דאָס איז מסתּמא ניט קיין צופֿאַל.
            }
        [reduces] מיטגלידער וואָס האָבן אים געקענט זען, זענען געקומען זעלטענער ווי די אין דער קאָנטראָל-גרופּע.
        [no_effect_yet]
            { $more_members ->
                [none] נאָך קיין מעסטלעכע ווירקונג.
                [0] נאָך קיין מעסטלעכע ווירקונג.
                [one] נאָך קיין מעסטלעכע ווירקונג; מע דאַרף נאָך בערך { $more_members } מיטגליד, כּדי צו קענען זאָגן.
               *[other] נאָך קיין מעסטלעכע ווירקונג; מע דאַרף נאָך בערך { $more_members } מיטגלידער, כּדי צו קענען זאָגן.
            }
        [annoys] { $dismissed_percent } % האָבן זיך אָפּגעזאָגט: ער שטערט מער ווי ער העלפֿט.
       *[too_few_members] צו ווייניק מיטגלידער אויף איין זייַט, כּדי שוין צו מעסטן די ווירקונג.
    }{ $verdict ->
        [too_few_members] {""}
       *[other] {" "}באַזוכן אויף אַ מיטגליד: { $visits_change } (95 % אינטערוואַל: { $visits_low } ביז { $visits_high }); אויסגאַבן אויף אַ מיטגליד: { $spend_change } ({ $spend_low } ביז { $spend_high }).
    } אין משך פֿון { $days } { $days ->
        [one] טאָג
       *[other] טעג
    }: { $members } וואָס האָבן אים געקענט זען, קעגן { $held_out } אין דער קאָנטראָל-גרופּע.
# Members whose card shows the offer now, and first.
owner-count-on-cards = אויף קאַרטלעך
owner-count-first-on = אויפֿן ערשטן אָרט
# The offer's window has closed: its result no longer changes.
owner-offer-result-kept = סופֿיקער רעזולטאַט: זייַן צייַט איז פֿאַרבייַ.


## Owner: offers compared

owner-compare-title = ווי די פֿאָרשלאָגן פֿאַרגלייַכן זיך
# Column headings.
owner-compare-offer = פֿאָרשלאָג
owner-compare-visits = באַזוכן אויף אַ מיטגליד
owner-compare-spend = אויסגאַבן אויף אַ מיטגליד
owner-compare-dismissed = אָפּגעזאָגט
owner-compare-verdict = אורטייל
# The verdict in a word or two. $verdict: its code (see owner-offer-effect).
owner-verdict-short =
    { $verdict ->
        [adds] ווירקט
        [reduces] ווייניקער באַזוכן
        [no_effect_yet] נאָך ניט קלאָר
        [annoys] שטערט
       *[too_few_members] צו ווייניק מיטגלידער
    }


## Owner: a member's offers (the member's page)

owner-member-offers-title = די פֿאָרשלאָגן פֿונעם מיטגליד
owner-member-offers-none = קיין לויפֿנדיקער פֿאָרשלאָג איז ניט באַשטימט פֿאַר דעם מיטגליד.
# $place: the offer's place on the member's card (1 is first).
owner-offer-place = נומער { $place } אויפֿן קאַרטל
# Why a running offer is not on the member's card. $withheld: its code.
owner-offer-withheld =
    { $withheld ->
        [held_out] אין דער קאָנטראָל-גרופּע: ווערט קיין מאָל ניט געוויזן, כּדי מע זאָל קענען מעסטן די ווירקונג
        [dismissed] ניט געוויזן: דער מיטגליד האָט זיך אָפּגעזאָגט
        [suppressed] צוריקגעהאַלטן: דער מיטגליד האָט זיך לעצטנס אָפּגעזאָגט פֿון צוויי ענלעכע פֿאָרשלאָגן
        [used_up] ניט געוויזן: אויסגענוצט
        [no_room] ניט געוויזן: זעקס פֿאָרשלאָגן שטייען העכער
       *[unknown] ניט געוויזן
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
        [saved] דער מיטגליד האָט אים אָפּגעלייגט.
        [buys]
            { $of ->
                [one] קויפֿט { $category } בייַ { $count } פֿון { $of } באַזוך.
               *[other] קויפֿט { $category } בייַ { $count } פֿון { $of } באַזוכן.
            }
        [took_kind]
            { $of ->
                [one] האָט גענוצט { $count } פֿון { $of } געוויזענעם פֿאָרשלאָג
               *[other] האָט גענוצט { $count } פֿון { $of } געוויזענע פֿאָרשלאָגן
            } { $gift_kind ->
                [extra_stamps] מיט עקסטרע שטעמפּלען
                [points_multiplier] מיט מער פּונקטן
                [category_multiplier] מיט מער פּונקטן אין אַ קאַטעגאָריע
                [free_item] מיט עפּעס אומזיסט
                [amount_off] מיט אַ סכום הנחה
                [percent_off] מיט אַ פּראָצענט הנחה
               *[other] פֿון דעם סאָרט
            }.
        [skipped_kind]
            { $of ->
                [one] האָט ניט גענוצט דעם { $of } געוויזענעם פֿאָרשלאָג
               *[other] האָט ניט גענוצט קיין איינעם פֿון די { $of } געוויזענע פֿאָרשלאָגן
            } { $gift_kind ->
                [extra_stamps] מיט עקסטרע שטעמפּלען
                [points_multiplier] מיט מער פּונקטן
                [category_multiplier] מיט מער פּונקטן אין אַ קאַטעגאָריע
                [free_item] מיט עפּעס אומזיסט
                [amount_off] מיט אַ סכום הנחה
                [percent_off] מיט אַ פּראָצענט הנחה
               *[other] פֿון דעם סאָרט
            }.
        [buyers] מיטגלידער וואָס קויפֿן { $category } האָבן אים גענוצט אין { $count } % פֿון די פֿאַלן ({ $of } % בייַ אַלע מיטגלידער).
        [peers] מיטגלידער אין „{ $group }“ האָבן אים גענוצט אין { $count } % פֿון די פֿאַלן ({ $of } % בייַ אַלע מיטגלידער).
        [new]
            { $count ->
                [one] נייַ: ביז איצט געוויזן { $count } מיטגליד, דעריבער באַקומט ער נאָך זייַן שאַנס.
               *[other] נייַ: ביז איצט געוויזן { $count } מיטגלידער, דעריבער באַקומט ער נאָך זייַן שאַנס.
            }
        [taken_up]
            { $of ->
                [one] גענוצט: { $count } פֿון { $of } מיטגליד וואָס האָט אים געזען.
               *[other] גענוצט: { $count } פֿון { $of } מיטגלידער וואָס האָבן אים געזען.
            }
       *[other] {""}
    }
