//! Statistik: the service reporting on itself: requests received and how they ended,
//! refusals by Pasal 17 letter, objections and the median working days to a written notice, per year
//! and per unit. Each chart is a light SVG drawn beside a table holding the same figures: the table
//! is what a screen reader reads (the drawing is hidden from it) and what anyone can copy.

use crate::api::{ApiError, Backend};
use crate::components::bars::Bars;
use crate::components::router::use_location;
use crate::components::{use_load, use_title, ErrorPanel, LoadingLine};
use crate::context::{use_portal, use_texts};
use crate::contract::{feature, UnitList};
use crate::domain::figures::{format_tenths, tenths};
use crate::i18n::Texts;
use crate::json::{json_struct, Error, FromJson, Value};
use leptos::prelude::*;
use std::collections::BTreeMap;

// The contract's statistics (`contract::Statistics`) as this page reads them: the same fields, but
// the median as tenths read from the number's text, so the page carries no float parsing.

#[derive(Clone, Debug, PartialEq)]
struct Statistics {
    years: Vec<YearStatistics>,
}

#[derive(Clone, Debug, PartialEq)]
struct YearStatistics {
    year: i32,
    totals: ServiceFigures,
    by_unit: Vec<UnitStatistics>,
}

#[derive(Clone, Debug, PartialEq)]
struct UnitStatistics {
    unit_id: String,
    figures: ServiceFigures,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct ServiceFigures {
    received: u32,
    fulfilled: u32,
    partly_fulfilled: u32,
    refused: u32,
    refused_by_pasal17: BTreeMap<String, u32>,
    not_held: u32,
    objections: u32,
    median_days_to_notice: Option<Tenths>,
}

/// A decimal number in tenths.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Tenths(u64);

impl FromJson for Tenths {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Number(text) => tenths(text)
                .map(Tenths)
                .ok_or(Error::new("number out of range")),
            _ => Err(Error::new("expected a number")),
        }
    }
}

json_struct!(decode Statistics { years: req });
json_struct!(decode YearStatistics { year: req, totals: req, by_unit: default });
json_struct!(decode UnitStatistics { unit_id: req, figures: req });
json_struct!(decode ServiceFigures {
    received: req,
    fulfilled: req,
    partly_fulfilled: req,
    refused: req,
    refused_by_pasal17: default,
    not_held: req,
    objections: req,
    median_days_to_notice: default,
});

/// The statistics page; `?tahun=` chooses the year (the latest by default).
#[component]
pub fn StatisticsPage() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    use_title(move || (t.stats_title().into(), false));
    let offered = portal
        .meta
        .with_value(|m| m.features.iter().any(|f| f == feature::STATISTICS));
    if !offered {
        return view! {
            <h1>{t.stats_title()}</h1>
            <p>{t.stats_not_offered()}</p>
        }
        .into_any();
    }
    let backend = portal.backend.get_value();
    let answer = use_load(move || {
        let b = backend.clone();
        async move {
            let stats: Statistics = b.get("/v1/statistics".into()).await?;
            // Without the unit list the figures still show, under the units' ids.
            let units = b.units().await.unwrap_or(UnitList { units: vec![] });
            Ok::<_, ApiError>((stats, units))
        }
    });
    let location = use_location();
    let chosen = Memo::new(move |_| {
        location
            .with(|l| l.param("tahun"))
            .and_then(|y| y.parse::<i32>().ok())
    });
    let register = portal
        .meta
        .with_value(|m| m.features.iter().any(|f| f == feature::REGISTER));
    view! {
        <h1>{t.stats_title()}</h1>
        <p class="lead">{t.stats_intro()}</p>
        {register.then(|| view! {
            <p class="register-link"><a href=crate::components::router::rooted("/register")>{t.reg_link()}</a></p>
        })}
        {move || match answer.get() {
            None => view! { <LoadingLine/> }.into_any(),
            Some(Err(e)) => view! { <ErrorPanel error=e on_retry=move || answer.refetch()/> }.into_any(),
            Some(Ok((stats, units))) => view! { <Report stats units year=chosen.get()/> }.into_any(),
        }}
    }
    .into_any()
}

