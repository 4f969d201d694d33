//! `svc import parts|rates|products FILE`: a spreadsheet into the catalog or the customers'
//! files. Without `--apply` it shows what it would do and writes nothing; with `--apply` it
//! writes the files and commits them as the person importing (an admin for the catalog;
//! csc, lead or admin for customers' files, as `svc check` holds), in one commit of its own.

use crate::cli::commands::step::store_error;
use crate::cli::output::cannot_write;
use crate::cli::{Env, done, error::CliError, error::CliResult};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use std::path::{Path, PathBuf};
use std::time::Duration;
use svc::forms::config::Role;
use svc::forms::text::visible;
use svc::history::store::Store;
use svc::t;
use svc::workspace::import::catalog::{self, Change};
use svc::workspace::import::installed::{self, CustomerFile};
use svc::workspace::import::rules::Rules;
use svc::workspace::import::sheet::{self, Encoding};
use svc::workspace::import::{self as import, Kind, RowError};

/// Import the office's spreadsheets (the parts price list, the rate card, the installed base)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What the sheet holds: parts (catalog/parts.toml, 11.1), rates (catalog/rates.toml,
    /// 9.3), products (the installed base, into customers/<id>.toml) or customers (a file
    /// each)
    #[arg(value_parser = ["parts", "rates", "products", "customers"])]
    what: String,
    /// The file: .xlsx, .xlsm, .xls, .ods or .csv
    file: PathBuf,
    /// The sheet to read (default: the first)
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// A CSV file's encoding: utf-8, gbk or gb18030 (default: UTF-8 when the file is, else GB18030)
    #[arg(long, value_name = "ENCODING", value_parser = parse_encoding)]
    encoding: Option<Encoding>,
    /// Rules for reading the sheet (default: import/<what>.toml in the workspace, when there)
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// Write the changes and commit them (without it, nothing is written)
    #[arg(long)]
    apply: bool,
}

fn parse_encoding(text: &str) -> Result<Encoding, String> {
    Encoding::parse(text).ok_or_else(|| t!("cli-import-bad-encoding", text = text))
}

/// Where a row error is: `FILE:SHEET:ROW:COLUMN`.
fn place(file: &Path, sheet: Option<&str>, e: &RowError) -> String {
    let mut out = file.display().to_string();
    if let Some(sheet) = sheet {
        out.push(':');
        out.push_str(sheet);
    }
    if e.row > 0 {
        out.push_str(&format!(":{}", e.row));
    }
    if let Some(c) = &e.column {
        out.push(':');
        out.push_str(c);
    }
    out
}

