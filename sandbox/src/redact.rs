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

#[cfg(test)]
mod tests {
    use crate::envfile::Credentials;

    #[test]
    fn debug_output_never_shows_the_password() {
        let credentials = Credentials {
            user: "admin@sandbox.local".into(),
            password: "s3cret-pw".into(),
        };
        assert_eq!(
            format!("{credentials:?}"),
            r#"Credentials { user: "admin@sandbox.local", password: "<redacted>" }"#
        );
    }
}
