//! `/admin/import`: a shop's purchase history from a CSV file (a paper list typed up, a till's
//! export, another loyalty tool). The owner picks the file and the page sends it as it is; then
//! it shows what the server made of it: which column holds each field (a select per field), the
//! first rows as they will be read, the rows that cannot be; starts the import, follows it about
//! once a second while the page is open, and sums it up. The rules (reading a row, matching
//! customers, committing in chunks) are the server's, in `server/src/imports.rs`.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::imports::{ColumnMapping, ImportJob, ImportStatus, MAX_IMPORT_BYTES};
use regulars_protocol::program::{Category, format_money};

use crate::api;
use crate::components::brand::brand_style;
use crate::components::feedback::{ErrorAlert, StatusLine};
use crate::i18n::{self, ImportField, ImportMsg, Msg, t, ti};
use crate::pages::admin::dashboard::owner_shop;
use crate::pages::admin::insights::with_session;
use crate::state::AppState;

/// How often a running import is asked about, in milliseconds.
const POLL_MS: u32 = 1_000;

#[component]
pub fn ImportPage() -> impl IntoView {
    with_session(|| view! { <Import /> }.into_any())
}

/// The column a mapping names for a field.
fn column(mapping: &ColumnMapping, field: ImportField) -> Option<&str> {
    match field {
        ImportField::Customer => Some(&mapping.customer),
        ImportField::Date => Some(&mapping.date),
        ImportField::Amount => Some(&mapping.amount),
        ImportField::Category => mapping.category.as_deref(),
        ImportField::Email => mapping.email.as_deref(),
        ImportField::FirstName => mapping.first_name.as_deref(),
    }
}

/// The column picked for each field, as the selects show it ("" for none).
#[derive(Debug, Clone, Copy)]
struct Draft([RwSignal<String>; 6]);

impl Draft {
    fn new() -> Self {
        Draft(std::array::from_fn(|_| RwSignal::new(String::new())))
    }

    fn of(self, field: ImportField) -> RwSignal<String> {
        self.0[field as usize]
    }

    /// Shows a job's mapping (without one, each select on its first option).
    fn fill(self, mapping: Option<&ColumnMapping>) {
        for field in ImportField::ALL {
            let picked = mapping.and_then(|m| column(m, field)).unwrap_or_default();
            self.of(field).try_set(picked.to_owned());
        }
    }

    fn mapping(self) -> ColumnMapping {
        let picked = |field| self.of(field).get_untracked();
        let optional = |field| Some(picked(field)).filter(|c: &String| !c.is_empty());
        ColumnMapping {
            customer: picked(ImportField::Customer),
            date: picked(ImportField::Date),
            amount: picked(ImportField::Amount),
            category: optional(ImportField::Category),
            email: optional(ImportField::Email),
            first_name: optional(ImportField::FirstName),
        }
    }
}

