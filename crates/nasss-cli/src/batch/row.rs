//! One batch output row, computed from only the parts of the engine that its columns need
//! (classification, the outlook and its drivers), not from a full report with strategies and
//! wording; and a memo of the rows of quick profiles, of which there are only 4^7 = 16,384, so
//! each is computed once however many input rows share it.
//!
//! The memo keeps each row packed in 16 bytes ([`Cells`]), not as text: all 16,384 then fit in
//! a core's cache (as text they took 1.6 MB, and a batch of varied profiles spent half its time
//! waiting on memory), and a row is written from them with fixed-size copies of its words.

use nasss_core::classify::classify;
use nasss_core::model::{Complexity, Domain, Level};
use nasss_core::outlook::{best_profile, outlook, Band, Outlook};
use nasss_core::Assessment;
use std::sync::LazyLock;

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

/// Every cell of a row but the id. None of them (keys, counts, `;`-separated keys) ever needs
/// quoting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cells {
    best: Band,
    worst: Band,
    /// Domains exactly complex, complicated and simple, and those still a range.
    counts: [u8; 4],
    drivers: Domains,
    pivotal: Domains,
}

impl Cells {
    /// Scores an assessment, the same way `nasss_core::assess` would for these columns.
    pub fn of(assessment: &Assessment) -> Cells {
        let classes = classify(assessment);
        let outlook = outlook(&classes);
        let exact = |level: Option<Complexity>| {
            let count = classes
                .iter()
                .filter(|class| match level {
                    Some(level) => class.range.is_exact() && class.range.best == level,
                    None => !class.range.is_exact(),
                })
                .count();
            u8::try_from(count).unwrap_or(u8::MAX)
        };
        let drivers = nasss_core::explain::drivers(&best_profile(&classes));
        Cells {
            best: outlook.best,
            worst: outlook.worst,
            counts: [
                exact(Some(Complexity::Complex)),
                exact(Some(Complexity::Complicated)),
                exact(Some(Complexity::Simple)),
                exact(None),
            ],
            drivers: Domains::of(drivers.into_iter()),
            pivotal: Domains::of(outlook.pivotal.iter().map(|pivot| pivot.domain)),
        }
    }

    /// What follows the id on its line: a comma, the cells and the line end.
    pub fn after_id(&self, line: &mut Line) {
        let words = &*WORDS;
        line.clear();
        line.byte(b',');
        line.word(&words.outlooks[band_index(self.best)][band_index(self.worst)]);
        for band in [self.best, self.worst] {
            line.byte(b',');
            line.word(&words.bands[band_index(band)]);
        }
        for count in self.counts {
            line.byte(b',');
            line.byte(b'0' + count.min(9));
        }
        for domains in [self.drivers, self.pivotal] {
            line.byte(b',');
            for (n, domain) in domains.iter().enumerate() {
                if n > 0 {
                    line.byte(b';');
                }
                line.word(&words.domains[domain]);
            }
        }
        line.byte(b'\n');
    }

    /// The cells in 64 bits, so that the memo of every quick profile takes 128 KB: the two
    /// bands (3 bits each), three of the counts (3 bits each: the fourth is what is left of
    /// seven), each list of domains (24 bits), and the top bit set, so that no packed cells
    /// are 0.
    fn pack(&self) -> u64 {
        let mut packed = band_index(self.best) as u64 | (band_index(self.worst) as u64) << 3;
        for (n, count) in self.counts[..3].iter().enumerate() {
            packed |= u64::from(*count & 0b111) << (6 + 3 * n);
        }
        packed |= u64::from(self.drivers.0) << 15 | u64::from(self.pivotal.0) << 39;
        packed | 1 << 63
    }

    fn unpack(packed: u64) -> Cells {
        let three = |at: u32| ((packed >> at) & 0b111) as u8;
        let band = |at: u32| Band::ALL[usize::from(three(at)).min(Band::ALL.len() - 1)];
        let counts = [three(6), three(9), three(12)];
        let domains = |at: u32| Domains(((packed >> at) & 0xFF_FFFF) as u32);
        Cells {
            best: band(0),
            worst: band(3),
            counts: [
                counts[0],
                counts[1],
                counts[2],
                7u8.saturating_sub(counts.iter().sum()),
            ],
            drivers: domains(15),
            pivotal: domains(39),
        }
    }
}

/// Up to seven domains in order, in 24 bits: how many (3 bits), then the place of each in
/// `Domain::ALL` (3 bits each), the first lowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Domains(u32);

