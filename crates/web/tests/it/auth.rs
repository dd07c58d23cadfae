//! Signing in and out, sessions, CSRF, throttling, passwords, invitations, API tokens, audit.

use ladderless_testkit::{Client, PASSWORD, check, each_backend, person_id};

#[tokio::test]
async fn sign_in_sets_a_safe_cookie_and_sign_out_ends_the_session() {
    each_backend(|s| async move {
        let c = s.client();
        let r = c.get("/").await?;
        check!(
            r.status == 303 && r.location.as_deref() == Some("/login"),
            "anonymous home must redirect to sign in: {}",
            r.status
        );
        let bad = c
            .post_form_raw(
                "/login",
                &[("email", "eve@example.org"), ("password", "wrong password")],
            )
            .await?;
        check!(
            bad.status == 401 && bad.body.contains("do not match"),
            "wrong password: {}",
            bad.status
        );
        check!(
            bad.body.contains("value=\"eve@example.org\""),
            "the e-mail is kept in the form"
        );
        let ok = c
            .post_form_raw(
                "/login",
                &[("email", "EVE@example.org"), ("password", PASSWORD)],
            )
            .await?;
        check!(ok.status == 303, "sign-in: {}", ok.status);
        let cookie = ok
            .headers
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        check!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax")
                && !cookie.contains("Secure"),
            "cookie flags: {cookie}"
        );
        let home = c.get("/").await?;
        check!(
            home.status == 200 && home.body.contains("Hello, Eve"),
            "home after sign-in"
        );
        let out = c.post_form("/logout", &[]).await?;
        check!(out.status == 303, "sign-out: {}", out.status);
        let after = c.get("/").await?;
        check!(
            after.status == 303,
            "the old session must be dead: {}",
            after.status
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn forged_session_cookies_are_ignored() {
    each_backend(|s| async move {
        let c = Client::new(&s.base);
        let r = c
            .http
            .get(format!("{}/", s.base))
            .header("cookie", "ll_session=abc.def")
            .send()
            .await?;
        check!(r.status().as_u16() == 303, "forged cookie must not sign in");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn state_changing_requests_need_the_csrf_token() {
    each_backend(|s| async move {
        let c = s.client();
        c.sign_in("eve@example.org", PASSWORD).await?;
        let fields = [
            ("current_password", PASSWORD),
            ("new_password", "another long password"),
            ("confirm_password", "another long password"),
        ];
        let none = c.post_form_raw("/account/password", &fields).await?;
        check!(none.status == 403, "missing token: {}", none.status);
        let mut wrong = fields.to_vec();
        wrong.push(("csrf", "not-the-token"));
        let w = c.post_form_raw("/account/password", &wrong).await?;
        check!(w.status == 403, "wrong token: {}", w.status);
        let json = c
            .http
            .post(format!("{}/logout", s.base))
            .header("content-type", "application/json")
            .body("{}")
            .send()
            .await?;
        check!(
            json.status().as_u16() == 403,
            "other content types need the header"
        );
        let header = c
            .http
            .post(format!("{}/logout", s.base))
            .header("x-csrf-token", c.csrf())
            .send()
            .await?;
        check!(
            header.status().as_u16() == 303,
            "the header works: {}",
            header.status()
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn repeated_failures_lock_the_account_for_a_while() {
    each_backend(|s| async move {
        let c = s.client();
        for _ in 0..5 {
            let r = c
                .post_form_raw(
                    "/login",
                    &[("email", "sid@example.org"), ("password", "nope nope nope")],
                )
                .await?;
            check!(r.status == 401, "failure: {}", r.status);
        }
        let locked = c
            .post_form_raw(
                "/login",
                &[("email", "sid@example.org"), ("password", PASSWORD)],
            )
            .await?;
        check!(
            locked.status == 429 && locked.body.contains("Too many"),
            "locked: {}",
            locked.status
        );
        // Another account from the same address is not locked by one account's failures.
        let other = c
            .post_form_raw(
                "/login",
                &[("email", "eve@example.org"), ("password", PASSWORD)],
            )
            .await?;
        check!(other.status == 303, "other account: {}", other.status);
        // After the lock lifts, the right password works again.
        let clock = std::sync::Arc::new(ladderless_core::FixedClock::new(
            s.app.now() + time::Duration::minutes(16),
        ));
        let mut later = s.app.clone();
        later.clock = clock;
        later
            .sign_in("sid@example.org", PASSWORD, "127.0.0.1")
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn changing_the_password_checks_fields_and_ends_other_sessions() {
    each_backend(|s| async move {
        let a = s.client();
        let b = s.client();
        a.sign_in("eve@example.org", PASSWORD).await?;
        b.sign_in("eve@example.org", PASSWORD).await?;
        a.get("/account").await?;
        let bad = a
            .post_form(
                "/account/password",
                &[
                    ("current_password", "wrong"),
                    ("new_password", "short"),
                    ("confirm_password", "short"),
                ],
            )
            .await?;
        check!(bad.status == 422, "invalid: {}", bad.status);
        check!(
            bad.body.contains("is not your current password") && bad.body.contains("at least 10"),
            "field errors shown"
        );
        let ok = a
            .post_form(
                "/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", "a brand new passphrase"),
                    ("confirm_password", "a brand new passphrase"),
                ],
            )
            .await?;
        check!(ok.status == 303, "change: {}", ok.status);
        check!(
            b.get("/").await?.status == 303,
            "the other session is signed out"
        );
        check!(a.get("/").await?.status == 200, "this session stays");
        let fresh = s.client();
        check!(
            fresh.sign_in("eve@example.org", PASSWORD).await.is_err(),
            "old password refused"
        );
        fresh
            .sign_in("eve@example.org", "a brand new passphrase")
            .await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn an_invitation_link_sets_a_password_once() {
    each_backend(|s| async move {
        let admin = s.client();
        admin.sign_in("ann@example.org", PASSWORD).await?;
        let nia = person_id(&s.app, "nia@example.org").await?;
        admin.get(&format!("/people/{nia}")).await?;
        let r = admin
            .post_form(&format!("/admin/people/{nia}/invite"), &[])
            .await?;
        check!(r.status == 200, "invite: {}", r.status);
        let start = r
            .body
            .find("/invite/")
            .ok_or_else(|| anyhow::anyhow!("no link"))?;
        let token: String = r.body[start + 8..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        let guest = s.client();
        check!(
            guest.get(&format!("/invite/{token}")).await?.status == 200,
            "invite page"
        );
        let short = guest
            .post_form_raw(
                &format!("/invite/{token}"),
                &[("password", "short"), ("confirm_password", "short")],
            )
            .await?;
        check!(short.status == 422, "short password refused");
        let set = guest
            .post_form_raw(
                &format!("/invite/{token}"),
                &[
                    ("password", "nia's new passphrase"),
                    ("confirm_password", "nia's new passphrase"),
                ],
            )
            .await?;
        check!(set.status == 303, "set: {}", set.status);
        check!(
            guest.get("/").await?.body.contains("Hello, Nia"),
            "signed in after setting the password"
        );
        let again = s
            .client()
            .post_form_raw(
                &format!("/invite/{token}"),
                &[
                    ("password", "another passphrase"),
                    ("confirm_password", "another passphrase"),
                ],
            )
            .await?;
        check!(
            again.status == 422 && again.body.contains("expired or was already used"),
            "second use: {}",
            again.status
        );
        // Only talent admins may invite.
        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        check!(
            eve.post_form(&format!("/admin/people/{nia}/invite"), &[])
                .await?
                .status
                == 403,
            "employee cannot invite"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn personal_api_tokens_are_shown_once_work_and_can_be_revoked() {
    each_backend(|s| async move {
        let c = s.client();
        c.sign_in("eve@example.org", PASSWORD).await?;
        c.get("/account").await?;
        let r = c
            .post_form("/account/tokens", &[("name", "my script")])
            .await?;
        let start = r
            .body
            .find("ll_")
            .ok_or_else(|| anyhow::anyhow!("token not shown"))?;
        let token: String = r.body[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        let me = c.api_get("/api/v1/me", &token).await?;
        check!(
            me.status == 200 && me.json()["person"]["email"] == "eve@example.org",
            "me: {}",
            me.status
        );
        check!(
            !c.get("/account").await?.body.contains(&token),
            "the token is never shown again"
        );
        let bogus = c.api_get("/api/v1/me", "ll_not_a_token").await?;
        check!(
            bogus.status == 401 && bogus.json()["error"] == "unauthenticated",
            "bogus token"
        );
        let anon = s.client().get("/api/v1/people").await?;
        check!(
            anon.status == 401 && anon.json()["error"] == "unauthenticated",
            "no token"
        );
        let tokens = s
            .app
            .store
            .api_tokens(person_id(&s.app, "eve@example.org").await?)
            .await?;
        let id = tokens[0].id;
        // Someone else cannot revoke it.
        let sid = s.client();
        sid.sign_in("sid@example.org", PASSWORD).await?;
        sid.get("/account").await?;
        check!(
            sid.post_form(&format!("/account/tokens/{id}/revoke"), &[])
                .await?
                .status
                == 404,
            "another person's token is not found"
        );
        check!(
            c.api_get("/api/v1/me", &token).await?.status == 200,
            "still works"
        );
        check!(
            c.post_form(&format!("/account/tokens/{id}/revoke"), &[])
                .await?
                .status
                == 303,
            "revoke"
        );
        check!(
            c.api_get("/api/v1/me", &token).await?.status == 401,
            "revoked token refused"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_audit_log_records_and_is_for_talent_admins_only() {
    each_backend(|s| async move {
        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        check!(
            eve.get("/admin/audit").await?.status == 403,
            "employee denied"
        );
        let admin = s.client();
        admin.sign_in("ann@example.org", PASSWORD).await?;
        let sid = person_id(&s.app, "sid@example.org").await?;
        admin.get(&format!("/people/{sid}")).await?;
        check!(
            admin
                .post_form(
                    &format!("/admin/people/{sid}/roles"),
                    &[("facilitator", "on")]
                )
                .await?
                .status
                == 303,
            "role change"
        );
        let page = admin.get("/admin/audit").await?;
        for action in ["sign_in", "role_change", "import"] {
            check!(
                page.body.contains(&format!("<td>{action}</td>")),
                "audit shows {action}"
            );
        }
        let filtered = admin.get("/admin/audit?action=role_change").await?;
        check!(
            filtered.body.contains("facilitator=true")
                && !filtered.body.contains("<td>sign_in</td>"),
            "filter works"
        );
        Ok(())
    })
    .await;
}
