package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.Contact;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A contact stored in the tenant's row (three of them, with column prefixes). */
@Embeddable
public class ContactColumns {

    @Column(length = 200)
    private String name;
    @Column(length = 254)
    private String email;
    @Column(length = 32)
    private String phone;

    protected ContactColumns() {
        // for JPA
    }

    static ContactColumns of(Contact contact) {
        if (contact == null) {
            return null;
        }
        ContactColumns c = new ContactColumns();
        c.name = contact.name().strip();
        c.email = contact.email().strip();
        c.phone = contact.phone() == null || contact.phone().isBlank() ? null : contact.phone().strip();
        return c;
    }

    Contact toContact() {
        return name == null && email == null ? null : new Contact(name, email, phone);
    }
}
