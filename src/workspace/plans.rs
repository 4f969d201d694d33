//! The workspace's maintenance plans: `plans/<id>.toml`, read once when the workspace
//! opens (a company keeps tens of them, not thousands). What a plan file says by itself —
//! its id against its name, its recurrence rule, its lead time, what it covers — is judged
//! then; what it names in other files (the customer, its agreement, site and serials, the
//! engineer) is judged with the rest of the shared files, when every customer is read.

use super::{Loaded, Workspace, is_link, link_finding, suggest};
use crate::forms::decode::Sp;
use crate::forms::finding::{Finding, Location};
use crate::forms::plan::{PLANS_DIR, Plan, parse_lead};
use crate::t;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Read every `plans/<id>.toml`; problems go to the workspace's findings. A plan with an
/// error of its own (an id that is not its file's name, a rule that cannot be read) is
/// reported and left out of use: the second list, whose names are still checked.
pub(super) fn load(ws: &mut Workspace) -> (BTreeMap<String, Loaded<Plan>>, Vec<Loaded<Plan>>) {
    let mut plans = BTreeMap::new();
    let mut unusable = Vec::new();
    let dir = Path::new(PLANS_DIR);
    if is_link(&ws.root, dir) {
        ws.findings.push(link_finding(&ws.root, dir));
        return (plans, unusable);
    }
    let path = ws.root.join(dir);
    if !path.exists() {
        return (plans, unusable);
    }
    let Some(names) = super::listed_names(&ws.root, dir) else {
        ws.findings.push(
            Finding::error("layout", Location::file(dir), t!("ws-plan-not-folder"))
                .hint(t!("ws-plan-not-folder-hint")),
        );
        return (plans, unusable);
    };
    for name in names {
        let rel: PathBuf = dir.join(&name);
        let Some(stem) = name.strip_suffix(".toml") else {
            ws.findings.push(
                Finding::warning(
                    "layout",
                    Location::file(&rel),
                    t!("ws-plan-ignored", file = rel.display().to_string()),
                )
                .hint(t!("ws-plan-ignored-hint")),
            );
            continue;
        };
        let Some(plan) = ws.load::<Plan>(&rel) else {
            continue;
        };
        let found = own_findings(&plan, stem);
        let usable = !found.iter().any(Finding::is_error);
        ws.findings.extend(found);
        if usable {
            plans.insert(stem.to_owned(), plan);
        } else {
            unusable.push(plan);
        }
    }
    (plans, unusable)
}

/// What is wrong in a plan file by itself.
fn own_findings(plan: &Loaded<Plan>, stem: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    let id = &plan.id;
    if id.value != stem {
        found.push(
            Finding::error(
                "id",
                plan.at(id.span),
                t!(
                    "ws-plan-id-name",
                    id = &id.value,
                    file = format!("{stem}.toml")
                ),
            )
            .hint(t!("ws-plan-id-name-hint", stem = stem)),
        );
    }
    if !super::is_safe_id(&id.value) {
        found.push(
            Finding::error(
                "id",
                plan.at(id.span),
                t!(
                    "ws-plan-id-chars",
                    id = crate::forms::text::visible(&id.value).into_owned()
                ),
            )
            .hint(t!("ws-plan-id-chars-hint")),
        );
    }
    if let Err(why) = plan.recurrence() {
        let until_wrong = plan.until.as_ref().filter(|u| u.value < plan.start.value);
        let span = until_wrong.map_or(plan.rrule.span, |u| u.span);
        found.push(
            Finding::error("schema", plan.at(span), t!("ws-plan-rrule", why = why))
                .hint(t!("ws-plan-rrule-hint")),
        );
    }
    if let Some(lead) = &plan.lead
        && parse_lead(&lead.value).is_none()
    {
        found.push(
            Finding::error(
                "schema",
                plan.at(lead.span),
                t!("ws-plan-lead", lead = &lead.value),
            )
            .hint(t!("ws-plan-lead-hint")),
        );
    }
    match (&plan.model, plan.serials.is_empty()) {
        (None, true) => found.push(
            Finding::error("schema", plan.at(plan.span), t!("ws-plan-covers-nothing"))
                .hint(t!("ws-plan-covers-hint")),
        ),
        (Some(model), false) => found.push(
            Finding::error("schema", plan.at(model.span), t!("ws-plan-covers-both"))
                .hint(t!("ws-plan-covers-hint")),
        ),
        _ => {}
    }
    if plan.task.value.trim().is_empty() {
        found.push(
            Finding::error("schema", plan.at(plan.task.span), t!("ws-plan-no-task"))
                .hint(t!("ws-plan-no-task-hint")),
        );
    }
    found
}

impl Workspace {
    /// What the plans name that is not there: their customer, its agreement, site or
    /// serials, a model it has none of (a warning), the engineer.
    pub(super) fn plan_ref_findings(&self) -> Vec<Finding> {
        let mut found = Vec::new();
        for plan in self.plans.values().chain(&self.unusable_plans) {
            if let Some(engineer) = &plan.engineer {
                found.extend(self.person_ref(plan, engineer, &t!("ws-plan-engineer")));
            }
            let Some(customer) = self.customers.get(&plan.customer.value) else {
                found.push(
                    Finding::error(
                        "ref",
                        plan.at(plan.customer.span),
                        t!("ws-plan-no-customer", customer = &plan.customer.value),
                    )
                    .hint_opt(suggest(
                        &plan.customer.value,
                        self.customers.keys().map(String::as_str),
                    )),
                );
                continue;
            };
            let name = &customer.id.value;
            // A name the customer's file does not list: an error where the plan writes it,
            // with the closest of those it lists.
            let unknown = |value: &Sp<String>, message: String, known: Vec<&str>| {
                Finding::error("ref", plan.at(value.span), message)
                    .hint_opt(suggest(&value.value, known))
            };
            let agreements: Vec<&str> = customer
                .agreements
                .iter()
                .map(|a| a.id.value.as_str())
                .collect();
            if let Some(agreement) = &plan.agreement
                && !agreements.contains(&agreement.value.as_str())
            {
                found.push(unknown(
                    agreement,
                    t!(
                        "ws-plan-no-agreement",
                        agreement = &agreement.value,
                        customer = name
                    ),
                    agreements,
                ));
            }
            let sites: Vec<&str> = customer.sites.iter().map(|s| s.id.value.as_str()).collect();
            if let Some(site) = &plan.site
                && !sites.contains(&site.value.as_str())
            {
                found.push(unknown(
                    site,
                    t!("ws-plan-no-site", site = &site.value, customer = name),
                    sites,
                ));
            }
            let serials: Vec<&str> = customer
                .products
                .iter()
                .map(|p| p.serial.value.as_str())
                .collect();
            for serial in &plan.serials {
                if !serials.iter().any(|p| p.trim() == serial.value.trim()) {
                    found.push(unknown(
                        serial,
                        t!("ws-plan-no-serial", serial = &serial.value, customer = name),
                        serials.clone(),
                    ));
                }
            }
            if let Some(model) = &plan.model
                && !customer.products.iter().any(|p| {
                    p.model == model.value
                        && plan.site.as_ref().is_none_or(|s| s.value == p.site.value)
                })
            {
                found.push(
                    Finding::warning(
                        "ref",
                        plan.at(model.span),
                        t!("ws-plan-no-model", model = &model.value, customer = name),
                    )
                    .hint(t!("ws-plan-no-model-hint")),
                );
            }
        }
        found
    }
}
