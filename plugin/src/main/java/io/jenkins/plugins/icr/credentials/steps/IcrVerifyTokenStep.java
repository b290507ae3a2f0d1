package io.jenkins.plugins.icr.credentials.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Functions;
import hudson.Util;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.icr.credentials.internal.render.Forms;
import io.jenkins.plugins.icr.token.BuildGate;
import io.jenkins.plugins.icr.token.render.VerdictFields;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code def verdict = icrVerifyToken()}: verifies the job's (or the given) iCR VCS token before iCR runs, prints the
 * verdict, fails the build when the token would make iCR fail, and returns the verdict's fields as a map
 * ({@code status}, {@code account}, {@code missingScopes}, {@code expiresAt}, {@code fixUrl}, …). Its form and help
 * are also the freestyle build step's.
 */
public final class IcrVerifyTokenStep extends Step {
    @CheckForNull
    private String credentialsId;

    private boolean unstableOnWarning;

    @DataBoundConstructor
    public IcrVerifyTokenStep() {}

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public boolean isUnstableOnWarning() {
        return unstableOnWarning;
    }

    @DataBoundSetter
    public void setUnstableOnWarning(boolean unstableOnWarning) {
        this.unstableOnWarning = unstableOnWarning;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, credentialsId, unstableOnWarning);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String credentialsId;
        private final boolean unstableOnWarning;

        Execution(StepContext context, String credentialsId, boolean unstableOnWarning) {
            super(context);
            this.credentialsId = credentialsId;
            this.unstableOnWarning = unstableOnWarning;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            BuildVerification.Gated gated = BuildVerification.verify(
                    getContext().get(Run.class),
                    credentialsId,
                    unstableOnWarning,
                    getContext().get(TaskListener.class));
            if (gated.gate() == BuildGate.UNSTABLE) {
                getContext().setResult(Result.UNSTABLE);
                // On the step's node too, so that the stage view and Blue Ocean show which stage is unstable.
                getContext()
                        .get(FlowNode.class)
                        .addOrReplaceAction(new WarningAction(Result.UNSTABLE)
                                .withMessage(Messages.IcrVerifyTokenStep_Unstable(
                                        Forms.text(gated.verdict().status().words()),
                                        Forms.text(gated.verdict().message()))));
            }
            // A plain serializable map: the script keeps it in its program state.
            return new LinkedHashMap<>(VerdictFields.of(gated.verdict(), Functions.getCurrentLocale()));
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor implements TokenField {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        @Override
        public String getFunctionName() {
            return "icrVerifyToken";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IcrVerifyTokenStep_DisplayName();
        }
    }
}
