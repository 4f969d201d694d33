//! Steps that `svc.toml` asks to be signed (`[security] signed_actions`): svc signs them
//! with the key git's `user.signingkey` names, as git would, and git itself accepts the
//! signature; a person without a signing key is refused before anything changes; and
//! `svc check` reports a step that is unsigned, signed with another key than the one
//! people.toml lists for the person, changed after it was signed, or signed with a key
//! removed from people.toml before the step.
//!
//! The keys are made with ssh-keygen (OpenSSH's client tools) in each test's own home.

use super::*;
use serde_json::Value;
use std::io::Write;
use std::process::{Child, Stdio};

/// A new ed25519 key pair without a passphrase in the home's `.ssh/`: the private key's
/// path and the public key's line.
pub(super) fn keygen(ws: &Ws, name: &str) -> (PathBuf, String) {
    keygen_of(ws, "ed25519", name)
}

/// A new key pair of ssh-keygen's type `kind` ([`keygen`]).
fn keygen_of(ws: &Ws, kind: &str, name: &str) -> (PathBuf, String) {
    let dir = ws.home().join(".ssh");
    std::fs::create_dir_all(&dir).expect("the .ssh folder");
    let path = dir.join(name);
    let out = Command::new("ssh-keygen")
        .args(["-t", kind, "-N", "", "-q", "-C", name, "-f"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| {
            panic!("the signing tests need ssh-keygen (OpenSSH's client tools): {e}")
        });
    assert!(out.status.success(), "ssh-keygen: {}", stderr(&out));
    let public = std::fs::read_to_string(dir.join(format!("{name}.pub"))).expect("the public key");
    (path, public.trim().to_string())
}

/// A key's fingerprint as ssh-keygen prints it (`SHA256:…`).
fn fingerprint(public: &str) -> String {
    let mut child = Command::new("ssh-keygen")
        .args(["-l", "-f", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run ssh-keygen");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(public.as_bytes())
        .expect("write the key");
    let out = child.wait_with_output().expect("ssh-keygen -l");
    let line = stdout(&out);
    line.split_whitespace()
        .nth(1)
        .unwrap_or_else(|| panic!("no fingerprint in {line}"))
        .to_string()
}

/// The admin asks for `approve` to be signed and lists `key` as li.na's signing key.
pub(super) fn require_signed_approvals(ws: &Ws, key: &str) {
    ws.edit(
        "svc.toml",
        "signed_actions = []",
        "signed_actions = [\"approve\"]",
    );
    ws.edit(
        "people.toml",
        "roles = [\"csc\", \"lead\"]",
        &format!("roles = [\"csc\", \"lead\"]\nsigning_key = \"{key}\""),
    );
    ws.git(&["add", "svc.toml", "people.toml"]);
    ws.git_commit_as("zhao.min", "审批须签名 · approvals are signed");
}

/// Git signs with the key file at `~/.ssh/<name>`, written as a person writes it.
pub(super) fn sign_with(ws: &Ws, name: &str) {
    ws.git(&["config", "user.signingkey", &format!("~/.ssh/{name}")]);
}

/// A case waiting for li.na's signature, li.na acting.
fn awaiting_li_na(ws: &Ws) -> Case {
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    ws.act_as("li.na");
    case
}

/// The messages of the history findings of a commit in `svc check --json`.
fn messages(findings: &[Value], commit: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f["rule"] == "history" && f["commit"] == commit)
        .map(|f| f["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// `svc check` finds exactly one problem with `commit`, saying `problem`, with a hint, in
/// the text output as in JSON.
fn check_finds(ws: &Ws, commit: &str, problem: &str) {
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1, "svc check passed: {findings:?}");
    let short = &commit[..10];
    assert_eq!(
        messages(&findings, commit),
        vec![format!("commit {short}: {problem}")],
        "{findings:#?}"
    );
    let finding = findings
        .iter()
        .find(|f| f["commit"] == commit)
        .expect("the finding");
    assert!(finding["hint"].as_str().is_some(), "no hint: {finding}");
    let out = ws.svc(T_LATER, &["check"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.contains(&format!("error[history]: commit {short}: {problem}")),
        "{text}"
    );
}

#[test]
fn a_signed_approval_passes_svc_check_and_git_verifies_it() {
    let ws = Ws::init();
    let (_, public) = keygen(&ws, "li.na");
    require_signed_approvals(&ws, &public);
    let case = awaiting_li_na(&ws);
    sign_with(&ws, "li.na");
    ws.ok(T_APPROVE, &["approve", &case.id]);
    assert_eq!(ws.state(&case), "approved");
    let signed = ws.head();
    assert!(
        ws.git(&["cat-file", "commit", &signed])
            .contains("\ngpgsig -----BEGIN SSH SIGNATURE-----\n"),
        "the signature is not in the commit's gpgsig header"
    );
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:#?}");
    assert!(messages(&findings, &signed).is_empty(), "{findings:#?}");
    // Git reads the signature as its own, with the people it trusts listed.
    let allowed = ws.home().join("allowed_signers");
    std::fs::write(
        &allowed,
        format!("li.na@example.com namespaces=\"git\" {public}\n"),
    )
    .expect("write the allowed signers");
    let trust = format!("gpg.ssh.allowedSignersFile={}", allowed.display());
    let log = ws.git(&["-c", &trust, "log", "--show-signature", "-1", &signed]);
    let good = format!(
        "Good \"git\" signature for li.na@example.com with ED25519 key {}",
        fingerprint(&public)
    );
    assert!(log.contains(&good), "{log}");
    ws.git(&["-c", &trust, "verify-commit", &signed]);
}

#[test]
fn ecdsa_and_rsa_keys_sign_and_verify_too() {
    for (kind, git_says) in [("ecdsa", "ECDSA"), ("rsa", "RSA")] {
        let ws = Ws::init();
        let (_, public) = keygen_of(&ws, kind, "li.na");
        require_signed_approvals(&ws, &public);
        let case = awaiting_li_na(&ws);
        sign_with(&ws, "li.na");
        ws.ok(T_APPROVE, &["approve", &case.id]);
        let (exit, findings) = ws.check_json(&[]);
        assert_eq!(exit, 0, "{kind}: {findings:#?}");
        let allowed = ws.home().join("allowed_signers");
        std::fs::write(&allowed, format!("li.na@example.com {public}\n"))
            .expect("write the allowed signers");
        let trust = format!("gpg.ssh.allowedSignersFile={}", allowed.display());
        let log = ws.git(&["-c", &trust, "log", "--show-signature", "-1"]);
        assert!(
            log.contains(&format!(
                "Good \"git\" signature for li.na@example.com with {git_says} key"
            )),
            "{kind}: {log}"
        );
    }
}

#[test]
fn an_approval_without_a_signing_key_is_refused_and_changes_nothing() {
    let ws = Ws::init();
    let (_, public) = keygen(&ws, "li.na");
    require_signed_approvals(&ws, &public);
    let case = awaiting_li_na(&ws);
    let err = refused(&ws, &case, T_APPROVE, &["approve", &case.id]);
    assert_eq!(
        error_line(&err),
        "error: svc.toml asks for `approve` to be signed, but git has no user.signingkey here"
    );
    assert!(
        hint_lines(&err)
            .iter()
            .any(|h| h.contains("git config user.signingkey ~/.ssh/id_ed25519")),
        "{err}"
    );
    // A key that cannot be used: ssh-keygen's own words, and still nothing changed.
    sign_with(&ws, "id_missing");
    let err = refused_with(&ws, &case, T_APPROVE, &["approve", &case.id], 3);
    let line = error_line(&err);
    assert!(
        line.starts_with("error: ssh-keygen could not sign the commit: ")
            && line.contains("id_missing"),
        "{err}"
    );
    sign_with(&ws, "li.na");
    ws.ok(T_APPROVE, &["approve", &case.id]);
    assert_eq!(ws.state(&case), "approved");
}

#[test]
fn an_unsigned_approval_is_caught() {
    let ws = Ws::init();
    let (_, public) = keygen(&ws, "li.na");
    require_signed_approvals(&ws, &public);
    let case = awaiting_li_na(&ws);
    sign_with(&ws, "li.na");
    // li.na's copy of svc.toml no longer asks for signatures (an edit never committed).
    ws.edit(
        "svc.toml",
        "signed_actions = [\"approve\"]",
        "signed_actions = []",
    );
    ws.ok(T_APPROVE, &["approve", &case.id]);
    let unsigned = ws.head();
    ws.git(&["checkout", "svc.toml"]);
    check_finds(
        &ws,
        &unsigned,
        "`approve` is not signed, but svc.toml asks for it to be (signed_actions)",
    );
}

#[test]
fn an_approval_signed_with_another_key_is_caught() {
    let ws = Ws::init();
    let (_, listed) = keygen(&ws, "li.na");
    let (_, other) = keygen(&ws, "li.na-laptop");
    require_signed_approvals(&ws, &listed);
    let case = awaiting_li_na(&ws);
    sign_with(&ws, "li.na-laptop");
    ws.ok(T_APPROVE, &["approve", &case.id]);
    let signed = ws.head();
    check_finds(
        &ws,
        &signed,
        &format!(
            "`approve` is signed with the key {}, which is not li.na's signing_key in people.toml ({})",
            fingerprint(&other),
            fingerprint(&listed)
        ),
    );
}

#[test]
fn an_approval_changed_after_signing_is_caught() {
    let ws = Ws::init();
    let (_, public) = keygen(&ws, "li.na");
    require_signed_approvals(&ws, &public);
    let case = awaiting_li_na(&ws);
    sign_with(&ws, "li.na");
    ws.ok(T_APPROVE, &["approve", &case.id, "--note", "同意出差。"]);
    let signed = ws.head();
    // The commit rewritten with plain git, its signature kept.
    let raw = ws.git(&["cat-file", "commit", &signed]);
    assert!(
        raw.contains("gpgsig -----BEGIN SSH SIGNATURE-----"),
        "{raw}"
    );
    let edited = raw.replacen("同意出差。", "同意出差,预支 5000 元。", 1);
    let mut hash = ws
        .git_command()
        .args(["hash-object", "-t", "commit", "-w", "--stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run git hash-object");
    hash.stdin
        .take()
        .expect("stdin")
        .write_all(edited.as_bytes())
        .expect("write the commit");
    let out = hash.wait_with_output().expect("git hash-object");
    assert!(out.status.success(), "{}", stderr(&out));
    let tampered = stdout(&out).trim().to_string();
    ws.git(&["update-ref", "HEAD", &tampered, &signed]);
    check_finds(
        &ws,
        &tampered,
        "the signature of `approve` does not match the commit: it was changed after it was signed",
    );
}

#[test]
fn an_approval_signed_with_a_key_removed_from_people_toml_is_caught() {
    let ws = Ws::init();
    let (_, public) = keygen(&ws, "li.na");
    require_signed_approvals(&ws, &public);
    let case = awaiting_li_na(&ws);
    // The admin withdraws li.na's key (a lost laptop); she still signs with it.
    ws.edit("people.toml", &format!("\nsigning_key = \"{public}\""), "");
    ws.git(&["add", "people.toml"]);
    ws.git_commit_as("zhao.min", "李娜的签名公钥作废 · li.na's key withdrawn");
    ws.act_as("li.na");
    sign_with(&ws, "li.na");
    ws.ok(T_APPROVE, &["approve", &case.id]);
    let signed = ws.head();
    check_finds(
        &ws,
        &signed,
        "`approve` is signed, but li.na has no signing_key in people.toml at the commit's parent (the key was removed, or never listed)",
    );
}

/// An ssh-agent of the test's own, stopped when dropped.
struct Agent {
    child: Child,
    socket: PathBuf,
}

impl Agent {
    fn start(ws: &Ws) -> Agent {
        let socket = ws.home().join("agent.sock");
        let child = Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&socket)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("the signing tests need ssh-agent (OpenSSH's client tools): {e}")
            });
        let agent = Agent { child, socket };
        // The agent makes its socket once it listens.
        for _ in 0..1000 {
            if agent.socket.exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(agent.socket.exists(), "ssh-agent made no socket");
        agent
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_key_in_ssh_agent_signs_when_git_names_its_public_half() {
    let ws = Ws::init();
    let (private, public) = keygen(&ws, "li.na");
    require_signed_approvals(&ws, &public);
    let other = ws.case_at(Stage::PendingApproval, "wang.qiang");
    let case = awaiting_li_na(&ws);
    ws.git(&["config", "user.signingkey", &format!("key::{public}")]);
    // No agent: ssh-keygen says why, nothing changed, no scratch copy of the key left.
    let err = refused_with(&ws, &case, T_APPROVE, &["approve", &case.id], 3);
    assert!(
        error_line(&err).starts_with("error: ssh-keygen could not sign the commit: "),
        "{err}"
    );
    let scratch = |ws: &Ws| -> Vec<String> {
        std::fs::read_dir(ws.root().join(".git/svc"))
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.contains("signing-key"))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(scratch(&ws), Vec::<String>::new());
    // The agent holds the private key; the file is gone.
    let agent = Agent::start(&ws);
    let added = Command::new("ssh-add")
        .arg("-q")
        .arg(&private)
        .env("SSH_AUTH_SOCK", &agent.socket)
        .output()
        .expect("run ssh-add");
    assert!(added.status.success(), "ssh-add: {}", stderr(&added));
    std::fs::remove_file(&private).expect("remove the private key");
    let out = ws
        .command(T_APPROVE)
        .env("SSH_AUTH_SOCK", &agent.socket)
        .args(["approve", &case.id])
        .output()
        .expect("run svc");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(ws.state(&case), "approved");
    assert_eq!(scratch(&ws), Vec::<String>::new());
    // The public key's file names it as well.
    sign_with(&ws, "li.na.pub");
    let out = ws
        .command(T_APPROVE)
        .env("SSH_AUTH_SOCK", &agent.socket)
        .args(["approve", &other.id])
        .output()
        .expect("run svc");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(ws.state(&other), "approved");
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:#?}");
}
