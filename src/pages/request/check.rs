//! Check your answers: the request as it will be sent, and the submit.

use super::{save_draft, session_storage, use_draft, RECEIPT_KEY};
use crate::api::{new_idempotency_key, ApiError};
use crate::components::router::use_navigate;
use crate::components::use_title;
use crate::context::{use_portal, use_texts};
use crate::contract::{RequestReceipt, RequesterKind};
use crate::domain::draft::{document_error, first_to_correct, RequestDraft, Step};
use crate::offline::outbox::{use_outbox, Kind};
use crate::offline::submit::{submit, Sent};
use leptos::prelude::*;

/// Check your answers, with a "Change" link per answer, the declaration and the submit.
#[component]
pub(super) fn CheckAnswers() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let draft = use_draft();
    let answers = draft.answers;
    let kiosk = portal.config.with_value(|c| c.kiosk);
    let navigate = use_navigate();
    use_title(move || (t.q_check().into(), false));
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let outbox = use_outbox();
    // The receipt's script now, while the network may still be there: a provisional receipt made
    // offline has its QR code too.
    leptos::task::spawn_local(async {
        let _ = crate::components::deadline::receipt_script().await;
    });
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
        // The receipt says what was chosen; nothing when the backend did not ask.
        let publish = answers
            .with_untracked(|d| d.publish_asked)
            .then_some(body.publish);
        let body = crate::kiosk::mark(body);
        let sent: Vec<_> = body.attachments.iter().map(|a| a.role).collect();
        let backend = portal.backend.get_value();
        pending.set(true);
        failure.set(None);
        let body = crate::json::to_string(&body);
        leptos::task::spawn_local(async move {
            let sent_as = submit::<RequestReceipt>(backend, outbox, Kind::Request, key, body).await;
            pending.try_set(false);
            let next = match sent_as {
                Sent::Registered(receipt) => {
                    if let (Some(s), json) =
                        (session_storage(), super::sent::kept(&receipt, publish))
                    {
                        let _ = s.set_item(RECEIPT_KEY, &json);
                    }
                    "/permohonan/terkirim".to_owned()
                }
                // Waiting in the outbox with its key: a provisional receipt.
                Sent::Queued(local) => format!("/permohonan/terkirim?sementara={local}"),
                Sent::Invalid(mut errors) => {
                    for e in &mut errors {
                        e.pointer = document_error(&e.pointer, &sent);
                    }
                    let first = first_to_correct(&errors);
                    draft.server_errors.set(errors);
                    navigate(&format!("/permohonan/{}", first.slug()), false);
                    return;
                }
                Sent::Failed(e) => {
                    failure.try_set(Some(e));
                    return;
                }
            };
            answers.update(|d| *d = d.cleared());
            draft.server_errors.set(Vec::new());
            save_draft(&RequestDraft::default(), true);
            navigate(&next, true);
        });
    };
    let row = move |step: Step, label: &'static str, value: String| {
        view! {
            <div class="row">
                <dt>{label}</dt>
                <dd>{if value.trim().is_empty() { "—".to_owned() } else { value }}</dd>
                <dd class="change"><a href=crate::components::router::rooted(&format!("/permohonan/{}?ubah=1", step.slug()))>{t.change()}<span class="visually-hidden">{format!(" {label}")}</span></a></dd>
            </div>
        }
    };
    let d = answers.get_untracked();
    let kind = d.kind.map(|k| t.requester_kind(k).0).unwrap_or("");
    let group = d.kind == Some(RequesterKind::Group);
    let obtain: Vec<&str> = [d.view, d.soft_copy, d.hard_copy]
        .iter()
        .zip(t.obtains())
        .filter(|(on, _)| **on)
        .map(|(_, o)| o)
        .collect();
    let delivery = d.delivery.map(|x| t.delivery(x)).unwrap_or("");
    let identity = [
        d.nik.as_str(),
        d.decree_number.as_str(),
        d.principal_name.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    // The phone as it is stored and sent: +62...
    let phone =
        crate::domain::validate::normalize_phone(&d.phone).unwrap_or_else(|| d.phone.clone());
    let contact = [phone.as_str(), d.email.as_str()]
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
        <p><a href=crate::components::router::rooted(&format!("/permohonan/{}", answers.with_untracked(|d| d.previous(Step::Check)).unwrap_or(Step::Kind).slug())) class="back-link">{t.req_back()}</a></p>
        <h1>{t.q_check()}</h1>
        {d.nik_warning().then(|| view! { <crate::components::WarningText text=t.nik_date_warning()/> })}
        <dl class="summary-list check">
            {row(Step::Kind, t.q_kind(), kind.to_owned())}
            {group.then(|| row(Step::Identity, t.f_group_name().0, d.group_name.clone()))}
            {row(Step::Identity, if group { t.f_member_name().0 } else { t.f_name().0 }, d.name.clone())}
            {row(Step::Identity, t.q_identity(), identity)}
            {d.documents_asked.then(|| row(Step::Document, t.q_document(), d.submission().attachments.iter().map(|a| a.file_name.as_str()).collect::<Vec<_>>().join(", ")))}
            {row(Step::Contact, t.f_address().0, d.address.clone())}
            {row(Step::Contact, t.contact_hint(), contact)}
            {row(Step::Information, t.f_information().0, d.information.clone())}
            {d.publish_asked.then(|| row(Step::Information, t.publish_choice().0, t.publish_said(d.publish).to_owned()))}
            {row(Step::Purpose, t.f_purpose().0, d.purpose.clone())}
            {row(Step::Obtain, t.q_obtain(), obtain.join(", "))}
            {d.wants_copy().then(|| row(Step::Delivery, t.q_delivery(), format!("{delivery} {delivery_to}")))}
        </dl>
        <crate::components::kiosk::AssistedBy/>
        <p>{t.declaration()}</p>
        <div aria-live="polite">
            {move || failure.get().map(|error| view! { <crate::components::outbox::NotSent error/> })}
        </div>
        <button type="button" class="button" on:click=submit disabled=move || pending.get() aria-busy=move || pending.get().then_some("true")>
            {move || if pending.get() { t.sending() } else if failure.with(Option::is_some) { t.send_again() } else { t.submit() }}
        </button>
    }
}
