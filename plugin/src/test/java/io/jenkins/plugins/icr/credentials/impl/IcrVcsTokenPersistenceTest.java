package io.jenkins.plugins.icr.credentials.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.token.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

class IcrVcsTokenPersistenceTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void tokenIsStoredEncryptedAndSurvivesARestart() throws Throwable {
        String value = TestTokens.atlassianApiToken();
        sessions.then(r -> {
            IcrVcsTokenImpl credential = new IcrVcsTokenImpl(
                    CredentialsScope.GLOBAL, "icr-bitbucket", "iCR Bitbucket", "bitbucket", Secret.fromString(value));
            credential.setLogin("jane@example.com");
            credential.setRequiredScopes("read:repository:bitbucket");
            CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(), credential);
            Path file = r.jenkins.getRootDir().toPath().resolve("credentials.xml");
            String onDisk = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(onDisk.contains("icr-bitbucket"), onDisk);
            assertFalse(onDisk.contains(value), "the token is on disk in clear text");
        });
        sessions.then(r -> {
            IcrVcsToken credential = CredentialsMatchers.firstOrNull(
                    CredentialsProvider.lookupCredentialsInItemGroup(IcrVcsToken.class, r.jenkins, ACL.SYSTEM2),
                    CredentialsMatchers.withId("icr-bitbucket"));
            assertNotNull(credential);
            assertEquals(value, credential.getToken().getPlainText());
            assertEquals("bitbucket", credential.getProvider());
            assertEquals("jane@example.com", credential.getLogin());
            assertEquals("read:repository:bitbucket", credential.getRequiredScopes());
        });
    }
}
