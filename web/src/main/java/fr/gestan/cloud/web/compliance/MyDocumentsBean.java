package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.AgreementChangedException;
import fr.gestan.cloud.compliance.api.AgreementStatusView;
import fr.gestan.cloud.compliance.api.DocumentNotFoundException;
import fr.gestan.cloud.compliance.api.ProcessingEntryView;
import fr.gestan.cloud.compliance.api.ProcessingRecord;
import fr.gestan.cloud.compliance.api.ProcessorAgreements;
import fr.gestan.cloud.hosting.api.MyRecoveryView;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The client's "Mes documents": processor agreements (accept, download), its record extract, its recovery estimate. */
@Named
@ViewScoped
public class MyDocumentsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ProcessorAgreements agreements;
    @EJB
    ProcessingRecord record;
    @EJB
    RecoveryPlans recovery;
    @Inject
    Messages messages;

    private List<AgreementStatusView> mine;
    private transient List<ProcessingEntryView> entries;
    private transient List<MyRecoveryView> recoveries;

    public List<AgreementStatusView> getAgreements() {
        if (mine == null) {
            mine = agreements.mine();
        }
        return mine;
    }

    public List<ProcessingEntryView> getEntries() {
        if (entries == null) {
            entries = record.mine();
        }
        return entries;
    }

    public List<MyRecoveryView> getRecoveries() {
        if (recoveries == null) {
            recoveries = recovery.myRecovery();
        }
        return recoveries;
    }

    /** Accepts the version of the agreement the page showed. */
    public void accept(AgreementStatusView shown) {
        try {
            agreements.accept(shown.contractId(), shown.currentSha256());
            messages.add(FacesMessage.SEVERITY_INFO, "cmsg", "documents.accepted", shown.contractId());
        } catch (AgreementChangedException e) {
            messages.add(FacesMessage.SEVERITY_WARN, "cmsg", "documents.changed");
        } catch (DocumentNotFoundException e) {
            messages.add(FacesMessage.SEVERITY_ERROR, "cmsg", "documents.notFound");
        }
        mine = null;
    }
}
