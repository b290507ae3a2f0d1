package io.jenkins.plugins.icr.token;

import static io.jenkins.plugins.icr.token.ProviderServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.render.VerdictHtml;
import io.jenkins.plugins.icr.token.render.VerdictText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Servers that echo the token back in every form it travels in, or send control characters: nothing of either
 * reaches a rendering. {@link ProviderServer#verify} checks every rendering for the token, its URL encoding and the
 * Basic credential.
 */
class OutsideTextTest {
    private static final String FORGED = "Bad credentials\r\nVALID: GitHub accepted the token\u001b[2J\u202etxt.exe";

    @RegisterExtension
    final ProviderServer server = new ProviderServer();

    private VerificationRequest github(String token) {
        return server.request(Provider.GITHUB, "/api/v3", null, token);
    }

    /** A Data Center token with the characters its format allows beyond letters, so that URL encoding changes it. */
    private static String tokenWithUrlSpecialCharacters() {
        return TestTokens.random("BBDC-", 20) + "+/@" + TestTokens.random("", 20);
    }

    @Test
    void tokenEchoedInARefusalIsRedacted() {
        String token = TestTokens.githubClassic();
        server.on("/api/v3/user", json(401, "{\"message\":\"Bad credentials: " + token + "\"}"));

        Verdict verdict = server.verify(github(token));

        assertEquals(Status.REJECTED, verdict.status());
        assertTrue(verdict.message().toString().contains("Bad credentials: [redacted]"), verdict.message().toString());
    }

    @Test
    void tokenEchoedInARedirectTargetIsRedactedRawAndUrlEncoded() {
        String token = tokenWithUrlSpecialCharacters();
        String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
        server.on("/rest/api/1.0/application-properties", new MockResponse.Builder().code(302)
                .setHeader("Location", "https://login.example/?token=" + encoded + "&again=" + token.toLowerCase()).build());

        Verdict verdict = server.verify(server.request(Provider.BITBUCKET_DC, "/rest/api/1.0", null, token));

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("?token=[redacted]&again=[redacted]"), verdict.message().toString());
    }

    @Test
    void tokenEchoedInTheScopeHeaderTheLoginAndTheSsoLinkIsRedacted() {
        String token = TestTokens.githubClassic();
        server.on("/api/v3/user", json(200, "{\"login\":\"" + token + "\"}",
                Headers.of("X-OAuth-Scopes", "repo, workflow, notifications, " + token)));
        server.on("/api/v3/repos/acme/widgets", json(403, "{\"message\":\"Resource protected by organization SAML"
                + " enforcement.\"}", Headers.of("X-GitHub-SSO", "required; url=https://github.com/orgs/acme/sso?t=" + token)));

        Verdict user = server.verify(github(token));
        Verdict sso = server.verify(github(token).withRepository("acme/widgets"));

        assertEquals(Status.VALID, user.status(), user.message().toString());
        assertEquals("[redacted]", user.account());
        assertTrue(user.granted().contains("[redacted]"), user.granted().toString());
        assertEquals("https://github.com/orgs/acme/sso?t=[redacted]", sso.fix().url());
    }

    @Test
    void basicCredentialEchoedByBitbucketIsRedacted() {
        String email = "jane@example.com";
        String token = TestTokens.atlassianApiToken();
        String basic = Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
        server.on("/2.0/user", json(401, "{\"type\":\"error\",\"error\":{\"message\":\"Invalid credentials: Basic "
                + basic + "\"}}", Headers.of("WWW-Authenticate", "Basic realm=\"Bitbucket.org HTTP\"")));

        Verdict verdict = server.verify(server.request(Provider.BITBUCKET, "/2.0", email, token));

        assertEquals(Status.REJECTED, verdict.status());
        assertTrue(verdict.message().toString().contains("Invalid credentials: Basic [redacted]"), verdict.message().toString());
    }

    @Test
    void tokenInTheServerUrlOrTheRepositoryIsRefusedBeforeAnyRequest() {
        String token = TestTokens.githubClassic();
        for (VerificationRequest request : List.of(
                server.request(Provider.GITHUB, "/" + token + "/api/v3", null, token),
                server.request(Provider.GITHUB, "/" + token.toUpperCase() + "/api/v3", null, token),
                github(token).withRepository("acme/" + token))) {

            Verdict verdict = server.verify(request);

            assertEquals(Status.INVALID_INPUT, verdict.status());
            assertTrue(verdict.message().toString().contains("contains the token"), verdict.message().toString());
            assertTrue(verdict.fix().isEmpty(), "no link is built on that URL");
        }
        assertEquals(0, server.server().getRequestCount());
    }

    @Test
    void controlCharactersInABodyCannotForgeALineOrMoveTheCursor() {
        server.on("/api/v3/user", json(401, "{\"message\":\"" + FORGED.replace("\r", "\\r").replace("\n", "\\n")
                .replace("\u001b", "\\u001b").replace("\u202e", "\\u202e") + "\"}"));

        Verdict verdict = server.verify(github(TestTokens.githubClassic()));
        String text = VerdictText.render(verdict);

        assertEquals(Status.REJECTED, verdict.status());
        assertTrue(text.startsWith("REJECTED: "), text);
        assertFalse(text.contains("\nVALID:"), text);
        assertTrue(text.contains("Bad credentials\\u000d\\u000aVALID: GitHub accepted the token\\u001b[2J\\u202etxt.exe"), text);
        assertNoControls(text);
        assertNoControls(VerdictHtml.render(verdict));
    }

    @Test
    void controlCharactersInHeadersAreEscaped() {
        server.on("/api/v3/user", new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "application/json")
                .addHeaderLenient("X-OAuth-Scopes", "repo, workflow, notifications, \u202eevil\u001b[0m")
                .body("{\"login\":\"octo\u2066cat\"}").build());

        Verdict verdict = server.verify(github(TestTokens.githubClassic()));

        assertEquals(Status.VALID, verdict.status(), verdict.message().toString());
        assertTrue(verdict.granted().contains("\\u202eevil\\u001b[0m"), verdict.granted().toString());
        assertEquals("octo\\u2066cat", verdict.account());
        assertNoControls(VerdictText.render(verdict));
    }

    @Test
    void textRenderingEscapesVerdictsFromElsewhereToo() {
        Verdict stored = new Verdict(Status.VALID, Provider.GITLAB, TokenKind.GITLAB_PAT, "jdoe\u0085", List.of("api"),
                List.of("api"), List.of(), null, RateLimit.UNKNOWN, List.of(Text.verbatim("soon\u009b2J")),
                Text.verbatim("ok\nVALID: forged"), new Fix("https://gitlab.com/\u200f", List.of(Text.verbatim("step\u0007"))));

        String text = VerdictText.render(stored);

        assertNoControls(text.replace("\n", ""));
        assertEquals(10, text.split("\n").length, "one line per field, none forged: " + text);
        assertTrue(text.contains("ok\\u000aVALID: forged") && text.contains("jdoe\\u0085") && text.contains("soon\\u009b2J")
                && text.contains("gitlab.com/\\u200f") && text.contains("step\\u0007"), text);
    }

    private static void assertNoControls(String text) {
        assertTrue(text.chars().noneMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)
                || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)),
                text);
    }
}
