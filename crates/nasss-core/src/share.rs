//! Share links: a whole assessment, an invitation or one person's reply carried in a URL's
//! fragment (the part after `#`, which browsers never send to a server, even when the page is
//! hosted). The fragment is `nasss1.` followed by the assessment file's compact JSON, compressed
//! with deflate in a zlib wrapper (whose checksum catches an edited link) and written in
//! unpadded base64url. Whatever text it is given, [`decode`] returns the assessment or a
//! [`LinkError`] that says what is wrong in plain words; it never panics (property test).

use crate::assessment::Assessment;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::inflate::TINFLStatus;
use std::fmt;

/// What every link's fragment starts with, before its version number.
pub const PREFIX: &str = "nasss";
/// The link version this code writes and reads.
pub const VERSION: u32 = 1;
/// Links longer than this may not survive an email or a chat message whole; the app then
/// offers the file instead.
pub const COMFORTABLE_LENGTH: usize = 2000;
/// The longest fragment read, in characters, and the largest assessment it may unpack to.
pub const MAX_FRAGMENT: usize = 200_000;
pub const MAX_UNPACKED: usize = 2_000_000;

/// Said wherever people are offered a link.
pub const PRIVACY_NOTE: &str = "A link carries the ratings and notes inside it. Nothing is sent to any server, but the link stays in browser history and in any email or chat it is pasted into: share it only with people who may see what it holds.";

/// Said when a link is too long to paste comfortably.
pub fn too_long_note(length: usize) -> String {
    format!(
        "This link is {length} characters long, more than the {COMFORTABLE_LENGTH} or so that emails and chat messages reliably keep whole. Send the file instead."
    )
}

