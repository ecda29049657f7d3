package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.tenants.api.ConcurrentEditException;
import fr.gestan.cloud.tenants.api.DuplicateSirenException;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import fr.gestan.cloud.tenants.api.PostalAddress;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantStateException;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.event.Observes;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The record form of {@code /admin/tenants/edit} (form {@code tenant}: identity, address, contacts, hosted data):
 * creates the tenant or saves its changes. The same Bean Validation constraints as the service run first, so each
 * bad field gets its own message. An existing tenant's record is shown read-only until "Modifier la fiche"
 * ({@code ?edit=true}, {@link #edit}) asks for the form, and again once its changes are saved.
 */
@Named
@ViewScoped
public class TenantFormBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "tenant";

    @EJB
    TenantService tenants;
    @Inject
    Validator validator;
    @Inject
    @Bundle("tmsg")
    Messages messages;
    @Inject
    TenantPageBean page;

    private String legalName;
    private String siren;
    private String siret;
    private String vatNumber;
    private String line1;
    private String line2;
    private String postalCode;
    private String city;
    private String countryCode = "FR";
    private ContactForm administrative = new ContactForm();
    private ContactForm billing = new ContactForm();
    private ContactForm technical = new ContactForm();
    private HostedDataKind[] dataKinds = new HostedDataKind[0];
    /** The form rather than the read-only record (an existing tenant's; creating always shows the form). */
    private boolean editing;

    /** Fills the form from the record the page shows (read, saved or changed state). */
    void fill(@Observes TenantPageBean.Shown shown) {
        TenantDetails d = shown.record().details();
        legalName = d.legalName();
        siren = d.siren();
        siret = d.siret();
        vatNumber = d.vatNumber();
        if (d.address() != null) {
            line1 = d.address().line1();
            line2 = d.address().line2();
            postalCode = d.address().postalCode();
            city = d.address().city();
            countryCode = d.address().countryCode();
        }
        administrative = ContactForm.of(d.administrative());
        billing = ContactForm.of(d.billing());
        technical = ContactForm.of(d.technical());
        dataKinds = d.dataKinds().toArray(new HostedDataKind[0]);
    }

    private TenantDetails details() {
        return new TenantDetails(legalName, siren, siret, vatNumber,
                new PostalAddress(line1, line2, postalCode, city, countryCode == null ? null : countryCode.strip().toUpperCase()),
                administrative.toContact(), billing.toContact(), technical.toContact(),
                dataKinds == null || dataKinds.length == 0 ? Set.of() : EnumSet.copyOf(List.of(dataKinds)));
    }

    /** View action of {@code ?edit=true}: the form, for staff who may change this tenant (else the record stays read-only). */
    public void edit() {
        editing = page.isEditable() && !page.isCreating();
    }

    public boolean isEditing() {
        return editing;
    }

    public String save() {
        TenantDetails details = details();
        Set<ConstraintViolation<TenantDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            messages.fieldMessages(FORM, violations, TenantFields.RENAMED);
            return null;
        }
        try {
            if (page.isCreating()) {
                TenantRecord created = tenants.create(details);
                messages.info("tenant.created", created.legalName());
                return "/admin/tenants/edit?faces-redirect=true&id=" + created.id();
            }
            TenantRecord record = page.getRecord();
            page.show(tenants.update(record.id(), record.version(), details));
            editing = false;
            messages.info("tenant.saved");
        } catch (DuplicateSirenException e) {
            messages.error("tenant.duplicate", e.siren());
        } catch (ConcurrentEditException e) {
            messages.error("tenant.concurrent");
        } catch (TenantStateException | TenantNotFoundException e) {
            TenantRefusals.show(messages, e);
        } catch (EJBException e) {
            messages.fieldMessages(FORM, e, TenantFields.RENAMED);
        }
        return null;
    }

    public HostedDataKind[] getAllDataKinds() {
        return HostedDataKind.values();
    }

    // --- form fields

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public String getSiren() {
        return siren;
    }

    public void setSiren(String siren) {
        this.siren = siren;
    }

    public String getSiret() {
        return siret;
    }

    public void setSiret(String siret) {
        this.siret = siret;
    }

    public String getVatNumber() {
        return vatNumber;
    }

    public void setVatNumber(String vatNumber) {
        this.vatNumber = vatNumber;
    }

    public String getLine1() {
        return line1;
    }

    public void setLine1(String line1) {
        this.line1 = line1;
    }

    public String getLine2() {
        return line2;
    }

    public void setLine2(String line2) {
        this.line2 = line2;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
    }

    public ContactForm getAdministrative() {
        return administrative;
    }

    public ContactForm getBilling() {
        return billing;
    }

    public ContactForm getTechnical() {
        return technical;
    }

    public HostedDataKind[] getDataKinds() {
        return dataKinds;
    }

    public void setDataKinds(HostedDataKind[] dataKinds) {
        this.dataKinds = dataKinds == null ? new HostedDataKind[0] : dataKinds.clone();
    }
}
