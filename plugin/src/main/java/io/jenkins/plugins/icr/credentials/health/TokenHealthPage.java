package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.jenkins.plugins.icr.credentials.internal.render.Forms;
import io.jenkins.plugins.icr.token.Attention;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Text;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.DoNotUse;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → iCR VCS tokens: every stored token with its last verdict in one table, worst first, and a
 * "Verify all now" button. Overall/Manage only, for the page and its action alike (StaplerProxy); each row only for
 * those who may view the credentials of its store ({@link RecordAccess}).
 */
@Extension
@Symbol("icrVcsTokens")
@Restricted(NoExternalUse.class)
public final class TokenHealthPage extends ManagementLink implements StaplerProxy {
    @Override
    public String getIconFileName() {
        return "symbol-key";
    }

    @Override
    public String getUrlName() {
        return "icr-vcs-tokens";
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.TokenHealthPage_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.TokenHealthPage_Description();
    }

    @NonNull
    @Override
    public Permission getRequiredPermission() {
        return Jenkins.MANAGE;
    }

    @NonNull
    @Override
    public Category getCategory() {
        return Category.SECURITY;
    }

    /** Core only hides the link; every view and action of this page is checked here. */
    @Override
    public Object getTarget() {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        return this;
    }

    /** The table, worst first: the records the current user may see. */
    @NonNull
    public List<Row> getRows() {
        Instant now = Instant.now();
        int warnDays = HealthSettings.get().getWarnDays();
        return TokenHealthStore.get().all().stream()
                .filter(RecordAccess::mayView)
                .map(r -> new Row(r, r.reasons(now, warnDays), now))
                .sorted(Comparator.comparing(Row::level)
                        .reversed()
                        .thenComparing(r -> r.record().getCredentialId()))
                .toList();
    }

    public boolean isSweepRunning() {
        return TokenSweep.get().isRunning();
    }

    @POST
    @Restricted(DoNotUse.class) // WebOnly
    public HttpResponse doVerifyAll() {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        TokenSweep.get().sweepNow();
        return HttpResponses.redirectToDot();
    }

    /** One line of the table: a record, why it needs attention, and how it looks. */
    @Restricted(NoExternalUse.class)
    public record Row(TokenHealthRecord record, List<Text> reasons, Instant now) {
        public Status.Severity level() {
            return Attention.level(record.getStatus(), reasons);
        }

        /** Jenkins' status symbols: blue for fine, yellow for a warning, red for a token iCR cannot use. */
        public String getIcon() {
            return switch (level()) {
                case OK -> "symbol-status-blue";
                case WARNING -> "symbol-status-yellow";
                case ERROR -> "symbol-status-red";
            };
        }

        /** 0 fine, 1 warning, 2 error; the table's initial sort ("up", descending in sortable.js) puts errors first. */
        public int getLevelRank() {
            return level().ordinal();
        }

        /** Days until expiry, or null when the token does not expire or the provider does not say. */
        public Long getDaysLeft() {
            Instant expires = record.getExpiresAt();
            return expires == null ? null : Attention.daysLeft(expires, now);
        }

        /** Why the row needs attention, for the status' tooltip: the columns already show each fact. */
        public String getReasonsText() {
            return reasons.stream().map(Forms::text).collect(Collectors.joining("; "));
        }

        /** Colours the expiry as the monitor weighs it: red once passed, amber inside the warning window. */
        public String getExpiryClass() {
            Long days = getDaysLeft();
            if (days == null) {
                return "";
            }
            return days < 0
                    ? "jenkins-!-error-color"
                    : days <= HealthSettings.get().getWarnDays() ? "jenkins-!-warning-color" : "";
        }
    }
}
