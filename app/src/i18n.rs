//! Every sentence people read, in one typed catalogue.
//!
//! A page writes `t(Msg::Join)`, never a literal. English lives in [`en`] today. Every variant also
//! has its message in `app/locales/en.ftl` (the id is the variant's name in kebab-case, with a
//! prefix per enum), the source of the translations beside it: `cargo xtask locales` and xtask's
//! tests fail when a variant has no message there, or a message no variant.

mod en;

use regulars_protocol::{CardCodeError, ProgramKind};
use time::OffsetDateTime;

/// The languages the app speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    /// The language of the page (the `lang` attribute), English when there is no choice yet.
    pub fn current() -> Lang {
        leptos::prelude::use_context::<Lang>().unwrap_or_default()
    }
}

/// The purchase categories a cashier can tap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Coffee,
    Food,
    Drinks,
    Retail,
    Other,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Coffee,
        Category::Food,
        Category::Drinks,
        Category::Retail,
        Category::Other,
    ];

    /// The tag stored with the event (stable, not translated).
    pub fn tag(self) -> &'static str {
        match self {
            Category::Coffee => "coffee",
            Category::Food => "food",
            Category::Drinks => "drinks",
            Category::Retail => "retail",
            Category::Other => "other",
        }
    }
}

/// One message. Variants with data carry what the sentence needs; plural forms are chosen by
/// the language file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    // General
    Loading,
    NetworkDown,
    UnexpectedAnswer,
    StorageFailed(String),
    NotFoundTitle,
    NotFoundBody,
    GoToMyCards,
    /// "stamps"/"points" after a number.
    Unit(ProgramKind, i64),
    /// "3 stamps".
    Amount(ProgramKind, i64),

    // Wallet
    MyCards,
    NoCardsYet,
    NoCardsHint,

    // Join
    Join,
    Joining,
    OpenMyCard,
    AlreadyMember,
    JoinPitch {
        kind: ProgramKind,
        cost: i64,
        reward: String,
    },
    JoinPitchNoReward(ProgramKind),
    JoinPromise,

    // Card
    CardQrLabel,
    BrightnessHint,
    CardCodeCaption,
    ReadyToRedeem,
    MoreToGo(ProgramKind, i64),
    RewardsHeading,
    HistoryHeading,
    NoHistory,
    HistStamps(i64),
    HistPoints {
        points: i64,
        money: Option<String>,
    },
    HistRedeemed {
        reward: Option<String>,
        cost: i64,
    },
    HistAdjustment {
        delta: i64,
        reason: String,
    },
    HistReversal {
        delta: i64,
        reason: String,
    },
    Profile,
    AllCards,
    LastSynced(OffsetDateTime),
    Syncing,
    OfflineNote,
    CardNotOnPhone,
    CardRevoked,
    StampGridLabel {
        filled: i64,
        size: i64,
    },

    // Profile
    ProfileTitle,
    ProfileIntro,
    FirstName,
    Email,
    SaveProfile,
    ProfileSaved,
    BackToCard,

    // Till
    PairTitle,
    PairIntro,
    PairingCode,
    PairTablet,
    Pairing,
    Unpaired,
    CardCode,
    FindCard,
    ScanHint,
    Member,
    Balance,
    FewerStamps,
    MoreStamps,
    GiveStamps(i64),
    PurchaseAmount,
    PurchaseAmountOptional,
    AddPoints,
    PointsPreview(i64),
    InvalidAmount,
    CategoryLabel,
    CategoryName(Category),
    Redeem(String),
    StampsGiven {
        count: i64,
        balance: i64,
    },
    PointsAdded {
        points: i64,
        balance: i64,
    },
    RewardRedeemed {
        reward: String,
        balance: i64,
    },
    NoResult,
    NextCustomer,
    // The till's camera and sounds
    CameraTitle,
    ScanWithCamera,
    CameraView,
    CameraStarting,
    CameraAim,
    SwitchCamera,
    Torch,
    CloseCamera,
    CameraInsecure,
    CameraDenied,
    CameraMissing,
    CameraInUse,
    CameraDecoderFailed,
    /// The camera failed for another reason (the browser's words).
    CameraFailed(String),
    Sound,
    SoundOnHint,
    SoundOffHint,
    /// A card code that cannot be read (checked on the tablet while offline).
    BadCode(CardCodeError),
    /// A well-formed card code the till does not accept (old, expired, forged, copied...).
    CodeRefused(regulars_protocol::CodeRefused),
    /// How the code on screen proved itself.
    CodeCheckNote(regulars_protocol::wire::CodeCheck),
    /// A reward needs the card's own live code.
    RedeemNeedsPhone,
    // The owner's password.
    ChangePassword,
    CurrentPassword,
    NewPassword,
    PasswordTooShort,
    PasswordChanged,
    CardBlocked,
    OfflineLastKnown,
    NotInDirectory,
    RedeemNeedsConnection,

    // Till sync
    Online,
    Offline,
    ToSync(u32),
    RejectedCount(u32),
    Outbox,
    OutboxTitle,
    OutboxIntro,
    OutboxEmpty,
    CloseOutbox,
    WaitingToSync,
    RejectedBecause(String),
    HeldBecause(String),
    HeldCount(u32),
    UnreadableRecord,
    CardShortId(String),
    EarlierPairing,
    Saving,

    // Owner
    SetupTitle,
    SetupIntro,
    Password,
    PasswordHint,
    ShopName,
    BrandColour,
    /// Under the brand colour: the text colour derived for it and its contrast.
    BrandInk {
        white: bool,
        ratio_tenths: i64,
    },
    /// Sample text shown on the brand colour.
    BrandInkSample,
    ProgramType,
    Stamps,
    Points,
    RewardName,
    RewardNamePlaceholder,
    StampsPerReward,
    PointsPerReward,
    PointsPerUnit(String),
    CreateProgram,
    HaveAccount,
    LoginTitle,
    LogIn,
    CreateNewProgram,
    Members(i64),
    JoinLinkLabel,
    PrintPoster,
    TabletsHeading,
    CreatePairingCode,
    PairingExpires(OffsetDateTime),
    PairingHelp,
    Edit,
    Retire,
    Reactivate,
    Retired,
    NewRewardName,
    NewRewardCost,
    AddReward,
    RewardCost,
    SaveReward,
    Cancel,
    SettingsHeading,
    Currency,
    TimeZone,
    StampsPerVisit,
    /// Label of the offline redemption limit, with the unit (stamps or points).
    OfflineRedemptionMax(ProgramKind),
    OfflineRedemptionHint,
    SaveSettings,
    UpdateAvailable,
    ReviewHeading,
    ReviewEmpty,
    /// A flag on an event, by its code (`double_redemption`, `clock_skew`, ...).
    ReviewFlag(regulars_protocol::Flag),
    ReloadToUpdate,
    SettingsSaved,
    LogOut,
    WholeNumberNeeded(Box<Msg>),

    // Poster
    ScanToJoin,
    Print,
    JoinQrLabel,
    BackToDashboard,
    NeedLogin,
    GoToAdmin,

    // Signed card codes: card keys, the live code, recovery codes, owner's members (issue 4)
    /// The browser has no WebCrypto here (an old browser, or not HTTPS).
    NoWebCrypto,
    /// WebCrypto failed to make or use the card's key.
    CardKeyFailed(String),
    RecoveryHeading,
    RecoveryWriteDown,
    RecoveryKeepPrivate,
    Done,
    /// The server made or moved the card, but IndexedDB could not keep it: the reason and
    /// the recovery code that is the way back.
    CardNotKept {
        why: String,
        code: Option<String>,
    },
    /// Moved here: the old recovery code stopped working.
    RecoveryReplaced,
    MoveCardHere,
    RecoverIntro,
    RecoveryCodeLabel,
    MoveCard,
    MovingCard,
    RecoveryCodeEmpty,
    RecoveryCodeWrong,
    TooManyTries,
    /// Countdown to the next code, in seconds.
    NewCodeIn(i64),
    PreparingCode,
    CodeNeedsConnection,
    KeyNotOnPhone,
    RepairCard,
    RepairingCard,
    CardNoLongerHere,
    CardBlockedByShop,
    NoRecoveryCode,
    MakeRecoveryCode,
    RecoveryCodeMade,
    MembersHeading,
    MembersLink,
    MembersEmpty,
    MemberSince(OffsetDateTime),
    PrintedCardTag,
    BlockedTag,
    BlockCard,
    /// Asks before blocking the card of the member named so.
    ConfirmBlock(String),
    ConfirmBlockButton,
    CardBlockedDone(String),
    MakePrintedCard,
    PrintedCardIntro,
    PrintedCardQrLabel,
    /// What a printed card can do in this program: "Stamps only".
    PrintedCardOnly(ProgramKind),
    PrintedCardMade,
    /// A member without a first name, by the start of their card id.
    UnnamedMember(String),

    // Staff and tablets: switching with a PIN, the last actions, the owner's staff, tablets,
    // limits and anomalies (issue 4)
    /// The till header: who is at the till.
    ActingAs(String),
    SwitchStaff,
    SwitchTitle,
    NoStaffWithPin,
    /// A manager or the owner switches in with the server, not offline.
    SwitchNeedsConnection,
    /// The customer was scanned too long ago.
    ScanAgain,
    /// An online redemption was sent and its answer has not arrived.
    RedemptionChecking,
    /// What the server marked on an event the till made, in plain words.
    ServerFlagged(Vec<regulars_protocol::Flag>),
    /// An event of a kind this version does not know.
    HistUnknown,
    /// The PIN pad's heading, for the member picked.
    PinFor(String),
    PinDelete,
    PinConfirm,
    PinChecking,
    OtherStaff,
    Close,
    /// A wrong PIN, and how many more wrong PINs pause the till.
    PinWrong(u32),
    /// Paused after wrong PINs, for this many seconds.
    PinPaused(i64),
    PinUnpairPending,
    SwitchedTo(String),
    NobodyAtTill,
    RecentHeading,
    RecentEmpty,
    Undo,
    Reverse,
    ReverseReason,
    ConfirmReverse,
    /// The reason stored with a cashier's undo.
    UndoReason,
    Undone,
    UndoneBalance(i64),
    /// The customer's balance after what the server did.
    BalanceNow(i64),
    UndoneTag,
    ReasonNeeded,
    /// "by Bo".
    ByStaff(String),
    StaffHeading,
    StaffName,
    StaffRoleLabel,
    RoleName(regulars_protocol::StaffRole),
    Pin,
    PinHint,
    NewPinOptional,
    AddStaff,
    SaveStaff,
    Deactivate,
    DeactivatedTag,
    NoPinTag,
    StaffAdded(String),
    StaffSaved(String),
    PinMustBeDigits,
    DevicesHeading,
    NoDevices,
    LastSeen(OffsetDateTime),
    NeverSeen,
    PairedOn(OffsetDateTime),
    UnpairDevice,
    UnpairedOn(OffsetDateTime),
    Refresh,
    /// Limit labels, with the unit the limit counts in this program.
    CardDailyLimit(ProgramKind),
    StaffHourlyLimit(ProgramKind),
    LimitsHint,
    AnomaliesHeading(i64),
    NoAnomalies,
    /// The card rule, in words: minimum visits, factor, the typical card's visits.
    CardAnomalyRule {
        min: i64,
        factor: i64,
        typical: i64,
    },
    StaffAnomalyRule {
        min: i64,
        factor: i64,
    },
    CardAnomaly {
        who: String,
        visits: i64,
    },
    StaffAnomaly {
        name: String,
        redemptions: i64,
        percent: i64,
        others: i64,
    },
    // The recommend question on the card
    /// "How likely are you to recommend {shop} to a friend?"
    NpsQuestion(String),
    NpsNotLikely,
    NpsVeryLikely,
    NpsCommentLabel,
    /// Characters typed of the most allowed.
    NpsCommentCount(usize, usize),
    NpsSend,
    NpsNotNow,
    NpsPickScore,
    NpsThanks,
    /// The phone's or the server's refusal of an answer (the server's reason when the code
    /// is not one the card words itself).
    NpsRefused(Option<regulars_protocol::Refusal>, String),
    NpsRefusedRead,
    // The recommend question in the owner's Insights
    NpsTitle,
    NpsScore,
    NpsGroups {
        promoters: i64,
        passives: i64,
        detractors: i64,
    },
    NpsNoAnswers,
    /// The score, and the answers it stands on.
    NpsSentence(i64, i64),
    NpsByMonth,
    NpsComments,
    NpsNoComments,
    /// "7 of 10".
    NpsAnswerScore(i64),
    NpsMemberNone,
    // Predicted value (the owner's Insights)
    ClvTitle,
    /// As of a day, from so many members, so many of whom came back.
    ClvAsOf(String, i64, i64),
    /// Too few members came back to fit: how many did, how many it needs.
    ClvTooFew(i64, i64),
    ClvNotConverged,
    ClvNoAmounts(i64, i64),
    /// While active, a typical member comes about every so many weeks.
    ClvRhythm(String),
    /// The chance, in percent, that a member stops coming after a visit.
    ClvDropout(i64),
    ClvSpendPerVisit(String),
    ClvTopTitle(i64),
    ClvDriftingTitle,
    ClvNoneDrifting,
    ClvColumnVisits,
    ClvColumnFavourite,
    ClvColumnActive,
    ClvColumnPredicted,
    /// The member page: chance of being active, visits expected in 90 days, predicted spend.
    ClvMemberLine {
        active: i64,
        visits: String,
        spend: Option<String>,
    },
    ClvMemberTop(i64),
    ClvCheckTitle,
    /// Fitted up to a day: over so many weeks after it, the visits expected and made.
    ClvCheckSentence {
        as_of: String,
        weeks: i64,
        predicted: i64,
        actual: i64,
    },
    /// One week of the check: week, expected, made (both by the end of the week).
    ClvCheckWeek(i64, i64, i64),
    ClvMemberDrifting,
    // Insights (the owner's pages)
    InsightsLink,
    InsightsTitle,
    /// A category's name and its percent of the period's purchases.
    TopCategory(String, i64),
    HeatmapOf,
    EveryMember,
    PeriodFrom,
    PeriodTo,
    ShowPeriod,
    LastDays(i64),
    FigureMembers,
    FigureNewMembers,
    FigureActiveMembers,
    FigureVisits,
    FigureRepeatRate,
    FigureVisitsPerActive,
    FigureAverageSpend,
    FigureRevenue,
    FigureRewards,
    /// "was 12 (+25 %)" for the period before.
    Before(String, Option<i64>),
    NoAmountsYet,
    NobodyNew,
    WeeklyVisits,
    /// Visits rose or fell by this many percent against the period before (None: no visits then).
    VisitsTrend(Option<i64>),
    WhenTheyCome,
    /// Busiest weekday (0 = Monday) and hour.
    BusiestSlot(u8, u8),
    /// First and last weekday, from and to hour.
    TopCustomersCome(u8, u8, u8, u8),
    NoVisitsYet,
    Weekday(u8),
    SegmentsTitle,
    SegmentName(regulars_protocol::insights::Segment),
    SegmentsMoved(i64, String),
    WithoutVisits(i64),
    SegmentMembersTitle(String),
    DownloadCsv,
    /// The member page's link to their whole history as a spreadsheet.
    DownloadHistoryCsv,
    /// The members page's link to every member as a spreadsheet.
    DownloadMembersCsv,
    PageOf(u32, u32),
    PreviousPage,
    NextPage,
    ColumnMember,
    ColumnLastVisit,
    ColumnVisits12m,
    ColumnSpend12m,
    ColumnScores,
    MemberTotals {
        visits: i64,
        spend: Option<String>,
    },
    VisitsByMonth,
    CategoriesBought,
    NoCategories,
    RecentHistory,
    OwnerNote,
    SaveNote,
    Saved,
    CategoriesTitle,
    CategoriesHelp,
    AddCategory,
    SaveCategories,
    RemoveCategory(String),
    CategoryField(usize),
    // Offers at the till
    /// The heading of the offers the customer on screen can use now.
    TillOffersHeading,
    /// The member saved this offer on their phone.
    TillOfferSaved,
    /// Uses an offer (or, for a points multiplier, arms it for the next purchase).
    TillOfferApply,
    /// A multiplier armed for the purchase being entered (the pressed Apply button).
    TillOfferArmedTag,
    /// What an offer gives: extra stamps.
    TillOfferExtraStamps(i64),
    /// What an offer gives: points multiplied, in tenths ("x2 points", "x1.5 points").
    TillOfferTimes(i64),
    /// Points multiplied, in tenths, for one category (its name).
    TillOfferTimesIn(i64, String),
    /// Something handed over free.
    TillOfferFree(String),
    /// An amount off the bill, formatted.
    TillOfferAmountOff(String),
    /// A percentage off the bill.
    TillOfferPercentOff(i64),
    /// Beside the amount: "x2 points on this purchase" (what the armed offer gives).
    TillOfferOnPurchase(String),
    /// Takes the armed multiplier off this purchase.
    TillOfferClear,
    /// The armed multiplier is for another category than the one picked: no multiplier.
    TillOfferNotThisCategory(String),
    /// An offer used, with the stamps it added and the balance after.
    TillOfferUsed {
        title: String,
        stamps: i64,
        balance: i64,
    },
    /// Points added with a multiplying offer.
    TillOfferPointsAdded {
        points: i64,
        title: String,
        balance: i64,
    },
    /// An offer use in the last actions and the outbox: its title if the till knows it, and
    /// the extra stamps it gave.
    TillOfferLine {
        title: Option<String>,
        stamps: i64,
    },
    /// What a good barista remembers: visits, favourite category, last visit (with its year
    /// when that is not this year).
    TillRegular {
        visits: i64,
        favourite: Option<String>,
        last_visit: Option<time::Date>,
        with_year: bool,
    },
    // Offers on the card
    ForYouHeading,
    /// An offer ending soon: the minutes left ("Ends in 5 hours").
    OfferEndsIn(i64),
    /// Opens an offer's details.
    OfferDetails,
    /// When an offer can be used: its end, and its days (1 = Monday) and hours if limited.
    OfferWhen {
        until: OffsetDateTime,
        days: Vec<u8>,
        hours: Option<(u8, u8)>,
    },
    OfferSave,
    OfferSaved,
    OfferDismiss,
    /// The choice at join and on the profile: offers picked from the member's visits.
    OffersConsent,
    OffersConsentHint,
    /// When the member last chose.
    OffersConsentChosen(OffsetDateTime),
    /// An offer used, with the extra stamps it added.
    HistOfferUsed(i64),
}

