package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.security.Permission;
import io.jenkins.plugins.icr.token.BulkVerifier;
import io.jenkins.plugins.icr.token.VerificationRequest;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundSetter;

/** How often and how gently every iCR VCS token is re-verified, and when an expiry is worth a warning. */
@Extension
@Symbol("icrVcsTokenHealth")
@Restricted(NoExternalUse.class)
public final class HealthSettings extends GlobalConfiguration {
    private int sweepHours = 24;
    private int warnDays = VerificationRequest.DEFAULT_WARN_DAYS;
    private int perHost = BulkVerifier.DEFAULT_PER_HOST;

    public HealthSettings() {
        load();
    }

    @NonNull
    public static HealthSettings get() {
        return ExtensionList.lookupSingleton(HealthSettings.class);
    }

    /** Hours between two sweeps (at least one). */
    public int getSweepHours() {
        return sweepHours;
    }

    @DataBoundSetter
    public void setSweepHours(int sweepHours) {
        this.sweepHours = Math.max(1, sweepHours);
        save();
    }

    /** Warn when a token expires within this many days. */
    public int getWarnDays() {
        return warnDays;
    }

    @DataBoundSetter
    public void setWarnDays(int warnDays) {
        this.warnDays = Math.max(0, warnDays);
        save();
    }

    /** Requests in flight at once per provider host during a sweep. */
    public int getPerHost() {
        return perHost;
    }

    @DataBoundSetter
    public void setPerHost(int perHost) {
        this.perHost = Math.max(1, perHost);
        save();
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.HealthSettings_DisplayName();
    }

    @NonNull
    @Override
    public Permission getRequiredGlobalConfigPagePermission() {
        return Jenkins.MANAGE;
    }
}
