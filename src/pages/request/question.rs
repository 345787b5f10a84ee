//! One question of the request, and the check-your-answers page that sends it.

use super::fields::{field_id, message, Choices, ErrorSummary, Shown, TextField};
use super::{new_idempotency_key, save_draft, session_storage, use_draft, RECEIPT_KEY};
use crate::api::{ApiError, Backend};
use crate::app::{use_portal, use_texts};
use crate::components::router::{use_location, use_navigate};
use crate::components::{error_text, use_load, use_title};
use crate::contract::{Delivery, FieldError, RequesterKind};
use crate::domain::draft::{step_of_pointer, RequestDraft, Step};
use leptos::prelude::*;

const KINDS: [RequesterKind; 3] = [
    RequesterKind::Individual,
    RequesterKind::LegalEntity,
    RequesterKind::Proxy,
];
const DELIVERIES: [Delivery; 4] = [
    Delivery::Collect,
    Delivery::Post,
    Delivery::Courier,
    Delivery::Email,
];

/// A question page: its fields, an error summary after a failed "Continue", a back link.
#[component]
pub fn Question(step: Step) -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let draft = use_draft();
    let answers = draft.answers;
    let kiosk = portal.config.with_value(|c| c.kiosk);
    let navigate = use_navigate();
    let location = use_location();
    let changing = location.with_untracked(|l| l.param("ubah").is_some());
    // Every answer is kept as it is typed.
    Effect::new(move || answers.with(|d| save_draft(d, kiosk)));

    // Errors from the backend for this question are shown at once; our own after "Continue".
    let own = draft.server_errors.with_untracked(|e| {
        e.iter()
            .filter(|e| step_of_pointer(&e.pointer) == step)
            .cloned()
            .collect()
    });
    let raw = RwSignal::new(own);
    let errors: Signal<Shown> = Signal::derive(move || {
        let nik = answers.with(RequestDraft::nik_problem);
        raw.with(|e: &Vec<FieldError>| {
            e.iter()
                .map(|e| (field_id(&e.pointer), message(t, e, nik)))
                .collect()
        })
    });
    let title = question_title(t, step);
    use_title(move || (title.into(), !errors.with(Vec::is_empty)));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = answers.with_untracked(|d| d.check_step(step));
        if found.is_empty() {
            draft
                .server_errors
                .update(|e| e.retain(|e| step_of_pointer(&e.pointer) != step));
            let next = answers.with_untracked(|d| {
                if changing && step != Step::Obtain {
                    Step::Check
                } else {
                    d.next(step)
                }
            });
            let next = if changing && next == Step::Check {
                answers.with_untracked(RequestDraft::first_incomplete)
            } else {
                next
            };
            navigate(&format!("/permohonan/{}", next.slug()), false);
        } else {
            raw.set(found);
        }
    };
    let back = answers
        .with_untracked(|d| d.previous(step))
        .map(|s| format!("/permohonan/{}", s.slug()))
        .unwrap_or_else(|| "/permohonan".into());
    // One boxed setter and getter per field: generic closures would be one component copy each.
    let set = move |f: fn(&mut RequestDraft, String)| {
        Callback::new(move |v: String| answers.update(|d| f(d, v)))
    };
    let get = move |f: fn(&RequestDraft) -> String| Signal::derive(move || answers.with(f));

    let body = match step {
        Step::Kind => view! {
            <Choices id="f-kind" legend=t.q_kind legend_is_h1=true multiple=false errors
                options=t.kinds.to_vec()
                checked=Callback::new(move |i: usize| answers.with(|d| d.kind == Some(KINDS[i])))
                on_change=Callback::new(move |(i, _): (usize, bool)| answers.update(|d| d.kind = Some(KINDS[i])))/>
        }
        .into_any(),
        Step::Identity => {
            let kind = answers.with_untracked(|d| d.kind);
            let person = kind != Some(RequesterKind::LegalEntity);
            view! {
                <h1>{t.q_identity}</h1>
                <TextField id="f-name" label=t.f_name value=get(|d| d.name.clone()) on_input=set(|d, v| d.name = v) errors autocomplete="name"/>
                {person.then(|| view! {
                    <TextField id="f-nik" label=t.f_nik value=get(|d| d.nik.clone()) on_input=set(|d, v| d.nik = v) errors inputmode="numeric"/>
                })}
                {(!person).then(|| view! {
                    <TextField id="f-decree" label=t.f_decree value=get(|d| d.decree_number.clone()) on_input=set(|d, v| d.decree_number = v) errors/>
                })}
                {(kind == Some(RequesterKind::Proxy)).then(|| view! {
                    <TextField id="f-principal" label=t.f_principal value=get(|d| d.principal_name.clone()) on_input=set(|d, v| d.principal_name = v) errors/>
                })}
            }
            .into_any()
        }
        Step::Contact => view! {
            <h1>{t.q_contact}</h1>
            <p class="hint">{t.contact_hint}</p>
            <TextField id="f-address" label=t.f_address value=get(|d| d.address.clone()) on_input=set(|d, v| d.address = v) errors multiline=true autocomplete="street-address"/>
            <TextField id="f-phone" label=t.f_phone value=get(|d| d.phone.clone()) on_input=set(|d, v| d.phone = v) errors input_type="tel" autocomplete="tel"/>
            <TextField id="f-email" label=t.f_email value=get(|d| d.email.clone()) on_input=set(|d, v| d.email = v) errors input_type="email" autocomplete="email"/>
        }
        .into_any(),
        Step::Information => view! {
            <h1>{t.q_information}</h1>
            {move || answers.with(|d| (!d.catalogue_item_id.is_empty()).then(|| {
                let href = format!("/informasi/{}", crate::reference::percent_encode(&d.catalogue_item_id));
                view! { <p>{t.from_catalogue} " " <a href=href>{d.catalogue_item_id.clone()}</a></p> }
            }))}
            <TextField id="f-information" label=t.f_information value=get(|d| d.information.clone()) on_input=set(|d, v| d.information = v) errors multiline=true/>
            <UnitPicker errors/>
        }
        .into_any(),
        Step::Purpose => view! {
            <h1>{t.q_purpose}</h1>
            <TextField id="f-purpose" label=t.f_purpose value=get(|d| d.purpose.clone()) on_input=set(|d, v| d.purpose = v) errors multiline=true/>
        }
        .into_any(),
        Step::Obtain => view! {
            <Choices id="f-obtain" legend=t.q_obtain hint=t.obtain_hint legend_is_h1=true multiple=true errors
                options=t.obtains.iter().map(|o| (*o, "")).collect()
                checked=Callback::new(move |i: usize| answers.with(|d| [d.view, d.soft_copy, d.hard_copy][i]))
                on_change=Callback::new(move |(i, on): (usize, bool)| answers.update(|d| *[&mut d.view, &mut d.soft_copy, &mut d.hard_copy][i] = on))/>
        }
        .into_any(),
        Step::Delivery => view! {
            <Choices id="f-delivery" legend=t.q_delivery legend_is_h1=true multiple=false errors
                options=t.deliveries.iter().map(|o| (*o, "")).collect()
                checked=Callback::new(move |i: usize| answers.with(|d| d.delivery == Some(DELIVERIES[i])))
                on_change=Callback::new(move |(i, _): (usize, bool)| answers.update(|d| d.delivery = Some(DELIVERIES[i])))/>
            {move || match answers.with(|d| d.delivery) {
                Some(Delivery::Post | Delivery::Courier) => Some(view! {
                    <TextField id="f-delivery-address" label=t.f_delivery_address value=get(|d| d.delivery_address.clone()) on_input=set(|d, v| d.delivery_address = v) errors multiline=true/>
                }.into_any()),
                Some(Delivery::Email) => Some(view! {
                    <TextField id="f-delivery-email" label=t.f_delivery_email value=get(|d| d.delivery_email.clone()) on_input=set(|d, v| d.delivery_email = v) errors input_type="email" autocomplete="email"/>
                }.into_any()),
                _ => None,
            }}
        }
        .into_any(),
        Step::Check => return view! { <CheckAnswers/> }.into_any(),
    };
    view! {
        <p><a href=back class="back-link">{t.req_back}</a></p>
        <ErrorSummary errors/>
        <form on:submit=on_submit novalidate=true>
            {body}
            <button type="submit" class="button">{t.req_continue}</button>
        </form>
    }
    .into_any()
}

