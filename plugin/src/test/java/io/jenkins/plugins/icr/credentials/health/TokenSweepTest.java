package io.jenkins.plugins.icr.credentials.health;

import static io.jenkins.plugins.icr.token.ProviderAnswers.GITHUB_USER;
import static io.jenkins.plugins.icr.token.ProviderAnswers.githubUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.ExtensionList;
import hudson.model.User;
import hudson.util.Secret;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.icr.credentials.HandEdited;
import io.jenkins.plugins.icr.credentials.Leaks;
import io.jenkins.plugins.icr.credentials.Stores;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.token.ProviderAnswers;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.TestTokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A sweep finds tokens in the system and folder stores, records their verdicts, and drives the monitor. */
@WithJenkins
class TokenSweepTest {
    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
    }

    private String sweep() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Sweeper.sweep(new StreamTaskListener(log, StandardCharsets.UTF_8));
        return log.toString(StandardCharsets.UTF_8);
    }

    private static boolean monitorActive() {
        return ExtensionList.lookupSingleton(TokenHealthMonitor.class).isActivated();
    }

    private static MockResponse expiringIn(long days) {
        return ProviderAnswers.githubExpiring(
                "repo, workflow, notifications", Instant.now().plusSeconds(days * 86_400 + 3_600));
    }

    @Test
    void sweepFindsTokensInSystemAndFolderStoresAndNeverLogsThem() throws Exception {
        String systemToken = TestTokens.githubClassic();
        String folderToken = TestTokens.githubClassic();
        TestCredentials.add(github, j, "icr-system", systemToken);
        Folder folder = j.jenkins.createProject(Folder.class, "team");
        IcrVcsTokenImpl inFolder = new IcrVcsTokenImpl(
                CredentialsScope.GLOBAL, "icr-folder", "team token", "github", Secret.fromString(folderToken));
        inFolder.setServerUrl(github.webUrl());
        Stores.ownStore(folder).addCredentials(Domain.global(), inFolder);
        github.answer(folderToken, githubUser(401, "{\"message\":\"Bad credentials\"}", null));

        String log = sweep();

        Map<String, Status> statuses = TokenHealthStore.get().all().stream()
                .collect(Collectors.toMap(TokenHealthRecord::getCredentialId, TokenHealthRecord::getStatus));
        assertEquals(Map.of("icr-system", Status.VALID, "icr-folder", Status.REJECTED), statuses);
        TokenHealthRecord folderRecord = HealthRecords.of("icr-folder");
        assertEquals(
                "job/team/credentials/store/folder/domain/_/credential/icr-folder/", folderRecord.getCredentialUrl());
        assertTrue(log.contains("icr-folder") && log.contains("REJECTED"), log);
        for (String token : List.of(systemToken, folderToken)) {
            assertFalse(log.contains(token), "the sweep log shows a token");
            assertEquals(List.of(), Leaks.filesContaining(j.jenkins.getRootDir().toPath(), token), "token on disk");
        }
        assertTrue(monitorActive());
    }

    @Test
    void monitorActivatesForEachBadStatusAndClearsWhenFixed() throws Exception {
        String token = TestTokens.githubClassic();
        TestCredentials.add(github, j, "icr", token);
        for (MockResponse bad : List.of(
                githubUser(401, "{\"message\":\"Bad credentials\"}", null),
                githubUser(200, "{\"login\":\"octocat\"}", "repo"),
                githubUser(403, "{\"message\":\"Organization blocks classic tokens\"}", null))) {
            github.answer(token, bad);
            sweep();
            assertTrue(monitorActive(), "monitor for HTTP " + bad.getCode());
        }
        github.answer(token, githubUser(200, "{\"login\":\"octocat\"}", "repo, workflow, notifications"));
        sweep();
        assertFalse(monitorActive(), "a fixed token clears the monitor");
    }

    @Test
    void monitorActivatesForExpiryWithinTheWindowOnly() throws Exception {
        github.on(GITHUB_USER, expiringIn(60));
        TestCredentials.add(github, j, "icr-later", TestTokens.githubClassic());
        sweep();
        assertFalse(monitorActive(), "60 days left is outside the 14-day window");

        github.on(GITHUB_USER, expiringIn(5));
        TestCredentials.add(github, j, "icr-soon", TestTokens.githubClassic());
        sweep();
        assertTrue(monitorActive(), "5 days left is inside the window");
        assertTrue(ExtensionList.lookupSingleton(TokenHealthMonitor.class).getProblems().stream()
                .anyMatch(p -> p.record().getCredentialId().equals("icr-soon")
                        && p.reasons().contains("expires on")));
    }

    @Test
    void providerFaultKeepsTheLastRealAnswer() throws Exception {
        String token = TestTokens.githubClassic();
        TestCredentials.add(github, j, "icr", token);
        github.on(GITHUB_USER, expiringIn(5));
        sweep();
        TokenHealthRecord first = HealthRecords.of("icr");
        assertNotNull(first.getExpiresAt());
        assertNull(first.getLastFault());

        github.answer(token, githubUser(503, "{\"message\":\"Service unavailable\"}", null));
        sweep();

        TokenHealthRecord second = HealthRecords.of("icr");
        assertEquals(first.getExpiresAt(), second.getExpiresAt());
        assertEquals(Status.VALID, second.getStatus());
        assertNotNull(second.getLastFault());
        assertTrue(monitorActive(), "the expiry warning outlives a provider outage");
    }

    @Test
    void usersOwnStoresAreNotSwept() throws Exception {
        String own = TestTokens.githubClassic();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        // A user's store shows its content to its owner only; a sweep runs as SYSTEM and would find nothing.
        TestCredentials.addUserToken(github, User.getById("alice", true), "icr-alice", own);
        TestCredentials.add(github, j, "icr-system", TestTokens.githubClassic());

        sweep();

        assertEquals(
                List.of("icr-system"),
                TokenHealthStore.get().all().stream()
                        .map(TokenHealthRecord::getCredentialId)
                        .toList());
        assertFalse(github.receivedTokens().contains(own));
        String settings = j.createWebClient().goTo("configure").getWebResponse().getContentAsString();
        assertTrue(settings.contains("_.sweepHours"), "the health settings are on the page");
        assertFalse(settings.contains("includeUserStores"), "no option that would do nothing");
    }

    @Test
    void aCredentialWithAnUnknownProviderIsRecordedAsRefusedAndNeverSent() throws Exception {
        TestCredentials.declare(github);
        String token = TestTokens.githubClassic();
        Credentials edited = HandEdited.token("icr-odd", "sourceforge", github.webUrl(), token);
        Stores.ownStore(j.jenkins).addCredentials(Domain.global(), edited);

        String log = sweep();

        TokenHealthRecord record = HealthRecords.of("icr-odd");
        assertEquals(Status.INVALID_INPUT, record.getStatus());
        assertEquals("sourceforge", record.getProvider());
        assertTrue(record.getMessage().contains("names a provider this plugin does not know"), record.getMessage());
        assertEquals(0, github.server().getRequestCount(), "a token of an unknown provider goes nowhere");
        assertFalse(log.contains(token));
        assertTrue(monitorActive());
    }

    @Test
    void verifyAllNowDuringASweepQueuesExactlyOneMore() throws Exception {
        TestCredentials.add(github, j, "icr", TestTokens.githubClassic());
        github.on(
                GITHUB_USER,
                new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "application/json")
                        .setHeader("X-OAuth-Scopes", "repo, workflow, notifications")
                        .body("{\"login\":\"octocat\"}")
                        .headersDelay(2, TimeUnit.SECONDS)
                        .build());
        TokenSweep sweep = TokenSweep.get();

        sweep.sweepNow();
        github.server().takeRequest(10, TimeUnit.SECONDS); // the first sweep is now waiting for the answer
        for (int click = 0; click < 3; click++) {
            sweep.sweepNow();
        }

        long deadline = System.currentTimeMillis() + 30_000;
        while (github.server().getRequestCount() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(3_000); // room for a third sweep, which must not come
        assertEquals(2, github.server().getRequestCount(), "the sweep and one follow-up, however many clicks");
    }
}