/// Why a link could not be opened. Nothing is saved or changed when this happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing after the `#`.
    Empty,
    /// The text is not a link made by this app.
    NotALink,
    /// A link from a newer version of the app.
    NewerVersion(u32),
    /// The link ends too soon: part of it was lost when it was copied.
    CutShort,
    /// The link's characters have been changed since it was made.
    Damaged,
    /// Longer, or unpacking to more, than any assessment needs.
    TooLarge,
    /// It unpacks, but not to an assessment file.
    NotAnAssessment(String),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let nothing = "Nothing has been saved or changed.";
        match self {
            LinkError::Empty => write!(f, "The link holds no assessment: it ends at the #. Copy the whole link and try again. {nothing}"),
            LinkError::NotALink => write!(f, "This is not a NASSS analyser link: they start with #{PREFIX}{VERSION}. after the page address. {nothing}"),
            LinkError::NewerVersion(version) => write!(f, "This link was made by a newer version of the analyser (link version {version}; this one reads version {VERSION}). Open it in the newer version, or ask for the file instead. {nothing}"),
            LinkError::CutShort => write!(f, "The link has been cut short: part of it was lost when it was copied (long links are often broken across lines in emails). Copy the whole link, or ask for the file instead. {nothing}"),
            LinkError::Damaged => write!(f, "The link has been changed since it was made: some of its characters are not what they were. Ask for it again, or for the file instead. {nothing}"),
            LinkError::TooLarge => write!(f, "The link is far larger than any assessment needs, so it was not opened. Ask for the file instead. {nothing}"),
            LinkError::NotAnAssessment(why) => write!(f, "The link opens, but what it holds is not an assessment this version can read ({why}). {nothing}"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The fragment for an assessment, without the `#`: `nasss1.` and the packed file.
pub fn encode(assessment: &Assessment) -> String {
    let json = serde_json::to_string(assessment)
        .unwrap_or_else(|error| panic!("an assessment always serialises: {error}"));
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 10);
    format!("{PREFIX}{VERSION}.{}", URL_SAFE_NO_PAD.encode(packed))
}

/// A whole link: the page's address (any fragment it had dropped), `#`, and the fragment.
pub fn link(page: &str, assessment: &Assessment) -> String {
    let page = page.split('#').next().unwrap_or(page);
    format!("{page}#{}", encode(assessment))
}

/// Whether text looks like one of these links, to tell a pasted link from a pasted file.
pub fn looks_like_link(text: &str) -> bool {
    fragment_of(text).starts_with(PREFIX)
}

fn fragment_of(text: &str) -> &str {
    let text = text.trim();
    match text.split_once('#') {
        Some((_, fragment)) => fragment.trim(),
        None => text,
    }
}

/// Reads a link, a fragment (with or without `#`), or the packed part after the prefix.
pub fn decode(text: &str) -> Result<Assessment, LinkError> {
    let fragment = fragment_of(text);
    if fragment.is_empty() {
        return Err(LinkError::Empty);
    }
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLarge);
    }
    let rest = fragment.strip_prefix(PREFIX).ok_or(LinkError::NotALink)?;
    let (version, packed) = rest.split_once('.').ok_or(match rest.is_empty() {
        true => LinkError::CutShort,
        false => LinkError::NotALink,
    })?;
    let version: u32 = match version.bytes().all(|b| b.is_ascii_digit()) {
        true => version.parse().map_err(|_| LinkError::NotALink)?,
        false => return Err(LinkError::NotALink),
    };
    match version {
        0 => return Err(LinkError::NotALink),
        v if v > VERSION => return Err(LinkError::NewerVersion(v)),
        _ => {}
    }
    if packed.is_empty() {
        return Err(LinkError::CutShort);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(packed.trim_end_matches('='))
        .map_err(|error| match error {
            base64::DecodeError::InvalidLength(_) => LinkError::CutShort,
            base64::DecodeError::InvalidByte(..)
            | base64::DecodeError::InvalidLastSymbol(..)
            | base64::DecodeError::InvalidPadding => LinkError::Damaged,
        })?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&bytes, MAX_UNPACKED)
        .map_err(|error| {
            let status = error.status;
            // The status enum is non-exhaustive: anything not named here is damage.
            if status == TINFLStatus::FailedCannotMakeProgress
                || status == TINFLStatus::NeedsMoreInput
            {
                LinkError::CutShort
            } else if status == TINFLStatus::HasMoreOutput {
                LinkError::TooLarge
            } else {
                LinkError::Damaged
            }
        })?;
    crate::load_bytes(&json).map_err(|error| LinkError::NotAnAssessment(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Mode, Rater, Rating};
    use crate::model::{Level, SubDomain};
    use crate::team::AssessmentId;

    /// A full assessment: all 23 sub-domains rated, each with a one- or two-sentence note, as a
    /// team member might send back.
    fn full_with_notes() -> Assessment {
        let mut assessment = Assessment::new("Digital care records in three care homes");
        assessment.id = Some(AssessmentId::parse("k3v9-2026-11-30").unwrap());
        assessment.mode = Mode::Full;
        assessment.raters = vec![Rater::new("Priya Shah", None)];
        let notes = [
            "Residents with dementia and frailty; needs change week to week.",
            "Several long-term conditions for most residents, and end-of-life care for some.",
            "Tablets are off the shelf but the wifi in two homes drops out in the evenings.",
            "The record needs daily entries from care staff who are not confident with apps.",
            "Depends on the supplier keeping the GP connection working after the pilot.",
            "Knowledge about residents sits with senior carers and is not written down yet.",
            "The supplier gains from scale; the homes are not sure what they save.",
            "Families want to see daily notes; staff worry about being judged on them.",
            "Night staff and agency staff rotate, so training reaches only half of them.",
            "Residents and relatives have not been asked how they feel about the record.",
            "Relatives would like to add their own notes; nobody has said who reads them.",
            "The owner supports it, but each home manager decides how hard to push it.",
            "No agreed plan for who pays once the grant ends in March.",
            "Managers are stretched; staffing gaps come before any new system.",
            "Needs changes to handover and to how medication rounds are recorded.",
            "Two homes have tried an app before and it was dropped after six months.",
            "The regulator's view of digital records is not settled yet for small providers.",
            "Data sharing with the GP practice needs an agreement that is still in draft.",
            "The local authority wants the data for commissioning; homes are wary of that.",
            "The integrated care board has a digital social care fund but its rules change.",
            "Other homes in the area use a different supplier, so records do not travel.",
            "The record can be changed by the homes themselves, within limits.",
            "A named digital lead in each home could keep it going, if the role is funded.",
        ];
        let levels = [
            Level::Simple,
            Level::Complicated,
            Level::Complex,
            Level::Unknown,
        ];
        for (index, sub) in SubDomain::ALL.into_iter().enumerate() {
            let mut rating = Rating::new(levels[index % 4]);
            rating.note = notes[index].to_string();
            assessment.ratings.insert(sub, rating);
        }
        assessment
    }

    #[test]
    fn a_link_round_trips_and_its_length_is_measured() {
        let assessment = full_with_notes();
        let fragment = encode(&assessment);
        assert!(fragment.starts_with("nasss1."));
        assert_eq!(decode(&fragment), Ok(assessment.clone()));
        let url = link("file:///home/me/dist/index.html#old", &assessment);
        assert_eq!(decode(&url), Ok(assessment.clone()));
        assert!(url.starts_with("file:///home/me/dist/index.html#nasss1."));
        // A full 23-question assessment with a note on every answer: the measured length is
        // what README states; it fits in a message.
        assert_eq!(fragment.len(), 1_553, "update README's measured length");
        assert!(fragment.len() < COMFORTABLE_LENGTH);
        let invitation = assessment.invitation(AssessmentId::parse("x").unwrap());
        assert_eq!(encode(&invitation).len(), 202, "{}", encode(&invitation));
    }

    #[test]
    fn broken_links_say_what_is_wrong() {
        let fragment = encode(&full_with_notes());
        let cut = &fragment[..fragment.len() / 2];
        assert_eq!(decode(cut), Err(LinkError::CutShort));
        assert_eq!(
            decode(&fragment[..fragment.len() - 1]),
            Err(LinkError::CutShort)
        );
        let mut edited = fragment.clone().into_bytes();
        let middle = edited.len() / 2;
        edited[middle] = match edited[middle] {
            b'A' => b'B',
            _ => b'A',
        };
        let edited = String::from_utf8(edited).unwrap();
        assert_eq!(decode(&edited), Err(LinkError::Damaged));
        assert_eq!(decode("https://x.org/app#"), Err(LinkError::Empty));
        assert_eq!(decode("#hello"), Err(LinkError::NotALink));
        assert_eq!(decode("nasss2.abc"), Err(LinkError::NewerVersion(2)));
        assert_eq!(
            decode(&format!("nasss1.{}", "A".repeat(MAX_FRAGMENT))),
            Err(LinkError::TooLarge)
        );
        let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; MAX_UNPACKED + 1], 10);
        assert_eq!(
            decode(&format!("nasss1.{}", URL_SAFE_NO_PAD.encode(bomb))),
            Err(LinkError::TooLarge)
        );
        let not_json = miniz_oxide::deflate::compress_to_vec_zlib(b"{\"title\": 3}", 10);
        let error = decode(&format!("nasss1.{}", URL_SAFE_NO_PAD.encode(not_json))).unwrap_err();
        assert!(matches!(error, LinkError::NotAnAssessment(_)), "{error}");
        for error in [LinkError::CutShort, LinkError::Damaged, error] {
            assert!(error
                .to_string()
                .ends_with("Nothing has been saved or changed."));
        }
        assert!(looks_like_link(&format!(" https://a.b/#{fragment} ")));
        assert!(!looks_like_link("{\"schema\": \"nasss-assessment/2\"}"));
    }

    proptest::proptest! {
        #[test]
        fn no_text_makes_decoding_panic(text in "\\PC{0,300}") {
            let _ = decode(&text);
            let _ = decode(&format!("nasss1.{text}"));
        }

        #[test]
        fn no_bytes_make_decoding_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let _ = decode(&format!("nasss1.{}", URL_SAFE_NO_PAD.encode(&bytes)));
            let packed = miniz_oxide::deflate::compress_to_vec_zlib(&bytes, 6);
            let _ = decode(&format!("nasss1.{}", URL_SAFE_NO_PAD.encode(packed)));
        }

        #[test]
        fn any_cut_of_a_link_is_refused_cleanly(cut in 0usize..1500) {
            let fragment = encode(&full_with_notes());
            let cut = cut.min(fragment.len() - 1);
            proptest::prop_assert!(decode(&fragment[..cut]).is_err());
        }
    }
}
