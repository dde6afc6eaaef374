### Regulars: the English messages.
###
### This is the SOURCE LANGUAGE file. Translations into Welsh (cy), Armenian (hy), Yiddish (yi),
### Slovak (sk) and Hungarian (hu) are made from it, one file per language beside this one
### (cy.ftl, hy.ftl, ...), with the same message ids and the same variables. Words, word order
### and variants are yours to change; glossary.md beside this file lists the product's terms.
###
### It was converted from the typed Rust catalogue (app/src/i18n.rs and app/src/i18n/en.rs), and
### a build step checks it against the Rust enums: every variant has a message with the same
### variables. Conventions:
###
### - Ids. One message per enum variant; the id is the variant's name in kebab-case.
###   Msg variants have no prefix (Msg::StorageFailed -> storage-failed), ImportMsg variants
###   start with import-, OwnerMsg with owner-, ImportField with field-, Category with category-.
###   Messages whose id is not a variant are pieces the code puts together (a comment names the
###   message that uses them): wait-seconds, wait-minutes.
### - Inner enums. Where the English depends on an inner enum value (a program kind, a reason
###   code, a gift kind, a status ...), the message selects on a string variable holding that
###   value's stable code, e.g. { $kind -> [stamps] ... *[points] ... }. Where the inner enum has
###   messages of its own (weekday, segment-name, review-flag, owner-multiplier, the field- and
###   category- messages ...), nothing is referenced: the code puts that message's text in a
###   variable, and a comment says which message it comes from.
### - Variables are $snake_case names for what they hold; a variant's named fields keep their
###   names ($count, $balance, $reward ...).
### - Numbers are passed as numbers (the app formats them with Intl.NumberFormat). Every number
###   that decides a plural form is a selector with CLDR plural categories: in English [one] and
###   *[other], e.g. { $count -> [one] { $count } stamp *[other] { $count } stamps }. Use your
###   language's own categories (cy: zero, one, two, few, many, other; sk: one, few, many, other;
###   hy, hu: one, other; yi: one, other). A key that is a number ([0], [2]) matches that exact
###   number and comes before the categories.
###   Where English says the same word for every number, there is no selector; a comment says
###   "a count", and you may add a selector if your language needs one.
### - Dates, times and money are passed already formatted, as strings: $date ("23 Nov 2026"),
###   $date_time ("23 Nov 2026, 14:05"), $time ("14:05"), $amount or $money ("4.50 EUR").
###   Never write a month name or a currency here.
### - An optional value that is absent is passed as the string "none" and selected on:
###   { $money -> [none] ... *[other] ... }.
### - A number whose English shows its sign (+3, -2) is passed as its absolute value, with
###   $sign = plus, minus or zero (and none when there is no number at all).
### - Where the code builds a sentence from pieces, each piece has its own message, and a comment
###   names the variant that uses it.
### - Text that is the same in every language and is not prose (stable tags, codes, a name shown
###   as it is) is not in this file; a "# not translated:" comment names those variants.
### - Who reads a message is in the section heading or the comment above it: the SHOPPER (on their
###   phone, the loyalty card), the CASHIER (at the till, a tablet in the shop) or the OWNER (the
###   shop owner's admin pages).
### - Keep the typographic characters where your language uses them: … (ellipsis), “ ” (quotes),
###   — (dash), · (middle dot). What a comment calls a code, a column name, an address or a
###   command is typed by people or read by machines: keep it as it is.


## General: every page (shopper, cashier and owner)

loading = Loading…
network-down = No connection to the server. Check the signal and try again.
unexpected-answer = The server sent an answer this app does not understand. Reload the page.
# $detail: the browser's own error message (often in English).
storage-failed = This browser could not use its storage ({ $detail }).
not-found-title = Page not found
not-found-body = There is nothing at this address. The link may be mistyped or out of date.
# A link back to the shopper's list of loyalty cards.
go-to-my-cards = Go to my cards
# The unit alone, shown after a number that stands apart from it (a large balance on the card,
# the till's balance).
# $kind: stamps or points (how the shop's program counts); $count: the number it goes with.
unit =
    { $kind ->
        [stamps]
            { $count ->
                [one] stamp
               *[other] stamps
            }
       *[points]
            { $count ->
                [one] point
               *[other] points
            }
    }
# A number with its unit: "3 stamps", "120 points".
# $kind: stamps or points; $count: the number.
amount =
    { $kind ->
        [stamps]
            { $count ->
                [one] { $count } stamp
               *[other] { $count } stamps
            }
       *[points]
            { $count ->
                [one] { $count } point
               *[other] { $count } points
            }
    }


## Wallet: the shopper's list of cards (one card per shop)

my-cards = My cards
no-cards-yet = No cards yet
no-cards-hint = Scan the poster at a shop's counter to join its loyalty program.


## Join: the shopper joins a shop's program (from the poster's QR code or a join link)

# The button that makes the shopper a member.
join = Join
joining = Joining…
open-my-card = Open my card
already-member = This phone already holds your card for this shop.
# What the program offers, in one sentence: on the join page, the shop's poster and a printed
# card (the pitch() helper; without an active reward the code uses join-pitch-no-reward).
# $kind: stamps or points; $cost: what the first reward costs; $reward: the reward's name as the
# owner wrote it ("Free coffee").
join-pitch =
    { $kind ->
        [stamps]
            { $cost ->
                [one] Collect { $cost } stamp and get { $reward }.
               *[other] Collect { $cost } stamps and get { $reward }.
            }
       *[points]
            { $cost ->
                [one] Collect { $cost } point and get { $reward }.
               *[other] Collect { $cost } points and get { $reward }.
            }
    }
# The pitch when the program has no active reward. $kind: stamps or points.
join-pitch-no-reward =
    { $kind ->
        [stamps] Collect a stamp with every visit.
       *[points] Collect points with every purchase.
    }
join-promise = Free. No app and no password: your card stays on this phone.


## Card: the shopper's loyalty card

# The accessible name of the card's QR code (read by screen readers).
card-qr-label = Card QR code
brightness-hint = Turn your screen brightness up so the cashier can scan it.
# The caption above the card's code written out in letters, under the QR code.
card-code-caption = Card code
# The card has enough for a reward.
ready-to-redeem = Ready to redeem
# How many more are needed for the next reward. $kind: stamps or points; $count: how many more.
more-to-go =
    { $kind ->
        [stamps]
            { $count ->
                [one] { $count } more stamp
               *[other] { $count } more stamps
            }
       *[points]
            { $count ->
                [one] { $count } more point
               *[other] { $count } more points
            }
    }
rewards-heading = Rewards
history-heading = History
no-history = Nothing yet. Your visits will show here.

# History lines: on the shopper's card, and also in the till's last actions and outbox and the
# owner's dashboard. $sign: plus, minus or zero; the number beside it is without its sign.

# Stamps given (or taken back). $count: how many.
hist-stamps =
    { $sign ->
        [plus]
            { $count ->
                [one] +{ $count } stamp
               *[other] +{ $count } stamps
            }
        [minus]
            { $count ->
                [one] -{ $count } stamp
               *[other] -{ $count } stamps
            }
       *[zero] { $count } stamps
    }
# Points earned, with what was spent when the till recorded it.
# $points: how many; $money: the purchase's amount, or none.
hist-points =
    { $sign ->
        [plus]
            { $points ->
                [one] +{ $points } point
               *[other] +{ $points } points
            }
        [minus]
            { $points ->
                [one] -{ $points } point
               *[other] -{ $points } points
            }
       *[zero] { $points } points
    }{ $money ->
        [none] {""}
       *[other] {" "}({ $money })
    }
# A reward handed over. $reward: the reward's name, or none when it is not known any more;
# $cost: the stamps or points it took off (the minus sign is written here).
hist-redeemed =
    { $reward ->
        [none] Redeemed a reward (-{ $cost })
       *[other] Redeemed { $reward } (-{ $cost })
    }
