//! Catalogue filtering, search, sorting and paging: one implementation for the reference backend
//! and for the portal's own search when a backend does not search on the server.

use super::search::{fold, sorted_indices, WordIndex};
use crate::contract::{
    CatalogueItem, CataloguePage, CatalogueQuery, CatalogueSort, CatalogueSummary, ClassCounts,
    InformationClass,
};

/// The list entry of a full catalogue item.
pub fn summary_of(i: &CatalogueItem) -> CatalogueSummary {
    CatalogueSummary {
        id: i.id.clone(),
        class: i.class,
        title: i.title.clone(),
        summary: i.summary.clone(),
        unit_id: i.unit_id.clone(),
        year: i.year,
        formats: i.formats.clone(),
        updated_on: i.updated_on.clone(),
        keywords: i.keywords.clone(),
    }
}

/// Periodic information must be republished at least every 6 months (Pasal 9): stale once
/// `today` is past the same day six months after `updated_on`.
pub fn is_stale(updated_on: super::date::Date, today: super::date::Date) -> bool {
    let (y, m, d) = updated_on.ymd();
    let due = if m > 6 {
        (y + 1, m - 6, d)
    } else {
        (y, m + 6, d)
    };
    today.ymd() > due
}

/// Largest page a client may ask for.
pub const MAX_PER_PAGE: u32 = 100;
/// Page size when none is asked for.
pub const DEFAULT_PER_PAGE: u32 = 20;

/// The page a listing's query asks for, as the contract reads `page` and `per_page`: the first page
/// when none or 0, `DEFAULT_PER_PAGE` rows when none, never more than `MAX_PER_PAGE` nor fewer than 1.
/// The catalogue's and the register's listings page alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub page: u32,
    pub per_page: u32,
    /// Matching rows before this page.
    pub skip: usize,
}

impl Paging {
    /// The paging of a query's `page` and `per_page`.
    pub fn of(page: Option<u32>, per_page: Option<u32>) -> Paging {
        let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE).clamp(1, MAX_PER_PAGE);
        let page = page.unwrap_or(1).max(1);
        let skip = ((page - 1) as usize).saturating_mul(per_page as usize);
        Paging {
            page,
            per_page,
            skip,
        }
    }
}

/// The catalogue prepared for fast queries: its word index (`domain::search`) and both sort
/// orders, all computed once.
#[derive(Clone, Debug, Default)]
pub struct CatalogueIndex {
    items: Vec<CatalogueSummary>,
    /// The items' words (title, summary, unit name, keywords).
    words: WordIndex,
    newest: Vec<u32>,
    by_title: Vec<u32>,
    counts: ClassCounts,
}

