//! The handles every page reads from context: the language and its texts, the backend, the
//! configuration and the backend's metadata. Only the shell (`app`) provides them, so nothing
//! below the shell needs the router file.

use crate::api::{AnyBackend, Config};
use crate::contract::Meta;
use crate::i18n::Lang;
use leptos::prelude::*;

/// Cross-cutting handles every page reads from context.
#[derive(Clone, Copy)]
pub struct Portal {
    pub lang: RwSignal<Lang>,
    pub backend: StoredValue<AnyBackend, LocalStorage>,
    pub config: StoredValue<Config, LocalStorage>,
    pub meta: StoredValue<Meta, LocalStorage>,
}

/// The portal's handles; pages are always rendered inside the shell that provides them.
pub fn use_portal() -> Portal {
    expect_context::<Portal>()
}

/// The current language's texts. Untracked on purpose: the shell re-renders the page when
/// the language changes, so views hold plain strings instead of one closure per text.
pub fn use_texts() -> &'static crate::i18n::Texts {
    expect_context::<RwSignal<Lang>>().get_untracked().t()
}
