//! The request as the pages read it, and the reply they give: the path in decoded segments
//! (none of them `.` or `..`, none holding a slash), the query and an urlencoded form as
//! pairs, the cookies; the reply a status, a type, a body and headers. Everything in a
//! request is the client's and is treated as hostile.

use std::io::Read;

/// The methods the server knows; every other is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET (and nothing else reads).
    Get,
    /// POST (a step).
    Post,
    /// Anything else.
    Other,
}

/// A request, read whole.
#[derive(Debug, Clone)]
pub struct Req {
    /// The method.
    pub method: Method,
    /// The path as sent, without the query.
    pub path: String,
    /// The query's pairs, decoded.
    pub query: Vec<(String, String)>,
    /// The headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body (at most [`super::MAX_BODY`] bytes).
    pub body: Vec<u8>,
}

impl Req {
    /// Read the request; a body too large is 413.
    pub fn read(request: &mut tiny_http::Request) -> Result<Req, u16> {
        let method = match request.method() {
            tiny_http::Method::Get => Method::Get,
            tiny_http::Method::Post => Method::Post,
            _ => Method::Other,
        };
        let url = request.url().to_string();
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        let headers = request
            .headers()
            .iter()
            .map(|h| {
                (
                    h.field.as_str().as_str().to_ascii_lowercase(),
                    h.value.as_str().to_string(),
                )
            })
            .collect();
        let mut body = Vec::new();
        if method == Method::Post {
            if request.body_length().is_some_and(|n| n > super::MAX_BODY) {
                return Err(413);
            }
            let read = request
                .as_reader()
                .take(super::MAX_BODY as u64 + 1)
                .read_to_end(&mut body);
            if read.is_err() {
                return Err(400);
            }
            if body.len() > super::MAX_BODY {
                return Err(413);
            }
        }
        Ok(Req {
            method,
            path: path.to_string(),
            query: pairs(query),
            headers,
            body,
        })
    }

    /// The path's segments, decoded; `None` when one is `.` or `..`, holds a slash, a
    /// backslash or a NUL once decoded, or is not UTF-8: such a path names no page.
    pub fn segments(&self) -> Option<Vec<String>> {
        let mut out = Vec::new();
        for raw in self.path.split('/').filter(|s| !s.is_empty()) {
            let segment = String::from_utf8(decode(raw.as_bytes(), false)).ok()?;
            if segment == "." || segment == ".." || segment.contains(['/', '\\', '\0']) {
                return None;
            }
            out.push(segment);
        }
        Some(out)
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A cookie's value.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == "cookie")
            .flat_map(|(_, v)| v.split(';'))
            .filter_map(|c| c.trim().split_once('='))
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    }

    /// The first value of a query parameter, when not empty.
    pub fn param(&self, name: &str) -> Option<&str> {
        first(&self.query, name)
    }

    /// The body as an urlencoded form.
    pub fn form(&self) -> Vec<(String, String)> {
        pairs(&String::from_utf8_lossy(&self.body))
    }

    /// The language the query asks for (`?lang=en`), else the cookie's.
    pub fn asked_lang(&self) -> Option<crate::forms::config::Locale> {
        self.param("lang")
            .or_else(|| self.cookie(LANG_COOKIE))
            .and_then(crate::forms::config::Locale::parse)
    }
}

/// The cookie holding the language chosen.
pub const LANG_COOKIE: &str = "svc_lang";

/// The cookie holding the session's token of the server on `port`: browsers keep cookies
/// by host, not port, and two servers on one computer must not take each other's.
pub fn token_cookie(port: u16) -> String {
    format!("svc_token_{port}")
}

/// The first non-empty value named `name`.
pub fn first<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(n, v)| n == name && !v.trim().is_empty())
        .map(|(_, v)| v.as_str())
}

/// `a=1&b=x+y` → pairs, decoded (`+` a space).
pub fn pairs(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap_or((p, ""));
            let text = |s: &str| String::from_utf8_lossy(&decode(s.as_bytes(), true)).into_owned();
            (text(n), text(v))
        })
        .collect()
}

