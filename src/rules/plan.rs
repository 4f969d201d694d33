//! Planned maintenance: what a plan covers, the occurrences it gives in a window, the
//! case each one opens, and rule `8.1-plan` (one case per occurrence per unit).
//!
//! A plan covers places, not serials: each unit a customer file lists is a place, and
//! when a visit replaces the unit, the unit put in stands in the same place
//! ([`InstalledBase`]). An occurrence is (plan, date, place); its case is opened on the
//! unit in the place now, and its id is made of those three alone — so two clones that
//! open the same occurrence offline make the same case, whatever either knew of a
//! replacement, and `svc sync` sees one case where two were opened.

use super::Context;
use super::asset::{InstalledBase, Mentions};
use crate::forms::finding::{Finding, Location};
use crate::forms::plan::{Plan, stable_suffix};
use crate::t;
use crate::workspace::Workspace;
use crate::workspace::case::Case;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A unit a plan covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Covered {
    /// The place: the serial the customer's file lists.
    pub place: String,
    /// The unit standing there now.
    pub serial: String,
    /// The unit's site.
    pub site: String,
    /// The unit's model.
    pub model: String,
}

/// One date of a plan for one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    /// The plan's id.
    pub plan: String,
    /// The date.
    pub date: NaiveDate,
    /// The unit.
    #[serde(flatten)]
    pub unit: Covered,
}

impl Occurrence {
    /// The id of the case opened for it: `{prefix}-{yyyymmdd}-{suffix}`, the suffix a
    /// fixed hash of the plan, the date and the place ([`stable_suffix`]).
    pub fn case_id(&self, prefix: &str) -> String {
        format!(
            "{prefix}-{}-{}",
            self.date.format("%Y%m%d"),
            stable_suffix(&self.plan, self.date, &self.unit.place)
        )
    }

    /// The case folder, under the month of the occurrence (the month of the id's date).
    pub fn case_dir(&self, prefix: &str) -> PathBuf {
        PathBuf::from(crate::workspace::case::CASES_DIR)
            .join(self.date.format("%Y").to_string())
            .join(self.date.format("%m").to_string())
            .join(self.case_id(prefix))
    }
}

/// The units `plan` covers, in the order the customer lists them: every unit of its model
/// (at its site, when it names one), or the serials it lists — each the unit now standing
/// where the listed one stood. A place left empty by a visit is covered no more.
pub fn covered(plan: &Plan, base: &InstalledBase) -> Vec<Covered> {
    let customer = plan.customer.value.as_str();
    let site = plan.site.as_ref().map(|s| s.value.as_str());
    let places: Vec<String> = match &plan.model {
        Some(model) => base
            .products()
            .filter(|p| p.customer == customer && p.model == model.value)
            .map(|p| p.serial.clone())
            .collect(),
        None => plan
            .serials
            .iter()
            .filter_map(|s| base.unit(s.value.trim()))
            .filter(|p| p.customer == customer)
            .map(|p| p.serial.clone())
            .collect(),
    };
    let mut units: Vec<Covered> = Vec::new();
    for place in places {
        let Some(listed) = base.product(&place) else {
            continue;
        };
        if site.is_some_and(|s| s != listed.site) || units.iter().any(|u| u.place == place) {
            continue;
        }
        let Some(now) = base.now_in_place_of(&place) else {
            continue;
        };
        units.push(Covered {
            place: place.clone(),
            serial: now.to_owned(),
            site: listed.site.clone(),
            model: listed.model.clone(),
        });
    }
    units
}

/// The occurrences of `plan` from `from` to `to` (both included), date by date, each for
/// every unit it covers. A plan whose rule cannot be read gives none (its file is
/// reported).
pub fn occurrences(
    plan: &Plan,
    base: &InstalledBase,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Occurrence> {
    let Ok(recurrence) = plan.recurrence() else {
        return Vec::new();
    };
    let units = covered(plan, base);
    let mut all = Vec::new();
    for date in recurrence.between(from.max(plan.start.value), to) {
        for unit in &units {
            all.push(Occurrence {
                plan: plan.id.value.clone(),
                date,
                unit: unit.clone(),
            });
        }
    }
    all
}

/// The case opened for an occurrence, as the workspace's cases say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Opened {
    /// The case id.
    pub case: String,
    /// The case folder.
    pub dir: PathBuf,
}

