package io.jenkins.plugins.icr.token.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jenkins.plugins.icr.token.GitLabTokens;
import io.jenkins.plugins.icr.token.GitLabTokens.AfterRotation;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import io.jenkins.plugins.icr.token.RotationRequest;
import io.jenkins.plugins.icr.token.VerdictCache;
import io.jenkins.plugins.icr.token.Verifier;
import io.jenkins.plugins.icr.token.provider.Http;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code rotate}: the file is replaced atomically with its permissions, the expiry is printed, the token never. */
class RotateCommandTest {
    private static final LocalDate TODAY = LocalDate.ofInstant(ProviderServer.NOW, ZoneOffset.UTC);

    @RegisterExtension
    final ProviderServer server = new ProviderServer();

    final GitLabTokens gitlab = server.gitlab();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run rotate(Path file, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("rotate", "--api-url", gitlabApi(), "--allow-http",
                "--token-file", file.toString()));
        args.addAll(List.of(extra));
        return run(file, args);
    }

    private String gitlabApi() {
        return server.url("/api/v4").toString();
    }

    private Run run(Path file, List<String> args) throws Exception {
        String before = Files.isRegularFile(file) ? Files.readString(file) : "";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(ProviderServer.NOW, ZoneOffset.UTC);
        int exit = Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new Verifier(Http.defaultClient(), clock, new VerdictCache(Duration.ZERO, clock)));
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        String after = Files.isRegularFile(file) ? Files.readString(file).strip() : "";
        for (String secret : List.of(before.strip(), after)) {
            assertFalse(!secret.isEmpty() && (run.out().contains(secret) || run.err().contains(secret)),
                    "a token leaked: " + run);
        }
        return run;
    }

    private Path tokenFile(String token, String permissions) throws Exception {
        Path file = dir.resolve("gitlab-token");
        Files.writeString(file, token + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private List<String> filesInDir() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void renewsAndReplacesTheFileAtomicallyWithItsPermissions() throws Exception {
        String old = gitlab.issueExpiringSoon();
        Path file = tokenFile(old, "rw-------");

        Run run = rotate(file);

        assertEquals(0, run.exit(), run.toString());
        String successor = gitlab.successorOf(old);
        assertEquals(successor + "\n", Files.readString(file), "the new token, with the old file's final newline");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of("gitlab-token"), filesInDir(), "no temporary file is left behind");
        assertTrue(run.out().startsWith("Renewed: the new token expires on " + TODAY.plusDays(95) + "."), run.out());
        assertTrue(gitlab.isRevoked(old));
    }

    @Test
    void aGivenLifetimeIsUsed() throws Exception {
        Run run = rotate(tokenFile(gitlab.issueExpiringSoon(), "rw-r-----"), "--lifetime-days", "30");

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("expires on " + TODAY.plusDays(30)), run.out());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("gitlab-token"))));
    }

    @Test
    void aSymbolicLinkKeepsPointingAtTheRenewedFile() throws Exception {
        String old = gitlab.issueExpiringSoon();
        Path real = tokenFile(old, "rw-------");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);

        assertEquals(0, rotate(link).exit());

        assertTrue(Files.isSymbolicLink(link));
        assertEquals(gitlab.successorOf(old) + "\n", Files.readString(real));
    }

    @Test
    void aServerOlderThan16Point10LeavesTheFileAsItWas() throws Exception {
        gitlab.withoutRotation();
        String old = gitlab.issueExpiringSoon();
        Path file = tokenFile(old, "rw-------");

        Run run = rotate(file);

        assertEquals(7, run.exit(), run.toString());
        assertTrue(run.out().startsWith("This GitLab server cannot renew tokens"), run.out());
        assertEquals(old + "\n", Files.readString(file));
        assertEquals(List.of("gitlab-token"), filesInDir());
    }

    @Test
    void aLostAnswerExitsEightAndSaysToVerifyBeforeAnythingElse() throws Exception {
        gitlab.afterRotation(AfterRotation.DROP_ANSWER);
        String old = gitlab.issueExpiringSoon();
        Path file = tokenFile(old, "rw-------");

        Run run = rotate(file);

        assertEquals(8, run.exit(), run.toString());
        assertTrue(run.out().contains("Verify the token"), run.out());
        assertEquals(old + "\n", Files.readString(file));
        assertEquals(1, gitlab.rotateRequests());
    }

    @Test
    void aRevokedTokenExitsFourAndIsNeverSentToRotate() throws Exception {
        String old = gitlab.issueExpiringSoon();
        Path file = tokenFile(old, "rw-------");
        assertEquals(0, rotate(file).exit());
        Files.writeString(file, old + "\n");

        Run again = rotate(file);

        assertEquals(4, again.exit(), again.toString());
        assertEquals(1, gitlab.rotateRequests());
        assertTrue(gitlab.isActive(gitlab.successorOf(old)));
    }

    @Test
    void aDirectoryThatTakesNoNewFileStopsTheRenewalBeforeAnyRequest() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes into read-only directories");
        Path file = tokenFile(gitlab.issueExpiringSoon(), "rw-------");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            Run run = rotate(file);

            assertEquals(2, run.exit(), run.toString());
            assertTrue(run.err().contains("Nothing was renewed"), run.err());
            assertEquals(0, gitlab.rotateRequests());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void usageErrorsSendNothing() throws Exception {
        Path file = tokenFile(gitlab.issueExpiringSoon(), "rw-------");

        assertEquals(2, rotate(file, "--provider", "github").exit());
        assertEquals(2, rotate(file, "--lifetime-days", "0").exit());
        assertEquals(2, rotate(dir.resolve("missing")).exit());
        Run refused = rotate(file, "--token", TestTokens.gitlab());
        assertEquals(2, refused.exit());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void helpDocumentsTheContract() throws Exception {
        Run run = rotate(dir.resolve("unused"), "--help");
        for (String text : List.of("--token-file", "--lifetime-days", "--server", "--api-url", "16.10", "self_rotate",
                "atomically", "8 unknown")) {
            assertTrue(run.out().contains(text), text + " in " + run.out());
        }
    }

    @Test
    void aFileWithoutAFinalNewlineGetsTheNewTokenWithoutOne() throws Exception {
        String old = gitlab.issueExpiringSoon();
        Path file = tokenFile(old, "rw-------");
        Files.writeString(file, old);

        Run run = rotate(file);

        assertEquals(0, run.exit(), run.toString());
        assertEquals(gitlab.successorOf(old), Files.readString(file), "the file keeps its shape: no newline added");
    }

    @Test
    void theProviderMayBeNamedAsGitlab() throws Exception {
        String old = gitlab.issueExpiringSoon();
        Path file = tokenFile(old, "rw-------");

        Run run = rotate(file, "--provider", "gitlab");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(gitlab.successorOf(old) + "\n", Files.readString(file));
    }

    @Test
    void aDirectoryOrAFileOver64KiBIsRefusedBeforeAnyRequest() throws Exception {
        Path big = dir.resolve("big");
        Files.writeString(big, "x".repeat(TokenFile.MAX_BYTES + 1));

        for (Path notAToken : List.of(dir, big)) {
            Run run = rotate(notAToken);

            assertEquals(2, run.exit(), run.toString());
            assertEquals(List.of("error: --token-file must name a readable file of at most 64 KiB.",
                    "Run with --help for the options."), run.err().lines().toList());
        }
        assertEquals(List.of("big"), filesInDir(), "no temporary file is made for what is not a token file");
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void aTimeoutBelowOneSecondOrALifetimeOverTheMaximumIsRefusedBeforeAnyRequest() throws Exception {
        Path file = tokenFile(gitlab.issueExpiringSoon(), "rw-------");
        String tooLong = String.valueOf(RotationRequest.MAX_LIFETIME_DAYS + 1);

        for (Run run : List.of(rotate(file, "--timeout", "0"), rotate(file, "--lifetime-days", tooLong))) {
            assertEquals(2, run.exit(), run.toString());
            assertEquals(List.of("error: --timeout takes at least 1 second and --lifetime-days 1 to 400 days.",
                    "Run with --help for the options."), run.err().lines().toList());
        }
        assertTrue(server.requests().isEmpty());
        assertEquals(List.of("gitlab-token"), filesInDir());
    }

    @Test
    void aPlainHttpApiWithoutAllowHttpRenewsNothingAndLeavesNoTemporaryFile() throws Exception {
        String old = gitlab.issueExpiringSoon();
        Path file = tokenFile(old, "rw-------");

        Run run = run(file, List.of("rotate", "--api-url", gitlabApi(), "--token-file", file.toString()));

        assertEquals(2, run.exit(), run.toString());
        assertEquals("The URL must start with https://; tokens are only sent over an encrypted connection.",
                run.out().strip());
        assertEquals("", run.err());
        assertEquals(old + "\n", Files.readString(file));
        assertEquals(List.of("gitlab-token"), filesInDir(), "the temporary file made beforehand is removed");
        assertTrue(server.requests().isEmpty());
    }
}
