//! JSON Schemas (draft-07) of every file svc reads, so that an editor with a TOML or YAML
//! language server checks forms as they are typed.

use crate::forms::calendar::CalendarFile;
use crate::forms::config::{Customer, PartsList, People, RateCard, Settings};
use crate::forms::decode::{Decode, document_schema};
use crate::forms::plan::Plan;
use crate::forms::{CaseFile, FormKind};
use serde_json::Value;

/// Every schema name with its title.
pub const SCHEMAS: &[(&str, &str)] = &[
    ("request", "客户服务请求 · Service request (8.1)"),
    (
        "task-sheet",
        "客户服务任务书 · Customer service task sheet (8.3)",
    ),
    ("visit", "现场服务记录 · Field service record (8.5)"),
    ("fees", "服务费清单 · Service fee list (8.5, 9)"),
    ("travel-log", "出差工作日志 · Travel work log (8.6)"),
    ("summary", "服务总结报告 · Service summary report (8.6)"),
    ("case", "case.toml · the case as svc records it"),
    ("settings", "svc.toml · the workspace's settings"),
    ("people", "people.toml · who is who"),
    ("customer", "customers/<id>.toml · a customer"),
    (
        "parts",
        "catalog/parts.toml · wearing-parts price list (11.1)",
    ),
    (
        "rates",
        "catalog/rates.toml · on-site service rate card (9.3)",
    ),
    (
        "calendar",
        "calendar/<year>.toml · public holidays and make-up working days",
    ),
    ("plan", "plans/<id>.toml · a maintenance plan"),
];

/// The schema called `name`.
pub fn schema_of(name: &str) -> Option<Value> {
    let title = SCHEMAS.iter().find(|(n, _)| *n == name)?.1;
    let body = match FormKind::from_name(name) {
        Some(form) => form.schema(),
        None => match name {
            "case" => CaseFile::schema(),
            "settings" => Settings::schema(),
            "people" => People::schema(),
            "customer" => Customer::schema(),
            "parts" => PartsList::schema(),
            "rates" => RateCard::schema(),
            "calendar" => CalendarFile::schema(),
            "plan" => Plan::schema(),
            _ => return None,
        },
    };
    Some(document_schema(title, body))
}
