package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The renewal state of every credential, in {@code $JENKINS_HOME/<this class>.xml}. A renewal claims its credential
 * here, and the claim is on disk before the rotation request leaves: a Jenkins that stops in between finds it at its
 * next start, and no second renewal of that credential can start while one is running or unsettled.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class RenewalJournal implements Saveable {
    private static final Logger LOGGER = Logger.getLogger(RenewalJournal.class.getName());

    private Map<String, RenewalEntry> entries = new LinkedHashMap<>();

    /** Credentials whose renewal runs in this Jenkins now; an IN_FLIGHT entry of any other is an orphan. */
    private final transient Set<String> running = ConcurrentHashMap.newKeySet();

    public RenewalJournal() {
        load();
    }

    @NonNull
    public static RenewalJournal get() {
        return ExtensionList.lookupSingleton(RenewalJournal.class);
    }

    @CheckForNull
    public synchronized RenewalEntry of(@NonNull String credentialUrl) {
        return entries.get(credentialUrl);
    }

    @NonNull
    public synchronized List<RenewalEntry> all() {
        return new ArrayList<>(entries.values());
    }

    /** The latest entry of a credential ID, in any store; for its form. */
    @CheckForNull
    public synchronized RenewalEntry latestFor(@NonNull String credentialId) {
        return entries.values().stream()
                .filter(e -> e.getCredentialId().equals(credentialId))
                .max((a, b) -> a.getAt().compareTo(b.getAt()))
                .orElse(null);
    }

    /** Whether a renewal of this credential runs in this Jenkins right now. */
    boolean isRunningHere(String credentialUrl) {
        return running.contains(credentialUrl);
    }

    /**
     * Claims the credential for one renewal and writes the claim to disk. Refused (false) while another renewal of
     * it runs or is unsettled.
     *
     * @throws IOException when the claim cannot be written; then nothing may be sent
     */
    synchronized boolean claim(@NonNull RenewalEntry inFlight) throws IOException {
        String key = inFlight.getCredentialUrl();
        RenewalEntry current = entries.get(key);
        if (running.contains(key) || (current != null && current.getState().isBlocking())) {
            return false;
        }
        entries.put(key, inFlight);
        try {
            file().write(this);
        } catch (IOException e) {
            restore(key, current);
            throw e;
        }
        running.add(key);
        return true;
    }

    /** Records where a renewal stands and, when it is settled, releases the claim. Kept in memory if not on disk. */
    synchronized void record(@NonNull RenewalEntry entry) {
        entries.put(entry.getCredentialUrl(), entry);
        if (entry.getState() != RenewalEntry.State.IN_FLIGHT) {
            running.remove(entry.getCredentialUrl());
        }
        save();
    }

    /** Releases a claim without recording anything, for a renewal that stopped before sending. */
    synchronized void release(@NonNull String credentialUrl, @CheckForNull RenewalEntry previous) {
        running.remove(credentialUrl);
        restore(credentialUrl, previous);
        save();
    }

    /** Forgets a credential whose token was replaced by a person. */
    synchronized void forget(@NonNull String credentialUrl) {
        if (entries.remove(credentialUrl) != null) {
            save();
        }
    }

    private void restore(String key, RenewalEntry previous) {
        if (previous == null) {
            entries.remove(key);
        } else {
            entries.put(key, previous);
        }
    }

    @Override
    public synchronized void save() {
        try {
            file().write(this);
            SaveableListener.fireOnChange(this, file());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save the iCR VCS token renewal journal; it is kept in memory", e);
        }
    }

    private synchronized void load() {
        XmlFile file = file();
        if (file.exists()) {
            try {
                file.unmarshal(this);
            } catch (IOException e) {
                LOGGER.log(Level.SEVERE, "Could not read the iCR VCS token renewal journal", e);
            }
        }
        if (entries == null) {
            entries = new LinkedHashMap<>();
        }
    }

    private static XmlFile file() {
        return new XmlFile(new File(Jenkins.get().getRootDir(), RenewalJournal.class.getName() + ".xml"));
    }
}
