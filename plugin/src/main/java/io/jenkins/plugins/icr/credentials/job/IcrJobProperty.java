package io.jenkins.plugins.icr.credentials.job;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.credentials.internal.Verification;
import io.jenkins.plugins.icr.credentials.internal.render.Forms;
import io.jenkins.plugins.icr.token.InvalidInputException;
import io.jenkins.plugins.icr.token.RepositoryUrl;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.OptionalJobProperty;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.DoNotUse;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.core.Authentication;

/**
 * The iCR section of a job's configuration: Field 1 the iCR server, Field 2 the VCS token, Field 3 the repository.
 * Any job type takes it, Pipeline and multibranch branches included ({@code properties([icr(...)])}).
 */
public final class IcrJobProperty extends OptionalJobProperty<Job<?, ?>> {
    @NonNull
    private final String icrServerUrl;

    @NonNull
    private final String vcsCredentialsId;

    @NonNull
    private String repositoryUrl = "";

    @DataBoundConstructor
    public IcrJobProperty(@CheckForNull String icrServerUrl, @CheckForNull String vcsCredentialsId) {
        this.icrServerUrl = Util.fixNull(icrServerUrl).strip();
        this.vcsCredentialsId = Util.fixNull(vcsCredentialsId).strip();
    }

    /** Field 1. */
    @NonNull
    public String getIcrServerUrl() {
        return icrServerUrl;
    }

    /** Field 2: the id of an {@link IcrVcsToken}. */
    @NonNull
    public String getVcsCredentialsId() {
        return vcsCredentialsId;
    }

    /** Field 3, optional: the repository iCR works on. */
    @NonNull
    public String getRepositoryUrl() {
        return repositoryUrl;
    }

    @DataBoundSetter
    public void setRepositoryUrl(@CheckForNull String repositoryUrl) {
        this.repositoryUrl = Util.fixNull(repositoryUrl).strip();
    }

    /** A job saved before Field 3 existed loads with it empty, never null. */
    private Object readResolve() {
        repositoryUrl = Util.fixNull(repositoryUrl);
        return this;
    }

    @Extension
    @Symbol("icr")
    public static final class DescriptorImpl extends OptionalJobPropertyDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IcrJobProperty_DisplayName();
        }

        /**
         * Field 2's choices, following the credentials consumer guide: users who may not see credentials here get
         * the current value only, with no lookup; others get what a build of this job may use for the repository.
         */
        @POST
        @Restricted(DoNotUse.class) // WebOnly
        public ListBoxModel doFillVcsCredentialsIdItems(
                @AncestorInPath Item item,
                @QueryParameter String vcsCredentialsId,
                @QueryParameter String repositoryUrl) {
            return tokenChoices(item, vcsCredentialsId, repositoryUrl);
        }

        /**
         * The iCR VCS tokens a build of the item may use for the repository (any, when none is given), with the
         * current value kept. Also the list of the {@code icrVerifyToken} step and build step.
         */
        @NonNull
        @Restricted(NoExternalUse.class)
        public static StandardListBoxModel tokenChoices(
                @CheckForNull Item item, @CheckForNull String current, @CheckForNull String repositoryUrl) {
            StandardListBoxModel result = new StandardListBoxModel();
            if (!maySeeCredentials(item)) {
                result.includeCurrentValue(Util.fixNull(current));
                return result;
            }
            result.includeEmptyValue()
                    .includeMatchingAs(
                            authenticationOf(item),
                            item,
                            IcrVcsToken.class,
                            domainsOf(repositoryUrl),
                            servesRepository(repositoryUrl))
                    .includeCurrentValue(Util.fixNull(current));
            return result;
        }

        /** Field 2 chosen: the live verification (cached), for those who may use the credential here. */
        @POST
        @Restricted(DoNotUse.class) // WebOnly
        public FormValidation doCheckVcsCredentialsId(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String repositoryUrl) {
            return tokenCheck(
                    item, value, repositoryUrl, FormValidation.warning(Messages.IcrJobProperty_ChooseToken()));
        }

        /**
         * A chosen token's verdict (live, cached) for those who may use it here, whether it exists for those who may
         * only see it, nothing for others. Also the check of the {@code icrVerifyToken} step and build step, whose
         * empty value means something else ({@code whenEmpty}).
         */
        @NonNull
        @Restricted(NoExternalUse.class)
        public static FormValidation tokenCheck(
                @CheckForNull Item item,
                @CheckForNull String value,
                @CheckForNull String repositoryUrl,
                @NonNull FormValidation whenEmpty) {
            if (!maySeeCredentials(item)) {
                return FormValidation.ok();
            }
            String id = Util.fixEmptyAndTrim(value);
            if (id == null) {
                return whenEmpty;
            }
            if (id.startsWith("${")) {
                return FormValidation.warning(Messages.IcrJobProperty_Expression());
            }
            IcrVcsToken token = CredentialsProvider.findCredentialByIdInItem(
                    id, IcrVcsToken.class, item, authenticationOf(item), domainsOf(repositoryUrl));
            if (token == null) {
                return FormValidation.error(Messages.IcrJobProperty_NotFound(id));
            }
            if (item != null && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
                return FormValidation.ok(Messages.IcrJobProperty_Found());
            }
            // The list keeps the current choice when the repository URL changes; its verdict must not look fine.
            if (!servesRepository(repositoryUrl).matches(token)) {
                return FormValidation.warning(Messages.IcrJobProperty_OtherServer());
            }
            try {
                return Forms.validation(Verification.verify(token, repositoryPath(token, repositoryUrl)));
            } catch (Verification.UnknownProviderException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /** Field 3: the URL's form only; no network. */
        @POST
        @Restricted(DoNotUse.class) // WebOnly
        public FormValidation doCheckRepositoryUrl(@AncestorInPath Item item, @QueryParameter String value) {
            if ((item != null && !item.hasPermission(Item.CONFIGURE)) || Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            try {
                RepositoryUrl.parse(value);
                return FormValidation.ok();
            } catch (InvalidInputException e) {
                return FormValidation.error(Forms.text(e.text()));
            }
        }

        /**
         * As the credentials consumer guide says: Overall/Administer without an item; Item/ExtendedRead or
         * Credentials/UseItem on one.
         */
        private static boolean maySeeCredentials(@CheckForNull Item item) {
            return item == null
                    ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                    : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
        }

        /** Who the job's builds run as, Authorize Project (QueueItemAuthenticator) included. */
        private static Authentication authenticationOf(@CheckForNull Item item) {
            return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        }

        /** Credential domains restrict where a credential may be used: here, the repository's host. */
        private static List<DomainRequirement> domainsOf(@CheckForNull String repositoryUrl) {
            return URIRequirementBuilder.fromUri(Util.fixEmptyAndTrim(repositoryUrl))
                    .build();
        }

        private static CredentialsMatcher servesRepository(@CheckForNull String repositoryUrl) {
            return Util.fixEmptyAndTrim(repositoryUrl) == null
                    ? CredentialsMatchers.always()
                    : new ServesRepository(repositoryUrl.strip());
        }
    }

    /** The repository path a token probes for this job's Field 3, or null (none given, or not on its server). */
    @CheckForNull
    @Restricted(NoExternalUse.class)
    public static String repositoryPath(@NonNull IcrVcsToken token, @CheckForNull String repositoryUrl) {
        if (Util.fixEmptyAndTrim(repositoryUrl) == null) {
            return null;
        }
        try {
            return ServesRepository.pathFor(token, RepositoryUrl.parse(repositoryUrl));
        } catch (InvalidInputException e) {
            return null;
        }
    }
}
