//! The app's languages: one Fluent file per language in `app/locales/`, English (`en.ftl`) the
//! source the others are translated from, each with the same message ids and the same
//! variables (the conventions are at the top of `en.ftl`).
//!
//! What a translation must hold to, checked here against every file:
//! - every message of `en.ftl` and no other, each using the variables the English one uses;
//! - a plural selector (one whose keys are CLDR plural categories) names only categories its
//!   language has (the CLDR rules from `intl_pluralrules`, the data the browser's
//!   `Intl.PluralRules` follows), and every plural message renders for 0, 1, 2, 3, 6 and 11;
//! - no bidirectional control characters (the app isolates names, codes and numbers itself);
//! - a translation says it is an unreviewed draft until a native speaker has reviewed it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

/// The languages the app ships, the source first: code, name in the language, direction.
pub const LANGUAGES: [(&str, &str, Direction); 6] = [
    ("en", "English", Direction::Ltr),
    ("cy", "Cymraeg", Direction::Ltr),
    ("hy", "Հայերեն", Direction::Ltr),
    ("yi", "ייִדיש", Direction::Rtl),
    ("sk", "Slovenčina", Direction::Ltr),
    ("hu", "Magyar", Direction::Ltr),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

/// The numbers each plural selector is checked with.
pub const PLURAL_PROBES: [u64; 6] = [0, 1, 2, 3, 6, 11];

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// What a draft translation says in its header until a native speaker has reviewed it.
pub const DRAFT_MARK: &str = "UNREVIEWED DRAFT";

/// A select expression on a plural category: its variable and its keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluralSelector {
    pub variable: String,
    /// Category keys (`one`, `few`...), the default included.
    pub categories: BTreeSet<String>,
    /// Exact-number keys (`[0]`, `[2]`).
    pub numbers: BTreeSet<String>,
}

/// One message's shape: the variables it uses, those it shows (not only selects on), and its
/// plural selectors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shape {
    pub variables: BTreeSet<String>,
    pub shown: BTreeSet<String>,
    pub plurals: Vec<PluralSelector>,
}

/// A language's file, read.
pub struct Catalogue {
    pub lang: &'static str,
    pub path: PathBuf,
    pub text: String,
    pub messages: BTreeMap<String, Shape>,
}

/// The folder of the language files.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("app")
        .join("locales")
}

/// Reads and parses one language's file; a syntax error is an error naming the line.
pub fn load(dir: &Path, lang: &'static str) -> Result<Catalogue, String> {
    let path = dir.join(format!("{lang}.ftl"));
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("could not read {}: {e}", path.display()))?;
    let resource = match fluent_syntax::parser::parse(text.as_str()) {
        Ok(resource) => resource,
        Err((_, errors)) => {
            let first = &errors[0];
            let line = text[..first.pos.start.min(text.len())].lines().count() + 1;
            return Err(format!(
                "{}: {} syntax error(s), the first near line {line}: {:?}",
                path.display(),
                errors.len(),
                first.kind
            ));
        }
    };
    let mut messages = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut shape = Shape::default();
            if let Some(value) = &m.value {
                pattern(value, &mut shape);
            }
            for attribute in &m.attributes {
                pattern(&attribute.value, &mut shape);
            }
            messages.insert(m.id.name.to_string(), shape);
        }
    }
    Ok(Catalogue {
        lang,
        path,
        text: text.clone(),
        messages,
    })
}

fn pattern(p: &ast::Pattern<&str>, shape: &mut Shape) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_shape(expression, shape);
        }
    }
}

/// Records a variable shown in the text (a placeable, or a function's argument there).
fn shown(e: &ast::InlineExpression<&str>, shape: &mut Shape) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            shape.shown.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                shown(a, shape);
            }
        }
        _ => {}
    }
}

