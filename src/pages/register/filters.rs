//! The register's search box and filters. Typing updates the URL after a short pause (replacing the
//! history entry); a changed filter is a new history entry, so Back walks through them.

use super::list_href;
use crate::components::fields::{use_search_box, FilterSelect};
use crate::components::router::{rooted, use_navigate};
use crate::context::use_texts;
use crate::contract::{Outcome, RegisterQuery, RegisterSort, Unit};
use leptos::prelude::*;

/// How far back the year filter goes.
const YEARS_BACK: i32 = 7;

/// The search form: what was asked, and the unit, outcome, year and order.
#[component]
pub(super) fn Filters(
    current: Memo<RegisterQuery>,
    units: Signal<Vec<Unit>, LocalStorage>,
) -> impl IntoView {
    let t = use_texts();
    let navigate = use_navigate();
    // A new search or filter starts again at its first page.
    let go = move |q: RegisterQuery, replace: bool| {
        navigate(&list_href(&RegisterQuery { page: None, ..q }), replace);
    };
    let (typed, on_input, on_submit) = use_search_box(
        current,
        go,
        |q| q.q.clone(),
        |q, words| RegisterQuery { q: words, ..q },
    );
    let this_year = crate::components::today().year();
    let mut outcomes = vec![(String::new(), t.reg_all_outcomes().to_owned())];
    outcomes.extend(
        Outcome::ALL
            .iter()
            .map(|o| (o.as_str().to_owned(), t.outcome(*o).to_owned())),
    );
    let mut years = vec![(String::new(), t.all_years().to_owned())];
    years.extend(
        (this_year - YEARS_BACK..=this_year)
            .rev()
            .map(|y| (y.to_string(), y.to_string())),
    );
    let sorts = vec![
        (String::new(), t.reg_sort_newest().to_owned()),
        ("oldest".to_owned(), t.reg_sort_oldest().to_owned()),
    ];
    view! {
        <form class="search" role="search" on:submit=on_submit>
            <div class="field search-box">
                <label for="register-q">{t.reg_search_label()}</label>
                <p class="hint" id="register-q-hint">{t.reg_search_hint()}</p>
                <input id="register-q" name="q" type="search" autocomplete="off" aria-describedby="register-q-hint"
                    prop:value=move || typed.get() on:input=on_input/>
            </div>
            {move || {
                let mut options = vec![(String::new(), t.all_units().to_owned())];
                options.extend(units.get().into_iter().map(|u| (u.id, u.name)));
                view! {
                    <FilterSelect id="filter-unit" label=t.filter_unit() options current go
                        get=|q| q.unit.clone().unwrap_or_default()
                        set=|q, v| q.unit = Some(v).filter(|v| !v.is_empty())/>
                }
            }}
            <FilterSelect id="filter-outcome" label=t.reg_filter_outcome() options=outcomes current go
                get=|q| q.outcome.map(|o| o.as_str().to_owned()).unwrap_or_default()
                set=|q, v| q.outcome = Outcome::parse(&v)/>
            <FilterSelect id="filter-year" label=t.filter_year() options=years current go
                get=|q| q.year.map(|y| y.to_string()).unwrap_or_default()
                set=|q, v| q.year = v.parse().ok()/>
            <FilterSelect id="filter-sort" label=t.sort_label() options=sorts current go
                get=|q| if q.sort == Some(RegisterSort::Oldest) { "oldest".into() } else { String::new() }
                set=|q, v| q.sort = (v == "oldest").then_some(RegisterSort::Oldest)/>
            <button type="submit" class="button">{t.search_button()}</button>
            <a href=rooted("/register") class="clear-filters">{t.clear_filters()}</a>
        </form>
    }
}
