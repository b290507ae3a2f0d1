package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The problems an administrator dismissed from the banner, each with the verdict its token had then. A problem stays
 * dismissed until that verdict changes (another status, kind, missing scopes or expiry, or the expiry passing), so
 * news about a token always shows again. Kept in {@code $JENKINS_HOME/<this class>.xml}: a restart brings nothing back.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class BannerDismissals {
    private static final Logger LOGGER = Logger.getLogger(BannerDismissals.class.getName());

    /** Health record key → the verdict it had when dismissed. */
    private Map<String, String> dismissed = new HashMap<>();

    public BannerDismissals() {
        load();
    }

    @NonNull
    public static BannerDismissals get() {
        return ExtensionList.lookupSingleton(BannerDismissals.class);
    }

    public synchronized boolean isDismissed(@NonNull TokenHealthRecord record, @NonNull Instant now) {
        return verdictOf(record, now).equals(dismissed.get(record.getKey()));
    }

    /** Dismisses the problems shown; forgets earlier dismissals whose token is gone or whose verdict changed. */
    public synchronized void dismiss(
            @NonNull Collection<TokenHealthRecord> shown,
            @NonNull Collection<TokenHealthRecord> all,
            @NonNull Instant now) {
        Map<String, String> next = new HashMap<>();
        all.stream().filter(r -> isDismissed(r, now)).forEach(r -> next.put(r.getKey(), verdictOf(r, now)));
        shown.forEach(r -> next.put(r.getKey(), verdictOf(r, now)));
        dismissed = next;
        save();
    }

    private static String verdictOf(TokenHealthRecord record, Instant now) {
        Instant expires = record.getExpiresAt();
        return String.join(
                "|",
                record.getStatus().name(),
                // In English whoever dismisses, as the dismissals kept on disk were written.
                record.kind().displayName().toString(),
                String.join(",", record.getMissing()),
                String.valueOf(expires),
                String.valueOf(expires != null && expires.isBefore(now)));
    }

    /** What the banner shows is no configuration: no BulkChange, no SaveableListener, only the file. */
    private void save() {
        try {
            file().write(this);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save the dismissed iCR VCS token problems", e);
        }
    }

    private synchronized void load() {
        XmlFile file = file();
        try {
            if (file.exists()) {
                file.unmarshal(this);
            }
        } catch (IOException e) {
            LOGGER.log(
                    Level.WARNING, "Could not load the dismissed iCR VCS token problems; the banner shows them all", e);
        }
        if (dismissed == null) {
            dismissed = new HashMap<>();
        }
    }

    private static XmlFile file() {
        return new XmlFile(new File(Jenkins.get().getRootDir(), BannerDismissals.class.getName() + ".xml"));
    }
}