impl CatalogueIndex {
    /// Indexes `items`; `unit_name` gives the name searched for each item's unit.
    pub fn new<'a>(
        items: Vec<CatalogueSummary>,
        unit_name: impl Fn(&str) -> Option<&'a str>,
    ) -> Self {
        let words = WordIndex::new(
            items
                .iter()
                .map(|i| {
                    format!(
                        "{} {} {} {}",
                        i.title,
                        i.summary,
                        unit_name(&i.unit_id).unwrap_or(""),
                        i.keywords.join(" ")
                    )
                })
                .collect(),
        );
        let newest = sorted_indices(items.len(), &|a, b| {
            let (a, b) = (&items[a as usize], &items[b as usize]);
            b.updated_on
                .cmp(&a.updated_on)
                .then_with(|| a.title.cmp(&b.title))
        });
        let lower: Vec<String> = items.iter().map(|i| fold(&i.title)).collect();
        let by_title = sorted_indices(items.len(), &|a, b| {
            lower[a as usize].cmp(&lower[b as usize])
        });
        let mut counts = ClassCounts::default();
        for i in &items {
            match i.class {
                InformationClass::Berkala => counts.berkala += 1,
                InformationClass::SertaMerta => counts.serta_merta += 1,
                InformationClass::SetiapSaat => counts.setiap_saat += 1,
                InformationClass::Dikecualikan => counts.dikecualikan += 1,
            }
        }
        CatalogueIndex {
            items,
            words,
            newest,
            by_title,
            counts,
        }
    }

    /// Number of items indexed.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// One page of the items matching `q`, as the contract's `GET /v1/catalogue` defines it.
    pub fn query(&self, q: &CatalogueQuery) -> CataloguePage {
        let text = self.words.matches(q.q.as_deref().unwrap_or(""));
        let order = match q.sort.unwrap_or_default() {
            CatalogueSort::Newest => &self.newest,
            CatalogueSort::Title => &self.by_title,
        };
        let Paging {
            page,
            per_page,
            skip,
        } = Paging::of(q.page, q.per_page);
        let mut total = 0u32;
        let mut items = Vec::new();
        for &ix in order {
            let item = &self.items[ix as usize];
            let hit = q.class.is_none_or(|c| item.class == c)
                && q.unit.as_deref().is_none_or(|u| item.unit_id == u)
                && q.year.is_none_or(|y| item.year == y)
                && q.format
                    .as_deref()
                    .is_none_or(|f| item.formats.iter().any(|x| x.eq_ignore_ascii_case(f)))
                && text.as_ref().is_none_or(|bits| bits.contains(ix));
            if hit {
                if total as usize >= skip && items.len() < per_page as usize {
                    items.push(item.clone());
                }
                total += 1;
            }
        }
        CataloguePage {
            items,
            total,
            page,
            per_page,
            class_counts: self.counts,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn item(
        id: &str,
        class: InformationClass,
        title: &str,
        updated: &str,
        year: i32,
    ) -> CatalogueSummary {
        CatalogueSummary {
            id: id.into(),
            class,
            title: title.into(),
            summary: String::new(),
            unit_id: "dinkes".into(),
            year,
            formats: vec!["PDF".into()],
            updated_on: updated.into(),
            keywords: vec![],
        }
    }

    fn index() -> CatalogueIndex {
        CatalogueIndex::new(
            vec![
                item(
                    "a",
                    InformationClass::Berkala,
                    "Anggaran Dinas",
                    "2026-01-01",
                    2026,
                ),
                item(
                    "b",
                    InformationClass::SetiapSaat,
                    "Belanja Café",
                    "2026-05-01",
                    2025,
                ),
                item(
                    "c",
                    InformationClass::Berkala,
                    "catatan rapat",
                    "2025-01-01",
                    2025,
                ),
            ],
            |u| (u == "dinkes").then_some("Dinas Kesehatan"),
        )
    }

    #[test]
    fn filters_combine_and_unit_names_are_searched() {
        let ix = index();
        let q = |f: fn(&mut CatalogueQuery)| {
            let mut q = CatalogueQuery::default();
            f(&mut q);
            ix.query(&q)
                .items
                .into_iter()
                .map(|i| i.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(q(|_| {}), ["b", "a", "c"]);
        assert_eq!(q(|q| q.sort = Some(CatalogueSort::Title)), ["a", "b", "c"]);
        assert_eq!(q(|q| q.class = Some(InformationClass::Berkala)), ["a", "c"]);
        assert_eq!(q(|q| q.year = Some(2025)), ["b", "c"]);
        assert_eq!(q(|q| q.q = Some("cafe".into())), ["b"]);
        assert_eq!(q(|q| q.q = Some("kesehat".into())).len(), 3);
        assert_eq!(q(|q| q.format = Some("pdf".into())).len(), 3);
        assert_eq!(q(|q| q.format = Some("csv".into())).len(), 0);
    }

    #[test]
    fn periodic_information_is_stale_after_six_months() {
        use crate::domain::date::Date;
        let d = |s| Date::parse(s).unwrap();
        assert!(!is_stale(d("2026-05-23"), d("2026-11-23")));
        assert!(is_stale(d("2026-05-22"), d("2026-11-23")));
        assert!(!is_stale(d("2025-08-31"), d("2026-02-28")));
        assert!(is_stale(d("2025-08-31"), d("2026-03-01")));
        assert!(is_stale(d("2025-12-01"), d("2026-06-02")));
        assert!(!is_stale(d("2025-12-01"), d("2026-06-01")));
    }

    #[test]
    fn pages_and_counts() {
        let ix = index();
        let page = ix.query(&CatalogueQuery {
            per_page: Some(2),
            page: Some(2),
            ..Default::default()
        });
        assert_eq!(
            (page.total, page.items.len(), page.items[0].id.as_str()),
            (3, 1, "c")
        );
        assert_eq!(page.class_counts.berkala, 2);
        let far = ix.query(&CatalogueQuery {
            page: Some(u32::MAX),
            per_page: Some(100),
            ..Default::default()
        });
        assert!(far.items.is_empty());
    }
}
