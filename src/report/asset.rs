//! A product's history (`svc asset SERIAL`): the unit as the customer's file lists it and
//! as the visits left it, every case on it in time order with its visits and the parts they
//! swapped, and its repeat faults; for a part's serial, every hop it made from unit to unit.
//!
//! A unit that replaced another carries on that one's history: its customer, site and
//! model are those of the product whose place it took (its own listing in the customer's
//! file, once the CSC adds one, wins), and its cases follow those of the units before it.
//! A case is a repeat fault as in the monthly analysis ([`super::monthly`]): its first
//! arrival on site is within [`REPEAT_WINDOW_DAYS`] days after a visit of another case to
//! the same serial.
//!
//! Built from the installed base ([`InstalledBase`]) and the loaded cases that concern the
//! serial ([`serials_to_read`] says which); ids and names both, names in `locale`.

use super::monthly::REPEAT_WINDOW_DAYS;
use super::names;
use super::templates::{Locale, label};
use crate::forms::decode::Timestamp;
use crate::rules::asset::{self, Installed, InstalledBase, Replacement};
use crate::workspace::Workspace;
use crate::workspace::case::Case;
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// What svc knows a serial as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A unit: a product a customer lists, or one that took the place of one.
    Unit,
    /// A part moved on visits (a `serial_in` or `serial_out`), never a unit.
    Part,
    /// Named by cases only: no customer lists it and no visit moved it.
    Unlisted,
}

/// The history of one serial.
#[derive(Debug, Clone, Serialize)]
pub struct History {
    /// The serial asked about.
    pub serial: String,
    /// What svc knows it as.
    pub kind: Kind,
    /// Today, in the workspace's time zone.
    pub today: NaiveDate,
    /// The unit: customer, site, model, warranty (a unit only).
    pub unit: Option<Unit>,
    /// The replacements that led to this unit standing where it stands, the first first.
    pub replaces: Vec<Swap>,
    /// The replacement that took this unit out of service, when it is out of service.
    pub replaced_by: Option<Swap>,
    /// The unit in this one's place now (itself while in service; null when the place was
    /// left empty).
    pub installed_now: Option<String>,
    /// Every case on the unit and on the units before it, in the order they were opened.
    pub cases: Vec<CaseHistory>,
    /// The repeat faults among them.
    pub repeats: Vec<Repeat>,
    /// Every move of the serial itself, in time order (a part's hops from unit to unit).
    pub hops: Vec<Hop>,
}

/// A unit as its customer's file lists it, or as the product whose place it took.
#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    /// The serial whose listing this is: the unit's own, or the product it stands for.
    pub listed_as: String,
    /// Whether the customer's file lists the unit's own serial.
    pub listed: bool,
    /// The customer id.
    pub customer: String,
    /// The customer's name.
    pub customer_name: String,
    /// The customer's name in English, when its file gives one.
    pub customer_name_en: Option<String>,
    /// The site id.
    pub site: String,
    /// The site's name.
    pub site_name: Option<String>,
    /// The site's city.
    pub city: Option<String>,
    /// The model.
    pub model: String,
    /// When it was installed: the listing's date, or the day it took the place.
    pub installed_on: Option<NaiveDate>,
    /// The last day of the warranty (of the listing).
    pub warranty_end: NaiveDate,
    /// Whether it is in warranty today.
    pub in_warranty: bool,
}

/// A whole unit replaced on a visit.
#[derive(Debug, Clone, Serialize)]
pub struct Swap {
    /// The unit taken out.
    pub old: String,
    /// The unit put in (null: none recorded).
    pub new: Option<String>,
    /// The day of the visit.
    pub on: NaiveDate,
    /// The case.
    pub case: String,
    /// The visit record.
    pub visit: PathBuf,
    /// The site id.
    pub site: String,
}

