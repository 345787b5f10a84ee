//! The portal under a sub-path (`https://kab.go.id/ppid/`): app paths (`/permohonan`) and the
//! URL paths they are served at. The base is written without its last slash: `""` at the root of
//! a site, `"/ppid"` under a sub-path.

/// The URL path of an app path.
pub fn join(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

/// The app path of a URL path; `None` when it is not under `base`.
pub fn strip(base: &str, path: &str) -> Option<String> {
    let rest = path.strip_prefix(base)?;
    if rest.is_empty() {
        Some("/".into())
    } else if rest.starts_with('/') {
        Some(rest.to_owned())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{join, strip};

    #[test]
    fn at_the_root_paths_are_unchanged() {
        assert_eq!(join("", "/permohonan"), "/permohonan");
        assert_eq!(join("", "/"), "/");
        assert_eq!(strip("", "/status").as_deref(), Some("/status"));
        assert_eq!(strip("", "/").as_deref(), Some("/"));
    }

    #[test]
    fn under_a_sub_path_the_base_is_added_and_stripped() {
        assert_eq!(join("/ppid", "/permohonan/jenis"), "/ppid/permohonan/jenis");
        assert_eq!(join("/ppid", "/"), "/ppid/");
        assert_eq!(
            strip("/ppid", "/ppid/permohonan").as_deref(),
            Some("/permohonan")
        );
        assert_eq!(strip("/ppid", "/ppid/").as_deref(), Some("/"));
        assert_eq!(strip("/ppid", "/ppid").as_deref(), Some("/"));
        // Not under the base: another app on the same site, or a look-alike prefix.
        assert_eq!(strip("/ppid", "/berita/1"), None);
        assert_eq!(strip("/ppid", "/ppid-lama/x"), None);
    }
}