fn expression_shape(e: &ast::Expression<&str>, shape: &mut Shape) {
    match e {
        ast::Expression::Inline(inline) => {
            shown(inline, shape);
            inline_shape(inline, shape);
        }
        ast::Expression::Select { selector, variants } => {
            inline_shape(selector, shape);
            let keys: Vec<ast::VariantKey<&str>> = variants.iter().map(|v| v.key.clone()).collect();
            let identifiers: Vec<&str> = keys
                .iter()
                .filter_map(|k| match k {
                    ast::VariantKey::Identifier { name } => Some(*name),
                    ast::VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            // A plural selector's keys are all categories (a `$sign` or `$kind` selector has
            // its own words: plus, minus, stamps...).
            let plural = !identifiers.is_empty()
                && identifiers.iter().all(|k| CATEGORIES.contains(k))
                && identifiers.iter().any(|k| *k != "other");
            if plural {
                shape.plurals.push(PluralSelector {
                    variable: selector_variable(selector).unwrap_or_default(),
                    categories: identifiers.iter().map(|k| k.to_string()).collect(),
                    numbers: keys
                        .iter()
                        .filter_map(|k| match k {
                            ast::VariantKey::NumberLiteral { value } => Some(value.to_string()),
                            ast::VariantKey::Identifier { .. } => None,
                        })
                        .collect(),
                });
            }
            for v in variants {
                pattern(&v.value, shape);
            }
        }
    }
}

fn selector_variable(e: &ast::InlineExpression<&str>) -> Option<String> {
    match e {
        ast::InlineExpression::VariableReference { id } => Some(id.name.to_string()),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            arguments.positional.first().and_then(selector_variable)
        }
        _ => None,
    }
}

fn inline_shape(e: &ast::InlineExpression<&str>, shape: &mut Shape) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            shape.variables.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_shape(a, shape);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_shape(expression, shape),
        _ => {}
    }
}

/// The CLDR plural category of `n` in `lang`.
pub fn category(lang: &str, n: u64) -> Result<&'static str, String> {
    use intl_pluralrules::{PluralRuleType, PluralRules};
    let id: unic_langid::LanguageIdentifier =
        lang.parse().map_err(|e| format!("language {lang}: {e}"))?;
    let rules = PluralRules::create(id, PluralRuleType::CARDINAL)
        .map_err(|e| format!("no CLDR plural rules for {lang}: {e}"))?;
    Ok(name(rules.select(n)?))
}

/// Everything wrong with `catalogue` held against the source `en`, one line each.
pub fn problems(en: &Catalogue, catalogue: &Catalogue) -> Result<Vec<String>, String> {
    let lang = catalogue.lang;
    let mut out = vec![];
    for (id, source) in &en.messages {
        match catalogue.messages.get(id) {
            None => out.push(format!("{lang}: message {id} is missing")),
            // A translation uses no variable the English has not, and shows every one the
            // English shows; one English only selects on (a count whose words do not change
            // in this language) it may leave out.
            Some(shape)
                if !shape.variables.is_subset(&source.variables)
                    || !source.shown.is_subset(&shape.shown) =>
            {
                out.push(format!(
                    "{lang}: message {id} uses {:?} and shows {:?}; the English uses {:?} and shows {:?}",
                    shape.variables, shape.shown, source.variables, source.shown
                ))
            }
            Some(_) => {}
        }
    }
    for id in catalogue.messages.keys() {
        if !en.messages.contains_key(id) {
            out.push(format!("{lang}: message {id} is not in en.ftl"));
        }
    }
    // A form the language does not have is a mistake; one it has may share the default's
    // words (Slovak says "z 2 pečiatok" like "z 5 pečiatok"), so a missing one is not.
    for (id, shape) in &catalogue.messages {
        for selector in &shape.plurals {
            for key in &selector.categories {
                if key != "other" && !plural_categories(lang)?.contains(key.as_str()) {
                    out.push(format!(
                        "{lang}: message {id}: [{key}] is not a plural category of this language"
                    ));
                }
            }
        }
    }
    let bidi = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if let Some((line, _)) = catalogue
        .text
        .lines()
        .enumerate()
        .find(|(_, l)| l.chars().any(bidi))
    {
        out.push(format!(
            "{lang}: line {} has a bidirectional control character",
            line + 1
        ));
    }
    if lang != "en" && !catalogue.text.contains(DRAFT_MARK) {
        out.push(format!(
            "{lang}: the file does not say it is an {DRAFT_MARK} (until a native speaker reviews it)"
        ));
    }
    Ok(out)
}

/// The plural categories `lang` has: those the whole numbers to 1,000,000 at their turning
/// points and a few decimals fall in (the rules have no list of their own).
fn plural_categories(lang: &str) -> Result<BTreeSet<&'static str>, String> {
    use intl_pluralrules::{PluralRuleType, PluralRules};
    let id: unic_langid::LanguageIdentifier =
        lang.parse().map_err(|e| format!("language {lang}: {e}"))?;
    let rules = PluralRules::create(id, PluralRuleType::CARDINAL)?;
    let mut out = BTreeSet::new();
    let whole = (0..=200u64).chain([1_000, 10_000, 100_000, 1_000_000]);
    for n in whole {
        out.insert(name(rules.select(n)?));
    }
    for decimal in ["0.5", "1.5", "2.5", "1.0", "0.1"] {
        out.insert(name(rules.select(decimal)?));
    }
    Ok(out)
}

