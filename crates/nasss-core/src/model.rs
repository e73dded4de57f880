//! The NASSS framework itself: the seven domains, their 23 sub-domains with the published
//! codes (1A … 7B), and the complexity levels. Everything else in the crate speaks in these
//! types, so a new sub-domain is a compile error until every `match` handles it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One of the seven NASSS domains, in the published order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    Condition,
    Technology,
    ValueProposition,
    AdopterSystem,
    Organisation,
    WiderSystem,
    EmbeddingAdaptation,
}

impl Domain {
    pub const ALL: [Domain; 7] = [
        Domain::Condition,
        Domain::Technology,
        Domain::ValueProposition,
        Domain::AdopterSystem,
        Domain::Organisation,
        Domain::WiderSystem,
        Domain::EmbeddingAdaptation,
    ];

    /// The published number, 1 to 7.
    pub fn number(self) -> u8 {
        self.index() as u8 + 1
    }

    /// Position in [`Domain::ALL`], 0 to 6.
    pub fn index(self) -> usize {
        match self {
            Domain::Condition => 0,
            Domain::Technology => 1,
            Domain::ValueProposition => 2,
            Domain::AdopterSystem => 3,
            Domain::Organisation => 4,
            Domain::WiderSystem => 5,
            Domain::EmbeddingAdaptation => 6,
        }
    }

    /// The key used in files and CSV headers (`value_proposition`).
    pub fn key(self) -> &'static str {
        match self {
            Domain::Condition => "condition",
            Domain::Technology => "technology",
            Domain::ValueProposition => "value_proposition",
            Domain::AdopterSystem => "adopter_system",
            Domain::Organisation => "organisation",
            Domain::WiderSystem => "wider_system",
            Domain::EmbeddingAdaptation => "embedding_adaptation",
        }
    }

    pub fn from_key(key: &str) -> Option<Domain> {
        Domain::ALL.into_iter().find(|domain| domain.key() == key)
    }

    /// The sub-domains of this domain, in published order.
    pub fn sub_domains(self) -> impl Iterator<Item = SubDomain> {
        SubDomain::ALL
            .into_iter()
            .filter(move |sub_domain| sub_domain.domain() == self)
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A NASSS sub-domain, named by its published code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
pub enum SubDomain {
    #[serde(rename = "1A")]
    S1A,
    #[serde(rename = "1B")]
    S1B,
    #[serde(rename = "2A")]
    S2A,
    #[serde(rename = "2B")]
    S2B,
    #[serde(rename = "2C")]
    S2C,
    #[serde(rename = "2D")]
    S2D,
    #[serde(rename = "3A")]
    S3A,
    #[serde(rename = "3B")]
    S3B,
    #[serde(rename = "4A")]
    S4A,
    #[serde(rename = "4B")]
    S4B,
    #[serde(rename = "4C")]
    S4C,
    #[serde(rename = "5A")]
    S5A,
    #[serde(rename = "5B")]
    S5B,
    #[serde(rename = "5C")]
    S5C,
    #[serde(rename = "5D")]
    S5D,
    #[serde(rename = "5E")]
    S5E,
    #[serde(rename = "6A")]
    S6A,
    #[serde(rename = "6B")]
    S6B,
    #[serde(rename = "6C")]
    S6C,
    #[serde(rename = "6D")]
    S6D,
    #[serde(rename = "6E")]
    S6E,
    #[serde(rename = "7A")]
    S7A,
    #[serde(rename = "7B")]
    S7B,
}

impl SubDomain {
    pub const ALL: [SubDomain; 23] = [
        SubDomain::S1A,
        SubDomain::S1B,
        SubDomain::S2A,
        SubDomain::S2B,
        SubDomain::S2C,
        SubDomain::S2D,
        SubDomain::S3A,
        SubDomain::S3B,
        SubDomain::S4A,
        SubDomain::S4B,
        SubDomain::S4C,
        SubDomain::S5A,
        SubDomain::S5B,
        SubDomain::S5C,
        SubDomain::S5D,
        SubDomain::S5E,
        SubDomain::S6A,
        SubDomain::S6B,
        SubDomain::S6C,
        SubDomain::S6D,
        SubDomain::S6E,
        SubDomain::S7A,
        SubDomain::S7B,
    ];

    /// The published code, such as `"5C"`.
    pub fn code(self) -> &'static str {
        match self {
            SubDomain::S1A => "1A",
            SubDomain::S1B => "1B",
            SubDomain::S2A => "2A",
            SubDomain::S2B => "2B",
            SubDomain::S2C => "2C",
            SubDomain::S2D => "2D",
            SubDomain::S3A => "3A",
            SubDomain::S3B => "3B",
            SubDomain::S4A => "4A",
            SubDomain::S4B => "4B",
            SubDomain::S4C => "4C",
            SubDomain::S5A => "5A",
            SubDomain::S5B => "5B",
            SubDomain::S5C => "5C",
            SubDomain::S5D => "5D",
            SubDomain::S5E => "5E",
            SubDomain::S6A => "6A",
            SubDomain::S6B => "6B",
            SubDomain::S6C => "6C",
            SubDomain::S6D => "6D",
            SubDomain::S6E => "6E",
            SubDomain::S7A => "7A",
            SubDomain::S7B => "7B",
        }
    }

    pub fn from_code(code: &str) -> Option<SubDomain> {
        SubDomain::ALL
            .into_iter()
            .find(|sub_domain| sub_domain.code().eq_ignore_ascii_case(code))
    }

    pub fn domain(self) -> Domain {
        match self {
            SubDomain::S1A | SubDomain::S1B => Domain::Condition,
            SubDomain::S2A | SubDomain::S2B | SubDomain::S2C | SubDomain::S2D => Domain::Technology,
            SubDomain::S3A | SubDomain::S3B => Domain::ValueProposition,
            SubDomain::S4A | SubDomain::S4B | SubDomain::S4C => Domain::AdopterSystem,
            SubDomain::S5A | SubDomain::S5B | SubDomain::S5C | SubDomain::S5D | SubDomain::S5E => {
                Domain::Organisation
            }
            SubDomain::S6A | SubDomain::S6B | SubDomain::S6C | SubDomain::S6D | SubDomain::S6E => {
                Domain::WiderSystem
            }
            SubDomain::S7A | SubDomain::S7B => Domain::EmbeddingAdaptation,
        }
    }
}

