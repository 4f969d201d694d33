//! The company's shared files: `svc.toml`, `people.toml`, `customers/*.toml` and the
//! catalog (`catalog/parts.toml`, `catalog/rates.toml`). Declared like the forms, so they
//! are checked with the same precision and have JSON Schemas too.

use crate::forms::decode::{Megabytes, Money, Sp};
use crate::{keywords, record};
use chrono::NaiveDate;

keywords! {
    /// What a person may do (design §5).
    pub enum Role ("role") {
        /// 客服中心 · Customer Service Centre staff: accept, assign, review, archive
        Csc = "csc",
        /// 客服中心领导 · CSC lead: signs task sheets (7.2, 5.1.4)
        Lead = "lead",
        /// 产品销售部 · Sales Department staff
        Sales = "sales",
        /// 销售部领导 · Sales lead: signs the task sheets of sales staff (5.2.2)
        SalesLead = "sales-lead",
        /// 现场服务人员 · field engineer
        Engineer = "engineer",
        /// 总经理/市场部副总 · factory GM or marketing VP: approves flights (7.4)
        Manager = "manager",
        /// 管理员 · may change people, catalog and settings
        Admin = "admin",
    }
}

keywords! {
    /// How approvals travel (design §8).
    pub enum ReviewMode ("review mode") {
        /// 直接提交 · transitions are committed on the current branch
        Direct = "direct",
        /// 合并请求 · submissions go through pull requests
        PullRequest = "pull-request",
    }
}

keywords! {
    /// Which forge hosts the remote, for the link to a pull request (design §8).
    pub enum Forge ("forge") {
        /// GitHub（含企业版）· GitHub, or GitHub Enterprise
        GitHub = "github",
        /// GitLab（含自建）· GitLab, hosted or self-hosted
        GitLab = "gitlab",
        /// Forgejo 或 Gitea（含 Codeberg）· Forgejo or Gitea, Codeberg included
        Forgejo = "forgejo",
    }
}

record! {
    /// The company.
    pub struct Company ("[company]") {
        /// 公司名称 · name
        pub name: String,
        /// 英文名称 · name in English
        pub name_en: Option<String>,
        /// 部门 · the department running the procedure
        pub department: Option<String>,
        /// 所在城市 · home city (7.8)
        pub home_city: String,
    }
}

record! {
    /// Working hours: the morning and the afternoon of a working day (7.8, and whatever
    /// counts working time).
    pub struct WorkDay ("[workday]") {
        /// 上午上班 · morning start, HH:MM
        pub morning_start: Sp<String>,
        /// 上午下班 · morning end, HH:MM (default 12:00)
        pub morning_end: Option<Sp<String>>,
        /// 下午上班 · afternoon start, HH:MM
        pub afternoon_start: Sp<String>,
        /// 下午下班 · afternoon end, HH:MM (default 17:30)
        pub afternoon_end: Option<Sp<String>>,
    }
}

record! {
    /// How the procedure is run here.
    pub struct Workflow ("[workflow]") {
        /// 审批方式 · review: direct or pull-request
        pub review: Option<ReviewMode>,
        /// 代码托管平台 · forge: github, gitlab or forgejo, when the remote's host name does not say
        pub forge: Option<Forge>,
        /// 是否总需客户确认 · always require the customer's confirmation on visit records (7.7)
        pub require_confirmation: Option<bool>,
    }
}

keywords! {
    /// The paper forms and reports are laid out for.
    pub enum Paper ("paper") {
        /// A4 纸(210 × 297 mm)· A4
        A4 = "a4",
        /// 美式信纸(8.5 × 11 in)· US Letter
        Letter = "letter",
    }
}

impl Paper {
    /// The page size as CSS names it.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }

    /// The paper as typst names it.
    pub fn typst(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        }
    }
}

record! {
    /// Printing options.
    pub struct Print ("[print]") {
        /// 纸张 · paper: a4 (the default) or letter
        pub paper: Option<Paper>,
        /// 字体 · the PDF's font: a font file, a folder of fonts, or an installed family
        pub font: Option<String>,
    }
}

record! {
    /// Security options.
    pub struct Security ("[security]") {
        /// 需签名的操作 · actions whose commits must be SSH-signed, e.g. approve
        pub signed_actions: Vec<Sp<String>>,
    }
}

