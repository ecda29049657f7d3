package fr.gestan.cloud.contracts.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.contracts.api.DataCentreView;
import fr.gestan.cloud.contracts.api.DuplicateDataCentreException;
import fr.gestan.cloud.contracts.api.HostingInventory;
import fr.gestan.cloud.contracts.api.NewDataCentre;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.validation.executable.ValidateOnExecution;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;

// Makes Hibernate Validator intercept this bean: its constraints sit on the interface (HV-994).
@ValidateOnExecution
@Stateless
@Local(HostingInventory.class)
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class HostingInventoryBean implements HostingInventory {

    @PersistenceContext(unitName = "contracts")
    EntityManager em;

    @EJB
    AccessJournal journal;

    @Override
    @RolesAllowed(Roles.ADMIN)
    public DataCentreView addDataCentre(NewDataCentre request) {
        String code = request.code().strip().toUpperCase(Locale.ROOT);
        if (em.createNamedQuery(DataCentre.COUNT_BY_CODE, Long.class).setParameter("code", code).getSingleResult() > 0) {
            throw new DuplicateDataCentreException(code);
        }
        DataCentre dataCentre = new DataCentre(code, request.city(), request.countryCode(), request.operatorName());
        em.persist(dataCentre);
        journal.record(JournalEvent.success("DATACENTRE_ADDED", null, code));
        return dataCentre.toView();
    }

    @Override
    public List<DataCentreView> dataCentres() {
        return em.createNamedQuery(DataCentre.ALL, DataCentre.class).getResultStream().map(DataCentre::toView).toList();
    }
}
