package io.jenkins.plugins.icr.token;

import static io.jenkins.plugins.icr.token.ProviderServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.provider.Http;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bitbucket Cloud (API tokens, app passwords, access tokens) and Bitbucket Data Center. */
class BitbucketVerificationTest {
    private static final String EMAIL = "jane@example.com";
    private static final String USER =
            "{\"type\":\"user\",\"username\":\"jdoe\",\"display_name\":\"Jane Doe\",\"account_id\":\"557058:1\"}";
    private static final String API_TOKEN_SCOPES = "read:user:bitbucket, read:repository:bitbucket,"
            + " write:repository:bitbucket, read:pullrequest:bitbucket, write:pullrequest:bitbucket";

    @RegisterExtension
    final ProviderServer bitbucket = new ProviderServer();

    private Verdict cloud(String username, String token) {
        return verify(bitbucket.request(Provider.BITBUCKET, "/2.0", username, token));
    }

    private Verdict verify(VerificationRequest request) {
        return bitbucket.verify(request);
    }

    @Test
    void apiTokenWithEveryScopeIsValidInOneBasicRequest() throws Exception {
        String token = TestTokens.atlassianApiToken();
        bitbucket.on("/2.0/user", json(200, USER,
                Headers.of("x-oauth-scopes", API_TOKEN_SCOPES, "x-credential-type", "api_token")));

        Verdict verdict = cloud(EMAIL, token);

        assertEquals(Status.VALID, verdict.status());
        assertEquals(TokenKind.BITBUCKET_API_TOKEN, verdict.tokenKind());
        assertEquals("jdoe", verdict.account());
        RecordedRequest request = bitbucket.onlyRequest();
        String basic = Base64.getEncoder().encodeToString((EMAIL + ":" + token).getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + basic, request.getHeaders().get("Authorization"));
    }

    @Test
    void apiTokenWriteScopeDoesNotImplyRead() {
        bitbucket.on("/2.0/user", json(200, USER, Headers.of("x-oauth-scopes",
                "read:user:bitbucket, write:repository:bitbucket, write:pullrequest:bitbucket")));

        Verdict verdict = cloud(EMAIL, TestTokens.atlassianApiToken());

        assertEquals(Status.MISSING_SCOPES, verdict.status());
        assertEquals(List.of("read:repository:bitbucket", "read:pullrequest:bitbucket"), verdict.missing());
        assertEquals("https://id.atlassian.com/manage-profile/security/api-tokens", verdict.fix().url());
    }

    @Test
    void apiTokenWithoutReadUserStillReportsItsScopes() {
        bitbucket.on("/2.0/user", json(403, "{\"type\":\"error\",\"error\":{\"message\":\"Forbidden\"}}",
                Headers.of("x-oauth-scopes", "read:repository:bitbucket, write:repository:bitbucket")));

        Verdict verdict = cloud(EMAIL, TestTokens.atlassianApiToken());

        assertEquals(Status.MISSING_SCOPES, verdict.status());
        assertTrue(verdict.missing().contains("read:user:bitbucket"));
    }

    @Test
    void noScopeHeaderIsUnverifiable() {
        bitbucket.on("/2.0/user", json(200, USER));

        Verdict verdict = cloud(EMAIL, TestTokens.atlassianApiToken());

        assertEquals(Status.UNVERIFIABLE, verdict.status());
        assertNull(verdict.granted());
    }

    @Test
    void invalidApiTokenIsRejected() {
        bitbucket.on("/2.0/user", json(401, "{\"type\": \"error\", \"error\": {\"message\": \"Token is invalid, expired,"
                + " or not supported for this endpoint.\"}}", Headers.of("WWW-Authenticate", "Basic realm=\"Bitbucket.org HTTP\"")));

        Verdict verdict = cloud(EMAIL, TestTokens.atlassianApiToken());

        assertEquals(Status.REJECTED, verdict.status());
        assertTrue(verdict.message().toString().contains("Token is invalid, expired, or not supported"), verdict.message().toString());
    }

