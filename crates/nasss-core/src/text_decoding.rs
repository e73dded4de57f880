//! Turning a file's bytes into text the way spreadsheets and editors write them: a byte order
//! mark says UTF-8, UTF-16 LE or UTF-16 BE (Excel's "Unicode text"); without one the bytes are
//! UTF-8 if they can be, else Windows-1252 (Excel's "CSV" on Windows, where `é` is one byte and
//! `’` is 0x92). The encoding used is reported, so that a reader can tell the person ("read as
//! Windows-1252") when it had to guess. Windows-1252 is a 32-entry table on top of Latin-1,
//! small enough to keep here rather than bring a heavy encoding crate into the wasm bundle.

use std::fmt;

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with the byte order mark EF BB BF (Excel's "CSV UTF-8").
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// No mark and not UTF-8: read as Windows-1252, which every byte sequence is.
    Windows1252,
}

impl Encoding {
    /// The encoding's usual name.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with a byte order mark",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }

    /// Whether the encoding was a guess worth telling the person about.
    pub fn guessed(self) -> bool {
        match self {
            Encoding::Windows1252 => true,
            Encoding::Utf8 | Encoding::Utf8Bom | Encoding::Utf16Le | Encoding::Utf16Be => false,
        }
    }

    /// A sentence for the person when the encoding was guessed, else `None`.
    pub fn note(self) -> Option<String> {
        self.guessed().then(|| {
            format!(
                "The file is not UTF-8, so it was read as {} (as Excel saves CSV on Windows): check that accented letters and quotation marks look right.",
                self.label()
            )
        })
    }

    /// The encoding a byte order mark at the start of `bytes` names, and the mark's length.
    /// UTF-16 without a mark is recognised too when the text starts with an ASCII character
    /// (as JSON and CSV do): one zero byte beside it.
    pub fn sniff(bytes: &[u8]) -> Option<(Encoding, usize)> {
        match bytes {
            [0xEF, 0xBB, 0xBF, ..] => Some((Encoding::Utf8Bom, 3)),
            [0xFF, 0xFE, ..] => Some((Encoding::Utf16Le, 2)),
            [0xFE, 0xFF, ..] => Some((Encoding::Utf16Be, 2)),
            [first, 0, ..] if first.is_ascii() && *first != 0 => Some((Encoding::Utf16Le, 0)),
            [0, second, ..] if second.is_ascii() && *second != 0 => Some((Encoding::Utf16Be, 0)),
            _ => None,
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Text read from bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte order mark.
    pub text: String,
    pub encoding: Encoding,
}

/// Why bytes that claim UTF-16 are not, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub encoding: Encoding,
    /// 1-based line and column (in characters) of the bad code unit.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for DecodeError {}

/// Reads bytes as text: by their byte order mark, else as UTF-8, else as Windows-1252. Only
/// UTF-16 can fail (an odd number of bytes, or half of a surrogate pair).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    match Encoding::sniff(bytes) {
        Some((encoding @ (Encoding::Utf16Le | Encoding::Utf16Be), mark)) => Ok(Decoded {
            text: utf16(&bytes[mark..], encoding)?,
            encoding,
        }),
        Some((Encoding::Utf8Bom, mark)) => Ok(match std::str::from_utf8(&bytes[mark..]) {
            Ok(text) => Decoded {
                text: text.to_string(),
                encoding: Encoding::Utf8Bom,
            },
            Err(_) => Decoded {
                text: windows_1252(&bytes[mark..]),
                encoding: Encoding::Windows1252,
            },
        }),
        Some((Encoding::Utf8 | Encoding::Windows1252, _)) | None => {
            Ok(match std::str::from_utf8(bytes) {
                Ok(text) => Decoded {
                    text: text.to_string(),
                    encoding: Encoding::Utf8,
                },
                Err(_) => Decoded {
                    text: windows_1252(bytes),
                    encoding: Encoding::Windows1252,
                },
            })
        }
    }
}

