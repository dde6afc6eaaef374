//! The owner's paired tablets: where each is, when it was last seen, and unpairing one (it is
//! refused at once on its next request).

use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::wire::DeviceInfo;

use crate::api;
use crate::components::feedback::ErrorAlert;
use crate::i18n::{Msg, t};

#[component]
pub(super) fn DevicesPanel() -> impl IntoView {
    let devices = RwSignal::new(None::<Vec<DeviceInfo>>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let load = move || {
        busy.set(true);
        spawn_local(async move {
            match api::devices().await {
                Ok(list) => {
                    devices.set(Some(list));
                    error.set(None);
                }
                Err(err) => error.set(Some(err.user_message())),
            }
            busy.set(false);
        });
    };
    Effect::new(move |_| load());
    let unpair = move |id| {
        error.set(None);
        spawn_local(async move {
            match api::revoke_device(id).await {
                Ok(changed) => devices.update(|list| {
                    if let Some(slot) = list.iter_mut().flatten().find(|d| d.id == changed.id) {
                        *slot = changed;
                    }
                }),
                Err(err) => error.set(Some(err.user_message())),
            }
        });
    };

    view! {
        <section class="panel" aria-labelledby="devices-heading">
            <h2 id="devices-heading">{t(Msg::DevicesHeading)}</h2>
            {move || devices.get().map(|list| {
                if list.is_empty() {
                    return view! { <p class="muted">{t(Msg::NoDevices)}</p> }.into_any();
                }
                view! {
                    <ul class="device-rows">
                        {list.into_iter().map(|device| {
                            let id = device.id;
                            let seen = match device.last_seen_at {
                                Some(at) => t(Msg::LastSeen(at)),
                                None => t(Msg::NeverSeen),
                            };
                            let label = format!("{} {} ({})", t(Msg::UnpairDevice), device.name, device.location_name);
                            view! {
                                <li class="device-row" class:device-revoked=device.revoked_at.is_some() data-testid="device-row">
                                    <span class="device-name">{device.name.clone()}" · "{device.location_name.clone()}</span>
                                    <span class="muted">{t(Msg::PairedOn(device.created_at))}" · "{seen}</span>
                                    {match device.revoked_at {
                                        Some(at) => view! { <span class="badge">{t(Msg::UnpairedOn(at))}</span> }.into_any(),
                                        None => view! {
                                            <button type="button" class="button button-small button-danger" aria-label=label
                                                on:click=move |_| unpair(id)>{t(Msg::UnpairDevice)}</button>
                                        }.into_any(),
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
            <ErrorAlert message=error />
            <button type="button" class="button button-quiet button-small" disabled=busy on:click=move |_| load()>
                {t(Msg::Refresh)}
            </button>
        </section>
    }
}
