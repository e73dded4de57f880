//! Where a team's raters differ, worked out from each person's view (`team.rs`): every rater's
//! level and note for each item the mode asks for, split items first (simple against complex
//! before simple against complicated); the group's range (the band if the most optimistic and
//! if the most pessimistic views held); each rater's own outlook; and the agreement figures
//! (Krippendorff's ordinal alpha beside raw agreement, from `agreement.rs`). Recording an agreed
//! level or leaving it open is [`Assessment::agree`] and [`Assessment::leave_open`].

use crate::agreement::{self, Metric, Reading, Undefined};
use crate::assessment::{Assessment, Mode, RaterId, Rating};
use crate::classify::classify;
use crate::model::{Complexity, Item, Level};
use crate::outlook::{outlook, Band, Outlook};
use crate::team::RaterView;
use serde::Serialize;
use std::collections::BTreeMap;

/// How far apart the raters of one item are, widest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Split {
    /// Someone says simple and someone complex.
    SimpleComplex,
    /// Simple against complicated.
    SimpleComplicated,
    /// Complicated against complex.
    ComplicatedComplex,
    /// Everyone who gave a level gave the same one (some may not be sure yet).
    Agreed,
    /// Fewer than two raters gave a level.
    TooFew,
}

impl Split {
    pub fn key(self) -> &'static str {
        match self {
            Split::SimpleComplex => "simple_complex",
            Split::SimpleComplicated => "simple_complicated",
            Split::ComplicatedComplex => "complicated_complex",
            Split::Agreed => "agreed",
            Split::TooFew => "too_few",
        }
    }

    /// Whether the raters gave different levels.
    pub fn is_split(self) -> bool {
        match self {
            Split::SimpleComplex | Split::SimpleComplicated | Split::ComplicatedComplex => true,
            Split::Agreed | Split::TooFew => false,
        }
    }

    /// Where the split sorts: two steps apart first, then one step apart (in either place on
    /// the scale), then agreed, then too few to tell.
    pub fn rank(self) -> u8 {
        match self {
            Split::SimpleComplex => 0,
            Split::SimpleComplicated | Split::ComplicatedComplex => 1,
            Split::Agreed => 2,
            Split::TooFew => 3,
        }
    }

    fn of(levels: &[Complexity]) -> Split {
        let (Some(low), Some(high)) = (levels.iter().min(), levels.iter().max()) else {
            return Split::TooFew;
        };
        match (levels.len(), low, high) {
            (0 | 1, _, _) => Split::TooFew,
            (_, Complexity::Simple, Complexity::Complex) => Split::SimpleComplex,
            (_, Complexity::Simple, Complexity::Complicated) => Split::SimpleComplicated,
            (_, Complexity::Complicated, Complexity::Complex) => Split::ComplicatedComplex,
            (_, _, _) => Split::Agreed,
        }
    }
}

/// One rater's answer for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RaterLevel {
    pub rater: RaterId,
    pub name: String,
    pub level: Level,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Every rater's answer for one item, and the group's agreed rating if there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemSpread {
    pub item: Item,
    /// The item's title in the assessment's setting.
    pub title: String,
    pub split: Split,
    pub levels: Vec<RaterLevel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreed: Option<Rating>,
}

impl ItemSpread {
    /// How many raters gave each level, simple first, then "not sure yet".
    pub fn counts(&self) -> [usize; 4] {
        Level::ALL.map(|level| self.levels.iter().filter(|l| l.level == level).count())
    }
}

/// One rater's own outlook, as if their view were the only one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RaterOutlook {
    pub rater: RaterId,
    pub name: String,
    pub outlook: Outlook,
}

/// The agreement figures and what they rest on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// Krippendorff's alpha, ordinal metric; why not, when it cannot be worked out. In JSON, a
    /// number, or `"too_few_pairs"` or `"no_variation"`.
    #[serde(serialize_with = "alpha_json")]
    pub alpha: Result<f64, Undefined>,
    /// Raw agreement: the share of pairs of levels for the same item that match, 0 to 1.
    pub percent: Option<f64>,
    /// Raters with a view.
    pub raters: usize,
    /// Items with levels from at least two raters (those the figures rest on).
    pub items: usize,
    /// Items the mode asks for.
    pub expected: usize,
    pub reading: Option<Reading>,
}

