package io.jenkins.plugins.icr.credentials.impl;

import static io.jenkins.plugins.icr.credentials.FormPosts.get;
import static io.jenkins.plugins.icr.credentials.FormPosts.post;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import io.jenkins.plugins.icr.token.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import mockwebserver3.MockWebServer;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every web method that decrypts a posted token, touches the network or reads the declared servers is POST-only and
 * checks permission before doing anything (the SECURITY-804/3702 class of advisories).
 */
@WithJenkins
class IcrVcsTokenFormSecurityTest {
    private static final List<String> METHODS =
            List.of("verify", "checkToken", "checkLogin", "checkServerUrl", "checkRequiredScopes");

    private JenkinsRule j;
    private MockWebServer attacker;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        attacker = new MockWebServer();
        attacker.start();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, CredentialsProvider.CREATE, CredentialsProvider.UPDATE)
                .everywhere()
                .to("credentials-only")
                .grant(Jenkins.READ, Jenkins.MANAGE, CredentialsProvider.CREATE, CredentialsProvider.UPDATE)
                .everywhere()
                .to("editor"));
    }

    @AfterEach
    void tearDown() {
        attacker.close();
    }

    private Map<String, String> fields(String token) {
        return Map.of(
                "provider",
                "github",
                "serverUrl",
                attacker.url("/").toString(),
                "login",
                "",
                "token",
                token,
                "value",
                token,
                "requiredScopes",
                "");
    }

    /** Every user and method is checked (assertAll), each on the refusal itself, not on a login page it leads to. */
    @Test
    void anonymousReadOnlyAndCredentialsOnlyUsersAreRefusedAtTheRoot() throws Exception {
        String token = TestTokens.githubClassic();
        List<Executable> checks = new ArrayList<>();
        for (String user : new String[] {null, "reader", "credentials-only"}) {
            for (String method : METHODS) {
                WebResponse response = post(j, user, IcrVcsTokenImpl.class, method, fields(token));
                checks.add(() -> assertEquals(403, response.getStatusCode(), method + " as " + user));
                checks.add(() -> assertFalse(response.getContentAsString().contains(token), method + " as " + user));
            }
        }
        assertEquals(6 * METHODS.size(), checks.size());
        assertAll(checks);
        assertEquals(0, attacker.getRequestCount(), "nothing was sent anywhere");
    }

    @Test
    void requiredScopesAreReadAsTheVerifierWillReadThem() throws Exception {
        String parsed = post(
                        j, "editor", IcrVcsTokenImpl.class, "checkRequiredScopes", Map.of("value", " repo,  workflow "))
                .getContentAsString();
        assertTrue(parsed.contains("Required: repo, workflow."), parsed);
        String refused = post(
                        j,
                        "editor",
                        IcrVcsTokenImpl.class,
                        "checkRequiredScopes",
                        Map.of("value", "repo, work\u0007flow"))
                .getContentAsString();
        assertTrue(refused.contains("error") && refused.contains("\\u0007"), refused);
    }

    @Test
    void getIsNotDispatched() throws Exception {
        for (String method : METHODS) {
            assertEquals(404, get(j, "editor", IcrVcsTokenImpl.class, method).getStatusCode(), method);
        }
    }

    @Test
    void editorMayCheckButNotSendATokenToAnUndeclaredServer() throws Exception {
        String token = TestTokens.githubClassic();
        WebResponse check = post(j, "editor", IcrVcsTokenImpl.class, "checkToken", fields(token));
        assertEquals(200, check.getStatusCode());
        WebResponse verify = post(j, "editor", IcrVcsTokenImpl.class, "verify", fields(token));
        assertEquals(200, verify.getStatusCode());
        String body = verify.getContentAsString();
        assertFalse(body.contains(token));
        assertEquals(true, body.contains("INVALID_INPUT") && body.contains("not a declared GitHub server"), body);
        assertFalse(body.contains(attacker.url("/").toString()), "the refused URL is quoted back: " + body);
        assertEquals(0, attacker.getRequestCount(), "an undeclared server receives nothing");
    }
}
