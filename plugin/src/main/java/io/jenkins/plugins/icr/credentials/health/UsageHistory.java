package io.jenkins.plugins.icr.credentials.health;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.BulkChange;
import hudson.model.Fingerprint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The credentials plugin records a credential's uses under a fingerprint of all its fields, the token included, so a
 * renewed credential would start with no history: the builds that used the old token are recorded for the new one
 * too, and the jobs it serves stay known.
 */
final class UsageHistory {
    private static final Logger LOGGER = Logger.getLogger(UsageHistory.class.getName());

    private UsageHistory() {}

    static void carryOver(Credentials renewed, Credentials replacement) {
        try {
            Fingerprint before = CredentialsProvider.getFingerprintOf(renewed);
            if (before == null) {
                return;
            }
            Fingerprint after = CredentialsProvider.getOrCreateFingerprintOf(replacement);
            try (BulkChange change = new BulkChange(after)) {
                for (String job : before.getJobs()) {
                    for (int build : before.getRangeSet(job).listNumbers()) {
                        after.add(job, build);
                    }
                }
                change.commit();
            }
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "The uses of a renewed credential were not carried over", e);
        }
    }
}