/// Run an import.
pub fn run(args: Args, env: &Env) -> CliResult {
    let kind = Kind::parse(&args.what).unwrap_or(Kind::Parts);
    let ws = env.workspace()?;
    let rules_file = args.rules.clone().or_else(|| {
        let own = ws.root.join("import").join(format!("{}.toml", kind.name()));
        own.is_file().then_some(own)
    });
    let rules = match &rules_file {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                CliError::refused(t!(
                    "cli-cannot-read",
                    path = path.display().to_string(),
                    error = e.to_string()
                ))
            })?;
            Rules::parse(kind, &text).map_err(|e| {
                CliError::refused(format!("{}: {e}", path.display()))
                    .hint(t!("cli-import-rules-hint"))
            })?
        }
        None => Rules::default(),
    };
    let sheet_name = args.sheet.as_deref().or(rules.sheet.as_deref());
    let grid = sheet::read(&args.file, sheet_name, args.encoding).map_err(|e| {
        CliError::refused(format!("{}: {e}", args.file.display())).hint(t!("cli-import-sheet-hint"))
    })?;
    let sheet = grid.sheet.clone();
    let report = |errors: Vec<RowError>| {
        let mut text = String::new();
        for e in &errors {
            text.push_str(&format!(
                "{}: error[import]: {}\n  hint: {}\n",
                visible(&place(&args.file, sheet.as_deref(), e)),
                visible(&e.message),
                visible(&e.hint)
            ));
        }
        env.ui.out(&text);
        CliError::refused(t!(
            "cli-import-errors",
            count = errors.len(),
            file = args.file.display().to_string()
        ))
        .hint(t!("cli-import-errors-hint"))
    };
    // Every problem at once: the cells that cannot be read, and the rows (of those that
    // can) that name what the workspace does not have.
    let (records, mut errors) = import::read_rows(kind, &grid, &rules).map_err(report)?;
    let matched = match kind {
        Kind::Products => Some(installed::plan(&customer_files(&ws.root)?, &records)),
        Kind::Customers => {
            let people: Vec<(String, String)> = ws
                .people
                .iter()
                .map(|(id, p)| (id.clone(), p.value.name.clone()))
                .collect();
            Some(installed::plan_customers(
                &customer_files(&ws.root)?,
                &people,
                &records,
            ))
        }
        _ => None,
    };
    let matched = match matched {
        Some(Err(more)) => {
            errors.extend(more);
            None
        }
        Some(Ok(plan)) => Some(plan),
        None => None,
    };
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.row);
        return Err(report(errors));
    }
    let plan = match matched {
        Some(plan) => plan,
        None => {
            let rel = Path::new(catalog::file_of(kind));
            let current = match std::fs::read_to_string(ws.root.join(rel)) {
                Ok(text) => Some(text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => {
                    return Err(CliError::env(t!(
                        "cli-cannot-read",
                        path = rel.display().to_string(),
                        error = e.to_string()
                    )));
                }
            };
            catalog::plan(kind, current.as_deref(), &records)
                .map_err(|e| CliError::refused(e).hint(t!("cli-import-fix-file-hint")))?
        }
    };
    show(env, &plan, kind)?;
    let target = match kind {
        Kind::Products | Kind::Customers => t!("cli-import-customer-files"),
        _ => catalog::file_of(kind).to_owned(),
    };
    if !args.apply {
        if plan.changes_anything() {
            env.ui.note(t!("cli-import-dry-run", target = &target));
        }
        return done();
    }
    if !plan.changes_anything() {
        env.ui
            .note(t!("cli-import-nothing-to-commit", target = &target));
        return done();
    }
    let person = env.current_person(&ws)?;
    let allowed = match kind {
        Kind::Products | Kind::Customers => [Role::Csc, Role::Lead, Role::Admin]
            .iter()
            .any(|r| ws.has_role(&person, *r)),
        _ => ws.has_role(&person, Role::Admin),
    };
    if !allowed {
        let refusal = match kind {
            Kind::Products => t!("cli-import-not-allowed-products", person = &person),
            _ => t!("cli-import-not-allowed-catalog", person = &person),
        };
        return Err(CliError::refused(refusal).hint(t!("cli-import-not-allowed-hint")));
    }
    commit(env, &ws, &person, kind, &plan, &args.file)?;
    done()
}

/// The customers' TOML files, sorted.
fn customer_files(root: &Path) -> Result<Vec<CustomerFile>, CliError> {
    let dir = root.join("customers");
    let mut files = Vec::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(files),
        Err(e) => {
            return Err(CliError::env(t!(
                "cli-cannot-read",
                path = "customers/",
                error = e.to_string()
            )));
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".toml") || name.starts_with('.') {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).map_err(|e| {
            CliError::env(t!(
                "cli-cannot-read",
                path = format!("customers/{name}"),
                error = e.to_string()
            ))
        })?;
        files.push(CustomerFile {
            rel: PathBuf::from("customers").join(&name),
            text,
        });
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(files)
}

/// Print the plan: a table of what each row does, and the counts.
fn show(env: &Env, plan: &catalog::Plan, kind: Kind) -> Result<(), CliError> {
    let key = kind.keys()[0];
    let code = |r: &import::Record| r.get(key).unwrap_or_default().to_owned();
    if env.ui.json {
        let rows: Vec<serde_json::Value> = plan
            .changes
            .iter()
            .map(|c| match c {
                Change::Add { record } => serde_json::json!({"row": record.row, "code": code(record), "action": "add"}),
                Change::Update { record, fields } => serde_json::json!({
                    "row": record.row, "code": code(record), "action": "change",
                    "fields": fields.iter().map(|(f, old, new)| serde_json::json!({"field": f, "old": old, "new": new})).collect::<Vec<_>>(),
                }),
                Change::Same { record } => serde_json::json!({"row": record.row, "code": code(record), "action": "same"}),
            })
            .collect();
        return env.ui.json(&serde_json::json!({ "what": kind.name(), "changes": rows, "untouched": plan.untouched }));
    }
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(["Row 行", "Key 编码", "Action 操作", "Change 变更"]);
    let (mut added, mut changed, mut same) = (0, 0, 0);
    for c in &plan.changes {
        let (record, action, detail) = match c {
            Change::Add { record } => {
                added += 1;
                let values: Vec<String> = record
                    .values
                    .iter()
                    .filter(|(k, _)| *k != key)
                    .map(|(k, v)| format!("{k} = {v}"))
                    .collect();
                (record, "add 新增", values.join(", "))
            }
            Change::Update { record, fields } => {
                changed += 1;
                let detail: Vec<String> = fields
                    .iter()
                    .map(|(f, old, new)| format!("{f}: {} → {new}", old.as_deref().unwrap_or("—")))
                    .collect();
                (record, "change 修改", detail.join("\n"))
            }
            Change::Same { record } => {
                same += 1;
                (record, "same 不变", String::new())
            }
        };
        if matches!(c, Change::Same { .. }) {
            continue;
        }
        table.add_row([
            record.row.to_string(),
            visible(&code(record)).into_owned(),
            action.to_owned(),
            visible(&detail).into_owned(),
        ]);
    }
    if added + changed > 0 {
        env.ui.line(table.to_string());
    }
    env.ui.note(t!(
        "cli-import-plan",
        what = kind.name(),
        added = added,
        changed = changed,
        same = same,
        untouched = plan.untouched
    ));
    Ok(())
}

