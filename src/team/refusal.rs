//! What a step that was not taken says to do next: the hint under each refusal or failure,
//! and whether the fault is the environment's (git, the disk) rather than the request's.
//! The command line and the web view show the same message with the same hints.

use crate::history::actions::ActionError;
use crate::history::signing::SignError;
use crate::history::store::StoreError;
use crate::t;
use crate::team::review::ReviewError;
use crate::team::step::StepError;
use crate::workspace::case::LookupError;

/// The hints of a step not taken, in the order they are shown.
pub fn step_hints(e: &StepError) -> Vec<String> {
    match e {
        StepError::Lookup(e) => vec![lookup_hint(e)],
        StepError::Action(e) => action_hint(e).into_iter().collect(),
        StepError::Review(e) => review_hint(e).into_iter().collect(),
        StepError::OnBranch { source, hint } => {
            let mut hints = step_hints(source);
            hints.push(hint.clone());
            hints
        }
    }
}

/// Whether a step failed because of the environment (git, the disk, no identity) rather
/// than being refused.
pub fn step_is_environment(e: &StepError) -> bool {
    match e {
        StepError::Lookup(_) => false,
        StepError::Action(e) => action_is_environment(e),
        StepError::Review(ReviewError::Store(e)) => store_is_environment(e),
        StepError::Review(_) => false,
        StepError::OnBranch { source, .. } => step_is_environment(source),
    }
}

/// What to do about a name that finds no case, or more than one.
pub fn lookup_hint(e: &LookupError) -> String {
    match e {
        LookupError::NotFound {
            closest: Some(c), ..
        } => t!("cli-case-did-you-mean", case = c),
        LookupError::NotFound { .. } => t!("cli-case-list-hint"),
        LookupError::Ambiguous { .. } => t!("cli-case-ambiguous-hint"),
    }
}

/// What to do about a refused or failed action.
pub fn action_hint(e: &ActionError) -> Option<String> {
    Some(match e {
        ActionError::NoIdentity => t!("step-no-identity-hint"),
        ActionError::UnknownPerson(_) => t!("step-unknown-person-hint"),
        ActionError::Unreadable(..) | ActionError::Rules { .. } => t!("step-fix-findings-hint"),
        ActionError::WrongState { case, .. } => t!("step-wrong-state-hint", case = case),
        ActionError::Role { .. } => t!("step-role-hint"),
        ActionError::SelfApproval { .. } => t!("step-self-approval-hint"),
        ActionError::Invalid(_, hint) => hint.clone(),
        ActionError::Uncommitted { path, .. } => {
            t!("step-uncommitted-hint", path = path.display().to_string())
        }
        ActionError::Store(e) => return store_hint(e),
    })
}

/// Whether an action failed because of the environment.
pub fn action_is_environment(e: &ActionError) -> bool {
    match e {
        ActionError::NoIdentity => true,
        ActionError::Store(e) => store_is_environment(e),
        _ => false,
    }
}

/// What to do about a refusal or failure of the repository.
pub fn store_hint(e: &StoreError) -> Option<String> {
    Some(match e {
        StoreError::Detached => t!("store-detached-hint"),
        StoreError::Busy(_) => t!("store-busy-hint"),
        StoreError::Moved(_) => t!("store-moved-hint"),
        StoreError::RefLocked(_, lock) => {
            t!("store-ref-locked-hint", lock = lock.display().to_string())
        }
        StoreError::Dirty(_) => t!("store-dirty-hint"),
        StoreError::Locked(_) => t!("store-locked-hint"),
        StoreError::NotARepository => t!("store-not-a-repository-hint"),
        StoreError::Io { .. } | StoreError::Git { .. } => return None,
        StoreError::Sign(e) => return sign_hint(e),
        StoreError::Refused(_) => t!("store-refused-hint"),
    })
}

/// Whether the repository failed (rather than refused).
pub fn store_is_environment(e: &StoreError) -> bool {
    !matches!(
        e,
        StoreError::Detached
            | StoreError::Busy(_)
            | StoreError::Dirty(_)
            | StoreError::Refused(_)
            | StoreError::Sign(SignError::NoKey(_))
    )
}

/// What to do about a commit that could not be signed.
fn sign_hint(e: &SignError) -> Option<String> {
    Some(
        match e {
            SignError::NoKey(_) => {
                "name your SSH key, the one people.toml lists as your signing_key: git config user.signingkey ~/.ssh/id_ed25519"
            }
            SignError::Spawn { .. } => {
                "install OpenSSH's ssh-keygen, or name the program in git's gpg.ssh.program"
            }
            SignError::Failed { .. } => {
                "check the key git's user.signingkey names; for a public key, ssh-agent must hold its private half (ssh-add)"
            }
            SignError::Io { .. } => return None,
        }
        .to_string(),
    )
}

/// What to do about a refusal or failure about the case's branch.
pub fn review_hint(e: &ReviewError) -> Option<String> {
    Some(match e {
        ReviewError::WouldOverwrite { .. } => t!("cli-review-would-overwrite-hint"),
        ReviewError::Diverged { branch, remote } => t!(
            "cli-review-diverged-hint",
            branch = branch.as_str(),
            remote = remote.as_str()
        ),
        ReviewError::OtherCase { back_to, .. } => t!(
            "cli-review-other-case-hint",
            branch = back_to.as_deref().unwrap_or("main")
        ),
        ReviewError::Unborn(_) => t!("cli-review-unborn-hint"),
        ReviewError::Store(e) => return store_hint(e),
    })
}
