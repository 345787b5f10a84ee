//! The connection indicator at the top of every page.

use crate::api::Reach;
use crate::context::use_texts;
use crate::offline::outbox::use_outbox;
use leptos::prelude::*;

/// The connection indicator: online, offline or the backend down, what still works, and how many
/// submissions wait. Shown in every bundle's shell.
#[component]
pub fn Connection() -> impl IntoView {
    let t = use_texts();
    let outbox = use_outbox();
    let state = move || match outbox.reach.get() {
        Reach::Reached => ("online", t.conn_online().to_owned()),
        Reach::Saved(at) => (
            "saved",
            (t.conn_saved())(&crate::components::format_ms(t, at)),
        ),
        Reach::Offline if outbox.demo => ("offline", t.conn_offline_demo().to_owned()),
        Reach::Offline => ("offline", t.conn_offline().to_owned()),
        Reach::Down => ("down", t.conn_down().to_owned()),
    };
    view! {
        <div class="connection" role="status" data-reach=move || state().0>
            <span class="connection-dot" aria-hidden="true"></span>
            <span>{move || state().1}</span>
            {move || {
                let n = outbox.waiting();
                (n > 0).then(|| view! {
                    " " <a href=crate::api::resolve("status#perangkat")>{(t.conn_waiting())(n)}</a>
                })
            }}
        </div>
    }
}
