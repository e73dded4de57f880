//! One batch output row, computed from only the parts of the engine that its columns need
//! (classification, the outlook and its drivers), not from a full report with strategies and
//! wording; and a memo of the rows of quick profiles, of which there are only 4^7 = 16,384, so
//! each is computed once however many input rows share it.

use nasss_core::classify::classify;
use nasss_core::model::{Complexity, Domain, Level};
use nasss_core::outlook::{best_profile, outlook};
use nasss_core::Assessment;

/// The output columns, in order.
pub const COLUMNS: [&str; 10] = [
    "id",
    "outlook",
    "outlook_best",
    "outlook_worst",
    "complex_domains",
    "complicated_domains",
    "simple_domains",
    "unknown_domains",
    "drivers",
    "pivotal_unknowns",
];

/// Every cell of a row but the id, as written: joined by commas, since none of them (keys,
/// counts, `;`-separated keys) ever needs quoting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored(String);

impl Scored {
    /// Scores an assessment, the same way `nasss_core::assess` would for these columns.
    pub fn of(assessment: &Assessment) -> Scored {
        let classes = classify(assessment);
        let outlook = outlook(&classes);
        let exact = |level: Option<Complexity>| {
            classes
                .iter()
                .filter(|class| match level {
                    Some(level) => class.range.is_exact() && class.range.best == level,
                    None => !class.range.is_exact(),
                })
                .count()
                .to_string()
        };
        let join = |domains: &mut dyn Iterator<Item = Domain>| {
            domains.map(Domain::key).collect::<Vec<_>>().join(";")
        };
        let drivers = nasss_core::explain::drivers(&best_profile(&classes));
        Scored(
            [
                outlook.key().to_string(),
                outlook.best.key().to_string(),
                outlook.worst.key().to_string(),
                exact(Some(Complexity::Complex)),
                exact(Some(Complexity::Complicated)),
                exact(Some(Complexity::Simple)),
                exact(None),
                join(&mut drivers.into_iter()),
                join(&mut outlook.pivotal.iter().map(|pivot| pivot.domain)),
            ]
            .join(","),
        )
    }

    /// The cells after the id, comma-separated.
    pub fn cells(&self) -> &str {
        &self.0
    }
}

/// The scored row of every quick profile met so far.
pub struct QuickRows(Vec<Option<Scored>>);

impl QuickRows {
    pub fn new() -> QuickRows {
        QuickRows(vec![None; 4usize.pow(7)])
    }

    /// The row for a quick assessment with these domain levels (in `Domain::ALL` order).
    pub fn get(&mut self, levels: [Level; 7]) -> &Scored {
        let index = levels
            .iter()
            .fold(0, |index, &level| index * 4 + level_index(level));
        self.0[index].get_or_insert_with(|| Scored::of(&Assessment::quick("", levels)))
    }
}

fn level_index(level: Level) -> usize {
    match level {
        Level::Simple => 0,
        Level::Complicated => 1,
        Level::Complex => 2,
        Level::Unknown => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nasss_core::assess;

    /// The cells as the full report gives them (what batch wrote before it scored rows
    /// itself), written by the csv crate.
    fn from_report(assessment: &Assessment) -> Scored {
        let report = assess(assessment);
        let outlook = &report.outlook;
        let join = |domains: Vec<Domain>| {
            domains
                .into_iter()
                .map(Domain::key)
                .collect::<Vec<_>>()
                .join(";")
        };
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .write_record([
                outlook.key().to_string(),
                outlook.best.key().to_string(),
                outlook.worst.key().to_string(),
                report.counts.complex.to_string(),
                report.counts.complicated.to_string(),
                report.counts.simple.to_string(),
                report.counts.unknown.to_string(),
                join(report.drivers.iter().map(|d| d.domain).collect()),
                join(outlook.pivotal.iter().map(|p| p.domain).collect()),
            ])
            .unwrap();
        let written = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        Scored(written.trim_end_matches('\n').to_owned())
    }

    #[test]
    fn every_quick_profile_scores_as_the_full_report_does() {
        let mut memo = QuickRows::new();
        for mut n in 0..4usize.pow(7) {
            let levels: [Level; 7] = std::array::from_fn(|_| {
                let level = Level::ALL[n % 4];
                n /= 4;
                level
            });
            let expected = from_report(&Assessment::quick("x", levels));
            assert_eq!(memo.get(levels), &expected, "{levels:?}");
            assert_eq!(memo.get(levels), &expected, "{levels:?} from the memo");
        }
    }

    #[test]
    fn built_in_assessments_score_as_the_full_report_does() {
        for example in nasss_core::examples::examples() {
            let assessment = example.assessment();
            assert_eq!(
                Scored::of(&assessment),
                from_report(&assessment),
                "{}",
                example.id
            );
        }
    }
}