/// A field of a purchase-history file (`regulars_protocol::imports::ColumnMapping`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportField {
    Customer,
    Date,
    Amount,
    Category,
    Email,
    FirstName,
}

impl ImportField {
    /// In the order the mapping form shows them (the required ones first).
    pub const ALL: [ImportField; 6] = [
        ImportField::Customer,
        ImportField::Date,
        ImportField::Amount,
        ImportField::Category,
        ImportField::Email,
        ImportField::FirstName,
    ];

    /// Every row needs this field.
    pub fn required(self) -> bool {
        matches!(
            self,
            ImportField::Customer | ImportField::Date | ImportField::Amount
        )
    }
}

/// The sentences of the owner's import of purchase history (`/admin/import`).
///
/// A catalogue of its own beside [`Msg`]: every sentence of `Msg` is in each of the three
/// bundles (a page picks one at run time), while only the owner's bundle reaches these, so the
/// shopper's and the till's bundles (held to their size budgets) do not carry them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportMsg {
    /// The dashboard's and Insights' link to the page.
    Link,
    Title,
    Intro,
    FormatTitle,
    FormatColumns,
    /// Dates, in the shop's time zone (named).
    FormatDates(String),
    /// Amounts, in the shop's currency (named).
    FormatAmounts(String),
    /// The shop's categories, by name.
    FormatCategories(String),
    FormatAgain,
    FormatBalance,
    FileLabel,
    FileHint,
    /// Sending and checking the file named so.
    Uploading(String),
    TooLarge,
    /// Rows in the file and how many of them cannot be read.
    Rows(u64, u64),
    MappingTitle,
    MappingNeeded,
    MappingHint,
    Field(ImportField),
    NoColumn,
    PickColumn,
    Apply,
    PreviewTitle,
    ColumnLine,
    ColumnCustomer,
    ColumnLocalTime,
    ColumnAmount,
    ColumnCategory,
    ColumnEmail,
    ColumnFirstName,
    ColumnColumn,
    ColumnReason,
    BadTitle,
    /// The first so many bad rows of how many are listed.
    BadListed(usize, u64),
    /// Start a job whose rows all read: "Import 120 purchases".
    ImportPurchases(u64),
    SkipBadRows,
    /// Good rows, bad rows.
    SkipBadNote(u64, u64),
    ImportingTitle,
    ProgressLabel,
    /// Good rows committed, of how many.
    Progress(u64, u64),
    DoneTitle,
    Added,
    AlreadyThere,
    MatchedByEmail,
    MatchedByCustomer,
    NewMembers,
    SeeInsights,
    AnotherFile,
    FailedTitle,
    CarryOn,
    EarlierTitle,
    ColumnFile,
    ColumnUploaded,
    ColumnStatus,
    ColumnRows,
    /// Opens an earlier import, by its file's name.
    Open(String),
    Status(regulars_protocol::imports::ImportStatus),
}

