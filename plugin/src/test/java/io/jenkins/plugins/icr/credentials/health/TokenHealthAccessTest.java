package io.jenkins.plugins.icr.credentials.health;

import static io.jenkins.plugins.icr.token.ProviderAnswers.GITHUB_USER;
import static io.jenkins.plugins.icr.token.ProviderAnswers.githubUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.icr.credentials.Stores;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The tokens page and the banner show a record only to those who may view the credentials of its store: Overall/
 * Manage opens them but shows nothing by itself; Credentials/View and Item/Read on a folder show that folder's rows;
 * Overall/Administer shows all.
 */
@WithJenkins
class TokenHealthAccessTest {
    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        github.on(GITHUB_USER, githubUser(401, "{\"message\":\"Bad credentials\"}", null));
        TestCredentials.add(github, j, "icr-system", TestTokens.githubClassic());
        Folder team = j.jenkins.createProject(Folder.class, "team");
        TestCredentials.add(github, Stores.ownStore(team), "icr-team", TestTokens.githubClassic());
        Folder other = j.jenkins.createProject(Folder.class, "other");
        TestCredentials.add(github, Stores.ownStore(other), "icr-other", TestTokens.githubClassic());
        Sweeper.sweep(StreamTaskListener.fromStdout());
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Jenkins.MANAGE)
                .everywhere()
                .to("manager", "team-manager")
                .grant(Item.READ, CredentialsProvider.VIEW)
                .onFolders(team)
                .to("team-manager")
                .grant(CredentialsProvider.VIEW)
                .onFolders(other)
                .to("team-manager")
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
    }

    private static Set<String> rowsSeenBy(String name) {
        try (ACLContext ignored = ACL.as2(User.getById(name, true).impersonate2())) {
            return ExtensionList.lookupSingleton(TokenHealthPage.class).getRows().stream()
                    .map(r -> r.record().getCredentialId())
                    .collect(Collectors.toSet());
        }
    }

    private static Set<String> problemsSeenBy(String name) {
        try (ACLContext ignored = ACL.as2(User.getById(name, true).impersonate2())) {
            TokenHealthMonitor monitor = ExtensionList.lookupSingleton(TokenHealthMonitor.class);
            Set<String> seen = monitor.getProblems().stream()
                    .map(p -> p.record().getCredentialId())
                    .collect(Collectors.toSet());
            assertEquals(!seen.isEmpty(), monitor.isActivated(), "the banner shows for " + name);
            return seen;
        }
    }

    @Test
    void aManagerSeesOnlyTheStoresTheyMayView() {
        assertEquals(Set.of(), rowsSeenBy("manager"), "Overall/Manage alone shows no credential");
        assertEquals(Set.of(), problemsSeenBy("manager"));
        // Credentials/View on "other" without Item/Read on it shows nothing of it either.
        assertEquals(Set.of("icr-team"), rowsSeenBy("team-manager"));
        assertEquals(Set.of("icr-team"), problemsSeenBy("team-manager"));
    }

    @Test
    void anAdministratorSeesEveryStore() {
        Set<String> all = Set.of("icr-system", "icr-team", "icr-other");
        assertEquals(all, rowsSeenBy("admin"));
        assertEquals(all, problemsSeenBy("admin"));
    }

    @Test
    void thePageAsAManagerReadsItShowsNoOtherStoresCredentials() throws Exception {
        String page = j.createWebClient()
                .login("team-manager")
                .goTo("manage/icr-vcs-tokens/")
                .getWebResponse()
                .getContentAsString();
        assertTrue(page.contains("icr-team"), page);
        for (String hidden : List.of("icr-system", "icr-other", "job/other/")) {
            assertFalse(page.contains(hidden), hidden + " shown to a manager who may not view it");
        }
    }
}
