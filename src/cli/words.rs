//! A value parser for rladmin's free word grammars (`bind db db:1 endpoint 1:1 policy all-nodes`):
//! it accepts any word, so the command can report a precise error, and advertises the known words
//! to shell completions.

use clap::builder::{PossibleValue, TypedValueParser};

#[derive(Clone)]
pub struct GrammarWords(pub fn() -> Vec<&'static str>);

impl TypedValueParser for GrammarWords {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        value
            .to_str()
            .map(str::to_string)
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidUtf8))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.0)().into_iter().map(PossibleValue::new)))
    }
}
