//! One question of the request per page.

use super::{save_draft, use_draft};
use crate::api::Backend;
use crate::components::fields::{field_id, message, Choices, ErrorSummary, Shown, TextField};
use crate::components::router::{use_location, use_navigate};
use crate::components::{use_load, use_title};
use crate::context::{use_portal, use_texts};
use crate::contract::{Delivery, FieldError, RequesterKind};
use crate::domain::draft::{requester_kinds, step_of_pointer, RequestDraft, Step};
use leptos::prelude::*;

/// The ways of delivery, in the order the texts name them.
pub(super) const DELIVERIES: [Delivery; 4] = [
    Delivery::Collect,
    Delivery::Post,
    Delivery::Courier,
    Delivery::Email,
];

/// What one field of a question is: data, so every question renders through the same two views
/// (a typed view per question would cost kilobytes of wasm each).
enum Spec {
    Text {
        id: &'static str,
        label: (&'static str, &'static str),
        get: fn(&RequestDraft) -> String,
        set: fn(&mut RequestDraft, String),
        kind: TextKind,
    },
    Choice {
        id: &'static str,
        legend: &'static str,
        hint: &'static str,
        multiple: bool,
        options: Vec<(&'static str, &'static str)>,
        get: fn(&RequestDraft, usize) -> bool,
        set: fn(&mut RequestDraft, usize, bool),
    },
}

/// How a text field is typed.
#[derive(Clone, Copy, PartialEq)]
enum TextKind {
    Line(&'static str, &'static str),
    Long,
}

fn text(
    id: &'static str,
    label: (&'static str, &'static str),
    get: fn(&RequestDraft) -> String,
    set: fn(&mut RequestDraft, String),
    kind: TextKind,
) -> Spec {
    Spec::Text {
        id,
        label,
        get,
        set,
        kind,
    }
}

