package io.jenkins.plugins.icr.credentials.health;

import io.jenkins.plugins.icr.credentials.IcrVcsToken;

/**
 * A token found in a credential store, with where it lives: the full name of the folder that owns the store (empty
 * for the system store), the store's name as people see it and the relative URL of the credential's page.
 */
record StoredToken(IcrVcsToken token, String contextName, String storeName, String credentialUrl) {
    String id() {
        return token.getId();
    }

    String description() {
        return token.getDescription();
    }
}
