//! `svc asset SERIAL`: a product's history, or a part's hops from unit to unit.

use crate::cli::{Env, done, error::CliError, error::CliResult};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fmt::Write;
use svc::forms::config::Locale;
use svc::report::asset::{self, CaseHistory, Direction, History, Hop, Kind, Swap};
use svc::report::names;
use svc::rules::asset::InstalledBase;
use svc::t;
use svc::workspace::case;

/// Show a product's history.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The serial of a product (as customers/*.toml lists it) or of a part a visit moved
    /// (a serial_out or serial_in)
    serial: String,
}

/// Print the history of the serial, or say that svc knows no such serial.
pub fn run(args: Args, env: &Env) -> CliResult {
    let ws = env.workspace()?;
    let now = env.now(&ws)?;
    let serial = args.serial.trim();
    let validation = env.validate(&ws, None, now);
    let base = InstalledBase::of(&ws, &validation.mentions);
    let wanted = asset::serials_to_read(&base, serial);
    let loaded: Vec<case::Case> = validation
        .mentions
        .par_iter()
        .filter(|m| wanted.iter().any(|s| m.concerns(s)))
        .map(|m| case::load(&ws.root, &m.dir))
        .collect();
    let locale = svc::i18n::current();
    let Some(history) = asset::history(&ws, &base, &loaded, serial, now, locale) else {
        let known: BTreeSet<&str> = base
            .serials()
            .into_iter()
            .chain(validation.mentions.iter().flat_map(|m| {
                m.opened
                    .iter()
                    .map(|o| o.serial.as_str())
                    .chain(m.served.iter().map(String::as_str))
            }))
            .collect();
        // A likely typo is named alone; else the nearest serials, whatever they are.
        let closest = closest(serial, &known);
        let hint = svc::workspace::suggest(serial, known.iter().copied()).unwrap_or_else(|| {
            if closest.is_empty() {
                t!("cli-asset-unknown-none-hint")
            } else {
                t!("cli-asset-unknown-hint", serials = closest.join(", "))
            }
        });
        return Err(CliError::refused(t!("cli-asset-unknown", serial = serial)).hint(hint));
    };
    if env.ui.json {
        env.ui.json(&history)?;
        return done();
    }
    env.ui.text(&describe(&history, locale));
    done()
}

/// The three serials nearest to `serial`, nearest first.
fn closest<'k>(serial: &str, known: &BTreeSet<&'k str>) -> Vec<&'k str> {
    let mut near: Vec<(usize, &str)> = known
        .iter()
        .map(|k| (svc::forms::decode::edit_distance(serial, k), *k))
        .collect();
    near.sort();
    near.into_iter().take(3).map(|(_, k)| k).collect()
}

fn describe(h: &History, locale: Locale) -> String {
    let mut s = String::new();
    match (&h.kind, &h.unit) {
        (Kind::Unit, Some(u)) => {
            let _ = writeln!(s, "{}  {}", h.serial, u.model);
            let name = names::in_locale(&u.customer_name, u.customer_name_en.as_deref(), locale);
            let _ = writeln!(s, "  {}", t!("cli-asset-customer", customer = name));
            let site = u.site_name.as_deref().unwrap_or(&u.site);
            let _ = writeln!(
                s,
                "  {}",
                t!(
                    "cli-asset-site",
                    site = site,
                    city = u.city.as_deref().unwrap_or("—")
                )
            );
            if let Some(on) = u.installed_on {
                let _ = writeln!(s, "  {}", t!("cli-asset-installed", date = on.to_string()));
            }
            let _ = writeln!(
                s,
                "  {}",
                t!(
                    "cli-asset-warranty-today",
                    today = h.today.to_string(),
                    status = warranty(u.warranty_end, u.in_warranty)
                )
            );
            if !u.listed {
                let _ = writeln!(
                    s,
                    "  {}",
                    t!(
                        "cli-asset-carried",
                        customer = &u.customer,
                        old = &u.listed_as
                    )
                );
            }
        }
        (Kind::Part, _) => {
            let _ = writeln!(s, "{}  {}", h.serial, t!("cli-asset-a-part"));
        }
        _ => {
            let _ = writeln!(s, "{}  {}", h.serial, t!("cli-asset-unlisted"));
        }
    }
    for r in &h.replaces {
        let _ = writeln!(
            s,
            "  {}",
            t!(
                "cli-asset-replaces",
                old = &r.old,
                date = r.on.to_string(),
                case = &r.case
            )
        );
    }
    if let Some(r) = &h.replaced_by {
        let _ = writeln!(s, "  {}", replaced(r, h.installed_now.as_deref()));
    }
    if h.kind != Kind::Part || !h.cases.is_empty() {
        describe_cases(&mut s, h);
    }
    if !h.repeats.is_empty() {
        let _ = writeln!(
            s,
            "\n{}",
            t!(
                "cli-asset-repeats",
                count = h.repeats.len(),
                days = svc::report::monthly::REPEAT_WINDOW_DAYS
            )
        );
        for r in &h.repeats {
            let _ = writeln!(
                s,
                "  {}",
                t!(
                    "cli-asset-repeat-line",
                    case = &r.case,
                    previous = &r.previous_case,
                    days = r.days,
                    serial = &r.serial
                )
            );
        }
    }
    if h.kind == Kind::Part {
        let _ = writeln!(s, "\n{}", t!("cli-asset-hops", count = h.hops.len()));
        for hop in &h.hops {
            let _ = writeln!(s, "  {}", describe_hop(hop));
        }
    }
    s
}

