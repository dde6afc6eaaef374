//! Which addresses belong to the till and the owner's pages. The app ships two bundles (the
//! shopper's card alone, and the whole app), and the server sends a page that preloads the right
//! one; both ask here. `public/boot.js` and `public/sw.js` repeat the rule in JavaScript.

/// Where the whole app (till and owner's pages) starts; everything else is the shopper's.
pub const BUSINESS_PATHS: [&str; 2] = ["/staff", "/admin"];

/// Whether `path` belongs to the till or the owner's pages.
pub fn is_business_path(path: &str) -> bool {
    BUSINESS_PATHS.iter().any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

#[cfg(test)]
mod tests {
    use super::is_business_path;

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