fn alpha_json<S: serde::Serializer>(
    alpha: &Result<f64, Undefined>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match alpha {
        Ok(value) => serializer.serialize_f64(*value),
        Err(why) => why.serialize(serializer),
    }
}

/// Everything the team pages show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamAnalysis {
    /// Each item the mode asks for, split items first (two steps apart before one), then in
    /// published order.
    pub items: Vec<ItemSpread>,
    /// In a full assessment, each domain as each person's own sub-domain ratings classify it
    /// (their most complex rated sub-domain; a range counts as not sure yet), split first;
    /// empty in a quick one, whose items are the domains.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<ItemSpread>,
    /// The band if everyone's most optimistic level held on every item (best case).
    pub optimistic: Band,
    /// The band if everyone's most pessimistic level held (worst case).
    pub pessimistic: Band,
    pub raters: Vec<RaterOutlook>,
    pub figures: Figures,
    /// A workshop whose ratings the lead has not revealed yet: every item is listed in
    /// published order with no one's levels, and there are no outlooks or figures to read.
    pub hidden: bool,
    /// How many people have a view (taken their turn, or sent ratings).
    pub people: usize,
}

impl Assessment {
    /// One rater's view as an assessment of its own (this one's context, their ratings, no
    /// overrides), to classify or assess.
    pub fn rater_assessment(&self, view: &RaterView) -> Assessment {
        let mut own = Assessment::new(self.title.clone());
        own.mode = self.mode;
        own.setting = self.setting;
        own.framing = self.framing;
        own.domain_ratings = view.domain_ratings.clone();
        own.ratings = view.ratings.clone();
        own
    }

    /// Records the group's agreed level for an item, with its reason.
    pub fn agree(&mut self, item: Item, level: Level, reason: &str) {
        let rating = self.rating_mut(item);
        rating.level = level;
        rating.note = reason.trim().to_string();
    }

    /// Starts a workshop on one shared screen: each person's ratings stay hidden until
    /// [`Assessment::reveal`].
    pub fn start_workshop(&mut self) {
        self.team.workshop = Some(crate::team::Workshop { revealed: false });
    }

    /// Reveals everyone's ratings in a workshop.
    pub fn reveal(&mut self) {
        self.team.workshop = Some(crate::team::Workshop { revealed: true });
    }

    /// Starts a person's turn in a workshop: finds them by name (any case) or adds them, gives
    /// them an empty view if they have none, and returns their id. `None` for a blank name.
    pub fn start_turn(&mut self, name: &str) -> Option<RaterId> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let found = self
            .raters
            .iter()
            .find(|r| r.name.trim().to_lowercase() == name.to_lowercase())
            .map(|r| r.id);
        let id = found.unwrap_or_else(|| {
            let id = self.add_rater();
            if let Some(rater) = self.rater_mut(id) {
                rater.name = name.to_string();
            }
            id
        });
        self.team.views.entry(id).or_default();
        Some(id)
    }

    /// Sets one person's level for an item in their own view.
    pub fn set_view_level(&mut self, rater: RaterId, item: Item, level: Level) {
        let view = self.team.views.entry(rater).or_default();
        let rating = match item {
            Item::Domain(domain) => view.domain_ratings.entry(domain).or_default(),
            Item::SubDomain(sub) => view.ratings.entry(sub).or_default(),
        };
        rating.level = level;
    }

    /// Leaves an item open: no agreed level, so it counts as a range.
    pub fn leave_open(&mut self, item: Item) {
        match item {
            Item::Domain(domain) => self.domain_ratings.remove(&domain),
            Item::SubDomain(sub) => self.ratings.remove(&sub),
        };
    }
}

