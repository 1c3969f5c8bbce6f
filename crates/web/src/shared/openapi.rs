//! The OpenAPI document as the server really speaks: the handlers declare their own paths,
//! parameters, bodies and main answers (`#[utoipa::path]`); this module adds, once for every
//! operation, what they all share and would otherwise each have to repeat — the problem answers
//! any request can get (a malformed parameter, a body too large or not JSON, a refused field, an
//! expired token, a cross-site write, too many requests), each described and sent as
//! `application/problem+json`, and the `sources` and `classification` that every recording body
//! accepts besides the command's own fields.

use serde_json::{Map, Value, json};

/// Operations rate-limited per client address (they may answer 429).
const LIMITED: &[(&str, &str)] = &[
    ("post", "/api/v1/auth/token"),
    ("post", "/api/v1/complaints"),
    ("post", "/api/v1/complaints/status"),
    ("get", "/api/v1/log/verify"),
    ("get", "/api/v1/incidents/export"),
];

/// Bodies that are not records (no `sources`, no `classification`).
const NOT_RECORDS: &[&str] = &[
    "/api/v1/auth/token",
    "/api/v1/users",
    "/api/v1/complaints",
    "/api/v1/complaints/status",
];

/// The description of an answer with this status.
fn description(status: &str) -> &'static str {
    match status {
        "200" => "OK",
        "201" => "Recorded: the log entry that holds it",
        "204" => "Done",
        "400" => "A query or path parameter, or the JSON itself, is malformed",
        "401" => "Not logged in, or the token is unknown, expired or revoked",
        "403" => "The caller's role may not do this, or a browser sent it from another site",
        "404" => "Not found, or not visible to the caller",
        "409" => "It would contradict the record",
        "413" => "The body is over 1 MiB",
        "415" => "The body is not application/json",
        "422" => "A field is invalid: `errors` names each",
        "429" => "Too many requests, or failed attempts, from this address: see Retry-After",
        _ => "Answer",
    }
}

