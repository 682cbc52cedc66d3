//! IIN (individual) and BIN (business) identification numbers, rule 1 of DESIGN.md.

use chrono::NaiveDate;

/// The check digit shared by IIN and BIN: 12 digits whose last one is a weighted sum mod 11 of
/// the first eleven, with a second weighting when the first gives 10.
pub fn check_digit_valid(number: &str) -> bool {
    let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 12 || number.len() != 12 {
        return false;
    }
    let weighted = |weights: &[u32]| -> u32 {
        digits[..11]
            .iter()
            .zip(weights)
            .map(|(d, w)| d * w)
            .sum::<u32>()
            % 11
    };
    let mut s = weighted(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if s == 10 {
        s = weighted(&[3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    }
    s != 10 && s == digits[11]
}

/// The twelve-digit number made of `first11` and its check digit; `None` when the eleven
/// digits admit no check digit (both weightings give 10) or are not eleven digits.
pub fn with_check_digit(first11: &str) -> Option<String> {
    (0..10)
        .map(|d| format!("{first11}{d}"))
        .find(|candidate| check_digit_valid(candidate))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdError {
    /// Not exactly twelve digits.
    Format,
    /// Twelve digits whose check digit does not match.
    CheckDigit,
    /// An IIN whose first seven digits are not a real birth date and century.
    BirthDate,
}

/// A business identification number with a valid check digit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bin(String);

impl Bin {
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = normalise(input)?;
        if !check_digit_valid(&s) {
            return Err(IdError::CheckDigit);
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

/// An individual identification number with a valid check digit and a real birth date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Iin {
    number: String,
    birth_date: NaiveDate,
    sex: Sex,
}

impl Iin {
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = normalise(input)?;
        if !check_digit_valid(&s) {
            return Err(IdError::CheckDigit);
        }
        let num = |range: std::ops::Range<usize>| s[range].parse::<u32>().unwrap_or(0);
        let (century, sex) = match num(6..7) {
            1 => (1800, Sex::Male),
            2 => (1800, Sex::Female),
            3 => (1900, Sex::Male),
            4 => (1900, Sex::Female),
            5 => (2000, Sex::Male),
            6 => (2000, Sex::Female),
            _ => return Err(IdError::BirthDate),
        };
        let year = century + num(0..2) as i32;
        let birth_date =
            NaiveDate::from_ymd_opt(year, num(2..4), num(4..6)).ok_or(IdError::BirthDate)?;
        Ok(Self {
            number: s,
            birth_date,
            sex,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.number
    }

    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    pub fn sex(&self) -> Sex {
        self.sex
    }

    /// Full years of age on `date`.
    pub fn age_on(&self, date: NaiveDate) -> i32 {
        date.years_since(self.birth_date)
            .map_or(0, |y| i32::try_from(y).unwrap_or(i32::MAX))
    }

    /// `0612******12`: enough to tell two people apart on a list, not enough to identify one.
    pub fn masked(&self) -> String {
        mask(&self.number)
    }
}

/// Masks the middle of a 12-character identifier; anything else is masked whole.
pub fn mask(number: &str) -> String {
    if number.len() == 12 && number.is_ascii() {
        format!("{}******{}", &number[..4], &number[10..])
    } else {
        "*".repeat(number.chars().count())
    }
}

/// A name reduced to initials, "Айгерим Серикова" → "А. С.", for people who may not see it.
pub fn mask_name(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{c}."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Accepts the separators people type (spaces, hyphens) and nothing else.
fn normalise(input: &str) -> Result<String, IdError> {
    let s: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s)
    } else {
        Err(IdError::Format)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_digit_is_found_for_eleven_digits() {
        assert_eq!(
            with_check_digit("94014000038").as_deref(),
            Some("940140000385")
        );
        assert_eq!(with_check_digit("9401400003"), None);
    }

    #[test]
    fn known_valid_numbers_pass() {
        for n in ["940140000385", "990140004654", "061211600012"] {
            assert!(check_digit_valid(n), "{n}");
        }
    }

    #[test]
    fn a_changed_digit_fails_the_check() {
        assert!(!check_digit_valid("940140000386"));
        assert_eq!(Bin::parse("990140004655"), Err(IdError::CheckDigit));
    }

    #[test]
    fn wrong_length_or_letters_are_format_errors() {
        assert_eq!(Bin::parse("94014000038"), Err(IdError::Format));
        assert_eq!(Bin::parse("94014000038a"), Err(IdError::Format));
        assert_eq!(Iin::parse(""), Err(IdError::Format));
    }

    #[test]
    fn separators_people_type_are_accepted() {
        assert_eq!(
            Bin::parse(" 9401 4000 0385 ").unwrap().as_str(),
            "940140000385"
        );
    }

    #[test]
    fn iin_gives_birth_date_and_sex() {
        let iin = Iin::parse("061211600012").unwrap();
        assert_eq!(
            iin.birth_date(),
            NaiveDate::from_ymd_opt(2006, 12, 11).unwrap()
        );
        assert_eq!(iin.sex(), Sex::Female);
        assert_eq!(
            iin.age_on(NaiveDate::from_ymd_opt(2024, 12, 10).unwrap()),
            17
        );
        assert_eq!(
            iin.age_on(NaiveDate::from_ymd_opt(2024, 12, 11).unwrap()),
            18
        );
        assert_eq!(iin.masked(), "0612******12");
    }

    #[test]
    fn names_mask_to_initials() {
        assert_eq!(mask_name("Айгерим  Серикова"), "А. С.");
        assert_eq!(mask_name(""), "");
    }

    #[test]
    fn second_weighting_is_used_when_the_first_sum_is_ten() {
        // Digits chosen so that the first weighted sum is 10 (mod 11).
        let base = "00000000010";
        let first: u32 = base
            .chars()
            .zip(1..)
            .map(|(c, w)| c.to_digit(10).unwrap() * w)
            .sum::<u32>()
            % 11;
        assert_eq!(first, 10);
        let second: u32 = base
            .chars()
            .zip([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])
            .map(|(c, w)| c.to_digit(10).unwrap() * w)
            .sum::<u32>()
            % 11;
        assert!(check_digit_valid(&format!("{base}{second}")));
        assert!(!check_digit_valid(&format!("{base}{}", (second + 1) % 10)));
    }

    #[test]
    fn impossible_birth_dates_are_refused() {
        // 13th month, otherwise well formed: find the matching check digit.
        let stem = "06131160001";
        let valid = (0..10)
            .map(|d| format!("{stem}{d}"))
            .find(|n| check_digit_valid(n));
        if let Some(n) = valid {
            assert_eq!(Iin::parse(&n), Err(IdError::BirthDate));
        }
    }
}
