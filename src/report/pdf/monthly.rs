//! The monthly report's PDF data: the workbook's tables as text, the HTML report's charts,
//! the company and where the data comes from.

use crate::forms::config::Paper;
use crate::report::monthly::Monthly;
use crate::report::table::Table;
use crate::report::templates::{Locale, labels};
use crate::report::{charts, workbook};
use serde_json::{Value, json};

/// What `monthly.typ` reads: `month`, `company`, `company_en`, `commit`, `dirty`, `paper`,
/// `locale`, `labels`, `title`, `charts` (SVG texts), `tables` (`name`, `header`, `rows` of
/// texts, `num`: which columns hold numbers).
pub fn data(report: &Monthly, locale: Locale, paper: Paper) -> Value {
    let words = labels(locale);
    let tables: Vec<Value> = workbook::monthly_tables(report, locale)
        .iter()
        .map(table)
        .collect();
    let word = |key: &str| {
        words
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    json!({
        "month": report.month,
        "company": match (locale, &report.company_en) {
            (Locale::En, Some(en)) => en.clone(),
            _ => report.company.clone(),
        },
        "commit": report.commit,
        "dirty": report.dirty,
        "paper": paper.typst(),
        "locale": locale.tag(),
        "title": format!("{} {}", word("monthly_title"), report.month),
        "charts": {
            "weeks": charts::weeks(report, &words),
            "response": charts::response(report, &words),
            "fees": charts::fees(report, &words, locale),
            "faults": charts::faults(report, &words),
        },
        "tables": tables,
        "labels": words,
    })
}

fn table(t: &Table) -> Value {
    let num: Vec<bool> = (0..t.header.len())
        .map(|i| {
            t.rows
                .iter()
                .any(|r| r.get(i).is_some_and(|c| c.is_number()))
                && t.rows.iter().all(|r| {
                    r.get(i)
                        .is_none_or(|c| c.is_number() || c.display().is_empty())
                })
        })
        .collect();
    json!({
        "name": t.name,
        "header": t.header,
        "rows": t.rows.iter().map(|r| r.iter().map(|c| c.display()).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "num": num,
    })
}