#[component]
fn Import() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(owner) = untrack(|| owner_shop(state)) else {
        return ().into_any();
    };
    let job = RwSignal::new(None::<ImportJob>);
    let earlier = RwSignal::new(Vec::<ImportJob>::new());
    let draft = Draft::new();
    // What went wrong: with the file, the start or the progress (shown under the import), and
    // with the mapping (shown by its Apply button).
    let error = RwSignal::new(None::<String>);
    let mapping_error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // One loop follows the job on screen while it runs, and stops once the page is closed.
    let following = StoredValue::new(false);
    let open = StoredValue::new(true);
    on_cleanup(move || {
        open.try_set_value(false);
    });

    let follow = move || {
        if following.get_value() {
            return;
        }
        following.set_value(true);
        spawn_local(async move {
            let mut failing = false;
            loop {
                TimeoutFuture::new(POLL_MS).await;
                if !open.try_get_value().unwrap_or(false) {
                    return;
                }
                let running = job.try_with_untracked(|j| {
                    j.as_ref()
                        .filter(|j| j.status == ImportStatus::Running)
                        .map(|j| j.id.clone())
                });
                let Some(Some(id)) = running else { break };
                match api::import_job(&id).await {
                    Ok(fresh) => {
                        if failing {
                            failing = false;
                            error.try_set(None);
                        }
                        earlier.try_update(|list| {
                            if let Some(listed) = list.iter_mut().find(|j| j.id == fresh.id) {
                                *listed = fresh.clone();
                            }
                        });
                        // Unless the owner opened another import meanwhile.
                        job.try_update(|shown| {
                            if shown.as_ref().is_some_and(|j| j.id == fresh.id) {
                                *shown = Some(fresh);
                            }
                        });
                    }
                    Err(e) => {
                        failing = true;
                        error.try_set(Some(e.user_message()));
                        // A lost connection is waited out; a refusal is not.
                        if !e.is_network() && e.status().is_none_or(|s| s < 500) {
                            break;
                        }
                    }
                }
            }
            following.try_set_value(false);
        });
    };

    let load_earlier = move |resume: bool| {
        spawn_local(async move {
            match api::imports().await {
                Ok(list) => {
                    // Back on the page while an import runs: follow it again.
                    let running = list
                        .imports
                        .first()
                        .filter(|j| j.status == ImportStatus::Running)
                        .cloned();
                    earlier.try_set(list.imports);
                    if let Some(running) = running.filter(|_| resume)
                        && job.try_with_untracked(Option::is_none) == Some(true)
                    {
                        job.try_set(Some(running));
                        follow();
                    }
                }
                Err(e) => {
                    error.try_set(Some(e.user_message()));
                }
            }
        });
    };
    load_earlier(true);

    let show = move |fresh: ImportJob| {
        draft.fill(fresh.mapping.as_ref());
        let running = fresh.status == ImportStatus::Running;
        if job.try_set(Some(fresh)).is_none() && running {
            follow();
        }
    };
    let current = move || job.with_untracked(|j| j.as_ref().map(|j| j.id.clone()));

    let upload = move |file: web_sys::File| {
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        mapping_error.set(None);
        if file.size() > MAX_IMPORT_BYTES as f64 {
            error.set(Some(ti(ImportMsg::TooLarge)));
            return;
        }
        busy.set(true);
        job.set(None);
        status.set(Some(ti(ImportMsg::Uploading(file.name()))));
        spawn_local(async move {
            match api::upload_import(&file).await {
                Ok(fresh) => {
                    show(fresh);
                    load_earlier(false);
                }
                Err(e) if e.status() == Some(413) => {
                    error.try_set(Some(ti(ImportMsg::TooLarge)));
                }
                Err(e) => {
                    error.try_set(Some(e.user_message()));
                }
            }
            status.try_set(None);
            busy.try_set(false);
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|files| files.get(0));
        // Emptied, so that picking the same file again (once fixed) sends it again.
        input.set_value("");
        if let Some(file) = file {
            upload(file);
        }
    };

    let on_apply = Callback::new(move |()| {
        let Some(id) = current() else { return };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        mapping_error.set(None);
        let mapping = draft.mapping();
        spawn_local(async move {
            match api::set_import_mapping(&id, &mapping).await {
                Ok(fresh) => show(fresh),
                Err(e) => {
                    mapping_error.try_set(Some(e.user_message()));
                }
            }
            busy.try_set(false);
        });
    });
    let on_start = Callback::new(move |skip_bad_rows: bool| {
        let Some(id) = current() else { return };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::start_import(&id, skip_bad_rows).await {
                Ok(fresh) => {
                    show(fresh);
                    load_earlier(false);
                }
                Err(e) => {
                    error.try_set(Some(e.user_message()));
                }
            }
            busy.try_set(false);
        });
    });
    let on_open = Callback::new(move |id: String| {
        error.set(None);
        mapping_error.set(None);
        spawn_local(async move {
            match api::import_job(&id).await {
                Ok(fresh) => show(fresh),
                Err(e) => {
                    error.try_set(Some(e.user_message()));
                }
            }
        });
    });
    let on_reset = Callback::new(move |()| {
        error.set(None);
        mapping_error.set(None);
        job.set(None);
    });

    let shop = owner.shop.clone();
    let categories = owner.program.categories.clone();
    let category_names = categories
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="page import shop-page" style=brand_style(&shop.brand_color)>
            <p class="eyebrow"><a href="/admin">{shop.name.clone()}</a></p>
            <h1>{ti(ImportMsg::Title)}</h1>
            <p>{ti(ImportMsg::Intro)}</p>
            <section class="panel" aria-labelledby="import-format-heading">
                <h2 id="import-format-heading">{ti(ImportMsg::FormatTitle)}</h2>
                <ul class="import-format">
                    <li>{ti(ImportMsg::FormatColumns)}</li>
                    <li>{ti(ImportMsg::FormatDates(shop.time_zone.clone()))}</li>
                    <li>{ti(ImportMsg::FormatAmounts(shop.currency.clone()))}</li>
                    {(!category_names.is_empty()).then(|| view! {
                        <li>{ti(ImportMsg::FormatCategories(category_names))}</li>
                    })}
                    <li>{ti(ImportMsg::FormatAgain)}</li>
                    <li>{ti(ImportMsg::FormatBalance)}</li>
                </ul>
                <div class="field">
                    <label class="field-label" for="import-file">{ti(ImportMsg::FileLabel)}</label>
                    <input
                        id="import-file"
                        type="file"
                        name="file"
                        accept=".csv,text/csv"
                        aria-describedby="import-file-hint"
                        disabled=busy
                        on:change=on_file
                    />
                    <span id="import-file-hint" class="field-hint">{ti(ImportMsg::FileHint)}</span>
                </div>
            </section>
            <StatusLine message=status />
            {
                let currency = shop.currency.clone();
                move || job.get().map(|j| view! {
                    <JobView
                        job=j
                        currency=currency.clone()
                        categories=categories.clone()
                        draft
                        mapping_error
                        busy
                        on_apply
                        on_start
                        on_reset
                    />
                })
            }
            <ErrorAlert message=error />
            <EarlierImports jobs=earlier on_open />
            <a class="button button-quiet" href="/admin">{t(Msg::BackToDashboard)}</a>
        </section>
    }
    .into_any()
}

