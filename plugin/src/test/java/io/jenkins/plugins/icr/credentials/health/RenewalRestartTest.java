package io.jenkins.plugins.icr.credentials.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.ExtensionList;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.Leaks;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.token.GitLabTokens;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.Token;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A renewal cut short by a stop of Jenkins is settled at the next start, by asking GitLab, never by rotating again. */
class RenewalRestartTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @RegisterExtension
    final ProviderServer server = new ProviderServer();

    final GitLabTokens gitlab = server.gitlab();

    @BeforeEach
    void setUp() {
        gitlab.today(TODAY);
    }

    private static TokenRenewalMonitor monitor() {
        return ExtensionList.lookupSingleton(TokenRenewalMonitor.class);
    }

    /**
     * Stores the token and claims its renewal on disk, as a renewal does before its request leaves; the session
     * then ends, as when Jenkins stops while the request is out.
     */
    private void storedAndClaimed(String token) throws Exception {
        StoredGitLabToken.declare(server);
        StoredGitLabToken.store(server, token, true);
        assertTrue(RenewalJournal.get()
                .claim(RenewalEntry.begin(
                        StoredGitLabToken.located(), Token.of(token).fingerprint(), true, Instant.now())));
    }

    @Test
    void aRenewalThatGitLabMadeBeforeJenkinsStoppedIsReportedLostAndNeverRetried() throws Throwable {
        String old = gitlab.issueExpiringSoon();
        sessions.then(r -> {
            storedAndClaimed(old);
            assertEquals(200, gitlab.rotateDirectly(old), "the request that was out: GitLab rotated, nobody read");
        });
        String lostSuccessor = gitlab.successorOf(old);
        sessions.then(r -> {
            assertTrue(monitor().isActivated(), "told at once, before anything is asked");

            Recovery.settleAll();

            RenewalEntry entry = RenewalJournal.get().latestFor(StoredGitLabToken.ID);
            assertEquals(RenewalEntry.State.LOST, entry.getState());
            assertTrue(entry.getMessage().contains("Create a new token"), entry.getMessage());
            assertTrue(monitor().isActivated());
            Renewer.Result again = Renewer.renew(StoredGitLabToken.located(), false);
            assertFalse(again.renewed());
            assertEquals(1, gitlab.rotateRequests(), "the revoked token never asked to rotate again");
            assertTrue(gitlab.isActive(lostSuccessor), "so GitLab did not revoke the lost successor either");

            String fresh = gitlab.issue(List.of("api"), TODAY, TODAY.plusDays(90));
            IcrVcsTokenImpl current = StoredGitLabToken.current();
            StoredGitLabToken.systemStore()
                    .updateCredentials(Domain.global(), current, current.withToken(Secret.fromString(fresh)));
            Recovery.settleAll();
            assertFalse(monitor().isActivated(), "a new token pasted in clears it");
            for (String token : List.of(old, lostSuccessor, fresh)) {
                assertEquals(
                        List.of(), Leaks.filesContaining(r.jenkins.getRootDir().toPath(), token));
            }
        });
    }

    @Test
    void aRenewalThatNeverReachedGitLabIsSettledAsNotDone() throws Throwable {
        String old = gitlab.issueExpiringSoon();
        sessions.then(r -> storedAndClaimed(old));
        sessions.then(r -> {
            Recovery.settleAll();

            RenewalEntry entry = RenewalJournal.get().latestFor(StoredGitLabToken.ID);
            assertEquals(RenewalEntry.State.FAILED, entry.getState());
            assertTrue(entry.getMessage().startsWith("GitLab still accepts the old token"), entry.getMessage());
            assertTrue(Renewer.renew(StoredGitLabToken.located(), false).renewed(), "free to renew again");
            assertEquals(gitlab.successorOf(old), StoredGitLabToken.currentToken());
        });
    }

    @Test
    void aNewTokenTheStoreCouldNotSaveSurvivesARestartAndIsSavedThen() throws Throwable {
        String old = gitlab.issueExpiringSoon();
        AtomicReference<String> renewed = new AtomicReference<>();
        sessions.then(r -> {
            StoredGitLabToken.declare(server);
            StoredGitLabToken.store(server, old, false);
            try (BrokenFile disk = BrokenFile.at(r.jenkins.getRootDir().toPath().resolve("credentials.xml"))) {
                assertFalse(Renewer.renew(StoredGitLabToken.located(), false).renewed());
            }
            renewed.set(gitlab.successorOf(old));
        });
        sessions.then(r -> {
            assertEquals(old, StoredGitLabToken.currentToken(), "the store lost the write");
            assertTrue(monitor().isActivated());

            Recovery.settleAll();

            assertEquals(renewed.get(), StoredGitLabToken.currentToken());
            assertEquals(
                    RenewalEntry.State.RENEWED,
                    RenewalJournal.get().latestFor(StoredGitLabToken.ID).getState());
            assertFalse(monitor().isActivated());
            assertEquals(1, gitlab.rotateRequests());
            assertEquals(List.of(), Leaks.filesContaining(r.jenkins.getRootDir().toPath(), renewed.get()));
        });
    }
}
