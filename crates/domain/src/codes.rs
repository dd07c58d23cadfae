//! Enums stored as short text codes: one declaration gives the code, the label, the list of
//! all values, parsing, `Display`/`FromStr` and (feature `sqlx`) database encoding.
//!
//! Decoding from the database is strict: a code no variant has is an [`UnknownCode`] error,
//! never a default, so a bad row is noticed rather than silently rewritten.

/// A text code that names no variant of a `code_enum!` type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code:?} is not a known {what} (expected one of {expected})")]
pub struct UnknownCode {
    /// What kind of value was expected, e.g. "plan cadence".
    pub what: &'static str,
    /// The code found (shortened).
    pub code: String,
    /// The known codes, comma-separated.
    pub expected: String,
}

impl UnknownCode {
    /// The error for `code` given the known `codes`.
    pub fn new(what: &'static str, code: &str, codes: &[&str]) -> UnknownCode {
        let code = if code.chars().count() > 40 {
            code.chars().take(40).chain(['…']).collect()
        } else {
            code.to_string()
        };
        UnknownCode {
            what,
            code,
            expected: codes.join(", "),
        }
    }
}

/// Declare an enum stored as a text code.
///
/// ```ignore
/// code_enum! {
///     /// How often a plan is reviewed.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
///     pub enum Cadence: "plan cadence" {
///         /// Every month.
///         Monthly = "monthly" => "Every month",
///         /// Every three months.
///         Quarterly = "quarterly" => "Every three months",
///     }
/// }
/// ```
///
/// Generates `code()`, `label()`, `ALL` (declaration order), `CODES`, `OPTIONS` (code, label), `from_code()` (trims its input;
/// with `, blank = Variant` after the name a blank code means that variant), `Display`
/// (the code) and `FromStr` (strict: exact code, error [`UnknownCode`]). With the `sqlx`
/// feature the enum is stored as TEXT on any database; decoding an unknown code is an error.
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $what:literal $(, blank = $blank:ident)? {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $code:literal => $label:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// Every (code, label) pair in declaration order, for a form's choices.
            pub const OPTIONS: [(&'static str, &'static str); [$($code),+].len()] =
                [$(($code, $label)),+];

            /// Every stored code, in declaration order.
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// What a value of this type is called in messages.
            pub const WHAT: &'static str = $what;

            /// The stored code.
            pub const fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// A short label for people.
            pub const fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            /// Parse a code from a form or a file (surrounding blanks ignored).
            pub fn from_code(code: &str) -> Option<$name> {
                let code = code.trim();
                $(if code.is_empty() {
                    return Some($name::$blank);
                })?
                $name::exact(code)
            }

            /// The value whose code is exactly `code`.
            fn exact(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// Parse a stored code exactly, naming what was expected when it is unknown.
            pub fn parse_code(code: &str) -> Result<$name, $crate::codes::UnknownCode> {
                $name::exact(code).ok_or_else(|| {
                    $crate::codes::UnknownCode::new($what, code, $name::CODES)
                })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::codes::UnknownCode;

            fn from_str(s: &str) -> Result<$name, Self::Err> {
                $name::parse_code(s)
            }
        }

        #[cfg(feature = "sqlx")]
        impl<DB: ::sqlx::Database> ::sqlx::Type<DB> for $name
        where
            str: ::sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <str as ::sqlx::Type<DB>>::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                <str as ::sqlx::Type<DB>>::compatible(ty)
            }
        }

        #[cfg(feature = "sqlx")]
        impl<'r, DB: ::sqlx::Database> ::sqlx::Decode<'r, DB> for $name
        where
            &'r str: ::sqlx::Decode<'r, DB>,
        {
            fn decode(
                value: <DB as ::sqlx::Database>::ValueRef<'r>,
            ) -> Result<$name, ::sqlx::error::BoxDynError> {
                let code = <&'r str as ::sqlx::Decode<'r, DB>>::decode(value)?;
                Ok($name::parse_code(code)?)
            }
        }

        #[cfg(feature = "sqlx")]
        impl<'q, DB: ::sqlx::Database> ::sqlx::Encode<'q, DB> for $name
        where
            &'static str: ::sqlx::Encode<'q, DB>,
        {
            fn encode_by_ref(
                &self,
                buf: &mut <DB as ::sqlx::Database>::ArgumentBuffer,
            ) -> Result<::sqlx::encode::IsNull, ::sqlx::error::BoxDynError> {
                <&'static str as ::sqlx::Encode<'q, DB>>::encode(self.code(), buf)
            }
        }
    };
}

