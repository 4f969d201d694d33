//! The six forms of the procedure and the case file svc keeps beside them.
//!
//! Each form is declared once with [`record!`](crate::record); the declaration gives the
//! Rust type, its decoder (all problems at once, with positions), its JSON Schema and the
//! bilingual description of every field. Keys are English snake_case; values are free text
//! in any language. Money is a decimal string, times are RFC 3339 with an offset.
//!
//! Beside the forms, the pieces every other part reads with:
//!
//! - [`source`]: source files, byte spans and line/column positions.
//! - [`node`]: TOML and YAML parsed into one spanned tree.
//! - [`decode`]: typed records from spanned trees, every problem at once, JSON Schema.
//! - [`finding`]: what validation reports: rule, severity, file, position, message, hint.
//! - [`config`]: the company's shared files: settings, people, customers, catalog.
//! - [`calendar`]: the working calendar: working hours, holidays, make-up working days, and
//!   the arithmetic of working time.
//! - [`plan`]: maintenance plans (`plans/<id>.toml`), their recurrence and the `[plan]`
//!   link of a preventive case.
//! - [`schema`]: JSON Schemas of every file, for editors.
//! - [`text`]: control and invisible characters in users' text, shown escaped.

pub mod calendar;
pub mod config;
pub mod decode;
pub mod finding;
pub mod node;
pub mod plan;
pub mod schema;
pub mod source;
pub mod text;

mod action;
mod case_file;
mod fees;
mod request;
mod summary;
mod task_sheet;
mod travel_log;
mod visit;

pub use action::Action;
pub use case_file::{
    Approval, ApprovalKind, CaseFile, Checkin, Covers, FeeArrangement, Hold, Reassignment,
    Rejection, State, Timeline, blob_id, flight_label, is_object_id,
};
pub use fees::{FeeItem, FeeList, Payment, PaymentMethod, Signature};
pub use request::{Channel, Contact, Priority, Request};
pub use summary::{FaultCategory, Outcome, Summary};
pub use task_sheet::{Advance, Helper, PartToBring, PlannedLeg, TaskSheet};
pub use travel_log::{Day, Expense, ExpenseCategory, Leg, ReceivedAdvance, TravelLog};
pub use visit::{Cause, Confirmation, PartReplaced, Visit};

use crate::forms::decode::Decode;
use crate::keywords;

keywords! {
    /// How a traveller goes from one place to the next.
    pub enum Transport ("mode of transport") {
        /// 飞机 · flight (needs a manager's approval, 7.4)
        Flight = "flight",
        /// 火车/高铁 · train
        Train = "train",
        /// 汽车/客车 · coach or bus
        Bus = "bus",
        /// 公司车/自驾 · car
        Car = "car",
        /// 轮船 · ship
        Ship = "ship",
        /// 其他 · other
        Other = "other",
    }
}

keywords! {
    /// How an engineer reports to the company while travelling (7.5).
    pub enum Via ("check-in channel") {
        /// 电话 · phone
        Phone = "phone",
        /// 传真 · fax
        Fax = "fax",
        /// 电子邮件 · e-mail
        Email = "email",
    }
}

/// The forms a case may hold, named as `svc edit`, `svc render` and `svc schema` take them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FormKind {
    /// 服务请求 (8.1)
    Request,
    /// 客户服务任务书 (8.3, 7.2)
    TaskSheet,
    /// 现场服务记录, one per site (8.5, 7.6)
    Visit,
    /// 服务费清单 (8.5, 9)
    Fees,
    /// 出差工作日志 (8.6)
    TravelLog,
    /// 服务总结报告 (8.6)
    Summary,
}

impl FormKind {
    /// Every form, in the order of the procedure.
    pub const ALL: [FormKind; 6] = [
        FormKind::Request,
        FormKind::TaskSheet,
        FormKind::Visit,
        FormKind::Fees,
        FormKind::TravelLog,
        FormKind::Summary,
    ];

    /// The name used on the command line and as the file stem.
    pub fn name(self) -> &'static str {
        match self {
            FormKind::Request => "request",
            FormKind::TaskSheet => "task-sheet",
            FormKind::Visit => "visit",
            FormKind::Fees => "fees",
            FormKind::TravelLog => "travel-log",
            FormKind::Summary => "summary",
        }
    }

    /// The form named `name`.
    pub fn from_name(name: &str) -> Option<FormKind> {
        FormKind::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The Chinese title, as on the paper form.
    pub fn title_zh(self) -> &'static str {
        match self {
            FormKind::Request => "客户服务请求",
            FormKind::TaskSheet => "客户服务任务书",
            FormKind::Visit => "现场服务记录",
            FormKind::Fees => "服务费清单",
            FormKind::TravelLog => "出差工作日志",
            FormKind::Summary => "服务总结报告",
        }
    }

    /// The English title.
    pub fn title_en(self) -> &'static str {
        match self {
            FormKind::Request => "Service request",
            FormKind::TaskSheet => "Customer service task sheet",
            FormKind::Visit => "Field service record",
            FormKind::Fees => "Service fee list",
            FormKind::TravelLog => "Travel work log",
            FormKind::Summary => "Service summary report",
        }
    }

    /// The number printed on the paper form (`svc render`): one per form, never reused.
    pub fn number(self) -> &'static str {
        match self {
            FormKind::Request => "CSC-F01",
            FormKind::TaskSheet => "CSC-F02",
            FormKind::Visit => "CSC-F03",
            FormKind::Fees => "CSC-F04",
            FormKind::TravelLog => "CSC-F05",
            FormKind::Summary => "CSC-F06",
        }
    }

    /// The clause that asks for the form.
    pub fn clause(self) -> &'static str {
        match self {
            FormKind::Request => "8.1",
            FormKind::TaskSheet => "8.3",
            FormKind::Visit => "8.5",
            FormKind::Fees => "8.5",
            FormKind::TravelLog => "8.6",
            FormKind::Summary => "8.6",
        }
    }

    /// The JSON Schema (draft-07) of the form's top level (see [`crate::forms::schema`] for the
    /// whole document).
    pub fn schema(self) -> serde_json::Value {
        match self {
            FormKind::Request => Request::schema(),
            FormKind::TaskSheet => TaskSheet::schema(),
            FormKind::Visit => Visit::schema(),
            FormKind::Fees => FeeList::schema(),
            FormKind::TravelLog => TravelLog::schema(),
            FormKind::Summary => Summary::schema(),
        }
    }

    /// The fields of the form's top level with their bilingual descriptions.
    pub fn fields(self) -> &'static [(&'static str, &'static str)] {
        match self {
            FormKind::Request => Request::FIELDS,
            FormKind::TaskSheet => TaskSheet::FIELDS,
            FormKind::Visit => Visit::FIELDS,
            FormKind::Fees => FeeList::FIELDS,
            FormKind::TravelLog => TravelLog::FIELDS,
            FormKind::Summary => Summary::FIELDS,
        }
    }
}

impl std::fmt::Display for FormKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
