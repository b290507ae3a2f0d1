package io.jenkins.plugins.icr.credentials.health;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Every minute, and first within a minute of startup: settles renewals left open (Recovery). Does nothing, and
 * looks at no store, while none is open.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class RenewalRecovery extends AsyncPeriodicWork {
    public RenewalRecovery() {
        super("iCR VCS token renewal recovery");
    }

    @Override
    public long getRecurrencePeriod() {
        return MIN;
    }

    @Override
    protected void execute(TaskListener listener) {
        Recovery.settleAll();
    }
}
