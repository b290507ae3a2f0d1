package io.jenkins.plugins.icr.credentials.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.tasks.BatchFile;
import hudson.tasks.Shell;
import io.jenkins.plugins.icr.credentials.FormPosts;
import io.jenkins.plugins.icr.credentials.Leaks;
import io.jenkins.plugins.icr.credentials.Stores;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.credentials.job.IcrJobProperty;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.credentialsbinding.impl.BindingStep;
import org.jenkinsci.plugins.credentialsbinding.impl.SecretBuildWrapper;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** withCredentials with the plugin's binding, with the built-in bindings, and in freestyle: the token stays masked. */
@WithJenkins
class IcrVcsTokenBindingTest {
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

    private WorkflowRun run(WorkflowJob job, String script) throws Exception {
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = j.buildAndAssertSuccess(job);
        j.assertLogNotContains(token, run);
        assertEquals(List.of(), Leaks.filesContaining(run.getRootDir().toPath(), token), "token on disk");
        return run;
    }

    @Test
    void bindingMasksTheTokenAndExposesThePublicValues() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "p");

        WorkflowRun run = run(
                job,
                "withCredentials([icrVcsToken(credentialsId: 'icr-github', tokenVariable: 'T',"
                        + " usernameVariable: 'U', providerVariable: 'P', apiUrlVariable: 'A')]) {\n"
                        + "  echo \"token=${env.T} user=${env.U} provider=${env.P} api=${env.A}\"\n"
                        + "}");

        j.assertLogContains("Masking supported pattern matches of $T", run);
        j.assertLogContains("token=****", run);
        j.assertLogContains("user=x-access-token provider=github api=" + github.webUrl() + "/api/v3", run);
    }

    @Test
    void withoutAnIdTheBindingTakesTheJobsFieldTwo() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "p");
        job.addProperty(new IcrJobProperty("https://icr.example.com", "icr-github"));

        WorkflowRun run = run(job, "withCredentials([icrVcsToken()]) { echo \"len=${env.ICR_VCS_TOKEN.length()}\" }");

        j.assertLogContains("len=" + token.length(), run);
    }

    @Test
    void builtInStringAndUsernamePasswordBindingsTakeTheType() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "p");

        WorkflowRun run = run(
                job,
                "withCredentials([string(credentialsId: 'icr-github', variable: 'S'),"
                        + " usernamePassword(credentialsId: 'icr-github', usernameVariable: 'U', passwordVariable: 'PW')]) {\n"
                        + "  echo \"s=${env.S} u=${env.U} same=${env.S == env.PW}\"\n"
                        + "}");

        j.assertLogContains("s=**** u=x-access-token same=true", run);
    }

    @Test
    void freestyleWrapperMasksTheToken() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        IcrVcsTokenBinding binding = new IcrVcsTokenBinding("icr-github");
        binding.setTokenVariable("T");
        project.getBuildWrappersList().add(new SecretBuildWrapper(List.of(binding)));
        project.getBuildersList()
                .add(Functions.isWindows() ? new BatchFile("echo token=%T%") : new Shell("echo token=$T"));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("token=****", build);
        j.assertLogNotContains(token, build);
    }

    @Test
    void configurationAndSnippetRoundTrip() throws Exception {
        IcrVcsTokenBinding binding = new IcrVcsTokenBinding("icr-github");
        binding.setTokenVariable("T");
        binding.setProviderVariable("P");

        BindingStep after = new StepConfigTester(j).configRoundTrip(new BindingStep(List.of(binding)));

        j.assertEqualDataBoundBeans(List.of(binding), after.getBindings());
        new SnippetizerTester(j)
                .assertRoundTrip(
                        new BindingStep(List.of(binding)),
                        "withCredentials([icrVcsToken(credentialsId: 'icr-github', providerVariable: 'P', tokenVariable: 'T')]) {\n"
                                + "    // some block\n}");
    }

    @Test
    void aSecretUsernameIsMaskedAsUsernamePasswordMasksIt() throws Exception {
        String username = "jane.doe.secret-login";
        Stores.ownStore(j.jenkins)
                .addCredentials(
                        Domain.global(), new SecretUsernameToken("icr-secret-user", username, token, github.webUrl()));
        WorkflowJob job = j.createProject(WorkflowJob.class, "p");

        WorkflowRun run = run(
                job,
                "withCredentials([icrVcsToken(credentialsId: 'icr-secret-user', tokenVariable: 'T',"
                        + " usernameVariable: 'U')]) {\n"
                        + "  echo \"user=${env.U} token=${env.T}\"\n"
                        + "}");

        j.assertLogContains("user=**** token=****", run);
        j.assertLogNotContains(username, run);
    }

    @Test
    void theUsernameCannotGoIntoTheTokensVariable() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition(
                "withCredentials([icrVcsToken(credentialsId: 'icr-github', tokenVariable: 'X', usernameVariable: 'X')])"
                        + " { echo \"x=${env.X}\" }",
                true));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("cannot both go into the variable X", run);
        j.assertLogNotContains(token, run);
        String form = FormPosts.post(
                        j,
                        null,
                        IcrVcsTokenBinding.class,
                        "checkUsernameVariable",
                        Map.of("value", "ICR_VCS_TOKEN", "tokenVariable", ""))
                .getContentAsString();
        assertTrue(form.contains("error") && form.contains("ICR_VCS_TOKEN"), form);
        String fine = FormPosts.post(
                        j,
                        null,
                        IcrVcsTokenBinding.class,
                        "checkUsernameVariable",
                        Map.of("value", "GIT_USER", "tokenVariable", "T"))
                .getContentAsString();
        assertFalse(fine.contains("error"), fine);
    }

    @Test
    void aBindingSavedBeforeItsVariablesExistedLoadsWithDefaults() {
        IcrVcsTokenBinding old = (IcrVcsTokenBinding)
                Jenkins.XSTREAM2.fromXML("<io.jenkins.plugins.icr.credentials.binding.IcrVcsTokenBinding>"
                        + "<credentialsId>icr-github</credentialsId>"
                        + "</io.jenkins.plugins.icr.credentials.binding.IcrVcsTokenBinding>");
        assertEquals(IcrVcsTokenBinding.DEFAULT_TOKEN_VARIABLE, old.getTokenVariable());
        assertEquals("", old.getUsernameVariable());
        assertEquals("", old.getProviderVariable());
        assertEquals("", old.getApiUrlVariable());
    }
}
