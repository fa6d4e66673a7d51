//! Debug output of credentials: the user shows, the password never does.

use std::fmt;

/// Formats `type_name { user_field: user, password: "<redacted>" }`.
pub fn debug_credentials(
    formatter: &mut fmt::Formatter<'_>,
    type_name: &str,
    (user_field, user): (&str, &str),
) -> fmt::Result {
    formatter
        .debug_struct(type_name)
        .field(user_field, &user)
        .field("password", &"<redacted>")
        .finish()
}
