package io.jenkins.plugins.icr.credentials.health;

import com.cloudbees.plugins.credentials.CredentialsStoreAction;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.ModelObject;
import hudson.util.FormValidation;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.credentials.internal.CredentialPanels;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** Token health's panels in the credential form: last verification, jobs served, last renewal, Renew now. */
@Extension
@Restricted(NoExternalUse.class)
public final class HealthPanels implements CredentialPanels {

    /**
     * The last sweep's record of the token whose form is shown, from the store the page is in (another store may hold
     * a credential with the same id); null before the first sweep or outside a store's pages.
     */
    @CheckForNull
    public TokenHealthRecord healthOf(@NonNull IcrVcsToken token) {
        StaplerRequest2 request = Stapler.getCurrentRequest2();
        CredentialsStoreAction action =
                request == null ? null : request.findAncestorObject(CredentialsStoreAction.class);
        return action == null ? null : TokenHealthStore.get().find(action.getStore(), token.getId());
    }

    @NonNull
    @Override
    public FormValidation renewNow(
            @CheckForNull ModelObject context, @CheckForNull String id, StaplerResponse2 response) {
        return RenewNow.press(context, id, response);
    }
}