fn question_title(t: &'static crate::i18n::Texts, step: Step) -> &'static str {
    match step {
        Step::Kind => t.q_kind,
        Step::Identity => t.q_identity,
        Step::Contact => t.q_contact,
        Step::Information => t.q_information,
        Step::Purpose => t.q_purpose,
        Step::Obtain => t.q_obtain,
        Step::Delivery => t.q_delivery,
        Step::Check => t.q_check,
    }
}

/// Optional: the unit holding the information, from the backend's list.
#[component]
fn UnitPicker(errors: Signal<Shown>) -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let answers = use_draft().answers;
    let units = use_load(move || {
        let backend = portal.backend.get_value();
        async move { backend.units().await.map(|u| u.units).unwrap_or_default() }
    });
    let error = super::fields::error_of(errors, "f-unit");
    view! {
        <div class="field" class:field-error=move || error().is_some()>
            <label for="f-unit">{t.f_unit.0}</label>
            <p class="hint" id="f-unit-hint">{t.f_unit.1}</p>
            {move || error().map(|m| view! { <p class="error-message" id="f-unit-error">{m}</p> })}
            <select id="f-unit" aria-describedby="f-unit-hint" prop:value=move || answers.with(|d| d.unit_id.clone())
                on:change=move |ev| answers.update(|d| d.unit_id = event_target_value(&ev))>
                <option value="">{t.unit_unknown}</option>
                {move || units.get().unwrap_or_default().into_iter().map(|u| view! { <option value=u.id>{u.name}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// Check your answers, with a "Change" link per answer, the declaration and the submit.
#[component]
fn CheckAnswers() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let draft = use_draft();
    let answers = draft.answers;
    let kiosk = portal.config.with_value(|c| c.kiosk);
    let navigate = use_navigate();
    use_title(move || (t.q_check.into(), false));
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let submit = move |_| {
        if pending.get_untracked() {
            return; // a double click sends once
        }
        let incomplete = answers.with_untracked(RequestDraft::first_incomplete);
        if incomplete != Step::Check {
            navigate(&format!("/permohonan/{}", incomplete.slug()), false);
            return;
        }
        if answers.with_untracked(|d| d.idempotency_key.is_empty()) {
            answers.update(|d| d.idempotency_key = new_idempotency_key());
            answers.with_untracked(|d| save_draft(d, kiosk));
        }
        let (key, body) = answers.with_untracked(|d| (d.idempotency_key.clone(), d.submission()));
        let backend = portal.backend.get_value();
        pending.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            let result = backend.submit_request(&key, &body).await;
            pending.set(false);
            match result {
                Ok(receipt) => {
                    if let (Some(s), Ok(json)) =
                        (session_storage(), serde_json::to_string(&receipt))
                    {
                        let _ = s.set_item(RECEIPT_KEY, &json);
                    }
                    answers.set(RequestDraft::default());
                    save_draft(&RequestDraft::default(), true);
                    navigate("/permohonan/terkirim", true);
                }
                Err(ApiError::Invalid(errors)) if !errors.is_empty() => {
                    let first = errors
                        .iter()
                        .map(|e| step_of_pointer(&e.pointer))
                        .min_by_key(|s| Step::ALL.iter().position(|x| x == s));
                    draft.server_errors.set(errors);
                    navigate(
                        &format!("/permohonan/{}", first.unwrap_or(Step::Kind).slug()),
                        false,
                    );
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    let row = move |step: Step, label: &'static str, value: String| {
        view! {
            <div class="row">
                <dt>{label}</dt>
                <dd>{if value.trim().is_empty() { "—".to_owned() } else { value }}</dd>
                <dd class="change"><a href=format!("/permohonan/{}?ubah=1", step.slug())>{t.change}<span class="visually-hidden">{format!(" {label}")}</span></a></dd>
            </div>
        }
    };
    let d = answers.get_untracked();
    let kind = KINDS
        .iter()
        .position(|k| Some(*k) == d.kind)
        .map(|i| t.kinds[i].0)
        .unwrap_or("");
    let obtain: Vec<&str> = [d.view, d.soft_copy, d.hard_copy]
        .iter()
        .zip(t.obtains)
        .filter(|(on, _)| **on)
        .map(|(_, o)| o)
        .collect();
    let delivery = DELIVERIES
        .iter()
        .position(|x| Some(*x) == d.delivery)
        .map(|i| t.deliveries[i])
        .unwrap_or("");
    let identity = [
        d.nik.as_str(),
        d.decree_number.as_str(),
        d.principal_name.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let contact = [d.phone.as_str(), d.email.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let delivery_to = [d.delivery_address.as_str(), d.delivery_email.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <p><a href=format!("/permohonan/{}", answers.with_untracked(|d| d.previous(Step::Check)).unwrap_or(Step::Kind).slug()) class="back-link">{t.req_back}</a></p>
        <h1>{t.q_check}</h1>
        <dl class="summary-list check">
            {row(Step::Kind, t.q_kind, kind.to_owned())}
            {row(Step::Identity, t.f_name.0, d.name.clone())}
            {row(Step::Identity, t.q_identity, identity)}
            {row(Step::Contact, t.f_address.0, d.address.clone())}
            {row(Step::Contact, t.contact_hint, contact)}
            {row(Step::Information, t.f_information.0, d.information.clone())}
            {row(Step::Purpose, t.f_purpose.0, d.purpose.clone())}
            {row(Step::Obtain, t.q_obtain, obtain.join(", "))}
            {d.wants_copy().then(|| row(Step::Delivery, t.q_delivery, format!("{delivery} {delivery_to}")))}
        </dl>
        <p>{t.declaration}</p>
        <div aria-live="polite">
            {move || failure.get().map(|e| view! { <p class="error-panel" role="alert">{error_text(t, &e)}</p> })}
        </div>
        <button type="button" class="button" on:click=submit disabled=move || pending.get() aria-busy=move || pending.get().then_some("true")>
            {move || if pending.get() { t.sending } else if failure.with(Option::is_some) { t.send_again } else { t.submit }}
        </button>
    }
}
