//! Form building blocks: labelled inputs, radios, checkboxes, the error summary, and the words for
//! each field error of a requester (the request's questions and the objection's objector).

use crate::context::use_texts;
use crate::contract::{field_code, FieldError};
use crate::domain::validate::NikError;
use crate::i18n::{Missing, Texts};
use leptos::prelude::*;

/// Contract pointer, element id, and the answer its "required" message asks for.
const FIELDS: [(&str, &str, Missing); 20] = [
    ("/requester/kind", "f-kind", Missing::Kind),
    ("/requester/group_name", "f-group-name", Missing::Other),
    ("/requester/name", "f-name", Missing::Name),
    ("/requester/nik", "f-nik", Missing::Nik),
    ("/requester/decree_number", "f-decree", Missing::Decree),
    (
        "/requester/principal_name",
        "f-principal",
        Missing::Principal,
    ),
    (
        "/attachments/identity_card",
        "f-doc-identity_card",
        Missing::IdentityCard,
    ),
    ("/attachments/deed", "f-doc-deed", Missing::Deed),
    (
        "/attachments/power_of_attorney",
        "f-doc-power_of_attorney",
        Missing::PowerOfAttorney,
    ),
    ("/attachments/mandate", "f-doc-mandate", Missing::Other),
    ("/requester/address", "f-address", Missing::Address),
    ("/requester/phone", "f-phone", Missing::Contact),
    ("/requester/email", "f-email", Missing::Contact),
    ("/information", "f-information", Missing::Information),
    ("/unit_id", "f-unit", Missing::Other),
    ("/purpose", "f-purpose", Missing::Purpose),
    ("/obtain", "f-obtain", Missing::Obtain),
    ("/delivery", "f-delivery", Missing::Delivery),
    (
        "/delivery_address",
        "f-delivery-address",
        Missing::DeliveryAddress,
    ),
    (
        "/delivery_email",
        "f-delivery-email",
        Missing::DeliveryEmail,
    ),
];

/// The element id for a contract pointer.
pub fn field_id(pointer: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|f| f.0 == pointer)
        .map(|f| f.1)
        .unwrap_or("main")
}

