//! Bringing a team's ratings together. The lead hands out an invitation (the assessment's id,
//! title, setting, framing and mode, with no ratings); each person fills it in and sends back a
//! reply (the same file with their name and ratings). [`merge`] takes a reply, an ordinary
//! assessment file someone filled in on their own, or another team file, into the team
//! assessment as each person's own view, by these rules, the same in the app and the CLI:
//!
//! - the rater is the file's one named rater, else the file's name;
//! - the same person sending again replaces their earlier ratings, and the note says so;
//! - a file from a different assessment (another id) is refused, with both titles named;
//! - nothing already in the team assessment is lost: its agreed levels, other raters and their
//!   views stay as they were.

use crate::assessment::{Assessment, Date, Rater, RaterId};
use crate::team::{AssessmentId, RaterView};
use std::fmt;

/// Why a file could not be merged; the team assessment is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// The file belongs to another assessment.
    DifferentAssessment {
        ours: AssessmentId,
        theirs: AssessmentId,
        our_title: String,
        their_title: String,
    },
    /// The file has no ratings: an invitation nobody has filled in yet.
    NoRatings,
    /// Nobody is named in the file and it has no file name to go by.
    NoName,
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::DifferentAssessment {
                ours,
                theirs,
                our_title,
                their_title,
            } => write!(
                f,
                "it belongs to a different assessment (\"{}\", id {}), not this one (\"{}\", id {}), so nothing was taken from it",
                crate::render::phrases::display_title(their_title),
                theirs.as_str(),
                crate::render::phrases::display_title(our_title),
                ours.as_str()
            ),
            MergeError::NoRatings => f.write_str(
                "it has no ratings yet (an invitation nobody has filled in), so there was nothing to take from it",
            ),
            MergeError::NoName => f.write_str(
                "it does not say who made the ratings: ask them to enter their name and send it again",
            ),
        }
    }
}

impl std::error::Error for MergeError {}

/// What merging one person's ratings did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeNote {
    pub rater: RaterId,
    pub name: String,
    /// This person had sent ratings before; these replace them.
    pub replaced: bool,
    /// The file was rated in the other mode (quick against full); its ratings are kept.
    pub other_mode: bool,
    /// The first views merged into an assessment that already had ratings: those are kept,
    /// and from now on they are the group's agreed levels.
    pub kept_as_agreed: bool,
}

impl fmt::Display for MergeNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = crate::render::team_phrases::display_rater(&self.name);
        match self.replaced {
            true => write!(f, "{name}'s new ratings replace the ones they sent before")?,
            false => write!(f, "added {name}'s ratings")?,
        }
        if self.other_mode {
            f.write_str(
                " (rated in the other mode: their ratings are kept and count where they apply)",
            )?;
        }
        if self.kept_as_agreed {
            f.write_str(
                " (the levels already in this assessment are kept, as the group's agreed levels)",
            )?;
        }
        Ok(())
    }
}

impl Assessment {
    /// An invitation to rate this assessment: its id (given here if it has none), title,
    /// description, setting, framing, stage and mode, with no ratings and no raters.
    pub fn invitation(&self, id_if_none: AssessmentId) -> Assessment {
        let mut invitation = Assessment::new(self.title.clone());
        invitation.id = Some(self.id.clone().unwrap_or(id_if_none));
        invitation.description = self.description.clone();
        invitation.setting = self.setting;
        invitation.framing = self.framing;
        invitation.stage = self.stage;
        invitation.mode = self.mode;
        invitation
    }

    /// Whether this is an invitation: an id, and no ratings or views yet.
    pub fn is_invitation(&self) -> bool {
        self.id.is_some()
            && self.domain_ratings.is_empty()
            && self.ratings.is_empty()
            && self.team.views.is_empty()
    }

