package io.jenkins.plugins.icr.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.casc.CredentialsRootConfigurator;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.casc.model.Mapping;
import io.jenkins.plugins.icr.token.TestTokens;
import java.util.List;
import java.util.Objects;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

/**
 * JCasC: a credential created from YAML with its token from {@code ${ICR_TEST_TOKEN}}, servers declared alongside,
 * and an export that never shows the token in clear text.
 */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {
    /** The YAML is applied before the test body; CasC reads ${VAR} from system properties before the environment. */
    private static final String TOKEN = TestTokens.gitlab();

    static {
        System.setProperty("ICR_TEST_TOKEN", TOKEN);
    }

    private static IcrVcsToken credential(JenkinsConfiguredWithCodeRule j) {
        return CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(IcrVcsToken.class, j.jenkins, ACL.SYSTEM2),
                CredentialsMatchers.withId("icr-gitlab"));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void credentialAndServersAreCreatedFromYaml(JenkinsConfiguredWithCodeRule j) {
        IcrVcsToken credential = credential(j);
        assertNotNull(credential);
        assertEquals(TOKEN, credential.getToken().getPlainText());
        assertEquals("gitlab", credential.getProvider());
        assertEquals("https://gitlab.example.com", credential.getServerUrl());
        assertEquals("iCR on the corporate GitLab", credential.getDescription());
        assertEquals(
                List.of(new IcrVcsServer("gitlab", "Corporate GitLab", "https://gitlab.example.com").getUrl()),
                IcrVcsServers.get().getServers().stream()
                        .map(IcrVcsServer::getUrl)
                        .toList());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void exportShowsNoPlainToken(JenkinsConfiguredWithCodeRule j) throws Exception {
        CredentialsRootConfigurator root = Jenkins.get()
                .getExtensionList(CredentialsRootConfigurator.class)
                .get(0);
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        Mapping exported = Objects.requireNonNull(root.describe(root.getTargetComponent(context), context))
                .asMapping();
        Mapping credential = exported.get("system")
                .asMapping()
                .get("domainCredentials")
                .asSequence()
                .get(0)
                .asMapping()
                .get("credentials")
                .asSequence()
                .get(0)
                .asMapping()
                .get("icrVcsToken")
                .asMapping();

        String token = credential.getScalarValue("token");
        assertNotEquals(TOKEN, token);
        assertEquals(TOKEN, Objects.requireNonNull(Secret.decrypt(token)).getPlainText());
        assertEquals("gitlab", credential.getScalarValue("provider"));
        assertFalse(Util.toYamlString(exported).contains(TOKEN));

        CNode servers = Util.getUnclassifiedRoot(context).get("icrVcsServers");
        String yaml = Util.toYamlString(servers);
        assertEquals(true, yaml.contains("https://gitlab.example.com") && yaml.contains("Corporate GitLab"), yaml);
    }
}
