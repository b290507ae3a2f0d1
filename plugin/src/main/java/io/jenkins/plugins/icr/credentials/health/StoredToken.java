package io.jenkins.plugins.icr.credentials.health;

import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;

/**
 * A token found in a credential store, with where it lives: the full name of the folder that owns the store (empty
 * for the system store), the store's name as people see it, the relative URL of the credential's page, and the store
 * and domain that hold it (a renewal replaces it there).
 */
record StoredToken(
        IcrVcsToken token,
        String contextName,
        String storeName,
        String credentialUrl,
        CredentialsStore store,
        Domain domain) {
    String id() {
        return token.getId();
    }

    String description() {
        return token.getDescription();
    }
}
