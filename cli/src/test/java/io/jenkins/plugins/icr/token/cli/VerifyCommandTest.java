package io.jenkins.plugins.icr.token.cli;

import static io.jenkins.plugins.icr.token.ProviderServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract end to end, in process: options, exit codes, JSON fields, and no token in any output. */
class VerifyCommandTest {
    @RegisterExtension
    final ProviderServer github = new ProviderServer();

    private final String token = TestTokens.githubClassic();

    private record Run(int exit, String out, String err) {}

    private Run run(String stdin, String... args) {
        return run(Map.of("TOKEN", token), stdin, args);
    }

    private Run run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                github.verifier());
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(run.out().contains(token) || run.err().contains(token), "the token leaked: " + run);
        return run;
    }

    private Run verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "--api-url", github.server().url("/api/v3").toString(),
                "--allow-http", "--token-env", "TOKEN"));
        args.addAll(List.of(extra));
        return run("", args.toArray(String[]::new));
    }

    private static JsonNode parse(String out) throws Exception {
        return new ObjectMapper().readTree(out);
    }

    @Test
    void validTokenExitsZeroWithEveryJsonField() throws Exception {
        github.on("/api/v3/user", json(200, "{\"login\":\"octocat\"}", Headers.of(
                "X-OAuth-Scopes", "repo, workflow, notifications", "x-ratelimit-remaining", "4999",
                "github-authentication-token-expiration", "2027-10-12 09:00:00 UTC")));

        Run run = verify("--format", "json");

        assertEquals(0, run.exit(), run.toString());
        JsonNode json = parse(run.out());
        assertEquals(List.of("status", "provider", "tokenType", "account", "grantedScopes", "requiredScopes",
                "missingScopes", "expiresAt", "warnings", "message", "fixUrl", "rateLimitRemaining"),
                iterable(json.fieldNames()));
        assertEquals("VALID", json.get("status").asText());
        assertEquals("github", json.get("provider").asText());
        assertEquals("github-classic", json.get("tokenType").asText());
        assertEquals("octocat", json.get("account").asText());
        assertEquals("2027-10-12T09:00:00Z", json.get("expiresAt").asText());
        assertEquals(4999, json.get("rateLimitRemaining").asInt());
        assertTrue(json.get("fixUrl").isNull());
    }

    @Test
    void exitCodesFollowTheStatus() {
        github.on("/api/v3/user", json(200, "{\"login\":\"octocat\"}", Headers.of("X-OAuth-Scopes", "repo")));
        assertEquals(3, verify().exit(), "MISSING_SCOPES");
        github.on("/api/v3/user", json(401, "{\"message\":\"Bad credentials\"}"));
        assertEquals(4, verify().exit(), "REJECTED");
        github.on("/api/v3/user", json(403, "{\"message\":\"blocked\"}"));
        assertEquals(5, verify().exit(), "FORBIDDEN");
        github.on("/api/v3/user", json(429, "{\"message\":\"slow down\"}"));
        assertEquals(6, verify().exit(), "RATE_LIMITED");
        github.on("/api/v3/user", json(500, "{\"message\":\"oops\"}"));
        assertEquals(6, verify().exit(), "UNREACHABLE");
    }

    @Test
    void fineGrainedTokenFromAFileIsUnverifiableExitOne(@TempDir Path dir) throws Exception {
        github.on("/api/v3/user", json(200, "{\"login\":\"octocat\"}"));
        Path file = dir.resolve("token.txt");
        Files.writeString(file, TestTokens.githubFineGrained() + "\n");
        Run run = run("", "verify", "--api-url", github.server().url("/api/v3").toString(), "--allow-http",
                "--token-file", file.toString(), "--format", "json");
        assertEquals(1, run.exit(), run.toString());
        assertEquals("github-fine-grained", parse(run.out()).get("tokenType").asText());
        assertTrue(parse(run.out()).get("grantedScopes").isNull());
    }

    @Test
    void requireReplacesTheDefaultRequirement() throws Exception {
        github.on("/api/v3/user", json(200, "{\"login\":\"octocat\"}", Headers.of("X-OAuth-Scopes", "repo")));

        Run run = verify("--require", "repo:status,public_repo", "--format", "json");

        assertEquals(0, run.exit(), run.toString());
        assertEquals("[\"repo:status\",\"public_repo\"]", parse(run.out()).get("requiredScopes").toString());
    }

    @Test
    void tokenFromStdinIsTrimmedAndProviderComesFromThePrefix() throws Exception {
        github.on("/api/v3/user", json(200, "{\"login\":\"octocat\"}", Headers.of("X-OAuth-Scopes", "repo, workflow, notifications")));

        Run run = run("  " + token + "\r\n", "verify", "--api-url", github.server().url("/api/v3").toString(),
                "--allow-http", "--token-stdin");

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("VALID: "), run.out());
        assertTrue(run.out().contains("octocat"));
    }

    @Test
    void tokenOnTheCommandLineIsRefusedWithoutEchoingIt() {
        Run named = run("", "verify", "--token", token);
        assertEquals(2, named.exit());
        assertTrue(named.err().contains("--token is refused"), named.err());

        Run stray = run("", "verify", "--token-env", "TOKEN", token);
        assertEquals(2, stray.exit());
        assertTrue(stray.err().contains("not shown"), stray.err());

        Run glued = run("", "verify", "--token=" + token, "--token-env", "TOKEN");
        assertEquals(2, glued.exit());
        assertEquals(0, github.server().getRequestCount());
    }

    @Test
    void usageErrorsExitTwoWithoutARequest() {
        assertEquals(2, run("", "verify", "--api-url", "https://api.github.com").exit(), "no token source");
        assertEquals(2, run("", "verify", "--token-env", "TOKEN", "--token-stdin").exit(), "two token sources");
        assertEquals(2, run("", "verify", "--token-env", "UNSET").exit(), "unset variable");
        assertEquals(2, verify("--format", "xml").exit());
        assertEquals(2, verify("--timeout", "zero").exit());
        assertEquals(2, run("", "verify", "--token-env", "TOKEN", "--server", "https://a.example", "--api-url", "https://b.example").exit());
        assertEquals(0, github.server().getRequestCount());
    }

    @Test
    void invalidInputIsAVerdictWithExitTwo() throws Exception {
        Run run = run("", "verify", "--token-env", "TOKEN", "--api-url", "https://169.254.169.254/", "--format", "json");
        assertEquals(2, run.exit(), run.toString());
        assertEquals("INVALID_INPUT", parse(run.out()).get("status").asText());
        Run http = run("", "verify", "--token-env", "TOKEN", "--api-url", github.server().url("/api/v3").toString());
        assertEquals(2, http.exit(), "plain http needs --allow-http");
        assertEquals(0, github.server().getRequestCount());
    }

    @Test
    void providerIsRequiredWhenThePrefixDoesNotTell() {
        Run run = run("unprefixedtoken123", "verify", "--token-stdin");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--provider is required"), run.err());
    }

    @Test
    void helpDocumentsTheContract() {
        Run help = run("", "verify", "--help");
        assertEquals(0, help.exit());
        for (String option : List.of("--provider", "--server", "--api-url", "--username", "--token-env", "--token-file",
                "--token-stdin", "--require", "--repository", "--timeout", "--warn-days", "--allow-http", "--format", "Exit codes")) {
            assertTrue(help.out().contains(option), option + " in " + help.out());
        }
        assertFalse(help.out().contains("--token "), "the refused option stays hidden");
    }

    @Test
    void requireTakesCommasAndSpacesAsOneParserDoes() throws Exception {
        github.on("/api/v3/user", json(200, "{\"login\":\"octocat\"}", Headers.of("X-OAuth-Scopes", "repo, workflow")));

        Run spaced = verify("--require", "repo, workflow", "--format", "json");
        Run repeated = verify("--require", "repo,,", "--require", " workflow ", "--format", "json");

        for (Run run : List.of(spaced, repeated)) {
            assertEquals(0, run.exit(), run.toString());
            assertEquals("[\"repo\",\"workflow\"]", parse(run.out()).get("requiredScopes").toString());
            assertEquals("[]", parse(run.out()).get("missingScopes").toString());
        }
    }

    @Test
    void requiredScopeWithAnOddCharacterIsInvalidInputShownEscaped() throws Exception {
        Run run = verify("--require", "repo,work\u200bflow", "--format", "json");

        assertEquals(2, run.exit(), run.toString());
        JsonNode json = parse(run.out());
        assertEquals("INVALID_INPUT", json.get("status").asText());
        assertTrue(json.get("message").asText().contains("\"work\\u200bflow\""), json.get("message").asText());
        assertEquals(0, github.server().getRequestCount());
    }

    @Test
    void tokenInAnEnvironmentVariableIsCappedLikeAFile() {
        Run run = run(Map.of("TOKEN", "x".repeat(64 * 1024 + 1)), "", "verify", "--api-url",
                github.server().url("/api/v3").toString(), "--allow-http", "--provider", "github", "--token-env", "TOKEN");

        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("TOKEN holds more than 64 KiB"), run.err());
        assertEquals(0, github.server().getRequestCount());
    }

    @Test
    void noArgumentsPrintTheUsageAsAUsageError() {
        Run run = run("");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Usage: icr-vcs-token") && run.err().contains("verify"), run.err());
        assertFalse(run.err().contains("Missing required subcommand"), run.err());
    }

    @Test
    void versionIsPrintedByTheCheckerAndByVerify() {
        for (Run run : List.of(run("", "--version"), run("", "verify", "--version"))) {
            assertEquals(0, run.exit());
            assertEquals("icr-vcs-token " + io.jenkins.plugins.icr.token.Version.current(), run.out().strip());
        }
    }

    @Test
    void userAgentNamesTheVersion() throws Exception {
        github.on("/api/v3/user", json(200, "{\"login\":\"octocat\"}", Headers.of("X-OAuth-Scopes", "repo")));

        verify();

        assertTrue(github.onlyRequest().getHeaders().get("User-Agent")
                .startsWith("icr-vcs-token/" + io.jenkins.plugins.icr.token.Version.current() + " "));
    }

    @Test
    void serverUrlDerivesTheApiBase() throws Exception {
        github.on("/api/v4/personal_access_tokens/self", json(200,
                "{\"scopes\":[\"api\"],\"active\":true,\"revoked\":false,\"user_id\":3,\"expires_at\":null}"));
        github.on("/api/v4/user", json(200, "{\"username\":\"jdoe\"}"));

        Run run = run(Map.of("GITLAB_TOKEN", TestTokens.gitlab()), "", "verify", "--provider", "gitlab",
                "--server", github.server().url("/").toString(), "--allow-http", "--token-env", "GITLAB_TOKEN");

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("VALID: GitLab accepted"), run.out());
    }

    @Test
    void oversizedTokenSourcesAndBadNumbersAreUsageErrors(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big");
        Files.writeString(big, "x".repeat(64 * 1024 + 1));
        Run file = run("", "verify", "--provider", "github", "--token-file", big.toString());
        assertEquals(2, file.exit());
        assertTrue(file.err().contains("at most 64 KiB"), file.err());
        Run directory = run("", "verify", "--provider", "github", "--token-file", dir.toString());
        assertEquals(2, directory.exit());

        Run stdin = run("x".repeat(64 * 1024 + 1), "verify", "--provider", "github", "--token-stdin");
        assertEquals(2, stdin.exit());
        assertTrue(stdin.err().contains("more than 64 KiB"), stdin.err());

        assertEquals(2, verify("--warn-days", "-1").exit());
        assertEquals(2, verify("--timeout", "0").exit());
        assertEquals(2, verify("--provider", "sourceforge").exit());
        assertEquals(0, github.server().getRequestCount());
    }

    @Test
    void bitbucketDataCenterWithoutAServerIsInvalidInputSayingToGiveOne() {
        Run run = run("", "verify", "--provider", "bitbucket-dc", "--token-env", "TOKEN");

        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.out().startsWith("INVALID_INPUT: Bitbucket Data Center is self-hosted: give the URL of your"
                + " server, for example https://bitbucket.example.com.\n"), run.out());
        assertEquals("", run.err());
        assertEquals(0, github.server().getRequestCount());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }
}