/// One import: its check (columns, first rows, bad rows) and what can be done next, or its
/// progress, or what it did.
#[component]
fn JobView(
    job: ImportJob,
    currency: String,
    categories: Vec<Category>,
    draft: Draft,
    mapping_error: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
    on_apply: Callback<()>,
    on_start: Callback<bool>,
    on_reset: Callback<()>,
) -> impl IntoView {
    use ImportStatus::*;
    let checkable = matches!(job.status, NeedsMapping | Invalid | Ready);
    let good = job.rows.saturating_sub(job.bad_rows);
    let counts = (job.status != NeedsMapping).then(|| ti(ImportMsg::Rows(job.rows, job.bad_rows)));
    let next = match job.status {
        Ready if job.rows > 0 => Some(
            view! {
                <button type="button" class="button button-primary" disabled=busy on:click=move |_| on_start.run(false)>
                    {ti(ImportMsg::ImportPurchases(job.rows))}
                </button>
            }
            .into_any(),
        ),
        Invalid if good > 0 => Some(
            view! {
                <p>{ti(ImportMsg::SkipBadNote(good, job.bad_rows))}</p>
                <button type="button" class="button button-primary" disabled=busy on:click=move |_| on_start.run(true)>
                    {ti(ImportMsg::SkipBadRows)}
                </button>
            }
            .into_any(),
        ),
        _ => None,
    };
    let skip = job.skip_bad_rows;
    view! {
        <section class="panel import-job" aria-labelledby="import-job-heading" data-testid="import-job">
            <h2 id="import-job-heading">{job.file_name.clone()}</h2>
            <p class="muted" data-testid="import-counts">
                {ti(ImportMsg::Status(job.status))}
                {counts.map(|c| format!(" · {c}"))}
            </p>
            {checkable.then(|| view! {
                <MappingForm
                    columns=job.columns.clone()
                    draft
                    error=mapping_error
                    needed=job.status == NeedsMapping
                    busy
                    on_apply
                />
            })}
            {(checkable && !job.preview.is_empty()).then(|| view! {
                <PreviewTable job=job.clone() currency categories />
            })}
            {(checkable && job.bad_rows > 0).then(|| view! { <BadRows job=job.clone() /> })}
            {next}
            {(job.status == Running).then(|| view! { <Progress job=job.clone() /> })}
            {(job.status == Failed).then(|| view! {
                <h3>{ti(ImportMsg::FailedTitle)}</h3>
                <p role="alert" class="alert">{job.error.clone().unwrap_or_default()}</p>
                <button type="button" class="button button-primary" disabled=busy on:click=move |_| on_start.run(skip)>
                    {ti(ImportMsg::CarryOn)}
                </button>
            })}
            {matches!(job.status, Done | Failed).then(|| view! { <Summary job=job.clone() /> })}
            {(job.status == Done).then(|| view! {
                <div class="import-actions">
                    <a class="button button-primary" href="/admin/insights">{ti(ImportMsg::SeeInsights)}</a>
                    <button type="button" class="button" on:click=move |_| on_reset.run(())>{ti(ImportMsg::AnotherFile)}</button>
                </div>
            })}
        </section>
    }
}

