//! Who is switched in on this laptop, per team, and when that stops counting.
//!
//! Sessions live in the memory of the running app (after a restart everybody types
//! their PIN again); time comes in as seconds from the caller, so the rules here are
//! plain functions of it.

use std::collections::HashMap;

use crate::team::Role;

/// How long a session may sit idle. The officers' (and the trainer's) rights expose
/// the most, so their sessions end soonest; an assessor reading material for a while
/// keeps theirs longer, and it ends anyway when their sheet is submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    pub officer_idle_secs: u64,
    pub member_idle_secs: u64,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            officer_idle_secs: 5 * 60,
            member_idle_secs: 30 * 60,
        }
    }
}

impl SessionPolicy {
    /// The same idle time for everyone: what tests use to see sessions end quickly.
    pub fn uniform(idle_secs: u64) -> SessionPolicy {
        SessionPolicy {
            officer_idle_secs: idle_secs,
            member_idle_secs: idle_secs,
        }
    }

    pub fn idle_secs(&self, role: Role) -> u64 {
        match role {
            Role::Chair | Role::Secretary | Role::Trainer => self.officer_idle_secs,
            Role::Assessor | Role::Committee => self.member_idle_secs,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub member_id: i64,
    pub role: Role,
    pub last_active: u64,
}

/// What a lookup found for a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    None,
    Live(Session),
    /// The session had been idle too long; it is gone now.
    Expired(Session),
}

/// The sessions of every team on this laptop.
#[derive(Debug, Default)]
pub struct Sessions {
    policy: SessionPolicy,
    by_team: HashMap<i64, Session>,
}

impl Sessions {
    pub fn new(policy: SessionPolicy) -> Sessions {
        Sessions {
            policy,
            by_team: HashMap::new(),
        }
    }

    pub fn start(&mut self, team_id: i64, member_id: i64, role: Role, now: u64) {
        self.by_team.insert(
            team_id,
            Session {
                member_id,
                role,
                last_active: now,
            },
        );
    }

    pub fn end(&mut self, team_id: i64) {
        self.by_team.remove(&team_id);
    }

    /// The team's session as of `now`, ending it if it sat idle too long. Looking
    /// does not count as activity: [`Sessions::touch`] does.
    pub fn lookup(&mut self, team_id: i64, now: u64) -> Lookup {
        let Some(session) = self.by_team.get(&team_id).copied() else {
            return Lookup::None;
        };
        if now.saturating_sub(session.last_active) > self.policy.idle_secs(session.role) {
            self.by_team.remove(&team_id);
            return Lookup::Expired(session);
        }
        Lookup::Live(session)
    }

    /// The member acting for the team now, if any (an expired session ends here).
    pub fn acting(&mut self, team_id: i64, now: u64) -> Option<i64> {
        match self.lookup(team_id, now) {
            Lookup::Live(s) => Some(s.member_id),
            Lookup::None | Lookup::Expired(_) => None,
        }
    }

    /// Records activity in a live session, so it does not expire while in use.
    pub fn touch(&mut self, team_id: i64, now: u64) {
        if let Lookup::Live(_) = self.lookup(team_id, now) {
            if let Some(s) = self.by_team.get_mut(&team_id) {
                s.last_active = now;
            }
        }
    }

    /// Seconds of idleness left before the team's session ends; `None` without one.
    pub fn remaining_secs(&mut self, team_id: i64, now: u64) -> Option<u64> {
        match self.lookup(team_id, now) {
            Lookup::Live(s) => Some(
                self.policy
                    .idle_secs(s.role)
                    .saturating_sub(now.saturating_sub(s.last_active)),
            ),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_officer_session_ends_after_its_idle_time_and_activity_keeps_it() {
        let mut s = Sessions::new(SessionPolicy {
            officer_idle_secs: 300,
            member_idle_secs: 1800,
        });
        s.start(1, 10, Role::Chair, 1000);
        assert_eq!(s.acting(1, 1200), Some(10));
        s.touch(1, 1250);
        assert_eq!(s.acting(1, 1540), Some(10), "touched at 1250, idle 290 s");
        assert!(matches!(s.lookup(1, 1551), Lookup::Expired(_)));
        assert_eq!(s.acting(1, 1552), None, "an expired session stays gone");
    }

    #[test]
    fn an_assessor_may_read_longer_than_an_officer() {
        let mut s = Sessions::new(SessionPolicy::default());
        s.start(1, 10, Role::Assessor, 0);
        s.start(2, 20, Role::Secretary, 0);
        assert_eq!(s.acting(1, 600), Some(10));
        assert_eq!(s.acting(2, 600), None);
    }

    #[test]
    fn teams_have_their_own_sessions_and_ending_one_leaves_the_other() {
        let mut s = Sessions::new(SessionPolicy::uniform(60));
        s.start(1, 10, Role::Chair, 0);
        s.start(2, 20, Role::Chair, 0);
        s.end(1);
        assert_eq!(s.acting(1, 1), None);
        assert_eq!(s.acting(2, 1), Some(20));
        assert_eq!(s.remaining_secs(2, 10), Some(50));
        assert_eq!(s.remaining_secs(1, 10), None);
    }

    #[test]
    fn touching_an_expired_session_does_not_revive_it() {
        let mut s = Sessions::new(SessionPolicy::uniform(60));
        s.start(1, 10, Role::Chair, 0);
        s.touch(1, 100);
        assert_eq!(s.acting(1, 100), None);
    }
}
