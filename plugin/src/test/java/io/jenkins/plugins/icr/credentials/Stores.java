package io.jenkins.plugins.icr.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import hudson.model.ModelObject;

/** The credential store a folder, a user or Jenkins owns (lookupStores also lists the parents' stores). */
public final class Stores {
    private Stores() {}

    public static CredentialsStore ownStore(ModelObject context) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            if (store.getContext() == context) {
                return store;
            }
        }
        throw new AssertionError("no store of its own: " + context.getDisplayName());
    }
}
