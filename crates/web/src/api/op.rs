//! One API operation: its route (method, path, handler) and its description (summary, access,
//! parameters, body, answers) in one value, so the router and the OpenAPI document are both
//! folded from the same table (`ops::all`) and cannot drift apart.

use crate::AppState;
use axum::handler::Handler;
use axum::routing::{MethodFilter, MethodRouter, on};

/// The HTTP method of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET.
    Get,
    /// POST.
    Post,
    /// PUT.
    Put,
    /// DELETE.
    Delete,
}

impl Method {
    /// The lower-case name OpenAPI uses.
    pub fn name(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Post => "post",
            Method::Put => "put",
            Method::Delete => "delete",
        }
    }

    fn filter(self) -> MethodFilter {
        match self {
            Method::Get => MethodFilter::GET,
            Method::Post => MethodFilter::POST,
            Method::Put => MethodFilter::PUT,
            Method::Delete => MethodFilter::DELETE,
        }
    }
}

/// Who may call an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, without a token.
    Public,
    /// Any signed-in person or token; the use case decides what they see.
    Person,
    /// Talent admins only; others get 403.
    TalentAdmin,
}

/// The request body of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// No body.
    None,
    /// A JSON object described by the named schema.
    Json(&'static str),
    /// An import file: CSV text or a JSON array of rows.
    File,
}

/// A query parameter's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// Free text.
    Text,
    /// A whole number of any size the server clamps.
    Int,
    /// A count, zero or more.
    Count,
    /// `true` or `false`.
    Bool,
    /// One of a fixed list of codes.
    OneOf(&'static [&'static str]),
}

/// One row of the API table.
pub struct ApiOp {
    /// Method.
    pub method: Method,
    /// Path under `/api/v1`, in axum's (and OpenAPI's) `{param}` syntax.
    pub path: &'static str,
    /// One line for people.
    pub summary: &'static str,
    /// Who may call it.
    pub access: Access,
    /// Query parameters.
    pub query: &'static [(&'static str, Param)],
    /// Request body.
    pub body: Body,
    /// Success statuses and the schema of each body (`None`: no body, as for 204).
    pub ok: Vec<(u16, Option<&'static str>)>,
    /// Error statuses beyond those implied by access, parameters and body.
    pub also: &'static [u16],
    /// Whether it takes large uploads (the upload body limit applies).
    pub upload: bool,
    /// The handler, as a method router for this one method.
    pub handler: MethodRouter<AppState>,
}

/// Start a row: method, path and handler; the rest is added with the builder methods.
pub fn op<H, T>(method: Method, path: &'static str, handler: H) -> ApiOp
where
    H: Handler<T, AppState>,
    T: 'static,
{
    ApiOp {
        method,
        path,
        summary: "",
        access: Access::Person,
        query: &[],
        body: Body::None,
        ok: Vec::new(),
        also: &[],
        upload: false,
        handler: on(method.filter(), handler),
    }
}

impl ApiOp {
    /// The summary.
    pub fn summary(mut self, s: &'static str) -> Self {
        self.summary = s;
        self
    }

    /// Talent admins only.
    pub fn admin(mut self) -> Self {
        self.access = Access::TalentAdmin;
        self
    }

    /// No token needed.
    pub fn public(mut self) -> Self {
        self.access = Access::Public;
        self
    }

    /// Query parameters.
    pub fn query(mut self, q: &'static [(&'static str, Param)]) -> Self {
        self.query = q;
        self
    }

    /// A JSON body with the named schema.
    pub fn json(mut self, schema: &'static str) -> Self {
        self.body = Body::Json(schema);
        self
    }

    /// An import file body, under the upload limit.
    pub fn file(mut self) -> Self {
        self.body = Body::File;
        self.upload = true;
        self
    }

    /// 200 with the named schema.
    pub fn ok(mut self, schema: &'static str) -> Self {
        self.ok.push((200, Some(schema)));
        self
    }

    /// 201 with the named schema.
    pub fn created(mut self, schema: &'static str) -> Self {
        self.ok.push((201, Some(schema)));
        self
    }

    /// 204, no body.
    pub fn no_content(mut self) -> Self {
        self.ok.push((204, None));
        self
    }

    /// Further error statuses this operation answers with (403 for someone else's record,
    /// 409 for a duplicate, ...).
    pub fn also(mut self, statuses: &'static [u16]) -> Self {
        self.also = statuses;
        self
    }

    /// The path parameters, in order.
    pub fn path_params(&self) -> impl Iterator<Item = &'static str> {
        self.path
            .split('/')
            .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
    }

    /// Every error status this operation can answer with, sorted: implied by its access
    /// (401, 403, 429), its parameters (404, 422), its body (400, 413, 415, 422) and `also`.
    pub fn error_statuses(&self) -> Vec<u16> {
        let mut s: Vec<u16> = self.also.to_vec();
        if self.access != Access::Public {
            s.extend([401, 429]);
        }
        if self.access == Access::TalentAdmin {
            s.push(403);
        }
        if self.path_params().next().is_some() {
            s.push(404);
        }
        if !self.query.is_empty() {
            s.push(422);
        }
        match self.body {
            Body::None => {}
            Body::Json(_) => s.extend([400, 413, 415, 422]),
            Body::File => s.extend([413, 422]),
        }
        s.sort_unstable();
        s.dedup();
        s
    }
}
