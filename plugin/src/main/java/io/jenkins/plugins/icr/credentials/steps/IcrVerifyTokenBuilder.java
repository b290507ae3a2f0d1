package io.jenkins.plugins.icr.credentials.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.icr.token.BuildGate;
import java.io.IOException;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle build step "Verify the iCR VCS token": the same check as the Pipeline step {@code icrVerifyToken},
 * without a return value, with the step's form and help. It has no symbol of its own, so that in Pipeline the name
 * means the step that returns the verdict.
 */
public final class IcrVerifyTokenBuilder extends Builder implements SimpleBuildStep {
    @CheckForNull
    private String credentialsId;

    private boolean unstableOnWarning;

    @DataBoundConstructor
    public IcrVerifyTokenBuilder() {}

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
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        if (BuildVerification.verify(run, credentialsId, unstableOnWarning, listener)
                        .gate()
                == BuildGate.UNSTABLE) {
            run.setResult(Result.UNSTABLE);
        }
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> implements TokenField {
        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IcrVerifyTokenBuilder_DisplayName();
        }

        /** The step's form: one form for both. */
        @Override
        public String getConfigPage() {
            return getViewPage(IcrVerifyTokenStep.class, "config.jelly");
        }

        /**
         * The step's help, kept beside the step because Pipeline's syntax reference reads it from the step's class:
         * one help set for both.
         */
        @Override
        public String getHelpFile(String fieldName) {
            return Jenkins.get()
                    .getDescriptorByType(IcrVerifyTokenStep.DescriptorImpl.class)
                    .getHelpFile(fieldName);
        }
    }
}