/// A case on the unit.
#[derive(Debug, Clone, Serialize)]
pub struct CaseHistory {
    /// The case id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The serial of the unit it concerns (this one, or one before it).
    pub serial: String,
    /// Its state.
    pub state: String,
    /// The state in words.
    pub state_name: String,
    /// When it was opened.
    pub opened_at: Timestamp,
    /// The fee arrangement (`warranty`, `billable`, `agreement:ID`).
    pub fee: Option<String>,
    /// The fee arrangement in words.
    pub fee_name: Option<String>,
    /// The earlier case it repeats (a repeat fault).
    pub repeat_of: Option<RepeatOf>,
    /// The visits to the unit.
    pub visits: Vec<VisitHistory>,
}

/// The earlier case a repeat fault repeats.
#[derive(Debug, Clone, Serialize)]
pub struct RepeatOf {
    /// That case's id.
    pub case: String,
    /// Days from its visit to this case's first arrival.
    pub days: i64,
}

/// A repeat fault: a case whose first arrival on site came within 90 days after a visit of
/// another case to the same serial.
#[derive(Debug, Clone, Serialize)]
pub struct Repeat {
    /// The case.
    pub case: String,
    /// The serial both visited.
    pub serial: String,
    /// The earlier case.
    pub previous_case: String,
    /// Days between the earlier visit and this case's first arrival.
    pub days: i64,
    /// The case reopens the earlier one (`svc reopen`): counted whether visited or not.
    pub reopened: bool,
}

/// A visit to the unit.
#[derive(Debug, Clone, Serialize)]
pub struct VisitHistory {
    /// The visit record.
    pub file: PathBuf,
    /// The day of the visit.
    pub date: NaiveDate,
    /// Arrival on site.
    pub arrived_at: Timestamp,
    /// The site id.
    pub site: String,
    /// The site's name.
    pub site_name: Option<String>,
    /// The engineers (ids).
    pub engineers: Vec<String>,
    /// Their names, in the same order.
    pub engineer_names: Vec<String>,
    /// The diagnosis, in one line.
    pub diagnosis: String,
    /// Whether the fault was resolved.
    pub resolved: bool,
    /// The warranty's last day for the unit visited.
    pub warranty_end: Option<NaiveDate>,
    /// Whether the unit was in warranty on the day.
    pub in_warranty: Option<bool>,
    /// The parts replaced.
    pub parts: Vec<PartSwapped>,
}

/// A `[[parts_replaced]]` entry.
#[derive(Debug, Clone, Serialize)]
pub struct PartSwapped {
    /// The catalog code.
    pub code: String,
    /// The part's name in the catalog.
    pub name: Option<String>,
    /// How many.
    pub qty: u32,
    /// The serials taken out.
    pub serial_out: Vec<String>,
    /// The serials put in.
    pub serial_in: Vec<String>,
}

/// Which way a serial moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Put into a unit.
    In,
    /// Taken out of a unit.
    Out,
}

/// One move of the serial.
#[derive(Debug, Clone, Serialize)]
pub struct Hop {
    /// The day of the visit.
    pub on: NaiveDate,
    /// Put in or taken out.
    pub direction: Direction,
    /// The units the visit served.
    pub units: Vec<String>,
    /// Their models, where known, in the same order.
    pub unit_models: Vec<Option<String>>,
    /// The serial it replaced (put in) or that replaced it (taken out).
    pub other: Option<String>,
    /// The catalog code.
    pub code: String,
    /// The part's name in the catalog.
    pub name: Option<String>,
    /// The case.
    pub case: String,
    /// Its title.
    pub case_title: Option<String>,
    /// The visit record.
    pub visit: PathBuf,
    /// The site id.
    pub site: String,
    /// The site's name.
    pub site_name: Option<String>,
}

/// The serials whose cases the history of `serial` needs: the serial and, for a unit, the
/// units before it.
pub fn serials_to_read(base: &InstalledBase, serial: &str) -> Vec<String> {
    let mut serials: Vec<String> = base.lineage(serial).iter().map(|r| r.old.clone()).collect();
    serials.push(serial.to_owned());
    serials
}

