//! Scanning a card's QR code with the tablet's camera.
//!
//! The rear camera by default (`facingMode: environment`), a switch when there are several, the
//! torch where the camera has one, a viewfinder with a frame guide. Frames are read by the
//! browser's `BarcodeDetector` where it reads QR codes; elsewhere (Firefox, Safari, Chromium on
//! Linux) by rxing and rqrr compiled to wasm in a module worker (`scanner/`), one frame in flight at a
//! time, drawn at most 960 pixels on the long side. A code read goes into the same lookup as a
//! typed one. The camera stops when a customer is shown, and starts again for the next one if
//! the cashier was using it.
//!
//! Refused permission, no camera or an insecure page: a plain message; typing and USB scanners
//! work as before.

use std::rc::Rc;

use js_sys::{Array, Object, Promise, Reflect};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream, MediaStreamTrack,
    MessageEvent, Worker, WorkerOptions, WorkerType,
};

use super::sound::{self, Sound};
use crate::i18n::{Msg, t};

/// Frames are drawn at most this many pixels on their long side before decoding.
const MAX_SIDE: f64 = 960.0;
/// A code just read is not handed on again for this long (it may have been refused): the
/// camera keeps seeing it while the cashier reads the message.
const SAME_CODE_PAUSE_MS: f64 = 3_000.0;
/// The worker is started again after a failed frame; this many failures in a row and the
/// camera gives up with a message.
const MAX_DECODER_FAILURES: u32 = 3;

/// Why the camera cannot scan. Each has its own message; typing still works.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    /// Not https (or localhost): browsers give no camera.
    Insecure,
    /// The cashier or the browser's settings refused the camera.
    Denied,
    NoCamera,
    /// Another app holds the camera.
    InUse,
    /// The decoder could not start (its files are missing, or it keeps failing).
    Decoder,
    Other(String),
}

impl Problem {
    fn message(&self) -> String {
        t(match self {
            Problem::Insecure => Msg::CameraInsecure,
            Problem::Denied => Msg::CameraDenied,
            Problem::NoCamera => Msg::CameraMissing,
            Problem::InUse => Msg::CameraInUse,
            Problem::Decoder => Msg::CameraDecoderFailed,
            Problem::Other(detail) => Msg::CameraFailed(detail.clone()),
        })
    }

    /// From the error `getUserMedia` rejects with.
    fn from_media_error(error: &JsValue) -> Problem {
        let name = Reflect::get(error, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        match name.as_str() {
            "NotAllowedError" | "PermissionDeniedError" | "SecurityError" => Problem::Denied,
            "NotFoundError" | "DevicesNotFoundError" | "OverconstrainedError" => Problem::NoCamera,
            "NotReadableError" | "TrackStartError" | "AbortError" => Problem::InUse,
            _ => Problem::Other(js_message(error)),
        }
    }
}

fn js_message(error: &JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Status {
    Off,
    Starting,
    On,
    Failed(Problem),
}

#[wasm_bindgen]
extern "C" {
    /// The Shape Detection API's barcode reader (Chrome on Android and macOS, for example).
    type BarcodeDetector;

    #[wasm_bindgen(constructor, catch)]
    fn new(options: &JsValue) -> Result<BarcodeDetector, JsValue>;

    #[wasm_bindgen(static_method_of = BarcodeDetector, js_name = getSupportedFormats, catch)]
    fn supported_formats() -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn detect(this: &BarcodeDetector, source: &JsValue) -> Result<Promise, JsValue>;
}

/// What turns a video frame into texts.
enum Decoder {
    Native(BarcodeDetector),
    Worker {
        worker: Worker,
        canvas: HtmlCanvasElement,
        context: CanvasRenderingContext2d,
    },
}

impl Decoder {
    /// `BarcodeDetector` if the browser reads QR codes with it, else the decoder worker.
    async fn start() -> Result<Decoder, Problem> {
        if let Some(detector) = native_detector().await {
            return Ok(Decoder::Native(detector));
        }
        let url = document()
            .query_selector("meta[name=regulars-scanner-worker]")
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .filter(|url| url.starts_with('/'))
            .ok_or(Problem::Decoder)?;
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&url, &options).map_err(|_| Problem::Decoder)?;
        let canvas: HtmlCanvasElement = document()
            .create_element("canvas")
            .map_err(|_| Problem::Decoder)?
            .unchecked_into();
        let settings = Object::new();
        let _ = Reflect::set(&settings, &"willReadFrequently".into(), &JsValue::TRUE);
        let context = canvas
            .get_context_with_context_options("2d", &settings)
            .ok()
            .flatten()
            .ok_or(Problem::Decoder)?
            .unchecked_into();
        Ok(Decoder::Worker {
            worker,
            canvas,
            context,
        })
    }

    fn kind(&self) -> &'static str {
        match self {
            Decoder::Native(_) => "native",
            Decoder::Worker { .. } => "worker",
        }
    }

