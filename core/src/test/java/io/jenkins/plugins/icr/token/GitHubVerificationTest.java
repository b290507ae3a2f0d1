package io.jenkins.plugins.icr.token;

import static io.jenkins.plugins.icr.token.ProviderServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.contains("admin:org")), "over-broad scope warned");
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
        assertTrue(verdict.warnings().get(0).contains("expires soon"), verdict.warnings().toString());
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
        assertTrue(verdict.warnings().get(0).contains("'next tuesday'"));
    }

    @Test
    void badCredentialsAreRejectedWithTheOldAndNewBody() {
        for (String body : List.of(BAD_CREDENTIALS, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://developer.github.com/v3\"}")) {
            github.on("/api/v3/user", json(401, body));

            Verdict verdict = verify(TestTokens.githubClassic());

            assertEquals(Status.REJECTED, verdict.status());
            assertTrue(verdict.message().contains("invalid, expired or revoked"), verdict.message());
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
        assertTrue(verdict.message().contains("acme/widgets"), verdict.message());
    }

    @Test
    void repositoryTheAccountCannotSeeIsForbidden() {
        github.on("/api/v3/user", user("X-OAuth-Scopes", "repo, workflow, notifications"));

        Verdict verdict = verify(github.request(Provider.GITHUB, "/api/v3", null, TestTokens.githubClassic())
                .withRepository("acme/secret"));

        assertEquals(Status.FORBIDDEN, verdict.status());
        assertTrue(verdict.message().contains("acme/secret"));
    }

    @Test
    void lockOutAfterFailedLoginsIsForbidden() {
        github.on("/api/v3/user", json(403, "{\"message\":\"Maximum number of login attempts exceeded. Please try again later.\"}"));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.FORBIDDEN, verdict.status());
        assertTrue(verdict.message().contains("Maximum number of login attempts exceeded"));
    }

    @Test
    void exhaustedRateLimitOn403SaysWhenItResets() {
        github.on("/api/v3/user", json(403, "{\"message\":\"API rate limit exceeded for user ID 1.\"}",
                Headers.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", "1764500000")));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.RATE_LIMITED, verdict.status());
        assertEquals(0, verdict.rateLimitRemaining());
        assertTrue(verdict.message().contains(Instant.ofEpochSecond(1764500000).toString()), verdict.message());
        assertEquals(6, verdict.status().exitCode());
    }

    @Test
    void rateLimit429HonoursRetryAfter() {
        github.on("/api/v3/user", json(429, "{\"message\":\"You have exceeded a secondary rate limit.\"}",
                Headers.of("retry-after", "60")));

        Verdict verdict = verify(TestTokens.githubClassic());

        assertEquals(Status.RATE_LIMITED, verdict.status());
        assertTrue(verdict.message().contains(ProviderServer.NOW.plusSeconds(60).toString()), verdict.message());
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
        assertTrue(verdict.message().contains("instead of JSON"), verdict.message());
    }

    @Test
    void redirectToAnotherHostIsNotFollowed() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            github.on("/api/v3/user", new MockResponse.Builder().code(302)
                    .setHeader("Location", elsewhere.url("/steal").toString()).build());

            Verdict verdict = verify(TestTokens.githubClassic());

            assertEquals(Status.UNREACHABLE, verdict.status());
            assertTrue(verdict.message().contains("redirect"), verdict.message());
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
        assertTrue(verdict.message().contains("did not answer within 1 s"), verdict.message());
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
}
