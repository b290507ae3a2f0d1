package io.jenkins.plugins.icr.credentials.health;

import static io.jenkins.plugins.icr.credentials.GitHubStub.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.hudson.plugins.folder.properties.FolderCredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.ExtensionList;
import hudson.util.Secret;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.icr.credentials.GitHubStub;
import io.jenkins.plugins.icr.credentials.Leaks;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.TestTokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    final GitHubStub github = new GitHubStub();

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
        return GitHubStub.expiring(
                "octocat", "repo, workflow, notifications", Instant.now().plusSeconds(days * 86_400 + 3_600));
    }

    @Test
    void sweepFindsTokensInSystemAndFolderStoresAndNeverLogsThem() throws Exception {
        String systemToken = TestTokens.githubClassic();
        String folderToken = TestTokens.githubClassic();
        github.addToken(j, "icr-system", systemToken);
        Folder folder = j.jenkins.createProject(Folder.class, "team");
        IcrVcsTokenImpl inFolder = new IcrVcsTokenImpl(
                CredentialsScope.GLOBAL, "icr-folder", "team token", "github", Secret.fromString(folderToken));
        inFolder.setServerUrl(github.serverUrl());
        folderStore(folder).addCredentials(Domain.global(), inFolder);
        github.answer(folderToken, user(401, "{\"message\":\"Bad credentials\"}", null));

        String log = sweep();

        Map<String, Status> statuses = TokenHealthStore.get().all().stream()
                .collect(Collectors.toMap(TokenHealthRecord::getCredentialId, TokenHealthRecord::getStatus));
        assertEquals(Map.of("icr-system", Status.VALID, "icr-folder", Status.REJECTED), statuses);
        TokenHealthRecord folderRecord = TokenHealthStore.get().latestFor("icr-folder");
        assertEquals(
                "job/team/credentials/store/folder/domain/_/credential/icr-folder/", folderRecord.getCredentialUrl());
        assertTrue(log.contains("icr-folder") && log.contains("REJECTED"), log);
        for (String token : List.of(systemToken, folderToken)) {
            assertFalse(log.contains(token), "the sweep log shows a token");
            assertEquals(List.of(), Leaks.filesContaining(j.jenkins.getRootDir().toPath(), token), "token on disk");
        }
        assertTrue(monitorActive());
    }

    private static CredentialsStore folderStore(Folder folder) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(folder)) {
            if (store.getProvider() instanceof FolderCredentialsProvider && store.getContext() == folder) {
                return store;
            }
        }
        throw new AssertionError("no folder store");
    }

    @Test
    void monitorActivatesForEachBadStatusAndClearsWhenFixed() throws Exception {
        String token = TestTokens.githubClassic();
        github.addToken(j, "icr", token);
        for (MockResponse bad : List.of(
                user(401, "{\"message\":\"Bad credentials\"}", null),
                user(200, "{\"login\":\"octocat\"}", "repo"),
                user(403, "{\"message\":\"Organization blocks classic tokens\"}", null))) {
            github.answer(token, bad);
            sweep();
            assertTrue(monitorActive(), "monitor for HTTP " + bad.getCode());
        }
        github.answer(token, user(200, "{\"login\":\"octocat\"}", "repo, workflow, notifications"));
        sweep();
        assertFalse(monitorActive(), "a fixed token clears the monitor");
    }

    @Test
    void monitorActivatesForExpiryWithinTheWindowOnly() throws Exception {
        github.answer(expiringIn(60));
        github.addToken(j, "icr-later", TestTokens.githubClassic());
        sweep();
        assertFalse(monitorActive(), "60 days left is outside the 14-day window");

        github.answer(expiringIn(5));
        github.addToken(j, "icr-soon", TestTokens.githubClassic());
        sweep();
        assertTrue(monitorActive(), "5 days left is inside the window");
        assertTrue(ExtensionList.lookupSingleton(TokenHealthMonitor.class).getProblems().stream()
                .anyMatch(p -> p.record().getCredentialId().equals("icr-soon")
                        && p.reasons().contains("expires on")));
    }

    @Test
    void providerFaultKeepsTheLastRealAnswer() throws Exception {
        String token = TestTokens.githubClassic();
        github.addToken(j, "icr", token);
        github.answer(expiringIn(5));
        sweep();
        TokenHealthRecord first = TokenHealthStore.get().latestFor("icr");
        assertNotNull(first.getExpiresAt());
        assertNull(first.getLastFault());

        github.answer(token, user(503, "{\"message\":\"Service unavailable\"}", null));
        sweep();

        TokenHealthRecord second = TokenHealthStore.get().latestFor("icr");
        assertEquals(first.getExpiresAt(), second.getExpiresAt());
        assertEquals(Status.VALID, second.getStatus());
        assertNotNull(second.getLastFault());
        assertTrue(monitorActive(), "the expiry warning outlives a provider outage");
    }
}
