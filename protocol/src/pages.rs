//! Which addresses belong to which bundle. The app ships three (the shopper's card, the till, the
//! owner's pages), each with its own page that preloads it, and the server, the app and the
//! scripts all ask here. `public/boot.js` and `public/sw.js` need the rule in JavaScript: `cargo
//! xtask build` writes [`bundle_for_path_js`] into them, so the rule is written once.

/// One WebAssembly bundle of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bundle {
    /// The card, joining, the profile and recovery: what a phone loads. Everything not below.
    Shopper,
    /// The cashier's till, under `/staff`.
    Till,
    /// The owner's pages, under `/admin`.
    Owner,
}

impl Bundle {
    pub const ALL: [Bundle; 3] = [Bundle::Shopper, Bundle::Till, Bundle::Owner];

    /// Its name in asset file names, `build.json` and the page's `<meta>` tags.
    pub fn name(self) -> &'static str {
        match self {
            Bundle::Shopper => "shopper",
            Bundle::Till => "till",
            Bundle::Owner => "owner",
        }
    }

    /// The page the server sends for its addresses, which preloads it.
    pub fn page(self) -> &'static str {
        match self {
            Bundle::Shopper => "index.html",
            Bundle::Till => "till.html",
            Bundle::Owner => "owner.html",
        }
    }

    /// The address prefix it starts under (none: the shopper's has every other address).
    pub fn prefix(self) -> Option<&'static str> {
        match self {
            Bundle::Shopper => None,
            Bundle::Till => Some("/staff"),
            Bundle::Owner => Some("/admin"),
        }
    }
}

/// Whether `path` is `prefix` or under it (`/staff`, `/staff/x`; not `/staffroom`).
fn under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The bundle that starts at `path`.
pub fn bundle_for_path(path: &str) -> Bundle {
    Bundle::ALL
        .into_iter()
        .find(|bundle| bundle.prefix().is_some_and(|prefix| under(path, prefix)))
        .unwrap_or(Bundle::Shopper)
}

/// Whether `path` belongs to the till or the owner's pages.
pub fn is_business_path(path: &str) -> bool {
    bundle_for_path(path) != Bundle::Shopper
}

/// The regular expression's source that matches the addresses of a bundle with a prefix
/// (JavaScript's `RegExp` and the `regex` crate read it alike).
pub fn prefix_pattern(prefix: &str) -> String {
    let escaped: String = prefix
        .trim_start_matches('/')
        .chars()
        .flat_map(|c| {
            let escape = r"\.+*?()|[]{}^$/".contains(c);
            escape.then_some('\\').into_iter().chain([c])
        })
        .collect();
    format!(r"^\/{escaped}(\/|$)")
}

/// [`bundle_for_path`] as a JavaScript function expression, `(path) => "till" | ...`, for the
/// build to write into the page's and the service worker's scripts.
pub fn bundle_for_path_js() -> String {
    let mut body = String::new();
    for bundle in Bundle::ALL {
        if let Some(prefix) = bundle.prefix() {
            body.push_str(&format!(
                "/{}/.test(path) ? \"{}\" : ",
                prefix_pattern(prefix),
                bundle.name()
            ));
        }
    }
    format!("((path) => {body}\"{}\")", Bundle::Shopper.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the scripts get picks the bundle the rule picks, on every path the rule is tested on
    /// and on every path the proptest draws (each prefix pattern checked with the `regex` crate,
    /// which reads JavaScript's syntax for these).
    fn by_patterns(path: &str) -> Bundle {
        Bundle::ALL
            .into_iter()
            .find(|bundle| {
                bundle.prefix().is_some_and(|prefix| {
                    regex::Regex::new(&prefix_pattern(prefix))
                        .expect("a valid pattern")
                        .is_match(path)
                })
            })
            .unwrap_or(Bundle::Shopper)
    }

    #[test]
    fn the_scripts_rule_is_the_rule() {
        assert_eq!(
            bundle_for_path_js(),
            r#"((path) => /^\/staff(\/|$)/.test(path) ? "till" : /^\/admin(\/|$)/.test(path) ? "owner" : "shopper")"#
        );
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
            assert_eq!(by_patterns(path), bundle_for_path(path), "{path:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_scripts_rule_agrees_on_any_path(path in "(/(staff|admin|card|join|x|s)){0,3}/?[a-z]{0,3}") {
            proptest::prop_assert_eq!(by_patterns(&path), bundle_for_path(&path));
        }
    }

    #[test]
    fn the_till_is_under_staff_the_owner_under_admin_and_the_shopper_everywhere_else() {
        for path in ["/staff", "/staff/"] {
            assert_eq!(bundle_for_path(path), Bundle::Till, "{path}");
        }
        for path in ["/admin", "/admin/poster", "/admin/members"] {
            assert_eq!(bundle_for_path(path), Bundle::Owner, "{path}");
            assert!(is_business_path(path));
        }
        for path in [
            "/",
            "/join/corner-cafe",
            "/card/1/profile",
            "/recover",
            "/staffroom",
            "/administer",
        ] {
            assert_eq!(bundle_for_path(path), Bundle::Shopper, "{path}");
            assert!(!is_business_path(path), "{path}");
        }
    }
}
