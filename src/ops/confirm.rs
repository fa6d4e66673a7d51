//! Whether a disruptive change may go ahead: none asked under a drop-in name or with `-y`, a
//! question on a terminal, a usage error without one. The decision is pure ([`Confirmation::decide`]);
//! only [`Confirmation::ask`] talks to the person.

use crate::error::{CliError, CliResult, ExitKind};

/// Whose rule decides whether a disruptive change asks before it is applied. Every command that
/// changes the cluster goes through [`Confirmation::ask`], so this one rule covers all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConfirmationRule {
    /// rsadmin's own name: ask on a terminal; no terminal and no `-y` is a usage error (exit 2).
    #[default]
    AskForDisruptive,
    /// Invoked as a drop-in (`rladmin`, `crdb-cli`): the real tool applies the commands rsadmin
    /// implements for it (bind, tune, placement, node external_addr, migrate, failover, crdb
    /// create/update/flush/add-, remove- and purge-instance) without a question, so scripts
    /// written for it run unchanged.
    AsTheToolDoes,
}

/// What the confirmation needs to know about the invocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Confirmation {
    pub rule: ConfirmationRule,
    /// `-y`.
    pub assume_yes: bool,
    /// stdin and stderr are a terminal, so a question can be asked and answered.
    pub terminal: bool,
}

/// What [`Confirmation::decide`] says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Proceed,
    Ask,
    /// No one to ask: a usage error that names `-y` and `--dry-run`.
    NoTerminal,
}

impl Confirmation {
    pub fn decide(self) -> Decision {
        if self.rule == ConfirmationRule::AsTheToolDoes || self.assume_yes {
            Decision::Proceed
        } else if self.terminal {
            Decision::Ask
        } else {
            Decision::NoTerminal
        }
    }

    /// The confirmation of one change (`what` says why it needs one, `preview` on stderr shows
    /// it): declining refuses (exit 3).
    pub fn ask(self, what: &str, preview: &str) -> CliResult<()> {
        match self.decide() {
            Decision::Proceed => return Ok(()),
            Decision::NoTerminal => {
                return Err(CliError::usage(format!(
                    "{what} and needs confirmation, but there is no terminal to ask on. \
                     Re-run with -y to confirm (or --dry-run to see the plan); nothing was sent."
                )));
            }
            Decision::Ask => {}
        }
        eprint!("{preview}");
        let accepted = dialoguer::Confirm::new()
            .with_prompt(format!("{what}. Apply?"))
            .default(false)
            .interact()
            .map_err(|err| CliError::usage(format!("cannot read the answer: {err}")))?;
        if accepted {
            Ok(())
        } else {
            // Declining leaves the cluster unchanged, like a refusal.
            Err(CliError::new(
                ExitKind::Refused,
                "cancelled; nothing was changed",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drop_in_and_yes_proceed_a_terminal_asks_else_usage_error() {
        let own = |assume_yes, terminal| Confirmation {
            rule: ConfirmationRule::AskForDisruptive,
            assume_yes,
            terminal,
        };
        assert_eq!(own(true, false).decide(), Decision::Proceed);
        assert_eq!(own(false, true).decide(), Decision::Ask);
        assert_eq!(own(false, false).decide(), Decision::NoTerminal);
        let drop_in = Confirmation {
            rule: ConfirmationRule::AsTheToolDoes,
            ..own(false, false)
        };
        assert_eq!(drop_in.decide(), Decision::Proceed);
        let err = own(false, false)
            .ask("changing x affects clients", "")
            .unwrap_err();
        assert_eq!(err.kind, ExitKind::Usage);
        assert!(
            err.message
                .starts_with("changing x affects clients and needs confirmation")
        );
    }
}