    /// The texts of the QR codes in the video's current frame, the `frame`th of this session.
    async fn read(&self, video: &HtmlVideoElement, frame: u32) -> Result<Vec<String>, JsValue> {
        match self {
            Decoder::Native(detector) => {
                let found = JsFuture::from(detector.detect(video)?).await?;
                Ok(Array::from(&found)
                    .iter()
                    .filter_map(|code| Reflect::get(&code, &"rawValue".into()).ok()?.as_string())
                    .collect())
            }
            Decoder::Worker {
                worker,
                canvas,
                context,
            } => {
                let (width, height) = (video.video_width(), video.video_height());
                if width == 0 || height == 0 {
                    return Ok(Vec::new());
                }
                let scale = (MAX_SIDE / f64::from(width.max(height))).min(1.0);
                let (w, h) = (
                    (f64::from(width) * scale).round().max(1.0),
                    (f64::from(height) * scale).round().max(1.0),
                );
                if canvas.width() != w as u32 || canvas.height() != h as u32 {
                    canvas.set_width(w as u32);
                    canvas.set_height(h as u32);
                }
                context.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w, h)?;
                let image = context.get_image_data(0.0, 0.0, w, h)?;
                // The pixels go to the worker without a copy through wasm memory.
                let pixels =
                    Reflect::get(&Reflect::get(&image, &"data".into())?, &"buffer".into())?;
                let message = Object::new();
                Reflect::set(&message, &"id".into(), &frame.into())?;
                Reflect::set(&message, &"width".into(), &w.into())?;
                Reflect::set(&message, &"height".into(), &h.into())?;
                Reflect::set(&message, &"pixels".into(), &pixels)?;
                Reflect::set(&message, &"frame".into(), &frame.into())?;
                // One frame in flight: the next is drawn only when this answer is in.
                let answer = Promise::new(&mut |resolve, reject| {
                    worker.set_onmessage(Some(&resolve));
                    worker.set_onerror(Some(&reject));
                });
                worker.post_message_with_transfer(&message, &Array::of1(&pixels))?;
                let event: MessageEvent = JsFuture::from(answer).await?.unchecked_into();
                let data = event.data();
                let error = Reflect::get(&data, &"error".into())?;
                if !error.is_undefined() {
                    return Err(error);
                }
                Ok(Array::from(&Reflect::get(&data, &"texts".into())?)
                    .iter()
                    .filter_map(|text| text.as_string())
                    .collect())
            }
        }
    }

    fn stop(&self) {
        if let Decoder::Worker { worker, .. } = self {
            worker.set_onmessage(None);
            worker.set_onerror(None);
            worker.terminate();
        }
    }
}

/// A `BarcodeDetector` for QR codes, if this browser has one that reads them.
async fn native_detector() -> Option<BarcodeDetector> {
    if !Reflect::has(&js_sys::global(), &"BarcodeDetector".into()).unwrap_or(false) {
        return None;
    }
    let formats = JsFuture::from(BarcodeDetector::supported_formats().ok()?)
        .await
        .ok()?;
    if !Array::from(&formats)
        .iter()
        .any(|f| f.as_string().as_deref() == Some("qr_code"))
    {
        return None;
    }
    let options = Object::new();
    Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into())).ok()?;
    BarcodeDetector::new(&options).ok()
}

/// The next animation frame (none while the tab is hidden, which saves the battery).
async fn next_frame() {
    let frame = Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = JsFuture::from(frame).await;
}

