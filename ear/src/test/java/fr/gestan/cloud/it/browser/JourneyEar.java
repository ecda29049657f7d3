package fr.gestan.cloud.it.browser;

import fr.gestan.cloud.it.support.AsAdmin;
import fr.gestan.cloud.it.support.Call;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.JournalTamper;
import fr.gestan.cloud.it.support.RoleCaller;
import fr.gestan.cloud.it.support.SupportClearance;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of the browser journeys and the HTTP tests of this package: the EAR as built, plus the test-only
 * pages and fixture servlets that some of them call, all under {@code /it/} and reached only by the tests that name
 * them (the fixtures' own comments say which). Every class deploys this same archive (through {@link OnJourneyEar}),
 * so the suite deploys it once instead of once per class ({@link fr.gestan.cloud.it.env.KeepingContainer}).
 */
final class JourneyEar {

    private JourneyEar() {
    }

    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.withStatefulPage(Deployments.fullEar());
        ear.getAsType(WebArchive.class, "gestan-web.war")
                .addClasses(FixtureServlet.class, AgentFixtureServlet.class, CertificateFixtureServlet.class, JournalLogFixtureServlet.class,
                        JournalPagesFixtureServlet.class, SignInFixtureServlet.class, ProgressDemoBean.class,
                        AsAdmin.class, RoleCaller.class, Call.class, Ids.class, SupportClearance.class, JournalTamper.class)
                .addAsWebResource(new StringAsset(FrameIT.FRAME_PAGE), "it/frame.xhtml")
                .addAsWebResource(new StringAsset(FrameIT.BOOM_PAGE), "it/boom.xhtml");
        return ear;
    }
}