impl fmt::Display for SubDomain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

// Domains and sub-domains are map keys in assessment files. They are read as strings (not
// serde enums) so that an error inside a map names the key in its JSON path.
impl<'de> Deserialize<'de> for Domain {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Domain, D::Error> {
        let key = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Domain::from_key(&key).ok_or_else(|| {
            let expected: Vec<String> = Domain::ALL
                .iter()
                .map(|d| format!("`{}`", d.key()))
                .collect();
            serde::de::Error::custom(format!(
                "unknown domain `{key}`, expected one of {}",
                expected.join(", ")
            ))
        })
    }
}

impl<'de> Deserialize<'de> for SubDomain {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<SubDomain, D::Error> {
        let code = std::borrow::Cow::<str>::deserialize(deserializer)?;
        SubDomain::from_code(&code).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown sub-domain `{code}`, expected a published code from 1A to 7B (1A, 1B, 2A-2D, 3A, 3B, 4A-4C, 5A-5E, 6A-6E, 7A, 7B)"
            ))
        })
    }
}

/// A known level of complexity, ordered from least to most complex.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Complexity {
    /// Straightforward, predictable, few components.
    Simple,
    /// Many interacting components or issues, but still predictable.
    Complicated,
    /// Dynamic, unpredictable, not easily broken into components.
    Complex,
}

impl Complexity {
    pub const ALL: [Complexity; 3] = [
        Complexity::Simple,
        Complexity::Complicated,
        Complexity::Complex,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Complexity::Simple => "simple",
            Complexity::Complicated => "complicated",
            Complexity::Complex => "complex",
        }
    }

    /// The word a person reads: "Simple".
    pub fn label(self) -> &'static str {
        match self {
            Complexity::Simple => "Simple",
            Complexity::Complicated => "Complicated",
            Complexity::Complex => "Complex",
        }
    }

    /// Steps apart on the simple–complicated–complex scale.
    pub fn steps_to(self, other: Complexity) -> u8 {
        (self as i8 - other as i8).unsigned_abs()
    }
}

