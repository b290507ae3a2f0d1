package io.jenkins.plugins.icr.credentials;

import static io.jenkins.plugins.icr.credentials.FormPosts.get;
import static io.jenkins.plugins.icr.credentials.FormPosts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.XmlFile;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.icr.token.DeclaredServers;
import io.jenkins.plugins.icr.token.Provider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.Stapler;

@WithJenkins
class IcrVcsServersTest {

    @Test
    void declaredServersSurviveTheConfigurationPageAndFeedThePolicy(JenkinsRule j) throws Exception {
        IcrVcsServers.get()
                .setServers(List.of(
                        new IcrVcsServer("gitlab", "Corporate GitLab", "https://gitlab.example.com"),
                        new IcrVcsServer("bitbucket-dc", "Bitbucket", "https://bitbucket.example.com/context")));

        j.configRoundtrip();

        List<IcrVcsServer> kept = IcrVcsServers.get().getServers();
        assertEquals(2, kept.size());
        j.assertEqualDataBoundBeans(
                new IcrVcsServer("gitlab", "Corporate GitLab", "https://gitlab.example.com"), kept.get(0));
        j.assertEqualDataBoundBeans(
                new IcrVcsServer("bitbucket-dc", "Bitbucket", "https://bitbucket.example.com/context"), kept.get(1));
        assertEquals(
                List.of(
                        new DeclaredServers.Server(Provider.GITLAB, "https://gitlab.example.com"),
                        new DeclaredServers.Server(Provider.BITBUCKET_DC, "https://bitbucket.example.com/context")),
                IcrVcsServers.get().declared());
    }

    @Test
    void deletingTheLastServerInTheFormClearsTheList(JenkinsRule j) throws Exception {
        IcrVcsServers.get().setServers(List.of(new IcrVcsServer("gitlab", "GitLab", "https://gitlab.example.com")));
        try (JenkinsRule.WebClient client = j.createWebClient()) {
            HtmlPage page = client.goTo("configure");
            List<HtmlButton> deletes = page.getByXPath("//div[@name='servers' and contains(@class, 'repeated-chunk')"
                    + " and not(contains(@class, 'to-be-removed'))]//button[contains(@class, 'repeatable-delete')]");
            // The hidden template chunk (to-be-removed) is excluded: one server, one delete button.
            assertEquals(1, deletes.size());
            deletes.get(0).click();
            client.waitForBackgroundJavaScript(2000);
            j.submit(page.getFormByName("config"));
        }
        assertEquals(List.of(), IcrVcsServers.get().getServers());
    }

    @Test
    void urlCheckNeedsOverallManageAndPost(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Jenkins.MANAGE)
                .everywhere()
                .to("manager"));
        Map<String, String> fields = Map.of("provider", "gitlab", "value", "http://gitlab.internal");

        assertEquals(
                403, post(j, "reader", IcrVcsServer.class, "checkUrl", fields).getStatusCode());
        assertEquals(404, get(j, "manager", IcrVcsServer.class, "checkUrl").getStatusCode());
        String warning =
                post(j, "manager", IcrVcsServer.class, "checkUrl", fields).getContentAsString();
        assertTrue(warning.contains("unencrypted"), warning);
    }

    /** What every save of the servers list wrote, in order. */
    @TestExtension("savingTheFormNeverWritesAnEmptyListOnTheWay")
    public static final class SavedLists extends SaveableListener {
        static final List<Integer> SIZES = new CopyOnWriteArrayList<>();

        @Override
        public void onChange(Saveable o, XmlFile file) {
            if (o instanceof IcrVcsServers servers) {
                SIZES.add(servers.getServers().size());
            }
        }
    }

    @Test
    void savingTheFormNeverWritesAnEmptyListOnTheWay(JenkinsRule j) throws Exception {
        IcrVcsServers.get().setServers(List.of(new IcrVcsServer("gitlab", "GitLab", "https://gitlab.example.com")));
        SavedLists.SIZES.clear();

        j.configRoundtrip();

        assertEquals(List.of(1), SavedLists.SIZES, "a save with no server would refuse every declared server");
    }

    @Test
    void aFormThatFailsToBindKeepsTheServers(JenkinsRule j) throws Exception {
        IcrVcsServer declared = new IcrVcsServer("gitlab", "GitLab", "https://gitlab.example.com");
        IcrVcsServers.get().setServers(List.of(declared));
        JSONObject broken = JSONObject.fromObject(Map.of(
                "servers",
                List.of(Map.of(
                        "$class", "no.such.Server", "provider", "github", "name", "x", "url", "https://g.example"))));

        assertThrows(
                Exception.class,
                () -> j.executeOnServer(() -> IcrVcsServers.get().configure(Stapler.getCurrentRequest2(), broken)));

        assertEquals(List.of(declared.getUrl()), urls(IcrVcsServers.get().getServers()), "in memory");
        assertEquals(List.of(declared.getUrl()), urls(new IcrVcsServers().getServers()), "on disk");
    }

    private static List<String> urls(List<IcrVcsServer> servers) {
        return servers.stream().map(IcrVcsServer::getUrl).toList();
    }
}
