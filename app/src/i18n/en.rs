//! English.

use regulars_protocol::{CardCodeError, ProgramKind};
use time::OffsetDateTime;
use time::macros::format_description;

use super::{Category, ImportField, ImportMsg, Msg, OwnerMsg};

/// "1 stamp", "2 stamps".
fn plural(n: i64, one: &str, other: &str) -> String {
    if n == 1 || n == -1 {
        one.to_owned()
    } else {
        other.to_owned()
    }
}

fn unit(kind: ProgramKind, n: i64) -> String {
    match kind {
        ProgramKind::Stamps => plural(n, "stamp", "stamps"),
        ProgramKind::Points => plural(n, "point", "points"),
    }
}

fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// "30 seconds", "1 minute", "8 minutes" (rounded up).
fn wait_words(seconds: i64) -> String {
    let seconds = seconds.max(1);
    if seconds < 60 {
        format!("{seconds} {}", plural(seconds, "second", "seconds"))
    } else {
        let minutes = (seconds + 59) / 60;
        format!("{minutes} {}", plural(minutes, "minute", "minutes"))
    }
}

pub(super) fn text(msg: &Msg) -> String {
    use Msg::*;
    match msg {
        Loading => "Loading…".into(),
        NetworkDown => "No connection to the server. Check the signal and try again.".into(),
        UnexpectedAnswer => {
            "The server sent an answer this app does not understand. Reload the page.".into()
        }
        StorageFailed(detail) => format!("This browser could not use its storage ({detail})."),
        NotFoundTitle => "Page not found".into(),
        NotFoundBody => {
            "There is nothing at this address. The link may be mistyped or out of date.".into()
        }
        GoToMyCards => "Go to my cards".into(),
        Unit(kind, n) => unit(*kind, *n),
        Amount(kind, n) => format!("{n} {}", unit(*kind, *n)),

        MyCards => "My cards".into(),
        NoCardsYet => "No cards yet".into(),
        NoCardsHint => "Scan the poster at a shop's counter to join its loyalty program.".into(),

        Join => "Join".into(),
        Joining => "Joining…".into(),
        OpenMyCard => "Open my card".into(),
        AlreadyMember => "This phone already holds your card for this shop.".into(),
        JoinPitch { kind, cost, reward } => {
            format!("Collect {cost} {} and get {reward}.", unit(*kind, *cost))
        }
        JoinPitchNoReward(kind) => match kind {
            ProgramKind::Stamps => "Collect a stamp with every visit.".into(),
            ProgramKind::Points => "Collect points with every purchase.".into(),
        },
        JoinPromise => "Free. No app and no password: your card stays on this phone.".into(),

        CardQrLabel => "Card QR code".into(),
        BrightnessHint => "Turn your screen brightness up so the cashier can scan it.".into(),
        CardCodeCaption => "Card code".into(),
        ReadyToRedeem => "Ready to redeem".into(),
        MoreToGo(kind, n) => format!("{n} more {}", unit(*kind, *n)),
        RewardsHeading => "Rewards".into(),
        HistoryHeading => "History".into(),
        NoHistory => "Nothing yet. Your visits will show here.".into(),
        HistStamps(n) => format!("{} {}", signed(*n), plural(*n, "stamp", "stamps")),
        HistPoints { points, money } => match money {
            Some(money) => format!(
                "{} {} ({money})",
                signed(*points),
                plural(*points, "point", "points")
            ),
            None => format!("{} {}", signed(*points), plural(*points, "point", "points")),
        },
        HistRedeemed { reward, cost } => {
            let reward = reward.as_deref().unwrap_or("a reward");
            format!("Redeemed {reward} (-{cost})")
        }
        HistAdjustment { delta, reason } => {
            use regulars_protocol::CompensationReason as R;
            let why = match R::parse(reason) {
                R::CodeFailed => "the card's code did not check out".to_owned(),
                R::RedemptionNotCovered => "a reward the card could not cover".to_owned(),
                R::UnprovenStaff => "not proved to be by a staff member".to_owned(),
                R::CardBlocked => "the card was blocked".to_owned(),
                R::OfferNotCovered => "an offer the card could not use".to_owned(),
                // A correction the shop wrote itself.
                R::Unknown(text) => text,
            };
            format!("Correction {}: {why}", signed(*delta))
        }
        HistReversal { delta, reason } => format!("Undone {}: {reason}", signed(*delta)),
        Profile => "Profile".into(),
        AllCards => "All cards".into(),
        LastSynced(at) => format!("Last synced {}", super::date_time(*at)),
        Syncing => "Syncing…".into(),
        OfflineNote => "Offline. Your card works without signal: show this code at the till.".into(),
        CardNotOnPhone => "This card is not on this phone.".into(),
        CardRevoked => "The shop no longer recognises this card.".into(),
        StampGridLabel { filled, size } => format!("{filled} of {size} stamps"),

        ProfileTitle => "Your profile".into(),
        ProfileIntro => "Both are optional. The shop uses them to greet you by name.".into(),
        FirstName => "First name".into(),
        Email => "Email".into(),
        SaveProfile => "Save profile".into(),
        ProfileSaved => "Profile saved".into(),
        BackToCard => "Back to my card".into(),

        PairTitle => "Pair this tablet".into(),
        PairIntro => "Ask the owner for a pairing code: they create one on the admin page.".into(),
        PairingCode => "Pairing code".into(),
        PairTablet => "Pair tablet".into(),
        Pairing => "Pairing…".into(),
        Unpaired => "This tablet was unpaired. Pair it again to continue.".into(),
        CardCode => "Card code".into(),
        FindCard => "Find card".into(),
        ScanHint => "Scan the customer's card or type its code.".into(),
        Member => "Member".into(),
        Balance => "Balance".into(),
        FewerStamps => "Fewer stamps".into(),
        MoreStamps => "More stamps".into(),
        GiveStamps(n) => format!("Give {n} {}", plural(*n, "stamp", "stamps")),
        PurchaseAmount => "Purchase amount".into(),
        PurchaseAmountOptional => "Amount (optional)".into(),
        AddPoints => "Add points".into(),
        PointsPreview(n) => format!("= {n} {}", plural(*n, "point", "points")),
        InvalidAmount => "Type the amount paid, for example 12.50.".into(),
        CategoryLabel => "Category (optional)".into(),
        CategoryName(c) => match c {
            Category::Coffee => "Coffee",
            Category::Food => "Food",
            Category::Drinks => "Drinks",
            Category::Retail => "Retail",
            Category::Other => "Other",
        }
        .into(),
        Redeem(name) => format!("Redeem {name}"),
        StampsGiven { count, balance } => {
            format!(
                "{count} {} given. Balance: {balance}",
                plural(*count, "stamp", "stamps")
            )
        }
        PointsAdded { points, balance } => {
            format!(
                "{points} {} added. Balance: {balance}",
                plural(*points, "point", "points")
            )
        }
        RewardRedeemed { reward, balance } => format!("{reward} redeemed. Balance: {balance}"),
        NoResult => "The server did not confirm this. Try again.".into(),
        NextCustomer => "Next customer".into(),
        CameraTitle => "Camera".into(),
        ScanWithCamera => "Scan with camera".into(),
        CameraView => "Camera view".into(),
        CameraStarting => "Starting the camera…".into(),
        CameraAim => "Hold the card's code inside the frame.".into(),
        SwitchCamera => "Switch camera".into(),
        Torch => "Torch".into(),
        CloseCamera => "Close camera".into(),
        CameraInsecure => "The camera only works on a secure (https) address. Type the code, or use a USB or Bluetooth scanner.".into(),
        CameraDenied => "The camera is blocked for this site. Allow it in the browser's site settings to scan with it; meanwhile type the code, or use a USB or Bluetooth scanner.".into(),
        CameraMissing => "No camera was found on this device. Type the code, or use a USB or Bluetooth scanner.".into(),
        CameraInUse => "Another app is using the camera. Close it and try again, or type the code.".into(),
        CameraDecoderFailed => "The camera cannot read codes right now. Reload the page, or type the code.".into(),
        CameraFailed(detail) => format!("The camera could not start ({detail}). Type the code, or use a USB or Bluetooth scanner."),
        Sound => "Sound".into(),
        SoundOnHint => "Sounds are on: a chime confirms, a low tone refuses. Press to mute.".into(),
        SoundOffHint => "Sounds are off. Press to turn them on.".into(),
        BadCode(err) => match err {
            CardCodeError::Empty => "No code was entered.",
            CardCodeError::TooLong => "The code is too long to be a Regulars card.",
            CardCodeError::UnknownPrefix => "This is not a Regulars card code.",
            CardCodeError::NotBase45 => "The code has characters a Regulars card never shows.",
            CardCodeError::WrongLength => "The code is cut short or has extra characters.",
        }
        .into(),
        CodeRefused(reason) => match reason {
            regulars_protocol::CodeRefused::Unsigned => {
                "This is an old card code that anyone could copy. Ask the shopper to open their card so it shows a new one."
            }
            regulars_protocol::CodeRefused::NoKey => "This card has no key yet. Ask the shopper to open their card while online.",
            regulars_protocol::CodeRefused::BadSignature => "This code was not made by this card: it may be forged or damaged.",
            regulars_protocol::CodeRefused::Expired => {
                "This code has expired. Ask the shopper to show the card again (a screenshot stops working)."
            }
            regulars_protocol::CodeRefused::FromTheFuture => "This code is from the future: the phone's or the tablet's clock is wrong.",
            regulars_protocol::CodeRefused::Replayed => "This code was already used. Ask the shopper to show the card again.",
            regulars_protocol::CodeRefused::PrintedCannotRedeem => {
                "A printed card collects stamps and points, but rewards need the card on a phone."
            }
            regulars_protocol::CodeRefused::Missing => "No card code came with this. Scan the card.",
        }
        .into(),
        CodeCheckNote(check) => match check {
            regulars_protocol::wire::CodeCheck::Signed => "Card checked",
            regulars_protocol::wire::CodeCheck::Printed => "Printed card: stamps and points only",
            regulars_protocol::wire::CodeCheck::Unverified => "Not checked yet (offline, new card): stamps only",
        }
        .into(),
        ChangePassword => "Change password".into(),
        CurrentPassword => "Current password".into(),
        NewPassword => "New password (at least 10 characters)".into(),
        PasswordTooShort => "The new password needs at least 10 characters.".into(),
        PasswordChanged => "Password changed. Other devices were logged out.".into(),
        RedeemNeedsPhone => "Rewards need the card's live code on the shopper's phone.".into(),
        CardBlocked => "This card has been blocked by the shop. Do not give stamps or points.".into(),
        OfflineLastKnown => "Offline: last known balance".into(),
        NotInDirectory => {
            "Not in this tablet's list yet. Stamps will be checked when the connection is back."
                .into()
        }
        RedeemNeedsConnection => "Redeeming needs a connection".into(),

        Online => "Online".into(),
        Offline => "Offline".into(),
        ToSync(n) => format!("{n} to sync"),
        RejectedCount(n) => format!("{n} refused"),
        Outbox => "Outbox".into(),
        OutboxTitle => "Outbox".into(),
        OutboxIntro => {
            "Stamps and points given on this tablet wait here until the server has them.".into()
        }
        OutboxEmpty => "Everything is synced.".into(),
        CloseOutbox => "Close".into(),
        WaitingToSync => "Waiting to sync".into(),
        RejectedBecause(reason) => format!("Refused: {reason}"),
        HeldBecause(reason) => {
            format!("The server could not take this one yet ({reason}). The others go on; it is tried again.")
        }
        HeldCount(n) => format!("{n} held"),
        UnreadableRecord => "A record this tablet could no longer read, kept as found".into(),
        CardShortId(id) => format!("Card {id}…"),
        EarlierPairing => {
            "Given before this tablet was paired again, and the server does not have it: it was not counted."
                .into()
        }
        Saving => "Saving…".into(),

        SetupTitle => "Set up your loyalty program".into(),
        SetupIntro => "It takes a minute, and you can change everything later.".into(),
        Password => "Password".into(),
        PasswordHint => "At least 10 characters.".into(),
        ShopName => "Shop name".into(),
        BrandColour => "Brand colour".into(),
        BrandInk {
            white,
            ratio_tenths,
        } => format!(
            "Text on it will be {} (contrast {}.{}:1, meets WCAG AA).",
            if *white { "white" } else { "black" },
            ratio_tenths / 10,
            ratio_tenths % 10
        ),
        BrandInkSample => "Sample text on your colour".into(),
        ProgramType => "Program type".into(),
        Stamps => "Stamps".into(),
        Points => "Points".into(),
        RewardName => "Reward name".into(),
        RewardNamePlaceholder => "Free coffee".into(),
        StampsPerReward => "Stamps per reward".into(),
        PointsPerReward => "Points per reward".into(),
        PointsPerUnit(currency) => format!("Points per 1 {currency} spent"),
        CreateProgram => "Create program".into(),
        HaveAccount => "I already have an account".into(),
        LoginTitle => "Log in".into(),
        LogIn => "Log in".into(),
        CreateNewProgram => "Create a new program".into(),
        Members(n) => format!("{n} {}", plural(*n, "member", "members")),
        JoinLinkLabel => "Join link".into(),
        PrintPoster => "Print join poster".into(),
        TabletsHeading => "Tablets".into(),
        CreatePairingCode => "Create pairing code".into(),
        PairingExpires(at) => format!("Expires at {}", super::time_of_day(*at)),
        PairingHelp => "Open /staff on the tablet and type this code.".into(),
        Edit => "Edit".into(),
        Retire => "Retire".into(),
        Reactivate => "Reactivate".into(),
        Retired => "Retired".into(),
        NewRewardName => "New reward name".into(),
        NewRewardCost => "New reward cost".into(),
        AddReward => "Add reward".into(),
        RewardCost => "Reward cost".into(),
        SaveReward => "Save reward".into(),
        Cancel => "Cancel".into(),
        SettingsHeading => "Settings".into(),
        Currency => "Currency".into(),
        TimeZone => "Time zone".into(),
        StampsPerVisit => "Stamps per visit".into(),
        OfflineRedemptionMax(kind) => match kind {
            ProgramKind::Stamps => "Redeem offline up to (stamps)".into(),
            ProgramKind::Points => "Redeem offline up to (points)".into(),
        },
        OfflineRedemptionHint => "Tablets without a connection may hand over rewards costing up to this. 0: only online.".into(),
        SaveSettings => "Save settings".into(),
        UpdateAvailable => "A new version of Regulars is ready.".into(),
        ReviewHeading => "Needs review".into(),
        ReviewEmpty => "Nothing to review.".into(),
        ReviewFlag(flag) => {
            use regulars_protocol::Flag as F;
            match flag {
                F::DoubleRedemption => "redeemed offline without enough on the card".into(),
                F::Compensation => "added by Regulars to balance another event".into(),
                F::ClockSkew => "the tablet's clock was far off".into(),
                F::BadClock => "the tablet's time was impossible: the time it reached the server is used".into(),
                F::Backdated => "dated long before the tablet's last sync".into(),
                F::OfflineNotAllowed => "redeemed offline above your offline limit".into(),
                F::RewardRetired => "the reward was already retired".into(),
                F::RewardCostChanged => "redeemed at another cost than the reward's".into(),
                F::CardDailyLimit => "over your limit of stamps per card per day".into(),
                F::StaffHourlyLimit => "over your limit of stamps per staff member per hour".into(),
                F::Unverified => "the card's code could not be checked".into(),
                F::CodeMissing => "no card code came with it".into(),
                F::CodeUnsigned => "the old copyable card code".into(),
                F::CardHasNoKey => "the card had no key yet".into(),
                F::CodeBadSignature => "a forged or damaged card code".into(),
                F::CodeExpired => "an expired card code".into(),
                F::CodeFromTheFuture => "a card code from the future".into(),
                F::CodeUsed => "a card code already used at another till".into(),
                F::PrintedCardCannotRedeem => "a reward on a printed card".into(),
                F::UnprovenStaff => "nothing proved which staff member did it".into(),
                F::StaffDeactivated => "in the name of a staff member you had deactivated".into(),
                F::ReversesRedemption => "gave back a redeemed reward's stamps or points".into(),
                F::ReversesCompensation => "undid a balancing entry by Regulars".into(),
                F::BeforeBlock => "made before you blocked the card".into(),
                F::DeviceRevoked => "made on a tablet before you unpaired it".into(),
                F::HeldTooLong => "the customer had been scanned too long before".into(),
                F::OfferUsedUp => "an offer used more often than one member may".into(),
                F::OfferNotForCard => "an offer used for a member it was not meant for".into(),
                F::OfferNotValid => "an offer used outside its dates or hours, or while paused or ended".into(),
                F::Unknown(code) => code.replace('_', " "),
            }
        }
        ReloadToUpdate => "Reload".into(),
        SettingsSaved => "Settings saved".into(),
        LogOut => "Log out".into(),
        WholeNumberNeeded(field) => format!("{} must be a whole number above zero.", text(field)),

        ScanToJoin => "Scan to join".into(),
        Print => "Print".into(),
        JoinQrLabel => "Join QR code".into(),
        BackToDashboard => "Back to dashboard".into(),
        NeedLogin => "Log in to see this page.".into(),
        GoToAdmin => "Go to the admin page".into(),

        NoWebCrypto => "This browser cannot make a secure card here. Open the page over HTTPS in an up-to-date browser.".into(),
        CardKeyFailed(why) => format!("This phone could not make or use your card's secure key ({why})."),
        RecoveryHeading => "Your recovery code".into(),
        RecoveryWriteDown => "Write this down: it moves your card to a new phone.".into(),
        RecoveryKeepPrivate => "Anyone with this code can take your card, so keep it to yourself. Your profile shows it again.".into(),
        Done => "Done".into(),
        CardNotKept { why, code } => match code {
            Some(code) => format!("The shop has your card, but this phone could not keep it ({why}). Your recovery code is {code}: write it down, then use it under \"Move a card to this phone\"."),
            None => format!("The shop has your card, but this phone could not keep it ({why})."),
        },
        RecoveryReplaced => "Your card is on this phone now, and your old recovery code no longer works.".into(),
        MoveCardHere => "Move a card to this phone".into(),
        RecoverIntro => "Type the recovery code you wrote down when you joined. The card moves to this phone and stops working on the old one.".into(),
        RecoveryCodeLabel => "Recovery code".into(),
        MoveCard => "Move card".into(),
        MovingCard => "Moving card…".into(),
        RecoveryCodeEmpty => "Type your recovery code.".into(),
        RecoveryCodeWrong => "This recovery code is wrong, or a newer one has replaced it. Check it and try again.".into(),
        TooManyTries => "Too many tries. Wait a few minutes, then try again.".into(),
        NewCodeIn(s) => format!("New code in {s} s"),
        PreparingCode => "Making your card's code…".into(),
        CodeNeedsConnection => "Your card needs a connection once to turn on its secure code. Connect to the internet and open it again.".into(),
        KeyNotOnPhone => "This card's key is not on this phone, so it cannot show a code here. If you changed phones or cleared the browser's data, set the card up again with its recovery code.".into(),
        RepairCard => "Set up the card again".into(),
        RepairingCard => "Setting up…".into(),
        CardNoLongerHere => "This card no longer works on this phone: it was moved to another phone, or the shop no longer recognises it.".into(),
        CardBlockedByShop => "The shop has blocked this card.".into(),
        NoRecoveryCode => "This phone has no recovery code for this card. Make one and write it down: it moves your card to a new phone.".into(),
        MakeRecoveryCode => "Make a new recovery code".into(),
        RecoveryCodeMade => "New recovery code made. Write it down.".into(),
        MembersHeading => "Members".into(),
        MembersLink => "Members and printed cards".into(),
        MembersEmpty => "No members yet.".into(),
        MemberSince(at) => format!("Joined {}", super::date(*at)),
        PrintedCardTag => "Printed card".into(),
        BlockedTag => "Blocked".into(),
        BlockCard => "Block card".into(),
        ConfirmBlock(name) => format!("Block {name}'s card? Tills will refuse it from now on. This cannot be undone."),
        ConfirmBlockButton => "Yes, block card".into(),
        CardBlockedDone(name) => format!("{name}'s card is blocked."),
        MakePrintedCard => "Make a printed card".into(),
        PrintedCardIntro => "For a customer without a smartphone: a card to print, good for collecting only. Rewards need the card on a phone.".into(),
        PrintedCardQrLabel => "Printed card QR code".into(),
        PrintedCardOnly(kind) => match kind {
            ProgramKind::Stamps => "Stamps only".into(),
            ProgramKind::Points => "Points only".into(),
        },
        PrintedCardMade => "Printed card made. Print it and hand it over.".into(),
        UnnamedMember(short) => format!("Member {short}"),

        ActingAs(name) => format!("At the till: {name}"),
        SwitchStaff => "Switch".into(),
        SwitchTitle => "Who is at the till?".into(),
        NoStaffWithPin => "Nobody has a PIN yet. The owner adds staff and their PINs on the admin page.".into(),
        RedemptionChecking => "Checking the reward with the server… Hand it over once this says it is redeemed.".into(),
        ScanAgain => "This customer was scanned more than 15 minutes ago. Scan their card again.".into(),
        ServerFlagged(flags) => {
            let why = flags
                .iter()
                .map(|f| text(&ReviewFlag(f.clone())))
                .collect::<Vec<_>>()
                .join("; ");
            format!("Regulars flagged this for the owner: {why}.")
        }
        SwitchNeedsConnection => "Managers and the owner switch in with the server: connect the tablet and try again.".into(),
        HistUnknown => "Something this version of the app cannot show yet".into(),
        PinFor(name) => format!("PIN for {name}"),
        PinDelete => "Delete digit".into(),
        PinConfirm => "Confirm".into(),
        PinChecking => "Checking…".into(),
        OtherStaff => "Someone else".into(),
        Close => "Close".into(),
        PinWrong(left) => format!(
            "Wrong PIN. {left} more wrong {} and the till pauses.",
            plural(i64::from(*left), "PIN", "PINs")
        ),
        PinPaused(seconds) => format!("Too many wrong PINs. Try again in {}.", wait_words(*seconds)),
        PinUnpairPending => "Wrong PIN 10 times in a row. This tablet is locked and will be unpaired as soon as it is back online.".into(),
        SwitchedTo(name) => format!("{name} is at the till."),
        NobodyAtTill => "Switch to a staff member to continue.".into(),
        RecentHeading => "Last 10 actions".into(),
        RecentEmpty => "Nothing yet on this tablet.".into(),
        Undo => "Undo".into(),
        Reverse => "Reverse".into(),
        ReverseReason => "Reason".into(),
        ConfirmReverse => "Reverse it".into(),
        UndoReason => "Undone at the till".into(),
        Undone => "Undone.".into(),
        UndoneBalance(balance) => format!("Undone. Balance: {balance}"),
        BalanceNow(balance) => format!("Balance now: {balance}."),
        UndoneTag => "undone".into(),
        ReasonNeeded => "Give a reason for the reversal.".into(),
        ByStaff(name) => format!("by {name}"),
        StaffHeading => "Staff".into(),
        StaffName => "Name".into(),
        StaffRoleLabel => "Role".into(),
        RoleName(role) => match role {
            regulars_protocol::StaffRole::Owner => "Owner",
            regulars_protocol::StaffRole::Manager => "Manager",
            regulars_protocol::StaffRole::Cashier => "Cashier",
        }
        .into(),
        Pin => "PIN".into(),
        PinHint => "4 to 6 digits: they type it on the tablet to switch in. Managers may also reverse any action.".into(),
        NewPinOptional => "New PIN (optional)".into(),
        AddStaff => "Add staff member".into(),
        SaveStaff => "Save".into(),
        Deactivate => "Deactivate".into(),
        DeactivatedTag => "Deactivated".into(),
        NoPinTag => "no PIN yet".into(),
        StaffAdded(name) => format!("{name} can now switch in on the tablets."),
        StaffSaved(name) => format!("{name} saved."),
        PinMustBeDigits => "The PIN must be 4 to 6 digits.".into(),
        DevicesHeading => "Paired tablets".into(),
        NoDevices => "No tablet is paired yet.".into(),
        LastSeen(at) => format!("Last seen {}", super::date_time(*at)),
        NeverSeen => "Not seen yet".into(),
        PairedOn(at) => format!("Paired {}", super::date(*at)),
        UnpairDevice => "Unpair".into(),
        UnpairedOn(at) => format!("Unpaired {}", super::date_time(*at)),
        Refresh => "Refresh".into(),
        CardDailyLimit(kind) => match kind {
            ProgramKind::Stamps => "Most stamps per card per day".into(),
            ProgramKind::Points => "Most purchases per card per day".into(),
        },
        StaffHourlyLimit(kind) => match kind {
            ProgramKind::Stamps => "Most stamps per staff member per hour".into(),
            ProgramKind::Points => "Most purchases per staff member per hour".into(),
        },
        LimitsHint => "Over a limit, stamps are still given, and flagged under Needs review. 0: no limit.".into(),
        AnomaliesHeading(days) => format!("Unusual in the last {days} days"),
        NoAnomalies => "Nothing unusual.".into(),
        CardAnomalyRule { min, factor, typical } => format!(
            "A card shows here with at least {min} visits and more than {factor} times the visits of your typical card ({typical}): it may be shared, or stamped without a purchase."
        ),
        StaffAnomalyRule { min, factor } => format!(
            "A staff member shows here after at least {min} rewards handed over, at {factor} times or more everyone else's rewards per visit: they may be giving rewards away."
        ),
        CardAnomaly { who, visits } => format!("{who}: {visits} visits"),
        StaffAnomaly { name, redemptions, percent, others } => format!(
            "{name}: {redemptions} rewards, {percent} per 100 actions (everyone else: {others})"
        ),
        InsightsLink => "Insights".into(),
        TopCategory(name, percent) => format!("{name} is {percent} % of what members bought."),
        HeatmapOf => "Whose visits".into(),
        PeriodFrom => "From".into(),
        PeriodTo => "To".into(),
        ShowPeriod => "Show these days".into(),
        EveryMember => "Every member (this period)".into(),
        NpsQuestion(shop) => format!("How likely are you to recommend {shop} to a friend?"),
        NpsNotLikely => "0: not at all likely".into(),
        NpsVeryLikely => "10: extremely likely".into(),
        NpsCommentLabel => "Anything you would like to tell us? (optional)".into(),
        NpsCommentCount(n, max) => format!("{n} of {max} characters"),
        NpsSend => "Send my answer".into(),
        NpsNotNow => "Not now".into(),
        NpsPickScore => "Pick a number from 0 to 10 first.".into(),
        NpsThanks => "Thank you! Your answer reaches the shop as soon as your phone is online."
            .into(),
        NpsRefused(code, reason) => {
            use regulars_protocol::Refusal;
            match code {
                Some(Refusal::InvalidScore) => {
                    "Your answer was not saved: pick a number from 0 to 10.".into()
                }
                Some(Refusal::CommentTooLong) => format!(
                    "Your answer was not saved: a comment can be at most {} characters.",
                    regulars_protocol::nps::MAX_COMMENT_CHARS
                ),
                Some(Refusal::AnsweredRecently) => format!(
                    "You already answered in the last {} days. Thank you, once is enough!",
                    regulars_protocol::nps::ANSWER_EVERY_DAYS
                ),
                _ if reason.is_empty() => "Your answer could not be saved.".into(),
                _ => format!("Your answer could not be saved: {reason}."),
            }
        }
        NpsRefusedRead => "OK".into(),
        NpsTitle => "Would they recommend you?".into(),
        NpsScore => "Net Promoter Score".into(),
        NpsGroups {
            promoters,
            passives,
            detractors,
        } => format!(
            "{promoters} {} (9-10), {passives} {} (7-8), {detractors} {} (0-6)",
            plural(*promoters, "promoter", "promoters"),
            plural(*passives, "passive", "passives"),
            plural(*detractors, "detractor", "detractors"),
        ),
        NpsNoAnswers => "No answers in this period yet. After a visit, each member's card asks once every 90 days how likely they are to recommend you.".into(),
        NpsSentence(score, answers) => format!(
            "From {answers} {}: the share who would recommend you (9-10) minus the share who would not (0-6) is {score}. Above 0 means more fans than critics.",
            plural(*answers, "answer", "answers")
        ),
        NpsByMonth => "Score by month".into(),
        NpsComments => "What they said (least happy first)".into(),
        NpsNoComments => "No comments in this period.".into(),
        NpsAnswerScore(score) => format!("{score} of 10"),
        NpsMemberNone => "Has not answered the recommend question yet.".into(),
        ClvTitle => "Predicted value".into(),
        ClvAsOf(day, customers, repeat) => format!(
            "Fitted on the visits up to {day}: {customers} {}, {repeat} of whom came back.",
            plural(*customers, "member", "members")
        ),
        ClvTooFew(have, need) => format!(
            "Predictions need at least {need} members who came back; {have} have so far. Keep stamping: they come with the history."
        ),
        ClvNotConverged => "The model could not be fitted on your visits yet, so no predictions are shown. They come with more history.".into(),
        ClvNoAmounts(have, need) => format!(
            "Visits are predicted, spend is not: only {have} returning members recorded an amount ({need} are needed)."
        ),
        ClvRhythm(weeks) => format!("While they keep coming, a typical member comes about every {weeks} weeks."),
        ClvDropout(percent) => format!("After each visit there is about a {percent} % chance that a member stops coming."),
        ClvSpendPerVisit(money) => format!("A typical visit is worth about {money}."),
        ClvTopTitle(n) => format!("Your {n} most valuable regulars"),
        ClvDriftingTitle => "Valuable regulars who may be drifting away".into(),
        ClvNoneDrifting => "None of your valuable regulars looks to be drifting away.".into(),
        ClvColumnVisits => "Visits".into(),
        ClvColumnFavourite => "Favourite".into(),
        ClvColumnActive => "Still active".into(),
        ClvColumnPredicted => "Next 12 months".into(),
        ClvMemberLine {
            active,
            visits,
            spend,
        } => match spend {
            Some(spend) => format!(
                "{active} % likely still a regular; about {visits} visits expected in the next 90 days and {spend} in the next 12 months."
            ),
            None => format!(
                "{active} % likely still a regular; about {visits} visits expected in the next 90 days."
            ),
        },
        ClvMemberTop(rank) => format!("Number {rank} of your most valuable regulars."),
        ClvMemberDrifting => "A valuable regular who may be drifting away.".into(),
        ClvCheckTitle => "How well the model predicts".into(),
        ClvCheckSentence {
            as_of,
            weeks,
            predicted,
            actual,
        } => format!(
            "Fitted on the visits up to {as_of}, the model expected {predicted} return {} from those members in the {weeks} {} after; they made {actual}.",
            plural(*predicted, "visit", "visits"),
            plural(*weeks, "week", "weeks")
        ),
        ClvCheckWeek(week, predicted, actual) => {
            format!("Week {week}: {predicted} expected, {actual} made (so far)")
        }
        InsightsTitle => "Insights".into(),
        LastDays(n) => format!("Last {n} days"),
        FigureMembers => "Members".into(),
        FigureNewMembers => "New members".into(),
        FigureActiveMembers => "Active members".into(),
        FigureVisits => "Visits".into(),
        FigureRepeatRate => "Came back within 30 days".into(),
        FigureVisitsPerActive => "Visits per active member".into(),
        FigureAverageSpend => "Average spend per visit".into(),
        FigureRevenue => "Member revenue".into(),
        FigureRewards => "Rewards redeemed".into(),
        Before(value, change) => match change {
            Some(p) if *p > 0 => format!("was {value} (+{p} %)"),
            Some(p) => format!("was {value} ({p} %)"),
            None => format!("was {value}"),
        },
        NoAmountsYet => "No purchase amounts recorded yet: the till can take an amount with each stamp.".into(),
        NobodyNew => "—".into(),
        WeeklyVisits => "Visits per week".into(),
        VisitsTrend(change) => match change {
            Some(p) if *p > 0 => format!("Visits rose {p} % on the period before."),
            Some(p) if *p < 0 => format!("Visits fell {} % on the period before.", -p),
            Some(_) => "As many visits as in the period before.".into(),
            None => "No visits in the period before to compare with.".into(),
        },
        WhenTheyCome => "When they come".into(),
        BusiestSlot(day, hour) => format!(
            "The busiest hour is {} {:02}:00-{:02}:00.",
            weekday(*day),
            hour,
            (hour + 1) % 24
        ),
        TopCustomersCome(first, last, from, to) => {
            let days = if first == last {
                format!("on {}", weekday(*first))
            } else {
                format!("{} to {}", weekday(*first), weekday(*last))
            };
            format!("Your top customers come mostly {days}, {from:02}:00-{:02}:00.", to % 24)
        }
        NoVisitsYet => "No visits in this period yet.".into(),
        Weekday(day) => weekday(*day).into(),
        SegmentsTitle => "Segments".into(),
        SegmentName(segment) => segment_name(*segment).into(),
        SegmentsMoved(n, since) => format!(
            "{n} {} changed group since {since}.",
            plural(*n, "member", "members")
        ),
        WithoutVisits(n) => format!("{n} {} without a visit yet.", plural(*n, "member", "members")),
        SegmentMembersTitle(name) => name.clone(),
        DownloadCsv => "Download CSV".into(),
        DownloadHistoryCsv => "Download the whole history (CSV)".into(),
        DownloadMembersCsv => "Download every member (CSV)".into(),
        PageOf(page, pages) => format!("Page {page} of {pages}"),
        PreviousPage => "Previous".into(),
        NextPage => "Next".into(),
        ColumnMember => "Member".into(),
        ColumnLastVisit => "Last visit".into(),
        ColumnVisits12m => "Visits (12 months)".into(),
        ColumnSpend12m => "Spend (12 months)".into(),
        ColumnScores => "R F M".into(),
        MemberTotals { visits, spend } => match spend {
            Some(spend) => format!("{visits} {}, {spend} spent", plural(*visits, "visit", "visits")),
            None => format!("{visits} {}", plural(*visits, "visit", "visits")),
        },
        VisitsByMonth => "Visits by month".into(),
        CategoriesBought => "What they buy".into(),
        NoCategories => "No categories recorded yet.".into(),
        RecentHistory => "History".into(),
        OwnerNote => "Your note".into(),
        SaveNote => "Save note".into(),
        Saved => "Saved.".into(),
        CategoriesTitle => "Categories".into(),
        CategoriesHelp => "The till shows these as one-tap chips. Renaming keeps the history; a removed category keeps its history too.".into(),
        AddCategory => "Add a category".into(),
        SaveCategories => "Save categories".into(),
        RemoveCategory(name) => format!("Remove {name}"),
        CategoryField(n) => format!("Category {n}"),
        // Offers at the till
        TillOffersHeading => "Offers for this customer".into(),
        TillOfferSaved => "Saved".into(),
        TillOfferApply => "Apply".into(),
        TillOfferArmedTag => "On this purchase".into(),
        TillOfferExtraStamps(n) => format!("+{n} {}", plural(*n, "stamp", "stamps")),
        TillOfferTimes(tenths) => format!("x{} points", tenths_text(*tenths)),
        TillOfferTimesIn(tenths, category) => {
            format!("x{} points on {category}", tenths_text(*tenths))
        }
        TillOfferFree(item) => format!("Free {item}"),
        TillOfferAmountOff(money) => format!("{money} off"),
        TillOfferPercentOff(percent) => format!("{percent} % off"),
        TillOfferOnPurchase(what) => format!("{what} on this purchase"),
        TillOfferClear => "Remove offer".into(),
        TillOfferNotThisCategory(category) => {
            format!("The offer counts for {category} only: pick it to multiply the points.")
        }
        TillOfferUsed {
            title,
            stamps: 0,
            ..
        } => format!("Offer used: {title}"),
        TillOfferUsed {
            title,
            stamps,
            balance,
        } => format!(
            "Offer used: {title}. +{stamps} {}. Balance: {balance}",
            plural(*stamps, "stamp", "stamps")
        ),
        TillOfferPointsAdded {
            points,
            title,
            balance,
        } => format!(
            "{points} {} added with {title}. Balance: {balance}",
            plural(*points, "point", "points")
        ),
        TillOfferLine { title, stamps } => {
            let title = title.as_deref().unwrap_or("an offer");
            if *stamps > 0 {
                format!(
                    "Offer: {title} (+{stamps} {})",
                    plural(*stamps, "stamp", "stamps")
                )
            } else {
                format!("Offer: {title}")
            }
        }
        TillRegular {
            visits,
            favourite,
            last_visit,
            with_year,
        } => {
            let mut parts = vec![format!("{visits} {}", plural(*visits, "visit", "visits"))];
            if let Some(favourite) = favourite {
                parts.push(format!("usually {favourite}"));
            }
            if let Some(day) = last_visit {
                let day = if *with_year {
                    day.format(format_description!("[day padding:none] [month repr:short] [year]"))
                } else {
                    day.format(format_description!("[day padding:none] [month repr:short]"))
                };
                parts.push(format!("last here {}", day.unwrap_or_default()));
            }
            parts.join(" · ")
        }
        // Offers on the card
        ForYouHeading => "For you".into(),
        OfferEndsIn(minutes) => match (*minutes).max(1) {
            m if m < 60 => format!("Ends in {m} {}", plural(m, "minute", "minutes")),
            m => format!("Ends in {} {}", m / 60, plural(m / 60, "hour", "hours")),
        },
        OfferDetails => "Details".into(),
        OfferWhen { until, days, hours } => {
            let mut text = format!("Until {}", super::date_time(*until));
            if !days.is_empty() {
                let days: Vec<&str> = days.iter().map(|d| weekday(d.saturating_sub(1))).collect();
                text += &format!(", on {}", days.join(", "));
            }
            if let Some((from, to)) = hours {
                text += &format!(", from {from}:00 to {to}:00");
            }
            text + "."
        }
        OfferSave => "Save for my visit".into(),
        OfferSaved => "Saved: show your card at the till".into(),
        OfferDismiss => "Not for me".into(),
        OffersConsent => "Pick offers for me from my visits".into(),
        OffersConsentHint => "The shop may then choose offers from what you buy here; without it you still get the offers meant for everyone, and your visits still count just the same.".into(),
        OffersConsentChosen(at) => format!("You chose on {}.", super::date(*at)),
        HistOfferUsed(0) => "Offer used".into(),
        HistOfferUsed(n) => format!("Offer used (+{n} {})", plural(*n, "stamp", "stamps")),
    }
}

