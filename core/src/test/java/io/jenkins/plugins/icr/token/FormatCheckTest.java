package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.Status.Severity;
import org.junit.jupiter.api.Test;

/** The checks a credential form runs as the admin types: no request, a message that says what to do. */
class FormatCheckTest {
    @Test
    void recognisedTokenIsNamed() {
        String token = TestTokens.githubClassic();
        FormatCheck check = FormatCheck.token(Provider.GITHUB, token, null);
        assertEquals(Severity.OK, check.severity());
        assertEquals("Looks like a GitHub personal access token (classic).", check.message().toString());
        assertFalse(check.message().toString().contains(token));
    }

    @Test
    void paddingIsAnnouncedAsRemoved() {
        FormatCheck check = FormatCheck.token(Provider.GITLAB, " " + TestTokens.gitlab() + "\n", null);
        assertEquals(Severity.OK, check.severity());
        assertTrue(check.message().toString().contains("will be removed"));
    }

    @Test
    void tokensThatCanNeverWorkAreErrors() {
        assertEquals(Severity.ERROR, FormatCheck.token(Provider.GITHUB, TestTokens.random("ghs_", 36), null).severity());
        assertEquals(Severity.ERROR, FormatCheck.token(Provider.BITBUCKET, TestTokens.gitlab(), null).severity());
        assertEquals(Severity.ERROR, FormatCheck.token(Provider.GITHUB, "", null).severity());
    }

    @Test
    void appPasswordIsWarnedAsRemoved() {
        FormatCheck check = FormatCheck.token(Provider.BITBUCKET, TestTokens.appPassword(), "jdoe");
        assertEquals(Severity.WARNING, check.severity());
        assertTrue(check.message().toString().contains("2026-07-28"));
    }

    @Test
    void usernameFieldSaysWhatTheTokenKindNeeds() {
        String apiToken = TestTokens.atlassianApiToken();
        assertEquals(Severity.ERROR, FormatCheck.username(Provider.BITBUCKET, apiToken, "jdoe").severity());
        FormatCheck email = FormatCheck.username(Provider.BITBUCKET, apiToken, "jane@example.com");
        assertEquals(Severity.OK, email.severity());
        assertTrue(email.message().toString().contains("x-bitbucket-api-token-auth"));
        assertEquals(Severity.ERROR, FormatCheck.username(Provider.BITBUCKET, TestTokens.appPassword(), "jane@example.com").severity());
        assertEquals("Optional: the username given to git, now x-access-token.",
                FormatCheck.username(Provider.GITHUB, TestTokens.githubClassic(), "").message().toString());
        assertTrue(FormatCheck.username(Provider.BITBUCKET, TestTokens.random("", 40), "").message().toString().contains("x-token-auth"));
    }

    @Test
    void gitUsernameFollowsTheProviderAndKind() {
        assertEquals("x-access-token", GitUsername.of(Provider.GITHUB, TokenKind.GITHUB_CLASSIC, ""));
        assertEquals("octocat", GitUsername.of(Provider.GITHUB, TokenKind.GITHUB_CLASSIC, "octocat"));
        assertEquals("oauth2", GitUsername.of(Provider.GITLAB, TokenKind.GITLAB_PAT, null));
        assertEquals("x-bitbucket-api-token-auth", GitUsername.of(Provider.BITBUCKET, TokenKind.BITBUCKET_API_TOKEN, "jane@example.com"));
        assertEquals("x-token-auth", GitUsername.of(Provider.BITBUCKET, TokenKind.BITBUCKET_ACCESS_TOKEN, ""));
        assertEquals("jdoe", GitUsername.of(Provider.BITBUCKET_DC, TokenKind.BITBUCKET_DC_HTTP_TOKEN, "jdoe"));
    }

    @Test
    void severityFollowsTheStatus() {
        assertEquals(Severity.OK, Status.VALID.severity());
        assertEquals(Severity.WARNING, Status.UNVERIFIABLE.severity());
        assertEquals(Severity.WARNING, Status.UNREACHABLE.severity());
        assertEquals(Severity.ERROR, Status.MISSING_SCOPES.severity());
        assertEquals(Severity.ERROR, Status.REJECTED.severity());
    }
}