record! {
    /// What a case may keep under its `attachments/` folder.
    pub struct Attachments ("[attachments]") {
        /// 附件大小上限 · the largest attachment file, in MB (default 20)
        pub max_mb: Option<Sp<Megabytes>>,
    }
}

keywords! {
    /// How a response target counts time.
    pub enum Hours ("hours") {
        /// 工作时间 · working time: the working hours of working days (the working calendar)
        Working = "working",
        /// 自然时间 · round the clock, every day
        Calendar = "calendar",
    }
}

record! {
    /// Response targets of one priority: each a duration such as `30m`, `4h` or `2d`.
    pub struct TargetTimes ("response targets") {
        /// 响应时限 · accepted or solved by phone within
        pub respond: Option<Sp<String>>,
        /// 到场时限 · on site within
        pub arrive: Option<Sp<String>>,
        /// 解决时限 · resolved within
        pub resolve: Option<Sp<String>>,
    }
}

record! {
    /// Response targets (5.1.7): the company's default in svc.toml, or an agreement's own.
    pub struct Targets ("[targets]") {
        /// 响应时限 · accepted or solved by phone within
        pub respond: Option<Sp<String>>,
        /// 到场时限 · on site within
        pub arrive: Option<Sp<String>>,
        /// 解决时限 · resolved within
        pub resolve: Option<Sp<String>>,
        /// 计时方式 · hours: working (the default) or calendar
        pub hours: Option<Hours>,
        /// 等待客户时暂停计时 · pause the clocks while the case waits on the customer
        pub pause_on_customer: Option<bool>,
        /// 紧急 · for urgent requests
        pub urgent: Option<TargetTimes>,
        /// 高 · for high-priority requests
        pub high: Option<TargetTimes>,
        /// 低 · for low-priority requests
        pub low: Option<TargetTimes>,
    }
}

/// A duration a target allows: `30m`, `4h`, `1h30m`, `2d`. A day is 24 hours round the
/// clock, and a working day's hours in working time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowance {
    /// Minutes, days not counted.
    pub minutes: i64,
    /// Days.
    pub days: i64,
}

impl Allowance {
    /// Parse `30m`, `4h`, `1h30m`, `2d` (a whole number before each unit, units in the
    /// order d, h, m, each at most once); None for anything else, zero included.
    pub fn parse(text: &str) -> Option<Allowance> {
        let mut rest = text.trim();
        let (mut minutes, mut days, mut last) = (0i64, 0i64, 0u8);
        if rest.is_empty() {
            return None;
        }
        while !rest.is_empty() {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 0 || digits > 6 {
                return None;
            }
            let n: i64 = rest[..digits].parse().ok()?;
            let unit = rest[digits..].chars().next()?;
            let rank = match unit {
                'd' => 1,
                'h' => 2,
                'm' => 3,
                _ => return None,
            };
            if rank <= last {
                return None;
            }
            last = rank;
            match unit {
                'd' => days = n,
                'h' => minutes += n * 60,
                _ => minutes += n,
            }
            rest = &rest[digits + 1..];
        }
        (minutes + days > 0).then_some(Allowance { minutes, days })
    }

    /// The allowance in minutes of the time it counts, a working day being
    /// `working_day` minutes long.
    pub fn total_minutes(self, hours: Hours, working_day: i64) -> i64 {
        let day = match hours {
            Hours::Calendar => 24 * 60,
            Hours::Working => working_day,
        };
        self.days * day + self.minutes
    }
}

impl Targets {
    /// The allowances written that do not read as one (`4h`, `30m`, `1h30m`, `2d`).
    pub fn unreadable(&self) -> Vec<&Sp<String>> {
        let mut all = vec![
            self.respond.as_ref(),
            self.arrive.as_ref(),
            self.resolve.as_ref(),
        ];
        for t in [&self.urgent, &self.high, &self.low].into_iter().flatten() {
            all.extend([t.respond.as_ref(), t.arrive.as_ref(), t.resolve.as_ref()]);
        }
        all.into_iter()
            .flatten()
            .filter(|a| Allowance::parse(&a.value).is_none())
            .collect()
    }
}

