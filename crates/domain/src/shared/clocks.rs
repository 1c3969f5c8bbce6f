//! The values every read is asked with, typed so that each parses itself once, the same way for
//! the API, the pages and the command line: the two clocks — the valid time [`Day`] (`on`: the
//! world on that date) and the record time [`AsOf`] (`as_of`: the record as it stood at that
//! instant) — and the names reads are narrowed by, a mission's [`Slug`] and a contributor's
//! [`CountryCode`]. A value that does not parse is refused naming what was expected.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};
use time::{Date, OffsetDateTime, format_description::well_known::Rfc3339};

/// A day, ISO 8601 (`2024-10-03`): the valid-time clock, and dates of the world generally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(value_type = String, format = Date)
)]
#[serde(try_from = "String", into = "String")]
pub struct Day(pub Date);

impl FromStr for Day {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        // Four-digit years only: `+12024-01-01` is valid ISO 8601 but nobody's date here.
        match Date::parse(s, format) {
            Ok(d) if s.len() == 10 => Ok(Day(d)),
            _ => Err(format!("{s:?} is not an ISO 8601 date (YYYY-MM-DD)")),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(
            f,
            "{:04}-{:02}-{:02}",
            d.year(),
            u8::from(d.month()),
            d.day()
        )
    }
}

impl TryFrom<String> for Day {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<Day> for String {
    fn from(d: Day) -> String {
        d.to_string()
    }
}

/// An instant of the record, RFC 3339 (`2024-11-15T00:00:00Z`): the record-time clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(value_type = String, format = DateTime)
)]
#[serde(try_from = "String", into = "String")]
pub struct AsOf(pub OffsetDateTime);

impl FromStr for AsOf {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        OffsetDateTime::parse(s, &Rfc3339)
            .map(AsOf)
            .map_err(|_| format!("{s:?} is not an RFC 3339 timestamp (2024-11-15T00:00:00Z)"))
    }
}

impl fmt::Display for AsOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.format(&Rfc3339) {
            Ok(s) => f.write_str(&s),
            Err(_) => Err(fmt::Error),
        }
    }
}

impl TryFrom<String> for AsOf {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<AsOf> for String {
    fn from(t: AsOf) -> String {
        t.to_string()
    }
}

/// A mission's short name in URLs and data files (`mss`): 1–32 lowercase letters, digits or
/// hyphens.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(value_type = String, pattern = "^[a-z0-9-]{1,32}$")
)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    /// The slug.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Slug {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let ok = !s.is_empty()
            && s.len() <= 32
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Ok(Slug(s.to_string()))
        } else {
            Err(format!(
                "{s:?} is not a mission slug: 1–32 lowercase letters, digits or hyphens"
            ))
        }
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Slug {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<Slug> for String {
    fn from(s: Slug) -> String {
        s.0
    }
}

/// A country, ISO 3166-1 alpha-3 (`KEN`), one the standard assigns.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode(String);

impl CountryCode {
    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for CountryCode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match crate::country::find(s) {
            Some(_) => Ok(CountryCode(s.to_string())),
            None => Err(format!("{s:?} is not an ISO 3166-1 alpha-3 country code")),
        }
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for CountryCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.0
    }
}

/// In the OpenAPI document: one of the codes the standard assigns (the list is the domain's).
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for CountryCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(crate::country::all().iter().map(|c| c.alpha3.clone())))
            .description(Some("A country, ISO 3166-1 alpha-3."))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for CountryCode {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_instants_parse_themselves_once() {
        assert_eq!(
            "2024-10-03".parse::<Day>().map(|d| d.to_string()),
            Ok("2024-10-03".to_string())
        );
        for bad in ["", "2024-13-01", "3 October 2024", "+12024-01-01", "null"] {
            let e = bad.parse::<Day>().expect_err(bad);
            assert!(e.contains("ISO 8601"), "{e}");
        }
        assert!("2024-11-15T00:00:00Z".parse::<AsOf>().is_ok());
        assert!("2024-11-15".parse::<AsOf>().is_err());
        let d: Day = serde_json::from_str("\"2025-02-28\"").expect("json");
        assert_eq!(serde_json::to_string(&d).expect("json"), "\"2025-02-28\"");
    }

    #[test]
    fn slugs_and_countries_are_checked() {
        assert!("mss".parse::<Slug>().is_ok());
        for bad in ["", "MSS", "0.5", &"x".repeat(33), "a b"] {
            assert!(bad.parse::<Slug>().is_err(), "{bad}");
        }
        assert!("KEN".parse::<CountryCode>().is_ok());
        assert!("AAA".parse::<CountryCode>().is_err());
        assert!("ken".parse::<CountryCode>().is_err());
    }
}
