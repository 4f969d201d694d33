//! `case.toml`: what svc itself records about a case — who, where, its state, the approvals
//! and check-ins, and when each step happened. Written by svc (in place, comments kept),
//! readable and checkable like any other form.

use super::Via;
use crate::forms::config::Role;
use crate::forms::decode::{Decode, Decoder, Sp, Timestamp, expect_table};
use crate::forms::node::Node;
use crate::{keywords, record};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::Path;

keywords! {
    /// Where a case stands in the procedure (design §5).
    pub enum State ("state") {
        /// 已受理 · requested: the request is recorded (8.1)
        Requested = "requested",
        /// 电话解决 · resolved remotely: solved by phone, no visit (flow chart)
        ResolvedRemotely = "resolved-remotely",
        /// 已接受 · accepted: on-site service agreed with the customer, fees settled (8.1)
        Accepted = "accepted",
        /// 已指派 · assigned: engineers named (8.2)
        Assigned = "assigned",
        /// 待审批 · pending approval: task sheet submitted for signature (8.3)
        PendingApproval = "pending-approval",
        /// 已批准 · approved: task sheet signed (7.2)
        Approved = "approved",
        /// 现场服务中 · on site (8.4)
        OnSite = "on-site",
        /// 服务完成 · serviced: work done and recorded (8.5)
        Serviced = "serviced",
        /// 待审核 · pending review: travel log and summary handed in (8.6)
        PendingReview = "pending-review",
        /// 已审核 · reviewed (5.1.6)
        Reviewed = "reviewed",
        /// 已归档 · archived (7.10)
        Archived = "archived",
        /// 已取消 · cancelled
        Cancelled = "cancelled",
    }
}

impl State {
    /// How far along the procedure the state is; the two ends that leave it early
    /// (resolved remotely, cancelled) rank with the requests.
    pub fn rank(self) -> u8 {
        match self {
            State::Requested | State::ResolvedRemotely | State::Cancelled => 0,
            State::Accepted => 1,
            State::Assigned => 2,
            State::PendingApproval => 3,
            State::Approved => 4,
            State::OnSite => 5,
            State::Serviced => 6,
            State::PendingReview => 7,
            State::Reviewed => 8,
            State::Archived => 9,
        }
    }

    /// Whether the case is at `other` or further along the main line of the procedure.
    pub fn reached(self, other: State) -> bool {
        !matches!(self, State::ResolvedRemotely | State::Cancelled) && self.rank() >= other.rank()
    }

    /// Whether the case is finished (no more steps).
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            State::ResolvedRemotely | State::Cancelled | State::Archived
        )
    }
}

keywords! {
    /// What an approval signs.
    pub enum ApprovalKind ("approval kind") {
        /// 任务书审批 · the task sheet (7.2, 5.1.4, 5.2.2)
        TaskSheet = "task-sheet",
        /// 乘机审批 · flying (7.4)
        Flight = "flight",
        /// 报告审核 · the records after the trip (5.1.6, 5.2.4)
        Review = "review",
    }
}

/// What an approval approved: each form it covers, by its path in the case folder, with the
/// git object id of the file's content as approved. A form whose content is no longer that
/// is not approved.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Covers(pub BTreeMap<String, Sp<String>>);

impl Covers {
    /// The object id the approval names for `path` (relative to the case folder).
    pub fn get(&self, path: &str) -> Option<&str> {
        self.0.get(path).map(|id| id.value.as_str())
    }

    /// Whether the approval names any content.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The paths and ids, in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(p, id)| (p.as_str(), id.value.as_str()))
    }
}

impl Decode for Covers {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        let entries = expect_table(node, d, "what an approval covers")?;
        let mut covers = BTreeMap::new();
        let mut ok = true;
        for entry in entries {
            let path = entry.key.as_str();
            let id = Sp::<String>::decode(&entry.value, d);
            let well_formed = Path::new(path)
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
            if path.is_empty() || !well_formed {
                d.problem(
                    entry.key_span,
                    format!("`{path}` is not a path inside the case folder"),
                    Some("covers names files of the case folder, e.g. \"task-sheet.toml\"".into()),
                );
                ok = false;
            }
            match id {
                Some(id) if is_object_id(&id.value) => {
                    covers.insert(path.to_string(), id);
                }
                Some(id) => {
                    d.problem(
                        id.span,
                        format!("\"{}\" is not a git object id", id.value),
                        Some("svc writes the 40 hexadecimal digits of the file's blob".into()),
                    );
                    ok = false;
                }
                None => ok = false,
            }
        }
        ok.then_some(Covers(covers))
    }
    fn absent() -> Option<Self> {
        Some(Covers::default())
    }
    fn schema() -> serde_json::Value {
        serde_json::json!({
            "type": "object",
            "additionalProperties": { "type": "string", "pattern": "^[0-9a-f]{40}([0-9a-f]{24})?$" }
        })
    }
}