    /// One person's reply: the invitation's context with their name and ratings (notes,
    /// evidence and kinds kept), and nothing of anyone else's.
    pub fn reply(&self, name: &str) -> Assessment {
        let mut reply = Assessment::new(self.title.clone());
        reply.id = self.id.clone();
        reply.description = self.description.clone();
        reply.setting = self.setting;
        reply.framing = self.framing;
        reply.stage = self.stage;
        reply.mode = self.mode;
        reply.domain_ratings = self.domain_ratings.clone();
        reply.ratings = self.ratings.clone();
        reply.raters = vec![Rater::new(name.trim(), None)];
        reply.updated = self.updated.clone();
        reply
    }

    /// Whether this assessment holds team views (each person's own ratings).
    pub fn is_team(&self) -> bool {
        !self.team.views.is_empty()
    }
}

/// Merges one file into the team assessment. `file_name` names the rater when the file names
/// none (a file's name without its folder or `.json`; `None` for a pasted link); `received` is
/// recorded with the view. On error the team assessment is unchanged.
pub fn merge(
    team: &mut Assessment,
    incoming: &Assessment,
    file_name: Option<&str>,
    received: Option<Date>,
) -> Result<Vec<MergeNote>, MergeError> {
    if let (Some(ours), Some(theirs)) = (&team.id, &incoming.id) {
        if ours != theirs {
            return Err(MergeError::DifferentAssessment {
                ours: ours.clone(),
                theirs: theirs.clone(),
                our_title: team.title.clone(),
                their_title: incoming.title.clone(),
            });
        }
    }
    let other_mode = incoming.mode != team.mode;
    // Each person the file brings: (rater, their ratings).
    let people: Vec<(Rater, RaterView)> = match incoming.is_team() {
        true => incoming
            .team
            .views
            .iter()
            .filter_map(|(id, view)| {
                let rater = incoming.raters.iter().find(|r| r.id == *id)?;
                Some((rater.clone(), view.clone()))
            })
            .collect(),
        false => {
            if incoming.domain_ratings.is_empty() && incoming.ratings.is_empty() {
                return Err(MergeError::NoRatings);
            }
            let named: Vec<&Rater> = incoming
                .raters
                .iter()
                .filter(|r| !r.name.trim().is_empty())
                .collect();
            let rater = match (named.as_slice(), file_name.map(str::trim)) {
                ([one], _) => (*one).clone(),
                (_, Some(name)) if !name.is_empty() => Rater::new(name, None),
                (_, _) => return Err(MergeError::NoName),
            };
            let view = RaterView {
                domain_ratings: incoming.domain_ratings.clone(),
                ratings: incoming.ratings.clone(),
                received: None,
            };
            vec![(rater, view)]
        }
    };
    if people.is_empty() {
        return Err(MergeError::NoRatings);
    }
    if team.id.is_none() {
        team.id = incoming.id.clone();
    }
    let has_levels = !team.domain_ratings.is_empty() || !team.ratings.is_empty();
    let mut kept_as_agreed = has_levels && !team.is_team();
    let mut notes = Vec::new();
    for (rater, mut view) in people {
        view.received = received.clone().or(view.received);
        let name = rater.name.trim().to_string();
        let existing = team
            .raters
            .iter()
            .find(|r| r.name.trim().to_lowercase() == name.to_lowercase())
            .map(|r| r.id);
        let id = match existing {
            Some(id) => id,
            None => {
                let id = team.add_rater();
                if let Some(added) = team.rater_mut(id) {
                    added.name = name.clone();
                    added.role = rater.role.clone();
                }
                id
            }
        };
        let replaced = team.team.views.insert(id, view).is_some();
        notes.push(MergeNote {
            rater: id,
            name,
            replaced,
            other_mode,
            kept_as_agreed: std::mem::take(&mut kept_as_agreed),
        });
    }
    Ok(notes)
}

