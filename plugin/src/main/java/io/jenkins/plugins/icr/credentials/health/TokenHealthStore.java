package io.jenkins.plugins.icr.credentials.health;

import com.cloudbees.plugins.credentials.CredentialsStore;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The last verdict on every stored token, and when the last sweep ended, kept in
 * {@code $JENKINS_HOME/<this class>.xml} so that both survive restarts. It holds credential ids, statuses and
 * provider answers; never a token.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class TokenHealthStore implements Saveable {
    private static final Logger LOGGER = Logger.getLogger(TokenHealthStore.class.getName());

    private Map<String, TokenHealthRecord> records = new LinkedHashMap<>();

    /** When the last sweep ended, in epoch milliseconds; 0 before the first, or in a file written before it was kept. */
    private long sweptAt;

    public TokenHealthStore() {
        load();
    }

    @NonNull
    public static TokenHealthStore get() {
        return ExtensionList.lookupSingleton(TokenHealthStore.class);
    }

    @NonNull
    public synchronized List<TokenHealthRecord> all() {
        return new ArrayList<>(records.values());
    }

    @CheckForNull
    public synchronized TokenHealthRecord get(@NonNull String key) {
        return records.get(key);
    }

    /** The record of the credential with this id in this store (ids are unique per store); null if none. */
    @CheckForNull
    public synchronized TokenHealthRecord find(@NonNull CredentialsStore store, @NonNull String credentialId) {
        String storeUrl = TokenLocations.storeUrl(store);
        return storeUrl == null
                ? null
                : records.values().stream()
                        .filter(r -> r.isOf(storeUrl, credentialId))
                        .findFirst()
                        .orElse(null);
    }

    /** Replaces one credential's record, as after a renewal between two sweeps. */
    public synchronized void put(@NonNull TokenHealthRecord record) {
        records.put(record.getKey(), record);
        save();
    }

    /**
     * When the last sweep ended. A file written before that was kept gives its newest record's time, so that an
     * upgrade does not make every token due at once.
     */
    @NonNull
    public synchronized Instant lastSweep() {
        if (sweptAt > 0) {
            return Instant.ofEpochMilli(sweptAt);
        }
        return records.values().stream()
                .map(TokenHealthRecord::getCheckedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    /** Replaces everything with one sweep's records (a credential deleted since is forgotten) and notes its end. */
    public synchronized void replaceAll(@NonNull Collection<TokenHealthRecord> latest, @NonNull Instant sweepEnd) {
        Map<String, TokenHealthRecord> next = new LinkedHashMap<>();
        latest.forEach(r -> next.put(r.getKey(), r));
        records = next;
        sweptAt = sweepEnd.toEpochMilli();
        save();
    }

    @Override
    public synchronized void save() {
        if (BulkChange.contains(this)) {
            return;
        }
        try {
            file().write(this);
            SaveableListener.fireOnChange(this, file());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save the iCR VCS token health records", e);
        }
    }

    private synchronized void load() {
        XmlFile file = file();
        if (!file.exists()) {
            return;
        }
        try {
            file.unmarshal(this);
        } catch (IOException e) {
            LOGGER.log(
                    Level.WARNING, "Could not load the iCR VCS token health records; the next sweep rebuilds them", e);
        }
        if (records == null) {
            records = new LinkedHashMap<>();
        }
        // A status this version does not know would fail every page that shows it; the next sweep rewrites it.
        records.values().removeIf(r -> !r.isReadable());
    }

    private static XmlFile file() {
        return new XmlFile(new File(Jenkins.get().getRootDir(), TokenHealthStore.class.getName() + ".xml"));
    }
}
