package io.jenkins.plugins.icr.credentials.internal;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.ModelObject;
import hudson.util.FormValidation;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * What the credential form shows of a stored token besides its fields, and the action of its Renew now button. Token
 * health implements it with its own views, so the credential class does not depend on token health
 * (docs/architecture.md, "The plugin"). The views {@code lastVerification.jelly}, {@code usage.jelly} and
 * {@code lastRenewal.jelly} of the implementation are included with {@code instance}, the stored credential.
 */
@Restricted(NoExternalUse.class)
public interface CredentialPanels extends ExtensionPoint {

    /**
     * Renews the stored credential with this ID in the store of the form's context, and tells the open form its new
     * token. Checks Credentials/Update on that context before anything else.
     */
    @NonNull
    FormValidation renewNow(@CheckForNull ModelObject context, @CheckForNull String id, StaplerResponse2 response);

    @NonNull
    static CredentialPanels get() {
        return ExtensionList.lookupSingleton(CredentialPanels.class);
    }
}