# A correction of the balance. $delta: by how much (with $sign).
# $reason: why, as a code when Regulars made the correction itself (code_failed,
# redemption_not_covered, unproven_staff, card_blocked, offer_not_covered); any other text is
# the shop's own words, shown as they are.
hist-adjustment =
    Correction { $sign ->
        [plus] +{ $delta }
        [minus] -{ $delta }
       *[zero] { $delta }
    }: { $reason ->
        [code_failed] the card's code did not check out
        [redemption_not_covered] a reward the card could not cover
        [unproven_staff] not proved to be by a staff member
        [card_blocked] the card was blocked
        [offer_not_covered] an offer the card could not use
       *[other] { $reason }
    }
# An earlier action undone at the till. $delta: by how much (with $sign); $reason: the words
# the staff member typed, or the text of undo-reason.
hist-reversal =
    Undone { $sign ->
        [plus] +{ $delta }
        [minus] -{ $delta }
       *[zero] { $delta }
    }: { $reason }
# A link to the shopper's profile page.
profile = Profile
all-cards = All cards
# $date_time: when the card last synced with the server.
last-synced = Last synced { $date_time }
syncing = Syncing…
offline-note = Offline. Your card works without signal: show this code at the till.
card-not-on-phone = This card is not on this phone.
card-revoked = The shop no longer recognises this card.
# The accessible name of the stamp grid. $filled: stamps collected; $size: stamps the grid holds
# (a count: English says "stamps" for every number).
stamp-grid-label = { $filled } of { $size } stamps


## Profile: the shopper's name and e-mail (first-name and email are also labels on owner pages)

profile-title = Your profile
profile-intro = Both are optional. The shop uses them to greet you by name.
first-name = First name
email = Email
save-profile = Save profile
profile-saved = Profile saved
back-to-card = Back to my card


## Till: pairing the tablet and serving a customer (read by the CASHIER)

pair-title = Pair this tablet
pair-intro = Ask the owner for a pairing code: they create one on the admin page.
pairing-code = Pairing code
# A button.
pair-tablet = Pair tablet
pairing = Pairing…
unpaired = This tablet was unpaired. Pair it again to continue.
# The label of the field where the cashier types or scans a card's code.
card-code = Card code
find-card = Find card
scan-hint = Scan the customer's card or type its code.
# Stands for the customer's name when they gave no first name.
member = Member
balance = Balance
# Buttons beside the number of stamps to give (accessible names of − and +).
fewer-stamps = Fewer stamps
more-stamps = More stamps
# The button that gives the stamps. $count: how many.
give-stamps =
    { $count ->
        [one] Give { $count } stamp
       *[other] Give { $count } stamps
    }
purchase-amount = Purchase amount
purchase-amount-optional = Amount (optional)
add-points = Add points
# What the amount typed earns, shown beside it. $points: the points.
points-preview =
    { $points ->
        [one] = { $points } point
       *[other] = { $points } points
    }
# Write the example with your language's decimal separator: the till accepts 12.50 and 12,50.
invalid-amount = Type the amount paid, for example 12.50.
# The label of the purchase's category (one-tap chips).
category-label = Category (optional)

# not translated: CategoryName(Category). The code uses the category- messages (## Purchase categories).

# A button. $reward: the reward's name as the owner wrote it.
redeem = Redeem { $reward }
# $count: stamps just given; $balance: the card's balance after.
stamps-given =
    { $count ->
        [one] { $count } stamp given. Balance: { $balance }
       *[other] { $count } stamps given. Balance: { $balance }
    }
# $points: points just added; $balance: the card's balance after.
points-added =
    { $points ->
        [one] { $points } point added. Balance: { $balance }
       *[other] { $points } points added. Balance: { $balance }
    }
# $reward: the reward's name; $balance: the card's balance after.
reward-redeemed = { $reward } redeemed. Balance: { $balance }
no-result = The server did not confirm this. Try again.
next-customer = Next customer


## Till: the camera and the sounds (CASHIER)

camera-title = Camera
scan-with-camera = Scan with camera
# The accessible name of the live camera picture.
camera-view = Camera view
camera-starting = Starting the camera…
camera-aim = Hold the card's code inside the frame.
switch-camera = Switch camera
# The camera's light (a flashlight).
torch = Torch
close-camera = Close camera
camera-insecure = The camera only works on a secure (https) address. Type the code, or use a USB or Bluetooth scanner.
camera-denied = The camera is blocked for this site. Allow it in the browser's site settings to scan with it; meanwhile type the code, or use a USB or Bluetooth scanner.
camera-missing = No camera was found on this device. Type the code, or use a USB or Bluetooth scanner.
camera-in-use = Another app is using the camera. Close it and try again, or type the code.
camera-decoder-failed = The camera cannot read codes right now. Reload the page, or type the code.
# $detail: the browser's own words for the failure (often in English).
camera-failed = The camera could not start ({ $detail }). Type the code, or use a USB or Bluetooth scanner.
sound = Sound
sound-on-hint = Sounds are on: a chime confirms, a low tone refuses. Press to mute.
sound-off-hint = Sounds are off. Press to turn them on.


## Till: checking a card's code (CASHIER)

# A text that cannot be a card code (checked on the tablet, also offline).
# $error: code_empty, code_too_long, code_unknown_format, code_bad_characters or code_wrong_length.
bad-code =
    { $error ->
        [code_empty] No code was entered.
        [code_too_long] The code is too long to be a Regulars card.
        [code_bad_characters] The code has characters a Regulars card never shows.
        [code_wrong_length] The code is cut short or has extra characters.
       *[code_unknown_format] This is not a Regulars card code.
    }
# A well-formed card code the till does not accept. The shopper is the customer in front of the
# cashier. $reason: code_unsigned, card_has_no_key, code_bad_signature, code_expired,
# code_from_the_future, code_used, printed_card_cannot_redeem or code_missing.
code-refused =
    { $reason ->
        [code_unsigned] This is an old card code that anyone could copy. Ask the shopper to open their card so it shows a new one.
        [card_has_no_key] This card has no key yet. Ask the shopper to open their card while online.
        [code_expired] This code has expired. Ask the shopper to show the card again (a screenshot stops working).
        [code_from_the_future] This code is from the future: the phone's or the tablet's clock is wrong.
        [code_used] This code was already used. Ask the shopper to show the card again.
        [printed_card_cannot_redeem] A printed card collects stamps and points, but rewards need the card on a phone.
        [code_missing] No card code came with this. Scan the card.
       *[code_bad_signature] This code was not made by this card: it may be forged or damaged.
    }
# A note under the customer: how the scanned code proved itself.
# $check: signed (the phone's live code), printed (a printed card) or unverified.
code-check-note =
    { $check ->
        [printed] Printed card: stamps and points only
        [unverified] Not checked yet (offline, new card): stamps only
       *[signed] Card checked
    }
redeem-needs-phone = Rewards need the card's live code on the shopper's phone.


## Owner: changing the password

change-password = Change password
current-password = Current password
new-password = New password (at least 10 characters)
password-too-short = The new password needs at least 10 characters.
password-changed = Password changed. Other devices were logged out.


## Till: the customer on screen (CASHIER)

card-blocked = This card has been blocked by the shop. Do not give stamps or points.
# Beside the balance when the tablet is offline.
offline-last-known = Offline: last known balance
not-in-directory = Not in this tablet's list yet. Stamps will be checked when the connection is back.
redeem-needs-connection = Redeeming needs a connection


## Till: sync and the outbox (CASHIER)

online = Online
offline = Offline
# $count: actions given on this tablet that the server does not have yet (a count).
to-sync = { $count } to sync
# $count: actions the server refused (a count).
rejected-count = { $count } refused
# The button that opens the list of actions waiting to sync.
outbox = Outbox
outbox-title = Outbox
outbox-intro = Stamps and points given on this tablet wait here until the server has them.
outbox-empty = Everything is synced.
close-outbox = Close
waiting-to-sync = Waiting to sync
# $reason: the server's own words (often in English) or its code.
rejected-because = Refused: { $reason }
# $reason: the server's own words (often in English).
held-because = The server could not take this one yet ({ $reason }). The others go on; it is tried again.
# $count: actions the server could not take yet (a count).
held-count = { $count } held
unreadable-record = A record this tablet could no longer read, kept as found
# A card named by the start of its id. $short_id: 8 letters and digits.
card-short-id = Card { $short_id }…
earlier-pairing = Given before this tablet was paired again, and the server does not have it: it was not counted.
saving = Saving…


