package io.jenkins.plugins.icr.credentials.health;

import static io.jenkins.plugins.icr.token.ProviderAnswers.GITHUB_USER;
import static io.jenkins.plugins.icr.token.ProviderAnswers.githubUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ExtensionList;
import hudson.model.TaskListener;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.TestTokens;
import io.jenkins.plugins.icr.token.TokenKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

class TokenHealthPersistenceTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static Path recordsFile(org.jvnet.hudson.test.JenkinsRule r) {
        return r.jenkins.getRootDir().toPath().resolve(TokenHealthStore.class.getName() + ".xml");
    }

    @Test
    void resultsSurviveARestart() throws Throwable {
        sessions.then(r -> {
            try (ProviderServer github =
                    new ProviderServer().answeringAsProviders().start()) {
                TestCredentials.add(github, r, "icr-github", TestTokens.githubClassic());
                Sweeper.sweep(StreamTaskListener.fromStdout());
            }
        });
        sessions.then(r -> {
            TokenHealthRecord record = HealthRecords.of("icr-github");
            assertNotNull(record);
            assertEquals(Status.VALID, record.getStatus());
            assertEquals("octocat", record.getAccount());
        });
    }

    @Test
    void aRestartDoesNotMakeEveryTokenDue() throws Throwable {
        AtomicReference<Instant> swept = new AtomicReference<>();
        sessions.then(r -> {
            try (ProviderServer github =
                    new ProviderServer().answeringAsProviders().start()) {
                TestCredentials.add(github, r, "icr-github", TestTokens.githubClassic());
                Sweeper.sweep(StreamTaskListener.fromStdout());
            }
            swept.set(TokenHealthStore.get().lastSweep());
        });
        sessions.then(r -> {
            assertEquals(swept.get(), TokenHealthStore.get().lastSweep());
            TokenSweep.get().execute(TaskListener.NULL); // the hourly tick just after the restart
            assertEquals(swept.get(), TokenHealthStore.get().lastSweep(), "the tick swept again");
        });
    }

    /**
     * A file written by another version: a status that no longer exists, a token kind and an expiry this version
     * cannot read, a message kept as plain English, and none of the fields added later (where the record came from,
     * the sweep's time, the last fault).
     */
    @Test
    void recordsOfAnotherVersionLoadWithoutBreakingThePages() throws Throwable {
        sessions.then(r -> {
            try (ProviderServer github =
                    new ProviderServer().answeringAsProviders().start()) {
                String rejected = TestTokens.githubClassic();
                github.answer(rejected, githubUser(401, "{\"message\":\"Bad credentials\"}", null));
                TestCredentials.add(github, r, "icr-gone", rejected);
                github.on(GITHUB_USER, githubUser(200, "{\"login\":\"octocat\"}", "repo"));
                TestCredentials.add(github, r, "icr-kept", TestTokens.githubClassic());
                Sweeper.sweep(StreamTaskListener.fromStdout());
            }
            String xml = Files.readString(recordsFile(r), StandardCharsets.UTF_8)
                    .replace("<status>REJECTED</status>", "<status>REVOKED_BY_A_LATER_VERSION</status>")
                    .replaceAll("<tokenKind>[^<]*</tokenKind>", "<tokenKind>kind-of-a-later-version</tokenKind>")
                    .replaceAll("(?s)<missing>.*?</missing>|<missing/>", "")
                    .replaceAll("<contextName>[^<]*</contextName>|<contextName/>", "")
                    .replaceAll("<sweptAt>[^<]*</sweptAt>", "")
                    .replaceAll("<description>[^<]*</description>", "")
                    // Before texts were kept as key and arguments, a record held the English sentence itself.
                    .replaceAll(
                            "<message>[^<]*</message>",
                            "<message>GitHub accepted the token, said an older version.</message>")
                    .replaceAll("(<checkedAt>[^<]*</checkedAt>)", "$1<expiresAt>next spring</expiresAt>");
            Files.writeString(recordsFile(r), xml, StandardCharsets.UTF_8);
        });
        sessions.then(r -> {
            assertEquals(
                    List.of("icr-kept"),
                    TokenHealthStore.get().all().stream()
                            .map(TokenHealthRecord::getCredentialId)
                            .toList(),
                    "a record with a status this version does not know is dropped");
            TokenHealthRecord kept = HealthRecords.of("icr-kept");
            assertEquals(TokenKind.UNKNOWN.displayName().toString(), kept.getTokenKind());
            assertEquals("GitHub accepted the token, said an older version.", kept.getMessage());
            assertEquals(List.of(), kept.getMissing());
            assertEquals("", kept.getDescription());
            assertNull(kept.getExpiresAt());
            assertNull(kept.getContextName());
            assertEquals(kept.getCheckedAt(), TokenHealthStore.get().lastSweep(), "derived from the newest record");
            // Runs on every page a manager opens: it must not throw.
            assertTrue(ExtensionList.lookupSingleton(TokenHealthMonitor.class).isActivated());
            assertEquals(
                    1,
                    ExtensionList.lookupSingleton(TokenHealthPage.class)
                            .getRows()
                            .size());
        });
    }
}