/// UTF-16 code units (without their mark) as text.
fn utf16(bytes: &[u8], encoding: Encoding) -> Result<String, DecodeError> {
    let units = bytes.chunks(2).map(|pair| match (pair, encoding) {
        ([low, high], Encoding::Utf16Le) => Ok(u16::from_le_bytes([*low, *high])),
        ([high, low], _) => Ok(u16::from_be_bytes([*high, *low])),
        _ => Err(()),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let (mut line, mut column) = (1, 1);
    let fail = |line, column, message: &str| DecodeError {
        encoding,
        line,
        column,
        message: format!(
            "the file says it is {} but {message}: save it again as UTF-8 or UTF-16",
            encoding.label()
        ),
    };
    let mut units = units.peekable();
    while let Some(unit) = units.next() {
        let Ok(unit) = unit else {
            return Err(fail(line, column, "it ends half-way through a character"));
        };
        let ch = match unit {
            0xD800..=0xDBFF => match units.peek() {
                Some(Ok(next @ 0xDC00..=0xDFFF)) => {
                    let code =
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(*next) - 0xDC00);
                    units.next();
                    char::from_u32(code)
                }
                _ => None,
            },
            _ => char::from_u32(u32::from(unit)),
        };
        let Some(ch) = ch else {
            return Err(fail(line, column, "it holds half of a character pair"));
        };
        match ch {
            '\n' => (line, column) = (line + 1, 1),
            _ => column += 1,
        }
        text.push(ch);
    }
    Ok(text)
}

/// The characters Windows-1252 puts at 0x80 to 0x9F, where Latin-1 has control codes. The five
/// bytes it leaves unassigned keep their control codes, as browsers read them.
const HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Bytes as Windows-1252 text; every byte is a character.
pub fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&byte| match byte {
            0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
            _ => char::from(byte),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_reads_excel_punctuation_and_accents() {
        assert_eq!(
            windows_1252(b"Caf\xe9 \x93quoted\x94 \x96 it\x92s \x80 5"),
            "Café “quoted” – it’s € 5"
        );
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(
            windows_1252(&all).chars().count(),
            256,
            "every byte is one character"
        );
    }

    #[test]
    fn marks_choose_the_encoding_and_are_dropped() {
        let check = |bytes: &[u8], text: &str, encoding| {
            assert_eq!(
                decode(bytes).unwrap(),
                Decoded {
                    text: text.into(),
                    encoding
                },
                "{bytes:?}"
            );
        };
        check(b"id,x", "id,x", Encoding::Utf8);
        check(b"\xEF\xBB\xBFid,\xC3\xA9", "id,é", Encoding::Utf8Bom);
        check(b"\xFF\xFEi\0d\0,\0\xE9\0", "id,é", Encoding::Utf16Le);
        check(b"\xFE\xFF\0i\0d\0,\0\xE9", "id,é", Encoding::Utf16Be);
        check(b"{\0}\0", "{}", Encoding::Utf16Le);
        check(b"\0{\0}", "{}", Encoding::Utf16Be);
        check(b"caf\xe9", "café", Encoding::Windows1252);
        check(b"", "", Encoding::Utf8);
        // An emoji as a surrogate pair.
        check(b"\xFF\xFE\x3D\xD8\x00\xDE", "😀", Encoding::Utf16Le);
    }

    #[test]
    fn broken_utf16_is_located() {
        let error = decode(b"\xFF\xFEa\0\n\0b\0c").unwrap_err();
        assert_eq!((error.line, error.column), (2, 2));
        assert!(error.message.contains("half-way"), "{}", error.message);
        let error = decode(b"\xFF\xFEa\0\x00\xD8b\0").unwrap_err();
        assert_eq!((error.line, error.column), (1, 2));
        assert_eq!(
            error.to_string(),
            "line 1, column 2: the file says it is UTF-16 LE but it holds half of a character pair: save it again as UTF-8 or UTF-16"
        );
    }

    #[test]
    fn only_a_guess_gets_a_note() {
        assert!(Encoding::Windows1252
            .note()
            .unwrap()
            .contains("Windows-1252"));
        assert_eq!(Encoding::Utf16Le.note(), None);
        assert_eq!(Encoding::Utf8.note(), None);
    }
}