/// `getUserMedia` for `device`, or for the rear camera.
async fn open_stream(device: Option<&str>) -> Result<MediaStream, Problem> {
    let window = window();
    if !window.is_secure_context() {
        return Err(Problem::Insecure);
    }
    let navigator = window.navigator();
    let devices = Reflect::get(&navigator, &"mediaDevices".into()).unwrap_or(JsValue::UNDEFINED);
    if devices.is_undefined() || devices.is_null() {
        return Err(Problem::NoCamera);
    }
    let video = Object::new();
    let ideal = |value: JsValue| {
        let o = Object::new();
        let _ = Reflect::set(&o, &"ideal".into(), &value);
        o
    };
    match device {
        Some(id) => {
            let exact = Object::new();
            let _ = Reflect::set(&exact, &"exact".into(), &id.into());
            let _ = Reflect::set(&video, &"deviceId".into(), &exact);
        }
        None => {
            let _ = Reflect::set(&video, &"facingMode".into(), &ideal("environment".into()));
        }
    }
    let _ = Reflect::set(&video, &"width".into(), &ideal(1280.into()));
    let _ = Reflect::set(&video, &"height".into(), &ideal(720.into()));
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_audio(&JsValue::FALSE);
    constraints.set_video(&video);
    let media_devices: web_sys::MediaDevices = devices.unchecked_into();
    let promise = media_devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|e| Problem::from_media_error(&e))?;
    JsFuture::from(promise)
        .await
        .map(JsCast::unchecked_into)
        .map_err(|e| Problem::from_media_error(&e))
}

/// The ids of the cameras (video inputs) the browser lists.
async fn camera_ids() -> Vec<String> {
    let Ok(devices) = window().navigator().media_devices() else {
        return Vec::new();
    };
    let Ok(promise) = devices.enumerate_devices() else {
        return Vec::new();
    };
    let Ok(list) = JsFuture::from(promise).await else {
        return Vec::new();
    };
    Array::from(&list)
        .iter()
        .filter(|d| {
            Reflect::get(d, &"kind".into())
                .ok()
                .and_then(|k| k.as_string())
                .as_deref()
                == Some("videoinput")
        })
        .filter_map(|d| Reflect::get(&d, &"deviceId".into()).ok()?.as_string())
        .filter(|id| !id.is_empty())
        .collect()
}