/// Write the files and commit them, under the store's lock; the files are put back as they
/// were when the commit cannot be made.
fn commit(
    env: &Env,
    ws: &svc::workspace::Workspace,
    person: &str,
    kind: Kind,
    plan: &catalog::Plan,
    source: &Path,
) -> Result<(), CliError> {
    let store = Store::open(&ws.root).map_err(store_error)?;
    let _lock = store
        .lock("svc import", Duration::from_secs(10))
        .map_err(store_error)?;
    let repo = store.repo();
    let mut paths = Vec::new();
    for edit in &plan.files {
        let in_repo = store.repo_path(&edit.rel);
        let status = repo.status_file(&in_repo).unwrap_or(git2::Status::CURRENT);
        if !status.is_empty() && status != git2::Status::CURRENT {
            return Err(CliError::refused(t!(
                "cli-import-uncommitted",
                path = edit.rel.display().to_string()
            ))
            .hint(t!("cli-import-uncommitted-hint")));
        }
        paths.push(in_repo);
    }
    let who = ws
        .people
        .get(person)
        .ok_or_else(|| CliError::refused(t!("cli-import-unknown-person", person = person)))?;
    let now = env.now(ws)?;
    let signature = git2::Signature::new(
        &who.value.name,
        &who.value.email.value,
        &git2::Time::new(now.timestamp(), now.offset().local_minus_utc() / 60),
    )
    .map_err(|e| CliError::env(t!("cli-import-no-author", error = e.message())))?;
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name: String = visible(&name).chars().filter(|c| !c.is_control()).collect();
    let counts = |f: fn(&Change) -> bool| plan.changes.iter().filter(|c| f(c)).count();
    let added = counts(|c| matches!(c, Change::Add { .. }));
    let changed = counts(|c| matches!(c, Change::Update { .. }));
    let message = format!(
        "Import {what} from {name}: {added} added, {changed} changed\n\nSvc-Import: {what}\nSvc-Source: {name}\nSvc-Actor: {person}\n",
        what = kind.name()
    );
    let restore = || {
        for edit in &plan.files {
            let path = ws.root.join(&edit.rel);
            let _ = match &edit.before {
                Some(text) => svc::workspace::fsutil::write_atomic(&path, text.as_bytes()),
                None => std::fs::remove_file(&path),
            };
        }
    };
    for edit in &plan.files {
        let path = ws.root.join(&edit.rel);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| svc::workspace::fsutil::write_atomic(&path, edit.after.as_bytes()));
        if let Err(e) = written {
            restore();
            return Err(cannot_write(&edit.rel, &e));
        }
    }
    match svc::history::git::commit_paths(repo, &paths, &signature, &message) {
        Ok(id) => {
            let files: Vec<String> = plan
                .files
                .iter()
                .map(|f| f.rel.display().to_string())
                .collect();
            env.ui.note(t!(
                "cli-import-done",
                name = &name,
                files = files.join(", "),
                added = added,
                changed = changed,
                commit = &id.to_string()[..10]
            ));
            Ok(())
        }
        Err(e) => {
            restore();
            Err(CliError::env(t!(
                "cli-import-cannot-commit",
                error = e.to_string()
            )))
        }
    }
}
