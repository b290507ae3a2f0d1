package io.jenkins.plugins.icr.credentials.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.hudson.plugins.folder.properties.FolderCredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.credentials.job.IcrJobProperty;
import io.jenkins.plugins.icr.token.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The jobs each token serves: picked in Field 2 as builds resolve it, used as fingerprints record it, readable only. */
@WithJenkins
class TokenUsageTest {
    private JenkinsRule j;
    private IcrVcsTokenImpl shared;
    private final String sharedToken = TestTokens.githubClassic();

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        shared = new IcrVcsTokenImpl(CredentialsScope.GLOBAL, "shared", "", "github", Secret.fromString(sharedToken));
        CredentialsProvider.lookupStores(j.jenkins).iterator().next().addCredentials(Domain.global(), shared);
        Folder team = j.jenkins.createProject(Folder.class, "team");
        folderStore(team)
                .addCredentials(
                        Domain.global(),
                        new IcrVcsTokenImpl(
                                CredentialsScope.GLOBAL,
                                "team-token",
                                "",
                                "github",
                                Secret.fromString(TestTokens.githubClassic())));
        picking(j.createFreeStyleProject("a"), "shared");
        picking(team.createProject(FreeStyleProject.class, "b"), "team-token");
        picking(team.createProject(FreeStyleProject.class, "c"), "shared");
        picking(j.createFreeStyleProject("parameterized"), "${TOKEN_ID}");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Jenkins.MANAGE, CredentialsProvider.VIEW)
                .everywhere()
                .to("manager")
                .grant(Item.READ)
                .onItems(j.jenkins.getItem("a"))
                .to("manager")
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
    }

    private static void picking(FreeStyleProject job, String credentialsId) throws Exception {
        job.addProperty(new IcrJobProperty("https://icr.example.com", credentialsId));
    }

    private static CredentialsStore folderStore(Folder folder) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(folder)) {
            if (store.getProvider() instanceof FolderCredentialsProvider && store.getContext() == folder) {
                return store;
            }
        }
        throw new AssertionError("no folder store");
    }

    private static Map<String, List<String>> picksAs(String user) {
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            return TokenUsage.compute().getRows().stream()
                    .collect(Collectors.toMap(
                            TokenUsage.Row::getCredentialId,
                            r -> r.picking().stream()
                                    .map(TokenUsage.JobLink::name)
                                    .toList()));
        }
    }

    @Test
    void field2PicksAreResolvedAsBuildsResolveThem() {
        assertEquals(
                Map.of("shared", List.of("a", "team » c"), "team-token", List.of("team » b")),
                picksAs("admin"),
                "a job in a folder finds the root's token; an expression names no token yet");
    }

    @Test
    void onlyJobsTheViewerMayReadAreListedOrCounted() {
        // The folder's own token is not even listed: the manager may not read the folder that holds it.
        assertEquals(Map.of("shared", List.of("a")), picksAs("manager"));
        try (ACLContext ignored = ACL.as2(User.getById("manager", true).impersonate2())) {
            TokenUsage usage = TokenUsage.compute();
            assertEquals(1, usage.jobCount(shared));
            assertEquals("used by 1 job", usage.usedBy(usage.jobCount(shared)));
        }
    }

    @Test
    void buildsThatUsedATokenAreListedFromItsFingerprint() throws Exception {
        FreeStyleProject other = j.createFreeStyleProject("other");
        for (int i = 0; i < 4; i++) {
            FreeStyleBuild build = j.buildAndAssertSuccess(other);
            CredentialsProvider.track(build, shared);
        }

        TokenUsage.Row row = TokenUsage.compute().getRows().stream()
                .filter(r -> r.getCredentialId().equals("shared"))
                .findFirst()
                .orElseThrow();

        assertEquals(1, row.using().size());
        assertEquals("other", row.using().get(0).name());
        assertEquals(List.of(4, 3, 2), row.using().get(0).builds(), "the latest builds first");
        assertEquals(3, TokenUsage.compute().jobCount(shared), "a, team/c pick it; other used it");
    }

    @Test
    void aLongListNamesTheFirstJobsAndCountsTheRest() throws Exception {
        for (int i = 0; i < TokenUsage.JOBS_SHOWN + 5; i++) {
            picking(j.createFreeStyleProject("many-" + i), "shared");
        }

        TokenUsage.Row row = TokenUsage.compute().getRows().stream()
                .filter(r -> r.getCredentialId().equals("shared"))
                .findFirst()
                .orElseThrow();

        assertEquals(TokenUsage.JOBS_SHOWN, row.picking().size());
        assertEquals(7, row.morePicking(), "a, team/c and 25 more jobs pick it: 20 named, 7 counted");
    }

    @Test
    void theHealthPageListsTheJobsAndNeverTheToken() throws Exception {
        String page = j.createWebClient()
                .login("admin")
                .goTo("icr-vcs-tokens/")
                .getWebResponse()
                .getContentAsString();

        assertTrue(page.contains("Jobs each token serves") && page.contains("job/team/job/c/"), "jobs table");
        assertFalse(page.contains(sharedToken));
    }
}
