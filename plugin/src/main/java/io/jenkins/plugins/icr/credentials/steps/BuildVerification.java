package io.jenkins.plugins.icr.credentials.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Functions;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.credentials.internal.Verification;
import io.jenkins.plugins.icr.credentials.internal.render.Forms;
import io.jenkins.plugins.icr.credentials.job.IcrJobProperty;
import io.jenkins.plugins.icr.credentials.job.Lookups;
import io.jenkins.plugins.icr.token.BuildGate;
import io.jenkins.plugins.icr.token.Verdict;
import io.jenkins.plugins.icr.token.render.VerdictText;
import java.io.PrintStream;

/**
 * Verifies a build's iCR VCS token with the build's authentication and writes the verdict (account, missing scopes,
 * expiry, fix link — never the token) to the build log. What the verdict means for the build is core's BuildGate.
 */
final class BuildVerification {
    private BuildVerification() {}

    /** The verdict, after its gate: a FAIL ends the build with the verdict's message. */
    @NonNull
    static Gated verify(
            @NonNull Run<?, ?> build,
            @CheckForNull String credentialsId,
            boolean unstableOnWarning,
            @NonNull TaskListener listener)
            throws AbortException {
        IcrVcsToken token = Lookups.tokenFor(build, credentialsId);
        IcrJobProperty icr = Lookups.icrOf(build.getParent());
        String repository = icr == null ? null : IcrJobProperty.repositoryPath(token, icr.getRepositoryUrl());
        Verdict verdict = Verification.verify(token, repository);
        PrintStream log = listener.getLogger();
        log.println(Messages.BuildVerification_Header(token.getId()));
        log.print(VerdictText.render(verdict, Functions.getCurrentLocale()));
        BuildGate gate = BuildGate.of(verdict, unstableOnWarning);
        if (gate == BuildGate.FAIL) {
            throw new AbortException(Messages.BuildVerification_Failed(
                    Forms.text(verdict.status().words()), Forms.text(verdict.message())));
        }
        return new Gated(verdict, gate);
    }

    /** A verdict the build may go on with, and whether it makes the build unstable. */
    record Gated(Verdict verdict, BuildGate gate) {}
}
