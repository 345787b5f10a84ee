//! The record of how the matching entries were answered: on time or late, by outcome, refusals by
//! Pasal 17 letter, and what followed. A table holds the figures (what a screen reader reads and what
//! anyone can copy); a light drawing beside it is for the eye only.

use crate::components::bars::Bars;
use crate::context::use_texts;
use crate::contract::{Outcome, RegisterRecord};
use leptos::prelude::*;

/// The figure of one outcome in the record.
fn by_outcome(r: &RegisterRecord, o: Outcome) -> u32 {
    match o {
        Outcome::Fulfilled => r.fulfilled,
        Outcome::PartlyFulfilled => r.partly_fulfilled,
        Outcome::Refused => r.refused,
        Outcome::NotHeld => r.not_held,
        Outcome::NotYetDocumented => r.not_yet_documented,
        Outcome::Forwarded => r.forwarded,
        Outcome::Unknown => 0,
    }
}

/// The record of the unit chosen (`unit`, its name), or of every unit.
#[component]
pub(super) fn Record(record: RegisterRecord, unit: Option<String>) -> impl IntoView {
    let t = use_texts();
    let heading = match unit {
        Some(name) => (t.reg_record_unit())(&name),
        None => t.reg_record_all().to_owned(),
    };
    let outcomes: Vec<(String, u32)> = Outcome::ALL
        .iter()
        .map(|o| (t.outcome(*o).to_owned(), by_outcome(&record, *o)))
        .collect();
    let mut bars = vec![
        (t.reg_on_time().to_owned(), record.on_time),
        (t.reg_late().to_owned(), record.late),
    ];
    bars.extend(outcomes.iter().cloned());
    let mut rows = vec![(t.reg_answered().to_owned(), record.answered)];
    rows.extend(bars.iter().cloned());
    rows.extend(
        record
            .refused_by_pasal17
            .iter()
            .map(|(letter, n)| ((t.reg_refused_by())(&t.pasal17_words(letter)), *n)),
    );
    rows.push((t.reg_objections().to_owned(), record.objections));
    rows.push((t.reg_disputes().to_owned(), record.disputes));
    view! {
        <section class="chart record" aria-labelledby="record-title">
            <h2 id="record-title">{heading.clone()}</h2>
            <p class="hint">{t.reg_record_note()}</p>
            <div class="record-figures">
                <table>
                    <caption class="visually-hidden">{heading}</caption>
                    <thead><tr><th scope="col">{t.reg_record_head()}</th><th scope="col" class="number">{t.stats_count()}</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(label, n)| view! {
                            <tr><th scope="row">{label}</th><td class="number">{n.to_string()}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <Bars bars/>
            </div>
        </section>
    }
}