/// A multiplier in tenths as people write it: 20 is "2", 15 is "1.5".
fn tenths_text(tenths: i64) -> String {
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, (tenths % 10).abs())
    }
}

pub(super) fn import_text(msg: &ImportMsg) -> String {
    use ImportMsg::*;
    match msg {
        Link | Title => "Import purchase history".into(),
        Intro => "Moving from paper or another tool? Bring your customers' past purchases in from a spreadsheet saved as CSV, so Insights and the predicted value know your regulars from the first day.".into(),
        FormatTitle => "What the file looks like".into(),
        FormatColumns => "One purchase per row, under a header row naming the columns: customer (the card number, name or code your old system knew them by), date and amount are needed; category, email and first_name are optional. Columns called something else work too: you say which is which.".into(),
        FormatDates(zone) => format!("Dates look like 2026-03-31 or 2026-03-31 14:05 and are taken in the shop's time zone ({zone}); a date without a time counts as noon."),
        FormatAmounts(currency) => format!("Amounts are in {currency}, in major units like 4.50 (or 4,50): no currency sign, no thousands separator."),
        FormatCategories(names) => format!("A category is one of yours: {names}."),
        FormatAgain => "Importing the same file again adds nothing: a purchase is imported once.".into(),
        FormatBalance => "Imported purchases count in Insights and in the predicted value but never change a balance: nobody gets stamps or points for them. A customer whose e-mail a member already uses is that member; anyone else becomes a member without a phone, who can be given a printed card.".into(),
        FileLabel => "CSV file".into(),
        FileHint => "Up to 50 MB and a million rows.".into(),
        Uploading(name) => format!("Reading {name}…"),
        TooLarge => "This file is larger than 50 MB: split it into parts and import each one.".into(),
        Rows(rows, 0) => format!("{rows} {}, all readable.", plural(*rows as i64, "row", "rows")),
        Rows(rows, bad) => format!(
            "{rows} {}; {bad} cannot be read.",
            plural(*rows as i64, "row", "rows")
        ),
        MappingTitle => "Which column is which".into(),
        MappingNeeded => "The header does not name the columns customer, date and amount. Say which column holds each, then press Apply.".into(),
        MappingHint => "Change a column and press Apply: the whole file is checked again.".into(),
        Field(field) => match field {
            ImportField::Customer => "Customer",
            ImportField::Date => "Date",
            ImportField::Amount => "Amount",
            ImportField::Category => "Category",
            ImportField::Email => "E-mail",
            ImportField::FirstName => "First name",
        }
        .into(),
        NoColumn => "—".into(),
        PickColumn => "Pick a column".into(),
        Apply => "Apply".into(),
        PreviewTitle => "The first rows, as they will be read".into(),
        ColumnLine => "Line".into(),
        ColumnCustomer => "Customer".into(),
        ColumnLocalTime => "Shop time".into(),
        ColumnAmount => "Amount".into(),
        ColumnCategory => "Category".into(),
        ColumnEmail => "E-mail".into(),
        ColumnFirstName => "First name".into(),
        ColumnColumn => "Column".into(),
        ColumnReason => "What is wrong".into(),
        BadTitle => "Rows that cannot be read".into(),
        BadListed(shown, total) => format!("The first {shown} of the {total} are listed."),
        ImportPurchases(n) => format!("Import {n} {}", plural(*n as i64, "purchase", "purchases")),
        SkipBadRows => "Skip the bad rows and import".into(),
        SkipBadNote(good, bad) => format!(
            "Fix the file and upload it again, or import the {good} good {} and leave the {bad} bad {} out.",
            plural(*good as i64, "row", "rows"),
            plural(*bad as i64, "one", "ones")
        ),
        ImportingTitle => "Importing".into(),
        ProgressLabel => "Import progress".into(),
        Progress(done, total) => format!("{done} of {total} rows imported so far."),
        DoneTitle => "Import finished".into(),
        Added => "Purchases added".into(),
        AlreadyThere => "Already there".into(),
        MatchedByEmail => "Matched by e-mail".into(),
        MatchedByCustomer => "Matched by customer value".into(),
        NewMembers => "New members".into(),
        SeeInsights => "See them in Insights".into(),
        AnotherFile => "Import another file".into(),
        FailedTitle => "The import stopped".into(),
        CarryOn => "Carry on with the import".into(),
        EarlierTitle => "Earlier imports".into(),
        ColumnFile => "File".into(),
        ColumnUploaded => "Uploaded".into(),
        ColumnStatus => "Status".into(),
        ColumnRows => "Rows".into(),
        Open(name) => format!("Open {name}"),
        Status(status) => {
            use regulars_protocol::imports::ImportStatus as S;
            match status {
                S::NeedsMapping => "Waiting for the columns",
                S::Invalid => "Has bad rows",
                S::Ready => "Ready to import",
                S::Running => "Importing",
                S::Done => "Done",
                S::Failed => "Stopped",
            }
            .into()
        }
    }
}

