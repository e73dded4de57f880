//! The question bank: for every domain and sub-domain the plain-language questions, the
//! descriptors of simple / complicated / complex, help, examples and strategies; plus the
//! social-care crosswalk factors and the Innovate wheel stages. The content lives in
//! `data/*.toml` (see `data/README.md`) so people who do not read Rust can review it; this
//! module reads it and fills in the setting's wording.

use crate::factor::{Factor, FactorSource};
use crate::model::{Complexity, Domain, SubDomain};
use crate::setting::{Setting, Stage};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// All the content, as compiled in.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    pub domains: Vec<DomainContent>,
    pub sources: Vec<SourceContent>,
    pub factors: Vec<FactorContent>,
    pub stages: Vec<StageContent>,
    pub tokens: Vec<TokenContent>,
}

/// The words a `{token}` stands for in each setting (`data/tokens.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenContent {
    pub name: String,
    pub health: String,
    pub adult_social_care: String,
    pub childrens_social_care: String,
    pub cross_sector: String,
}

impl TokenContent {
    pub fn words(&self, setting: Setting) -> &str {
        match setting {
            Setting::Health => &self.health,
            Setting::AdultSocialCare => &self.adult_social_care,
            Setting::ChildrensSocialCare => &self.childrens_social_care,
            Setting::CrossSector => &self.cross_sector,
        }
    }
}

/// A source of crosswalk factors, as its table is headed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceContent {
    pub id: FactorSource,
    pub name: String,
    /// The project's source document it comes from (`shared/seeds/NNN_*.txt`), e.g. `"004"`.
    pub seed: String,
    /// The document, as a reader would cite it.
    pub reference: String,
}

/// A text written once, or once for health and once for social care; may hold `{tokens}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    Same(String),
    BySector { health: String, social_care: String },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainContent {
    pub domain: Domain,
    pub title: Text,
    /// A name short enough for a chart axis or a list beside a form.
    pub short_title: Text,
    pub summary: Text,
    pub prospective: Text,
    pub retrospective: Text,
    pub descriptors: Descriptors,
    pub sub_domains: Vec<SubDomainContent>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubDomainContent {
    pub code: SubDomain,
    pub title: Text,
    pub help: Text,
    pub example: Text,
    pub questions: Vec<Question>,
    pub descriptors: Descriptors,
    pub strategies: Strategies,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub prospective: Text,
    pub retrospective: Text,
}

/// What each level looks like.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Descriptors {
    pub simple: Text,
    pub complicated: Text,
    pub complex: Text,
}

impl Descriptors {
    pub fn get(&self, complexity: Complexity) -> &Text {
        match complexity {
            Complexity::Simple => &self.simple,
            Complexity::Complicated => &self.complicated,
            Complexity::Complex => &self.complex,
        }
    }
}

/// Ways to reduce complexity, and ways to handle what remains.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategies {
    pub reduce: Vec<Text>,
    pub handle: Vec<Text>,
}

/// A social-care scaling factor or EXIT ingredient and the sub-domains that speak to it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactorContent {
    pub id: Factor,
    pub source: FactorSource,
    pub name: String,
    pub description: String,
    pub basis: String,
    /// Where in the seed document the factor comes from, with a short quotation, so a reviewer
    /// can check the mapping without searching.
    pub citation: String,
    pub sub_domains: Vec<SubDomain>,
}

/// A stage of the Innovate Project wheel and what success looks like there.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageContent {
    pub id: Stage,
    pub name: String,
    pub summary: String,
    pub success_measures: Vec<String>,
}

/// The compiled-in bank. Its completeness is checked by this module's tests.
pub fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/bank.json")))
            .unwrap_or_else(|error| panic!("the compiled-in question bank is malformed: {error}"))
    })
}

impl Bank {
    pub fn domain(&self, domain: Domain) -> &DomainContent {
        self.domains
            .iter()
            .find(|content| content.domain == domain)
            .unwrap_or_else(|| panic!("the question bank covers {domain} (checked by tests)"))
    }