## Owner: setting up the program and logging in

setup-title = Set up your loyalty program
setup-intro = It takes a minute, and you can change everything later.
password = Password
password-hint = At least 10 characters.
shop-name = Shop name
brand-colour = Brand colour
# OWNER, setup and settings: under the brand colour, what colour the text on it will be and how
# well it reads. $ink: white or dark (the text colour the app derives for the colour);
# $ratio: the contrast ratio, a number with one decimal (5.9 means 5.9:1).
brand-ink =
    Text on it will be { $ink ->
        [white] white
       *[dark] black
    } (contrast { NUMBER($ratio, minimumFractionDigits: 1, maximumFractionDigits: 1) }:1, meets WCAG AA).
# OWNER: sample text shown on the brand colour, under the colour field.
brand-ink-sample = Sample text on your colour
# How members earn: a choice between stamps and points.
program-type = Program type
stamps = Stamps
points = Points
reward-name = Reward name
# An example in the empty reward name field: write a typical first reward in your language.
reward-name-placeholder = Free coffee
stamps-per-reward = Stamps per reward
points-per-reward = Points per reward
# $currency: the shop's currency code (EUR, GBP, HUF ...).
points-per-unit = Points per 1 { $currency } spent
create-program = Create program
have-account = I already have an account
# The heading of the login form.
login-title = Log in
# The login button.
log-in = Log in
create-new-program = Create a new program


## Owner: the dashboard

# $count: members of the program.
members =
    { $count ->
        [one] { $count } member
       *[other] { $count } members
    }
join-link-label = Join link
print-poster = Print join poster
tablets-heading = Tablets
create-pairing-code = Create pairing code
# When the pairing code stops working. $time: a time of day.
pairing-expires = Expires at { $time }
# /staff is the address to open; keep it as it is.
pairing-help = Open /staff on the tablet and type this code.


## Owner: rewards

edit = Edit
# Take a reward out of the program (it can be reactivated).
retire = Retire
reactivate = Reactivate
# A tag on a retired reward.
retired = Retired
new-reward-name = New reward name
new-reward-cost = New reward cost
add-reward = Add reward
reward-cost = Reward cost
save-reward = Save reward
cancel = Cancel


## Owner: settings and review

settings-heading = Settings
currency = Currency
time-zone = Time zone
stamps-per-visit = Stamps per visit
# The label of the offline redemption limit. $kind: stamps or points.
offline-redemption-max =
    { $kind ->
        [stamps] Redeem offline up to (stamps)
       *[points] Redeem offline up to (points)
    }
offline-redemption-hint = Tablets without a connection may hand over rewards costing up to this. 0: only online.
save-settings = Save settings
# Everyone: a new version of the app was downloaded (reload-to-update is its button).
update-available = A new version of Regulars is ready.
# A list of till actions the server marked for the owner.
review-heading = Needs review
review-empty = Nothing to review.
# Why the server marked a till action for the owner's review: a phrase starting in lower case,
# shown after the action in Needs review; the till joins several with "; " (server-flagged).
# "you" and "your" are the owner. $flag: the flag's code; a code this version does not know is
# passed with its underscores turned into spaces and shown as it is.
review-flag =
    { $flag ->
        [double_redemption] redeemed offline without enough on the card
        [compensation] added by Regulars to balance another event
        [clock_skew] the tablet's clock was far off
        [bad_clock] the tablet's time was impossible: the time it reached the server is used
        [backdated] dated long before the tablet's last sync
        [offline_not_allowed] redeemed offline above your offline limit
        [reward_retired] the reward was already retired
        [reward_cost_changed] redeemed at another cost than the reward's
        [card_daily_limit] over your limit of stamps per card per day
        [staff_hourly_limit] over your limit of stamps per staff member per hour
        [unverified] the card's code could not be checked
        [code_missing] no card code came with it
        [code_unsigned] the old copyable card code
        [card_has_no_key] the card had no key yet
        [code_bad_signature] a forged or damaged card code
        [code_expired] an expired card code
        [code_from_the_future] a card code from the future
        [code_used] a card code already used at another till
        [printed_card_cannot_redeem] a reward on a printed card
        [unproven_staff] nothing proved which staff member did it
        [staff_deactivated] in the name of a staff member you had deactivated
        [reverses_redemption] gave back a redeemed reward's stamps or points
        [reverses_compensation] undid a balancing entry by Regulars
        [before_block] made before you blocked the card
        [device_revoked] made on a tablet before you unpaired it
        [held_too_long] the customer had been scanned too long before
        [offer_used_up] an offer used more often than one member may
        [offer_not_for_card] an offer used for a member it was not meant for
        [offer_not_valid] an offer used outside its dates or hours, or while paused or ended
       *[other] { $flag }
    }
# The button of update-available.
reload-to-update = Reload
settings-saved = Settings saved
log-out = Log out
# $field: the text of the field's label (stamps-per-reward, points-per-reward, ...).
whole-number-needed = { $field } must be a whole number above zero.


## Poster: the join poster the owner prints for the counter

# The poster's headline, above the QR code, for shoppers.
scan-to-join = Scan to join
print = Print
# The accessible name of the poster's QR code.
join-qr-label = Join QR code
back-to-dashboard = Back to dashboard
need-login = Log in to see this page.
go-to-admin = Go to the admin page


## Card: the card's secure key and its recovery code (SHOPPER)

no-web-crypto = This browser cannot make a secure card here. Open the page over HTTPS in an up-to-date browser.
# $detail: the browser's own words (often in English).
card-key-failed = This phone could not make or use your card's secure key ({ $detail }).
recovery-heading = Your recovery code
recovery-write-down = Write this down: it moves your card to a new phone.
recovery-keep-private = Anyone with this code can take your card, so keep it to yourself. Your profile shows it again.
done = Done
# The shop made or moved the card, but the phone's storage could not keep it.
# $why: the browser's own words; $code: the card's recovery code, or none.
# "Move a card to this phone" is the text of move-card-here: keep the two the same.
card-not-kept =
    { $code ->
        [none] The shop has your card, but this phone could not keep it ({ $why }).
       *[other] The shop has your card, but this phone could not keep it ({ $why }). Your recovery code is { $code }: write it down, then use it under "Move a card to this phone".
    }
recovery-replaced = Your card is on this phone now, and your old recovery code no longer works.
move-card-here = Move a card to this phone
recover-intro = Type the recovery code you wrote down when you joined. The card moves to this phone and stops working on the old one.
recovery-code-label = Recovery code
move-card = Move card
moving-card = Moving card…
recovery-code-empty = Type your recovery code.
recovery-code-wrong = This recovery code is wrong, or a newer one has replaced it. Check it and try again.
# Also on the owner's password reset page.
too-many-tries = Too many tries. Wait a few minutes, then try again.
# A countdown under the card's QR code. $seconds: seconds left ("s" is the unit's symbol).
new-code-in = New code in { $seconds } s
preparing-code = Making your card's code…
code-needs-connection = Your card needs a connection once to turn on its secure code. Connect to the internet and open it again.
key-not-on-phone = This card's key is not on this phone, so it cannot show a code here. If you changed phones or cleared the browser's data, set the card up again with its recovery code.
repair-card = Set up the card again
repairing-card = Setting up…
card-no-longer-here = This card no longer works on this phone: it was moved to another phone, or the shop no longer recognises it.
card-blocked-by-shop = The shop has blocked this card.
no-recovery-code = This phone has no recovery code for this card. Make one and write it down: it moves your card to a new phone.
make-recovery-code = Make a new recovery code
recovery-code-made = New recovery code made. Write it down.


## Owner: members and printed cards

members-heading = Members
members-link = Members and printed cards
members-empty = No members yet.
# $date: the day the member joined.
member-since = Joined { $date }
# Tags on a member's row.
printed-card-tag = Printed card
blocked-tag = Blocked
block-card = Block card
# $name: the member's first name, or the text of unnamed-member.
confirm-block = Block { $name }'s card? Tills will refuse it from now on. This cannot be undone.
confirm-block-button = Yes, block card
# $name: the member's first name, or the text of unnamed-member.
card-blocked-done = { $name }'s card is blocked.
make-printed-card = Make a printed card
printed-card-intro = For a customer without a smartphone: a card to print, good for collecting only. Rewards need the card on a phone.
printed-card-qr-label = Printed card QR code
# What a printed card can do, printed on it. $kind: stamps or points.
printed-card-only =
    { $kind ->
        [stamps] Stamps only
       *[points] Points only
    }
