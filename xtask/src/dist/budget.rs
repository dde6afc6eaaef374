//! The size budgets of the bundles: what each device downloads before it shows anything (wasm,
//! JS glue and CSS, brotli -q11). A release build over a budget fails, naming the bundle, the
//! part that grew and by how much since the build before. Size is deterministic, so this is a
//! test (the e2e level counts one per bundle), not a timing.
//!
//! A budget moves only with a reason in the commit that moves it. The shopper's and the till's
//! budgets hold today's sizes so they cannot grow; the goals of the bundles issue (150 KiB for
//! the shopper's card, 300 KiB for the till) are printed beside them until they are met.

use super::{BUNDLES, Bundle};

/// One bundle's limit, in bytes of brotli.
pub struct Budget {
    pub bundle: &'static str,
    pub limit: u64,
    /// Where the limit is headed, when it is not there yet.
    pub goal: Option<u64>,
}

const KIB: u64 = 1024;

/// The budgets, in the order of [`BUNDLES`].
pub const BUDGETS: [Budget; 3] = [
    Budget {
        bundle: "shopper",
        // 310 until the phone's own outbox and the recommend question (NPS) came to the card;
        // 330 until offers came to it ("For you", save and dismiss offline, consent, the
        // offers' wire types: +21.5 KiB).
        limit: 355 * KIB,
        goal: Some(150 * KIB),
    },
    Budget {
        bundle: "till",
        // 385 until offers came to the till (the customer's usable offers offline, applying
        // one, a multiplier armed for the purchase, the one line about the customer: +17.4 KiB).
        limit: 405 * KIB,
        goal: Some(300 * KIB),
    },
    Budget {
        bundle: "owner",
        // 450 (the bundles issue's goal) until the owner's offers page came (its form, reach,
        // list and each offer's effect: +30.2 KiB), then 482 until the offers that learn (the
        // member page's places and reasons, the offers compared side by side, the ranking's
        // figures: +7.7 KiB of wasm, spread over the new view and its wire types). Back to 450
        // is the goal: the pages' view types are the cause. 490 until the setup and settings
        // forms showed the text colour derived for the brand colour and its contrast (+2.1 KiB:
        // the preview, the contrast figure and its sentence), which left 32 bytes.
        limit: 492 * KIB,
        goal: Some(450 * KIB),
    },
];

const PARTS: [&str; 3] = ["wasm", "js", "css"];

/// One bundle held against its budget.
pub struct Verdict {
    pub bundle: &'static str,
    pub bytes: u64,
    pub within: bool,
}

fn brotli(sizes: &serde_json::Value, bundle: &str, part: &str) -> Option<u64> {
    sizes[bundle][part]["brotli"].as_u64()
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn signed_kib(bytes: i64) -> String {
    format!("{:+.1} KiB", bytes as f64 / 1024.0)
}

/// Holds the sizes of a build (`build.json`'s `sizes`) against the budgets, printing a line per
/// bundle and, for one over, what grew since `previous` (the build before, when there was one).
/// Sizes without brotli (the `brotli` tool missing) are an error: the budget cannot be checked.
pub fn check(
    sizes: &serde_json::Value,
    previous: Option<&serde_json::Value>,
) -> crate::Result<Vec<Verdict>> {
    println!("\nsize budgets (wasm + JS + CSS, brotli -q11):");
    let mut verdicts = Vec::new();
    for (bundle, budget) in BUNDLES.iter().zip(&BUDGETS) {
        debug_assert_eq!(Bundle::name(bundle), budget.bundle);
        let mut bytes = 0;
        for part in PARTS {
            bytes += brotli(sizes, budget.bundle, part).ok_or_else(|| {
                format!(
                    "no brotli size of the {} bundle's {part}: install `brotli` to check the budgets",
                    budget.bundle
                )
            })?;
        }
        let within = bytes <= budget.limit;
        let goal = budget
            .goal
            .map(|g| format!(", goal {}", kib(g)))
            .unwrap_or_default();
        println!(
            "  {:<8} {:>10} of {:>10}{goal}  {}",
            budget.bundle,
            kib(bytes),
            kib(budget.limit),
            if within { "ok" } else { "OVER BUDGET" }
        );
        if !within {
            println!(
                "    over by {}; what grew since the build before:",
                kib(bytes - budget.limit)
            );
            for part in PARTS {
                let now = brotli(sizes, budget.bundle, part).unwrap_or(0);
                match previous.and_then(|p| brotli(p, budget.bundle, part)) {
                    Some(before) => println!(
                        "      {part:<5} {} ({} before)",
                        signed_kib(now as i64 - before as i64),
                        kib(before)
                    ),
                    None => println!("      {part:<5} {} (no build before to compare)", kib(now)),
                }
            }
        }
        verdicts.push(Verdict {
            bundle: budget.bundle,
            bytes,
            within,
        });
    }
    Ok(verdicts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(shopper_wasm: u64) -> serde_json::Value {
        let part = |brotli: u64| serde_json::json!({ "raw": brotli * 3, "brotli": brotli });
        let bundle = |wasm: u64| serde_json::json!({ "wasm": part(wasm), "js": part(9 * KIB), "css": part(6 * KIB) });
        serde_json::json!({
            "shopper": bundle(shopper_wasm),
            "till": bundle(300 * KIB),
            "owner": bundle(200 * KIB),
        })
    }

    #[test]
    fn a_bundle_over_its_budget_fails_and_the_others_pass() {
        let within = check(&sizes(200 * KIB), None).unwrap();
        assert!(within.iter().all(|v| v.within));
        // The shopper's wasm one KiB over what its budget leaves beside 9 KiB of JS and 6 of CSS.
        let over_wasm = BUDGETS[0].limit - 14 * KIB;
        let over = check(&sizes(over_wasm), Some(&sizes(200 * KIB))).unwrap();
        assert_eq!(
            over.iter()
                .map(|v| (v.bundle, v.within))
                .collect::<Vec<_>>(),
            [("shopper", false), ("till", true), ("owner", true)]
        );
        assert_eq!(over[0].bytes, BUDGETS[0].limit + KIB);
    }

    #[test]
    fn without_brotli_sizes_the_budgets_cannot_be_checked() {
        let mut no_brotli = sizes(100 * KIB);
        no_brotli["till"]["js"]["brotli"] = serde_json::Value::Null;
        let error = check(&no_brotli, None).err().unwrap();
        assert!(error.contains("till"), "{error}");
    }

    #[test]
    fn the_budgets_name_the_bundles_in_order() {
        for (bundle, budget) in BUNDLES.iter().zip(&BUDGETS) {
            assert_eq!(bundle.name(), budget.bundle);
        }
    }
}