/// The history of `serial` (trimmed) from the installed base and the cases that concern
/// it, at `now`, names in `locale`; `None` when svc knows no product, part or case with
/// that serial.
pub fn history(
    ws: &Workspace,
    base: &InstalledBase,
    cases: &[Case],
    serial: &str,
    now: Timestamp,
    locale: Locale,
) -> Option<History> {
    let serial = serial.trim();
    let today = now.with_timezone(&ws.offset()).date_naive();
    let lineage = serials_to_read(base, serial);
    let mut listed: Vec<CaseHistory> = cases
        .iter()
        .filter_map(|c| case_history(ws, base, c, &lineage, locale))
        .collect();
    listed.sort_by(|a, b| (a.opened_at, &a.id).cmp(&(b.opened_at, &b.id)));
    let kind = if base.is_unit(serial) {
        Kind::Unit
    } else if base.knows(serial) {
        Kind::Part
    } else if !listed.is_empty() {
        Kind::Unlisted
    } else {
        return None;
    };
    let repeats = repeats(ws, cases, &listed, &lineage);
    for r in &repeats {
        if let Some(c) = listed.iter_mut().find(|c| c.id == r.case) {
            c.repeat_of = Some(RepeatOf {
                case: r.previous_case.clone(),
                days: r.days,
            });
        }
    }
    let unit = (kind == Kind::Unit)
        .then(|| base.unit(serial).map(|u| unit(ws, base, u, serial, today)))
        .flatten();
    let offset = ws.offset();
    let swap = |r: &Replacement| Swap {
        old: r.old.clone(),
        new: r.new.clone(),
        on: r.by.at.with_timezone(&offset).date_naive(),
        case: r.by.case.clone(),
        visit: r.by.visit.clone(),
        site: r.by.site.clone(),
    };
    let hops = base
        .moves_of(serial)
        .into_iter()
        .map(|m| {
            let put_in = m.serial_in.as_deref() == Some(serial);
            let case = cases.iter().find(|c| c.id() == m.case);
            let customer = case
                .and_then(|c| c.file.as_ref())
                .map(|f| f.customer.value.as_str());
            Hop {
                on: m.at.with_timezone(&offset).date_naive(),
                direction: if put_in {
                    Direction::In
                } else {
                    Direction::Out
                },
                units: m.units.clone(),
                unit_models: m
                    .units
                    .iter()
                    .map(|u| base.unit(u).map(|p| p.model.clone()))
                    .collect(),
                other: if put_in {
                    m.serial_out.clone()
                } else {
                    m.serial_in.clone()
                },
                code: m.code.clone(),
                name: part_name(ws, &m.code, locale),
                case: m.case.clone(),
                case_title: case.and_then(|c| c.file.as_ref()).map(|f| f.title.clone()),
                visit: m.visit.clone(),
                site: m.site.clone(),
                site_name: customer.and_then(|c| site(ws, c, &m.site)).map(|s| s.0),
            }
        })
        .collect();
    Some(History {
        serial: serial.to_owned(),
        kind,
        today,
        unit,
        replaces: base.lineage(serial).into_iter().map(swap).collect(),
        replaced_by: base.replaced_by(serial).map(swap),
        installed_now: base.now_in_place_of(serial).map(str::to_owned),
        cases: listed,
        repeats,
        hops,
    })
}

fn unit(
    ws: &Workspace,
    base: &InstalledBase,
    listing: &Installed,
    serial: &str,
    today: NaiveDate,
) -> Unit {
    let listed = listing.serial == serial;
    let (customer_name, customer_name_en) = names::customer(ws, &listing.customer);
    let place = site(ws, &listing.customer, &listing.site);
    let installed_on = if listed {
        listing.installed_on
    } else {
        base.lineage(serial)
            .last()
            .map(|r| r.by.at.with_timezone(&ws.offset()).date_naive())
    };
    Unit {
        listed_as: listing.serial.clone(),
        listed,
        customer: listing.customer.clone(),
        customer_name,
        customer_name_en,
        site: listing.site.clone(),
        site_name: place.as_ref().map(|p| p.0.clone()),
        city: place.map(|p| p.1),
        model: listing.model.clone(),
        installed_on,
        warranty_end: listing.warranty_end,
        in_warranty: today <= listing.warranty_end,
    }
}

