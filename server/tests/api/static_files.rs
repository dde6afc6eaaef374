use crate::helpers::spawn_app;

#[tokio::test]
async fn index_html_is_never_cached_and_hashed_assets_are_cached_for_a_year() {
    let app = spawn_app().await;
    let index = app.get("/", None).await;
    assert_eq!(index.status(), 200);
    assert_eq!(index.headers()["cache-control"], "no-cache");
    assert!(
        index
            .text()
            .await
            .unwrap()
            .contains("<title>Regulars</title>")
    );

    let asset = app.get("/assets/regulars-0123456789abcdef.js", None).await;
    assert_eq!(asset.status(), 200);
    assert_eq!(
        asset.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(asset.headers()["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn client_routes_get_the_page_of_their_bundle() {
    let app = spawn_app().await;
    for (path, bundle) in [
        ("/", "shopper"),
        ("/join/corner-cafe-x7k2", "shopper"),
        ("/card/0190e0d2-7a6f-7000-8000-000000000001", "shopper"),
        ("/recover", "shopper"),
        ("/staffroom", "shopper"),
        ("/staff", "till"),
        ("/staff/", "till"),
        ("/admin", "owner"),
        ("/admin/members", "owner"),
    ] {
        let response = app.get(path, None).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        let page = response.text().await.unwrap();
        assert!(page.contains("<title>Regulars</title>"), "{path}");
        assert!(
            page.contains(&format!("<meta name=\"bundle\" content=\"{bundle}\">")),
            "{path} should get the {bundle} page: {page}"
        );
    }
}

#[tokio::test]
async fn an_asset_built_with_a_brotli_copy_is_sent_as_that_copy() {
    let app = spawn_app().await;
    let asset = app.get("/assets/regulars-0123456789abcdef.js", None).await;
    let plain = asset.bytes().await.unwrap();
    let response = app
        .http
        .get(app.url("/assets/regulars-0123456789abcdef.js"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "br");
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let sent = response.bytes().await.unwrap();
    assert_eq!(&sent[..], b"the build's brotli copy");
    assert_ne!(sent, plain);
}
