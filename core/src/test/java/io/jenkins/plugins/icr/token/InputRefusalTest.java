package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Input that can never work is refused with a clear message, and no request leaves the machine. */
class InputRefusalTest {
    @RegisterExtension
    final ProviderServer server = new ProviderServer();

    private Verdict verify(Provider provider, String username, String token) {
        Verdict verdict = server.verifier().verify(server.request(provider, "/api", username, token));
        ProviderServer.assertTokenAbsent(verdict, token.strip());
        assertEquals(0, server.server().getRequestCount(), "no request for refused input");
        return verdict;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n", "\t \r\n"})
    void emptyTokenIsRefused(String token) {
        Verdict verdict = verify(Provider.GITHUB, null, token);
        assertEquals(Status.INVALID_INPUT, verdict.status());
        assertTrue(verdict.message().toString().contains("empty"), verdict.message().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\u00a0", "\u007f", "\u00e9"})
    void innerWhitespaceControlsAndNonAsciiAreRefused(String inside) {
        String token = TestTokens.githubClassic();
        Verdict verdict = verify(Provider.GITHUB, null, token.substring(0, 10) + inside + token.substring(10));
        assertEquals(Status.INVALID_INPUT, verdict.status());
        assertTrue(verdict.message().toString().contains("whitespace"));
    }

    @ParameterizedTest
    @CsvSource({
        "gitlab, group, GROUP/PROJECT",
        "bitbucket-dc, ACME/widgets/extra, PROJECT/repository",
        "bitbucket, acme, WORKSPACE/repository",
        "github, acme/.., OWNER/NAME",
        "github, acme/., OWNER/NAME",
        "gitlab, group/sub/pro ject, GROUP/PROJECT",
    })
    void repositoryOfTheWrongShapeIsRefusedWithTheShapeToUse(String provider, String repository, String shape) {
        Provider chosen = Provider.fromId(provider).orElseThrow();
        String token = chosen == Provider.BITBUCKET ? TestTokens.random("", 40) : chosen == Provider.BITBUCKET_DC
                ? TestTokens.bitbucketDataCenter() : chosen == Provider.GITLAB ? TestTokens.gitlab() : TestTokens.githubClassic();
        Verdict verdict = server.verifier().verify(server.request(chosen, "/api", null, token).withRepository(repository));
        assertEquals(Status.INVALID_INPUT, verdict.status());
        assertTrue(verdict.message().toString().contains("Write it as " + shape), verdict.message().toString());
        assertEquals(0, server.server().getRequestCount());
    }

    @Test
    void surroundingWhitespaceAndNewlinesAreTrimmedNotRefused() {
        server.on("/api/user", ProviderServer.json(200, "{\"login\":\"octocat\"}",
                okhttp3.Headers.of("X-OAuth-Scopes", "repo, workflow, notifications")));
        String token = TestTokens.githubClassic();

        Verdict verdict = server.verifier().verify(server.request(Provider.GITHUB, "/api", null, "  " + token + "\r\n"));

        assertEquals(Status.VALID, verdict.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gho_", "ghu_", "ghs_", "ghr_"})
    void githubTokenKindsThatCannotWorkAreRefused(String prefix) {
        Verdict verdict = verify(Provider.GITHUB, null, TestTokens.random(prefix, 36));
        assertEquals(Status.INVALID_INPUT, verdict.status());
        assertTrue(verdict.message().toString().contains(prefix));
    }

    @Test
    void tokenOfAnotherProviderIsRefused() {
        Verdict verdict = verify(Provider.GITHUB, null, TestTokens.gitlab());
        assertEquals(Status.INVALID_INPUT, verdict.status());
        assertTrue(verdict.message().toString().contains("looks like a GitLab token"), verdict.message().toString());
        assertEquals(Status.INVALID_INPUT, verify(Provider.GITLAB, null, TestTokens.githubClassic()).status());
        assertEquals(Status.INVALID_INPUT, verify(Provider.BITBUCKET_DC, null, TestTokens.atlassianApiToken()).status());
    }

    @Test
    void malformedRepositoryIsRefused() {
        Verdict verdict = server.verifier().verify(
                server.request(Provider.GITHUB, "/api", null, TestTokens.githubClassic()).withRepository("../../admin"));
        assertEquals(Status.INVALID_INPUT, verdict.status());
        Verdict pasted = server.verifier().verify(server.request(Provider.GITHUB, "/api", null, TestTokens.githubClassic())
                .withRepository("https://x:secretsecret@github.com/acme/widgets.git"));
        assertEquals(Status.INVALID_INPUT, pasted.status());
        assertFalse(pasted.message().toString().contains("secretsecret"), pasted.message().toString());
        assertEquals(0, server.server().getRequestCount());
    }

    @Test
    void longTokensAreNeverRefusedForTheirLength() throws Exception {
        assertEquals(TokenKind.GITHUB_CLASSIC, TokenKind.classify(Provider.GITHUB, Token.of(TestTokens.random("ghp_", 251)), null));
        assertEquals(TokenKind.GITLAB_PAT, TokenKind.classify(Provider.GITLAB, Token.of(TestTokens.random("glpat-", 300) + ".01.1203afake"), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://api.github.com",
        "ftp://github.example.com",
        "https://user:secret@github.example.com",
        "https://github.example.com/?token=1",
        "https://github.example.com/#x",
        "https://169.254.169.254/latest/meta-data",
        "https://[fe80::1]/api/v3",
        "https://[fd00:ec2::254]/",
        "https://100.100.100.200/",
        "https://metadata.google.internal/computeMetadata/v1",
        "https://0.0.0.0/",
        "not a url",
        "https:///nohost",
        "https://github.example.com:99999/",
        "github.example.com/api/v3",
        "https://user:secret@github.example.com/ with space",
        "   "
    })
    void disallowedUrlsAreRefused(String url) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> Endpoint.fromApi(Provider.GITHUB, url, EndpointPolicy.httpsOnly()));
        assertFalse(refused.getMessage().isBlank());
        assertFalse(refused.getMessage().contains("secret"), "userinfo is not echoed: " + refused.getMessage());
    }

    @Test
    void missingUrlIsRefused() {
        assertThrows(InvalidInputException.class, () -> EndpointPolicy.httpsOnly().check(null));
    }

    @Test
    void plainHttpOnlyWhenAllowed() throws Exception {
        assertEquals("http", Endpoint.fromApi(Provider.GITLAB, "http://127.0.0.1:8080/api/v4", EndpointPolicy.allowingHttp()).api().scheme());
    }

    @Test
    void bitbucketDataCenterNeedsAServer() {
        assertThrows(InvalidInputException.class, () -> Endpoint.publicService(Provider.BITBUCKET_DC));
    }
}
