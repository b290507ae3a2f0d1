package io.jenkins.plugins.icr.credentials.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.Secret;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.icr.credentials.FormPosts;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.token.GitLabTokens;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.TestTokens;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The Renew now button: POST only, Credentials/Update first, the new expiry shown and the token never. */
@WithJenkins
class RenewNowTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @RegisterExtension
    final ProviderServer server = new ProviderServer();

    final GitLabTokens gitlab = server.gitlab();

    private JenkinsRule j;
    private String old;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        gitlab.today(TODAY);
        StoredGitLabToken.declare(server);
        old = gitlab.issueExpiringSoon();
        StoredGitLabToken.store(server, old, true);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, CredentialsProvider.CREATE, CredentialsProvider.VIEW)
                .everywhere()
                .to("creator")
                .grant(Jenkins.READ, CredentialsProvider.UPDATE, CredentialsProvider.VIEW)
                .everywhere()
                .to("updater"));
    }

    /**
     * Presses the button as the form does (a POST with a crumb). A refused anonymous request answers 403 with a page
     * that refreshes to the login form; the refresh is not followed, so the 403 is what the test sees.
     */
    private WebResponse press(String user, String id) throws Exception {
        return press(browser(user), id);
    }

    private JenkinsRule.WebClient browser(String user) throws Exception {
        JenkinsRule.WebClient client = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setJavaScriptEnabled(false);
        client.setRefreshHandler((page, url, seconds) -> {});
        if (user != null) {
            client.login(user);
        }
        return client;
    }

    private WebResponse press(JenkinsRule.WebClient client, String id) throws Exception {
        WebRequest request = new WebRequest(
                new URL(client.getContextPath() + "descriptorByName/" + IcrVcsTokenImpl.class.getName() + "/renewNow"),
                HttpMethod.POST);
        request.setRequestParameters(List.of(new NameValuePair("id", id)));
        client.addCrumb(request);
        WebResponse response = client.getPage(request).getWebResponse();
        String successor = gitlab.successorOf(old);
        for (String token : successor == null ? new String[] {old} : new String[] {old, successor}) {
            assertFalse(response.getContentAsString().contains(token), "a token in the answer");
            assertFalse(String.valueOf(response.getResponseHeaderValue("X-Jenkins-ValidateButton-Callback"))
                    .contains(token));
        }
        return response;
    }

    private static String sweepAsTheSystem() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ACLContext asPeriodicWork = ACL.as2(ACL.SYSTEM2)) {
            Sweeper.sweep(new StreamTaskListener(log, StandardCharsets.UTF_8));
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Waits until GitLab has received the rotation request (and rotated; its answer is held back). */
    private void untilGitLabRotated() throws InterruptedException {
        for (int i = 0; i < 200 && gitlab.rotateRequests() == 0; i++) {
            Thread.sleep(25);
        }
        assertEquals(1, gitlab.rotateRequests());
    }

    @Test
    void onlyPostIsDispatched() throws Exception {
        assertEquals(
                404,
                FormPosts.get(j, "updater", IcrVcsTokenImpl.class, "renewNow").getStatusCode());
        assertEquals(0, gitlab.rotateRequests());
    }

    @Test
    void withoutCredentialsUpdateNothingIsLookedUpOrSent() throws Exception {
        for (String user : new String[] {null, "reader", "creator"}) {
            assertEquals(403, press(user, StoredGitLabToken.ID).getStatusCode(), String.valueOf(user));
        }
        assertEquals(403, press("reader", "no-such-id").getStatusCode(), "no way to tell which IDs exist");
        assertEquals(0, gitlab.rotateRequests());
        assertEquals(old, StoredGitLabToken.currentToken());
    }

    @Test
    void anUpdaterRenewsAndTheFormGetsTheNewTokenEncrypted() throws Exception {
        WebResponse response = press("updater", StoredGitLabToken.ID);

        assertEquals(200, response.getStatusCode());
        String body = response.getContentAsString();
        assertTrue(body.contains("Renewed: the new token expires on " + TODAY.plusDays(95)), body);
        String renewed = StoredGitLabToken.currentToken();
        assertEquals(gitlab.successorOf(old), renewed);
        JSONObject callback =
                JSONObject.fromObject(response.getResponseHeaderValue("X-Jenkins-ValidateButton-Callback"));
        assertEquals("icrVcsTokenRenewed", callback.getString("callback"));
        assertEquals(
                renewed,
                Secret.decrypt(callback.getJSONArray("arguments").getString(0)).getPlainText());

        String form = browser("updater")
                .goTo("credentials/store/system/domain/_/credential/" + StoredGitLabToken.ID + "/updateDialog")
                .getWebResponse()
                .getContentAsString();
        assertTrue(
                form.contains("Last renewal")
                        && form.contains("<strong>Renewed</strong>")
                        && form.contains("<time datetime=\""),
                "the form's last renewal, in words, with its date");
        assertFalse(form.contains(old) || form.contains(renewed));
    }

    @Test
    void anUnknownIdAndAnOldServerAreClearErrors() throws Exception {
        assertTrue(press("updater", "no-such-id").getContentAsString().contains("No iCR VCS token with this ID"));

        gitlab.withoutRotation();
        String body = press("updater", StoredGitLabToken.ID).getContentAsString();
        assertTrue(body.contains("This GitLab server cannot renew tokens"), body);
        assertEquals(old, StoredGitLabToken.currentToken());
    }

    @Test
    void theButtonPressedWhileTheSweepRenewsSendsNothing() throws Exception {
        JenkinsRule.WebClient updater = browser("updater");
        gitlab.holdRotationAnswers();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> sweep = pool.submit(RenewNowTest::sweepAsTheSystem);
            untilGitLabRotated();

            String answer = press(updater, StoredGitLabToken.ID).getContentAsString();
            gitlab.releaseRotationAnswers();

            assertTrue(answer.contains("Not renewed: another renewal of this token is running"), answer);
            String log = sweep.get();
            assertTrue(log.contains("Renewed"), log);
            assertEquals(1, gitlab.rotateRequests());
            assertEquals(gitlab.successorOf(old), StoredGitLabToken.currentToken());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSweepWhileTheButtonRenewsSendsNothingAndTheRecordEndsRight() throws Exception {
        gitlab.holdRotationAnswers();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<WebResponse> button = pool.submit(() -> press("updater", StoredGitLabToken.ID));
            untilGitLabRotated();

            String log = sweepAsTheSystem();
            gitlab.releaseRotationAnswers();

            assertTrue(button.get().getContentAsString().contains("Renewed"));
            assertFalse(log.contains("Renewed"), log);
            assertEquals(1, gitlab.rotateRequests());
            String renewed = StoredGitLabToken.currentToken();
            assertEquals(gitlab.successorOf(old), renewed);
            TokenHealthRecord record = HealthRecords.of(StoredGitLabToken.ID);
            assertEquals(Status.VALID, record.getStatus(), "not the sweep's verdict on the token being renewed");
            assertEquals(TODAY.plusDays(95).atStartOfDay(ZoneOffset.UTC).toInstant(), record.getExpiresAt());
            assertFalse(log.contains(renewed) || log.contains(old));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFormOffersRenewalForGitLabOnlyAndNeverShowsTheToken() throws Exception {
        String github = TestTokens.githubClassic();
        StoredGitLabToken.systemStore()
                .addCredentials(
                        Domain.global(),
                        new IcrVcsTokenImpl(
                                CredentialsScope.GLOBAL, "icr-github", "", "github", Secret.fromString(github)));
        JenkinsRule.WebClient client = j.createWebClient().login("updater");
        client.getOptions().setJavaScriptEnabled(false);

        String gitlabForm = client.goTo("credentials/store/system/domain/_/credential/icr-gitlab/updateDialog")
                .getWebResponse()
                .getContentAsString();
        String githubForm = client.goTo("credentials/store/system/domain/_/credential/icr-github/updateDialog")
                .getWebResponse()
                .getContentAsString();

        assertTrue(gitlabForm.contains("Renew automatically") && gitlabForm.contains("Renew now"), gitlabForm);
        assertTrue(gitlabForm.contains("used by no job"), "the jobs it serves");
        assertFalse(githubForm.contains("Renew automatically") || githubForm.contains("Renew now"));
        assertFalse(gitlabForm.contains(old) || githubForm.contains(github));
        assertNull(RenewalJournal.get().latestFor(StoredGitLabToken.ID));
    }
}
