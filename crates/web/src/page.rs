//! Page chrome shared by every page: who is signed in, navigation, notices, assets.

use crate::assets;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use ladderless_core::auth::Session;

/// One navigation link.
#[derive(Debug, Clone)]
pub struct NavItem {
    /// Path.
    pub href: &'static str,
    /// Label.
    pub label: &'static str,
    /// Current section.
    pub current: bool,
}

/// What the layout needs on every page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Title of the page.
    pub title: String,
    /// Signed-in person's name (empty when signed out).
    pub user_name: String,
    /// Signed-in person's id.
    pub user_id: String,
    /// CSRF token for forms.
    pub csrf: String,
    /// Navigation.
    pub nav: Vec<NavItem>,
    /// A one-line notice (after a redirect).
    pub notice: Option<String>,
    /// Stylesheet URL.
    pub css: String,
    /// Script URL.
    pub js: String,
    /// How many of the signed-in person's notifications are unread.
    pub unread: i64,
    /// The notifications page is the current page.
    pub on_notifications: bool,
}

impl Page {
    /// Chrome for a signed-in page; `section` marks the current navigation item.
    pub fn new(session: &Session, title: impl Into<String>, section: &str) -> Page {
        let a = &session.actor;
        let mut nav = vec![
            NavItem {
                href: "/",
                label: "Home",
                current: false,
            },
            NavItem {
                href: "/people",
                label: "People",
                current: false,
            },
            NavItem {
                href: "/org",
                label: "Org chart",
                current: false,
            },
            NavItem {
                href: "/roles",
                label: "Roles",
                current: false,
            },
            NavItem {
                href: "/compass",
                label: "Compass",
                current: false,
            },
            NavItem {
                href: "/customers",
                label: "Customers",
                current: false,
            },
            NavItem {
                href: "/coach",
                label: "Coach",
                current: false,
            },
            NavItem {
                href: "/map",
                label: "Career map",
                current: false,
            },
            NavItem {
                href: "/plans",
                label: "Plans",
                current: false,
            },
            NavItem {
                href: "/directions",
                label: "Directions",
                current: false,
            },
            NavItem {
                href: "/opportunities",
                label: "Opportunities",
                current: false,
            },
            NavItem {
                href: "/placements",
                label: "Placements",
                current: false,
            },
            NavItem {
                href: "/inbox",
                label: "Inbox",
                current: false,
            },
        ];
        if a.is_talent_admin() {
            nav.push(NavItem {
                href: "/admin",
                label: "Admin",
                current: false,
            });
        }
        nav.push(NavItem {
            href: "/account",
            label: "Account",
            current: false,
        });
        for item in &mut nav {
            item.current = item.href == section;
        }
        Page {
            title: title.into(),
            user_name: a.person.name.clone(),
            user_id: a.person.id.to_string(),
            csrf: session.csrf_token.clone(),
            nav,
            notice: None,
            css: assets::url("app.css"),
            js: assets::url("app.js"),
            unread: session.unread,
            on_notifications: section == "/notifications",
        }
    }

    /// Chrome for a signed-out page.
    pub fn anonymous(title: impl Into<String>) -> Page {
        Page {
            title: title.into(),
            user_name: String::new(),
            user_id: String::new(),
            csrf: String::new(),
            nav: Vec::new(),
            notice: None,
            css: assets::url("app.css"),
            js: assets::url("app.js"),
            unread: 0,
            on_notifications: false,
        }
    }

    /// Show a notice (parsed from a known code, never text from the URL).
    pub fn with_notice(mut self, notice: Option<crate::html::Notice>) -> Page {
        self.notice = notice.map(|n| n.text().to_string());
        self
    }
}

/// Render a template to a response, or a logged 500.
pub fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

/// Render with a status.
pub fn render_status<T: Template>(status: StatusCode, t: &T) -> Response {
    let mut r = render(t);
    if r.status().is_success() {
        *r.status_mut() = status;
    }
    r
}

/// A friendly error page.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    /// Chrome.
    pub page: Page,
    /// Status code.
    pub status: u16,
    /// Heading.
    pub heading: &'static str,
    /// Explanation.
    pub message: &'static str,
}

impl ErrorPage {
    /// The page for a status.
    pub fn for_status(status: StatusCode) -> ErrorPage {
        let (heading, message) = match status.as_u16() {
            404 => (
                "Page not found",
                "There is nothing here, or it is not shared with you. Check the address, or go back to the home page.",
            ),
            403 => (
                "Not allowed",
                "You do not have access to this. If you think you should, ask a talent admin. If you were filling in a form, reload the page and try again.",
            ),
            413 => (
                "Too large",
                "That upload is larger than this server accepts.",
            ),
            429 => ("Too many attempts", "Wait a few minutes and try again."),
            503 => (
                "Unavailable",
                "The database is not answering right now. Try again in a moment.",
            ),
            400..=499 => (
                "That did not work",
                "The request was not understood. Go back and try again.",
            ),
            _ => (
                "Something went wrong",
                "The problem has been logged. Try again in a moment; if it keeps happening, tell your administrator.",
            ),
        };
        ErrorPage {
            page: Page::anonymous(heading),
            status: status.as_u16(),
            heading,
            message,
        }
    }
}

impl IntoResponse for ErrorPage {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        render_status(status, &self)
    }
}
