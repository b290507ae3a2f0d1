package io.jenkins.plugins.icr.credentials.steps;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.icr.credentials.job.IcrJobProperty;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.DoNotUse;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The {@code credentialsId} field of the form the step and the build step share. Stapler asks the descriptor that
 * shows the form for the field's list and check, so both descriptors take them from here. They are the job section's
 * (the credentials consumer guide's permission gates, the iCR VCS tokens a build of the job may use), where an empty
 * value means the VCS token of the job's iCR section. No repository narrows the list: the build looks the ID up
 * without one.
 */
@Restricted(NoExternalUse.class)
public interface TokenField {
    @NonNull
    @POST
    @Restricted(DoNotUse.class) // WebOnly
    default ListBoxModel doFillCredentialsIdItems(
            @AncestorInPath @CheckForNull Item item, @QueryParameter("credentialsId") @CheckForNull String current) {
        StandardListBoxModel choices = new StandardListBoxModel();
        // Added first, the empty choice keeps this name: the job section's list would call it "none".
        choices.add(Messages.TokenField_JobsToken(), "");
        choices.addMissing(IcrJobProperty.DescriptorImpl.tokenChoices(item, current, null));
        return choices;
    }

    @NonNull
    @POST
    @Restricted(DoNotUse.class) // WebOnly
    default FormValidation doCheckCredentialsId(
            @AncestorInPath @CheckForNull Item item, @QueryParameter("value") @CheckForNull String value) {
        return IcrJobProperty.DescriptorImpl.tokenCheck(item, value, null, FormValidation.ok());
    }
}