/// A track's setting or capability, read through JavaScript (not every browser has both).
fn track_property(track: &MediaStreamTrack, method: &str, key: &str) -> JsValue {
    Reflect::get(track, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(track).ok())
        .and_then(|o| Reflect::get(&o, &key.into()).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

fn video_track(stream: &MediaStream) -> Option<MediaStreamTrack> {
    stream.get_video_tracks().get(0).dyn_into().ok()
}

/// The camera's state. Everything is a handle, so the struct is `Copy` like a signal.
#[derive(Clone, Copy)]
struct Camera {
    status: RwSignal<Status>,
    /// The cashier opened the camera (and did not close it): it comes back for the next
    /// customer.
    wanted: RwSignal<bool>,
    /// "native" or "worker", once a decoder runs.
    decoder_kind: RwSignal<Option<&'static str>>,
    cameras: RwSignal<Vec<String>>,
    device: RwSignal<Option<String>>,
    /// `Some(on)` where the camera has a torch.
    torch: RwSignal<Option<bool>>,
    /// Bumped by every start and stop: a frame loop of an older session ends.
    session: StoredValue<u64>,
    stream: StoredValue<Option<MediaStream>, LocalStorage>,
    decoder: StoredValue<Option<Rc<Decoder>>, LocalStorage>,
    video: NodeRef<html::Video>,
}

impl Camera {
    fn new() -> Camera {
        Camera {
            status: RwSignal::new(Status::Off),
            wanted: RwSignal::new(false),
            decoder_kind: RwSignal::new(None),
            cameras: RwSignal::new(Vec::new()),
            device: RwSignal::new(None),
            torch: RwSignal::new(None),
            session: StoredValue::new(0),
            stream: StoredValue::new_local(None),
            decoder: StoredValue::new_local(None),
            video: NodeRef::new(),
        }
    }

    fn current(&self, session: u64) -> bool {
        self.session.try_get_value() == Some(session)
    }

    fn release_stream(&self) {
        if let Some(stream) = self.stream.try_update_value(Option::take).flatten() {
            for track in stream.get_tracks().iter() {
                if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
                    track.stop();
                }
            }
        }
        if let Some(video) = self.video.try_get_untracked().flatten() {
            video.set_src_object(None);
        }
    }

    /// Stops the camera (the worker stays, ready for the next customer). Also called while the
    /// till goes away, so it touches nothing that may be gone already.
    fn stop(&self) {
        self.session.try_update_value(|s| *s += 1);
        self.release_stream();
        self.status.try_set(Status::Off);
        self.torch.try_set(None);
    }

    /// Stops everything, the worker too: the till is going away.
    fn shut_down(&self) {
        self.stop();
        if let Some(decoder) = self.decoder.try_update_value(Option::take).flatten() {
            decoder.stop();
        }
    }

    /// Opens `device` (or the rear camera) and reads frames until stopped, handing each new
    /// code to `on_code` while `paused` is false.
    fn start(&self, device: Option<String>, on_code: Callback<String>, paused: Signal<bool>) {
        self.session.update_value(|s| *s += 1);
        let session = self.session.get_value();
        self.release_stream();
        self.status.set(Status::Starting);
        let this = *self;
        spawn_local(async move {
            if let Err(problem) = this.run(session, device, on_code, paused).await
                && this.current(session)
            {
                this.release_stream();
                this.status.try_set(Status::Failed(problem));
            }
        });
    }

    async fn run(
        &self,
        session: u64,
        device: Option<String>,
        on_code: Callback<String>,
        paused: Signal<bool>,
    ) -> Result<(), Problem> {
        let stream = open_stream(device.as_deref()).await?;
        if !self.current(session) {
            for track in stream.get_tracks().iter() {
                if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
                    track.stop();
                }
            }
            return Ok(());
        }
        let video = self
            .video
            .get_untracked()
            .ok_or(Problem::Other("no video element".into()))?;
        video.set_muted(true);
        video.set_src_object(Some(&stream));
        self.stream.set_value(Some(stream.clone()));
        if let Ok(playing) = video.play() {
            let _ = JsFuture::from(playing).await;
        }
        if !self.current(session) {
            return Ok(());
        }
        self.status.try_set(Status::On);
        if let Some(track) = video_track(&stream) {
            self.device
                .try_set(track_property(&track, "getSettings", "deviceId").as_string());
            let has_torch = track_property(&track, "getCapabilities", "torch").is_truthy();
            self.torch.try_set(has_torch.then_some(false));
        }
        self.cameras.try_set(camera_ids().await);

        let mut frame: u32 = 0;
        let mut failures = 0;
        // The last code handed on, and when: the camera keeps seeing it.
        let mut last_code: Option<(String, f64)> = None;
        while self.current(session) {
            next_frame().await;
            if !self.current(session) {
                break;
            }
            if paused.get_untracked() || video.ready_state() < 2 {
                continue;
            }
            let decoder = match self.decoder.try_with_value(Clone::clone).flatten() {
                Some(decoder) => decoder,
                None => {
                    let decoder = Rc::new(Decoder::start().await?);
                    self.decoder_kind.try_set(Some(decoder.kind()));
                    self.decoder.try_set_value(Some(decoder.clone()));
                    decoder
                }
            };
            match decoder.read(&video, frame).await {
                Ok(texts) => {
                    failures = 0;
                    frame = frame.wrapping_add(1);
                    if !self.current(session) || paused.get_untracked() {
                        continue;
                    }
                    let now = js_sys::Date::now();
                    let fresh = texts.into_iter().find(|text| {
                        !last_code
                            .as_ref()
                            .is_some_and(|(last, at)| last == text && now - at < SAME_CODE_PAUSE_MS)
                    });
                    if let Some(text) = fresh {
                        last_code = Some((text.clone(), now));
                        sound::play(Sound::Scan);
                        on_code.run(text);
                    }
                }
                Err(error) => {
                    // A frame the decoder choked on (or a worker that died): a fresh worker
                    // for the next frame; give up if it keeps happening.
                    leptos::logging::warn!("camera decoder: {}", js_message(&error));
                    failures += 1;
                    if let Some(decoder) = self.decoder.try_update_value(Option::take).flatten() {
                        decoder.stop();
                    }
                    if failures >= MAX_DECODER_FAILURES {
                        return Err(Problem::Decoder);
                    }
                }
            }
        }
        Ok(())
    }

    /// Turns the torch on or off.
    fn set_torch(&self, on: bool) {
        let Some(track) = self.stream.with_value(|s| s.as_ref().and_then(video_track)) else {
            return;
        };
        let torch = Object::new();
        let _ = Reflect::set(&torch, &"torch".into(), &on.into());
        let constraints = web_sys::MediaTrackConstraints::new();
        constraints.set_advanced(&Array::of1(&torch));
        let this = *self;
        spawn_local(async move {
            if let Ok(promise) = track.apply_constraints_with_constraints(&constraints)
                && JsFuture::from(promise).await.is_ok()
            {
                this.torch.try_set(Some(on));
            }
        });
    }

    /// The camera after the current one in the browser's list.
    fn next_camera(&self) -> Option<String> {
        let cameras = self.cameras.get_untracked();
        let current = self.device.get_untracked();
        let at = current
            .and_then(|id| cameras.iter().position(|c| *c == id))
            .map_or(0, |i| i + 1);
        cameras.get(at % cameras.len().max(1)).cloned()
    }
}

