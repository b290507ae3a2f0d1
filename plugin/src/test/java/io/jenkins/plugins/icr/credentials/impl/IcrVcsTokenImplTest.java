package io.jenkins.plugins.icr.credentials.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.Descriptor;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.HandEdited;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.credentials.internal.Verification;
import io.jenkins.plugins.icr.token.TestTokens;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class IcrVcsTokenImplTest {

    private static IcrVcsTokenImpl token(String provider, String login, String token) throws Descriptor.FormException {
        IcrVcsTokenImpl credential =
                new IcrVcsTokenImpl(CredentialsScope.GLOBAL, "icr", "", provider, Secret.fromString(token));
        credential.setLogin(login);
        return credential;
    }

    @Test
    void usernameIsWhatGitExpectsForTheProviderAndKind(JenkinsRule j) throws Exception {
        assertEquals(
                "x-access-token",
                token("github", "", TestTokens.githubClassic()).getUsername());
        assertEquals("oauth2", token("gitlab", "", TestTokens.gitlab()).getUsername());
        IcrVcsTokenImpl apiToken = token("bitbucket", "jane@example.com", TestTokens.atlassianApiToken());
        assertEquals("x-bitbucket-api-token-auth", apiToken.getUsername());
        assertEquals("jane@example.com", apiToken.getLogin(), "the REST login is kept apart from the git username");
        assertEquals(
                "x-token-auth",
                token("bitbucket", "", TestTokens.random("", 40)).getUsername());
        assertFalse(apiToken.isUsernameSecret());
    }

    @Test
    void passwordAndSecretAreTheTrimmedToken(JenkinsRule j) throws Exception {
        String value = TestTokens.githubClassic();
        IcrVcsTokenImpl credential = token("github", "", "  " + value + "\r\n");
        assertEquals(value, credential.getToken().getPlainText());
        assertEquals(value, credential.getPassword().getPlainText());
        assertEquals(value, credential.getSecret().getPlainText());
    }

    @Test
    void nameShowsDescriptionAndProviderButNeverTheToken(JenkinsRule j) throws Exception {
        String value = TestTokens.gitlab();
        IcrVcsTokenImpl described = new IcrVcsTokenImpl(
                CredentialsScope.GLOBAL, "icr-gitlab", "Nightly iCR", "gitlab", Secret.fromString(value));
        assertEquals("Nightly iCR (GitLab)", CredentialsNameProvider.name(described));
        IcrVcsTokenImpl bare = token("gitlab", "", value);
        String name = CredentialsNameProvider.name(bare);
        assertTrue(name.contains("GitLab") && name.contains("icr"), name);
        assertFalse(name.contains(value));
    }

    @Test
    void unknownProviderIsAFormError(JenkinsRule j) {
        Descriptor.FormException refused = assertThrows(
                Descriptor.FormException.class, () -> token("sourceforge", "", TestTokens.githubClassic()));
        assertEquals("provider", refused.getFormField());
    }

    @Test
    void aCredentialSavedBeforeLaterFieldsLoadsWithTheirDefaults(JenkinsRule j) {
        IcrVcsToken old = HandEdited.token("icr-old", "github", null, TestTokens.githubClassic());
        assertEquals("", old.getServerUrl());
        assertEquals("", old.getLogin());
        assertEquals("", old.getRequiredScopes());
        assertEquals("x-access-token", old.getUsername());
    }

    @Test
    void anUnknownProviderStillHasAUsername(JenkinsRule j) {
        IcrVcsToken edited = HandEdited.token("icr-odd", "sourceforge", null, TestTokens.githubClassic());
        assertEquals("", edited.getUsername());
        assertEquals(null, Verification.apiUrlOf(edited), "no API for a provider nobody chose");
    }
}
