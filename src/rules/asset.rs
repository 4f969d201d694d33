//! The installed base as the visits left it, and rule `asset`.
//!
//! `customers/<id>.toml` lists the products each customer had installed; svc never
//! rewrites it. What the visits did since is read from their records: every
//! `[[parts_replaced]]` entry moves serials (`serial_out` taken out, `serial_in` put in;
//! either may be a comma-separated list, paired by position). An entry whose `serial_out`
//! is the serial of a unit in service — an installed product, or a unit that took the
//! place of one — replaces the whole unit: the serial put in takes its place (its
//! customer, site and model), and the one taken out is out of service. Every other entry
//! swaps a part inside the units the visit served. Serials compare exactly, after trimming.
//!
//! [`InstalledBase`] is that derivation, a pure function of the installed products and
//! the moves of every case; [`replaced_unit`] is rule `asset`: a new case opened on a unit
//! that a visit had already replaced is told the serial installed in its place. The rule
//! spans cases, so the whole-workspace run ([`super::validate`]) judges it after reading
//! every case; a [`Context`] without the installed base ([`Context::new`]) finds nothing.

use super::Context;
use crate::forms::decode::Timestamp;
use crate::forms::finding::{Finding, Location};
use crate::t;
use crate::workspace::Workspace;
use crate::workspace::case::Case;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// One serial moved on a visit: taken out, put in, or one in place of the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Move {
    /// The case whose visit made it.
    pub case: String,
    /// The visit record, relative to the workspace root.
    pub visit: PathBuf,
    /// The visit's site id.
    pub site: String,
    /// When the engineer arrived on site: the moment the move is dated by.
    pub at: Timestamp,
    /// The part's catalog code.
    pub code: String,
    /// The units the visit served (its `products`, else the case's product).
    pub units: Vec<String>,
    /// The serial taken out.
    pub serial_out: Option<String>,
    /// The serial put in.
    pub serial_in: Option<String>,
}

impl Move {
    /// Whether the move takes out or puts in `serial`.
    pub fn moves(&self, serial: &str) -> bool {
        self.serial_out.as_deref() == Some(serial) || self.serial_in.as_deref() == Some(serial)
    }
}

/// The serials of a `serial_out` or `serial_in` field: separated by commas (`,`, `，`
/// or `、`), each trimmed, none empty.
pub fn serials(text: Option<&str>) -> Vec<String> {
    text.unwrap_or_default()
        .split([',', '，', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every serial the visits of `case` moved, in the order written: each
/// `[[parts_replaced]]` entry's serials out and in, paired by position (a list longer than
/// the other leaves its last serials unpaired).
pub fn moves_of(case: &Case) -> Vec<Move> {
    let id = case.id().to_owned();
    let product = case
        .file
        .as_ref()
        .and_then(|f| f.product.as_ref())
        .map(|p| p.value.trim().to_owned());
    let mut moves = Vec::new();
    for visit in &case.visits {
        let mut units: Vec<String> = visit
            .products
            .iter()
            .map(|p| p.value.trim().to_owned())
            .collect();
        if units.is_empty() {
            units.extend(product.clone());
        }
        for part in &visit.parts_replaced {
            let out = serials(part.serial_out.as_deref());
            let into = serials(part.serial_in.as_deref());
            for i in 0..out.len().max(into.len()) {
                moves.push(Move {
                    case: id.clone(),
                    visit: visit.source.path.clone(),
                    site: visit.site.value.clone(),
                    at: visit.arrived_at.value,
                    code: part.code.value.clone(),
                    units: units.clone(),
                    serial_out: out.get(i).cloned(),
                    serial_in: into.get(i).cloned(),
                });
            }
        }
    }
    moves
}

/// What a case says about serials: the product it was opened on, the units its visits
/// served, and what those visits moved. Small, and kept in the workspace's index with the
/// rest of what reading the case gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mentions {
    /// The case folder, relative to the root.
    pub dir: PathBuf,
    /// The product `case.toml` names.
    pub opened: Option<Opened>,
    /// The serials the visit records list in `products`.
    pub served: Vec<String>,
    /// What the visits moved.
    pub moves: Vec<Move>,
    /// The plan occurrence a preventive case was opened for: the plan's id and the date.
    pub plan: Option<(String, NaiveDate)>,
}

impl Mentions {
    /// What `case` says about serials.
    pub fn of(case: &Case) -> Mentions {
        let mut served: Vec<String> = Vec::new();
        for p in case.visits.iter().flat_map(|v| &v.products) {
            let serial = p.value.trim();
            if !served.iter().any(|s| s == serial) {
                served.push(serial.to_owned());
            }
        }
        Mentions {
            dir: case.dir.clone(),
            opened: Opened::of(case),
            served,
            moves: moves_of(case),
            plan: case
                .file
                .as_ref()
                .and_then(|f| f.plan.as_ref())
                .map(|p| (p.id.value.clone(), p.occurrence.value)),
        }
    }

    /// Whether the case is about `serial`: opened on it, a visit served it, or moved it.
    pub fn concerns(&self, serial: &str) -> bool {
        self.opened.as_ref().is_some_and(|o| o.serial == serial)
            || self.served.iter().any(|s| s == serial)
            || self.moves.iter().any(|m| m.moves(serial))
    }
}

/// The product a case was opened on (`product` in `case.toml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The case id.
    pub case: String,
    /// The serial, trimmed.
    pub serial: String,
    /// When the case was opened.
    pub at: Timestamp,
    /// Whether the case is still open (not archived, cancelled or resolved by phone).
    pub open: bool,
    /// Where `product` is written.
    pub location: Location,
}

impl Opened {
    /// The product `case` was opened on, when its `case.toml` names one.
    pub fn of(case: &Case) -> Option<Opened> {
        let file = case.file.as_ref()?;
        let product = file.product.as_ref()?;
        Some(Opened {
            case: file.id.value.clone(),
            serial: product.value.trim().to_owned(),
            at: file.opened_at.value,
            open: !file.state.value.is_closed(),
            location: file.at(product.span),
        })
    }
}

/// A product as `customers/<id>.toml` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Installed {
    /// The serial.
    pub serial: String,
    /// The customer id.
    pub customer: String,
    /// The site id.
    pub site: String,
    /// The model.
    pub model: String,
    /// When it was installed.
    pub installed_on: Option<NaiveDate>,
    /// The last day of its warranty.
    pub warranty_end: NaiveDate,
}

