package io.jenkins.plugins.icr.credentials.health;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.CredentialsStoreAction;
import com.cloudbees.plugins.credentials.domains.Domain;
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
 * Every iCR VCS token Jenkins stores: the system store, every folder's own store, and, when asked, every
 * user's. Run as SYSTEM, as periodic work is.
 */
final class TokenLocations {
    private TokenLocations() {}

    static List<StoredToken> all(boolean includeUserStores) {
        List<StoredToken> found = new ArrayList<>();
        Jenkins jenkins = Jenkins.get();
        collectOwnStores(jenkins, "", found);
        // Only item groups (folders) own credential stores; jobs only see their parents'.
        for (Item item : jenkins.allItems(Item.class)) {
            if (item instanceof ItemGroup) {
                collectOwnStores(item, item.getUrl(), found);
            }
        }
        if (includeUserStores) {
            for (User user : User.getAll()) {
                for (CredentialsProvider provider : CredentialsProvider.all()) {
                    CredentialsStore store = provider.isEnabled(user) ? provider.getStore(user) : null;
                    if (store != null) {
                        collect(store, user.getUrl() + "/", found);
                    }
                }
            }
        }
        return found;
    }

    /** The tokens kept in the stores this context owns: the root's, a folder's or a user's. */
    static List<StoredToken> ownedBy(ModelObject context) {
        List<StoredToken> found = new ArrayList<>();
        String contextUrl = context instanceof Item item
                ? item.getUrl()
                : context instanceof User user ? user.getUrl() + "/" : "";
        collectOwnStores(context, contextUrl, found);
        return found;
    }

    /** lookupStores also returns the parents' stores; only the ones this context owns are its own. */
    private static void collectOwnStores(ModelObject context, String contextUrl, List<StoredToken> found) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            if (store.getContext() == context) {
                collect(store, contextUrl, found);
            }
        }
    }

    private static void collect(CredentialsStore store, String contextUrl, List<StoredToken> found) {
        CredentialsStoreAction action = store.getStoreAction();
        String storeUrl = contextUrl + "credentials/store/" + (action == null ? "-" : action.getUrlName()) + "/";
        for (Domain domain : store.getDomains()) {
            for (Credentials credentials : store.getCredentials(domain)) {
                if (credentials instanceof IcrVcsToken token) {
                    found.add(new StoredToken(
                            token,
                            store.getContextDisplayName(),
                            storeUrl + domain.getUrl() + "credential/" + Util.rawEncode(token.getId()) + "/",
                            store,
                            domain));
                }
            }
        }
    }
}