/// A team assessment made from files in order, as `nasss merge` does: the first file is the
/// team assessment if it is one (or an invitation); otherwise a new one is started from its
/// context and it counts as the first person's ratings. Each file's result is returned beside
/// its name, in order; files that are refused leave the rest merged.
pub fn merge_files(
    files: &[(String, Assessment)],
    received: Option<Date>,
) -> Option<(Assessment, Vec<MergeResult>)> {
    let (_, first) = files.first()?;
    let start_from_first = first.is_team() || first.is_invitation();
    let mut team = match start_from_first {
        true => first.clone(),
        false => {
            let mut team = Assessment::new(first.title.clone());
            team.id = first.id.clone();
            team.description = first.description.clone();
            team.setting = first.setting;
            team.framing = first.framing;
            team.stage = first.stage;
            team.mode = first.mode;
            team
        }
    };
    let skip = usize::from(start_from_first);
    let results = files
        .iter()
        .skip(skip)
        .map(|(name, assessment)| MergeResult {
            file: name.clone(),
            outcome: merge(
                &mut team,
                assessment,
                Some(file_stem(name)),
                received.clone(),
            ),
        })
        .collect();
    Some((team, results))
}

/// One file's part in [`merge_files`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeResult {
    pub file: String,
    pub outcome: Result<Vec<MergeNote>, MergeError>,
}