printed-card-made = Printed card made. Print it and hand it over.
# A member without a first name. $short_id: the first 8 letters and digits of their card's id.
unnamed-member = Member { $short_id }


## Till: who is at the till, PINs and warnings (CASHIER)

# The till's header. $name: the staff member at the till.
acting-as = At the till: { $name }
# A button: another staff member takes over the till.
switch-staff = Switch
switch-title = Who is at the till?
no-staff-with-pin = Nobody has a PIN yet. The owner adds staff and their PINs on the admin page.
switch-needs-connection = Managers and the owner switch in with the server: connect the tablet and try again.
scan-again = This customer was scanned more than 15 minutes ago. Scan their card again.
redemption-checking = Checking the reward with the server… Hand it over once this says it is redeemed.
# $flags: the texts of review-flag, joined with "; ".
server-flagged = Regulars flagged this for the owner: { $flags }.
# A history line (card, till, owner) for an action this version of the app does not know.
hist-unknown = Something this version of the app cannot show yet
# The PIN pad's heading. $name: the staff member picked.
pin-for = PIN for { $name }
# The PIN pad's key that deletes the last digit.
pin-delete = Delete digit
pin-confirm = Confirm
pin-checking = Checking…
# A button under the staff members' names.
other-staff = Someone else
close = Close
# $left: how many more wrong PINs pause the till.
pin-wrong =
    { $left ->
        [one] Wrong PIN. { $left } more wrong PIN and the till pauses.
       *[other] Wrong PIN. { $left } more wrong PINs and the till pauses.
    }
# $wait: the text of wait-seconds or wait-minutes.
pin-paused = Too many wrong PINs. Try again in { $wait }.
# A piece of pin-paused: a wait under a minute. $seconds: 1 to 59.
wait-seconds =
    { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }
# A piece of pin-paused: a wait of a minute or more, rounded up. $minutes: the minutes.
wait-minutes =
    { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
pin-unpair-pending = Wrong PIN 10 times in a row. This tablet is locked and will be unpaired as soon as it is back online.
# $name: the staff member now at the till.
switched-to = { $name } is at the till.
nobody-at-till = Switch to a staff member to continue.


## Till: the last actions, undo and reverse (CASHIER)

recent-heading = Last 10 actions
recent-empty = Nothing yet on this tablet.
# A cashier takes back their own last action (within two minutes).
undo = Undo
# A manager takes back any action, with a reason.
reverse = Reverse
reverse-reason = Reason
confirm-reverse = Reverse it
# The reason stored with a cashier's undo; the history shows it in hist-reversal.
undo-reason = Undone at the till
undone = Undone.
# $balance: the card's balance after the undo.
undone-balance = Undone. Balance: { $balance }
# $balance: the customer's balance after what the server did.
balance-now = Balance now: { $balance }.
# A tag on an undone action (lower case).
undone-tag = undone
reason-needed = Give a reason for the reversal.
# After an action: who did it. $name: the staff member.
by-staff = by { $name }


## Owner: staff

staff-heading = Staff
# The label of a staff member's name.
staff-name = Name
staff-role-label = Role
# A staff member's role. $role: owner, manager or cashier.
role-name =
    { $role ->
        [owner] Owner
        [manager] Manager
       *[cashier] Cashier
    }
pin = PIN
pin-hint = 4 to 6 digits: they type it on the tablet to switch in. Managers may also reverse any action.
new-pin-optional = New PIN (optional)
add-staff = Add staff member
save-staff = Save
# Stops a staff member from using the tills.
deactivate = Deactivate
deactivated-tag = Deactivated
no-pin-tag = no PIN yet
# $name: the staff member.
staff-added = { $name } can now switch in on the tablets.
# $name: the staff member.
staff-saved = { $name } saved.
pin-must-be-digits = The PIN must be 4 to 6 digits.


## Owner: paired tablets

devices-heading = Paired tablets
no-devices = No tablet is paired yet.
# $date_time: when the tablet last reached the server.
last-seen = Last seen { $date_time }
never-seen = Not seen yet
# $date: the day the tablet was paired.
paired-on = Paired { $date }
unpair-device = Unpair
# $date_time: when the owner unpaired the tablet.
unpaired-on = Unpaired { $date_time }
refresh = Refresh


## Owner: limits and unusual activity

# The label of a limit. $kind: stamps or points (a points program limits purchases).
card-daily-limit =
    { $kind ->
        [stamps] Most stamps per card per day
       *[points] Most purchases per card per day
    }
# The label of a limit. $kind: stamps or points.
staff-hourly-limit =
    { $kind ->
        [stamps] Most stamps per staff member per hour
       *[points] Most purchases per staff member per hour
    }
# "Needs review" is the text of review-heading.
limits-hint = Over a limit, stamps are still given, and flagged under Needs review. 0: no limit.
# $days: the days looked at (a count).
anomalies-heading = Unusual in the last { $days } days
no-anomalies = Nothing unusual.
# When a card is listed as unusual. $min: the least visits (a count); $factor: how many times
# more than the typical card; $typical: the typical card's visits.
card-anomaly-rule = A card shows here with at least { $min } visits and more than { $factor } times the visits of your typical card ({ $typical }): it may be shared, or stamped without a purchase.
# When a staff member is listed as unusual. $min: the least rewards handed over (a count);
# $factor: how many times more than everyone else.
staff-anomaly-rule = A staff member shows here after at least { $min } rewards handed over, at { $factor } times or more everyone else's rewards per visit: they may be giving rewards away.
# An unusual card. $who: the member's first name, or the text of card-short-id; $visits: a count.
card-anomaly = { $who }: { $visits } visits
# An unusual staff member. $name: the staff member; $redemptions: rewards handed over (a count);
# $percent: rewards per 100 actions; $others: everyone else's rewards per 100 actions.
staff-anomaly = { $name }: { $redemptions } rewards, { $percent } per 100 actions (everyone else: { $others })


## Card: the recommend question (SHOPPER, after a visit)

# $shop: the shop's name.
nps-question = How likely are you to recommend { $shop } to a friend?
# The two ends of the 0 to 10 scale.
nps-not-likely = 0: not at all likely
nps-very-likely = 10: extremely likely
nps-comment-label = Anything you would like to tell us? (optional)
# $count: characters typed; $max: the most allowed (500, a count).
nps-comment-count = { $count } of { $max } characters
nps-send = Send my answer
nps-not-now = Not now
nps-pick-score = Pick a number from 0 to 10 first.
nps-thanks = Thank you! Your answer reaches the shop as soon as your phone is online.
# Why an answer was not saved. $refusal: invalid_score, comment_too_long, answered_recently,
# another code, or none; $max: the most characters a comment may have (500, a count);
# $days: how often the card asks (90, a count); $reason: the server's own words (often in
# English), or none.
nps-refused =
    { $refusal ->
        [invalid_score] Your answer was not saved: pick a number from 0 to 10.
        [comment_too_long] Your answer was not saved: a comment can be at most { $max } characters.
        [answered_recently] You already answered in the last { $days } days. Thank you, once is enough!
       *[other]
            { $reason ->
                [none] Your answer could not be saved.
               *[other] Your answer could not be saved: { $reason }.
            }
    }
# The button that closes nps-refused.
nps-refused-read = OK


## Owner: Insights, the recommend question (Net Promoter Score)

nps-title = Would they recommend you?
nps-score = Net Promoter Score
# How many answered 9-10, 7-8 and 0-6.
nps-groups =
    { $promoters ->
        [one] { $promoters } promoter
       *[other] { $promoters } promoters
    } (9-10), { $passives ->
        [one] { $passives } passive
       *[other] { $passives } passives
    } (7-8), { $detractors ->
        [one] { $detractors } detractor
       *[other] { $detractors } detractors
    } (0-6)
nps-no-answers = No answers in this period yet. After a visit, each member's card asks once every 90 days how likely they are to recommend you.
# $score: the Net Promoter Score (-100 to 100); $answers: the answers it stands on.
nps-sentence =
    { $answers ->
        [one] From { $answers } answer: the share who would recommend you (9-10) minus the share who would not (0-6) is { $score }. Above 0 means more fans than critics.
       *[other] From { $answers } answers: the share who would recommend you (9-10) minus the share who would not (0-6) is { $score }. Above 0 means more fans than critics.
    }
nps-by-month = Score by month
nps-comments = What they said (least happy first)
nps-no-comments = No comments in this period.
# One member's answer. $score: 0 to 10.
nps-answer-score = { $score } of 10
nps-member-none = Has not answered the recommend question yet.


## Owner: Insights, predicted value (customer lifetime value)

clv-title = Predicted value
# $date: the last day of the visits the model was fitted on; $members: members with a visit by
# then; $returned: those of them who came back (a count).
clv-as-of =
    { $members ->
        [one] Fitted on the visits up to { $date }: { $members } member, { $returned } of whom came back.
       *[other] Fitted on the visits up to { $date }: { $members } members, { $returned } of whom came back.
    }
# $have: members who came back so far; $need: how many predictions need (both counts).
clv-too-few = Predictions need at least { $need } members who came back; { $have } have so far. Keep stamping: they come with the history.
clv-not-converged = The model could not be fitted on your visits yet, so no predictions are shown. They come with more history.
# $have: returning members who recorded an amount; $need: how many are needed (both counts).
clv-no-amounts = Visits are predicted, spend is not: only { $have } returning members recorded an amount ({ $need } are needed).
# $weeks: a number shown with one decimal ("2.5"); with a decimal shown, English always takes
# *[other], but your language may have a form for decimals (sk: many).
clv-rhythm =
    { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) ->
        [one] While they keep coming, a typical member comes about every { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) } week.
       *[other] While they keep coming, a typical member comes about every { NUMBER($weeks, minimumFractionDigits: 1, maximumFractionDigits: 1) } weeks.
    }