/// The heading and fields of a question, for the draft as it stands; `kinds` are the kinds of
/// requester the backend takes.
fn specs(
    t: &'static crate::i18n::Texts,
    step: Step,
    d: &RequestDraft,
    kinds: &[RequesterKind],
) -> (Option<&'static str>, Vec<Spec>) {
    use TextKind::{Line, Long};
    match step {
        Step::Kind => {
            let mut v = vec![Spec::Choice {
                id: "f-kind",
                legend: t.q_kind(),
                hint: "",
                multiple: false,
                options: kinds.iter().map(|k| t.requester_kind(*k)).collect(),
                // `kinds` is a prefix of ALL: the same index is the same kind.
                get: |d, i| d.kind == Some(RequesterKind::ALL[i]),
                set: |d, i, _| d.kind = Some(RequesterKind::ALL[i]),
            }];
            // Whose device this is decides how long the answers stay on it; a kiosk is always shared.
            if !crate::kiosk::is_kiosk() {
                let (legend, option, hint) = t.shared_device();
                v.push(Spec::Choice {
                    id: "f-shared-device",
                    legend,
                    hint,
                    multiple: true,
                    options: vec![(option, "")],
                    get: |d, _| d.shared_device,
                    set: |d, _, on| d.shared_device = on,
                });
            }
            (None, v)
        }
        Step::Identity => {
            let group = d.kind == Some(RequesterKind::Group);
            let mut v = Vec::new();
            if group {
                v.push(text(
                    "f-group-name",
                    t.f_group_name(),
                    |d| d.group_name.clone(),
                    |d, v| d.group_name = v,
                    Line("text", "off"),
                ));
            }
            v.push(text(
                "f-name",
                if group { t.f_member_name() } else { t.f_name() },
                |d| d.name.clone(),
                |d, v| d.name = v,
                Line("text", "name"),
            ));
            if d.kind == Some(RequesterKind::LegalEntity) {
                v.push(text(
                    "f-decree",
                    t.f_decree(),
                    |d| d.decree_number.clone(),
                    |d, v| d.decree_number = v,
                    Line("text", "off"),
                ));
            } else {
                v.push(text(
                    "f-nik",
                    t.f_nik(),
                    |d| d.nik.clone(),
                    |d, v| d.nik = v,
                    Line("text", "off"),
                ));
            }
            if d.kind == Some(RequesterKind::Proxy) {
                v.push(text(
                    "f-principal",
                    t.f_principal(),
                    |d| d.principal_name.clone(),
                    |d, v| d.principal_name = v,
                    Line("text", "off"),
                ));
            }
            (Some(t.q_identity()), v)
        }
        Step::Contact => (
            Some(t.q_contact()),
            vec![
                text(
                    "f-address",
                    t.f_address(),
                    |d| d.address.clone(),
                    |d, v| d.address = v,
                    Long,
                ),
                text(
                    "f-phone",
                    t.f_phone(),
                    |d| d.phone.clone(),
                    |d, v| d.phone = v,
                    Line("tel", "tel"),
                ),
                text(
                    "f-email",
                    t.f_email(),
                    |d| d.email.clone(),
                    |d, v| d.email = v,
                    Line("email", "email"),
                ),
            ],
        ),
        Step::Information => {
            let mut v = vec![text(
                "f-information",
                t.f_information(),
                |d| d.information.clone(),
                |d, v| d.information = v,
                Long,
            )];
            // Asked only by a backend that keeps a register of published requests.
            if d.publish_asked {
                let (legend, option, hint) = t.publish_choice();
                v.push(Spec::Choice {
                    id: "f-publish",
                    legend,
                    hint,
                    multiple: true,
                    options: vec![(option, "")],
                    get: |d, _| d.publish,
                    set: |d, _, on| d.publish = on,
                });
            }
            (Some(t.q_information()), v)
        }
        Step::Purpose => (
            Some(t.q_purpose()),
            vec![text(
                "f-purpose",
                t.f_purpose(),
                |d| d.purpose.clone(),
                |d, v| d.purpose = v,
                Long,
            )],
        ),
        Step::Obtain => (
            None,
            vec![Spec::Choice {
                id: "f-obtain",
                legend: t.q_obtain(),
                hint: t.obtain_hint(),
                multiple: true,
                options: t.obtains().iter().map(|o| (*o, "")).collect(),
                get: |d, i| [d.view, d.soft_copy, d.hard_copy][i],
                set: |d, i, on| *[&mut d.view, &mut d.soft_copy, &mut d.hard_copy][i] = on,
            }],
        ),
        Step::Delivery => {
            let mut v = vec![Spec::Choice {
                id: "f-delivery",
                legend: t.q_delivery(),
                hint: "",
                multiple: false,
                options: DELIVERIES.iter().map(|x| (t.delivery(*x), "")).collect(),
                get: |d, i| d.delivery == Some(DELIVERIES[i]),
                set: |d, i, _| d.delivery = Some(DELIVERIES[i]),
            }];
            match d.delivery {
                Some(Delivery::Post | Delivery::Courier) => v.push(text(
                    "f-delivery-address",
                    t.f_delivery_address(),
                    |d| d.delivery_address.clone(),
                    |d, v| d.delivery_address = v,
                    Long,
                )),
                Some(Delivery::Email) => v.push(text(
                    "f-delivery-email",
                    t.f_delivery_email(),
                    |d| d.delivery_email.clone(),
                    |d, v| d.delivery_email = v,
                    Line("email", "email"),
                )),
                _ => {}
            }
            (None, v)
        }
        Step::Document => (Some(t.q_document()), vec![]),
        Step::Check => (None, vec![]),
    }
}

/// One field from its spec.
fn field_view(
    spec: Spec,
    answers: RwSignal<RequestDraft>,
    errors: Signal<Shown>,
    first: bool,
) -> AnyView {
    match spec {
        Spec::Text { id, label, get, set, kind } => {
            let (multiline, input_type, autocomplete) = match kind {
                TextKind::Long => (true, "text", "off"),
                TextKind::Line(ty, ac) => (false, ty, ac),
            };
            // A NIK's odd date part is said as it is typed, and never stops the citizen.
            let warning = (id == "f-nik").then(|| {
                let t = use_texts();
                Signal::derive(move || {
                    answers.with(RequestDraft::nik_warning).then(|| t.nik_date_warning())
                })
            });
            view! {
                <TextField id label errors multiline input_type autocomplete warning
                    value=Signal::derive(move || answers.with(get))
                    on_input=Callback::new(move |v: String| answers.update(|d| set(d, v)))/>
            }
            .into_any()
        }
        Spec::Choice { id, legend, hint, multiple, options, get, set } => view! {
            <Choices id legend hint legend_is_h1=first multiple options errors
                checked=Callback::new(move |i: usize| answers.with(|d| get(d, i)))
                on_change=Callback::new(move |(i, on): (usize, bool)| answers.update(|d| set(d, i, on)))/>
        }
        .into_any(),
    }
}

