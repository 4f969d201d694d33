//! New forms, ready to fill in: every key of the form with its bilingual description as a
//! comment (from the same declaration that decodes the form), required keys written out with
//! a placeholder or a known value, optional ones commented out.

use crate::forms::FormKind;
use crate::forms::decode::Timestamp;
use crate::t;
use crate::workspace::case::Case;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The file to edit for a form of a case, and its scaffold when it does not exist yet.
#[derive(Debug, Clone)]
pub struct EditPlan {
    /// The file, relative to the workspace root.
    pub path: PathBuf,
    /// The text to start from, when the file is new.
    pub scaffold: Option<String>,
}

/// Why a form cannot be edited (said in the person's language: [`crate::i18n`]).
#[derive(Debug)]
pub enum PlanError {
    /// A visit record needs its site.
    WhichSite(String),
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlanError::WhichSite(sites) => f.write_str(&t!("ws-edit-which-site", sites = sites)),
        }
    }
}

impl std::error::Error for PlanError {}

fn quoted(text: &str) -> String {
    toml_edit::Value::from(text).to_string()
}

fn list(items: &[String]) -> String {
    let mut array = toml_edit::Array::new();
    for item in items {
        array.push(item.as_str());
    }
    array.to_string()
}

/// Where `form` of `case` lives (an existing file of any language wins), with a scaffold
/// filled with what svc knows when it is missing. A visit record is chosen by `site`, or is
/// the first site of the task sheet that has none. `home_city` is the company's (svc.toml),
/// where a trip starts and ends.
pub fn plan(
    case: &Case,
    form: FormKind,
    site: Option<&str>,
    person: &str,
    now: Timestamp,
    home_city: &str,
) -> Result<EditPlan, PlanError> {
    let file = case.file.as_ref();
    let assignees: Vec<String> = file
        .map(|f| f.assignees.iter().map(|a| a.value.clone()).collect())
        .unwrap_or_default();
    let sheet_sites: Vec<String> = case
        .task_sheet
        .as_ref()
        .map(|t| t.sites.value.iter().map(|s| s.value.clone()).collect())
        .unwrap_or_default();
    let date = now.format("%Y-%m-%d").to_string();
    let at = now.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    let mut known: BTreeMap<&str, String> = BTreeMap::new();
    let existing = case.files.get(&form).cloned().unwrap_or_default();
    let path = match form {
        FormKind::Visit => {
            let visited: Vec<(String, PathBuf)> = case
                .visits
                .iter()
                .map(|v| (v.site.value.clone(), v.source.path.clone()))
                .collect();
            let chosen = match site {
                Some(s) => s.to_string(),
                None => match sheet_sites
                    .iter()
                    .find(|s| !visited.iter().any(|(v, _)| v == *s))
                {
                    Some(s) => s.clone(),
                    None if existing.len() == 1 => {
                        return Ok(EditPlan {
                            path: existing[0].clone(),
                            scaffold: None,
                        });
                    }
                    None => {
                        return Err(PlanError::WhichSite(
                            visited
                                .iter()
                                .map(|(s, _)| s.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        ));
                    }
                },
            };
            if let Some((_, path)) = visited.iter().find(|(s, _)| *s == chosen) {
                return Ok(EditPlan {
                    path: path.clone(),
                    scaffold: None,
                });
            }
            if let Some(path) = existing.iter().find(|p| {
                p.file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| s.ends_with(&format!("-{chosen}")))
            }) {
                return Ok(EditPlan {
                    path: path.clone(),
                    scaffold: None,
                });
            }
            known.insert("site", quoted(&chosen));
            known.insert("arrived_at", at.clone());
            known.insert("left_at", at.clone());
            known.insert("engineers", list(&[person.to_string()]));
            if let Some(product) = file.and_then(|f| f.product.as_ref()) {
                known.insert("products", list(std::slice::from_ref(&product.value)));
            }
            case.dir
                .join("visits")
                .join(format!("{:02}-{chosen}.toml", existing.len() + 1))
        }
        _ => {
            if let Some(path) = existing.first() {
                return Ok(EditPlan {
                    path: path.clone(),
                    scaffold: None,
                });
            }
            let ext = if form == FormKind::TravelLog {
                "yaml"
            } else {
                "toml"
            };
            case.dir.join(format!("{}.{ext}", form.name()))
        }
    };
    match form {
        FormKind::TaskSheet => {
            known.insert("prepared_by", quoted(person));
            known.insert("prepared_on", date.clone());
            known.insert("engineers", list(&assignees));
            let sites: Vec<String> = file
                .and_then(|f| f.site.as_ref())
                .map(|s| vec![s.value.clone()])
                .unwrap_or_default();
            known.insert("sites", list(&sites));
            known.insert("depart_on", date.clone());
            known.insert("return_on", date.clone());
        }
        FormKind::Summary => {
            known.insert("prepared_by", quoted(person));
            known.insert("prepared_on", date.clone());
        }
        FormKind::Request => {
            known.insert("received_at", at.clone());
            known.insert("received_by", quoted(person));
        }
        FormKind::TravelLog => {
            known.insert("travellers", list(&assignees));
        }
        FormKind::Visit | FormKind::Fees => {}
    }
    let text = if form == FormKind::TravelLog {
        travel_log_scaffold(&assignees, &date, &now.format("%:z").to_string(), home_city)
    } else {
        scaffold(form, &known)
    };
    Ok(EditPlan {
        path,
        scaffold: Some(text),
    })
}

