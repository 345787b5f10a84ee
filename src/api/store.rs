//! A small key-value store in IndexedDB: one object store of JSON strings under string keys.
//!
//! IndexedDB rather than localStorage because what it holds (a submission with its documents) can
//! be megabytes, and it survives a closed tab and a crash.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

/// Why storage failed: the browser has no IndexedDB (private mode, old browser) or refused.
#[derive(Clone, Debug, PartialEq)]
pub struct StoreError;

impl From<JsValue> for StoreError {
    fn from(_: JsValue) -> Self {
        StoreError
    }
}

/// One database with one object store, opened per operation (so no handle outlives a page or
/// blocks a deletion).
#[derive(Clone, Copy, Debug)]
pub struct Store {
    pub database: &'static str,
    pub objects: &'static str,
}

impl Store {
    async fn open(&self) -> Result<IdbDatabase, StoreError> {
        let factory = web_sys::window()
            .ok_or(StoreError)?
            .indexed_db()?
            .ok_or(StoreError)?;
        let request = factory.open_with_u32(self.database, 1)?;
        let objects = self.objects;
        let upgrade = Closure::once_into_js(move |ev: web_sys::Event| {
            let db = ev
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
            if let Some(db) = db {
                let _ = db.create_object_store(objects);
            }
        });
        request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
        let db = done(&request).await?;
        request.set_onupgradeneeded(None);
        Ok(db.dyn_into()?)
    }

    async fn with_objects<T>(
        &self,
        mode: IdbTransactionMode,
        op: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
        read: impl FnOnce(JsValue) -> T,
    ) -> Result<T, StoreError> {
        let db = self.open().await?;
        let result = async {
            let tx = db.transaction_with_str_and_mode(self.objects, mode)?;
            let request = op(&tx.object_store(self.objects)?)?;
            let value = done(&request).await?;
            // Wait for the commit: a write the caller was told about must be on disk.
            let committed = js_sys::Promise::new(&mut |resolve, reject| {
                tx.set_oncomplete(Some(&resolve));
                tx.set_onerror(Some(&reject));
                tx.set_onabort(Some(&reject));
            });
            JsFuture::from(committed).await?;
            Ok::<_, JsValue>(read(value))
        }
        .await;
        db.close();
        Ok(result?)
    }

    /// Every stored value.
    pub async fn all(&self) -> Result<Vec<String>, StoreError> {
        self.with_objects(
            IdbTransactionMode::Readonly,
            |s| s.get_all(),
            |v| {
                js_sys::Array::from(&v)
                    .iter()
                    .filter_map(|x| x.as_string())
                    .collect()
            },
        )
        .await
    }

    /// Stores `value` under `key`, replacing what was there.
    pub async fn put(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.with_objects(
            IdbTransactionMode::Readwrite,
            |s| s.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key)),
            |_| (),
        )
        .await
    }

    /// Deletes `key` (nothing happens when it is absent).
    pub async fn delete(&self, key: &str) -> Result<(), StoreError> {
        self.with_objects(
            IdbTransactionMode::Readwrite,
            |s| s.delete(&JsValue::from_str(key)),
            |_| (),
        )
        .await
    }
}

/// Waits for an IndexedDB request and gives its result.
async fn done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let settled = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(settled).await?;
    request.result()
}
