//! 服务总结报告: outcome, cause and suggestions (8.6, 5.3.5, 8.7).

use crate::forms::decode::{Score, Sp};
use crate::{keywords, record};
use chrono::NaiveDate;

keywords! {
    /// How the service ended.
    pub enum Outcome ("outcome") {
        /// 已解决 · resolved
        Resolved = "resolved",
        /// 部分解决 · partly resolved
        Partly = "partly",
        /// 未解决 · unresolved
        Unresolved = "unresolved",
    }
}

keywords! {
    /// The kind of fault, for the monthly analysis by product (8.7).
    pub enum FaultCategory ("fault category") {
        /// 电源 · power supply
        Power = "power",
        /// 光模块/线路 · optics and lines
        Optics = "optics",
        /// 主板/硬件 · board or other hardware
        Hardware = "hardware",
        /// 软件/固件 · software or firmware
        Firmware = "firmware",
        /// 配置 · configuration
        Configuration = "configuration",
        /// 环境 · environment
        Environment = "environment",
        /// 其他 · other
        Other = "other",
    }
}

record! {
    /// 服务总结报告 · Service summary report (8.6).
    pub struct Summary ("the summary") {
        /// 填写人 · prepared by (person id)
        pub prepared_by: Sp<String>,
        /// 填写日期 · prepared on
        pub prepared_on: Sp<NaiveDate>,
        /// 服务结果 · outcome: resolved, partly, unresolved
        pub outcome: Outcome,
        /// 根本原因 · root cause
        pub root_cause: String,
        /// 故障类别 · fault category
        pub fault_category: FaultCategory,
        /// 采取措施 · actions taken
        pub actions: String,
        /// 客户反馈 · customer feedback
        pub customer_feedback: Option<String>,
        /// 客户满意度 · satisfaction, 1 to 5
        pub satisfaction: Option<Score>,
        /// 客户培训 · training given (5.3.5)
        pub training: Option<String>,
        /// 改进建议 · suggestions to the CSC (8.6, 5.3.5)
        pub suggestions: Vec<String>,
        /// 后续跟进 · follow-up needed
        pub follow_up: Option<String>,
        /// 超时原因 · why a response target was missed (5.1.7)
        pub delay_reason: Option<Sp<String>>,
    }
}
