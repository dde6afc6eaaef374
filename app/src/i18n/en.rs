//! English.

use regulars_protocol::{CardCodeError, ProgramKind};
use time::OffsetDateTime;
use time::macros::format_description;

use super::{Category, Msg};

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
        HistAdjustment { delta, reason } => format!("Correction {}: {reason}", signed(*delta)),
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
        BadCode(err) => match err {
            CardCodeError::Empty => "No code was entered.",
            CardCodeError::TooLong => "The code is too long to be a Regulars card.",
            CardCodeError::UnknownPrefix => "This is not a Regulars card code.",
            CardCodeError::NotBase45 => "The code has characters a Regulars card never shows.",
            CardCodeError::WrongLength => "The code is cut short or has extra characters.",
        }
        .into(),
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
        CardShortId(id) => format!("Card {id}…"),
        EarlierPairing => {
            "Given before this tablet was paired again; the server cannot take it from this pairing."
                .into()
        }
        Saving => "Saving…".into(),

        SetupTitle => "Set up your loyalty program".into(),
        SetupIntro => "It takes a minute, and you can change everything later.".into(),
        Password => "Password".into(),
        PasswordHint => "At least 10 characters.".into(),
        ShopName => "Shop name".into(),
        BrandColour => "Brand colour".into(),
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
        ReviewFlag(code) => match code.as_str() {
            "double_redemption" => "redeemed offline without enough on the card".into(),
            "compensation" => "added by Regulars to balance an offline redemption".into(),
            "clock_skew" => "the tablet's clock was far off".into(),
            "offline_not_allowed" => "redeemed offline above your offline limit".into(),
            "reward_retired" => "the reward was already retired".into(),
            "reward_cost_changed" => "the reward's cost had changed".into(),
            other => other.replace('_', " "),
        },
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