fn problem() -> Value {
    json!({"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}})
}

/// The document, completed (see the module's description).
pub fn complete(doc: utoipa::openapi::OpenApi) -> Value {
    let mut doc = serde_json::to_value(doc).unwrap_or(Value::Null);
    flatten_all_of(&mut doc);
    bound_request_texts(&mut doc);
    let schemas = doc["components"]["schemas"].clone();
    if let Some(paths) = doc["paths"].as_object_mut() {
        for (path, item) in paths.iter_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for (method, op) in item.iter_mut() {
                complete_operation(path, method, op, &schemas);
            }
        }
    }
    doc
}

fn complete_operation(path: &str, method: &str, op: &mut Value, schemas: &Value) {
    let has_params = op["parameters"].as_array().is_some_and(|p| !p.is_empty());
    let has_body = op.get("requestBody").is_some();
    let writes = method != "get";
    if has_body && !NOT_RECORDS.contains(&path) {
        with_record_fields(op, schemas);
    }
    let names_a_record = op["parameters"].as_array().is_some_and(|ps| {
        ps.iter()
            .any(|p| p["in"] == "path" || p["name"] == "mission")
    });
    let mut extra = vec!["401"];
    if has_params || has_body {
        extra.push("400");
    }
    if has_body {
        extra.extend(["413", "415", "422"]);
    }
    if names_a_record {
        extra.push("404");
    }
    if writes {
        // Any write may meet a rule of the record (a duplicate id, a state it cannot move from).
        extra.extend(["403", "409"]);
    }
    if LIMITED.contains(&(method, path)) {
        extra.push("429");
    }
    let responses = op["responses"]
        .as_object_mut()
        .map(std::mem::take)
        .unwrap_or_default();
    let mut out = Map::new();
    for (status, mut r) in responses {
        if r.get("description")
            .and_then(Value::as_str)
            .is_none_or(str::is_empty)
        {
            r["description"] = json!(description(&status));
        }
        // Errors are problem details, whatever the handler's declaration said.
        if status.starts_with('4') || status.starts_with('5') {
            r["content"] = problem();
        }
        out.insert(status, r);
    }
    for status in extra {
        out.entry(status.to_string())
            .or_insert_with(|| json!({"description": description(status), "content": problem()}));
    }
    op["responses"] = Value::Object(out);
}

/// Every text a request may carry is bounded by the domain ([`konbit_domain::text::check_body`]):
/// the schemas of request bodies say so on each text field that does not state a lower bound of
/// its own (`max_length` on the field, where the command's rule is stricter).
fn bound_request_texts(doc: &mut Value) {
    let mut names = std::collections::BTreeSet::new();
    let mut todo: Vec<Value> = Vec::new();
    if let Some(paths) = doc["paths"].as_object() {
        for item in paths.values() {
            for op in item.as_object().into_iter().flat_map(|o| o.values()) {
                if let Some(content) = op["requestBody"]["content"].as_object() {
                    todo.extend(content.values().map(|m| m["schema"].clone()));
                }
            }
        }
    }
    // The components reachable from a request body.
    while let Some(s) = todo.pop() {
        match &s {
            Value::Object(m) => {
                if let Some(name) = m
                    .get("$ref")
                    .and_then(Value::as_str)
                    .map(|r| r.trim_start_matches("#/components/schemas/").to_string())
                    && names.insert(name.clone())
                {
                    todo.push(doc["components"]["schemas"][&name].clone());
                }
                todo.extend(m.values().cloned());
            }
            Value::Array(a) => todo.extend(a.iter().cloned()),
            _ => {}
        }
    }
    for name in names {
        bound_texts(&mut doc["components"]["schemas"][&name], "");
    }
}

fn bound_texts(s: &mut Value, key: &str) {
    let is_text = match &s["type"] {
        Value::String(t) => t == "string",
        Value::Array(t) => t.iter().any(|x| x == "string"),
        _ => false,
    };
    if is_text
        && s.get("enum").is_none()
        && s.get("format").is_none()
        && s.get("maxLength").is_none()
    {
        let max = if key == "url" {
            konbit_domain::text::MAX_URL
        } else {
            konbit_domain::text::MAX_TEXT
        };
        s["maxLength"] = json!(max);
    }
    if let Some(props) = s.get_mut("properties").and_then(Value::as_object_mut) {
        for (k, v) in props.iter_mut() {
            bound_texts(v, k);
        }
    }
    if let Some(items) = s.get_mut("items") {
        bound_texts(items, key);
    }
    for branch in ["oneOf", "anyOf", "allOf"] {
        if let Some(a) = s.get_mut(branch).and_then(Value::as_array_mut) {
            for b in a {
                bound_texts(b, key);
            }
        }
    }
}

/// A recording body: the command's own schema with `sources` and `classification` added, as one
/// object that still refuses unknown fields (an `allOf` of two closed objects could be met by no
/// body at all).
fn with_record_fields(op: &mut Value, schemas: &Value) {
    let Some(content) = op["requestBody"]["content"].as_object_mut() else {
        return;
    };
    for media in content.values_mut() {
        let own = match media["schema"]["$ref"].as_str() {
            Some(r) => schemas[r.trim_start_matches("#/components/schemas/")].clone(),
            None => media["schema"].clone(),
        };
        let mut merged = own;
        if !merged.is_object() {
            continue;
        }
        merged["properties"]["sources"] = schemas["RecordFields"]["properties"]["sources"].clone();
        merged["properties"]["classification"] = json!({
            "$ref": "#/components/schemas/Classification",
            "description": "Who may read the record: `public`, `mission` (the default) or `restricted`."
        });
        media["schema"] = merged;
    }
}

/// A Rust struct that flattens another (`#[serde(flatten)]`) is described as an `allOf` of the
/// two; when the flattened one refuses unknown fields, no value meets both. Such schemas become
/// one object with the properties and requirements of both, closed only if both parts are.
fn flatten_all_of(doc: &mut Value) {
    let schemas = doc["components"]["schemas"].clone();
    let Some(out) = doc["components"]["schemas"].as_object_mut() else {
        return;
    };
    for schema in out.values_mut() {
        let Some(parts) = schema["allOf"].as_array() else {
            continue;
        };
        let mut merged = json!({"type": "object", "properties": {}, "required": []});
        let mut closed = true;
        for part in parts {
            let part = match part["$ref"].as_str() {
                Some(r) => &schemas[r.trim_start_matches("#/components/schemas/")],
                None => part,
            };
            if part["type"] != "object" {
                return;
            }
            if let (Some(into), Some(from)) = (
                merged["properties"].as_object_mut(),
                part["properties"].as_object(),
            ) {
                into.extend(from.clone());
            }
            if let (Some(into), Some(from)) = (
                merged["required"].as_array_mut(),
                part["required"].as_array(),
            ) {
                into.extend(from.iter().cloned());
            }
            closed &= part["additionalProperties"] == false;
        }
        if closed {
            merged["additionalProperties"] = json!(false);
        }
        if let Some(d) = schema.get("description") {
            merged["description"] = d.clone();
        }
        *schema = merged;
    }
}
