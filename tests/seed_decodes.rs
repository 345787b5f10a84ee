//! The embedded demo data set decodes into `Seed` and is internally consistent.
#![cfg(not(target_arch = "wasm32"))]

use ppid_portal::contract::InformationClass;
use ppid_portal::reference::Seed;
use std::collections::HashSet;

fn seed() -> Seed {
    Seed::demo().expect("src/reference/seed.json decodes into Seed")
}

#[test]
fn demo_seed_decodes() {
    let seed = seed();
    assert_eq!(
        seed.meta.contract_version,
        ppid_portal::contract::CONTRACT_VERSION
    );
    assert!(
        seed.catalogue.len() >= 60,
        "catalogue has {} items",
        seed.catalogue.len()
    );
    for class in InformationClass::ALL {
        assert!(
            seed.catalogue.iter().any(|i| i.class == class),
            "no {} item",
            class.as_str()
        );
    }
    assert!(seed.units.len() >= 8, "only {} units", seed.units.len());
    assert_eq!(seed.announcements.len(), 1);
    for year in [2026, 2027] {
        let cal = seed.calendars.iter().find(|c| c.year == year);
        assert!(
            cal.is_some_and(|c| !c.days.is_empty()),
            "calendar {year} missing"
        );
    }
}

#[test]
fn ids_unique_and_units_known() {
    let seed = seed();
    let units: HashSet<&str> = seed.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(units.len(), seed.units.len(), "duplicate unit id");
    let mut ids = HashSet::new();
    for item in &seed.catalogue {
        assert!(
            ids.insert(item.id.as_str()),
            "duplicate catalogue id {}",
            item.id
        );
        assert!(
            units.contains(item.unit_id.as_str()),
            "{}: unknown unit {}",
            item.id,
            item.unit_id
        );
    }
    for year in &seed.statistics.years {
        for u in &year.by_unit {
            assert!(
                units.contains(u.unit_id.as_str()),
                "statistics: unknown unit {}",
                u.unit_id
            );
        }
    }
    for req in &seed.requests {
        if let Some(id) = &req.submission.catalogue_item_id {
            assert!(
                ids.contains(id.as_str()),
                "{}: unknown catalogue item {id}",
                req.receipt.number
            );
        }
    }
}

#[test]
fn exemptions_only_on_excepted_items() {
    for item in &seed().catalogue {
        if item.class == InformationClass::Dikecualikan {
            let ex = item
                .exemption
                .as_ref()
                .unwrap_or_else(|| panic!("{} has no exemption", item.id));
            assert!(
                item.files.is_empty(),
                "{} is excepted but has files",
                item.id
            );
            assert!(
                matches!(
                    ex.pasal17.as_str(),
                    "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j"
                ),
                "{}",
                item.id
            );
        } else {
            assert!(
                item.exemption.is_none(),
                "{} is not excepted but has an exemption",
                item.id
            );
        }
    }
}

#[test]
fn requests_and_objections_are_linked() {
    let seed = seed();
    let numbers: HashSet<&str> = seed
        .requests
        .iter()
        .map(|r| r.receipt.number.as_str())
        .collect();
    assert_eq!(
        numbers.len(),
        seed.requests.len(),
        "duplicate request number"
    );
    for req in &seed.requests {
        assert_eq!(
            req.events.first().map(|e| e.kind),
            Some(ppid_portal::contract::EventKind::Received)
        );
    }
    for obj in &seed.objections {
        assert!(numbers.contains(obj.receipt.request_number.as_str()));
        let req = seed
            .requests
            .iter()
            .find(|r| r.receipt.number == obj.receipt.request_number)
            .unwrap();
        assert!(req.objections.contains(&obj.receipt.number));
    }
}

#[test]
fn statistics_add_up() {
    for year in &seed().statistics.years {
        let figs = std::iter::once(&year.totals).chain(year.by_unit.iter().map(|u| &u.figures));
        for f in figs {
            assert_eq!(
                f.refused,
                f.refused_by_pasal17.values().sum::<u32>(),
                "{}",
                year.year
            );
            assert!(
                f.fulfilled + f.partly_fulfilled + f.refused + f.not_held <= f.received,
                "{}",
                year.year
            );
        }
    }
}

#[test]
fn publications_are_the_offices_own_and_point_at_what_exists() {
    let seed = seed();
    let catalogue: HashSet<&str> = seed.catalogue.iter().map(|i| i.id.as_str()).collect();
    let mut ids = HashSet::new();
    for req in &seed.requests {
        let Some(p) = &req.publication else { continue };
        let at = &req.receipt.number;
        assert!(
            ids.insert(p.id.as_str()),
            "{at}: duplicate register id {}",
            p.id
        );
        assert!(
            !p.id.is_empty()
                && p.id.len() <= 64
                && p.id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{at}: register id {} is not URL-safe",
            p.id
        );
        assert!(
            !p.id.contains(at.as_str()),
            "{at}: the id is not the number"
        );
        if let Some(item) = &p.catalogue_item_id {
            assert!(
                catalogue.contains(item.as_str()),
                "{at}: unknown catalogue item {item}"
            );
        }
        // Released files only: the notice letter names the requester.
        for d in &p.documents {
            assert!(
                !d.name.contains("Pemberitahuan") && !d.url.contains(at.as_str()),
                "{at}: {} is not a released document",
                d.name
            );
        }
        let notice = req
            .events
            .iter()
            .find(|e| e.kind == ppid_portal::contract::EventKind::Notice);
        assert!(
            notice.is_some() || !req.submission.publish,
            "{at}: a published text without a notice"
        );
    }
    assert!(ids.len() >= 12, "{} publications", ids.len());
}
