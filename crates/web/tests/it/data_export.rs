//! Data export from the Account page: a job gathers the zip, the page shows it ready, only its
//! owner downloads it, and it holds the owner's data and not a colleague's private text.

use ladderless_testkit::{PASSWORD, check, each_backend};

#[tokio::test]
async fn a_person_downloads_their_own_data_and_nobody_else_can() {
    each_backend(|s| async move {
        let sid = s.client();
        sid.sign_in("sid@example.org", PASSWORD).await?;
        let r = sid
            .post_form(
                "/compass/aspirations",
                &[("interests", "SID-PRIVATE-INTEREST"), ("aspirations", "")],
            )
            .await?;
        check!(
            r.status == 303 || r.status == 200,
            "sid saves: {}",
            r.status
        );

        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        let r = eve
            .post_form(
                "/compass/aspirations",
                &[("interests", "EVE-OWN-INTEREST"), ("aspirations", "")],
            )
            .await?;
        check!(
            r.status == 303 || r.status == 200,
            "eve saves: {}",
            r.status
        );
        let r = eve.post_form("/account/export", &[]).await?;
        check!(r.status == 303, "requested: {}", r.status);
        let page = eve.get("/account").await?;
        check!(page.body.contains("Waiting to start"), "queued shows");
        while s.app.work_one("w", "p").await?.is_some() {}
        let page = eve.get("/account").await?;
        check!(page.body.contains("<strong>Ready</strong>"), "ready shows");
        let href = page
            .body
            .split("href=\"")
            .find_map(|p| p.split('"').next().filter(|h| h.ends_with("/download")))
            .unwrap_or_default()
            .to_string();
        check!(
            href.starts_with("/account/export/"),
            "a download link: {href}"
        );

        let zip = eve.http.get(format!("{}{href}", eve.base)).send().await?;
        check!(zip.status().as_u16() == 200, "download: {}", zip.status());
        check!(
            zip.headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                == Some("application/zip"),
            "a zip"
        );
        let bytes = zip.bytes().await?;
        check!(bytes.starts_with(b"PK"), "zip magic");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec()))?;
        let mut all = String::new();
        for i in 0..archive.len() {
            let mut f = archive.by_index(i)?;
            std::io::Read::read_to_string(&mut f, &mut all)?;
        }
        check!(all.contains("EVE-OWN-INTEREST"), "her own data is in it");
        check!(
            !all.contains("SID-PRIVATE-INTEREST"),
            "a colleague's private text is not"
        );
        check!(archive.by_name("README.txt").is_ok(), "a readme");

        let other = sid.http.get(format!("{}{href}", sid.base)).send().await?;
        check!(
            other.status().as_u16() == 404,
            "a colleague cannot download it: {}",
            other.status()
        );
        let ann = s.client();
        ann.sign_in("ann@example.org", PASSWORD).await?;
        let admin = ann.http.get(format!("{}{href}", ann.base)).send().await?;
        check!(
            admin.status().as_u16() == 404,
            "nor a talent admin: {}",
            admin.status()
        );
        Ok(())
    })
    .await;
}