# $percent: the chance, in percent.
clv-dropout = After each visit there is about a { $percent } % chance that a member stops coming.
# $amount: money.
clv-spend-per-visit = A typical visit is worth about { $amount }.
# A list's heading. $count: how many members it lists (a count).
clv-top-title = Your { $count } most valuable regulars
clv-drifting-title = Valuable regulars who may be drifting away
clv-none-drifting = None of your valuable regulars looks to be drifting away.
# Column headings of the lists.
clv-column-visits = Visits
# The member's favourite category.
clv-column-favourite = Favourite
clv-column-active = Still active
# The predicted spend in the next 12 months.
clv-column-predicted = Next 12 months
# On a member's page. $active: the chance they still come, in percent; $visits: visits expected,
# shown with one decimal (English always takes *[other] then); $spend: money expected in the
# next 12 months, or none.
clv-member-line =
    { $spend ->
        [none]
            { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) ->
                [one] { $active } % likely still a regular; about { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } visit expected in the next 90 days.
               *[other] { $active } % likely still a regular; about { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } visits expected in the next 90 days.
            }
       *[other]
            { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) ->
                [one] { $active } % likely still a regular; about { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } visit expected in the next 90 days and { $spend } in the next 12 months.
               *[other] { $active } % likely still a regular; about { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } visits expected in the next 90 days and { $spend } in the next 12 months.
            }
    }
# On a member's page. $rank: their place in the list (1 is the most valuable).
clv-member-top = Number { $rank } of your most valuable regulars.
clv-check-title = How well the model predicts
# $as_of: the last day of the visits the model was fitted on; $predicted: return visits it
# expected; $weeks: the weeks looked at after that day; $actual: return visits made (a count).
clv-check-sentence =
    Fitted on the visits up to { $as_of }, the model expected { $predicted } return { $predicted ->
        [one] visit
       *[other] visits
    } from those members in the { $weeks } { $weeks ->
        [one] week
       *[other] weeks
    } after; they made { $actual }.
# One week of the check (a row of a table). $week: the week's number; $predicted: visits
# expected; $actual: visits made, both by the end of that week.
clv-check-week = Week { $week }: { $predicted } expected, { $actual } made (so far)
clv-member-drifting = A valuable regular who may be drifting away.


## Owner: Insights

insights-link = Insights
insights-title = Insights
# $name: the category's name; $percent: its share of the period's purchases.
top-category = { $name } is { $percent } % of what members bought.
# The label of a choice: the heatmap shows every member's visits or only the top customers'.
heatmap-of = Whose visits
every-member = Every member (this period)
# The first and last day of the period shown.
period-from = From
period-to = To
show-period = Show these days
# $count: days (a count).
last-days = Last { $count } days
# The headline figures.
figure-members = Members
figure-new-members = New members
figure-active-members = Active members
figure-visits = Visits
figure-repeat-rate = Came back within 30 days
figure-visits-per-active = Visits per active member
figure-average-spend = Average spend per visit
figure-revenue = Member revenue
figure-rewards = Rewards redeemed
# Under a figure: its value in the period before, and the change.
# $value: the earlier value, already formatted (a number, money or a percentage);
# $sign: plus, minus, zero, or none when there is no change to show; $percent: the change in
# percent, without its sign.
before =
    { $sign ->
        [plus] was { $value } (+{ $percent } %)
        [minus] was { $value } (-{ $percent } %)
        [zero] was { $value } ({ $percent } %)
       *[none] was { $value }
    }
no-amounts-yet = No purchase amounts recorded yet: the till can take an amount with each stamp.
# Stands for a figure that has no value (nobody new). Keep, or use your language's dash.
nobody-new = —
weekly-visits = Visits per week
# $sign: plus (visits rose), minus (fell), zero (the same), or none (no visits in the period
# before); $percent: the change in percent, without its sign.
visits-trend =
    { $sign ->
        [plus] Visits rose { $percent } % on the period before.
        [minus] Visits fell { $percent } % on the period before.
        [zero] As many visits as in the period before.
       *[none] No visits in the period before to compare with.
    }
when-they-come = When they come
# $weekday: the text of weekday; $from_time, $to_time: the hour's start and end ("14:00", "15:00").
busiest-slot = The busiest hour is { $weekday } { $from_time }-{ $to_time }.
# $first_day: the text of weekday; $last_day: the text of weekday, or none when they come
# mostly on one day; $from_time, $to_time: the hours ("09:00", "12:00").
top-customers-come =
    { $last_day ->
        [none] Your top customers come mostly on { $first_day }, { $from_time }-{ $to_time }.
       *[other] Your top customers come mostly { $first_day } to { $last_day }, { $from_time }-{ $to_time }.
    }
no-visits-yet = No visits in this period yet.
# A day of the week: a label (a chart's row, the offer form's day boxes) and a word inside
# busiest-slot, top-customers-come and offer-when.
# $day: monday, tuesday, wednesday, thursday, friday, saturday or sunday.
weekday =
    { $day ->
        [monday] Monday
        [tuesday] Tuesday
        [wednesday] Wednesday
        [thursday] Thursday
        [friday] Friday
        [saturday] Saturday
        [sunday] Sunday
       *[other] ?
    }
segments-title = Segments
# The name of a group of members (RFM segments: by how recently, how often and how much they
# buy). Also inside owner-offer-reason. $segment: the group's code.
segment-name =
    { $segment ->
        [champions] Champions
        [loyal] Loyal
        [potential] Potential loyalists
        [new] New
        [promising] Promising
        [need_attention] Need attention
        [at_risk] At risk
        [cant_lose] Can't lose them
        [hibernating] Hibernating
        [lost] Lost
       *[unknown] Other
    }
# $count: members who moved to another group; $date: the day the groups are compared with.
segments-moved =
    { $count ->
        [one] { $count } member changed group since { $date }.
       *[other] { $count } members changed group since { $date }.
    }
# $count: members who have not visited yet.
without-visits =
    { $count ->
        [one] { $count } member without a visit yet.
       *[other] { $count } members without a visit yet.
    }

# not translated: SegmentMembersTitle(String). The heading is the group's name: the code uses segment-name.

