//! A small CSV reader that knows the physical line of every record, as a text editor numbers
//! it, and bounds what it keeps in memory.
//!
//! The `csv` crate numbers records, not lines: it does not count blank lines it skips, counts a
//! CR-only line break as nothing and reads an unclosed quote as a field running to the end of
//! the file. An import report has to point at the line a person opens in their editor, so this
//! reader counts LF, CRLF and lone CR as one line break each, inside quoted fields too.

use std::borrow::Cow;

/// The most columns a file may have (the import knows nine).
pub const MAX_COLUMNS: usize = 64;
/// The longest cell kept, in bytes; longer cells are reported, not stored.
pub const MAX_CELL_BYTES: usize = 1000;

/// One record, with the line it starts on.
#[derive(Debug, Default)]
pub struct Record<'a> {
    /// Physical line (1-based) of the record's first character.
    pub line: usize,
    /// The first [`MAX_COLUMNS`] + 1 fields, each cut at [`MAX_CELL_BYTES`].
    pub fields: Vec<Cow<'a, [u8]>>,
    /// How many fields the record really has.
    pub count: usize,
    /// Indices (among `fields`) of cells that were longer than [`MAX_CELL_BYTES`].
    pub too_long: Vec<usize>,
}

impl Record<'_> {
    /// Whether every kept field is blank (a line of spaces or commas).
    pub fn is_blank(&self) -> bool {
        self.fields
            .iter()
            .all(|f| f.iter().all(u8::is_ascii_whitespace))
    }
}

/// What the reader found next.
#[derive(Debug)]
pub enum Next<'a> {
    /// A record (blank lines are skipped, but counted).
    Record(Record<'a>),
    /// A quote opened on `quote_line` never closes; the record started on `line`.
    UnclosedQuote {
        /// Where the record starts.
        line: usize,
        /// Where the quote opens.
        quote_line: usize,
    },
    /// No more input.
    End,
}

/// Reads records from CSV bytes (UTF-8, comma-separated, RFC 4180 quoting).
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> Reader<'a> {
    /// A reader over `bytes` (byte-order mark already removed).
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            pos: 0,
            line: 1,
        }
    }

    /// The next non-blank record.
    pub fn next_record(&mut self) -> Next<'a> {
        loop {
            if self.pos >= self.bytes.len() {
                return Next::End;
            }
            let mut rec = Record {
                line: self.line,
                ..Record::default()
            };
            let mut any_quoted = false;
            loop {
                let (cell, long, quoted, ended) = match self.field() {
                    Ok(f) => f,
                    Err(quote_line) => {
                        return Next::UnclosedQuote {
                            line: rec.line,
                            quote_line,
                        };
                    }
                };
                any_quoted |= quoted;
                rec.count += 1;
                if rec.fields.len() <= MAX_COLUMNS {
                    if long {
                        rec.too_long.push(rec.fields.len());
                    }
                    rec.fields.push(cell);
                }
                if ended {
                    break;
                }
            }
            let empty_line = rec.count == 1 && rec.fields[0].is_empty() && !any_quoted;
            if !empty_line {
                return Next::Record(rec);
            }
        }
    }

    /// Consume one line break at `pos` (LF, CRLF or CR) if there is one.
    fn line_break(&mut self) -> bool {
        match self.bytes.get(self.pos) {
            Some(b'\r') => {
                self.pos += 1;
                if self.bytes.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
                self.line += 1;
                true
            }
            Some(b'\n') => {
                self.pos += 1;
                self.line += 1;
                true
            }
            _ => false,
        }
    }

    /// One field: (content, was cut, was quoted, record ended after it).
    /// `Err(line)` when a quote opened on `line` never closes.
    #[allow(clippy::type_complexity)]
    fn field(&mut self) -> Result<(Cow<'a, [u8]>, bool, bool, bool), usize> {
        let bytes = self.bytes;
        if bytes.get(self.pos) != Some(&b'"') {
            let start = self.pos;
            let len = bytes[start..]
                .iter()
                .position(|b| matches!(b, b',' | b'\r' | b'\n'))
                .unwrap_or(bytes.len() - start);
            self.pos += len;
            let kept = &bytes[start..start + len.min(MAX_CELL_BYTES)];
            let ended = self.end_of_field();
            return Ok((Cow::Borrowed(kept), len > MAX_CELL_BYTES, false, ended));
        }
        let quote_line = self.line;
        self.pos += 1;
        let mut out = Vec::new();
        let mut long = false;
        let mut keep = |out: &mut Vec<u8>, b: u8| {
            if out.len() < MAX_CELL_BYTES {
                out.push(b);
            } else {
                long = true;
            }
        };
        loop {
            let Some(&b) = bytes.get(self.pos) else {
                return Err(quote_line);
            };
            match b {
                b'"' if bytes.get(self.pos + 1) == Some(&b'"') => {
                    keep(&mut out, b'"');
                    self.pos += 2;
                }
                b'"' => {
                    self.pos += 1;
                    break;
                }
                b'\r' | b'\n' => {
                    let from = self.pos;
                    self.line_break();
                    for &c in &bytes[from..self.pos] {
                        keep(&mut out, c);
                    }
                }
                _ => {
                    keep(&mut out, b);
                    self.pos += 1;
                }
            }
        }
        // Text after the closing quote is kept, as spreadsheet programs do.
        while let Some(&b) = bytes.get(self.pos) {
            if matches!(b, b',' | b'\r' | b'\n') {
                break;
            }
            keep(&mut out, b);
            self.pos += 1;
        }
        let ended = self.end_of_field();
        Ok((Cow::Owned(out), long, true, ended))
    }

    /// After a field: consume the comma (record goes on) or the line break / end (record ends).
    fn end_of_field(&mut self) -> bool {
        if self.bytes.get(self.pos) == Some(&b',') {
            self.pos += 1;
            // A trailing comma at the very end still makes one more (empty) field.
            return false;
        }
        self.line_break();
        true
    }
}

/// The physical line (1-based) of each byte offset in `offsets` (ascending).
pub fn lines_of(bytes: &[u8], offsets: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(offsets.len());
    let mut line = 1;
    let mut pos = 0;
    for &off in offsets {
        while pos < off.min(bytes.len()) {
            match bytes[pos] {
                b'\r' => line += 1,
                b'\n' if pos == 0 || bytes[pos - 1] != b'\r' => line += 1,
                _ => {}
            }
            pos += 1;
        }
        out.push(line);
    }
    out
}

/// Byte offsets where the elements of a top-level JSON array start (input already valid JSON).
pub fn json_element_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let (mut depth, mut in_str, mut esc, mut expect) = (0usize, false, false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if in_str {
            if esc {
                esc = false;
            } else if b == b'\\' {
                esc = true;
            } else if b == b'"' {
                in_str = false;
            }
            continue;
        }
        if expect && depth == 1 && !b.is_ascii_whitespace() && b != b']' {
            starts.push(i);
            expect = false;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth == 1 {
                    expect = true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expect = true,
            _ => {}
        }
    }
    starts
}
