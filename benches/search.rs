//! Client-side catalogue search over a generated 10,000-item catalogue, and the register's search
//! (the same word index, in the reference backend) over 10,000 generated entries: one query per
//! keystroke of a few typed searches, timed. Prints median and worst of each; the budget is 16 ms
//! per keystroke (one frame) on the host, the browser figure comes from the end-to-end test under
//! CPU throttling. The register is searched while a citizen types a request ("Mungkin sudah
//! tersedia"), so it is held to the catalogue's budget.

use ppid_portal::contract::{
    CatalogueQuery, CatalogueSummary, InformationClass, Outcome, RegisterQuery,
};
use ppid_portal::domain::catalogue::{summary_of, CatalogueIndex};
use ppid_portal::reference::register::RegisterIndex;
use ppid_portal::reference::synthetic;
use std::time::Instant;

/// Median and worst of `times` (milliseconds).
fn spread(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[times.len() - 1])
}

fn main() {
    let units: Vec<String> = [
        "setda",
        "dinkes",
        "disdik",
        "dpupr",
        "bpkad",
        "diskominfo",
        "bpbd",
        "disdukcapil",
    ]
    .map(String::from)
    .to_vec();
    let started = Instant::now();
    let items: Vec<CatalogueSummary> = synthetic::catalogue(10_000, &units)
        .into_iter()
        .map(|i| summary_of(&i))
        .collect();
    let index = CatalogueIndex::new(items, |u| {
        Some(if u == "dinkes" {
            "Dinas Kesehatan"
        } else {
            "Sekretariat Daerah"
        })
    });
    let build_ms = started.elapsed().as_secs_f64() * 1000.0;

    let typed = [
        "anggaran kesehatan 2026",
        "ngamumule",
        "laporan keu",
        "zzz tidak ada",
        "data penduduk kependudukan",
    ];
    let mut times = Vec::new();
    let mut hits = 0;
    for round in 0..20 {
        for text in typed {
            for end in 1..=text.len() {
                let Some(prefix) = text.get(..end) else {
                    continue;
                };
                let q = CatalogueQuery {
                    q: Some(prefix.into()),
                    class: (round % 2 == 1).then_some(InformationClass::Berkala),
                    ..Default::default()
                };
                let t = Instant::now();
                let page = index.query(&q);
                times.push(t.elapsed().as_secs_f64() * 1000.0);
                hits += page.total as usize;
            }
        }
    }
    let keystrokes = times.len();
    let (median, worst) = spread(&mut times);
    println!("search bench: 10000 items, index built in {build_ms:.1} ms");
    println!("search bench: {keystrokes} keystrokes, median {median:.3} ms, worst {worst:.3} ms (budget 16 ms), {hits} hits");

    let started = Instant::now();
    let register = RegisterIndex::new(synthetic::register(10_000, &units), |u| {
        Some(if u == "dinkes" {
            "Dinas Kesehatan"
        } else {
            "Sekretariat Daerah"
        })
    });
    let register_build_ms = started.elapsed().as_secs_f64() * 1000.0;
    // What citizens type while writing a request, and a filter on every other round.
    let asked = [
        "apbd 2026 kecamatan sukamaju",
        "data penduduk",
        "anggaran kesehatan",
        "ngamumule",
        "zzz tidak ada",
    ];
    let mut register_times = Vec::new();
    let mut register_hits = 0;
    for round in 0..20 {
        for text in asked {
            for end in 1..=text.len() {
                let Some(prefix) = text.get(..end) else {
                    continue;
                };
                let q = RegisterQuery {
                    q: Some(prefix.into()),
                    outcome: (round % 2 == 1).then_some(Outcome::Fulfilled),
                    per_page: Some(5),
                    ..Default::default()
                };
                let t = Instant::now();
                let page = register.query(&q);
                register_times.push(t.elapsed().as_secs_f64() * 1000.0);
                register_hits += page.total as usize;
            }
        }
    }
    let register_keystrokes = register_times.len();
    let (register_median, register_worst) = spread(&mut register_times);
    println!(
        "search bench: register of {} entries, index built in {register_build_ms:.1} ms",
        register.len()
    );
    println!("search bench: register {register_keystrokes} keystrokes, median {register_median:.3} ms, worst {register_worst:.3} ms (budget 16 ms), {register_hits} hits");
    println!("search bench: median per keystroke: catalogue {median:.3} ms, register {register_median:.3} ms");
    let mut over = false;
    for (what, m) in [("catalogue", median), ("register", register_median)] {
        if m > 16.0 {
            eprintln!("search bench: the {what}'s median is over the 16 ms budget");
            over = true;
        }
    }
    if over {
        std::process::exit(1);
    }
}