/// The sentence for one field error, in the citizen's language.
pub fn message(t: &'static Texts, e: &FieldError, nik: Option<NikError>) -> &'static str {
    let required = FIELDS
        .iter()
        .find(|f| f.0 == e.pointer)
        .map(|f| t.e_required(f.2))
        .unwrap_or(t.e_required(Missing::Other));
    if e.pointer.starts_with("/attachments/") && e.code != field_code::REQUIRED {
        return match e.code.as_str() {
            field_code::TOO_LONG => t.e_file_too_large(),
            field_code::UNKNOWN_VALUE => t.e_file_type(),
            _ => t.e_file_unreadable(),
        };
    }
    match e.code.as_str() {
        field_code::REQUIRED if e.pointer.ends_with("/group_name") => t.e_group_name(),
        field_code::REQUIRED | field_code::CONTACT_REQUIRED => required,
        field_code::NIK_INVALID => match nik {
            Some(NikError::Empty) | None => t.e_nik_empty(),
            Some(NikError::NotDigits) => t.e_nik_not_digits(),
            Some(NikError::WrongLength) => t.e_nik_length(),
            Some(NikError::Region) => t.e_nik_region(),
            Some(NikError::Serial) => t.e_nik_serial(),
        },
        field_code::INVALID_FORMAT if e.pointer.ends_with("phone") => t.e_phone(),
        field_code::INVALID_FORMAT if e.pointer.ends_with("email") => t.e_email(),
        field_code::TOO_LONG => t.e_too_long(),
        _ => t.e_unknown(),
    }
}

/// Errors as (field id, sentence), in form order.
pub type Shown = Vec<(&'static str, &'static str)>;

/// The error summary: focused when it appears, a link to each field, the same words as inline.
#[component]
pub fn ErrorSummary(errors: Signal<Shown>) -> impl IntoView {
    let t = use_texts();
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move || {
        if !errors.with(Vec::is_empty) {
            request_animation_frame(move || {
                if let Some(el) = node.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    });
    move || {
        (!errors.with(Vec::is_empty)).then(|| {
            view! {
                <div class="error-summary" tabindex="-1" node_ref=node aria-labelledby="error-summary-title">
                    <div role="alert">
                        <h2 id="error-summary-title">{t.error_summary_title()}</h2>
                        <ul>
                            {errors.get().into_iter().map(|(id, text)| view! { <li><a href=format!("#{id}")>{text}</a></li> }).collect_view()}
                        </ul>
                    </div>
                </div>
            }
        })
    }
}

/// The inline error of field `id`, if any.
pub fn error_of(
    errors: Signal<Shown>,
    id: &'static str,
) -> impl Fn() -> Option<&'static str> + Copy {
    move || errors.with(|e| e.iter().find(|(i, _)| *i == id).map(|(_, m)| *m))
}

/// A labelled text input or text area bound to one draft answer.
#[component]
pub fn TextField(
    id: &'static str,
    label: (&'static str, &'static str),
    value: Signal<String>,
    on_input: Callback<String>,
    errors: Signal<Shown>,
    multiline: bool,
    autocomplete: &'static str,
    input_type: &'static str,
    /// A warning about the value that does not stop the citizen (shown below the input).
    #[prop(optional_no_strip)]
    warning: Option<Signal<Option<&'static str>>>,
) -> impl IntoView {
    let error = error_of(errors, id);
    let warned = move || warning.and_then(|w| w.get());
    let described = move || {
        let mut ids = format!("{id}-hint");
        if error().is_some() {
            ids.push_str(&format!(" {id}-error"));
        }
        if warned().is_some() {
            ids.push_str(&format!(" {id}-warning"));
        }
        ids
    };
    let input = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    let field = if multiline {
        view! {
            <textarea id=id name=id rows="5" aria-describedby=described aria-invalid=move || error().map(|_| "true")
                prop:value=move || value.get() on:input=input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id name=id type=input_type autocomplete=autocomplete
                inputmode=(id == "f-nik").then_some("numeric")
                aria-describedby=described aria-invalid=move || error().map(|_| "true")
                prop:value=move || value.get() on:input=input/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-error=move || error().is_some()>
            <label for=id>{label.0}</label>
            <p class="hint" id=format!("{id}-hint")>{label.1}</p>
            {move || error().map(|m| view! { <p class="error-message" id=format!("{id}-error")>{m}</p> })}
            {field}
            {warning.map(|_| view! {
                <div aria-live="polite">
                    {move || warned().map(|w| view! { <crate::components::WarningText text=w id=format!("{id}-warning")/> })}
                </div>
            })}
        </div>
    }
}

/// A group of radios or checkboxes under a legend (the question itself when `legend_is_h1`).
#[component]
pub fn Choices(
    id: &'static str,
    legend: &'static str,
    hint: &'static str,
    legend_is_h1: bool,
    multiple: bool,
    options: Vec<(&'static str, &'static str)>,
    checked: Callback<usize, bool>,
    on_change: Callback<(usize, bool)>,
    errors: Signal<Shown>,
) -> impl IntoView {
    let error = error_of(errors, id);
    let legend_view = if legend_is_h1 {
        view! { <legend class="question"><h1>{legend}</h1></legend> }.into_any()
    } else {
        view! { <legend>{legend}</legend> }.into_any()
    };
    view! {
        <div class="field" class:field-error=move || error().is_some()>
            <fieldset aria-describedby=move || if error().is_some() { format!("{id}-hint {id}-error") } else { format!("{id}-hint") }>
                {legend_view}
                <p class="hint" id=format!("{id}-hint")>{hint}</p>
                {move || error().map(|m| view! { <p class="error-message" id=format!("{id}-error")>{m}</p> })}
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(i, (label, option_hint))| {
                        let input_id = if i == 0 { id.to_owned() } else { format!("{id}-{i}") };
                        let hint_id = format!("{input_id}-item-hint");
                        view! {
                            <div class="choice">
                                <input
                                    id=input_id.clone()
                                    name=id
                                    type=if multiple { "checkbox" } else { "radio" }
                                    aria-describedby=(!option_hint.is_empty()).then(|| hint_id.clone())
                                    prop:checked=move || checked.run(i)
                                    on:change=move |ev| on_change.run((i, event_target_checked(&ev)))
                                />
                                <label for=input_id>{label}</label>
                                {(!option_hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{option_hint}</p> })}
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </div>
    }
}

/// One filter of a list whose query lives in the URL (the catalogue, the register): a labelled
/// select showing `get` of the current query; a choice is `set` into it and the list `go`es there.
#[component]
pub fn FilterSelect<Q: Clone + Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    current: Memo<Q>,
    go: impl Fn(Q, bool) + Copy + 'static,
    get: fn(&Q) -> String,
    set: fn(&mut Q, String),
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                prop:value=move || get(&current.get())
                on:change=move |ev| {
                    let mut q = current.get_untracked();
                    set(&mut q, event_target_value(&ev));
                    go(q, false);
                }
            >
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// Milliseconds of quiet typing before a list's URL (and the backend's search) follows.
const TYPING_PAUSE_MS: u64 = 180;

/// The search box of a list whose query lives in the URL (the catalogue, the register): what is
/// typed, which follows the URL on Back/forward or a shared link; its `input` handler, which sends
/// the words once the citizen pauses (the history entry replaced, not one per key); and the form's
/// `submit` handler. `words` reads a query's words, `with_words` puts them in.
pub fn use_search_box<Q: Clone + Send + Sync + 'static>(
    current: Memo<Q>,
    go: impl Fn(Q, bool) + Copy + 'static,
    words: fn(&Q) -> Option<String>,
    with_words: fn(Q, Option<String>) -> Q,
) -> (
    RwSignal<String>,
    impl Fn(leptos::ev::Event) + Copy + 'static,
    impl Fn(leptos::ev::SubmitEvent) + Copy + 'static,
) {
    let typed = RwSignal::new(words(&current.get_untracked()).unwrap_or_default());
    Effect::new(move || {
        let q = words(&current.get()).unwrap_or_default();
        if q != typed.get_untracked() {
            typed.set(q);
        }
    });
    let as_words = |text: String| Some(text).filter(|s| !s.trim().is_empty());
    let pending = StoredValue::new(0u32);
    let on_input = move |ev: leptos::ev::Event| {
        typed.set(event_target_value(&ev));
        let ticket = pending.get_value().wrapping_add(1);
        pending.set_value(ticket);
        set_timeout(
            move || {
                // The citizen may have left the page during the pause: then there is nothing to do.
                let (Some(latest), Some(text), Some(now)) = (
                    pending.try_get_value(),
                    typed.try_get_untracked(),
                    current.try_get_untracked(),
                ) else {
                    return;
                };
                let q = as_words(text);
                if latest == ticket && q != words(&now) {
                    go(with_words(now, q), true);
                }
            },
            std::time::Duration::from_millis(TYPING_PAUSE_MS),
        );
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go(with_words(current.get_untracked(), as_words(typed.get_untracked())), false);
    };
    (typed, on_input, on_submit)
}