/// A site's name and city from its customer's file.
fn site(ws: &Workspace, customer: &str, id: &str) -> Option<(String, String)> {
    ws.customers
        .get(customer)?
        .sites
        .iter()
        .find(|s| s.id.value == id)
        .map(|s| (s.name.clone(), s.city.clone()))
}

/// A part's name in the catalog, in `locale`.
fn part_name(ws: &Workspace, code: &str, locale: Locale) -> Option<String> {
    let part = ws.parts.get(code)?;
    Some(names::in_locale(&part.name, part.name_en.as_deref(), locale).to_owned())
}

/// The serials of `lineage` that `case` concerns: the product it was opened on, and those
/// its visits served.
fn concerned(case: &Case, lineage: &[String]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let opened = case.file.as_ref().and_then(|f| f.product.as_ref());
    for s in opened
        .into_iter()
        .chain(case.visits.iter().flat_map(|v| &v.products))
    {
        let s = s.value.trim();
        if lineage.iter().any(|l| l == s) {
            found.insert(s.to_owned());
        }
    }
    found
}

fn case_history(
    ws: &Workspace,
    base: &InstalledBase,
    case: &Case,
    lineage: &[String],
    locale: Locale,
) -> Option<CaseHistory> {
    let file = case.file.as_ref()?;
    let concerned = concerned(case, lineage);
    let opened_on = file
        .product
        .as_ref()
        .map(|p| p.value.trim())
        .filter(|p| concerned.contains(*p));
    let serial = opened_on
        .map(str::to_owned)
        .or_else(|| concerned.iter().next().cloned())?;
    let offset = ws.offset();
    let visits = case
        .visits
        .iter()
        .filter_map(|v| {
            let served = v
                .products
                .iter()
                .map(|p| p.value.trim())
                .find(|p| concerned.contains(*p))
                .or(opened_on.filter(|_| v.products.is_empty()))?;
            let date = v.arrived_at.value.with_timezone(&offset).date_naive();
            let warranty_end = base.unit(served).map(|u| u.warranty_end);
            let engineers: Vec<String> = v.engineers.iter().map(|e| e.value.clone()).collect();
            Some(VisitHistory {
                file: v.source.path.clone(),
                date,
                arrived_at: v.arrived_at.value,
                site: v.site.value.clone(),
                site_name: site(ws, &file.customer.value, &v.site.value).map(|s| s.0),
                engineer_names: engineers.iter().map(|e| names::person(ws, e)).collect(),
                engineers,
                diagnosis: one_line(&v.diagnosis),
                resolved: v.resolved,
                warranty_end,
                in_warranty: warranty_end.map(|end| date <= end),
                parts: v
                    .parts_replaced
                    .iter()
                    .map(|p| PartSwapped {
                        code: p.code.value.clone(),
                        name: part_name(ws, &p.code.value, locale),
                        qty: p.qty.0,
                        serial_out: asset::serials(p.serial_out.as_deref()),
                        serial_in: asset::serials(p.serial_in.as_deref()),
                    })
                    .collect(),
            })
        })
        .collect();
    let state = file.state.value.as_str();
    Some(CaseHistory {
        id: file.id.value.clone(),
        title: file.title.clone(),
        serial,
        state: state.to_owned(),
        state_name: label(locale, &format!("state_{state}")).to_owned(),
        opened_at: file.opened_at.value,
        fee: file.fee.as_ref().map(|f| f.value.clone()),
        fee_name: file
            .fee
            .as_ref()
            .map(|f| names::fee_arrangement(&f.value, locale)),
        repeat_of: None,
        visits,
    })
}

