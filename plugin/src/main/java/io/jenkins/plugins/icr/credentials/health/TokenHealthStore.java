package io.jenkins.plugins.icr.credentials.health;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * The last verdict on every stored token, kept in {@code $JENKINS_HOME/<this class>.xml} so that it survives
 * restarts. It holds credential ids, statuses and provider answers; never a token.
 */
@Extension
public final class TokenHealthStore implements Saveable {
    private static final Logger LOGGER = Logger.getLogger(TokenHealthStore.class.getName());

    private Map<String, TokenHealthRecord> records = new LinkedHashMap<>();

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

    /** The latest record of a credential id, in any store. */
    @CheckForNull
    public synchronized TokenHealthRecord latestFor(@NonNull String credentialId) {
        return records.values().stream()
                .filter(r -> r.getCredentialId().equals(credentialId))
                .max((a, b) -> a.getCheckedAt().compareTo(b.getCheckedAt()))
                .orElse(null);
    }

    /** Replaces one credential's record, as after a renewal between two sweeps. */
    public synchronized void put(@NonNull TokenHealthRecord record) {
        records.put(record.getKey(), record);
        save();
    }

    /** Replaces everything with one sweep's records: a credential deleted since is forgotten. */
    public synchronized void replaceAll(@NonNull Collection<TokenHealthRecord> latest) {
        Map<String, TokenHealthRecord> next = new LinkedHashMap<>();
        latest.forEach(r -> next.put(r.getKey(), r));
        records = next;
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
    }

    private static XmlFile file() {
        return new XmlFile(new File(Jenkins.get().getRootDir(), TokenHealthStore.class.getName() + ".xml"));
    }
}