record! {
    /// `svc.toml`: the workspace's settings.
    pub struct Settings ("svc.toml") {
        /// 公司 · the company
        pub company: Company,
        /// 时区 · time zone offset, e.g. +08:00
        pub timezone: Option<Sp<String>>,
        /// 币种 · currency, e.g. CNY
        pub currency: Option<String>,
        /// 语言 · locale: zh-CN or en
        pub locale: Option<Sp<String>>,
        /// 单号前缀 · case id prefix, e.g. SR
        pub id_prefix: Option<Sp<String>>,
        /// 停住的时钟 · the moment the clock stands at (RFC 3339), for sample workspaces
        pub clock: Option<Sp<String>>,
        /// 作息时间 · working hours (7.8; holidays are in calendar/<year>.toml)
        pub workday: Option<WorkDay>,
        /// 流程 · workflow options
        pub workflow: Option<Workflow>,
        /// 安全 · security options
        pub security: Option<Security>,
        /// 附件 · attachments (photos, scans) in case folders
        pub attachments: Option<Attachments>,
        /// 打印 · printing: paper and the PDF's font
        pub print: Option<Print>,
        /// 服务时限 · the company's response targets (5.1.7), unless an agreement sets its own
        pub targets: Option<Targets>,
    }
}

record! {
    /// A person of the company.
    pub struct Person ("a person") {
        /// 编号 · id, e.g. li.na
        pub id: Sp<String>,
        /// 姓名 · name
        pub name: String,
        /// 电子邮件 · e-mail (= git user.email)
        pub email: Sp<String>,
        /// 部门 · department
        pub department: String,
        /// 角色 · roles: csc, lead, sales, sales-lead, engineer, manager, admin
        pub roles: Vec<Sp<Role>>,
        /// 电话 · phone
        pub phone: Option<String>,
        /// 签名公钥 · SSH public key for signed actions (a line of the key's .pub file)
        pub signing_key: Option<Sp<String>>,
    }
}

record! {
    /// `people.toml`: who is who.
    pub struct People ("people.toml") {
        /// 人员 · the people
        pub person: Vec<Person>,
    }
}

record! {
    /// A contact at a customer.
    pub struct CustomerContact ("a contact") {
        /// 姓名 · name
        pub name: String,
        /// 职务 · title
        pub title: Option<String>,
        /// 电话 · phone
        pub phone: Option<String>,
        /// 电子邮件 · e-mail
        pub email: Option<String>,
    }
}

record! {
    /// A place where the customer's equipment stands.
    pub struct Site ("a site") {
        /// 编号 · id, e.g. gz-tianhe
        pub id: Sp<String>,
        /// 名称 · name
        pub name: String,
        /// 城市 · city
        pub city: String,
        /// 地址 · address
        pub address: Option<String>,
    }
}

record! {
    /// A product installed at a customer.
    pub struct Product ("a product") {
        /// 序列号 · serial
        pub serial: Sp<String>,
        /// 型号 · model
        pub model: String,
        /// 安装地点 · site id
        pub site: Sp<String>,
        /// 安装日期 · installed on
        pub installed_on: Option<Sp<NaiveDate>>,
        /// 保修截止 · warranty ends on (9.1)
        pub warranty_end: Sp<NaiveDate>,
    }
}

record! {
    /// An after-sales service agreement (5.1.7).
    pub struct Agreement ("an agreement") {
        /// 协议编号 · id
        pub id: Sp<String>,
        /// 签订日期 · signed on
        pub signed_on: Sp<NaiveDate>,
        /// 生效 · valid from
        pub valid_from: Sp<NaiveDate>,
        /// 截止 · valid to
        pub valid_to: Sp<NaiveDate>,
        /// 是否允许收费 · whether its terms allow on-site charges (9.1)
        pub charges_allowed: bool,
        /// 条款摘要 · terms in short
        pub terms: String,
        /// 签订人 · signed for the company by (person id)
        pub signed_by: Sp<String>,
        /// 服务时限 · the response targets it promises (5.1.7)
        pub targets: Option<Targets>,
    }
}