/// A question page: its fields, an error summary after a failed "Continue", a back link.
#[component]
pub fn Question(step: Step) -> impl IntoView {
    if step == Step::Check {
        return view! { <super::check::CheckAnswers/> }.into_any();
    }
    let t = use_texts();
    let portal = use_portal();
    let draft = use_draft();
    let answers = draft.answers;
    let kiosk = portal.config.with_value(|c| c.kiosk);
    let kinds = portal
        .meta
        .with_value(|m| requester_kinds(&m.contract_version));
    let navigate = use_navigate();
    let location = use_location();
    let changing = location.with_untracked(|l| l.param("ubah").is_some());
    // Every answer is kept as it is typed, and the backend's errors until they are fixed.
    Effect::new(move || answers.with(|d| save_draft(d, kiosk)));
    Effect::new(move || draft.server_errors.with(|e| super::save_errors(e, kiosk)));

    // Errors from the backend for this question are shown at once; our own after "Continue".
    let own = draft.server_errors.with_untracked(|e| {
        e.iter()
            .filter(|e| step_of_pointer(&e.pointer) == step)
            .cloned()
            .collect()
    });
    let raw = RwSignal::new(own);
    // Messages change only when "Continue" is pressed, never as the citizen types (the summary
    // takes focus each time they change). Hence the NIK's problem as it was at that moment.
    let nik_at_submit = RwSignal::new(answers.with_untracked(RequestDraft::nik_problem));
    let errors: Signal<Shown> = Signal::derive(move || {
        let nik = nik_at_submit.get();
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
            nik_at_submit.set(answers.with_untracked(RequestDraft::nik_problem));
            raw.set(found);
        }
    };
    let back = answers
        .with_untracked(|d| d.previous(step))
        .map(|s| format!("/permohonan/{}", s.slug()))
        .unwrap_or_else(|| "/permohonan".into());
    // Re-rendered only when the fields themselves change (the delivery choice reveals one).
    let shape = Memo::new(move |_| answers.with(|d| (d.kind, d.delivery)));
    let fields = move || {
        shape.with(|_| ()); // a Memo tracks when read, not on `.track()`
        let (heading, specs) = answers.with_untracked(|d| specs(t, step, d, kinds));
        let first = heading.is_none();
        let mut fields: Vec<AnyView> = specs
            .into_iter()
            .enumerate()
            .map(|(i, s)| field_view(s, answers, errors, first && i == 0))
            .collect();
        // The information question's own blocks go under its text field, the publish choice last.
        let last = (step == Step::Information).then(|| fields.split_off(1.min(fields.len())));
        view! {
            {heading.map(|h| view! { <h1>{h}</h1> })}
            {(step == Step::Contact).then(|| view! { <p class="hint">{t.contact_hint()}</p> })}
            {fields}
            {last.map(|last| view! {
                <super::suggestions::Suggestions/><FromCatalogue/><ComplaintHint/><UnitPicker errors/>{last}
            })}
            {(step == Step::Document).then(|| view! { <super::document::Documents errors raw/> })}
        }
    };
    view! {
        <p><a href=crate::components::router::rooted(&back) class="back-link">{t.req_back()}</a></p>
        <ErrorSummary errors/>
        <form on:submit=on_submit novalidate=true>
            {fields}
            <button type="submit" class="button">{t.req_continue()}</button>
        </form>
    }
    .into_any()
}

