//! The message protocol between the portal and the demo backend running in a Web Worker.
//!
//! The worker is a separate, lazily loaded wasm module, so the portal's own bundle carries
//! no demo data and no backend code. Messages are JSON strings; [`WorkerHost`] is the
//! worker's whole behaviour, testable on the host.

use super::{Call, Journal, Reference, Seed};
use serde::{Deserialize, Serialize};

/// Portal to worker.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ToWorker {
    pub id: u32,
    /// First message only: the demo data set and the journal saved by an earlier visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exchange: Option<WireExchange>,
}

/// One HTTP-shaped call.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WireExchange {
    pub method: String,
    /// Path with query, e.g. `/v1/catalogue?class=berkala`.
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// Worker to portal. `id` 0 with status 0 means "ready".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FromWorker {
    pub id: u32,
    pub status: u16,
    #[serde(default)]
    pub content_type: String,
    #[serde(default)]
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u32>,
    /// The journal after a change, for the portal to persist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<String>,
}

// The portal's side of the protocol, without serde (the worker keeps serde).
crate::json::json_struct!(decode encode ToWorker {
    id: req,
    seed: skip_none,
    journal: skip_none,
    exchange: skip_none,
});

crate::json::json_struct!(decode encode WireExchange {
    method: req,
    path: req,
    idempotency_key: skip_none,
    body: skip_none,
});

crate::json::json_struct!(decode encode FromWorker {
    id: req,
    status: req,
    content_type: default,
    body: default,
    retry_after: skip_none,
    journal: skip_none,
});

impl FromWorker {
    /// The message a worker sends once it can take calls.
    pub fn ready() -> String {
        to_json(&FromWorker::default())
    }
}

/// The worker's state: a reference backend once the seed has arrived.
#[derive(Default)]
pub struct WorkerHost {
    reference: Option<Reference>,
}

impl WorkerHost {
    /// A worker waiting for its seed.
    pub fn new() -> Self {
        WorkerHost { reference: None }
    }

    /// Answers one message; never panics on any input.
    pub fn handle(&mut self, message: &str, now_ms: i64) -> String {
        let Ok(msg) = serde_json::from_str::<ToWorker>(message) else {
            return to_json(&failure(0, 400, "Message is not the worker protocol"));
        };
        if let Some(seed) = &msg.seed {
            match serde_json::from_str::<Seed>(seed) {
                Ok(seed) => {
                    let mut reference = Reference::new(seed);
                    if let Some(journal) = msg
                        .journal
                        .as_deref()
                        .and_then(|j| serde_json::from_str::<Journal>(j).ok())
                    {
                        reference.restore(journal);
                    }
                    self.reference = Some(reference);
                }
                Err(_) => {
                    return to_json(&failure(msg.id, 500, "The demo data set does not decode"))
                }
            }
        }
        let Some(reference) = self.reference.as_mut() else {
            return to_json(&failure(msg.id, 503, "The demo backend has no data yet"));
        };
        let Some(ex) = msg.exchange else {
            return to_json(&FromWorker {
                id: msg.id,
                status: 204,
                ..Default::default()
            });
        };
        let (path, query) = ex.path.split_once('?').unwrap_or((&ex.path, ""));
        let call = Call {
            method: &ex.method,
            path,
            query,
            idempotency_key: ex.idempotency_key.as_deref(),
            body: ex.body.as_deref().unwrap_or(""),
        };
        let reply = reference.handle(&call, now_ms);
        let changed = ex.method == "POST" && reply.status == 201 && !reply.replayed;
        to_json(&FromWorker {
            id: msg.id,
            status: reply.status,
            content_type: reply.content_type.into(),
            body: reply.body,
            retry_after: reply.retry_after,
            journal: changed.then(|| to_json(reference.journal())),
        })
    }
}

fn failure(id: u32, status: u16, title: &str) -> FromWorker {
    let r = super::problem(
        status,
        super::replies::problem_code_internal(),
        title,
        vec![],
    );
    FromWorker {
        id,
        status,
        content_type: r.content_type.into(),
        body: r.body,
        retry_after: None,
        journal: None,
    }
}

fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_402_800_000; // Monday 2026-11-23 10:00 +07:00

    fn call(
        host: &mut WorkerHost,
        id: u32,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&str>,
    ) -> FromWorker {
        let msg = ToWorker {
            id,
            exchange: Some(WireExchange {
                method: method.into(),
                path: path.into(),
                idempotency_key: key.map(Into::into),
                body: body.map(Into::into),
            }),
            ..Default::default()
        };
        serde_json::from_str(&host.handle(&serde_json::to_string(&msg).unwrap(), NOW)).unwrap()
    }

    #[test]
    fn answers_only_after_the_seed_and_survives_garbage() {
        let mut host = WorkerHost::new();
        assert_eq!(
            call(&mut host, 1, "GET", "/v1/meta", None, None).status,
            503
        );
        let bad: FromWorker = serde_json::from_str(&host.handle("{not json", NOW)).unwrap();
        assert_eq!(bad.status, 400);
        let init = ToWorker {
            id: 2,
            seed: Some(super::super::seed::DEMO_SEED_JSON.into()),
            ..Default::default()
        };
        let ok: FromWorker =
            serde_json::from_str(&host.handle(&serde_json::to_string(&init).unwrap(), NOW))
                .unwrap();
        assert_eq!((ok.id, ok.status), (2, 204));
        let meta = call(&mut host, 3, "GET", "/v1/meta", None, None);
        assert_eq!((meta.id, meta.status), (3, 200));
        assert!(meta.journal.is_none());
    }

    #[test]
    fn a_new_request_hands_back_the_journal_to_persist_and_restores_from_it() {
        let mut host = WorkerHost::new();
        let seed = super::super::seed::DEMO_SEED_JSON;
        host.handle(
            &serde_json::to_string(&ToWorker {
                id: 1,
                seed: Some(seed.into()),
                ..Default::default()
            })
            .unwrap(),
            NOW,
        );
        let body = r#"{"requester":{"kind":"individual","name":"Siti","nik":"3201014508900001","address":"Jl. Melati","email":"siti@example.id"},"information":"APBD","purpose":"Riset","obtain":["view"]}"#;
        let first = call(
            &mut host,
            2,
            "POST",
            "/v1/requests",
            Some("key-worker-01"),
            Some(body),
        );
        assert_eq!(first.status, 201, "{}", first.body);
        let journal = first.journal.expect("journal to persist");
        let replay = call(
            &mut host,
            3,
            "POST",
            "/v1/requests",
            Some("key-worker-01"),
            Some(body),
        );
        assert!(replay.journal.is_none());

        let mut restarted = WorkerHost::new();
        let init = ToWorker {
            id: 1,
            seed: Some(seed.into()),
            journal: Some(journal),
            ..Default::default()
        };
        restarted.handle(&serde_json::to_string(&init).unwrap(), NOW);
        let again = call(
            &mut restarted,
            2,
            "POST",
            "/v1/requests",
            Some("key-worker-01"),
            Some(body),
        );
        assert_eq!(again.body, first.body);
        assert!(
            again.journal.is_none(),
            "a replay after restart creates nothing"
        );
    }
}
