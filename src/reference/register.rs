//! The register of published requests (buku register permohonan): `GET /v1/register` and
//! `GET /v1/register/{id}`.
//!
//! An entry is derived from a stored request, never written on its own: the request has a written
//! notice, its requester allowed publishing (`publish`), and the office wrote the published text
//! (`Publication`). Dates, the deadline and lateness come from the request's events and the
//! backend's calendar, so the register cannot disagree with the request's own status.

use super::replies::{ok, problem};
use super::seed::{Publication, StoredObjection, StoredRequest};
use super::{Reference, Reply};
use crate::contract::url::parse_register_query;
use crate::contract::*;
use crate::domain::catalogue::Paging;
use crate::domain::date::{Date, LocalTime};
use crate::domain::deadlines::{notice_due, request_deadlines};
use crate::domain::search::{sorted_indices, WordIndex};
use crate::domain::workdays::WorkCalendar;

impl Reference {
    pub(super) fn register(&self, raw_query: &str) -> Reply {
        match parse_register_query(raw_query) {
            Ok(q) => ok(&self.register.query(&q)),
            Err(e) => problem(400, problem_code::VALIDATION, "Invalid query", vec![e]),
        }
    }

    pub(super) fn register_entry(&self, id: &str) -> Reply {
        match self.register.entry(id) {
            Some(entry) => ok(entry),
            None => problem(404, problem_code::NOT_FOUND, "Not found", vec![]),
        }
    }
}

/// What an entry's dates are counted with.
pub struct RegisterRules<'a> {
    pub calendar: &'a WorkCalendar,
    pub standards: &'a ServiceStandards,
    /// The office's UTC offset: an event's date is its date on the office's clock.
    pub offset_minutes: i32,
    /// The unit of a request that names none and was never forwarded (the PPID Utama).
    pub default_unit: &'a str,
}

/// The published entries among `requests`, in the order given.
pub fn entries_of(
    requests: &[StoredRequest],
    objections: &[StoredObjection],
    rules: &RegisterRules,
) -> Vec<RegisterEntry> {
    requests
        .iter()
        .filter_map(|r| entry_of(r, objections, rules))
        .collect()
}

/// The register entry a request is, if it is published.
pub fn entry_of(
    r: &StoredRequest,
    objections: &[StoredObjection],
    rules: &RegisterRules,
) -> Option<RegisterEntry> {
    r.register_id()?;
    let p: &Publication = r.publication.as_ref()?;
    let day = |at: &str| {
        LocalTime::parse_rfc3339(at).map(|t| {
            LocalTime {
                unix_ms: t.unix_ms,
                offset_minutes: rules.offset_minutes,
            }
            .date()
        })
    };
    let notice = r.events.iter().find(|e| e.kind == EventKind::Notice)?;
    let notice_on = day(&notice.at)?;
    let received_on = day(&r.receipt.received_at)?;
    let extension = r.events.iter().find(|e| e.kind == EventKind::Extended);
    let extended = extension.is_some();

    // The deadline by the calendar: 17 working days only when the extension was notified within
    // the first 10 (Pasal 22(8)). A year the calendar lacks leaves the deadline unknown: then
    // nothing is called late.
    let due = Date::parse(&r.receipt.counts_from)
        .and_then(|zero| request_deadlines(rules.calendar, zero, rules.standards).ok())
        .map(|d| {
            let in_time = extension
                .and_then(|e| day(&e.at))
                .is_some_and(|on| on <= d.notice.due);
            notice_due(&d, in_time).due
        });
    let late = due.is_some_and(|due| notice_on > due);

    let unit_id = r
        .events
        .iter()
        .rev()
        .find(|e| e.kind == EventKind::ForwardedUnit)
        .and_then(|e| e.unit_id.clone())
        .or_else(|| r.submission.unit_id.clone())
        .unwrap_or_else(|| rules.default_unit.to_owned());
    let outcome = notice.outcome.unwrap_or(Outcome::Unknown);
    let pasal17 = notice
        .pasal17
        .clone()
        .filter(|_| matches!(outcome, Outcome::Refused | Outcome::PartlyFulfilled));

    // An objection the journal holds is the record; the publication's only stands in for one
    // filed before the journal began.
    let objection = objections
        .iter()
        .find(|o| {
            o.receipt
                .request_number
                .eq_ignore_ascii_case(&r.receipt.number)
        })
        .and_then(|o| {
            Some(FollowUp {
                filed_on: day(&o.receipt.received_at)?.to_string(),
                result: match &o.answer {
                    None => FollowUpResult::Pending,
                    Some(a) if a.upheld => FollowUpResult::Granted,
                    Some(_) => FollowUpResult::Rejected,
                },
                decided_on: o
                    .answer
                    .as_ref()
                    .and_then(|a| day(&a.at))
                    .map(|d| d.to_string()),
            })
        })
        .or_else(|| p.objection.clone());
    let dispute = p.dispute.clone();

    let mut timeline = vec![event(received_on, RegisterEventKind::Received)];
    for e in &r.events {
        let kind = match e.kind {
            EventKind::ForwardedUnit => RegisterEventKind::ForwardedUnit,
            EventKind::Extended => RegisterEventKind::Extended,
            EventKind::Notice => RegisterEventKind::Notice,
            EventKind::Delivered => RegisterEventKind::Delivered,
            _ => continue,
        };
        if let Some(on) = day(&e.at) {
            timeline.push(event(on, kind));
        }
    }
    for (f, filed, decided) in [
        (
            &objection,
            RegisterEventKind::ObjectionFiled,
            RegisterEventKind::ObjectionAnswered,
        ),
        (
            &dispute,
            RegisterEventKind::DisputeFiled,
            RegisterEventKind::DisputeDecided,
        ),
    ] {
        let Some(f) = f else { continue };
        if let Some(on) = Date::parse(&f.filed_on) {
            timeline.push(event(on, filed));
        }
        if let Some(on) = f.decided_on.as_deref().and_then(Date::parse) {
            timeline.push(event(on, decided));
        }
    }
    // Oldest first; a stable sort keeps the order of steps on one day.
    timeline.sort_by(|a, b| a.on.cmp(&b.on));

    Some(RegisterEntry {
        id: p.id.clone(),
        information: p.information.clone(),
        unit_id,
        received_on: received_on.to_string(),
        notice_on: notice_on.to_string(),
        due_on: due.map(|d| d.to_string()),
        extended,
        outcome,
        pasal17,
        late,
        notice_summary: p.notice_summary.clone(),
        documents: p.documents.clone(),
        timeline,
        objection,
        dispute,
        catalogue_item_id: p.catalogue_item_id.clone(),
    })
}