/// Every product every customer lists (every customer file read).
pub fn installed(ws: &Workspace) -> Vec<Installed> {
    let mut all = Vec::new();
    for (id, customer) in ws.customers.iter() {
        for p in &customer.products {
            all.push(Installed {
                serial: p.serial.value.trim().to_owned(),
                customer: id.clone(),
                site: p.site.value.clone(),
                model: p.model.clone(),
                installed_on: p.installed_on.as_ref().map(|d| d.value),
                warranty_end: p.warranty_end.value,
            });
        }
    }
    all
}

/// A whole unit replaced on a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replacement {
    /// The installed product whose place it was: the first unit there.
    pub place: String,
    /// The unit taken out.
    pub old: String,
    /// The unit put in its place (none recorded: taken out of service).
    pub new: Option<String>,
    /// The move that did it.
    #[serde(flatten)]
    pub by: Move,
}

/// The installed base as the visits left it: the products the customers list, every move
/// the visits recorded, and which of them replaced whole units.
#[derive(Debug, Clone, Default)]
pub struct InstalledBase {
    products: BTreeMap<String, Installed>,
    moves: Vec<Move>,
    replacements: Vec<Replacement>,
    /// The place each unit in service (or last in service) stood in.
    place_of: BTreeMap<String, String>,
    /// The unit in each place now (none: taken out, nothing put in).
    occupant: BTreeMap<String, Option<String>>,
}

impl InstalledBase {
    /// The installed base from the products the customers list and the moves of every
    /// case (in any order: they are taken in time order).
    pub fn new(products: Vec<Installed>, moves: impl IntoIterator<Item = Move>) -> InstalledBase {
        let mut base = InstalledBase::default();
        for p in products {
            base.place_of.insert(p.serial.clone(), p.serial.clone());
            base.occupant
                .insert(p.serial.clone(), Some(p.serial.clone()));
            // A serial two customers list is an error of its own (rule `id`); the first
            // listing stands.
            base.products.entry(p.serial.clone()).or_insert(p);
        }
        let mut moves: Vec<Move> = moves.into_iter().collect();
        moves.sort_by(|a, b| (a.at, &a.case, &a.visit).cmp(&(b.at, &b.case, &b.visit)));
        for m in &moves {
            let Some(out) = &m.serial_out else {
                continue;
            };
            let Some(place) = base.place_of.get(out).cloned() else {
                continue;
            };
            if base.occupant.get(&place) != Some(&Some(out.clone())) {
                continue;
            }
            base.occupant.insert(place.clone(), m.serial_in.clone());
            if let Some(new) = &m.serial_in {
                base.place_of.insert(new.clone(), place.clone());
            }
            base.replacements.push(Replacement {
                place,
                old: out.clone(),
                new: m.serial_in.clone(),
                by: m.clone(),
            });
        }
        base.moves = moves;
        base
    }

