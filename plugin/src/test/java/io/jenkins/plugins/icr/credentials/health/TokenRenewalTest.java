package io.jenkins.plugins.icr.credentials.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ExtensionList;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.Secret;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.icr.credentials.Leaks;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.token.GitLabTokens;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.Status;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Renewal of stored GitLab tokens by the sweep, against a local GitLab that rotates and detects reuse. */
@WithJenkins
class TokenRenewalTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @RegisterExtension
    final ProviderServer server = new ProviderServer();

    final GitLabTokens gitlab = server.gitlab();

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j) {
        this.j = j;
        gitlab.today(TODAY);
        StoredGitLabToken.declare(server);
    }

    private String sweep() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Sweeper.sweep(new StreamTaskListener(log, StandardCharsets.UTF_8));
        return log.toString(StandardCharsets.UTF_8);
    }

    private static TokenRenewalMonitor monitor() {
        return ExtensionList.lookupSingleton(TokenRenewalMonitor.class);
    }

    private void assertNowhere(String output, String... tokens) throws Exception {
        for (String token : tokens) {
            assertFalse(output.contains(token), "a token in: " + output);
            assertEquals(List.of(), Leaks.filesContaining(j.jenkins.getRootDir().toPath(), token), "a token on disk");
        }
    }

    @Test
    void renewalProblemsAreForAdministratorsOnly() {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Jenkins.MANAGE)
                .everywhere()
                .to("manager")
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
        // The entries name credentials of every folder's store, which Overall/Manage does not let one see.
        try (ACLContext ignored = ACL.as2(User.getById("manager", true).impersonate2())) {
            assertFalse(monitor().hasRequiredPermission());
        }
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertTrue(monitor().hasRequiredPermission());
        }
    }

    @Test
    void theSweepRenewsADueTokenAndStoresTheNewOne() throws Exception {
        String old = gitlab.issueExpiringSoon();
        StoredGitLabToken.store(server, old, true);

        String log = sweep();

        String renewed = StoredGitLabToken.currentToken();
        assertEquals(gitlab.successorOf(old), renewed);
        assertTrue(gitlab.isRevoked(old) && gitlab.isActive(renewed));
        assertEquals(1, gitlab.rotateRequests());
        TokenHealthRecord record = HealthRecords.of(StoredGitLabToken.ID);
        assertEquals(Status.VALID, record.getStatus());
        assertEquals(
                TODAY.plusDays(95).atStartOfDay(ZoneOffset.UTC).toInstant(),
                record.getExpiresAt(),
                "the record shows the renewed token, not the one the sweep verified");
        RenewalEntry entry = RenewalJournal.get().latestFor(StoredGitLabToken.ID);
        assertEquals(RenewalEntry.State.RENEWED, entry.getState());
        assertEquals(TODAY.plusDays(95).toString(), entry.getNewExpiry());
        assertTrue(
                log.contains("icr-gitlab") && log.contains("Renewed: the new token expires on " + TODAY.plusDays(95)),
                log);
        assertFalse(monitor().isActivated());
        assertNowhere(log + entry.getMessage(), old, renewed);
    }

    @Test
    void nothingIsRenewedThatIsNotDueOrNotOptedIn() throws Exception {
        StoredGitLabToken.store(server, gitlab.issue(List.of("api"), TODAY.minusDays(10), TODAY.plusDays(30)), true);
        sweep();
        StoredGitLabToken.systemStore()
                .removeCredentials(
                        com.cloudbees.plugins.credentials.domains.Domain.global(), StoredGitLabToken.current());
        StoredGitLabToken.store(server, gitlab.issueExpiringSoon(), false);
        sweep();

        assertEquals(0, gitlab.rotateRequests());
    }

    @Test
    void anAutomaticRenewalTheServerCannotMakeRaisesTheMonitor() throws Exception {
        gitlab.withoutRotation();
        String old = gitlab.issueExpiringSoon();
        StoredGitLabToken.store(server, old, true);

        String log = sweep();

        assertEquals(old, StoredGitLabToken.currentToken());
        assertTrue(log.contains("This GitLab server cannot renew tokens"), log);
        assertTrue(monitor().isActivated());
        assertEquals(RenewalEntry.State.FAILED, monitor().getEntries().get(0).getState());

        IcrVcsTokenImpl current = StoredGitLabToken.current();
        IcrVcsTokenImpl optedOut = current.withToken(current.getToken());
        optedOut.setRenewAutomatically(false);
        StoredGitLabToken.systemStore()
                .updateCredentials(com.cloudbees.plugins.credentials.domains.Domain.global(), current, optedOut);
        sweep();
        assertFalse(monitor().isActivated(), "unticking Renew automatically clears its failure");
    }

    @Test
    void aStoreThatFailsToSaveKeepsTheNewTokenRetriesAndNeverRenewsAgain() throws Exception {
        String old = gitlab.issueExpiringSoon();
        StoredGitLabToken.store(server, old, false);
        Path credentialsXml = j.jenkins.getRootDir().toPath().resolve("credentials.xml");
        String renewed;
        try (BrokenFile disk = BrokenFile.at(credentialsXml)) {
            Renewer.Result result = Renewer.renew(StoredGitLabToken.located(), false);

            assertFalse(result.renewed());
            assertTrue(result.message().contains("did not save"), result.message());
            renewed = gitlab.successorOf(old);
            assertTrue(gitlab.isActive(renewed));
            assertTrue(monitor().isActivated(), "the monitor says so at once");
            assertEquals(
                    RenewalEntry.State.UNSAVED, monitor().getEntries().get(0).getState());

            Renewer.Result again = Renewer.renew(StoredGitLabToken.located(), false);
            assertFalse(again.renewed());
            assertTrue(again.message().startsWith("Not renewed: another renewal"), again.message());
            Recovery.settleAll();
            assertEquals(
                    RenewalEntry.State.UNSAVED,
                    RenewalJournal.get().latestFor(StoredGitLabToken.ID).getState(),
                    "still broken: still kept");
            assertEquals(1, gitlab.rotateRequests(), "no second rotation while the first is unsaved");
            assertNowhere(result.message() + again.message(), old, renewed);
        }

        Recovery.settleAll();

        assertEquals(
                RenewalEntry.State.RENEWED,
                RenewalJournal.get().latestFor(StoredGitLabToken.ID).getState());
        assertFalse(monitor().isActivated());
        assertEquals(renewed, tokenOnDisk(credentialsXml), "the store saved it this time");
        assertTrue(gitlab.isActive(renewed));
        assertNowhere("", old, renewed);
    }

    @Test
    void withTokenKeepsEverySetting() throws Exception {
        IcrVcsTokenImpl stored = StoredGitLabToken.store(server, gitlab.issueExpiringSoon(), true);
        stored.setRenewDaysBefore(10);
        stored.setRenewLifetimeDays(60);
        stored.setLogin("someone");
        stored.setRequiredScopes("api, read_user");

        IcrVcsTokenImpl copy = stored.withToken(stored.getToken());

        j.assertEqualDataBoundBeans(stored, copy);
        assertNotEquals(
                stored.getToken().getPlainText(),
                stored.withToken(Secret.fromString(gitlab.issueExpiringSoon()))
                        .getToken()
                        .getPlainText());
    }

    /** The token the store wrote, decrypted from its file, which holds it encrypted only. */
    private static String tokenOnDisk(Path credentialsXml) throws Exception {
        Matcher m = Pattern.compile("<token>([^<]+)</token>").matcher(Files.readString(credentialsXml));
        assertTrue(m.find(), "a token element in credentials.xml");
        return Secret.decrypt(m.group(1)).getPlainText();
    }
}