    @Test
    void appPasswordAfterItsRemovalIsRejectedWithTheApiTokenReplacement() {
        bitbucket.on("/2.0/user", json(401, "{\"type\":\"error\",\"error\":{\"message\":\"Unauthorized\"}}"));

        Verdict verdict = cloud("jdoe", TestTokens.appPassword());

        assertEquals(Status.REJECTED, verdict.status());
        assertEquals(TokenKind.BITBUCKET_APP_PASSWORD, verdict.tokenKind());
        assertTrue(verdict.message().toString().contains("removed app passwords on 2026-07-28"), verdict.message().toString());
        assertEquals("https://id.atlassian.com/manage-profile/security/api-tokens", verdict.fix().url());
        assertTrue(verdict.fix().steps().stream().anyMatch(s -> s.toString().contains("read:repository:bitbucket")));
    }

    @Test
    void appPasswordStillAcceptedIsWarnedAndWriteImpliesRead() {
        bitbucket.on("/2.0/user", json(200, USER,
                Headers.of("x-oauth-scopes", "account, pullrequest:write")));

        Verdict verdict = cloud("jdoe", TestTokens.appPassword());

        assertEquals(Status.VALID, verdict.status(), verdict.message().toString());
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.toString().contains("2026-07-28")));
    }

    @Test
    void bitbucketUsernameRulesAreCheckedBeforeAnyRequest() {
        assertEquals(Status.INVALID_INPUT, cloud("jdoe", TestTokens.atlassianApiToken()).status());
        assertEquals(Status.INVALID_INPUT, cloud(EMAIL, TestTokens.appPassword()).status());
        assertEquals(Status.INVALID_INPUT, cloud(null, TestTokens.atlassianApiToken()).status());
        assertEquals(Status.INVALID_INPUT, cloud("ja:ne@example.com", TestTokens.atlassianApiToken()).status());
        assertEquals(Status.INVALID_INPUT, cloud("ja ne@example.com", TestTokens.atlassianApiToken()).status());
        assertEquals(Status.INVALID_INPUT, cloud("jane\u007f@example.com", TestTokens.atlassianApiToken()).status());
        assertTrue(cloud(" ", TestTokens.appPassword()).message().toString().contains("needs your Bitbucket username"));
        assertEquals(0, bitbucket.server().getRequestCount());
    }

    @Test
    void accessTokenReadsTheRepositoryWithBearer() throws Exception {
        String token = TestTokens.random("", 40);
        bitbucket.on("/2.0/repositories/acme/widgets", json(200, "{\"full_name\":\"acme/widgets\"}",
                Headers.of("x-oauth-scopes", "pullrequest:write", "x-credential-type", "repo_access_token")));

        Verdict verdict = verify(bitbucket.request(Provider.BITBUCKET, "/2.0", null, token).withRepository("acme/widgets"));

        assertEquals(Status.VALID, verdict.status(), verdict.message().toString());
        assertEquals(TokenKind.BITBUCKET_ACCESS_TOKEN, verdict.tokenKind());
        assertEquals("acme/widgets", verdict.account());
        assertEquals("Bearer " + token, bitbucket.onlyRequest().getHeaders().get("Authorization"));
    }

    @Test
    void accessTokenWithoutRepositoryIsKnownFromTheForbiddenUserAnswer() {
        bitbucket.on("/2.0/user", json(403, "{\"type\":\"error\",\"error\":{\"message\":\"Access denied\"}}",
                Headers.of("x-oauth-scopes", "repository", "x-credential-type", "repo_access_token")));

        Verdict verdict = cloud(null, TestTokens.random("", 40));

        assertEquals(Status.MISSING_SCOPES, verdict.status());
        assertEquals(List.of("repository:write", "pullrequest", "pullrequest:write"), verdict.missing());
        assertNull(verdict.fix().url(), "access tokens are made in the repository's settings");
        assertTrue(!verdict.fix().isEmpty() && verdict.fix().steps().get(0).toString().contains("Access tokens"), verdict.fix().toString());
    }

    @Test
    void dataCenterTokenIsUnverifiableWithItsUser() throws Exception {
        String token = TestTokens.bitbucketDataCenter();
        bitbucket.on("/rest/api/1.0/application-properties", json(200,
                "{\"version\":\"9.4.0\",\"buildNumber\":\"9004000\",\"displayName\":\"Bitbucket\"}",
                Headers.of("X-AUSERNAME", "jdoe")));

        Verdict verdict = verify(bitbucket.request(Provider.BITBUCKET_DC, "/rest/api/1.0", null, token));

        assertEquals(Status.UNVERIFIABLE, verdict.status());
        assertEquals(TokenKind.BITBUCKET_DC_HTTP_TOKEN, verdict.tokenKind());
        assertEquals("jdoe", verdict.account());
        assertEquals("Bearer " + token, bitbucket.onlyRequest().getHeaders().get("Authorization"));
        assertTrue(verdict.fix().url().endsWith("/plugins/servlet/access-tokens/manage"), verdict.fix().url());
    }

    @Test
    void dataCenterTokenThatCannotReadTheRepositoryIsForbidden() {
        bitbucket.on("/rest/api/1.0/application-properties", json(200, "{\"version\":\"9.4.0\"}"));
        bitbucket.on("/rest/api/1.0/projects/ACME/repos/widgets", json(404,
                "{\"errors\":[{\"context\":null,\"message\":\"Repository ACME/widgets does not exist.\"}]}"));

        Verdict verdict = verify(bitbucket.request(Provider.BITBUCKET_DC, "/rest/api/1.0", null,
                TestTokens.bitbucketDataCenter()).withRepository("ACME/widgets"));

        assertEquals(Status.FORBIDDEN, verdict.status());
        assertTrue(verdict.message().toString().contains("does not exist"), verdict.message().toString());
    }

    @Test
    void dataCenterRejectsAnInvalidToken() {
        bitbucket.on("/rest/api/1.0/application-properties", json(401, "{\"errors\":[{\"context\":null,\"message\":"
                + "\"Authentication failed. Please check your credentials and try again.\",\"exceptionName\":"
                + "\"com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException\"}]}"));

        Verdict verdict = verify(bitbucket.request(Provider.BITBUCKET_DC, "/rest/api/1.0", null, TestTokens.bitbucketDataCenter()));

        assertEquals(Status.REJECTED, verdict.status());
    }

    private Verdict dataCenter(String repository) {
        return verify(bitbucket.request(Provider.BITBUCKET_DC, "/rest/api/1.0", null, TestTokens.bitbucketDataCenter())
                .withRepository(repository));
    }

    @Test
    void dataCenterUrlThatIsNotABitbucketServerIsUnreachableNotForbidden() {
        Verdict verdict = dataCenter(null);

        assertEquals(Status.UNREACHABLE, verdict.status(), verdict.message().toString());
        assertTrue(verdict.message().toString().contains("Check the URL"), verdict.message().toString());
        assertTrue(verdict.fix().isEmpty());
    }

    @Test
    void dataCenterAnswerWithoutTheTokensUserIsNotTakenForAVerdict() {
        bitbucket.on("/rest/api/1.0/application-properties", json(200, "{\"version\":\"9.4.0\"}"));

        Verdict verdict = dataCenter(null);

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("does not answer as Bitbucket Data Center"), verdict.message().toString());
        assertTrue(verdict.message().toString().contains("give the repository"), verdict.message().toString());
    }

    @Test
    void dataCenterProjectTokenIsCheckedOnTheRepository() {
        bitbucket.on("/rest/api/1.0/application-properties", json(200, "{\"version\":\"9.4.0\"}"));
        bitbucket.on("/rest/api/1.0/projects/ACME/repos/widgets", json(200,
                "{\"slug\":\"widgets\",\"name\":\"widgets\",\"project\":{\"key\":\"ACME\"}}"));

        Verdict verdict = dataCenter("ACME/widgets");

        assertEquals(Status.UNVERIFIABLE, verdict.status(), verdict.message().toString());
        assertNull(verdict.account());
    }

    @Test
    void dataCenterRepositoryAnswerWithoutASlugIsNotBitbucket() {
        bitbucket.on("/rest/api/1.0/application-properties", json(200, "{}", Headers.of("X-AUSERNAME", "jdoe")));
        bitbucket.on("/rest/api/1.0/projects/ACME/repos/widgets", json(200, "{\"ok\":true}"));

        Verdict verdict = dataCenter("ACME/widgets");

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("does not answer as Bitbucket Data Center"), verdict.message().toString());
    }

    @Test
    void dataCenterRefusalsOfTheServerAndOtherAnswers() {
        bitbucket.on("/rest/api/1.0/application-properties", json(403, "{\"errors\":[{\"message\":\"Forbidden\"}]}"));
        assertEquals(Status.FORBIDDEN, dataCenter(null).status());

        bitbucket.on("/rest/api/1.0/application-properties", json(409, "{\"errors\":[{\"message\":\"Conflict\"}]}"));
        Verdict verdict = dataCenter(null);
        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("(\"Conflict\")"), verdict.message().toString());
    }

    @Test
    void successWithoutAnAccountIdIsNotBitbucketCloud() {
        bitbucket.on("/2.0/user", json(200, "{\"username\":\"jdoe\"}", Headers.of("x-oauth-scopes", API_TOKEN_SCOPES)));

        Verdict verdict = cloud(EMAIL, TestTokens.atlassianApiToken());

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("does not answer as Bitbucket Cloud"), verdict.message().toString());
        assertNull(verdict.account());
    }

    @Test
    void accountWithoutAUsernameIsNamedByItsDisplayName() {
        bitbucket.on("/2.0/user", json(200, "{\"uuid\":\"{1}\",\"display_name\":\"Jane Doe\"}",
                Headers.of("x-oauth-scopes", API_TOKEN_SCOPES)));

        assertEquals("Jane Doe", cloud(EMAIL, TestTokens.atlassianApiToken()).account());
    }

    @Test
    void repositoryAnswerWithoutItsNameIsNotBitbucketCloud() {
        bitbucket.on("/2.0/repositories/acme/widgets", json(200, "{\"type\":\"page\"}",
                Headers.of("x-oauth-scopes", "pullrequest:write")));

        Verdict verdict = verify(bitbucket.request(Provider.BITBUCKET, "/2.0", null, TestTokens.random("", 40))
                .withRepository("acme/widgets"));

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("does not answer as Bitbucket Cloud"), verdict.message().toString());
    }

    @Test
    void cloudForbiddenAndNotFoundWithoutScopesAreForbiddenForWhatWasAsked() {
        bitbucket.on("/2.0/user", json(403, "{\"type\":\"error\",\"error\":{\"message\":\"Your credentials lack one or"
                + " more required privilege scopes.\"}}"));
        Verdict user = cloud(EMAIL, TestTokens.atlassianApiToken());
        assertEquals(Status.FORBIDDEN, user.status());
        assertTrue(user.message().toString().contains("refuses it for this request (\"Your credentials lack"), user.message().toString());

        bitbucket.on("/2.0/repositories/acme/widgets", json(404, "{\"type\":\"error\",\"error\":{\"message\":"
                + "\"Repository acme/widgets not found\"}}"));
        Verdict repository = verify(bitbucket.request(Provider.BITBUCKET, "/2.0", null, TestTokens.random("", 40))
                .withRepository("acme/widgets"));
        assertEquals(Status.FORBIDDEN, repository.status());
        assertTrue(repository.message().toString().contains("the repository acme/widgets"), repository.message().toString());
    }

    @Test
    void cloudAnswerOfAnotherKindIsUnreachable() {
        bitbucket.on("/2.0/user", json(410, "{\"type\":\"error\",\"error\":{\"message\":\"Gone\"}}"));

        Verdict verdict = cloud(EMAIL, TestTokens.atlassianApiToken());

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("where the Bitbucket Cloud API was expected"), verdict.message().toString());
    }

    @Test
    void accessTokenWithoutRepositoryIsAskedForOne() {
        bitbucket.on("/2.0/user", json(403, "{\"type\":\"error\",\"error\":{\"message\":\"Access denied\"}}",
                Headers.of("x-credential-type", "workspace_access_token")));

        Verdict verdict = cloud(null, TestTokens.random("", 40));

        assertEquals(Status.UNVERIFIABLE, verdict.status(), verdict.message().toString());
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.toString().contains("give the repository")), verdict.warnings().toString());
    }

    @Test
    void refusedAppPasswordIsExplainedByTheDateOfTheCheck() {
        bitbucket.on("/2.0/user", json(401, "{\"type\":\"error\",\"error\":{\"message\":\"Unauthorized\"}}"));
        String[][] cases = {
            {"2026-06-15T00:00:00Z", "brownouts"},
            {"2026-01-15T00:00:00Z", "invalid or revoked, or the username is not the Bitbucket username"},
        };
        for (String[] c : cases) {
            ManualClock clock = new ManualClock(Instant.parse(c[0]));
            Verifier verifier = new Verifier(Http.defaultClient(), clock, new VerdictCache(Duration.ZERO, clock));
            String token = TestTokens.appPassword();

            Verdict verdict = verifier.verify(bitbucket.request(Provider.BITBUCKET, "/2.0", "jdoe", token));

            ProviderServer.assertSecretsAbsent(verdict, token, "jdoe");
            assertEquals(Status.REJECTED, verdict.status());
            assertTrue(verdict.message().toString().contains(c[1]), verdict.message().toString());
        }
    }

    @Test
    void refusedAccessTokenIsInvalidExpiredOrRevoked() {
        bitbucket.on("/2.0/user", json(401, "{\"type\":\"error\",\"error\":{\"message\":\"Unauthorized\"}}"));

        Verdict verdict = cloud(null, TestTokens.random("", 40));

        assertEquals(Status.REJECTED, verdict.status());
        assertTrue(verdict.message().toString().contains("invalid, expired or revoked"), verdict.message().toString());
    }

    @Test
    void accessTokenRefusedByTheRepositoryIsForbiddenEvenWithItsType() {
        bitbucket.on("/2.0/repositories/acme/widgets", json(403, "{\"type\":\"error\",\"error\":{\"message\":\"Forbidden\"}}",
                Headers.of("x-credential-type", "repo_access_token")));

        Verdict verdict = verify(bitbucket.request(Provider.BITBUCKET, "/2.0", null, TestTokens.random("", 40))
                .withRepository("acme/widgets"));

        assertEquals(Status.FORBIDDEN, verdict.status());
        assertTrue(verdict.message().toString().contains("the repository acme/widgets"), verdict.message().toString());
    }

    @Test
    void unprefixedTokenWithAUsernameLacksScopesWithTheApiTokenFix() {
        bitbucket.on("/2.0/user", json(200, USER, Headers.of("x-oauth-scopes", "repository")));

        Verdict verdict = cloud("jdoe", TestTokens.random("", 40));

        assertEquals(Status.MISSING_SCOPES, verdict.status());
        assertEquals(TokenKind.UNKNOWN, verdict.tokenKind());
        assertEquals("https://id.atlassian.com/manage-profile/security/api-tokens", verdict.fix().url());
    }
}