    /// The installed base of `ws` with the moves of `cases` (what the index keeps of them).
    pub fn of(ws: &Workspace, cases: &[Mentions]) -> InstalledBase {
        InstalledBase::new(
            installed(ws),
            cases.iter().flat_map(|c| c.moves.iter().cloned()),
        )
    }

    /// Every product the customers list, by serial.
    pub fn products(&self) -> impl Iterator<Item = &Installed> {
        self.products.values()
    }

    /// The product a customer lists under `serial`.
    pub fn product(&self, serial: &str) -> Option<&Installed> {
        self.products.get(serial)
    }

    /// The product `serial` stands for: its own listing, else that of the place it took.
    pub fn unit(&self, serial: &str) -> Option<&Installed> {
        self.product(serial)
            .or_else(|| self.products.get(self.place_of.get(serial)?))
    }

    /// Whether `serial` is or was a unit in service (not only a part).
    pub fn is_unit(&self, serial: &str) -> bool {
        self.place_of.contains_key(serial)
    }

    /// The replacement that took `serial` out of service, when it is out of service now
    /// (a unit put back later is in service again).
    pub fn replaced_by(&self, serial: &str) -> Option<&Replacement> {
        let place = self.place_of.get(serial)?;
        if self.occupant.get(place).and_then(Option::as_deref) == Some(serial) {
            return None;
        }
        self.replacements.iter().rev().find(|r| r.old == serial)
    }

    /// The replacements that led to `serial` standing where it stands, the first first:
    /// the unit it replaced, the one that one replaced, and so on.
    pub fn lineage(&self, serial: &str) -> Vec<&Replacement> {
        let mut chain = Vec::new();
        let mut seen = BTreeSet::from([serial.to_owned()]);
        let mut current = serial.to_owned();
        while let Some(r) = self
            .replacements
            .iter()
            .rev()
            .find(|r| r.new.as_deref() == Some(current.as_str()))
        {
            if !seen.insert(r.old.clone()) {
                break;
            }
            current = r.old.clone();
            chain.push(r);
        }
        chain.reverse();
        chain
    }

    /// The unit in `serial`'s place now (itself while in service; none when the place was
    /// left empty).
    pub fn now_in_place_of(&self, serial: &str) -> Option<&str> {
        let place = self.place_of.get(serial)?;
        self.occupant.get(place)?.as_deref()
    }

    /// Every move of `serial`, in time order.
    pub fn moves_of(&self, serial: &str) -> Vec<&Move> {
        self.moves.iter().filter(|m| m.moves(serial)).collect()
    }

    /// Whether svc knows `serial` as a product or a part.
    pub fn knows(&self, serial: &str) -> bool {
        self.products.contains_key(serial) || self.moves.iter().any(|m| m.moves(serial))
    }

    /// Every serial svc knows, products and parts, in order.
    pub fn serials(&self) -> BTreeSet<&str> {
        self.products
            .keys()
            .map(String::as_str)
            .chain(
                self.moves
                    .iter()
                    .flat_map(|m| [m.serial_out.as_deref(), m.serial_in.as_deref()])
                    .flatten(),
            )
            .collect()
    }
}

