package io.jenkins.plugins.icr.credentials.health;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.BulkChange;
import hudson.ExtensionList;
import hudson.model.Fingerprint;
import hudson.model.FreeStyleProject;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.credentials.job.IcrJobProperty;
import io.jenkins.plugins.icr.token.GitLabTokens;
import io.jenkins.plugins.icr.token.ProviderServer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A harness, not a test: it asserts nothing about time and is not part of the suite (its name does not end in Test).
 * It builds 2,000 jobs (1,600 at the root, 400 in 20 folders), three quarters of them with an iCR section picking one
 * of 10 tokens, and 500 builds' worth of recorded uses per token, then prints what computing the jobs each token serves
 * costs, and what the health page and the monitor's banner cost with it. Run it alone:
 * {@code run-tests.sh plugin io.jenkins.plugins.icr.credentials.health.TokenUsageBenchmark}.
 */
@WithJenkins
class TokenUsageBenchmark {
    private static final int JOBS = 2000;
    private static final int FOLDERS = 20;
    private static final int TOKENS = 10;
    private static final int USES_PER_TOKEN = 500;
    private static final int ROUNDS = 30;

    @RegisterExtension
    final ProviderServer server = new ProviderServer();

    final GitLabTokens gitlab = server.gitlab();

    @Test
    void measure(JenkinsRule j) throws Exception {
        gitlab.today(LocalDate.now(ZoneOffset.UTC));
        StoredGitLabToken.declare(server);
        List<IcrVcsTokenImpl> tokens = new ArrayList<>();
        for (int t = 0; t < TOKENS; t++) {
            IcrVcsTokenImpl token = new IcrVcsTokenImpl(
                    CredentialsScope.GLOBAL,
                    "icr-" + t,
                    "",
                    "gitlab",
                    Secret.fromString(
                            t == 0
                                    ? gitlab.issueExpiringSoon()
                                    : gitlab.issue(
                                            List.of("api"),
                                            LocalDate.now(ZoneOffset.UTC).minusDays(10),
                                            LocalDate.now(ZoneOffset.UTC).plusDays(200))));
            token.setServerUrl(server.webUrl());
            StoredGitLabToken.systemStore().addCredentials(Domain.global(), token);
            tokens.add(token);
        }
        long setup = System.nanoTime();
        List<Folder> folders = new ArrayList<>();
        for (int f = 0; f < FOLDERS; f++) {
            folders.add(j.jenkins.createProject(Folder.class, "folder-" + f));
        }
        List<String> jobNames = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            FreeStyleProject job = i < JOBS - 400
                    ? j.jenkins.createProject(FreeStyleProject.class, "job-" + i)
                    : folders.get(i % FOLDERS).createProject(FreeStyleProject.class, "job-" + i);
            if (i % 4 != 0) {
                job.addProperty(new IcrJobProperty("https://icr.example.com", "icr-" + (i % TOKENS)));
            }
            jobNames.add(job.getFullName());
        }
        for (int t = 0; t < TOKENS; t++) {
            Fingerprint fingerprint = CredentialsProvider.getOrCreateFingerprintOf(tokens.get(t));
            try (BulkChange change = new BulkChange(fingerprint)) {
                for (int u = 0; u < USES_PER_TOKEN; u++) {
                    fingerprint.add(jobNames.get((t * 97 + u * 13) % JOBS), 1 + u / 40);
                }
                change.commit();
            }
        }
        System.out.printf(
                "setup: %d jobs, %d folders, %d tokens, %d uses each, in %.1f s%n",
                JOBS, FOLDERS, TOKENS, USES_PER_TOKEN, (System.nanoTime() - setup) / 1e9);
        Sweeper.sweep(hudson.util.StreamTaskListener.fromStdout());
        TokenHealthMonitor monitor = ExtensionList.lookupSingleton(TokenHealthMonitor.class);
        JenkinsRule.WebClient client = j.createWebClient();

        report(
                "TokenUsage.compute() (Field 2 picks and fingerprints, as SYSTEM)",
                () -> TokenUsage.compute().jobCount(""));
        TokenUsage computed = TokenUsage.compute();
        report(
                "TokenUsage rows for the viewer (readable jobs only)",
                () -> computed.getRows().size());
        report("monitor: isActivated()", () -> monitor.isActivated() ? 1 : 0);
        report("monitor: banner (problems + counts)", () -> {
            TokenUsage usage = TokenUsage.compute();
            return monitor.getProblems().stream()
                    .mapToInt(p -> usage.jobCount(p.record().getCredentialUrl()))
                    .sum();
        });
        report(
                "health page GET icr-vcs-tokens/ (HTTP, rendered)",
                () -> client.goTo("icr-vcs-tokens/")
                        .getWebResponse()
                        .getContentAsString()
                        .length());
        client.getOptions().setJavaScriptEnabled(false);
        report(
                "credential form GET .../icr-0/updateDialog (HTTP, rendered)",
                () -> client.goTo("credentials/store/system/domain/_/credential/icr-0/updateDialog")
                        .getWebResponse()
                        .getContentAsString()
                        .length());
    }

    private interface Work {
        int run() throws Exception;
    }

    private static void report(String what, Work work) throws Exception {
        int result = 0;
        for (int i = 0; i < 3; i++) {
            result = work.run();
        }
        long[] millis = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            result = work.run();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf(
                "BENCH %-55s median %4d ms  p90 %4d ms  max %4d ms  (result %d)%n",
                what, millis[ROUNDS / 2], millis[ROUNDS * 9 / 10], millis[ROUNDS - 1], result);
    }
}
