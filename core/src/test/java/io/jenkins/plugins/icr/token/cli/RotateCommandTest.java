package io.jenkins.plugins.icr.token.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jenkins.plugins.icr.token.GitLabTokens;
import io.jenkins.plugins.icr.token.GitLabTokens.AfterRotation;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
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
        String before = Files.exists(file) ? Files.readString(file) : "";
        List<String> args = new ArrayList<>(List.of("rotate", "--api-url", server.url("/api/v4").toString(),
                "--allow-http", "--token-file", file.toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(ProviderServer.NOW, ZoneOffset.UTC);
        int exit = Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new Verifier(Http.defaultClient(), clock, new VerdictCache(Duration.ZERO, clock)));
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        String after = Files.exists(file) ? Files.readString(file).strip() : "";
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
}
