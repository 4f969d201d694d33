//! Everyday moves of the desk, on the sample company: accepting a case with a fee
//! arrangement that does not fit the product's warranty is taken, with a warning that names
//! the date (5.1.2, 9.1).

use crate::common::{stderr, stdout};
use crate::report::sample_company;
use crate::workflow::code;

/// The sample company's clock: the story's last evening.
const AT: &str = "2026-11-26T18:30:00+08:00";

#[test]
fn accepting_against_the_warranty_is_taken_with_a_warning_naming_the_date() {
    let ws = sample_company();
    ws.git(&["config", "user.email", "zhang.wei@huaxuntong.cn"]);
    // The requested case's NT3600-2024-00451 is in warranty until 2027-06-14.
    let out = ws.svc(
        AT,
        &["--locale", "en", "accept", "98954X", "--fee", "billable"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("requested -> accepted"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains(
            "warning: accepted as billable work on 2026-11-26, while NT3600-2024-00451 is in \
             warranty until 2027-06-14"
        ),
        "{}",
        stderr(&out)
    );
    // A new request on the Panyu OLT, whose warranty ended on 2025-03-14, accepted as
    // warranty work: taken, and said in Chinese with the JSON carrying it too.
    let out = ws.svc(
        AT,
        &[
            "new",
            "--customer",
            "gd-telecom-gz",
            "--site",
            "gz-panyu",
            "--product",
            "NT3600-2022-00041",
            "--fault",
            "主控板告警",
            "--contact",
            "陈工",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let out = ws.svc(
        AT,
        &["--locale", "zh-CN", "accept", &id, "--fee", "warranty"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "警告: 2026-11-26 按保修受理，但 NT3600-2022-00041 的保修期已于 2025-03-14 结束"
        ),
        "{}",
        stderr(&out)
    );
    // The fitting arrangement says nothing.
    let out = ws.svc(
        AT,
        &[
            "--json",
            "new",
            "--customer",
            "gd-telecom-gz",
            "--site",
            "gz-panyu",
            "--product",
            "NT3600-2022-00041",
            "--fault",
            "风扇告警",
            "--contact",
            "陈工",
        ],
    );
    let made: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let id = made["case"].as_str().expect("a case id").to_string();
    let out = ws.svc(AT, &["--json", "accept", &id, "--fee", "billable"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let taken: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(taken["notices"], serde_json::json!([]), "{taken}");
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}