/// A select per field, listing the file's columns, and "Apply".
#[component]
fn MappingForm(
    columns: Vec<String>,
    draft: Draft,
    error: RwSignal<Option<String>>,
    needed: bool,
    busy: RwSignal<bool>,
    on_apply: Callback<()>,
) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_apply.run(());
    };
    view! {
        <form class="import-mapping" aria-labelledby="import-mapping-heading" on:submit=submit>
            <h3 id="import-mapping-heading">{ti(ImportMsg::MappingTitle)}</h3>
            {if needed {
                view! { <p><strong>{ti(ImportMsg::MappingNeeded)}</strong></p> }.into_any()
            } else {
                view! { <p class="muted">{ti(ImportMsg::MappingHint)}</p> }.into_any()
            }}
            <div class="import-fields">
                {ImportField::ALL.into_iter().map(|field| {
                    let picked = draft.of(field);
                    let id = format!("import-field-{}", field as usize);
                    let none = ti(if field.required() { ImportMsg::PickColumn } else { ImportMsg::NoColumn });
                    view! {
                        <div class="field">
                            <label class="field-label" for=id.clone()>{ti(ImportMsg::Field(field))}</label>
                            <select id=id name=format!("field-{}", field as usize) required=field.required() on:change=move |ev| picked.set(event_target_value(&ev))>
                                <option value="" selected=move || picked.get().is_empty()>{none}</option>
                                {columns.iter().map(|c| {
                                    let value = c.clone();
                                    view! {
                                        <option value=c.clone() selected=move || picked.get() == value>{c.clone()}</option>
                                    }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
            </div>
            <ErrorAlert message=error />
            <button type="submit" class="button" disabled=busy>{ti(ImportMsg::Apply)}</button>
        </form>
    }
}

/// The first rows as they will be read: shop-local time, the amount in the shop's currency,
/// the category by its name.
#[component]
fn PreviewTable(job: ImportJob, currency: String, categories: Vec<Category>) -> impl IntoView {
    let category = move |id: &str| {
        categories
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_owned(), |c| c.name.clone())
    };
    view! {
        <h3 id="import-preview-heading">{ti(ImportMsg::PreviewTitle)}</h3>
        <div class="table-scroll">
            <table class="table" aria-labelledby="import-preview-heading">
                <thead><tr>
                    <th scope="col">{ti(ImportMsg::ColumnLine)}</th>
                    <th scope="col">{ti(ImportMsg::ColumnCustomer)}</th>
                    <th scope="col">{ti(ImportMsg::ColumnLocalTime)}</th>
                    <th scope="col">{ti(ImportMsg::ColumnAmount)}</th>
                    <th scope="col">{ti(ImportMsg::ColumnCategory)}</th>
                    <th scope="col">{ti(ImportMsg::ColumnEmail)}</th>
                    <th scope="col">{ti(ImportMsg::ColumnFirstName)}</th>
                </tr></thead>
                <tbody>
                    {job.preview.iter().map(|row| view! {
                        <tr>
                            <td>{row.line}</td>
                            <th scope="row">{row.customer.clone()}</th>
                            <td>{row.local_time.clone()}</td>
                            <td>{format_money(row.amount_minor, &currency)}</td>
                            <td>{row.category.as_deref().map(&category)}</td>
                            <td>{row.email.clone()}</td>
                            <td>{row.first_name.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The rows that cannot be read: line, column and why.
#[component]
fn BadRows(job: ImportJob) -> impl IntoView {
    let listed = (job.bad.len() as u64) < job.bad_rows;
    view! {
        <h3 id="import-bad-heading">{ti(ImportMsg::BadTitle)}</h3>
        {listed.then(|| view! { <p class="muted">{ti(ImportMsg::BadListed(job.bad.len(), job.bad_rows))}</p> })}
        <div class="table-scroll">
            <table class="table" aria-labelledby="import-bad-heading">
                <thead><tr>
                    <th scope="col">{ti(ImportMsg::ColumnLine)}</th>
                    <th scope="col">{ti(ImportMsg::ColumnColumn)}</th>
                    <th scope="col">{ti(ImportMsg::ColumnReason)}</th>
                </tr></thead>
                <tbody>
                    {job.bad.iter().map(|row| view! {
                        <tr>
                            <th scope="row">{row.line}</th>
                            <td>{row.column.clone()}</td>
                            <td>{row.reason.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A running import: the good rows committed so far, of all of them.
#[component]
fn Progress(job: ImportJob) -> impl IntoView {
    let total = job.rows.saturating_sub(job.bad_rows);
    let done = job.progress.rows_done.min(total);
    view! {
        <h3>{ti(ImportMsg::ImportingTitle)}</h3>
        <div class="field">
            <label class="field-label" for="import-progress">{ti(ImportMsg::ProgressLabel)}</label>
            <progress id="import-progress" max=total.max(1).to_string() value=done.to_string()></progress>
            <span class="field-hint" aria-live="polite">{ti(ImportMsg::Progress(done, total))}</span>
        </div>
    }
}

/// What an import did (so far, for one that stopped).
#[component]
fn Summary(job: ImportJob) -> impl IntoView {
    let p = job.progress;
    let figures = [
        (ImportMsg::Added, p.purchases_added, "import-added"),
        (
            ImportMsg::AlreadyThere,
            p.purchases_already_there,
            "import-already-there",
        ),
        (
            ImportMsg::MatchedByEmail,
            p.matched_by_email,
            "import-matched-email",
        ),
        (
            ImportMsg::MatchedByCustomer,
            p.matched_by_customer,
            "import-matched-customer",
        ),
        (ImportMsg::NewMembers, p.new_members, "import-new-members"),
    ];
    view! {
        {(job.status == ImportStatus::Done).then(|| view! { <h3>{ti(ImportMsg::DoneTitle)}</h3> })}
        <dl class="figures" data-testid="import-summary">
            {figures.into_iter().map(|(label, n, testid)| view! {
                <div class="figure" data-testid=testid>
                    <dt>{ti(label)}</dt>
                    <dd class="figure-number">{n}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// The shop's recent imports, newest first; each opens on this page.
#[component]
fn EarlierImports(
    #[prop(into)] jobs: Signal<Vec<ImportJob>>,
    on_open: Callback<String>,
) -> impl IntoView {
    move || {
        let list = jobs.get();
        (!list.is_empty()).then(|| view! {
            <section class="panel" aria-labelledby="import-earlier-heading">
                <h2 id="import-earlier-heading">{ti(ImportMsg::EarlierTitle)}</h2>
                <div class="table-scroll">
                    <table class="table" aria-labelledby="import-earlier-heading">
                        <thead><tr>
                            <th scope="col">{ti(ImportMsg::ColumnFile)}</th>
                            <th scope="col">{ti(ImportMsg::ColumnUploaded)}</th>
                            <th scope="col">{ti(ImportMsg::ColumnStatus)}</th>
                            <th scope="col">{ti(ImportMsg::ColumnRows)}</th>
                            <th scope="col">{ti(ImportMsg::Added)}</th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|j| {
                                let uploaded = time::OffsetDateTime::parse(&j.uploaded_at, &time::format_description::well_known::Rfc3339)
                                    .map(i18n::date_time)
                                    .unwrap_or_else(|_| j.uploaded_at.clone());
                                let id = j.id.clone();
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <button type="button" class="button button-quiet button-small" aria-label=ti(ImportMsg::Open(j.file_name.clone())) on:click=move |_| on_open.run(id.clone())>
                                                {j.file_name.clone()}
                                            </button>
                                        </th>
                                        <td>{uploaded}</td>
                                        <td>{ti(ImportMsg::Status(j.status))}</td>
                                        <td>{(j.status != ImportStatus::NeedsMapping).then_some(j.rows)}</td>
                                        <td>{j.progress.purchases_added}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })
    }
}
