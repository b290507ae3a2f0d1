package io.jenkins.plugins.icr.credentials.steps;

import static io.jenkins.plugins.icr.token.ProviderAnswers.GITHUB_USER;
import static io.jenkins.plugins.icr.token.ProviderAnswers.githubUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.icr.credentials.HandEdited;
import io.jenkins.plugins.icr.credentials.Leaks;
import io.jenkins.plugins.icr.credentials.Stores;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.credentials.job.IcrJobProperty;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.util.List;
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
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** icrVerifyToken at build time: the verdict in the log and as a map, the build's result, never the token. */
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
                "def v = icrVerifyToken()\necho \"status=${v.status} account=${v.account} missing=${v.missingScopes}\"");

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
    void configurationAndSnippetRoundTrip() throws Exception {
        IcrVerifyTokenStep step = new IcrVerifyTokenStep();
        step.setCredentialsId("icr-github");
        step.setUnstableOnWarning(true);

        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
        new SnippetizerTester(j)
                .assertRoundTrip(step, "icrVerifyToken credentialsId: 'icr-github', unstableOnWarning: true");

        IcrVerifyTokenBuilder builder = new IcrVerifyTokenBuilder();
        builder.setCredentialsId("icr-github");
        j.assertEqualDataBoundBeans(builder, j.configRoundtrip(builder));
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
        assertTrue(warning.getMessage().contains("UNREACHABLE"), warning.getMessage());
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
}