/// The figures of one year (the latest when `year` is not in the answer), and every year's total.
#[component]
fn Report(stats: Statistics, units: UnitList, year: Option<i32>) -> impl IntoView {
    let t = use_texts();
    let mut years = stats.years;
    if years.is_empty() {
        return view! { <p>{t.stats_none()}</p> }.into_any();
    }
    crate::domain::sort_small_by_key(&mut years, |y| y.year);
    let latest = years[years.len() - 1].year;
    let year = year
        .filter(|y| years.iter().any(|s| s.year == *y))
        .unwrap_or(latest);
    let shown = years
        .iter()
        .find(|s| s.year == year)
        .cloned()
        .unwrap_or_else(|| years[0].clone());
    let f = shown.totals.clone();
    let unit_name = |id: &str| {
        units
            .units
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let outcomes = vec![
        (t.stats_fulfilled().to_owned(), f.fulfilled),
        (t.stats_partly().to_owned(), f.partly_fulfilled),
        (t.stats_refused().to_owned(), f.refused),
        (t.stats_not_held().to_owned(), f.not_held),
    ];
    let refusals: Vec<(String, u32)> = f
        .refused_by_pasal17
        .iter()
        .map(|(letter, n)| (t.pasal17_words(letter), *n))
        .collect();
    let per_unit: Vec<(String, ServiceFigures)> = shown
        .by_unit
        .iter()
        .map(|u| (unit_name(&u.unit_id), u.figures.clone()))
        .collect();
    let per_year: Vec<(String, u32)> = years
        .iter()
        .map(|y| (y.year.to_string(), y.totals.received))
        .collect();
    view! {
        <nav class="year-choice" aria-label=t.stats_years()>
            <ul>
                {years.iter().map(|y| {
                    let current = y.year == year;
                    view! {
                        <li><a href=format!("?tahun={}", y.year) aria-current=current.then_some("page")>{y.year.to_string()}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
        <h2>{(t.stats_year())(year)}</h2>
        <dl class="summary-list figures">
            <div class="row"><dt>{t.stats_received()}</dt><dd>{f.received.to_string()}</dd></div>
            <div class="row"><dt>{t.stats_objections()}</dt><dd>{f.objections.to_string()}</dd></div>
            <div class="row"><dt>{t.stats_median()}</dt><dd>{median(t, f.median_days_to_notice)}</dd></div>
        </dl>
        <Chart id="stats-outcomes" title=t.stats_outcomes_title() head=t.stats_outcome() bars=outcomes/>
        {(!refusals.is_empty()).then(|| view! {
            <Chart id="stats-refusals" title=t.stats_refusals_title() head=t.stats_ground() bars=refusals/>
        })}
        {(!per_unit.is_empty()).then(|| view! { <PerUnit units=per_unit/> })}
        <Chart id="stats-years" title=t.stats_years_title() head=t.stats_year_head() bars=per_year/>
    }
    .into_any()
}

/// Median working days in this language's style ("5,5 hari kerja"); "—" without notices.
fn median(t: &Texts, days: Option<Tenths>) -> String {
    match days {
        Some(Tenths(d)) => (t.stats_days())(&format_tenths(d, t.decimal_separator())),
        None => "—".to_owned(),
    }
}

/// A horizontal bar chart and the table of the same figures.
#[component]
fn Chart(
    id: &'static str,
    title: &'static str,
    head: &'static str,
    bars: Vec<(String, u32)>,
) -> impl IntoView {
    let t = use_texts();
    let heading = format!("{id}-title");
    view! {
        <section class="chart" data-chart=heading.clone()>
            <h3 id=heading.clone()>{title}</h3>
            <Bars bars=bars.clone()/>
            <table>
                <caption class="visually-hidden">{title}</caption>
                <thead><tr><th scope="col">{head}</th><th scope="col" class="number">{t.stats_count()}</th></tr></thead>
                <tbody>
                    {bars.into_iter().map(|(label, n)| view! {
                        <tr><th scope="row">{label}</th><td class="number">{n.to_string()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// Requests received per unit (the chart) and each unit's figures (the table).
#[component]
fn PerUnit(units: Vec<(String, ServiceFigures)>) -> impl IntoView {
    let t = use_texts();
    let bars: Vec<(String, u32)> = units.iter().map(|(n, f)| (n.clone(), f.received)).collect();
    view! {
        <section class="chart" data-chart="stats-units-title">
            <h3 id="stats-units-title">{t.stats_units_title()}</h3>
            <Bars bars/>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="stats-units-title">
                <table>
                    <caption class="visually-hidden">{t.stats_units_title()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.stats_unit()}</th>
                            <th scope="col" class="number">{t.stats_received()}</th>
                            <th scope="col" class="number">{t.stats_fulfilled()}</th>
                            <th scope="col" class="number">{t.stats_partly()}</th>
                            <th scope="col" class="number">{t.stats_refused()}</th>
                            <th scope="col" class="number">{t.stats_not_held()}</th>
                            <th scope="col" class="number">{t.stats_objections()}</th>
                            <th scope="col" class="number">{t.stats_median()}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {units.into_iter().map(|(name, f)| view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td class="number">{f.received.to_string()}</td>
                                <td class="number">{f.fulfilled.to_string()}</td>
                                <td class="number">{f.partly_fulfilled.to_string()}</td>
                                <td class="number">{f.refused.to_string()}</td>
                                <td class="number">{f.not_held.to_string()}</td>
                                <td class="number">{f.objections.to_string()}</td>
                                <td class="number">{median(t, f.median_days_to_notice)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
