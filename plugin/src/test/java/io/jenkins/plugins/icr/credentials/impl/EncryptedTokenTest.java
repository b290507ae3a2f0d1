package io.jenkins.plugins.icr.credentials.impl;

import static io.jenkins.plugins.icr.credentials.FormPosts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import hudson.model.User;
import io.jenkins.plugins.icr.credentials.Stores;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.util.HashMap;
import java.util.Map;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The credential form's checks decrypt nothing but the stored token of the credential being edited: any other
 * encrypted value posted (copied from another credential, a job, a file) is taken as the text it is, in every field,
 * at the root, in a folder and in a user's own store (where every user may create credentials).
 */
@WithJenkins
class EncryptedTokenTest {
    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    private JenkinsRule j;
    private String rootToken;
    private String teamToken;
    private String ownToken;
    private String rootEncrypted;
    private String teamEncrypted;
    private String ownEncrypted;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        rootToken = TestTokens.githubClassic();
        teamToken = TestTokens.githubClassic();
        ownToken = TestTokens.githubClassic();
        rootEncrypted =
                TestCredentials.add(github, j, "icr-root", rootToken).getToken().getEncryptedValue();
        Folder team = j.jenkins.createProject(Folder.class, "team");
        teamEncrypted = TestCredentials.add(github, Stores.ownStore(team), "icr-team", teamToken)
                .getToken()
                .getEncryptedValue();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .toAuthenticated()
                .grant(Jenkins.MANAGE, CredentialsProvider.VIEW, CredentialsProvider.CREATE, CredentialsProvider.UPDATE)
                .everywhere()
                .to("editor")
                .grant(Item.READ, CredentialsProvider.VIEW, CredentialsProvider.CREATE, CredentialsProvider.UPDATE)
                .onFolders(team)
                .to("team-editor"));
        ownEncrypted = TestCredentials.addUserToken(github, User.getById("mallory", true), "mine", ownToken)
                .getToken()
                .getEncryptedValue();
    }

    private Map<String, String> form(String id, String token) {
        Map<String, String> form = new HashMap<>();
        form.put("provider", "github");
        form.put("serverUrl", github.webUrl());
        form.put("login", "");
        form.put("requiredScopes", "");
        form.put("id", id);
        form.put("token", token);
        form.put("value", token);
        return form;
    }

    /** Posts the form's three checks and asserts that none shows {@code secret}; returns the tokens the server got. */
    private void assertNotRevealed(String user, String context, Map<String, String> form, String secret)
            throws Exception {
        for (String method : new String[] {"checkToken", "checkLogin", "verify"}) {
            String answer =
                    post(j, user, context, IcrVcsTokenImpl.class, method, form).getContentAsString();
            assertFalse(answer.contains(secret), method + " as " + user + " in '" + context + "' shows it: " + answer);
        }
        assertFalse(github.receivedTokens().contains(secret), "sent to the provider");
    }

    @Test
    void atTheRootOnlyTheEditedCredentialsOwnTokenIsDecrypted() throws Exception {
        assertNotRevealed("editor", "", form("icr-root", teamEncrypted), teamToken);
        assertNotRevealed("editor", "", form("no-such-id", rootEncrypted), rootToken);

        post(j, "editor", "", IcrVcsTokenImpl.class, "verify", form("icr-root", rootEncrypted));
        assertTrue(github.receivedTokens().contains(rootToken), "the form's own round trip still verifies");
    }

    @Test
    void inAFolderAnotherStoresTokenStaysEncrypted() throws Exception {
        assertNotRevealed("team-editor", "job/team/", form("icr-team", rootEncrypted), rootToken);
        // The root credential is not in this folder's own store.
        assertNotRevealed("team-editor", "job/team/", form("icr-root", rootEncrypted), rootToken);

        post(j, "team-editor", "job/team/", IcrVcsTokenImpl.class, "verify", form("icr-team", teamEncrypted));
        assertTrue(github.receivedTokens().contains(teamToken));
    }

    @Test
    void inTheirOwnStoreAUserCannotHaveAnyFieldDecrypted() throws Exception {
        assertNotRevealed("mallory", "user/mallory/", form("mine", rootEncrypted), rootToken);
        // Every field, not only the token: a login or scope list would be shown back.
        Map<String, String> fields = form("mine", ownEncrypted);
        fields.put("login", rootEncrypted);
        fields.put("value", rootEncrypted);
        fields.put("requiredScopes", rootEncrypted);
        assertNotRevealed("mallory", "user/mallory/", fields, rootToken);
        fields.put("serverUrl", rootEncrypted);
        assertNotRevealed("mallory", "user/mallory/", fields, rootToken);

        post(j, "mallory", "user/mallory/", IcrVcsTokenImpl.class, "verify", form("mine", ownEncrypted));
        assertTrue(github.receivedTokens().contains(ownToken), "her own credential's round trip still verifies");
        assertEquals(
                0,
                github.receivedTokens().stream()
                        .filter(t -> t.equals(rootToken) || t.equals(teamToken))
                        .count());
    }
}