/// The travel log is YAML: lists of legs, days and expenses read best that way. The first
/// leg leaves from the home city, and the times carry the workspace's offset.
fn travel_log_scaffold(travellers: &[String], date: &str, offset: &str, home_city: &str) -> String {
    // The city as a YAML scalar that is only that (a JSON string is one), and as comment
    // text that cannot end the comment's line.
    let city = serde_json::to_string(home_city).unwrap_or_else(|_| "\"\"".to_owned());
    let said: String = home_city.chars().filter(|c| !c.is_control()).collect();
    format!(
        "# 出差工作日志 · Travel work log (8.6)\n\
         # 每段行程、每天工作、每笔费用各占一行 · one line per leg, day and expense.\n\
         travellers: [{}]            # 出差人员 · travellers (person ids)\n\
         legs:                       # 行程 · legs travelled; mode: flight, train, bus, car, ship, other\n\
         \x20 - {{date: {date}, from: {city}, to: \"\", mode: train, cost: \"0.00\"}}\n\
         back_home_at: {date}T18:00:00{offset}      # 返回{said}时间 · arrival back in {said} (7.8)\n\
         back_at_work_at: {date}T08:30:00{offset}   # 回公司上班时间 · back at work (7.8)\n\
         # 联系公司 · check-ins (7.5): 用 svc checkin 记录,不写在这里 · recorded with svc checkin, not here\n\
         days:                       # 每日工作 · the days\n\
         \x20 - {{date: {date}, place: \"\", work: \"\"}}\n\
         expenses: []                # 费用 · expenses: {{date, category (transport, lodging, meals, allowance, other), amount: \"0.00\", receipt}}\n\
         # advance_received: {{amount: \"0.00\", date: {date}}}   # 借款 · advance received (7.3)\n",
        travellers.join(", ")
    )
}

/// A TOML scaffold of `form`. `known` gives TOML values (already written as TOML) for
/// top-level keys that svc can fill in (who prepared it, the sites, the engineers…).
pub fn scaffold(form: FormKind, known: &BTreeMap<&str, String>) -> String {
    let schema = form.schema();
    let mut out = format!(
        "# {} · {} ({})\n# 填写说明:每项后的注释说明其含义;以 # 开头的为可选项。\n# Each key's comment says what it is; keys commented out are optional.\n\n",
        form.title_zh(),
        form.title_en(),
        form.clause()
    );
    let mut tables = String::new();
    write_object(&schema, "", known, &mut out, &mut tables);
    out.push_str(&tables);
    out
}