/// The repeat faults among the cases listed, as the monthly analysis counts them: a case's
/// first arrival (at any site) within 90 days after an arrival of another case on a serial
/// both concern; the latest such visit is the one repeated.
fn repeats(
    ws: &Workspace,
    cases: &[Case],
    listed: &[CaseHistory],
    lineage: &[String],
) -> Vec<Repeat> {
    let offset = ws.offset();
    let facts: Vec<(&str, BTreeSet<String>, Vec<Timestamp>)> = listed
        .iter()
        .filter_map(|l| {
            let case = cases.iter().find(|c| c.id() == l.id)?;
            let arrivals = case.visits.iter().map(|v| v.arrived_at.value).collect();
            Some((l.id.as_str(), concerned(case, lineage), arrivals))
        })
        .collect();
    let window = Duration::days(REPEAT_WINDOW_DAYS);
    let mut found = Vec::new();
    for (id, serials, arrivals) in &facts {
        let case = cases.iter().find(|c| c.id() == *id);
        let reopens = case
            .and_then(|c| c.file.as_ref())
            .and_then(|f| f.reopens.as_ref())
            .map(|r| r.value.as_str());
        if let Some(old) = reopens.filter(|old| facts.iter().any(|(other, ..)| other == old)) {
            let day = |c: Option<&Case>, last: bool| {
                let c = c?;
                let visits = c.visits.iter().map(|v| v.arrived_at.value);
                let at = if last { visits.max() } else { visits.min() };
                let at = at.or_else(|| c.request.as_ref().map(|r| r.received_at.value))?;
                Some(at.with_timezone(&offset).date_naive())
            };
            let before = cases.iter().find(|c| c.id() == old);
            let days = match (day(before, true), day(case, false)) {
                (Some(a), Some(b)) => (b - a).num_days(),
                _ => 0,
            };
            found.push(Repeat {
                case: (*id).to_owned(),
                serial: serials.iter().next().cloned().unwrap_or_default(),
                previous_case: old.to_owned(),
                days,
                reopened: true,
            });
            continue;
        }
        let Some(&first) = arrivals.iter().min() else {
            continue;
        };
        let earlier = facts
            .iter()
            .filter(|(other, ..)| other != id)
            .filter_map(|(other, theirs, at)| {
                let serial = serials.intersection(theirs).next()?;
                let visit = at
                    .iter()
                    .copied()
                    .filter(|a| *a < first && first - *a <= window)
                    .max()?;
                Some((visit, *other, serial))
            })
            .max_by_key(|(visit, ..)| *visit);
        if let Some((visit, previous, serial)) = earlier {
            found.push(Repeat {
                case: (*id).to_owned(),
                serial: serial.clone(),
                previous_case: previous.to_owned(),
                days: (first.with_timezone(&offset).date_naive()
                    - visit.with_timezone(&offset).date_naive())
                .num_days(),
                reopened: false,
            });
        }
    }
    found
}

/// A text written over several lines, as one line.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::asset::Mentions;
    use std::path::Path;

    const CUSTOMER: &str = r#"id = "gd"
name = "广东某电信"
name_en = "A Guangdong telecom"

[[sites]]
id = "gz"
name = "天河机房"
city = "广州"

[[sites]]
id = "fs"
name = "禅城机房"
city = "佛山"

[[products]]
serial = "OLD"
model = "NT-3600 OLT"
site = "gz"
installed_on = 2022-03-15
warranty_end = 2025-03-14