/// A rater's level and note for an item: their own rating; in a full assessment, else their
/// whole-domain rating; in a quick one, else their domain's level from any sub-domain ratings
/// if that is exact.
fn rater_level(assessment: &Assessment, view: &RaterView, item: Item) -> (Level, String) {
    let own = match item {
        Item::Domain(domain) => view.domain_ratings.get(&domain),
        Item::SubDomain(sub) => view
            .ratings
            .get(&sub)
            .or_else(|| view.domain_ratings.get(&sub.domain())),
    };
    if let Some(rating) = own {
        return (rating.level, rating.note.clone());
    }
    match (item, assessment.mode) {
        (Item::Domain(domain), Mode::Quick) => {
            let range = classify(&assessment.rater_assessment(view))[domain.index()].range;
            match range.is_exact() && domain.sub_domains().any(|s| view.ratings.contains_key(&s)) {
                true => (Level::from(range.best), String::new()),
                false => (Level::Unknown, String::new()),
            }
        }
        (Item::Domain(_) | Item::SubDomain(_), Mode::Quick | Mode::Full) => {
            (Level::Unknown, String::new())
        }
    }
}

fn code(level: Level) -> Option<i64> {
    level.known().map(|c| c as i64)
}

/// The team analysis, or `None` for an assessment with no team views.
pub fn analyse(assessment: &Assessment) -> Option<TeamAnalysis> {
    if !assessment.is_team() {
        return None;
    }
    let name_of = |id: RaterId| {
        assessment
            .raters
            .iter()
            .find(|r| r.id == id)
            .map_or(String::new(), |r| r.name.clone())
    };
    let expected = assessment.expected_items();
    let mut items: Vec<ItemSpread> = expected
        .iter()
        .map(|&item| {
            let levels: Vec<RaterLevel> = assessment
                .team
                .views
                .iter()
                .map(|(&rater, view)| {
                    let (level, note) = rater_level(assessment, view, item);
                    RaterLevel {
                        rater,
                        name: name_of(rater),
                        level,
                        note,
                    }
                })
                .collect();
            let known: Vec<Complexity> = levels.iter().filter_map(|l| l.level.known()).collect();
            let setting = assessment.setting;
            let title = match item {
                Item::Domain(domain) => crate::bank::bank().domain(domain).title.render(setting),
                Item::SubDomain(sub) => crate::bank::bank().sub_domain(sub).title.render(setting),
            };
            ItemSpread {
                item,
                title,
                split: Split::of(&known),
                levels,
                agreed: assessment.rating(item).cloned(),
            }
        })
        .collect();
    let data: Vec<Vec<Option<i64>>> = assessment
        .team
        .views
        .keys()
        .map(|rater| {
            items
                .iter()
                .map(|spread| {
                    let level = spread.levels.iter().find(|l| l.rater == *rater);
                    level.and_then(|l| code(l.level))
                })
                .collect()
        })
        .collect();
    let alpha = agreement::alpha(&data, Metric::Ordinal);
    let figures = Figures {
        reading: alpha.ok().map(Reading::of),
        alpha,
        percent: agreement::pairwise_agreement(&data),
        raters: assessment.team.views.len(),
        items: items
            .iter()
            .filter(|s| {
                s.levels
                    .iter()
                    .filter(|l| l.level.known().is_some())
                    .count()
                    >= 2
            })
            .count(),
        expected: expected.len(),
    };
    let extreme = |pick: fn(&[Complexity]) -> Option<Complexity>| {
        let mut one = assessment.rater_assessment(&RaterView::default());
        for spread in &items {
            let known: Vec<Complexity> = spread
                .levels
                .iter()
                .filter_map(|l| l.level.known())
                .collect();
            if let Some(level) = pick(&known) {
                one.rating_mut(spread.item).level = Level::from(level);
            }
        }
        outlook(&classify(&one))
    };
    let optimistic = extreme(|levels| levels.iter().min().copied()).best;
    let pessimistic = extreme(|levels| levels.iter().max().copied()).worst;
    let raters = assessment
        .team
        .views
        .iter()
        .map(|(&rater, view)| RaterOutlook {
            rater,
            name: name_of(rater),
            outlook: outlook(&classify(&assessment.rater_assessment(view))),
        })
        .collect();
    let mut domains: Vec<ItemSpread> = match assessment.mode {
        Mode::Quick => Vec::new(),
        Mode::Full => crate::model::Domain::ALL
            .into_iter()
            .map(|domain| {
                let levels: Vec<RaterLevel> = assessment
                    .team
                    .views
                    .iter()
                    .map(|(&rater, view)| {
                        let range =
                            classify(&assessment.rater_assessment(view))[domain.index()].range;
                        RaterLevel {
                            rater,
                            name: name_of(rater),
                            level: match range.is_exact() {
                                true => Level::from(range.best),
                                false => Level::Unknown,
                            },
                            note: String::new(),
                        }
                    })
                    .collect();
                let known: Vec<Complexity> =
                    levels.iter().filter_map(|l| l.level.known()).collect();
                ItemSpread {
                    item: Item::Domain(domain),
                    title: crate::bank::bank()
                        .domain(domain)
                        .title
                        .render(assessment.setting),
                    split: Split::of(&known),
                    levels,
                    agreed: None,
                }
            })
            .collect(),
    };
    let hidden = assessment.team.workshop.is_some_and(|w| !w.revealed);
    let people = assessment.team.views.len();
    if hidden {
        for spread in &mut items {
            spread.levels.clear();
            spread.split = Split::TooFew;
        }
        return Some(TeamAnalysis {
            items,
            domains: Vec::new(),
            optimistic,
            pessimistic,
            raters: Vec::new(),
            figures: Figures {
                alpha: Err(Undefined::TooFewPairs),
                percent: None,
                raters: people,
                items: 0,
                expected: expected.len(),
                reading: None,
            },
            hidden,
            people,
        });
    }
    items.sort_by_key(|spread| spread.split.rank());
    domains.sort_by_key(|spread| spread.split.rank());
    Some(TeamAnalysis {
        items,
        domains,
        optimistic,
        pessimistic,
        raters,
        figures,
        hidden,
        people,
    })
}

