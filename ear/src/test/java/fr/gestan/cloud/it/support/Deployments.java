package fr.gestan.cloud.it.support;

import fr.gestan.cloud.it.env.KeycloakFixture;
import java.io.File;
import java.util.List;
import java.util.Set;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments cut from the real EAR that this module just built: the same libraries, descriptors and
 * module jars, keeping only the modules a test needs (each deployment costs seconds).
 */
public final class Deployments {

    private static final Set<String> MODULES = Set.of("gestan-tenants.jar", "gestan-hosting.jar",
            "gestan-security.jar", "gestan-compliance.jar", "gestan-notifications.jar", "gestan-web.war");

    private Deployments() {
    }

    /** The EAR exactly as built, for black-box tests through HTTP. */
    public static EnterpriseArchive fullEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, builtEar());
    }

    /**
     * The built EAR with only the given modules, plus test callers that run with a given role. The security
     * module is always kept: every module writes to its access journal.
     */
    public static EnterpriseArchive modules(Class<?> testClass, String... keep) {
        return modules(testClass, List.of(), keep);
    }

    /** {@link #modules(Class, String...)}, with classes of the test's own (callers, mail reader, seeding) beside it. */
    public static EnterpriseArchive modules(Class<?> testClass, List<Class<?>> helpers, String... keep) {
        // In-container tests cannot wait for Keycloak themselves (the tenants and security modules call it): the
        // deployment is built on the client, after WildFly has booted in parallel with Keycloak, so wait here.
        KeycloakFixture.awaitReady();
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, builtEar());
        Set<String> kept = new java.util.HashSet<>(Set.of(keep));
        kept.add("gestan-security.jar");
        if (kept.contains("gestan-hosting.jar")) {
            kept.add("gestan-tenants.jar"); // the hosting module asks the tenants module who the signed-in client is
        }
        if (kept.contains("gestan-hosting.jar") || kept.contains("gestan-tenants.jar") || kept.contains("gestan-notifications.jar")) {
            // both announce through the notification outbox, whose module resolves recipients through both
            kept.addAll(Set.of("gestan-notifications.jar", "gestan-hosting.jar", "gestan-tenants.jar"));
        }
        for (String module : MODULES) {
            if (!kept.contains(module)) {
                ear.delete("/" + module);
            }
        }
        // Without application.xml the server finds the modules itself, including the test ones added below.
        ear.delete("META-INF/application.xml");
        // Arquillian adds its test servlet to the EAR's only WAR: the test class and its callers live there.
        WebArchive it = ShrinkWrap.create(WebArchive.class, "it.war")
                .addClasses(testClass, Call.class, RoleCaller.class, AsClient.class, AsSupport.class, AsAdmin.class, AsAuditor.class, Ids.class,
                        SupportClearance.class, WithRoleCallers.class, JournalTamper.class);
        if (kept.contains("gestan-tenants.jar")) {
            it.addClass(Companies.class);
        }
        it.addClasses(helpers.toArray(Class<?>[]::new));
        ear.addAsModule(it);
        String name = testClass.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        return ShrinkWrap.create(EnterpriseArchive.class, name + ".ear").merge(ear);
    }

    /** The address of {@link #withStatefulPage}'s page, under the site's root. */
    public static final String STATEFUL_PAGE = "it/stateful.xhtml";

    /**
     * Adds to the web module a page that keeps its view in the session, as every page not named in
     * {@code StatelessPublicViews} does: the source of an anonymous session for the tests that need one (the public
     * pages give none). A form with an AJAX button, no bean.
     */
    public static EnterpriseArchive withStatefulPage(EnterpriseArchive ear) {
        ear.getAsType(WebArchive.class, "gestan-web.war").addAsWebResource(new StringAsset("""
                <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:h="jakarta.faces.html"
                                xmlns:ui="jakarta.faces.facelets" xmlns:p="primefaces"
                                template="/WEB-INF/templates/public.xhtml">
                    <ui:define name="title">Stateful</ui:define>
                    <ui:define name="content">
                        <h1>Stateful</h1>
                        <h:form id="stateful"><p:commandButton id="send" value="Send" process="@form" update="@form"/></h:form>
                    </ui:define>
                </ui:composition>
                """), STATEFUL_PAGE);
        return ear;
    }

    /** Lets the test WAR use Hibernate's own API (statistics, the mapping model): the server's module. */
    public static EnterpriseArchive withHibernate(EnterpriseArchive ear) {
        ear.getAsType(WebArchive.class, "it.war").addAsManifestResource(new StringAsset("Dependencies: org.hibernate\n"), "MANIFEST.MF");
        return ear;
    }

    private static File builtEar() {
        File ear = new File(System.getProperty("gestan.it.ear", "target/gestan.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("Build the EAR first (mvn verify builds it before the tests): " + ear);
        }
        return ear;
    }
}
