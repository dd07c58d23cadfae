//! Reading the bundled gzip'd TSV files written by `tools/build_data.py`.

use std::io::Read;

use flate2::read::GzDecoder;

use crate::error::LoadError;

/// One decompressed bundled file: a `#` header line, then tab-separated records.
pub(crate) struct Table {
    name: &'static str,
    text: String,
}

impl Table {
    /// Decompresses a gzip'd TSV file.
    pub(crate) fn from_gzip(name: &'static str, bytes: &[u8]) -> Result<Self, LoadError> {
        let mut text = String::with_capacity(bytes.len() * 4);
        GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(|err| LoadError::new(name, 0, format!("cannot decompress: {err}")))?;
        Ok(Self { name, text })
    }

    /// The records, each with its 1-based line number, checked to have `width` fields.
    pub(crate) fn rows(&self, width: usize) -> impl Iterator<Item = Result<Row<'_>, LoadError>> {
        let name = self.name;
        self.text
            .split('\n')
            .enumerate()
            .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
            .map(move |(index, line)| {
                let mut fields = [""; MAX_FIELDS];
                let mut count = 0;
                for field in line.split('\t') {
                    if count == MAX_FIELDS {
                        count += 1;
                        break;
                    }
                    fields[count] = field;
                    count += 1;
                }
                let row = Row {
                    name,
                    line: index + 1,
                    fields,
                    count,
                };
                if count == width {
                    Ok(row)
                } else {
                    Err(row.error(format!("expected {width} fields, found {count}")))
                }
            })
    }
}

const MAX_FIELDS: usize = 10;

/// One record of a bundled table.
pub(crate) struct Row<'a> {
    name: &'static str,
    line: usize,
    fields: [&'a str; MAX_FIELDS],
    count: usize,
}

impl<'a> Row<'a> {
    /// The field at `index` (0-based), as text.
    pub(crate) fn str(&self, index: usize) -> &'a str {
        self.fields[index]
    }

    /// The field at `index` as an owned string.
    pub(crate) fn string(&self, index: usize) -> String {
        self.fields[index].to_owned()
    }

    /// The field at `index` parsed as a number.
    pub(crate) fn num<T: std::str::FromStr>(&self, index: usize) -> Result<T, LoadError> {
        self.fields[index].parse().map_err(|_| {
            self.error(format!(
                "field {} is not a number: {:?}",
                index + 1,
                self.fields[index]
            ))
        })
    }

    /// The field at `index` parsed as a number, or `None` when empty.
    pub(crate) fn opt_num<T: std::str::FromStr>(
        &self,
        index: usize,
    ) -> Result<Option<T>, LoadError> {
        if self.fields[index].is_empty() {
            Ok(None)
        } else {
            self.num(index).map(Some)
        }
    }

    /// A `Y`/`N` flag.
    pub(crate) fn flag(&self, index: usize) -> bool {
        self.fields[index] == "Y"
    }

    /// An error pointing at this record.
    pub(crate) fn error(&self, reason: impl Into<String>) -> LoadError {
        LoadError::new(self.name, self.line, reason)
    }

    /// How many fields the record has (exposed for diagnostics).
    #[allow(dead_code)]
    pub(crate) fn len(&self) -> usize {
        self.count
    }
}