/// The spreads of one domain's items, in the analysis's order.
pub fn by_domain(analysis: &TeamAnalysis) -> BTreeMap<crate::model::Domain, Vec<&ItemSpread>> {
    let mut out: BTreeMap<_, Vec<&ItemSpread>> = BTreeMap::new();
    for spread in &analysis.items {
        out.entry(spread.item.domain()).or_default().push(spread);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::merge;
    use crate::model::{Domain, SubDomain};
    use crate::team::AssessmentId;

    fn team_of(levels: &[(&str, [Level; 7])]) -> Assessment {
        let mut team = Assessment::new("T").invitation(AssessmentId::parse("t").unwrap());
        for (name, levels) in levels {
            let mut own = Assessment::quick("T", *levels);
            own.id = team.id.clone();
            merge(&mut team, &own.reply(name), None, None).unwrap();
        }
        team
    }

    #[test]
    fn split_items_come_first_widest_first() {
        use Level::{Complex as X, Complicated as C, Simple as S, Unknown as U};
        let team = team_of(&[
            ("Ann", [S, S, S, S, S, S, S]),
            ("Ben", [S, C, X, S, S, U, S]),
            ("Cy", [S, S, C, C, S, U, S]),
        ]);
        let analysis = analyse(&team).unwrap();
        let order: Vec<(Item, Split)> = analysis.items.iter().map(|s| (s.item, s.split)).collect();
        assert_eq!(
            order[0],
            (Item::Domain(Domain::ValueProposition), Split::SimpleComplex)
        );
        assert_eq!(
            order[1],
            (Item::Domain(Domain::Technology), Split::SimpleComplicated)
        );
        assert_eq!(
            order[2],
            (
                Item::Domain(Domain::AdopterSystem),
                Split::SimpleComplicated
            )
        );
        assert_eq!(order[3].1, Split::Agreed);
        let wider = analysis
            .items
            .iter()
            .find(|s| s.item == Item::Domain(Domain::WiderSystem))
            .unwrap();
        assert_eq!(wider.split, Split::TooFew, "two not sure, one simple");
        assert_eq!(wider.counts(), [1, 0, 0, 2]);
        // Optimistic: all simple; pessimistic: one complex, two complicated.
        assert_eq!(analysis.optimistic, Band::VeryLikely);
        assert_eq!(analysis.pessimistic, Band::Possible);
        assert_eq!(analysis.raters[0].outlook.best, Band::VeryLikely);
        assert_eq!(analysis.figures.raters, 3);
        assert_eq!(analysis.figures.items, 6);
        assert!(analysis.figures.alpha.unwrap() < 0.667);
    }

    #[test]
    fn agreed_levels_drive_the_outlook_and_open_items_are_ranges() {
        use Level::{Complex as X, Simple as S};
        let mut team = team_of(&[("Ann", [S; 7]), ("Ben", [X, X, S, S, S, S, S])]);
        assert!(
            crate::assess(&team).outlook.is_uncertain(),
            "nothing agreed yet"
        );
        for domain in Domain::ALL {
            team.agree(Item::Domain(domain), S, "we talked it through");
        }
        assert_eq!(crate::assess(&team).outlook.best, Band::VeryLikely);
        team.agree(Item::Domain(Domain::Condition), X, "frailty varies");
        team.agree(Item::Domain(Domain::Technology), X, "");
        assert_eq!(crate::assess(&team).outlook.best, Band::Unlikely);
        team.leave_open(Item::Domain(Domain::Technology));
        let outlook = crate::assess(&team).outlook;
        assert_eq!(
            (outlook.best, outlook.worst),
            (Band::Possible, Band::Unlikely)
        );
    }

    #[test]
    fn a_workshop_hides_everyone_until_revealed() {
        let mut team = Assessment::new("T").invitation(AssessmentId::parse("t").unwrap());
        team.start_workshop();
        let ann = team.start_turn(" Ann ").unwrap();
        team.set_view_level(ann, Item::Domain(Domain::Condition), Level::Complex);
        let ben = team.start_turn("Ben").unwrap();
        team.set_view_level(ben, Item::Domain(Domain::Condition), Level::Simple);
        assert_eq!(team.start_turn("ann"), Some(ann), "the same person again");
        assert_eq!(team.start_turn("  "), None);
        let saved = crate::load(&team.to_file_text()).unwrap();
        let hidden = analyse(&saved).unwrap();
        assert!(hidden.hidden, "hidden stays hidden when read back");
        assert_eq!(hidden.people, 2);
        assert!(hidden.items.iter().all(|s| s.levels.is_empty()));
        assert!(hidden.raters.is_empty());
        team.reveal();
        let shown = analyse(&team).unwrap();
        assert!(!shown.hidden);
        assert_eq!(shown.items[0].split, Split::SimpleComplex);
    }

    #[test]
    fn full_mode_items_fall_back_to_a_raters_whole_domain_rating() {
        let mut team = Assessment::new("T").invitation(AssessmentId::parse("t").unwrap());
        team.mode = Mode::Full;
        let mut own = team.clone();
        own.domain_ratings
            .insert(Domain::Condition, Rating::new(Level::Complex));
        own.ratings
            .insert(SubDomain::S1A, Rating::new(Level::Simple));
        merge(&mut team, &own.reply("Ann"), None, None).unwrap();
        let analysis = analyse(&team).unwrap();
        let level = |sub| {
            analysis
                .items
                .iter()
                .find(|s| s.item == Item::SubDomain(sub))
                .unwrap()
                .levels[0]
                .level
        };
        assert_eq!(level(SubDomain::S1A), Level::Simple);
        assert_eq!(level(SubDomain::S1B), Level::Complex);
        assert_eq!(level(SubDomain::S2A), Level::Unknown);
        let condition = analysis
            .domains
            .iter()
            .find(|s| s.item == Item::Domain(Domain::Condition))
            .unwrap();
        assert_eq!(
            condition.levels[0].level,
            Level::Complex,
            "1B falls back to the domain"
        );
        assert_eq!(analysis.domains.len(), 7);
        assert!(analyse(&Assessment::new("solo")).is_none());
    }
}