fn name(c: intl_pluralrules::PluralCategory) -> &'static str {
    use intl_pluralrules::PluralCategory;
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

/// `cargo xtask locales`: each language's file checked against the source, with its size.
pub fn print() -> crate::Result {
    let dir = dir();
    let en = load(&dir, "en")?;
    println!("languages (app/locales/*.ftl, held against en.ftl):");
    println!(
        "  {:<4} {:<12} {:>9} {:>9} {:>10} {:>12}  CLDR forms of {:?}",
        "code", "name", "messages", "problems", "raw", "brotli -q11", PLURAL_PROBES
    );
    let mut all = vec![];
    for (lang, name, _) in LANGUAGES {
        let catalogue = load(&dir, lang)?;
        let found = problems(&en, &catalogue)?;
        let raw = catalogue.text.len() as u64;
        let brotli = crate::cmd::output(
            std::process::Command::new("brotli")
                .args(["-q", "11", "-c"])
                .arg(&catalogue.path),
        )
        .map(|b| format!("{:.1} KiB", b.len() as f64 / 1024.0))
        .unwrap_or_else(|| "n/a".into());
        let forms: Vec<&str> = PLURAL_PROBES
            .iter()
            .map(|n| category(lang, *n))
            .collect::<Result<_, _>>()?;
        println!(
            "  {lang:<4} {name:<12} {:>9} {:>9} {:>10} {:>12}  {}",
            catalogue.messages.len(),
            found.len(),
            format!("{:.1} KiB", raw as f64 / 1024.0),
            brotli,
            forms.join(" ")
        );
        all.extend(found);
    }
    let src_path = dir.join("../src/i18n.rs");
    let src = std::fs::read_to_string(&src_path)
        .map_err(|e| format!("could not read {}: {e}", src_path.display()))?;
    let wanted = typed_ids(&src);
    println!(
        "  the typed catalogue (app/src/i18n.rs) needs {} messages",
        wanted.len()
    );
    for id in wanted.iter().filter(|id| !en.messages.contains_key(*id)) {
        all.push(format!(
            "en: message {id} is missing (a variant of app/src/i18n.rs needs it)"
        ));
    }
    for id in en.messages.keys().filter(|id| !wanted.contains(*id)) {
        all.push(format!(
            "en: message {id} is needed by no variant of app/src/i18n.rs"
        ));
    }
    if all.is_empty() {
        Ok(())
    } else {
        Err(all.join("\n"))
    }
}

/// The typed catalogue's enums (`app/src/i18n.rs`) and the prefix of their messages' ids in
/// `en.ftl` (the rest of an id is the variant's name in kebab-case).
const TYPED: [(&str, &str); 5] = [
    ("Msg", ""),
    ("ImportMsg", "import-"),
    ("OwnerMsg", "owner-"),
    ("ImportField", "field-"),
    ("Category", "category-"),
];

/// Variants with no message of their own: the app shows another message's text for them.
const SHOWN_AS_ANOTHER: [(&str, &str); 3] = [
    ("Msg", "CategoryName"),
    ("Msg", "SegmentMembersTitle"),
    ("ImportMsg", "Field"),
];

/// Messages that are pieces of another (`pin-paused` says its wait with one of them).
const PIECES: [&str; 2] = ["wait-seconds", "wait-minutes"];

/// The variant names of `pub enum {name}` in Rust source `src`.
fn variants(src: &str, name: &str) -> Vec<String> {
    let Some(start) = src.find(&format!("pub enum {name} {{\n")) else {
        return vec![];
    };
    let mut names = vec![];
    let mut depth = 0i32;
    for line in src[start..].lines().skip(1) {
        let code = line.split("//").next().unwrap_or_default().trim();
        if depth == 0 && code == "}" {
            break;
        }
        if depth == 0 && code.starts_with(|c: char| c.is_ascii_uppercase()) {
            let name: String = code
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            names.push(name);
        }
        for c in code.chars() {
            match c {
                '{' | '(' => depth += 1,
                '}' | ')' => depth -= 1,
                _ => {}
            }
        }
    }
    names
}

