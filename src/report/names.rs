//! How reports name what the data holds by id or keyword: people by their names, customers
//! by their names in the report's language, fee arrangements in words. One place, so the
//! monthly analysis, its workbook and the printable forms word them alike; the ids stay in
//! the JSON and in columns of their own.

use crate::forms::FeeArrangement;
use crate::report::templates::{Locale, label};
use crate::workspace::Workspace;

/// A fee arrangement (`warranty`, `billable`, `agreement:ID`) in words: 保修(免费), 收费,
/// 售后服务协议 ID (warranty (free), billable, after-sales agreement ID); a text that is
/// none of these as it is
pub fn fee_arrangement(text: &str, locale: Locale) -> String {
    match FeeArrangement::parse(text) {
        Some(FeeArrangement::Warranty) => label(locale, "form_fee_warranty").to_owned(),
        Some(FeeArrangement::Billable) => label(locale, "form_fee_billable").to_owned(),
        Some(FeeArrangement::Agreement(id)) => {
            format!("{} {id}", label(locale, "form_fee_agreement"))
        }
        None => text.to_owned(),
    }
}

/// A name in the report's language: the English one in English when there is one
pub fn in_locale<'a>(name: &'a str, name_en: Option<&'a str>, locale: Locale) -> &'a str {
    match (locale, name_en.map(str::trim)) {
        (Locale::En, Some(en)) if !en.is_empty() => en,
        _ => name,
    }
}

/// A person's name from `people.toml`, or the id when it does not list them
pub fn person(ws: &Workspace, id: &str) -> String {
    ws.people
        .get(id)
        .map_or_else(|| id.to_owned(), |p| p.name.clone())
}

/// A customer's name and English name from its file, or the id (and none) when there is
/// no such customer
pub fn customer(ws: &Workspace, id: &str) -> (String, Option<String>) {
    match ws.customers.get(id) {
        Some(c) => (
            c.name.clone(),
            c.name_en.clone().filter(|en| !en.trim().is_empty()),
        ),
        None => (id.to_owned(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fee_arrangements_in_words_in_both_languages() {
        let zh = |t| fee_arrangement(t, Locale::ZhCn);
        let en = |t| fee_arrangement(t, Locale::En);
        assert_eq!(zh("warranty"), "保修(免费)");
        assert_eq!(zh("billable"), "收费");
        assert_eq!(
            zh("agreement:GXGD-2026-SA-003"),
            "售后服务协议 GXGD-2026-SA-003"
        );
        assert_eq!(en("warranty"), "warranty (free)");
        assert_eq!(en("agreement:A-1"), "after-sales agreement A-1");
        // Not an arrangement svc knows: shown as written.
        assert_eq!(zh("agreement:"), "agreement:");
    }

    #[test]
    fn english_names_in_english_only_when_given() {
        assert_eq!(in_locale("某银行", Some("A bank"), Locale::En), "A bank");
        assert_eq!(in_locale("某银行", Some("A bank"), Locale::ZhCn), "某银行");
        assert_eq!(in_locale("某银行", Some("  "), Locale::En), "某银行");
        assert_eq!(in_locale("某银行", None, Locale::En), "某银行");
    }
}