/// Whether `text` is a git object id: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.
pub fn is_object_id(text: &str) -> bool {
    matches!(text.len(), 40 | 64) && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The git object id of a file with these bytes (what `git hash-object` prints).
pub fn blob_id(bytes: &[u8]) -> String {
    git2::Oid::hash_object(git2::ObjectType::Blob, bytes)
        .map(|id| id.to_string())
        .unwrap_or_default()
}

/// A flight as an approval names it: `2026-11-04 深圳 → 广州`.
pub fn flight_label(date: NaiveDate, from: &str, to: &str) -> String {
    format!("{date} {} → {}", from.trim(), to.trim())
}

record! {
    /// A signature recorded by svc.
    pub struct Approval ("an approval") {
        /// 审批类别 · what is approved: task-sheet, flight, review
        pub kind: Sp<ApprovalKind>,
        /// 审批人 · who (person id)
        pub by: Sp<String>,
        /// 身份 · in which role: lead, sales-lead, manager, csc, sales
        pub role: Sp<Role>,
        /// 时间 · when
        pub at: Sp<Timestamp>,
        /// 意见 · note
        pub note: Option<String>,
        /// 审批内容 · what it approved: each form's path in the case folder and git object id
        pub covers: Covers,
        /// 批准的航班 · the flights a flight approval approved (date from → to)
        pub flights: Vec<String>,
    }
}

record! {
    /// A refusal recorded by svc.
    pub struct Rejection ("a rejection") {
        /// 退回环节 · which gate: task-sheet or review
        pub kind: Sp<ApprovalKind>,
        /// 退回人 · who
        pub by: Sp<String>,
        /// 时间 · when
        pub at: Sp<Timestamp>,
        /// 原因 · why
        pub reason: String,
    }
}

record! {
    /// A check-in recorded with `svc checkin` (7.5).
    pub struct Checkin ("a check-in") {
        /// 时间 · when
        pub at: Sp<Timestamp>,
        /// 方式 · via: phone, fax, email
        pub via: Via,
        /// 人员 · who (person id)
        pub by: Sp<String>,
        /// 内容 · note
        pub note: Option<String>,
    }
}

record! {
    /// A change of engineers on a case already assigned (5.1.3).
    pub struct Reassignment ("a re-assignment") {
        /// 时间 · when
        pub at: Sp<Timestamp>,
        /// 改派人 · who changed it (person id)
        pub by: Sp<String>,
        /// 原服务人员 · the engineers before (person ids)
        pub from: Vec<Sp<String>>,
        /// 新服务人员 · the engineers after (person ids)
        pub to: Vec<Sp<String>>,
        /// 原因 · why
        pub reason: String,
    }
}

record! {
    /// A time the case waited on the customer, recorded with `svc hold` and ended with
    /// `svc resume`: while it lasts, the response targets' clocks stop where the targets
    /// say so (`pause_on_customer`, 5.1.7).
    pub struct Hold ("a hold") {
        /// 暂停时间 · from when
        pub from: Sp<Timestamp>,
        /// 暂停人 · who paused (person id)
        pub by: Sp<String>,
        /// 原因 · why: what the case waits for
        pub reason: String,
        /// 恢复时间 · resumed when (absent while it lasts)
        pub until: Option<Sp<Timestamp>>,
        /// 恢复人 · who resumed (person id)
        pub resumed_by: Option<Sp<String>>,
    }
}

record! {
    /// When each step of the procedure happened.
    pub struct Timeline ("the timeline") {
        /// 接受 · accepted (8.1)
        pub accepted_at: Option<Sp<Timestamp>>,
        /// 电话解决 · resolved remotely
        pub resolved_at: Option<Sp<Timestamp>>,
        /// 指派 · assigned (8.2)
        pub assigned_at: Option<Sp<Timestamp>>,
        /// 任务书提交 · task sheet submitted (8.3)
        pub submitted_at: Option<Sp<Timestamp>>,
        /// 任务书批准 · task sheet approved (7.2)
        pub approved_at: Option<Sp<Timestamp>>,
        /// 出发 · set off for the site (8.4)
        pub started_at: Option<Sp<Timestamp>>,
        /// 服务完成 · work completed (8.5)
        pub completed_at: Option<Sp<Timestamp>>,
        /// 报告提交 · records handed in (8.6)
        pub handed_in_at: Option<Sp<Timestamp>>,
        /// 审核 · reviewed (5.1.6)
        pub reviewed_at: Option<Sp<Timestamp>>,
        /// 归档 · archived (7.10)
        pub archived_at: Option<Sp<Timestamp>>,
        /// 取消 · cancelled
        pub cancelled_at: Option<Sp<Timestamp>>,
    }
}

record! {
    /// `case.toml`: the case as svc keeps it.
    pub struct CaseFile ("case.toml") {
        /// 服务单号 · case id (= folder name)
        pub id: Sp<String>,
        /// 标题 · one-line title
        pub title: String,
        /// 客户 · customer id
        pub customer: Sp<String>,
        /// 服务地点 · site id
        pub site: Option<Sp<String>>,
        /// 设备序列号 · serial of the product concerned
        pub product: Option<Sp<String>>,
        /// 状态 · state
        pub state: Sp<State>,
        /// 创建时间 · opened at
        pub opened_at: Sp<Timestamp>,
        /// 创建人 · opened by (person id)
        pub opened_by: Sp<String>,
        /// 费用约定 · fee arrangement: warranty, billable or agreement:ID (8.1)
        pub fee: Option<Sp<String>>,
        /// 指派人 · assigned by (person id)
        pub assigned_by: Option<Sp<String>>,
        /// 指派部门 · assigned by which department: csc or sales (8.2)
        pub assigned_via: Option<Sp<Role>>,
        /// 服务人员 · assignees (person ids)
        pub assignees: Vec<Sp<String>>,
        /// 电话解决说明 · how it was solved by phone
        pub resolution: Option<String>,
        /// 取消原因 · why it was cancelled
        pub cancel_reason: Option<String>,
        /// 审批 · approvals
        pub approvals: Vec<Approval>,
        /// 退回 · rejections
        pub rejections: Vec<Rejection>,
        /// 联系公司 · check-ins (7.5)
        pub checkins: Vec<Checkin>,
        /// 改派 · re-assignments (5.1.3)
        pub reassignments: Vec<Reassignment>,
        /// 暂停 · holds: waiting on the customer (5.1.7)
        pub holds: Vec<Hold>,
        /// 重开自 · the closed case this one reopens (its fault came back)
        pub reopens: Option<Sp<String>>,
        /// 时间线 · when each step happened
        pub timeline: Option<Timeline>,
        /// 维护计划 · the plan occurrence a preventive case was opened for (svc plan open)
        pub plan: Option<crate::forms::plan::PlanLink>,
    }
}

/// The fee arrangement agreed with the customer (8.1, 5.1.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeeArrangement {
    /// Free under warranty.
    Warranty,
    /// Charged by the catalog.
    Billable,
    /// Under an after-sales agreement.
    Agreement(String),
}

impl FeeArrangement {
    /// Read `warranty`, `billable` or `agreement:ID`.
    pub fn parse(text: &str) -> Option<FeeArrangement> {
        match text {
            "warranty" => Some(FeeArrangement::Warranty),
            "billable" => Some(FeeArrangement::Billable),
            _ => text
                .strip_prefix("agreement:")
                .filter(|id| !id.trim().is_empty())
                .map(|id| FeeArrangement::Agreement(id.trim().to_string())),
        }
    }
}

impl std::fmt::Display for FeeArrangement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FeeArrangement::Warranty => f.write_str("warranty"),
            FeeArrangement::Billable => f.write_str("billable"),
            FeeArrangement::Agreement(id) => write!(f, "agreement:{id}"),
        }
    }
}
