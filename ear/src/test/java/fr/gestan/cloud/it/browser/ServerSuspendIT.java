package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.TestEnvironment;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server suspends before it stops (Ctrl-C of {@code run.sh}, {@code shutdown}) or on {@code :suspend}: the
 * background work that keeps running then must not log errors. The journal's sequencer polled every 50 ms on the
 * managed scheduler, whose rounds WildFly refuses while suspended, each with an ERROR ({@code WFLYEE0110} /
 * {@code WFLYEE0111}) until the bean was destroyed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerSuspendIT extends OnJourneyEar {

    @Test
    void a_suspended_server_logs_no_refused_scheduled_round_and_serves_again_once_resumed() throws Exception {
        assertEquals(200, Http.get(Http.HTTPS).statusCode(), "the home page serves before");
        long from = HardeningIT.SERVER_LOG.toFile().length();
        try (ModelControllerClient management = ModelControllerClient.Factory.create("localhost", 9990 + TestEnvironment.PORT_OFFSET)) {
            try {
                run(management, Operations.createOperation("suspend"));
                Thread.sleep(600); // a dozen of the sequencer's 50 ms periods
                ModelNode state = run(management, Operations.createReadAttributeOperation(new ModelNode().setEmptyList(), "suspend-state"));
                // SUSPENDING while a request or timer of another test still runs: new work is refused either way
                assertTrue(Set.of("SUSPENDING", "SUSPENDED").contains(state.asString()), "the server is suspended: " + state);
            } finally {
                run(management, Operations.createOperation("resume"));
            }
        }
        List<String> refused = HardeningIT.tail(from).lines()
                .filter(l -> l.contains("WFLYEE0110") || l.contains("WFLYEE0111") || l.contains(" ERROR ")).toList();
        assertTrue(refused.isEmpty(), "no error while suspended:\n" + String.join("\n", refused));
        assertEquals(200, Http.get(Http.HTTPS).statusCode(), "the home page serves again");
    }

    private static ModelNode run(ModelControllerClient management, ModelNode operation) throws Exception {
        ModelNode outcome = management.execute(operation);
        assertTrue(Operations.isSuccessfulOutcome(outcome), () -> operation + ": " + outcome);
        return Operations.readResult(outcome);
    }
}