    pub fn sub_domain(&self, sub_domain: SubDomain) -> &SubDomainContent {
        self.domain(sub_domain.domain())
            .sub_domains
            .iter()
            .find(|content| content.code == sub_domain)
            .unwrap_or_else(|| panic!("the question bank covers {sub_domain} (checked by tests)"))
    }

    pub fn factor(&self, factor: Factor) -> &FactorContent {
        self.factors
            .iter()
            .find(|content| content.id == factor)
            .unwrap_or_else(|| panic!("the crosswalk covers {factor:?} (checked by tests)"))
    }

    pub fn source(&self, source: FactorSource) -> &SourceContent {
        self.sources
            .iter()
            .find(|content| content.id == source)
            .unwrap_or_else(|| panic!("the crosswalk names source {source:?} (checked by tests)"))
    }

    pub fn stage(&self, stage: Stage) -> &StageContent {
        self.stages
            .iter()
            .find(|content| content.id == stage)
            .unwrap_or_else(|| panic!("the stages cover {stage:?} (checked by tests)"))
    }
}

impl Text {
    /// The wording for a setting, with its tokens filled in.
    pub fn render(&self, setting: Setting) -> String {
        let raw = match self {
            Text::Same(text) => text,
            Text::BySector {
                health,
                social_care,
            } => match setting.uses_social_care_wording() {
                true => social_care,
                false => health,
            },
        };
        fill_tokens(raw, setting)
    }

    /// Every wording the text has, before tokens are filled in.
    pub fn variants(&self) -> Vec<&str> {
        match self {
            Text::Same(text) => vec![text],
            Text::BySector {
                health,
                social_care,
            } => vec![health, social_care],
        }
    }
}

/// The words each `{token}` stands for in each setting (`data/tokens.toml`).
pub fn token(name: &str, setting: Setting) -> Option<&'static str> {
    bank()
        .tokens
        .iter()
        .find(|token| token.name == name)
        .map(|token| token.words(setting))
}