download-csv = Download CSV
# On a member's page.
download-history-csv = Download the whole history (CSV)
# On the members page.
download-members-csv = Download every member (CSV)
# $page: this page's number; $pages: how many pages.
page-of = Page { $page } of { $pages }
previous-page = Previous
next-page = Next
# Column headings of the members' table.
column-member = Member
column-last-visit = Last visit
column-visits12m = Visits (12 months)
column-spend12m = Spend (12 months)
# Recency, Frequency and Monetary scores (1 to 5 each): initials; use your language's, or keep.
column-scores = R F M
# On a member's page. $visits: their visits; $spend: money spent, or none.
member-totals =
    { $spend ->
        [none]
            { $visits ->
                [one] { $visits } visit
               *[other] { $visits } visits
            }
       *[other]
            { $visits ->
                [one] { $visits } visit, { $spend } spent
               *[other] { $visits } visits, { $spend } spent
            }
    }
visits-by-month = Visits by month
categories-bought = What they buy
no-categories = No categories recorded yet.
recent-history = History
# The owner's private note about a member.
owner-note = Your note
save-note = Save note
saved = Saved.


## Owner: the shop's purchase categories

categories-title = Categories
categories-help = The till shows these as one-tap chips. Renaming keeps the history; a removed category keeps its history too.
add-category = Add a category
save-categories = Save categories
# A button's accessible name. $name: the category.
remove-category = Remove { $name }
# The label of a category's field. $number: its place in the list (1, 2, 3 ...).
category-field = Category { $number }


## Till: offers for the customer on screen (CASHIER; the gift texts also show on the shopper's card)

till-offers-heading = Offers for this customer
# A tag: the member saved this offer on their phone.
till-offer-saved = Saved
# A button: uses an offer (for a points multiplier, switches it on for the purchase being entered).
till-offer-apply = Apply
# A tag on the multiplier switched on for this purchase.
till-offer-armed-tag = On this purchase
# What an offer gives: extra stamps. $count: how many.
till-offer-extra-stamps =
    { $count ->
        [one] +{ $count } stamp
       *[other] +{ $count } stamps
    }
# What an offer gives: points multiplied. $times: the multiplier (2, 1.5).
till-offer-times = x{ $times } points
# Points multiplied in one category. $times: the multiplier; $category: the category's name.
till-offer-times-in = x{ $times } points on { $category }
# Something handed over free. $item: what, as the owner wrote it.
till-offer-free = Free { $item }
# $amount: money off the bill.
till-offer-amount-off = { $amount } off
# $percent: percent off the bill.
till-offer-percent-off = { $percent } % off
# Beside the purchase amount. $gift: the text of till-offer-times or till-offer-times-in.
till-offer-on-purchase = { $gift } on this purchase
# A button: takes the multiplier off this purchase.
till-offer-clear = Remove offer
# The multiplier is for another category than the one picked. $category: the offer's category.
till-offer-not-this-category = The offer counts for { $category } only: pick it to multiply the points.
# An offer used. $title: the offer's title; $stamps: extra stamps it added; $balance: the card's
# balance after.
till-offer-used =
    { $stamps ->
        [0] Offer used: { $title }
        [one] Offer used: { $title }. +{ $stamps } stamp. Balance: { $balance }
       *[other] Offer used: { $title }. +{ $stamps } stamps. Balance: { $balance }
    }
# Points added with a multiplying offer. $points: points added; $title: the offer's title;
# $balance: the card's balance after.
till-offer-points-added =
    { $points ->
        [one] { $points } point added with { $title }. Balance: { $balance }
       *[other] { $points } points added with { $title }. Balance: { $balance }
    }
# An offer use in the last actions and the outbox. $title: the offer's title, or none when the
# till does not know it; $stamps: extra stamps it gave.
till-offer-line =
    Offer: { $title ->
        [none] an offer
       *[other] { $title }
    }{ $stamps ->
        [0] {""}
        [one] {" "}(+{ $stamps } stamp)
       *[other] {" "}(+{ $stamps } stamps)
    }
# What a good barista remembers about the customer, as facts joined by " · ".
# $visits: their visits; $favourite: the category they buy most, or none; $last_visit: the day
# of their last visit ("23 Nov", with the year when it is not this year), or none.
till-regular =
    { $visits ->
        [one] { $visits } visit
       *[other] { $visits } visits
    }{ $favourite ->
        [none] {""}
       *[other] {" · "}usually { $favourite }
    }{ $last_visit ->
        [none] {""}
       *[other] {" · "}last here { $last_visit }
    }


## Card: offers for the shopper

for-you-heading = For you
# An offer ending soon. $unit: minutes (under an hour) or hours (whole hours, rounded down);
# $count: how many.
offer-ends-in =
    { $unit ->
        [minutes]
            { $count ->
                [one] Ends in { $count } minute
               *[other] Ends in { $count } minutes
            }
       *[hours]
            { $count ->
                [one] Ends in { $count } hour
               *[other] Ends in { $count } hours
            }
    }
# Opens an offer's details.
offer-details = Details
# When an offer can be used. $until: its end (a date and time); $days: the texts of weekday
# joined with ", ", or none when it is good every day; $from_time, $to_time: its hours ("9:00",
# "17:00"), or none when it is good all day.
offer-when =
    Until { $until }{ $days ->
        [none] {""}
       *[other] , on { $days }
    }{ $from_time ->
        [none] {""}
       *[other] , from { $from_time } to { $to_time }
    }.
offer-save = Save for my visit
offer-saved = Saved: show your card at the till
offer-dismiss = Not for me
# A choice at join and on the profile (a checkbox).
offers-consent = Pick offers for me from my visits
offers-consent-hint = The shop may then choose offers from what you buy here; without it you still get the offers meant for everyone, and your visits still count just the same.
# $date: the day the shopper last chose.
offers-consent-chosen = You chose on { $date }.
# A history line. $count: extra stamps the offer added.
hist-offer-used =
    { $count ->
        [0] Offer used
        [one] Offer used (+{ $count } stamp)
       *[other] Offer used (+{ $count } stamps)
    }


## Purchase categories (Category): the till's built-in category chips (CASHIER)

category-coffee = Coffee
category-food = Food
category-drinks = Drinks
category-retail = Retail
category-other = Other


## Import fields (ImportField): the fields of a purchase-history file (OWNER, the import's mapping form)

field-customer = Customer
field-date = Date
field-amount = Amount
field-category = Category
field-email = E-mail
field-first-name = First name


## Owner: importing purchase history (ImportMsg, /admin/import)

# The dashboard's and Insights' link to the import page.
import-link = Import purchase history
import-title = Import purchase history
import-intro = Moving from paper or another tool? Bring your customers' past purchases in from a spreadsheet saved as CSV, so Insights and the predicted value know your regulars from the first day.
import-format-title = What the file looks like
# customer, date, amount, category, email and first_name are the column names the file's header
# row uses: keep them as they are.
import-format-columns = One purchase per row, under a header row naming the columns: customer (the card number, name or code your old system knew them by), date and amount are needed; category, email and first_name are optional. Columns called something else work too: you say which is which.
# The dates are examples of what the file holds: keep them. $time_zone: the shop's time zone
# (Europe/London ...).
import-format-dates = Dates look like 2026-03-31 or 2026-03-31 14:05 and are taken in the shop's time zone ({ $time_zone }); a date without a time counts as noon.
# $currency: the shop's currency code. The amounts are examples of what the file holds.
import-format-amounts = Amounts are in { $currency }, in major units like 4.50 (or 4,50): no currency sign, no thousands separator.
# $categories: the shop's category names, joined with ", ".
import-format-categories = A category is one of yours: { $categories }.
import-format-again = Importing the same file again adds nothing: a purchase is imported once.
import-format-balance = Imported purchases count in Insights and in the predicted value but never change a balance: nobody gets stamps or points for them. A customer whose e-mail a member already uses is that member; anyone else becomes a member without a phone, who can be given a printed card.
import-file-label = CSV file
import-file-hint = Up to 50 MB and a million rows.
# $file_name: the file being sent and checked.
import-uploading = Reading { $file_name }…
import-too-large = This file is larger than 50 MB: split it into parts and import each one.
# $rows: rows in the file; $bad: how many of them cannot be read.
import-rows =
    { $bad ->
        [0]
            { $rows ->
                [one] { $rows } row, all readable.
               *[other] { $rows } rows, all readable.
            }
       *[other]
            { $rows ->
                [one] { $rows } row; { $bad } cannot be read.
               *[other] { $rows } rows; { $bad } cannot be read.
            }
    }
