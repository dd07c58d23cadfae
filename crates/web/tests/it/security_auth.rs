//! Who a request acts for: a bearer token OR the session cookie (with its CSRF token), never a
//! mix; login throttling under concurrency; the client's address behind trusted proxies;
//! cookie and cache headers; a password change rotates the session.

use ladderless_testkit::{Backend, PASSWORD, TestDb, TestServer, backends, check, seed_small_org};
use ladderless_testkit::{each_backend, person_id};
use reqwest::header::{AUTHORIZATION, CACHE_CONTROL, RETRY_AFTER, SET_COOKIE};

async fn token_for(s: &TestServer, email: &str) -> anyhow::Result<String> {
    let id = person_id(&s.app, email).await?;
    Ok(s.app.create_api_token(id, "test").await?.1)
}

async fn audience(s: &TestServer, email: &str, section: &str) -> anyhow::Result<String> {
    let id = person_id(&s.app, email).await?;
    Ok(s.app
        .audience_of(id, section.parse()?)
        .await?
        .code()
        .to_string())
}

const NOT_BEARER: [&str; 5] = [
    "Basic ZXZlQGV4YW1wbGUub3JnOnB3",
    "Bearer nonsense",
    "Bearer",
    "bearer ",
    "Token ll_abc",
];

#[tokio::test]
async fn a_session_needs_its_csrf_token_whatever_the_authorization_header_says() {
    each_backend(|s| async move {
        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        eve.get("/compass").await?;
        for auth in NOT_BEARER {
            let page = eve
                .http
                .post(format!("{}/compass/visibility", s.base))
                .header(AUTHORIZATION, auth)
                .form(&[("section", "values"), ("audience", "everyone")])
                .send()
                .await?;
            check!(
                page.status().as_u16() == 403,
                "page with {auth:?} and no CSRF token: {}",
                page.status()
            );
            let api = eve
                .http
                .put(format!("{}/api/v1/compass/visibility", s.base))
                .header(AUTHORIZATION, auth)
                .json(&serde_json::json!({"section": "values", "audience": "everyone"}))
                .send()
                .await?;
            check!(
                api.status().as_u16() == 403,
                "API with {auth:?} and the cookie, no CSRF token: {}",
                api.status()
            );
            // Even with the CSRF token, a bad Authorization header is no credential at all.
            let api = eve
                .http
                .put(format!("{}/api/v1/compass/visibility", s.base))
                .header(AUTHORIZATION, auth)
                .header("x-csrf-token", eve.csrf())
                .json(&serde_json::json!({"section": "values", "audience": "everyone"}))
                .send()
                .await?;
            check!(
                api.status().as_u16() == 401,
                "API with {auth:?}: {}",
                api.status()
            );
            check!(
                audience(&s, "eve@example.org", "values").await? == "private",
                "{auth:?} changed the audience"
            );
        }
        // The same request with the token is accepted: the 403s above were the CSRF check.
        let ok = eve
            .post_form(
                "/compass/visibility",
                &[("section", "values"), ("audience", "everyone")],
            )
            .await?;
        check!(ok.status == 303, "with the CSRF token: {}", ok.status);
        check!(
            audience(&s, "eve@example.org", "values").await? == "everyone",
            "the form with its token works"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_bearer_token_acts_for_its_owner_only_and_the_cookie_is_ignored() {
    each_backend(|s| async move {
        let eve_token = token_for(&s, "eve@example.org").await?;
        // No cookie at all: the token alone works on the API, without a CSRF token.
        let bare = reqwest::Client::new();
        let r = bare
            .put(format!("{}/api/v1/compass/visibility", s.base))
            .bearer_auth(&eve_token)
            .json(&serde_json::json!({"section": "skills", "audience": "everyone"}))
            .send()
            .await?;
        check!(r.status().as_u16() == 200, "token alone: {}", r.status());
        check!(
            audience(&s, "eve@example.org", "skills").await? == "everyone",
            "the token's write landed"
        );
        // A token plus someone else's session cookie acts as the token's owner.
        let sid = s.client();
        sid.sign_in("sid@example.org", PASSWORD).await?;
        let me = sid
            .http
            .get(format!("{}/api/v1/me", s.base))
            .bearer_auth(&eve_token)
            .send()
            .await?
            .json::<serde_json::Value>()
            .await?;
        check!(
            me["person"]["email"] == "eve@example.org",
            "token plus Sid's cookie: {me}"
        );
        let r = sid
            .http
            .put(format!("{}/api/v1/compass/visibility", s.base))
            .bearer_auth(&eve_token)
            .json(&serde_json::json!({"section": "values", "audience": "everyone"}))
            .send()
            .await?;
        check!(
            r.status().as_u16() == 200,
            "token with a cookie: {}",
            r.status()
        );
        check!(
            audience(&s, "eve@example.org", "values").await? == "everyone"
                && audience(&s, "sid@example.org", "values").await? == "private",
            "only the token's owner changed"
        );
        // A page request carrying the token has no session: the cookie's authority is not
        // borrowed, so nothing of Sid's changes and the page asks to sign in.
        let page = sid
            .http
            .post(format!("{}/compass/visibility", s.base))
            .bearer_auth(&eve_token)
            .form(&[("section", "values"), ("audience", "everyone")])
            .send()
            .await?;
        check!(
            page.status().as_u16() == 303
                && page.headers().get("location").and_then(|v| v.to_str().ok()) == Some("/login"),
            "page with a token: {}",
            page.status()
        );
        check!(
            audience(&s, "sid@example.org", "values").await? == "private",
            "Sid's section stays private"
        );
        // Signed-in answers are not cached.
        let cached = bare
            .get(format!("{}/api/v1/me", s.base))
            .bearer_auth(&eve_token)
            .send()
            .await?;
        check!(
            cached
                .headers()
                .get(CACHE_CONTROL)
                .and_then(|v| v.to_str().ok())
                == Some("no-store"),
            "API answers for a token are no-store"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn concurrent_wrong_passwords_get_no_more_guesses_than_sequential_ones() {
    each_backend(|s| async move {
        let mut set = tokio::task::JoinSet::new();
        for _ in 0..40 {
            let url = format!("{}/login", s.base);
            set.spawn(async move {
                let r = reqwest::Client::new()
                    .post(url)
                    .form(&[
                        ("email", "sid@example.org"),
                        ("password", "wrong guess here"),
                    ])
                    .send()
                    .await?;
                let retry = r.headers().get(RETRY_AFTER).is_some();
                anyhow::Ok((r.status().as_u16(), retry))
            });
        }
        let (mut checked, mut refused) = (0, 0);
        while let Some(r) = set.join_next().await {
            match r?? {
                (401, _) => checked += 1,
                (429, true) => refused += 1,
                other => anyhow::bail!("unexpected answer {other:?}"),
            }
        }
        let max = s.app.settings.max_failures_per_account;
        check!(
            // Fewer than `max` checked is safe (a concurrent attempt may be counted while an
            // earlier one is still being verified); more would be a bought guess.
            (1..=max).contains(&checked) && checked + refused == 40,
            "{checked} checked, {refused} refused (at most {max} may be checked)"
        );
        let right = s
            .client()
            .post_form_raw(
                "/login",
                &[("email", "sid@example.org"), ("password", PASSWORD)],
            )
            .await?;
        check!(right.status == 429, "still locked: {}", right.status);
        let secs: i64 = right
            .headers
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        check!(
            secs > 0 && secs <= 15 * 60,
            "Retry-After on the page: {secs}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn core_sign_in_races_are_counted_too() {
    each_backend(|s| async move {
        let mut set = tokio::task::JoinSet::new();
        for _ in 0..40 {
            let app = s.app.clone();
            set.spawn(async move {
                app.sign_in("max@example.org", "bad guess", "192.0.2.9")
                    .await
            });
        }
        let mut checked = 0;
        while let Some(r) = set.join_next().await {
            match r? {
                Err(ladderless_core::CoreError::Unauthenticated) => checked += 1,
                Err(ladderless_core::CoreError::TooManyAttempts { .. }) => {}
                other => anyhow::bail!("unexpected {other:?}"),
            }
        }
        check!(
            // As in the HTTP race above: never more than the limit (under load one fewer
            // has been seen, an early lock-out, never a bought guess).
            (1..=s.app.settings.max_failures_per_account).contains(&checked),
            "{checked} passwords checked"
        );
        Ok(())
    })
    .await;
}

async fn start(
    backend: Backend,
    adjust: impl FnOnce(&mut ladderless_web::WebConfig),
) -> anyhow::Result<TestServer> {
    let db = TestDb::new(backend).await?;
    let app = ladderless_core::App::new(db.store().await?);
    seed_small_org(&app).await?;
    TestServer::start_configured(app, db, adjust).await
}

async fn fail_login(s: &TestServer, headers: &[(&str, &str)]) -> anyhow::Result<()> {
    let mut req = reqwest::Client::new()
        .post(format!("{}/login", s.base))
        .form(&[
            ("email", "nia@example.org"),
            ("password", "not the password"),
        ]);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let r = req.send().await?;
    check!(r.status().as_u16() == 401, "failed sign-in: {}", r.status());
    Ok(())
}

async fn failures(s: &TestServer, ip: &str) -> anyhow::Result<i32> {
    Ok(s.app
        .store
        .throttle(&format!("ip:{ip}"))
        .await?
        .map_or(0, |t| t.failures))
}

#[tokio::test]
async fn forwarded_addresses_count_only_from_trusted_proxies() {
    for backend in backends() {
        let run = async {
            // Untrusted by default: the headers are ignored, the socket address counts.
            let plain = start(backend, |_| {}).await?;
            fail_login(&plain, &[("x-forwarded-for", "203.0.113.5")]).await?;
            check!(
                failures(&plain, "127.0.0.1").await? == 1,
                "socket address counted"
            );
            check!(
                failures(&plain, "203.0.113.5").await? == 0,
                "spoofed header ignored"
            );

            let proxied = start(backend, |c| {
                c.trusted_proxies =
                    ladderless_web::parse_trusted_proxies("127.0.0.1/32, 10.0.0.0/8")
                        .expect("cidrs");
            })
            .await?;
            // The rightmost address that is not a trusted proxy is the client; whatever the
            // client wrote further left is not believed.
            fail_login(
                &proxied,
                &[("x-forwarded-for", "198.51.100.7, 203.0.113.5, 10.1.2.3")],
            )
            .await?;
            check!(
                failures(&proxied, "203.0.113.5").await? == 1,
                "forwarded client"
            );
            check!(
                failures(&proxied, "198.51.100.7").await? == 0,
                "spoofed leftmost"
            );
            check!(
                failures(&proxied, "127.0.0.1").await? == 0,
                "the proxy itself"
            );
            fail_login(
                &proxied,
                &[(
                    "forwarded",
                    "for=192.0.2.60;proto=https, for=\"[2001:db8::1]:4711\"",
                )],
            )
            .await?;
            check!(
                failures(&proxied, "2001:db8::1").await? == 1,
                "Forwarded header"
            );
            // One client locked out does not lock out another behind the same proxy.
            for _ in 0..proxied.app.settings.max_failures_per_ip {
                let _ = reqwest::Client::new()
                    .post(format!("{}/login", proxied.base))
                    .header("x-forwarded-for", "203.0.113.66")
                    .form(&[("email", "nobody@example.org"), ("password", "x")])
                    .send()
                    .await?;
            }
            let locked = reqwest::Client::new()
                .post(format!("{}/login", proxied.base))
                .header("x-forwarded-for", "203.0.113.66")
                .form(&[("email", "eve@example.org"), ("password", PASSWORD)])
                .send()
                .await?;
            check!(
                locked.status().as_u16() == 429,
                "attacker locked: {}",
                locked.status()
            );
            check!(locked.headers().get(RETRY_AFTER).is_some(), "Retry-After");
            let other = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()?
                .post(format!("{}/login", proxied.base))
                .header("x-forwarded-for", "203.0.113.77")
                .form(&[("email", "eve@example.org"), ("password", PASSWORD)])
                .send()
                .await?;
            check!(
                other.status().as_u16() == 303,
                "another client: {}",
                other.status()
            );
            anyhow::Ok(())
        };
        if let Err(e) = run.await {
            panic!("{backend:?}: {e:#}");
        }
    }
}

#[tokio::test]
async fn cookies_cache_and_transport_headers_follow_the_settings() {
    for backend in backends() {
        let run = async {
            let https = start(backend, |c| {
                c.secure_cookies = true;
                c.hsts = true;
            })
            .await?;
            let r = https
                .client()
                .post_form_raw(
                    "/login",
                    &[("email", "eve@example.org"), ("password", PASSWORD)],
                )
                .await?;
            let cookie = r
                .headers
                .get(SET_COOKIE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            check!(cookie.contains("; Secure"), "Secure cookie: {cookie}");
            let login = https.client().get("/login").await?;
            check!(
                login
                    .headers
                    .get("strict-transport-security")
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|v| v.starts_with("max-age=")),
                "HSTS over https"
            );
            check!(
                login.headers.get(CACHE_CONTROL).is_none(),
                "an anonymous page may be cached"
            );
            let plain = start(backend, |_| {}).await?;
            let c = plain.client();
            let login = c.get("/login").await?;
            check!(
                login.headers.get("strict-transport-security").is_none(),
                "no HSTS over plain http"
            );
            c.sign_in("eve@example.org", PASSWORD).await?;
            let home = c.get("/").await?;
            check!(
                home.status == 200
                    && home
                        .headers
                        .get(CACHE_CONTROL)
                        .and_then(|v| v.to_str().ok())
                        == Some("no-store"),
                "signed-in pages are no-store"
            );
            anyhow::Ok(())
        };
        if let Err(e) = run.await {
            panic!("{backend:?}: {e:#}");
        }
    }
}

fn cookie_of(r: &ladderless_testkit::Reply) -> String {
    r.headers
        .get(SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .unwrap_or("")
        .to_string()
}

#[tokio::test]
async fn changing_the_password_gives_the_session_a_new_id() {
    each_backend(|s| async move {
        let c = s.client();
        let signed = c
            .post_form_raw(
                "/login",
                &[("email", "eve@example.org"), ("password", PASSWORD)],
            )
            .await?;
        let old = cookie_of(&signed);
        check!(old.starts_with("ll_session="), "a session cookie: {old}");
        c.get("/account").await?;
        let changed = c
            .post_form(
                "/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", "another long passphrase"),
                    ("confirm_password", "another long passphrase"),
                ],
            )
            .await?;
        check!(changed.status == 303, "change: {}", changed.status);
        let new = cookie_of(&changed);
        check!(
            new.starts_with("ll_session=") && new != old,
            "a new cookie: {new}"
        );
        let old_id = old
            .trim_start_matches("ll_session=")
            .split('.')
            .next()
            .unwrap_or("");
        let new_id = new
            .trim_start_matches("ll_session=")
            .split('.')
            .next()
            .unwrap_or("");
        check!(old_id != new_id, "a new session id");
        let with_old = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()?
            .get(format!("{}/", s.base))
            .header("cookie", &old)
            .send()
            .await?;
        check!(
            with_old.status().as_u16() == 303,
            "the old cookie is dead: {}",
            with_old.status()
        );
        check!(
            c.get("/").await?.status == 200,
            "the changing browser stays signed in"
        );
        Ok(())
    })
    .await;
}
