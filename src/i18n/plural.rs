//! CLDR plural categories (cardinal) for the explorer's languages, from the rules of the
//! Unicode CLDR (`plurals.xml`), written out so the bundle carries no plural data:
//!
//! | language | categories |
//! |---|---|
//! | en | one (1, no decimals), other |
//! | ru | one (…1 but not …11), few (…2–…4 but not …12–…14), many (the other integers), other (decimals) |
//! | es | one (1), many (whole millions), other |
//! | fr | one (0 and 1, with any decimals), many (whole millions), other |
//! | ar | zero (0), one (1), two (2), few (…03–…10), many (…11–…99), other |
//!
//! The operands are CLDR's: `n` the absolute value, `i` its integer digits, `v` the number of
//! visible fraction digits (so "1.0" is not "one" in English, as CLDR has it).

use crate::link::Lang;

/// The plural category of `n` shown with `decimals` fraction digits.
pub fn category(lang: Lang, n: f64, decimals: usize) -> &'static str {
    let n = n.abs();
    let i = n.trunc() as u64;
    let v = decimals;
    let whole = v == 0;
    match lang {
        Lang::En => {
            if i == 1 && whole {
                "one"
            } else {
                "other"
            }
        }
        Lang::Ru => {
            if !whole {
                "other"
            } else if i % 10 == 1 && i % 100 != 11 {
                "one"
            } else if (2..=4).contains(&(i % 10)) && !(12..=14).contains(&(i % 100)) {
                "few"
            } else {
                "many"
            }
        }
        Lang::Es => {
            if n == 1.0 {
                "one"
            } else if whole && i != 0 && i.is_multiple_of(1_000_000) {
                "many"
            } else {
                "other"
            }
        }
        Lang::Fr => {
            if i == 0 || i == 1 {
                "one"
            } else if whole && i != 0 && i.is_multiple_of(1_000_000) {
                "many"
            } else {
                "other"
            }
        }
        Lang::Ar => {
            // n must be an integer for every category but other.
            if n.fract() != 0.0 {
                "other"
            } else if i == 0 {
                "zero"
            } else if i == 1 {
                "one"
            } else if i == 2 {
                "two"
            } else if (3..=10).contains(&(i % 100)) {
                "few"
            } else if (11..=99).contains(&(i % 100)) {
                "many"
            } else {
                "other"
            }
        }
    }
}

/// Every category a language uses, as CLDR lists them (`Intl.PluralRules` agrees).
pub fn categories(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["one", "other"],
        Lang::Ru => &["one", "few", "many", "other"],
        Lang::Es | Lang::Fr => &["one", "many", "other"],
        Lang::Ar => &["zero", "one", "two", "few", "many", "other"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Examples from CLDR's `plurals.xml` (`@integer` and `@decimal` samples).
    #[test]
    fn the_cldr_samples_fall_in_their_categories() {
        let cases: &[(Lang, &str, &[u64])] = &[
            (Lang::En, "one", &[1]),
            (Lang::En, "other", &[0, 2, 16, 100, 1000]),
            (Lang::Ru, "one", &[1, 21, 31, 101, 1001]),
            (Lang::Ru, "few", &[2, 3, 4, 22, 24, 102, 1002]),
            (Lang::Ru, "many", &[0, 5, 11, 12, 14, 19, 100, 111, 1000]),
            (Lang::Es, "one", &[1]),
            (Lang::Es, "many", &[1_000_000, 2_000_000]),
            (Lang::Es, "other", &[0, 2, 16, 100, 1000, 10_000]),
            (Lang::Fr, "one", &[0, 1]),
            (Lang::Fr, "many", &[1_000_000]),
            (Lang::Fr, "other", &[2, 16, 100, 1000]),
            (Lang::Ar, "zero", &[0]),
            (Lang::Ar, "one", &[1]),
            (Lang::Ar, "two", &[2]),
            (Lang::Ar, "few", &[3, 10, 103, 110, 1003]),
            (Lang::Ar, "many", &[11, 26, 99, 111, 1011]),
            (Lang::Ar, "other", &[100, 101, 102, 200, 1000]),
        ];
        for (lang, want, ns) in cases {
            for n in *ns {
                assert_eq!(category(*lang, *n as f64, 0), *want, "{lang:?} {n}");
                assert!(categories(*lang).contains(want));
            }
        }
        // Visible decimals: "1.0" is not one in English or Russian; it is in French.
        assert_eq!(category(Lang::En, 1.0, 1), "other");
        assert_eq!(category(Lang::Ru, 1.5, 1), "other");
        assert_eq!(category(Lang::Fr, 1.5, 1), "one");
        assert_eq!(category(Lang::Ar, 0.5, 1), "other");
    }
}
