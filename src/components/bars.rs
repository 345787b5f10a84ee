//! A light bar chart drawn in SVG, for the eye only: each page that draws one puts a table of the same
//! figures beside it, which is what a screen reader reads and what anyone can copy.

use leptos::prelude::*;

/// Horizontal bars with their labels and values, drawn for the eye only: the table beside it holds
/// the same figures for assistive technology.
#[component]
pub fn Bars(bars: Vec<(String, u32)>) -> impl IntoView {
    const ROW: u32 = 30;
    const WIDTH: u32 = 320;
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let height = ROW * bars.len() as u32;
    view! {
        <svg viewBox=format!("0 0 {WIDTH} {height}") width="100%" aria-hidden="true" focusable="false" class="bars">
            {bars.into_iter().enumerate().map(|(i, (label, n))| {
                let y = ROW * i as u32;
                let w = (WIDTH - 40) * n / max;
                view! {
                    <text x="0" y=y + 11 class="bar-label">{label.chars().take(48).collect::<String>()}</text>
                    <rect x="0" y=y + 15 width=w.max(1) height="10" class="bar"/>
                    <text x=w + 4 y=y + 25 class="bar-value">{n.to_string()}</text>
                }
            }).collect_view()}
        </svg>
    }
}
