package io.jenkins.plugins.icr.token.cli;

import static io.jenkins.plugins.icr.token.ProviderServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The packaged jar at its fixed path, run as other tools run it: a separate JVM, the token in the environment. */
class CliJarIT {
    private static final Path JAR = Path.of(System.getProperty("cli.jar", "target/icr-vcs-token-cli.jar"));

    @RegisterExtension
    final ProviderServer gitlab = new ProviderServer();

    private record Result(int exit, String out) {}

    private static Result java(String token, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ICR_TOKEN", token);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), out);
    }

    @Test
    void jarPrintsItsHelp() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " exists");
        Result help = java("", "verify", "--help");
        assertEquals(0, help.exit(), help.out());
        assertTrue(help.out().contains("--token-env"));
    }

    @Test
    void jarPrintsTheVersionOfItsManifest() throws Exception {
        String version = System.getProperty("project.version");
        for (Result result : List.of(java("", "--version"), java("", "verify", "--version"))) {
            assertEquals(0, result.exit(), result.out());
            assertEquals("icr-vcs-token " + version, result.out().strip());
        }
        assertFalse(version.isBlank() || version.equals("dev"));
    }

    @Test
    void jarWithoutArgumentsPrintsItsUsage() throws Exception {
        Result result = java("");

        assertEquals(2, result.exit(), result.out());
        assertTrue(result.out().contains("Usage: icr-vcs-token"), result.out());
    }

    @Test
    void jarVerifiesAGitLabTokenAsJson() throws Exception {
        String token = TestTokens.gitlab();
        gitlab.on("/api/v4/personal_access_tokens/self", json(200,
                "{\"scopes\":[\"read_api\"],\"active\":true,\"revoked\":false,\"user_id\":3,\"expires_at\":\"2026-12-01\"}",
                Headers.of()));
        gitlab.on("/api/v4/user", json(200, "{\"username\":\"jdoe\"}"));

        Result result = java(token, "verify", "--api-url", gitlab.server().url("/api/v4").toString(), "--allow-http",
                "--token-env", "ICR_TOKEN", "--format", "json");

        assertEquals(3, result.exit(), result.out());
        assertTrue(result.out().contains("\"status\":\"MISSING_SCOPES\""), result.out());
        assertTrue(result.out().contains("\"missingScopes\":[\"api\"]"), result.out());
        assertFalse(result.out().contains(token));
        for (RecordedRequest request : gitlab.requests()) {
            assertEquals("icr-vcs-token/" + System.getProperty("project.version"),
                    request.getHeaders().get("User-Agent").split(" ")[0], "the User-Agent names the packaged version");
        }
    }
}