import-mapping-title = Which column is which
# customer, date and amount are column names: keep them. "Apply" is the text of import-apply.
import-mapping-needed = The header does not name the columns customer, date and amount. Say which column holds each, then press Apply.
# "Apply" is the text of import-apply.
import-mapping-hint = Change a column and press Apply: the whole file is checked again.

# not translated: ImportMsg::Field(ImportField). The code uses the field- messages (## Import fields).

# The empty choice of a column picker ("no column"). Keep, or use your language's dash.
import-no-column = —
import-pick-column = Pick a column
import-apply = Apply
import-preview-title = The first rows, as they will be read
# Column headings of the preview and of the bad rows.
import-column-line = Line
import-column-customer = Customer
# The purchase's time in the shop's time zone.
import-column-local-time = Shop time
import-column-amount = Amount
import-column-category = Category
import-column-email = E-mail
import-column-first-name = First name
import-column-column = Column
import-column-reason = What is wrong
import-bad-title = Rows that cannot be read
# $shown: bad rows listed; $total: bad rows in all (counts).
import-bad-listed = The first { $shown } of the { $total } are listed.
# A button. $count: purchases it imports.
import-import-purchases =
    { $count ->
        [one] Import { $count } purchase
       *[other] Import { $count } purchases
    }
import-skip-bad-rows = Skip the bad rows and import
# $good: rows that read; $bad: rows that do not ("ones" stands for rows).
import-skip-bad-note =
    Fix the file and upload it again, or import the { $good } good { $good ->
        [one] row
       *[other] rows
    } and leave the { $bad } bad { $bad ->
        [one] one
       *[other] ones
    } out.
import-importing-title = Importing
# The accessible name of the progress bar.
import-progress-label = Import progress
# $done: rows imported so far; $total: rows to import (a count).
import-progress = { $done } of { $total } rows imported so far.
import-done-title = Import finished
# Headings of the result's figures.
import-added = Purchases added
import-already-there = Already there
import-matched-by-email = Matched by e-mail
import-matched-by-customer = Matched by customer value
import-new-members = New members
import-see-insights = See them in Insights
import-another-file = Import another file
import-failed-title = The import stopped
import-carry-on = Carry on with the import
import-earlier-title = Earlier imports
# Column headings of the earlier imports.
import-column-file = File
import-column-uploaded = Uploaded
import-column-status = Status
import-column-rows = Rows
# Opens an earlier import. $file_name: its file's name.
import-open = Open { $file_name }
# Where an import stands. $status: its code.
import-status =
    { $status ->
        [needs_mapping] Waiting for the columns
        [invalid] Has bad rows
        [ready] Ready to import
        [running] Importing
        [done] Done
       *[failed] Stopped
    }


## Owner: printed cards and the password reset (OwnerMsg)

# A member row's button: print again the printed card of a member without a phone.
owner-print-card = Print card
# $name: the member's first name, or the text of unnamed-member.
owner-card-to-print = { $name }'s printed card: print it and hand it over.
# The login form's link to the reset page.
owner-forgot-password = Forgot your password?
owner-reset-title = Choose a new password
# "regulars-server reset-password" is a command the server's operator types: keep it as it is.
owner-reset-intro = Regulars sends no e-mail. Ask whoever runs your shop's Regulars server for a reset code: they run regulars-server reset-password with your e-mail address and give you the code or a link to this page. The code works once, for an hour.
owner-reset-code = Reset code
# The example code is what such a code looks like: keep it.
owner-reset-code-hint = 16 letters and digits, such as ABCD-EFGH-JKMN-PQRS.
owner-reset-code-empty = Enter the reset code first.
owner-set-new-password = Set new password
owner-reset-code-wrong = This code is wrong, already used or more than an hour old. Ask whoever runs the Regulars server for a new one.


## Owner: offers, the form

# The dashboard's link to the offers page.
owner-offers-link = Offers
owner-offers-title = Offers
owner-offers-intro = An offer shows on the cards of the members it is for, works offline in the shop, and the till applies it with one tap.
owner-new-offer = New offer
# The form's heading while it edits an offer. $title: the offer's title.
owner-editing-offer = Edit “{ $title }”
# $version: the version number saving makes.
owner-saving-makes-version = Saving makes version { $version }. Uses and reactions so far stay with the version they were for, and the same members stay held out.
# The edit's submit button. $version: the version number it makes.
owner-save-version = Save version { $version }
owner-create-offer = Create offer
owner-stop-editing = Stop editing
# $title: the offer's title; $version: its version number.
owner-offer-saved = “{ $title }” saved (version { $version }).
# The label of the offer's title field.
owner-offer-title = Title
# The example in quotes is an offer title: write a typical one in your language.
owner-offer-title-hint = What the shopper reads first, up to 60 characters: “A second pastry on us”.
owner-offer-text = A line of text
# The example in quotes is an offer's line of text: write a typical one in your language.
owner-offer-text-hint = Optional, up to 200 characters: “This week only”.
# The legend of what an offer gives.
owner-offer-gives = What it gives
# The label of the choice of gift.
owner-gift-kind-label = Gift
# The kinds of gift.
owner-gift-extra-stamps = Extra stamps on the visit
owner-gift-multiplier = More points on the visit
owner-gift-category-multiplier = More points in one category
owner-gift-free-item = Something free
owner-gift-amount-off = An amount off
owner-gift-percent-off = A percentage off
owner-extra-stamps-count = Extra stamps
owner-multiplier-label = Points times
# A choice of multiplier. $times: the multiplier (1.5, 2, 3); 2 also says "double points".
owner-multiplier =
    { $times ->
        [2] x{ $times } (double points)
       *[other] x{ $times }
    }
owner-gift-category = In the category
owner-pick-category = Choose a category
owner-free-item-name = What is free
# $currency: the shop's currency code.
owner-amount-off-label = Amount off ({ $currency })
owner-percent-off-label = Percent off
owner-when-legend = When
owner-when-hours = Starts now, for the next few hours
owner-when-dates = From one day to another
# While editing: the offer's window as it is. $from, $to: dates and times.
owner-when-kept = As it is: { $from } to { $to }
owner-hours-ahead = For the next (hours)
owner-start-date = First day
owner-end-date = Last day
owner-days-legend = Only on some days or hours
owner-days-hint = Optional. No day ticked: every day; no hours: all day.
# Labels of the two hour pickers.
owner-from-hour = From
owner-to-hour = Until
# The hour pickers' empty choice.
owner-any-hour = All day
owner-who-legend = Who it is for
owner-offer-everyone = Everyone
owner-some-members = Some members: by group, by rule, or both
owner-some-members-hint = Members in any group ticked (none ticked: any group) who also meet every rule filled in. Members who did not agree to offers picked from their visits do not get these.
owner-groups-legend = Groups
owner-rules-legend = Rules
owner-min-visits = Visits at least
# $currency: the shop's currency code.
owner-min-spend = Spent at least ({ $currency })
owner-lapsed-days = Not seen for at least (days)
owner-overdue = Overdue against their own usual rhythm
owner-bought-category = Bought in the category
owner-any-category = Any category
owner-top-customers = Among the top customers
owner-uses-per-member = Uses per member
# The holdout: a share of eligible members who never see the offer, to measure its effect.
owner-offer-holdout = Held out (%)
# $percent: the holdout's percent.
owner-holdout-hint = A random { $percent } % of eligible members never see it, so you can see what it really changes.
owner-offer-counting = Counting the members it reaches…
# $eligible: members the offer would reach; $held_out: of them, held out (a count);
# $without_consent: members of a targeted offer's groups who did not agree to offers picked
# from their visits (a count), or none.
owner-offer-reaches =
    { $without_consent ->
        [none]
            { $eligible ->
                [one] Reaches { $eligible } member ({ $held_out } held out)
               *[other] Reaches { $eligible } members ({ $held_out } held out)
            }
        [0]
            { $eligible ->
                [one] Reaches { $eligible } member ({ $held_out } held out)
               *[other] Reaches { $eligible } members ({ $held_out } held out)
            }
       *[other]
            { $eligible ->
                [one] Reaches { $eligible } member ({ $held_out } held out; { $without_consent } did not agree to offers picked from their visits)
               *[other] Reaches { $eligible } members ({ $held_out } held out; { $without_consent } did not agree to offers picked from their visits)
            }
    }
