package io.jenkins.plugins.icr.credentials.impl;

import static io.jenkins.plugins.icr.credentials.FormPosts.get;
import static io.jenkins.plugins.icr.credentials.FormPosts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.token.ProviderServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The Add Credentials dialog as an administrator meets it: the type with its own symbol, the server as a list. */
@WithJenkins
class IcrVcsTokenDialogTest {
    /** A stroke of the type's own symbol; Jenkins draws a placeholder cross for a symbol it cannot find. */
    private static final String OWN_SYMBOL = "M288 256h184";

    private static final String PLACEHOLDER_SYMBOL = "M368 368L144 144";

    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j) {
        this.j = j;
        TestCredentials.declare(github);
    }

    /** A dialog fragment as the browser fetches it; its scripts only run inside the page that opens it. */
    private HtmlPage fragment(String path) throws Exception {
        JenkinsRule.WebClient client = j.createWebClient();
        client.getOptions().setJavaScriptEnabled(false);
        return client.goTo("credentials/store/system/domain/_/" + path);
    }

    /** The server list as the form's script fills it: label = value. */
    private List<String> servers(String provider, String current) throws Exception {
        String json = post(
                        j,
                        null,
                        IcrVcsTokenImpl.class,
                        "fillServerUrlItems",
                        Map.of("provider", provider, "serverUrl", current))
                .getContentAsString();
        List<String> items = new ArrayList<>();
        for (Object item : JSONObject.fromObject(json).getJSONArray("values").toArray()) {
            JSONObject option = (JSONObject) item;
            items.add(option.getString("name") + " = " + option.getString("value"));
        }
        return items;
    }

    @Test
    void typeChooserShowsTheTokenTypeWithItsOwnSymbol() throws Exception {
        HtmlPage chooser = fragment("dialog");

        DomNode ours = chooser.querySelectorAll(".jenkins-choice-list__item").stream()
                .filter(item -> item.asNormalizedText().contains("iCR VCS token (GitHub, GitLab, Bitbucket)"))
                .findFirst()
                .orElseThrow();
        String icon = ours.querySelector(".jenkins-choice-list__item__icon svg").asXml();
        assertTrue(icon.contains(OWN_SYMBOL) && !icon.contains(PLACEHOLDER_SYMBOL), icon);
    }

    @Test
    void serverIsAListFilledByProviderWithNoFreeText() throws Exception {
        String kind = j.jenkins
                .getDescriptorByType(IcrVcsTokenImpl.DescriptorImpl.class)
                .getId();
        HtmlPage form = fragment("dialog2?kind=" + kind);

        List<DomElement> fields = form.getElementsByName("_.serverUrl");
        assertEquals(1, fields.size());
        assertEquals("select", fields.get(0).getTagName());
        assertEquals("provider serverUrl", fields.get(0).getAttribute("fillDependsOn"));
        assertTrue(form.asNormalizedText().contains("Server"), "labelled for what it is");

        assertEquals(
                List.of("github.com (public service) = ", "Test GitHub (" + github.webUrl() + ") = " + github.webUrl()),
                servers("github", ""));
        assertEquals(List.of("gitlab.com (public service) = "), servers("gitlab", ""));
        assertEquals(List.of(), servers("bitbucket-dc", ""), "no public service, nothing declared");
    }

    @Test
    void aStoredServerNoLongerDeclaredStaysListedAndMarked() throws Exception {
        assertEquals(
                List.of(
                        "github.com (public service) = ",
                        "Test GitHub (" + github.webUrl() + ") = " + github.webUrl(),
                        "https://github.retired.example (not declared) = https://github.retired.example"),
                servers("github", "https://github.retired.example"));
        assertEquals(
                List.of("gitlab.com (public service) = ", "https://gitlab.com = https://gitlab.com"),
                servers("gitlab", "https://gitlab.com"),
                "the public service spelled out is accepted, so not marked");
    }

    @Test
    void serverListIsAPostForCredentialEditorsOnly() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Jenkins.MANAGE, CredentialsProvider.CREATE, CredentialsProvider.UPDATE)
                .everywhere()
                .to("editor"));
        Map<String, String> fields = Map.of("provider", "github", "serverUrl", "");

        assertEquals(
                404,
                get(j, "editor", IcrVcsTokenImpl.class, "fillServerUrlItems").getStatusCode());
        assertEquals(
                403,
                post(j, "reader", IcrVcsTokenImpl.class, "fillServerUrlItems", fields)
                        .getStatusCode());
        String listed = post(j, "editor", IcrVcsTokenImpl.class, "fillServerUrlItems", fields)
                .getContentAsString();
        assertFalse(JSONObject.fromObject(listed).getJSONArray("values").isEmpty(), listed);
    }
}
