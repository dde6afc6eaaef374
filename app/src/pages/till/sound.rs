//! The till's sounds, made with Web Audio (no sound files to download or cache): a short rising
//! chime when stamps, points or a reward are confirmed, a low tone when something is refused,
//! and a tick when the camera reads a code. The cashier can mute them; the choice is kept on
//! the tablet.

use std::cell::RefCell;

use leptos::prelude::*;
use web_sys::{AudioContext, AudioContextState, OscillatorType};

use crate::i18n::{Msg, t};

/// localStorage key: "1" while the till is muted.
const MUTED_KEY: &str = "regulars.till.muted";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sound {
    /// The camera read a code.
    Scan,
    /// Stamps, points or a reward are confirmed.
    Done,
    /// The till refused something.
    Refused,
}

impl Sound {
    /// (frequency in Hz, start and length in seconds) of each tone, and the waveform.
    fn tones(self) -> (&'static [(f32, f64, f64)], OscillatorType) {
        match self {
            Sound::Scan => (&[(1760.0, 0.0, 0.045)], OscillatorType::Sine),
            Sound::Done => (
                &[(880.0, 0.0, 0.09), (1318.5, 0.09, 0.16)],
                OscillatorType::Sine,
            ),
            Sound::Refused => (
                &[(220.0, 0.0, 0.14), (196.0, 0.16, 0.2)],
                OscillatorType::Triangle,
            ),
        }
    }
}

thread_local! {
    /// One audio context for the page, made at the first sound (after a tap, so the browser
    /// lets it play).
    static AUDIO: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Is the till muted (on this tablet)?
pub fn muted() -> bool {
    storage()
        .and_then(|s| s.get_item(MUTED_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

fn set_muted(muted: bool) {
    if let Some(storage) = storage() {
        let _ = if muted {
            storage.set_item(MUTED_KEY, "1")
        } else {
            storage.remove_item(MUTED_KEY)
        };
    }
}

/// Plays `sound` unless the till is muted. A browser without Web Audio stays silent.
pub fn play(sound: Sound) {
    if muted() {
        return;
    }
    AUDIO.with(|audio| {
        let mut audio = audio.borrow_mut();
        if audio.is_none() {
            *audio = AudioContext::new().ok();
        }
        if let Some(context) = audio.as_ref() {
            let _ = tones(context, sound);
        }
    });
}

fn tones(context: &AudioContext, sound: Sound) -> Result<(), wasm_bindgen::JsValue> {
    if context.state() == AudioContextState::Suspended {
        let _ = context.resume()?;
    }
    let (tones, kind) = sound.tones();
    let now = context.current_time();
    for &(frequency, start, length) in tones {
        let oscillator = context.create_oscillator()?;
        oscillator.set_type(kind);
        oscillator.frequency().set_value(frequency);
        let gain = context.create_gain()?;
        // A quick attack and a smooth fall, so the tone does not click.
        let (at, end) = (now + start, now + start + length);
        gain.gain().set_value_at_time(0.0001, at)?;
        gain.gain()
            .exponential_ramp_to_value_at_time(0.25, at + 0.01)?;
        gain.gain().exponential_ramp_to_value_at_time(0.0001, end)?;
        oscillator.connect_with_audio_node(&gain)?;
        gain.connect_with_audio_node(&context.destination())?;
        oscillator.start_with_when(at)?;
        oscillator.stop_with_when(end + 0.02)?;
    }
    Ok(())
}

/// The mute switch for the till's header. It also plays the chime for every new confirmation
/// and the low tone for every new refusal.
#[component]
pub fn SoundToggle(
    /// The till's confirmation line.
    #[prop(into)]
    confirmation: Signal<Option<String>>,
    /// The till's error line.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let on = RwSignal::new(!muted());
    Effect::new(move |_| {
        if confirmation.with(Option::is_some) {
            play(Sound::Done);
        }
    });
    Effect::new(move |_| {
        if error.with(Option::is_some) {
            play(Sound::Refused);
        }
    });
    let toggle = move |_| {
        let now_on = !on.get_untracked();
        set_muted(!now_on);
        on.set(now_on);
        if now_on {
            play(Sound::Done);
        }
    };
    view! {
        <button
            type="button"
            class="button sound-toggle"
            aria-pressed=move || on.get().to_string()
            title=move || t(if on.get() { Msg::SoundOnHint } else { Msg::SoundOffHint })
            on:click=toggle
        >
            {t(Msg::Sound)}
        </button>
    }
}
