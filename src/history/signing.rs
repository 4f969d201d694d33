//! SSH signatures on svc's commits, made and checked the way git does with
//! `gpg.format = ssh`. A step that `svc.toml` asks to be signed (`[security]
//! signed_actions`) is signed by `ssh-keygen -Y sign -n git` with the key git's
//! `user.signingkey` names, and the signature goes in the commit's `gpgsig` header, so git's
//! own `git log --show-signature` reads it too. `svc check` verifies it against the author's
//! `signing_key` in people.toml.

use crate::forms::Action;
use crate::forms::config::parse_public_key;
use crate::history::git::ConfigSources;
use crate::t;
use git2::{Oid, Repository};
use ssh_key::{HashAlg, PublicKey, SshSig};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The namespace of git's signatures on commits.
pub const NAMESPACE: &str = "git";

/// Why a commit could not be signed.
#[derive(Debug)]
pub enum SignError {
    /// Git names no key to sign with.
    NoKey(Action),
    /// The signing program could not be started.
    Spawn {
        /// The program.
        program: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The signing program refused or failed.
    Failed {
        /// The program.
        program: String,
        /// What it said.
        stderr: String,
    },
    /// The scratch file holding a literal key could not be written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            SignError::NoKey(action) => t!("history-sign-no-key", action = action.name()),
            SignError::Spawn { program, source } => t!(
                "history-sign-spawn",
                program = program,
                error = source.to_string()
            ),
            SignError::Failed { program, stderr } => {
                t!("history-sign-failed", program = program, stderr = stderr)
            }
            SignError::Io { path, source } => format!("{}: {source}", path.display()),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SignError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SignError::Spawn { source, .. } | SignError::Io { source, .. } => Some(source),
            SignError::NoKey(_) | SignError::Failed { .. } => None,
        }
    }
}

/// The key git signs with, as `user.signingkey` names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigningKey {
    /// A key file: a private key, or a public key whose private half ssh-agent holds.
    File(PathBuf),
    /// A public key written out; ssh-agent holds the private half.
    Literal(String),
}

impl SigningKey {
    /// Read `user.signingkey` as git does: `key::…` or `ssh-…` is a key written out,
    /// anything else the path of a key file (`~/` is the home folder).
    pub fn from_config(config: &git2::Config) -> Option<SigningKey> {
        let value = config.get_string("user.signingkey").ok()?;
        let value = value.trim();
        if let Some(key) = value.strip_prefix("key::") {
            return Some(SigningKey::Literal(key.trim().to_string()));
        }
        if value.starts_with("ssh-") {
            return Some(SigningKey::Literal(value.to_string()));
        }
        if value.is_empty() {
            return None;
        }
        let path = config
            .get_path("user.signingkey")
            .unwrap_or_else(|_| PathBuf::from(value));
        Some(SigningKey::File(path))
    }
}

/// Sign the bytes of a commit for `action` as git would: `ssh-keygen -Y sign -n git` (or
/// git's `gpg.ssh.program`) with the key `user.signingkey` names, the bytes on standard
/// input, the armored signature read from standard output. A key written out in the
/// configuration is put in a scratch file under `scratch` while it is used.
pub fn sign(
    repo: &Repository,
    sources: &ConfigSources,
    scratch: &Path,
    action: Action,
    data: &[u8],
) -> Result<String, SignError> {
    let config = crate::history::git::config(repo, sources);
    let key = config
        .as_ref()
        .and_then(SigningKey::from_config)
        .ok_or(SignError::NoKey(action))?;
    let program = config
        .as_ref()
        .and_then(|c| c.get_string("gpg.ssh.program").ok())
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| "ssh-keygen".to_string());
    match key {
        SigningKey::File(path) => run_signer(&program, &path, false, data),
        SigningKey::Literal(text) => {
            let path = scratch.join(format!("signing-key-{}.pub", std::process::id()));
            let io = |source| SignError::Io {
                path: path.clone(),
                source,
            };
            std::fs::create_dir_all(scratch).map_err(io)?;
            std::fs::write(&path, format!("{text}\n")).map_err(io)?;
            let signed = run_signer(&program, &path, true, data);
            let _ = std::fs::remove_file(&path);
            signed
        }
    }
}