record! {
    /// `customers/<id>.toml`: a customer.
    pub struct Customer ("a customer file") {
        /// 编号 · id (= file name)
        pub id: Sp<String>,
        /// 名称 · name
        pub name: String,
        /// 英文名称 · name in English
        pub name_en: Option<String>,
        /// 负责业务员 · the account's salesperson (5.2.5)
        pub salesperson: Option<Sp<String>>,
        /// 联系人 · contacts
        pub contacts: Vec<CustomerContact>,
        /// 服务地点 · sites
        pub sites: Vec<Site>,
        /// 设备 · installed products
        pub products: Vec<Product>,
        /// 售后服务协议 · agreements (5.1.7)
        pub agreements: Vec<Agreement>,
    }
}

record! {
    /// A wearing part (11.1).
    pub struct Part ("a part") {
        /// 编码 · code
        pub code: Sp<String>,
        /// 名称 · name
        pub name: String,
        /// 英文名称 · name in English
        pub name_en: Option<String>,
        /// 单位 · unit
        pub unit: String,
        /// 单价 · unit price
        pub price: Sp<Money>,
    }
}

record! {
    /// `catalog/parts.toml`: the wearing-parts price list (9.3, 11.1).
    pub struct PartsList ("catalog/parts.toml") {
        /// 备件 · parts
        pub part: Vec<Part>,
    }
}

keywords! {
    /// What a rate charges for (8.5).
    pub enum RateKind ("rate kind") {
        /// 硬件维修 · hardware repair
        Hardware = "hardware",
        /// 软件维护 · software maintenance
        Software = "software",
        /// 人工 · labour
        Labour = "labour",
        /// 差旅 · travel
        Travel = "travel",
    }
}

record! {
    /// A line of the rate card.
    pub struct Rate ("a rate") {
        /// 编码 · code
        pub code: Sp<String>,
        /// 名称 · name
        pub name: String,
        /// 英文名称 · name in English
        pub name_en: Option<String>,
        /// 类别 · kind: hardware, software, labour, travel
        pub kind: RateKind,
        /// 单位 · unit
        pub unit: String,
        /// 单价 · price
        pub price: Sp<Money>,
    }
}

record! {
    /// `catalog/rates.toml`: the on-site service rate card (9.3).
    pub struct RateCard ("catalog/rates.toml") {
        /// 收费标准 · rates
        pub rate: Vec<Rate>,
    }
}

/// The key of an OpenSSH public key line (`ssh-ed25519 AAAA… comment`).
pub fn parse_public_key(text: &str) -> Option<ssh_key::PublicKey> {
    ssh_key::PublicKey::from_openssh(text.trim()).ok()
}

/// The language a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Locale {
    /// 简体中文 (the default: most of the procedure's users read Chinese)
    #[default]
    ZhCn,
    /// English
    En,
}

impl Locale {
    /// Every locale, in the order they are offered.
    pub const ALL: [Locale; 2] = [Locale::ZhCn, Locale::En];

    /// The locale named by `text`: `zh-CN` or `en` (case and `_`/`-` do not matter; `zh`
    /// and `en-US`-style tags are understood)
    pub fn parse(text: &str) -> Option<Locale> {
        let tag = text.trim().to_ascii_lowercase().replace('_', "-");
        match tag.as_str() {
            "zh-cn" | "zh" | "zh-hans" | "zh-hans-cn" => Some(Locale::ZhCn),
            "en" => Some(Locale::En),
            _ if tag.starts_with("en-") => Some(Locale::En),
            _ => None,
        }
    }

    /// The BCP 47 tag: `zh-CN` or `en`
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowances_are_whole_units_in_order() {
        let a = |t: &str| Allowance::parse(t).map(|a| (a.days, a.minutes));
        assert_eq!(a("30m"), Some((0, 30)));
        assert_eq!(a("4h"), Some((0, 240)));
        assert_eq!(a("1h30m"), Some((0, 90)));
        assert_eq!(a("2d"), Some((2, 0)));
        assert_eq!(a("1d4h"), Some((1, 240)));
        for bad in [
            "", "0h", "4", "h", "4 h", "30m1h", "1h1h", "4.5h", "-4h", "9999999h", "4H",
        ] {
            assert_eq!(a(bad), None, "{bad}");
        }
    }
}