/// `StorageFailed` -> `storage-failed`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    let mut previous: Option<char> = None;
    for c in name.chars() {
        if c.is_ascii_uppercase()
            && previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
        {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
        previous = Some(c);
    }
    out
}

/// The message ids the typed catalogue's variants need, from `app/src/i18n.rs`.
fn typed_ids(src: &str) -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = PIECES.iter().map(|p| p.to_string()).collect();
    for (name, prefix) in TYPED {
        for variant in variants(src, name) {
            if !SHOWN_AS_ANOTHER.contains(&(name, variant.as_str())) {
                ids.insert(format!("{prefix}{}", kebab(&variant)));
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

    fn all() -> Vec<Catalogue> {
        LANGUAGES
            .iter()
            .map(|(lang, _, _)| load(&dir(), lang).unwrap())
            .collect()
    }

    #[test]
    fn every_language_has_every_message_with_the_same_variables() {
        let catalogues = all();
        assert!(
            catalogues[0].messages.len() > 500,
            "en.ftl is the whole app"
        );
        let mut found = vec![];
        for c in &catalogues {
            found.extend(problems(&catalogues[0], c).unwrap());
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    /// The typed keys stay the catalogue's: a variant added to the Rust enums without its
    /// message in en.ftl (or a message left behind by a removed one) fails here.
    #[test]
    fn every_variant_of_the_typed_catalogue_has_its_message_in_en_ftl() {
        let src = std::fs::read_to_string(dir().join("../src/i18n.rs")).unwrap();
        let wanted = typed_ids(&src);
        assert!(wanted.len() > 500, "the enums were read: {}", wanted.len());
        let en = load(&dir(), "en").unwrap();
        let have: BTreeSet<String> = en.messages.keys().cloned().collect();
        let missing: Vec<&String> = wanted.difference(&have).collect();
        let extra: Vec<&String> = have.difference(&wanted).collect();
        assert!(
            missing.is_empty(),
            "variants without a message in en.ftl: {missing:?}"
        );
        assert!(extra.is_empty(), "messages no variant needs: {extra:?}");
        assert_eq!(kebab("StorageFailed"), "storage-failed");
        assert_eq!(kebab("Top3Share"), "top3-share");
        assert_eq!(
            variants(
                "pub enum E {\n    A,\n    B(u8),\n    /// c\n    C { d: u8 },\n}\n",
                "E"
            ),
            ["A", "B", "C"]
        );
    }

    #[test]
    fn a_missing_message_a_stray_variable_or_a_form_the_language_lacks_is_found() {
        let dir = tempdir();
        std::fs::write(
            dir.join("en.ftl"),
            "a = { $count ->\n [one] one stamp\n *[other] { $count } stamps\n}\nb = Hello\n\
             c = { $count ->\n [one] stamp\n *[other] stamps\n}\nd = { $name } came\n",
        )
        .unwrap();
        // Hungarian has no "few"; this file also forgot b, used a variable English has not (a)
        // and left out the name English shows (d); the count English only selects on may go (c).
        std::fs::write(
            dir.join("hu.ftl"),
            "### UNREVIEWED DRAFT\na = { $n ->\n [one] egy\n *[other] { $n }\n}\n\
             c = pecsét\nd = jött\ne = { $count ->\n [few] kevés\n *[other] { $count }\n}\n",
        )
        .unwrap();
        let en = load(&dir, "en").unwrap();
        let hu = load(&dir, "hu").unwrap();
        let found = problems(&en, &hu).unwrap().join("\n");
        assert!(found.contains("message b is missing"), "{found}");
        assert!(
            found.contains("message a uses {\"n\"} and shows {\"n\"}"),
            "{found}"
        );
        assert!(!found.contains("message c"), "{found}");
        assert!(found.contains("message d uses {} and shows {}"), "{found}");
        assert!(found.contains("message e is not in en.ftl"), "{found}");
        assert!(
            found.contains("message e: [few] is not a plural category of this language"),
            "{found}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_cldr_categories_are_the_languages_own() {
        // Welsh has six forms, Slovak four (many is for decimals), Armenian counts 0 as one,
        // and Hungarian, like English, one and other.
        let cy: Vec<&str> = PLURAL_PROBES
            .iter()
            .map(|n| category("cy", *n).unwrap())
            .collect();
        assert_eq!(cy, ["zero", "one", "two", "few", "many", "other"]);
        let sk: Vec<&str> = PLURAL_PROBES
            .iter()
            .map(|n| category("sk", *n).unwrap())
            .collect();
        assert_eq!(sk, ["other", "one", "few", "few", "other", "other"]);
        assert_eq!(category("hy", 0).unwrap(), "one");
        assert_eq!(category("hu", 1).unwrap(), "one");
        assert_eq!(category("hu", 2).unwrap(), "other");
        assert_eq!(category("yi", 2).unwrap(), "other");
    }

    /// Renders `id` with every variable set to `n` (a selector on words, like `$sign`, falls to
    /// its default) and `$kind` to `kind`.
    fn render(catalogue: &Catalogue, id: &str, n: u64, kind: &str) -> String {
        let resource = FluentResource::try_new(catalogue.text.clone()).unwrap();
        let lang: unic_langid::LanguageIdentifier = catalogue.lang.parse().unwrap();
        let mut bundle = FluentBundle::new(vec![lang]);
        bundle.set_use_isolating(false);
        bundle.add_builtins().unwrap();
        bundle.add_resource(resource).unwrap();
        let message = bundle.get_message(id).unwrap();
        let mut args = FluentArgs::new();
        for variable in &catalogue.messages[id].variables {
            args.set(variable.as_str(), FluentValue::from(n));
        }
        args.set("kind", FluentValue::from(kind));
        let mut errors = vec![];
        let text = bundle
            .format_pattern(message.value().unwrap(), Some(&args), &mut errors)
            .to_string();
        assert!(errors.is_empty(), "{}: {id}: {errors:?}", catalogue.lang);
        text
    }

    /// Every plural message renders for 0, 1, 2, 3, 6 and 11 in every language, and a count
    /// of stamps reads as each language counts (the forms checked by hand against the CLDR
    /// categories above).
    #[test]
    fn plural_messages_render_for_every_probe_in_every_language() {
        let mut rendered = 0;
        for c in all() {
            for (id, shape) in &c.messages {
                if shape.plurals.is_empty() {
                    continue;
                }
                for n in PLURAL_PROBES {
                    for kind in ["stamps", "points"] {
                        // Renders without an error (a reference to nothing, a function misused).
                        render(&c, id, n, kind);
                        rendered += 1;
                    }
                }
            }
        }
        assert!(rendered > 1000, "only {rendered} renders");
    }

    /// A number of points as each language counts them, for 0, 1, 2, 3, 6 and 11: Welsh's
    /// mutations follow its CLDR forms (two: "2 bwynt", few and many: "3 phwynt", "6 phwynt"),
    /// Slovak's one, few and other ("1 bod", "2 body", "6 bodov"), and Armenian and Hungarian
    /// keep the noun singular after any number. The expected words are the translations' own,
    /// read against each language's grammar.
    #[test]
    fn a_count_reads_as_each_language_counts() {
        let expected: [(&str, [&str; 6]); 6] = [
            (
                "en",
                [
                    "0 points",
                    "1 point",
                    "2 points",
                    "3 points",
                    "6 points",
                    "11 points",
                ],
            ),
            (
                "cy",
                [
                    "0 pwynt", "1 pwynt", "2 bwynt", "3 phwynt", "6 phwynt", "11 pwynt",
                ],
            ),
            (
                "hy",
                [
                    "0 միավոր",
                    "1 միավոր",
                    "2 միավոր",
                    "3 միավոր",
                    "6 միավոր",
                    "11 միավոր",
                ],
            ),
            (
                "yi",
                [
                    "0 פּונקטן",
                    "1 פּונקט",
                    "2 פּונקטן",
                    "3 פּונקטן",
                    "6 פּונקטן",
                    "11 פּונקטן",
                ],
            ),
            (
                "sk",
                [
                    "0 bodov", "1 bod", "2 body", "3 body", "6 bodov", "11 bodov",
                ],
            ),
            (
                "hu",
                ["0 pont", "1 pont", "2 pont", "3 pont", "6 pont", "11 pont"],
            ),
        ];
        for (c, (lang, words)) in all().iter().zip(expected) {
            assert_eq!(c.lang, lang);
            let got: Vec<String> = PLURAL_PROBES
                .iter()
                .map(|n| render(c, "amount", *n, "points"))
                .collect();
            assert_eq!(got, words, "{lang}");
        }
    }

    fn tempdir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "regulars-locales-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
