package io.jenkins.plugins.icr.credentials.impl;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.ModelObject;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The credential form's fields exactly as they were posted. Stapler turns any posted field that decrypts as a Jenkins
 * secret into its plain text before it reaches a {@code String} parameter (core's {@code Secret} registers that
 * converter), which would let anyone who may edit some credential (every user may, in their own store) have Jenkins
 * decrypt a value copied from elsewhere and show it back in a check. So the form's web methods read their fields
 * here, and only the token field may be an encrypted value: the one the form round-trips for the credential being
 * edited, which must be that credential's stored token. Any other encrypted value is taken as the text it is.
 */
final class PostedCredential {
    private final StaplerRequest2 request;

    private PostedCredential(StaplerRequest2 request) {
        this.request = request;
    }

    /** The fields of the request being served. */
    @NonNull
    static PostedCredential current() {
        return new PostedCredential(Stapler.getCurrentRequest2());
    }

    /** A field as typed; empty when absent. */
    @NonNull
    String field(@NonNull String name) {
        return Util.fixNull(request.getParameter(name));
    }

    /**
     * A token field: the stored token when the field holds its encrypted form and the user may see and update the
     * credential named by the {@code id} field in {@code context}'s own store; otherwise the text as typed.
     */
    @NonNull
    String token(@NonNull String name, @CheckForNull ModelObject context) {
        String typed = field(name);
        Secret decrypted = Secret.decrypt(typed);
        if (decrypted == null) {
            return typed;
        }
        IcrVcsToken edited = editedCredential(context == null ? Jenkins.get() : context, field("id"));
        return edited != null && edited.getToken().getPlainText().equals(decrypted.getPlainText())
                ? decrypted.getPlainText()
                : typed;
    }

    /**
     * The credential being edited, as the user sees the stores this context owns (a store lists its credentials only
     * to those with Credentials/View, a user's store only to its owner), in a store where they have Credentials/Update.
     */
    @CheckForNull
    private static IcrVcsToken editedCredential(ModelObject context, String id) {
        if (id.isBlank()) {
            return null;
        }
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            if (store.getContext() != context || !store.hasPermission(CredentialsProvider.UPDATE)) {
                continue;
            }
            for (Domain domain : store.getDomains()) {
                for (Credentials credentials : store.getCredentials(domain)) {
                    if (credentials instanceof IcrVcsToken token
                            && token.getId().equals(id)) {
                        return token;
                    }
                }
            }
        }
        return null;
    }
}