fn fill_tokens(raw: &str, setting: Setting) -> String {
    let mut out = String::with_capacity(raw.len() + 32);
    let mut rest = raw;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| token(&after[..close], setting).map(|words| (close, words)))
        {
            Some((close, words)) => {
                let words =
                    match out.trim_end().is_empty() || out.trim_end().ends_with(['.', '?', '!']) {
                        true => capitalise(words),
                        false => words.to_string(),
                    };
                out.push_str(&words);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn capitalise(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::factor::{Factor, FactorSource};

    fn all_texts(content: &DomainContent) -> Vec<(String, &Text)> {
        let mut texts = vec![
            (format!("{} title", content.domain), &content.title),
            (
                format!("{} short title", content.domain),
                &content.short_title,
            ),
            (format!("{} summary", content.domain), &content.summary),
            (
                format!("{} prospective", content.domain),
                &content.prospective,
            ),
            (
                format!("{} retrospective", content.domain),
                &content.retrospective,
            ),
        ];
        for complexity in Complexity::ALL {
            texts.push((
                format!("{} {complexity}", content.domain),
                content.descriptors.get(complexity),
            ));
        }
        for sub in &content.sub_domains {
            let code = sub.code;
            texts.push((format!("{code} title"), &sub.title));
            texts.push((format!("{code} help"), &sub.help));
            texts.push((format!("{code} example"), &sub.example));
            for complexity in Complexity::ALL {
                texts.push((
                    format!("{code} {complexity}"),
                    sub.descriptors.get(complexity),
                ));
            }
            for question in &sub.questions {
                texts.push((format!("{code} question"), &question.prospective));
                texts.push((format!("{code} question"), &question.retrospective));
            }
            for text in sub.strategies.reduce.iter().chain(&sub.strategies.handle) {
                texts.push((format!("{code} strategy"), text));
            }
        }
        texts
    }

    #[test]
    fn every_domain_once_in_order() {
        let domains: Vec<Domain> = bank()
            .domains
            .iter()
            .map(|content| content.domain)
            .collect();
        assert_eq!(domains, Domain::ALL.to_vec());
    }

    #[test]
    fn every_sub_domain_once_under_its_domain() {
        for content in &bank().domains {
            let codes: Vec<SubDomain> = content.sub_domains.iter().map(|sub| sub.code).collect();
            let expected: Vec<SubDomain> = content.domain.sub_domains().collect();
            assert_eq!(codes, expected, "sub-domains of {}", content.domain);
        }
    }

    #[test]
    fn every_sub_domain_has_questions_and_strategies() {
        for sub in SubDomain::ALL {
            let content = bank().sub_domain(sub);
            assert!(!content.questions.is_empty(), "{sub} has no question");
            assert!(
                content.strategies.reduce.len() >= 2,
                "{sub} needs two ways to reduce"
            );
            assert!(
                content.strategies.handle.len() >= 2,
                "{sub} needs two ways to handle"
            );
        }
    }

    #[test]
    fn no_text_is_empty_and_every_token_is_known() {
        for content in &bank().domains {
            for (place, text) in all_texts(content) {
                for variant in text.variants() {
                    assert!(!variant.trim().is_empty(), "{place} is empty");
                }
                for setting in Setting::ALL {
                    let rendered = text.render(setting);
                    assert!(
                        !rendered.contains('{') && !rendered.contains('}'),
                        "{place} has an unknown token in {setting:?}: {rendered}"
                    );
                }
            }
        }
    }

    #[test]
    fn questions_are_questions_and_strategies_suggest() {
        for sub in SubDomain::ALL {
            let content = bank().sub_domain(sub);
            for question in &content.questions {
                for text in [&question.prospective, &question.retrospective] {
                    for variant in text.variants() {
                        assert!(
                            variant.trim_end().ends_with('?'),
                            "{sub}: `{variant}` is not a question"
                        );
                    }
                }
            }
            for text in content
                .strategies
                .reduce
                .iter()
                .chain(&content.strategies.handle)
            {
                for variant in text.variants() {
                    assert!(
                        variant.starts_with("Consider"),
                        "{sub}: `{variant}` should start with Consider"
                    );
                }
            }
        }
        for content in &bank().domains {
            for text in [&content.prospective, &content.retrospective] {
                for variant in text.variants() {
                    assert!(
                        variant.trim_end().ends_with('?'),
                        "{}: `{variant}`",
                        content.domain
                    );
                }
            }
        }
    }

    #[test]
    fn crosswalk_and_stages_are_complete() {
        let factors: Vec<Factor> = bank().factors.iter().map(|content| content.id).collect();
        assert_eq!(factors, Factor::ALL.to_vec());
        for content in &bank().factors {
            assert!(
                !content.sub_domains.is_empty(),
                "{:?} names no sub-domain",
                content.id
            );
            assert_eq!(content.source, content.id.source(), "{:?}", content.id);
            for text in [&content.name, &content.description, &content.basis] {
                assert!(
                    !text.trim().is_empty(),
                    "{:?} has an empty text",
                    content.id
                );
            }
        }
        let sources: Vec<FactorSource> = bank().sources.iter().map(|content| content.id).collect();
        assert_eq!(sources, FactorSource::ALL.to_vec());
        for source in &bank().sources {
            assert!(!source.name.trim().is_empty(), "{:?}", source.id);
            assert!(!source.reference.trim().is_empty(), "{:?}", source.id);
            assert!(
                source.seed.len() == 3 && source.seed.chars().all(|c| c.is_ascii_digit()),
                "{:?} seed `{}`",
                source.id,
                source.seed
            );
        }
        for content in &bank().factors {
            let seed = &bank().source(content.source).seed;
            assert!(
                content.citation.starts_with(&format!("Seed {seed}, ")),
                "{:?} should cite seed {seed} first: {}",
                content.id,
                content.citation
            );
            assert!(
                content.citation.matches('"').count() >= 2,
                "{:?} should quote the passage it rests on",
                content.id
            );
        }
        let stages: Vec<Stage> = bank().stages.iter().map(|content| content.id).collect();
        assert_eq!(stages, Stage::ALL.to_vec());
        for content in &bank().stages {
            assert!(!content.success_measures.is_empty(), "{:?}", content.id);
            assert!(content
                .success_measures
                .iter()
                .all(|m| !m.trim().is_empty()));
        }
    }

    #[test]
    fn every_token_is_named_once_with_words_for_every_setting() {
        let mut names: Vec<&str> = bank().tokens.iter().map(|t| t.name.as_str()).collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "a token is named twice");
        for token in &bank().tokens {
            for setting in Setting::ALL {
                assert!(
                    !token.words(setting).trim().is_empty(),
                    "{} in {setting:?}",
                    token.name
                );
            }
        }
    }

    /// Words that carry no meaning of their own, for finding shared marker phrases.
    const STOPWORDS: &[&str] = &[
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "is", "are",
        "be", "it", "its", "as", "at", "from", "that", "this", "which", "who", "what", "their",
        "they", "them", "there", "than", "not", "no", "nor", "so", "but", "if", "any", "such",
        "can", "could", "would", "will", "may", "might", "been", "being", "has", "have", "had",
        "do", "does", "did", "into", "out", "up", "over", "about", "also", "each", "every",
        "other", "others", "one", "few", "many", "most", "some", "more", "much", "very", "own",
        "same", "all", "both",
    ];

    /// The pairs of neighbouring words in a text whose two ends both carry meaning
    /// ("staff turnover", "short-term grants"), with `{tokens}` left out.
    fn marker_phrases(text: &str) -> std::collections::BTreeSet<String> {
        let mut plain = String::with_capacity(text.len());
        let mut depth = 0;
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth > 0 => {}
                _ => plain.push(c),
            }
        }
        let words: Vec<String> = plain
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words
            .windows(2)
            .filter(|pair| pair.iter().all(|w| !STOPWORDS.contains(&w.as_str())))
            .map(|pair| pair.join(" "))
            .collect()
    }

    #[test]
    fn no_two_complex_descriptors_share_a_marker_phrase() {
        // One fact should make one sub-domain complex, not several: so no meaningful pair of
        // words may appear in the complex descriptors of two different sub-domains.
        let phrases: Vec<(SubDomain, std::collections::BTreeSet<String>)> = SubDomain::ALL
            .into_iter()
            .map(|sub| {
                let text = bank()
                    .sub_domain(sub)
                    .descriptors
                    .complex
                    .variants()
                    .join(" ");
                (sub, marker_phrases(&text))
            })
            .collect();
        for (index, (a, mine)) in phrases.iter().enumerate() {
            for (b, theirs) in &phrases[index + 1..] {
                let shared: Vec<&String> = mine.intersection(theirs).collect();
                assert!(
                    shared.is_empty(),
                    "{a} and {b} share complex markers {shared:?}"
                );
            }
        }
    }

    /// Facts that on their own are bad news, the words that name each, and the one sub-domain
    /// whose descriptors may speak of it.
    const SINGLE_FACTS: &[(&str, &[&str], SubDomain)] = &[
        (
            "grant or pilot funding ends",
            &["grant", "pilot fund", "short-term", "one-off"],
            SubDomain::S5C,
        ),
        (
            "savings land in another organisation's budget",
            &["savings", "another organisation's budget"],
            SubDomain::S5C,
        ),
        (
            "a procurement is needed",
            &["procurement", "tender"],
            SubDomain::S5C,
        ),
        ("staff turnover is high", &["turnover"], SubDomain::S5A),
        (
            "the change rests on one champion",
            &["champion", "rests on one", "a few people"],
            SubDomain::S5A,
        ),
        (
            "growing needs more staff or carers than can be recruited",
            &["recruit"],
            SubDomain::S5E,
        ),
        (
            "political backing could change",
            &["election", "minister"],
            SubDomain::S6A,
        ),
        (
            "some people cannot consent",
            &["mental capacity", "best-interests", "best interests"],
            SubDomain::S6B,
        ),
        (
            "surprises throw the organisations into crisis",
            &["crisis", "surprise"],
            SubDomain::S7B,
        ),
    ];

    #[test]
    fn each_single_fact_is_rated_in_one_sub_domain() {
        for &(fact, words, owner) in SINGLE_FACTS {
            let speaks = |text: &Text| {
                text.variants().iter().any(|variant| {
                    let lower = variant.to_lowercase();
                    words.iter().any(|word| lower.contains(word))
                })
            };
            let found: Vec<SubDomain> = SubDomain::ALL
                .into_iter()
                .filter(|&sub| {
                    let descriptors = &bank().sub_domain(sub).descriptors;
                    Complexity::ALL
                        .into_iter()
                        .any(|level| speaks(descriptors.get(level)))
                })
                .collect();
            assert_eq!(found, vec![owner], "`{fact}` is described in {found:?}");
            assert!(
                speaks(
                    bank()
                        .sub_domain(owner)
                        .descriptors
                        .get(Complexity::Complex)
                ),
                "`{fact}` is not in {owner}'s complex descriptor"
            );
            // The whole-domain descriptors, used in quick assessments, follow the same rule.
            for content in &bank().domains {
                let here = Complexity::ALL
                    .into_iter()
                    .any(|level| speaks(content.descriptors.get(level)));
                assert!(
                    !here || content.domain == owner.domain(),
                    "`{fact}` is described in domain {}",
                    content.domain
                );
            }
        }
    }

    #[test]
    fn one_bad_fact_makes_one_domain_complex() {
        use crate::assessment::{Assessment, Mode, Rating};
        use crate::model::Level;
        use crate::outlook::Band;
        for &(fact, _, owner) in SINGLE_FACTS {
            let mut assessment = Assessment::new(fact);
            assessment.mode = Mode::Full;
            for sub in SubDomain::ALL {
                let level = match sub == owner {
                    true => Level::Complex,
                    false => Level::Simple,
                };
                assessment.ratings.insert(sub, Rating::new(level));
            }
            let report = crate::report::assess(&assessment);
            let complex: Vec<Domain> = report
                .domains
                .iter()
                .filter(|d| d.class.range.best == Complexity::Complex)
                .map(|d| d.domain)
                .collect();
            assert_eq!(complex, vec![owner.domain()], "{fact}");
            assert_eq!(report.outlook.best, Band::Possible, "{fact}");
            assert!(!report.outlook.is_uncertain(), "{fact}");
        }
    }

    #[test]
    fn acronyms_are_spelled_out_on_first_use() {
        const ACRONYMS: &[&str] = &[
            "CQC", "MHRA", "NMC", "GMC", "DSPT", "NICE", "SCIE", "SSSC", "NISCC", "BASW", "ADASS",
            "ADCS", "RQIA",
        ];
        for sub in SubDomain::ALL {
            let content = bank().sub_domain(sub);
            let mut texts: Vec<&Text> = vec![&content.help, &content.example];
            for question in &content.questions {
                texts.push(&question.prospective);
            }
            for level in Complexity::ALL {
                texts.push(content.descriptors.get(level));
            }
            texts.extend(
                content
                    .strategies
                    .reduce
                    .iter()
                    .chain(&content.strategies.handle),
            );
            for setting in [Setting::Health, Setting::AdultSocialCare] {
                let all: String = texts
                    .iter()
                    .map(|text| text.render(setting))
                    .collect::<Vec<_>>()
                    .join(" ");
                for acronym in ACRONYMS {
                    let first = all.match_indices(acronym).find(|(at, _)| {
                        let before = all[..*at].chars().next_back();
                        let after = all[at + acronym.len()..].chars().next();
                        !before.is_some_and(char::is_alphanumeric)
                            && !after.is_some_and(char::is_alphanumeric)
                    });
                    if let Some((at, _)) = first {
                        assert!(
                            all[..at].ends_with('('),
                            "{sub} ({setting:?}) uses {acronym} before spelling it out"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn tokens_fill_per_setting() {
        let text = Text::Same("{people} and {staff} at {organisation}.".into());
        assert_eq!(
            text.render(Setting::Health),
            "Patients and clinicians and other staff at the trust or practice."
        );
        assert_eq!(
            text.render(Setting::ChildrensSocialCare),
            "Children, young people and the parents or carers they live with and social workers, family support and residential staff at the children's services department."
        );
        let unknown = Text::Same("a {nope} b".into());
        assert_eq!(unknown.render(Setting::Health), "a {nope} b");
    }
}
