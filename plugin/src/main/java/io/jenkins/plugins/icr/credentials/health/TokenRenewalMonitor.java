package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Tells administrators (Overall/Administer, the monitor's default: its entries name credentials of every folder's
 * store, unfiltered) at once when a renewal needs them: a new token its store has not saved yet,
 * a token lost to a renewal cut short, a renewal whose outcome is still unknown, or an automatic renewal GitLab
 * refused. It reads the journal in memory only.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class TokenRenewalMonitor extends AdministrativeMonitor {
    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.TokenRenewalMonitor_DisplayName();
    }

    @Override
    public boolean isActivated() {
        return !getEntries().isEmpty();
    }

    @NonNull
    public List<RenewalEntry> getEntries() {
        RenewalJournal journal = RenewalJournal.get();
        return journal.all().stream()
                .filter(e -> switch (e.getState()) {
                    case UNSAVED, LOST -> true;
                    case IN_FLIGHT -> !journal.isRunningHere(e.getCredentialUrl());
                    case FAILED -> e.isAutomatic();
                    case RENEWED -> false;
                })
                .toList();
    }
}