pub(super) fn owner_text(msg: &OwnerMsg) -> String {
    match msg {
        OwnerMsg::PrintCard => "Print card".into(),
        OwnerMsg::CardToPrint(name) => format!("{name}'s printed card: print it and hand it over."),
        OwnerMsg::ForgotPassword => "Forgot your password?".into(),
        OwnerMsg::ResetTitle => "Choose a new password".into(),
        OwnerMsg::ResetIntro => "Regulars sends no e-mail. Ask whoever runs your shop's Regulars \
            server for a reset code: they run regulars-server reset-password with your e-mail \
            address and give you the code or a link to this page. The code works once, for an hour."
            .into(),
        OwnerMsg::ResetCode => "Reset code".into(),
        OwnerMsg::ResetCodeHint => "16 letters and digits, such as ABCD-EFGH-JKMN-PQRS.".into(),
        OwnerMsg::ResetCodeEmpty => "Enter the reset code first.".into(),
        OwnerMsg::SetNewPassword => "Set new password".into(),
        OwnerMsg::ResetCodeWrong => "This code is wrong, already used or more than an hour old. \
            Ask whoever runs the Regulars server for a new one."
            .into(),
        // The owner's offers
        OwnerMsg::OffersLink => "Offers".into(),
        OwnerMsg::OffersTitle => "Offers".into(),
        OwnerMsg::OffersIntro => "An offer shows on the cards of the members it is for, works \
            offline in the shop, and the till applies it with one tap."
            .into(),
        OwnerMsg::NewOffer => "New offer".into(),
        OwnerMsg::EditingOffer(title) => format!("Edit “{title}”"),
        OwnerMsg::SavingMakesVersion(n) => format!(
            "Saving makes version {n}. Uses and reactions so far stay with the version they \
             were for, and the same members stay held out."
        ),
        OwnerMsg::SaveVersion(n) => format!("Save version {n}"),
        OwnerMsg::CreateOffer => "Create offer".into(),
        OwnerMsg::StopEditing => "Stop editing".into(),
        OwnerMsg::OfferSaved { title, version } => {
            format!("“{title}” saved (version {version}).")
        }
        OwnerMsg::OfferTitle => "Title".into(),
        OwnerMsg::OfferTitleHint => {
            "What the shopper reads first, up to 60 characters: “A second pastry on us”.".into()
        }
        OwnerMsg::OfferText => "A line of text".into(),
        OwnerMsg::OfferTextHint => "Optional, up to 200 characters: “This week only”.".into(),
        OwnerMsg::OfferGives => "What it gives".into(),
        OwnerMsg::GiftKindLabel => "Gift".into(),
        OwnerMsg::GiftExtraStamps => "Extra stamps on the visit".into(),
        OwnerMsg::GiftMultiplier => "More points on the visit".into(),
        OwnerMsg::GiftCategoryMultiplier => "More points in one category".into(),
        OwnerMsg::GiftFreeItem => "Something free".into(),
        OwnerMsg::GiftAmountOff => "An amount off".into(),
        OwnerMsg::GiftPercentOff => "A percentage off".into(),
        OwnerMsg::ExtraStampsCount => "Extra stamps".into(),
        OwnerMsg::MultiplierLabel => "Points times".into(),
        OwnerMsg::Multiplier(tenths) => {
            let times = if tenths % 10 == 0 {
                format!("x{}", tenths / 10)
            } else {
                format!("x{}.{}", tenths / 10, tenths % 10)
            };
            if *tenths == 20 {
                format!("{times} (double points)")
            } else {
                times
            }
        }
        OwnerMsg::GiftCategory => "In the category".into(),
        OwnerMsg::PickCategory => "Choose a category".into(),
        OwnerMsg::FreeItemName => "What is free".into(),
        OwnerMsg::AmountOffLabel(currency) => format!("Amount off ({currency})"),
        OwnerMsg::PercentOffLabel => "Percent off".into(),
        OwnerMsg::WhenLegend => "When".into(),
        OwnerMsg::WhenHours => "Starts now, for the next few hours".into(),
        OwnerMsg::WhenDates => "From one day to another".into(),
        OwnerMsg::WhenKept(from, to) => format!("As it is: {from} to {to}"),
        OwnerMsg::HoursAhead => "For the next (hours)".into(),
        OwnerMsg::StartDate => "First day".into(),
        OwnerMsg::EndDate => "Last day".into(),
        OwnerMsg::DaysLegend => "Only on some days or hours".into(),
        OwnerMsg::DaysHint => "Optional. No day ticked: every day; no hours: all day.".into(),
        OwnerMsg::FromHour => "From".into(),
        OwnerMsg::ToHour => "Until".into(),
        OwnerMsg::AnyHour => "All day".into(),
        OwnerMsg::WhoLegend => "Who it is for".into(),
        OwnerMsg::OfferEveryone => "Everyone".into(),
        OwnerMsg::SomeMembers => "Some members: by group, by rule, or both".into(),
        OwnerMsg::SomeMembersHint => "Members in any group ticked (none ticked: any group) who \
            also meet every rule filled in. Members who did not agree to offers picked from \
            their visits do not get these."
            .into(),
        OwnerMsg::GroupsLegend => "Groups".into(),
        OwnerMsg::RulesLegend => "Rules".into(),
        OwnerMsg::MinVisits => "Visits at least".into(),
        OwnerMsg::MinSpend(currency) => format!("Spent at least ({currency})"),
        OwnerMsg::LapsedDays => "Not seen for at least (days)".into(),
        OwnerMsg::Overdue => "Overdue against their own usual rhythm".into(),
        OwnerMsg::BoughtCategory => "Bought in the category".into(),
        OwnerMsg::AnyCategory => "Any category".into(),
        OwnerMsg::TopCustomers => "Among the top customers".into(),
        OwnerMsg::UsesPerMember => "Uses per member".into(),
        OwnerMsg::OfferHoldout => "Held out (%)".into(),
        OwnerMsg::HoldoutHint(percent) => format!(
            "A random {percent} % of eligible members never see it, so you can see what it \
             really changes."
        ),
        OwnerMsg::OfferCounting => "Counting the members it reaches…".into(),
        OwnerMsg::OfferReaches {
            eligible,
            held_out,
            without_consent,
        } => {
            let members = plural(*eligible, "member", "members");
            match without_consent {
                Some(n) if *n > 0 => format!(
                    "Reaches {eligible} {members} ({held_out} held out; {n} did not agree to \
                     offers picked from their visits)"
                ),
                _ => format!("Reaches {eligible} {members} ({held_out} held out)"),
            }
        }
        OwnerMsg::OfferFault { field, message } => {
            let part = field.split('.').next_back().unwrap_or(field);
            let name = match part {
                "title" => "Title",
                "text" => "Text",
                "gift" => "Gift",
                "count" => "Extra stamps",
                "times_tenths" => "Points times",
                "category" if field.starts_with("gift") => "Category",
                "category" => "Bought in the category",
                "item" => "What is free",
                "amount_minor" => "Amount off",
                "percent" => "Percent off",
                "starts_at" => "Start",
                "ends_at" => "End",
                "weekdays" => "Days",
                "hours" => "Hours",
                "audience" => "Who it is for",
                "segments" => "Groups",
                "min_visits" => "Visits at least",
                "min_spend_minor" => "Spent at least",
                "lapsed_days" => "Not seen for",
                "holdout_percent" => "Held out",
                "uses_per_member" => "Uses per member",
                _ => "",
            };
            let message = message.trim_end_matches('.');
            if name.is_empty() {
                format!("{message}.")
            } else {
                format!("{name}: {message}.")
            }
        }
        OwnerMsg::OfferWholeNumber => "a whole number is needed".into(),
        OwnerMsg::OfferMoneyNeeded => "an amount such as 2.50 is needed".into(),
        OwnerMsg::OfferDateNeeded => "choose a day".into(),
        OwnerMsg::OfferHoursBoth => "choose both hours, or neither".into(),
        OwnerMsg::OfferHoursAheadRange(most) => format!("a same-day offer runs 1 to {most} hours"),
        OwnerMsg::OffersListTitle => "Your offers".into(),
        OwnerMsg::OffersEmpty => "No offers yet.".into(),
        OwnerMsg::OfferStatusName(status) => {
            use regulars_protocol::offers::OfferStatus;
            match status {
                OfferStatus::Active => "Active",
                OfferStatus::Paused => "Paused",
                OfferStatus::Ended => "Ended",
                OfferStatus::Unknown => "Other",
            }
            .into()
        }
        OwnerMsg::OfferVersion(n) => format!("version {n}"),
        OwnerMsg::OfferDates(from, to) => format!("{from} to {to}"),
        OwnerMsg::ForWhom(who) => format!("For: {who}"),
        OwnerMsg::UsesSummary(1) => "Once per member".into(),
        OwnerMsg::UsesSummary(n) => format!("{n} times per member"),
        OwnerMsg::HoldoutSummary(percent) => format!("{percent} % held out"),
        OwnerMsg::GivesStamps(n) => format!("{n} extra {}", plural(*n, "stamp", "stamps")),
        OwnerMsg::GivesMultiplier(tenths) => {
            format!("{} points", owner_text(&OwnerMsg::Multiplier(*tenths)))
        }
        OwnerMsg::GivesCategoryMultiplier(tenths, category) => format!(
            "{} points on {category}",
            owner_text(&OwnerMsg::Multiplier(*tenths))
        ),
        OwnerMsg::GivesItem(item) => format!("Free: {item}"),
        OwnerMsg::GivesAmountOff(amount) => format!("{amount} off"),
        OwnerMsg::GivesPercentOff(percent) => format!("{percent} % off"),
        OwnerMsg::RuleMinVisits(n) => format!("at least {n} {}", plural(*n, "visit", "visits")),
        OwnerMsg::RuleMinSpend(amount) => format!("spent at least {amount}"),
        OwnerMsg::RuleLapsed(days) => {
            format!("not seen for {days} {}", plural(*days, "day", "days"))
        }
        OwnerMsg::RuleOverdue => "overdue".into(),
        OwnerMsg::RuleCategory(category) => format!("bought {category}"),
        OwnerMsg::RuleTop => "top customers".into(),
        OwnerMsg::CountEligible => "Eligible".into(),
        OwnerMsg::CountHeldOut => "Held out".into(),
        OwnerMsg::CountShown => "Shown".into(),
        OwnerMsg::CountOpened => "Opened".into(),
        OwnerMsg::CountSaved => "Saved".into(),
        OwnerMsg::CountDismissed => "Dismissed".into(),
        OwnerMsg::CountUsed => "Used".into(),
        OwnerMsg::PauseOffer => "Pause".into(),
        OwnerMsg::ResumeOffer => "Resume".into(),
        OwnerMsg::EndOffer => "End".into(),
        OwnerMsg::OfferEffect(effect, currency) => effect_text(effect, currency),
        OwnerMsg::ConfirmEndOffer(title) => format!(
            "End “{title}”? Cards stop showing it and the till can no longer apply it. This \
             cannot be undone."
        ),
        OwnerMsg::ConfirmEndOfferButton => "End offer".into(),
        OwnerMsg::CountOnCards => "On cards".into(),
        OwnerMsg::CountFirstOn => "First on".into(),
        OwnerMsg::OfferResultKept => "Final result: its window has closed.".into(),
        OwnerMsg::CompareTitle => "How the offers compare".into(),
        OwnerMsg::CompareOffer => "Offer".into(),
        OwnerMsg::CompareVisits => "Visits per member".into(),
        OwnerMsg::CompareSpend => "Spend per member".into(),
        OwnerMsg::CompareDismissed => "Dismissed".into(),
        OwnerMsg::CompareVerdict => "Verdict".into(),
        OwnerMsg::VerdictShort(v) => {
            use regulars_protocol::offers::EffectVerdict::*;
            match v {
                Adds => "Works",
                Reduces => "Fewer visits",
                NoEffectYet => "Not yet clear",
                Annoys => "Annoys",
                TooFewMembers | Unknown => "Too few members",
            }
            .into()
        }
        OwnerMsg::MemberOffersTitle => "Their offers".into(),
        OwnerMsg::MemberOffersNone => "No running offer is meant for this member.".into(),
        OwnerMsg::OfferPlace(n) => format!("No. {n} on their card"),
        OwnerMsg::OfferWithheld(w) => {
            use regulars_protocol::offers::Withheld::*;
            match w {
                HeldOut => "Held out: never shown to them, so its effect can be measured",
                Dismissed => "Not shown: they dismissed it",
                Suppressed => "Held back: they dismissed two offers like it lately",
                UsedUp => "Not shown: used up",
                NoRoom => "Not shown: six offers rank above it",
                Unknown => "Not shown",
            }
            .into()
        }
        OwnerMsg::OfferReason(r) => reason_text(r),
    }
}

