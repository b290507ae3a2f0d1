package io.jenkins.plugins.icr.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.token.ProviderServer;
import java.util.List;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * iCR credentials in the stores of the running Jenkins, and a {@link ProviderServer} declared as its GitHub
 * Enterprise Server: the Jenkins side of the tests; the provider side is the server's.
 */
public final class TestCredentials {
    private TestCredentials() {}

    /** Declares this server as the running Jenkins' only iCR VCS server, a GitHub. */
    public static void declare(ProviderServer github) {
        IcrVcsServers.get().setServers(List.of(new IcrVcsServer("github", "Test GitHub", github.webUrl())));
    }

    /** Declares this server, stores a token for it in the system store and returns the credential. */
    public static IcrVcsTokenImpl add(ProviderServer github, JenkinsRule j, String id, String token) throws Exception {
        return add(
                github, CredentialsProvider.lookupStores(j.jenkins).iterator().next(), id, token);
    }

    /** Declares this server, stores a token for it in the given store and returns the credential. */
    public static IcrVcsTokenImpl add(ProviderServer github, CredentialsStore store, String id, String token)
            throws Exception {
        IcrVcsTokenImpl credential = credential(github, id, token);
        store.addCredentials(Domain.global(), credential);
        return credential;
    }

    /** Declares this server and stores a token for it in the user's own store, which only its owner may fill. */
    public static IcrVcsTokenImpl addUserToken(ProviderServer github, User user, String id, String token)
            throws Exception {
        try (ACLContext ignored = ACL.as2(user.impersonate2())) {
            return add(github, Stores.ownStore(user), id, token);
        }
    }

    /** Declares this server and returns a credential of a token for it, not stored anywhere yet. */
    public static IcrVcsTokenImpl credential(ProviderServer github, String id, String token) throws Exception {
        declare(github);
        IcrVcsTokenImpl credential =
                new IcrVcsTokenImpl(CredentialsScope.GLOBAL, id, "iCR test token", "github", Secret.fromString(token));
        credential.setServerUrl(github.webUrl());
        return credential;
    }

    /** Stores a token in the system store and returns the credential. */
    public static IcrVcsTokenImpl store(
            JenkinsRule j, String id, String description, String provider, String serverUrl, String token)
            throws Exception {
        IcrVcsTokenImpl credential =
                new IcrVcsTokenImpl(CredentialsScope.GLOBAL, id, description, provider, Secret.fromString(token));
        credential.setServerUrl(serverUrl);
        CredentialsProvider.lookupStores(j.jenkins).iterator().next().addCredentials(Domain.global(), credential);
        return credential;
    }
}
