//! The body of a log entry and the command fields it holds: serializing one into the other and
//! back, the same way for every capability.

use serde::Serialize;

/// A command's body as JSON. Serializing plain structs of strings and numbers cannot fail;
/// `Null` would be refused by validation if it ever did.
pub(crate) fn to_body<T: Serialize>(c: &T) -> serde_json::Value {
    serde_json::to_value(c).unwrap_or(serde_json::Value::Null)
}

/// A command's fields from an entry body, or what is wrong with the body.
pub(crate) fn from_body<T: serde::de::DeserializeOwned>(
    b: &serde_json::Value,
) -> Result<T, String> {
    T::deserialize(b).map_err(|e| e.to_string())
}