impl ImportMsg {
    /// The message in the page's language.
    pub fn text(&self) -> String {
        match Lang::current() {
            Lang::En => en::import_text(self),
        }
    }
}

/// An import sentence in the page's language.
pub fn ti(msg: ImportMsg) -> String {
    msg.text()
}

/// Sentences only the owner's pages show (beside the import's own [`ImportMsg`]).
///
/// Like [`ImportMsg`], only the owner's bundle reaches this catalogue, so the shopper's and the
/// till's bundles (held to their size budgets) do not carry it: a new owner-only sentence goes
/// here rather than in [`Msg`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnerMsg {
    /// A member row's button: the printed card of a member without a phone, to print again.
    PrintCard,
    /// A member's printed card is shown again (their name): the same code as ever.
    CardToPrint(String),
    /// The login form's link to `/admin/reset`.
    ForgotPassword,
    // `/admin/reset`: a new password with the one-time code the server's operator printed.
    ResetTitle,
    /// Where the code comes from, and that it works once, for an hour.
    ResetIntro,
    ResetCode,
    ResetCodeHint,
    ResetCodeEmpty,
    SetNewPassword,
    /// The server refused the code (`invalid_reset_code`): wrong, used or too old.
    ResetCodeWrong,
    // The owner's offers
    /// The dashboard's link to `/admin/offers`.
    OffersLink,
    OffersTitle,
    OffersIntro,
    NewOffer,
    /// The form's heading while it edits an offer (its title).
    EditingOffer(String),
    /// Saving the edit makes this version.
    SavingMakesVersion(i32),
    /// The edit's submit button: the version it makes.
    SaveVersion(i32),
    CreateOffer,
    StopEditing,
    /// An offer was saved: its title and version.
    OfferSaved {
        title: String,
        version: i32,
    },
    OfferTitle,
    OfferTitleHint,
    OfferText,
    OfferTextHint,
    /// The legend of what an offer gives, and the select's label.
    OfferGives,
    GiftKindLabel,
    GiftExtraStamps,
    GiftMultiplier,
    GiftCategoryMultiplier,
    GiftFreeItem,
    GiftAmountOff,
    GiftPercentOff,
    ExtraStampsCount,
    MultiplierLabel,
    /// A multiplier, in tenths: "x1.5", "x2 (double points)".
    Multiplier(i64),
    GiftCategory,
    PickCategory,
    FreeItemName,
    /// The amount off, in the shop's currency (its code).
    AmountOffLabel(String),
    PercentOffLabel,
    WhenLegend,
    WhenHours,
    WhenDates,
    /// Editing: the offer's window as it is (from, to).
    WhenKept(String, String),
    HoursAhead,
    StartDate,
    EndDate,
    DaysLegend,
    DaysHint,
    FromHour,
    ToHour,
    /// The hour selects' empty choice.
    AnyHour,
    WhoLegend,
    OfferEveryone,
    SomeMembers,
    SomeMembersHint,
    GroupsLegend,
    RulesLegend,
    MinVisits,
    /// Spent at least, in the shop's currency (its code).
    MinSpend(String),
    LapsedDays,
    Overdue,
    BoughtCategory,
    AnyCategory,
    TopCustomers,
    UsesPerMember,
    OfferHoldout,
    /// What the holdout (its percent) is for.
    HoldoutHint(i64),
    OfferCounting,
    /// Members an offer would reach, of them held out, and (targeted offers) without consent.
    OfferReaches {
        eligible: i64,
        held_out: i64,
        without_consent: Option<i64>,
    },
    /// A field of the offer is wrong: its name (`gift.count`, `audience`, ...) and why.
    OfferFault {
        field: String,
        message: String,
    },
    OfferWholeNumber,
    OfferMoneyNeeded,
    OfferDateNeeded,
    OfferHoursBoth,
    /// A same-day offer runs 1 to this many hours.
    OfferHoursAheadRange(i64),
    OffersListTitle,
    OffersEmpty,
    OfferStatusName(regulars_protocol::offers::OfferStatus),
    OfferVersion(i32),
    /// From, to.
    OfferDates(String, String),
    /// Who it is for, in words.
    ForWhom(String),
    UsesSummary(i64),
    HoldoutSummary(i64),
    GivesStamps(i64),
    /// In tenths.
    GivesMultiplier(i64),
    /// In tenths, and the category's name.
    GivesCategoryMultiplier(i64, String),
    GivesItem(String),
    /// Formatted.
    GivesAmountOff(String),
    GivesPercentOff(i64),
    RuleMinVisits(i64),
    /// Formatted.
    RuleMinSpend(String),
    RuleLapsed(i64),
    RuleOverdue,
    /// The category's name.
    RuleCategory(String),
    RuleTop,
    CountEligible,
    CountHeldOut,
    CountShown,
    CountOpened,
    CountSaved,
    CountDismissed,
    CountUsed,
    PauseOffer,
    ResumeOffer,
    EndOffer,
    /// Ending the offer of this title cannot be undone.
    ConfirmEndOffer(String),
    ConfirmEndOfferButton,
    /// What an offer changed against its holdout, in the shop's currency.
    OfferEffect(regulars_protocol::offers::OfferEffect, String),
    /// Members whose card shows it now, and first.
    CountOnCards,
    CountFirstOn,
    /// The offer's window closed: its result is kept as it is.
    OfferResultKept,
    // The offers compared on the same measures.
    CompareTitle,
    CompareOffer,
    CompareVisits,
    CompareSpend,
    CompareDismissed,
    CompareVerdict,
    /// The verdict in a word or two, for the comparison.
    VerdictShort(regulars_protocol::offers::EffectVerdict),
    // The member page's offers: where each stands on their card, and why.
    MemberOffersTitle,
    MemberOffersNone,
    /// Its place on the member's card (1 is first).
    OfferPlace(i64),
    OfferWithheld(regulars_protocol::offers::Withheld),
    /// One reason, its category or group named for the owner.
    OfferReason(regulars_protocol::offers::OfferReason),
}