/// The catalogue item this request started from, if any.
#[component]
fn FromCatalogue() -> impl IntoView {
    let t = use_texts();
    let answers = use_draft().answers;
    move || {
        answers.with(|d| {
            (!d.catalogue_item_id.is_empty()).then(|| {
                let href = format!("/informasi/{}", crate::contract::url::percent_encode(&d.catalogue_item_id));
                view! { <p>{t.from_catalogue()} " " <a href=crate::components::router::rooted(&href)>{d.catalogue_item_id.clone()}</a></p> }
            })
        })
    }
}

fn question_title(t: &'static crate::i18n::Texts, step: Step) -> &'static str {
    match step {
        Step::Kind => t.q_kind(),
        Step::Identity => t.q_identity(),
        Step::Document => t.q_document(),
        Step::Contact => t.q_contact(),
        Step::Information => t.q_information(),
        Step::Purpose => t.q_purpose(),
        Step::Obtain => t.q_obtain(),
        Step::Delivery => t.q_delivery(),
        Step::Check => t.q_check(),
    }
}

/// Optional: the unit holding the information, from the backend's list, with a search box that
/// narrows the list (a regency may have dozens of units).
#[component]
fn UnitPicker(errors: Signal<Shown>) -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let answers = use_draft().answers;
    let units = use_load(move || {
        let backend = portal.backend.get_value();
        async move { backend.units().await.map(|u| u.units) }
    });
    let query = RwSignal::new(String::new());
    let error = crate::components::fields::error_of(errors, "f-unit");
    view! {
        <div class="field" class:field-error=move || error().is_some()>
            <label for="f-unit-search">{t.unit_search().0}</label>
            <p class="hint" id="f-unit-search-hint">{t.unit_search().1}</p>
            <input id="f-unit-search" type="search" autocomplete="off" aria-describedby="f-unit-search-hint"
                aria-controls="f-unit" prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))/>
            <label for="f-unit">{t.f_unit().0}</label>
            <p class="hint" id="f-unit-hint">{t.f_unit().1}</p>
            {move || error().map(|m| view! { <p class="error-message" id="f-unit-error">{m}</p> })}
            <select id="f-unit" aria-describedby="f-unit-hint" prop:value=move || answers.with(|d| d.unit_id.clone())
                on:change=move |ev| answers.update(|d| d.unit_id = event_target_value(&ev))>
                <option value="">{t.unit_unknown()}</option>
                // Marked selected as they arrive: the select's value was set before its options existed.
                // The chosen unit stays listed whatever is searched.
                {move || {
                    let words: Vec<String> = crate::domain::search::fold(&query.get())
                        .split_whitespace()
                        .map(str::to_owned)
                        .collect();
                    units.get().and_then(Result::ok).unwrap_or_default().into_iter().filter_map(|u| {
                        let selected = answers.with_untracked(|d| d.unit_id == u.id);
                        let name = crate::domain::search::fold(&u.name);
                        let matches = words.iter().all(|w| name.split_whitespace().any(|n| n.starts_with(w.as_str())));
                        (selected || matches).then(|| view! { <option value=u.id selected=selected>{u.name}</option> })
                    }).collect_view()
                }}
            </select>
            // Without the list the question still works ("I don't know"); say so, and offer to try again.
            {move || matches!(units.get(), Some(Err(_))).then(|| view! {
                <p class="hint" role="status">
                    {t.units_unavailable()} " "
                    <button type="button" class="link-button" on:click=move |_| units.refetch()>{t.retry()}</button>
                </p>
            })}
        </div>
    }
}

/// Points a citizen whose text reads like a complaint to SP4N-LAPOR; the request can go on.
#[component]
fn ComplaintHint() -> impl IntoView {
    let t = use_texts();
    let answers = use_draft().answers;
    let shown = Memo::new(move |_| {
        answers.with(|d| crate::domain::complaint::looks_like_complaint(&d.information))
    });
    view! {
        <div aria-live="polite">
            {move || shown.get().then(|| view! {
                <div class="panel warning complaint-hint">
                    <p>{t.complaint_hint()}</p>
                    <p><a href=crate::domain::complaint::SP4N_LAPOR rel="noopener">{t.complaint_link()}</a></p>
                </div>
            })}
        </div>
    }
}
