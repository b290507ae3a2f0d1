package io.jenkins.plugins.icr.token;

import static io.jenkins.plugins.icr.token.ProviderServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.render.VerdictText;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GitLabVerificationTest {
    private static final String USER = "{\"id\":3,\"username\":\"jdoe\",\"name\":\"Jane Doe\"}";

    @RegisterExtension
    final ProviderServer gitlab = new ProviderServer();

    private static String self(String scopes, String expiresAt) {
        return "{\"id\":4,\"name\":\"iCR Jenkins\",\"revoked\":false,\"created_at\":\"2026-07-23T14:31:47.729Z\","
                + "\"description\":\"\",\"scopes\":" + scopes + ",\"user_id\":3,\"last_used_at\":null,\"active\":true,"
                + "\"expires_at\":" + (expiresAt == null ? "null" : "\"" + expiresAt + "\"") + "}";
    }

    private Verdict verify(String token) {
        return verify(gitlab.request(Provider.GITLAB, "/api/v4", null, token));
    }

    private Verdict verify(VerificationRequest request) {
        return gitlab.verify(request);
    }

    @Test
    void apiScopeIsValidWithUsernameAndExpiryFromTwoParallelRequests() throws Exception {
        String token = TestTokens.gitlab();
        gitlab.on("/api/v4/personal_access_tokens/self", json(200, self("[\"api\"]", "2027-06-01"),
                Headers.of("RateLimit-Remaining", "1999")));
        gitlab.on("/api/v4/user", json(200, USER));

        Verdict verdict = verify(token);

        assertEquals(Status.VALID, verdict.status());
        assertEquals(TokenKind.GITLAB_PAT, verdict.tokenKind());
        assertEquals("jdoe", verdict.account());
        assertEquals(List.of("api"), verdict.granted());
        assertEquals(Instant.parse("2027-06-01T00:00:00Z"), verdict.expiresAt(), "midnight UTC of the date");
        assertEquals(1999, verdict.rateLimitRemaining());
        List<RecordedRequest> requests = gitlab.requests();
        assertEquals(Set.of("/api/v4/personal_access_tokens/self", "/api/v4/user"),
                requests.stream().map(r -> r.getUrl().encodedPath()).collect(Collectors.toSet()));
        for (RecordedRequest request : requests) {
            assertEquals(token, request.getHeaders().get("PRIVATE-TOKEN"));
            assertNull(request.getHeaders().get("Authorization"));
        }
    }

    @Test
    void readRepositoryAloneLacksApi() {
        gitlab.on("/api/v4/personal_access_tokens/self", json(200, self("[\"read_repository\"]", "2027-06-01")));
        gitlab.on("/api/v4/user", json(403, "{\"error\":\"insufficient_scope\",\"error_description\":\"The request requires"
                + " higher privileges than provided by the access token.\",\"scope\":\"api read_api read_user\"}"));

        Verdict verdict = verify(TestTokens.gitlab());

        assertEquals(Status.MISSING_SCOPES, verdict.status());
        assertEquals(List.of("api"), verdict.missing());
        assertEquals("user #3", verdict.account(), "the user id stands in for the username");
        assertTrue(verdict.fix().url().contains("/-/user_settings/personal_access_tokens?name=iCR%20Jenkins&scopes=api"),
                verdict.fix().url());
    }

    @Test
    void apiIncludesRepositoryAccessButReadApiDoesNotIncludeApi() {
        gitlab.on("/api/v4/personal_access_tokens/self", json(200, self("[\"api\"]", null)));
        gitlab.on("/api/v4/user", json(200, USER));
        Verdict broad = verify(gitlab.request(Provider.GITLAB, "/api/v4", null, TestTokens.gitlab())
                .withRequired(List.of("read_api", "read_repository", "write_repository")));
        assertEquals(Status.VALID, broad.status());

        gitlab.on("/api/v4/personal_access_tokens/self", json(200, self("[\"read_api\",\"write_repository\"]", null)));
        Verdict narrow = verify(TestTokens.gitlab());
        assertEquals(Status.MISSING_SCOPES, narrow.status());
        assertEquals(List.of("api"), narrow.missing());
    }

    @Test
    void expiringTokenIsWarned() {
        gitlab.on("/api/v4/personal_access_tokens/self", json(200, self("[\"api\",\"sudo\"]", "2026-12-10")));
        gitlab.on("/api/v4/user", json(200, USER));

        Verdict verdict = verify(TestTokens.gitlab());

        assertEquals(Status.VALID, verdict.status());
        assertEquals(Instant.parse("2026-12-10T00:00:00Z"), verdict.expiresAt());
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.toString().contains("expires soon")), verdict.warnings().toString());
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.toString().contains("sudo")), "over-broad sudo warned");
    }

    @Test
    void expiredRevokedAndUnknownTokensAreRejectedWithTheReason() {
        String[][] cases = {
            {"Token is expired. You can either do re-authorization or token refresh.", "has expired"},
            {"Token was revoked. You have to re-authorize from the user.", "was revoked"},
            {"Bad Access Token.", "invalid, expired or revoked"},
        };
        for (String[] c : cases) {
            gitlab.on("/api/v4/personal_access_tokens/self", json(401,
                    "{\"error\":\"invalid_token\",\"error_description\":\"" + c[0] + "\"}",
                    Headers.of("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"")));
            gitlab.on("/api/v4/user", json(401, "{\"message\":\"401 Unauthorized\"}"));

            Verdict verdict = verify(TestTokens.gitlab());

            assertEquals(Status.REJECTED, verdict.status());
            assertTrue(verdict.message().toString().contains(c[1]), verdict.message().toString());
        }
    }

    @Test
    void selfManagedServerGetsOneBearerRetryWhenAProxyDropsTheHeader() throws Exception {
        String token = TestTokens.gitlab();
        gitlab.server().setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(RecordedRequest request) {
                if (request.getHeaders().get("Authorization") == null) {
                    return json(401, "{\"message\":\"401 Unauthorized\"}");
                }
                return request.getUrl().encodedPath().endsWith("/self")
                        ? json(200, self("[\"api\"]", null))
                        : json(200, USER);
            }
        });

        Verdict verdict = verify(token);

        assertEquals(Status.VALID, verdict.status());
        assertEquals("jdoe", verdict.account());
        List<RecordedRequest> requests = gitlab.requests();
        assertEquals(4, requests.size());
        assertTrue(requests.stream().anyMatch(r -> ("Bearer " + token).equals(r.getHeaders().get("Authorization"))));
    }

    @Test
    void serverOlderThan15Point5IsVerifiedByUserWithScopesUnknown() {
        gitlab.on("/api/v4/user", json(200, USER));

        Verdict verdict = verify(TestTokens.gitlab());

        assertEquals(Status.UNVERIFIABLE, verdict.status());
        assertEquals("jdoe", verdict.account());
        assertNull(verdict.granted());
        assertTrue(verdict.message().toString().contains("older than 15.5"), verdict.message().toString());
    }

    @Test
    void anotherKindOfTokenIsToldApartFromAnInvalidOneWithTheFix() {
        gitlab.on("/api/v4/personal_access_tokens/self",
                json(400, "{\"message\":\"400 Bad request - This endpoint requires token type to be a personal access token\"}"));
        gitlab.on("/api/v4/user", json(200, USER));

        Verdict verdict = verify(TestTokens.random("", 64));

        assertEquals(Status.REJECTED, verdict.status());
        assertTrue(verdict.message().toString().startsWith("GitLab authenticates this token, but it is another kind of token than a"
                + " personal, project or group access token (an OAuth token, for example)"), verdict.message().toString());
        assertTrue(verdict.message().toString().contains("create a personal access token"), verdict.message().toString());
        assertFalse(VerdictText.render(verdict).contains("invalid, expired or revoked"), VerdictText.render(verdict));
        assertTrue(verdict.fix().url().contains("/-/user_settings/personal_access_tokens"), verdict.fix().url());
    }

    @Test
    void writeRepositoryIncludesReadRepository() {
        gitlab.on("/api/v4/personal_access_tokens/self", json(200, self("[\"write_repository\"]", null)));
        gitlab.on("/api/v4/user", json(403, "{\"error\":\"insufficient_scope\"}"));

        Verdict verdict = verify(gitlab.request(Provider.GITLAB, "/api/v4", null, TestTokens.gitlab())
                .withRequired(List.of("read_repository", "write_repository")));

        assertEquals(Status.VALID, verdict.status(), verdict.message().toString());
    }

    @Test
    void writeRegistryDoesNotIncludeReadRegistry() {
        gitlab.on("/api/v4/personal_access_tokens/self", json(200, self("[\"write_registry\"]", null)));
        gitlab.on("/api/v4/user", json(200, USER));

        Verdict verdict = verify(gitlab.request(Provider.GITLAB, "/api/v4", null, TestTokens.gitlab())
                .withRequired(List.of("read_registry")));

        assertEquals(Status.MISSING_SCOPES, verdict.status());
    }

    @Test
    void successesWithoutTheIdentityGitLabSendsAreNotGitLab() {
        String[][] cases = {
            // /self answers without scopes
            {"{\"id\":4,\"active\":true}", USER},
            // /self fine, /user answers without a username
            {self("[\"api\"]", null), "{\"id\":3}"},
            // an old server (no /self) whose /user has no username
            {null, "{\"name\":\"Jane\"}"},
        };
        for (String[] c : cases) {
            if (c[0] == null) {
                gitlab.on("/api/v4/personal_access_tokens/self", json(404, "{\"message\":\"404 Not Found\"}"));
            } else {
                gitlab.on("/api/v4/personal_access_tokens/self", json(200, c[0]));
            }
            gitlab.on("/api/v4/user", json(200, c[1]));

            Verdict verdict = verify(TestTokens.gitlab());

            assertEquals(Status.UNREACHABLE, verdict.status(), String.join(" / ", java.util.Arrays.asList(c)));
            assertTrue(verdict.message().toString().contains("does not answer as GitLab"), verdict.message().toString());
        }
    }

    @Test
    void unparseableExpiryDateIsANote() {
        gitlab.on("/api/v4/personal_access_tokens/self", json(200, self("[\"api\"]", "someday")));
        gitlab.on("/api/v4/user", json(200, USER));

        Verdict verdict = verify(TestTokens.gitlab());

        assertEquals(Status.VALID, verdict.status());
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.toString().contains("'someday', not a date")), verdict.warnings().toString());
    }

    @Test
    void unknownServerAnswersAreUnreachable() {
        gitlab.on("/api/v4/personal_access_tokens/self", json(418, "{\"message\":\"I'm a teapot\"}"));
        gitlab.on("/api/v4/user", json(418, "{}"));
        assertEquals(Status.UNREACHABLE, verify(TestTokens.gitlab()).status());

        gitlab.on("/api/v4/personal_access_tokens/self", json(404, "{\"message\":\"404 Not Found\"}"));
        gitlab.on("/api/v4/user", json(404, "{\"message\":\"404 Not Found\"}"));
        Verdict verdict = verify(TestTokens.gitlab());
        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("has no GitLab API"), verdict.message().toString());
    }

    @Test
    void revokedFlagInTheBodyIsRejected() {
        gitlab.on("/api/v4/personal_access_tokens/self", json(200, self("[\"api\"]", null).replace("\"revoked\":false", "\"revoked\":true")));
        gitlab.on("/api/v4/user", json(200, USER));

        assertEquals(Status.REJECTED, verify(TestTokens.gitlab()).status());
    }

    @Test
    void tooManyFailedAttemptsIsForbidden() {
        gitlab.on("/api/v4/personal_access_tokens/self", json(403, "{\"message\":\"403 Forbidden\"}"));
        gitlab.on("/api/v4/user", json(403, "{\"message\":\"403 Forbidden\"}"));

        assertEquals(Status.FORBIDDEN, verify(TestTokens.gitlab()).status());
    }

    @Test
    void rateLimit429IsRateLimited() {
        gitlab.on("/api/v4/personal_access_tokens/self", json(429, "{\"message\":\"Retry later\"}",
                Headers.of("Retry-After", "30", "RateLimit-Remaining", "0")));
        gitlab.on("/api/v4/user", json(429, "{\"message\":\"Retry later\"}"));

        Verdict verdict = verify(TestTokens.gitlab());

        assertEquals(Status.RATE_LIMITED, verdict.status());
        assertEquals(0, verdict.rateLimitRemaining());
    }

    @Test
    void nonApiTokenKindsAreRefusedBeforeAnyRequest() {
        for (String prefix : List.of("gldt-", "glrt-", "glptt-", "glcbt-", "glft-", "gloas-")) {
            Verdict verdict = verify(TestTokens.random(prefix, 20));
            assertEquals(Status.INVALID_INPUT, verdict.status(), prefix);
            assertTrue(verdict.message().toString().contains(prefix), verdict.message().toString());
        }
        assertEquals(0, gitlab.server().getRequestCount());
    }

    @Test
    void impersonationTokenAndAnHtmlRefusalAreToldApart() {
        gitlab.on("/api/v4/personal_access_tokens/self", json(401, "{\"error\":\"invalid_token\",\"error_description\":"
                + "\"Token is an impersonation token but impersonation was disabled.\"}"));
        gitlab.on("/api/v4/user", json(401, "{\"message\":\"401 Unauthorized\"}"));
        assertTrue(verify(TestTokens.gitlab()).message().toString().contains("impersonation is disabled on this server"));

        gitlab.on("/api/v4/personal_access_tokens/self", new mockwebserver3.MockResponse.Builder().code(401)
                .setHeader("Content-Type", "text/html").body("<html>Unauthorized</html>").build());
        Verdict html = verify(TestTokens.gitlab());
        assertEquals(Status.REJECTED, html.status());
        assertEquals("GitLab refused the token: it is invalid, expired or revoked.", html.message().toString());
    }

    @Test
    void inactiveTokenIsRejectedAsExpired() {
        gitlab.on("/api/v4/personal_access_tokens/self", json(200, self("[\"api\"]", "2026-11-01").replace("\"active\":true", "\"active\":false")));
        gitlab.on("/api/v4/user", json(200, USER));

        Verdict verdict = verify(TestTokens.gitlab());

        assertEquals(Status.REJECTED, verdict.status());
        assertEquals("GitLab reports the token as inactive (expired).", verdict.message().toString());
    }
}