fn event(on: Date, kind: RegisterEventKind) -> RegisterEvent {
    RegisterEvent {
        on: on.to_string(),
        kind,
    }
}

/// The list entry of a full register entry.
pub fn summary_of(e: &RegisterEntry) -> RegisterSummary {
    RegisterSummary {
        id: e.id.clone(),
        information: e.information.clone(),
        unit_id: e.unit_id.clone(),
        received_on: e.received_on.clone(),
        notice_on: e.notice_on.clone(),
        outcome: e.outcome,
        pasal17: e.pasal17.clone(),
        late: e.late,
        documents: e.documents.len() as u32,
        objection: e.objection.clone(),
        dispute: e.dispute.clone(),
    }
}

/// The register prepared for queries: the catalogue's word index (`domain::search`) over each
/// entry's information and its unit's name (as the contract defines `q`), and both orders,
/// computed once.
#[derive(Clone, Debug, Default)]
pub struct RegisterIndex {
    entries: Vec<RegisterEntry>,
    summaries: Vec<RegisterSummary>,
    years: Vec<i32>,
    words: WordIndex,
    newest: Vec<u32>,
    oldest: Vec<u32>,
}

impl RegisterIndex {
    /// Indexes `entries`; `unit_name` gives the name searched for each entry's unit.
    pub fn new<'a>(
        entries: Vec<RegisterEntry>,
        unit_name: impl Fn(&str) -> Option<&'a str>,
    ) -> Self {
        let words = WordIndex::new(
            entries
                .iter()
                .map(|e| format!("{} {}", e.information, unit_name(&e.unit_id).unwrap_or("")))
                .collect(),
        );
        // Total orders: the date of receipt, then the id, so pages never overlap or skip.
        let newest = sorted_indices(entries.len(), &|a, b| {
            let (a, b) = (&entries[a as usize], &entries[b as usize]);
            b.received_on
                .cmp(&a.received_on)
                .then_with(|| a.id.cmp(&b.id))
        });
        let oldest = sorted_indices(entries.len(), &|a, b| {
            let (a, b) = (&entries[a as usize], &entries[b as usize]);
            a.received_on
                .cmp(&b.received_on)
                .then_with(|| a.id.cmp(&b.id))
        });
        let years = entries
            .iter()
            .map(|e| {
                e.received_on
                    .get(..4)
                    .and_then(|y| y.parse().ok())
                    .unwrap_or(0)
            })
            .collect();
        RegisterIndex {
            summaries: entries.iter().map(summary_of).collect(),
            entries,
            years,
            words,
            newest,
            oldest,
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is published.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&RegisterEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// One page of the entries matching `q`, with the record of all of them.
    pub fn query(&self, q: &RegisterQuery) -> RegisterPage {
        let text = self.words.matches(q.q.as_deref().unwrap_or(""));
        let order = match q.sort.unwrap_or_default() {
            RegisterSort::Newest => &self.newest,
            RegisterSort::Oldest => &self.oldest,
        };
        let Paging {
            page,
            per_page,
            skip,
        } = Paging::of(q.page, q.per_page);
        let mut total = 0u32;
        let mut entries = Vec::new();
        let mut record = RegisterRecord::default();
        for &ix in order {
            let e = &self.summaries[ix as usize];
            let hit = q.unit.as_deref().is_none_or(|u| e.unit_id == u)
                && q.outcome.is_none_or(|o| e.outcome == o)
                && q.year.is_none_or(|y| self.years[ix as usize] == y)
                && text.as_ref().is_none_or(|bits| bits.contains(ix));
            if hit {
                if total as usize >= skip && entries.len() < per_page as usize {
                    entries.push(e.clone());
                }
                total += 1;
                count(&mut record, e);
            }
        }
        RegisterPage {
            entries,
            total,
            page,
            per_page,
            record,
        }
    }
}

/// Adds one entry to the record.
fn count(r: &mut RegisterRecord, e: &RegisterSummary) {
    r.answered += 1;
    if e.late {
        r.late += 1;
    } else {
        r.on_time += 1;
    }
    match e.outcome {
        Outcome::Fulfilled => r.fulfilled += 1,
        Outcome::PartlyFulfilled => r.partly_fulfilled += 1,
        Outcome::Refused => r.refused += 1,
        Outcome::NotHeld => r.not_held += 1,
        Outcome::NotYetDocumented => r.not_yet_documented += 1,
        Outcome::Forwarded => r.forwarded += 1,
        Outcome::Unknown => {}
    }
    if let Some(letter) = &e.pasal17 {
        *r.refused_by_pasal17.entry(letter.clone()).or_default() += 1;
    }
    r.objections += u32::from(e.objection.is_some());
    r.disputes += u32::from(e.dispute.is_some());
}