# A field of the form is wrong: the field's name, then why.
# $field: the last part of the field's path (gift.count -> count); a gift's category is
# gift_category. $message: why, without a final full stop: the text of owner-offer-whole-number,
# owner-offer-money-needed, owner-offer-date-needed, owner-offer-hours-both or
# owner-offer-hours-ahead-range, or the server's own words (in English).
owner-offer-fault =
    { $field ->
        [title] Title: { $message }.
        [text] Text: { $message }.
        [gift] Gift: { $message }.
        [count] Extra stamps: { $message }.
        [times_tenths] Points times: { $message }.
        [gift_category] Category: { $message }.
        [category] Bought in the category: { $message }.
        [item] What is free: { $message }.
        [amount_minor] Amount off: { $message }.
        [percent] Percent off: { $message }.
        [starts_at] Start: { $message }.
        [ends_at] End: { $message }.
        [weekdays] Days: { $message }.
        [hours] Hours: { $message }.
        [audience] Who it is for: { $message }.
        [segments] Groups: { $message }.
        [min_visits] Visits at least: { $message }.
        [min_spend_minor] Spent at least: { $message }.
        [lapsed_days] Not seen for: { $message }.
        [holdout_percent] Held out: { $message }.
        [uses_per_member] Uses per member: { $message }.
       *[other] { $message }.
    }
# Reasons inside owner-offer-fault: lower case, no full stop.
owner-offer-whole-number = a whole number is needed
# The example amount: write it with your language's decimal separator.
owner-offer-money-needed = an amount such as 2.50 is needed
owner-offer-date-needed = choose a day
owner-offer-hours-both = choose both hours, or neither
# $hours: the most hours a same-day offer may run (a count).
owner-offer-hours-ahead-range = a same-day offer runs 1 to { $hours } hours


## Owner: offers, the list and their results

owner-offers-list-title = Your offers
owner-offers-empty = No offers yet.
# Where an offer stands. $status: active, paused, ended, or another code.
owner-offer-status-name =
    { $status ->
        [active] Active
        [paused] Paused
        [ended] Ended
       *[unknown] Other
    }
# $version: the version's number.
owner-offer-version = version { $version }
# $from, $to: dates and times.
owner-offer-dates = { $from } to { $to }
# $who: the text of owner-offer-everyone, or the offer's groups (texts of segment-name joined
# with ", ") and rules (owner-rule- texts), joined with "; ".
owner-for-whom = For: { $who }
# $count: how many times one member may use the offer.
owner-uses-summary =
    { $count ->
        [one] Once per member
       *[other] { $count } times per member
    }
# $percent: the holdout's percent.
owner-holdout-summary = { $percent } % held out
# What an offer gives, in the list. $count: extra stamps.
owner-gives-stamps =
    { $count ->
        [one] { $count } extra stamp
       *[other] { $count } extra stamps
    }
# $multiplier: the text of owner-multiplier.
owner-gives-multiplier = { $multiplier } points
# $multiplier: the text of owner-multiplier; $category: the category's name.
owner-gives-category-multiplier = { $multiplier } points on { $category }
# $item: what is free, as the owner wrote it.
owner-gives-item = Free: { $item }
# $amount: money off.
owner-gives-amount-off = { $amount } off
owner-gives-percent-off = { $percent } % off
# Rules of who an offer is for, inside owner-for-whom (lower case). $count: visits.
owner-rule-min-visits =
    { $count ->
        [one] at least { $count } visit
       *[other] at least { $count } visits
    }
# $amount: money.
owner-rule-min-spend = spent at least { $amount }
# $days: days without a visit.
owner-rule-lapsed =
    { $days ->
        [one] not seen for { $days } day
       *[other] not seen for { $days } days
    }
owner-rule-overdue = overdue
# $category: the category's name.
owner-rule-category = bought { $category }
owner-rule-top = top customers
# Headings of an offer's figures: members it is for, held out, and what they did with it.
owner-count-eligible = Eligible
owner-count-held-out = Held out
owner-count-shown = Shown
owner-count-opened = Opened
owner-count-saved = Saved
owner-count-dismissed = Dismissed
owner-count-used = Used
owner-pause-offer = Pause
owner-resume-offer = Resume
owner-end-offer = End
# $title: the offer's title.
owner-confirm-end-offer = End “{ $title }”? Cards stop showing it and the till can no longer apply it. This cannot be undone.
owner-confirm-end-offer-button = End offer
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
                [one] Adds about { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } visit per member, and that is unlikely to be chance.
               *[other] Adds about { NUMBER($visits, minimumFractionDigits: 1, maximumFractionDigits: 1) } visits per member, and that is unlikely to be chance.
            }
        [reduces] Members who could see it came less often than those held out.
        [no_effect_yet]
            { $more_members ->
                [none] No measurable effect yet.
                [0] No measurable effect yet.
               *[other] No measurable effect yet; about { $more_members } more members needed to tell.
            }
        [annoys] Dismissed by { $dismissed_percent } %: it annoys more than it helps.
       *[too_few_members] Too few members on one side to measure its effect yet.
    }{ $verdict ->
        [too_few_members] {""}
       *[other] {" "}Visits per member { $visits_change } (95 % interval { $visits_low } to { $visits_high }); spend per member { $spend_change } ({ $spend_low } to { $spend_high }).
    } Over { $days } { $days ->
        [one] day
       *[other] days
    }: { $members } who could see it against { $held_out } held out.
# Members whose card shows the offer now, and first.
owner-count-on-cards = On cards
owner-count-first-on = First on
# The offer's window has closed: its result no longer changes.
owner-offer-result-kept = Final result: its window has closed.


## Owner: offers compared

owner-compare-title = How the offers compare
# Column headings.
owner-compare-offer = Offer
owner-compare-visits = Visits per member
owner-compare-spend = Spend per member
owner-compare-dismissed = Dismissed
owner-compare-verdict = Verdict
# The verdict in a word or two. $verdict: its code (see owner-offer-effect).
owner-verdict-short =
    { $verdict ->
        [adds] Works
        [reduces] Fewer visits
        [no_effect_yet] Not yet clear
        [annoys] Annoys
       *[too_few_members] Too few members
    }


## Owner: a member's offers (the member's page)

owner-member-offers-title = Their offers
owner-member-offers-none = No running offer is meant for this member.
# $place: the offer's place on the member's card (1 is first).
owner-offer-place = No. { $place } on their card
# Why a running offer is not on the member's card. $withheld: its code.
owner-offer-withheld =
    { $withheld ->
        [held_out] Held out: never shown to them, so its effect can be measured
        [dismissed] Not shown: they dismissed it
        [suppressed] Held back: they dismissed two offers like it lately
        [used_up] Not shown: used up
        [no_room] Not shown: six offers rank above it
       *[unknown] Not shown
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
        [saved] They saved it.
        [buys] Buys { $category } on { $count } of { $of } visits.
        [took_kind] Took up { $count } of the { $of } { $gift_kind ->
                [extra_stamps] extra-stamp
                [points_multiplier] points-multiplier
                [category_multiplier] category-multiplier
                [free_item] free-item
                [amount_off] money-off
                [percent_off] percentage-off
               *[other] such
            } offers they were shown.
        [skipped_kind] Took up none of the { $of } { $gift_kind ->
                [extra_stamps] extra-stamp
                [points_multiplier] points-multiplier
                [category_multiplier] category-multiplier
                [free_item] free-item
                [amount_off] money-off
                [percent_off] percentage-off
               *[other] such
            } offers they were shown.
        [buyers] Members who buy { $category } took it up { $count } % of the time ({ $of } % of all members).
        [peers] Members in { $group } took it up { $count } % of the time ({ $of } % of all members).
        [new] New: shown to { $count } members so far, so it still gets its chance.
        [taken_up] Taken up by { $count } of the { $of } members shown it.
       *[other] {""}
    }
