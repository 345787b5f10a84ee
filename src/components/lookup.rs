//! The number-and-verifier form that looks a request or an objection up (the status page, the
//! dispute route, the objection form).

use super::fields::{ErrorSummary, Shown, TextField};
use crate::context::use_texts;
use crate::contract::Lookup;
use leptos::prelude::*;

/// A lookup form's two answers, and what was missing at the last attempt.
#[derive(Clone, Copy)]
pub struct LookupAnswers {
    pub number: RwSignal<String>,
    pub verifier: RwSignal<String>,
    /// (field id, sentence) for each missing answer, set only after a submit attempt.
    pub missing: RwSignal<Shown>,
    /// The element ids of the number's and the verifier's fields.
    ids: (&'static str, &'static str),
    /// What is said when each is missing.
    say_missing: (&'static str, &'static str),
}

impl LookupAnswers {
    /// Answers for fields with `ids`, the number filled in with `number`; `number_missing` is
    /// said when no number is given. Call while rendering.
    pub fn new(
        ids: (&'static str, &'static str),
        number_missing: &'static str,
        number: String,
        verifier: String,
    ) -> LookupAnswers {
        LookupAnswers {
            number: RwSignal::new(number),
            verifier: RwSignal::new(verifier),
            missing: RwSignal::new(Vec::new()),
            ids,
            say_missing: (number_missing, use_texts().status_e_verifier()),
        }
    }

    /// Shows what is missing, if anything; the lookup when both answers are given.
    pub fn check(self) -> Option<Lookup> {
        let (number, verifier) = (self.number.get_untracked(), self.verifier.get_untracked());
        let (number, verifier) = (number.trim(), verifier.trim());
        let mut m = Vec::new();
        if number.is_empty() {
            m.push((self.ids.0, self.say_missing.0));
        }
        if verifier.is_empty() {
            m.push((self.ids.1, self.say_missing.1));
        }
        let invalid = !m.is_empty();
        self.missing.set(m);
        (!invalid).then(|| Lookup {
            number: number.to_owned(),
            verifier: verifier.to_owned(),
        })
    }
}

/// The error summary, the lead and the form; a submit hands `on_submit` the lookup, or `None`
/// when an answer is missing (then shown at its field).
#[component]
pub fn LookupForm(
    answers: LookupAnswers,
    /// The number's label and hint (each office has its own numbers).
    number_label: (&'static str, &'static str),
    lead: &'static str,
    submit: &'static str,
    pending: RwSignal<bool>,
    on_submit: impl Fn(Option<Lookup>) + Copy + 'static,
    /// The form's class ("" for none; a literal costs less wasm than an optional one).
    class: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let errors: Signal<Shown> = answers.missing.into();
    let input = |s: RwSignal<String>| Callback::new(move |v: String| s.set(v));
    let (number, verifier) = (answers.number, answers.verifier);
    let submitted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_submit(answers.check());
    };
    view! {
        <ErrorSummary errors/>
        <p class="lead">{lead}</p>
        <form on:submit=submitted novalidate=true class=class>
            <TextField id=answers.ids.0 label=number_label value=number.into()
                on_input=input(number) errors multiline=false input_type="text" autocomplete="off"/>
            <TextField id=answers.ids.1 label=(t.status_verifier(), t.status_verifier_hint()) value=verifier.into()
                on_input=input(verifier) errors multiline=false input_type="text" autocomplete="email"/>
            <button type="submit" class="button" disabled=move || pending.get()>{submit}</button>
        </form>
    }
}