impl fmt::Display for Complexity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// What a rater can answer: a level, or "not sure yet".
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Simple,
    Complicated,
    Complex,
    /// Not sure yet: widens the domain to a range instead of being read as simple.
    #[default]
    Unknown,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Simple,
        Level::Complicated,
        Level::Complex,
        Level::Unknown,
    ];

    pub fn known(self) -> Option<Complexity> {
        match self {
            Level::Simple => Some(Complexity::Simple),
            Level::Complicated => Some(Complexity::Complicated),
            Level::Complex => Some(Complexity::Complex),
            Level::Unknown => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self.known() {
            Some(complexity) => complexity.key(),
            None => "unknown",
        }
    }

    pub fn label(self) -> &'static str {
        match self.known() {
            Some(complexity) => complexity.label(),
            None => "Not sure yet",
        }
    }

    /// Reads a level the way people type it: any case, surrounding space ignored, blank is
    /// unknown; `None` for anything else.
    pub fn parse_lenient(text: &str) -> Option<Level> {
        let text = text.trim();
        if text.is_empty() {
            return Some(Level::Unknown);
        }
        Level::ALL
            .into_iter()
            .find(|level| level.key().eq_ignore_ascii_case(text))
    }
}

impl From<Complexity> for Level {
    fn from(complexity: Complexity) -> Level {
        match complexity {
            Complexity::Simple => Level::Simple,
            Complexity::Complicated => Level::Complicated,
            Complexity::Complex => Level::Complex,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Something that is (or should be) rated: a whole domain in a quick assessment, or one
/// sub-domain in a full one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    Domain(Domain),
    SubDomain(SubDomain),
}

impl Item {
    /// The item's key in ids and test hooks: a domain key (`technology`) or a sub-domain code
    /// (`2A`).
    pub fn key(self) -> &'static str {
        match self {
            Item::Domain(domain) => domain.key(),
            Item::SubDomain(sub_domain) => sub_domain.code(),
        }
    }

    /// The domain the item belongs to.
    pub fn domain(self) -> Domain {
        match self {
            Item::Domain(domain) => domain,
            Item::SubDomain(sub_domain) => sub_domain.domain(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_domain_has_sub_domains_numbered_after_it() {
        for domain in Domain::ALL {
            let subs: Vec<_> = domain.sub_domains().collect();
            assert!(!subs.is_empty(), "{domain} has no sub-domains");
            for sub in subs {
                assert!(sub.code().starts_with(&domain.number().to_string()));
            }
        }
        assert_eq!(SubDomain::ALL.len(), 23);
    }

    #[test]
    fn codes_and_keys_round_trip() {
        for sub in SubDomain::ALL {
            assert_eq!(SubDomain::from_code(sub.code()), Some(sub));
            let json = serde_json::to_string(&sub).unwrap();
            assert_eq!(json, format!("\"{}\"", sub.code()));
        }
        for domain in Domain::ALL {
            assert_eq!(Domain::from_key(domain.key()), Some(domain));
            assert_eq!(Domain::ALL[domain.index()], domain);
        }
    }

    #[test]
    fn lenient_levels() {
        assert_eq!(Level::parse_lenient(" Complex "), Some(Level::Complex));
        assert_eq!(Level::parse_lenient("SIMPLE"), Some(Level::Simple));
        assert_eq!(Level::parse_lenient(""), Some(Level::Unknown));
        assert_eq!(Level::parse_lenient("UNKNOWN"), Some(Level::Unknown));
        assert_eq!(Level::parse_lenient("chaotic"), None);
    }

    #[test]
    fn steps() {
        assert_eq!(Complexity::Complex.steps_to(Complexity::Simple), 2);
        assert_eq!(Complexity::Simple.steps_to(Complexity::Complicated), 1);
    }
}