/// The camera panel of the till: a button to open it, then the viewfinder and its controls.
#[component]
pub fn CameraScanner(
    /// Called with the text of each new code the camera reads.
    on_code: Callback<String>,
    /// While true (a lookup is running), codes are not handed on.
    #[prop(into)]
    paused: Signal<bool>,
    /// A customer is on screen: the camera stops; when they go, it comes back if it was on.
    #[prop(into)]
    customer_shown: Signal<bool>,
) -> impl IntoView {
    let camera = Camera::new();
    on_cleanup(move || camera.shut_down());

    Effect::new(move |previous: Option<bool>| {
        let shown = customer_shown.get();
        if shown {
            if camera.status.get_untracked() != Status::Off {
                camera.stop();
            }
        } else if previous == Some(true) && camera.wanted.get_untracked() {
            camera.start(camera.device.get_untracked(), on_code, paused);
        }
        shown
    });

    let open = move |_| {
        camera.wanted.set(true);
        camera.start(camera.device.get_untracked(), on_code, paused);
    };
    let close = move |_| {
        camera.wanted.set(false);
        camera.stop();
    };
    let switch = move |_| {
        let next = camera.next_camera();
        camera.device.set(next.clone());
        camera.start(next, on_code, paused);
    };
    let showing = move || matches!(camera.status.get(), Status::Starting | Status::On);
    let problem = move || match camera.status.get() {
        Status::Failed(problem) => Some(problem.message()),
        _ => None,
    };

    view! {
        <section
            class="camera"
            aria-label=t(Msg::CameraTitle)
            data-camera=move || match camera.status.get() {
                Status::Off => "off",
                Status::Starting => "starting",
                Status::On => "on",
                Status::Failed(_) => "failed",
            }
            data-decoder=move || camera.decoder_kind.get().unwrap_or("")
        >
            <Show when=move || !showing()>
                <button type="button" class="button camera-open" on:click=open>
                    {t(Msg::ScanWithCamera)}
                </button>
            </Show>
            {move || problem().map(|message| view! {
                <p class="camera-problem" role="alert" data-testid="camera-problem">{message}</p>
            })}
            <div class="viewfinder" hidden=move || !showing()>
                <video
                    node_ref=camera.video
                    class="viewfinder-video"
                    aria-label=t(Msg::CameraView)
                    autoplay
                    muted
                    playsinline
                ></video>
                <div class="viewfinder-guide" aria-hidden="true"></div>
                <p class="viewfinder-hint">
                    {move || t(if camera.status.get() == Status::On { Msg::CameraAim } else { Msg::CameraStarting })}
                </p>
            </div>
            <Show when=showing>
                <div class="camera-controls">
                    <Show when=move || { camera.cameras.with(Vec::len) > 1 }>
                        <button type="button" class="button" on:click=switch>{t(Msg::SwitchCamera)}</button>
                    </Show>
                    {move || camera.torch.get().map(|on| view! {
                        <button
                            type="button"
                            class="button"
                            aria-pressed=on.to_string()
                            on:click=move |_| camera.set_torch(!on)
                        >
                            {t(Msg::Torch)}
                        </button>
                    })}
                    <button type="button" class="button" on:click=close>{t(Msg::CloseCamera)}</button>
                </div>
            </Show>
        </section>
    }
}