pub(crate) use code_enum;

#[cfg(test)]
mod tests {
    use super::UnknownCode;
    use rstest::rstest;

    code_enum! {
        /// A test enum.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Colour: "colour" {
            /// Red.
            Red = "red" => "Bright red",
            /// Dark blue.
            DarkBlue = "dark_blue" => "Dark blue",
        }
    }

    code_enum! {
        /// A test enum where blank means a default.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Size: "size", blank = Small {
            /// Small.
            Small = "small" => "Small",
            /// Large.
            Large = "large" => "Large",
        }
    }

    #[rstest]
    #[case::first(Colour::Red, "red", "Bright red")]
    #[case::snake_case(Colour::DarkBlue, "dark_blue", "Dark blue")]
    fn code_label_display_and_parse(#[case] c: Colour, #[case] code: &str, #[case] label: &str) {
        assert_eq!(c.code(), code);
        assert_eq!(c.label(), label);
        assert_eq!(c.to_string(), code);
        assert_eq!(code.parse::<Colour>(), Ok(c));
        assert_eq!(Colour::from_code(code), Some(c));
        assert_eq!(Colour::from_code(&format!("  {code}\n")), Some(c));
    }

    #[rstest]
    #[case::unknown("green")]
    #[case::wrong_case("Red")]
    #[case::blank("")]
    #[case::label_not_code("Bright red")]
    fn unknown_codes_are_refused(#[case] code: &str) {
        assert_eq!(Colour::from_code(code), None);
        let err = code.parse::<Colour>().unwrap_err();
        assert_eq!(err.what, "colour");
        assert_eq!(err.code, code);
        assert_eq!(
            err.to_string(),
            format!("{code:?} is not a known colour (expected one of red, dark_blue)")
        );
    }

    #[rstest]
    #[case::padded_is_not_exact(" red")]
    #[case::blank_is_not_exact("")]
    fn parse_code_is_exact(#[case] code: &str) {
        assert!(Colour::parse_code(code).is_err());
        assert!(Size::parse_code(code).is_err());
    }

    #[rstest]
    #[case::blank("", Some(Size::Small))]
    #[case::spaces("   ", Some(Size::Small))]
    #[case::large(" large ", Some(Size::Large))]
    #[case::unknown("medium", None)]
    fn blank_variant_only_for_from_code(#[case] code: &str, #[case] want: Option<Size>) {
        assert_eq!(Size::from_code(code), want);
        // The blank variant is an ordinary value otherwise.
        assert_eq!(Size::ALL, [Size::Small, Size::Large]);
        assert_eq!(Size::OPTIONS[0], ("small", Size::Small.label()));
        assert_eq!(Size::WHAT, "size");
    }

    #[test]
    fn all_and_codes_follow_declaration_order() {
        assert_eq!(Colour::ALL, [Colour::Red, Colour::DarkBlue]);
        assert_eq!(Colour::CODES, &["red", "dark_blue"]);
        assert_eq!(Colour::WHAT, "colour");
        assert_eq!(
            Colour::OPTIONS,
            [("red", "Bright red"), ("dark_blue", "Dark blue")]
        );
    }

    #[test]
    fn long_unknown_codes_are_shortened() {
        let e = UnknownCode::new("colour", &"x".repeat(100), &["red"]);
        assert_eq!(e.code.chars().count(), 41);
        assert!(e.code.ends_with('…'));
    }

    /// Every code enum of the domain: each value's code parses back to it (as a code, padded,
    /// and through `FromStr`), `Display` is the code, JSON is the code (so rows serialise as
    /// they are stored), codes are distinct, labels are not blank.
    macro_rules! round_trip {
        ($t:ty) => {{
            fn check() {
                let mut seen = std::collections::HashSet::new();
                for v in <$t>::ALL {
                    let code = v.code();
                    assert!(seen.insert(code), "{code} twice in {}", <$t>::WHAT);
                    assert_eq!(<$t>::from_code(code), Some(v));
                    assert_eq!(<$t>::from_code(&format!(" {code} ")), Some(v));
                    assert_eq!(code.parse::<$t>(), Ok(v));
                    assert_eq!(v.to_string(), code);
                    assert_eq!(serde_json::to_value(v).unwrap(), serde_json::json!(code));
                    assert!(!v.label().trim().is_empty());
                }
                assert_eq!(<$t>::CODES.len(), <$t>::ALL.len());
                assert!("no-such-code".parse::<$t>().is_err());
            }
            check as fn()
        }};
    }

    #[rstest]
    #[case::stage(round_trip!(crate::opportunity::Stage))]
    #[case::answer(round_trip!(crate::opportunity::Answer))]
    #[case::proposal_status(round_trip!(crate::opportunity::ProposalStatus))]
    #[case::visibility(round_trip!(crate::opportunity::Visibility))]
    #[case::cadence(round_trip!(crate::plan::Cadence))]
    #[case::plan_section(round_trip!(crate::plan::Section))]
    #[case::item_kind(round_trip!(crate::plan::ItemKind))]
    #[case::sharing(round_trip!(crate::plan::Sharing))]
    #[case::alignment_level(round_trip!(crate::plan::alignment::Level))]
    #[case::audience(round_trip!(crate::org::Audience))]
    #[case::factor(round_trip!(crate::compass::Factor))]
    #[case::met(round_trip!(crate::compass::Met))]
    #[case::compass_section(round_trip!(crate::compass::Section))]
    #[case::change_kind(round_trip!(crate::compass::history::ChangeKind))]
    #[case::relationship(round_trip!(crate::compass::customers::Relationship))]
    #[case::conversation_kind(round_trip!(crate::compass::customers::ConversationKind))]
    #[case::due(round_trip!(crate::compass::customers::Due))]
    #[case::direction_status(round_trip!(crate::direction::DirectionStatus))]
    #[case::notify_kind(round_trip!(crate::notify::Kind))]
    #[case::notify_channel(round_trip!(crate::notify::Channel))]
    #[case::notify_link(round_trip!(crate::notify::LinkKind))]
    fn every_domain_enum_round_trips(#[case] check: fn()) {
        check();
    }

    #[rstest]
    #[case::sharing(
        crate::plan::Sharing::from_code(""),
        Some(crate::plan::Sharing::Private)
    )]
    #[case::visibility(
        crate::opportunity::Visibility::from_code(" "),
        Some(crate::opportunity::Visibility::Private)
    )]
    #[case::direction_status(
        crate::direction::DirectionStatus::from_code(""),
        Some(crate::direction::DirectionStatus::Active)
    )]
    fn blank_means_the_documented_default<T: PartialEq + std::fmt::Debug>(
        #[case] got: Option<T>,
        #[case] want: Option<T>,
    ) {
        assert_eq!(got, want);
    }

    #[rstest]
    #[case::stage(crate::opportunity::Stage::from_code("").is_none())]
    #[case::cadence(crate::plan::Cadence::from_code("").is_none())]
    #[case::audience(crate::org::Audience::from_code("").is_none())]
    fn blank_is_no_value_elsewhere(#[case] refused: bool) {
        assert!(refused);
    }
}