/// A kind of gift in a sentence ("free-item offers").
fn kind_words(kind: &str) -> &'static str {
    match kind {
        "extra_stamps" => "extra-stamp",
        "points_multiplier" => "points-multiplier",
        "category_multiplier" => "category-multiplier",
        "free_item" => "free-item",
        "amount_off" => "money-off",
        "percent_off" => "percentage-off",
        _ => "such",
    }
}

fn reason_text(r: &regulars_protocol::offers::OfferReason) -> String {
    use regulars_protocol::offers::ReasonCode::*;
    let name = r.name.clone().unwrap_or_default();
    match r.code {
        Saved => "They saved it.".into(),
        Buys => format!("Buys {name} on {} of {} visits.", r.count, r.of),
        TookKind => format!(
            "Took up {} of the {} {} offers they were shown.",
            r.count,
            r.of,
            kind_words(&name)
        ),
        SkippedKind => format!(
            "Took up none of the {} {} offers they were shown.",
            r.of,
            kind_words(&name)
        ),
        Buyers => format!(
            "Members who buy {name} took it up {} % of the time ({} % of all members).",
            r.count, r.of
        ),
        Peers => {
            let group = regulars_protocol::insights::Segment::parse(&name)
                .map(|s| text(&Msg::SegmentName(s)))
                .unwrap_or(name);
            format!(
                "Members in {group} took it up {} % of the time ({} % of all members).",
                r.count, r.of
            )
        }
        New => format!(
            "New: shown to {} members so far, so it still gets its chance.",
            r.count
        ),
        TakenUp => format!("Taken up by {} of the {} members shown it.", r.count, r.of),
        Unknown => String::new(),
    }
}