fn describe_cases(s: &mut String, h: &History) {
    if h.cases.is_empty() {
        let _ = writeln!(s, "\n{}", t!("cli-asset-no-cases"));
        return;
    }
    let _ = writeln!(s, "\n{}", t!("cli-asset-cases", count = h.cases.len()));
    for c in &h.cases {
        describe_case(s, c, &h.serial);
    }
}

fn describe_case(s: &mut String, c: &CaseHistory, serial: &str) {
    let mut head = t!(
        "cli-asset-case",
        case = &c.id,
        date = c.opened_at.date_naive().to_string(),
        state = &c.state_name
    );
    if let Some(fee) = &c.fee_name {
        head.push_str(&format!("  {fee}"));
    }
    if c.serial != serial {
        head.push_str(&format!(
            "  {}",
            t!("cli-asset-case-before", serial = &c.serial)
        ));
    }
    if let Some(r) = &c.repeat_of {
        head.push_str(&format!(
            "  {}",
            t!("cli-asset-repeat", previous = &r.case, days = r.days)
        ));
    }
    let _ = writeln!(s, "  {head}");
    let _ = writeln!(s, "    {}", c.title);
    for v in &c.visits {
        let outcome = if v.resolved {
            t!("cli-asset-resolved")
        } else {
            t!("cli-asset-not-resolved")
        };
        let mut line = format!(
            "{}  {}  {}",
            v.date,
            v.site_name.as_deref().unwrap_or(&v.site),
            v.engineer_names.join(", ")
        );
        if let (Some(end), Some(within)) = (v.warranty_end, v.in_warranty) {
            line.push_str(&format!("  {}", warranty(end, within)));
        }
        let _ = writeln!(s, "    {line}  {outcome}");
        if !v.diagnosis.is_empty() {
            let _ = writeln!(s, "      {}", v.diagnosis);
        }
        for p in &v.parts {
            let pairs: Vec<String> = (0..p.serial_out.len().max(p.serial_in.len()))
                .map(|i| {
                    let at = |list: &[String]| list.get(i).cloned().unwrap_or_else(|| "—".into());
                    format!("{} → {}", at(&p.serial_out), at(&p.serial_in))
                })
                .collect();
            let line = match (&p.name, pairs.is_empty()) {
                (Some(name), false) => t!(
                    "cli-asset-part-named",
                    code = &p.code,
                    name = name,
                    qty = p.qty,
                    serials = pairs.join(", ")
                ),
                (None, false) => t!(
                    "cli-asset-part",
                    code = &p.code,
                    qty = p.qty,
                    serials = pairs.join(", ")
                ),
                (Some(name), true) => {
                    t!(
                        "cli-asset-part-named-no-serials",
                        code = &p.code,
                        name = name,
                        qty = p.qty
                    )
                }
                (None, true) => t!("cli-asset-part-no-serials", code = &p.code, qty = p.qty),
            };
            let _ = writeln!(s, "      {line}");
        }
    }
}

fn describe_hop(hop: &Hop) -> String {
    let units: Vec<String> = hop
        .units
        .iter()
        .zip(&hop.unit_models)
        .map(|(u, m)| match m {
            Some(m) => format!("{u} ({m})"),
            None => u.clone(),
        })
        .collect();
    let units = units.join(", ");
    let visit = hop
        .visit
        .file_stem()
        .map(|v| v.to_string_lossy().into_owned())
        .unwrap_or_default();
    let site = hop.site_name.as_deref().unwrap_or(&hop.site);
    let part = match &hop.name {
        Some(name) => format!("{} {name}", hop.code),
        None => hop.code.clone(),
    };
    let moved = match (hop.direction, hop.other.as_deref()) {
        (Direction::In, Some(other)) => t!("cli-asset-hop-in-for", units = units, other = other),
        (Direction::In, None) => t!("cli-asset-hop-in", units = units),
        (Direction::Out, Some(other)) => t!("cli-asset-hop-out-by", units = units, other = other),
        (Direction::Out, None) => t!("cli-asset-hop-out", units = units),
    };
    t!(
        "cli-asset-hop",
        date = hop.on.to_string(),
        moved = moved,
        part = part,
        visit = visit,
        case = &hop.case,
        site = site
    )
}

fn replaced(r: &Swap, now: Option<&str>) -> String {
    match (&r.new, now) {
        (Some(new), Some(now)) => t!(
            "cli-asset-replaced-by",
            new = new,
            date = r.on.to_string(),
            case = &r.case,
            now = now
        ),
        _ => t!(
            "cli-asset-taken-out",
            date = r.on.to_string(),
            case = &r.case
        ),
    }
}

fn warranty(end: chrono::NaiveDate, within: bool) -> String {
    if within {
        t!("cli-asset-in-warranty", end = end.to_string())
    } else {
        let since = end.succ_opt().unwrap_or(end);
        t!("cli-asset-out-of-warranty", since = since.to_string())
    }
}
