package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.hosting.api.ChangeAnswerView;
import fr.gestan.cloud.hosting.api.NewSubProcessor;
import fr.gestan.cloud.hosting.api.SubProcessorChangeView;
import fr.gestan.cloud.hosting.api.SubProcessorChanges;
import fr.gestan.cloud.hosting.api.SubProcessorRole;
import fr.gestan.cloud.hosting.api.SubProcessorView;
import fr.gestan.cloud.hosting.api.SubProcessors;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import fr.gestan.cloud.web.tenants.TenantNames;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Staff's sub-processor list (GDPR art. 28(2)): the entries, an administrator's form to add one (which tells the
 * clients concerned), and each change told to the clients with their answers, objections first.
 */
@Named
@ViewScoped
public class SubProcessorsAdminBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SubProcessors subProcessors;
    @EJB
    SubProcessorChanges changes;
    @Inject
    @Bundle("hmsg")
    Messages messages;

    private List<SubProcessorView> entries;
    private List<SubProcessorChangeView> changeList;
    private Long shownChange;
    private List<ChangeAnswerView> answers = List.of();
    /** The company names of the answers' SIRENs (one query). */
    @Inject
    TenantNames names;

    private String name;
    private String legalForm;
    private SubProcessorRole role = SubProcessorRole.OTHER;
    private String country = "FR";
    private String city;
    private String servicesFr;
    private String servicesEn;
    /** Proposed: the day after a default 30-day objection period (the service accepts an earlier, urgent one). */
    private LocalDate effectiveFrom = LocalDate.now(Paris.ZONE).plusDays(31);

    @PostConstruct
    void load() {
        entries = subProcessors.all();
        changeList = changes.changes();
        if (shownChange != null) {
            show(shownChange);
        }
    }

    public void add() {
        try {
            SubProcessorView added = subProcessors.add(new NewSubProcessor(name, legalForm, role, country, city, null, null, null, null,
                    servicesFr, servicesEn, effectiveFrom));
            messages.info("subprocessors.added", added.name());
            name = legalForm = city = servicesFr = servicesEn = null;
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    public void show(long changeId) {
        shownChange = changeId;
        answers = changes.answers(changeId);
        names.read(answers.stream().map(ChangeAnswerView::tenantSiren).toList());
    }

    public SubProcessorChangeView getShown() {
        return changeList.stream().filter(c -> shownChange != null && c.id() == shownChange).findFirst().orElse(null);
    }

    public SubProcessorRole[] getRoles() {
        return SubProcessorRole.values();
    }

    public List<SubProcessorView> getEntries() {
        return entries;
    }

    public List<SubProcessorChangeView> getChanges() {
        return changeList;
    }

    /** The company name of an answer's SIREN, or null when unknown. */
    public String name(String siren) {
        return names.of(siren);
    }

    public List<ChangeAnswerView> getAnswers() {
        return answers;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLegalForm() {
        return legalForm;
    }

    public void setLegalForm(String legalForm) {
        this.legalForm = legalForm;
    }

    public SubProcessorRole getRole() {
        return role;
    }

    public void setRole(SubProcessorRole role) {
        this.role = role;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getServicesFr() {
        return servicesFr;
    }

    public void setServicesFr(String servicesFr) {
        this.servicesFr = servicesFr;
    }

    public String getServicesEn() {
        return servicesEn;
    }

    public void setServicesEn(String servicesEn) {
        this.servicesEn = servicesEn;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }
}
