package io.jenkins.plugins.icr.credentials.steps;

import static io.jenkins.plugins.icr.token.ProviderAnswers.GITHUB_USER;
import static io.jenkins.plugins.icr.token.ProviderAnswers.githubUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Descriptor;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.icr.credentials.FormPosts;
import io.jenkins.plugins.icr.credentials.HandEdited;
import io.jenkins.plugins.icr.credentials.Leaks;
import io.jenkins.plugins.icr.credentials.Stores;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.credentials.job.IcrJobProperty;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graph.StepNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * icrVerifyToken and the build step. At build time: the verdict in the log and as a map, the build's result, never the
 * token. Their one form: its token list and check follow the credentials consumer guide for both descriptors (POST
 * only, permission first, only the tokens the job's builds may use), and both show one help set.
 */
@WithJenkins
class IcrVerifyTokenStepTest {
    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    private JenkinsRule j;
    private String token;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        token = TestTokens.githubClassic();
        TestCredentials.add(github, j, "icr-github", token);
    }

    private WorkflowRun pipeline(Result expected, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.addProperty(new IcrJobProperty("https://icr.example.com", "icr-github"));
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = j.buildAndAssertStatus(expected, job);
        j.assertLogNotContains(token, run);
        assertEquals(List.of(), Leaks.filesContaining(run.getRootDir().toPath(), token), "token on disk");
        return run;
    }

    @Test
    void validTokenPassesAndReturnsTheVerdict() throws Exception {
        WorkflowRun run = pipeline(
                Result.SUCCESS,
                "def v = icrVerifyToken()\n"
                        + "echo \"status=${v.status} account=${v.account} missing=${v.missingScopes}\"");

        j.assertLogContains("Verifying the iCR VCS token 'icr-github'", run);
        j.assertLogContains("status=VALID account=octocat missing=[]", run);
    }

    @Test
    void missingScopesFailTheBuildWithTheFix() throws Exception {
        github.on(GITHUB_USER, githubUser(200, "{\"login\":\"octocat\"}", "repo"));

        WorkflowRun run = pipeline(Result.FAILURE, "icrVerifyToken credentialsId: 'icr-github'");

        j.assertLogContains("MISSING_SCOPES", run);
        j.assertLogContains("workflow, notifications", run);
        j.assertLogContains("/settings/tokens/new?scopes=", run);
    }

    @Test
    void rejectedTokenFailsTheBuild() throws Exception {
        github.on(GITHUB_USER, githubUser(401, "{\"message\":\"Bad credentials\"}", null));

        WorkflowRun run = pipeline(Result.FAILURE, "icrVerifyToken()");
        j.assertLogContains("REJECTED", run);
        j.assertLogContains("The iCR VCS token cannot be used (Rejected): ", run);
        assertEquals(1, github.server().getRequestCount(), "a rejection is never retried");
    }

    @Test
    void unreachableProviderIsAWarningUnstableOnlyWhenAsked() throws Exception {
        github.on(GITHUB_USER, githubUser(503, "{\"message\":\"down\"}", null));

        j.assertLogContains("UNREACHABLE", pipeline(Result.SUCCESS, "icrVerifyToken()"));
        pipeline(Result.UNSTABLE, "icrVerifyToken unstableOnWarning: true");
    }

    @Test
    void missingCredentialFailsWithAClearMessage() throws Exception {
        j.assertLogContains(
                "Could not find an iCR VCS token with the ID 'nope'",
                pipeline(Result.FAILURE, "icrVerifyToken credentialsId: 'nope'"));
    }

    @Test
    void freestyleStepUsesTheJobsFieldTwo() throws Exception {
        github.on(GITHUB_USER, githubUser(401, "{\"message\":\"Bad credentials\"}", null));
        FreeStyleProject project = j.createFreeStyleProject();
        project.addProperty(new IcrJobProperty("https://icr.example.com", "icr-github"));
        project.getBuildersList().add(new IcrVerifyTokenBuilder());

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("REJECTED", build);
        j.assertLogNotContains(token, build);
    }

    @Test
    void unstableOnWarningMarksTheStepsOwnNode() throws Exception {
        github.on(GITHUB_USER, githubUser(503, "{\"message\":\"down\"}", null));

        WorkflowRun run = pipeline(
                Result.UNSTABLE,
                "echo 'before the check'\nicrVerifyToken unstableOnWarning: true\necho 'after the check'");

        List<FlowNode> warned = new DepthFirstScanner()
                .allNodes(run.getExecution()).stream()
                        .filter(node -> node.getPersistentAction(WarningAction.class) != null)
                        .toList();
        assertEquals(1, warned.size(), "only the step's node is marked");
        FlowNode node = warned.get(0);
        assertEquals("icrVerifyToken", ((StepNode) node).getDescriptor().getFunctionName());
        WarningAction warning = node.getPersistentAction(WarningAction.class);
        assertEquals(Result.UNSTABLE, warning.getResult());
        assertTrue(
                warning.getMessage().startsWith("The iCR VCS token could not be fully verified (Unreachable): "),
                warning.getMessage());
        assertFalse(warning.getMessage().contains(token));
    }

    @Test
    void aCredentialWithAnUnknownProviderFailsTheBuildAndIsNeverSent() throws Exception {
        Stores.ownStore(j.jenkins)
                .addCredentials(
                        Domain.global(),
                        HandEdited.token("icr-odd", "sourceforge", github.webUrl(), TestTokens.githubClassic()));

        WorkflowRun run = pipeline(Result.FAILURE, "icrVerifyToken credentialsId: 'icr-odd'");

        j.assertLogContains("names a provider this plugin does not know", run);
        assertEquals(0, github.server().getRequestCount(), "never treated as GitHub, never sent anywhere");
    }

    /** For the form tests: a job {@code p} and users with less and less permission on it. */
    private void secure() throws Exception {
        j.createFreeStyleProject("p");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("configurer")
                .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ)
                .everywhere()
                .to("viewer")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader"));
    }

    /** The answer of a form's web method on the job {@code p} ("" as context: at the root). */
    private String post(String user, String context, Class<?> form, String method, String... fields) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            values.put(fields[i], fields[i + 1]);
        }
        WebResponse response = FormPosts.post(j, user, context, form, method, values);
        assertEquals(200, response.getStatusCode(), method + " as " + user);
        return response.getContentAsString();
    }

    @ParameterizedTest
    @ValueSource(classes = {IcrVerifyTokenStep.class, IcrVerifyTokenBuilder.class})
    void listOffersTheIcrTokensTheJobsBuildsMayUseAndTheJobsOwn(Class<?> form) throws Exception {
        secure();
        Stores.ownStore(j.jenkins)
                .addCredentials(
                        Domain.global(),
                        new UsernamePasswordCredentialsImpl(
                                CredentialsScope.GLOBAL, "plain-login", "", "bot", "not-a-vcs-token"));
        Folder other = j.jenkins.createProject(Folder.class, "other");
        TestCredentials.add(github, Stores.ownStore(other), "icr-other-folder", TestTokens.githubClassic());

        for (String user : List.of("configurer", "viewer")) {
            String listed = post(user, "job/p/", form, "fillCredentialsIdItems", "credentialsId", "");
            assertTrue(listed.contains("\"icr-github\""), user + ": " + listed);
            assertTrue(listed.contains("The job's VCS token (iCR section)"), "empty means the job's token: " + listed);
            assertFalse(listed.contains("plain-login"), "not an iCR VCS token: " + listed);
            assertFalse(listed.contains("icr-other-folder"), "another folder's token: " + listed);
        }
        assertTrue(post("admin", "", form, "fillCredentialsIdItems", "credentialsId", "")
                .contains("\"icr-github\""));
    }

    @ParameterizedTest
    @ValueSource(classes = {IcrVerifyTokenStep.class, IcrVerifyTokenBuilder.class})
    void usersWhoMayNotSeeCredentialsGetTheCurrentValueOnly(Class<?> form) throws Exception {
        secure();
        String onJob = post("reader", "job/p/", form, "fillCredentialsIdItems", "credentialsId", "kept-id");
        assertTrue(onJob.contains("kept-id"), "the current value stays: " + onJob);
        assertFalse(onJob.contains("icr-github"), onJob);
        // Without a job the guide asks for Overall/Administer: the Snippet Generator at the root, for instance.
        String atRoot = post("configurer", "", form, "fillCredentialsIdItems", "credentialsId", "");
        assertFalse(atRoot.contains("icr-github"), atRoot);

        WebResponse anonymous = FormPosts.post(j, null, form, "fillCredentialsIdItems", Map.of("credentialsId", ""));
        assertEquals(403, anonymous.getStatusCode());
        assertFalse(anonymous.getContentAsString().contains("icr-github"));
    }

    @ParameterizedTest
    @ValueSource(classes = {IcrVerifyTokenStep.class, IcrVerifyTokenBuilder.class})
    void choosingATokenVerifiesItOnlyForThoseWhoMayUseIt(Class<?> form) throws Exception {
        secure();
        String reader = post("reader", "job/p/", form, "checkCredentialsId", "value", "no-such-id");
        assertFalse(reader.contains("no-such-id"), "no lookup before the permission check: " + reader);
        String viewer = post("viewer", "job/p/", form, "checkCredentialsId", "value", "icr-github");
        assertFalse(viewer.contains("octocat"), viewer);
        assertEquals(0, github.server().getRequestCount(), "Item/Extended Read alone sends nothing");
        assertTrue(post("configurer", "job/p/", form, "checkCredentialsId", "value", "no-such-id")
                .contains("error"));

        String verdict = post("configurer", "job/p/", form, "checkCredentialsId", "value", "icr-github");

        assertTrue(verdict.contains("<strong>Valid</strong>") && verdict.contains("octocat"), verdict);
        assertFalse(verdict.contains(token));
        assertEquals(1, github.server().getRequestCount());
        assertEquals(
                "<div/>",
                post("configurer", "job/p/", form, "checkCredentialsId", "value", "")
                        .strip(),
                "empty is the job's own token, checked in the job's iCR section");
    }

    @Test
    void formMethodsAreNotDispatchedOnGet() throws Exception {
        secure();
        for (Class<?> form : List.of(IcrVerifyTokenStep.class, IcrVerifyTokenBuilder.class)) {
            for (String method : List.of("fillCredentialsIdItems", "checkCredentialsId")) {
                WebResponse response = FormPosts.request(
                        j,
                        "admin",
                        HttpMethod.GET,
                        "job/p/descriptorByName/" + form.getName() + "/" + method + "?value=icr-github",
                        Map.of());
                assertEquals(404, response.getStatusCode(), form.getSimpleName() + "." + method);
            }
        }
        assertEquals(0, github.server().getRequestCount());
    }

    @Test
    void bothShowTheStepsFormAndHelp() throws Exception {
        secure();
        Descriptor<?> step = j.jenkins.getDescriptorOrDie(IcrVerifyTokenStep.class);
        Descriptor<?> builder = j.jenkins.getDescriptorOrDie(IcrVerifyTokenBuilder.class);
        assertEquals(step.getConfigPage(), builder.getConfigPage());
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        List<String> stepHelp = admin.executeOnServer(() -> helpFiles(step));
        assertEquals(stepHelp, admin.executeOnServer(() -> helpFiles(builder)));

        for (String help : stepHelp) {
            assertNotNull(help);
            assertTrue(help.startsWith("/descriptor/" + IcrVerifyTokenStep.class.getName() + "/help"), help);
            String text = admin.goTo(help.substring(1), null).getWebResponse().getContentAsString();
            assertTrue(text.contains("<div>"), help + ": " + text);
        }
        // Pipeline's syntax reference reads the step's own files.
        assertTrue(new DescribableModel<>(IcrVerifyTokenStep.class).getHelp().contains("Freestyle jobs"));

        FreeStyleProject project = j.jenkins.getItemByFullName("p", FreeStyleProject.class);
        project.getBuildersList().add(new IcrVerifyTokenBuilder());
        HtmlPage configure = admin.getPage(project, "configure");
        List<String> shown = new ArrayList<>();
        for (Object link : configure.querySelectorAll(".jenkins-help-button")) {
            String url = ((DomElement) link).getAttribute("helpURL");
            if (url.contains(IcrVerifyTokenStep.class.getName())) {
                shown.add(url.substring(j.contextPath.length()));
            }
        }
        assertEquals(stepHelp, shown, "the build step's entries link the step's help");
    }

    /** The help of the whole step and of each field, in the form's order. */
    private static List<String> helpFiles(Descriptor<?> descriptor) {
        return Arrays.asList(
                descriptor.getHelpFile(),
                descriptor.getHelpFile("credentialsId"),
                descriptor.getHelpFile("unstableOnWarning"));
    }

    @Test
    void theFormKeepsWhatItShowsAndTheSnippetGeneratorWritesIt() throws Exception {
        IcrVerifyTokenStep step = new IcrVerifyTokenStep();
        step.setCredentialsId("icr-github");
        step.setUnstableOnWarning(true);
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
        new SnippetizerTester(j)
                .assertRoundTrip(step, "icrVerifyToken credentialsId: 'icr-github', unstableOnWarning: true");
        new SnippetizerTester(j).assertRoundTrip(new IcrVerifyTokenStep(), "icrVerifyToken()");

        IcrVerifyTokenBuilder builder = new IcrVerifyTokenBuilder();
        builder.setCredentialsId("icr-github");
        j.assertEqualDataBoundBeans(builder, j.configRoundtrip(builder));
        assertNull(j.configRoundtrip(new IcrVerifyTokenBuilder()).getCredentialsId(), "the job's token stays chosen");
        IcrVerifyTokenBuilder removed = new IcrVerifyTokenBuilder();
        removed.setCredentialsId("since-deleted");
        assertEquals(
                "since-deleted",
                j.configRoundtrip(removed).getCredentialsId(),
                "a credential deleted since is kept, and its check says so");
    }
}
