package io.jenkins.plugins.icr.credentials.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.HostnameSpecification;
import hudson.EnvVars;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.TaskListener;
import hudson.model.User;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.Stores;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.net.URL;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebConsole;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextInput;
import org.htmlunit.javascript.host.event.Event;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The job's iCR section: round trip, Field 2's choices and live check behind the consumer-guide gates, the build env. */
@WithJenkins
class IcrJobPropertyTest {
    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    private JenkinsRule j;
    private String token;
    private FreeStyleProject project;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        token = TestTokens.githubClassic();
        TestCredentials.add(github, j, "icr-github", token);
        project = j.createFreeStyleProject("p");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("configurer"));
    }

    private IcrJobProperty property() {
        IcrJobProperty icr = new IcrJobProperty("https://icr.example.com", "icr-github");
        icr.setRepositoryUrl(github.webUrl() + "/acme/widgets");
        return icr;
    }

    private WebResponse post(String user, String method, String... fields) throws Exception {
        JenkinsRule.WebClient client =
                j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        WebRequest request = new WebRequest(
                new URL(client.getContextPath() + "job/p/descriptorByName/" + IcrJobProperty.class.getName() + "/"
                        + method),
                HttpMethod.POST);
        List<NameValuePair> parameters = new java.util.ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            parameters.add(new NameValuePair(fields[i], fields[i + 1]));
        }
        request.setRequestParameters(parameters);
        client.addCrumb(request);
        return client.getPage(request).getWebResponse();
    }

    @Test
    void configurationSurvivesTheForm() throws Exception {
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .toEveryone());
        project.addProperty(property());

        j.configRoundtrip(project);

        j.assertEqualDataBoundBeans(property(), project.getProperty(IcrJobProperty.class));
    }

    @Test
    void fieldTwoListsTokensOnlyToThoseWhoMaySeeThem() throws Exception {
        String listed = post("configurer", "fillVcsCredentialsIdItems", "vcsCredentialsId", "", "repositoryUrl", "")
                .getContentAsString();
        assertTrue(listed.contains("icr-github"), listed);

        String hidden = post("reader", "fillVcsCredentialsIdItems", "vcsCredentialsId", "current", "repositoryUrl", "")
                .getContentAsString();
        assertFalse(hidden.contains("icr-github"), hidden);
        assertTrue(hidden.contains("current"), "the current value only: " + hidden);
    }

    @Test
    void fieldTwoListsOnlyTokensOfTheRepositoryServer() throws Exception {
        String elsewhere = post(
                        "configurer",
                        "fillVcsCredentialsIdItems",
                        "vcsCredentialsId",
                        "",
                        "repositoryUrl",
                        "https://gitlab.com/acme/widgets")
                .getContentAsString();
        assertFalse(elsewhere.contains("icr-github"), elsewhere);
        String here = post(
                        "configurer",
                        "fillVcsCredentialsIdItems",
                        "vcsCredentialsId",
                        "",
                        "repositoryUrl",
                        github.webUrl() + "/acme/widgets")
                .getContentAsString();
        assertTrue(here.contains("icr-github"), here);
    }

    @Test
    void choosingFieldTwoVerifiesTheTokenLiveForThoseWhoMayUseIt() throws Exception {
        WebResponse check = post("configurer", "checkVcsCredentialsId", "value", "icr-github", "repositoryUrl", "");
        String body = check.getContentAsString();
        assertTrue(body.contains("<strong>Valid</strong>") && body.contains("octocat"), body);
        assertFalse(body.contains(token));
        assertEquals(1, github.server().getRequestCount());
        post("configurer", "checkVcsCredentialsId", "value", "icr-github", "repositoryUrl", "");
        assertEquals(1, github.server().getRequestCount(), "a repeated change is answered from the cache");

        String reader = post("reader", "checkVcsCredentialsId", "value", "icr-github", "repositoryUrl", "")
                .getContentAsString();
        assertFalse(reader.contains("octocat"), reader);
        assertEquals(1, github.server().getRequestCount(), "no request for a user who may not see credentials");
    }

    /** The iCR section's fields, in page order. */
    private static List<String> icrFields(HtmlPage page) {
        List<String> names = List.of("_.icrServerUrl", "_.repositoryUrl", "_.vcsCredentialsId");
        return page.querySelectorAll("[name]").stream()
                .map(e -> ((DomElement) e).getAttribute("name"))
                .filter(names::contains)
                .toList();
    }

    private static List<String> tokenChoices(HtmlSelect select) {
        return select.getOptions().stream().map(HtmlOption::getValueAttribute).toList();
    }

    /** The VCS token's entry as read on the page: its choice and, below it, its check. */
    private static String tokenEntry(HtmlPage page) {
        DomNode node = page.getElementByName("_.vcsCredentialsId");
        while (node != null
                && !(node instanceof DomElement e && e.getAttribute("class").contains("jenkins-form-item"))) {
            node = node.getParentNode();
        }
        return node == null ? "" : node.asNormalizedText();
    }

    /** What the page's scripts show once they are done (or after 30 s): polled, as a person would look again. */
    private static <T> T await(Supplier<T> shown, Predicate<T> done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        T value = shown.get();
        while (!done.test(value) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            value = shown.get();
        }
        return value;
    }

    /** The console warnings of the pages a client opens. */
    private static final class Warnings implements WebConsole.Logger {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public void warn(Object message) {
            seen.add(String.valueOf(message));
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public void trace(Object message) {}

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(Object message) {}

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public void info(Object message) {}

        @Override
        public boolean isErrorEnabled() {
            return false;
        }

        @Override
        public void error(Object message) {}
    }

    /**
     * The credentials plugin's select.js first wires a c:select up while the page is still loading, so that pass only
     * finds the fields it depends on when they come before it: else "Unable to find nearby repositoryUrl".
     */
    @Test
    void sectionFollowsTheWorkRepositoryThenTokenThenItsVerdict() throws Exception {
        project.addProperty(property());
        JenkinsRule.WebClient client = j.createWebClient().login("configurer");
        Warnings console = new Warnings();
        client.getWebConsole().setLogger(console);
        HtmlPage page = client.getPage(project, "configure");

        assertEquals(List.of("_.icrServerUrl", "_.repositoryUrl", "_.vcsCredentialsId"), icrFields(page));
        HtmlSelect token = page.getElementByName("_.vcsCredentialsId");
        assertEquals("vcsCredentialsId repositoryUrl", token.getAttribute("fillDependsOn"));
        DomNode verdict = await(() -> page.querySelector(".icr-verdict"), Objects::nonNull);
        assertTrue(verdict.asNormalizedText().startsWith("Valid: "), verdict.asNormalizedText());
        assertTrue(
                page.getElementByName("_.repositoryUrl").compareDocumentPosition(verdict)
                        == DomNode.DOCUMENT_POSITION_FOLLOWING,
                "the verdict comes after the repository URL");
        assertEquals(
                List.of(),
                console.seen.stream().filter(w -> w.contains("nearby")).toList());
    }

    @Test
    void tokenListRefreshesWhenTheRepositoryUrlChanges() throws Exception {
        IcrVcsTokenImpl gitlab = new IcrVcsTokenImpl(
                CredentialsScope.GLOBAL, "icr-gitlab", "", "gitlab", Secret.fromString(TestTokens.gitlab()));
        CredentialsProvider.lookupStores(j.jenkins).iterator().next().addCredentials(Domain.global(), gitlab);
        project.addProperty(property());
        HtmlPage page = j.createWebClient().login("configurer").getPage(project, "configure");
        HtmlSelect token = page.getElementByName("_.vcsCredentialsId");
        HtmlTextInput repository = page.getElementByName("_.repositoryUrl");
        assertTrue(
                await(() -> tokenChoices(token), c -> c.contains("icr-github")).contains("icr-github"));
        assertFalse(tokenChoices(token).contains("icr-gitlab"));

        repository.setValue("https://gitlab.com/acme/widgets");
        repository.fireEvent(Event.TYPE_CHANGE);

        assertTrue(
                await(() -> tokenChoices(token), c -> c.contains("icr-gitlab")).contains("icr-gitlab"),
                "refilled for the GitLab repository");
        String entry = await(() -> tokenEntry(page), t -> t.contains("not for the server"));
        assertTrue(entry.contains("This token is not for the server of the repository URL above"), entry);

        repository.setValue(github.webUrl() + "/acme/widgets");
        repository.fireEvent(Event.TYPE_CHANGE);

        assertFalse(
                await(() -> tokenChoices(token), c -> !c.contains("icr-gitlab")).contains("icr-gitlab"), "and back");
        entry = await(() -> tokenEntry(page), t -> t.contains("Valid: "));
        assertTrue(entry.contains("Valid: ") && !entry.contains("not for the server"), entry);
    }

    @Test
    void labelsSayWhatEachFieldIsAndTheHelpMapsIcrsFieldNumbers() throws Exception {
        project.addProperty(property());
        HtmlPage page = j.createWebClient().login("configurer").getPage(project, "configure");
        String text = page.asNormalizedText();
        for (String label : List.of("iCR server URL", "Repository URL", "VCS token")) {
            assertTrue(text.contains(label), label);
        }
        assertFalse(text.contains("Field 2"), "the form speaks the admin's language");

        String help = j.createWebClient()
                .login("configurer")
                .goTo("descriptor/" + IcrJobProperty.class.getName() + "/help", null)
                .getWebResponse()
                .getContentAsString()
                .replaceAll("\\s+", " ");
        assertTrue(
                help.contains("Field 1 is the <em>iCR server URL</em>, Field 2 the <em>VCS token</em>, Field 3 the"
                        + " <em>Repository URL</em>"),
                help);
    }

    @Test
    void getIsNotDispatched() throws Exception {
        JenkinsRule.WebClient client =
                j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("configurer");
        for (String method : List.of("fillVcsCredentialsIdItems", "checkVcsCredentialsId", "checkRepositoryUrl")) {
            WebRequest request = new WebRequest(
                    new URL(client.getContextPath() + "job/p/descriptorByName/" + IcrJobProperty.class.getName() + "/"
                            + method),
                    HttpMethod.GET);
            assertEquals(404, client.getPage(request).getWebResponse().getStatusCode(), method);
        }
    }

    @Test
    void buildsSeeThePublicValuesButNeverTheToken() throws Exception {
        project.addProperty(property());
        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        EnvVars env = build.getEnvironment(TaskListener.NULL);

        assertEquals("https://icr.example.com", env.get("ICR_SERVER_URL"));
        assertEquals(github.webUrl() + "/acme/widgets", env.get("ICR_REPOSITORY_URL"));
        assertEquals("github", env.get("ICR_VCS_PROVIDER"));
        assertEquals(github.webUrl() + "/api/v3", env.get("ICR_VCS_API_URL"));
        assertFalse(env.containsValue(token));
    }

    @Test
    void fieldTwoOffersWhatTheBuildsWillRunAsAuthorizeProjectSaysCanUse() throws Exception {
        String own = TestTokens.githubClassic();
        User alice = User.getById("alice", true);
        TestCredentials.addUserToken(github, alice, "icr-alice", own);
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator().authenticate("p", alice.impersonate2()));

        String listed = post("configurer", "fillVcsCredentialsIdItems", "vcsCredentialsId", "", "repositoryUrl", "")
                .getContentAsString();

        assertTrue(listed.contains("icr-alice"), "the builds run as alice, who may use her own token: " + listed);
        assertFalse(listed.contains("icr-github"), "alice's builds cannot use the system store: " + listed);
        String check = post("configurer", "checkVcsCredentialsId", "value", "icr-github", "repositoryUrl", "")
                .getContentAsString();
        assertTrue(check.contains("icr-github") && check.contains("error"), check);
    }

    @Test
    void fieldTwoOffersOnlyTokensWhoseDomainCoversTheRepository() throws Exception {
        Domain elsewhere =
                new Domain("elsewhere", "", List.of(new HostnameSpecification("git.elsewhere.example", null)));
        CredentialsStore store = Stores.ownStore(j.jenkins);
        store.addDomain(elsewhere, TestCredentials.credential(github, "icr-temp", TestTokens.githubClassic()));
        String repository = github.webUrl() + "/acme/widgets";

        String listed = post(
                        "configurer", "fillVcsCredentialsIdItems", "vcsCredentialsId", "", "repositoryUrl", repository)
                .getContentAsString();

        assertTrue(listed.contains("icr-github"), listed);
        assertFalse(listed.contains("icr-temp"), "restricted to another host by its domain: " + listed);
        String check = post("configurer", "checkVcsCredentialsId", "value", "icr-temp", "repositoryUrl", repository)
                .getContentAsString();
        assertEquals(0, github.server().getRequestCount(), "a token outside its domain is not verified for it");
        assertTrue(check.contains("error"), check);
    }

    @Test
    void aJobSavedBeforeFieldThreeExistedLoadsWithItEmpty() {
        IcrJobProperty old =
                (IcrJobProperty) Jenkins.XSTREAM2.fromXML("<io.jenkins.plugins.icr.credentials.job.IcrJobProperty>"
                        + "<icrServerUrl>https://icr.example.com</icrServerUrl><vcsCredentialsId>icr-github</vcsCredentialsId>"
                        + "</io.jenkins.plugins.icr.credentials.job.IcrJobProperty>");
        assertEquals("", old.getRepositoryUrl());
        assertEquals("icr-github", old.getVcsCredentialsId());
    }
}
