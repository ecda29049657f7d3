package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.contracts.api.DataCentreView;
import fr.gestan.cloud.contracts.api.DuplicateDataCentreException;
import fr.gestan.cloud.contracts.api.HostingInventory;
import fr.gestan.cloud.contracts.api.NewDataCentre;
import fr.gestan.cloud.it.support.AsAdmin;
import fr.gestan.cloud.it.support.AsClient;
import fr.gestan.cloud.it.support.AsSupport;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hosting module against the real server and database. */
@ExtendWith(ArquillianExtension.class)
class ContractsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(ContractsIT.class, "gestan-contracts.jar");
    }

    @EJB
    HostingInventory inventory;
    @EJB
    AsAdmin admin;
    @EJB
    AsSupport support;
    @EJB
    AsClient client;

    @Test
    void the_demo_sites_of_the_offer_are_there() throws Exception {
        List<DataCentreView> sites = client.call(inventory::dataCentres);
        assertTrue(sites.stream().anyMatch(d -> d.code().equals("DC3") && d.city().equals("Vitry-sur-Seine")), sites::toString);
        assertTrue(sites.stream().anyMatch(d -> d.code().equals("DC5") && d.city().equals("Saint-Ouen-l'Aumône")), sites::toString);
    }

    @Test
    void an_admin_adds_a_data_centre_that_is_stored() throws Exception {
        String code = Ids.code("PAR");
        DataCentreView added = admin.call(() -> inventory.addDataCentre(new NewDataCentre(code.toLowerCase(), "Paris", "FR", "Scaleway SAS")));
        assertEquals(code, added.code());
        assertTrue(support.call(inventory::dataCentres).stream().anyMatch(d -> d.code().equals(code) && d.city().equals("Paris")));
        assertThrows(DuplicateDataCentreException.class,
                () -> admin.call(() -> inventory.addDataCentre(new NewDataCentre(code, "Paris", "FR", "Scaleway SAS"))));
    }

    @Test
    void only_admins_add_and_only_signed_in_users_list() {
        NewDataCentre dc = new NewDataCentre(Ids.code("X"), "Lyon", "FR", "Netsyst");
        assertThrows(EJBAccessException.class, () -> support.call(() -> inventory.addDataCentre(dc)));
        assertThrows(EJBAccessException.class, () -> client.call(() -> inventory.addDataCentre(dc)));
        assertThrows(EJBAccessException.class, () -> inventory.dataCentres());
    }
}
