//! Plausible names, identification numbers, places and positions for generated data.

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rand::seq::IndexedRandom;

use crate::domain::identifier::with_check_digit;

const MALE: [&str; 16] = [
    "Нурлан",
    "Ерлан",
    "Асхат",
    "Данияр",
    "Бауыржан",
    "Арман",
    "Айдос",
    "Серик",
    "Ержан",
    "Алексей",
    "Сергей",
    "Дмитрий",
    "Руслан",
    "Мирас",
    "Тимур",
    "Олжас",
];
const FEMALE: [&str; 12] = [
    "Айгерим",
    "Динара",
    "Гульнара",
    "Асель",
    "Жанар",
    "Сауле",
    "Елена",
    "Ольга",
    "Мадина",
    "Алия",
    "Камила",
    "Татьяна",
];
const SURNAMES: [&str; 16] = [
    "Ахметов",
    "Жумабаев",
    "Сейткали",
    "Нурмаганбет",
    "Касымов",
    "Иванов",
    "Петренко",
    "Оспанов",
    "Тулегенов",
    "Бекмухамбетов",
    "Исаев",
    "Абдрахманов",
    "Сулейменов",
    "Кенжебаев",
    "Мухамедиев",
    "Ким",
];
const POSITIONS: [&str; 12] = [
    "Разнорабочий",
    "Бетонщик",
    "Каменщик",
    "Электрогазосварщик",
    "Штукатур-маляр",
    "Водитель",
    "Машинист экскаватора",
    "Плотник",
    "Кровельщик",
    "Монтажник",
    "Асфальтобетонщик",
    "Подсобный рабочий",
];
const COMPANIES: [&str; 10] = [
    "Құрылыс",
    "Строй-Инвест",
    "Жол Құрылыс",
    "Дала Строй",
    "Нур Курылыс",
    "Степь Инжиниринг",
    "Азия Монтаж",
    "Береке Строй",
    "Жасыл Әлем",
    "Алтын Құрылыс",
];

/// The administrative center of each region, for project and worker settlements.
pub fn center_of(region: &str) -> &'static str {
    match region {
        "10" => "Семей",
        "11" => "Кокшетау",
        "15" => "Актобе",
        "19" => "Конаев",
        "23" => "Атырау",
        "27" => "Уральск",
        "31" => "Тараз",
        "33" => "Талдыкорган",
        "35" => "Караганда",
        "39" => "Костанай",
        "43" => "Кызылорда",
        "47" => "Актау",
        "55" => "Павлодар",
        "59" => "Петропавловск",
        "61" => "Туркестан",
        "62" => "Жезказган",
        "63" => "Усть-Каменогорск",
        "71" => "Астана",
        "75" => "Алматы",
        "79" => "Шымкент",
        _ => "",
    }
}

/// What is built or repaired, by direction (as coded in `domain::project::Direction`).
pub fn facility(direction: &str, rng: &mut impl Rng) -> &'static str {
    let list: &[&str] = match direction {
        "social_cultural" => &[
            "школы",
            "детского сада",
            "врачебной амбулатории",
            "дома культуры",
            "спортивного комплекса",
        ],
        "housing_communal" => &[
            "водопровода",
            "тепловых сетей",
            "канализационных сетей",
            "многоквартирного жилого дома",
        ],
        "engineering_transport" => &[
            "автомобильной дороги",
            "моста",
            "улично-дорожной сети",
            "подъездной дороги",
        ],
        _ => &[
            "парка",
            "сквера",
            "уличного освещения",
            "дворовой территории",
        ],
    };
    list.choose(rng).copied().unwrap_or("объекта")
}

pub fn work_title(work_type: &str) -> &'static str {
    match work_type {
        "capital_repair" => "Капитальный ремонт",
        "medium_repair" => "Средний ремонт",
        "current_repair" => "Текущий ремонт",
        "reconstruction" => "Реконструкция",
        _ => "Строительство",
    }
}

pub fn position(rng: &mut impl Rng) -> &'static str {
    POSITIONS.choose(rng).copied().unwrap_or("Разнорабочий")
}

pub fn company(rng: &mut impl Rng, n: usize) -> String {
    let name = COMPANIES.choose(rng).copied().unwrap_or("Құрылыс");
    format!("ТОО «{name}-{n}»")
}

/// A full name of the given sex.
pub fn full_name(rng: &mut impl Rng, male: bool) -> String {
    let surname = SURNAMES.choose(rng).copied().unwrap_or("Ахметов");
    if male {
        let first = MALE.choose(rng).copied().unwrap_or("Нурлан");
        format!("{surname} {first}")
    } else {
        let first = FEMALE.choose(rng).copied().unwrap_or("Динара");
        // Russian-style surnames take the feminine ending; Kazakh ones without it stay.
        let surname = if surname.ends_with("ов") || surname.ends_with("ев") {
            format!("{surname}а")
        } else {
            surname.to_owned()
        };
        format!("{surname} {first}")
    }
}

/// An IIN for a person born on `birth`, of the given sex, with the serial `serial`
/// (0–9999); `None` for the rare serial that admits no check digit.
pub fn iin(birth: NaiveDate, male: bool, serial: u32) -> Option<String> {
    let century_sex = match (birth.year() >= 2000, male) {
        (false, true) => 3,
        (false, false) => 4,
        (true, true) => 5,
        (true, false) => 6,
    };
    with_check_digit(&format!(
        "{:02}{:02}{:02}{century_sex}{:04}",
        birth.year() % 100,
        birth.month(),
        birth.day(),
        serial % 10_000
    ))
}

/// A company BIN registered in `year`/`month`, with the serial `serial`.
pub fn bin(year: i32, month: u32, serial: u32) -> Option<String> {
    with_check_digit(&format!(
        "{:02}{:02}4{:06}",
        year % 100,
        month,
        serial % 1_000_000
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::identifier::{Bin, Iin, Sex};

    #[test]
    fn generated_numbers_pass_the_same_checks_as_typed_ones() {
        let birth = NaiveDate::from_ymd_opt(2001, 3, 9).expect("date");
        let number = (0..20).find_map(|s| iin(birth, false, s)).expect("an IIN");
        let parsed = Iin::parse(&number).expect("valid IIN");
        assert_eq!((parsed.birth_date(), parsed.sex()), (birth, Sex::Female));
        let company = (0..20).find_map(|s| bin(2015, 4, s)).expect("a BIN");
        assert!(Bin::parse(&company).is_ok());
    }
}
