package io.jenkins.plugins.icr.credentials.health;

import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import java.io.IOException;

/**
 * Writes a renewed credential into its own store, as the system: whoever asked was checked for Credentials/Update on
 * that store before anything else, and a sweep is the system already. Stores save as part of the update.
 */
final class StoreWriter {
    private StoreWriter() {}

    /** Null when saved; otherwise why not, in words for the administrator. */
    static String replace(StoredToken where, IcrVcsTokenImpl current, IcrVcsTokenImpl replacement) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return where.store().updateCredentials(where.domain(), current, replacement)
                    ? null
                    : Messages.StoreWriter_Changed();
        } catch (IOException e) {
            return Messages.StoreWriter_Failed(e.getClass().getSimpleName());
        }
    }

    /** Saves a store that already holds the renewed credential in memory (its earlier save failed). */
    static String save(StoredToken where) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            where.store().save();
            return null;
        } catch (IOException e) {
            return Messages.StoreWriter_Failed(e.getClass().getSimpleName());
        }
    }
}