/// Rule `asset`: a case opened on a unit that a visit of another case had replaced before
/// the case was opened, and still open, is told the serial installed there now.
pub fn replaced_unit(base: &InstalledBase, opened: &Opened) -> Option<Finding> {
    if !opened.open {
        return None;
    }
    let r = base.replaced_by(&opened.serial)?;
    if r.by.case == opened.case || opened.at <= r.by.at {
        return None;
    }
    let date = r.by.at.date_naive().to_string();
    let customer = base
        .unit(&opened.serial)
        .map(|u| u.customer.as_str())
        .unwrap_or_default();
    let (message, hint) = match base.now_in_place_of(&opened.serial) {
        Some(now) => (
            t!(
                "rule-asset-replaced",
                serial = &opened.serial,
                new = r.new.as_deref().unwrap_or(now),
                date = &date,
                case = &r.by.case,
                now = now
            ),
            t!(
                "rule-asset-replaced-hint",
                serial = &opened.serial,
                now = now,
                customer = customer
            ),
        ),
        None => (
            t!(
                "rule-asset-removed",
                serial = &opened.serial,
                date = &date,
                case = &r.by.case
            ),
            t!("rule-asset-removed-hint", serial = &opened.serial),
        ),
    };
    Some(Finding::warning("asset", opened.location.clone(), message).hint(hint))
}

