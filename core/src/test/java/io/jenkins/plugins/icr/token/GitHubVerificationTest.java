package io.jenkins.plugins.icr.token;

import static io.jenkins.plugins.icr.token.ProviderServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.render.VerdictFields;
import io.jenkins.plugins.icr.token.render.VerdictHtml;
import io.jenkins.plugins.icr.token.render.VerdictText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GitHubVerificationTest {
    private static final String USER = "{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"}";
    private static final String BAD_CREDENTIALS =
            "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}";

    @RegisterExtension
    final ProviderServer github = new ProviderServer();

    private Verdict verify(String token) {
        return verify(github.request(Provider.GITHUB, "/api/v3", null, token));
    }

    private Verdict verify(VerificationRequest request) {
        return github.verify(request);
    }

    private static MockResponse user(String... headers) {
        return json(200, USER, Headers.of(headers));
    }

    @Test
    void classicTokenWithEveryScopeIsValidInOneRequest() throws Exception {
        String token = TestTokens.githubClassic();
        github.on("/api/v3/user", user(
                "X-OAuth-Scopes", "notifications, repo, workflow",
                "X-Accepted-OAuth-Scopes", "",
                "x-ratelimit-remaining", "4999",
                "x-ratelimit-reset", "1764500000"));

        Verdict verdict = verify(token);

        assertEquals(Status.VALID, verdict.status());
        assertEquals(TokenKind.GITHUB_CLASSIC, verdict.tokenKind());
        assertEquals("octocat", verdict.account());
        assertEquals(List.of("notifications", "repo", "workflow"), verdict.granted());
        assertEquals(List.of(), verdict.missing());
        assertEquals(4999, verdict.rateLimitRemaining());
        assertNull(verdict.fix().url());
        RecordedRequest request = github.onlyRequest();
        assertEquals("GET", request.getMethod());
        assertEquals("Bearer " + token, request.getHeaders().get("Authorization"));
        assertEquals("2022-11-28", request.getHeaders().get("X-GitHub-Api-Version"));
        assertTrue(request.getHeaders().get("User-Agent").startsWith("icr-vcs-token/"));
        assertNull(request.getUrl().query(), "the token never travels in the URL");
    }

    @Test
    void missingScopesAreNamedWithAPrefilledLink() {
        github.on("/api/v3/user", user("X-OAuth-Scopes", "repo"));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.MISSING_SCOPES, verdict.status());
        assertEquals(List.of("workflow", "notifications"), verdict.missing());
        assertTrue(verdict.fix().url().startsWith(github.server().url("/settings/tokens/new").toString()), verdict.fix().url());
        assertTrue(verdict.fix().url().contains("scopes=repo%2Cworkflow%2Cnotifications")
                || verdict.fix().url().contains("scopes=repo,workflow,notifications"), verdict.fix().url());
    }

    @Test
    void aVerdictReadsInTheViewersLanguage() {
        String token = TestTokens.githubClassic();
        github.on("/api/v3/user", user(
                "X-OAuth-Scopes", "repo, notifications",
                "github-authentication-token-expiration", "2026-12-05 09:00:00 UTC"));

        Verdict verdict = verify(token);
        // Messages_fr.properties is a test-only bundle, a partial translation: what it lacks stays English.
        Clock clock = Clock.fixed(ProviderServer.NOW, ZoneOffset.UTC);
        String html = VerdictHtml.render(verdict, Locale.FRENCH, clock);
        String text = VerdictText.render(verdict, Locale.FRENCH);
        Map<String, Object> fields = VerdictFields.of(verdict, Locale.FRENCH);

        String message = "GitHub a accepté le jeton d'accès personnel GitHub (classique) de octocat, mais il lui manque workflow.";
        String warning = "Le jeton expire bientôt : créez son remplaçant avant.";
        assertTrue(html.contains("<strong>Portées manquantes</strong>: " + VerdictHtml.escape(message)), html);
        assertTrue(html.contains(VerdictHtml.escape(warning)) && html.contains("<p>Comment corriger</p>"), html);
        assertTrue(html.contains(">Créez un nouveau jeton classique</a> avec repo, workflow, notifications coché"), html);
        assertTrue(html.contains("<dt>Type de jeton</dt>") && html.contains("(dans "), html);
        assertTrue(text.startsWith("MISSING_SCOPES: " + message + "\n") && text.contains("Warning: " + warning), text);
        assertTrue(text.contains("  - Modifiez le jeton existant"), text);
        assertEquals(message, fields.get("message"));
        assertEquals(List.of(warning), fields.get("warnings"));
        assertEquals("MISSING_SCOPES", fields.get("status"));
        for (String output : List.of(html, text, fields.toString())) {
            assertFalse(output.contains(token), output);
        }
        assertTrue(VerdictText.render(verdict).startsWith("MISSING_SCOPES: GitHub accepted the GitHub personal access"
                + " token (classic) of octocat, but it lacks workflow.\n"), "English by default");
    }

    @Test
    void publicRepoDoesNotSatisfyRepo() {
        github.on("/api/v3/user", user("X-OAuth-Scopes", "public_repo, workflow, notifications"));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.MISSING_SCOPES, verdict.status());
        assertEquals(List.of("repo"), verdict.missing());
    }

    @Test
    void parentScopeSatisfiesItsChildren() {
        github.on("/api/v3/user", user("X-OAuth-Scopes", "repo, admin:org, user"));
        VerificationRequest request = github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubClassic())
                .withRequired(List.of("repo:status", "public_repo", "read:org", "user:email"));

        Verdict verdict = verify(request);

        assertEquals(Status.VALID, verdict.status());
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.toString().contains("admin:org")), "over-broad scope warned");
    }

    @Test
    void tokenWithoutScopesLacksThemAll() {
        github.on("/api/v3/user", user());

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.MISSING_SCOPES, verdict.status());
        assertEquals(List.of(), verdict.granted());
        assertEquals(List.of("repo", "workflow", "notifications"), verdict.missing());
    }

    @Test
    void expiryIsReadInUtcFormatAndWarnedWithinTheWindow() {
        github.on("/api/v3/user", user(
                "X-OAuth-Scopes", "repo, workflow, notifications",
                "github-authentication-token-expiration", "2026-12-05 09:00:00 UTC"));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.VALID, verdict.status());
        assertEquals(Instant.parse("2026-12-05T09:00:00Z"), verdict.expiresAt());
        assertTrue(verdict.warnings().get(0).toString().contains("expires soon"), verdict.warnings().toString());
        assertTrue(verdict.fix().url().contains("/settings/tokens/new"), "a replacement link is offered");
    }

    @Test
    void expiryIsReadWithANumericOffsetAndNotWarnedOutsideTheWindow() {
        github.on("/api/v3/user", user(
                "X-OAuth-Scopes", "repo, workflow, notifications",
                "GitHub-Authentication-Token-Expiration", "2027-03-31 00:00:00 +0900"));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Instant.parse("2027-03-30T15:00:00Z"), verdict.expiresAt());
        assertEquals(List.of(), verdict.warnings());
    }

    @Test
    void unreadableExpiryIsShownRaw() {
        github.on("/api/v3/user", user("X-OAuth-Scopes", "repo, workflow, notifications",
                "github-authentication-token-expiration", "next tuesday"));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertNull(verdict.expiresAt());
        assertTrue(verdict.warnings().get(0).toString().contains("'next tuesday'"));
    }

    @Test
    void badCredentialsAreRejectedWithTheOldAndNewBody() {
        for (String body : List.of(BAD_CREDENTIALS, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://developer.github.com/v3\"}")) {
            github.on("/api/v3/user", json(401, body));

            Verdict verdict = verify(TestTokens.githubClassic());

            assertEquals(Status.REJECTED, verdict.status());
            assertTrue(verdict.message().toString().contains("invalid, expired or revoked"), verdict.message().toString());
            assertTrue(verdict.fix().url().contains("/settings/tokens/new"));
        }
    }

    @Test
    void samlSsoIsForbiddenWithTheAuthorizationLink() {
        String sso = "https://github.com/orgs/acme/sso?authorization_request=A1B2";
        github.on("/api/v3/user", user("X-OAuth-Scopes", "repo, workflow, notifications"));
        github.on("/api/v3/repos/acme/widgets", json(403,
                "{\"message\":\"Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.\"}",
                Headers.of("X-GitHub-SSO", "required; url=" + sso)));

        Verdict verdict = verify(github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubClassic())
                .withRepository("acme/widgets"));

        assertEquals(Status.FORBIDDEN, verdict.status());
        assertEquals(sso, verdict.fix().url());
        assertTrue(verdict.message().toString().contains("acme/widgets"), verdict.message().toString());
    }

    @Test
    void repositoryTheAccountCannotSeeIsForbidden() {
        github.on("/api/v3/user", user("X-OAuth-Scopes", "repo, workflow, notifications"));

        Verdict verdict = verify(github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubClassic())
                .withRepository("acme/secret"));

        assertEquals(Status.FORBIDDEN, verdict.status());
        assertTrue(verdict.message().toString().contains("acme/secret"));
    }

    @Test
    void lockOutAfterFailedLoginsIsForbidden() {
        github.on("/api/v3/user", json(403, "{\"message\":\"Maximum number of login attempts exceeded. Please try again later.\"}"));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.FORBIDDEN, verdict.status());
        assertTrue(verdict.message().toString().contains("Maximum number of login attempts exceeded"));
    }

    @Test
    void exhaustedRateLimitOn403SaysWhenItResets() {
        github.on("/api/v3/user", json(403, "{\"message\":\"API rate limit exceeded for user ID 1.\"}",
                Headers.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", "1764500000")));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.RATE_LIMITED, verdict.status());
        assertEquals(0, verdict.rateLimitRemaining());
        assertTrue(verdict.message().toString().contains(Instant.ofEpochSecond(1764500000).toString()), verdict.message().toString());
        assertEquals(6, verdict.status().exitCode());
    }

    @Test
    void rateLimit429HonoursRetryAfter() {
        github.on("/api/v3/user", json(429, "{\"message\":\"You have exceeded a secondary rate limit.\"}",
                Headers.of("retry-after", "60")));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.RATE_LIMITED, verdict.status());
        assertTrue(verdict.message().toString().contains(ProviderServer.NOW.plusSeconds(60).toString()), verdict.message().toString());
    }

    @Test
    void serverErrorIsUnreachable() {
        github.on("/api/v3/user", json(502, "{\"message\":\"Server Error\"}"));

        assertEquals(Status.UNREACHABLE, verify(TestTokens.githubClassic()).status());
    }

    @Test
    void htmlFromAProxyIsNotTakenForGitHub() {
        github.on("/api/v3/user", new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "text/html").body("<html><body>Zscaler login</body></html>").build());

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("instead of JSON"), verdict.message().toString());
    }

    @Test
    void redirectToAnotherHostIsNotFollowed() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            github.on("/api/v3/user", new MockResponse.Builder().code(302)
                    .setHeader("Location", elsewhere.url("/steal").toString()).build());

            Verdict verdict = verify(TestTokens.githubClassic());

            assertEquals(Status.UNREACHABLE, verdict.status());
            assertTrue(verdict.message().toString().contains("redirect"), verdict.message().toString());
            assertEquals(0, elsewhere.getRequestCount(), "the other host received nothing");
        }
    }

    @Test
    void serverThatNeverAnswersIsBoundedByTheTimeout() {
        github.on("/api/v3/user", new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        VerificationRequest request = github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubClassic())
                .withTimeout(Duration.ofSeconds(1));

        long start = System.nanoTime();
        Verdict verdict = verify(request);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("did not answer within 1 s"), verdict.message().toString());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "bounded, took " + took);
    }

    @Test
    void fineGrainedTokenWithoutRepositoryIsUnverifiableWithIdentityAndExpiry() throws Exception {
        github.on("/api/v3/user", user("github-authentication-token-expiration", "2027-02-01 00:00:00 UTC"));

        Verdict verdict = verify(TestTokens.githubFineGrained());

        assertEquals(Status.UNVERIFIABLE, verdict.status());
        assertEquals(TokenKind.GITHUB_FINE_GRAINED, verdict.tokenKind());
        assertEquals("octocat", verdict.account());
        assertNull(verdict.granted());
        assertEquals(Instant.parse("2027-02-01T00:00:00Z"), verdict.expiresAt());
        assertEquals(1, github.requests().size());
        assertTrue(verdict.fix().url().endsWith("/settings/personal-access-tokens/new"), verdict.fix().url());
    }

    @Test
    void fineGrainedTokenWithReadAccessStaysUnverifiable() throws Exception {
        github.on("/api/v3/user", user());
        github.on("/api/v3/repos/acme/widgets", json(200, "{\"full_name\":\"acme/widgets\"}"));
        github.on("/api/v3/repos/acme/widgets/branches", json(200, "[{\"name\":\"main\"}]"));
        github.on("/api/v3/repos/acme/widgets/pulls", json(200, "[]"));

        Verdict verdict = verify(github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubFineGrained())
                .withRepository("acme/widgets"));

        assertEquals(Status.UNVERIFIABLE, verdict.status());
        assertEquals(4, github.requests().size());
    }

    @Test
    void fineGrainedProbeNamesTheMissingPermission() {
        github.on("/api/v3/user", user());
        github.on("/api/v3/repos/acme/widgets", json(200, "{\"full_name\":\"acme/widgets\"}"));
        github.on("/api/v3/repos/acme/widgets/branches", json(200, "[]"));
        github.on("/api/v3/repos/acme/widgets/pulls", json(403,
                "{\"message\":\"Resource not accessible by personal access token\"}",
                Headers.of("X-Accepted-GitHub-Permissions", "pull_requests=read; issues=read")));

        Verdict verdict = verify(github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubFineGrained())
                .withRepository("acme/widgets"));

        assertEquals(Status.MISSING_SCOPES, verdict.status());
        assertEquals(List.of("pull_requests:read"), verdict.missing());
    }

    @Test
    void fineGrainedTokenThatCannotSeeTheRepositoryLacksMetadata() {
        github.on("/api/v3/user", user());

        Verdict verdict = verify(github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubFineGrained())
                .withRepository("acme/widgets"));

        assertEquals(Status.MISSING_SCOPES, verdict.status());
        assertEquals(List.of("metadata:read"), verdict.missing());
    }

    @Test
    void unprefixedEnterpriseTokenIsClassifiedByItsScopeHeader() {
        github.on("/api/v3/user", user("X-OAuth-Scopes", "repo, workflow, notifications"));

        Verdict verdict = verify(TestTokens.random("", 40).toLowerCase());

        assertEquals(Status.VALID, verdict.status());
        assertEquals(TokenKind.GITHUB_CLASSIC, verdict.tokenKind());
    }

    @Test
    void hostileProviderTextIsEscapedInHtml() {
        github.on("/api/v3/user", json(200, "{\"login\":\"<img src=x onerror=alert(1)>\"}",
                Headers.of("X-OAuth-Scopes", "repo, <script>alert(1)</script>")));

        Verdict verdict = verify(TestTokens.githubClassic());
        String html = io.jenkins.plugins.icr.token.render.VerdictHtml.render(verdict);

        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(!html.contains("<script>") && !html.contains("<img"), html);
    }

    @Test
    void secondaryRateLimitOn403IsRateLimitedUntilRetryAfterThoughRequestsRemain() {
        github.on("/api/v3/user", json(403, "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few"
                + " minutes before you try again.\",\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}",
                Headers.of("Retry-After", "60", "x-ratelimit-remaining", "4990", "x-ratelimit-reset", "1764500000")));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.RATE_LIMITED, verdict.status(), verdict.message().toString());
        assertEquals(ProviderServer.NOW.plusSeconds(60), verdict.rateLimit().reset(), "Retry-After comes first");
        assertTrue(verdict.message().toString().contains("Try again after " + ProviderServer.NOW.plusSeconds(60)), verdict.message().toString());
        assertTrue(verdict.fix().isEmpty(), "no organization-policy fix for a rate limit");
    }

    @Test
    void secondaryLimitMessageWithoutRetryAfterWaitsForTheReset() {
        for (String message : List.of(
                "You have exceeded a secondary rate limit and have been temporarily blocked from content creation.",
                "You have triggered an abuse detection mechanism. Please wait a few minutes before you try again.")) {
            github.on("/api/v3/user", json(403, "{\"message\":\"" + message + "\"}",
                    Headers.of("x-ratelimit-remaining", "4000", "x-ratelimit-reset", "1764500000")));

            Verdict verdict = verify(TestTokens.githubClassic());

            assertEquals(Status.RATE_LIMITED, verdict.status(), verdict.message().toString());
            assertTrue(verdict.message().toString().contains("Try again after " + Instant.ofEpochSecond(1764500000)), verdict.message().toString());
        }
    }

    @Test
    void secondaryRateLimitWithoutAnyTimeSaysToWaitAMinute() {
        github.on("/api/v3/user", json(429, "{\"message\":\"You have exceeded a secondary rate limit.\"}"));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.RATE_LIMITED, verdict.status());
        assertTrue(verdict.message().toString().contains("in a minute or more"), verdict.message().toString());
    }

    private VerificationRequest classicWithRepository(String repository) {
        github.on("/api/v3/user", user("X-OAuth-Scopes", "repo, workflow, notifications"));
        return github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubClassic()).withRepository(repository);
    }

    private static MockResponse movedTo(String location) {
        return json(301, "{\"message\":\"Moved Permanently\",\"url\":\"" + location + "\"}", Headers.of("Location", location));
    }

    @Test
    void renamedRepositoryIsFollowedOnceOnTheApiHostAndTheMoveIsWarned() throws Exception {
        VerificationRequest request = classicWithRepository("acme/widgets");
        github.on("/api/v3/repos/acme/widgets", movedTo(github.server().url("/api/v3/repositories/42").toString()));
        github.on("/api/v3/repositories/42", json(200, "{\"id\":42,\"full_name\":\"acme/gadgets\"}"));

        Verdict verdict = verify(request);

        assertEquals(Status.VALID, verdict.status(), verdict.message().toString());
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.toString().contains("acme/widgets moved") && w.toString().contains("acme/gadgets")
                && w.toString().contains("update the job's repository URL")), verdict.warnings().toString());
        List<RecordedRequest> requests = github.requests();
        assertEquals(List.of("/api/v3/user", "/api/v3/repos/acme/widgets", "/api/v3/repositories/42"),
                requests.stream().map(r -> r.getUrl().encodedPath()).toList());
        assertEquals("Bearer " + request.token().reveal(), requests.get(2).getHeaders().get("Authorization"));
    }

    @Test
    void relativeLocationOfAMovedRepositoryIsFollowedToo() {
        // An API base at the host's root, as GHE.com serves it.
        github.on("/user", user("X-OAuth-Scopes", "repo, workflow, notifications"));
        github.on("/repos/acme/widgets", movedTo("/repositories/42"));
        github.on("/repositories/42", json(200, "{\"id\":42}"));

        Verdict verdict = verify(github.request(Provider.GITHUB, "/", null, TestTokens.githubClassic())
                .withRepository("acme/widgets"));

        assertEquals(Status.VALID, verdict.status(), verdict.message().toString());
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.toString().contains("moved")), verdict.warnings().toString());
    }

    @Test
    void aSecondRedirectIsNotFollowed() throws Exception {
        VerificationRequest request = classicWithRepository("acme/widgets");
        github.on("/api/v3/repos/acme/widgets", movedTo(github.server().url("/api/v3/repositories/42").toString()));
        github.on("/api/v3/repositories/42", movedTo(github.server().url("/api/v3/repositories/43").toString()));

        Verdict verdict = verify(request);

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("redirect"), verdict.message().toString());
        assertEquals(3, github.requests().size(), "user, the repository, its first new location; no more");
    }

    @Test
    void repositoryRedirectOffTheApiBaseIsRefused() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            String sameHostByAnotherName = github.server().url("/api/v3/repositories/42").newBuilder()
                    .host(github.server().url("/").host().equals("localhost") ? "127.0.0.1" : "localhost").build().toString();
            for (String location : List.of(
                    elsewhere.url("/api/v3/repositories/42").toString(),
                    sameHostByAnotherName,
                    github.server().url("/login/repositories/42").toString(),
                    "https://" + github.server().getHostName() + ":" + github.server().getPort() + "/api/v3/repositories/42")) {
                VerificationRequest request = classicWithRepository("acme/widgets");
                github.on("/api/v3/repos/acme/widgets", movedTo(location));
                github.on("/login/repositories/42", json(200, "{\"id\":42}"));

                Verdict verdict = verify(request);

                assertEquals(Status.UNREACHABLE, verdict.status(), location);
                assertEquals(2, github.requests().size(), "not followed: " + location);
            }
            assertEquals(0, elsewhere.getRequestCount(), "the other host received nothing");
        }
    }

    @Test
    void redirectOfTheUserRequestIsRefusedEvenOnTheSameHost() throws Exception {
        github.on("/api/v3/user", movedTo(github.server().url("/api/v3/user/1").toString()));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertEquals(1, github.requests().size());
    }

    @Test
    void movedRepositoryOfAFineGrainedTokenIsProbedAtItsNewLocation() throws Exception {
        github.on("/api/v3/user", user());
        for (String probe : List.of("", "/branches", "/pulls")) {
            github.on("/api/v3/repos/acme/widgets" + probe,
                    movedTo(github.server().url("/api/v3/repositories/42" + probe + (probe.isEmpty() ? "" : "?per_page=1")).toString()));
        }
        github.on("/api/v3/repositories/42", json(200, "{\"full_name\":\"acme/gadgets\"}"));
        github.on("/api/v3/repositories/42/branches", json(200, "[]"));
        github.on("/api/v3/repositories/42/pulls", json(403, "{\"message\":\"Resource not accessible by personal access token\"}",
                Headers.of("X-Accepted-GitHub-Permissions", "pull_requests=read")));

        Verdict verdict = verify(github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubFineGrained())
                .withRepository("acme/widgets"));

        assertEquals(Status.MISSING_SCOPES, verdict.status(), verdict.message().toString());
        assertEquals(List.of("pull_requests:read"), verdict.missing());
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.toString().contains("acme/gadgets")), verdict.warnings().toString());
        assertEquals(7, github.requests().size());
    }

    @Test
    void ssoPartialResultsIsAWarningNamingTheOrganizationsNotAFailure() {
        github.on("/api/v3/user", user("X-OAuth-Scopes", "repo, workflow, notifications",
                "X-GitHub-SSO", "partial-results; organizations=21955855,20582480"));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.VALID, verdict.status(), verdict.message().toString());
        assertEquals(1, verdict.warnings().size(), verdict.warnings().toString());
        assertTrue(verdict.warnings().get(0).toString().contains("21955855, 20582480"), verdict.warnings().get(0).toString());
        assertTrue(verdict.warnings().get(0).toString().contains("single sign-on"), verdict.warnings().get(0).toString());
    }

    @Test
    void ssoPartialResultsOnARefusalIsNoSsoLink() {
        VerificationRequest request = classicWithRepository("acme/widgets");
        github.on("/api/v3/repos/acme/widgets", json(403, "{\"message\":\"Forbidden\"}",
                Headers.of("X-GitHub-SSO", "partial-results; organizations=<script>,21955855")));

        Verdict verdict = verify(request);

        assertEquals(Status.FORBIDDEN, verdict.status());
        assertNull(verdict.fix().url(), "only 'required; url=' is an authorization link");
        assertTrue(!verdict.message().toString().contains("single sign-on"), verdict.message().toString());
    }

    @Test
    void partialResultsWithoutUsableIdsStillWarns() {
        VerificationRequest request = classicWithRepository("acme/widgets");
        github.on("/api/v3/repos/acme/widgets", json(200, "{\"full_name\":\"acme/widgets\"}",
                Headers.of("X-GitHub-SSO", "partial-results; organizations=<script>")));

        Verdict verdict = verify(request);

        assertEquals(Status.VALID, verdict.status());
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.toString().contains("some organizations") && !w.toString().contains("<script>")),
                verdict.warnings().toString());
    }

    @Test
    void ssoRequiredWithoutAnHttpsLinkIsForbiddenWithoutALink() {
        VerificationRequest request = classicWithRepository("acme/widgets");
        github.on("/api/v3/repos/acme/widgets", json(403, "{\"message\":\"Resource protected by organization SAML enforcement.\"}",
                Headers.of("X-GitHub-SSO", "required; url=http://github.com/orgs/acme/sso")));

        Verdict verdict = verify(request);

        assertEquals(Status.FORBIDDEN, verdict.status());
        assertTrue(verdict.message().toString().contains("single sign-on"), verdict.message().toString());
        assertNull(verdict.fix().url());
    }

    @Test
    void successWithoutALoginIsNotGitHub() {
        for (String body : List.of("{\"message\":\"ok\"}", "{\"login\":42}", "[]")) {
            github.on("/api/v3/user", json(200, body, Headers.of("X-OAuth-Scopes", "repo, workflow, notifications")));

            Verdict verdict = verify(TestTokens.githubClassic());

            assertEquals(Status.UNREACHABLE, verdict.status(), body);
            assertTrue(verdict.message().toString().contains("does not answer as GitHub"), verdict.message().toString());
            assertNull(verdict.account());
        }
    }

    @Test
    void unreadableExpiryIsQuotedShortAndCleaned() {
        String garbage = "\u001b[2J" + "x".repeat(200);
        github.on("/api/v3/user", new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "application/json")
                .addHeaderLenient("github-authentication-token-expiration", garbage)
                .body(USER).build());

        Verdict verdict = verify(TestTokens.githubClassic());

        String warning = verdict.warnings().stream().filter(w -> w.toString().contains("format not understood")).findFirst().orElseThrow().toString();
        assertTrue(warning.contains("'\\u001b[2J" + "x".repeat(51) + "…'"), warning);
        assertTrue(warning.chars().noneMatch(c -> c == 0x1b), warning);
    }

    @Test
    void aLongScopeListIsCutWithANoteButFullyChecked() {
        List<String> scopes = new java.util.ArrayList<>(List.of("repo", "notifications", "workflow"));
        for (int i = 0; i < 247; i++) {
            scopes.add(String.format("s%03d", i));
        }
        github.on("/api/v3/user", user("X-OAuth-Scopes", String.join(", ", scopes)));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.VALID, verdict.status(), "workflow sorts past the cut and still counts");
        assertEquals(200, verdict.granted().size());
        assertTrue(!verdict.granted().contains("workflow"));
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.toString().contains("reported 250 scopes") && w.toString().contains("first 200")),
                verdict.warnings().toString());
    }

    @Test
    void redirectTargetCarryingTheTokenIsNotFollowed() throws Exception {
        VerificationRequest request = classicWithRepository("acme/widgets");
        github.on("/api/v3/repos/acme/widgets",
                movedTo(github.server().url("/api/v3/repositories/42?token=" + request.token().reveal()).toString()));
        github.on("/api/v3/repositories/42", json(200, "{\"id\":42}"));

        Verdict verdict = verify(request);

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("?token=[redacted]"), verdict.message().toString());
        assertEquals(2, github.requests().size());
    }

    @Test
    void unprefixedTokenWithoutScopesIsUnverifiable() {
        github.on("/api/v3/user", user());

        Verdict verdict = verify(TestTokens.random("", 40).toLowerCase());

        assertEquals(Status.UNVERIFIABLE, verdict.status());
        assertEquals(TokenKind.UNKNOWN, verdict.tokenKind());
        assertTrue(verdict.message().toString().contains("not a classic personal access token"), verdict.message().toString());
    }

    @Test
    void apiUrlWithoutGitHubBehindItIsUnreachable() {
        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("answered HTTP 404 (\"Not Found\") where a GitHub API was expected"),
                verdict.message().toString());
    }

    @Test
    void refusalsWithoutAJsonMessageQuoteNothing() {
        for (MockResponse refusal : List.of(
                new MockResponse.Builder().code(401).setHeader("Content-Type", "text/html").body("<h1>401</h1>").build(),
                json(401, "{\"message\":\"  \",\"documentation_url\":\"https://docs.github.com/rest\"}"))) {
            github.on("/api/v3/user", refusal);

            Verdict verdict = verify(TestTokens.githubClassic());

            assertEquals(Status.REJECTED, verdict.status());
            assertEquals("GitHub refused the token: it is invalid, expired or revoked.", verdict.message().toString());
        }
    }

    @Test
    void redirectWithoutATargetAndSuccessWithoutAContentTypeAreUnreachable() {
        github.on("/api/v3/user", new MockResponse.Builder().code(307).build());
        Verdict redirect = verify(TestTokens.githubClassic());
        assertEquals(Status.UNREACHABLE, redirect.status());
        assertTrue(redirect.message().toString().contains("answered with a redirect (HTTP 307); it was not followed"), redirect.message().toString());

        github.on("/api/v3/user", new MockResponse.Builder().code(200).body("ok").build());
        Verdict untyped = verify(TestTokens.githubClassic());
        assertEquals(Status.UNREACHABLE, untyped.status());
        assertTrue(untyped.message().toString().contains("with no content type instead of JSON"), untyped.message().toString());
    }

    @Test
    void emptyOrBrokenJsonIsNotTakenForAnAnswer() {
        for (String body : List.of("", "{\"login\":\"octo")) {
            github.on("/api/v3/user", json(200, body));

            Verdict verdict = verify(TestTokens.githubClassic());

            assertEquals(Status.UNREACHABLE, verdict.status(), body);
            assertTrue(verdict.message().toString().contains("instead of JSON"), verdict.message().toString());
        }
    }

    @Test
    void fineGrainedProbeRefusedWithoutAPermissionHeaderNamesTheProbedPermission() {
        github.on("/api/v3/user", user());
        github.on("/api/v3/repos/acme/widgets", json(200, "{\"full_name\":\"acme/widgets\"}"));
        github.on("/api/v3/repos/acme/widgets/branches", json(403, "{\"message\":\"Resource not accessible by personal access token\"}"));
        github.on("/api/v3/repos/acme/widgets/pulls", json(403, "{\"message\":\"Resource not accessible by personal access token\"}",
                Headers.of("X-Accepted-GitHub-Permissions", "contents=read,pull_requests=read")));

        Verdict verdict = verify(github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubFineGrained())
                .withRepository("acme/widgets"));

        assertEquals(List.of("contents:read", "pull_requests:read"), verdict.missing(), "each named once");
    }

    @Test
    void fineGrainedProbeThatFailsOtherwiseEndsTheCheck() {
        github.on("/api/v3/user", user());
        github.on("/api/v3/repos/acme/widgets", json(200, "{\"full_name\":\"acme/widgets\"}"));
        github.on("/api/v3/repos/acme/widgets/branches", json(401, BAD_CREDENTIALS));
        github.on("/api/v3/repos/acme/widgets/pulls", json(200, "[]"));

        Verdict verdict = verify(github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubFineGrained())
                .withRepository("acme/widgets"));

        assertEquals(Status.REJECTED, verdict.status());
    }

    @Test
    void ssoPartialResultsOnTwoAnswersIsOneWarning() {
        VerificationRequest request = github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubClassic())
                .withRepository("acme/widgets");
        Headers partial = Headers.of("X-OAuth-Scopes", "repo, workflow, notifications",
                "X-GitHub-SSO", "partial-results; organizations=21955855");
        github.on("/api/v3/user", json(200, USER, partial));
        github.on("/api/v3/repos/acme/widgets", json(200, "{\"full_name\":\"acme/widgets\"}", partial));

        Verdict verdict = verify(request);

        assertEquals(1, verdict.warnings().size(), verdict.warnings().toString());
    }
}
