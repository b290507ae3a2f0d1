package io.jenkins.plugins.icr.credentials;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The package rules of docs/architecture.md ("The plugin"), checked on the compiled main classes. */
class PackageRulesTest {
    private static final String PLUGIN = "io.jenkins.plugins.icr.credentials";

    /** The plugin's own output directory (or jar) only: not its tests, not core, not Jenkins. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .importUrl(IcrVcsToken.class.getProtectionDomain().getCodeSource().getLocation());

    private static final DescribedPredicate<JavaAnnotation<?>> NO_EXTERNAL_USE = DescribedPredicate.describe(
            "@Restricted(NoExternalUse.class)",
            a -> a.getRawType().isEquivalentTo(Restricted.class)
                    && List.of(a.as(Restricted.class).value()).contains(NoExternalUse.class));

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("io.jenkins.plugins.icr.(**)")
                .should()
                .beFreeOfCycles()
                .check(MAIN);
    }

    @Test
    void theCredentialDoesNotReachIntoTokenHealth() {
        noClasses()
                .that()
                .resideInAPackage(PLUGIN + ".impl..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(PLUGIN + ".health..")
                .check(MAIN);
    }

    /** Jelly names classes too (invokeStatic, taglibs): the credential's views ask through CredentialPanels. */
    @Test
    void theCredentialsViewsNameNoTokenHealthClass() throws IOException, URISyntaxException {
        Path views = Path.of(PackageRulesTest.class
                        .getResource("/io/jenkins/plugins/icr/credentials/impl/IcrVcsTokenImpl/credentials.jelly")
                        .toURI())
                .getParent();
        List<Path> naming;
        try (Stream<Path> files = Files.walk(views)) {
            naming = files.filter(Files::isRegularFile)
                    .filter(f -> read(f).contains(PLUGIN + ".health"))
                    .toList();
        }
        assertEquals(List.of(), naming, "views of the credential that name a token health class");
    }

    /**
     * NoExternalUse does not extend to nested types (access-modifier-checker applies only DoNotUse to them), so each
     * public type of these packages carries it.
     */
    @Test
    void everyPublicTypeOfTheInternalPackagesAndTokenHealthIsNoExternalUse() {
        classes()
                .that()
                .resideInAnyPackage(PLUGIN + "..internal..", PLUGIN + ".health..")
                .and()
                .arePublic()
                .and()
                .doNotHaveSimpleName("Messages")
                .should()
                .beAnnotatedWith(NO_EXTERNAL_USE)
                .check(MAIN);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
