package io.jenkins.plugins.icr.credentials.health;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.security.AccessControlled;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see a health record: whoever may view the credentials of the store it came from, as the store's own page
 * decides (Credentials/View on the store's context, which for a folder also needs Item/Read on it). Overall/Manage,
 * which opens the tokens page and the banner, implies neither, so a manager sees only the rows of stores they may
 * view; an administrator sees every row.
 */
final class RecordAccess {
    private RecordAccess() {}

    static boolean mayView(@NonNull TokenHealthRecord record) {
        return mayView(record.getContextName());
    }

    /** The same for a token found in a store, by the full name of the folder that owns it ("" for the root). */
    static boolean mayView(@CheckForNull String contextName) {
        AccessControlled context = contextOf(contextName);
        return context != null && context.hasPermission(CredentialsProvider.VIEW);
    }

    /** The folder or Jenkins itself, as the current user may see it; null when they may not read the folder. */
    @CheckForNull
    private static AccessControlled contextOf(@CheckForNull String name) {
        Jenkins jenkins = Jenkins.get();
        if (name == null) {
            // Written before records said where they came from: administrators only, until the next sweep.
            return jenkins.hasPermission(Jenkins.ADMINISTER) ? jenkins : null;
        }
        if (name.isEmpty()) {
            return jenkins;
        }
        try {
            return jenkins.getItemByFullName(name, Item.class);
        } catch (AccessDeniedException e) {
            // Item/Discover without Item/Read: the folder exists, but its credentials are not this user's to see.
            return null;
        }
    }
}
