package io.jenkins.plugins.icr.credentials.job;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.EnvironmentContributor;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.credentials.internal.Verification;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Gives builds of a job with an iCR configuration its public values: {@code ICR_SERVER_URL}, {@code ICR_REPOSITORY_URL},
 * and, from the chosen token, {@code ICR_VCS_PROVIDER} and {@code ICR_VCS_API_URL}. Never the token itself: that
 * only comes through the masked {@code withCredentials} binding.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class IcrEnvironmentContributor extends EnvironmentContributor {
    @Override
    public void buildEnvironmentFor(@NonNull Run r, @NonNull EnvVars envs, @NonNull TaskListener listener) {
        IcrJobProperty icr = Lookups.icrOf(r.getParent());
        if (icr == null) {
            return;
        }
        putIfSet(envs, "ICR_SERVER_URL", icr.getIcrServerUrl());
        putIfSet(envs, "ICR_REPOSITORY_URL", icr.getRepositoryUrl());
        if (icr.getVcsCredentialsId().isEmpty()) {
            return;
        }
        IcrVcsToken token = CredentialsProvider.findCredentialById(icr.getVcsCredentialsId(), IcrVcsToken.class, r);
        if (token != null) {
            putIfSet(envs, "ICR_VCS_PROVIDER", token.getProvider());
            String api = Verification.apiUrlOf(token);
            putIfSet(envs, "ICR_VCS_API_URL", api == null ? "" : api);
        }
    }

    private static void putIfSet(EnvVars envs, String name, String value) {
        if (!value.isEmpty()) {
            envs.put(name, value);
        }
    }
}