/// A file's name without its folder or extension: `replies/ann-smith.json` gives `ann-smith`.
pub fn file_stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        Some(_) | None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Mode, Rating};
    use crate::model::{Domain, Level, SubDomain};

    fn id(text: &str) -> AssessmentId {
        AssessmentId::parse(text).unwrap()
    }

    fn reply_from(invitation: &Assessment, name: &str, level: Level) -> Assessment {
        let mut filled = invitation.clone();
        filled
            .domain_ratings
            .insert(Domain::Technology, Rating::new(level));
        filled.reply(name)
    }

    #[test]
    fn replies_become_views_and_a_second_reply_replaces_the_first() {
        let lead = Assessment::new("Telecare");
        let invitation = lead.invitation(id("tc-1"));
        assert!(invitation.is_invitation());
        let mut team = invitation.clone();
        let ann = reply_from(&invitation, "Ann", Level::Simple);
        let notes = merge(&mut team, &ann, None, None).unwrap();
        assert_eq!(notes[0].to_string(), "added Ann's ratings");
        let ben = reply_from(&invitation, "Ben", Level::Complex);
        merge(&mut team, &ben, None, None).unwrap();
        assert_eq!(team.team.views.len(), 2);
        let again = reply_from(&invitation, "ann", Level::Complicated);
        let notes = merge(&mut team, &again, None, None).unwrap();
        assert!(notes[0].replaced, "{notes:?}");
        assert_eq!(
            notes[0].to_string(),
            "ann's new ratings replace the ones they sent before"
        );
        assert_eq!(team.team.views.len(), 2, "the same person, not a third");
        let ann_view = &team.team.views[&notes[0].rater];
        assert_eq!(
            ann_view.domain_ratings[&Domain::Technology].level,
            Level::Complicated
        );
        assert!(team.domain_ratings.is_empty(), "no agreed levels are made");
    }

    #[test]
    fn a_file_from_another_assessment_is_refused_and_nothing_changes() {
        let mut team = Assessment::new("Telecare").invitation(id("tc-1"));
        let ann = reply_from(&team, "Ann", Level::Simple);
        merge(&mut team, &ann, None, None).unwrap();
        let before = team.clone();
        let other = reply_from(
            &Assessment::new("Shared Lives").invitation(id("sl-9")),
            "Cy",
            Level::Complex,
        );
        let error = merge(&mut team, &other, None, None).unwrap_err();
        assert_eq!(team, before);
        assert_eq!(
            error.to_string(),
            "it belongs to a different assessment (\"Shared Lives\", id sl-9), not this one (\"Telecare\", id tc-1), so nothing was taken from it"
        );
        let empty = team.invitation(id("tc-1"));
        assert_eq!(
            merge(&mut team, &empty, None, None),
            Err(MergeError::NoRatings)
        );
        assert_eq!(team, before);
    }

    #[test]
    fn an_ordinary_file_is_named_by_its_one_rater_else_its_file_name() {
        let mut team = Assessment::new("T").invitation(id("t"));
        let mut own = Assessment::quick("T", [Level::Complicated; 7]);
        own.raters = vec![Rater::new("Dee", Some("carer".into()))];
        let notes = merge(&mut team, &own, Some("whatever"), None).unwrap();
        assert_eq!(notes[0].name, "Dee");
        own.raters.push(Rater::new("Eve", None));
        let notes = merge(&mut team, &own, Some("pair-of-them"), None).unwrap();
        assert_eq!(notes[0].name, "pair-of-them");
        own.raters.clear();
        assert_eq!(merge(&mut team, &own, None, None), Err(MergeError::NoName));
        assert_eq!(team.team.views.len(), 2);
    }

    #[test]
    fn agreed_levels_and_other_views_survive_a_merge_and_team_files_merge_by_person() {
        let mut team = Assessment::new("T").invitation(id("t"));
        team.mode = Mode::Full;
        team.ratings
            .insert(SubDomain::S1A, Rating::new(Level::Simple));
        let mut first = team.clone();
        first.ratings.clear();
        first
            .ratings
            .insert(SubDomain::S2A, Rating::new(Level::Complex));
        merge(&mut team, &first.reply("Ann"), None, None).unwrap();
        let mut other_team = Assessment::new("T").invitation(id("t"));
        merge(&mut other_team, &first.reply("Ben"), None, None).unwrap();
        merge(&mut other_team, &first.reply("Ann"), None, None).unwrap();
        let notes = merge(&mut team, &other_team, None, None).unwrap();
        let names: Vec<(&str, bool)> = notes
            .iter()
            .map(|n| (n.name.as_str(), n.replaced))
            .collect();
        assert_eq!(names, [("Ben", false), ("Ann", true)]);
        assert_eq!(team.ratings[&SubDomain::S1A].level, Level::Simple);
        assert_eq!(team.team.views.len(), 2);
    }

    #[test]
    fn levels_already_there_are_kept_as_agreed_and_the_note_says_so() {
        let mut team = Assessment::quick("T", [Level::Complex; 7]);
        let reply = reply_from(
            &Assessment::new("T").invitation(id("t")),
            "Ann",
            Level::Simple,
        );
        let notes = merge(&mut team, &reply, None, None).unwrap();
        assert_eq!(
            notes[0].to_string(),
            "added Ann's ratings (the levels already in this assessment are kept, as the group's agreed levels)"
        );
        assert_eq!(team.domain_ratings.len(), 7, "nothing lost");
        let ben = reply_from(&team, "Ben", Level::Simple);
        let again = merge(&mut team, &ben, None, None).unwrap();
        assert!(!again[0].kept_as_agreed, "said once");
    }

    #[test]
    fn merging_files_starts_a_team_from_the_first() {
        let invitation = Assessment::new("T").invitation(id("t"));
        let ann = reply_from(&invitation, "Ann", Level::Simple);
        let ben = reply_from(&invitation, "Ben", Level::Complex);
        let (team, results) = merge_files(
            &[("a.json".into(), ann.clone()), ("b.json".into(), ben)],
            None,
        )
        .unwrap();
        assert_eq!(results.len(), 2);
        assert!(results.iter().all(|r| r.outcome.is_ok()));
        assert_eq!(team.team.views.len(), 2);
        assert!(team.domain_ratings.is_empty());
        let (team, results) = merge_files(
            &[("i.json".into(), invitation), ("a.json".into(), ann)],
            None,
        )
        .unwrap();
        assert_eq!(results.len(), 1, "the invitation is the base");
        assert_eq!(team.team.views.len(), 1);
        assert_eq!(file_stem("replies/ann-smith.json"), "ann-smith");
        assert_eq!(file_stem("C:\\x\\bo.b.json"), "bo.b");
    }
}