[[products]]
serial = "B"
model = "NT-3600 OLT"
site = "fs"
installed_on = 2025-01-10
warranty_end = 2028-01-09
"#;

    /// A visit written by [`workspace`]: file name, arrival, `products`, `[[parts_replaced]]`.
    type VisitText<'a> = (&'a str, &'a str, &'a str, &'a str);

    /// A workspace of one customer, one person and a part, with cases written as (id, the
    /// product case.toml names, visits).
    fn workspace(
        cases: &[(&str, &str, &[VisitText])],
    ) -> (tempfile::TempDir, Workspace, Vec<Case>) {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "svc.toml",
            "timezone = \"+08:00\"\n\n[company]\nname = \"厂\"\nhome_city = \"深圳\"\n",
        );
        write(
            "people.toml",
            "[[person]]\nid = \"wang\"\nname = \"王强\"\nemail = \"w@example.com\"\ndepartment = \"客服\"\nroles = [\"engineer\"]\n",
        );
        write(
            "catalog/parts.toml",
            "[[part]]\ncode = \"SFP\"\nname = \"光模块\"\nname_en = \"optical module\"\nunit = \"个\"\nprice = \"260.00\"\n",
        );
        write("catalog/rates.toml", "");
        write("customers/gd.toml", CUSTOMER);
        let mut dirs = Vec::new();
        for (id, product, visits) in cases {
            let folder = format!("cases/2026/{}/{id}", &id[7..9]);
            write(
                &format!("{folder}/case.toml"),
                &format!(
                    "id = \"{id}\"\ntitle = \"{id} 告警\"\ncustomer = \"gd\"\nproduct = \"{product}\"\nstate = \"serviced\"\nopened_at = 2026-{}-01T09:00:00+08:00\nopened_by = \"wang\"\nfee = \"warranty\"\n",
                    &id[7..9]
                ),
            );
            for (file, arrived, products, parts) in *visits {
                write(
                    &format!("{folder}/visits/{file}.toml"),
                    &format!(
                        "site = \"gz\"\narrived_at = {arrived}\nleft_at = {arrived}\nengineers = [\"wang\"]\nproducts = [{products}]\nsymptoms = \"s\"\ndiagnosis = \"\"\"\n光模块\n老化\n\"\"\"\ncause = \"wear\"\nwork_done = \"w\"\nresolved = true\n{parts}"
                    ),
                );
            }
            dirs.push(PathBuf::from(folder));
        }
        let ws = Workspace::open(dir.path());
        let loaded = dirs
            .iter()
            .map(|d| crate::workspace::case::load(dir.path(), d))
            .collect();
        (dir, ws, loaded)
    }

    fn base_of(ws: &Workspace, cases: &[Case]) -> InstalledBase {
        let mentions: Vec<Mentions> = cases.iter().map(Mentions::of).collect();
        InstalledBase::of(ws, &mentions)
    }

    fn now() -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-12-15T12:00:00+08:00").unwrap()
    }

    fn part(out: &str, into: &str) -> String {
        format!(
            "\n[[parts_replaced]]\ncode = \"SFP\"\nqty = 1\nserial_out = \"{out}\"\nserial_in = \"{into}\"\n"
        )
    }

    #[test]
    fn a_units_cases_in_time_order_with_warranty_parts_and_repeats() {
        let swap = part("P-OUT", "P-IN");
        let (_dir, ws, cases) = workspace(&[
            (
                "SR-20261102-BBBBBB",
                "OLD",
                &[("01-gz", "2026-11-03T10:00:00+08:00", "\"OLD\"", "")],
            ),
            (
                "SR-20261001-AAAAAA",
                "OLD",
                &[("01-gz", "2026-10-02T10:00:00+08:00", "\"OLD\"", &swap)],
            ),
        ]);
        let base = base_of(&ws, &cases);
        let h = history(&ws, &base, &cases, " OLD ", now(), Locale::En).unwrap();
        assert_eq!(h.kind, Kind::Unit);
        let unit = h.unit.as_ref().unwrap();
        assert!(unit.listed && !unit.in_warranty);
        assert_eq!(unit.site_name.as_deref(), Some("天河机房"));
        let ids: Vec<&str> = h.cases.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["SR-20261001-AAAAAA", "SR-20261102-BBBBBB"]);
        let visit = &h.cases[0].visits[0];
        assert_eq!(visit.diagnosis, "光模块 老化");
        assert_eq!(visit.engineer_names, ["王强"]);
        assert_eq!(visit.in_warranty, Some(false));
        assert_eq!(visit.parts[0].name.as_deref(), Some("optical module"));
        assert_eq!(visit.parts[0].serial_in, ["P-IN"]);
        assert_eq!(h.cases[0].fee_name.as_deref(), Some("warranty (free)"));
        // 32 days from the first visit to the second case's first: a repeat, as the
        // monthly report counts it.
        assert_eq!(h.repeats.len(), 1);
        assert_eq!(h.repeats[0].previous_case, "SR-20261001-AAAAAA");
        assert_eq!(h.repeats[0].days, 32);
        assert!(h.cases[1].repeat_of.is_some() && h.cases[0].repeat_of.is_none());
        assert_eq!(h.installed_now.as_deref(), Some("OLD"));
    }

    #[test]
    fn a_replacement_unit_carries_on_the_history_of_the_one_it_replaced() {
        let swap = part("OLD", "NEW");
        let (_dir, ws, cases) = workspace(&[(
            "SR-20261101-AAAAAA",
            "OLD",
            &[("01-gz", "2026-11-12T10:00:00+08:00", "\"OLD\"", &swap)],
        )]);
        let base = base_of(&ws, &cases);
        let old = history(&ws, &base, &cases, "OLD", now(), Locale::En).unwrap();
        let by = old.replaced_by.as_ref().unwrap();
        assert_eq!(
            (by.new.as_deref(), by.on.to_string().as_str()),
            (Some("NEW"), "2026-11-12")
        );
        assert_eq!(old.installed_now.as_deref(), Some("NEW"));

        let new = history(&ws, &base, &cases, "NEW", now(), Locale::En).unwrap();
        assert_eq!(new.kind, Kind::Unit);
        let unit = new.unit.as_ref().unwrap();
        assert!(!unit.listed);
        assert_eq!(
            (unit.listed_as.as_str(), unit.model.as_str()),
            ("OLD", "NT-3600 OLT")
        );
        assert_eq!(
            unit.installed_on.map(|d| d.to_string()).as_deref(),
            Some("2026-11-12")
        );
        assert_eq!(new.replaces.len(), 1);
        // The old unit's case is part of the new one's history.
        assert_eq!(new.cases.len(), 1);
        assert_eq!(new.cases[0].serial, "OLD");
        assert!(new.replaced_by.is_none());
    }

    #[test]
    fn a_part_moved_between_units_shows_each_hop_in_order() {
        let (into_a, out_of_a) = (part("P-0", "P"), part("P", "Q"));
        let into_b = part("P-9", "P");
        let (_dir, ws, cases) = workspace(&[
            (
                "SR-20261001-AAAAAA",
                "OLD",
                &[("01-gz", "2026-10-02T10:00:00+08:00", "\"OLD\"", &into_a)],
            ),
            (
                "SR-20261120-BBBBBB",
                "OLD",
                &[
                    ("01-gz", "2026-11-21T10:00:00+08:00", "\"OLD\"", &out_of_a),
                    ("02-fs", "2026-11-22T10:00:00+08:00", "\"B\"", &into_b),
                ],
            ),
        ]);
        let base = base_of(&ws, &cases);
        let h = history(&ws, &base, &cases, "P", now(), Locale::En).unwrap();
        assert_eq!(h.kind, Kind::Part);
        assert!(h.unit.is_none());
        let hops: Vec<(Direction, &str, Option<&str>)> = h
            .hops
            .iter()
            .map(|m| (m.direction, m.units[0].as_str(), m.other.as_deref()))
            .collect();
        assert_eq!(
            hops,
            [
                (Direction::In, "OLD", Some("P-0")),
                (Direction::Out, "OLD", Some("Q")),
                (Direction::In, "B", Some("P-9")),
            ]
        );
        assert_eq!(
            h.hops[2].case_title.as_deref(),
            Some("SR-20261120-BBBBBB 告警")
        );
    }

    #[test]
    fn a_serial_nobody_knows_has_no_history() {
        let (_dir, ws, cases) = workspace(&[]);
        let base = base_of(&ws, &cases);
        assert!(history(&ws, &base, &cases, "NOPE", now(), Locale::En).is_none());
        assert!(history(&ws, &base, &cases, "B", now(), Locale::En).is_some());
        assert!(Path::new(&ws.root).exists());
    }
}
