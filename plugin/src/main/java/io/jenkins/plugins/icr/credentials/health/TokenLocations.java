package io.jenkins.plugins.icr.credentials.health;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.CredentialsStoreAction;
import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.ModelObject;
import hudson.model.User;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Every iCR VCS token Jenkins stores in the system store and in folders' own stores. Users' own stores are left out:
 * they show their content only to their owner, and their tokens are their owners' business. Run as SYSTEM, as
 * periodic work is.
 */
final class TokenLocations {
    private TokenLocations() {}

    static List<StoredToken> all() {
        List<StoredToken> found = new ArrayList<>();
        Jenkins jenkins = Jenkins.get();
        collectOwnStores(jenkins, found);
        // Only item groups (folders) own credential stores; jobs only see their parents'.
        for (Item item : jenkins.allItems(Item.class)) {
            if (item instanceof ItemGroup) {
                collectOwnStores(item, found);
            }
        }
        return found;
    }

    /**
     * The URL of a store's page relative to the Jenkins root, as the records name it; null for a store that is
     * neither the system store, a folder's nor a user's.
     */
    @CheckForNull
    static String storeUrl(@NonNull CredentialsStore store) {
        ModelObject context = store.getContext();
        String contextUrl = context instanceof Jenkins
                ? ""
                : context instanceof Item item
                        ? item.getUrl()
                        : context instanceof User user ? user.getUrl() + "/" : null;
        if (contextUrl == null) {
            return null;
        }
        CredentialsStoreAction action = store.getStoreAction();
        return contextUrl + "credentials/store/" + (action == null ? "-" : action.getUrlName()) + "/";
    }

    /** The tokens kept in the stores this context owns: the root's, a folder's or a user's. */
    static List<StoredToken> ownedBy(ModelObject context) {
        List<StoredToken> found = new ArrayList<>();
        collectOwnStores(context, found);
        return found;
    }

    /** lookupStores also returns the parents' stores; only the ones this context owns are its own. */
    private static void collectOwnStores(ModelObject context, List<StoredToken> found) {
        String contextName = context instanceof Item item ? item.getFullName() : "";
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            String storeUrl = store.getContext() == context ? storeUrl(store) : null;
            if (storeUrl != null) {
                collect(store, contextName, storeUrl, found);
            }
        }
    }

    private static void collect(CredentialsStore store, String contextName, String storeUrl, List<StoredToken> found) {
        for (Domain domain : store.getDomains()) {
            for (Credentials credentials : store.getCredentials(domain)) {
                if (credentials instanceof IcrVcsToken token) {
                    found.add(new StoredToken(
                            token,
                            contextName,
                            store.getContextDisplayName(),
                            storeUrl + domain.getUrl() + "credential/" + Util.rawEncode(token.getId()) + "/",
                            store,
                            domain));
                }
            }
        }
    }
}