/// Percent-decoding; `plus`: `+` is a space (forms and queries).
fn decode(bytes: &[u8], plus: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' if plus => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// Text for a URL's query or path segment: everything but letters, digits and `-._~`
/// percent-encoded.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A reply.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// The content type.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// More headers.
    pub headers: Vec<(String, String)>,
}

/// What a page may load: its own stylesheet and script, nothing from elsewhere, and no
/// page of another site may frame it.
const POLICY: &str = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The policy of a printed form or report: its own inline style and SVG charts, no script.
const PAPER_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'";

impl Reply {
    /// An HTML page of the view.
    pub fn html(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            body: body.into_bytes(),
            headers: vec![("Content-Security-Policy".into(), POLICY.into())],
        }
    }

    /// A printed form or report: a self-contained HTML document.
    pub fn paper(body: String) -> Reply {
        Reply {
            status: 200,
            content_type: "text/html; charset=utf-8",
            body: body.into_bytes(),
            headers: vec![("Content-Security-Policy".into(), PAPER_POLICY.into())],
        }
    }

    /// Plain text.
    pub fn text(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.into_bytes(),
            headers: Vec::new(),
        }
    }

    /// An embedded file.
    pub fn asset(content_type: &'static str, body: &'static str) -> Reply {
        Reply {
            status: 200,
            content_type,
            body: body.as_bytes().to_vec(),
            headers: vec![("Cache-Control".into(), "max-age=300".into())],
        }
    }

    /// 303 to `location` (a path of this server).
    pub fn see_other(location: &str) -> Reply {
        Reply {
            status: 303,
            content_type: "text/plain; charset=utf-8",
            body: Vec::new(),
            headers: vec![("Location".into(), location.into())],
        }
    }

    /// Add a header.
    pub fn with(mut self, name: &str, value: String) -> Reply {
        self.headers.push((name.into(), value));
        self
    }

    /// The reply as tiny_http sends it.
    pub fn into_response(self) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
        let mut response = tiny_http::Response::from_data(self.body).with_status_code(self.status);
        let mut add = |name: &str, value: &str| {
            if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response.add_header(h);
            }
        };
        add("Content-Type", self.content_type);
        add("X-Content-Type-Options", "nosniff");
        add("Referrer-Policy", "same-origin");
        for (name, value) in &self.headers {
            add(name, value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(path: &str) -> Req {
        Req {
            method: Method::Get,
            path: path.into(),
            query: Vec::new(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    #[test]
    fn a_path_climbing_out_names_no_page() {
        for path in [
            "/case/..",
            "/case/%2e%2e",
            "/case/%2E%2e/x",
            "/case/a%2fb",
            "/case/a%5cb",
            "/case/a%00",
            "/case/%ff",
            "/./case",
        ] {
            assert_eq!(req(path).segments(), None, "{path}");
        }
        assert_eq!(
            req("/case/SR-1/form/task-sheet").segments(),
            Some(vec![
                "case".into(),
                "SR-1".into(),
                "form".into(),
                "task-sheet".into()
            ])
        );
    }

    #[test]
    fn forms_and_queries_decode() {
        assert_eq!(
            pairs("note=a+b%21&to=li&to=wang&bad=%zz&end=%4"),
            vec![
                ("note".to_string(), "a b!".to_string()),
                ("to".into(), "li".into()),
                ("to".into(), "wang".into()),
                ("bad".into(), "%zz".into()),
                ("end".into(), "%4".into()),
            ]
        );
        assert_eq!(encode("a b/é"), "a%20b%2F%C3%A9");
    }

    #[test]
    fn cookies_are_found_by_name() {
        let mut r = req("/");
        r.headers
            .push(("cookie".into(), "svc_lang=en; svc_token=abc".into()));
        assert_eq!(r.cookie("svc_token"), Some("abc"));
        assert_eq!(r.cookie("svc"), None);
    }
}