fn required(schema: &Value) -> Vec<&str> {
    schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn write_object(
    schema: &Value,
    path: &str,
    known: &BTreeMap<&str, String>,
    out: &mut String,
    tables: &mut String,
) {
    let Some(properties) = schema["properties"].as_object() else {
        return;
    };
    let needed = required(schema);
    for (key, prop) in properties {
        let description = prop["description"].as_str().unwrap_or_default();
        let is_required = needed.contains(&key.as_str());
        let full = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match prop["type"].as_str() {
            Some("object") => {
                let mut section = String::new();
                let mut nested = String::new();
                let header = format!("[{full}]");
                write_object(prop, &full, &BTreeMap::new(), &mut section, &mut nested);
                tables.push('\n');
                tables.push_str(&comment_block(&header, description, is_required, &section));
                tables.push_str(&nested);
            }
            Some("array") if prop["items"]["type"] == "object" => {
                let mut section = String::new();
                let mut nested = String::new();
                let header = format!("[[{full}]]");
                write_object(
                    &prop["items"],
                    &full,
                    &BTreeMap::new(),
                    &mut section,
                    &mut nested,
                );
                tables.push('\n');
                tables.push_str(&comment_block(&header, description, false, &section));
                tables.push_str(&nested);
            }
            _ => {
                let value = known
                    .get(key.as_str())
                    .cloned()
                    .unwrap_or_else(|| placeholder(prop));
                let line = format!("{key} = {value}");
                let choices = prop["enum"].as_array().map(|e| {
                    e.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                });
                let note = match choices {
                    Some(c) if !description.contains(&c) => format!("{description} ({c})"),
                    _ => description.to_string(),
                };
                if is_required || known.contains_key(key.as_str()) {
                    out.push_str(&format!("{line:<40} # {note}\n"));
                } else {
                    out.push_str(&format!("# {line:<38} # {note}\n"));
                }
            }
        }
    }
}

/// A table written out when required, commented out when optional.
fn comment_block(header: &str, description: &str, required: bool, body: &str) -> String {
    if required {
        return format!("{header:<40} # {description}\n{body}");
    }
    let mut text = format!("# {header:<38} # {description}\n");
    for line in body.lines() {
        if line.starts_with('#') {
            text.push_str(line);
        } else {
            text.push_str("# ");
            text.push_str(line);
        }
        text.push('\n');
    }
    text
}

fn placeholder(prop: &Value) -> String {
    if let Some(first) = prop["enum"]
        .as_array()
        .and_then(|e| e.first())
        .and_then(Value::as_str)
    {
        return format!("\"{first}\"");
    }
    match (
        prop["type"].as_str(),
        prop["format"].as_str(),
        prop["pattern"].as_str(),
    ) {
        (Some("string"), Some("date"), _) => "2026-01-01".into(),
        (Some("string"), Some("date-time"), _) => "2026-01-01T09:00:00+08:00".into(),
        (Some("string"), _, Some(_)) => "\"0.00\"".into(),
        (Some("boolean"), ..) => "false".into(),
        (Some("integer"), ..) => "1".into(),
        (Some("array"), ..) => "[]".into(),
        _ => "\"\"".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::decode::decode_root;
    use crate::forms::node::parse_toml;
    use crate::forms::{Summary, TaskSheet};

    #[test]
    fn a_scaffold_is_valid_toml_with_every_key_described() {
        for form in FormKind::ALL {
            let text = scaffold(form, &BTreeMap::new());
            assert!(parse_toml(&text).is_ok(), "{form}:\n{text}");
            for (key, description) in form.fields() {
                assert!(text.contains(key), "{form}: {key}");
                assert!(text.contains(description), "{form}: {description}");
            }
        }
    }

    #[test]
    fn known_values_fill_the_scaffold_and_it_decodes() {
        let mut known = BTreeMap::new();
        known.insert("prepared_by", "\"wang.qiang\"".to_string());
        known.insert("prepared_on", "2026-11-27".to_string());
        let text = scaffold(FormKind::Summary, &known);
        assert!(text.contains("prepared_by = \"wang.qiang\""), "{text}");
        let summary: Summary = decode_root(&parse_toml(&text).unwrap()).unwrap();
        assert_eq!(summary.prepared_by.value, "wang.qiang");
        let sheet = scaffold(FormKind::TaskSheet, &known);
        assert!(
            decode_root::<TaskSheet>(&parse_toml(&sheet).unwrap()).is_ok(),
            "{sheet}"
        );
    }
}
