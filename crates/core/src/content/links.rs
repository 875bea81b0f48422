//! What a link or image target in a module points at, and where a relative
//! one lands. Shared by the checker (which reports) and the renderer (which
//! strips whatever is not local).

/// The kinds of link targets a module can contain.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target<'a> {
    Empty,
    /// `#anchor` within the same module.
    Fragment(&'a str),
    /// `http:`, `https:` or `//host`: somewhere on the internet.
    Remote,
    /// `mailto:`: fine as text, inert in the app.
    Mail,
    /// Any other scheme, such as `javascript:`, `file:` or `data:`.
    OtherScheme(&'a str),
    /// `/x` or a path with backslashes: not portable between machines.
    Absolute,
    /// A path relative to the module's file, with an optional `#anchor`.
    Relative {
        path: &'a str,
        fragment: Option<&'a str>,
    },
}

pub(crate) fn classify(target: &str) -> Target<'_> {
    let target = target.trim();
    if target.is_empty() {
        return Target::Empty;
    }
    if let Some(fragment) = target.strip_prefix('#') {
        return Target::Fragment(fragment);
    }
    if target.starts_with("//") {
        return Target::Remote;
    }
    if let Some(scheme) = scheme(target) {
        return match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" => Target::Remote,
            "mailto" => Target::Mail,
            _ => Target::OtherScheme(scheme),
        };
    }
    if target.starts_with('/') || target.contains('\\') || target.chars().any(char::is_control) {
        return Target::Absolute;
    }
    let without_query = target.split('?').next().unwrap_or(target);
    let (path, fragment) = match without_query.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (without_query, None),
    };
    Target::Relative { path, fragment }
}

/// Whether the renderer may keep this URL: only same-page anchors and
/// relative paths, which cannot reach outside the app.
pub(crate) fn is_local(target: &str) -> bool {
    target == target.trim()
        && matches!(
            classify(target),
            Target::Fragment(_) | Target::Relative { .. }
        )
}

/// A URL scheme per RFC 3986: a letter, then letters, digits, `+`, `-`, `.`, then `:`.
fn scheme(target: &str) -> Option<&str> {
    let end = target.find(':')?;
    let candidate = &target[..end];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(candidate)
}

/// Resolves `relative` against the folder of `base_file`; both use `/`.
/// `None` when it climbs above the first folder of `base_file`.
pub(crate) fn resolve(base_file: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<String> = normalize(base_file).split('/').map(str::to_owned).collect();
    parts.pop();
    let decoded = percent_decode(relative);
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => match parts.last().map(String::as_str) {
                None | Some("..") => return None,
                Some(_) => {
                    parts.pop();
                }
            },
            other => parts.push(other.to_owned()),
        }
    }
    Some(parts.join("/"))
}

/// Paths as the checker compares them: forward slashes, no leading `./`.
pub(crate) fn normalize(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    rest.to_owned()
}

/// `figuur%201.png` names the file `figuur 1.png`.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_classified() {
        assert_eq!(classify("#bronnen"), Target::Fragment("bronnen"));
        assert_eq!(classify("https://example.org/x.png"), Target::Remote);
        assert_eq!(classify("HTTP://example.org"), Target::Remote);
        assert_eq!(classify("//example.org/x.png"), Target::Remote);
        assert_eq!(classify("mailto:a@b.nl"), Target::Mail);
        assert_eq!(
            classify("javascript:alert(1)"),
            Target::OtherScheme("javascript")
        );
        assert_eq!(
            classify("data:image/png;base64,AAAA"),
            Target::OtherScheme("data")
        );
        assert_eq!(classify("/etc/passwd"), Target::Absolute);
        assert_eq!(classify("..\\img\\a.png"), Target::Absolute);
        assert_eq!(
            classify("02-ruis.md#bronnen"),
            Target::Relative {
                path: "02-ruis.md",
                fragment: Some("bronnen")
            }
        );
        assert_eq!(classify(""), Target::Empty);
    }

    #[test]
    fn only_anchors_and_relative_paths_are_local() {
        assert!(is_local("#x"));
        assert!(is_local("img/a.png"));
        assert!(!is_local(" javascript:alert(1)"));
        assert!(!is_local("java\tscript:alert(1)"));
        assert!(!is_local("//evil.example/a.png"));
        assert!(!is_local("https://evil.example/a.png"));
    }

    #[test]
    fn relative_paths_resolve_against_the_file_folder() {
        assert_eq!(
            resolve("content/modules/01-a.md", "../img/fig%201.png").as_deref(),
            Some("content/img/fig 1.png")
        );
        assert_eq!(
            resolve("../content/modules/01-a.md", "./02-b.md").as_deref(),
            Some("../content/modules/02-b.md")
        );
        assert_eq!(resolve("modules/01-a.md", "../../x.png"), None);
    }
}
