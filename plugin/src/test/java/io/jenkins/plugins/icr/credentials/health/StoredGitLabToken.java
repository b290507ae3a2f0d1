package io.jenkins.plugins.icr.credentials.health;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.IcrVcsServer;
import io.jenkins.plugins.icr.credentials.IcrVcsServers;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.token.ProviderServer;
import java.util.List;
import jenkins.model.Jenkins;

/** GitLab tokens in the system store of the running Jenkins, pointed at a local GitLab declared as its server. */
final class StoredGitLabToken {
    static final String ID = "icr-gitlab";

    private StoredGitLabToken() {}

    static void declare(ProviderServer gitlab) {
        IcrVcsServers.get().setServers(List.of(new IcrVcsServer("gitlab", "Test GitLab", gitlab.webUrl())));
    }

    /** Stores the token under {@link #ID}, renewing automatically or not. */
    static IcrVcsTokenImpl store(ProviderServer gitlab, String token, boolean renewAutomatically) throws Exception {
        IcrVcsTokenImpl credential =
                new IcrVcsTokenImpl(CredentialsScope.GLOBAL, ID, "iCR on GitLab", "gitlab", Secret.fromString(token));
        credential.setServerUrl(gitlab.webUrl());
        credential.setRenewAutomatically(renewAutomatically);
        systemStore().addCredentials(Domain.global(), credential);
        return credential;
    }

    /** The credential as the store holds it now. */
    static IcrVcsTokenImpl current() {
        return systemStore().getCredentials(Domain.global()).stream()
                .filter(c -> c instanceof IcrVcsTokenImpl t && t.getId().equals(ID))
                .map(IcrVcsTokenImpl.class::cast)
                .findFirst()
                .orElseThrow();
    }

    static String currentToken() {
        return current().getToken().getPlainText();
    }

    /** Where the sweep and the button find it. */
    static StoredToken located() {
        return TokenLocations.ownedBy(Jenkins.get()).stream()
                .filter(t -> t.id().equals(ID))
                .findFirst()
                .orElseThrow();
    }

    static CredentialsStore systemStore() {
        return CredentialsProvider.lookupStores(Jenkins.get()).iterator().next();
    }
}