impl Domains {
    fn of(domains: impl Iterator<Item = Domain>) -> Domains {
        let mut packed = 0;
        let mut len = 0;
        for domain in domains.take(7) {
            let place = Domain::ALL
                .iter()
                .position(|d| *d == domain)
                .unwrap_or_default();
            packed |= (place as u32) << (3 + 3 * len);
            len += 1;
        }
        Domains(packed | len)
    }

    /// The places in `Domain::ALL`, in order.
    fn iter(self) -> impl Iterator<Item = usize> {
        let len = (self.0 & 0b111) as usize;
        (0..len).map(move |n| ((self.0 >> (3 + 3 * n)) & 0b111) as usize)
    }
}

fn band_index(band: Band) -> usize {
    Band::ALL
        .iter()
        .position(|b| *b == band)
        .unwrap_or_default()
}

/// The longest word a row holds ("embedding_adaptation" has 20 bytes), padded.
const WORD: usize = 32;

/// A word of a row, padded to [`WORD`] bytes so that copying it is one fixed-size move, with
/// its real length.
struct Word {
    bytes: [u8; WORD],
    len: usize,
}

impl Word {
    fn of(text: &str) -> Word {
        let mut bytes = [b' '; WORD];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        Word {
            bytes,
            len: text.len(),
        }
    }
}

/// Every word a row can hold: the outlook's key for each pair of best and worst bands (as
/// `Outlook::key` gives it), each band's key and each domain's.
struct Words {
    outlooks: [[Word; 5]; 5],
    bands: [Word; 5],
    domains: [Word; 7],
}

static WORDS: LazyLock<Words> = LazyLock::new(|| Words {
    outlooks: Band::ALL.map(|best| {
        Band::ALL.map(|worst| {
            let outlook = Outlook {
                best,
                worst,
                pivotal: Vec::new(),
            };
            Word::of(outlook.key())
        })
    }),
    bands: Band::ALL.map(|band| Word::of(band.key())),
    domains: Domain::ALL.map(|domain| Word::of(domain.key())),
});

/// Room for the longest row after its id (about 260 bytes: three bands, four counts, and seven
/// domains twice), and for one padded word past its end.
const LINE: usize = 512;

/// A row being written: the bytes after its id.
pub struct Line {
    bytes: [u8; LINE],
    len: usize,
}

impl Line {
    pub fn new() -> Line {
        Line {
            bytes: [0; LINE],
            len: 0,
        }
    }

    fn clear(&mut self) {
        self.len = 0;
    }

    fn byte(&mut self, byte: u8) {
        self.bytes[self.len] = byte;
        self.len += 1;
    }

    fn word(&mut self, word: &Word) {
        self.bytes[self.len..self.len + WORD].copy_from_slice(&word.bytes);
        self.len += word.len;
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// The cells of every quick profile met so far, and the row being written.
pub struct QuickRows {
    /// By profile, its cells packed ([`Cells::pack`]), or 0 where not yet met.
    memo: Vec<u64>,
    line: Line,
}

impl QuickRows {
    pub fn new() -> QuickRows {
        QuickRows {
            memo: vec![0; 4usize.pow(7)],
            line: Line::new(),
        }
    }

    /// What follows the id on the row of a quick assessment with these domain levels (in
    /// `Domain::ALL` order).
    pub fn get(&mut self, levels: [Level; 7]) -> &[u8] {
        let index = levels
            .iter()
            .fold(0, |index, &level| index * 4 + level_index(level));
        let packed = &mut self.memo[index];
        if *packed == 0 {
            *packed = Cells::of(&Assessment::quick("", levels)).pack();
        }
        Cells::unpack(*packed).after_id(&mut self.line);
        self.line.as_bytes()
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

    /// What follows the id as the full report gives it (what batch wrote before it scored
    /// rows itself), written by the csv crate.
    fn from_report(assessment: &Assessment) -> String {
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
        format!(",{written}")
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
            assert_eq!(memo.get(levels), expected.as_bytes(), "{levels:?}");
            assert_eq!(
                memo.get(levels),
                expected.as_bytes(),
                "{levels:?} from the memo"
            );
        }
    }

    #[test]
    fn built_in_assessments_score_as_the_full_report_does() {
        for example in nasss_core::examples::examples() {
            let assessment = example.assessment();
            let mut line = Line::new();
            Cells::of(&assessment).after_id(&mut line);
            assert_eq!(
                String::from_utf8_lossy(line.as_bytes()),
                from_report(&assessment),
                "{}",
                example.id
            );
        }
    }
}
