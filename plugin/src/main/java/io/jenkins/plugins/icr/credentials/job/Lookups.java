package io.jenkins.plugins.icr.credentials.job;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Finds the iCR VCS token a build uses: the id given, or else the job's Field 2, with the build's authentication. */
@Restricted(NoExternalUse.class)
public final class Lookups {
    private Lookups() {}

    /** The job's iCR configuration, or null when the job has none. */
    @CheckForNull
    public static IcrJobProperty icrOf(@NonNull Job<?, ?> job) {
        return job.getProperty(IcrJobProperty.class);
    }

    /** The credential id a build step means: the one given, else the job's Field 2. */
    @NonNull
    public static String credentialsIdFor(@NonNull Run<?, ?> build, @CheckForNull String given) throws AbortException {
        String id = Util.fixEmptyAndTrim(given);
        if (id == null) {
            IcrJobProperty icr = icrOf(build.getParent());
            id = icr == null ? null : Util.fixEmptyAndTrim(icr.getVcsCredentialsId());
        }
        if (id == null) {
            throw new AbortException(Messages.Lookups_NoCredentials());
        }
        return id;
    }

    /**
     * The token, found as the build may see it (findCredentialById honours the build's authentication and resolves
     * {@code ${PARAM}} ids) and recorded as used by the build.
     */
    @NonNull
    public static IcrVcsToken tokenFor(@NonNull Run<?, ?> build, @CheckForNull String given) throws AbortException {
        String id = credentialsIdFor(build, given);
        IcrVcsToken token = CredentialsProvider.findCredentialById(id, IcrVcsToken.class, build);
        if (token == null) {
            throw new AbortException(Messages.Lookups_NotFound(id));
        }
        CredentialsProvider.track(build, token);
        return token;
    }
}