/// Rule `asset` on one case, when the context knows the installed base.
pub fn r_asset_replaced_unit(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let Some(base) = cx.base() else {
        return;
    };
    if let Some(opened) = Opened::of(case) {
        out.extend(replaced_unit(base, &opened));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn product(serial: &str) -> Installed {
        Installed {
            serial: serial.into(),
            customer: "gd".into(),
            site: "gz".into(),
            model: "NT-3600 OLT".into(),
            installed_on: Some(day("2022-03-15")),
            warranty_end: day("2025-03-14"),
        }
    }

    /// A move on `day` (YYYY-MM-DD) in a visit of `case` to the unit taken out (else the
    /// one put in).
    fn moved(case: &str, day: &str, out: Option<&str>, into: Option<&str>) -> Move {
        Move {
            case: case.into(),
            visit: PathBuf::from(format!("cases/2026/11/{case}/visits/01-gz.toml")),
            site: "gz".into(),
            at: at(&format!("{day}T09:30:00+08:00")),
            code: "X".into(),
            units: out.or(into).into_iter().map(Into::into).collect(),
            serial_out: out.map(Into::into),
            serial_in: into.map(Into::into),
        }
    }

    fn opened(case: &str, serial: &str, when: &str) -> Opened {
        Opened {
            case: case.into(),
            serial: serial.into(),
            at: at(when),
            open: true,
            location: Location::file(format!("cases/2026/12/{case}/case.toml")),
        }
    }

    #[test]
    fn serial_lists_split_on_commas_and_are_trimmed() {
        assert_eq!(
            serials(Some(" OPT24W18-0331, OPT24W18-0337 ")),
            ["OPT24W18-0331", "OPT24W18-0337"]
        );
        assert_eq!(serials(Some("A，B、 C,,")), ["A", "B", "C"]);
        assert!(serials(Some("  ")).is_empty());
        assert!(serials(None).is_empty());
    }

    #[test]
    fn a_part_swapped_inside_a_unit_leaves_the_unit_in_service() {
        let base = InstalledBase::new(
            vec![product("NT-1")],
            [moved("C1", "2026-10-12", Some("P-1"), Some("P-2"))],
        );
        assert!(base.replaced_by("NT-1").is_none());
        assert!(!base.is_unit("P-2"));
        assert_eq!(base.now_in_place_of("NT-1"), Some("NT-1"));
        assert_eq!(base.moves_of("P-2").len(), 1);
        assert!(base.knows("P-1") && base.knows("NT-1") && !base.knows("P-3"));
    }

    #[test]
    fn a_unit_replaced_is_followed_by_the_one_in_its_place() {
        let base = InstalledBase::new(
            vec![product("OLD")],
            [
                // The later replacement first: moves are taken in time order.
                moved("C2", "2026-12-01", Some("NEW"), Some("NEWER")),
                moved("C1", "2026-11-12", Some("OLD"), Some("NEW")),
            ],
        );
        let r = base.replaced_by("OLD").unwrap();
        assert_eq!((r.new.as_deref(), r.by.case.as_str()), (Some("NEW"), "C1"));
        assert_eq!(base.now_in_place_of("OLD"), Some("NEWER"));
        // The new units stand for the product they replaced.
        assert_eq!(base.unit("NEWER").unwrap().serial, "OLD");
        assert!(base.product("NEWER").is_none());
        let chain: Vec<&str> = base
            .lineage("NEWER")
            .iter()
            .map(|r| r.old.as_str())
            .collect();
        assert_eq!(chain, ["OLD", "NEW"]);
        assert!(base.lineage("OLD").is_empty());
        assert!(base.replaced_by("NEWER").is_none());
        assert_eq!(base.replaced_by("NEW").unwrap().by.case, "C2");
    }

    #[test]
    fn a_unit_taken_out_and_put_back_is_in_service_again() {
        let base = InstalledBase::new(
            vec![product("U")],
            [
                moved("C1", "2026-10-01", Some("U"), Some("LOAN")),
                moved("C2", "2026-10-20", Some("LOAN"), Some("U")),
            ],
        );
        assert!(base.replaced_by("U").is_none());
        assert_eq!(base.replaced_by("LOAN").unwrap().by.case, "C2");
        assert_eq!(base.now_in_place_of("LOAN"), Some("U"));
    }

    #[test]
    fn a_new_case_on_a_replaced_unit_is_told_what_stands_there_now() {
        let base = InstalledBase::new(
            vec![product("OLD")],
            [moved("C1", "2026-11-12", Some("OLD"), Some("NEW"))],
        );
        let f = replaced_unit(&base, &opened("C9", "OLD", "2026-12-03T10:00:00+08:00")).unwrap();
        assert_eq!(f.rule, "asset");
        assert_eq!(f.severity, crate::forms::finding::Severity::Warning);
        assert!(
            f.message.contains("OLD") && f.message.contains("NEW") && f.message.contains("C1"),
            "{}",
            f.message
        );
        assert!(f.message.contains("2026-11-12"), "{}", f.message);
        // Not the case that did it, not a case opened before, not a closed one.
        assert!(replaced_unit(&base, &opened("C1", "OLD", "2026-12-03T10:00:00+08:00")).is_none());
        assert!(replaced_unit(&base, &opened("C0", "OLD", "2026-11-01T10:00:00+08:00")).is_none());
        let closed = Opened {
            open: false,
            ..opened("C9", "OLD", "2026-12-03T10:00:00+08:00")
        };
        assert!(replaced_unit(&base, &closed).is_none());
        // The new unit is in service.
        assert!(replaced_unit(&base, &opened("C9", "NEW", "2026-12-03T10:00:00+08:00")).is_none());
    }

    #[test]
    fn a_unit_taken_out_with_nothing_in_its_place_is_said_so() {
        let base = InstalledBase::new(
            vec![product("OLD")],
            [moved("C1", "2026-11-12", Some("OLD"), None)],
        );
        assert_eq!(base.now_in_place_of("OLD"), None);
        let f = replaced_unit(&base, &opened("C9", "OLD", "2026-12-03T10:00:00+08:00")).unwrap();
        assert!(
            f.message.contains("OLD") && f.message.contains("C1"),
            "{}",
            f.message
        );
    }

    #[test]
    fn a_visit_pairs_the_serials_out_and_in_by_position() {
        let source = crate::forms::source::SourceFile::new(
            "cases/2026/10/SR-1/visits/01-gz.toml",
            r#"site = "gz"
arrived_at = 2026-10-12T09:40:00+08:00
left_at = 2026-10-12T16:20:00+08:00
engineers = ["e"]
products = ["NT-1"]
symptoms = "s"
diagnosis = "d"
cause = "wear"
work_done = "w"
resolved = true

[[parts_replaced]]
code = "SFP"
qty = 2
serial_out = "A1, A2"
serial_in = "B1, B2, B3"

[[parts_replaced]]
code = "FAN"
qty = 1
"#
            .to_owned(),
        );
        let mut findings = Vec::new();
        let visit = crate::workspace::decode_file(&source, &mut findings)
            .map(|value| crate::workspace::Loaded { value, source });
        assert!(findings.is_empty(), "{findings:?}");
        let case = Case {
            visits: visit.into_iter().collect(),
            ..Case::empty(std::path::Path::new("cases/2026/10/SR-1"))
        };
        let moves = moves_of(&case);
        let pairs: Vec<(Option<&str>, Option<&str>)> = moves
            .iter()
            .map(|m| (m.serial_out.as_deref(), m.serial_in.as_deref()))
            .collect();
        assert_eq!(
            pairs,
            [
                (Some("A1"), Some("B1")),
                (Some("A2"), Some("B2")),
                (None, Some("B3"))
            ]
        );
        let mentions = Mentions::of(&case);
        assert!(mentions.concerns("NT-1") && mentions.concerns("B3"));
        assert!(!mentions.concerns("FAN"));
    }
}
