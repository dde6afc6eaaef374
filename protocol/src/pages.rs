//! Which addresses belong to the till and the owner's pages. The app ships two bundles (the
//! shopper's card alone, and the whole app), and the server sends a page that preloads the right
//! one; both ask here. `public/boot.js` and `public/sw.js` need the rule in JavaScript: `cargo
//! xtask build` writes [`business_path_pattern`] into them, so the rule is written once.

/// Where the whole app (till and owner's pages) starts; everything else is the shopper's.
pub const BUSINESS_PATHS: [&str; 2] = ["/staff", "/admin"];

/// Whether `path` belongs to the till or the owner's pages.
pub fn is_business_path(path: &str) -> bool {
    BUSINESS_PATHS.iter().any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// [`is_business_path`] as a regular expression's source (JavaScript's `RegExp` and the `regex`
/// crate read it alike), for the build to write into the page's and the service worker's scripts.
pub fn business_path_pattern() -> String {
    let prefixes: Vec<String> = BUSINESS_PATHS
        .iter()
        .map(|prefix| {
            prefix
                .trim_start_matches('/')
                .chars()
                .flat_map(|c| {
                    let escape = r"\.+*?()|[]{}^$".contains(c);
                    escape.then_some('\\').into_iter().chain([c])
                })
                .collect()
        })
        .collect();
    format!("^/({})(/|$)", prefixes.join("|"))
}

#[cfg(test)]
mod tests {
    use super::{business_path_pattern, is_business_path};

    /// The pattern the scripts get agrees with the rule on every path the rule is tested on, and
    /// on every path the proptest draws.
    #[test]
    fn the_scripts_pattern_is_the_rule() {
        let pattern = regex::Regex::new(&business_path_pattern()).expect("a valid pattern");
        assert_eq!(business_path_pattern(), "^/(staff|admin)(/|$)");
        for path in [
            "/",
            "/staff",
            "/staff/",
            "/staff/x",
            "/admin",
            "/admin/poster",
            "/staffroom",
            "/administer",
            "/join/staff",
            "//staff",
            "/Staff",
            "",
        ] {
            assert_eq!(pattern.is_match(path), is_business_path(path), "{path:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_scripts_pattern_agrees_on_any_path(path in "(/(staff|admin|card|join|x|s)){0,3}/?[a-z]{0,3}") {
            let pattern = regex::Regex::new(&business_path_pattern()).expect("a valid pattern");
            proptest::prop_assert_eq!(pattern.is_match(&path), is_business_path(&path));
        }
    }

    #[test]
    fn business_paths_are_the_till_and_the_owner_pages() {
        for path in [
            "/staff",
            "/staff/",
            "/admin",
            "/admin/poster",
            "/admin/members",
        ] {
            assert!(is_business_path(path), "{path}");
        }
        for path in [
            "/",
            "/join/corner-cafe",
            "/card/1/profile",
            "/recover",
            "/staffroom",
            "/administer",
        ] {
            assert!(!is_business_path(path), "{path}");
        }
    }
}