impl OwnerMsg {
    /// The message in the page's language.
    pub fn text(&self) -> String {
        match Lang::current() {
            Lang::En => en::owner_text(self),
        }
    }
}

/// An owner-only sentence in the page's language.
pub fn to(msg: OwnerMsg) -> String {
    msg.text()
}

impl Msg {
    /// The message in the page's language.
    pub fn text(&self) -> String {
        match Lang::current() {
            Lang::En => en::text(self),
        }
    }
}

/// The message in the page's language.
pub fn t(msg: Msg) -> String {
    msg.text()
}

/// A date for people, in the browser's time zone: "23 Nov 2026".
pub fn date(at: OffsetDateTime) -> String {
    match Lang::current() {
        Lang::En => en::date(crate::clock::local(at)),
    }
}

/// A date and time for people, in the browser's time zone: "23 Nov 2026, 14:05".
pub fn date_time(at: OffsetDateTime) -> String {
    match Lang::current() {
        Lang::En => en::date_time(crate::clock::local(at)),
    }
}

/// A time of day for people, in the browser's time zone: "14:05".
pub fn time_of_day(at: OffsetDateTime) -> String {
    match Lang::current() {
        Lang::En => en::time_of_day(crate::clock::local(at)),
    }
}

/// What a program offers, in one sentence: "Collect 10 stamps and get Free coffee."
pub fn pitch(program: &regulars_protocol::Program) -> String {
    let kind = program.kind;
    match program.active_rewards().next() {
        Some(reward) => t(Msg::JoinPitch {
            kind,
            cost: reward.cost,
            reward: reward.name.clone(),
        }),
        None => t(Msg::JoinPitchNoReward(kind)),
    }
}