/// `PROGRAM -Y sign -n git -f KEY [-U]`, the data on standard input.
fn run_signer(program: &str, key: &Path, agent: bool, data: &[u8]) -> Result<String, SignError> {
    let mut command = Command::new(program);
    command
        .args(["-Y", "sign", "-n", NAMESPACE, "-f"])
        .arg(key)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if agent {
        command.arg("-U");
    }
    let mut child = command.spawn().map_err(|source| SignError::Spawn {
        program: program.to_string(),
        source,
    })?;
    if let Some(mut stdin) = child.stdin.take() {
        // ssh-keygen reads everything before it writes; if it stops early, what it says on
        // stderr tells why, not the broken pipe.
        let _ = stdin.write_all(data);
    }
    let output = child
        .wait_with_output()
        .map_err(|source| SignError::Spawn {
            program: program.to_string(),
            source,
        })?;
    let signature = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() || !signature.contains("BEGIN SSH SIGNATURE") {
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(SignError::Failed {
            program: program.to_string(),
            stderr: if stderr.is_empty() {
                t!("history-sign-no-output", status = output.status.to_string())
            } else {
                stderr
            },
        });
    }
    Ok(signature)
}

/// A key's fingerprint as ssh-keygen and git print it (`SHA256:…`).
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// What is wrong with a commit's signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The commit carries no signature.
    Unsigned,
    /// The signature is not an SSH signature for git's namespace.
    Unreadable(String),
    /// The person has no signing key to check it against.
    NoKey,
    /// The person's signing key is not an OpenSSH public key.
    BadKey,
    /// The commit was signed with another key than the person's.
    WrongKey {
        /// The fingerprint of the key that signed.
        signed_by: String,
        /// The fingerprint of the person's key.
        expected: String,
    },
    /// The signature does not match the commit: it was changed after it was signed.
    Mismatch,
}

/// Check the SSH signature of a commit against `key`, the author's `signing_key`.
pub fn verify(repo: &Repository, commit: Oid, key: Option<&str>) -> Result<(), Problem> {
    let (signature, signed) = match repo.extract_signature(&commit, Some("gpgsig")) {
        Ok(found) => found,
        Err(e) if e.code() == git2::ErrorCode::NotFound => return Err(Problem::Unsigned),
        Err(e) => return Err(Problem::Unreadable(e.message().to_string())),
    };
    let sig = SshSig::from_pem(&*signature)
        .map_err(|e| t!("history-signature-not-ssh", error = e.to_string()))
        .map_err(Problem::Unreadable)?;
    if sig.namespace() != NAMESPACE {
        return Err(Problem::Unreadable(t!(
            "history-signature-namespace",
            namespace = sig.namespace()
        )));
    }
    let key = parse_public_key(key.ok_or(Problem::NoKey)?).ok_or(Problem::BadKey)?;
    if key.key_data() != sig.public_key() {
        return Err(Problem::WrongKey {
            signed_by: sig.public_key().fingerprint(HashAlg::Sha256).to_string(),
            expected: fingerprint(&key),
        });
    }
    key.verify(NAMESPACE, &signed, &sig)
        .map_err(|_| Problem::Mismatch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_in(text: &str) -> Option<SigningKey> {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config");
        std::fs::write(&file, text).unwrap();
        SigningKey::from_config(&git2::Config::open(&file).unwrap())
    }

    #[test]
    fn the_signing_key_is_read_as_git_reads_it() {
        let literal = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKu6 li.na";
        assert_eq!(
            key_in(&format!("[user]\n\tsigningkey = key::{literal}\n")),
            Some(SigningKey::Literal(literal.to_string()))
        );
        assert_eq!(
            key_in(&format!("[user]\n\tsigningkey = {literal}\n")),
            Some(SigningKey::Literal(literal.to_string()))
        );
        assert_eq!(
            key_in("[user]\n\tsigningkey = /keys/id_ed25519\n"),
            Some(SigningKey::File(PathBuf::from("/keys/id_ed25519")))
        );
        assert_eq!(key_in("[user]\n\tname = x\n"), None);
    }

    #[test]
    fn public_keys_are_read_from_openssh_lines() {
        let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILM+rvN+ot98qgEN796jTiQfZfG1KaT0PtFDJ/XFSqti user@example.com";
        let parsed = parse_public_key(key).unwrap();
        assert!(fingerprint(&parsed).starts_with("SHA256:"));
        assert!(parse_public_key("ssh-ed25519 not-base64").is_none());
        assert!(parse_public_key("").is_none());
    }
}
