//! What a new password must be: 8 to 128 characters and not easy to guess (NIST SP 800-63B:
//! length and a check against common and guessable passwords, no composition rules).

use zxcvbn::Score;

use super::user::{MAX_PASSWORD_LEN, MIN_PASSWORD_LEN};

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("the password must be at least {min} characters", min = MIN_PASSWORD_LEN)]
    TooShort,
    #[error("the password must be at most {max} characters", max = MAX_PASSWORD_LEN)]
    TooLong,
    #[error("the password is too common or too easy to guess")]
    TooCommon,
}

impl PasswordProblem {
    /// The translation key of the message shown beside the field.
    pub fn message_key(self) -> &'static str {
        match self {
            Self::TooShort => "password-too-short",
            Self::TooLong => "password-too-long",
            Self::TooCommon => "password-too-common",
        }
    }
}

/// Checks a new password. `context` holds words an attacker would try first for this account
/// (login, name), which zxcvbn treats as known.
pub fn check_new_password(password: &str, context: &[&str]) -> Result<(), PasswordProblem> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_LEN {
        return Err(PasswordProblem::TooShort);
    }
    if n > MAX_PASSWORD_LEN {
        return Err(PasswordProblem::TooLong);
    }
    let context: Vec<&str> = context
        .iter()
        .copied()
        .chain(["jobmap", "roadmap", "akimat", "kazakhstan", "qazaqstan"])
        .collect();
    // Score 2 and up: at least ~10^6 guesses with the dictionaries of common passwords,
    // names and words, keyboard patterns, dates and repeats.
    if zxcvbn::zxcvbn(password, &context).score() < Score::Two {
        return Err(PasswordProblem::TooCommon);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_passwords_are_refused() {
        for p in [
            "password",
            "12345678",
            "qwertyuiop",
            "iloveyou1",
            "Password1",
            "11111111",
        ] {
            assert_eq!(
                check_new_password(p, &[]),
                Err(PasswordProblem::TooCommon),
                "{p}"
            );
        }
    }

    #[test]
    fn the_login_and_the_app_name_do_not_make_a_password() {
        assert_eq!(
            check_new_password("aigerim.k2024", &["aigerim.k"]),
            Err(PasswordProblem::TooCommon)
        );
        assert_eq!(
            check_new_password("jobmap2020", &[]),
            Err(PasswordProblem::TooCommon)
        );
    }

    #[test]
    fn long_passphrases_are_accepted() {
        assert!(check_new_password("correct horse battery staple", &[]).is_ok());
        assert!(check_new_password("Жұмыс орны 2020 Орал", &[]).is_ok());
        assert!(
            check_new_password(&"tV8#qL2!mZ".repeat(6), &[]).is_ok(),
            "60 characters"
        );
        assert!(
            check_new_password(&"a9Zk-".repeat(25), &[]).is_ok(),
            "125 characters"
        );
    }

    #[test]
    fn length_limits() {
        assert_eq!(
            check_new_password("Xk9#mQ2", &[]),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(
            check_new_password(&"a".repeat(129), &[]),
            Err(PasswordProblem::TooLong)
        );
    }
}
