//! 现场服务记录: one record for each site visited (8.5, 7.6, 7.7).

use crate::forms::decode::{Quantity, Sp, Timestamp};
use crate::{keywords, record};
use chrono::NaiveDate;

keywords! {
    /// Why the fault happened (decides whether fees may be charged, 9.1).
    pub enum Cause ("cause") {
        /// 产品质量 · a defect of the product itself
        ProductDefect = "product-defect",
        /// 使用不当 · misuse
        Misuse = "misuse",
        /// 环境 · environment (power, lightning, heat, damp)
        Environment = "environment",
        /// 正常损耗 · wear
        Wear = "wear",
        /// 安装 · installation
        Installation = "installation",
        /// 未查明 · unknown
        Unknown = "unknown",
    }
}

record! {
    /// A part replaced on site.
    pub struct PartReplaced ("a replaced part") {
        /// 备件编码 · catalog code
        pub code: Sp<String>,
        /// 数量 · quantity
        pub qty: Quantity,
        /// 换下序列号 · serial of the part taken out
        pub serial_out: Option<String>,
        /// 换上序列号 · serial of the part put in
        pub serial_in: Option<String>,
    }
}

record! {
    /// The customer's confirmation of the work (7.7).
    pub struct Confirmation ("the confirmation") {
        /// 客户签字人 · name
        pub name: String,
        /// 职务 · title
        pub title: Option<String>,
        /// 日期 · date
        pub date: Sp<NaiveDate>,
        /// 客户意见 · remarks
        pub remarks: Option<String>,
    }
}

record! {
    /// 现场服务记录 · Field service record (8.5).
    pub struct Visit ("the visit record") {
        /// 服务地点 · site id
        pub site: Sp<String>,
        /// 到达时间 · arrived
        pub arrived_at: Sp<Timestamp>,
        /// 离开时间 · left
        pub left_at: Sp<Timestamp>,
        /// 服务人员 · engineers (person ids)
        pub engineers: Vec<Sp<String>>,
        /// 服务设备 · serials of the products serviced
        pub products: Vec<Sp<String>>,
        /// 故障现象 · symptoms
        pub symptoms: String,
        /// 故障诊断 · diagnosis
        pub diagnosis: String,
        /// 故障原因 · cause: product-defect, misuse, environment, wear, installation, unknown
        pub cause: Sp<Cause>,
        /// 处理情况 · work done
        pub work_done: String,
        /// 软件维护 · software maintenance was done (upgrade, reconfiguration)
        pub software_maintenance: Option<bool>,
        /// 更换备件 · parts replaced
        pub parts_replaced: Vec<PartReplaced>,
        /// 是否解决 · resolved
        pub resolved: bool,
        /// 客户培训 · training given to the customer (5.3.5)
        pub training: Option<String>,
        /// 客户确认 · the customer's confirmation (7.7)
        pub confirmation: Option<Confirmation>,
    }
}
