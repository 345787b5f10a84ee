//! Plain Rust rules: dates, working days, deadlines, objection eligibility, validation, search,
//! the pages by path.

pub mod base64;
pub mod base_path;
pub mod catalogue;
pub mod charter;
pub mod complaint;
pub mod contrast;
pub mod date;
pub mod deadlines;
pub mod deployment;
pub mod document;
pub mod draft;
pub mod figures;
pub mod kiosk;
pub mod objection;
pub mod outbox;
pub mod route;
pub mod search;
pub mod theme;
pub mod validate;
pub mod workdays;

/// Sorts a short list by `key`, stably, by insertion: the standard library's sort would add
/// kilobytes of wasm to a page for a handful of items (outbox entries, statistics years).
pub fn sort_small_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sort_small_by_key_orders_and_keeps_ties_in_place() {
        let mut v = [(3, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        super::sort_small_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'c'), (3, 'a')]);
        let mut empty: [u8; 0] = [];
        super::sort_small_by_key(&mut empty, |x| *x);
    }
}
