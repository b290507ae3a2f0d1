package io.jenkins.plugins.icr.credentials.health;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.ModelObject;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessControlled;
import hudson.util.FormValidation;
import hudson.util.Secret;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The Renew now button of a stored GitLab credential. Credentials/Update where the form lives is checked before the
 * credential is even looked up, and again on the store that holds it.
 */
@Restricted(NoExternalUse.class)
public final class RenewNow {
    /** The function of the form's script (renewal.js) that puts the renewed token into the open form. */
    private static final String CALLBACK = "icrVcsTokenRenewed";

    private RenewNow() {}

    public static FormValidation press(
            @CheckForNull ModelObject context, @CheckForNull String id, StaplerResponse2 response) {
        AccessControlled where = context instanceof AccessControlled controlled ? controlled : Jenkins.get();
        where.checkPermission(CredentialsProvider.UPDATE);
        StoredToken stored;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            stored = TokenLocations.ownedBy(context == null ? Jenkins.get() : context).stream()
                    .filter(t -> t.id().equals(id))
                    .findFirst()
                    .orElse(null);
        }
        if (stored == null) {
            return FormValidation.error(Messages.RenewNow_NotStored());
        }
        stored.store().checkPermission(CredentialsProvider.UPDATE);
        Renewer.Result result = Renewer.renew(stored, false);
        if (!result.renewed()) {
            return FormValidation.error(result.message());
        }
        response.setHeader("X-Jenkins-ValidateButton-Callback", callback(result.stored()));
        return FormValidation.ok(result.message() + " " + Messages.RenewNow_FormUpdated());
    }

    /**
     * The form still holds the old token, which GitLab has just revoked; saving it would put that back. The callback
     * hands the form the new token encrypted, as the form's password field holds every stored token.
     */
    private static String callback(Secret stored) {
        return new JSONObject()
                .element("callback", CALLBACK)
                .element("arguments", JSONArray.fromObject(List.of(stored.getEncryptedValue())))
                .toString();
    }
}