/// Which occurrence (plan, date, place) each preventive case was opened for, from what
/// every case says (the first case in folder order, when two were: rule `8.1-plan`
/// reports the others).
pub fn opened(
    base: &InstalledBase,
    cases: &[Mentions],
) -> BTreeMap<(String, NaiveDate, String), Opened> {
    let mut found = BTreeMap::new();
    for m in cases {
        if let Some(key) = key_of(base, m) {
            found.entry(key).or_insert_with(|| Opened {
                case: case_id(m),
                dir: m.dir.clone(),
            });
        }
    }
    found
}

fn case_id(m: &Mentions) -> String {
    m.opened.as_ref().map_or_else(
        || {
            m.dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        },
        |o| o.case.clone(),
    )
}

/// The occurrence a case stands for: its plan, date, and the place of its product.
fn key_of(base: &InstalledBase, m: &Mentions) -> Option<(String, NaiveDate, String)> {
    let (plan, date) = m.plan.clone()?;
    let serial = m
        .opened
        .as_ref()
        .map(|o| o.serial.clone())
        .unwrap_or_default();
    let place = base.unit(&serial).map_or(serial, |u| u.serial.clone());
    Some((plan, date, place))
}

/// Rule `8.1-plan` across cases: two cases for one occurrence of a plan on one unit are
/// errors, each naming the other (a merge, or a folder made by hand, can bring them).
pub fn duplicates(base: &InstalledBase, cases: &[Mentions]) -> Vec<Finding> {
    let mut by_key: BTreeMap<(String, NaiveDate, String), Vec<&Mentions>> = BTreeMap::new();
    for m in cases {
        if let Some(key) = key_of(base, m) {
            by_key.entry(key).or_default().push(m);
        }
    }
    let mut found = Vec::new();
    for ((plan, date, place), users) in by_key.into_iter().filter(|(_, u)| u.len() > 1) {
        for m in &users {
            let others: Vec<String> = users
                .iter()
                .filter(|o| o.dir != m.dir)
                .map(|o| case_id(o))
                .collect();
            let location = m.opened.as_ref().map_or_else(
                || Location::file(m.dir.join("case.toml")),
                |o| o.location.clone(),
            );
            let mut f = Finding::error(
                "8.1-plan",
                Location::file(location.file.clone()),
                t!(
                    "rule-plan-twice",
                    plan = &plan,
                    date = date.to_string(),
                    serial = &place,
                    others = others.join(", ")
                ),
            )
            .hint(t!("rule-plan-twice-hint"));
            f.case = Some(case_id(m));
            found.push(f);
        }
    }
    found
}

/// Rule `8.1-plan` on one case: its `[plan]` names a plan of the workspace (a warning: the
/// plan may have been retired since).
pub fn r8_1_plan_exists(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let Some(file) = &case.file else { return };
    let Some(link) = &file.plan else { return };
    if cx.ws.plans.contains_key(&link.id.value) {
        return;
    }
    out.push(
        Finding::warning(
            "8.1-plan",
            file.at(link.id.span),
            t!("rule-plan-unknown", plan = &link.id.value),
        )
        .hint_opt(
            crate::workspace::suggest(&link.id.value, cx.ws.plans.keys().map(String::as_str))
                .or_else(|| Some(t!("rule-plan-unknown-hint"))),
        ),
    );
}

/// Where a plan's occurrence stands: due (no case yet, overdue when its date has passed),
/// or opened, with its case.
#[derive(Debug, Clone, Serialize)]
pub struct Scheduled {
    /// The occurrence.
    #[serde(flatten)]
    pub occurrence: Occurrence,
    /// The case opened for it.
    pub case: Option<Opened>,
    /// Whether its date is before today and no case was opened.
    pub overdue: bool,
}

/// Every occurrence of every plan from its start up to `to`, with the case opened for it
/// where there is one; `today` decides what is overdue. Plans in id order, each by date.
pub fn schedule(
    ws: &Workspace,
    base: &InstalledBase,
    cases: &[Mentions],
    today: NaiveDate,
    to: NaiveDate,
) -> Vec<Scheduled> {
    let opened = opened(base, cases);
    let mut all = Vec::new();
    for plan in ws.plans.values() {
        for occurrence in occurrences(plan, base, plan.start.value, to) {
            let key = (
                occurrence.plan.clone(),
                occurrence.date,
                occurrence.unit.place.clone(),
            );
            let case = opened.get(&key).cloned();
            all.push(Scheduled {
                overdue: case.is_none() && occurrence.date < today,
                case,
                occurrence,
            });
        }
    }
    all
}