pub(super) fn date(at: OffsetDateTime) -> String {
    at.format(format_description!(
        "[day padding:none] [month repr:short] [year]"
    ))
    .unwrap_or_default()
}

pub(super) fn date_time(at: OffsetDateTime) -> String {
    at.format(format_description!(
        "[day padding:none] [month repr:short] [year], [hour]:[minute]"
    ))
    .unwrap_or_default()
}

pub(super) fn time_of_day(at: OffsetDateTime) -> String {
    at.format(format_description!("[hour]:[minute]"))
        .unwrap_or_default()
}

fn weekday(day: u8) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    .get(usize::from(day))
    .copied()
    .unwrap_or("?")
}

fn segment_name(segment: regulars_protocol::insights::Segment) -> &'static str {
    use regulars_protocol::insights::Segment::*;
    match segment {
        Champions => "Champions",
        Loyal => "Loyal",
        Potential => "Potential loyalists",
        New => "New",
        Promising => "Promising",
        NeedAttention => "Need attention",
        AtRisk => "At risk",
        CantLose => "Can't lose them",
        Hibernating => "Hibernating",
        Lost => "Lost",
        Unknown => "Other",
    }
}

/// An offer's effect in a few sentences: the verdict first, then the figures with their
/// intervals, then what was measured.
fn effect_text(e: &regulars_protocol::offers::OfferEffect, currency: &str) -> String {
    use regulars_protocol::offers::EffectVerdict::*;
    let visits = |v: i64| format!("{:+.2}", v as f64 / 1000.0);
    let money = |m: i64| {
        let sign = if m < 0 { "-" } else { "+" };
        format!(
            "{sign}{}",
            regulars_protocol::program::format_money(m.abs(), currency)
        )
    };
    let verdict = match e.verdict {
        Adds => format!(
            "Adds about {:.1} visits per member, and that is unlikely to be chance.",
            e.visits.estimate as f64 / 1000.0
        ),
        Reduces => "Members who could see it came less often than those held out.".into(),
        NoEffectYet => match e.more_members {
            Some(n) if n > 0 => {
                format!("No measurable effect yet; about {n} more members needed to tell.")
            }
            _ => "No measurable effect yet.".into(),
        },
        Annoys => format!(
            "Dismissed by {} %: it annoys more than it helps.",
            e.dismissed_percent
        ),
        TooFewMembers | Unknown => "Too few members on one side to measure its effect yet.".into(),
    };
    let figures = if e.verdict == TooFewMembers {
        String::new()
    } else {
        format!(
            " Visits per member {} (95 % interval {} to {}); spend per member {} ({} to {}).",
            visits(e.visits.estimate),
            visits(e.visits.low),
            visits(e.visits.high),
            money(e.spend_minor.estimate),
            money(e.spend_minor.low),
            money(e.spend_minor.high),
        )
    };
    let days = if e.days == 1 { "day" } else { "days" };
    format!(
        "{verdict}{figures} Over {} {days}: {} who could see it against {} held out.",
        e.days, e.members, e.held_out
    )
}
